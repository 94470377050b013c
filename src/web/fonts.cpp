#include "web/fonts.h"

#include <filesystem>

namespace rapport::ui {

namespace {
// Code point ranges each font brings (pairs, zero-terminated; ImGui keeps the pointers).
const ImWchar kLatinRanges[] = {
    0x0020, 0x024F,  // Basic Latin, Latin-1, Latin Extended-A/B
    0x0300, 0x036F,  // combining diacritics
    0x0370, 0x03FF,  // Greek
    0x0400, 0x04FF,  // Cyrillic (Russian, Ukrainian)
    0x1E00, 0x1EFF,  // Latin Extended Additional (Vietnamese)
    0x2000, 0x206F,  // General Punctuation (dashes, quotes, ellipsis)
    0x20A0, 0x20CF,  // currency symbols
    0x2100, 0x214F,  // letterlike symbols
    0x2212, 0x2212,  // minus sign
    0,
};
// From Noto Sans Symbols (arrows) and Noto Sans Symbols 2 (shapes, check marks, warning signs).
const ImWchar kArrowRanges[] = {0x2190, 0x21FF, 0};
const ImWchar kShapeRanges[] = {0x25A0, 0x25FF, 0x2600, 0x26FF, 0x2700, 0x27BF, 0};
const ImWchar kHebrewRanges[] = {0x0590, 0x05FF, 0xFB1D, 0xFB4F, 0};
const ImWchar kArabicRanges[] = {0x0600, 0x06FF, 0x0750, 0x077F, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};

ImFont* add(const std::string& dir, const char* latin, const char* hebrew, const char* arabic, float px) {
  ImGuiIO& io = ImGui::GetIO();
  ImFontConfig cfg;
  cfg.OversampleH = 1;  // rasterized at the device's pixel size, so no oversampling is needed
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  ImFont* f = io.Fonts->AddFontFromFileTTF((dir + "/" + latin).c_str(), px, &cfg, kLatinRanges);
  if (!f) return nullptr;
  cfg.MergeMode = true;
  io.Fonts->AddFontFromFileTTF((dir + "/" + hebrew).c_str(), px, &cfg, kHebrewRanges);
  io.Fonts->AddFontFromFileTTF((dir + "/" + arabic).c_str(), px, &cfg, kArabicRanges);
  io.Fonts->AddFontFromFileTTF((dir + "/NotoSansSymbols-Regular.ttf").c_str(), px, &cfg, kArrowRanges);
  io.Fonts->AddFontFromFileTTF((dir + "/NotoSansSymbols2-Regular.ttf").c_str(), px, &cfg, kShapeRanges);
  return f;
}
}  // namespace

Fonts load_fonts(const std::string& dir, float pixel_ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  Fonts fonts;
  const char* reg = "NotoSans-Regular.ttf";
  const char* bold = "NotoSans-Bold.ttf";
  if (!std::filesystem::exists(dir + "/" + reg)) {
    io.Fonts->AddFontDefault();
    io.FontGlobalScale = 1.0f;
    return fonts;
  }
  fonts.body = add(dir, reg, "NotoSansHebrew-Regular.ttf", "NotoSansArabic-Regular.ttf", 16.0f * pixel_ratio);
  fonts.bold = add(dir, bold, "NotoSansHebrew-Bold.ttf", "NotoSansArabic-Bold.ttf", 16.0f * pixel_ratio);
  fonts.heading = add(dir, bold, "NotoSansHebrew-Bold.ttf", "NotoSansArabic-Bold.ttf", 22.0f * pixel_ratio);
  fonts.small = add(dir, reg, "NotoSansHebrew-Regular.ttf", "NotoSansArabic-Regular.ttf", 13.0f * pixel_ratio);
  io.FontDefault = fonts.body;
  io.FontGlobalScale = 1.0f / pixel_ratio;
  return fonts;
}

}  // namespace rapport::ui
