// Errors in data that people write (culture profiles, rule packs, catalogs): "your data is wrong", as opposed
// to "the engine has a bug" (an exception). Each names the file, the line and column, and the JSON path.
#pragma once

#include <string>
#include <vector>

namespace rapport {

/// A place in a text: 1-based line and column (the column counts Unicode code points). 0 means unknown.
struct SourcePosition {
  int line = 0;
  int column = 0;
  friend bool operator==(const SourcePosition&, const SourcePosition&) = default;
};

struct DataError {
  std::string file;       ///< the name the caller gave the file, e.g. "culture-profiles/JP.json"
  SourcePosition pos;     ///< where in the file; {0,0} for the file as a whole
  std::string json_path;  ///< JSON Pointer (RFC 6901) of the value, e.g. "/holidays/3/month"; "" = whole document
  std::string message;    ///< what is wrong and, where it helps, what is expected

  /// Compiler style, as editors and CI logs understand it:
  /// `culture-profiles/JP.json:12:7: error: expected a number from 1 to 10 [at /dimensions/directness/min]`
  std::string format() const;
};

using DataErrors = std::vector<DataError>;

/// All errors, one formatted line each.
std::string format_errors(const DataErrors& errors);

}  // namespace rapport
