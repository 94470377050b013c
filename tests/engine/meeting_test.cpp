// Meeting checks and the slot finder, with the shipped profiles.
#include <doctest/doctest.h>

#include <algorithm>

#include "engine/meeting.h"
#include "test_util.h"

using namespace rapport;

namespace {
const DataSet& data() { return test::shipped_data(); }

MeetingPlan plan(const std::string& from, std::vector<std::string> to, CivilDate date, int hh, int mm,
                 const std::string& zone) {
  MeetingPlan p;
  p.organiser_market = from;
  p.organiser_zone = zone;
  p.date = date;
  p.start = hh * 60 + mm;
  for (auto& code : to) p.participants.push_back({code, "", ""});
  return p;
}

bool has(const MeetingCheck& c, const std::string& id, const std::string& market = "") {
  return std::any_of(c.findings.begin(), c.findings.end(), [&](const MeetingFinding& f) {
    return f.id == id && (market.empty() || std::find(f.markets.begin(), f.markets.end(), market) != f.markets.end());
  });
}
}  // namespace

TEST_CASE("a call on Yom Kippur 2026 names the holiday, and the proposed slots work for everyone") {
  MeetingPlan p = plan("IL", {"JP", "DE"}, {2026, 9, 21}, 10, 0, "Asia/Jerusalem");
  p.kind = MeetingKind::kFirst;
  const MeetingCheck c = check_meeting(data(), p);
  REQUIRE(c.errors.empty());
  REQUIRE(c.times.size() == 3);
  CHECK(c.times[1].start.minutes == 16 * 60);  // Tokyo
  CHECK(c.times[2].start.minutes == 9 * 60);   // Berlin (UTC+2 in September)
  CHECK(has(c, "holiday", "IL"));
  CHECK(has(c, "holiday", "JP"));  // Respect for the Aged Day
  const auto yk = std::find_if(c.findings.begin(), c.findings.end(), [](const auto& f) { return f.markets == std::vector<std::string>{"IL"}; });
  CHECK(yk->args.at("holiday").find("Yom Kippur") != std::string::npos);
  CHECK(yk->severity == Severity::kProblem);

  const auto slots = find_slots(data(), p, 14, 5);
  REQUIRE(slots.size() == 5);
  for (const auto& s : slots) {
    MeetingPlan again = p;
    const LocalSlot& org = s.times[0];
    again.date = org.start.date;
    again.start = org.start.minutes;
    const MeetingCheck re = check_meeting(data(), again);
    for (const auto& f : re.findings) CHECK_MESSAGE(f.severity != Severity::kProblem, f.id << " on " << org.start.date.iso());
    // Not on 21-23 September (Yom Kippur; Japan's three-day holiday).
    CHECK((org.start.date < CivilDate{2026, 9, 21} || CivilDate{2026, 9, 23} < org.start.date));
  }
  CHECK(slots[0].score >= slots[4].score);
}

TEST_CASE("local times follow each zone's DST on that very date") {
  // 20 March 2026: New York is on DST (since 8 March), Berlin not yet (29 March): 5 hours apart.
  MeetingCheck c = check_meeting(data(), plan("DE", {"US"}, {2026, 3, 20}, 15, 0, "Europe/Berlin"));
  CHECK(c.times[1].start.minutes == 10 * 60);
  CHECK(c.times[1].utc_offset == -240);
  // 30 March 2026: both on summer time: 6 hours apart again.
  c = check_meeting(data(), plan("DE", {"US"}, {2026, 3, 30}, 16, 0, "Europe/Berlin"));
  CHECK(c.times[1].start.minutes == 10 * 60);
  CHECK(c.times[0].utc_offset == 120);
}

TEST_CASE("across the date line the meeting is on two dates, and early for Tokyo") {
  const MeetingCheck c = check_meeting(data(), plan("US", {"JP"}, {2026, 9, 29}, 18, 0, "America/New_York"));
  CHECK(c.times[1].start.date == CivilDate{2026, 9, 30});
  CHECK(c.times[1].start.minutes == 7 * 60);
  CHECK(has(c, "date_differs"));
  CHECK(has(c, "outside_hours", "JP"));
  CHECK(has(c, "outside_hours", "US"));  // 18:00 in New York
}

TEST_CASE("Friday afternoon in Tel Aviv is the weekend") {
  const MeetingCheck c = check_meeting(data(), plan("DE", {"IL"}, {2026, 11, 27}, 14, 0, "Europe/Berlin"));
  CHECK(has(c, "weekend", "IL"));
  CHECK_FALSE(has(c, "weekend", "DE"));
}

