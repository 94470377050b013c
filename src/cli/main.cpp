// `rapport`: the native command line face of the engine.
//
// [SECTION] Start-up: ICU data, data files, catalog
// [SECTION] Formatting helpers
// [SECTION] profile
// [SECTION] compare
// [SECTION] holidays
// [SECTION] meeting
// [SECTION] check
// [SECTION] validate
// [SECTION] main
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/compare.h"
#include "engine/engine.h"
#include "engine/holidays.h"
#include "engine/ics.h"
#include "engine/meeting.h"
#include "engine/message.h"
#include "engine/text.h"
#include "engine/version.h"
#include "platform/data_files.h"
#include "platform/icu_data_source.h"

namespace {

using nlohmann::json;
using rapport::Dim;
using rapport::Profile;

// Exit codes: 0 ok, 1 the check found problems (message and meeting checks), 2 usage error, 3 invalid data,
// 4 internal error.
constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;
constexpr int kExitData = 3;
constexpr int kExitInternal = 4;

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Start-up: ICU data, data files, catalog
// ---------------------------------------------------------------------------------------------------------
struct Context {
  rapport::Engine engine;
  std::string data_dir = RAPPORT_DATA_DIR;
  std::string tr(std::string_view key, std::initializer_list<rapport::MessageArg> args = {}) const {
    return engine.data()->text("en", key, args);
  }
};

// Loads the data files in `dirs` of the data directory (all of them by default).
int load_data(Context& ctx, const std::vector<std::string>& dirs = rapport::platform::shipped_data_dirs()) {
  std::vector<std::string> io_errors;
  auto files = rapport::platform::read_data_files(ctx.data_dir, dirs, io_errors);
  for (const auto& e : io_errors) std::cerr << "rapport: " << e << '\n';
  if (files.empty()) {
    std::cerr << "rapport: no data files found in " << ctx.data_dir << " (use --data DIR)\n";
    return kExitData;
  }
  if (auto errors = ctx.engine.load(files); !errors.empty()) {
    std::cerr << rapport::format_errors(errors);
    return kExitData;
  }
  return kExitOk;
}

// `--format text|json` among the arguments (removed from them); "" on a bad value (reported).
std::string take_format(Context& ctx, std::vector<std::string_view>& args) {
  std::string format = "text";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] != "--format") continue;
    format = i + 1 < args.size() ? std::string(args[i + 1]) : "";
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
               args.begin() + static_cast<std::ptrdiff_t>(std::min(i + 2, args.size())));
    break;
  }
  if (format != "text" && format != "json") {
    std::cerr << ctx.tr("cli.error.bad_format", {{"format", format}}) << '\n';
    return "";
  }
  return format;
}

