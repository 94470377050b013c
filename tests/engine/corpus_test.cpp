// The checker against a corpus of realistic messages written for this project (tests/corpus/*.json), each
// labelled by hand with the problems an expert would point out, without looking at the rules. Reports
// precision and recall; fails when they fall below the floors below.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include "engine/exercises.h"
#include "engine/message.h"
#include "test_util.h"

using namespace rapport;
using nlohmann::json;

namespace {

struct Label {
  std::string category;
  std::size_t begin = 0, end = 0;
};

struct Score {
  int true_positive = 0, false_positive = 0, expected = 0, found = 0;
  double precision() const { return true_positive + false_positive ? double(true_positive) / (true_positive + false_positive) : 1; }
  double recall() const { return expected ? double(found) / expected : 1; }
};

std::vector<Label> labels(const json& items, const std::string& text, const std::string& where) {
  std::vector<Label> out;
  if (!items.is_array()) return out;
  for (const auto& it : items) {
    const std::string t = it.at("text").get<std::string>();
    const auto at = text.find(t);
    if (at == std::string::npos) FAIL_CHECK(where << ": labelled text not in the message: " << t);
    else out.push_back({it.at("category").get<std::string>(), at, at + t.size()});
  }
  return out;
}

// Labellers and rules sort some problems differently ("circle back": idiom or jargon? "Dear Thomas": greeting
// or address?), so a finding counts for a label of the same family of categories over the same text.
bool overlaps(const Label& l, const Finding& f) {
  return category_family(l.category) == category_family(f.category) && f.begin < l.end && l.begin < f.end;
}

}  // namespace

TEST_CASE("corpus: precision and recall on hand-labelled messages") {
  const DataSet& data = test::shipped_data();
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(RAPPORT_SOURCE_DIR) / "tests/corpus")) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());

  // Two views: every finding, and warnings and problems only (what the app shows first).
  Score all, serious;
  int messages = 0, clean_messages = 0, clean_flagged = 0;
  std::map<std::string, std::pair<int, int>> by_category;  // found / expected
  std::ostringstream report;
  for (const auto& file : files) {
    const json doc = json::parse(test::source_file("tests/corpus/" + file.filename().string()));
    for (const auto& m : doc.at("messages")) {
      ++messages;
      const std::string id = m.at("id").get<std::string>();
      const std::string text = m.at("text").get<std::string>();
      const auto expect = labels(m.at("expect"), text, id);
      const auto acceptable = labels(m.value("acceptable", json::array()), text, id);
      const Profile* from = data.profile(m.at("from").get<std::string>());
      const Profile* to = data.profile(m.at("to").get<std::string>());
      REQUIRE_MESSAGE((from && to), id);
      const auto r = check_text(data, text, from, to, m.value("language", ""), m.value("channel", "email"),
                                m.value("stage", "first"));
      for (Score* s : {&all, &serious}) {
        const bool only_serious = s == &serious;
        std::vector<bool> hit(expect.size(), false);
        for (const auto& f : r.findings) {
          if (only_serious && f.severity == RuleSeverity::kSuggestion) continue;
          bool matched = false;
          for (std::size_t i = 0; i < expect.size(); ++i) {
            if (overlaps(expect[i], f)) matched = hit[i] = true;
          }
          if (matched) {
            ++s->true_positive;
          } else if (std::none_of(acceptable.begin(), acceptable.end(), [&](const Label& l) { return overlaps(l, f); })) {
            ++s->false_positive;
            if (!only_serious) report << "  false alarm  " << id << "  " << f.rule_id << "  \"" << f.text << "\"\n";
          }
        }
        s->expected += static_cast<int>(expect.size());
        for (std::size_t i = 0; i < expect.size(); ++i) {
          if (hit[i]) ++s->found;
          if (!only_serious) {
            auto& c = by_category[expect[i].category];
            ++c.second;
            if (hit[i]) ++c.first;
            else report << "  missed       " << id << "  " << expect[i].category << "  \""
                        << text.substr(expect[i].begin, expect[i].end - expect[i].begin) << "\"\n";
          }
        }
      }
      if (expect.empty()) {
        ++clean_messages;
        if (std::any_of(r.findings.begin(), r.findings.end(), [&](const Finding& f) {
              return f.severity != RuleSeverity::kSuggestion &&
                     std::none_of(acceptable.begin(), acceptable.end(), [&](const Label& l) { return overlaps(l, f); });
            })) {
          ++clean_flagged;
        }
      }
    }
  }
  std::ostringstream summary;
  summary.precision(3);
  summary << messages << " messages (" << clean_messages << " with nothing to find)\n"
          << "all findings:           precision " << all.precision() << " (" << all.true_positive << " right, "
          << all.false_positive << " false alarms), recall " << all.recall() << " (" << all.found << " of "
          << all.expected << ")\n"
          << "warnings and problems:  precision " << serious.precision() << ", recall " << serious.recall() << "\n"
          << "clean messages with a warning or problem: " << clean_flagged << " of " << clean_messages << "\n"
          << "recall by category:";
  for (const auto& [c, n] : by_category) summary << " " << c << " " << n.first << "/" << n.second;
  MESSAGE(summary.str() << "\n" << report.str());

  CHECK(messages >= 80);
  CHECK(all.precision() >= 0.80);
  CHECK(all.recall() >= 0.75);
  CHECK(serious.precision() >= 0.85);
  CHECK(clean_flagged * 10 <= clean_messages);  // at most one clean message in ten gets a warning
}
