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

}  // namespace rapport