const Profile* find_market(Context& ctx, std::string_view code) {
  const Profile* p = ctx.engine.data()->profile(code);
  if (!p) {
    std::string known;
    for (const auto& [c, prof] : ctx.engine.data()->profiles()) known += (known.empty() ? "" : " ") + c;
    std::cerr << ctx.tr("cli.error.no_market", {{"code", code}, {"known", known}}) << '\n';
  }
  return p;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Formatting helpers
// ---------------------------------------------------------------------------------------------------------
std::string num(double v) {
  std::ostringstream s;
  s << (std::round(v * 10) / 10);
  return s.str();
}
std::string range_text(double lo, double hi) { return lo == hi ? num(lo) : num(lo) + "–" + num(hi); }
std::string hhmm(int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}
std::string span_text(const rapport::TimeSpan& s) { return hhmm(s.start) + "–" + hhmm(s.end); }

// "Sun–Thu", "Mon–Fri", "Mon, Wed": runs of consecutive days joined with a dash.
std::string days_text(std::uint8_t mask) {
  static const char* kNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  // Start after a non-working day so a run that wraps the week (Sun–Thu) stays whole.
  int start = 0;
  for (int i = 0; i < 7; ++i) {
    if (!(mask & (1 << i))) {
      start = (i + 1) % 7;
      break;
    }
  }
  std::string out;
  for (int k = 0; k < 7;) {
    const int d = (start + k) % 7;
    if (!(mask & (1 << d))) {
      ++k;
      continue;
    }
    int len = 1;
    while (k + len < 7 && (mask & (1 << ((start + k + len) % 7)))) ++len;
    if (!out.empty()) out += ", ";
    out += kNames[d];
    if (len > 1) out += std::string("–") + kNames[(start + k + len - 1) % 7];
    k += len;
  }
  return out;
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

std::string dim_name(const Context& ctx, Dim d) {
  return ctx.tr("ui.dim." + std::string(rapport::dim_key(d)) + ".name");
}

std::uint8_t current_week(const Profile& p) {
  const auto today = rapport::to_local(rapport::now_ms(), p.main_zone());
  return today ? p.working_days_on(today->date) : p.working_days_on({2026, 1, 1});
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] profile
// ---------------------------------------------------------------------------------------------------------
int cmd_profile(Context& ctx, std::vector<std::string_view> args) {
  const std::string format = take_format(ctx, args);
  if (format.empty()) return kExitUsage;
  if (args.size() != 1) {
    std::cerr << ctx.tr("cli.error.usage_profile") << '\n';
    return kExitUsage;
  }
  const Profile* p = find_market(ctx, args[0]);
  if (!p) return kExitUsage;
  if (format == "json") {
    // The profile as written, from its file: the loader has checked it.
    std::string text;
    rapport::platform::read_file(std::filesystem::path(ctx.data_dir) / p->file, text);
    std::cout << json::parse(text).dump(2) << '\n';
    return kExitOk;
  }
  const auto& c = p->communication;
  std::cout << ctx.tr("cli.profile.header", {{"name", p->name_en}, {"code", p->code}, {"native", p->name_native}}) << "\n"
            << ctx.tr("cli.profile.languages", {{"languages", join(p->languages, ", ")}, {"locale", p->locale},
                                                {"zone", p->main_zone()}}) << "\n"
            << ctx.tr("cli.profile.reviewed", {{"date", p->reviewed.iso()}}) << "\n\n"
            << ctx.tr("cli.profile.dimensions") << "\n";
  for (Dim d : rapport::kAllDims) {
    const auto& r = p->dim(d);
    std::string name = dim_name(ctx, d);
    name.resize(std::max<std::size_t>(name.size(), 20), ' ');
    std::cout << "  " << name << range_text(r.low, r.high) << "  " << r.rationale << "\n";
  }
  const auto& w = p->working_time;
  std::cout << "\n"
            << ctx.tr("cli.profile.working", {{"days", days_text(current_week(*p))}, {"hours", span_text(w.hours)},
                                              {"lunch", span_text(w.lunch)}, {"meetings", span_text(w.meeting_hours)}})
            << "\n"
            << ctx.tr("cli.profile.decisions", {{"who", p->decisions.who_decides},
                                                {"low", num(p->decisions.lead_time_days_low)},
                                                {"high", num(p->decisions.lead_time_days_high)}}) << "\n"
            << ctx.tr("cli.profile.greeting", {{"greeting", c.greet_first.front()}, {"signoff", c.signoff_first.front()},
                                               {"example", c.address_example}}) << "\n"
            << ctx.tr("cli.profile.meetings", {{"agenda", p->meetings.agenda},
                                               {"low", num(p->meetings.first_meeting_min_low)},
                                               {"high", num(p->meetings.first_meeting_min_high)},
                                               {"tolerance", std::int64_t{p->meetings.punctuality_tolerance_minutes}},
                                               {"ahead_low", num(p->meetings.schedule_ahead_days_low)},
                                               {"ahead_high", num(p->meetings.schedule_ahead_days_high)}}) << "\n"
            << ctx.tr("cli.profile.holidays", {{"count", static_cast<std::int64_t>(p->holidays.size())},
                                               {"low", num(c.reply_hours_low)}, {"high", num(c.reply_hours_high)}}) << "\n";
  std::vector<std::string> laws;
  for (const auto& l : p->marketing_law.laws) laws.push_back(l.name + " (" + std::to_string(l.year) + ")");
  std::cout << ctx.tr("cli.profile.law", {{"laws", join(laws, "; ")}, {"consent", p->marketing_law.consent},
                                          {"b2b", p->marketing_law.b2b_consent}}) << "\n";
  return kExitOk;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] compare
// ---------------------------------------------------------------------------------------------------------
int cmd_compare(Context& ctx, std::vector<std::string_view> args) {
  const std::string format = take_format(ctx, args);
  if (format.empty()) return kExitUsage;
  if (args.size() != 2) {
    std::cerr << ctx.tr("cli.error.usage_compare") << '\n';
    return kExitUsage;
  }
  const Profile* s = find_market(ctx, args[0]);
  const Profile* t = find_market(ctx, args[1]);
  if (!s || !t) return kExitUsage;
  const rapport::Comparison cmp = rapport::compare(*s, *t);

  // 09:00 today in the sender's main zone, seen from the target's.
  std::string target_time = "?";
  double offset_hours = 0;
  if (auto today = rapport::to_local(rapport::now_ms(), s->main_zone())) {
    if (auto at = rapport::from_local(today->date, 9 * 60, s->main_zone())) {
      if (auto there = rapport::to_local(*at, t->main_zone())) {
        target_time = hhmm(there->minutes);
        if (there->date != today->date) target_time += there->date < today->date ? " (−1 day)" : " (+1 day)";
        offset_hours = (*rapport::utc_offset_minutes(t->main_zone(), *at) -
                        *rapport::utc_offset_minutes(s->main_zone(), *at)) / 60.0;
      }
    }
  }

  if (format == "json") {
    json out = {{"sender", s->code}, {"target", t->code}, {"dimensions", json::array()}, {"frictions", json::array()}};
    for (const auto& g : cmp.dims) {
      out["dimensions"].push_back({{"dimension", rapport::dim_key(g.dim)},
                                   {"sender", {g.sender_low, g.sender_high}},
                                   {"target", {g.target_low, g.target_high}},
                                   {"gap", g.gap}, {"overlap", g.overlap}, {"shift", g.shift}});
    }
    for (const auto& f : cmp.frictions) {
      out["frictions"].push_back({{"dimension", rapport::dim_key(f.dim)}, {"gap", f.gap}, {"shift", f.shift},
                                  {"advice_key", f.advice_key},
                                  {"advice", ctx.tr(f.advice_key, {{"target", t->name_en}})},
                                  {"target_rationale", t->dim(f.dim).rationale}});
    }
    out["practical"] = {{"target_time_at_0900_sender", target_time},
                        {"offset_hours", offset_hours},
                        {"sender_working_days", days_text(current_week(*s))},
                        {"target_working_days", days_text(current_week(*t))},
                        {"address_example", t->communication.address_example},
                        {"first_contact_greeting", t->communication.greet_first.front()},
                        {"first_contact_sign_off", t->communication.signoff_first.front()},
                        {"decision_lead_time_days", {t->decisions.lead_time_days_low, t->decisions.lead_time_days_high}},
                        {"punctuality_tolerance_minutes", t->meetings.punctuality_tolerance_minutes}};
    std::cout << out.dump(2) << '\n';
    return kExitOk;
  }

  std::cout << ctx.tr("cli.compare.header", {{"sender", s->name_en}, {"target", t->name_en}}) << "\n\n";
  auto pad = [](std::string v, std::size_t w) {
    std::size_t cols = 0;  // display width: count code points
    for (unsigned char ch : v) cols += (ch & 0xC0) != 0x80;
    if (cols < w) v.append(w - cols, ' ');
    return v;
  };
  std::cout << "  " << pad(ctx.tr("cli.compare.col_dimension"), 20) << pad(s->code, 8) << pad(t->code, 8)
            << ctx.tr("cli.compare.col_gap") << "\n";
  for (const auto& g : cmp.dims) {
    std::cout << "  " << pad(dim_name(ctx, g.dim), 20) << pad(range_text(g.sender_low, g.sender_high), 8)
              << pad(range_text(g.target_low, g.target_high), 8)
              << (g.gap > 0 ? ctx.tr("cli.compare.no_overlap", {{"gap", num(g.gap)}}) : ctx.tr("cli.compare.overlap"))
              << "\n";
  }
  std::cout << "\n" << ctx.tr("cli.compare.frictions") << "\n";
  if (cmp.frictions.empty()) std::cout << "  " << ctx.tr("cli.compare.none") << "\n";
  int rank = 0;
  for (const auto& f : cmp.frictions) {
    const auto& g = cmp.dims[static_cast<std::size_t>(f.dim)];
    std::cout << "\n"
              << ctx.tr("cli.compare.friction_line",
                        {{"rank", std::int64_t{++rank}}, {"dimension", dim_name(ctx, f.dim)}, {"sender", s->code},
                         {"sender_range", range_text(g.sender_low, g.sender_high)}, {"target", t->code},
                         {"target_range", range_text(g.target_low, g.target_high)}})
              << "\n   " << ctx.tr("cli.compare.expect", {{"rationale", t->dim(f.dim).rationale}})
              << "\n   " << ctx.tr("cli.compare.advice", {{"advice", ctx.tr(f.advice_key, {{"target", t->name_en}})}})
              << "\n";
  }
  char signed_hours[16];
  std::snprintf(signed_hours, sizeof signed_hours, "%+g", offset_hours);
  const auto& tc = t->communication;
  std::cout << "\n" << ctx.tr("cli.compare.practical", {{"target", t->name_en}}) << "\n  "
            << ctx.tr("cli.compare.time", {{"sender_zone", s->main_zone()}, {"target_time", target_time},
                                           {"target_zone", t->main_zone()}, {"signed", std::string_view(signed_hours)}})
            << "\n  "
            << ctx.tr("cli.compare.week", {{"target", t->name_en}, {"target_days", days_text(current_week(*t))},
                                           {"sender", s->name_en}, {"sender_days", days_text(current_week(*s))}})
            << "\n  "
            << ctx.tr("cli.compare.address", {{"example", tc.address_example}, {"greeting", tc.greet_first.front()},
                                              {"signoff", tc.signoff_first.front()}})
            << "\n  "
            << ctx.tr("cli.compare.decisions", {{"low", num(t->decisions.lead_time_days_low)},
                                                {"high", num(t->decisions.lead_time_days_high)},
                                                {"who", t->decisions.who_decides}})
            << "\n  "
            << ctx.tr("cli.compare.meetings", {{"tolerance", std::int64_t{t->meetings.punctuality_tolerance_minutes}},
                                               {"agenda", t->meetings.agenda},
                                               {"ahead_low", num(t->meetings.schedule_ahead_days_low)},
                                               {"ahead_high", num(t->meetings.schedule_ahead_days_high)}})
            << "\n\n" << ctx.tr("cli.compare.disclaimer") << "\n";
  return kExitOk;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] holidays: text, JSON, or an iCalendar file (RFC 5545, engine/ics.h) that calendar apps import
// ---------------------------------------------------------------------------------------------------------
int cmd_holidays(Context& ctx, std::vector<std::string_view> args) {
  std::string format = "text";
  std::string region;
  for (std::size_t i = 0; i + 1 < args.size();) {
    if (args[i] == "--format" || args[i] == "--region") {
      (args[i] == "--format" ? format : region) = std::string(args[i + 1]);
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(i + 2));
    } else {
      ++i;
    }
  }
  if (args.size() != 2) {
    std::cerr << ctx.tr("cli.error.usage_holidays") << '\n';
    return kExitUsage;
  }
  if (format != "text" && format != "json" && format != "ics") {
    std::cerr << ctx.tr("cli.error.bad_format", {{"format", format}}) << '\n';
    return kExitUsage;
  }
  const Profile* p = find_market(ctx, args[0]);
  if (!p) return kExitUsage;
  // YEAR or FIRST-LAST (text and JSON only: one calendar file per year).
  const std::string years_text(args[1]);
  auto parse_year = [](const std::string& t) {
    return t.size() == 4 && t.find_first_not_of("0123456789") == std::string::npos ? std::stoi(t) : 0;
  };
  const auto dash = years_text.find('-');
  const int first_year = parse_year(years_text.substr(0, dash));
  const int last_year = dash == std::string::npos ? first_year : parse_year(years_text.substr(dash + 1));
  if (first_year < 1900 || last_year > 2200 || last_year < first_year || (format == "ics" && first_year != last_year)) {
    std::cerr << ctx.tr("cli.error.bad_year", {{"year", years_text}}) << '\n';
    return kExitUsage;
  }
  json all_years = json::array();
  for (int year = first_year; year <= last_year; ++year) {
  const std::string year_text = std::to_string(year);
  const rapport::YearHolidays hs = rapport::holidays_in_year(*p, year, region);
  auto kind_text = [&](const rapport::HolidayOccurrence& o) { return ctx.tr("ui.holiday.kind." + o.kind); };

  if (format == "json") {
    json out = {{"market", p->code}, {"year", year}, {"region", region}, {"holidays", json::array()},
                {"warnings", hs.warnings}};
    for (const auto& o : hs.days) {
      json h = {{"id", o.rule->id}, {"name", o.rule->name_en}, {"kind", o.kind}, {"impact", o.impact},
                {"start", o.start.iso()}, {"end", o.end.iso()}, {"estimated", o.estimated},
                {"observed", o.observed}, {"source", o.rule->source}};
      if (!o.rule->name_native.empty()) h["name_native"] = o.rule->name_native;
      if (o.observed) h["actual"] = o.actual.iso();
      if (!o.rule->regions.empty()) h["regions"] = o.rule->regions;
      out["holidays"].push_back(h);
    }
    all_years.push_back(out);
    continue;
  }
  if (format == "ics") {
    std::cout << rapport::holidays_ics(*ctx.engine.data(), "en", *p, year, hs);
    continue;
  }
  std::cout << ctx.tr("cli.holidays.header", {{"name", p->name_en}, {"code", p->code}, {"year", year_text},
                                              {"region", region.empty() ? std::string_view("none") : std::string_view(region)}})
            << "\n";
  static const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  for (const auto& o : hs.days) {
    std::string when = o.start.iso() + " " + kDays[static_cast<int>(rapport::weekday_of(o.start))];
    if (o.end != o.start) when += " – " + o.end.iso();
    std::string name = o.rule->name_en;
    if (!o.rule->name_native.empty()) name += " (" + o.rule->name_native + ")";
    if (o.kind == "eve") name = ctx.tr("ui.holiday.kind.eve") + ": " + name;
    std::string what = kind_text(o) + ", " + ctx.tr("ui.holiday.impact." + o.impact);
    if (o.observed) what += "; " + ctx.tr("ui.holiday.observed", {{"date", o.actual.iso()}});
    if (o.estimated) what += "; estimated";
    if (!o.rule->regions.empty()) what += "; " + join(o.rule->regions, ", ");
    std::cout << "  " << when << "  " << name << "  [" << what << "]\n";
  }
  for (const auto& w : hs.warnings) std::cout << ctx.tr("cli.holidays.warning", {{"message", w}}) << '\n';
  }
  if (format == "json") std::cout << (all_years.size() == 1 ? all_years[0] : all_years).dump(2) << '\n';
  return kExitOk;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] meeting: check a plan in every participant's local time and propose better slots
// ---------------------------------------------------------------------------------------------------------
std::string offset_text(int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "UTC%c%02d:%02d", minutes < 0 ? '-' : '+', std::abs(minutes) / 60, std::abs(minutes) % 60);
  return buf;
}
std::string iso_local(const rapport::LocalTime& t, int offset) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00%c%02d:%02d", t.date.iso().c_str(), t.minutes / 60 % 24,
                t.minutes % 60, offset < 0 ? '-' : '+', std::abs(offset) / 60, std::abs(offset) % 60);
  return buf;
}
json slot_json(const rapport::LocalSlot& s) {
  return {{"market", s.market}, {"zone", s.zone}, {"start", iso_local(s.start, s.utc_offset)},
          {"end", iso_local(s.end, s.utc_offset)}, {"utc_offset_minutes", s.utc_offset}};
}
std::string slot_line(const rapport::LocalSlot& s) {
  static const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  return s.market + "  " + s.start.date.iso() + " " + kDays[static_cast<int>(rapport::weekday_of(s.start.date))] + " " +
         hhmm(s.start.minutes % 1440) + "–" + hhmm(s.end.minutes % 1440) + "  " + s.zone + " (" +
         offset_text(s.utc_offset) + ")";
}

