// The browser implementation of the platform seam: a WebGL2 canvas that fills the window, DOM input turned
// into ImGui input, and frames drawn only on demand (after input, a resize, a timer), never in an idle loop.
#pragma once

#include <functional>
#include <string>

#include "web/platform.h"
#include "web/ui.h"

namespace rapport::ui {

class WebPlatform final : public Platform {
 public:
  /// Creates the WebGL2 context on `canvas_selector` and sets up ImGui and its OpenGL3 renderer.
  /// Returns false (with `error` set) when WebGL2 is unavailable.
  bool init(const char* canvas_selector, std::string& error);
  /// `draw` is called for every frame between NewFrame and Render; `fonts_changed` after the fonts were
  /// (re)built for a new pixel ratio.
  void run(std::function<void()> draw, std::function<void(const Fonts&)> fonts_changed);

  void request_frame() override;
  std::string local_time_zone() const override;

  // Used by the event handlers.
  void on_input();
  void frame();
  void update_canvas_size();

 private:
  std::string canvas_;
  std::function<void()> draw_;
  std::function<void(const Fonts&)> fonts_changed_;
  bool scheduled_ = false;
  int frames_owed_ = 0;            // frames still to draw after an event (ImGui settles in one or two)
  double keep_drawing_until_ = 0;  // ms: after input, draw for a short while (hover delays, tooltips)
  float pixel_ratio_ = 0;
  float fonts_ratio_ = 0;
  long long frames_drawn_ = 0;
};

}  // namespace rapport::ui
