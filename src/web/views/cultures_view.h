// The Cultures view: the sender's and the target's dimensions as range bars on one chart, the main friction
// points with what to expect and what to do, and practical notes. Draws what it is handed.
#pragma once

#include "engine/compare.h"
#include "engine/profile.h"
#include "web/ui.h"

namespace rapport::ui {

struct CulturesModel {
  const Profile* sender = nullptr;
  const Profile* target = nullptr;
  Comparison comparison;
};

CulturesModel make_cultures_model(const DataSet& data, const std::string& from, const std::string& to);

void draw_cultures_view(const CulturesModel& model, const Tr& tr, const Fonts& fonts);

/// Colours of the two sides in charts and legends.
ImU32 sender_colour();
ImU32 target_colour();

}  // namespace rapport::ui