int cmd_meeting(Context& ctx, std::vector<std::string_view> args) {
  rapport::MeetingPlan plan;
  std::string format = "text", start_text, to_text;
  int window = 14, slots = 5;
  auto usage = [&] {
    std::cerr << ctx.tr("cli.error.usage_meeting") << '\n';
    return kExitUsage;
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    const bool has_value = i + 1 < args.size();
    const std::string v = has_value ? std::string(args[i + 1]) : "";
    auto to_int = [&](int& out, int lo, int hi) {
      try {
        std::size_t used = 0;
        out = std::stoi(v, &used);
        return used == v.size() && out >= lo && out <= hi;
      } catch (...) {
        return false;
      }
    };
    if (a == "--no-agenda") {
      plan.agenda_sent = false;
      continue;
    }
    if (!has_value) return usage();
    ++i;
    if (a == "--from") plan.organiser_market = v;
    else if (a == "--to") to_text = v;
    else if (a == "--start") start_text = v;
    else if (a == "--tz") plan.organiser_zone = v;
    else if (a == "--format") format = v;
    else if (a == "--duration") { if (!to_int(plan.duration, 5, 24 * 60)) return usage(); }
    else if (a == "--days-ahead") { if (!to_int(plan.days_ahead, 0, 365)) return usage(); }
    else if (a == "--window") { if (!to_int(window, 1, 60)) return usage(); }
    else if (a == "--slots") { if (!to_int(slots, 0, 20)) return usage(); }
    else if (a == "--kind") {
      auto k = rapport::parse_meeting_kind(v);
      if (!k) return usage();
      plan.kind = *k;
    } else if (a == "--channel") {
      auto c = rapport::parse_channel(v);
      if (!c) return usage();
      plan.channel = *c;
    } else {
      return usage();
    }
  }
  if (plan.organiser_market.empty() || to_text.empty() || start_text.size() != 16 || start_text[10] != 'T' ||
      (format != "text" && format != "json" && format != "ics")) {
    return usage();
  }
  const auto date = rapport::parse_civil_date(start_text.substr(0, 10));
  const std::string clock = start_text.substr(11);
  if (!date || clock.size() != 5 || clock[2] != ':' || clock.substr(0, 2) > "23" || clock.substr(3) > "59") return usage();
  plan.date = *date;
  plan.start = std::stoi(clock.substr(0, 2)) * 60 + std::stoi(clock.substr(3));
  const Profile* organiser = find_market(ctx, plan.organiser_market);
  if (!organiser) return kExitUsage;
  if (plan.organiser_zone.empty()) plan.organiser_zone = organiser->main_zone();
  // --to JP,US:America/Los_Angeles,DE@DE-BY : market, optional zone, optional region.
  std::stringstream list(to_text);
  for (std::string item; std::getline(list, item, ',');) {
    rapport::Participant part;
    if (auto at = item.find('@'); at != std::string::npos) {
      part.region = item.substr(at + 1);
      item.resize(at);
    }
    if (auto colon = item.find(':'); colon != std::string::npos) {
      part.zone = item.substr(colon + 1);
      item.resize(colon);
    }
    part.market = item;
    plan.participants.push_back(part);
  }
  const rapport::MeetingCheck check = rapport::check_meeting(*ctx.engine.data(), plan);
  if (!check.errors.empty()) {
    for (const auto& e : check.errors) std::cerr << "rapport: " << e << '\n';
    return kExitUsage;
  }
  bool problems = false;
  for (const auto& f : check.findings) problems = problems || f.severity == rapport::Severity::kProblem;
  if (format == "ics") {
    // The planned slot as a calendar event (the findings still decide the exit status).
    std::cout << rapport::meeting_ics(*ctx.engine.data(), "en", plan, check, rapport::now_ms());
    return problems ? kExitFindings : kExitOk;
  }
  const auto proposals = rapport::find_slots(*ctx.engine.data(), plan, window, slots);
  auto finding_text = [&](const rapport::MeetingFinding& f, const std::string& key) {
    return ctx.engine.data()->text("en", key, rapport::finding_args(f));
  };

  if (format == "json") {
    json out = {{"kind", rapport::meeting_kind_name(plan.kind)}, {"duration_minutes", plan.duration},
                {"participants", json::array()}, {"findings", json::array()}, {"slots", json::array()}};
    for (const auto& t : check.times) out["participants"].push_back(slot_json(t));
    for (const auto& f : check.findings) {
      out["findings"].push_back({{"id", f.id}, {"severity", rapport::severity_name(f.severity)}, {"markets", f.markets},
                                 {"why", finding_text(f, f.why_key)}, {"fix", finding_text(f, f.fix_key)},
                                 {"why_key", f.why_key}, {"fix_key", f.fix_key}, {"args", f.args}});
    }
    for (const auto& s : proposals) {
      json times = json::array();
      for (const auto& t : s.times) times.push_back(slot_json(t));
      out["slots"].push_back({{"score", std::round(s.score * 100) / 100}, {"times", times}});
    }
    std::cout << out.dump(2) << '\n';
    return problems ? kExitFindings : kExitOk;
  }
  std::cout << ctx.tr("cli.meeting.header", {{"kind", rapport::meeting_kind_name(plan.kind)},
                                             {"duration", std::int64_t{plan.duration}}})
            << "\n";
  for (const auto& t : check.times) std::cout << "  " << slot_line(t) << "\n";
  std::cout << "\n" << ctx.tr("cli.meeting.findings", {{"count", static_cast<std::int64_t>(check.findings.size())}}) << "\n";
  for (const auto& f : check.findings) {
    std::string who = join(f.markets, ",");
    std::cout << "  " << rapport::severity_name(f.severity) << " " << f.id << (who.empty() ? "" : " [" + who + "]")
              << ": " << finding_text(f, f.why_key) << "\n      → " << finding_text(f, f.fix_key) << "\n";
  }
  std::cout << "\n" << ctx.tr("cli.meeting.slots", {{"days", std::int64_t{window}}}) << "\n";
  if (proposals.empty()) std::cout << "  " << ctx.tr("cli.meeting.no_slots") << "\n";
  int n = 0;
  for (const auto& s : proposals) {
    std::cout << "  " << ++n << ".";
    for (const auto& t : s.times) std::cout << (&t == &s.times.front() ? " " : "\n     ") << slot_line(t);
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", s.score);
    std::cout << "\n     " << ctx.tr("cli.meeting.comfort", {{"score", std::string_view(score)}}) << "\n";
  }
  return problems ? kExitFindings : kExitOk;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] check: a drafted message against the target market's norms
