#include "platform/data_files.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace rapport::platform {

bool read_file(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return !in.bad();
}

std::vector<SourceFile> read_data_files(const std::filesystem::path& root, const std::vector<std::string>& subdirs,
                                        std::vector<std::string>& errors) {
  namespace fs = std::filesystem;
  std::vector<SourceFile> files;
  for (const auto& sub : subdirs) {
    std::error_code ec;
    const fs::path dir = root / sub;
    if (!fs::is_directory(dir, ec)) continue;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec) || it->path().extension() != ".json") continue;
      SourceFile f;
      f.name = fs::relative(it->path(), root, ec).generic_string();
      if (!read_file(it->path(), f.contents)) {
        errors.push_back("cannot read " + it->path().string());
        continue;
      }
      files.push_back(std::move(f));
    }
    if (ec) errors.push_back("cannot list " + dir.string() + ": " + ec.message());
  }
  std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.name < b.name; });
  return files;
}

}  // namespace rapport::platform
