// iCalendar (RFC 5545) files that calendar apps import: a market's holidays for a year (`rapport holidays
// --format ics`) and a planned meeting (the web app's "Export .ics", `rapport meeting --format ics`). Lines end in
// CRLF and are folded at 75 octets, never inside a UTF-8 sequence; text values are escaped.
#pragma once

#include <string>
#include <string_view>

#include "engine/dates.h"
#include "engine/engine.h"
#include "engine/holidays.h"
#include "engine/meeting.h"

namespace rapport {

/// A TEXT value escaped for iCalendar (RFC 5545 3.3.11): backslash, semicolon, comma and newline.
std::string ics_escape(std::string_view text);
/// Appends one content line to `out`, folded at 75 octets (RFC 5545 3.1) and ended with CRLF.
void ics_append_line(std::string& out, std::string_view line);
/// "20260921" (DATE) and "20260921T070000Z" (DATE-TIME in UTC, seconds dropped below a second).
std::string ics_date(const CivilDate& d);
std::string ics_utc(EpochMs when);

/// A VCALENDAR with one all-day VEVENT per holiday, period, half day and eve of `holidays` (as
/// holidays_in_year gives them for `p` and `year`). Summaries and descriptions come from the catalog in
/// `language`. DTSTAMP is the profile's review date, so the file is the same on every run.
std::string holidays_ics(const DataSet& data, std::string_view language, const Profile& p, int year,
                         const YearHolidays& holidays);

/// A VCALENDAR with one VEVENT for a meeting that `check` (check_meeting of `plan`, without errors) placed:
/// DTSTART/DTEND in UTC, a summary naming the kind and the markets, and a description giving each
/// participant's local date and time with zone and UTC offset. `stamp` is DTSTAMP (the time of export). The UID
/// is derived from the plan, so exporting the same meeting again updates the event rather than doubling it.
/// Returns "" when `check` has errors or no times.
///
///   const MeetingCheck c = check_meeting(data, plan);
///   platform.download("meeting.ics", "text/calendar", meeting_ics(data, "en", plan, c, now_ms()));
std::string meeting_ics(const DataSet& data, std::string_view language, const MeetingPlan& plan,
                        const MeetingCheck& check, EpochMs stamp);

}  // namespace rapport
