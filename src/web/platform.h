// The web face's platform seam: what the app needs from the place it runs. The browser implementation is in
// platform_web.cpp; tests use a null one (tests/engine/view_test.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rapport::ui {

/// A span to mark in the message editor: UTF-16 offsets (as the editor counts), severity 0-2, finding index.
struct EditorMark {
  std::size_t begin = 0, end = 0;
  int severity = 0, index = 0;
};

class Platform {
 public:
  virtual ~Platform() = default;
  /// Asks for a redraw soon. The app draws only when something changed (input, data, a timer): no idle loop.
  virtual void request_frame() = 0;
  /// The user's IANA time zone, e.g. "Europe/Berlin" ("UTC" when unknown).
  virtual std::string local_time_zone() const = 0;
  /// Offers `content` to the user as a file to save (the browser's download), e.g.
  /// download("meeting.ics", "text/calendar", ics). Nothing leaves the machine.
  virtual void download(const std::string& filename, const std::string& mime, const std::string& content) = 0;

  // Text editors: native text boxes laid over the canvas (in the browser, web/editor.js), so typing,
  // selection, undo, the clipboard and input methods work as anywhere. Each has an id ("compose",
  // "workshop"); its text comes back through App::on_editor_input. A platform without them (the tests')
  // ignores these.
  /// Shows editor `id` at (x, y, w, h) in the canvas's CSS pixels, with the UI's font size.
  virtual void show_editor(const std::string& /*id*/, float /*x*/, float /*y*/, float /*w*/, float /*h*/,
                           float /*font_px*/, const std::string& /*placeholder*/, const std::string& /*label*/) {}
  virtual void hide_editor(const std::string& /*id*/) {}
  virtual void set_editor_marks(const std::string& /*id*/, const std::vector<EditorMark>& /*marks*/, int /*selected*/) {}
  /// Replaces the whole text (an example chosen, an exercise opened).
  virtual void set_editor_text(const std::string& /*id*/, const std::string& /*text*/) {}
  /// Replaces a span (UTF-16) as if typed, so that undo works.
  virtual void replace_in_editor(const std::string& /*id*/, std::size_t /*begin*/, std::size_t /*end*/,
                                 const std::string& /*text*/) {}
  virtual void select_in_editor(const std::string& /*id*/, std::size_t /*begin*/, std::size_t /*end*/) {}
  /// Whether an editor has the keyboard (then keys are not the UI's).
  virtual bool editor_focused() const { return false; }
  /// Puts text on the system clipboard.
  virtual void copy_text(const std::string& /*text*/) {}
  /// Says something to screen readers (an ARIA live region), once typing pauses.
  virtual void announce(const std::string& /*text*/) {}
  /// Presentation mode: text `scale` times its usual size (fonts are rasterised again, so they stay crisp),
  /// and the page full screen or not.
  virtual void set_text_scale(float /*scale*/) {}
  /// The page's own colours (the editors drawn by the page follow the UI's theme): "light", "dark", "contrast".
  virtual void set_page_theme(const std::string& /*theme*/) {}
  virtual void set_fullscreen(bool /*on*/) {}
  /// Small settings kept on this machine (browser storage): "" when unset.
  virtual std::string load_setting(const std::string& /*key*/) const { return ""; }
  virtual void save_setting(const std::string& /*key*/, const std::string& /*value*/) {}

  // The user's own data files (web/user_data.h) kept on this machine by data path, e.g.
  // "culture-profiles/AQ.json" (in the browser: localStorage "rapport.userfile.<path>"). Nothing is uploaded.
  /// The paths kept, sorted.
  virtual std::vector<std::string> user_file_paths() const { return {}; }
  virtual std::string load_user_file(const std::string& /*path*/) const { return ""; }
  /// False when it could not be kept (storage full or turned off).
  virtual bool save_user_file(const std::string& /*path*/, const std::string& /*contents*/) { return false; }
  virtual void remove_user_file(const std::string& /*path*/) {}
  /// Forgets everything the app keeps on this machine: the user's files, the draft and the settings.
  virtual void clear_storage() {}
  /// Opens the system's file picker for .json files; the chosen files come back through App::load_user_files.
  virtual void choose_files() {}
};

}  // namespace rapport::ui
