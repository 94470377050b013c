// Culture profiles: one market each, loaded strictly from culture-profiles/<CODE>.json (data model in
// culture-profiles/README.md). Every rating is a range, every section names its sources.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/dates.h"
#include "engine/json_doc.h"

namespace rapport {

/// Minutes after midnight, local time.
struct TimeSpan {
  int start = 0, end = 0;
};

enum class Weekday : std::uint8_t { kMon, kTue, kWed, kThu, kFri, kSat, kSun };
/// "mon" ... "sun".
std::string_view weekday_name(Weekday d);

/// The nine rated dimensions (see culture-profiles/README.md for what 1 and 10 mean).
enum class Dim : std::uint8_t {
  kDirectness, kNegativeFeedback, kFormality, kHierarchy, kTrust, kDecisionStyle, kDecisionSpeed, kScheduling,
  kDisagreement,
};
inline constexpr std::size_t kDimCount = 9;
/// The JSON name of a dimension ("negative_feedback").
std::string_view dim_key(Dim d);
inline constexpr std::array<Dim, kDimCount> kAllDims = {
    Dim::kDirectness, Dim::kNegativeFeedback, Dim::kFormality,     Dim::kHierarchy,   Dim::kTrust,
    Dim::kDecisionStyle, Dim::kDecisionSpeed, Dim::kScheduling, Dim::kDisagreement};

struct Rating {
  double low = 0, high = 0;  ///< on the 1-10 scale
  std::string rationale;
  std::vector<std::string> sources;
  double mid() const { return (low + high) / 2; }
};

struct ZoneInfo {
  std::string zone;  ///< IANA id
  bool main = false;
  std::string regions;
};

struct WorkWeek {
  std::optional<CivilDate> from, to;
  std::uint8_t days = 0;  ///< bit i set = Weekday(i) is a working day
  std::string note;
};
struct ShortDay {
  Weekday weekday = Weekday::kFri;
  int end = 0;  ///< minutes after midnight
  std::optional<CivilDate> from, to;
  std::string note;
};
struct WorkingTime {
  std::vector<WorkWeek> weeks;
  TimeSpan hours, lunch, meeting_hours;
  std::vector<ShortDay> short_days;
  std::string note;
  std::vector<std::string> sources;
};

/// How to find a holiday's date in a year (the rule language of culture-profiles/README.md). Computed by the
/// calendar engine; here it is parsed and checked.
struct DateRule {
  std::string calendar;  ///< gregorian easter orthodox_easter hebrew islamic-umalqura islamic-civil chinese dangi solar_term table
  int month = 0;         ///< 1-12; for hebrew, the month's index in kHebrewMonths
  int day = 0;
  std::optional<Weekday> weekday;
  int nth = 0;           ///< with weekday: 1..5, -1 = last
  int on_or_after = 0, on_or_before = 0;
  std::string term;      ///< solar_term
  int offset = 0;        ///< days added after the date is found
  std::map<int, std::vector<CivilDate>> table;  ///< calendar "table": year -> dates
};
/// Hebrew month names in ICU's HebrewCalendar order (tishri = 0 ... elul = 12; adar_i = 5, adar = 6).
inline constexpr std::array<std::string_view, 13> kHebrewMonths = {
    "tishri", "heshvan", "kislev", "tevet", "shevat", "adar_i", "adar", "nisan", "iyar", "sivan", "tammuz", "av", "elul"};

struct HolidayMove {
  Weekday if_weekday = Weekday::kSat;
  int shift = 0;
};
struct Holiday {
  std::string id, name_en, name_native;
  std::string kind;  ///< public observance period half_day working_day
  DateRule date;
  int days = 1;
  std::optional<DateRule> end;
  std::string eve;  ///< "", half_day, observance
  std::vector<HolidayMove> moves;
  std::string observed = "none";
  std::optional<CivilDate> from, to;
  bool estimated = false;
  std::string impact;  ///< closed reduced normal
  std::vector<std::string> regions;
  std::string note, source;
  /// Dates the official calendar gives for a year where it differs from what `date` computes (start dates,
  /// final: no offset or move is applied to them).
  std::map<int, std::vector<CivilDate>> official;
};

struct Communication {
  std::vector<std::string> greet_first, greet_established, greet_avoid;
  std::string greet_note;
  std::vector<std::string> signoff_first, signoff_established;
  std::string signoff_note;
  std::string address_default, name_order, first_names, address_example, address_note;
  std::vector<std::string> titles, honorifics;
  bool has_pronouns = false;
  std::string pronoun_language, pronoun_switch;
  std::vector<std::string> pronouns_formal, pronouns_informal;
  double reply_hours_low = 0, reply_hours_high = 0;
  std::string reply_note;
  std::vector<std::string> channels, messaging;
  std::string channels_note;
  std::string small_talk_level, small_talk_note, humour, gifts;
  std::vector<std::string> topics_to_avoid;
  std::vector<std::string> sources;
};

struct Meetings {
  std::string agenda;  ///< required expected optional
  double first_meeting_min_low = 0, first_meeting_min_high = 0;
  int punctuality_tolerance_minutes = 0;
  std::string meals, decisions_in_room;
  double schedule_ahead_days_low = 0, schedule_ahead_days_high = 0;
  std::string note;
  std::vector<std::string> sources;
};

struct Decisions {
  double lead_time_days_low = 0, lead_time_days_high = 0;
  std::string who_decides, note;
  std::vector<std::string> sources;
};

struct Law {
  std::string name, citation;
  int year = 0;
};
struct MarketingLaw {
  std::vector<Law> laws;
  std::string consent, b2b_consent;
  std::vector<std::string> must_include;
  std::string ad_label_text, ad_label_where;
  std::string opt_out_how;
  std::vector<std::string> opt_out_keywords;
  int opt_out_deadline_days = 0;
  std::string regulator, note;
  std::vector<std::string> sources;
};

struct SourceRef {
  std::string title, author, publisher, url, note;
  int year = 0;
};

/// The languages most readers in a market grew up with, when the first business language is not among them
/// (India: English first in business, Hindi, Bengali, Marathi… at home). Rules for readers of a language as
/// a second language (idioms, slang, negative questions) go by these.
struct FirstLanguages {
  std::vector<std::string> tags;  ///< BCP 47; when the profile gives none, the first of `languages`
  std::string note;
  std::vector<std::string> sources;
};

struct Profile {
  std::string code, name_en, name_native;
  std::vector<std::string> languages;
  FirstLanguages first_languages;
  std::string locale;
  std::vector<ZoneInfo> zones;
  CivilDate reviewed;
  std::array<Rating, kDimCount> dims;
  Decisions decisions;
  WorkingTime working_time;
  std::vector<Holiday> holidays;
  Communication communication;
  Meetings meetings;
  MarketingLaw marketing_law;
  std::map<std::string, SourceRef> sources;
  std::string file;  ///< where it was loaded from

  const Rating& dim(Dim d) const { return dims[static_cast<std::size_t>(d)]; }
  const std::string& main_zone() const;
  /// The working days in force on `date` (bit i = Weekday(i)).
  std::uint8_t working_days_on(const CivilDate& date) const;
};

/// Reads and checks a profile. `file_code` is the code the file's name gives ("JP" for culture-profiles/JP.json),
/// or "" to skip that check. Errors: every unknown, missing, mistyped or out-of-range field; invalid IANA zones
/// and locales; dates that do not exist; holiday rules that do not parse; cited sources that are not listed and
/// listed sources never cited; duplicate holiday ids; not exactly one main zone.
Result<Profile, DataErrors> load_profile(const JsonDocument& doc, std::string_view file_code);

}  // namespace rapport
