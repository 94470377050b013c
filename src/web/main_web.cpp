// The browser app's entry point: ICU data, the data files the loader preloaded under /rapport, the engine, then
// the UI. Returns from main with the runtime alive; frames come from events.
#include <emscripten.h>

#include <cstdio>
#include <memory>

#include "platform/data_files.h"
#include "platform/icu_data_source.h"
#include "web/app.h"
#include "web/platform_web.h"

namespace {
// Lives for the whole page.
rapport::Engine* g_engine = nullptr;
rapport::ui::WebPlatform* g_web = nullptr;
rapport::ui::App* g_app = nullptr;

EM_JS(void, rapport_js_fatal, (const char* what), { window.dispatchEvent(new CustomEvent("rapport-fatal", {detail: UTF8ToString(what)})); });
}  // namespace

int main() {
  if (auto err = rapport::platform::load_icu_data("/rapport/icudt72l.dat")) {
    rapport_js_fatal(err->c_str());
    return 1;
  }
  g_engine = new rapport::Engine();
  std::vector<std::string> io_errors;
  const auto files = rapport::platform::read_data_files("/rapport", rapport::platform::shipped_data_dirs(), io_errors);
  const auto errors = g_engine->load(files);
  for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.format().c_str());

  g_web = new rapport::ui::WebPlatform();
  std::string gl_error;
  if (!g_web->init("#canvas", gl_error)) {
    rapport_js_fatal("webgl");
    return 1;
  }
  rapport::ui::apply_theme(rapport::ui::Theme::kLight, ImGui::GetStyle());
  g_app = new rapport::ui::App(*g_engine, *g_web, static_cast<int>(errors.size() + io_errors.size()));
  g_web->run([] { g_app->frame(); }, [](const rapport::ui::Fonts& f) { g_app->set_fonts(f); });
  return 0;
}
