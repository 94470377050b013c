#include "web/views/calendar_view.h"

#include <algorithm>
#include <cstdio>

#include "engine/text.h"

namespace rapport::ui {

YearCalendarModel make_year_calendar(const Profile& market, int year) {
  YearCalendarModel m;
  m.market = &market;
  m.year = year;
  m.holidays = holidays_in_year(market, year, "");
  m.months.resize(12);
  for (int mo = 1; mo <= 12; ++mo) {
    auto& days = m.months[static_cast<std::size_t>(mo - 1)];
    days.resize(static_cast<std::size_t>(days_in_month(year, mo)));
    for (int d = 1; d <= static_cast<int>(days.size()); ++d) {
      const CivilDate date{year, mo, d};
      const auto bit = 1u << static_cast<unsigned>(weekday_of(date));
      days[static_cast<std::size_t>(d - 1)].weekend = (market.working_days_on(date) & bit) == 0;
    }
  }
  for (std::size_t i = 0; i < m.holidays.days.size(); ++i) {
    const HolidayOccurrence& h = m.holidays.days[i];
    for (CivilDate d = h.start; d <= h.end; d = add_days(d, 1)) {
      if (d.year != year) continue;
      CalendarDay& c = m.months[static_cast<std::size_t>(d.month - 1)][static_cast<std::size_t>(d.day - 1)];
      c.entries.push_back(i);
      c.estimated = c.estimated || h.estimated;
      if (h.kind == "period") c.period = true;
      else if (h.kind == "working_day") c.working_day = true;
      else if (h.kind == "observance" || h.impact == "normal") c.observance = true;
      else if (h.impact == "closed") c.closed = true;
      else c.reduced = true;
    }
  }
  return m;
}

namespace {
ImU32 colour_closed() { return IM_COL32(200, 38, 38, 255); }
ImU32 colour_reduced() { return IM_COL32(230, 150, 60, 255); }
ImU32 colour_period() { return IM_COL32(180, 83, 9, 255); }
ImU32 colour_working() { return IM_COL32(91, 33, 182, 255); }
ImU32 colour_observance() { return IM_COL32(37, 99, 235, 255); }

void swatch(ImU32 fill, ImU32 line, const std::string& label) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (fill) dl->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + h - 4, p.y + h - 2), fill, 3);
  if (line) dl->AddRect(ImVec2(p.x, p.y + 2), ImVec2(p.x + h - 4, p.y + h - 2), line, 3, 0, 2);
  ImGui::Dummy(ImVec2(h, h));
  ImGui::SameLine(0, 4);
  ImGui::TextUnformatted(label.c_str());
}

const char* const kWeekdayKeys[] = {"ui.calendar.mon", "ui.calendar.tue", "ui.calendar.wed", "ui.calendar.thu",
                                    "ui.calendar.fri", "ui.calendar.sat", "ui.calendar.sun"};

// "Mon 21 September".
std::string day_label(const CivilDate& d, const Tr& tr) {
  return tr(kWeekdayKeys[static_cast<int>(weekday_of(d))]) + " " + std::to_string(d.day) + " " +
         tr("ui.calendar.month." + std::to_string(d.month));
}
}  // namespace

