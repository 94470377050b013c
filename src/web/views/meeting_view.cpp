#include "web/views/meeting_view.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

#include <unicode/utf8.h>

#include "engine/holidays.h"
#include "engine/text.h"

// [SECTION] Form: defaults and JSON
// [SECTION] Model
// [SECTION] Drawing helpers: colours, anchors, labels
// [SECTION] The form
// [SECTION] The timeline
// [SECTION] Findings
// [SECTION] Suggested slots
// [SECTION] The whole view

namespace rapport::ui {

namespace {
constexpr double kMinuteMs = 60000.0;
constexpr double kDayMs = 86400000.0;

// "10:00" or "9:5" -> minutes after midnight; nullopt for anything else.
std::optional<int> parse_hhmm(std::string_view t) {
  const auto colon = t.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || t.size() - colon - 1 < 1 ||
      t.size() - colon - 1 > 2) {
    return std::nullopt;
  }
  int h = 0, m = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (i == colon) continue;
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
    (i < colon ? h : m) = (i < colon ? h : m) * 10 + (t[i] - '0');
  }
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}
}  // namespace

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Form: defaults and JSON
// ---------------------------------------------------------------------------------------------------------
std::string organiser_zone_for(const DataSet& data, const std::string& market, const std::string& local_zone) {
  const Profile* p = data.profile(market);
  if (!p) return "";
  for (const auto& z : p->zones) {
    if (z.zone == local_zone) return local_zone;
  }
  return p->main_zone();
}

MeetingForm default_meeting_form(const DataSet& data, const std::string& from, const std::string& to,
                                 const std::string& local_zone, const CivilDate& today) {
  MeetingForm f;
  f.organiser_market = from;
  f.organiser_zone = organiser_zone_for(data, from, local_zone);
  f.participants.push_back({to, "", ""});
  f.date = add_days(today, 1);
  return f;
}

void follow_markets(MeetingForm& form, const DataSet& data, const std::string& old_from, const std::string& old_to,
                    const std::string& from, const std::string& to, const std::string& local_zone) {
  if (from != old_from) {
    form.organiser_market = from;
    form.organiser_zone = organiser_zone_for(data, from, local_zone);
  }
  if (to == old_to) return;
  const auto it = std::find_if(form.participants.begin(), form.participants.end(),
                               [&](const MeetingParticipantForm& p) { return p.market == to; });
  if (it != form.participants.end()) {
    std::rotate(form.participants.begin(), it, it + 1);
  } else if (form.participants.empty()) {
    form.participants.push_back({to, "", ""});
  } else {
    form.participants.front() = {to, "", ""};
  }
}

void to_json(nlohmann::json& j, const MeetingForm& f) {
  nlohmann::json parts = nlohmann::json::array();
  for (const auto& p : f.participants) parts.push_back({{"market", p.market}, {"zone", p.zone}, {"region", p.region}});
  j = {{"organiser", {{"market", f.organiser_market}, {"zone", f.organiser_zone}}},
       {"participants", parts},
       {"date", f.date.iso()},
       {"start", hhmm(f.start)},
       {"duration", f.duration},
       {"kind", meeting_kind_name(f.kind)},
       {"channel", channel_name(f.channel)},
       {"agenda_sent", f.agenda_sent},
       {"days_ahead", f.days_ahead < 0 ? nlohmann::json(nullptr) : nlohmann::json(f.days_ahead)},
       {"timeline_days", f.timeline_days}};
}

