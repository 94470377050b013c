#include "web/app.h"

#include <cmath>

namespace rapport::ui {

App::App(Engine& engine, Platform& platform, int startup_data_errors)
    : engine_(engine), platform_(platform), startup_data_errors_(startup_data_errors) {}

void App::refresh_status() {
  const EpochMs now = now_ms();
  const auto minute = static_cast<long long>(std::floor(now / 60000.0));
  if (minute == status_minute_) return;
  status_ = make_status_model(now, platform_.local_time_zone(), language_);
  status_.data_errors = startup_data_errors_;
  status_minute_ = minute;
}

void App::frame() {
  refresh_status();
  const auto data = engine_.data();
  const Tr tr(*data, language_);

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##rapport", nullptr, flags);

  // Top bar: name and what it is.
  text_in(fonts_.heading, tr("ui.app.title"));
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::AlignTextToFramePadding();
  text_in(fonts_.body, tr("ui.app.tagline"));
  ImGui::PopStyleColor();
  ImGui::Separator();
  ImGui::Spacing();

  // Main card, centred and no wider than reads well.
  const float footer_h = ImGui::GetTextLineHeightWithSpacing() * 2.0f;
  const float max_w = 760.0f;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float card_w = avail < max_w ? avail : max_w;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - card_w) * 0.5f);
  ImGui::BeginChild("card", ImVec2(card_w, 0),
                    ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_AutoResizeY);
  draw_status_view(status_, tr, fonts_);
  ImGui::EndChild();

  // Footer, at the bottom of the window: the privacy promise.
  const float footer_y = ImGui::GetWindowHeight() - footer_h;
  if (ImGui::GetCursorPosY() < footer_y) ImGui::SetCursorPosY(footer_y);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text_in(fonts_.small, tr("ui.privacy.offline"));
  ImGui::PopStyleColor();
  ImGui::End();
}

}  // namespace rapport::ui
