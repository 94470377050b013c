#include "web/views/workshop_view.h"

#include <algorithm>
#include <cstdio>

#include "engine/text.h"

namespace rapport::ui {

// [SECTION] State and model
// [SECTION] Markets side by side
// [SECTION] Exercises
// [SECTION] The view

// ---------------------------------------------------------------------------------------------------------
// [SECTION] State and model
// ---------------------------------------------------------------------------------------------------------
void to_json(nlohmann::json& j, const WorkshopState& s) {
  j = {{"markets", s.markets}, {"exercise", s.exercise}, {"rewrites", s.rewrites}, {"page", s.page}};
}

void from_json(const nlohmann::json& j, WorkshopState& s) {
  if (!j.is_object()) return;
  if (auto it = j.find("markets"); it != j.end() && it->is_array()) {
    s.markets.clear();
    for (const auto& m : *it) {
      if (m.is_string() && s.markets.size() < 6) s.markets.push_back(m.get<std::string>());
    }
  }
  if (auto it = j.find("exercise"); it != j.end() && it->is_string()) s.exercise = it->get<std::string>();
  if (auto it = j.find("rewrites"); it != j.end() && it->is_object()) {
    for (const auto& [k, v] : it->items()) {
      if (v.is_string()) s.rewrites[k] = v.get<std::string>();
    }
  }
  if (auto it = j.find("page"); it != j.end() && it->is_number_integer()) s.page = it->get<int>() == 1 ? 1 : 0;
}

WorkshopModel make_workshop_model(const DataSet& data, const WorkshopState& s, ParagraphCache& cache) {
  WorkshopModel m;
  m.data = &data;
  const ExerciseDeck* deck = data.exercises("en");
  if (!deck || deck->exercises.empty()) return m;
  m.exercise = deck->find(s.exercise);
  if (!m.exercise) m.exercise = &deck->exercises.front();
  const auto it = s.rewrites.find(m.exercise->id);
  m.text = it != s.rewrites.end() ? it->second : m.exercise->draft;
  m.status = exercise_status(data, *m.exercise, m.text, &cache);
  return m;
}

namespace {

// Six colours that stay apart for most colour-blind readers (Okabe-Ito), darkened for white backgrounds.
ImU32 market_colour(std::size_t i) {
  static const ImU32 k[] = {IM_COL32(0, 114, 178, 255),  IM_COL32(213, 94, 0, 255),  IM_COL32(0, 158, 115, 255),
                            IM_COL32(204, 121, 167, 255), IM_COL32(86, 180, 233, 255), IM_COL32(150, 120, 0, 255)};
  return k[i % 6];
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Markets side by side: one track per dimension, every market's range on it
// ---------------------------------------------------------------------------------------------------------
void markets_page(WorkshopState& s, const DataSet& data, const Tr& tr, const Fonts& fonts, WorkshopEvents& ev,
                  std::map<std::string, ImVec4>& anchors) {
  // The chips: each market with its colour and a remove button; "add" while fewer than six.
  std::vector<const Profile*> ps;
  for (const auto& code : s.markets) {
    if (const Profile* p = data.profile(code)) ps.push_back(p);
  }
  for (std::size_t i = 0; i < ps.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + 10, p.y + h), market_colour(i), 3);
    ImGui::Dummy(ImVec2(12, h));
    ImGui::SameLine(0, 4);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted((ps[i]->name_en + " (" + ps[i]->code + ")").c_str());
    if (ps.size() > 2) {
      ImGui::SameLine(0, 4);
      if (ImGui::SmallButton("\xC3\x97")) {  // ×
        s.markets.erase(s.markets.begin() + static_cast<long>(i));
        ev.changed = true;
        ImGui::PopID();
        return;
      }
      ImGui::SetItemTooltip("%s", tr("ui.workshop.remove").c_str());
    }
    ImGui::SameLine(0, 18);
    ImGui::PopID();
  }
  if (ps.size() < 6) {
    ImGui::SetNextItemWidth(190);
    if (ImGui::BeginCombo("##add", tr("ui.workshop.add").c_str(), ImGuiComboFlags_HeightLarge)) {
      for (const auto& [code, p] : data.profiles()) {
        if (std::find(s.markets.begin(), s.markets.end(), code) != s.markets.end()) continue;
        if (ImGui::Selectable((p.name_en + " (" + code + ")").c_str())) {
          s.markets.push_back(code);
          ev.changed = true;
        }
      }
      ImGui::EndCombo();
    }
    anchors["workshop.add"] = rect_of_last_item();
  }
  ImGui::NewLine();
  ImGui::Spacing();
  // The chart.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float width = ImGui::GetContentRegionAvail().x;
  const bool stacked = width < 620;
  const float label_w = stacked ? width : 230.0f;
  const float track_w = stacked ? width : width - label_w - 12;
  const float bar_h = std::max(6.0f, ImGui::GetTextLineHeight() * 0.42f);
  const float gap = 3;
  for (Dim d : kAllDims) {
    const std::string key(dim_key(d));
    const ImVec2 row = ImGui::GetCursorScreenPos();
    text_in(fonts.bold, tr("ui.dim." + key + ".name"));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (!stacked) {
      text_in(fonts.small, tr("ui.dim." + key + ".low") + " \xE2\x80\x93 " + tr("ui.dim." + key + ".high"));
    }
    ImGui::PopStyleColor();
    const ImVec2 origin = stacked ? ImGui::GetCursorScreenPos() : ImVec2(row.x + label_w + 12, row.y + 2);
    const float x0 = origin.x + 4, x1 = origin.x + track_w - 4;
    auto x_of = [&](double v) { return x0 + static_cast<float>((v - 1.0) / 9.0) * (x1 - x0); };
    const float total = static_cast<float>(ps.size()) * (bar_h + gap);
    for (int t = 1; t <= 10; ++t) {
      dl->AddLine(ImVec2(x_of(t), origin.y), ImVec2(x_of(t), origin.y + total), ImGui::GetColorU32(ImGuiCol_Border));
    }
    for (std::size_t i = 0; i < ps.size(); ++i) {
      const Rating& r = ps[i]->dim(d);
      const float y = origin.y + static_cast<float>(i) * (bar_h + gap);
      dl->AddRectFilled(ImVec2(x_of(r.low) - 3, y), ImVec2(x_of(r.high) + 3, y + bar_h), market_colour(i), bar_h / 2);
    }
    const float used = stacked ? total : std::max(total, ImGui::GetCursorScreenPos().y - row.y);
    ImGui::SetCursorScreenPos(ImVec2(row.x, (stacked ? origin.y : row.y) + used + 10));
    ImGui::Dummy(ImVec2(width, 1));
    ImGui::Separator();
  }
  // Forms of address, side by side: what a trainer is asked first.
  ImGui::Spacing();
  text_in(fonts.bold, tr("ui.workshop.address"));
  if (ImGui::BeginTable("address", static_cast<int>(ps.size()), ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) {
    for (std::size_t i = 0; i < ps.size(); ++i) {
      ImGui::TableNextColumn();
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(market_colour(i)));
      text_in(fonts.bold, ps[i]->name_en);
      ImGui::PopStyleColor();
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(shown(ps[i]->communication.address_example).c_str());
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextUnformatted(ps[i]->communication.address_note.c_str());
      ImGui::PopStyleColor();
      ImGui::PopTextWrapPos();
    }
    ImGui::EndTable();
  }
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Exercises
// ---------------------------------------------------------------------------------------------------------
void deck_list(WorkshopState& s, const WorkshopModel& m, const ExerciseDeck& deck, const Tr& tr, WorkshopEvents& ev,
               std::map<std::string, ImVec4>& anchors) {
  for (std::size_t i = 0; i < deck.exercises.size(); ++i) {
    const Exercise& e = deck.exercises[i];
    ImGui::PushID(static_cast<int>(i));
    const bool open = m.exercise == &e;
    if (ImGui::Selectable("##ex", open, 0, ImVec2(0, ImGui::GetTextLineHeight() * 2 + 6))) {
      if (!open) {
        s.exercise = e.id;
        s.show_model = false;
        ev.open_exercise = true;
        ev.changed = true;
      }
    }
    anchors["workshop.exercise." + e.id] = rect_of_last_item();
    const ImVec2 r = ImGui::GetItemRectMin();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(ImVec2(r.x + 6, r.y + 2), ImGui::GetColorU32(ImGuiCol_Text), e.title.c_str());
    const std::string sub = e.from + " \xE2\x86\x92 " + e.to + " \xC2\xB7 " + tr("ui.workshop.level." + e.level);
    dl->AddText(ImVec2(r.x + 6, r.y + 4 + ImGui::GetTextLineHeight()), ImGui::GetColorU32(ImGuiCol_TextDisabled), sub.c_str());
    ImGui::PopID();
  }
}

void exercise_panel(WorkshopState& s, const WorkshopModel& m, const DataSet& data, const Tr& tr, const Fonts& fonts,
                    WorkshopEvents& ev, std::map<std::string, ImVec4>& anchors) {
  const Exercise& e = *m.exercise;
  const Profile* from = data.profile(e.from);
  const Profile* to = data.profile(e.to);
  text_in(fonts.heading, e.title);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted(tr("ui.workshop.pair", {{"from", from ? from->name_en : e.from}, {"to", to ? to->name_en : e.to},
                                                  {"channel", tr("ui.compose.channel." + e.channel)},
                                                  {"stage", tr("ui.compose.stage." + e.stage)}})
                             .c_str());
  ImGui::PopStyleColor();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(e.scenario.c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  // The rewrite: a real text box (the platform's), starting from the draft.
  text_in(fonts.bold, tr("ui.workshop.rewrite"));
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("ui.workshop.reset").c_str())) ev.reset_rewrite = true;
  anchors["workshop.reset"] = rect_of_last_item();
  const float avail_h = ImGui::GetContentRegionAvail().y;
  const float editor_h = std::clamp(avail_h * 0.45f, 150.0f, 340.0f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x;
  ImGui::Dummy(ImVec2(w, editor_h));
  ev.editor = {p.x, p.y, w, editor_h};
  ImGui::Spacing();
  // The problems: which remain, with hints on demand.
  const std::size_t remaining = m.status.remaining();
  text_in(fonts.bold, remaining == 0 ? tr("ui.workshop.all_solved")
                                     : tr("ui.workshop.remaining", {{"count", static_cast<std::int64_t>(remaining)},
                                                                    {"total", static_cast<std::int64_t>(e.problems.size())}}));
  anchors["workshop.status"] = rect_of_last_item();
  auto& shown_hints = s.hints[e.id];
  shown_hints.resize(e.problems.size(), false);
  ImGui::BeginChild("problems", ImVec2(0, 0), ImGuiChildFlags_None);
  for (std::size_t i = 0; i < e.problems.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    const ExerciseProblem& pr = e.problems[i];
    const bool remains = i < m.status.problems.size() && m.status.problems[i].remains;
    ImGui::PushStyleColor(ImGuiCol_Text, remains ? ImVec4(0.78f, 0.15f, 0.15f, 1) : ImVec4(0.06f, 0.46f, 0.43f, 1));
    text_in(fonts.bold, remains ? "\xE2\x9C\x97" : "\xE2\x9C\x93");  // ✗ ✓
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextUnformatted(tr("ui.compose.category." + pr.category).c_str());
    ImGui::SameLine();
    if (!remains) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextUnformatted(tr("ui.workshop.solved").c_str());
      ImGui::PopStyleColor();
    } else if (shown_hints[i]) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(pr.hint.c_str());
      ImGui::PopTextWrapPos();
    } else {
      if (ImGui::SmallButton(tr("ui.workshop.hint").c_str())) shown_hints[i] = true;
      anchors["workshop.hint." + std::to_string(i)] = rect_of_last_item();
    }
    ImGui::PopID();
  }
  if (!m.status.new_findings.empty()) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.42f, 0.02f, 1));
    ImGui::TextWrapped("%s", tr("ui.workshop.new", {{"count", static_cast<std::int64_t>(m.status.new_findings.size())}}).c_str());
    ImGui::PopStyleColor();
    for (std::size_t k : m.status.new_findings) {
      const Finding& f = m.status.report.findings[k];
      ImGui::BulletText("%s", ("\xE2\x80\x9C" + shown(f.text) + "\xE2\x80\x9D  " + f.why).c_str());
    }
  }
  ImGui::Spacing();
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  if (ImGui::Checkbox(tr("ui.workshop.model").c_str(), &s.show_model)) ev.changed = true;
  ImGui::PopStyleVar();
  anchors["workshop.model"] = rect_of_last_item();
  if (s.show_model) {
    ImGui::PushTextWrapPos(0);
    ImGui::BeginChild("model", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::TextUnformatted(shown(e.model).c_str());
    ImGui::EndChild();
    text_in(fonts.bold, tr("ui.workshop.discussion"));
    ImGui::TextUnformatted(e.discussion.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::EndChild();
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// [SECTION] The view
// ---------------------------------------------------------------------------------------------------------
WorkshopEvents draw_workshop_view(WorkshopState& s, const WorkshopModel& m, const DataSet& data, const Tr& tr,
                                  const Fonts& fonts, std::map<std::string, ImVec4>& anchors) {
  WorkshopEvents ev;
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);  // check boxes and radio buttons stand out on white
  if (ImGui::Checkbox(tr("ui.workshop.present").c_str(), &s.presenting)) ev.presenting_changed = true;
  anchors["workshop.present"] = rect_of_last_item();
  ImGui::SetItemTooltip("%s", tr("ui.workshop.present.tip").c_str());
  ImGui::SameLine(0, 30);
  if (ImGui::RadioButton(tr("ui.workshop.page.markets").c_str(), s.page == 0)) {
    s.page = 0;
    ev.changed = true;
  }
  anchors["workshop.page.markets"] = rect_of_last_item();
  ImGui::SameLine();
  if (ImGui::RadioButton(tr("ui.workshop.page.exercises").c_str(), s.page == 1)) {
    s.page = 1;
    ev.changed = true;
  }
  anchors["workshop.page.exercises"] = rect_of_last_item();
  ImGui::PopStyleVar();
  ImGui::Separator();
  ImGui::Spacing();
  if (s.page == 0) {
    ImGui::BeginChild("markets", ImVec2(0, 0), ImGuiChildFlags_None);
    markets_page(s, data, tr, fonts, ev, anchors);
    ImGui::EndChild();
    return ev;
  }
  const ExerciseDeck* deck = data.exercises("en");
  if (!deck || !m.exercise) {
    ImGui::TextWrapped("%s", tr("ui.workshop.no_deck").c_str());
    return ev;
  }
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool wide = avail >= 760;
  if (wide) {
    ImGui::BeginChild("deck", ImVec2(std::min(320.0f, avail * 0.3f), 0), ImGuiChildFlags_Border);
    deck_list(s, m, *deck, tr, ev, anchors);
    ImGui::EndChild();
    ImGui::SameLine(0, 16);
    ImGui::BeginChild("exercise", ImVec2(0, 0), ImGuiChildFlags_None);
    exercise_panel(s, m, data, tr, fonts, ev, anchors);
    ImGui::EndChild();
  } else {
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##deck", m.exercise->title.c_str(), ImGuiComboFlags_HeightLarge)) {
      deck_list(s, m, *deck, tr, ev, anchors);
      ImGui::EndCombo();
    }
    exercise_panel(s, m, data, tr, fonts, ev, anchors);
  }
  return ev;
}

}  // namespace rapport::ui