void from_json(const nlohmann::json& j, MeetingForm& f) {
  if (!j.is_object()) return;
  auto text = [](const nlohmann::json& o, const char* key, std::string& out) {
    const auto it = o.find(key);
    if (it != o.end() && it->is_string()) out = it->get<std::string>();
  };
  auto number = [](const nlohmann::json& o, const char* key, int lo, int hi, int& out) {
    const auto it = o.find(key);
    if (it != o.end() && it->is_number_integer() && it->get<long long>() >= lo && it->get<long long>() <= hi) {
      out = static_cast<int>(it->get<long long>());
    }
  };
  if (const auto o = j.find("organiser"); o != j.end() && o->is_object()) {
    text(*o, "market", f.organiser_market);
    text(*o, "zone", f.organiser_zone);
  }
  if (const auto ps = j.find("participants"); ps != j.end() && ps->is_array()) {
    std::vector<MeetingParticipantForm> parts;
    for (const auto& p : *ps) {
      if (!p.is_object() || parts.size() >= 12) continue;
      MeetingParticipantForm part;
      text(p, "market", part.market);
      text(p, "zone", part.zone);
      text(p, "region", part.region);
      parts.push_back(part);
    }
    f.participants = parts;
  }
  std::string s;
  text(j, "date", s);
  if (auto d = parse_civil_date(s)) f.date = *d;
  s.clear();
  text(j, "start", s);
  if (auto m = parse_hhmm(s)) f.start = *m;
  number(j, "start", 0, 24 * 60 - 1, f.start);
  number(j, "duration", 5, 24 * 60, f.duration);
  s.clear();
  text(j, "kind", s);
  if (auto k = parse_meeting_kind(s)) f.kind = *k;
  s.clear();
  text(j, "channel", s);
  if (auto c = parse_channel(s)) f.channel = *c;
  if (const auto a = j.find("agenda_sent"); a != j.end() && a->is_boolean()) f.agenda_sent = a->get<bool>();
  if (const auto d = j.find("days_ahead"); d != j.end() && d->is_null()) f.days_ahead = -1;
  number(j, "days_ahead", 0, 365, f.days_ahead);
  int days = f.timeline_days;
  number(j, "timeline_days", 1, 7, days);
  if (days == 1 || days == 3 || days == 7) f.timeline_days = days;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Model
// ---------------------------------------------------------------------------------------------------------
namespace {
std::string name_of(const DataSet& data, const std::string& code) {
  const Profile* p = data.profile(code);
  return p ? p->name_en : code;
}

std::string local_span(const LocalSlot& s) {
  return hhmm(s.start.minutes) + "–" + hhmm(s.end.minutes);
}

// How much a calendar entry matters for a meeting, most first; -1 for entries that change nothing.
int weight(const DayEvent& e) {
  const bool regional = !e.regions.empty();
  if (e.impact == "closed" && e.kind == "public") return regional ? 3 : 0;
  if (e.kind == "eve" || e.kind == "half_day") return e.impact == "normal" ? -1 : 1;
  if (e.impact == "closed") return 2;
  if (e.impact == "reduced") return 4;
  if (e.kind == "working_day") return 5;
  return -1;
}

// What a day shows in its bar, in words: the entry that matters most, else "weekend", else nothing.
std::string day_status(const LocalDay& d, const DataSet& data, const std::string& language) {
  const DayEvent* best = nullptr;
  for (const auto& e : d.events) {
    const int w = weight(e);
    if (w >= 0 && (!best || w < weight(*best))) best = &e;
  }
  if (best) {
    if (best->kind == "eve") return data.text(language, "ui.meeting.day.eve", {{"holiday", best->name}});
    if (best->kind == "working_day") return data.text(language, "ui.holiday.kind.working_day");
    return best->name;
  }
  return d.working_day ? "" : data.text(language, "ui.meeting.day.weekend");
}

// Everything about a day, for its tooltip: each calendar entry with kind and impact (and its native name, in
// visual order, when `native`), the weekend, the hours.
std::string day_notes(const LocalDay& d, const DataSet& data, const std::string& language, bool native) {
  auto tr = [&](std::string_view key, std::initializer_list<MessageArg> args = {}) {
    return data.text(language, key, args);
  };
  std::string out;
  auto line = [&](const std::string& text) { out += (out.empty() ? "" : "\n") + text; };
  for (const auto& e : d.events) {
    std::string name = e.name;
    if (native && !e.name_native.empty() && e.name_native != e.name)
      name += " (" + to_visual_order(e.name_native) + ")";
    std::string what = tr("ui.holiday.kind." + e.kind) + ", " + tr("ui.holiday.impact." + e.impact);
    if (!e.regions.empty()) {
      std::string regions;
      for (const auto& r : e.regions) regions += (regions.empty() ? "" : ", ") + r;
      what += "; " + tr("ui.meeting.day.regions", {{"regions", regions}});
    }
    if (e.estimated) what += "; " + tr("ui.holiday.estimated");
    line(name + ": " + what);
  }
  if (!d.working_day && !d.closed) line(tr("ui.meeting.day.weekend"));
  if (d.open()) {
    line(tr("ui.meeting.day.hours", {{"hours", hhmm(d.hours.start) + "–" + hhmm(d.hours.end)},
                                     {"lunch", hhmm(d.lunch.start) + "–" + hhmm(d.lunch.end)},
                                     {"core", hhmm(d.meeting_hours.start) + "–" + hhmm(d.meeting_hours.end)}}));
  }
  return out;
}

// Each local full hour of a row's days, as instants. A day of 24 hours is plain arithmetic; a day when the clocks
// change goes through the zone, hour by hour, so the labels stay true.
std::vector<std::pair<EpochMs, int>> local_hours(const std::vector<LocalDay>& days, const std::string& zone) {
  std::vector<std::pair<EpochMs, int>> out;
  for (const auto& d : days) {
    const bool plain = std::fabs(d.end - d.start - kDayMs) < 1.0;
    for (int h = 0; h < 24; ++h) {
      EpochMs t = d.start + h * 60 * kMinuteMs;
      if (!plain) {
        const auto placed = from_local(d.date, h * 60, zone);
        const auto back = placed ? to_local(*placed, zone) : std::nullopt;
        if (!back || back->minutes != h * 60 || back->date != d.date) continue;  // an hour the clocks skip
        t = *placed;
      }
      out.emplace_back(t, h);
    }
  }
  return out;
}
}  // namespace

MeetingModel make_meeting_model(const DataSet& data, const MeetingForm& form, const CivilDate& today,
                                const std::string& language) {
  MeetingModel m;
  m.form = form;
  MeetingPlan& plan = m.plan;
  plan.date = form.date;
  plan.start = form.start;
  plan.organiser_market = form.organiser_market;
  const Profile* organiser = data.profile(form.organiser_market);
  plan.organiser_zone = !form.organiser_zone.empty() ? form.organiser_zone : organiser ? organiser->main_zone() : "UTC";
  plan.duration = form.duration;
  plan.kind = form.kind;
  plan.channel = form.channel;
  plan.agenda_sent = form.agenda_sent;
  for (const auto& p : form.participants) {
    if (!p.market.empty()) plan.participants.push_back({p.market, p.zone, p.region});
  }
  m.days_ahead = form.days_ahead >= 0
                     ? form.days_ahead
                     : static_cast<int>(std::max(0LL, days_from_civil(form.date) - days_from_civil(today)));
  plan.days_ahead = m.days_ahead;
  m.past = form.date < today;

  // Markets whose zones keep different times (a zone picker is worth showing; Büsingen keeps Berlin's time).
  const EpochMs probe = static_cast<double>(days_from_civil(form.date)) * kDayMs;
  auto differs = [&](const std::string& code) {
    const Profile* p = data.profile(code);
    if (!p || p->zones.size() < 2) return false;
    for (const EpochMs t : {probe, probe + 182 * kDayMs}) {
      const auto main = utc_offset_minutes(p->main_zone(), t);
      for (const auto& z : p->zones) {
        if (utc_offset_minutes(z.zone, t) != main) return true;
      }
    }
    return false;
  };
  if (differs(form.organiser_market)) m.zone_choice.insert(form.organiser_market);
  for (const auto& p : form.participants) {
    if (differs(p.market)) m.zone_choice.insert(p.market);
    // The regions the market's holidays name (states, provinces, cities), for the region picker.
    if (const Profile* prof = data.profile(p.market)) {
      std::set<std::string> regions;
      for (const auto& h : prof->holidays) regions.insert(h.regions.begin(), h.regions.end());
      if (!regions.empty()) m.regions[prof->code] = regions;
    }
  }

  m.check = check_meeting(data, plan);
  const MeetingCheck& check = m.check;
  m.errors = check.errors;
  if (!m.errors.empty() || check.times.empty()) return m;
  m.start = from_local(plan.date, plan.start, plan.organiser_zone).value_or(0);
  m.end = m.start + plan.duration * kMinuteMs;
  const LocalSlot& own = check.times.front();
  m.when = format_day(own.start.date, language, "EEEyMMMd") + " · " + local_span(own) + " · " + own.zone;

  for (const auto& f : check.findings) {
    const auto args = finding_args(f);
    m.findings.push_back(
        {f.id, f.severity, f.markets, data.text(language, f.why_key, args), data.text(language, f.fix_key, args)});
    (f.severity == Severity::kProblem ? m.problems : f.severity == Severity::kWarning ? m.warnings : m.suggestions)++;
  }

  for (const auto& s : find_slots(data, plan, m.slot_days, 5, 15)) {
    SlotView v;
    v.start = s.start;
    v.score = s.score;
    v.organiser_date = s.times.front().start.date;
    v.organiser_start = s.times.front().start.minutes;
    for (const auto& t : s.times)
      v.lines.push_back({t.market, format_day(t.start.date, language, "EEEMMMd"), local_span(t)});
    m.slots.push_back(std::move(v));
  }

  // The timeline: the organiser's days around the date, on one axis for everyone.
  const int shown = form.timeline_days == 1 || form.timeline_days == 7 ? form.timeline_days : 3;
  const CivilDate first = add_days(form.date, -(shown - 1) / 2);
  m.window_start = from_local(first, 0, plan.organiser_zone).value_or(m.start - kDayMs);
  m.window_end = from_local(add_days(first, shown), 0, plan.organiser_zone).value_or(m.window_start + shown * kDayMs);
  const auto rows = local_days(data, plan, m.window_start, m.window_end);
  for (std::size_t i = 0; i < rows.size() && i < check.times.size(); ++i) {
    TimelineRow r;
    r.market = rows[i].market;
    r.name = name_of(data, r.market);
    r.zone = rows[i].zone;
    r.region = rows[i].region;
    r.organiser = i == 0;
    r.offset = utc_offset_text(check.times[i].utc_offset);
    r.meeting_local = local_span(check.times[i]);
    r.meeting_day = format_day(check.times[i].start.date, language, "EEEMMMd");
    r.days = rows[i].days;
    for (const auto& d : r.days) {
      r.day_labels.push_back(format_day(d.date, language, "EEEMMMd"));
      r.day_status.push_back(day_status(d, data, language));
      r.day_notes.push_back(day_notes(d, data, language, true));
      r.day_notes_plain.push_back(day_notes(d, data, language, false));
    }
    r.hours = local_hours(r.days, r.zone);
    m.rows.push_back(std::move(r));
  }
  char name[64];
  std::snprintf(name, sizeof name, "rapport-meeting-%s-%02d%02d.ics", form.date.iso().c_str(), form.start / 60,
                form.start % 60);
  m.ics_filename = name;
  return m;
}

nlohmann::json meeting_json(const MeetingModel& m, const MeetingViewState& st) {
  nlohmann::json out = {{"form", m.form},
                        {"when", m.when},
                        {"errors", m.errors},
                        {"findings", nlohmann::json::array()},
                        {"slots", nlohmann::json::array()},
                        {"ics_filename", m.ics_filename},
                        {"anchors", nlohmann::json::object()}};
  for (const auto& f : m.findings) {
    out["findings"].push_back({{"id", f.id},
                               {"severity", severity_name(f.severity)},
                               {"markets", f.markets},
                               {"why", f.why},
                               {"fix", f.fix}});
  }
  for (const auto& s : m.slots) {
    nlohmann::json times = nlohmann::json::array();
    for (const auto& l : s.lines) times.push_back({{"market", l.market}, {"day", l.day}, {"time", l.time}});
    out["slots"].push_back({{"start", s.start}, {"score", s.score}, {"times", times}});
  }
  for (const auto& [name, r] : st.anchors) out["anchors"][name] = {r[0], r[1], r[2], r[3]};
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Drawing helpers: colours, anchors, labels
// ---------------------------------------------------------------------------------------------------------
namespace {
ImU32 rgba(int hex, float alpha = 1.0f) {
  return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, static_cast<int>(alpha * 255.0f + 0.5f));
}
// Meanings, in the theme's palette: teal is working time (the theme's accent), red closed, amber reduced, blue the
// meeting, red-orange the clock.
constexpr int kTeal = 0x0F766E, kRed = 0xB42318, kAmber = 0xB45309, kBlue = 0x1D4ED8, kNow = 0xE11D48;
constexpr int kSlate = 0x475569;

ImU32 severity_colour(Severity s) {
  return rgba(s == Severity::kProblem ? kRed : s == Severity::kWarning ? kAmber : kSlate);
}
const char* severity_key(Severity s) {
  return s == Severity::kProblem   ? "ui.meeting.severity.problem"
         : s == Severity::kWarning ? "ui.meeting.severity.warning"
                                   : "ui.meeting.severity.suggestion";
}

void anchor(MeetingViewState& st, const std::string& name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  st.anchors[name] = {a.x, a.y, b.x - a.x, b.y - a.y};
}

void secondary(const std::string& text, bool wrap = true) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  if (wrap) {
    ImGui::TextWrapped("%s", text.c_str());
  } else {
    ImGui::TextUnformatted(text.c_str());
  }
  ImGui::PopStyleColor();
}

// A label, then the control on the same line at `field_x` (window coordinates).
void field_label(const std::string& label, float field_x) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label.c_str());
  ImGui::SameLine(field_x);
}

