#include "web/app.h"

#include <cctype>
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

void App::set_markets(const std::string& from, const std::string& to) {
  from_ = from;
  to_ = to;
  cultures_data_ = nullptr;  // rebuilt on the next frame
}

namespace {
// A market picker with type-to-search. Returns true when the selection changed.
bool market_picker(const char* id, const std::string& label, std::string& code, const DataSet& data, const Tr& tr,
                   float width) {
  static char filter[64] = "";
  const Profile* current = data.profile(code);
  // On a narrow screen the code alone, so the name is not cut in the middle.
  const std::string full = current ? current->name_en + " (" + current->code + ")" : code;
  const std::string preview =
      ImGui::CalcTextSize(full.c_str()).x + ImGui::GetFrameHeight() + 16 > width ? code : full;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label.c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  if (ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLarge)) {
    if (ImGui::IsWindowAppearing()) {
      filter[0] = 0;
      ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", tr("ui.top.search").c_str(), filter, sizeof filter);
    std::string needle(filter);
    for (auto& ch : needle) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (const auto& [c, p] : data.profiles()) {
      std::string hay = p.name_en + " " + c;
      for (auto& ch : hay) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (!needle.empty() && hay.find(needle) == std::string::npos) continue;
      const std::string item = p.name_en + " (" + c + ")";
      if (ImGui::Selectable(item.c_str(), c == code)) {
        code = c;
        changed = true;
      }
      if (c == code && ImGui::IsWindowAppearing()) ImGui::SetScrollHereY();
    }
    ImGui::EndCombo();
  }
  return changed;
}
}  // namespace

void App::draw_top_bar(const Tr& tr) {
  const auto data = engine_.data();
  text_in(fonts_.heading, tr("ui.app.title"));
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool narrow = avail < 820;
  if (!narrow) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::AlignTextToFramePadding();
    text_in(fonts_.body, tr("ui.app.tagline"));
    ImGui::PopStyleColor();
    ImGui::SameLine(ImGui::GetWindowWidth() - 2 * 270 - 40);
  }
  const float picker_w = narrow ? (avail - 120) / 2 : 200.0f;
  std::string from = from_, to = to_;
  bool changed = market_picker("##from", tr("ui.top.from"), from, *data, tr, picker_w);
  ImGui::SameLine();
  changed = market_picker("##to", tr("ui.top.to"), to, *data, tr, picker_w) || changed;
  if (changed) {
    set_markets(from, to);
    platform_.request_frame();
  }
}

void App::frame() {
  refresh_status();
  const auto data = engine_.data();
  const Tr tr(*data, language_);
  if (cultures_data_ != data.get()) {
    cultures_ = make_cultures_model(*data, from_, to_);
    cultures_data_ = data.get();
  }

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##rapport", nullptr, flags);
  draw_top_bar(tr);
  ImGui::Spacing();

  const float footer_h = ImGui::GetTextLineHeightWithSpacing() * 1.6f;
  if (ImGui::BeginTabBar("views")) {
    if (ImGui::BeginTabItem(tr("ui.tab.cultures").c_str())) {
      ImGui::BeginChild("cultures", ImVec2(0, -footer_h), ImGuiChildFlags_None);
      // Centred, no wider than reads well.
      const float max_w = 980.0f;
      const float avail = ImGui::GetContentRegionAvail().x;
      const float body_w = avail < max_w ? avail : max_w;
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - body_w) * 0.5f);
      ImGui::BeginChild("cultures-body", ImVec2(body_w, 0),
                        ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
      draw_cultures_view(cultures_, tr, fonts_);
      ImGui::EndChild();
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr("ui.tab.about").c_str())) {
      ImGui::BeginChild("about", ImVec2(0, -footer_h), ImGuiChildFlags_None);
      const float max_w = 760.0f;
      const float avail = ImGui::GetContentRegionAvail().x;
      const float card_w = avail < max_w ? avail : max_w;
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - card_w) * 0.5f);
      ImGui::BeginChild("card", ImVec2(card_w, 0),
                        ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_AutoResizeY);
      draw_status_view(status_, tr, fonts_);
      ImGui::EndChild();
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }

  // Footer, at the bottom of the window: the privacy promise.
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - footer_h);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text_in(fonts_.small, tr("ui.privacy.offline"));
  ImGui::PopStyleColor();
  ImGui::End();
}

}  // namespace rapport::ui