int draw_year_calendar(const YearCalendarModel& m, const Tr& tr, const Fonts& fonts) {
  int year = m.year;
  if (!m.market) return year;
  text_in(fonts.heading, tr("ui.calendar.title", {{"market", m.market->name_en}, {"year", std::to_string(m.year)}}));
  ImGui::SameLine(0, 16);
  if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) --year;
  ImGui::SetItemTooltip("%s", tr("ui.calendar.prev").c_str());
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Right)) ++year;
  ImGui::SetItemTooltip("%s", tr("ui.calendar.next").c_str());
  // Legend.
  swatch(colour_closed(), 0, tr("ui.calendar.closed"));
  ImGui::SameLine(0, 14);
  swatch(colour_reduced(), 0, tr("ui.calendar.reduced"));
  ImGui::SameLine(0, 14);
  swatch(0, colour_period(), tr("ui.calendar.period"));
  ImGui::SameLine(0, 14);
  swatch(0, colour_working(), tr("ui.calendar.working"));
  ImGui::SameLine(0, 14);
  swatch(0, colour_observance(), tr("ui.calendar.observance"));
  ImGui::SameLine(0, 14);
  swatch(ImGui::GetColorU32(ImGuiCol_TableRowBgAlt), 0, tr("ui.calendar.weekend"));
  ImGui::Spacing();

  // The months, as many per row as fit.
  const float avail = ImGui::GetContentRegionAvail().x;
  const float cell = std::clamp(ImGui::GetTextLineHeight() * 1.45f, 20.0f, 30.0f);
  const float month_w = cell * 7 + 12;
  const int per_row = std::max(1, std::min(4, static_cast<int>((avail + 16) / (month_w + 16))));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  for (int mo = 0; mo < 12; ++mo) {
    if (mo % per_row != 0) ImGui::SameLine(0, 16);
    ImGui::BeginGroup();
    ImGui::PushID(mo);
    text_in(fonts.bold, tr("ui.calendar.month." + std::to_string(mo + 1)));
    const ImVec2 head = ImGui::GetCursorScreenPos();
    for (int wd = 0; wd < 7; ++wd) {
      const std::string w = tr(kWeekdayKeys[wd]);
      const ImVec2 ts = ImGui::CalcTextSize(w.c_str());
      dl->AddText(ImVec2(head.x + static_cast<float>(wd) * cell + (cell - ts.x) / 2, head.y), faint, w.c_str());
    }
    const ImVec2 grid(head.x, head.y + ImGui::GetTextLineHeight() + 2);
    const auto& days = m.months[static_cast<std::size_t>(mo)];
    const int first = static_cast<int>(weekday_of({m.year, mo + 1, 1}));  // Monday = 0
    for (int d = 0; d < static_cast<int>(days.size()); ++d) {
      const int slot = first + d;
      const ImVec2 a(grid.x + static_cast<float>(slot % 7) * cell, grid.y + static_cast<float>(slot / 7) * cell);
      const ImVec2 b(a.x + cell - 2, a.y + cell - 2);
      const CalendarDay& c = days[static_cast<std::size_t>(d)];
      if (c.weekend) dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_TableRowBgAlt), 3);
      if (c.closed) dl->AddRectFilled(a, b, colour_closed(), 3);
      else if (c.reduced) dl->AddRectFilled(a, b, colour_reduced(), 3);
      if (c.period) dl->AddLine(ImVec2(a.x + 1, b.y - 1), ImVec2(b.x - 1, b.y - 1), colour_period(), 3);
      if (c.working_day) dl->AddRect(a, b, colour_working(), 3, 0, 2);
      if (c.observance) dl->AddCircleFilled(ImVec2(b.x - 4, a.y + 4), 2.5f, colour_observance());
      const std::string n = std::to_string(d + 1);
      const ImVec2 ts = ImGui::CalcTextSize(n.c_str());
      dl->AddText(ImVec2(a.x + (cell - 2 - ts.x) / 2, a.y + (cell - 2 - ts.y) / 2),
                  c.closed || c.reduced ? IM_COL32(255, 255, 255, 255) : c.weekend ? faint : text, n.c_str());
      if (!c.entries.empty() && ImGui::IsMouseHoveringRect(a, b) && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows)) {
        ImGui::BeginTooltip();
        for (std::size_t i : c.entries) {
          const HolidayOccurrence& h = m.holidays.days[i];
          text_in(fonts.bold, h.rule->name_en);
          if (!h.rule->name_native.empty() && h.rule->name_native != h.rule->name_en) {
            ImGui::TextUnformatted(shown(h.rule->name_native).c_str());
          }
          ImGui::TextDisabled("%s", (tr("ui.holiday.kind." + h.kind) + " \xC2\xB7 " + tr("ui.holiday.impact." + h.impact) +
                                     (h.estimated ? " \xC2\xB7 " + tr("ui.calendar.estimated") : ""))
                                        .c_str());
        }
        ImGui::EndTooltip();
      }
    }
    ImGui::Dummy(ImVec2(month_w, cell * 6 + ImGui::GetTextLineHeight() + 4));
    ImGui::PopID();
    ImGui::EndGroup();
  }
  // The year's entries as a list (the same information, readable by screen readers and on paper).
  ImGui::Spacing();
  if (ImGui::CollapsingHeader(tr("ui.calendar.list", {{"count", static_cast<std::int64_t>(m.holidays.days.size())}}).c_str())) {
    if (ImGui::BeginTable("entries", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
      for (const HolidayOccurrence& h : m.holidays.days) {
        ImGui::TableNextColumn();
        const std::string when =
            h.start == h.end ? day_label(h.start, tr) : day_label(h.start, tr) + " \xE2\x80\x93 " + day_label(h.end, tr);
        ImGui::TextUnformatted(when.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted((h.rule->name_en + (h.observed ? " (" + tr("ui.calendar.observed") + ")" : "")).c_str());
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", (tr("ui.holiday.kind." + h.kind) + (h.estimated ? " \xC2\xB7 " + tr("ui.calendar.estimated") : "")).c_str());
      }
      ImGui::EndTable();
    }
    for (const auto& w : m.holidays.warnings) ImGui::TextDisabled("%s", w.c_str());
  }
  return year;
}

}  // namespace rapport::ui
