#include "engine/dates.h"

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/ucal.h>

#include <cstdio>
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

std::string CivilDate::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// H. Hinnant's algorithms (public domain descriptions, "chrono-Compatible Low-Level Date Algorithms").
long long days_from_civil(const CivilDate& d) {
  const long long y = d.year - (d.month <= 2);
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(d.month + (d.month > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

CivilDate civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long y = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<CivilDate> parse_civil_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
  }
  auto num = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (t[i] - '0');
    return v;
  };
  CivilDate d{num(0, 4), num(5, 2), num(8, 2)};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  return d;
}

EpochMs now_ms() { return ucal_getNow(); }

bool is_known_zone(std::string_view time_zone) { return known_zone(time_zone) != nullptr; }

std::string hhmm(int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
  return buf;
}

std::optional<LocalTime> to_local(EpochMs when, std::string_view time_zone) {
  auto tz = known_zone(time_zone);
  if (!tz) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar cal(tz.release(), status);
  if (U_FAILURE(status)) return std::nullopt;
  cal.setGregorianChange(-8.64e15, status);  // proleptic Gregorian, as CivilDate is
  cal.setTime(when, status);
  LocalTime t;
  t.date = {cal.get(UCAL_EXTENDED_YEAR, status), cal.get(UCAL_MONTH, status) + 1, cal.get(UCAL_DATE, status)};
  t.minutes = cal.get(UCAL_HOUR_OF_DAY, status) * 60 + cal.get(UCAL_MINUTE, status);
  if (U_FAILURE(status)) return std::nullopt;
  return t;
}

std::optional<EpochMs> from_local(const CivilDate& date, int minutes, std::string_view time_zone) {
  auto tz = known_zone(time_zone);
  if (!tz) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar cal(tz.release(), status);
  if (U_FAILURE(status)) return std::nullopt;
  cal.setGregorianChange(-8.64e15, status);
  cal.clear();
  cal.set(UCAL_EXTENDED_YEAR, date.year);
  cal.set(UCAL_MONTH, date.month - 1);
  cal.set(UCAL_DATE, date.day);
  cal.set(UCAL_HOUR_OF_DAY, minutes / 60);
  cal.set(UCAL_MINUTE, minutes % 60);
  const EpochMs ms = cal.getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  return ms;
}

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

std::string format_day(const CivilDate& date, std::string_view locale, std::string_view skeleton) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale loc = icu::Locale::forLanguageTag(std::string(locale), status);
  if (U_FAILURE(status) || loc.isBogus()) return "";
  std::unique_ptr<icu::DateTimePatternGenerator> gen(icu::DateTimePatternGenerator::createInstance(loc, status));
  if (U_FAILURE(status)) return "";
  const icu::UnicodeString pattern = gen->getBestPattern(
      icu::UnicodeString::fromUTF8(icu::StringPiece(skeleton.data(), static_cast<int32_t>(skeleton.size()))), status);
  icu::SimpleDateFormat fmt(pattern, loc, status);
  if (U_FAILURE(status)) return "";
  // The date at noon UTC, formatted in UTC: no zone can move it to another day.
  auto* cal = new icu::GregorianCalendar(icu::TimeZone::getGMT()->clone(), loc, status);
  cal->setGregorianChange(-8.64e15, status);
  fmt.adoptCalendar(cal);
  const EpochMs noon = static_cast<double>(days_from_civil(date)) * 86400000.0 + 43200000.0;
  icu::UnicodeString out;
  fmt.format(noon, out);
  if (U_FAILURE(status)) return "";
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

std::string utc_offset_text(int minutes) {
  if (minutes == 0) return "UTC";
  std::string out = minutes < 0 ? "UTC\u2212" : "UTC+";  // U+2212 MINUS SIGN
  const int a = minutes < 0 ? -minutes : minutes;
  out += std::to_string(a / 60);
  if (a % 60) {
    char buf[8];
    std::snprintf(buf, sizeof buf, ":%02d", a % 60);
    out += buf;
  }
  return out;
}

}  // namespace rapport
