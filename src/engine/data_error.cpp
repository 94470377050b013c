#include "engine/data_error.h"

namespace rapport {

std::string DataError::format() const {
  std::string out = file.empty() ? std::string("<data>") : file;
  if (pos.line > 0) {
    out += ':' + std::to_string(pos.line) + ':' + std::to_string(pos.column);
  }
  out += ": error: ";
  out += message;
  if (!json_path.empty()) {
    out += " [at " + json_path + "]";
  }
  return out;
}

std::string format_errors(const DataErrors& errors) {
  std::string out;
  for (const auto& e : errors) {
    out += e.format();
    out += '\n';
  }
  return out;
}

}  // namespace rapport
