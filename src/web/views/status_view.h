// The start screen's "this build" card: versions of the engine and its data, and today's date in the
// Gregorian and Hebrew calendars as ICU formats them. Draws what it is handed; no engine calls.
#pragma once

#include <string>

#include "engine/dates.h"
#include "engine/version.h"
#include "web/ui.h"

namespace rapport::ui {

struct StatusModel {
  VersionInfo versions;
  std::string time_zone;      ///< the user's IANA zone
  std::string gregorian;      ///< today, Gregorian, in the UI language
  std::string hebrew;         ///< today, Hebrew calendar, in the UI language
  std::string hebrew_native;  ///< today, Hebrew calendar, in Hebrew, already in visual order for ImGui
  int data_errors = 0;        ///< problems found in the data files at start-up
};

/// Builds the model for the instant `now` in `time_zone` (formatting through ICU).
StatusModel make_status_model(EpochMs now, const std::string& time_zone, const std::string& ui_language);

void draw_status_view(const StatusModel& model, const Tr& tr, const Fonts& fonts);

}  // namespace rapport::ui
