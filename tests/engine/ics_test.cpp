// iCalendar output (RFC 5545): escaping, folding, UTC times, the meeting event; and the local days a meeting
// timeline draws.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "engine/ics.h"
#include "test_util.h"

using namespace rapport;

namespace {
// The content lines of an iCalendar text with folding undone (RFC 5545 3.1).
std::vector<std::string> unfolded(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < ics.size()) {
    const auto eol = ics.find("\r\n", pos);
    REQUIRE(eol != std::string::npos);  // every line ends in CRLF
    const std::string line = ics.substr(pos, eol - pos);
    if (!line.empty() && line[0] == ' ') {
      REQUIRE_FALSE(lines.empty());
      lines.back() += line.substr(1);
    } else {
      lines.push_back(line);
    }
    pos = eol + 2;
  }
  return lines;
}

std::string value_of(const std::vector<std::string>& lines, const std::string& name) {
  for (const auto& l : lines) {
    if (l.rfind(name + ":", 0) == 0) return l.substr(name.size() + 1);
  }
  return "";
}

MeetingPlan yom_kippur_call() {
  MeetingPlan p;
  p.organiser_market = "IL";
  p.organiser_zone = "Asia/Jerusalem";
  p.date = {2026, 9, 21};
  p.start = 10 * 60;
  p.kind = MeetingKind::kFirst;
  p.participants = {{"JP", "", ""}, {"DE", "", ""}};
  return p;
}
}  // namespace

TEST_CASE("iCalendar text: escaping, and folding at 75 octets never inside a UTF-8 character") {
  CHECK(ics_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
  CHECK(ics_escape("line\r\nnext") == "line\\nnext");
  std::string out;
  const std::string line = "DESCRIPTION:" + std::string(60, 'x') + "–" + std::string(100, 'y') + "日本語";
  ics_append_line(out, line);
  std::size_t pos = 0;
  std::string joined;
  while (pos < out.size()) {
    const auto eol = out.find("\r\n", pos);
    REQUIRE(eol != std::string::npos);
    const std::string l = out.substr(pos, eol - pos);
    CHECK(l.size() <= 75);
    // No line starts with a UTF-8 continuation byte (after the folding space).
    const std::size_t first = pos == 0 ? 0 : 1;
    REQUIRE(l.size() > first);
    CHECK((static_cast<unsigned char>(l[first]) & 0xC0) != 0x80);
    joined += pos == 0 ? l : l.substr(1);
    pos = eol + 2;
  }
  CHECK(joined == line);
  CHECK(ics_utc(static_cast<double>(days_from_civil({2026, 9, 21})) * 86400000.0 + 7 * 3600000.0 + 999) ==
        "20260921T070000Z");
  CHECK(ics_date({2026, 9, 21}) == "20260921");
}

TEST_CASE("a meeting as an iCalendar event: UTC start and end, stable UID, every participant's local time") {
  const DataSet& data = test::shipped_data();
  const MeetingPlan p = yom_kippur_call();
  const MeetingCheck c = check_meeting(data, p);
  REQUIRE(c.errors.empty());
  const EpochMs stamp = 1790000000000.0;  // 2026-09-21T14:13:20Z
  const std::string ics = meeting_ics(data, "en", p, c, stamp);
  REQUIRE_FALSE(ics.empty());
  CHECK(ics.find("\r\n") != std::string::npos);
  CHECK(ics.find('\n') == ics.find("\r\n") + 1);  // no bare LF
  const auto lines = unfolded(ics);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT") == 1);
  CHECK(value_of(lines, "VERSION") == "2.0");
  CHECK(value_of(lines, "DTSTART") == "20260921T070000Z");  // 10:00 in Jerusalem (UTC+3)
  CHECK(value_of(lines, "DTEND") == "20260921T080000Z");
  CHECK(value_of(lines, "DTSTAMP") == "20260921T141320Z");
  CHECK(value_of(lines, "SUMMARY") == "First meeting: Israel\\, Japan\\, Germany");
  const std::string uid = value_of(lines, "UID");
  CHECK(uid.find("@rapport.invalid") != std::string::npos);
  const std::string desc = value_of(lines, "DESCRIPTION");
  CHECK(desc.find("Japan: Mon\\, Sep 21\\, 2026\\, 16:00–17:00 Asia/Tokyo (UTC+9)") != std::string::npos);
  CHECK(desc.find("Germany: Mon\\, Sep 21\\, 2026\\, 09:00–10:00 Europe/Berlin (UTC+2)") != std::string::npos);
  CHECK(desc.find("Israel: Mon\\, Sep 21\\, 2026\\, 10:00–11:00 Asia/Jerusalem (UTC+3)") != std::string::npos);

  // The same plan exported later keeps its UID; another slot gets another.
  CHECK(value_of(unfolded(meeting_ics(data, "en", p, c, stamp + 3600000.0)), "UID") == uid);
  MeetingPlan later = p;
  later.start = 11 * 60;
  CHECK(value_of(unfolded(meeting_ics(data, "en", later, check_meeting(data, later), stamp)), "UID") != uid);

  // A plan that could not be checked gives no file.
  MeetingPlan bad = p;
  bad.participants.push_back({"XX", "", ""});
  CHECK(meeting_ics(data, "en", bad, check_meeting(data, bad), stamp).empty());
}

TEST_CASE("a meeting that ends after midnight for someone names their next day") {
  const DataSet& data = test::shipped_data();
  MeetingPlan p = yom_kippur_call();
  p.participants = {{"JP", "", ""}};
  p.start = 17 * 60 + 30;  // 23:30-00:30 in Tokyo
  const auto lines = unfolded(meeting_ics(data, "en", p, check_meeting(data, p), 0));
  CHECK(value_of(lines, "DESCRIPTION").find("23:30–00:30 Tue\\, Sep 22 Asia/Tokyo") != std::string::npos);
}

TEST_CASE("local days for a timeline: Yom Kippur, Japan's Silver Week, Berlin's working hours as instants") {
  const DataSet& data = test::shipped_data();
  const MeetingPlan p = yom_kippur_call();
  const EpochMs from = *from_local({2026, 9, 20}, 0, "Asia/Jerusalem");
  const EpochMs to = *from_local({2026, 9, 23}, 0, "Asia/Jerusalem");
  const auto rows = local_days(data, p, from, to);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].market == "IL");
  CHECK(rows[1].zone == "Asia/Tokyo");
  // Jerusalem: exactly the three days of the window.
  REQUIRE(rows[0].days.size() == 3);
  const LocalDay& yk = rows[0].days[1];
  CHECK(yk.date == CivilDate{2026, 9, 21});
  CHECK(yk.closed);
  CHECK_FALSE(yk.open());
  CHECK(std::any_of(yk.events.begin(), yk.events.end(),
                    [](const DayEvent& e) { return e.name.find("Yom Kippur") != std::string::npos; }));
  CHECK(rows[0].days[0].reduced);  // the eve: Sunday 20 September
  // Tokyo is six hours ahead, so the window touches four of its days; 21-23 September are holidays.
  REQUIRE(rows[1].days.size() == 4);
  for (int i = 1; i <= 3; ++i)
    CHECK_MESSAGE(rows[1].days[static_cast<std::size_t>(i)].closed,
                  rows[1].days[static_cast<std::size_t>(i)].date.iso());
  // Berlin, an hour behind: the window starts at 23:00 on Saturday. The weekend off, Monday open with its hours
  // placed through the zone (UTC+2 in September).
  const auto& de = rows[2].days;
  REQUIRE(de.size() == 4);
  CHECK(de[0].date == CivilDate{2026, 9, 19});
  CHECK_FALSE(de[0].working_day);
  CHECK_FALSE(de[1].working_day);
  const LocalDay& mon = de[2];
  CHECK(mon.date == CivilDate{2026, 9, 21});
  CHECK(mon.open());
  CHECK(mon.start == *from_local({2026, 9, 21}, 0, "Europe/Berlin"));
  CHECK(mon.work_start == mon.start + mon.hours.start * 60000.0);
  CHECK(mon.work_end > mon.lunch_end);
  CHECK(mon.lunch_start > mon.work_start);
  CHECK(mon.end - mon.start == 86400000.0);
}