// ---------------------------------------------------------------------------------------------------------
int cmd_check(Context& ctx, std::vector<std::string_view> args) {
  std::string from, to, lang, channel = "email", stage = "first", format = "text", file;
  rapport::CheckOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    const bool has_value = i + 1 < args.size();
    if (a.size() > 2 && a.substr(0, 2) == "--" && has_value) {
      const std::string v(args[++i]);
      if (a == "--from") from = v;
      else if (a == "--to") to = v;
      else if (a == "--disable") options.disabled_rules.insert(v);
      else if (a == "--allow") options.allowed.push_back(v);
      else if (a == "--lang") lang = v;
      else if (a == "--channel") channel = v;
      else if (a == "--stage") stage = v;
      else if (a == "--format") format = v;
      else {
        std::cerr << ctx.tr("cli.error.usage_check") << '\n';
        return kExitUsage;
      }
    } else if (file.empty()) {
      file = std::string(a);
    } else {
      std::cerr << ctx.tr("cli.error.usage_check") << '\n';
      return kExitUsage;
    }
  }
  if (from.empty() || to.empty() || file.empty() || (format != "text" && format != "json") ||
      (channel != "email" && channel != "chat" && channel != "sms") ||
      (stage != "first" && stage != "ongoing" && stage != "close")) {
    std::cerr << ctx.tr("cli.error.usage_check") << '\n';
    return kExitUsage;
  }
  const Profile* sender = find_market(ctx, from);
  const Profile* target = find_market(ctx, to);
  if (!sender || !target) return kExitUsage;
  std::string text;
  if (file == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    text = ss.str();
  } else if (!rapport::platform::read_file(file, text)) {
    std::cerr << ctx.tr("cli.error.unreadable", {{"path", file}}) << '\n';
    return kExitUsage;
  }
  options.language = lang;
  options.channel = channel;
  options.stage = stage;
  const rapport::MessageReport r = rapport::check_text(*ctx.engine.data(), text, sender, target, options);
  bool serious = false;
  for (const auto& f : r.findings) serious = serious || f.severity != rapport::RuleSeverity::kSuggestion;
  static const char* kSeverity[] = {"suggestion", "warning", "problem"};

  if (format == "json") {
    json out = {{"language", r.language}, {"language_detected", r.language_detected}, {"truncated", r.truncated},
                {"invalid_utf8_offsets", r.invalid_utf8}, {"score", r.score}, {"dimensions", json::object()},
                {"findings", json::array()}};
    for (rapport::Dim d : rapport::kAllDims) out["dimensions"][std::string(rapport::dim_key(d))] = r.dim_scores[static_cast<std::size_t>(d)];
    for (const auto& f : r.findings) {
      const auto pos = rapport::line_column(r.text, f.begin);
      out["findings"].push_back({{"rule", f.rule_id}, {"category", f.category},
                                 {"severity", kSeverity[static_cast<int>(f.severity)]},
                                 {"dimension", f.dimension ? std::string(rapport::dim_key(*f.dimension)) : "none"},
                                 {"begin", f.begin}, {"end", f.end}, {"begin_utf16", f.begin_utf16},
                                 {"end_utf16", f.end_utf16}, {"line", pos.line}, {"column", pos.column},
                                 {"text", f.text}, {"message_key", f.message_key}, {"why", f.why}, {"fix", f.fix},
                                 {"replacement", f.replacement}});
    }
    std::cout << out.dump(2) << '\n';
    return serious ? kExitFindings : kExitOk;
  }
  if (!r.invalid_utf8.empty()) {
    std::cerr << ctx.tr("cli.check.invalid_utf8", {{"count", static_cast<std::int64_t>(r.invalid_utf8.size())}}) << '\n';
  }
  if (r.truncated) std::cerr << ctx.tr("cli.check.truncated") << '\n';
  for (const auto& f : r.findings) {
    const auto pos = rapport::line_column(r.text, f.begin);
    std::cout << file << ':' << pos.line << ':' << pos.column << ": " << kSeverity[static_cast<int>(f.severity)] << ' '
              << f.rule_id << ": " << f.why << "\n    " << ctx.tr("cli.check.fix", {{"fix", f.fix}});
    if (!f.replacement.empty()) std::cout << "\n    " << ctx.tr("cli.check.replace", {{"from", f.text}, {"to", f.replacement}});
    std::cout << '\n';
  }
  std::string dims;
  for (rapport::Dim d : rapport::kAllDims) {
    const int v = r.dim_scores[static_cast<std::size_t>(d)];
    if (v < 100) dims += (dims.empty() ? "" : ", ") + dim_name(ctx, d) + " " + std::to_string(v);
  }
  std::cout << ctx.tr("cli.check.score", {{"target", target->name_en}, {"score", std::int64_t{r.score}},
                                          {"count", static_cast<std::int64_t>(r.findings.size())},
                                          {"language", r.language}, {"dims", dims.empty() ? std::string("–") : dims}})
            << '\n';
  return serious ? kExitFindings : kExitOk;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] validate: check files people edit, with compiler-style errors
