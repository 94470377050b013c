#include "web/views/cultures_view.h"

#include <cstdio>
#include <string>

#include <unicode/utf8.h>

#include "engine/text.h"

namespace rapport::ui {

ImU32 sender_colour() { return IM_COL32(15, 118, 110, 255); }  // teal
ImU32 target_colour() { return IM_COL32(180, 83, 9, 255); }    // amber

CulturesModel make_cultures_model(const DataSet& data, const std::string& from, const std::string& to) {
  CulturesModel m;
  m.sender = data.profile(from);
  m.target = data.profile(to);
  if (m.sender && m.target) m.comparison = compare(*m.sender, *m.target);
  return m;
}

namespace {
std::string range_text(double lo, double hi) {
  char buf[32];
  std::snprintf(buf, sizeof buf, lo == hi ? "%g" : "%g–%g", lo, hi);
  return buf;
}


void legend(const CulturesModel& m) {
  auto swatch = [](ImU32 colour) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.25f), ImVec2(p.x + 22, p.y + h * 0.75f), colour, 3);
    ImGui::Dummy(ImVec2(26, h));
    ImGui::SameLine();
  };
  swatch(sender_colour());
  ImGui::TextUnformatted((m.sender->name_en + " (" + m.sender->code + ")").c_str());
  ImGui::SameLine(0, 24);
  swatch(target_colour());
  ImGui::TextUnformatted((m.target->name_en + " (" + m.target->code + ")").c_str());
}

// One row per dimension: name, a 1-10 track with both ranges, and the scale's two ends.
void dimension_chart(const CulturesModel& m, const Tr& tr, const Fonts& fonts) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float width = ImGui::GetContentRegionAvail().x;
  const float label_w = width < 520 ? width : 190.0f;
  const bool stacked = width < 520;  // phones: label above the track
  const float track_w = stacked ? width : width - label_w - 12;
  const float bar_h = 9.0f;
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border);
  const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  for (const auto& g : m.comparison.dims) {
    const std::string key(dim_key(g.dim));
    ImGui::PushID(key.c_str());
    const ImVec2 row = ImGui::GetCursorScreenPos();
    text_in(fonts.bold, tr("ui.dim." + key + ".name"));
    ImVec2 origin = stacked ? ImGui::GetCursorScreenPos() : ImVec2(row.x + label_w + 12, row.y);
    const float x0 = origin.x + 6, x1 = origin.x + track_w - 6;
    auto x_of = [&](double v) { return x0 + static_cast<float>((v - 1.0) / 9.0) * (x1 - x0); };
    const float y = origin.y + 4;
    for (int t = 1; t <= 10; ++t) dl->AddLine(ImVec2(x_of(t), y), ImVec2(x_of(t), y + 2 * bar_h + 6), grid);
    dl->AddRectFilled(ImVec2(x_of(g.sender_low) - 3, y + 1), ImVec2(x_of(g.sender_high) + 3, y + 1 + bar_h),
                      sender_colour(), 4);
    dl->AddRectFilled(ImVec2(x_of(g.target_low) - 3, y + bar_h + 5), ImVec2(x_of(g.target_high) + 3, y + 2 * bar_h + 5),
                      target_colour(), 4);
    // The scale's ends, small, under the track.
    if (fonts.small) ImGui::PushFont(fonts.small);
    const std::string lo = tr("ui.dim." + key + ".low"), hi = tr("ui.dim." + key + ".high");
    const float ty = y + 2 * bar_h + 9;
    dl->AddText(ImVec2(x0, ty), faint, lo.c_str());
    dl->AddText(ImVec2(x1 - ImGui::CalcTextSize(hi.c_str()).x, ty), faint, hi.c_str());
    const float small_h = ImGui::GetTextLineHeight();
    if (fonts.small) ImGui::PopFont();
    const float bottom = ty + small_h + 10;
    ImGui::SetCursorScreenPos(ImVec2(row.x, stacked ? bottom : std::max(bottom, row.y + ImGui::GetTextLineHeight())));
    // Hovering the row explains both ratings.
    const ImVec2 row_end(row.x + width, bottom);
    if (ImGui::IsMouseHoveringRect(row, row_end) && ImGui::BeginTooltip()) {
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
      ImGui::TextWrapped("%s %s: %s", m.sender->code.c_str(), range_text(g.sender_low, g.sender_high).c_str(),
                         m.sender->dim(g.dim).rationale.c_str());
      ImGui::Spacing();
      ImGui::TextWrapped("%s %s: %s", m.target->code.c_str(), range_text(g.target_low, g.target_high).c_str(),
                         m.target->dim(g.dim).rationale.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    ImGui::Dummy(ImVec2(width, 2));
    ImGui::PopID();
  }
}
}  // namespace

void draw_cultures_view(const CulturesModel& m, const Tr& tr, const Fonts& fonts) {
  if (!m.sender || !m.target) {
    ImGui::TextWrapped("%s", tr("ui.cultures.pick").c_str());
    return;
  }
  text_in(fonts.heading, tr("ui.cultures.heading", {{"sender", m.sender->name_en}, {"target", m.target->name_en}}));
  ImGui::Spacing();
  legend(m);
  ImGui::Spacing();
  dimension_chart(m, tr, fonts);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", tr("ui.cultures.disclaimer").c_str());
  ImGui::PopStyleColor();

  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  text_in(fonts.heading, tr("ui.cultures.frictions"));
  if (m.comparison.frictions.empty()) ImGui::TextWrapped("%s", tr("ui.cultures.none").c_str());
  int rank = 0;
  for (const auto& f : m.comparison.frictions) {
    const std::string key(dim_key(f.dim));
    const auto& g = m.comparison.dims[static_cast<std::size_t>(f.dim)];
    ImGui::Spacing();
    text_in(fonts.bold, std::to_string(++rank) + ". " + tr("ui.dim." + key + ".name") + "   " + m.sender->code + " " +
                            range_text(g.sender_low, g.sender_high) + " · " + m.target->code + " " +
                            range_text(g.target_low, g.target_high));
    ImGui::Indent(18);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr("ui.cultures.expect", {{"text", m.target->dim(f.dim).rationale}}).c_str());
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", tr("ui.cultures.advice", {{"text", tr(f.advice_key, {{"target", m.target->name_en}})}}).c_str());
    ImGui::Unindent(18);
  }

  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  text_in(fonts.heading, tr("ui.cultures.practical", {{"target", m.target->name_en}}));
  const auto& c = m.target->communication;
  const auto& mt = m.target->meetings;
  ImGui::TextWrapped("%s", tr("ui.cultures.decisions", {{"low", static_cast<std::int64_t>(m.target->decisions.lead_time_days_low)},
                                                        {"high", static_cast<std::int64_t>(m.target->decisions.lead_time_days_high)},
                                                        {"who", m.target->decisions.who_decides}}).c_str());
  ImGui::TextWrapped("%s", tr("ui.cultures.meetings", {{"tolerance", std::int64_t{mt.punctuality_tolerance_minutes}},
                                                       {"agenda", mt.agenda}}).c_str());
  ImGui::TextWrapped("%s", tr("ui.cultures.small_talk", {{"text", c.small_talk_note}}).c_str());
  if (renderable(c.address_example)) {
    ImGui::TextWrapped("%s", tr("ui.cultures.address", {{"example", to_visual_order(c.address_example)}}).c_str());
  }
  ImGui::TextWrapped("%s", tr("ui.cultures.gifts", {{"text", c.gifts}}).c_str());
}

}  // namespace rapport::ui
