#include "web/views/compose_view.h"

#include <algorithm>
#include <cmath>

#include "engine/text.h"

namespace rapport::ui {

// [SECTION] State and model
// [SECTION] Pieces: options, gauge, finding cards
// [SECTION] The view

// ---------------------------------------------------------------------------------------------------------
// [SECTION] State and model
// ---------------------------------------------------------------------------------------------------------
void to_json(nlohmann::json& j, const ComposeState& s) {
  j = {{"channel", s.channel}, {"stage", s.stage}, {"language", s.language},
       {"disabled_rules", std::vector<std::string>(s.disabled_rules.begin(), s.disabled_rules.end())}};
}

void from_json(const nlohmann::json& j, ComposeState& s) {
  if (!j.is_object()) return;
  auto pick = [&](const char* key, std::string& out, std::initializer_list<const char*> allowed) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return;
    const std::string v = it->get<std::string>();
    if (std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return v == a; })) out = v;
  };
  pick("channel", s.channel, {"email", "chat", "sms"});
  pick("stage", s.stage, {"first", "ongoing", "close"});
  pick("language", s.language, {"", "en", "de", "fr", "es", "he"});
  if (const auto it = j.find("disabled_rules"); it != j.end() && it->is_array()) {
    for (const auto& r : *it) {
      if (r.is_string()) s.disabled_rules.insert(r.get<std::string>());
    }
  }
}

std::string compose_key(const ComposeState& s, const std::string& from, const std::string& to,
                        const std::string& ui_language) {
  std::string k = from + "|" + to + "|" + s.channel + "|" + s.stage + "|" + s.language + "|" + ui_language;
  for (const auto& r : s.disabled_rules) k += "|-" + r;
  for (const auto& r : s.ignored) k += "|~" + r;
  return k;
}

ComposeModel make_compose_model(const DataSet& data, const ComposeState& s, const std::string& from,
                                const std::string& to, const std::string& ui_language, ParagraphCache& cache) {
  ComposeModel m;
  m.text = s.text;
  m.from = from;
  m.to = to;
  m.key = compose_key(s, from, to, ui_language);
  m.data = &data;
  const Profile* sender = data.profile(from);
  const Profile* target = data.profile(to);
  m.markets_ok = sender && target;
  if (!m.markets_ok) return m;
  m.sender_name = sender->name_en;
  m.target_name = target->name_en;
  CheckOptions o;
  o.channel = s.channel;
  o.stage = s.stage;
  o.language = s.language;
  o.ui_language = ui_language;
  o.disabled_rules = s.disabled_rules;
  m.report = check_text(data, s.text, sender, target, o, &cache);
  const auto before = m.report.findings.size();
  std::erase_if(m.report.findings, [&](const Finding& f) { return s.ignored.count(f.rule_id + "\n" + f.text) > 0; });
  m.ignored_here = before - m.report.findings.size();
  return m;
}

int finding_at(const ComposeModel& model, std::size_t caret) {
  const auto& fs = model.report.findings;
  for (std::size_t i = 0; i < fs.size(); ++i) {
    if (caret >= fs[i].begin_utf16 && caret <= fs[i].end_utf16) return static_cast<int>(i);
  }
  return -1;
}

