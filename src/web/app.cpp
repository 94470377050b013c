#include "web/app.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "engine/ics.h"
#include "engine/report.h"

namespace rapport::ui {

namespace {
// The editor's marks for a list of findings (each mark knows its finding by index).
std::vector<EditorMark> marks_of(const std::vector<Finding>& fs) {
  std::vector<EditorMark> marks;
  for (std::size_t i = 0; i < fs.size(); ++i) {
    marks.push_back({fs[i].begin_utf16, fs[i].end_utf16, static_cast<int>(fs[i].severity), static_cast<int>(i)});
  }
  return marks;
}
}  // namespace

App::App(Engine& engine, Platform& platform, int startup_data_errors)
    : engine_(engine), platform_(platform), startup_data_errors_(startup_data_errors) {
  // Settings kept on this machine from the last visit: markets and the Compose options (the draft itself
  // is kept by the editor).
  const auto markets = nlohmann::json::parse(platform_.load_setting("markets"), nullptr, false);
  if (markets.is_object()) {
    const std::string from = markets.value("from", ""), to = markets.value("to", "");
    if (engine_.data()->profile(from) && engine_.data()->profile(to)) {
      from_ = from;
      to_ = to;
    }
  }
  const auto compose = nlohmann::json::parse(platform_.load_setting("compose"), nullptr, false);
  if (!compose.is_discarded()) from_json(compose, compose_);
  const auto workshop = nlohmann::json::parse(platform_.load_setting("workshop"), nullptr, false);
  if (!workshop.is_discarded()) from_json(workshop, workshop_);
  workshop_.presenting = false;  // presentation mode is for now, not for the next visit
  const std::string theme = platform_.load_setting("theme");
  theme_ = theme == "dark" ? Theme::kDark : theme == "contrast" ? Theme::kContrast : Theme::kLight;
  if (ImGui::GetCurrentContext()) apply_theme(theme_, ImGui::GetStyle());
  platform_.set_page_theme(theme.empty() ? "light" : theme);
}

void App::save_settings() {
  platform_.save_setting("markets", nlohmann::json{{"from", from_}, {"to", to_}}.dump());
  platform_.save_setting("compose", nlohmann::json(compose_).dump());
  platform_.save_setting("workshop", nlohmann::json(workshop_).dump());
  platform_.save_setting("theme", theme_ == Theme::kDark ? "dark" : theme_ == Theme::kContrast ? "contrast" : "light");
}

void App::on_workshop_input(const std::string& text) {
  if (!workshop_model_.exercise || workshop_editor_exercise_ != workshop_model_.exercise->id) return;
  auto& rewrite = workshop_.rewrites[workshop_model_.exercise->id];
  if (rewrite == text) return;
  rewrite = text;
  save_settings();
  platform_.request_frame();
}

// The Workshop tab: markets side by side, or an exercise with the participants' rewrite in a text box.
void App::draw_workshop(const DataSet& data, const Tr& tr) {
  if (workshop_.markets.size() < 2) workshop_.markets = {from_, to_};
  const std::string id = workshop_.exercise;
  const auto it = workshop_.rewrites.find(id);
  const std::string text = it != workshop_.rewrites.end() ? it->second : "";
  if (workshop_model_.data != &data || !workshop_model_.exercise || workshop_model_.exercise->id != id ||
      workshop_model_.text != (it != workshop_.rewrites.end() ? text : workshop_model_.exercise->draft)) {
    if (workshop_model_.data != &data) workshop_cache_.clear();
    workshop_model_ = make_workshop_model(data, workshop_, workshop_cache_);
    if (workshop_model_.exercise && workshop_.exercise != workshop_model_.exercise->id) {
      workshop_.exercise = workshop_model_.exercise->id;
    }
  }
  workshop_anchors_.clear();
  const WorkshopEvents ev = draw_workshop_view(workshop_, workshop_model_, data, tr, fonts_, workshop_anchors_);
  workshop_open_ = true;
  if (ev.presenting_changed) {
    platform_.set_text_scale(workshop_.presenting ? 1.4f : 1.0f);
    platform_.set_fullscreen(workshop_.presenting);
    apply_theme(workshop_.presenting ? Theme::kContrast : theme_, ImGui::GetStyle());
  }
  if (ev.reset_rewrite && workshop_model_.exercise) {
    workshop_.rewrites.erase(workshop_model_.exercise->id);
    workshop_editor_exercise_.clear();
  }
  // The text box shows the open exercise's rewrite; a new exercise (or a reset) gives it that text.
  if (ev.editor.z > 0 && workshop_model_.exercise && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
    if (workshop_editor_exercise_ != workshop_model_.exercise->id || ev.reset_rewrite) {
      const std::string& ex = workshop_model_.exercise->id;
      workshop_editor_exercise_ = ex;
      const auto r = workshop_.rewrites.find(ex);
      platform_.set_editor_text("workshop", r != workshop_.rewrites.end() ? r->second : workshop_model_.exercise->draft);
    }
    platform_.show_editor("workshop", ev.editor.x, ev.editor.y, ev.editor.z, ev.editor.w, ImGui::GetFontSize(), "",
                          tr("ui.workshop.rewrite"));
    platform_.set_editor_marks("workshop", marks_of(workshop_model_.status.report.findings), -1);
  } else {
    platform_.hide_editor("workshop");
  }
  if (ev.changed || ev.open_exercise || ev.reset_rewrite) save_settings();
  if (ev.changed || ev.open_exercise || ev.reset_rewrite || ev.presenting_changed) platform_.request_frame();
}

void App::on_editor_input(const std::string& editor, const std::string& text) {
  if (editor == "workshop") {
    on_workshop_input(text);
    return;
  }
  if (text == compose_.text) return;
  compose_.text = text;
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) compose_.ignored.clear();  // a new draft
  platform_.request_frame();
}

