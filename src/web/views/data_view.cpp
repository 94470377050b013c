#include "web/views/data_view.h"

#include <algorithm>
#include <cmath>

// [SECTION] The model
// [SECTION] Pieces
// [SECTION] The view
// [SECTION] The drop overlay
// [SECTION] JSON for window.rapport

namespace rapport::ui {

// ---------------------------------------------------------------------------------------------------------
// [SECTION] The model
// ---------------------------------------------------------------------------------------------------------
namespace {
DataFileRow row_of(const UserFile& f, const DataSet& data) {
  DataFileRow r;
  r.name = f.name;
  r.path = f.path;
  r.kind = f.kind;
  r.status = f.status;
  r.market = f.market;
  r.replaces = f.replaces;
  r.stored = f.stored;
  for (const auto& e : f.errors) r.errors.push_back(e.format());
  if (f.status != UserFileStatus::kLoaded) return r;
  if (const Profile* p = f.kind == UserFileKind::kProfile ? data.profile(f.market) : nullptr)
    r.market_name = p->name_en;
  if (f.kind == UserFileKind::kRulePack) {
    for (const RulePack* pack : data.rule_packs()) {
      if (pack->file == f.path) {
        r.rules = static_cast<int>(pack->rules.size());
        r.language = pack->language;
      }
    }
  }
  if (f.kind == UserFileKind::kCatalog) {
    const auto slash = f.path.find_last_of('/');
    r.language = f.path.substr(slash + 1, f.path.size() - slash - 1 - 5);
  }
  return r;
}
}  // namespace

DataModel make_data_model(const UserData& user, const DataSet& data) {
  DataModel m;
  m.generation = user.generation();
  m.data = &data;
  for (const UserFile& f : user.files()) m.files.push_back(row_of(f, data));
  m.attempted = user.attempted();
  if (m.attempted) {
    const UserLoad& last = user.last();
    m.attempt_ok = last.ok;
    m.at_start = last.at_start;
    for (const UserFile& f : last.files) m.attempt.push_back(row_of(f, data));
    for (const DataError& e : last.errors) m.errors.push_back(e.format());
  }
  for (const auto& [code, p] : data.profiles()) m.markets.emplace_back(code, p.name_en + " (" + code + ")");
  return m;
}

std::string errors_text(const DataModel& model) {
  std::string out;
  for (const auto& e : model.errors) out += e + "\n";
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Pieces
// ---------------------------------------------------------------------------------------------------------
namespace {
constexpr ImU32 kTeal = IM_COL32(15, 118, 110, 255);
constexpr ImU32 kRed = IM_COL32(200, 38, 38, 255);
constexpr ImU32 kAmber = IM_COL32(196, 107, 6, 255);

void anchor(DataViewState& st, const std::string& name) {
  const ImVec4 r = rect_of_last_item();
  st.anchors[name] = {r.x, r.y, r.z, r.w};
}

void muted(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void coloured(ImU32 colour, ImFont* font, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
  ImGui::PushTextWrapPos(0);
  text_in(font, text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void section_title(const Tr& tr, const Fonts& fonts, const char* key) {
  ImGui::Spacing();
  ImGui::Spacing();
  text_in(fonts.heading, tr(key));
  ImGui::Spacing();
}

// A dashed rounded rectangle (ImGui draws only solid lines).
void dashed_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, float thickness) {
  const float dash = 8, gap = 6;
  auto line = [&](ImVec2 p, ImVec2 q) {
    const float len = std::hypot(q.x - p.x, q.y - p.y);
    if (len <= 0) return;
    const ImVec2 d((q.x - p.x) / len, (q.y - p.y) / len);
    for (float t = 0; t < len; t += dash + gap) {
      const float e = std::min(len, t + dash);
      dl->AddLine(ImVec2(p.x + d.x * t, p.y + d.y * t), ImVec2(p.x + d.x * e, p.y + d.y * e), colour, thickness);
    }
  };
  line(a, ImVec2(b.x, a.y));
  line(ImVec2(b.x, a.y), b);
  line(b, ImVec2(a.x, b.y));
  line(ImVec2(a.x, b.y), a);
}

const char* kind_key(UserFileKind k) {
  switch (k) {
    case UserFileKind::kProfile:
      return "ui.data.kind.profile";
    case UserFileKind::kRulePack:
      return "ui.data.kind.rules";
    case UserFileKind::kCatalog:
      return "ui.data.kind.catalog";
    case UserFileKind::kUnknown:
      break;
  }
  return "ui.data.kind.unknown";
}

// What a file does to the data: "adds the market Testland (AQ)", "12 rules for de".
std::string effect(const DataFileRow& r, const Tr& tr) {
  switch (r.kind) {
    case UserFileKind::kProfile:
      if (!r.market_name.empty()) {
        return tr(r.replaces ? "ui.data.effect.replaces" : "ui.data.effect.adds",
                  {{"name", r.market_name}, {"code", r.market}});
      }
      return r.market.empty() ? "" : tr("ui.data.effect.market", {{"code", r.market}});
    case UserFileKind::kRulePack:
      if (r.rules < 0) return "";
      return tr(r.replaces ? "ui.data.effect.rules_replace" : "ui.data.effect.rules",
                {{"count", std::int64_t{r.rules}}, {"language", r.language}});
    case UserFileKind::kCatalog:
      return r.language.empty() ? "" : tr("ui.data.effect.catalog", {{"language", r.language}});
    case UserFileKind::kUnknown:
      break;
  }
  return "";
}

void status_text(const DataFileRow& r, const Tr& tr, const Fonts& fonts) {
  switch (r.status) {
    case UserFileStatus::kLoaded:
      coloured(kTeal, fonts.bold, tr("ui.data.status.loaded"));
      break;
    case UserFileStatus::kRejected:
      coloured(kRed, fonts.bold,
               tr("ui.data.status.rejected", {{"count", static_cast<std::int64_t>(r.errors.size())}}));
      break;
    case UserFileStatus::kHeldBack:
      coloured(kAmber, fonts.bold, tr("ui.data.status.held_back"));
      break;
  }
}

// One file: its name and status on the first line, what it is and does below, its data path last.
// Returns true when its Remove button was pressed (`remove_id` >= 0 draws one).
bool file_row(const DataFileRow& r, int remove_id, DataViewState& st, const Tr& tr, const Fonts& fonts) {
  bool removed = false;
  const float avail = ImGui::GetContentRegionAvail().x;
  const std::string remove_label = tr("ui.data.remove");
  const float button_w = ImGui::CalcTextSize(remove_label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
  const ImVec2 start = ImGui::GetCursorPos();
  const float row_x = start.x;
  if (remove_id >= 0) {
    // The button first, at the right of the first line; the text then flows beside it.
    ImGui::PushID(remove_id);
    ImGui::SetCursorPos(ImVec2(row_x + avail - button_w, start.y));
    if (ImGui::Button(remove_label.c_str())) removed = true;
    anchor(st, "data.remove." + std::to_string(remove_id));
    ImGui::SetItemTooltip("%s", tr("ui.data.remove.tip").c_str());
    ImGui::PopID();
    ImGui::SetCursorPos(start);
  }
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(row_x + avail - (remove_id >= 0 ? button_w + 12 : 0));
  text_in(fonts.bold, r.name);
  std::string what = tr(kind_key(r.kind));
  if (const std::string e = effect(r, tr); !e.empty()) what += " \xC2\xB7 " + e;  // ·
  ImGui::TextUnformatted(what.c_str());
  ImGui::PopTextWrapPos();
  status_text(r, tr, fonts);
  if (!r.stored && r.status == UserFileStatus::kLoaded) coloured(kAmber, nullptr, tr("ui.data.not_stored"));
  if (remove_id >= 0) {
    // A kept file that no longer loads: why, here (the last attempt's box may be about other files).
    ImGui::PushFont(fonts.small ? fonts.small : ImGui::GetFont());
    for (const auto& e : r.errors) coloured(kRed, nullptr, e);
    ImGui::PopFont();
  }
  if (!r.path.empty() && r.path != r.name) {
    ImGui::PushFont(fonts.small ? fonts.small : ImGui::GetFont());
    muted(r.path);
    ImGui::PopFont();
  }
  ImGui::EndGroup();
  return removed;
}

// The errors as one read-only text box (the text can be selected and copied), wrapped to its width with the
// continuation of a long error indented, so that each error starts a line of its own.
void errors_box(const DataModel& m, DataViewState& st, const Fonts& fonts) {
  ImGui::PushFont(fonts.small ? fonts.small : ImGui::GetFont());
  const float width = ImGui::GetContentRegionAvail().x;
  const float inner = width - ImGui::GetStyle().FramePadding.x * 2 - ImGui::GetStyle().ScrollbarSize - 4;
  const std::string source = errors_text(m);
  if (source != st.errors_source || std::abs(inner - st.errors_width) > 0.5f) {
    st.errors_source = source;
    st.errors_width = inner;
    st.errors_text.clear();
    const std::string indent = "      ";
    for (const auto& e : m.errors) {
      std::string line;
      std::size_t at = 0;
      while (at < e.size()) {
        std::size_t next = e.find(' ', at + 1);
        if (next == std::string::npos) next = e.size();
        const std::string word = e.substr(at, next - at);
        if (!line.empty() && line.find_first_not_of(' ') != std::string::npos &&
            ImGui::CalcTextSize((line + word).c_str()).x > inner) {
          st.errors_text += line + "\n";
          line =
              indent + word.substr(word.find_first_not_of(' ') == std::string::npos ? 0 : word.find_first_not_of(' '));
        } else {
          line += word;
        }
        at = next;
      }
      st.errors_text += line + "\n";
    }
    if (!st.errors_text.empty()) st.errors_text.pop_back();  // no empty last line (it would need a scrollbar)
  }
  const int lines = 1 + static_cast<int>(std::count(st.errors_text.begin(), st.errors_text.end(), '\n'));
  const float line_h = ImGui::GetTextLineHeight();
  const float h = static_cast<float>(std::clamp(lines, 1, 12)) * line_h + ImGui::GetStyle().FramePadding.y * 2 + 2;
  ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.78f, 0.15f, 0.15f, 0.05f));
  ImGui::InputTextMultiline("##errors", st.errors_text.data(), st.errors_text.size() + 1, ImVec2(width, h),
                            ImGuiInputTextFlags_ReadOnly);
  ImGui::PopStyleColor();
  anchor(st, "data.errors");
  ImGui::PopFont();
}

// The card that says how the last attempt went.
void attempt_card(const DataModel& m, DataViewState& st, const Tr& tr, const Fonts& fonts, DataEvents& ev) {
  const ImU32 colour = m.attempt_ok ? kTeal : kRed;
  ImGui::BeginChild("attempt", ImVec2(0, 0),
                    ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
  const ImVec2 top = ImGui::GetWindowPos();
  ImGui::GetWindowDrawList()->AddRectFilled(top, ImVec2(top.x + 4, top.y + ImGui::GetWindowHeight()), colour, 3,
                                            ImDrawFlags_RoundCornersLeft);
  const auto errors = static_cast<std::int64_t>(m.errors.size());
  if (m.attempt_ok) {
    coloured(colour, fonts.bold, tr("ui.data.result.ok", {{"count", static_cast<std::int64_t>(m.attempt.size())}}));
  } else {
    coloured(colour, fonts.bold,
             tr(m.at_start ? "ui.data.result.at_start" : "ui.data.result.failed", {{"count", errors}}));
  }
  anchor(st, "data.result");
  ImGui::Spacing();
  for (std::size_t i = 0; i < m.attempt.size(); ++i) {
    const DataFileRow& r = m.attempt[i];
    if (m.attempt_ok) {
      // In use now, and listed in full under "Your files": one line each here.
      std::string line = r.name + " \xC2\xB7 " + tr(kind_key(r.kind));
      if (const std::string e = effect(r, tr); !e.empty()) line += " \xC2\xB7 " + e;
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(line.c_str());
      ImGui::PopTextWrapPos();
      continue;
    }
    if (i > 0) ImGui::Spacing();
    file_row(r, -1, st, tr, fonts);
  }
  if (!m.errors.empty()) {
    ImGui::Spacing();
    errors_box(m, st, fonts);
    if (ImGui::SmallButton(tr("ui.data.copy_errors").c_str())) ev.copy_errors = true;
    anchor(st, "data.copy_errors");
  }
  ImGui::EndChild();
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// [SECTION] The view
// ---------------------------------------------------------------------------------------------------------
namespace {
// The drop zone: files dropped anywhere on the page are taken; this says so, and offers the picker.
void drop_zone(DataViewState& st, const Tr& tr, const Fonts& fonts, DataEvents& ev) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, st.dragging ? IM_COL32(15, 118, 110, 40) : IM_COL32(15, 118, 110, 10));
  ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 6);
  ImGui::BeginChild("drop", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
  const float avail = ImGui::GetContentRegionAvail().x;
  const std::string drop = tr("ui.data.drop"), or_text = tr("ui.data.or"), choose = tr("ui.data.choose");
  ImGui::PushFont(fonts.bold ? fonts.bold : ImGui::GetFont());
  const float drop_w = ImGui::CalcTextSize(drop.c_str()).x;
  ImGui::PopFont();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float button_w = ImGui::CalcTextSize(choose.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
  const float row_w = drop_w + spacing + ImGui::CalcTextSize(or_text.c_str()).x + spacing + button_w;
  ImGui::Dummy(ImVec2(0, 6));
  if (row_w <= avail) {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - row_w) / 2);
    ImGui::AlignTextToFramePadding();
    text_in(fonts.bold, drop);
    ImGui::SameLine();
    ImGui::TextUnformatted(or_text.c_str());
    ImGui::SameLine();
  } else {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - drop_w) / 2));
    text_in(fonts.bold, drop);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - button_w) / 2));
  }
  if (ImGui::Button(choose.c_str())) {
    ev.choose = true;
    st.cleared = false;
  }
  anchor(st, "data.choose");
  ImGui::Spacing();
  ImGui::PushFont(fonts.small ? fonts.small : ImGui::GetFont());
  muted(tr("ui.data.drop.help"));
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(0, 2));
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  anchor(st, "data.drop");
  // The dashed edge, drawn by the parent (a child clips its own edges away).
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  dashed_rect(ImGui::GetWindowDrawList(), ImVec2(a.x + 1, a.y + 1), ImVec2(b.x - 1, b.y - 1),
              st.dragging ? kTeal : IM_COL32(15, 118, 110, 140), st.dragging ? 2.5f : 1.5f);
}

