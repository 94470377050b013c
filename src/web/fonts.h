// Fonts for the web face: Noto Sans (Latin, Greek, Cyrillic), merged with Noto Sans Hebrew, Arabic and Symbols,
// subset at build time. Rasterized at the device pixel ratio so text is crisp on every screen.
#pragma once

#include <string>

#include "web/ui.h"

namespace rapport::ui {

/// Loads the fonts from `dir` into ImGui's atlas at `pixel_ratio` (clearing what was there) and sets
/// io.FontGlobalScale so that sizes stay in CSS pixels. Returns the fonts by role; on a missing file the roles
/// are null and ImGui's built-in font is used.
Fonts load_fonts(const std::string& dir, float pixel_ratio);

}  // namespace rapport::ui