TEST_CASE("Ramadan: late afternoons and meals") {
  // 10 March 2026 is in Ramadan 1447 (Umm al-Qura: 18 February - 19 March).
  MeetingCheck c = check_meeting(data(), plan("GB", {"SA"}, {2026, 3, 10}, 13, 0, "Europe/London"));
  CHECK(has(c, "ramadan_afternoon", "SA"));  // 16:00 in Riyadh
  MeetingPlan meal = plan("GB", {"SA"}, {2026, 3, 10}, 9, 0, "Europe/London");
  meal.kind = MeetingKind::kMeal;
  c = check_meeting(data(), meal);
  CHECK(has(c, "ramadan_meal", "SA"));
  // A morning call outside Ramadan raises neither.
  c = check_meeting(data(), plan("GB", {"SA"}, {2026, 4, 14}, 7, 0, "Europe/London"));
  CHECK_FALSE(has(c, "ramadan_afternoon"));
  CHECK_FALSE(has(c, "ramadan_meal"));
}

TEST_CASE("meeting norms: short first meetings, decisions by consensus, agendas, notice") {
  MeetingPlan p = plan("US", {"JP"}, {2026, 10, 6}, 19, 0, "America/Los_Angeles");  // 11:00 in Tokyo
  p.kind = MeetingKind::kFirst;
  p.duration = 30;
  p.agenda_sent = false;
  p.days_ahead = 2;
  MeetingCheck c = check_meeting(data(), p);
  CHECK(has(c, "first_meeting_short", "JP"));
  CHECK(has(c, "no_agenda", "JP"));
  CHECK(has(c, "short_notice", "JP"));
  p.kind = MeetingKind::kDecision;
  c = check_meeting(data(), p);
  CHECK(has(c, "decision_consensus", "JP"));
  // The same decision meeting with a top-down market raises no consensus finding.
  p.participants = {{"US", "America/New_York", ""}};
  c = check_meeting(data(), p);
  CHECK_FALSE(has(c, "decision_consensus"));
}

TEST_CASE("a participant in another zone of a wide market, and unknown input") {
  MeetingPlan p = plan("DE", {"US"}, {2026, 10, 6}, 17, 0, "Europe/Berlin");
  p.participants[0].zone = "America/Los_Angeles";
  MeetingCheck c = check_meeting(data(), p);
  CHECK(c.times[1].start.minutes == 8 * 60);
  p.participants[0].zone = "Mars/Base";
  CHECK_FALSE(check_meeting(data(), p).errors.empty());
  p.participants[0] = {"XX", "", ""};
  CHECK_FALSE(check_meeting(data(), p).errors.empty());
}

TEST_CASE("slots for six participants in five time zones stay inside everyone's hours") {
  MeetingPlan p = plan("IL", {"GB", "DE", "IN", "AE", "ZA"}, {2026, 11, 2}, 9, 0, "Asia/Jerusalem");
  const auto slots = find_slots(data(), p, 30, 5);
  REQUIRE(slots.size() == 5);
  for (const auto& s : slots) {
    for (const auto& t : s.times) {
      const Profile* prof = data().profile(t.market);
      CHECK(t.start.minutes >= prof->working_time.hours.start);
      CHECK(t.end.minutes <= prof->working_time.hours.end);
    }
  }
}

TEST_CASE("no slot is proposed when working hours never overlap") {
  // New York and Singapore business days do not meet (12 or 13 hours apart).
  MeetingPlan p = plan("US", {"SG"}, {2026, 11, 2}, 9, 0, "America/New_York");
  CHECK(find_slots(data(), p, 14, 5).empty());
}

TEST_CASE("China's make-up working days are working days; the bridged break is not") {
  // State Council notice for 2026: Saturday 14 February is worked, 15-23 February are off.
  MeetingCheck c = check_meeting(data(), plan("CN", {"SG"}, {2026, 2, 14}, 10, 0, "Asia/Shanghai"));
  CHECK_FALSE(has(c, "weekend", "CN"));
  c = check_meeting(data(), plan("CN", {"SG"}, {2026, 2, 7}, 10, 0, "Asia/Shanghai"));
  CHECK(has(c, "weekend", "CN"));
  c = check_meeting(data(), plan("SG", {"CN"}, {2026, 2, 20}, 10, 0, "Asia/Singapore"));
  CHECK((has(c, "holiday", "CN") || has(c, "holiday_period", "CN")));
}

TEST_CASE("a regional holiday is a warning when the participant's region is unknown, a problem when it is given") {
  // Anzac Day 2026 (a Saturday) is observed on Monday 27 April in Western Australia and the ACT only.
  MeetingPlan p = plan("GB", {"AU"}, {2026, 4, 27}, 1, 0, "Europe/London");
  MeetingCheck c = check_meeting(data(), p);
  CHECK(has(c, "regional_holiday", "AU"));
  p.participants[0] = {"AU", "Australia/Perth", "AU-WA"};
  c = check_meeting(data(), p);
  CHECK(has(c, "holiday", "AU"));
  p.participants[0] = {"AU", "", "AU-NSW"};
  c = check_meeting(data(), p);
  CHECK_FALSE(has(c, "holiday", "AU"));
  CHECK_FALSE(has(c, "regional_holiday", "AU"));
}
