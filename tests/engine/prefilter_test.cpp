// The literal prefilter and the paragraph cache change how fast the checker is, never what it finds.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "engine/checker.h"
#include "engine/message.h"
#include "engine/prefilter.h"
#include "test_util.h"

using namespace rapport;

namespace {
std::vector<std::string> lits(const char* pattern) { return required_literals(pattern).strings; }

// Every example of every shipped rule, with its «marks» taken out.
std::vector<std::string> all_examples() {
  std::vector<std::string> out;
  for (const RulePack* p : test::shipped_data().rule_packs()) {
    for (const Rule& r : p->rules) {
      for (const auto* list : {&r.flag_examples, &r.pass_examples}) {
        for (std::string e : *list) {
          for (const char* mark : {"«", "»"}) {
            for (auto at = e.find(mark); at != std::string::npos; at = e.find(mark)) e.erase(at, std::string(mark).size());
          }
          out.push_back(e);
        }
      }
    }
  }
  return out;
}

std::string key(const Finding& f) {
  return f.rule_id + "@" + std::to_string(f.begin) + "-" + std::to_string(f.end);
}
std::vector<std::string> keys(const std::vector<Finding>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) out.push_back(key(f));
  return out;
}
}  // namespace

TEST_CASE("required literals: what every match must contain") {
  CHECK(lits("touch base") == std::vector<std::string>{"touch base"});
  // A literal at a known distance from the start beats a longer one after an unbounded gap.
  CHECK(lits("\\b(?:need|want)\\s+your\\b") == std::vector<std::string>{"need", "want"});
  CHECK(lits("(?:Thanks|thank you) in advance") == std::vector<std::string>{" in advance"});
  CHECK(lits("\\bASAP\\b") == std::vector<std::string>{"asap"});            // folded
  CHECK(lits("Stra\\u00DFe|GRÜSSE") == std::vector<std::string>{"grüsse", "stra"});  // \u escapes: not literals
  CHECK(lits("GRÜSSE|Grüße") == std::vector<std::string>{"grüsse"});        // full case folding: ß = ss
  CHECK(lits("\\Qe.g.\\E") == std::vector<std::string>{"e.g."});
  CHECK(lits("colou?r") == std::vector<std::string>{"colo"});
  // Nothing can be required: an optional part, one letter, a class, an alternative without a literal.
  CHECK(lits("(?:foo)?bar?").empty() == false);
  CHECK(lits("a|bc").empty());
  CHECK(lits("[A-Z]{3,}").empty());
  CHECK(lits("foo|\\d+").empty());
  CHECK(lits("(?:foo)*").empty());
  // Constructs the analysis does not know make it give up rather than guess.
  CHECK(lits("(?x) touch # comment\n base").empty());
  CHECK(lits("[]a]bc").empty());
  CHECK(lits("\\ytouch").empty());
  // How far into a match the literal can start.
  CHECK(required_literals("\\bplease\\s{1,3}(?:send|give)").max_prefix == 0);
  CHECK(required_literals("(?:a|b)\\s{1,3}reply").max_prefix == 4);
  CHECK(required_literals("\\w+\\s+reply").max_prefix == -1);
  // Each literal keeps its own bound: "need" opens its alternative, "answer" comes after up to 9 characters.
  const auto both = required_literals("\\bneed\\b|(?:your|the)\\s{1,4}answer");
  REQUIRE(both.strings == std::vector<std::string>{"answer", "need"});
  CHECK(both.prefixes == std::vector<int>{8, 0});
}

TEST_CASE("the literal filter finds literals anywhere, case-folded, and says where") {
  LiteralFilter f;
  int a = 0, b = 0, c = 0;
  f.add(&a, required_literals("touch base"));
  f.add(&b, required_literals("GRÜSSE"));
  f.add(&c, Literals{});  // no literals: always may match
  f.build();
  const std::string text = "Let's TOUCH BASE and touch base. Viele Grüße";
  const auto h = f.scan(text);
  CHECK(h.may_match(&a));
  CHECK(h.may_match(&b));
  CHECK(h.may_match(&c));
  const auto sa = h.starts(&a);  // "touch base" begins its matches: each start is the occurrence itself
  REQUIRE(sa.size() == 2);
  CHECK((sa[0].from == 6 && sa[0].to == 6 && sa[1].from == 21 && sa[1].to == 21));
  const auto sb = h.starts(&b);
  REQUIRE(sb.size() == 1);
  CHECK(sb[0].to == text.find("Grüße"));
  CHECK_FALSE(f.scan("nothing here").may_match(&a));
}

