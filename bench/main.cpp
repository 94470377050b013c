// Benchmark runner: ICU gets its data exactly as in the shipped programs.
#include <benchmark/benchmark.h>

#include <cstdio>

#include "platform/icu_data_source.h"

int main(int argc, char** argv) {
  if (auto err = rapport::platform::load_icu_data()) {
    std::fprintf(stderr, "cannot load ICU data: %s\n", err->c_str());
    return 2;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