// Text cut with an ellipsis to fit `width` in the current font, never inside a UTF-8 sequence.
std::string fit(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  std::string out = text;
  while (!out.empty()) {
    std::size_t n = out.size() - 1;
    while (n > 0 && (static_cast<unsigned char>(out[n]) & 0xC0) == 0x80) --n;
    out.resize(n);
    if (ImGui::CalcTextSize((out + "…").c_str()).x <= width) return out + "…";
  }
  return "";
}


// A card: a bordered child that grows with its content.
bool begin_card(const char* id) {
  return ImGui::BeginChild(
      id, ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
}
}  // namespace

// ---------------------------------------------------------------------------------------------------------
// [SECTION] The form
// ---------------------------------------------------------------------------------------------------------
namespace {
bool market_combo(const char* id, std::string& code, const DataSet& data, const Tr& tr, MeetingViewState& st,
                  float width) {
  const Profile* current = data.profile(code);
  const std::string preview = current ? current->name_en + " (" + current->code + ")" : tr("ui.meeting.choose_market");
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  if (ImGui::BeginCombo(id, fit(preview, width - ImGui::GetFrameHeight() - 12).c_str(), ImGuiComboFlags_HeightLarge)) {
    if (ImGui::IsWindowAppearing()) {
      st.filter[0] = 0;
      ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", tr("ui.top.search").c_str(), st.filter.data(), st.filter.size());
    std::string needle(st.filter.data());
    for (auto& ch : needle) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (const auto& [c, p] : data.profiles()) {
      std::string hay = p.name_en + " " + c;
      for (auto& ch : hay) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (!needle.empty() && hay.find(needle) == std::string::npos) continue;
      if (ImGui::Selectable((p.name_en + " (" + c + ")").c_str(), c == code)) {
        code = c;
        changed = true;
      }
      if (c == code && ImGui::IsWindowAppearing()) ImGui::SetScrollHereY();
    }
    ImGui::EndCombo();
  }
  return changed;
}

// The zone of a market with several; nothing for a market with one.
bool zone_combo(const char* id, const Profile& p, std::string& zone, float width) {
  if (p.zones.size() < 2) return false;
  const std::string shown = zone.empty() ? p.main_zone() : zone;
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  if (ImGui::BeginCombo(id, shown.c_str(), ImGuiComboFlags_HeightLarge)) {
    for (const auto& z : p.zones) {
      if (ImGui::Selectable(z.zone.c_str(), z.zone == shown)) {
        zone = z.main ? "" : z.zone;
        changed = true;
      }
      if (!z.regions.empty() && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
        ImGui::TextWrapped("%s", z.regions.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

// The region, for markets with regional holidays.
bool region_combo(const char* id, const std::set<std::string>& regions, std::string& region, const Tr& tr,
                  float width) {
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  const std::string any = tr("ui.meeting.region_any");
  if (ImGui::BeginCombo(id, region.empty() ? any.c_str() : region.c_str(), ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable(any.c_str(), region.empty())) {
      region.clear();
      changed = true;
    }
    for (const auto& r : regions) {
      if (ImGui::Selectable(r.c_str(), r == region)) {
        region = r;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("ui.meeting.region_help").c_str());
  return changed;
}

// A text field for a date or a time with a step button on each side; `parse` turns the text into the value.
// The text follows changes made elsewhere (a slot, the timeline, the arrows) except while it is being typed in;
// typed text takes effect when the field is left (Enter, Tab, a click elsewhere), a bad entry reverts.
template <class Value, class Parse, class Show>
bool stepped_field(const char* id, std::array<char, 16>& buf, Value& value, Value& shown, bool& editing, Parse parse,
                   Show show, Value minus, Value plus, float width, MeetingViewState& st,
                   const std::string& anchor_name) {
  bool changed = false;
  ImGui::PushID(id);
  const float button = ImGui::GetFrameHeight();
  const float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
  ImGui::PushButtonRepeat(true);
  if (ImGui::ArrowButton("##minus", ImGuiDir_Left)) {
    value = minus;
    changed = true;
  }
  ImGui::SameLine(0, spacing);
  ImGui::SetNextItemWidth(width - 2 * (button + spacing));
  if (!(shown == value) && !editing) {
    const std::string t = show(value);
    std::snprintf(buf.data(), buf.size(), "%s", t.c_str());
    shown = value;
  }
  ImGui::InputText("##text", buf.data(), buf.size(), ImGuiInputTextFlags_AutoSelectAll);
  editing = ImGui::IsItemActive();
  anchor(st, anchor_name);
  if (ImGui::IsItemDeactivated()) {
    if (auto v = parse(std::string_view(buf.data()))) {
      if (!(*v == value)) changed = true;
      value = *v;
    }
    const std::string t = show(value);  // a bad entry goes back to the value in force
    std::snprintf(buf.data(), buf.size(), "%s", t.c_str());
    shown = value;
  }
  ImGui::SameLine(0, spacing);
  if (ImGui::ArrowButton("##plus", ImGuiDir_Right)) {
    value = plus;
    changed = true;
  }
  ImGui::PopButtonRepeat();
  ImGui::PopID();
  return changed;
}

void section_break() {
  ImGui::Dummy(ImVec2(1, 2));
  ImGui::Separator();
  ImGui::Dummy(ImVec2(1, 2));
}

bool draw_form(MeetingForm& form, const MeetingModel& model, MeetingViewState& st, const DataSet& data, const Tr& tr) {
  bool changed = false;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float label_w = std::min(110.0f, avail * 0.34f);
  const float field_w = avail - label_w;
  const float field_x = ImGui::GetCursorPosX() + label_w;  // where every control starts

  // Who: the organiser (the top bar's From; its UTC offset, as the form's times are in its zone, and a zone
  // picker for markets whose zones keep different times), then the others.
  const Profile* own = data.profile(form.organiser_market);
  field_label(tr("ui.meeting.organiser"), field_x);
  const std::string offset = model.rows.empty() ? "" : model.rows.front().offset;
  const float offset_w = ImGui::CalcTextSize(offset.c_str()).x;
  ImGui::TextUnformatted(
      fit(own ? own->name_en + " (" + own->code + ")" : form.organiser_market, field_w - offset_w - 10).c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("ui.meeting.organiser_help").c_str());
  if (!offset.empty()) {
    ImGui::SameLine(0, 10);
    secondary(offset, false);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", model.rows.front().zone.c_str());
  }
  if (own && model.zone_choice.count(own->code)) {
    ImGui::SetCursorPosX(field_x);
    std::string zone = form.organiser_zone == own->main_zone() ? "" : form.organiser_zone;
    if (zone_combo("##own-zone", *own, zone, field_w)) {
      form.organiser_zone = zone.empty() ? own->main_zone() : zone;
      changed = true;
    }
  }

  // The other participants.
  for (std::size_t i = 0; i < form.participants.size(); ++i) {
    auto& part = form.participants[i];
    ImGui::PushID(static_cast<int>(i));
    field_label(i == 0 ? tr("ui.meeting.with") : "", field_x);
    const bool removable = form.participants.size() > 1;
    const float remove_w = removable ? ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x : 0.0f;
    if (market_combo("##market", part.market, data, tr, st, field_w - remove_w)) {
      part.zone.clear();
      part.region.clear();
      changed = true;
    }
    anchor(st, "meeting.participant." + std::to_string(i));
    bool removed = false;
    if (removable) {
      ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
      if (ImGui::Button("×", ImVec2(ImGui::GetFrameHeight(), 0))) removed = true;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("ui.meeting.remove").c_str());
    }
    if (const Profile* p = data.profile(part.market); p && !removed) {
      if (model.zone_choice.count(p->code)) {
        ImGui::SetCursorPosX(field_x);
        changed = zone_combo("##zone", *p, part.zone, field_w - remove_w) || changed;
      }
      if (const auto it = model.regions.find(p->code); it != model.regions.end()) {
        ImGui::SetCursorPosX(field_x);
        changed = region_combo("##region", it->second, part.region, tr, field_w - remove_w) || changed;
      }
    }
    ImGui::PopID();
    if (removed) {
      form.participants.erase(form.participants.begin() + static_cast<std::ptrdiff_t>(i));
      changed = true;
      break;
    }
  }
  ImGui::SetCursorPosX(field_x);
  if (form.participants.size() < 8 && ImGui::Button(tr("ui.meeting.add").c_str())) {
    form.participants.push_back({});
    changed = true;
  }
  anchor(st, "meeting.add");

  section_break();
  field_label(tr("ui.meeting.date"), field_x);
  changed = stepped_field(
                "date", st.date_text, form.date, st.date_shown, st.date_editing,
                [](std::string_view t) { return parse_civil_date(t); }, [](const CivilDate& d) { return d.iso(); },
                add_days(form.date, -1), add_days(form.date, 1), field_w, st, "meeting.date") ||
            changed;
  field_label(tr("ui.meeting.time"), field_x);
  changed = stepped_field(
                "time", st.time_text, form.start, st.time_shown, st.time_editing,
                [](std::string_view t) { return parse_hhmm(t); }, [](int v) { return hhmm(v); }, form.start - 15,
                form.start + 15, field_w, st, "meeting.time") ||
            changed;
  // Stepping past midnight moves to the next or previous day.
  if (form.start >= 24 * 60) {
    form.start -= 24 * 60;
    form.date = add_days(form.date, 1);
  } else if (form.start < 0) {
    form.start += 24 * 60;
    form.date = add_days(form.date, -1);
  }
  field_label(tr("ui.meeting.duration"), field_x);
  ImGui::SetNextItemWidth(field_w);
  static constexpr int kDurations[] = {15, 30, 45, 60, 90, 120, 180, 240};
  if (ImGui::BeginCombo("##duration", tr("ui.meeting.minutes", {{"count", std::int64_t{form.duration}}}).c_str())) {
    for (int d : kDurations) {
      if (ImGui::Selectable(tr("ui.meeting.minutes", {{"count", std::int64_t{d}}}).c_str(), d == form.duration)) {
        form.duration = d;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  if (model.past) {
    ImGui::SetCursorPosX(field_x);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(rgba(kAmber)));
    ImGui::TextWrapped("%s", tr("ui.meeting.past").c_str());
    ImGui::PopStyleColor();
  }

  section_break();
  field_label(tr("ui.meeting.kind"), field_x);
  ImGui::SetNextItemWidth(field_w);
  if (ImGui::BeginCombo("##kind", tr(meeting_kind_key(form.kind)).c_str())) {
    for (MeetingKind k : kAllMeetingKinds) {
      if (ImGui::Selectable(tr(meeting_kind_key(k)).c_str(), k == form.kind)) {
        form.kind = k;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  field_label(tr("ui.meeting.channel"), field_x);
  ImGui::SetNextItemWidth(field_w);
  if (ImGui::BeginCombo("##channel", tr(channel_key(form.channel)).c_str())) {
    for (Channel c : kAllChannels) {
      if (ImGui::Selectable(tr(channel_key(c)).c_str(), c == form.channel)) {
        form.channel = c;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  field_label(tr("ui.meeting.notice"), field_x);
  int notice = model.days_ahead;
  const std::string unit = tr("ui.meeting.notice_days", {{"count", std::int64_t{notice}}});
  ImGui::SetNextItemWidth(std::min(field_w - ImGui::CalcTextSize(unit.c_str()).x - 8, 150.0f));
  if (ImGui::InputInt("##notice", &notice, 1, 7)) {
    form.days_ahead = std::clamp(notice, 0, 365);
    changed = true;
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s",
                      (form.days_ahead < 0 ? tr("ui.meeting.notice_auto") : tr("ui.meeting.notice_help")).c_str());
  }
  ImGui::SameLine(0, 8);
  secondary(unit, false);
  ImGui::SetCursorPosX(field_x);
  changed = ImGui::Checkbox(tr("ui.meeting.agenda").c_str(), &form.agenda_sent) || changed;
  return changed;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] The timeline: one row per participant on a common UTC axis
// ---------------------------------------------------------------------------------------------------------
// Diagonal stripes over a rectangle (holidays read as "closed" without relying on colour alone).
void hatch(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, float gap = 7.0f) {
  dl->PushClipRect(a, b, true);
  const float h = b.y - a.y;
  for (float x = a.x - h; x < b.x; x += gap) dl->AddLine(ImVec2(x, b.y), ImVec2(x + h, a.y), colour, 1.5f);
  dl->PopClipRect();
}

bool draw_timeline(MeetingForm& form, const MeetingModel& m, MeetingViewState& st, const Tr& tr, const Fonts& fonts,
                   EpochMs now) {
  bool changed = false;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float width = ImGui::GetContentRegionAvail().x;
  const bool narrow = width < 560;
  const float header_w = narrow ? 0.0f : std::min(190.0f, width * 0.24f);
  const float x0 = ImGui::GetCursorScreenPos().x + header_w;
  const float x1 = ImGui::GetCursorScreenPos().x + width;
  const double span = m.window_end - m.window_start;
  auto x_of = [&](EpochMs t) { return x0 + static_cast<float>((t - m.window_start) / span) * (x1 - x0); };
  auto clamp_x = [&](float x) { return std::clamp(x, x0, x1); };
  const float px_per_hour = (x1 - x0) / static_cast<float>(span / 3600000.0);
  const int label_every = px_per_hour * 3 >= 30 ? 3 : px_per_hour * 6 >= 30 ? 6 : 12;

  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 off_hours = rgba(0xE9E6DF);
  const ImU32 grid = rgba(0xB8B3A8);

  if (fonts.small) ImGui::PushFont(fonts.small);
  const float small_h = ImGui::GetTextLineHeight();
  if (fonts.small) ImGui::PopFont();
  const float bar_h = std::max(34.0f, 2 * small_h + 8);

  std::vector<std::pair<float, float>> bars;  // each row's bar, top and bottom
  for (std::size_t ri = 0; ri < m.rows.size(); ++ri) {
    const TimelineRow& row = m.rows[ri];
    ImGui::PushID(static_cast<int>(ri));
    ImVec2 origin = ImGui::GetCursorScreenPos();
    // The row's header: who, where, and the meeting in their time.
    const std::string who = row.organiser ? tr("ui.meeting.you", {{"market", row.name}}) : row.name;
    const std::string where = row.zone + " · " + row.offset + (row.region.empty() ? "" : " · " + row.region);
    const std::string meeting = row.meeting_day + " " + row.meeting_local;
    if (narrow) {
      // One line: who in bold, then the meeting in their time and their offset, small, on the same baseline.
      const float line_h = ImGui::GetTextLineHeight();
      if (fonts.bold) ImGui::PushFont(fonts.bold);
      const std::string who_fit = fit(who, width * 0.45f);
      const float who_w = ImGui::CalcTextSize(who_fit.c_str()).x;
      dl->AddText(origin, text, who_fit.c_str());
      if (fonts.bold) ImGui::PopFont();
      if (fonts.small) ImGui::PushFont(fonts.small);
      const float baseline = origin.y + line_h - ImGui::GetTextLineHeight() - 1;
      const std::string when_fit = fit(meeting, width - who_w - 10);
      const float when_w = ImGui::CalcTextSize(when_fit.c_str()).x;
      dl->AddText(ImVec2(origin.x + who_w + 8, baseline), rgba(kBlue), when_fit.c_str());
      dl->AddText(ImVec2(origin.x + who_w + 8 + when_w + 8, baseline), faint,
                  fit(row.offset, width - who_w - when_w - 24).c_str());
      if (fonts.small) ImGui::PopFont();
      ImGui::Dummy(ImVec2(width, line_h));
      origin = ImGui::GetCursorScreenPos();
    } else {
      ImGui::SetCursorScreenPos(origin);
      if (fonts.bold) ImGui::PushFont(fonts.bold);
      ImGui::TextUnformatted(fit(who, header_w - 10).c_str());
      if (fonts.bold) ImGui::PopFont();
      if (fonts.small) ImGui::PushFont(fonts.small);
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(rgba(kBlue)));
      ImGui::TextUnformatted(fit(meeting, header_w - 10).c_str());
      ImGui::PopStyleColor();
      secondary(fit(where, header_w - 10), false);
      if (fonts.small) ImGui::PopFont();
    }
    const float top = origin.y;
    const float bottom = top + bar_h;
    bars.emplace_back(top, bottom);
    const ImVec2 bar_a(x0, top), bar_b(x1, bottom);
    dl->AddRectFilled(bar_a, bar_b, off_hours, 4);

    // Each local day: working hours (core hours darker), lunch, weekend, holiday, eve.
    for (std::size_t di = 0; di < row.days.size(); ++di) {
      const LocalDay& d = row.days[di];
      const float dx0 = clamp_x(x_of(d.start)), dx1 = clamp_x(x_of(d.end));
      if (dx1 <= dx0) continue;
      if (d.open()) {
        dl->AddRectFilled(ImVec2(clamp_x(x_of(d.work_start)), top), ImVec2(clamp_x(x_of(d.work_end)), bottom),
                          rgba(kTeal, 0.22f));
        dl->AddRectFilled(ImVec2(clamp_x(x_of(d.core_start)), top), ImVec2(clamp_x(x_of(d.core_end)), bottom),
                          rgba(kTeal, 0.20f));
        if (d.lunch_end > d.lunch_start) {
          // Lunch: a gap in the band, back to the off-hours colour with a thin teal edge.
          const ImVec2 la(clamp_x(x_of(d.lunch_start)), top), lb(clamp_x(x_of(d.lunch_end)), bottom);
          dl->AddRectFilled(la, lb, rgba(0xF4EBD0));
          hatch(dl, la, lb, rgba(kAmber, 0.25f), 4.0f);
        }
      } else if (d.closed) {
        dl->AddRectFilled(ImVec2(dx0, top), ImVec2(dx1, bottom), rgba(kRed, 0.16f));
        hatch(dl, ImVec2(dx0, top), ImVec2(dx1, bottom), rgba(kRed, 0.30f));
      } else {
        dl->AddRectFilled(ImVec2(dx0, top), ImVec2(dx1, bottom), rgba(0xCFCAC0));
      }
      if (d.reduced && !d.closed) {
        dl->AddRectFilled(ImVec2(dx0, top), ImVec2(dx1, bottom), rgba(kAmber, 0.14f));
        hatch(dl, ImVec2(dx0, top), ImVec2(dx1, bottom), rgba(kAmber, 0.30f), 9.0f);
      }
      // A holiday period, or a holiday in some regions only: a band along the bottom, so the hours stay readable.
      if (d.regional && !d.closed)
        dl->AddRectFilled(ImVec2(dx0, bottom - 5), ImVec2(dx1, bottom), rgba(kRed, 0.75f));
      else if (d.period && !d.closed)
        dl->AddRectFilled(ImVec2(dx0, bottom - 5), ImVec2(dx1, bottom), rgba(kAmber, 0.75f));
      // Midnight: a clear divider and the day's name, with what the day is when it is not ordinary.
      if (di > 0 || x_of(d.start) >= x0) dl->AddLine(ImVec2(dx0, top), ImVec2(dx0, bottom + 3), faint, 1.5f);
      if (fonts.small) ImGui::PushFont(fonts.small);
      const float room = dx1 - dx0 - 8;
      if (room > 24) {
        dl->AddText(ImVec2(dx0 + 4, top + 2), text, fit(row.day_labels[di], room).c_str());
        const std::string& status = row.day_status[di];
        if (!status.empty()) {
          dl->AddText(ImVec2(dx0 + 4, top + 3 + small_h), d.closed ? rgba(kRed) : rgba(0x7C2D12),
                      fit(status, room).c_str());
        }
      }
      if (fonts.small) ImGui::PopFont();
    }
    // Local hours under the bar.
    if (fonts.small) ImGui::PushFont(fonts.small);
    for (const auto& [t, h] : row.hours) {
      const float x = x_of(t);
      if (x < x0 - 0.5f || x > x1 + 0.5f || h == 0) continue;
      if (px_per_hour >= 6) dl->AddLine(ImVec2(x, bottom + 1), ImVec2(x, bottom + 3), grid, 1.0f);
      if (h % label_every != 0) continue;
      char label[8];
      std::snprintf(label, sizeof label, "%02d", h);
      const float w = ImGui::CalcTextSize(label).x;
      if (x - w / 2 < x0 || x + w / 2 > x1) continue;
      dl->AddLine(ImVec2(x, bottom), ImVec2(x, bottom + 3), faint, 1.0f);
      dl->AddText(ImVec2(x - w / 2, bottom + 3), faint, label);
    }
    if (fonts.small) ImGui::PopFont();

    // Hover: the local time and what the day is; a click moves the meeting there.
    ImGui::SetCursorScreenPos(bar_a);
    ImGui::InvisibleButton("##bar", ImVec2(std::max(1.0f, x1 - x0), bar_h));
    if (ImGui::IsItemHovered()) {
      const float mx = ImGui::GetIO().MousePos.x;
      const EpochMs t = m.window_start + static_cast<double>((mx - x0) / (x1 - x0)) * span;
      const EpochMs snapped = std::round(t / (15 * kMinuteMs)) * 15 * kMinuteMs;
      for (std::size_t di = 0; di < row.days.size(); ++di) {
        const LocalDay& d = row.days[di];
        if (t < d.start || t >= d.end) continue;
        const auto local = to_local(snapped, row.zone);
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        if (local)
          text_in(fonts.bold,
                  row.name + " · " + row.day_labels[di] + " " + hhmm(local->minutes) + " (" + row.zone + ")");
        // Native names in scripts the fonts lack (Japanese, Chinese, Korean, Thai) are left out, not drawn as boxes.
        const std::string& notes = renderable(row.day_notes[di]) ? row.day_notes[di] : row.day_notes_plain[di];
        ImGui::TextWrapped("%s", notes.c_str());
        secondary(tr("ui.meeting.click_to_move"));
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
      dl->AddLine(ImVec2(mx, top), ImVec2(mx, bottom), rgba(kBlue, 0.6f), 1.0f);
    }
    if (ImGui::IsItemClicked() && !m.rows.empty()) {
      const float mx = ImGui::GetIO().MousePos.x;
      const EpochMs t = m.window_start + static_cast<double>((mx - x0) / (x1 - x0)) * span;
      const EpochMs snapped = std::floor(t / (15 * kMinuteMs)) * 15 * kMinuteMs;
      if (auto own = to_local(snapped, m.rows.front().zone)) {
        form.date = own->date;
        form.start = own->minutes;
        changed = true;
      }
    }
    if (ri == 0) anchor(st, "meeting.timeline");
    ImGui::SetCursorScreenPos(ImVec2(origin.x, bottom + small_h + 6));
    if (!narrow) {
      // Leave room for the header's three lines.
      const float header_bottom = origin.y + ImGui::GetTextLineHeight() + 2 * small_h + 8;
      if (ImGui::GetCursorScreenPos().y < header_bottom) ImGui::SetCursorScreenPos(ImVec2(origin.x, header_bottom));
    }
    ImGui::Dummy(ImVec2(width, 4));
    ImGui::PopID();
  }

  // The meeting and the now-line: across every row on a wide screen; on a narrow one, where row headers sit
  // between the bars, over each bar.
  if (!bars.empty()) {
    std::vector<std::pair<float, float>> spans;
    if (narrow) {
      spans = bars;
    } else {
      spans.emplace_back(bars.front().first, bars.back().second);
    }
    const float mx0 = x_of(m.start), mx1 = x_of(m.end);
    const bool now_shown = now >= m.window_start && now < m.window_end;
    const float nx = x_of(now);
    for (const auto& [y0, y1] : spans) {
      if (mx1 > x0 && mx0 < x1) {
        const ImVec2 a(clamp_x(mx0), y0 - 3), b(std::max(clamp_x(mx1), clamp_x(mx0) + 3), y1 + 3);
        dl->AddRectFilled(a, b, rgba(kBlue, 0.22f), 3);
        dl->AddRect(a, b, rgba(kBlue), 3, 0, 2.0f);
      }
      if (now_shown) dl->AddLine(ImVec2(nx, y0 - 3), ImVec2(nx, y1 + 3), rgba(kNow), 2.0f);
    }
    if (now_shown) {
      const float y = bars.front().first;
      dl->AddTriangleFilled(ImVec2(nx - 5, y - 11), ImVec2(nx + 5, y - 11), ImVec2(nx, y - 4), rgba(kNow));
    }
  }
  return changed;
}

// The legend names only what the timeline shows.
void legend(const MeetingModel& m, const Tr& tr, const Fonts& fonts, EpochMs now) {
  bool weekend = false, holiday = false, reduced = false, period = false, regional = false;
  for (const auto& row : m.rows) {
    for (const auto& d : row.days) {
      if (d.end <= m.window_start || d.start >= m.window_end) continue;
      weekend = weekend || (!d.working_day && !d.closed);
      holiday = holiday || d.closed;
      reduced = reduced || (d.reduced && !d.closed);
      period = period || (d.period && !d.closed && !d.regional);
      regional = regional || (d.regional && !d.closed);
    }
  }
  const bool now_shown = now >= m.window_start && now < m.window_end;
  if (fonts.small) ImGui::PushFont(fonts.small);
  const float h = ImGui::GetTextLineHeight();
  auto item = [&](const std::string& label, auto draw_swatch) {
    const float w = 18 + 5 + ImGui::CalcTextSize(label.c_str()).x;
    if (ImGui::GetCursorPosX() > ImGui::GetStyle().WindowPadding.x + 1 && ImGui::GetContentRegionAvail().x < w) {
      ImGui::NewLine();
    }
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a(p.x, p.y + 2), b(p.x + 18, p.y + h - 2);
    draw_swatch(dl, a, b);
    ImGui::Dummy(ImVec2(23, h));
    ImGui::SameLine(0, 0);
    secondary(label, false);
    ImGui::SameLine(0, 14);
  };
  item(tr("ui.meeting.legend.working"), [](ImDrawList* dl, ImVec2 a, ImVec2 b) {
    dl->AddRectFilled(a, b, rgba(0xE9E6DF), 3);
    dl->AddRectFilled(a, b, rgba(kTeal, 0.22f), 3);
  });
  item(tr("ui.meeting.legend.core"), [](ImDrawList* dl, ImVec2 a, ImVec2 b) {
    dl->AddRectFilled(a, b, rgba(0xE9E6DF), 3);
    dl->AddRectFilled(a, b, rgba(kTeal, 0.42f), 3);
  });
  item(tr("ui.meeting.legend.lunch"), [](ImDrawList* dl, ImVec2 a, ImVec2 b) {
    dl->AddRectFilled(a, b, rgba(0xF4EBD0), 3);
    hatch(dl, a, b, rgba(kAmber, 0.25f), 4.0f);
  });
  item(tr("ui.meeting.legend.off"),
       [](ImDrawList* dl, ImVec2 a, ImVec2 b) { dl->AddRectFilled(a, b, rgba(0xE9E6DF), 3); });
  if (weekend) {
    item(tr("ui.meeting.legend.weekend"),
         [](ImDrawList* dl, ImVec2 a, ImVec2 b) { dl->AddRectFilled(a, b, rgba(0xCFCAC0), 3); });
  }
  if (holiday) {
    item(tr("ui.meeting.legend.holiday"), [](ImDrawList* dl, ImVec2 a, ImVec2 b) {
      dl->AddRectFilled(a, b, rgba(kRed, 0.16f), 3);
      hatch(dl, a, b, rgba(kRed, 0.30f));
    });
  }
  if (reduced) {
    item(tr("ui.meeting.legend.reduced"), [](ImDrawList* dl, ImVec2 a, ImVec2 b) {
      dl->AddRectFilled(a, b, rgba(kAmber, 0.14f), 3);
      hatch(dl, a, b, rgba(kAmber, 0.30f), 9.0f);
    });
  }
  if (period) {
    item(tr("ui.meeting.legend.period"), [](ImDrawList* dl, ImVec2 a, ImVec2 b) {
      dl->AddRectFilled(a, b, rgba(0xE9E6DF), 3);
      dl->AddRectFilled(ImVec2(a.x, b.y - 5), b, rgba(kAmber, 0.75f));
    });
  }
  if (regional) {
    item(tr("ui.meeting.legend.regional"), [](ImDrawList* dl, ImVec2 a, ImVec2 b) {
      dl->AddRectFilled(a, b, rgba(0xE9E6DF), 3);
      dl->AddRectFilled(ImVec2(a.x, b.y - 5), b, rgba(kRed, 0.75f));
    });
  }
  item(tr("ui.meeting.legend.meeting"), [](ImDrawList* dl, ImVec2 a, ImVec2 b) {
    dl->AddRectFilled(a, b, rgba(kBlue, 0.22f), 3);
    dl->AddRect(a, b, rgba(kBlue), 3, 0, 2.0f);
  });
  if (now_shown) {
    item(tr("ui.meeting.legend.now"), [](ImDrawList* dl, ImVec2 a, ImVec2 b) {
      const float x = (a.x + b.x) / 2;
      dl->AddLine(ImVec2(x, a.y - 1), ImVec2(x, b.y + 1), rgba(kNow), 2.0f);
    });
  }
  ImGui::NewLine();
  if (fonts.small) ImGui::PopFont();
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Findings: severity, why, what to do
// ---------------------------------------------------------------------------------------------------------
void draw_findings(const MeetingModel& m, const Tr& tr, const Fonts& fonts) {
  text_in(fonts.heading, tr("ui.meeting.findings", {{"count", static_cast<std::int64_t>(m.findings.size())}}));
  if (m.findings.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(rgba(kTeal)));
    ImGui::TextWrapped("%s", tr("ui.meeting.all_clear").c_str());
    ImGui::PopStyleColor();
    return;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (std::size_t i = 0; i < m.findings.size(); ++i) {
    const FindingView& f = m.findings[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Spacing();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::Indent(14);
    // The severity as a coloured word, then who it concerns.
    if (fonts.small) ImGui::PushFont(fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(severity_colour(f.severity)));
    std::string head = tr(severity_key(f.severity));
    for (std::size_t k = 0; k < f.markets.size(); ++k) head += (k == 0 ? " · " : ", ") + f.markets[k];
    ImGui::TextUnformatted(head.c_str());
    ImGui::PopStyleColor();
    if (fonts.small) ImGui::PopFont();
    ImGui::TextWrapped("%s", f.why.c_str());
    secondary(tr("ui.meeting.fix", {{"fix", f.fix}}));
    ImGui::Unindent(14);
    const float bottom = ImGui::GetItemRectMax().y;
    dl->AddRectFilled(ImVec2(top.x, top.y + 1), ImVec2(top.x + 4, bottom), severity_colour(f.severity), 2);
    ImGui::PopID();
  }
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Suggested slots: every participant's local time; a click applies one
// ---------------------------------------------------------------------------------------------------------
bool draw_slots(MeetingForm& form, const MeetingModel& m, MeetingViewState& st, const Tr& tr, const Fonts& fonts) {
  bool changed = false;
  text_in(fonts.heading, tr("ui.meeting.slots"));
  secondary(tr("ui.meeting.slots_help", {{"days", std::int64_t{m.slot_days}}, {"date", m.plan.date.iso()}}));
  if (m.slots.empty()) {
    ImGui::TextWrapped("%s", tr("ui.meeting.no_slots").c_str());
    return false;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float width = ImGui::GetContentRegionAvail().x;
  if (fonts.small) ImGui::PushFont(fonts.small);
  const float small_h = ImGui::GetTextLineHeight();
  if (fonts.small) ImGui::PopFont();
  const float line_h = ImGui::GetTextLineHeight();
  for (std::size_t i = 0; i < m.slots.size(); ++i) {
    const SlotView& s = m.slots[i];
    ImGui::PushID(static_cast<int>(i));
    const bool chosen = std::fabs(s.start - m.start) < 1000.0;
    // Lines: the organiser's day and time (bold), then each other participant, two per line when there is room.
    const std::size_t others = s.lines.size() - 1;
    const bool two_columns = width > 420;
    const std::size_t other_rows = two_columns ? (others + 1) / 2 : others;
    const float h = 10 + line_h + 4 + static_cast<float>(other_rows) * (small_h + 2) + 8;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    // A card that is a button: its own fill (the chosen slot tinted, a hovered one lighter) inside its border.
    if (ImGui::InvisibleButton("##slot", ImVec2(width, h))) {
      form.date = s.organiser_date;
      form.start = s.organiser_start;
      changed = true;
    }
    anchor(st, "meeting.slot." + std::to_string(i));
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetTooltip("%s", tr(chosen ? "ui.meeting.slot_chosen" : "ui.meeting.apply_slot").c_str());
    const ImVec2 b(a.x + width, a.y + h);
    if (chosen || hovered) dl->AddRectFilled(a, b, rgba(kTeal, chosen ? 0.12f : 0.06f), 6);
    dl->AddRect(a, b, chosen ? rgba(kTeal) : ImGui::GetColorU32(ImGuiCol_Border), 6, 0, chosen ? 2.0f : 1.0f);
    ImGui::Dummy(ImVec2(1, 2));
    // Comfort, as a short bar on the right.
    const float bar_w = 56;
    const ImVec2 ba(a.x + width - bar_w - 12, a.y + 12), bb(a.x + width - 12, a.y + 18);
    dl->AddRectFilled(ba, bb, rgba(0xE9E6DF), 3);
    dl->AddRectFilled(ba, ImVec2(ba.x + bar_w * static_cast<float>(std::clamp(s.score, 0.0, 1.0)), bb.y), rgba(kTeal),
                      3);
    if (fonts.small) ImGui::PushFont(fonts.small);
    const std::string comfort =
        tr("ui.meeting.comfort", {{"score", static_cast<std::int64_t>(std::lround(s.score * 100))}});
    const float cw = ImGui::CalcTextSize(comfort.c_str()).x;
    dl->AddText(ImVec2(bb.x - cw, bb.y + 2), ImGui::GetColorU32(ImGuiCol_TextDisabled), comfort.c_str());
    if (fonts.small) ImGui::PopFont();
    // The organiser's time.
    const SlotLine& own = s.lines.front();
    const float text_w = width - bar_w - 40;
    if (fonts.bold) ImGui::PushFont(fonts.bold);
    dl->AddText(ImVec2(a.x + 12, a.y + 8), ImGui::GetColorU32(ImGuiCol_Text),
                fit(own.day + " · " + own.time + " (" + own.market + ")", text_w).c_str());
    if (fonts.bold) ImGui::PopFont();
    if (fonts.small) ImGui::PushFont(fonts.small);
    const float col_w = two_columns ? (width - 24) / 2 : width - 24;
    for (std::size_t k = 1; k < s.lines.size(); ++k) {
      const std::size_t idx = k - 1;
      const float cx = a.x + 12 + (two_columns ? static_cast<float>(idx % 2) * col_w : 0.0f);
      const float cy = a.y + 8 + line_h + 4 + static_cast<float>(two_columns ? idx / 2 : idx) * (small_h + 2);
      const SlotLine& l = s.lines[k];
      dl->AddText(ImVec2(cx, cy), ImGui::GetColorU32(ImGuiCol_Text),
                  fit(l.market + "  " + l.day + " · " + l.time, col_w - 8).c_str());
    }
    if (fonts.small) ImGui::PopFont();
    ImGui::PopID();
  }
  return changed;
}
}  // namespace

// ---------------------------------------------------------------------------------------------------------
// [SECTION] The whole view
// ---------------------------------------------------------------------------------------------------------
namespace {
void draw_results(MeetingForm& form, const MeetingModel& m, MeetingViewState& st, const Tr& tr, const Fonts& fonts,
                  EpochMs now, MeetingEvents& ev) {
  if (!m.errors.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(rgba(kRed)));
    for (const auto& e : m.errors) ImGui::TextWrapped("%s", tr("ui.meeting.error", {{"error", e}}).c_str());
    ImGui::PopStyleColor();
    return;
  }
  if (m.rows.empty()) {
    ImGui::TextWrapped("%s", tr("ui.meeting.pick").c_str());
    return;
  }
  // One card: the meeting and its verdict, the days shown and the export, then everyone's day and the legend.
  if (begin_card("timeline")) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const int choices[] = {1, 3, 7};
    std::string labels[3];
    float days_w = 0;
    for (int i = 0; i < 3; ++i) {
      labels[i] = tr("ui.meeting.days", {{"count", std::int64_t{choices[i]}}});
      days_w += ImGui::CalcTextSize(labels[i].c_str()).x + style.FramePadding.x * 2 + (i ? 4 : 0);
    }
    const std::string export_label = tr("ui.meeting.export");
    const float export_w = ImGui::CalcTextSize(export_label.c_str()).x + style.FramePadding.x * 2;
    const float controls_w = days_w + 16 + export_w;
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool side = avail >= controls_w + 320;  // the controls beside the text, else under it

    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (side ? avail - controls_w - 16 : avail));
    text_in(fonts.bold, m.when);
    const std::string verdict = m.problems + m.warnings + m.suggestions == 0
                                    ? tr("ui.meeting.verdict_clear")
                                    : tr("ui.meeting.verdict", {{"problems", std::int64_t{m.problems}},
                                                                {"warnings", std::int64_t{m.warnings}},
                                                                {"suggestions", std::int64_t{m.suggestions}}});
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(m.problems   ? rgba(kRed)
                                                                        : m.warnings ? rgba(kAmber)
                                                                                     : rgba(kTeal)));
    ImGui::TextWrapped("%s", verdict.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();

    if (side) ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - controls_w);
    for (int i = 0; i < 3; ++i) {
      if (i) ImGui::SameLine(0, 4);
      const bool on = form.timeline_days == choices[i];
      if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
      if (ImGui::Button(labels[i].c_str())) {
        form.timeline_days = choices[i];
        ev.form_changed = true;
      }
      if (on) ImGui::PopStyleColor();
      anchor(st, "meeting.days." + std::to_string(choices[i]));
    }
    const float used = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    if (ImGui::GetWindowContentRegionMax().x - used >= export_w + 16) ImGui::SameLine(0, 16);
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(rgba(kTeal)));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(rgba(0x115E59)));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::ColorConvertU32ToFloat4(rgba(0x134E4A)));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    if (ImGui::Button(export_label.c_str())) ev.export_ics = true;
    ImGui::PopStyleColor(4);
    anchor(st, "meeting.export");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("ui.meeting.export_help").c_str());

    ImGui::Dummy(ImVec2(1, 14));  // room for the now-line's marker
    ev.form_changed = draw_timeline(form, m, st, tr, fonts, now) || ev.form_changed;
    legend(m, tr, fonts, now);
  }
  ImGui::EndChild();
  ImGui::Spacing();

  // Findings and slots: side by side on a wide screen.
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail >= 820) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float left = std::floor((avail - gap) * 0.56f);
    ImGui::BeginChild("findings", ImVec2(left, 0),
                      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
    draw_findings(m, tr, fonts);
    ImGui::EndChild();
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("slots", ImVec2(avail - left - gap, 0),
                      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
    ev.form_changed = draw_slots(form, m, st, tr, fonts) || ev.form_changed;
    ImGui::EndChild();
  } else {
    if (begin_card("findings")) draw_findings(m, tr, fonts);
    ImGui::EndChild();
    ImGui::Spacing();
    if (begin_card("slots")) ev.form_changed = draw_slots(form, m, st, tr, fonts) || ev.form_changed;
    ImGui::EndChild();
  }
}
}  // namespace

MeetingEvents draw_meeting_view(MeetingForm& form, const MeetingModel& model, MeetingViewState& st, const DataSet& data,
                                const Tr& tr, const Fonts& fonts, EpochMs now) {
  MeetingEvents ev;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const bool wide = avail.x >= 980;
  if (wide) {
    const float form_w = 340;
    ImGui::BeginChild("meeting-form", ImVec2(form_w, avail.y),
                      ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    ev.form_changed = draw_form(form, model, st, data, tr);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("meeting-results", ImVec2(0, avail.y), ImGuiChildFlags_None);
    draw_results(form, model, st, tr, fonts, now, ev);
    ImGui::EndChild();
  } else {
    ImGui::BeginChild("meeting-all", ImVec2(0, avail.y), ImGuiChildFlags_None);
    if (begin_card("meeting-form")) ev.form_changed = draw_form(form, model, st, data, tr);
    ImGui::EndChild();
    ImGui::Spacing();
    draw_results(form, model, st, tr, fonts, now, ev);
    ImGui::EndChild();
  }
  return ev;
}

}  // namespace rapport::ui