void files_section(const DataModel& m, DataViewState& st, const Tr& tr, const Fonts& fonts, DataEvents& ev) {
  section_title(tr, fonts, "ui.data.files.title");
  if (m.files.empty()) {
    muted(tr("ui.data.files.none"));
    return;
  }
  for (std::size_t i = 0; i < m.files.size(); ++i) {
    if (i > 0) ImGui::Separator();
    if (file_row(m.files[i], static_cast<int>(i), st, tr, fonts)) ev.remove = static_cast<int>(i);
  }
}

// A card of the side column (or of the one column on a phone).
bool begin_card(const char* id, bool first = false) {
  if (!first) ImGui::Spacing();
  return ImGui::BeginChild(
      id, ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
}

// Export a market's profile as the engine has it.
void export_card(const DataModel& m, DataViewState& st, const Tr& tr, const Fonts& fonts, DataEvents& ev, bool first) {
  begin_card("export", first);
  text_in(fonts.heading, tr("ui.data.export.title"));
  muted(tr("ui.data.export.help"));
  ImGui::Spacing();
  std::string preview = st.export_market;
  for (const auto& [code, label] : m.markets) {
    if (code == st.export_market) preview = label;
  }
  const std::string button = tr("ui.data.export.button");
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float button_w = ImGui::CalcTextSize(button.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool one_row = avail - button_w - spacing >= 180;
  ImGui::SetNextItemWidth(one_row ? std::min(300.0f, avail - button_w - spacing) : avail);
  if (ImGui::BeginCombo("##export-market", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
    for (const auto& [code, label] : m.markets) {
      if (ImGui::Selectable(label.c_str(), code == st.export_market)) {
        st.export_market = code;
        st.export_chosen = true;
      }
      if (code == st.export_market && ImGui::IsWindowAppearing()) ImGui::SetScrollHereY();
    }
    ImGui::EndCombo();
  }
  anchor(st, "data.export.market");
  if (one_row) ImGui::SameLine();
  ImGui::BeginDisabled(st.export_market.empty());
  if (ImGui::Button(button.c_str())) ev.export_profile = true;
  ImGui::EndDisabled();
  anchor(st, "data.export");
  ImGui::EndChild();
}

// Clear my data, in two steps.
void clear_card(DataViewState& st, const Tr& tr, const Fonts& fonts, DataEvents& ev) {
  begin_card("clear");
  text_in(fonts.heading, tr("ui.data.clear.title"));
  muted(tr("ui.data.clear.help"));
  ImGui::Spacing();
  if (!st.confirm_clear) {
    if (ImGui::Button(tr("ui.data.clear.button").c_str())) {
      st.confirm_clear = true;
      st.cleared = false;
    }
    anchor(st, "data.clear");
    if (st.cleared) {
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      coloured(kTeal, fonts.bold, tr("ui.data.clear.done"));
    }
  } else {
    coloured(kRed, fonts.bold, tr("ui.data.clear.confirm"));
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.78f, 0.15f, 0.15f, 0.90f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.70f, 0.10f, 0.10f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.60f, 0.08f, 0.08f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    if (ImGui::Button(tr("ui.data.clear.yes").c_str())) {
      ev.clear = true;
      st.confirm_clear = false;
      st.cleared = true;
    }
    ImGui::PopStyleColor(4);
    anchor(st, "data.clear.confirm");
    ImGui::SameLine();
    if (ImGui::Button(tr("ui.data.clear.cancel").c_str())) st.confirm_clear = false;
    anchor(st, "data.clear.cancel");
  }
  ImGui::EndChild();
}
}  // namespace

DataEvents draw_data_view(const DataModel& m, DataViewState& st, const Tr& tr, const Fonts& fonts) {
  DataEvents ev;
  st.anchors.erase(st.anchors.lower_bound("data."), st.anchors.lower_bound("data/"));
  text_in(fonts.heading, tr("ui.data.title"));
  muted(tr("ui.data.intro"));
  ImGui::Spacing();
  auto main_column = [&] {
    drop_zone(st, tr, fonts, ev);
    if (m.attempted) {
      ImGui::Spacing();
      ImGui::Spacing();
      attempt_card(m, st, tr, fonts, ev);
    }
    files_section(m, st, tr, fonts, ev);
  };
  // Wide: what the user loads on the left, export and clear beside it; a phone: one column.
  if (ImGui::GetContentRegionAvail().x >= 900 &&
      ImGui::BeginTable("data-columns", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_NoPadOuterX)) {
    ImGui::TableSetupColumn("main", ImGuiTableColumnFlags_WidthStretch, 0.62f);
    ImGui::TableSetupColumn("side", ImGuiTableColumnFlags_WidthStretch, 0.38f);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImGui::GetStyle().ItemSpacing);
    main_column();
    ImGui::TableSetColumnIndex(1);
    ImGui::Indent(14);
    export_card(m, st, tr, fonts, ev, true);
    clear_card(st, tr, fonts, ev);
    ImGui::Unindent(14);
    ImGui::PopStyleVar();
    ImGui::EndTable();
  } else {
    main_column();
    ImGui::Spacing();
    export_card(m, st, tr, fonts, ev, false);
    clear_card(st, tr, fonts, ev);
  }
  ImGui::Spacing();
  return ev;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] The drop overlay
// ---------------------------------------------------------------------------------------------------------
void draw_drop_overlay(const Tr& tr, const Fonts& fonts) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const ImVec2 a = vp->Pos, b(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y);
  dl->AddRectFilled(a, b, IM_COL32(246, 245, 242, 225));
  dashed_rect(dl, ImVec2(a.x + 16, a.y + 16), ImVec2(b.x - 16, b.y - 16), kTeal, 3);
  auto centred = [&](ImFont* font, const std::string& text, float y, ImU32 colour) {
    ImGui::PushFont(font ? font : ImGui::GetFont());
    const float size = ImGui::GetFontSize();
    const float max_w = vp->Size.x - 64;
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str(), nullptr, false, max_w);
    dl->AddText(ImGui::GetFont(), size, ImVec2(a.x + (vp->Size.x - ts.x) / 2, y), colour, text.c_str(), nullptr, max_w);
    ImGui::PopFont();
    return ts.y;
  };
  const float mid = a.y + vp->Size.y / 2;
  const float h = centred(fonts.heading, tr("ui.data.overlay"), mid - 40, kTeal);
  centred(fonts.body, tr("ui.data.overlay.note"), mid - 40 + h + 10, IM_COL32(31, 35, 40, 255));
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] JSON for window.rapport
// ---------------------------------------------------------------------------------------------------------
namespace {
const char* kind_name(UserFileKind k) {
  switch (k) {
    case UserFileKind::kProfile:
      return "profile";
    case UserFileKind::kRulePack:
      return "rules";
    case UserFileKind::kCatalog:
      return "catalog";
    case UserFileKind::kUnknown:
      break;
  }
  return "unknown";
}
const char* status_name(UserFileStatus s) {
  switch (s) {
    case UserFileStatus::kLoaded:
      return "loaded";
    case UserFileStatus::kRejected:
      return "rejected";
    case UserFileStatus::kHeldBack:
      return "held_back";
  }
  return "rejected";
}
nlohmann::json row_json(const DataFileRow& r) {
  return {{"name", r.name},
          {"path", r.path},
          {"kind", kind_name(r.kind)},
          {"status", status_name(r.status)},
          {"market", r.market},
          {"market_name", r.market_name},
          {"replaces", r.replaces},
          {"stored", r.stored},
          {"rules", r.rules},
          {"errors", r.errors}};
}
}  // namespace

nlohmann::json data_json(const DataModel& model, const DataViewState& state) {
  nlohmann::json out = {{"files", nlohmann::json::array()},
                        {"attempt", nullptr},
                        {"errors", model.errors},
                        {"markets", nlohmann::json::array()},
                        {"export_market", state.export_market},
                        {"confirm_clear", state.confirm_clear},
                        {"cleared", state.cleared},
                        {"anchors", nlohmann::json::object()}};
  for (const auto& r : model.files) out["files"].push_back(row_json(r));
  if (model.attempted) {
    nlohmann::json a = {{"ok", model.attempt_ok},
                        {"at_start", model.at_start},
                        {"files", nlohmann::json::array()},
                        {"errors", model.errors}};
    for (const auto& r : model.attempt) a["files"].push_back(row_json(r));
    out["attempt"] = std::move(a);
  }
  for (const auto& [code, label] : model.markets) out["markets"].push_back(code);
  for (const auto& [name, r] : state.anchors) out["anchors"][name] = r;
  return out;
}

}  // namespace rapport::ui
