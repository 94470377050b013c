// Test runner: hands ICU its data the way the shipped programs do, then runs every doctest case.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>

#include "platform/icu_data_source.h"

int main(int argc, char** argv) {
  if (auto err = rapport::platform::load_icu_data(RAPPORT_TEST_ICU_DATA)) {
    std::fprintf(stderr, "cannot load ICU data: %s\n", err->c_str());
    return 2;
  }
  doctest::Context ctx(argc, argv);
  // Plain output: under node, doctest would colour it, and test discovery reads it.
  ctx.setOption("no-colors", true);
  return ctx.run();
}
