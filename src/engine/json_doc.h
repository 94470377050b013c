// Parsing JSON that people write, keeping where every value stands in the text, so that errors found later
// (a wrong type, an unknown field, a value out of range) can name file, line, column and JSON path.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/data_error.h"
#include "engine/result.h"

namespace rapport {

/// A parsed JSON file with the position of each of its values.
struct JsonDocument {
  std::string file;      ///< name as given by the caller (shown in errors)
  std::string text;      ///< the file's contents
  nlohmann::json value;  ///< the parsed document
  /// Byte offset in `text` where the value at each JSON Pointer starts (for object members: where the key starts).
  std::unordered_map<std::string, std::size_t> offsets;

  /// Line and column of the value at `pointer`, or of its nearest ancestor that exists (for a missing field,
  /// the object that lacks it).
  SourcePosition position_of(std::string_view pointer) const;
  /// A DataError for the value at `pointer`, with its file and position filled in.
  DataError error_at(std::string_view pointer, std::string message) const;
};

/// Parses `contents` (UTF-8 JSON; a byte-order mark is skipped). Errors: invalid JSON (with the position of the
/// first syntax error) and duplicate object keys (every one, each at its second occurrence), since a duplicate
/// silently overwrites data that someone wrote on purpose.
Result<JsonDocument, DataErrors> parse_json(std::string_view file, std::string_view contents);

/// Appends a member name to a JSON Pointer, escaping '~' and '/' as RFC 6901 asks: ("/a", "b/c") -> "/a/b~1c".
std::string json_pointer_append(std::string_view pointer, std::string_view key);
/// Appends an array index to a JSON Pointer: ("/holidays", 3) -> "/holidays/3".
std::string json_pointer_append(std::string_view pointer, std::size_t index);

}  // namespace rapport
