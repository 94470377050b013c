// Views run for a few frames with no window and no GPU (as ImGui's example_null does).
#include <doctest/doctest.h>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "engine/ics.h"
#include "headless_app.h"
#include "test_util.h"
#include "web/app.h"

using namespace rapport;
using test::ImGuiHeadless;
using test::draw_frames;

namespace {
struct NullPlatform : ui::Platform {
  int frames_requested = 0;
  void request_frame() override { ++frames_requested; }
  std::string local_time_zone() const override { return "Asia/Jerusalem"; }
  // The last download offered.
  std::string filename, mime, content;
  int downloads = 0;
  void download(const std::string& name, const std::string& type, const std::string& data) override {
    filename = name;
    mime = type;
    content = data;
    ++downloads;
  }
};

}  // namespace

TEST_CASE("the start screen draws versions and today's dates with no window") {
  Engine engine;
  REQUIRE(engine.load(test::shipped_files()).empty());
  NullPlatform platform;
  ImGuiHeadless imgui;
  ui::apply_theme(ui::Theme::kLight, ImGui::GetStyle());
  ui::App app(engine, platform);
  CHECK(draw_frames(app, 3) > 100);

  const auto& m = app.status();
  CHECK(m.versions.tzdata == RAPPORT_EXPECTED_TZDATA);
  CHECK(m.time_zone == "Asia/Jerusalem");
  CHECK_FALSE(m.gregorian.empty());
  CHECK_FALSE(m.hebrew.empty());
  // The Hebrew line is already in visual order for ImGui, so it differs from ICU's logical order.
  CHECK_FALSE(m.hebrew_native.empty());
}

TEST_CASE("the start screen fits a phone-sized window") {
  Engine engine;
  REQUIRE(engine.load(test::shipped_files()).empty());
  NullPlatform platform;
  ImGuiHeadless imgui;
  ImGui::GetIO().DisplaySize = ImVec2(390, 844);
  ui::App app(engine, platform);
  CHECK(draw_frames(app, 2) > 100);
}

TEST_CASE("the Cultures view compares the chosen markets") {
  Engine engine;
  REQUIRE(engine.load(test::shipped_files()).empty());
  NullPlatform platform;
  ImGuiHeadless imgui;
  ui::App app(engine, platform);
  app.set_markets("IL", "JP");
  CHECK(draw_frames(app, 2) > 1000);  // a chart and pages of advice
  REQUIRE(app.cultures().sender != nullptr);
  CHECK(app.cultures().target->code == "JP");
  REQUIRE_FALSE(app.cultures().comparison.frictions.empty());
  CHECK(app.cultures().comparison.frictions.front().dim == Dim::kDirectness);
  app.set_markets("US", "XX");  // an unknown market draws a prompt, not a crash
  CHECK(draw_frames(app, 2) > 0);
  CHECK(app.cultures().target == nullptr);
  ImGui::GetIO().DisplaySize = ImVec2(390, 844);
  app.set_markets("US", "CN");
  CHECK(draw_frames(app, 2) > 1000);
}

namespace {
// Clicks the middle of a control the view recorded (as a user would), then lets the app settle.
void click(ui::App& app, const std::string& anchor) {
  const auto& anchors = app.meeting_state().anchors;
  REQUIRE_MESSAGE(anchors.count(anchor) == 1, "no control named " << anchor);
  const auto& r = anchors.at(anchor);
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(r[0] + r[2] / 2, r[1] + r[3] / 2);
  draw_frames(app, 1);
  io.AddMouseButtonEvent(0, true);
  draw_frames(app, 1);
  io.AddMouseButtonEvent(0, false);
  draw_frames(app, 2);
  io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  draw_frames(app, 1);
}

ui::MeetingForm yom_kippur_form(const DataSet& data) {
  ui::MeetingForm form = ui::default_meeting_form(data, "IL", "JP", "Asia/Jerusalem", {2026, 9, 1});
  form.participants.push_back({"DE", "", ""});
  form.date = {2026, 9, 21};
  form.start = 10 * 60;
  form.kind = MeetingKind::kFirst;
  return form;
}
}  // namespace