void App::on_editor_caret(const std::string& editor, std::size_t offset) {
  if (editor != "compose") return;
  const int at = finding_at(compose_model_, offset);
  if (at < 0 || at == compose_.selected) return;
  compose_.selected = at;
  compose_.scroll_to_selected = true;
  platform_.request_frame();
}

// The Compose tab: rebuild the check when the draft or its context changed, place the editor, act on events.
void App::draw_compose(const DataSet& data, const Tr& tr) {
  const std::string key = compose_key(compose_, from_, to_, language_);
  if (compose_model_.data != &data || compose_model_.text != compose_.text || compose_model_.key != key) {
    if (compose_model_.data != &data) {
      compose_cache_.clear();
      // Example drafts to try: the exercise deck's flawed drafts.
      examples_.clear();
      if (const ExerciseDeck* deck = data.exercises(language_)) {
        for (const Exercise& e : deck->exercises) examples_.push_back({e.title, e.from, e.to, e.channel, e.stage, e.draft});
      }
    }
    const std::size_t before = compose_model_.report.findings.size();
    const bool was_empty = compose_model_.text.empty();
    compose_model_ = make_compose_model(data, compose_, from_, to_, language_, compose_cache_);
    if (compose_.selected >= static_cast<int>(compose_model_.report.findings.size())) compose_.selected = -1;
    platform_.set_editor_marks("compose", marks_of(compose_model_.report.findings), compose_.selected);
    const auto& fs = compose_model_.report.findings;
    if (!compose_model_.text.empty() && (fs.size() != before || was_empty)) {
      auto count = [&](RuleSeverity s) {
        return static_cast<std::int64_t>(std::count_if(fs.begin(), fs.end(), [&](const Finding& f) { return f.severity == s; }));
      };
      platform_.announce(tr("ui.compose.announce", {{"target", compose_model_.target_name},
                                                    {"problems", count(RuleSeverity::kProblem)},
                                                    {"warnings", count(RuleSeverity::kWarning)},
                                                    {"suggestions", count(RuleSeverity::kSuggestion)},
                                                    {"score", std::int64_t{compose_model_.report.score}}}));
    }
  }
  compose_anchors_.clear();
  const bool scrolling = compose_.scroll_to_selected;  // ImGui scrolls in the next frame: draw it
  const ComposeEvents ev = draw_compose_view(compose_, compose_model_, examples_, tr, fonts_, compose_anchors_);
  compose_open_ = true;
  // The editor sits where the view left room, unless a popup (a market list, a menu) is open over it.
  const float font_px = ImGui::GetFontSize();
  if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
    platform_.hide_editor("compose");
  } else {
    platform_.show_editor("compose", ev.editor.x, ev.editor.y, ev.editor.z, ev.editor.w, font_px,
                          tr("ui.compose.placeholder", {{"target", compose_model_.target_name}}), tr("ui.compose.editor"));
  }
  const auto& fs = compose_model_.report.findings;
  auto valid = [&](int i) { return i >= 0 && i < static_cast<int>(fs.size()); };
  if (valid(ev.apply)) {
    const auto& f = fs[static_cast<std::size_t>(ev.apply)];
    platform_.replace_in_editor("compose", f.begin_utf16, f.end_utf16, f.replacement);  // the editor reports the new text
  }
  if (valid(ev.select)) {
    const auto& f = fs[static_cast<std::size_t>(ev.select)];
    platform_.set_editor_marks("compose", marks_of(fs), ev.select);
    platform_.select_in_editor("compose", f.begin_utf16, f.end_utf16);
  }
  if (valid(ev.ignore)) {
    const auto& f = fs[static_cast<std::size_t>(ev.ignore)];
    compose_.ignored.insert(f.rule_id + "\n" + f.text);
    compose_.selected = -1;
  }
  if (valid(ev.disable)) {
    compose_.disabled_rules.insert(fs[static_cast<std::size_t>(ev.disable)].rule_id);
    compose_.selected = -1;
    save_settings();
  }
  if (ev.restore_rules) {
    compose_.disabled_rules.clear();
    save_settings();
  }
  if (ev.options_changed) save_settings();
  if (ev.copy) platform_.copy_text(compose_.text);
  if (ev.example >= 0 && ev.example < static_cast<int>(examples_.size())) {
    const ExampleDraft& e = examples_[static_cast<std::size_t>(ev.example)];
    compose_.channel = e.channel;
    compose_.stage = e.stage;
    compose_.ignored.clear();
    set_markets(e.from, e.to);
    platform_.set_editor_text("compose", e.text);
  }
  if (ev.export_report && compose_model_.markets_ok) {
    CheckOptions o;
    o.channel = compose_.channel;
    o.stage = compose_.stage;
    const std::string html = html_report(data, language_, compose_model_.report, *data.profile(from_), *data.profile(to_),
                                         o, now_ms(), status_.time_zone);
    platform_.download("rapport-" + from_ + "-" + to_ + ".html", "text/html;charset=utf-8", html);
  }
  if (scrolling || ev.apply >= 0 || ev.select >= 0 || ev.ignore >= 0 || ev.disable >= 0 || ev.restore_rules ||
      ev.options_changed || ev.example >= 0) {
    platform_.request_frame();
  }
}

