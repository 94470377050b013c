#include "engine/dates.h"

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/ucal.h>

#include <memory>

namespace rapport {

namespace {
std::unique_ptr<icu::TimeZone> known_zone(std::string_view id) {
  const auto uid = icu::UnicodeString::fromUTF8(icu::StringPiece(id.data(), static_cast<int32_t>(id.size())));
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(uid));
  icu::UnicodeString got;
  tz->getID(got);
  // ICU answers an unknown id with "Etc/Unknown" rather than an error.
  if (got == icu::UnicodeString(u"Etc/Unknown")) return nullptr;
  return tz;
}

icu::DateFormat::EStyle to_icu(DateStyle s) {
  switch (s) {
    case DateStyle::kShort: return icu::DateFormat::kShort;
    case DateStyle::kMedium: return icu::DateFormat::kMedium;
    case DateStyle::kLong: return icu::DateFormat::kLong;
    case DateStyle::kFull: return icu::DateFormat::kFull;
  }
  return icu::DateFormat::kMedium;
}
}  // namespace

EpochMs now_ms() { return ucal_getNow(); }

std::optional<std::string> format_date(EpochMs when, std::string_view locale, std::string_view calendar,
                                       DateStyle style, std::string_view time_zone) {
  auto tz = known_zone(time_zone);
  if (!tz) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc = icu::Locale::forLanguageTag(std::string(locale), status);
  if (U_FAILURE(status) || loc.isBogus()) return std::nullopt;
  loc.setKeywordValue("calendar", std::string(calendar).c_str(), status);
  std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(tz->clone(), loc, status));
  if (U_FAILURE(status)) return std::nullopt;
  if (calendar != cal->getType()) return std::nullopt;  // ICU fell back to another calendar: unknown type
  std::unique_ptr<icu::DateFormat> fmt(icu::DateFormat::createDateInstance(to_icu(style), loc));
  if (!fmt) return std::nullopt;
  fmt->adoptCalendar(cal.release());
  icu::UnicodeString out;
  fmt->format(when, out);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

std::optional<int> utc_offset_minutes(std::string_view time_zone, EpochMs when) {
  auto tz = known_zone(time_zone);
  if (!tz) return std::nullopt;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz->getOffset(when, /*local=*/false, raw, dst, status);
  if (U_FAILURE(status)) return std::nullopt;
  return (raw + dst) / 60000;
}

}  // namespace rapport
