// The browser implementation of the platform seam: a WebGL2 canvas that fills the window, DOM input turned
// into ImGui input, and frames drawn only on demand (after input, a resize, a timer), never in an idle loop.
#pragma once

#include <array>
#include <functional>
#include <map>
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
  void download(const std::string& filename, const std::string& mime, const std::string& content) override;
  void show_editor(const std::string& id, float x, float y, float w, float h, float font_px,
                   const std::string& placeholder, const std::string& label) override;
  void hide_editor(const std::string& id) override;
  void set_editor_marks(const std::string& id, const std::vector<EditorMark>& marks, int selected) override;
  void set_editor_text(const std::string& id, const std::string& text) override;
  void replace_in_editor(const std::string& id, std::size_t begin, std::size_t end, const std::string& text) override;
  void select_in_editor(const std::string& id, std::size_t begin, std::size_t end) override;
  bool editor_focused() const override;
  void copy_text(const std::string& text) override;
  void announce(const std::string& text) override;
  void set_text_scale(float scale) override;
  void set_page_theme(const std::string& theme) override;
  void set_fullscreen(bool on) override;
  std::string load_setting(const std::string& key) const override;
  void save_setting(const std::string& key, const std::string& value) override;
  // The user's own files and the file picker (web/data_web.cpp, web/files.js).
  std::vector<std::string> user_file_paths() const override;
  std::string load_user_file(const std::string& path) const override;
  bool save_user_file(const std::string& path, const std::string& contents) override;
  void remove_user_file(const std::string& path) override;
  void clear_storage() override;
  void choose_files() override;

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
  float text_scale_ = 1;
  long long frames_drawn_ = 0;
  // What each editor was last told, so that unchanged frames make no calls into the page.
  struct EditorSeen {
    bool visible = false;
    std::array<float, 5> geometry{};
    std::string placeholder, marks;
    int selected = -2;
  };
  std::map<std::string, EditorSeen> editors_;
};

}  // namespace rapport::ui
