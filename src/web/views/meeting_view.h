// The Meeting planner view: who meets, when, for how long and what kind of meeting (MeetingForm); a timeline of
// every participant's local days on one UTC axis (working hours, lunch, weekends, holidays, the meeting, now);
// the findings with why and what to do; better slots that apply on a click; and the chosen slot as an .ics file.
//
// The model is built from the engine (check_meeting, find_slots, local_days) only when the form, the data or the
// date changes, never per frame; the draw functions draw it and edit the form.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/meeting.h"
#include "web/ui.h"

namespace rapport::ui {

// [SECTION] The form: what the user chose

struct MeetingParticipantForm {
  std::string market;  ///< ISO code; "" = not chosen yet (left out of the plan)
  std::string zone;    ///< IANA zone; "" = the market's main zone
  std::string region;  ///< for regional holidays ("Bavaria"); "" = not given
  friend bool operator==(const MeetingParticipantForm&, const MeetingParticipantForm&) = default;
};

struct MeetingForm {
  std::string organiser_market;                      ///< the top bar's From
  std::string organiser_zone;                        ///< IANA zone; "" = the market's main zone
  std::vector<MeetingParticipantForm> participants;  ///< the others; the first is the top bar's To
  CivilDate date;                                    ///< the organiser's local date
  int start = 10 * 60;                               ///< minutes after midnight, the organiser's local time
  int duration = 60;                                 ///< minutes
  MeetingKind kind = MeetingKind::kFollowUp;
  Channel channel = Channel::kVideo;
  bool agenda_sent = true;
  int days_ahead = -1;    ///< notice given, in days; -1 = from today to the date
  int timeline_days = 3;  ///< the organiser's days the timeline shows: 1, 3 or 7
  friend bool operator==(const MeetingForm&, const MeetingForm&) = default;
};

/// The form a user starts from: organiser = `from` (in `local_zone` when that is one of the market's zones,
/// else the market's main zone), one participant = `to`, tomorrow (`today` + 1) at 10:00, an hour, a follow-up
/// by video.
MeetingForm default_meeting_form(const DataSet& data, const std::string& from, const std::string& to,
                                 const std::string& local_zone, const CivilDate& today);

/// The organiser's zone for `market`: `local_zone` when the market's profile lists it, else the main zone ("" for
/// an unknown market).
std::string organiser_zone_for(const DataSet& data, const std::string& market, const std::string& local_zone);

/// Follows the top bar: a new From becomes the organiser (zone as organiser_zone_for gives it); a new To becomes
/// the first participant (or moves to the front when it is already among them). Unchanged markets leave the
/// form as it is.
void follow_markets(MeetingForm& form, const DataSet& data, const std::string& old_from, const std::string& old_to,
                    const std::string& from, const std::string& to, const std::string& local_zone);

/// JSON for storage and window.rapport: {"organiser": {market, zone}, "participants": [{market, zone, region}],
/// "date": "2026-09-21", "start": "10:00", "duration": 60, "kind": "first", "channel": "video", "agenda_sent":
/// true, "days_ahead": 14 (or null: from today), "timeline_days": 3}. Reading is lenient: a missing field or a
/// field of the wrong type or range keeps the value it had, so stored forms from older versions still load.
void to_json(nlohmann::json& j, const MeetingForm& f);
void from_json(const nlohmann::json& j, MeetingForm& f);

// [SECTION] The model: what the engine says about the form

/// One participant's row of the timeline.
struct TimelineRow {
  std::string market, name, zone, region;
  bool organiser = false;
  std::string offset;                          ///< "UTC+9" at the meeting's start
  std::string meeting_local;                   ///< "16:00–17:00", the meeting in this row's local time
  std::string meeting_day;                     ///< "Mon, Sep 21", the local day the meeting starts on
  std::vector<LocalDay> days;                  ///< every local day in the window
  std::vector<std::string> day_labels;         ///< "Mon, Sep 21", one per day
  std::vector<std::string> day_status;         ///< what the day is, in a few words ("Yom Kippur", "Weekend", "")
  std::vector<std::string> day_notes;          ///< everything about the day, for its tooltip (native names included)
  std::vector<std::string> day_notes_plain;    ///< the same without native names (for fonts that lack the script)
  std::vector<std::pair<EpochMs, int>> hours;  ///< each local full hour in the window: instant, hour 0-23
};

struct FindingView {
  std::string id;
  Severity severity = Severity::kWarning;
  std::vector<std::string> markets;
  std::string why, fix;  ///< formatted from the catalog
};

struct SlotLine {
  std::string market, day, time;  ///< "JP", "Tue, Sep 22", "16:00–17:00"
};
struct SlotView {
  EpochMs start = 0;
  double score = 0;
  CivilDate organiser_date;  ///< what clicking the slot puts into the form
  int organiser_start = 0;
  std::vector<SlotLine> lines;  ///< the organiser first
};

struct MeetingModel {
  MeetingForm form;                   ///< the form this model was built from
  MeetingPlan plan;                   ///< the plan checked (participants without a market left out)
  MeetingCheck check;                 ///< the engine's verdict (local times, findings)
  std::vector<std::string> errors;    ///< unknown markets or zones: nothing else was checked
  std::set<std::string> zone_choice;  ///< markets of the form whose zones keep different times: a zone picker
  std::map<std::string, std::set<std::string>> regions;  ///< regions named by each participant market's holidays
  int days_ahead = 0;                                    ///< the notice used (the form's, or today to the date)
  bool past = false;                                     ///< the date is before today
  EpochMs start = 0, end = 0;                            ///< the meeting
  std::string when;                                      ///< "Mon, Sep 21, 2026 · 10:00–11:00 · Asia/Jerusalem"
  int problems = 0, warnings = 0, suggestions = 0;
  std::vector<FindingView> findings;         ///< most severe first
  int slot_days = 14;                        ///< the slot search window, from the plan's date
  std::vector<SlotView> slots;               ///< best first
  EpochMs window_start = 0, window_end = 0;  ///< the timeline: the organiser's days around the date
  std::vector<TimelineRow> rows;             ///< the organiser first
  std::string ics_filename;                  ///< "rapport-meeting-2026-09-21-1000.ics"
};

/// Checks the form's plan with the engine and lays out what the view shows. `today` is the organiser's date
/// today (for the notice and the "date has passed" note); texts are in `language`.
MeetingModel make_meeting_model(const DataSet& data, const MeetingForm& form, const CivilDate& today,
                                const std::string& language);

// [SECTION] Drawing

/// What the view keeps between frames besides the form: text being typed, and where its controls were drawn
/// (screen rectangles by name, for window.rapport and the browser tests).
struct MeetingViewState {
  std::array<char, 16> date_text{}, time_text{};
  CivilDate date_shown;  ///< the form values the text fields were filled from
  int time_shown = -1;
  bool date_editing = false, time_editing = false;      ///< the field was being typed in last frame
  std::array<char, 64> filter{};                        ///< the market pickers' search text
  std::map<std::string, std::array<float, 4>> anchors;  ///< name -> x, y, width, height (CSS pixels)
};

/// What the user asked for in a frame.
struct MeetingEvents {
  bool form_changed = false;
  bool export_ics = false;
};

/// The model as window.rapport.meeting() gives it: {form, when, errors, findings: [{id, severity, markets, why,
/// fix}], slots: [{start (ms), score, times: [{market, day, time}]}], ics_filename, anchors: {name: [x, y, w,
/// h]}}.
nlohmann::json meeting_json(const MeetingModel& model, const MeetingViewState& state);

/// Draws the whole view in the space available: on a wide screen the form beside the results, on a narrow one
/// everything in one column. Edits `form` (the model is rebuilt by the caller when it changes). `now` places the
/// now-line.
MeetingEvents draw_meeting_view(MeetingForm& form, const MeetingModel& model, MeetingViewState& state,
                                const DataSet& data, const Tr& tr, const Fonts& fonts, EpochMs now);

}  // namespace rapport::ui
