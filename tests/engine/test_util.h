// Helpers shared by the engine tests.
#pragma once

#include <string>
#include <vector>

#include "engine/engine.h"
#include "platform/data_files.h"

namespace rapport::test {

/// A file of the source tree (e.g. "i18n/en.json"), read whole; the test fails if it cannot be read.
std::string source_file(const std::string& relative);

/// The shipped data files (i18n/, culture-profiles/) as the engine loads them.
std::vector<SourceFile> shipped_files();

/// The shipped data, loaded once for the whole test run (the test fails if it does not load).
const DataSet& shipped_data();

}  // namespace rapport::test
