// The text catalog: every string the user sees comes from i18n/<language>.json, a flat object of dotted keys
// ("ui.meeting.conflict.title") to ICU MessageFormat patterns ("{count, plural, one {# holiday} other {# holidays}}").
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/json_doc.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class MessageFormat;
U_NAMESPACE_END

namespace rapport {

/// One named argument of a message: {name} in the pattern.
struct MessageArg {
  std::string_view name;
  std::variant<std::int64_t, double, std::string_view> value;
};

class Catalog {
 public:
  /// Builds a catalog from a parsed i18n file. Errors (all at once, with positions): the document is not an
  /// object, a value is not a string, a key is not of the form "a.b.c" (lower case, digits, '_', '-'), or a
  /// pattern is not valid ICU MessageFormat.
  static Result<Catalog, DataErrors> from_json(const JsonDocument& doc, std::string_view locale);

  Catalog(Catalog&&) noexcept;
  Catalog& operator=(Catalog&&) noexcept;
  ~Catalog();

  const std::string& locale() const { return locale_; }
  bool has(std::string_view key) const;
  std::vector<std::string> keys() const;
  /// The raw pattern, or "" when the key is missing.
  std::string_view pattern(std::string_view key) const;

  /// Formats the message `key` with its arguments in this catalog's locale. A missing key comes back as
  /// "[key]" so that it shows on screen and in tests rather than as an empty label.
  ///
  ///   cat.format("ui.meeting.holidays", {{"count", 2}})  // "2 holidays"
  std::string format(std::string_view key, std::initializer_list<MessageArg> args = {}) const;
  /// The same, with arguments gathered at run time (a finding's `args` map, for example).
  std::string format(std::string_view key, std::span<const MessageArg> args) const;

 private:
  Catalog() = default;
  struct Entry {
    std::string pattern;
    std::unique_ptr<icu::MessageFormat> format;
  };
  std::string locale_;
  std::map<std::string, Entry, std::less<>> entries_;
};

/// True when `key` is a well-formed catalog key: two or more dot-separated parts of [a-z0-9_-].
bool is_catalog_key(std::string_view key);

}  // namespace rapport