TEST_CASE("the Meeting planner model: a call on Yom Kippur 2026, IL to JP and DE") {
  const DataSet& data = test::shipped_data();
  const ui::MeetingForm form = yom_kippur_form(data);
  CHECK(form.organiser_zone == "Asia/Jerusalem");
  const ui::MeetingModel m = ui::make_meeting_model(data, form, {2026, 9, 1}, "en");
  REQUIRE(m.errors.empty());
  CHECK(m.days_ahead == 20);  // from today (1 September) to the date
  CHECK_FALSE(m.past);
  CHECK(m.when == "Mon, Sep 21, 2026 · 10:00–11:00 · Asia/Jerusalem");
  CHECK(m.start == static_cast<double>(days_from_civil({2026, 9, 21})) * 86400000.0 + 7 * 3600000.0);
  CHECK(m.end - m.start == 3600000.0);

  // The findings: Yom Kippur first, as a problem, with why and what to do in words.
  REQUIRE_FALSE(m.findings.empty());
  CHECK(m.findings.front().severity == Severity::kProblem);
  const auto yk = std::find_if(m.findings.begin(), m.findings.end(), [](const ui::FindingView& f) {
    return f.id == "holiday" && f.markets == std::vector<std::string>{"IL"};
  });
  REQUIRE(yk != m.findings.end());
  CHECK(yk->why.find("Yom Kippur") != std::string::npos);
  CHECK(yk->why.find("Israel") != std::string::npos);
  CHECK(yk->fix.find("working day") != std::string::npos);
  CHECK(m.problems >= 2);  // Israel's and Japan's holidays

  // Better slots: after the holidays, each with every participant's local time.
  REQUIRE(m.slots.size() == 5);
  for (const auto& s : m.slots) {
    REQUIRE(s.lines.size() == 3);
    CHECK(s.lines[0].market == "IL");
    CHECK(s.lines[1].market == "JP");
    CHECK(CivilDate{2026, 9, 23} < s.organiser_date);
  }

  // The timeline: three of the organiser's days, a row each, holidays marked, the hours labelled.
  CHECK(m.window_end - m.window_start == 3 * 86400000.0);
  REQUIRE(m.rows.size() == 3);
  CHECK(m.rows[0].organiser);
  CHECK(m.rows[1].offset == "UTC+9");
  CHECK(m.rows[1].meeting_local == "16:00–17:00");
  CHECK(m.rows[2].meeting_local == "09:00–10:00");
  CHECK(m.rows[0].day_labels == std::vector<std::string>{"Sun, Sep 20", "Mon, Sep 21", "Tue, Sep 22"});
  CHECK(m.rows[0].days[1].closed);
  CHECK(m.rows[0].hours.size() == 72);
  CHECK(m.ics_filename == "rapport-meeting-2026-09-21-1000.ics");

  // The JSON the form is stored as reads back the same; bad fields leave values as they were.
  const nlohmann::json j = form;
  CHECK(j["date"] == "2026-09-21");
  CHECK(j["start"] == "10:00");
  CHECK(j["days_ahead"].is_null());
  ui::MeetingForm back;
  ui::from_json(j, back);
  CHECK(back == form);
  ui::from_json(nlohmann::json::parse(R"({"date": "2026-02-30", "start": "25:00", "duration": "long", "kind": 3,
                                          "timeline_days": 5, "participants": "JP", "days_ahead": 9})"),
                back);
  CHECK(back.date == form.date);
  CHECK(back.start == form.start);
  CHECK(back.duration == form.duration);
  CHECK(back.participants == form.participants);
  CHECK(back.timeline_days == 3);
  CHECK(back.days_ahead == 9);
  ui::from_json(nlohmann::json("not an object"), back);  // ignored, no exception
}

