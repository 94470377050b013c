// Reading people-written JSON into C++ structures strictly: every field is checked for presence, type and
// range, unknown fields are errors (with the valid ones listed and the closest suggested), and all errors are
// collected with file, line, column and JSON path rather than stopping at the first.
//
//   ObjectReader r(doc, doc.value, "", errors);
//   std::string code = r.string("code", Need::kRequired);
//   auto dims = r.object("dimensions");
//   double lo = dims.number("min", 1, 10);
//   r.finish();  // reports fields nobody asked for
#pragma once

#include <initializer_list>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/json_doc.h"

namespace rapport {

enum class Need { kRequired, kOptional };

class ObjectReader {
 public:
  /// Reads the object `value` found at `pointer` in `doc`. If `value` is not an object an error is recorded and
  /// every accessor returns defaults.
  ObjectReader(const JsonDocument& doc, const nlohmann::json& value, std::string pointer, DataErrors& errors);

  bool valid() const { return value_ != nullptr; }
  bool has(std::string_view key) const;
  const std::string& pointer() const { return pointer_; }
  std::string child_pointer(std::string_view key) const { return json_pointer_append(pointer_, key); }

  /// A non-empty string (after trimming white space).
  std::string string(std::string_view key, Need need = Need::kRequired);
  std::optional<std::string> optional_string(std::string_view key);
  /// A whole number in [min, max].
  long long integer(std::string_view key, long long min, long long max, Need need = Need::kRequired,
                    long long fallback = 0);
  /// Any number in [min, max].
  double number(std::string_view key, double min, double max, Need need = Need::kRequired, double fallback = 0);
  bool boolean(std::string_view key, Need need = Need::kOptional, bool fallback = false);
  /// One of `allowed` (the error lists them).
  std::string one_of(std::string_view key, std::initializer_list<std::string_view> allowed,
                     Need need = Need::kRequired);
  std::string one_of(std::string_view key, std::span<const std::string_view> allowed, Need need = Need::kRequired);
  /// An array of non-empty strings with at least `min_items`.
  std::vector<std::string> strings(std::string_view key, std::size_t min_items, Need need = Need::kRequired);
  /// [low, high] with min <= low <= high <= max.
  std::pair<double, double> range(std::string_view key, double min, double max, Need need = Need::kRequired);
  /// A nested object (an invalid reader when absent or not an object).
  ObjectReader object(std::string_view key, Need need = Need::kRequired);
  /// The array at `key` (nullptr when absent or not an array; errors recorded).
  const nlohmann::json* array(std::string_view key, std::size_t min_items, Need need = Need::kRequired);
  /// The raw value, marked as known (null when absent).
  const nlohmann::json* raw(std::string_view key);

  /// Records an error at `key` (or at this object when `key` is empty).
  void error(std::string_view key, std::string message);
  /// Reports every field that no accessor asked for. Call once, after reading.
  void finish();

  const JsonDocument& doc() const { return *doc_; }
  DataErrors& errors() { return *errors_; }

 private:
  const nlohmann::json* find(std::string_view key, Need need, const char* expected);
  const JsonDocument* doc_;
  const nlohmann::json* value_;
  std::string pointer_;
  DataErrors* errors_;
  std::set<std::string, std::less<>> known_;
};

/// The closest of `candidates` to `word` (edit distance at most a third of its length, at least 1), for "did
/// you mean" hints; "" when none is close.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// "a", "b" or "c" style list for messages.
std::string quoted_list(const std::vector<std::string>& items);

}  // namespace rapport
