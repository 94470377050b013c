// The browser side of "Your data": the user's files in localStorage ("rapport.userfile.<path>"), the file picker
// (web/files.js), and the page functions behind window.rapport.loadFiles / userData. Nothing leaves the machine.
#include "web/data_web.h"

#include <emscripten.h>
#include <emscripten/bind.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

#include "web/app.h"
#include "web/platform_web.h"

// [SECTION] JavaScript helpers
// [SECTION] WebPlatform: the user's files
// [SECTION] Page functions

// ---------------------------------------------------------------------------------------------------------
// [SECTION] JavaScript helpers
// ---------------------------------------------------------------------------------------------------------
// clang-format off
// (JavaScript inside.) The kept paths, as a JSON array (malloc'ed).
EM_JS(char*, rapport_js_user_file_paths, (), {
  var out = [];
  try {
    var s = window.localStorage;
    for (var i = 0; i < s.length; i++) {
      var k = s.key(i);
      if (k && k.indexOf("rapport.userfile.") === 0) out.push(k.substring(17));
    }
  } catch (e) {}
  out.sort();
  var text = JSON.stringify(out);
  var n = lengthBytesUTF8(text) + 1;
  var p = _malloc(n);
  stringToUTF8(text, p, n);
  return p;
});
EM_JS(char*, rapport_js_load_user_file, (const char* path), {
  var v = "";
  try { v = window.localStorage.getItem("rapport.userfile." + UTF8ToString(path)) || ""; } catch (e) {}
  var n = lengthBytesUTF8(v) + 1;
  var p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});
// 0 when storage is full or turned off.
EM_JS(int, rapport_js_save_user_file, (const char* path, const char* contents), {
  try {
    window.localStorage.setItem("rapport.userfile." + UTF8ToString(path), UTF8ToString(contents));
    return 1;
  } catch (e) {
    return 0;
  }
});
EM_JS(void, rapport_js_remove_user_file, (const char* path), {
  try { window.localStorage.removeItem("rapport.userfile." + UTF8ToString(path)); } catch (e) {}
});
// Every "rapport." key. The message editor saves the draft it was just emptied a moment later: that goes too.
EM_JS(void, rapport_js_clear_storage, (), {
  try {
    var s = window.localStorage;
    for (var i = s.length - 1; i >= 0; i--) {
      var k = s.key(i);
      if (k && k.indexOf("rapport.") === 0) s.removeItem(k);
    }
    setTimeout(function() {
      try { if (s.getItem("rapport.draft") === "") s.removeItem("rapport.draft"); } catch (e) {}
    }, 400);
  } catch (e) {}
});
EM_JS(void, rapport_js_choose_files, (), {
  if (window.rapportFiles) window.rapportFiles.open(Module);
});
// clang-format on

// ---------------------------------------------------------------------------------------------------------
// [SECTION] WebPlatform: the user's files
// ---------------------------------------------------------------------------------------------------------
namespace rapport::ui {

std::vector<std::string> WebPlatform::user_file_paths() const {
  char* p = rapport_js_user_file_paths();
  const auto j = nlohmann::json::parse(p, nullptr, /*allow_exceptions=*/false);
  std::free(p);
  std::vector<std::string> out;
  if (j.is_array()) {
    for (const auto& x : j) {
      if (x.is_string()) out.push_back(x.get<std::string>());
    }
  }
  return out;
}

std::string WebPlatform::load_user_file(const std::string& path) const {
  char* p = rapport_js_load_user_file(path.c_str());
  std::string out(p);
  std::free(p);
  return out;
}

bool WebPlatform::save_user_file(const std::string& path, const std::string& contents) {
  return rapport_js_save_user_file(path.c_str(), contents.c_str()) != 0;
}

void WebPlatform::remove_user_file(const std::string& path) {
  rapport_js_remove_user_file(path.c_str());
}

void WebPlatform::clear_storage() {
  rapport_js_clear_storage();
}

void WebPlatform::choose_files() {
  rapport_js_choose_files();
}

}  // namespace rapport::ui

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Page functions
// ---------------------------------------------------------------------------------------------------------
namespace {
rapport::ui::App* g_data_app = nullptr;

// [{name, text}] or, for a file the page could not read, {name, problem, size} -> {ok, errors, files}.
std::string user_files(const std::string& json) {
  const auto j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!g_data_app || !j.is_array()) return R"({"ok":false,"errors":["expected an array of {name, text}"],"files":[]})";
  std::vector<rapport::ui::Upload> uploads;
  for (const auto& f : j) {
    if (!f.is_object()) continue;
    rapport::ui::Upload u;
    u.name = f.value("name", "");
    u.text = f.value("text", "");
    u.problem = f.value("problem", "");
    u.size = f.value("size", std::int64_t{0});
    if (u.problem.empty() && !(f.contains("text") && f["text"].is_string())) u.problem = "unreadable";
    uploads.push_back(std::move(u));
  }
  const rapport::ui::UserLoad& r = g_data_app->load_user_files(uploads);
  nlohmann::json out = {{"ok", r.ok}, {"errors", nlohmann::json::array()}, {"files", nlohmann::json::array()}};
  for (const auto& e : r.errors) out["errors"].push_back(e.format());
  for (const auto& f : r.files) {
    out["files"].push_back({{"name", f.name},
                            {"path", f.path},
                            {"market", f.market},
                            {"status", f.status == rapport::ui::UserFileStatus::kLoaded     ? "loaded"
                                       : f.status == rapport::ui::UserFileStatus::kRejected ? "rejected"
                                                                                            : "held_back"}});
  }
  return out.dump();
}

std::string user_data_json() {
  if (!g_data_app) return "null";
  return rapport::ui::data_json(g_data_app->data_model(), g_data_app->data_state()).dump();
}

void user_files_dragging(bool on) {
  if (g_data_app) g_data_app->set_dragging(on);
}
}  // namespace

namespace rapport::ui {
void attach_data_api(App& app) {
  g_data_app = &app;
}
}  // namespace rapport::ui

EMSCRIPTEN_BINDINGS(rapport_user_data) {
  emscripten::function("userFiles", &user_files);
  emscripten::function("userDataJson", &user_data_json);
  emscripten::function("userFilesDragging", &user_files_dragging);
}
