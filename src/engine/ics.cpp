#include "engine/ics.h"

#include <cmath>
#include <cstdint>
#include <cstdio>

#include "engine/version.h"

// [SECTION] Content lines
// [SECTION] Holidays
// [SECTION] Meetings

namespace rapport {

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Content lines
// ---------------------------------------------------------------------------------------------------------
std::string ics_escape(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (char c : v) {
    if (c == '\r') continue;  // a CRLF in the source becomes one escaped newline
    if (c == '\\' || c == ';' || c == ',') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

void ics_append_line(std::string& out, std::string_view line) {
  // 75 octets per line, not counting the CRLF; a continuation line starts with one space, which counts.
  std::size_t pos = 0, width = 75;
  while (line.size() - pos > width) {
    std::size_t cut = pos + width;
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out.append(line.substr(pos, cut - pos));
    out += "\r\n ";
    pos = cut;
    width = 74;
  }
  out.append(line.substr(pos));
  out += "\r\n";
}

std::string ics_date(const CivilDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

std::string ics_utc(EpochMs when) {
  const auto seconds = static_cast<long long>(std::floor(when / 1000.0));
  const long long days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  const long long rest = seconds - days * 86400;
  const CivilDate d = civil_from_days(days);
  const auto secs = static_cast<int>(rest);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ", d.year, d.month, d.day, secs / 3600, secs / 60 % 60,
                secs % 60);
  return buf;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Holidays: one all-day event per entry of the year
// ---------------------------------------------------------------------------------------------------------
std::string holidays_ics(const DataSet& data, std::string_view language, const Profile& p, int year,
                         const YearHolidays& holidays) {
  auto tr = [&](std::string_view key, std::initializer_list<MessageArg> args = {}) {
    return data.text(language, key, args);
  };
  std::string out;
  ics_append_line(out, "BEGIN:VCALENDAR");
  ics_append_line(out, "VERSION:2.0");
  ics_append_line(out, "PRODID:-//Rapport//Holidays " + version_info().rapport + "//EN");
  ics_append_line(out, "CALSCALE:GREGORIAN");
  ics_append_line(out, "X-WR-CALNAME:" + ics_escape(p.name_en + " " + std::to_string(year)));
  for (const auto& o : holidays.days) {
    std::string summary = o.rule->name_en;
    if (o.kind == "eve") summary = tr("ui.holiday.kind.eve") + ": " + summary;
    if (o.observed) summary += " (" + tr("ui.holiday.observed", {{"date", o.actual.iso()}}) + ")";
    std::string desc = tr("ui.holiday.kind." + o.kind) + ", " + tr("ui.holiday.impact." + o.impact);
    if (o.estimated) desc += ". " + tr("ui.holiday.estimated");
    if (!o.rule->note.empty()) desc += ". " + o.rule->note;
    ics_append_line(out, "BEGIN:VEVENT");
    ics_append_line(out,
                    "UID:" + p.code + "-" + o.rule->id + "-" + o.kind + "-" + ics_date(o.start) + "@rapport.invalid");
    ics_append_line(out, "DTSTAMP:" + ics_date(p.reviewed) + "T000000Z");
    ics_append_line(out, "DTSTART;VALUE=DATE:" + ics_date(o.start));
    ics_append_line(out, "DTEND;VALUE=DATE:" + ics_date(add_days(o.end, 1)));  // exclusive end
    ics_append_line(out, "SUMMARY:" + ics_escape(summary));
    ics_append_line(out, "DESCRIPTION:" + ics_escape(desc));
    ics_append_line(out, "CATEGORIES:" + ics_escape(o.kind));
    ics_append_line(out, std::string("TRANSP:") + (o.impact == "closed" ? "OPAQUE" : "TRANSPARENT"));
    ics_append_line(out, "END:VEVENT");
  }
  ics_append_line(out, "END:VCALENDAR");
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Meetings: one timed event, in UTC, with every participant's local time in the description
// ---------------------------------------------------------------------------------------------------------
namespace {
// FNV-1a, 64 bits: a stable UID from the plan (same plan, same UID; calendar apps then update the event).
std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 14695981039346656037ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}
}  // namespace

std::string meeting_ics(const DataSet& data, std::string_view language, const MeetingPlan& plan,
                        const MeetingCheck& check, EpochMs stamp) {
  if (!check.errors.empty() || check.times.empty()) return "";
  const auto start = from_local(plan.date, plan.start, check.times.front().zone);
  if (!start) return "";
  const EpochMs end = *start + plan.duration * 60000.0;
  auto tr = [&](std::string_view key, std::initializer_list<MessageArg> args = {}) {
    return data.text(language, key, args);
  };

  std::string markets, identity = std::string(meeting_kind_name(plan.kind)) + "|" + ics_utc(*start) + "|" +
                                  std::to_string(plan.duration);
  for (const auto& t : check.times) {
    const Profile* p = data.profile(t.market);
    markets += (markets.empty() ? "" : ", ") + (p ? p->name_en : t.market);
    identity += "|" + t.market + ":" + t.zone;
  }
  const std::string kind = tr(meeting_kind_key(plan.kind));
  const std::string summary = tr("ui.meeting.ics.summary", {{"kind", kind}, {"markets", markets}});

  std::string desc = tr("ui.meeting.ics.local_times");
  for (const auto& t : check.times) {
    const Profile* p = data.profile(t.market);
    std::string end_text = hhmm(t.end.minutes);
    if (t.end.date != t.start.date) end_text += " " + format_day(t.end.date, language, "EEEMMMd");
    desc += "\n" + tr("ui.meeting.ics.participant", {{"market", p ? p->name_en : t.market},
                                                     {"date", format_day(t.start.date, language, "EEEyMMMd")},
                                                     {"start", hhmm(t.start.minutes)},
                                                     {"end", end_text},
                                                     {"zone", t.zone},
                                                     {"offset", utc_offset_text(t.utc_offset)}});
  }
  desc += "\n\n" + tr("ui.meeting.ics.details",
                      {{"duration", std::int64_t{plan.duration}}, {"channel", tr(channel_key(plan.channel))}});
  desc += "\n" + tr("ui.meeting.ics.planned");

  char uid[32];
  std::snprintf(uid, sizeof uid, "%016llx", static_cast<unsigned long long>(fnv1a(identity)));
  std::string out;
  ics_append_line(out, "BEGIN:VCALENDAR");
  ics_append_line(out, "VERSION:2.0");
  ics_append_line(out, "PRODID:-//Rapport//Meeting " + version_info().rapport + "//EN");
  ics_append_line(out, "CALSCALE:GREGORIAN");
  ics_append_line(out, "METHOD:PUBLISH");
  ics_append_line(out, "BEGIN:VEVENT");
  ics_append_line(out, std::string("UID:meeting-") + uid + "@rapport.invalid");
  ics_append_line(out, "DTSTAMP:" + ics_utc(stamp));
  ics_append_line(out, "DTSTART:" + ics_utc(*start));
  ics_append_line(out, "DTEND:" + ics_utc(end));
  ics_append_line(out, "SUMMARY:" + ics_escape(summary));
  ics_append_line(out, "DESCRIPTION:" + ics_escape(desc));
  ics_append_line(out, "CATEGORIES:" + ics_escape(kind));
  ics_append_line(out, "TRANSP:OPAQUE");
  ics_append_line(out, "END:VEVENT");
  ics_append_line(out, "END:VCALENDAR");
  return out;
}

}  // namespace rapport
