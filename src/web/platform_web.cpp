#include "web/platform_web.h"

#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "web/fonts.h"

// [SECTION] JavaScript helpers
// [SECTION] Keyboard mapping
// [SECTION] Event handlers
// [SECTION] WebPlatform

// ---------------------------------------------------------------------------------------------------------
// [SECTION] JavaScript helpers
// ---------------------------------------------------------------------------------------------------------
// The user's IANA zone as the browser knows it. Returned as a malloc'ed UTF-8 string.
EM_JS(char*, rapport_js_time_zone, (), {
  var tz = "UTC";
  try { tz = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"; } catch (e) {}
  var n = lengthBytesUTF8(tz) + 1;
  var p = _malloc(n);
  stringToUTF8(tz, p, n);
  return p;
});
// Saves bytes as a file: a Blob, an object URL and a temporary <a download> clicked once (the page's
// Content-Security-Policy allows blob: URLs). Nothing is uploaded anywhere.
EM_JS(void, rapport_js_download, (const char* name, const char* mime, const char* data, int size), {
  var bytes = HEAPU8.slice(data, data + size);
  var url = URL.createObjectURL(new Blob([bytes], { type: UTF8ToString(mime) }));
  var a = document.createElement("a");
  a.href = url;
  a.download = UTF8ToString(name);
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function() { URL.revokeObjectURL(url); }, 10000);
});
// The text editors (web/editor.js). Every call is a no-op until the page script has loaded.
EM_JS(void, rapport_js_editor_show, (const char* id, float x, float y, float w, float h, float font_px,
                                     const char* placeholder, const char* label), {
  if (window.rapportEditorFor) window.rapportEditorFor(Module, UTF8ToString(id)).show(x, y, w, h, font_px, UTF8ToString(placeholder), UTF8ToString(label));
});
EM_JS(void, rapport_js_editor_hide, (const char* id), {
  if (window.rapportEditorFor) window.rapportEditorFor(Module, UTF8ToString(id)).hide();
});
EM_JS(void, rapport_js_editor_marks, (const char* id, const char* json, int selected), {
  if (window.rapportEditorFor) window.rapportEditorFor(Module, UTF8ToString(id)).setMarks(JSON.parse(UTF8ToString(json)), selected);
});
EM_JS(void, rapport_js_editor_set_text, (const char* id, const char* text), {
  if (window.rapportEditorFor) window.rapportEditorFor(Module, UTF8ToString(id)).setText(UTF8ToString(text));
});
EM_JS(void, rapport_js_editor_replace, (const char* id, int b, int e, const char* text), {
  if (window.rapportEditorFor) window.rapportEditorFor(Module, UTF8ToString(id)).replace(b, e, UTF8ToString(text));
});
EM_JS(void, rapport_js_editor_select, (const char* id, int b, int e), {
  if (window.rapportEditorFor) window.rapportEditorFor(Module, UTF8ToString(id)).select(b, e);
});
EM_JS(int, rapport_js_editor_focused, (), {
  var a = document.activeElement;
  return a && a.classList && a.classList.contains("editor-text") ? 1 : 0;
});
EM_JS(void, rapport_js_copy, (const char* text), {
  if (window.rapportEditorFor) window.rapportEditorFor(Module, "compose").copy(UTF8ToString(text));
});
EM_JS(void, rapport_js_announce, (const char* text), {
  if (window.rapportEditorFor) window.rapportEditorFor(Module, "compose").announce(UTF8ToString(text));
});
// Settings in localStorage ("rapport.<key>"); nothing leaves the machine. Returns a malloc'ed string.
EM_JS(char*, rapport_js_load_setting, (const char* key), {
  var v = "";
  try { v = window.localStorage.getItem("rapport." + UTF8ToString(key)) || ""; } catch (e) {}
  var n = lengthBytesUTF8(v) + 1;
  var p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});
