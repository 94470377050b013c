// Our own test helper (no third-party code): the app drawn with no window, an ImGui context with a built font
// atlas, and frames driven by hand.
#pragma once

#include <imgui.h>

#include "web/app.h"

namespace rapport::test {

/// An ImGui context for the length of a test: 1280×720, 60 frames a second, fonts built, no .ini file.
struct ImGuiHeadless {
  ImGuiHeadless() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 720);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~ImGuiHeadless() { ImGui::DestroyContext(); }
  ImGuiHeadless(const ImGuiHeadless&) = delete;
  ImGuiHeadless& operator=(const ImGuiHeadless&) = delete;
};

/// Draws `n` frames; returns the vertex count of the last (a screen with text has hundreds).
inline int draw_frames(ui::App& app, int n) {
  int vertices = 0;
  for (int i = 0; i < n; ++i) {
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();
    vertices = ImGui::GetDrawData()->TotalVtxCount;
  }
  return vertices;
}

}  // namespace rapport::test
