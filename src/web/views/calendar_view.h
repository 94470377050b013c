// A market's year at a glance (part of the Cultures view): twelve months with public holidays, half days and
// eves, holiday periods, make-up working days and the market's own weekend, each day's names on hover, and the
// list of the year's entries below.
#pragma once

#include <string>
#include <vector>

#include "engine/holidays.h"
#include "web/ui.h"

namespace rapport::ui {

/// What one day of the year is, for colouring.
struct CalendarDay {
  bool weekend = false;
  bool closed = false;       ///< a public holiday with offices closed
  bool reduced = false;      ///< a holiday with reduced impact, a half day or an eve
  bool observance = false;   ///< noted, business as usual
  bool period = false;       ///< inside a holiday period (Golden Week, Ramadan, August)
  bool working_day = false;  ///< a make-up working day on what is normally a rest day
  bool estimated = false;
  std::vector<std::size_t> entries;  ///< indices into YearCalendarModel::holidays.days
};

struct YearCalendarModel {
  const Profile* market = nullptr;
  int year = 0;
  YearHolidays holidays;
  std::vector<std::vector<CalendarDay>> months;  ///< [month 0-11][day 0-30]
};

YearCalendarModel make_year_calendar(const Profile& market, int year);

/// Draws the calendar; returns the year the user moved to (the same one when unchanged).
int draw_year_calendar(const YearCalendarModel& model, const Tr& tr, const Fonts& fonts);

}  // namespace rapport::ui