EM_JS(void, rapport_js_page_theme, (const char* theme), { document.documentElement.dataset.theme = UTF8ToString(theme); });
EM_JS(void, rapport_js_fullscreen, (int on), {
  try {
    if (on && !document.fullscreenElement) document.documentElement.requestFullscreen().catch(function() {});
    if (!on && document.fullscreenElement) document.exitFullscreen().catch(function() {});
  } catch (e) {}
});
EM_JS(void, rapport_js_save_setting, (const char* key, const char* value), {
  try { window.localStorage.setItem("rapport." + UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
});
// Tells the page a frame was drawn (the loader hides its spinner; tests wait for it).
EM_JS(void, rapport_js_frame_drawn, (double n), {
  var root = document.documentElement;
  root.dataset.rapportFrames = String(n);
  if (n == 1) window.dispatchEvent(new Event("rapport-ready"));
});
// Redraw when the device pixel ratio changes without a resize (a window dragged to another screen).
EM_JS(void, rapport_js_watch_pixel_ratio, (), {
  function watch() {
    var mq = matchMedia("(resolution: " + window.devicePixelRatio + "dppx)");
    mq.addEventListener("change", function() { Module["_rapport_pixel_ratio_changed"](); watch(); }, { once: true });
  }
  watch();
});

namespace {
rapport::ui::WebPlatform* g_platform = nullptr;
std::string g_clipboard;  // what the app last copied (ImGui's clipboard)

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Keyboard mapping: DOM KeyboardEvent.code -> ImGuiKey
// ---------------------------------------------------------------------------------------------------------
ImGuiKey to_imgui_key(const char* code) {
  std::string_view c(code);
  if (c.size() == 4 && c.substr(0, 3) == "Key") return static_cast<ImGuiKey>(ImGuiKey_A + (c[3] - 'A'));
  if (c.size() == 6 && c.substr(0, 5) == "Digit") return static_cast<ImGuiKey>(ImGuiKey_0 + (c[5] - '0'));
  if (c.size() >= 2 && c[0] == 'F' && c[1] >= '1' && c[1] <= '9') {
    const int n = std::atoi(code + 1);
    if (n >= 1 && n <= 12) return static_cast<ImGuiKey>(ImGuiKey_F1 + n - 1);
  }
  struct Entry {
    std::string_view code;
    ImGuiKey key;
  };
  static constexpr Entry kKeys[] = {
      {"Tab", ImGuiKey_Tab},           {"ArrowLeft", ImGuiKey_LeftArrow},   {"ArrowRight", ImGuiKey_RightArrow},
      {"ArrowUp", ImGuiKey_UpArrow},   {"ArrowDown", ImGuiKey_DownArrow},   {"PageUp", ImGuiKey_PageUp},
      {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home},             {"End", ImGuiKey_End},
      {"Insert", ImGuiKey_Insert},     {"Delete", ImGuiKey_Delete},         {"Backspace", ImGuiKey_Backspace},
      {"Space", ImGuiKey_Space},       {"Enter", ImGuiKey_Enter},           {"NumpadEnter", ImGuiKey_KeypadEnter},
      {"Escape", ImGuiKey_Escape},     {"ShiftLeft", ImGuiKey_LeftShift},   {"ShiftRight", ImGuiKey_RightShift},
      {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl}, {"AltLeft", ImGuiKey_LeftAlt},
      {"AltRight", ImGuiKey_RightAlt}, {"MetaLeft", ImGuiKey_LeftSuper},    {"MetaRight", ImGuiKey_RightSuper},
      {"Minus", ImGuiKey_Minus},       {"Equal", ImGuiKey_Equal},           {"Comma", ImGuiKey_Comma},
      {"Period", ImGuiKey_Period},     {"Slash", ImGuiKey_Slash},           {"Semicolon", ImGuiKey_Semicolon},
      {"Quote", ImGuiKey_Apostrophe},  {"BracketLeft", ImGuiKey_LeftBracket}, {"BracketRight", ImGuiKey_RightBracket},
      {"Backslash", ImGuiKey_Backslash}, {"Backquote", ImGuiKey_GraveAccent},
  };
  for (const auto& e : kKeys) {
    if (e.code == c) return e.key;
  }
  return ImGuiKey_None;
}

void set_modifiers(ImGuiIO& io, bool ctrl, bool shift, bool alt, bool meta) {
  io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
  io.AddKeyEvent(ImGuiMod_Shift, shift);
  io.AddKeyEvent(ImGuiMod_Alt, alt);
  io.AddKeyEvent(ImGuiMod_Super, meta);
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Event handlers: each feeds ImGui and asks for frames
// ---------------------------------------------------------------------------------------------------------
EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  set_modifiers(io, e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
  io.AddMousePosEvent(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
  const int button = e->button == 0 ? 0 : e->button == 2 ? 1 : e->button == 1 ? 2 : -1;
  if (button >= 0 && type == EMSCRIPTEN_EVENT_MOUSEDOWN) io.AddMouseButtonEvent(button, true);
  if (button >= 0 && type == EMSCRIPTEN_EVENT_MOUSEUP) io.AddMouseButtonEvent(button, false);
  g_platform->on_input();
  return type == EMSCRIPTEN_EVENT_MOUSEDOWN ? EM_FALSE : EM_TRUE;  // let mousedown focus the canvas
}

EM_BOOL on_mouse_leave(int, const EmscriptenMouseEvent*, void*) {
  ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  g_platform->on_input();
  return EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  // DOM deltas are in pixels (mode 0), lines (1) or pages (2); ImGui wants "lines".
  const double scale = e->deltaMode == DOM_DELTA_PIXEL ? 1.0 / 100.0 : e->deltaMode == DOM_DELTA_LINE ? 1.0 / 3.0 : 1.0;
  io.AddMouseWheelEvent(static_cast<float>(-e->deltaX * scale), static_cast<float>(-e->deltaY * scale));
  g_platform->on_input();
  return EM_TRUE;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  if (e->numTouches < 1) return EM_FALSE;
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  const auto& t = e->touches[0];
  io.AddMousePosEvent(static_cast<float>(t.targetX), static_cast<float>(t.targetY));
  if (type == EMSCRIPTEN_EVENT_TOUCHSTART) io.AddMouseButtonEvent(0, true);
  if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) io.AddMouseButtonEvent(0, false);
  g_platform->on_input();
  return EM_TRUE;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
  // Keys typed in the message editor are the editor's, not the UI's.
  if (g_platform->editor_focused()) return EM_FALSE;
  ImGuiIO& io = ImGui::GetIO();
  set_modifiers(io, e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
  const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
  const ImGuiKey key = to_imgui_key(e->code);
  if (key != ImGuiKey_None) io.AddKeyEvent(key, down);
  // A printable key (a single character in KeyboardEvent.key) types text unless a shortcut modifier is held.
  if (down && !e->ctrlKey && !e->metaKey) {
    const std::string_view k(e->key);
    const auto lead = static_cast<unsigned char>(k.empty() ? 0 : k[0]);
    const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (!k.empty() && k.size() == len && lead >= 0x20) io.AddInputCharactersUTF8(e->key);
  }
  g_platform->on_input();
  // Keep the browser's own shortcuts (reload, zoom, copy) unless ImGui is taking the keyboard.
  return io.WantCaptureKeyboard && !e->ctrlKey && !e->metaKey ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
  ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
  g_platform->on_input();
  return EM_FALSE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  g_platform->update_canvas_size();
  g_platform->on_input();
  return EM_FALSE;
}

EM_BOOL on_animation_frame(double, void*) {
  g_platform->frame();
  return EM_FALSE;  // one-shot: the next frame is requested only when needed
}

void on_minute(void*) {
  g_platform->request_frame();
  // Wake again at the start of the next minute (dates and the clock change).
  emscripten_set_timeout(on_minute, 60000.0 - std::fmod(emscripten_date_now(), 60000.0) + 50.0, nullptr);
}
}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void rapport_pixel_ratio_changed() {
  if (g_platform) {
    g_platform->update_canvas_size();
    g_platform->request_frame();
  }
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] WebPlatform
// ---------------------------------------------------------------------------------------------------------
namespace rapport::ui {

bool WebPlatform::init(const char* canvas_selector, std::string& error) {
  canvas_ = canvas_selector;
  g_platform = this;
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.antialias = EM_FALSE;  // ImGui anti-aliases its own shapes
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context(canvas_selector, &attrs);
  if (ctx <= 0) {
    error = "WebGL2";
    return false;
  }
  emscripten_webgl_make_context_current(ctx);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is the app's, not a file's
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;  // a blinking cursor would need frames while idle
  io.BackendPlatformName = "rapport_web";
  // Text copied in ImGui's own fields (the read-only error list of "Your data", say) reaches the system clipboard
  // too; pasting into them gives back what was last copied in the app.
  io.SetClipboardTextFn = [](void*, const char* text) {
    g_clipboard = text;
    rapport_js_copy(text);
  };
  io.GetClipboardTextFn = [](void*) { return g_clipboard.c_str(); };
  ImGui_ImplOpenGL3_Init("#version 300 es");

  const char* c = canvas_.c_str();
  emscripten_set_mousedown_callback(c, nullptr, EM_FALSE, on_mouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, on_mouse);
  emscripten_set_mousemove_callback(c, nullptr, EM_FALSE, on_mouse);
  emscripten_set_mouseleave_callback(c, nullptr, EM_FALSE, on_mouse_leave);
  emscripten_set_wheel_callback(c, nullptr, EM_FALSE, on_wheel);
  emscripten_set_touchstart_callback(c, nullptr, EM_FALSE, on_touch);
  emscripten_set_touchmove_callback(c, nullptr, EM_FALSE, on_touch);
  emscripten_set_touchend_callback(c, nullptr, EM_FALSE, on_touch);
  emscripten_set_touchcancel_callback(c, nullptr, EM_FALSE, on_touch);
  emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
  emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
  emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_focus);
  emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_focus);
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
  rapport_js_watch_pixel_ratio();
  update_canvas_size();
  return true;
}

void WebPlatform::run(std::function<void()> draw, std::function<void(const Fonts&)> fonts_changed) {
  draw_ = std::move(draw);
  fonts_changed_ = std::move(fonts_changed);
  on_minute(nullptr);
  request_frame();
}

std::string WebPlatform::local_time_zone() const {
  char* tz = rapport_js_time_zone();
  std::string out(tz);
  std::free(tz);
  return out;
}

void WebPlatform::download(const std::string& filename, const std::string& mime, const std::string& content) {
  rapport_js_download(filename.c_str(), mime.c_str(), content.data(), static_cast<int>(content.size()));
}

void WebPlatform::update_canvas_size() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(canvas_.c_str(), &css_w, &css_h);
  pixel_ratio_ = static_cast<float>(emscripten_get_device_pixel_ratio());
  if (pixel_ratio_ <= 0) pixel_ratio_ = 1;
  const int fb_w = static_cast<int>(std::lround(css_w * pixel_ratio_));
  const int fb_h = static_cast<int>(std::lround(css_h * pixel_ratio_));
  emscripten_set_canvas_element_size(canvas_.c_str(), fb_w, fb_h);
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
  io.DisplayFramebufferScale = ImVec2(css_w > 0 ? static_cast<float>(fb_w / css_w) : 1.0f,
                                      css_h > 0 ? static_cast<float>(fb_h / css_h) : 1.0f);
}

void WebPlatform::on_input() {
  frames_owed_ = frames_owed_ > 3 ? frames_owed_ : 3;
  keep_drawing_until_ = emscripten_get_now() + 700.0;
  request_frame();
}

void WebPlatform::request_frame() {
  // Two frames: ImGui lays out new content (tables, auto-sized windows) in the frame after it first appears.
  if (frames_owed_ < 2) frames_owed_ = 2;
  if (scheduled_) return;
  scheduled_ = true;
  emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void WebPlatform::frame() {
  scheduled_ = false;
  if (pixel_ratio_ * text_scale_ != fonts_ratio_) {
    // New screen density or text size: rasterize the fonts again at the new size (drawn at 1/pixel ratio).
    const Fonts fonts = load_fonts("/rapport/fonts", pixel_ratio_ * text_scale_);
    ImGui::GetIO().FontGlobalScale = 1.0f / pixel_ratio_;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    fonts_ratio_ = pixel_ratio_ * text_scale_;
    if (fonts_changed_) fonts_changed_(fonts);
    on_input();  // text sizes changed: let the layout settle
  }
  ImGuiIO& io = ImGui::GetIO();
  static double last = emscripten_get_now();
  const double now = emscripten_get_now();
  io.DeltaTime = now > last ? static_cast<float>((now - last) / 1000.0) : 1.0f / 60.0f;
  if (io.DeltaTime > 0.25f) io.DeltaTime = 1.0f / 60.0f;  // after idle time: not one huge step
  last = now;

  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  if (draw_) draw_();
  ImGui::Render();
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  rapport_js_frame_drawn(static_cast<double>(++frames_drawn_));

  if (frames_owed_ > 0) --frames_owed_;
  if (frames_owed_ > 0 || now < keep_drawing_until_) {
    scheduled_ = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
  }
}

}  // namespace rapport::ui

// ---------------------------------------------------------------------------------------------------------
// The message editor, clipboard, announcements and settings
// ---------------------------------------------------------------------------------------------------------
namespace rapport::ui {

void WebPlatform::show_editor(const std::string& id, float x, float y, float w, float h, float font_px,
                              const std::string& placeholder, const std::string& label) {
  EditorSeen& seen = editors_[id];
  const std::array<float, 5> geometry = {x, y, w, h, font_px};
  if (seen.visible && geometry == seen.geometry && placeholder == seen.placeholder) return;
  seen.visible = true;
  seen.geometry = geometry;
  seen.placeholder = placeholder;
  rapport_js_editor_show(id.c_str(), x, y, w, h, font_px, placeholder.c_str(), label.c_str());
}

void WebPlatform::hide_editor(const std::string& id) {
  EditorSeen& seen = editors_[id];
  if (!seen.visible) return;
  seen.visible = false;
  rapport_js_editor_hide(id.c_str());
}

void WebPlatform::set_editor_marks(const std::string& id, const std::vector<EditorMark>& marks, int selected) {
  std::string json = "[";
  for (const auto& m : marks) {
    if (json.size() > 1) json += ",";
    json += "{\"b\":" + std::to_string(m.begin) + ",\"e\":" + std::to_string(m.end) + ",\"s\":" +
            std::to_string(m.severity) + ",\"i\":" + std::to_string(m.index) + "}";
  }
  json += "]";
  EditorSeen& seen = editors_[id];
  if (json == seen.marks && selected == seen.selected) return;
  seen.marks = json;
  seen.selected = selected;
  rapport_js_editor_marks(id.c_str(), json.c_str(), selected);
}

void WebPlatform::set_editor_text(const std::string& id, const std::string& text) {
  rapport_js_editor_set_text(id.c_str(), text.c_str());
}

void WebPlatform::replace_in_editor(const std::string& id, std::size_t begin, std::size_t end, const std::string& text) {
  rapport_js_editor_replace(id.c_str(), static_cast<int>(begin), static_cast<int>(end), text.c_str());
}

void WebPlatform::select_in_editor(const std::string& id, std::size_t begin, std::size_t end) {
  rapport_js_editor_select(id.c_str(), static_cast<int>(begin), static_cast<int>(end));
}

bool WebPlatform::editor_focused() const { return rapport_js_editor_focused() != 0; }

void WebPlatform::copy_text(const std::string& text) { rapport_js_copy(text.c_str()); }

void WebPlatform::announce(const std::string& text) { rapport_js_announce(text.c_str()); }

void WebPlatform::set_text_scale(float scale) {
  if (scale == text_scale_) return;
  text_scale_ = scale;
  request_frame();
}

void WebPlatform::set_fullscreen(bool on) { rapport_js_fullscreen(on ? 1 : 0); }

void WebPlatform::set_page_theme(const std::string& theme) { rapport_js_page_theme(theme.c_str()); }

std::string WebPlatform::load_setting(const std::string& key) const {
  char* v = rapport_js_load_setting(key.c_str());
  std::string out(v);
  std::free(v);
  return out;
}

void WebPlatform::save_setting(const std::string& key, const std::string& value) {
  rapport_js_save_setting(key.c_str(), value.c_str());
}

}  // namespace rapport::ui
