// Workshop mode for trainers: two to six markets side by side on one chart, a presentation toggle (large type,
// high contrast, full screen), and the exercise deck (culture-profiles/exercises/): a scenario, a flawed draft,
// and the participants' rewrite in a text box, with the checker showing which of the listed problems remain.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/exercises.h"
#include "web/ui.h"

namespace rapport::ui {

struct WorkshopState {
  std::vector<std::string> markets;                ///< 2-6 market codes shown side by side
  std::string exercise;                             ///< id of the exercise open
  std::map<std::string, std::string> rewrites;      ///< per exercise id: the participants' text
  std::map<std::string, std::vector<bool>> hints;   ///< per exercise id: which hints are shown
  bool show_model = false;
  bool presenting = false;                          ///< large type, high contrast, full screen
  int page = 0;                                     ///< 0 markets side by side, 1 exercises
};
void to_json(nlohmann::json& j, const WorkshopState& s);
void from_json(const nlohmann::json& j, WorkshopState& s);

/// The status of the open exercise's rewrite, rebuilt when the text or the data changes.
struct WorkshopModel {
  const Exercise* exercise = nullptr;
  ExerciseStatus status;
  std::string text;
  const DataSet* data = nullptr;
};
WorkshopModel make_workshop_model(const DataSet& data, const WorkshopState& s, ParagraphCache& cache);

struct WorkshopEvents {
  bool open_exercise = false;  ///< another exercise chosen: the editor gets its text
  bool reset_rewrite = false;  ///< start again from the draft
  bool presenting_changed = false;
  bool changed = false;        ///< anything to save
  ImVec4 editor{0, 0, 0, 0};   ///< where the rewrite's text box goes (0 size: not shown)
};

WorkshopEvents draw_workshop_view(WorkshopState& state, const WorkshopModel& model, const DataSet& data, const Tr& tr,
                                  const Fonts& fonts, std::map<std::string, ImVec4>& anchors);

}  // namespace rapport::ui
