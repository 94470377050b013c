#include "engine/profile.h"

#include <unicode/locid.h>
#include <unicode/uloc.h>

#include <algorithm>
#include <cctype>
#include <tuple>
#include <cstdio>
#include <memory>
#include <set>

#include "engine/json_reader.h"

// [SECTION] Small types: dates, weekdays, dimensions
// [SECTION] Field readers
// [SECTION] Sections
// [SECTION] load_profile

namespace rapport {

using nlohmann::json;

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Small types: dates, weekdays, dimensions
// ---------------------------------------------------------------------------------------------------------
namespace {
constexpr std::array<std::string_view, 7> kWeekdays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, kDimCount> kDimKeys = {
    "directness", "negative_feedback", "formality", "hierarchy", "trust", "decision_style", "decision_speed",
    "scheduling", "disagreement"};

}  // namespace

std::string_view weekday_name(Weekday d) { return kWeekdays[static_cast<std::size_t>(d)]; }
std::string_view dim_key(Dim d) { return kDimKeys[static_cast<std::size_t>(d)]; }

const std::string& Profile::main_zone() const {
  for (const auto& z : zones) {
    if (z.main) return z.zone;
  }
  return zones.front().zone;
}

std::uint8_t Profile::working_days_on(const CivilDate& date) const {
  for (const auto& w : working_time.weeks) {
    if (w.from && date < *w.from) continue;
    if (w.to && *w.to < date) continue;
    return w.days;
  }
  return working_time.weeks.empty() ? 0x1F : working_time.weeks.back().days;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Field readers: the pieces several sections share
// ---------------------------------------------------------------------------------------------------------
namespace {

std::optional<CivilDate> read_date(ObjectReader& r, std::string_view key, Need need) {
  const auto text = need == Need::kRequired ? std::optional<std::string>(r.string(key)) : r.optional_string(key);
  if (!text || text->empty()) return std::nullopt;
  auto d = parse_civil_date(*text);
  if (!d) r.error(key, "\"" + *text + "\" is not a date: write YYYY-MM-DD (a day that exists)");
  return d;
}

std::optional<Weekday> read_weekday_value(const std::string& s) {
  for (std::size_t i = 0; i < kWeekdays.size(); ++i) {
    if (kWeekdays[i] == s) return static_cast<Weekday>(i);
  }
  return std::nullopt;
}

std::optional<Weekday> read_weekday(ObjectReader& r, std::string_view key, Need need) {
  const std::string s = r.one_of(key, {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}, need);
  return s.empty() ? std::nullopt : read_weekday_value(s);
}

// "HH:MM" -> minutes after midnight.
int read_time(ObjectReader& r, std::string_view key) {
  const std::string s = r.string(key);
  if (s.empty()) return 0;
  if (s.size() == 5 && s[2] == ':' && std::isdigit(static_cast<unsigned char>(s[0])) &&
      std::isdigit(static_cast<unsigned char>(s[1])) && std::isdigit(static_cast<unsigned char>(s[3])) &&
      std::isdigit(static_cast<unsigned char>(s[4]))) {
    const int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
    if (h < 24 && m < 60) return h * 60 + m;
  }
  r.error(key, "\"" + s + "\" is not a time of day: write HH:MM, 24-hour (\"09:30\")");
  return 0;
}

TimeSpan read_span(ObjectReader& parent, std::string_view key) {
  ObjectReader r = parent.object(key);
  TimeSpan t{read_time(r, "start"), read_time(r, "end")};
  r.finish();
  if (r.valid() && t.end <= t.start) parent.error(key, "the span must end after it starts");
  return t;
}

std::vector<std::string> read_source_ids(ObjectReader& r) { return r.strings("sources", 1); }


// A BCP 47 tag whose language ICU knows ("ja-JP", "zh-Hant-TW", "fil").
bool valid_language_tag(const std::string& tag) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale loc = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status) || loc.isBogus() || std::string(loc.getLanguage()).empty()) return false;
  const char* const* langs = icu::Locale::getISOLanguages();
  for (; *langs; ++langs) {
    if (std::string_view(*langs) == loc.getLanguage()) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Sections
// ---------------------------------------------------------------------------------------------------------
// A {"YYYY": "YYYY-MM-DD" | ["YYYY-MM-DD", ...]} object: dates by year (a date may spill into the
// neighbouring year's edge, as a period starting on 31 December does).
std::map<int, std::vector<CivilDate>> read_year_dates(ObjectReader& r, std::string_view key, Need need) {
  std::map<int, std::vector<CivilDate>> out;
  ObjectReader dates = r.object(key, need);
  if (!dates.valid()) return out;
  const json* all = r.raw(key);
  if (all->empty()) r.error(key, "expected at least one year");
  for (const auto& [year_text, value] : all->items()) {
    int year = 0;
    (void)dates.raw(year_text);
    if (year_text.size() != 4 || year_text.find_first_not_of("0123456789") != std::string::npos ||
        (year = std::stoi(year_text)) < 1900 || year > 2200) {
      dates.error(year_text, "\"" + year_text + "\" is not a year (1900-2200)");
      continue;
    }
    std::vector<const json*> items;
    if (value.is_array()) {
      for (const auto& v : value) items.push_back(&v);
      if (items.empty()) dates.error(year_text, "expected at least one date");
    } else {
      items.push_back(&value);
    }
    for (const json* v : items) {
      auto d = v->is_string() ? parse_civil_date(v->get<std::string>()) : std::nullopt;
      if (!d) {
        dates.error(year_text, "expected a date YYYY-MM-DD (or a list of them) for " + year_text);
      } else if (d->year != year && !(d->year == year + 1 && d->month == 1) && !(d->year == year - 1 && d->month == 12)) {
        dates.error(year_text, d->iso() + " is not in " + year_text);
      } else {
        out[year].push_back(*d);
      }
    }
  }
  return out;
}

DateRule read_date_rule(ObjectReader& parent, std::string_view key, Need need) {
  DateRule rule;
  ObjectReader r = parent.object(key, need);
  if (!r.valid()) return rule;
  rule.calendar = r.one_of("calendar", {"gregorian", "easter", "orthodox_easter", "hebrew", "islamic-umalqura",
                                        "islamic-civil", "chinese", "dangi", "solar_term", "table"});
  rule.offset = static_cast<int>(r.integer("offset", -400, 400, Need::kOptional));
  const std::string& c = rule.calendar;
  // Which fields each calendar takes; anything else is reported by finish() as unknown for this calendar.
  auto forbid = [&](std::initializer_list<std::string_view> keys) {
    for (auto k : keys) {
      if (r.has(k)) r.error(k, "\"" + std::string(k) + "\" does not apply to calendar \"" + c + "\"");
      (void)r.raw(k);
    }
  };
  if (c == "gregorian") {
    rule.month = static_cast<int>(r.integer("month", 1, 12));
    rule.weekday = read_weekday(r, "weekday", Need::kOptional);
    if (rule.weekday) {
      rule.nth = static_cast<int>(r.integer("nth", -5, 5, Need::kOptional));
      rule.on_or_after = static_cast<int>(r.integer("on_or_after", 1, 31, Need::kOptional));
      rule.on_or_before = static_cast<int>(r.integer("on_or_before", 1, 31, Need::kOptional));
      const int given = (rule.nth != 0) + (rule.on_or_after != 0) + (rule.on_or_before != 0);
      if (given != 1) r.error("", "with \"weekday\", give exactly one of \"nth\" (not 0), \"on_or_after\" or \"on_or_before\"");
      forbid({"day"});
    } else {
      rule.day = static_cast<int>(r.integer("day", 1, 31));
      if (rule.month >= 1 && rule.day > days_in_month(2000, rule.month)) {
        r.error("day", "month " + std::to_string(rule.month) + " has no day " + std::to_string(rule.day));
      }
      forbid({"nth", "on_or_after", "on_or_before"});
    }
    forbid({"term", "dates"});
  } else if (c == "easter" || c == "orthodox_easter") {
    forbid({"month", "day", "weekday", "nth", "on_or_after", "on_or_before", "term", "dates"});
  } else if (c == "hebrew") {
    const json* m = r.raw("month");
    if (!m) {
      r.error("", "missing required field \"month\" (a Hebrew month name)");
    } else {
      const std::string name = m->is_string() ? m->get<std::string>() : "";
      auto it = std::find(kHebrewMonths.begin(), kHebrewMonths.end(), name);
      if (it == kHebrewMonths.end()) {
        std::vector<std::string> names(kHebrewMonths.begin(), kHebrewMonths.end());
        std::string msg = "expected a Hebrew month name: " + quoted_list(names);
        if (auto near = closest_match(name, names); !near.empty()) msg += " (did you mean \"" + near + "\"?)";
        r.error("month", msg);
      } else {
        rule.month = static_cast<int>(it - kHebrewMonths.begin());
      }
    }
    rule.day = static_cast<int>(r.integer("day", 1, 30));
    forbid({"weekday", "nth", "on_or_after", "on_or_before", "term", "dates"});
  } else if (c == "islamic-umalqura" || c == "islamic-civil" || c == "chinese" || c == "dangi") {
    rule.month = static_cast<int>(r.integer("month", 1, 12));
    rule.day = static_cast<int>(r.integer("day", 1, 30));
    forbid({"weekday", "nth", "on_or_after", "on_or_before", "term", "dates"});
  } else if (c == "solar_term") {
    rule.term = r.one_of("term", {"spring_equinox", "qingming", "summer_solstice", "autumn_equinox", "winter_solstice"});
    forbid({"month", "day", "weekday", "nth", "on_or_after", "on_or_before", "dates"});
  } else if (c == "table") {
    rule.table = read_year_dates(r, "dates", Need::kRequired);
    forbid({"month", "day", "weekday", "nth", "on_or_after", "on_or_before", "term"});
  }
  r.finish();
  return rule;
}

void read_holidays(ObjectReader& root, Profile& p) {
  const json* list = root.array("holidays", 1);
  if (!list) return;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list->size(); ++i) {
    ObjectReader r(root.doc(), (*list)[i], json_pointer_append(root.child_pointer("holidays"), i), root.errors());
    if (!r.valid()) continue;
    Holiday h;
    h.id = r.string("id");
    if (!h.id.empty() && h.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
      r.error("id", "an id is lower-case letters, digits and '-': \"" + h.id + "\"");
    }
    if (!h.id.empty() && !ids.insert(h.id).second) r.error("id", "the id \"" + h.id + "\" is used twice");
    ObjectReader name = r.object("name");
    h.name_en = name.string("en");
    h.name_native = name.optional_string("native").value_or("");
    name.finish();
    h.kind = r.one_of("kind", {"public", "observance", "period", "half_day", "working_day"});
    h.date = read_date_rule(r, "date", Need::kRequired);
    h.days = static_cast<int>(r.integer("days", 1, 366, Need::kOptional, 1));
    if (r.has("end")) {
      h.end = read_date_rule(r, "end", Need::kOptional);
      if (r.has("days")) r.error("end", "give \"days\" or \"end\", not both");
    } else {
      (void)r.raw("end");
    }
    h.eve = r.one_of("eve", {"half_day", "observance"}, Need::kOptional);
    if (const json* moves = r.array("moves", 1, Need::kOptional)) {
      for (std::size_t m = 0; m < moves->size(); ++m) {
        ObjectReader mr(root.doc(), (*moves)[m], json_pointer_append(r.child_pointer("moves"), m), root.errors());
        HolidayMove mv;
        if (auto wd = read_weekday(mr, "if", Need::kRequired)) mv.if_weekday = *wd;
        mv.shift = static_cast<int>(mr.integer("shift", -3, 3));
        if (mr.valid() && mv.shift == 0) mr.error("shift", "a move of 0 days does nothing");
        mr.finish();
        h.moves.push_back(mv);
      }
    }
    const std::string observed = r.one_of("observed", {"none", "sat_to_fri_sun_to_mon", "sun_to_mon", "weekend_to_monday",
                                                       "next_working_day", "jp_substitute", "kr_substitute"},
                                          Need::kOptional);
    if (!observed.empty()) h.observed = observed;
    h.from = read_date(r, "from", Need::kOptional);
    h.to = read_date(r, "to", Need::kOptional);
    if (h.from && h.to && *h.to < *h.from) r.error("to", "\"to\" is before \"from\"");
    h.estimated = r.boolean("estimated");
    if ((h.date.calendar == "islamic-umalqura" || h.date.calendar == "islamic-civil") && !h.estimated) {
      r.error("estimated", "an Islamic-calendar date follows the moon sighting: set \"estimated\": true");
    }
    h.impact = r.one_of("impact", {"closed", "reduced", "normal"});
    if (r.has("regions")) h.regions = r.strings("regions", 1, Need::kOptional);
    else (void)r.raw("regions");
    h.note = r.optional_string("note").value_or("");
    if (r.has("official")) {
      h.official = read_year_dates(r, "official", Need::kOptional);
      if (h.note.empty()) r.error("official", "say in \"note\" why the official dates differ from the rule");
    } else {
      (void)r.raw("official");
    }
    h.source = r.string("source");
    r.finish();
    p.holidays.push_back(std::move(h));
  }
}

void read_dimensions(ObjectReader& root, Profile& p) {
  ObjectReader dims = root.object("dimensions");
  for (Dim d : kAllDims) {
    ObjectReader r = dims.object(dim_key(d));
    Rating& rating = p.dims[static_cast<std::size_t>(d)];
    std::tie(rating.low, rating.high) = r.range("range", 1, 10);
    rating.rationale = r.string("rationale");
    rating.sources = read_source_ids(r);
    r.finish();
  }
  dims.finish();
}

void read_working_time(ObjectReader& root, Profile& p) {
  ObjectReader r = root.object("working_time");
  WorkingTime& w = p.working_time;
  if (const json* weeks = r.array("weeks", 1)) {
    for (std::size_t i = 0; i < weeks->size(); ++i) {
      ObjectReader wr(root.doc(), (*weeks)[i], json_pointer_append(r.child_pointer("weeks"), i), root.errors());
      WorkWeek week;
      week.from = read_date(wr, "from", Need::kOptional);
      week.to = read_date(wr, "to", Need::kOptional);
      for (const auto& day : wr.strings("days", 1)) {
        auto wd = read_weekday_value(day);
        if (!wd) {
          wr.error("days", "\"" + day + "\" is not a weekday (mon tue wed thu fri sat sun)");
          continue;
        }
        const auto bit = static_cast<std::uint8_t>(1u << static_cast<unsigned>(*wd));
        if (week.days & bit) wr.error("days", "\"" + day + "\" is listed twice");
        week.days |= bit;
      }
      week.note = wr.optional_string("note").value_or("");
      wr.finish();
      w.weeks.push_back(week);
    }
    // The date ranges must not overlap: a date has one working week.
    for (std::size_t i = 0; i < w.weeks.size(); ++i) {
      for (std::size_t j = i + 1; j < w.weeks.size(); ++j) {
        const auto& a = w.weeks[i];
        const auto& b = w.weeks[j];
        const bool disjoint = (a.to && b.from && *a.to < *b.from) || (b.to && a.from && *b.to < *a.from);
        if (!disjoint) {
          root.errors().push_back(root.doc().error_at(json_pointer_append(r.child_pointer("weeks"), j),
                                                      "this working week's dates overlap those of week " +
                                                          std::to_string(i) + ": give each a from/to range"));
        }
      }
    }
  }
  w.hours = read_span(r, "hours");
  w.lunch = read_span(r, "lunch");
  w.meeting_hours = read_span(r, "meeting_hours");
  if (const json* shorts = r.array("short_days", 0, Need::kOptional)) {
    for (std::size_t i = 0; i < shorts->size(); ++i) {
      ObjectReader sr(root.doc(), (*shorts)[i], json_pointer_append(r.child_pointer("short_days"), i), root.errors());
      ShortDay s;
      if (auto wd = read_weekday(sr, "weekday", Need::kRequired)) s.weekday = *wd;
      s.end = read_time(sr, "end");
      s.from = read_date(sr, "from", Need::kOptional);
      s.to = read_date(sr, "to", Need::kOptional);
      s.note = sr.optional_string("note").value_or("");
      sr.finish();
      w.short_days.push_back(s);
    }
  }
  w.note = r.optional_string("note").value_or("");
  w.sources = read_source_ids(r);
  r.finish();
}

void read_communication(ObjectReader& root, Profile& p) {
  ObjectReader r = root.object("communication");
  Communication& c = p.communication;
  {
    ObjectReader g = r.object("greetings");
    c.greet_first = g.strings("first_contact", 1);
    c.greet_established = g.strings("established", 1);
    c.greet_avoid = g.strings("avoid", 0, Need::kOptional);
    c.greet_note = g.optional_string("note").value_or("");
    g.finish();
  }
  {
    ObjectReader s = r.object("sign_offs");
    c.signoff_first = s.strings("first_contact", 1);
    c.signoff_established = s.strings("established", 1);
    c.signoff_note = s.optional_string("note").value_or("");
    s.finish();
  }
  {
    ObjectReader a = r.object("address");
    c.address_default = a.one_of("default", {"title_surname", "honorific_surname", "title_given", "given_name", "full_name"});
    c.name_order = a.one_of("name_order", {"given_family", "family_given"});
    c.titles = a.strings("titles", 0, Need::kOptional);
    c.honorifics = a.strings("honorifics", 0, Need::kOptional);
    c.first_names = a.one_of("first_names", {"from_start", "when_offered", "rare"});
    c.address_example = a.string("example");
    c.address_note = a.optional_string("note").value_or("");
    a.finish();
  }
  if (const json* pr = r.raw("pronouns"); !pr) {
    r.error("", "missing required field \"pronouns\" (an object, or null when the language has no T-V pronouns)");
  } else if (!pr->is_null()) {
    ObjectReader t(root.doc(), *pr, r.child_pointer("pronouns"), root.errors());
    c.has_pronouns = t.valid();
    c.pronoun_language = t.string("language");
    if (!c.pronoun_language.empty() && !valid_language_tag(c.pronoun_language)) {
      t.error("language", "\"" + c.pronoun_language + "\" is not a language ICU knows (BCP 47, e.g. \"de\")");
    }
    c.pronouns_formal = t.strings("formal", 1);
    c.pronouns_informal = t.strings("informal", 1);
    c.pronoun_switch = t.string("switch");
    t.finish();
  }
  {
    ObjectReader rt = r.object("response_time");
    std::tie(c.reply_hours_low, c.reply_hours_high) = rt.range("email_hours", 0, 336);
    c.reply_note = rt.string("note");
    rt.finish();
  }
  {
    ObjectReader ch = r.object("channels");
    c.channels = ch.strings("preferred", 1);
    for (const auto& v : c.channels) {
      static const std::vector<std::string> kChannels = {"email", "phone", "video", "in_person", "messaging", "letter"};
      if (std::find(kChannels.begin(), kChannels.end(), v) == kChannels.end()) {
        ch.error("preferred", "\"" + v + "\" is not one of " + quoted_list(kChannels));
      }
    }
    c.messaging = ch.strings("messaging", 0);
    c.channels_note = ch.string("note");
    ch.finish();
  }
  {
    ObjectReader st = r.object("small_talk");
    c.small_talk_level = st.one_of("level", {"low", "medium", "high"});
    c.small_talk_note = st.string("note");
    st.finish();
  }
  c.humour = r.string("humour");
  c.gifts = r.string("gifts");
  c.topics_to_avoid = r.strings("topics_to_avoid", 1);
  c.sources = read_source_ids(r);
  r.finish();
}

void read_meetings(ObjectReader& root, Profile& p) {
  ObjectReader r = root.object("meetings");
  Meetings& m = p.meetings;
  m.agenda = r.one_of("agenda", {"required", "expected", "optional"});
  std::tie(m.first_meeting_min_low, m.first_meeting_min_high) = r.range("first_meeting_minutes", 15, 480);
  m.punctuality_tolerance_minutes = static_cast<int>(r.integer("punctuality_tolerance_minutes", 0, 120));
  m.meals = r.string("meals");
  m.decisions_in_room = r.string("decisions_in_room");
  std::tie(m.schedule_ahead_days_low, m.schedule_ahead_days_high) = r.range("schedule_ahead_days", 0, 120);
  m.note = r.optional_string("note").value_or("");
  m.sources = read_source_ids(r);
  r.finish();
}

void read_decisions(ObjectReader& root, Profile& p) {
  ObjectReader r = root.object("decisions");
  std::tie(p.decisions.lead_time_days_low, p.decisions.lead_time_days_high) = r.range("lead_time_days", 0, 365);
  p.decisions.who_decides = r.string("who_decides");
  p.decisions.note = r.string("note");
  p.decisions.sources = read_source_ids(r);
  r.finish();
}

void read_marketing_law(ObjectReader& root, Profile& p) {
  ObjectReader r = root.object("marketing_law");
  MarketingLaw& m = p.marketing_law;
  if (const json* laws = r.array("laws", 1)) {
    for (std::size_t i = 0; i < laws->size(); ++i) {
      ObjectReader lr(root.doc(), (*laws)[i], json_pointer_append(r.child_pointer("laws"), i), root.errors());
      Law law;
      law.name = lr.string("name");
      law.citation = lr.optional_string("citation").value_or("");
      law.year = static_cast<int>(lr.integer("year", 1900, 2100));
      lr.finish();
      m.laws.push_back(law);
    }
  }
  m.consent = r.one_of("consent", {"opt_in", "opt_out", "mixed"});
  m.b2b_consent = r.one_of("b2b_consent", {"opt_in", "opt_out", "mixed"});
  m.must_include = r.strings("must_include", 1);
  static const std::vector<std::string> kElements = {"sender_identity", "postal_address", "contact_details", "opt_out",
                                                     "ad_label", "subject_not_misleading"};
  for (const auto& e : m.must_include) {
    if (std::find(kElements.begin(), kElements.end(), e) == kElements.end()) {
      r.error("must_include", "\"" + e + "\" is not one of " + quoted_list(kElements));
    }
  }
  if (r.has("ad_label")) {
    ObjectReader al = r.object("ad_label", Need::kOptional);
    m.ad_label_text = al.string("text");
    m.ad_label_where = al.string("where");
    al.finish();
  } else {
    (void)r.raw("ad_label");
    if (std::find(m.must_include.begin(), m.must_include.end(), "ad_label") != m.must_include.end()) {
      r.error("", "\"must_include\" names \"ad_label\": give \"ad_label\" with its text and where it goes");
    }
  }
  {
    ObjectReader o = r.object("opt_out");
    m.opt_out_how = o.string("how");
    m.opt_out_keywords = o.strings("reply_keywords", 0, Need::kOptional);
    m.opt_out_deadline_days = static_cast<int>(o.integer("deadline_days", 0, 60, Need::kOptional));
    o.finish();
  }
  m.regulator = r.string("regulator");
  m.note = r.string("note");
  m.sources = read_source_ids(r);
  r.finish();
}

void read_sources(ObjectReader& root, Profile& p) {
  ObjectReader r = root.object("sources");
  if (!r.valid()) return;
  const json* all = root.raw("sources");
  if (all->empty()) r.error("", "list at least one source");
  for (const auto& [id, value] : all->items()) {
    if (id.empty() || id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
      r.error(id, "a source id is lower-case letters, digits and '-': \"" + id + "\"");
    }
    (void)r.raw(id);
    ObjectReader s(root.doc(), value, r.child_pointer(id), root.errors());
    SourceRef ref;
    ref.title = s.string("title");
    ref.author = s.optional_string("author").value_or("");
    ref.publisher = s.optional_string("publisher").value_or("");
    ref.year = static_cast<int>(s.integer("year", 1900, 2100, Need::kOptional));
    ref.url = s.optional_string("url").value_or("");
    if (!ref.url.empty() && ref.url.rfind("http://", 0) != 0 && ref.url.rfind("https://", 0) != 0) {
      s.error("url", "a url starts with https:// or http://");
    }
    ref.note = s.optional_string("note").value_or("");
    s.finish();
    p.sources.emplace(id, ref);
  }
}

// Every cited id exists, every listed source is cited.
void check_citations(const JsonDocument& doc, const Profile& p, DataErrors& errors) {
  std::set<std::string> cited;
  auto cite = [&](const std::vector<std::string>& ids, const std::string& pointer) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      cited.insert(ids[i]);
      if (!p.sources.count(ids[i])) {
        errors.push_back(doc.error_at(json_pointer_append(pointer, i), "source \"" + ids[i] + "\" is not listed in \"sources\""));
      }
    }
  };
  for (Dim d : kAllDims) cite(p.dim(d).sources, "/dimensions/" + std::string(dim_key(d)) + "/sources");
  cite(p.decisions.sources, "/decisions/sources");
  cite(p.working_time.sources, "/working_time/sources");
  cite(p.communication.sources, "/communication/sources");
  cite(p.meetings.sources, "/meetings/sources");
  cite(p.marketing_law.sources, "/marketing_law/sources");
  cite(p.first_languages.sources, "/first_languages/sources");
  for (std::size_t i = 0; i < p.holidays.size(); ++i) {
    const auto& src = p.holidays[i].source;
    if (src.empty()) continue;
    cited.insert(src);
    if (!p.sources.count(src)) {
      errors.push_back(doc.error_at("/holidays/" + std::to_string(i) + "/source", "source \"" + src + "\" is not listed in \"sources\""));
    }
  }
  for (const auto& [id, ref] : p.sources) {
    if (!cited.count(id)) errors.push_back(doc.error_at("/sources/" + id, "source \"" + id + "\" is never cited"));
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// [SECTION] load_profile
// ---------------------------------------------------------------------------------------------------------
Result<Profile, DataErrors> load_profile(const JsonDocument& doc, std::string_view file_code) {
  DataErrors errors;
  ObjectReader root(doc, doc.value, "", errors);
  if (!root.valid()) return fail(std::move(errors));
  Profile p;
  p.file = doc.file;

  p.code = root.string("code");
  if (!p.code.empty() && (p.code.size() != 2 || !std::isupper(static_cast<unsigned char>(p.code[0])) ||
                          !std::isupper(static_cast<unsigned char>(p.code[1])))) {
    root.error("code", "\"" + p.code + "\" is not an ISO 3166-1 alpha-2 code (two capital letters)");
  } else if (!file_code.empty() && !p.code.empty() && p.code != file_code) {
    root.error("code", "the code \"" + p.code + "\" does not match the file name (" + std::string(file_code) + ".json)");
  }
  {
    ObjectReader name = root.object("name");
    p.name_en = name.string("en");
    p.name_native = name.string("native");
    name.finish();
  }
  p.languages = root.strings("languages", 1);
  for (std::size_t i = 0; i < p.languages.size(); ++i) {
    if (!valid_language_tag(p.languages[i])) {
      errors.push_back(doc.error_at("/languages/" + std::to_string(i),
                                    "\"" + p.languages[i] + "\" is not a BCP 47 language tag ICU knows"));
    }
  }
  if (root.has("first_languages")) {
    ObjectReader fl = root.object("first_languages");
    p.first_languages.tags = fl.strings("tags", 1);
    for (std::size_t i = 0; i < p.first_languages.tags.size(); ++i) {
      if (!valid_language_tag(p.first_languages.tags[i])) {
        errors.push_back(doc.error_at("/first_languages/tags/" + std::to_string(i),
                                      "\"" + p.first_languages.tags[i] + "\" is not a BCP 47 language tag ICU knows"));
      }
    }
    p.first_languages.note = fl.string("note");
    p.first_languages.sources = read_source_ids(fl);
    fl.finish();
  } else if (!p.languages.empty()) {
    p.first_languages.tags = {p.languages.front()};
  }
  p.locale = root.string("locale");
  if (!p.locale.empty() && !valid_language_tag(p.locale)) {
    root.error("locale", "\"" + p.locale + "\" is not a BCP 47 locale ICU knows (e.g. \"ja-JP\")");
  }
  if (const json* zones = root.array("time_zones", 1)) {
    int mains = 0;
    for (std::size_t i = 0; i < zones->size(); ++i) {
      ObjectReader zr(doc, (*zones)[i], "/time_zones/" + std::to_string(i), errors);
      ZoneInfo z;
      z.zone = zr.string("zone");
      if (!z.zone.empty() && !is_known_zone(z.zone)) zr.error("zone", "\"" + z.zone + "\" is not an IANA time zone");
      z.main = zr.boolean("main");
      mains += z.main;
      z.regions = zr.optional_string("regions").value_or("");
      zr.finish();
      p.zones.push_back(z);
    }
    if (mains != 1) root.error("time_zones", "exactly one zone must have \"main\": true (found " + std::to_string(mains) + ")");
  }
  if (auto d = read_date(root, "reviewed", Need::kRequired)) p.reviewed = *d;

  read_dimensions(root, p);
  read_decisions(root, p);
  read_working_time(root, p);
  read_holidays(root, p);
  read_communication(root, p);
  read_meetings(root, p);
  read_marketing_law(root, p);
  read_sources(root, p);
  root.finish();
  if (errors.empty()) check_citations(doc, p, errors);
  if (!errors.empty()) {
    std::stable_sort(errors.begin(), errors.end(), [](const DataError& a, const DataError& b) {
      return std::tie(a.pos.line, a.pos.column) < std::tie(b.pos.line, b.pos.column);
    });
    return fail(std::move(errors));
  }
  return p;
}

}  // namespace rapport
