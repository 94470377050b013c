// Meeting plans: when a proposed meeting falls for each participant (in their own zone, with DST as it is on
// that date), what will go wrong (holidays, weekends, hours, Ramadan, the date line, meeting norms), and better
// slots.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/dates.h"
#include "engine/engine.h"

namespace rapport {

enum class MeetingKind { kFirst, kFollowUp, kNegotiation, kDecision, kReview, kMeal };
enum class Channel { kVideo, kPhone, kInPerson };
enum class Severity { kSuggestion, kWarning, kProblem };

/// "first", "follow_up", "negotiation", "decision", "review", "meal" (and back).
std::optional<MeetingKind> parse_meeting_kind(std::string_view s);
std::string_view meeting_kind_name(MeetingKind k);
std::optional<Channel> parse_channel(std::string_view s);
std::string_view severity_name(Severity s);
/// "video", "phone", "in_person".
std::string_view channel_name(Channel c);
/// Catalog keys of the names people read: "ui.meeting.kind.first" ("First meeting"), "ui.meeting.channel.video".
std::string_view meeting_kind_key(MeetingKind k);
std::string_view channel_key(Channel c);
/// Every kind and channel, in the order a picker lists them.
inline constexpr MeetingKind kAllMeetingKinds[] = {MeetingKind::kFirst,       MeetingKind::kFollowUp,
                                                   MeetingKind::kNegotiation, MeetingKind::kDecision,
                                                   MeetingKind::kReview,      MeetingKind::kMeal};
inline constexpr Channel kAllChannels[] = {Channel::kVideo, Channel::kPhone, Channel::kInPerson};

struct Participant {
  std::string market;  ///< ISO code of a loaded profile
  std::string zone;    ///< IANA zone; "" = the market's main zone
  std::string region;  ///< for regional holidays ("DE-BY"); "" = unknown: regional days off become warnings
};

struct MeetingPlan {
  CivilDate date;                  ///< the organiser's local date
  int start = 0;                   ///< minutes after midnight, organiser's local time
  std::string organiser_zone;      ///< IANA zone of the organiser
  std::string organiser_market;    ///< the sender's market (also a participant)
  int duration = 60;               ///< minutes
  std::vector<Participant> participants;  ///< the others
  MeetingKind kind = MeetingKind::kFollowUp;
  Channel channel = Channel::kVideo;
  bool agenda_sent = true;
  int days_ahead = 14;             ///< notice: days between proposing and holding the meeting
};

/// The meeting as one participant lives it.
struct LocalSlot {
  std::string market, zone;
  LocalTime start, end;
  int utc_offset = 0;  ///< minutes, at the start
};

struct MeetingFinding {
  std::string id;        ///< holiday, regional_holiday, eve, holiday_period, weekend, outside_hours, edge_hours, lunch, ramadan_afternoon, ramadan_meal, date_differs, first_meeting_short, decision_consensus, no_agenda, short_notice
  Severity severity = Severity::kWarning;
  std::vector<std::string> markets;  ///< participants concerned
  std::string why_key, fix_key;      ///< catalog keys; arguments in `args`
  std::map<std::string, std::string> args;
};

/// A finding's `args` as catalog arguments (views into `f`, which must outlive them), for its why_key and fix_key:
///
///   const auto args = finding_args(f);
///   data.text("en", f.why_key, args);
std::vector<MessageArg> finding_args(const MeetingFinding& f);

struct MeetingCheck {
  std::vector<LocalSlot> times;  ///< the organiser first, then the participants
  std::vector<MeetingFinding> findings;  ///< most severe first
  std::vector<std::string> errors;       ///< unknown markets or zones (then nothing else is checked)
};

MeetingCheck check_meeting(const DataSet& data, const MeetingPlan& plan);

struct SlotProposal {
  EpochMs start = 0;
  double score = 0;  ///< 0-1: the worst participant's comfort, nudged by the average
  std::vector<LocalSlot> times;
};

/// The best `count` alternative starts on a `step`-minute grid over `days` days from the plan's date (the
/// organiser's local midnight): never on anyone's weekend, public holiday or eve, never outside anyone's
/// business hours; scored by comfort (core meeting hours beat the edges, lunch scores low). Slots at least two
/// hours or a day apart, best first.
std::vector<SlotProposal> find_slots(const DataSet& data, const MeetingPlan& plan, int days = 14, int count = 5,
                                     int step = 15);

/// One entry of a market's holiday calendar as it touches a local day (for timelines and their tooltips).
struct DayEvent {
  std::string name, name_native;     ///< the holiday's names (for an eve: of the holiday it precedes)
  std::string kind;                  ///< public observance period half_day working_day eve
  std::string impact;                ///< closed reduced normal
  bool estimated = false;            ///< the date follows the moon or an announcement
  std::vector<std::string> regions;  ///< non-empty: a day off only there (the participant gave no region)
};

/// One local calendar day of a participant, classified as check_meeting and find_slots see it.
struct LocalDay {
  CivilDate date;
  EpochMs start = 0, end = 0;  ///< local midnight and the next one (23 or 25 hours apart when the clocks change)
  bool working_day = false;    ///< a working day by the market's week, or a make-up working day
  bool closed = false;         ///< a public holiday, or a period when offices close
  bool reduced = false;        ///< an eve or half day: work ends early, many take the day off
  bool period = false;         ///< in a holiday period or observance that slows business
  bool regional = false;       ///< a public holiday in some regions (the participant gave none)
  bool ramadan = false;
  TimeSpan hours, lunch, meeting_hours;  ///< local minutes; `hours.end` is already cut on short days
  /// The same spans as instants (equal to `start` when the day is not a working day), so a timeline on a UTC axis
  /// needs no zone arithmetic.
  EpochMs work_start = 0, work_end = 0, lunch_start = 0, lunch_end = 0, core_start = 0, core_end = 0;
  std::vector<DayEvent> events;  ///< what the holiday calendar says about the day, in calendar order
  /// People work this day (a working day that is not closed).
  bool open() const { return working_day && !closed; }
};

/// A participant's local days over a window.
struct ParticipantDays {
  std::string market, zone, region;
  std::vector<LocalDay> days;  ///< every local day that overlaps the window, in order
};

/// The local days of the organiser and each participant of `plan` (the organiser first, as in
/// MeetingCheck::times) that overlap the instants [from, to): weekends, working hours, lunch, holidays, eves
/// and periods from the holiday engine, each day with its local midnights as instants. Empty when the plan names
/// an unknown market or zone (check_meeting reports those).
///
///   auto rows = local_days(data, plan, start - 86400000.0, start + 2 * 86400000.0);  // three days around it
std::vector<ParticipantDays> local_days(const DataSet& data, const MeetingPlan& plan, EpochMs from, EpochMs to);

}  // namespace rapport