namespace {

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Pieces
// ---------------------------------------------------------------------------------------------------------
ImU32 severity_colour(RuleSeverity s) {
  switch (s) {
    case RuleSeverity::kProblem: return IM_COL32(200, 38, 38, 255);
    case RuleSeverity::kWarning: return IM_COL32(196, 107, 6, 255);
    case RuleSeverity::kSuggestion: return IM_COL32(37, 99, 235, 255);
  }
  return IM_COL32(120, 120, 120, 255);
}
const char* severity_key(RuleSeverity s) {
  switch (s) {
    case RuleSeverity::kProblem: return "ui.compose.severity.problem";
    case RuleSeverity::kWarning: return "ui.compose.severity.warning";
    case RuleSeverity::kSuggestion: return "ui.compose.severity.suggestion";
  }
  return "ui.compose.severity.warning";
}

// A small combo over fixed choices (value, label key).
bool choice(const char* id, const std::string& label, std::string& value,
            std::initializer_list<std::pair<const char*, const char*>> items, const Tr& tr, float width) {
  std::string preview;
  for (const auto& [v, k] : items) {
    if (value == v) preview = tr(k);
  }
  if (!label.empty()) {  // on a phone the choices speak for themselves
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label.c_str());
    ImGui::SameLine();
  }
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  if (ImGui::BeginCombo(id, preview.c_str())) {
    for (const auto& [v, k] : items) {
      if (ImGui::Selectable(tr(k).c_str(), value == v)) {
        changed = value != v;
        value = v;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

void options_row(ComposeState& s, const ComposeModel& m, const std::vector<ExampleDraft>& examples, const Tr& tr,
                 ComposeEvents& ev, std::map<std::string, ImVec4>& anchors) {
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool narrow = avail < 700;
  const float w = narrow ? (avail - 12) / 3 : 120;
  auto spaced = [&] {
    if (!narrow) ImGui::SameLine(0, 18);
  };
  bool changed = choice("##channel", narrow ? "" : tr("ui.compose.channel"), s.channel,
                        {{"email", "ui.compose.channel.email"}, {"chat", "ui.compose.channel.chat"},
                         {"sms", "ui.compose.channel.sms"}},
                        tr, w);
  ImGui::SameLine(0, narrow ? 6 : 18);
  changed = choice("##stage", narrow ? "" : tr("ui.compose.stage"), s.stage,
                   {{"first", "ui.compose.stage.first"}, {"ongoing", "ui.compose.stage.ongoing"},
                    {"close", "ui.compose.stage.close"}},
                   tr, w) || changed;
  ImGui::SameLine(0, narrow ? 6 : 18);
  changed = choice("##language", narrow ? "" : tr("ui.compose.language"), s.language,
                   {{"", "ui.compose.language.auto"}, {"en", "ui.compose.language.en"}, {"de", "ui.compose.language.de"},
                    {"fr", "ui.compose.language.fr"}, {"es", "ui.compose.language.es"}, {"he", "ui.compose.language.he"}},
                   tr, w) || changed;
  if (changed) ev.options_changed = true;
  spaced();
  if (narrow) ImGui::Spacing();
  if (ImGui::Button(tr("ui.compose.copy").c_str())) ev.copy = true;
  anchors["compose.copy"] = rect_of_last_item();
  ImGui::SetItemTooltip("%s", tr("ui.compose.copy.tip").c_str());
  ImGui::SameLine();
  ImGui::BeginDisabled(s.text.empty() || !m.markets_ok);
  if (ImGui::Button(tr("ui.compose.report").c_str())) ev.export_report = true;
  ImGui::EndDisabled();
  anchors["compose.report"] = rect_of_last_item();
  ImGui::SetItemTooltip("%s", tr("ui.compose.report.tip").c_str());
  if (!examples.empty()) {
    if (narrow) ImGui::SetNextItemWidth(-1);  // its own line on a phone
    else {
      ImGui::SameLine();
      ImGui::SetNextItemWidth(190.0f);
    }
    if (ImGui::BeginCombo("##examples", tr("ui.compose.examples").c_str(), ImGuiComboFlags_HeightLarge)) {
      for (std::size_t i = 0; i < examples.size(); ++i) {
        const auto& e = examples[i];
        if (ImGui::Selectable((e.title + "  (" + e.from + " \xE2\x86\x92 " + e.to + ")").c_str())) {
          ev.example = static_cast<int>(i);
        }
        anchors["compose.example." + std::to_string(i)] = rect_of_last_item();
      }
      ImGui::EndCombo();
    }
    anchors["compose.examples"] = rect_of_last_item();
  }
  if (!s.disabled_rules.empty()) {
    if (!narrow) ImGui::SameLine();
    if (ImGui::SmallButton(tr("ui.compose.rules_off", {{"count", static_cast<std::int64_t>(s.disabled_rules.size())}}).c_str())) {
      ev.restore_rules = true;
    }
    anchors["compose.restore"] = rect_of_last_item();
    ImGui::SetItemTooltip("%s", tr("ui.compose.rules_off.tip").c_str());
  }
}

// The fit score as a half-circle gauge, with the dimensions that cost points.
void gauge(const ComposeModel& m, const Tr& tr, const Fonts& fonts) {
  const int score = m.report.score;
  const ImU32 colour = score >= 85 ? IM_COL32(15, 118, 110, 255) : score >= 60 ? IM_COL32(196, 107, 6, 255)
                                                                            : IM_COL32(200, 38, 38, 255);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float r = 44, thick = 10;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 c(p.x + r + 6, p.y + r + 6);
  constexpr float kPi = 3.14159265f;
  dl->PathArcTo(c, r, kPi, 2 * kPi, 48);
  dl->PathStroke(ImGui::GetColorU32(ImGuiCol_Border), 0, thick);
  if (score > 0) {
    dl->PathArcTo(c, r, kPi, kPi + kPi * static_cast<float>(score) / 100.0f, 48);
    dl->PathStroke(colour, 0, thick);
  }
  const std::string num = std::to_string(score);
  ImGui::PushFont(fonts.heading ? fonts.heading : ImGui::GetFont());
  const ImVec2 ts = ImGui::CalcTextSize(num.c_str());
  dl->AddText(ImVec2(c.x - ts.x / 2, c.y - ts.y + 2), ImGui::GetColorU32(ImGuiCol_Text), num.c_str());
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(2 * r + 12, r + 14));
  ImGui::SameLine(0, 14);
  ImGui::BeginGroup();
  text_in(fonts.bold, tr("ui.compose.fit", {{"target", m.target_name}}));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  const auto& fs = m.report.findings;
  auto count = [&](RuleSeverity s) {
    return static_cast<std::int64_t>(std::count_if(fs.begin(), fs.end(), [&](const Finding& f) { return f.severity == s; }));
  };
  ImGui::TextWrapped("%s", tr("ui.compose.counts", {{"problems", count(RuleSeverity::kProblem)},
                                                   {"warnings", count(RuleSeverity::kWarning)},
                                                   {"suggestions", count(RuleSeverity::kSuggestion)}})
                               .c_str());
  ImGui::PopStyleColor();
  ImGui::EndGroup();
  // The dimensions that cost points, worst first.
  std::vector<std::pair<int, Dim>> dims;
  for (Dim d : kAllDims) {
    const int v = m.report.dim_scores[static_cast<std::size_t>(d)];
    if (v < 100) dims.push_back({v, d});
  }
  std::sort(dims.begin(), dims.end());
  const float w = ImGui::GetContentRegionAvail().x;
  for (const auto& [v, d] : dims) {
    const std::string name = tr("ui.dim." + std::string(dim_key(d)) + ".name");
    ImGui::TextUnformatted(name.c_str());
    ImGui::SameLine(std::min(190.0f, w * 0.45f));
    const ImVec2 b = ImGui::GetCursorScreenPos();
    const float bw = ImGui::GetContentRegionAvail().x - 40, h = ImGui::GetTextLineHeight() * 0.55f;
    const float y = b.y + ImGui::GetTextLineHeight() * 0.25f;
    dl->AddRectFilled(ImVec2(b.x, y), ImVec2(b.x + bw, y + h), ImGui::GetColorU32(ImGuiCol_Border), 3);
    dl->AddRectFilled(ImVec2(b.x, y), ImVec2(b.x + bw * static_cast<float>(v) / 100.0f, y + h),
                      v >= 85 ? IM_COL32(15, 118, 110, 255) : v >= 60 ? IM_COL32(196, 107, 6, 255) : IM_COL32(200, 38, 38, 255), 3);
    ImGui::Dummy(ImVec2(bw, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
    ImGui::Text("%d", v);
  }
}

void finding_card(ComposeState& s, const ComposeModel& m, int i, const Tr& tr, const Fonts& fonts, ComposeEvents& ev,
                  std::map<std::string, ImVec4>& anchors) {
  const Finding& f = m.report.findings[static_cast<std::size_t>(i)];
  const bool selected = s.selected == i;
  ImGui::PushID(i);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, selected ? ImVec4(0.06f, 0.46f, 0.43f, 0.08f) : ImGui::GetStyleColorVec4(ImGuiCol_ChildBg));
  ImGui::BeginChild("card", ImVec2(0, 0),
                    ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
  const ImVec2 top = ImGui::GetWindowPos();
  ImGui::GetWindowDrawList()->AddRectFilled(top, ImVec2(top.x + 4, top.y + ImGui::GetWindowHeight()),
                                            severity_colour(f.severity), 3, ImDrawFlags_RoundCornersLeft);
  // The title row selects the finding (and its span in the message).
  const ImVec2 row = ImGui::GetCursorPos();
  if (ImGui::Selectable("##pick", selected, ImGuiSelectableFlags_AllowOverlap,
                        ImVec2(0, ImGui::GetTextLineHeightWithSpacing()))) {
    s.selected = i;
    ev.select = i;
  }
  anchors["compose.card." + std::to_string(i)] = rect_of_last_item();
  ImGui::SetItemTooltip("%s", tr("ui.compose.show_in_message").c_str());
  ImGui::SetCursorPos(row);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(severity_colour(f.severity)));
  text_in(fonts.bold, tr(severity_key(f.severity)));
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted(tr("ui.compose.category." + f.category).c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine();
  std::string quoted = f.text.size() > 90 ? f.text.substr(0, 87) + "…" : f.text;
  if (const auto nl = quoted.find('\n'); nl != std::string::npos) quoted = quoted.substr(0, nl) + "…";
  ImGui::PushFont(fonts.bold ? fonts.bold : ImGui::GetFont());
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(("\xE2\x80\x9C" + shown(quoted) + "\xE2\x80\x9D").c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(f.why.c_str());
  const bool dark = ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x < 0.3f;
  ImGui::PushStyleColor(ImGuiCol_Text, dark ? ImVec4(0.45f, 0.85f, 0.78f, 1) : ImVec4(0.06f, 0.40f, 0.37f, 1));
  ImGui::TextUnformatted(tr("ui.compose.fix", {{"fix", f.fix}}).c_str());
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  if (!f.replacement.empty()) {
    const std::string label = tr("ui.compose.apply", {{"replacement", shown(f.replacement)}});
    if (ImGui::Button(label.c_str())) ev.apply = i;
    anchors["compose.apply." + std::to_string(i)] = rect_of_last_item();
    ImGui::SameLine();
  }
  if (ImGui::SmallButton(tr("ui.compose.ignore").c_str())) ev.ignore = i;
  anchors["compose.ignore." + std::to_string(i)] = rect_of_last_item();
  ImGui::SetItemTooltip("%s", tr("ui.compose.ignore.tip").c_str());
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("ui.compose.disable").c_str())) ev.disable = i;
  anchors["compose.disable." + std::to_string(i)] = rect_of_last_item();
  ImGui::SetItemTooltip("%s", tr("ui.compose.disable.tip", {{"rule", f.rule_id}}).c_str());
  ImGui::EndChild();
  ImGui::PopStyleColor();
  if (selected && s.scroll_to_selected) {
    ImGui::SetScrollHereY(0.2f);
    s.scroll_to_selected = false;
  }
  ImGui::PopID();
}

void findings_panel(ComposeState& s, const ComposeModel& m, const Tr& tr, const Fonts& fonts, ComposeEvents& ev,
                    std::map<std::string, ImVec4>& anchors) {
  if (!m.markets_ok) {
    ImGui::TextWrapped("%s", tr("ui.compose.no_markets").c_str());
    return;
  }
  if (m.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    ImGui::PushTextWrapPos(0);
    text_in(fonts.bold, tr("ui.compose.empty.title", {{"target", m.target_name}}));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(tr("ui.compose.empty.body").c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    return;
  }
  gauge(m, tr, fonts);
  ImGui::Spacing();
  if (m.report.truncated || !m.report.invalid_utf8.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.64f, 0.15f, 0.10f, 1));
    if (m.report.truncated) ImGui::TextWrapped("%s", tr("ui.compose.truncated").c_str());
    if (!m.report.invalid_utf8.empty()) ImGui::TextWrapped("%s", tr("ui.compose.invalid_utf8").c_str());
    ImGui::PopStyleColor();
  }
  const auto& fs = m.report.findings;
  if (fs.empty()) {
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    text_in(fonts.bold, tr("ui.compose.clean.title", {{"target", m.target_name}}));
    ImGui::TextUnformatted(tr("ui.compose.clean.body").c_str());
    ImGui::PopTextWrapPos();
  }
  for (RuleSeverity sev : {RuleSeverity::kProblem, RuleSeverity::kWarning, RuleSeverity::kSuggestion}) {
    const auto n = std::count_if(fs.begin(), fs.end(), [&](const Finding& f) { return f.severity == sev; });
    if (n == 0) continue;
    ImGui::Spacing();
    const char* group = sev == RuleSeverity::kProblem ? "ui.compose.group.problems"
                        : sev == RuleSeverity::kWarning ? "ui.compose.group.warnings"
                                                        : "ui.compose.group.suggestions";
    text_in(fonts.bold, tr(group, {{"count", static_cast<std::int64_t>(n)}}));
    for (std::size_t i = 0; i < fs.size(); ++i) {
      if (fs[i].severity == sev) finding_card(s, m, static_cast<int>(i), tr, fonts, ev, anchors);
    }
  }
  if (m.ignored_here > 0) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr("ui.compose.ignored", {{"count", static_cast<std::int64_t>(m.ignored_here)}}).c_str());
    ImGui::PopStyleColor();
  }
}

// Under the editor: words, the language checked, how it was chosen.
void editor_status(const ComposeState& s, const ComposeModel& m, const Tr& tr) {
  std::int64_t words = 0;
  bool in = false;
  for (char c : s.text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in) ++words;
    in = !space;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  const std::string lang = m.report.language.empty() ? "" : tr("ui.compose.language." + m.report.language);
  ImGui::TextUnformatted(tr(m.report.language_detected ? "ui.compose.status.detected" : "ui.compose.status.chosen",
                            {{"words", words}, {"language", lang}})
                             .c_str());
  ImGui::PopStyleColor();
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// [SECTION] The view
// ---------------------------------------------------------------------------------------------------------
ComposeEvents draw_compose_view(ComposeState& state, const ComposeModel& model, const std::vector<ExampleDraft>& examples,
                                const Tr& tr, const Fonts& fonts, std::map<std::string, ImVec4>& anchors) {
  ComposeEvents ev;
  options_row(state, model, examples, tr, ev, anchors);
  ImGui::Spacing();
  const float avail_w = ImGui::GetContentRegionAvail().x;
  const float avail_h = ImGui::GetContentRegionAvail().y;
  const float status_h = ImGui::GetTextLineHeightWithSpacing() + 4;
  const bool wide = avail_w >= 860;
  if (wide) {
    const float editor_w = std::floor(avail_w * 0.56f);
    ImGui::BeginGroup();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = std::max(120.0f, avail_h - status_h);
    ImGui::Dummy(ImVec2(editor_w, h));
    ev.editor = {p.x, p.y, editor_w, h};
    editor_status(state, model, tr);
    ImGui::EndGroup();
    ImGui::SameLine(0, 18);
    ImGui::BeginChild("findings", ImVec2(0, avail_h), ImGuiChildFlags_None);
    findings_panel(state, model, tr, fonts, ev, anchors);
    ImGui::EndChild();
  } else {
    // Phone or narrow window: the editor on top, the findings below it, scrolling on their own.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = std::max(140.0f, std::floor(avail_h * 0.42f));
    ImGui::Dummy(ImVec2(avail_w, h));
    ev.editor = {p.x, p.y, avail_w, h};
    editor_status(state, model, tr);
    ImGui::BeginChild("findings", ImVec2(0, 0), ImGuiChildFlags_None);
    findings_panel(state, model, tr, fonts, ev, anchors);
    ImGui::EndChild();
  }
  return ev;
}

}  // namespace rapport::ui
