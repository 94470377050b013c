// The App's "Your data" tab: loading, removing, exporting and clearing the user's own files, and what every
// other view must do when the data under it changes. (The rest of the App is in app.cpp.)
#include "web/app.h"

namespace rapport::ui {

// The models of the other views hold pointers into the data they were built from. They compare the DataSet's
// address to see whether to rebuild, which an allocator can reuse for the next one: so they are told.
void App::on_data_changed() {
  cultures_data_ = nullptr;
  meeting_data_ = nullptr;
  compose_model_.data = nullptr;
  compose_cache_.clear();
  workshop_model_.data = nullptr;
  workshop_cache_.clear();
  const auto data = engine_.data();
  // A market that went away with its file: back to the first visit's pair where needed.
  if (!data->profile(from_) || !data->profile(to_)) {
    set_markets(data->profile(from_) ? from_ : "IL", data->profile(to_) ? to_ : "JP");
  }
  platform_.request_frame();
}

const UserLoad& App::load_user_files(const std::vector<Upload>& files) {
  static const UserLoad kNone;
  if (!user_) return kNone;
  const auto before = engine_.data();
  const UserLoad& result = user_->add(files);
  data_state_.cleared = false;
  if (engine_.data() != before) on_data_changed();
  set_view("data");
  return result;
}

void App::set_dragging(bool dragging) {
  if (data_state_.dragging == dragging) return;
  data_state_.dragging = dragging;
  platform_.request_frame();
}

void App::refresh_data_model(const DataSet& data) {
  if (!user_ || (data_model_.data == &data && data_model_.generation == user_->generation())) return;
  data_model_ = make_data_model(*user_, data);
  platform_.request_frame();  // new content lays out in the next frame
}

void App::draw_data_tab(const DataSet& data, const Tr& tr, float footer_h) {
  if (!user_) return;
  const bool open = ImGui::BeginTabItem(tr("ui.tab.data").c_str(), nullptr, tab_flags("data"));
  data_state_.anchors["tab.data"] = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x,
                                     ImGui::GetItemRectSize().y};
  if (!open) return;
  refresh_data_model(data);
  if (!data_state_.export_chosen || !data.profile(data_state_.export_market)) {
    data_state_.export_market = to_;
    data_state_.export_chosen = false;
  }
  // Centred, no wider than reads well; it scrolls on its own (one level of auto-sized cards inside settles in
  // the two frames a change draws).
  const float max_w = 1120.0f;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float body_w = avail < max_w ? avail : max_w;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - body_w) * 0.5f);
  const bool phone = body_w < 600;  // the window's own margin is enough: less padding, more room for text
  if (phone) ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 12));
  ImGui::BeginChild("data", ImVec2(body_w, -footer_h), ImGuiChildFlags_AlwaysUseWindowPadding);
  if (phone) ImGui::PopStyleVar();
  const DataEvents ev = draw_data_view(data_model_, data_state_, tr, fonts_);
  ImGui::EndChild();
  ImGui::EndTabItem();

  if (ev.choose) platform_.choose_files();
  if (ev.copy_errors) platform_.copy_text(errors_text(data_model_));
  if (ev.export_profile) {
    const std::string code = data_state_.export_market;
    if (const auto text = user_->profile_source(code)) platform_.download(code + ".json", "application/json", *text);
  }
  if (ev.remove >= 0 && ev.remove < static_cast<int>(data_model_.files.size())) {
    const auto before = engine_.data();
    user_->remove(data_model_.files[static_cast<std::size_t>(ev.remove)].path);
    if (engine_.data() != before) on_data_changed();
  }
  if (ev.clear) {
    // Everything kept on this machine goes: the draft first (the editor saves what it is given), then storage,
    // then what is held in memory, as on a first visit.
    platform_.set_editor_text("compose", "");
    user_->clear();
    compose_ = ComposeState{};
    const bool presenting = workshop_.presenting;  // how the screen is shown is not data
    workshop_ = WorkshopState{};
    workshop_.presenting = presenting;
    workshop_editor_exercise_.clear();
    meeting_ready_ = false;
    from_ = "IL";
    to_ = "JP";
    data_state_.export_chosen = false;
    on_data_changed();
  }
  if (ev.choose || ev.copy_errors || ev.export_profile || ev.remove >= 0 || ev.clear) platform_.request_frame();
}

}  // namespace rapport::ui