TEST_CASE("the Meeting planner follows the top bar's markets") {
  const DataSet& data = test::shipped_data();
  ui::MeetingForm form = yom_kippur_form(data);
  ui::follow_markets(form, data, "IL", "JP", "IL", "DE", "Asia/Jerusalem");  // DE is already in: to the front
  REQUIRE(form.participants.size() == 2);
  CHECK(form.participants[0].market == "DE");
  CHECK(form.participants[1].market == "JP");
  ui::follow_markets(form, data, "IL", "DE", "US", "FR", "America/Chicago");
  CHECK(form.organiser_market == "US");
  CHECK(form.organiser_zone == "America/Chicago");  // the user's zone is one of the US zones
  CHECK(form.participants[0].market == "FR");
  ui::follow_markets(form, data, "US", "FR", "GB", "FR", "America/Chicago");
  CHECK(form.organiser_zone == "Europe/London");  // not a UK zone: the market's main zone
}

TEST_CASE("the Meeting planner tab: slots apply on click, .ics export, no rebuilds while idle, phone layout") {
  Engine engine;
  REQUIRE(engine.load(test::shipped_files()).empty());
  NullPlatform platform;
  ImGuiHeadless imgui;
  ui::apply_theme(ui::Theme::kLight, ImGui::GetStyle());
  ui::App app(engine, platform);
  app.set_view("meeting");
  app.set_meeting_form(yom_kippur_form(*engine.data()));
  CHECK(draw_frames(app, 3) > 2000);
  REQUIRE(app.meeting().errors.empty());
  CHECK(app.meeting().findings.front().id == "holiday");
  for (const char* name : {"tab.meeting", "meeting.date", "meeting.time", "meeting.timeline", "meeting.export",
                           "meeting.slot.0", "meeting.add"}) {
    CHECK_MESSAGE(app.meeting_state().anchors.count(name) == 1, name);
  }

  // Idle: drawing again neither rebuilds the model nor asks for frames.
  const int asked = platform.frames_requested;
  const EpochMs built_start = app.meeting().start;
  draw_frames(app, 5);
  CHECK(platform.frames_requested == asked);

  // A click on the first suggested slot moves the meeting there; the holiday finding goes.
  const auto slot = app.meeting().slots.front();
  click(app, "meeting.slot.0");
  CHECK(app.meeting_form().date == slot.organiser_date);
  CHECK(app.meeting_form().start == slot.organiser_start);
  CHECK(app.meeting().start != built_start);
  CHECK(app.meeting().start == slot.start);
  for (const auto& f : app.meeting().findings) CHECK(f.severity != Severity::kProblem);

  // Export: the platform is handed an iCalendar file for the chosen slot.
  click(app, "meeting.export");
  REQUIRE(platform.downloads == 1);
  CHECK(platform.mime.rfind("text/calendar", 0) == 0);
  CHECK(platform.filename == app.meeting().ics_filename);
  CHECK(platform.content.find("BEGIN:VEVENT\r\n") != std::string::npos);
  CHECK(platform.content.find("DTSTART:" + ics_utc(slot.start) + "\r\n") != std::string::npos);

  // The arrows step the time by 15 minutes.
  const int before = app.meeting_form().start;
  const auto& time_field = app.meeting_state().anchors.at("meeting.time");
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(time_field[0] + time_field[2] + 12, time_field[1] + time_field[3] / 2);  // the right arrow
  draw_frames(app, 1);
  io.AddMouseButtonEvent(0, true);
  draw_frames(app, 1);
  io.AddMouseButtonEvent(0, false);
  draw_frames(app, 2);
  CHECK(app.meeting_form().start == before + 15);

  // A phone: one column, still drawn.
  io.DisplaySize = ImVec2(390, 844);
  CHECK(draw_frames(app, 3) > 1000);
  CHECK(app.meeting_state().anchors.count("meeting.date") == 1);
}
