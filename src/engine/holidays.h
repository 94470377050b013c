// Computing a market's holidays for a year from the rules in its profile: Gregorian dates and weekday rules,
// Western and Orthodox Easter, the Hebrew, Islamic (Umm al-Qura or civil), Chinese and Korean calendars through
// ICU, solar terms (equinoxes, Qingming) from the sun's position, per-year tables, offsets, weekday moves,
// substitute days, multi-day periods and eves.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/profile.h"

namespace rapport {

/// One holiday (or period, half day, make-up working day) as it falls in a year.
struct HolidayOccurrence {
  const Holiday* rule = nullptr;  ///< the profile's rule (id, names, source, regions, note)
  std::string kind;               ///< the rule's kind, or "eve" for the day before a holiday with "eve"
  std::string impact;             ///< closed, reduced or normal ("reduced" for half days and eves)
  CivilDate start, end;           ///< inclusive; equal for one-day entries
  bool observed = false;          ///< a substitute day for a holiday that fell on a rest day
  CivilDate actual;               ///< for observed days: the date the holiday itself fell on
  bool estimated = false;         ///< the date follows the moon or an annual announcement
};

struct YearHolidays {
  std::vector<HolidayOccurrence> days;  ///< sorted by start date, then id
  std::vector<std::string> warnings;    ///< e.g. a "table" rule with no date listed for the year
};

/// Every occurrence of `p`'s holiday rules that starts in `year` (Gregorian), in force that year (`from`/`to`).
/// `region` (e.g. "Bavaria") keeps region-only holidays whose regions name it; "" keeps nationwide ones only;
/// "*" keeps all.
YearHolidays holidays_in_year(const Profile& p, int year, std::string_view region = "");

/// Date arithmetic on the proleptic Gregorian calendar (through ICU).
CivilDate add_days(const CivilDate& d, int days);
Weekday weekday_of(const CivilDate& d);

}  // namespace rapport
