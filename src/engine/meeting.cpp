#include "engine/meeting.h"

#include <unicode/timezone.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <set>

#include "engine/holidays.h"

// [SECTION] Names
// [SECTION] A participant's calendar: zone offsets and what each local date is
// [SECTION] check_meeting
// [SECTION] find_slots
// [SECTION] local_days

namespace rapport {

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Names
// ---------------------------------------------------------------------------------------------------------
namespace {
constexpr std::pair<std::string_view, MeetingKind> kKinds[] = {
    {"first", MeetingKind::kFirst},         {"follow_up", MeetingKind::kFollowUp}, {"negotiation", MeetingKind::kNegotiation},
    {"decision", MeetingKind::kDecision},   {"review", MeetingKind::kReview},     {"meal", MeetingKind::kMeal}};
}

std::optional<MeetingKind> parse_meeting_kind(std::string_view s) {
  for (const auto& [name, k] : kKinds) {
    if (name == s) return k;
  }
  return std::nullopt;
}
std::string_view meeting_kind_name(MeetingKind k) {
  for (const auto& [name, kind] : kKinds) {
    if (kind == k) return name;
  }
  return "follow_up";
}
std::optional<Channel> parse_channel(std::string_view s) {
  if (s == "video") return Channel::kVideo;
  if (s == "phone") return Channel::kPhone;
  if (s == "in_person") return Channel::kInPerson;
  return std::nullopt;
}
std::string_view channel_name(Channel c) {
  return c == Channel::kPhone ? "phone" : c == Channel::kInPerson ? "in_person" : "video";
}
std::string_view meeting_kind_key(MeetingKind k) {
  switch (k) {
    case MeetingKind::kFirst: return "ui.meeting.kind.first";
    case MeetingKind::kFollowUp: return "ui.meeting.kind.follow_up";
    case MeetingKind::kNegotiation: return "ui.meeting.kind.negotiation";
    case MeetingKind::kDecision: return "ui.meeting.kind.decision";
    case MeetingKind::kReview: return "ui.meeting.kind.review";
    case MeetingKind::kMeal: return "ui.meeting.kind.meal";
  }
  return "ui.meeting.kind.follow_up";
}
std::string_view channel_key(Channel c) {
  return c == Channel::kPhone ? "ui.meeting.channel.phone"
         : c == Channel::kInPerson ? "ui.meeting.channel.in_person"
                                   : "ui.meeting.channel.video";
}
std::string_view severity_name(Severity s) {
  return s == Severity::kProblem ? "problem" : s == Severity::kWarning ? "warning" : "suggestion";
}

std::vector<MessageArg> finding_args(const MeetingFinding& f) {
  std::vector<MessageArg> out;
  out.reserve(f.args.size());
  for (const auto& [k, v] : f.args) out.push_back({k, std::string_view(v)});
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] A participant's calendar
// ---------------------------------------------------------------------------------------------------------
namespace {

// What a local date is for one participant.
struct DayInfo {
  bool working = true;              ///< a working day by the market's week
  const HolidayOccurrence* off = nullptr;      ///< public holiday (incl. observed days)
  const HolidayOccurrence* eve = nullptr;      ///< eve or half day
  const HolidayOccurrence* period = nullptr;   ///< a business period or reduced observance
  const HolidayOccurrence* ramadan = nullptr;  ///< inside Ramadan
  const HolidayOccurrence* regional = nullptr; ///< a day off in some regions (when no region was given)
  std::vector<std::string> regions;            ///< where
  int short_end = -1;               ///< the day ends early (minutes), -1 if not
};

bool is_ramadan(const Holiday& h) {
  return (h.date.calendar == "islamic-umalqura" || h.date.calendar == "islamic-civil") && h.date.month == 9 &&
         h.date.day <= 2 && (h.days >= 20 || h.end.has_value());
}

class ParticipantCalendar {
 public:
  ParticipantCalendar(const Profile& p, std::string zone, std::string region)
      : profile_(p), zone_(std::move(zone)), region_(std::move(region)),
        tz_(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone_))) {}

  const Profile& profile() const { return profile_; }
  const std::string& zone() const { return zone_; }
  const std::string& region() const { return region_; }

