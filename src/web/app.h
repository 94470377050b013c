// The whole web UI: owns the view models, lays out the screen, and hands each view what it draws.
#pragma once

#include "engine/engine.h"
#include "web/platform.h"
#include "web/ui.h"
#include "web/views/cultures_view.h"
#include "web/views/status_view.h"

namespace rapport::ui {

class App {
 public:
  App(Engine& engine, Platform& platform, int startup_data_errors = 0);
  void set_fonts(const Fonts& fonts) { fonts_ = fonts; }
  /// Draws one frame. Call between ImGui::NewFrame() and ImGui::Render().
  void frame();
  const StatusModel& status() const { return status_; }
  const CulturesModel& cultures() const { return cultures_; }
  /// The markets compared (ISO codes); a change rebuilds the models.
  void set_markets(const std::string& from, const std::string& to);
  const std::string& from() const { return from_; }
  const std::string& to() const { return to_; }

 private:
  void refresh_status();
  void draw_top_bar(const Tr& tr);
  Engine& engine_;
  Platform& platform_;
  Fonts fonts_;
  std::string language_ = "en";
  StatusModel status_;
  long long status_minute_ = -1;  // the minute the status model was built for
  int startup_data_errors_ = 0;
  std::string from_ = "IL", to_ = "JP";
  CulturesModel cultures_;
  const DataSet* cultures_data_ = nullptr;  // the data the model was built from
};

}  // namespace rapport::ui
