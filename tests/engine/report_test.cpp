// The HTML report a trainer hands out: the draft with its spans marked, every finding, and nothing unescaped.
#include <doctest/doctest.h>

#include "engine/report.h"
#include "test_util.h"

using namespace rapport;

namespace {
std::string escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else if (c == '\'') out += "&#39;";
    else out += c;
  }
  return out;
}
}  // namespace

TEST_CASE("the HTML report marks each finding in the draft and escapes everything") {
  const DataSet& data = test::shipped_data();
  const std::string text = "Dear Mr. Sato <script>alert(1)</script>,\n\nPer my last email, we need your decision by tomorrow.";
  const Profile& de = *data.profile("DE");
  const Profile& jp = *data.profile("JP");
  CheckOptions o;
  const auto r = check_text(data, text, &de, &jp, o);
  REQUIRE(r.findings.size() >= 2);
  const std::string html = html_report(data, "en", r, de, jp, o, 1795000000000.0, "Europe/Berlin");
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("A message from Germany to Japan") != std::string::npos);
  for (const auto& f : r.findings) CHECK(html.find(escaped(f.why)) != std::string::npos);
  CHECK(html.find("<mark class=\"") != std::string::npos);
  CHECK(html.find("Fit for Japan: " + std::to_string(r.score) + "/100") != std::string::npos);
}