  /// The holiday-calendar entries that cover `d` (with no region given: the regional ones too).
  std::vector<const HolidayOccurrence*> occurrences_on(const CivilDate& d) {
    std::vector<const HolidayOccurrence*> out;
    // A period that started the year before (the turn of the year, Ramadan in December) still covers January.
    for (const int y : {d.year - 1, d.year}) {
      if (y < d.year && d.month != 1) continue;
      for (const auto& o : year(y).days) {
        if (!(d < o.start) && !(o.end < d)) out.push_back(&o);
      }
    }
    return out;
  }

  int offset_minutes(EpochMs when) const {
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    tz_->getOffset(when, false, raw, dst, status);
    return (raw + dst) / 60000;
  }
  LocalTime local(EpochMs when) const {
    const long long local_min = static_cast<long long>(std::floor(when / 60000.0)) + offset_minutes(when);
    const long long days = local_min >= 0 ? local_min / 1440 : (local_min - 1439) / 1440;
    return {civil_from_days(days), static_cast<int>(local_min - days * 1440)};
  }

  const DayInfo& day(const CivilDate& d) {
    auto it = days_.find(d);
    if (it != days_.end()) return it->second;
    DayInfo info;
    info.working = profile_.working_days_on(d) & (1u << static_cast<unsigned>(weekday_of(d)));
    for (const HolidayOccurrence* occurrence : occurrences_on(d)) {
      const HolidayOccurrence& o = *occurrence;
      if (region_.empty() && !o.rule->regions.empty()) {
        // No region given: a regional day off is worth knowing about, not a reason to block the day.
        if (o.kind == "public" && o.impact == "closed") {
          if (!info.regional) info.regional = &o;
          info.regions.insert(info.regions.end(), o.rule->regions.begin(), o.rule->regions.end());
        }
        continue;
      }
      if (is_ramadan(*o.rule)) {
        info.ramadan = &o;
      } else if (o.kind == "public" && o.impact == "closed") {
        info.off = &o;
      } else if (o.kind == "eve" || o.kind == "half_day") {
        if (o.impact != "normal" && !info.eve) info.eve = &o;
      } else if (o.kind == "working_day") {
        info.working = true;  // a make-up working day
      } else if (o.kind == "public" || o.impact != "normal") {
        if (!info.period || (o.impact == "closed" && info.period->impact != "closed")) info.period = &o;
      }
    }
    for (const auto& s : profile_.working_time.short_days) {
      if (s.weekday == weekday_of(d) && !(s.from && d < *s.from) && !(s.to && *s.to < d)) info.short_end = s.end;
    }
    return days_.emplace(d, info).first->second;
  }

 private:
  const YearHolidays& year(int y) {
    auto it = years_.find(y);
    if (it == years_.end()) it = years_.emplace(y, holidays_in_year(profile_, y, region_.empty() ? "*" : region_)).first;
    return it->second;
  }
  const Profile& profile_;
  std::string zone_, region_;
  std::unique_ptr<icu::TimeZone> tz_;
  std::map<int, YearHolidays> years_;
  std::map<CivilDate, DayInfo> days_;
};


std::string days_list(std::uint8_t mask) {
  static const char* kNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  std::string out;
  for (int i = 0; i < 7; ++i) {
    if (mask & (1 << i)) out += (out.empty() ? "" : ", ") + std::string(kNames[i]);
  }
  return out;
}

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}
std::string range_text(double lo, double hi) { return number_text(lo) + "–" + number_text(hi); }

struct Resolved {
  std::vector<std::unique_ptr<ParticipantCalendar>> cals;  // organiser first
  std::vector<std::string> errors;
};