TEST_CASE("the prefilter never changes the findings: every shipped rule on every example text") {
  const auto examples = all_examples();
  // Examples alone, then joined into longer messages (so literals of one rule sit in the text of others).
  std::vector<std::string> texts;
  for (std::size_t i = 0; i + 7 < examples.size(); i += 7) {
    std::string joined;
    for (std::size_t k = i; k < i + 7; ++k) joined += examples[k] + (k % 3 ? " " : "\n");
    texts.push_back(joined);
  }
  MessageContext ctx;
  ctx.ignore_conditions = true;
  std::size_t compared = 0, findings = 0;
  for (const RulePack* p : test::shipped_data().rule_packs()) {
    std::vector<const Rule*> rules;
    for (const Rule& r : p->rules) rules.push_back(&r);
    for (const auto& t : texts) {
      const auto fast = check_rules(rules, t, ctx, true);
      const auto slow = check_rules(rules, t, ctx, false);
      if (keys(fast) != keys(slow)) FAIL_CHECK("pack " << p->file << " differs on: " << t);
      findings += fast.size();
      ++compared;
    }
  }
  MESSAGE(compared << " checks compared, " << findings << " findings");
  CHECK(findings > 1000);
}

TEST_CASE("checking again with the paragraph cache gives what checking afresh gives") {
  const DataSet& data = test::shipped_data();
  const std::string base = test::source_file("bench/long-message.txt");
  ParagraphCache cache;
  const auto* pl = data.profile("PL");
  const auto* jp = data.profile("JP");
  auto same = [&](const std::string& text, const char* stage) {
    const auto cached = check_text(data, text, pl, jp, "en", "email", stage, &cache);
    const auto fresh = check_text(data, text, pl, jp, "en", "email", stage);
    CHECK(keys(cached.findings) == keys(fresh.findings));
  };
  same(base, "first");
  const auto misses = cache.misses;
  // A keystroke in one paragraph checks that paragraph only.
  std::string edited = base;
  edited.insert(edited.find("Let's touch base"), "Please send it ASAP. ");
  same(edited, "first");
  CHECK(cache.misses == misses + 1);
  // Splitting a paragraph, deleting one, a new greeting, another stage: still the same as afresh.
  std::string split = edited;
  split.replace(split.find(" The housing"), 1, "\n\n");
  same(split, "first");
  same(split.substr(split.find("1. Progress")), "first");
  same("Hey Ken,\n\n" + split, "first");
  same(split, "ongoing");
  // Softeners and advertising are judged over all paragraphs together.
  same("Send me the file.\n\nThanks, and please let me know.", "first");
  same("Send me the file.\n\nThanks.", "first");
  same("Big sale this week!\n\n20% off everything.", "first");
}

TEST_CASE("the user's choices: rules turned off and words allowed") {
  const DataSet& data = test::shipped_data();
  const std::string text = "Dear Mr. Sato,\n\nPlease send the figures ASAP so we can touch base.\n\nBest regards,\nJonas";
  auto rules = [&](const CheckOptions& o) {
    std::vector<std::string> out;
    for (const auto& f : check_text(data, text, data.profile("DE"), data.profile("JP"), o).findings) out.push_back(f.rule_id);
    return out;
  };
  const auto all = rules({});
  REQUIRE(std::count(all.begin(), all.end(), "en.idiom.touch-base") == 1);
  CheckOptions off;
  off.disabled_rules = {"en.idiom.touch-base"};
  const auto without = rules(off);
  CHECK(std::count(without.begin(), without.end(), "en.idiom.touch-base") == 0);
  CHECK(without.size() == all.size() - 1);
  CheckOptions allow;
  allow.allowed = {"ASAP"};
  for (const auto& f : check_text(data, text, data.profile("DE"), data.profile("JP"), allow).findings) CHECK(f.text != "ASAP");
  // The paragraph cache keeps no finding of a rule turned off since.
  ParagraphCache cache;
  (void)check_text(data, text, data.profile("DE"), data.profile("JP"), CheckOptions{}, &cache);
  const auto cached = check_text(data, text, data.profile("DE"), data.profile("JP"), off, &cache).findings;
  CHECK(std::none_of(cached.begin(), cached.end(), [](const Finding& f) { return f.rule_id == "en.idiom.touch-base"; }));
}
