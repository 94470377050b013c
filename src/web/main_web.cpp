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
#include "engine/exercises.h"
#include "engine/message.h"
#include "web/app.h"
#include "web/data_web.h"
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
                               {"end", f.end_utf16}, {"text", f.text}, {"message_key", f.message_key},
                               {"why", f.why}, {"fix", f.fix},
                               {"replacement", f.replacement}});
  }
  return out.dump();
}

void set_markets(const std::string& from, const std::string& to) {
  g_app->set_markets(from, to);
  g_web->request_frame();
}

void set_view(const std::string& view) { g_app->set_view(view); }

// The Meeting planner as last drawn (see meeting_json in web/views/meeting_view.h).
std::string meeting_json() { return rapport::ui::meeting_json(g_app->meeting(), g_app->meeting_state()).dump(); }

// Applies a stored form (JSON, fields as MeetingForm's to_json writes them; missing or bad ones keep their
// value). False when the text is not a JSON object.
bool set_meeting_json(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return false;
  rapport::ui::MeetingForm form = g_app->meeting_form();
  rapport::ui::from_json(j, form);
  g_app->set_meeting_form(form);
  return true;
}

// The message editor (web/editor.js) reports here. Before the app exists (the page restoring a draft while
// the module starts) the text is kept and handed over when it does.
std::string g_early_text;
void editor_input(const std::string& id, const std::string& text) {
  if (g_app) g_app->on_editor_input(id, text);
  else if (id == "compose") g_early_text = text;
  if (g_web) g_web->request_frame();
}
void editor_caret(const std::string& id, int offset) {
  if (g_app && offset >= 0) g_app->on_editor_caret(id, static_cast<std::size_t>(offset));
}

// Compose as last drawn, for tests and embedding: {text, from, to, language, score, selected, findings: [{rule,
// category, severity, begin, end, text, replacement}], anchors: {name: [x, y, w, h]}}.
std::string compose_json() {
  static const char* kSeverity[] = {"suggestion", "warning", "problem"};
  const auto& m = g_app->compose();
  nlohmann::json out = {{"text", g_app->compose_state().text}, {"from", g_app->from()}, {"to", g_app->to()},
                        {"language", m.report.language}, {"score", m.report.score},
                        {"selected", g_app->compose_state().selected}, {"findings", nlohmann::json::array()},
                        {"anchors", nlohmann::json::object()}};
  for (const auto& f : m.report.findings) {
    out["findings"].push_back({{"rule", f.rule_id}, {"category", f.category},
                               {"severity", kSeverity[static_cast<int>(f.severity)]}, {"begin", f.begin_utf16},
                               {"end", f.end_utf16}, {"text", f.text}, {"replacement", f.replacement}});
  }
  for (const auto& [k, r] : g_app->compose_anchors()) out["anchors"][k] = {r.x, r.y, r.z, r.w};
  return out.dump();
}

// The Cultures view's year calendar as last drawn: {market, year, entries: [{name, start, end, kind, impact}]}.
std::string calendar_json() {
  const auto& c = g_app->calendar();
  nlohmann::json out = {{"market", c.market ? c.market->code : ""}, {"year", c.year}, {"entries", nlohmann::json::array()}};
  for (const auto& h : c.holidays.days) {
    out["entries"].push_back({{"name", h.rule->name_en}, {"start", h.start.iso()}, {"end", h.end.iso()},
                              {"kind", h.kind}, {"impact", h.impact}});
  }
  return out.dump();
}

// Workshop as last drawn: {markets, page, presenting, exercise, text, remaining, problems: [{category, text,
// remains}], new_findings, exercises: [ids], anchors}.
std::string workshop_json() {
  const auto& s = g_app->workshop_state();
  const auto& m = g_app->workshop();
  nlohmann::json out = {{"markets", s.markets}, {"page", s.page}, {"presenting", s.presenting},
                        {"exercise", m.exercise ? m.exercise->id : ""}, {"text", m.text},
                        {"model", m.exercise ? m.exercise->model : ""},
                        {"remaining", m.status.remaining()}, {"problems", nlohmann::json::array()},
                        {"new_findings", m.status.new_findings.size()}, {"exercises", nlohmann::json::array()},
                        {"anchors", nlohmann::json::object()}};
  if (m.exercise) {
    for (std::size_t i = 0; i < m.exercise->problems.size(); ++i) {
      const auto& p = m.exercise->problems[i];
      out["problems"].push_back({{"category", p.category}, {"text", p.text},
                                 {"remains", i < m.status.problems.size() && m.status.problems[i].remains}});
    }
  }
  if (const auto* deck = g_engine->data()->exercises("en")) {
    for (const auto& e : deck->exercises) out["exercises"].push_back(e.id);
  }
  for (const auto& [k, r] : g_app->workshop_anchors()) out["anchors"][k] = {r.x, r.y, r.z, r.w};
  return out.dump();
}
}  // namespace

EMSCRIPTEN_BINDINGS(rapport_app) {
  emscripten::function("editorInput", &editor_input);
  emscripten::function("editorCaret", &editor_caret);
  emscripten::function("composeJson", &compose_json);
  emscripten::function("workshopJson", &workshop_json);
  emscripten::function("calendarJson", &calendar_json);
  emscripten::function("compareJson", &compare_json);
  emscripten::function("marketsJson", &markets_json);
  emscripten::function("setMarkets", &set_markets);
  emscripten::function("checkJson", &check_json);
  emscripten::function("setView", &set_view);
  emscripten::function("meetingJson", &meeting_json);
  emscripten::function("setMeetingJson", &set_meeting_json);
}

int main() {
  if (auto err = rapport::platform::load_icu_data("/rapport/icudt72l.dat")) {
    rapport_js_fatal(err->c_str());
    return 1;
  }
  g_engine = new rapport::Engine();
  std::vector<std::string> io_errors;
  auto files = rapport::platform::read_data_files("/rapport", rapport::platform::shipped_data_dirs(), io_errors);
  const auto errors = g_engine->load(files);
  for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.format().c_str());

  g_web = new rapport::ui::WebPlatform();
  std::string gl_error;
  if (!g_web->init("#canvas", gl_error)) {
    rapport_js_fatal("webgl");
    return 1;
  }
  rapport::ui::apply_theme(rapport::ui::Theme::kLight, ImGui::GetStyle());
  // The user's own files from the last visit, on top of the shipped data (kept in memory for later reloads),
  // before the app reads its settings: a market they add may be the one last chosen.
  auto* user_data = new rapport::ui::UserData(*g_engine, *g_web, std::move(files));
  user_data->load_stored();
  g_app = new rapport::ui::App(*g_engine, *g_web, static_cast<int>(errors.size() + io_errors.size()));
  g_app->set_user_data(user_data);
  rapport::ui::attach_data_api(*g_app);
  if (!g_early_text.empty()) g_app->on_editor_input("compose", g_early_text);
  g_web->run([] { g_app->frame(); }, [](const rapport::ui::Fonts& f) { g_app->set_fonts(f); });
  return 0;
}
