#include "test_util.h"

#include <doctest/doctest.h>

namespace rapport::test {

std::string source_file(const std::string& relative) {
  std::string out;
  const bool ok = platform::read_file(std::string(RAPPORT_SOURCE_DIR) + "/" + relative, out);
  REQUIRE_MESSAGE(ok, "cannot read " << relative);
  return out;
}

std::vector<SourceFile> shipped_files() {
  std::vector<std::string> errors;
  auto files = platform::read_data_files(RAPPORT_SOURCE_DIR, platform::shipped_data_dirs(), errors);
  REQUIRE(errors.empty());
  return files;
}

const DataSet& shipped_data() {
  static Engine engine;
  static const bool loaded = engine.load(shipped_files()).empty();
  REQUIRE(loaded);
  return *engine.data();
}

}  // namespace rapport::test
