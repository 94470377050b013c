// Dates and times as people read them: formatting in any calendar ICU knows (Gregorian, Hebrew, Islamic,
// Chinese, Dangi, Japanese ...), in a locale and a time zone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rapport {

/// A calendar date in the proleptic Gregorian calendar.
struct CivilDate {
  int year = 0, month = 0, day = 0;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
  std::string iso() const;  ///< "2026-09-21"
};
/// Days since 1970-01-01 of a Gregorian date, and back. Plain day counting in the proleptic Gregorian
/// calendar, for hot paths where an ICU calendar per date would cost a hundred times more; checked against ICU
/// in the tests. Conversions between calendars always go through ICU.
long long days_from_civil(const CivilDate& d);
CivilDate civil_from_days(long long days);

/// Days in a month of the Gregorian calendar (leap years included).
int days_in_month(int year, int month);
/// Parses "YYYY-MM-DD" (a real date); nullopt otherwise.
std::optional<CivilDate> parse_civil_date(std::string_view text);

/// Milliseconds since 1970-01-01T00:00:00Z, as ICU (UDate) and JavaScript (Date.now()) count time.
using EpochMs = double;

/// The current time.
EpochMs now_ms();

enum class DateStyle { kShort, kMedium, kLong, kFull };

/// Formats the date of `when` as it falls in `time_zone` (IANA id, e.g. "Asia/Jerusalem"), in `locale`
/// (BCP 47 or ICU id, e.g. "he-IL", "en_US") and `calendar` (ICU calendar type: "gregorian", "hebrew",
/// "islamic-umalqura", "chinese", "dangi", "japanese", ...). Returns nullopt for an unknown time zone or
/// calendar, or when ICU lacks the data.
///
///   format_date(now_ms(), "en", "hebrew", DateStyle::kLong, "Asia/Jerusalem")  // "11 Kislev 5787"
std::optional<std::string> format_date(EpochMs when, std::string_view locale, std::string_view calendar,
                                       DateStyle style, std::string_view time_zone);

/// A wall-clock date and time in some zone.
struct LocalTime {
  CivilDate date;
  int minutes = 0;  ///< after midnight
};
/// Minutes after midnight as a 24-hour clock time, "09:05" (a day or more past midnight wraps: 1500 is "01:00").
std::string hhmm(int minutes);

/// The wall-clock time of `when` in `time_zone`; nullopt for an unknown zone.
std::optional<LocalTime> to_local(EpochMs when, std::string_view time_zone);
/// The instant at which the wall clock in `time_zone` shows `date` `minutes` (in a DST gap: the time after the
/// gap; in an overlap: the first occurrence). nullopt for an unknown zone.
std::optional<EpochMs> from_local(const CivilDate& date, int minutes, std::string_view time_zone);

/// True when `time_zone` is an IANA zone ICU knows (canonical or a link such as "Asia/Calcutta").
bool is_known_zone(std::string_view time_zone);

/// The UTC offset, in minutes, of `time_zone` at the instant `when` (daylight saving time included);
/// nullopt for an unknown zone.
std::optional<int> utc_offset_minutes(std::string_view time_zone, EpochMs when);

/// A Gregorian date as people read it in `locale`, from an ICU skeleton (the fields wanted, in any order; ICU
/// picks the locale's pattern): "EEEMMMd" gives "Mon, Sep 21" in "en" and "Mo., 21. Sept." in "de". "" when ICU
/// lacks the data.
///
///   format_day({2026, 9, 21}, "en", "EEEMMMd")  // "Mon, Sep 21"
std::string format_day(const CivilDate& date, std::string_view locale, std::string_view skeleton);

/// A UTC offset in minutes as a label: "UTC+9", "UTC+5:30", "UTC−3" (a real minus sign), "UTC" for 0.
std::string utc_offset_text(int minutes);

}  // namespace rapport
