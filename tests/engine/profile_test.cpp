#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/compare.h"
#include "engine/engine.h"
#include "test_util.h"

using namespace rapport;

namespace {
Profile fixture() {
  auto doc = parse_json("culture-profiles/AQ.json", test::source_file("tests/profiles/fixture/AQ.json"));
  REQUIRE(doc.ok());
  auto p = load_profile(*doc, "AQ");
  REQUIRE_MESSAGE(p.ok(), format_errors(p.error()));
  return std::move(p).value();
}
}  // namespace

TEST_CASE("the fixture profile loads with every section read") {
  const Profile p = fixture();
  CHECK(p.code == "AQ");
  CHECK(p.main_zone() == "Antarctica/McMurdo");
  CHECK(p.dim(Dim::kDirectness).low == 7);
  CHECK(p.dim(Dim::kDirectness).high == 9);
  CHECK(p.working_time.hours.start == 9 * 60);
  CHECK(p.working_time.hours.end == 17 * 60 + 30);
  // The working week changed on 2022-01-01.
  CHECK(p.working_days_on({2021, 6, 1}) == 0b1001111);  // Sun-Thu
  CHECK(p.working_days_on({2023, 6, 1}) == 0b0011111);  // Mon-Fri
  REQUIRE(p.holidays.size() == 9);
  CHECK(p.holidays[1].date.weekday == Weekday::kThu);
  CHECK(p.holidays[1].date.nth == 4);
  CHECK(p.holidays[3].date.calendar == "hebrew");
  CHECK(p.holidays[3].date.month == 0);  // tishri
  CHECK(p.holidays[3].eve == "half_day");
  CHECK(p.holidays[4].estimated);
  CHECK(p.holidays[5].end.has_value());
  CHECK(p.holidays[7].date.table.at(2026).size() == 2);
  CHECK(p.holidays[8].moves.size() == 2);
  CHECK(p.marketing_law.ad_label_text == "[AD]");
  CHECK(p.marketing_law.opt_out_keywords == std::vector<std::string>{"STOP"});
  CHECK_FALSE(p.communication.has_pronouns);
}

// tests/profiles/broken/: each file is the fixture with one mistake; expected.txt holds the exact errors
// (regenerate with tests/profiles/make_broken.py --golden <rapport CLI> and review the diff).
TEST_CASE("every broken profile gives its expected errors, with positions") {
  namespace fs = std::filesystem;
  std::map<std::string, std::string> expected;
  {
    std::istringstream lines(test::source_file("tests/profiles/broken/expected.txt"));
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) expected[line.substr(0, line.find(':'))] += line + "\n";
    }
  }
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(RAPPORT_SOURCE_DIR) / "tests/profiles/broken")) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    Engine engine;
    const std::vector<SourceFile> one = {{"culture-profiles/AQ.json", test::source_file("tests/profiles/broken/" + name)}};
    auto errors = engine.load(one);
    for (auto& e : errors) e.file = name;
    CHECK_MESSAGE(format_errors(errors) == expected[name], name);
    CHECK(engine.data()->profiles().empty());  // nothing half-loaded
  }
  CHECK(files >= 30);
  CHECK(expected.size() == files);
}

TEST_CASE("a user's profile replaces the shipped one of the same market, under the same checks") {
  const std::string text = test::source_file("tests/profiles/fixture/AQ.json");
  Engine engine;
  const std::vector<SourceFile> base = {{"culture-profiles/AQ.json", text}};
  REQUIRE(engine.load(base).empty());
  std::string changed = text;
  changed.replace(changed.find("\"Test Market\""), 13, "\"Trainer's Market\"");
  const std::vector<SourceFile> user = {{"culture-profiles/AQ.json", changed}};
  REQUIRE(engine.load(base, user).empty());
  CHECK(engine.data()->profile("aq")->name_en == "Trainer's Market");

  // A broken user file is rejected whole and the previous data stays.
  const std::vector<SourceFile> broken = {{"culture-profiles/AQ.json", "{\"code\": \"AQ\"}"}};
  CHECK_FALSE(engine.load(base, broken).empty());
  CHECK(engine.data()->profile("AQ")->name_en == "Trainer's Market");
}

TEST_CASE("compare measures range gaps and ranks friction points") {
  Profile a = fixture();
  Profile b = fixture();
  b.code = "BQ";
  auto set = [&](Profile& p, Dim d, double lo, double hi) {
    p.dims[static_cast<std::size_t>(d)].low = lo;
    p.dims[static_cast<std::size_t>(d)].high = hi;
  };
  set(a, Dim::kDirectness, 8, 10);
  set(b, Dim::kDirectness, 1, 3);  // 5 apart
  set(a, Dim::kDecisionStyle, 2, 4);
  set(b, Dim::kDecisionStyle, 6, 9);  // 2 apart
  set(a, Dim::kFormality, 2, 5);
  set(b, Dim::kFormality, 4, 9);  // overlap 1, midpoints 3 apart
  const Comparison c = compare(a, b);
  const auto& dir = c.dims[static_cast<std::size_t>(Dim::kDirectness)];
  CHECK(dir.gap == 5);
  CHECK(dir.overlap == 0);
  CHECK(dir.shift == -7);
  CHECK(c.dims[static_cast<std::size_t>(Dim::kFormality)].overlap == 1);
  REQUIRE(c.frictions.size() == 3);
  CHECK(c.frictions[0].dim == Dim::kDirectness);
  CHECK(c.frictions[0].advice_key == "advice.directness.lower");
  CHECK(c.frictions[1].dim == Dim::kDecisionStyle);
  CHECK(c.frictions[1].advice_key == "advice.decision_style.higher");
  CHECK(c.frictions[2].dim == Dim::kFormality);
  // The same market has no friction with itself.
  CHECK(compare(a, a).frictions.empty());
}

// The markets the product promises (the sender's own culture is a profile too).
TEST_CASE("every shipped profile loads, complete and sourced") {
  Engine engine;
  const auto errors = engine.load(test::shipped_files());
  REQUIRE_MESSAGE(errors.empty(), format_errors(errors));
  for (const auto& entry : engine.data()->profiles()) {
    const std::string& code = entry.first;
    const Profile& p = entry.second;
    CAPTURE(code);
    CHECK(p.holidays.size() >= 5);
    CHECK(p.sources.size() >= 2);
    for (Dim d : kAllDims) CHECK(p.dim(d).rationale.size() >= 40);  // a real rationale, not a placeholder
  }
}
