#include "web/ui.h"

#include <unicode/utf8.h>

#include "engine/text.h"

namespace rapport::ui {

namespace {
ImVec4 rgb(int hex, float alpha = 1.0f) {
  return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f, static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}
}  // namespace

void apply_theme(Theme theme, ImGuiStyle& style) {
  style = ImGuiStyle();
  style.WindowPadding = ImVec2(20, 16);
  style.FramePadding = ImVec2(10, 6);
  style.ItemSpacing = ImVec2(10, 8);
  style.CellPadding = ImVec2(10, 6);
  style.WindowRounding = 0;
  style.ChildRounding = 8;
  style.FrameRounding = 6;
  style.PopupRounding = 6;
  style.GrabRounding = 6;
  style.TabRounding = 6;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  style.ScrollbarSize = 14;
  auto& c = style.Colors;
  if (theme == Theme::kLight || theme == Theme::kContrast) {
    ImGui::StyleColorsLight(&style);
    c[ImGuiCol_WindowBg] = rgb(0xF6F5F2);
    c[ImGuiCol_ChildBg] = rgb(0xFFFFFF);
    c[ImGuiCol_Border] = rgb(0xDDDAD3);
    c[ImGuiCol_Text] = rgb(0x1F2328);
    c[ImGuiCol_TextDisabled] = rgb(0x5E6470);
    c[ImGuiCol_Header] = rgb(0x0F766E, 0.14f);
    c[ImGuiCol_HeaderHovered] = rgb(0x0F766E, 0.22f);
    c[ImGuiCol_HeaderActive] = rgb(0x0F766E, 0.30f);
    c[ImGuiCol_Button] = rgb(0x0F766E, 0.12f);
    c[ImGuiCol_ButtonHovered] = rgb(0x0F766E, 0.24f);
    c[ImGuiCol_ButtonActive] = rgb(0x0F766E, 0.36f);
    c[ImGuiCol_FrameBg] = rgb(0xFFFFFF);
    c[ImGuiCol_TableRowBgAlt] = rgb(0xF3F1EC);
    c[ImGuiCol_TableBorderLight] = rgb(0xE6E3DC);
    c[ImGuiCol_TableBorderStrong] = rgb(0xDDDAD3);
    c[ImGuiCol_Separator] = rgb(0xDDDAD3);
    c[ImGuiCol_Tab] = rgb(0xE7E4DD);
    c[ImGuiCol_TabHovered] = rgb(0xF3F1EC);
    c[ImGuiCol_TabActive] = rgb(0xFFFFFF);
    c[ImGuiCol_TabUnfocusedActive] = rgb(0xFFFFFF);
    c[ImGuiCol_CheckMark] = rgb(0x0F766E);
    c[ImGuiCol_SliderGrab] = rgb(0x0F766E);
    c[ImGuiCol_ScrollbarGrab] = rgb(0xC9C5BC);
    c[ImGuiCol_PopupBg] = rgb(0xFFFFFF);
    c[ImGuiCol_FrameBgHovered] = rgb(0x0F766E, 0.10f);
    c[ImGuiCol_FrameBgActive] = rgb(0x0F766E, 0.16f);
    if (theme == Theme::kContrast) {
      c[ImGuiCol_WindowBg] = rgb(0xFFFFFF);
      c[ImGuiCol_Text] = rgb(0x000000);
      c[ImGuiCol_TextDisabled] = rgb(0x2B2B2B);
      c[ImGuiCol_Border] = rgb(0x000000);
      c[ImGuiCol_Separator] = rgb(0x000000);
      c[ImGuiCol_Button] = rgb(0x0B4F4A, 0.20f);
      c[ImGuiCol_Header] = rgb(0x0B4F4A, 0.25f);
      c[ImGuiCol_Tab] = rgb(0xD6D6D6);
      c[ImGuiCol_FrameBg] = rgb(0xFFFFFF);
      style.FrameBorderSize = 1.5f;
      style.ChildBorderSize = 2;
      style.TabBorderSize = 1;
    }
  } else {
    ImGui::StyleColorsDark(&style);
    c[ImGuiCol_WindowBg] = rgb(0x16181D);
    c[ImGuiCol_ChildBg] = rgb(0x1E2128);
    c[ImGuiCol_Border] = rgb(0x343842);
    c[ImGuiCol_Text] = rgb(0xE8E6E1);
    c[ImGuiCol_TextDisabled] = rgb(0xA0A4AD);
    c[ImGuiCol_Header] = rgb(0x2DD4BF, 0.16f);
    c[ImGuiCol_HeaderHovered] = rgb(0x2DD4BF, 0.24f);
    c[ImGuiCol_Button] = rgb(0x2DD4BF, 0.14f);
    c[ImGuiCol_ButtonHovered] = rgb(0x2DD4BF, 0.26f);
    c[ImGuiCol_TableRowBgAlt] = rgb(0x22252C);
  }
}

void text_in(ImFont* font, std::string_view text) {
  if (font) ImGui::PushFont(font);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  if (font) ImGui::PopFont();
}

std::string shown(std::string_view text) { return has_rtl(text) ? to_visual_order(text) : std::string(text); }

bool renderable(std::string_view text) {
  const ImFont* font = ImGui::GetFont();
  int32_t i = 0;
  const auto len = static_cast<int32_t>(text.size());
  while (i < len) {
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, len, c);
    if (c < 0 || c > 0xFFFF) return false;
    if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
  }
  return true;
}

ImVec4 rect_of_last_item() {
  const ImVec2 a = ImGui::GetItemRectMin(), s = ImGui::GetItemRectSize();
  return {a.x, a.y, s.x, s.y};
}

}  // namespace rapport::ui
