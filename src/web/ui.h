// Shared pieces of the ImGui face: the text lookup views use, fonts by role, and the theme.
#pragma once

#include <imgui.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "engine/engine.h"

namespace rapport::ui {

/// Looks up UI strings in the catalog for the current UI language. Views get one of these; they never hold
/// literal user-facing text.
class Tr {
 public:
  Tr(const DataSet& data, std::string language) : data_(&data), language_(std::move(language)) {}
  std::string operator()(std::string_view key, std::initializer_list<MessageArg> args = {}) const {
    return data_->text(language_, key, args);
  }
  const std::string& language() const { return language_; }

 private:
  const DataSet* data_;
  std::string language_;
};

/// Fonts by role. Any of them may be null (then ImGui's default font is used): views must not assume them.
struct Fonts {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* heading = nullptr;
  ImFont* small = nullptr;
};

/// kContrast: for projectors and low vision (black on white, strong borders, no pale greys).
enum class Theme { kLight, kDark, kContrast };

/// Colours and spacing of the whole app.
void apply_theme(Theme theme, ImGuiStyle& style);

/// Text in a font (null means the current one).
void text_in(ImFont* font, std::string_view text);

/// Text as ImGui can draw it: right-to-left scripts (Hebrew, Arabic) in visual order.
std::string shown(std::string_view text);

/// True when every character of `text` has a glyph in the current font (no boxes on screen).
bool renderable(std::string_view text);

/// The last item's rectangle (x, y, width, height), for the page's tests and overlays.
ImVec4 rect_of_last_item();

}  // namespace rapport::ui