// ---------------------------------------------------------------------------------------------------------
int cmd_validate(Context& ctx, std::vector<std::string_view> args) {
  namespace fs = std::filesystem;
  if (args.empty()) {
    std::cerr << ctx.tr("cli.error.usage_validate") << '\n';
    return kExitUsage;
  }
  std::vector<fs::path> paths;
  for (auto a : args) {
    std::error_code ec;
    if (fs::is_directory(fs::path(a), ec)) {
      for (fs::recursive_directory_iterator it(fs::path(a), ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file() && it->path().extension() == ".json") paths.push_back(it->path());
      }
    } else {
      paths.emplace_back(a);
    }
  }
  std::sort(paths.begin(), paths.end());
  std::size_t error_count = 0, bad_files = 0, checked = 0;
  for (const auto& path : paths) {
    const std::string base = path.filename().string();
    std::string name;
    if (rapport::data_kind("culture-profiles/" + base) == rapport::DataKind::kProfile) {
      name = "culture-profiles/" + base;
    } else if (path.parent_path().filename() == "rules") {
      name = "culture-profiles/rules/" + base;
    } else if (path.parent_path().filename() == "exercises") {
      name = "culture-profiles/exercises/" + base;
    } else if (path.parent_path().filename() == "i18n") {
      name = "i18n/" + base;
    } else if (rapport::data_kind(base) == rapport::DataKind::kSchema) {
      continue;
    } else {
      std::cerr << ctx.tr("cli.error.unknown_file", {{"path", path.string()}}) << '\n';
      ++error_count;
      ++bad_files;
      continue;
    }
    std::string contents;
    if (!rapport::platform::read_file(path, contents)) {
      std::cerr << ctx.tr("cli.error.unreadable", {{"path", path.string()}}) << '\n';
      ++error_count;
      ++bad_files;
      continue;
    }
    ++checked;
    rapport::Engine scratch;
    std::vector<rapport::SourceFile> one = {{name, contents}};
    if (rapport::data_kind(name) == rapport::DataKind::kExercises) {
      // An exercise deck names markets and rule languages: check it against the data directory's profiles and packs.
      std::vector<std::string> io_errors;
      for (auto& f : rapport::platform::read_data_files(ctx.data_dir, {"culture-profiles"}, io_errors)) {
        const auto kind = rapport::data_kind(f.name);
        if (kind == rapport::DataKind::kProfile || kind == rapport::DataKind::kRulePack) one.push_back(std::move(f));
      }
    }
    auto errors = scratch.load(one);
    for (auto& e : errors) {
      if (e.file == name) e.file = path.string();  // report the path the user gave
    }
    std::cerr << rapport::format_errors(errors);
    error_count += errors.size();
    bad_files += !errors.empty();
  }
  if (error_count == 0) {
    std::cout << ctx.tr("cli.validate.ok", {{"count", static_cast<std::int64_t>(checked)}}) << '\n';
    return kExitOk;
  }
  std::cerr << ctx.tr("cli.validate.failed", {{"errors", static_cast<std::int64_t>(error_count)},
                                               {"files", static_cast<std::int64_t>(bad_files)}})
            << '\n';
  return kExitData;
}