void App::refresh_status() {
  const EpochMs now = now_ms();
  const auto minute = static_cast<long long>(std::floor(now / 60000.0));
  if (minute == status_minute_) return;
  status_ = make_status_model(now, platform_.local_time_zone(), language_);
  status_.data_errors = startup_data_errors_;
  status_minute_ = minute;
  if (auto local = to_local(now, status_.time_zone)) today_ = local->date;
}

void App::set_view(const std::string& view) {
  pending_view_ = view;
  platform_.request_frame();
}

int App::tab_flags(const char* view) const { return pending_view_ == view ? ImGuiTabItemFlags_SetSelected : 0; }

void App::set_meeting_form(const MeetingForm& form) {
  meeting_form_ = form;
  meeting_ready_ = true;
  if (!form.organiser_market.empty() && form.organiser_market != from_) {
    from_ = form.organiser_market;  // the top bar shows the organiser; the form keeps the zone it was given
    cultures_data_ = nullptr;
  }
  platform_.request_frame();
}

// The model follows the form, the data and the date; it is rebuilt only when one of them changed.
void App::refresh_meeting(const DataSet& data) {
  if (!meeting_ready_) {
    meeting_form_ = default_meeting_form(data, from_, to_, platform_.local_time_zone(), today_);
    if (ImGui::GetIO().DisplaySize.x < 600) meeting_form_.timeline_days = 1;  // a phone: one day reads best
    // The form as the user left it last time, if it is for the same markets and not in the past.
    const auto stored = nlohmann::json::parse(platform_.load_setting("meeting"), nullptr, false);
    if (stored.is_object()) {
      MeetingForm last = meeting_form_;
      from_json(stored, last);
      const bool same_markets = last.organiser_market == from_ && !last.participants.empty() &&
                                last.participants.front().market == to_;
      if (same_markets && !(last.date < today_)) meeting_form_ = last;
    }
    meeting_ready_ = true;
  }
  if (meeting_data_ == &data && meeting_today_ == today_ && meeting_.form == meeting_form_) return;
  if (!(meeting_.form == meeting_form_)) platform_.save_setting("meeting", nlohmann::json(meeting_form_).dump());
  meeting_ = make_meeting_model(data, meeting_form_, today_, language_);
  meeting_data_ = &data;
  meeting_today_ = today_;
  platform_.request_frame();  // the new content lays out in the next frame
}

