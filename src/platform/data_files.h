// Reading the product's data files (i18n/, culture-profiles/) from a directory tree into the engine's
// SourceFile list. Works natively, under node (NODERAWFS) and in the browser (the preloaded /rapport tree).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace rapport::platform {

/// Every *.json file under `root`/`subdir` for each subdir, named relative to `root` with '/' separators
/// ("i18n/en.json"), sorted by name. A directory that does not exist is skipped; a file that cannot be read
/// is reported in `errors`.
std::vector<SourceFile> read_data_files(const std::filesystem::path& root, const std::vector<std::string>& subdirs,
                                        std::vector<std::string>& errors);

/// The data directories shipped with Rapport.
inline const std::vector<std::string>& shipped_data_dirs() {
  static const std::vector<std::string> dirs = {"i18n", "culture-profiles"};
  return dirs;
}

/// Reads a whole file into `out`; false when it cannot be read.
bool read_file(const std::filesystem::path& path, std::string& out);

}  // namespace rapport::platform
