// The browser app's entry point: ICU data, the data files the loader preloaded under /rapport, the engine, then
// the UI. Returns from main with the runtime alive; frames come from events.
#include <emscripten.h>
#include <emscripten/bind.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>

#include "platform/data_files.h"
#include "platform/icu_data_source.h"
#include "engine/compare.h"
#include "engine/message.h"
#include "web/app.h"
#include "web/platform_web.h"

namespace {
// Lives for the whole page.
rapport::Engine* g_engine = nullptr;
rapport::ui::WebPlatform* g_web = nullptr;
rapport::ui::App* g_app = nullptr;

EM_JS(void, rapport_js_fatal, (const char* what), { window.dispatchEvent(new CustomEvent("rapport-fatal", {detail: UTF8ToString(what)})); });
}  // namespace

// [SECTION] Page API (window.rapport, see web/README.md) for what needs the running app and its data.
namespace {
// {"sender", "target", "dimensions": [{dimension, sender, target, gap, overlap, shift}], "frictions": [...]}
std::string compare_json(const std::string& from, const std::string& to) {
  const auto data = g_engine->data();
  const rapport::Profile* s = data->profile(from);
  const rapport::Profile* t = data->profile(to);
  if (!s || !t) return "null";
  const auto cmp = rapport::compare(*s, *t);
  nlohmann::json out = {{"sender", s->code}, {"target", t->code}, {"dimensions", nlohmann::json::array()},
                        {"frictions", nlohmann::json::array()}};
  for (const auto& g : cmp.dims) {
    out["dimensions"].push_back({{"dimension", rapport::dim_key(g.dim)}, {"sender", {g.sender_low, g.sender_high}},
                                 {"target", {g.target_low, g.target_high}}, {"gap", g.gap}, {"overlap", g.overlap},
                                 {"shift", g.shift}});
  }
  for (const auto& f : cmp.frictions) {
    out["frictions"].push_back({{"dimension", rapport::dim_key(f.dim)}, {"gap", f.gap}, {"advice_key", f.advice_key},
                                {"advice", data->text("en", f.advice_key, {{"target", t->name_en}})}});
  }
  return out.dump();
}

std::string markets_json() {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [code, p] : g_engine->data()->profiles()) out.push_back({{"code", code}, {"name", p.name_en}});
  return out.dump();
}

// The message checker: {language, score, dimensions: {dim: score}, findings: [{rule, category, severity, begin,
// end (UTF-16, as JavaScript counts), text, why, fix, replacement}], truncated, invalid_utf8}.
std::string check_json(const std::string& text, const std::string& from, const std::string& to,
                       const std::string& channel, const std::string& stage) {
  const auto data = g_engine->data();
  const rapport::MessageReport r =
      rapport::check_text(*data, text, data->profile(from), data->profile(to), "", channel.empty() ? "email" : channel,
                          stage.empty() ? "first" : stage);
  static const char* kSeverity[] = {"suggestion", "warning", "problem"};
  nlohmann::json out = {{"language", r.language}, {"score", r.score}, {"truncated", r.truncated},
                        {"invalid_utf8", r.invalid_utf8.size()}, {"dimensions", nlohmann::json::object()},
                        {"findings", nlohmann::json::array()}};
  for (rapport::Dim d : rapport::kAllDims) out["dimensions"][std::string(rapport::dim_key(d))] = r.dim_scores[static_cast<std::size_t>(d)];
  for (const auto& f : r.findings) {
    out["findings"].push_back({{"rule", f.rule_id}, {"category", f.category},
                               {"severity", kSeverity[static_cast<int>(f.severity)]}, {"begin", f.begin_utf16},
                               {"end", f.end_utf16}, {"text", f.text}, {"why", f.why}, {"fix", f.fix},
                               {"replacement", f.replacement}});
  }
  return out.dump();
}

void set_markets(const std::string& from, const std::string& to) {
  g_app->set_markets(from, to);
  g_web->request_frame();
}
}  // namespace

EMSCRIPTEN_BINDINGS(rapport_app) {
  emscripten::function("compareJson", &compare_json);
  emscripten::function("marketsJson", &markets_json);
  emscripten::function("setMarkets", &set_markets);
  emscripten::function("checkJson", &check_json);
}

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