void App::set_markets(const std::string& from, const std::string& to) {
  if (meeting_ready_) {
    follow_markets(meeting_form_, *engine_.data(), from_, to_, from, to, platform_.local_time_zone());
  }
  from_ = from;
  to_ = to;
  cultures_data_ = nullptr;  // rebuilt on the next frame
  save_settings();
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
  }
  // The display menu (UI language, theme): at the end of the bar, or on the title line on a phone.
  auto display_menu = [&] {
    if (ImGui::Button(tr("ui.top.display").c_str())) ImGui::OpenPopup("display");
    if (ImGui::BeginPopup("display")) {
      ImGui::TextDisabled("%s", tr("ui.top.language").c_str());
      for (const auto& lang : data->languages()) {
        if (ImGui::MenuItem(data->text(lang, "ui.language.name").c_str(), nullptr, lang == language_)) language_ = lang;
      }
      ImGui::Separator();
      ImGui::TextDisabled("%s", tr("ui.top.theme").c_str());
      const std::pair<Theme, const char*> themes[] = {
          {Theme::kLight, "ui.top.theme.light"}, {Theme::kDark, "ui.top.theme.dark"}, {Theme::kContrast, "ui.top.theme.contrast"}};
      for (const auto& [t, key] : themes) {
        if (ImGui::MenuItem(tr(key).c_str(), nullptr, theme_ == t)) {
          theme_ = t;
          apply_theme(theme_, ImGui::GetStyle());
          platform_.set_page_theme(t == Theme::kDark ? "dark" : t == Theme::kContrast ? "contrast" : "light");
          save_settings();
        }
      }
      ImGui::EndPopup();
    }
  };
  if (narrow) {
    ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(tr("ui.top.display").c_str()).x - 44);
    display_menu();
  }
  const float picker_w = narrow ? (avail - 120) / 2 : 200.0f;
  if (!narrow) ImGui::SameLine(ImGui::GetWindowWidth() - 2 * 270 - 40 - ImGui::CalcTextSize(tr("ui.top.display").c_str()).x - 30);
  std::string from = from_, to = to_;
  bool changed = market_picker("##from", tr("ui.top.from"), from, *data, tr, picker_w);
  ImGui::SameLine();
  changed = market_picker("##to", tr("ui.top.to"), to, *data, tr, picker_w) || changed;
  if (!narrow) {
    ImGui::SameLine(0, 16);
    display_menu();
  }
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
  refresh_data_model(*data);

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##rapport", nullptr, flags);
  draw_top_bar(tr);
  ImGui::Spacing();

  const float footer_h = ImGui::GetTextLineHeightWithSpacing() * 1.6f;
  meeting_state_.anchors.clear();
  compose_open_ = false;
  workshop_open_ = false;
  if (ImGui::BeginTabBar("views")) {
    if (ImGui::BeginTabItem(tr("ui.tab.compose").c_str(), nullptr, tab_flags("compose"))) {
      ImGui::BeginChild("compose", ImVec2(0, -footer_h), ImGuiChildFlags_None);
      draw_compose(*data, tr);
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    const bool meeting_open = ImGui::BeginTabItem(tr("ui.tab.meeting").c_str(), nullptr, tab_flags("meeting"));
    meeting_state_.anchors["tab.meeting"] = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                             ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y};
    if (meeting_open) {
      refresh_meeting(*data);
      ImGui::BeginChild("meeting", ImVec2(0, -footer_h), ImGuiChildFlags_None);
      const MeetingEvents ev = draw_meeting_view(meeting_form_, meeting_, meeting_state_, *data, tr, fonts_, now_ms());
      ImGui::EndChild();
      if (!(meeting_form_ == meeting_.form)) platform_.request_frame();  // rebuilt at the start of the next frame
      if (ev.export_ics && meeting_.errors.empty() && !meeting_.check.times.empty()) {
        platform_.download(meeting_.ics_filename, "text/calendar;charset=utf-8",
                           meeting_ics(*data, language_, meeting_.plan, meeting_.check, now_ms()));
      }
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr("ui.tab.cultures").c_str(), nullptr, tab_flags("cultures"))) {
      ImGui::BeginChild("cultures", ImVec2(0, -footer_h), ImGuiChildFlags_None);
      // Centred, no wider than reads well.
      const float max_w = 980.0f;
      const float avail = ImGui::GetContentRegionAvail().x;
      const float body_w = avail < max_w ? avail : max_w;
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - body_w) * 0.5f);
      ImGui::BeginChild("cultures-body", ImVec2(body_w, 0),
                        ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
      draw_cultures_view(cultures_, tr, fonts_);
      // The target market's year: holidays, periods, half days, make-up days.
      if (const Profile* target = data->profile(to_)) {
        if (calendar_year_ == 0) calendar_year_ = today_.year > 0 ? today_.year : 2026;
        if (calendar_data_ != data.get() || calendar_.market != target || calendar_.year != calendar_year_) {
          calendar_ = make_year_calendar(*target, calendar_year_);
          calendar_data_ = data.get();
        }
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
        const int year = draw_year_calendar(calendar_, tr, fonts_);
        if (year != calendar_year_) {
          calendar_year_ = year;
          platform_.request_frame();
        }
      }
      ImGui::EndChild();
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr("ui.tab.workshop").c_str(), nullptr, tab_flags("workshop"))) {
      ImGui::BeginChild("workshop", ImVec2(0, -footer_h), ImGuiChildFlags_None);
      draw_workshop(*data, tr);
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    draw_data_tab(*data, tr, footer_h);  // "Your data" (web/app_data.cpp)
    if (ImGui::BeginTabItem(tr("ui.tab.about").c_str(), nullptr, tab_flags("about"))) {
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
  pending_view_.clear();
  if (!compose_open_) platform_.hide_editor("compose");
  if (!workshop_open_) platform_.hide_editor("workshop");

  // Footer, at the bottom of the window: the privacy promise.
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - footer_h);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text_in(fonts_.small, tr("ui.privacy.offline"));
  ImGui::PopStyleColor();
  if (data_state_.dragging) draw_drop_overlay(tr, fonts_);
  ImGui::End();
}

}  // namespace rapport::ui
