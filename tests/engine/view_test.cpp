// Views run for a few frames with no window and no GPU (as ImGui's example_null does).
#include <doctest/doctest.h>

#include <imgui.h>

#include "test_util.h"
#include "web/app.h"

using namespace rapport;

namespace {
struct NullPlatform : ui::Platform {
  int frames_requested = 0;
  void request_frame() override { ++frames_requested; }
  std::string local_time_zone() const override { return "Asia/Jerusalem"; }
};

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
};

// Draws `n` frames; returns the vertex count of the last (a screen with text has hundreds).
int draw_frames(ui::App& app, int n) {
  int vertices = 0;
  for (int i = 0; i < n; ++i) {
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();
    vertices = ImGui::GetDrawData()->TotalVtxCount;
  }
  return vertices;
}
}  // namespace

TEST_CASE("the start screen draws versions and today's dates with no window") {
  Engine engine;
  REQUIRE(engine.load(test::shipped_files()).empty());
  NullPlatform platform;
  ImGuiHeadless imgui;
  ui::apply_theme(ui::Theme::kLight, ImGui::GetStyle());
  ui::App app(engine, platform);
  CHECK(draw_frames(app, 3) > 100);

  const auto& m = app.status();
  CHECK(m.versions.tzdata == RAPPORT_EXPECTED_TZDATA);
  CHECK(m.time_zone == "Asia/Jerusalem");
  CHECK_FALSE(m.gregorian.empty());
  CHECK_FALSE(m.hebrew.empty());
  // The Hebrew line is already in visual order for ImGui, so it differs from ICU's logical order.
  CHECK_FALSE(m.hebrew_native.empty());
}

TEST_CASE("the start screen fits a phone-sized window") {
  Engine engine;
  REQUIRE(engine.load(test::shipped_files()).empty());
  NullPlatform platform;
  ImGuiHeadless imgui;
  ImGui::GetIO().DisplaySize = ImVec2(390, 844);
  ui::App app(engine, platform);
  CHECK(draw_frames(app, 2) > 100);
}

TEST_CASE("the Cultures view compares the chosen markets") {
  Engine engine;
  REQUIRE(engine.load(test::shipped_files()).empty());
  NullPlatform platform;
  ImGuiHeadless imgui;
  ui::App app(engine, platform);
  app.set_markets("IL", "JP");
  CHECK(draw_frames(app, 2) > 1000);  // a chart and pages of advice
  REQUIRE(app.cultures().sender != nullptr);
  CHECK(app.cultures().target->code == "JP");
  REQUIRE_FALSE(app.cultures().comparison.frictions.empty());
  CHECK(app.cultures().comparison.frictions.front().dim == Dim::kDirectness);
  app.set_markets("US", "XX");  // an unknown market draws a prompt, not a crash
  CHECK(draw_frames(app, 2) > 0);
  CHECK(app.cultures().target == nullptr);
  ImGui::GetIO().DisplaySize = ImVec2(390, 844);
  app.set_markets("US", "CN");
  CHECK(draw_frames(app, 2) > 1000);
}
