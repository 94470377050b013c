// The whole web UI: owns the view models, lays out the screen, and hands each view what it draws.
#pragma once

#include "engine/engine.h"
#include "web/platform.h"
#include "web/ui.h"
#include "web/views/calendar_view.h"
#include "web/views/compose_view.h"
#include "web/views/cultures_view.h"
#include "web/views/meeting_view.h"
#include "web/views/status_view.h"
#include "web/user_data.h"
#include "web/views/data_view.h"
#include "web/views/workshop_view.h"

namespace rapport::ui {

class App {
 public:
  App(Engine& engine, Platform& platform, int startup_data_errors = 0);
  void set_fonts(const Fonts& fonts) { fonts_ = fonts; }
  /// Draws one frame. Call between ImGui::NewFrame() and ImGui::Render().
  void frame();
  const StatusModel& status() const { return status_; }
  const CulturesModel& cultures() const { return cultures_; }
  const YearCalendarModel& calendar() const { return calendar_; }
  /// The markets compared (ISO codes); a change rebuilds the models.
  void set_markets(const std::string& from, const std::string& to);
  const std::string& from() const { return from_; }
  const std::string& to() const { return to_; }
  /// The message editor's text changed (typing, paste, undo, a fix applied): the draft is checked again.
  void on_editor_input(const std::string& editor, const std::string& text);
  /// The editor's caret moved (UTF-16 offset): the finding there is shown in the list.
  void on_editor_caret(const std::string& editor, std::size_t offset);
  const ComposeState& compose_state() const { return compose_; }
  const ComposeModel& compose() const { return compose_model_; }
  const std::map<std::string, ImVec4>& compose_anchors() const { return compose_anchors_; }
  const WorkshopState& workshop_state() const { return workshop_; }
  const WorkshopModel& workshop() const { return workshop_model_; }
  const std::map<std::string, ImVec4>& workshop_anchors() const { return workshop_anchors_; }
  /// Shows a view: "compose", "cultures", "meeting", "workshop", "about" or "data" (its tab is selected next frame).
  void set_view(const std::string& view);
  /// The Meeting planner: the form (starts from the top bar's From and To), its model (rebuilt on the next
  /// frame after the form or the data changes), and where its controls were last drawn.
  const MeetingForm& meeting_form() const { return meeting_form_; }
  void set_meeting_form(const MeetingForm& form);
  const MeetingModel& meeting() const { return meeting_; }
  const MeetingViewState& meeting_state() const { return meeting_state_; }
  /// "Your data" (web/app_data.cpp): the user's own files, kept by the caller for the page's life. Without it
  /// the tab is not shown.
  void set_user_data(UserData* user) { user_ = user; }
  /// Files the user chose or dropped: loaded on top of the shipped data, all or nothing; every view then follows
  /// the new data, and the "Your data" tab shows how it went.
  const UserLoad& load_user_files(const std::vector<Upload>& files);
  /// Files are being dragged over the page: the app shows where to drop them.
  void set_dragging(bool dragging);
  const DataModel& data_model() const { return data_model_; }
  const DataViewState& data_state() const { return data_state_; }

 private:
  void refresh_status();
  void draw_top_bar(const Tr& tr);
  void refresh_meeting(const DataSet& data);
  void draw_compose(const DataSet& data, const Tr& tr);
  void draw_workshop(const DataSet& data, const Tr& tr);
  void on_workshop_input(const std::string& text);
  void save_settings();
  int tab_flags(const char* view) const;
  Engine& engine_;
  Platform& platform_;
  Fonts fonts_;
  std::string language_ = "en";
  Theme theme_ = Theme::kLight;
  StatusModel status_;
  long long status_minute_ = -1;  // the minute the status model was built for
  int startup_data_errors_ = 0;
  std::string from_ = "IL", to_ = "JP";
  CulturesModel cultures_;
  const DataSet* cultures_data_ = nullptr;  // the data the model was built from
  std::string pending_view_;                // a tab to select on the next frame
  CivilDate today_;                         // in the user's zone, updated with the status each minute
  bool meeting_ready_ = false;              // the form has its defaults
  MeetingForm meeting_form_;
  MeetingModel meeting_;
  const DataSet* meeting_data_ = nullptr;   // the data and day the model was built for
  CivilDate meeting_today_;
  MeetingViewState meeting_state_;
  ComposeState compose_;
  ComposeModel compose_model_;
  ParagraphCache compose_cache_;
  std::map<std::string, ImVec4> compose_anchors_;
  std::vector<ExampleDraft> examples_;
  bool compose_open_ = false;  // the Compose tab was drawn in this frame
  // "Your data" (web/app_data.cpp).
  void refresh_data_model(const DataSet& data);
  void draw_data_tab(const DataSet& data, const Tr& tr, float footer_h);
  void on_data_changed();  // every view rebuilds from the new data
  UserData* user_ = nullptr;
  DataModel data_model_;
  DataViewState data_state_;
  YearCalendarModel calendar_;
  int calendar_year_ = 0;                  // the year the Cultures view's calendar shows (0: this year)
  const DataSet* calendar_data_ = nullptr;
  WorkshopState workshop_;
  WorkshopModel workshop_model_;
  ParagraphCache workshop_cache_;
  std::map<std::string, ImVec4> workshop_anchors_;
  bool workshop_open_ = false;
  std::string workshop_editor_exercise_;  // the exercise whose text the editor holds
};

}  // namespace rapport::ui
