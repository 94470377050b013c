// Compose: the message editor (a native text box the platform lays over the canvas, see web/editor.js), the
// findings as the user types (grouped by severity, each with why, the fix, "apply", "ignore here" and "never
// show this rule"), the fit score as a gauge with its per-dimension breakdown, copy, and an HTML report.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/message.h"
#include "web/ui.h"

namespace rapport::ui {

/// What the user set: the draft and how to check it. The draft itself is kept by the editor (in browser
/// storage); the rest is saved as JSON with the other settings.
struct ComposeState {
  std::string text;                       ///< the draft, as the editor has it
  std::string channel = "email";          ///< email, chat, sms
  std::string stage = "first";            ///< first, ongoing, close
  std::string language;                   ///< "" = detect
  std::set<std::string> disabled_rules;   ///< "never show this rule"
  std::set<std::string> ignored;          ///< "ignore here": "<rule id>\n<matched text>", for this draft
  int selected = -1;                      ///< the finding chosen (index into the model's findings)
  bool scroll_to_selected = false;        ///< the list scrolls to it on the next frame
};
void to_json(nlohmann::json& j, const ComposeState& s);    // the options, not the draft
void from_json(const nlohmann::json& j, ComposeState& s);  // unknown or bad values are ignored

/// The check of the draft, rebuilt only when the draft, the markets, the options or the data change.
struct ComposeModel {
  MessageReport report;          ///< findings without the ones ignored here
  std::size_t ignored_here = 0;  ///< findings hidden by "ignore here"
  std::string target_name, sender_name;
  bool markets_ok = false;
  // What it was built from.
  std::string text, from, to, key;
  const DataSet* data = nullptr;
};

/// The options as a key, to see whether the model is current.
/// `ui_language`: the language of the explanations (rules translated in that UI catalog are shown so).
std::string compose_key(const ComposeState& s, const std::string& from, const std::string& to,
                        const std::string& ui_language);
ComposeModel make_compose_model(const DataSet& data, const ComposeState& s, const std::string& from,
                                const std::string& to, const std::string& ui_language, ParagraphCache& cache);

/// What the user did in this frame; the app carries it out (editing goes through the editor, so that undo
/// works).
struct ComposeEvents {
  int apply = -1;          ///< finding whose replacement to apply
  int select = -1;         ///< finding chosen in the list: select its span in the editor
  int ignore = -1;         ///< finding to ignore here
  int disable = -1;        ///< finding whose rule to turn off
  bool restore_rules = false;  ///< turn the rules back on
  bool copy = false;
  bool export_report = false;
  bool options_changed = false;
  int example = -1;        ///< example draft chosen
  ImVec4 editor{0, 0, 0, 0};  ///< where the editor goes (x, y, width, height), in the canvas's CSS pixels
};

/// A sample draft to try on first visit.
struct ExampleDraft {
  std::string title, from, to, channel, stage, text;
};

/// Draws the view; `anchors` receives where its buttons are (for the browser tests).
ComposeEvents draw_compose_view(ComposeState& state, const ComposeModel& model, const std::vector<ExampleDraft>& examples,
                                const Tr& tr, const Fonts& fonts, std::map<std::string, ImVec4>& anchors);

/// The finding whose span holds UTF-16 offset `caret` (-1 when none), for linking the editor to the list.
int finding_at(const ComposeModel& model, std::size_t caret);

}  // namespace rapport::ui