int cmd_version(Context& ctx) {
  const auto v = rapport::version_info();
  std::cout << ctx.tr("cli.version.line", {{"rapport", v.rapport}, {"icu", v.icu}, {"unicode", v.unicode},
                                           {"tzdata", v.tzdata}})
            << '\n';
  return kExitOk;
}

int cmd_help(Context& ctx) {
  std::cout << ctx.tr("cli.help.text", {{"version", rapport::version_info().rapport}}) << '\n';
  return kExitOk;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// [SECTION] main
// ---------------------------------------------------------------------------------------------------------
int main(int argc, char** argv) {
  if (auto err = rapport::platform::load_icu_data()) {
    std::cerr << "rapport: internal error: " << *err << '\n';
    return kExitInternal;
  }
  Context ctx;
  std::vector<std::string_view> args(argv + 1, argv + argc);
  // Global options come first.
  while (!args.empty() && args.front() == "--data") {
    if (args.size() < 2) {
      std::cerr << "rapport: --data needs a directory\n";
      return kExitUsage;
    }
    ctx.data_dir = std::string(args[1]);
    args.erase(args.begin(), args.begin() + 2);
  }
  // `validate` checks files on their own: it needs only the catalog, not valid shipped profiles.
  const bool only_catalog = !args.empty() && args.front() == "validate";
  if (int rc = only_catalog ? load_data(ctx, {"i18n"}) : load_data(ctx); rc != kExitOk) return rc;

  if (args.empty() || args.front() == "--help" || args.front() == "-h" || args.front() == "help") return cmd_help(ctx);
  const std::string_view cmd = args.front();
  const std::vector<std::string_view> rest(args.begin() + 1, args.end());
  if (cmd == "--version" || cmd == "version") return cmd_version(ctx);
  if (cmd == "profile") return cmd_profile(ctx, rest);
  if (cmd == "compare") return cmd_compare(ctx, rest);
  if (cmd == "validate") return cmd_validate(ctx, rest);
  if (cmd == "holidays") return cmd_holidays(ctx, rest);
  if (cmd == "meeting") return cmd_meeting(ctx, rest);
  if (cmd == "check") return cmd_check(ctx, rest);

  std::cerr << ctx.tr("cli.error.unknown_command", {{"command", cmd}}) << '\n';
  return kExitUsage;
}
