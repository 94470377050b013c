#include "web/views/status_view.h"

#include "engine/text.h"

namespace rapport::ui {

StatusModel make_status_model(EpochMs now, const std::string& time_zone, const std::string& ui_language) {
  StatusModel m;
  m.versions = version_info();
  m.time_zone = time_zone;
  m.gregorian = format_date(now, ui_language, "gregorian", DateStyle::kFull, time_zone).value_or("");
  m.hebrew = format_date(now, ui_language, "hebrew", DateStyle::kLong, time_zone).value_or("");
  m.hebrew_native = to_visual_order(format_date(now, "he-IL", "hebrew", DateStyle::kLong, time_zone).value_or(""));
  return m;
}

namespace {
void row(const char* label_key, const std::string& value, const Tr& tr, const Fonts& fonts) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  if (fonts.body) ImGui::PushFont(fonts.body);
  ImGui::TextWrapped("%s", tr(label_key).c_str());
  ImGui::PopStyleColor();
  ImGui::TableSetColumnIndex(1);
  ImGui::TextWrapped("%s", value.c_str());
  if (fonts.body) ImGui::PopFont();
}

// Labels take up to 220 px, less on a narrow (phone) screen, so values keep room.
float label_width() {
  const float avail = ImGui::GetContentRegionAvail().x;
  return avail * 0.42f < 220.0f ? avail * 0.42f : 220.0f;
}
}  // namespace

void draw_status_view(const StatusModel& m, const Tr& tr, const Fonts& fonts) {
  text_in(fonts.heading, tr("ui.status.today"));
  ImGui::Spacing();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("today", 2, flags)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, label_width());
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    row("ui.status.gregorian", m.gregorian, tr, fonts);
    row("ui.status.hebrew", m.hebrew, tr, fonts);
    row("ui.status.hebrew_native", m.hebrew_native, tr, fonts);
    row("ui.status.time_zone", m.time_zone, tr, fonts);
    ImGui::EndTable();
  }
  ImGui::Spacing();
  ImGui::Spacing();
  text_in(fonts.heading, tr("ui.status.title"));
  ImGui::Spacing();
  if (ImGui::BeginTable("build", 2, flags)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, label_width());
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    row("ui.status.engine", m.versions.rapport, tr, fonts);
    row("ui.status.icu", m.versions.icu, tr, fonts);
    row("ui.status.unicode", m.versions.unicode, tr, fonts);
    row("ui.status.tzdata", m.versions.tzdata, tr, fonts);
    ImGui::EndTable();
  }
  if (m.data_errors > 0) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.15f, 0.10f, 1.0f));
    ImGui::TextWrapped("%s", tr("ui.status.data_error", {{"count", static_cast<std::int64_t>(m.data_errors)}}).c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace rapport::ui
