#include "engine/catalog.h"

#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>

namespace rapport {

Catalog::Catalog(Catalog&&) noexcept = default;
Catalog& Catalog::operator=(Catalog&&) noexcept = default;
Catalog::~Catalog() = default;

bool is_catalog_key(std::string_view key) {
  if (key.empty() || key.front() == '.' || key.back() == '.') return false;
  bool dot = false;
  char prev = 0;
  for (char c : key) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    if (!ok || (c == '.' && prev == '.')) return false;
    dot = dot || c == '.';
    prev = c;
  }
  return dot;
}

Result<Catalog, DataErrors> Catalog::from_json(const JsonDocument& doc, std::string_view locale) {
  DataErrors errors;
  if (!doc.value.is_object()) {
    return fail(DataErrors{doc.error_at("", "a catalog must be a JSON object of \"key\": \"message\" pairs")});
  }
  Catalog cat;
  cat.locale_ = std::string(locale);
  const icu::Locale icu_locale(cat.locale_.c_str());
  for (const auto& [key, value] : doc.value.items()) {
    const std::string pointer = json_pointer_append("", key);
    if (!is_catalog_key(key)) {
      errors.push_back(doc.error_at(pointer, "\"" + key + "\" is not a catalog key: use dotted lower-case words, "
                                                          "e.g. \"ui.meeting.title\""));
      continue;
    }
    if (!value.is_string()) {
      errors.push_back(doc.error_at(pointer, "a message must be a string"));
      continue;
    }
    const auto& text = value.get_ref<const std::string&>();
    UErrorCode status = U_ZERO_ERROR;
    UParseError perr{};
    auto fmt = std::make_unique<icu::MessageFormat>(icu::UnicodeString::fromUTF8(text), icu_locale, perr, status);
    if (U_FAILURE(status)) {
      std::string msg = "not a valid ICU MessageFormat pattern (" + std::string(u_errorName(status)) + ")";
      if (perr.offset >= 0) msg += " near character " + std::to_string(perr.offset + 1) + " of the message";
      errors.push_back(doc.error_at(pointer, msg));
      continue;
    }
    cat.entries_.emplace(key, Entry{text, std::move(fmt)});
  }
  if (!errors.empty()) return fail(std::move(errors));
  return cat;
}

bool Catalog::has(std::string_view key) const { return entries_.find(key) != entries_.end(); }

std::vector<std::string> Catalog::keys() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const auto& [k, v] : entries_) out.push_back(k);
  return out;
}

std::string_view Catalog::pattern(std::string_view key) const {
  auto it = entries_.find(key);
  return it == entries_.end() ? std::string_view{} : std::string_view(it->second.pattern);
}

std::string Catalog::format(std::string_view key, std::initializer_list<MessageArg> args) const {
  return format(key, std::span<const MessageArg>(args.begin(), args.size()));
}

std::string Catalog::format(std::string_view key, std::span<const MessageArg> args) const {
  auto it = entries_.find(key);
  if (it == entries_.end()) return "[" + std::string(key) + "]";
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  names.reserve(args.size());
  values.reserve(args.size());
  for (const auto& a : args) {
    names.push_back(icu::UnicodeString::fromUTF8(icu::StringPiece(a.name.data(), static_cast<int32_t>(a.name.size()))));
    if (const auto* i = std::get_if<std::int64_t>(&a.value)) {
      values.emplace_back(static_cast<int64_t>(*i));
    } else if (const auto* d = std::get_if<double>(&a.value)) {
      values.emplace_back(*d);
    } else {
      const auto s = std::get<std::string_view>(a.value);
      values.emplace_back(icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))));
    }
  }
  icu::UnicodeString out;
  UErrorCode status = U_ZERO_ERROR;
  it->second.format->format(names.data(), values.data(), static_cast<int32_t>(values.size()), out, status);
  if (U_FAILURE(status)) return it->second.pattern;  // wrong argument types: show the raw text, never crash
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

}  // namespace rapport
