#include "engine/report.h"

#include <algorithm>

namespace rapport {

namespace {

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

const char* severity_name(RuleSeverity s) {
  return s == RuleSeverity::kProblem ? "problem" : s == RuleSeverity::kWarning ? "warning" : "suggestion";
}

}  // namespace

std::string html_report(const DataSet& data, std::string_view lang, const MessageReport& report, const Profile& sender,
                        const Profile& target, const CheckOptions& options, EpochMs now, std::string_view time_zone) {
  auto t = [&](std::string_view key, std::initializer_list<MessageArg> args = {}) {
    return escape(data.text(lang, key, args));
  };
  const std::string date = format_date(now, std::string(lang), "gregorian", DateStyle::kLong, time_zone).value_or("");
  std::string h;
  h += "<!doctype html>\n<html lang=\"" + escape(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<title>" + t("ui.report.title", {{"sender", sender.name_en}, {"target", target.name_en}}) + "</title>\n";
  h += "<style>\n"
       "body{font-family:'Noto Sans',system-ui,sans-serif;color:#1f2328;max-width:46rem;margin:2rem auto;padding:0 1rem;"
       "line-height:1.5}\n"
       "h1{font-size:1.5rem;margin-bottom:.2rem}.meta{color:#5e6470;margin-top:0}\n"
       ".draft{white-space:pre-wrap;border:1px solid #ddd;border-radius:6px;padding:1rem;background:#fff}\n"
       "mark{border-radius:2px;padding:0 1px}mark.problem{background:#fbd5d5}mark.warning{background:#fde8c8}"
       "mark.suggestion{background:#dbe6fd}\n"
       "sup{font-size:.7em;color:#5e6470}\n"
       "ol.findings li{margin-bottom:.9rem}.sev{font-weight:bold;text-transform:uppercase;font-size:.8em}"
       ".problem .sev{color:#c82626}.warning .sev{color:#b45309}.suggestion .sev{color:#2563eb}\n"
       ".fix{color:#0f665e}.score{font-size:1.1rem}\n"
       "@media print{body{margin:0}.draft{border-color:#999}}\n"
       "</style>\n</head>\n<body>\n";
  h += "<h1>" + t("ui.report.title", {{"sender", sender.name_en}, {"target", target.name_en}}) + "</h1>\n";
  h += "<p class=\"meta\">" +
       t("ui.report.meta", {{"date", date},
                            {"channel", data.text(lang, "ui.compose.channel." + options.channel)},
                            {"stage", data.text(lang, "ui.compose.stage." + options.stage)},
                            {"language", data.text(lang, "ui.compose.language." + report.language)}}) +
       "</p>\n";
  h += "<p class=\"score\">" + t("ui.report.score", {{"target", target.name_en}, {"score", std::int64_t{report.score}}}) +
       "</p>\n";

  // The draft, each finding's span marked and numbered (overlapping spans: the first one is marked).
  h += "<h2>" + t("ui.report.draft") + "</h2>\n<div class=\"draft\">";
  std::vector<std::size_t> order(report.findings.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return report.findings[a].begin < report.findings[b].begin; });
  std::size_t at = 0;
  const std::string& text = report.text;
  for (std::size_t i : order) {
    const Finding& f = report.findings[i];
    if (f.begin < at || f.end > text.size()) continue;
    h += escape(std::string_view(text).substr(at, f.begin - at));
    h += "<mark class=\"" + std::string(severity_name(f.severity)) + "\">" +
         escape(std::string_view(text).substr(f.begin, f.end - f.begin)) + "</mark><sup>" + std::to_string(i + 1) +
         "</sup>";
    at = f.end;
  }
  if (at < text.size()) h += escape(std::string_view(text).substr(at));
  h += "</div>\n";

  h += "<h2>" + t("ui.report.findings", {{"count", static_cast<std::int64_t>(report.findings.size())}}) + "</h2>\n";
  if (report.findings.empty()) h += "<p>" + t("ui.compose.clean.body") + "</p>\n";
  h += "<ol class=\"findings\">\n";
  for (const Finding& f : report.findings) {
    h += "<li class=\"" + std::string(severity_name(f.severity)) + "\"><span class=\"sev\">" +
         t(std::string("ui.compose.severity.") + severity_name(f.severity)) + "</span> · " +
         t("ui.compose.category." + f.category) + " · <q>" + escape(f.text) + "</q><br>" + escape(f.why) +
         "<br><span class=\"fix\">" + escape(data.text(lang, "ui.compose.fix", {{"fix", f.fix}})) + "</span>";
    if (!f.replacement.empty()) h += "<br>" + t("ui.report.replacement", {{"replacement", f.replacement}});
    h += "</li>\n";
  }
  h += "</ol>\n<p class=\"meta\">" + t("ui.report.footer") + "</p>\n</body>\n</html>\n";
  return h;
}

}  // namespace rapport