TEST_CASE("a local day when the clocks change is 23 or 25 hours long") {
  const DataSet& data = test::shipped_data();
  MeetingPlan p;
  p.organiser_market = "DE";
  p.organiser_zone = "Europe/Berlin";
  p.date = {2026, 10, 25};
  p.participants = {{"US", "", ""}};
  const EpochMs from = *from_local({2026, 10, 25}, 0, "Europe/Berlin");
  const auto rows = local_days(data, p, from, from + 3600000.0);
  REQUIRE(rows.size() == 2);
  REQUIRE(rows[0].days.size() == 1);
  CHECK(rows[0].days[0].end - rows[0].days[0].start == 25 * 3600000.0);  // summer time ends in the EU
  CHECK(local_days(data, p, from, from).empty());
  p.participants.push_back({"XX", "", ""});
  CHECK(local_days(data, p, from, from + 1).empty());
}

TEST_CASE("days and offsets read as people write them") {
  CHECK(format_day({2026, 9, 21}, "en", "EEEMMMd") == "Mon, Sep 21");
  CHECK(format_day({2026, 9, 21}, "en", "EEEyMMMd") == "Mon, Sep 21, 2026");
  CHECK(format_day({2026, 9, 21}, "de", "EEEMMMd").find("21.") != std::string::npos);
  CHECK(utc_offset_text(540) == "UTC+9");
  CHECK(utc_offset_text(330) == "UTC+5:30");
  CHECK(utc_offset_text(-210) == "UTC\u22123:30");
  CHECK(utc_offset_text(0) == "UTC");
}