Resolved resolve(const DataSet& data, const MeetingPlan& plan) {
  Resolved r;
  auto add = [&](const std::string& market, std::string zone, const std::string& region) {
    const Profile* p = data.profile(market);
    if (!p) {
      r.errors.push_back("no profile for market \"" + market + "\"");
      return;
    }
    if (zone.empty()) zone = p->main_zone();
    if (!is_known_zone(zone)) {
      r.errors.push_back("\"" + zone + "\" is not an IANA time zone");
      return;
    }
    r.cals.push_back(std::make_unique<ParticipantCalendar>(*p, zone, region));
  };
  add(plan.organiser_market, plan.organiser_zone, "");
  for (const auto& part : plan.participants) add(part.market, part.zone, part.region);
  return r;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// [SECTION] check_meeting
// ---------------------------------------------------------------------------------------------------------
MeetingCheck check_meeting(const DataSet& data, const MeetingPlan& plan) {
  MeetingCheck out;
  Resolved res = resolve(data, plan);
  out.errors = res.errors;
  if (!out.errors.empty()) return out;
  const auto start = from_local(plan.date, plan.start, res.cals.front()->zone());
  if (!start) {
    out.errors.push_back("cannot place the start time in " + res.cals.front()->zone());
    return out;
  }
  const EpochMs end = *start + plan.duration * 60000.0;

  auto add = [&](std::string id, Severity sev, const Profile& p, std::string why, std::string fix,
                 std::map<std::string, std::string> args) {
    // One finding per kind and market.
    for (const auto& f : out.findings) {
      if (f.id == id && !f.markets.empty() && f.markets.front() == p.code) return;
    }
    args.emplace("market", p.name_en);
    out.findings.push_back(MeetingFinding{std::move(id), sev, {p.code}, std::move(why), std::move(fix), std::move(args)});
  };

  std::set<std::string> local_dates;
  std::string times_text;
  for (auto& cal : res.cals) {
    const Profile& p = cal->profile();
    LocalSlot slot{p.code, cal->zone(), cal->local(*start), cal->local(end - 1), cal->offset_minutes(*start)};
    slot.end.minutes += 1;
    out.times.push_back(slot);
    local_dates.insert(slot.start.date.iso());
    times_text += (times_text.empty() ? "" : "; ") + p.code + " " + slot.start.date.iso() + " " + hhmm(slot.start.minutes);

    const CivilDate d = slot.start.date;
    const DayInfo& day = cal->day(d);
    const std::string local = hhmm(slot.start.minutes) + "–" + hhmm(slot.end.minutes);
    const auto& wt = p.working_time;
    static const char* kDayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    const std::string weekday = kDayNames[static_cast<int>(weekday_of(d))];

    if (day.off) {
      add("holiday", Severity::kProblem, p, "ui.meeting.holiday.why", "ui.meeting.holiday.fix",
          {{"date", d.iso()}, {"holiday", day.off->rule->name_en}});
    } else if (!day.working) {
      add("weekend", Severity::kProblem, p, "ui.meeting.weekend.why", "ui.meeting.weekend.fix",
          {{"date", d.iso()}, {"weekday", weekday}, {"days", days_list(p.working_days_on(d))}});
    }
    if (day.regional && !day.off) {
      std::string regions;
      for (const auto& r : day.regions) regions += (regions.empty() ? "" : ", ") + r;
      add("regional_holiday", Severity::kWarning, p, "ui.meeting.regional_holiday.why",
          "ui.meeting.regional_holiday.fix",
          {{"date", d.iso()}, {"holiday", day.regional->rule->name_en}, {"regions", regions}});
    }
    if (day.eve) {
      add("eve", slot.end.minutes > 12 * 60 ? Severity::kWarning : Severity::kSuggestion, p, "ui.meeting.eve.why",
          "ui.meeting.eve.fix", {{"date", d.iso()}, {"holiday", day.eve->rule->name_en}});
    }
    if (day.period && !day.off) {
      add("holiday_period", day.period->impact == "closed" ? Severity::kProblem : Severity::kSuggestion, p,
          "ui.meeting.holiday_period.why", "ui.meeting.holiday_period.fix",
          {{"date", d.iso()}, {"holiday", day.period->rule->name_en}});
    }
    if (day.ramadan) {
      if (plan.kind == MeetingKind::kMeal) {
        add("ramadan_meal", Severity::kProblem, p, "ui.meeting.ramadan_meal.why", "ui.meeting.ramadan_meal.fix",
            {{"date", d.iso()}});
      } else if (slot.end.minutes > 15 * 60 || slot.start.date != slot.end.date) {
        add("ramadan_afternoon", Severity::kWarning, p, "ui.meeting.ramadan_afternoon.why",
            "ui.meeting.ramadan_afternoon.fix", {{"date", d.iso()}, {"local", local}});
      }
    }
    if (day.working && !day.off) {
      const int day_end = day.short_end >= 0 ? std::min(day.short_end, wt.hours.end) : wt.hours.end;
      const bool crosses = slot.start.date != slot.end.date;
      const std::map<std::string, std::string> hours_args = {
          {"local", local}, {"zone", cal->zone()}, {"hours", hhmm(wt.hours.start) + "–" + hhmm(day_end)},
          {"meeting_hours", hhmm(wt.meeting_hours.start) + "–" + hhmm(wt.meeting_hours.end)}};
      if (crosses || slot.end.minutes <= wt.hours.start || slot.start.minutes >= day_end) {
        add("outside_hours", Severity::kProblem, p, "ui.meeting.outside_hours.why", "ui.meeting.outside_hours.fix",
            hours_args);
      } else if (slot.start.minutes < wt.hours.start || slot.end.minutes > day_end) {
        add("edge_hours", Severity::kWarning, p, "ui.meeting.edge_hours.why", "ui.meeting.edge_hours.fix", hours_args);
      } else if (slot.start.minutes < wt.meeting_hours.start || slot.end.minutes > wt.meeting_hours.end) {
        add("edge_hours", Severity::kSuggestion, p, "ui.meeting.edge_hours.why", "ui.meeting.edge_hours.fix",
            hours_args);
      }
      if (plan.kind != MeetingKind::kMeal && slot.start.minutes < wt.lunch.end && slot.end.minutes > wt.lunch.start &&
          !crosses) {
        add("lunch", Severity::kSuggestion, p, "ui.meeting.lunch.why", "ui.meeting.lunch.fix",
            {{"lunch", hhmm(wt.lunch.start) + "–" + hhmm(wt.lunch.end)}, {"local", local}});
      }
    }
  }
  if (local_dates.size() > 1) {
    out.findings.push_back(MeetingFinding{"date_differs", Severity::kWarning, {}, "ui.meeting.date_differs.why",
                                          "ui.meeting.date_differs.fix", {{"times", times_text}}});
  }

  // Meeting norms of the other participants' markets.
  for (std::size_t i = 1; i < res.cals.size(); ++i) {
    const Profile& p = res.cals[i]->profile();
    const auto& m = p.meetings;
    if (plan.kind == MeetingKind::kFirst && plan.duration < m.first_meeting_min_low) {
      add("first_meeting_short", p.dim(Dim::kTrust).low >= 6 ? Severity::kWarning : Severity::kSuggestion, p,
          "ui.meeting.first_meeting_short.why", "ui.meeting.first_meeting_short.fix",
          {{"range", range_text(m.first_meeting_min_low, m.first_meeting_min_high)},
           {"duration", std::to_string(plan.duration)}, {"low", number_text(m.first_meeting_min_low)}});
    }
    if (plan.kind == MeetingKind::kDecision && p.dim(Dim::kDecisionStyle).low >= 6) {
      add("decision_consensus", Severity::kWarning, p, "ui.meeting.decision_consensus.why",
          "ui.meeting.decision_consensus.fix", {});
    }
    if (!plan.agenda_sent && m.agenda != "optional") {
      add("no_agenda", m.agenda == "required" ? Severity::kWarning : Severity::kSuggestion, p, "ui.meeting.no_agenda.why",
          "ui.meeting.no_agenda.fix", {{"agenda", m.agenda}});
    }
    if (plan.days_ahead < m.schedule_ahead_days_low) {
      add("short_notice", Severity::kWarning, p, "ui.meeting.short_notice.why", "ui.meeting.short_notice.fix",
          {{"range", range_text(m.schedule_ahead_days_low, m.schedule_ahead_days_high)},
           {"days", std::to_string(plan.days_ahead)}, {"low", number_text(m.schedule_ahead_days_low)}});
    }
  }
  std::stable_sort(out.findings.begin(), out.findings.end(),
                   [](const MeetingFinding& a, const MeetingFinding& b) { return a.severity > b.severity; });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] find_slots
// ---------------------------------------------------------------------------------------------------------
std::vector<SlotProposal> find_slots(const DataSet& data, const MeetingPlan& plan, int days, int count, int step) {
  std::vector<SlotProposal> out;
  Resolved res = resolve(data, plan);
  if (!res.errors.empty() || step <= 0 || days <= 0) return out;
  const auto origin = from_local(plan.date, 0, res.cals.front()->zone());
  if (!origin) return out;

  struct Candidate {
    EpochMs start;
    double score;
  };
  std::vector<Candidate> candidates;
  const int steps = days * 24 * 60 / step;
  const EpochMs duration_ms = plan.duration * 60000.0;
  for (int i = 0; i < steps; ++i) {
    const EpochMs start = *origin + i * step * 60000.0;
    double worst = 1.0, sum = 0;
    bool ok = true;
    for (auto& cal : res.cals) {
      const LocalTime a = cal->local(start), b = cal->local(start + duration_ms - 1);
      if (a.date != b.date) {
        ok = false;
        break;
      }
      const DayInfo& day = cal->day(a.date);
      if (!day.working || day.off || day.eve || (day.period && day.period->impact == "closed")) {
        ok = false;
        break;
      }
      const auto& wt = cal->profile().working_time;
      const int s = a.minutes, e = b.minutes + 1;
      const int day_end = day.short_end >= 0 ? std::min(day.short_end, wt.hours.end) : wt.hours.end;
      if (s < wt.hours.start || e > day_end) {
        ok = false;
        break;
      }
      double comfort = (s >= wt.meeting_hours.start && e <= wt.meeting_hours.end) ? 1.0 : 0.6;
      if (s < wt.lunch.end && e > wt.lunch.start && plan.kind != MeetingKind::kMeal) comfort -= 0.35;
      if (day.period) comfort -= 0.25;
      if (day.regional) comfort -= 0.3;
      if (day.ramadan && (e > 15 * 60 || plan.kind == MeetingKind::kMeal)) comfort -= 0.4;
      worst = std::min(worst, comfort);
      sum += comfort;
    }
    if (!ok) continue;
    candidates.push_back({start, (worst + 0.1 * sum / static_cast<double>(res.cals.size())) / 1.1});
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  for (const auto& c : candidates) {
    if (static_cast<int>(out.size()) >= count) break;
    const bool near = std::any_of(out.begin(), out.end(), [&](const SlotProposal& s) {
      return std::fabs(s.start - c.start) < 2 * 3600000.0;
    });
    if (near) continue;
    SlotProposal s{c.start, c.score, {}};
    for (auto& cal : res.cals) {
      LocalSlot ls{cal->profile().code, cal->zone(), cal->local(c.start), cal->local(c.start + duration_ms - 1),
                   cal->offset_minutes(c.start)};
      ls.end.minutes += 1;
      s.times.push_back(ls);
    }
    out.push_back(s);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] local_days
// ---------------------------------------------------------------------------------------------------------
std::vector<ParticipantDays> local_days(const DataSet& data, const MeetingPlan& plan, EpochMs from, EpochMs to) {
  std::vector<ParticipantDays> out;
  Resolved res = resolve(data, plan);
  if (!res.errors.empty() || !(from < to)) return out;
  for (auto& cal : res.cals) {
    ParticipantDays row{cal->profile().code, cal->zone(), cal->region(), {}};
    const auto& wt = cal->profile().working_time;
    const CivilDate last = cal->local(to - 1).date;
    for (CivilDate d = cal->local(from).date; !(last < d); d = add_days(d, 1)) {
      const DayInfo& info = cal->day(d);
      LocalDay day;
      day.date = d;
      // Every instant through the zone: days are 23 or 25 hours long when the clocks change.
      day.start = from_local(d, 0, cal->zone()).value_or(0);
      day.end = from_local(add_days(d, 1), 0, cal->zone()).value_or(day.start + 86400000.0);
      day.working_day = info.working;
      day.closed = info.off != nullptr || (info.period && info.period->impact == "closed");
      day.reduced = info.eve != nullptr;
      day.period = info.period != nullptr;
      day.regional = info.regional != nullptr;
      day.ramadan = info.ramadan != nullptr;
      day.hours = wt.hours;
      if (info.short_end >= 0) day.hours.end = std::min(info.short_end, wt.hours.end);
      day.lunch = wt.lunch;
      day.meeting_hours = wt.meeting_hours;
      day.work_start = day.work_end = day.lunch_start = day.lunch_end = day.core_start = day.core_end = day.start;
      if (day.open()) {
        auto place = [&](int minutes) {
          return from_local(d, minutes, cal->zone()).value_or(day.start + minutes * 60000.0);
        };
        day.work_start = place(day.hours.start);
        day.work_end = place(day.hours.end);
        day.lunch_start = place(day.lunch.start);
        day.lunch_end = place(day.lunch.end);
        day.core_start = place(day.meeting_hours.start);
        day.core_end = place(day.meeting_hours.end);
      }
      for (const HolidayOccurrence* o : cal->occurrences_on(d)) {
        DayEvent e{o->rule->name_en, o->rule->name_native, o->kind, o->impact, o->estimated, {}};
        if (cal->region().empty()) e.regions = o->rule->regions;
        day.events.push_back(std::move(e));
      }
      row.days.push_back(std::move(day));
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace rapport
