// The literal prefilter and the paragraph cache change how fast the checker is, never what it finds.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>

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

TEST_CASE("required literals: which must open a word") {
  auto starts = [](const char* pattern) { return required_literals(pattern).word_starts; };
  CHECK(starts("\\b(?:need|want)\\s+your") == std::vector<bool>{true, true});
  CHECK(starts("(?:^|[.!?]\\s+|\\n\\s*)No\\b") == std::vector<bool>{true});
  CHECK(starts("[-*]\\s*(?:send|give)") == std::vector<bool>{true, true});  // after punctuation, any spaces
  CHECK(starts("(?<!\\bnot\\s)\\bplease") == std::vector<bool>{true});   // lookbehinds leave it as it was
  CHECK(starts("colou?r") == std::vector<bool>{false});                      // "discolour"
  CHECK(starts("\\d+\\s?pm\\b") == std::vector<bool>{false});                // "3pm": a digit before
  CHECK(starts("\\b'em\\b") == std::vector<bool>{false});                      // \b before a quote: a word before it
  CHECK(starts("(?:\\bneed|kneed)") == std::vector<bool>{false, true});  // (sorted: "kneed", "need")
  CHECK(starts("[a-z]\\s+reply") == std::vector<bool>{true});
  CHECK(starts("[a-z-]reply") == std::vector<bool>{false});                 // a set that may hold a letter
  CHECK(starts("(?<![\\w'])ur\\b") == std::vector<bool>{true});             // no word character before
  CHECK(starts("(?<![\\p{L}])ur\\b") == std::vector<bool>{false});          // (a combining mark may be before)
  CHECK(starts("(?w)\\bneed") == std::vector<bool>{false});                 // Unicode word breaks: not \w

  // In a text, an occurrence inside a word does not count for such a literal.
  LiteralFilter f;
  int po = 0, colour = 0;
  f.add(&po, required_literals("\\b(?:PO|order)\\b"));
  f.add(&colour, required_literals("colou?r"));
  f.build();
  CHECK_FALSE(f.scan("see the report, look at the support").may_match(&po));
  CHECK(f.scan("Attached: PO 4711").may_match(&po));
  CHECK(f.scan("(po) 4711").may_match(&po));
  CHECK(f.scan("é\u0301 po").may_match(&po));     // a combining mark after a space is not a word
  CHECK(f.scan("discolour").may_match(&colour));
}

TEST_CASE("where a match can begin") {
  auto begins = [](const char* pattern, const std::u16string& text, std::size_t at) {
    return required_literals(pattern).first.may_begin(text.data(), text.size(), at);
  };
  CHECK(required_literals("\\bneed").first.known);
  CHECK(begins("\\bneed", u"we need", 3));
  CHECK_FALSE(begins("\\bneed", u"we kneed", 4));  // inside a word
  CHECK_FALSE(begins("\\bneed", u"we need", 2));   // a space
  CHECK(begins("\\bneed", u"we NEED", 3));         // either case
  CHECK(begins("\\bneed", u"ñ", 0));               // outside ASCII: always tried
  // After a line start or punctuation: the punctuation anywhere, the word only at a word start.
  const char* no = "(?:^|[.!?]\\s+)No\\b";
  CHECK(begins(no, u"x. No", 1));
  CHECK(begins(no, u"No", 0));
  CHECK_FALSE(begins(no, u"xNo", 1));
  CHECK_FALSE(begins(no, u"x, No", 1));
  // Sets, ranges and classes; a negated set; anything the analysis does not know may begin anywhere.
  CHECK_FALSE(begins("[0-9]+\\s?pm", u"a", 0));
  CHECK(begins("[0-9]+\\s?pm", u"7", 0));
  CHECK(begins("[^a-z]x", u"A", 0));  // case-insensitive matching may take "A" for a letter or not: tried
  CHECK(begins("\\p{L}+ing", u" ", 0));  // a property: any ASCII character may belong
  CHECK_FALSE(required_literals("x?").first.known);  // can match nothing: anywhere
  // After ^ (no multi-line mode): only at the start of the text.
  CHECK(begins("^(?:hi|hey)\\b", u"hi there", 0));
  CHECK_FALSE(begins("^(?:hi|hey)\\b", u"oh hi", 3));
  CHECK(begins("(?m)^hi", u"oh\nhi", 3));
  CHECK(begins("(?:^|\\n)hi", u"oh\nhi", 2));
  CHECK_FALSE(begins("(?:^|\\n)hi", u"oh\nhi", 3));
  // Case folding reaches ASCII from outside it: the Kelvin sign matches k, ﬀ matches ff.
  CHECK(begins("\u212Aelvin", u"kelvin", 0));
  CHECK(begins("[\u212A]elvin", u"Kelvin", 0));
  CHECK(begins("\uFB00ort", u"ffort", 0));
  CHECK_FALSE(required_literals(".*").first.known);
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
  const auto sa = h.starts(&a).value();  // "touch base" begins its matches: each start is the occurrence itself
  REQUIRE(sa.size() == 2);
  CHECK((sa[0].from == 6 && sa[0].to == 6 && sa[1].from == 21 && sa[1].to == 21));
  const auto sb = h.starts(&b).value();
  REQUIRE(sb.size() == 1);
  CHECK(sb[0].to == text.find("Grüße"));
  CHECK_FALSE(h.starts(&c));  // no literals: anywhere
  CHECK_FALSE(f.scan("nothing here").may_match(&a));
}

TEST_CASE("a paragraph keeps the bounds the analysis assumes unless it has a longer run of spaces or of a word") {
  CHECK(runs_within_bounds(""));
  CHECK(runs_within_bounds("Dear Ms Tanaka,\n\nthank you for the well-prepared visit."));
  CHECK(runs_within_bounds("a" + std::string(kMaxSpaceRun, ' ') + "b"));
  CHECK_FALSE(runs_within_bounds("a" + std::string(kMaxSpaceRun + 1, ' ') + "b"));
  CHECK(runs_within_bounds(std::string(kMaxWordRun, 'x')));
  CHECK_FALSE(runs_within_bounds(std::string(kMaxWordRun + 1, 'x')));
  // White space outside ASCII counts (as \s sees it), and so do letters, hyphens and apostrophes in a word.
  std::string wide;
  for (int i = 0; i <= kMaxSpaceRun; ++i) wide += i % 2 ? "\u00A0" : "\u3000";
  CHECK_FALSE(runs_within_bounds("a" + wide + "b"));
  std::string chain;
  for (int i = 0; i < 10; ++i) chain += "ż’y-";
  CHECK(runs_within_bounds(chain));  // 40 characters (ż is two bytes, ’ three), then one more
  CHECK_FALSE(runs_within_bounds(chain + "a"));
  // Other marks end a run.
  CHECK(runs_within_bounds(std::string(kMaxWordRun, 'x') + "." + std::string(kMaxWordRun, 'y')));
}

TEST_CASE("a match starts near an occurrence of every required set, so only places near all of them are tried") {
  LiteralFilter f;
  int x = 0;
  const Literals lits = required_literals("\\byou\\s{1,16}(?:really\\s{1,16})?failed\\b");
  REQUIRE(lits.strings == std::vector<std::string>{"failed"});  // the rarer word finds matches
  CHECK(lits.prefixes == std::vector<int>{3 + 16 + 6 + 16});      // after "you", spaces, "really", spaces
  REQUIRE(lits.also.size() == 1);
  CHECK(lits.also[0].strings == std::vector<std::string>{"you"});
  CHECK(lits.also[0].prefixes == std::vector<int>{0});
  f.add(&x, lits);
  f.build();
  // Three "you", "failed" once: only the "you" just before it is a place to try.
  const std::string text = "Did you see the report we sent on Monday? I think you failed. Thank you!";
  const auto h = f.scan(text);
  const auto s = h.starts(&x).value();
  const std::size_t you = text.find("you failed");
  REQUIRE(s.size() == 1);
  CHECK(s[0].from == you);
  CHECK(s[0].to == you);
  // "failed" too far from any "you": no place at all (the paragraph holds both, no match can).
  const std::string apart = "you " + std::string(60, '.') + " failed";
  CHECK(f.scan(apart).starts(&x).value().empty());
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
  // Realistic messages: the corpus and the benchmark's long email.
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(RAPPORT_SOURCE_DIR) / "tests/corpus")) {
    if (e.path().extension() != ".json") continue;
    const auto doc = nlohmann::json::parse(test::source_file("tests/corpus/" + e.path().filename().string()));
    for (const auto& m : doc.at("messages")) texts.push_back(m.at("text").get<std::string>());
  }
  texts.push_back(test::source_file("bench/long-message.txt"));
  // Words of the examples in a shuffled order, with punctuation and capitals moved about: literals at the
  // edges of words, after odd characters, at the very start and end of a text.
  std::vector<std::string> words;
  for (const auto& e : examples) {
    std::size_t at = 0;
    while (at < e.size()) {
      const std::size_t end = std::min(e.find_first_of(" \n", at), e.size());
      if (end > at) words.push_back(e.substr(at, end - at));
      at = end + 1;
    }
  }
  std::uint32_t seed = 12345;
  auto random = [&seed](std::size_t n) {
    seed = seed * 1664525u + 1013904223u;
    return static_cast<std::size_t>((seed >> 8) % n);
  };
  // (Capitals, and letters whose folding is special: É, a Kelvin sign, ß and the ﬀ ligature fold to two letters,
  // so a paragraph with them runs the expressions as written.)
  // (And runs longer than the analysis assumes, kMaxSpaceRun and kMaxWordRun: then a paragraph is searched
  // everywhere.)
  const std::string spaces(kMaxSpaceRun + 3, ' '), letters(kMaxWordRun + 1, 'x');
  const std::string glue[] = {" ", " ", " ", "\n", ", ", ". ", "-", "", "!\n", "\u00A0", "’", "_", " É", "\u212A", " ß", "ﬀ",
                              spaces, " \t\u2003 \u00A0\t  \u3000  \t \t \t  \t \t ", " " + letters + " ", "-" + letters + "’"};
  for (int t = 0; t < 300; ++t) {
    std::string text;
    for (int k = 0, n = 3 + static_cast<int>(random(25)); k < n; ++k) {
      std::string w = words[random(words.size())];
      if (random(5) == 0 && !w.empty()) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
      if (random(9) == 0) {
        for (auto& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      text += w + glue[random(t % 2 ? 12 : std::size(glue))];
    }
    texts.push_back(text);
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
      if (keys(fast) != keys(slow)) {
        // Which findings one way has and the other lacks.
        std::string only_fast, only_slow;
        const auto kf = keys(fast), ks = keys(slow);
        for (const auto& k : kf) {
          if (std::find(ks.begin(), ks.end(), k) == ks.end()) only_fast += " " + k;
        }
        for (const auto& k : ks) {
          if (std::find(kf.begin(), kf.end(), k) == kf.end()) only_slow += " " + k;
        }
        FAIL_CHECK("pack " << p->file << " differs (only with the filter:" << only_fast << "; only without:" << only_slow
                           << ") on: " << t);
      }
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

TEST_CASE("expressions are folded for case-folded text only where that keeps their matches") {
  CHECK(folded_pattern("Dear\\s+[A-Z]\\w+") == "dear\\s+[a-z]\\w+");
  CHECK(folded_pattern("\\QMr.\\E Smith[vV]") == "\\Qmr.\\E smith[vv]");
  CHECK(folded_pattern("(?<![\\w-])ÉTÉ\\b") == "(?<![\\w-])été\\b");
  CHECK(folded_pattern("(?-i:[\\p{L}\\p{M}]){0,40}") == "(?-i:[\\p{L}\\p{M}]){0,40}");  // case does not touch the set
  CHECK(folded_pattern("[^.!?\\n]*\\?") == "[^.!?\\n]*\\?");
  CHECK_FALSE(folded_pattern("(?-i:ASAP)"));      // case matters there
  CHECK_FALSE(folded_pattern("[^a-z]"));          // a negated set of letters
  CHECK_FALSE(folded_pattern("\\p{Lu}\\w+"));     // a property that depends on case
  CHECK_FALSE(folded_pattern("Grüße|straße"));    // ß folds to two letters
  CHECK_FALSE(folded_pattern("[À-Ý]"));           // a range beyond ASCII letters
  CHECK_FALSE(folded_pattern("\\x{41}"));         // escapes by code
  CHECK_FALSE(folded_pattern("(?x) a b # c"));    // comments
  std::u16string out;
  const std::u16string text = u"Hello ÉTÉ K\u212A";  // (a Kelvin sign)
  REQUIRE(fold_text(text.data(), text.size(), out));
  CHECK(out == u"hello été kk");
  const std::u16string sharp = u"Grüße";
  CHECK_FALSE(fold_text(sharp.data(), sharp.size(), out));
  // Nearly every shipped expression has a folded form, and each compiles.
  std::size_t insensitive = 0, folded = 0;
  for (const RulePack* p : test::shipped_data().rule_packs()) {
    for (const Rule& r : p->rules) {
      for (const auto* list : {&r.patterns, &r.unless, &r.greetings, &r.detect}) {
        for (const RuleRegex& x : *list) {
          if (x.source.rfind("i:", 0) != 0) continue;
          ++insensitive;
          const bool folds = folded_pattern(x.source.substr(2)).has_value();
          CHECK_MESSAGE(folds == (x.folded != nullptr), x.source);
          folded += folds;
        }
      }
    }
  }
  MESSAGE(folded << " of " << insensitive << " case-insensitive expressions folded");
  CHECK(folded * 10 > insensitive * 9);
}

TEST_CASE("the word a match begins with is known after sentence punctuation, bullets and optional words") {
  auto at = [](const char* pattern, const std::u16string& text, std::size_t x) {
    return required_literals(pattern).lead.may_begin(text.data(), text.size(), x);
  };
  const char* imperative = "(?:^|[.!?]\\s{1,16})(?:[-*]\\s{0,4})?(?:(?:also|and),?\\s{1,16})?(send|fix)\\s{1,16}it";
  const Literals l = required_literals(imperative);
  REQUIRE(l.lead.known);
  CHECK(l.lead.max_skip == 1 + 16 + 5);
  const std::u16string text = u"Ok. Send it. And fix it. We send it.\u00A0- also send";
  CHECK(at(imperative, text, 2));                     // ". Send"
  CHECK(at(imperative, text, 11));                    // ". And"
  CHECK_FALSE(at(imperative, text, 23));              // ". We"
  CHECK(at(imperative, text, text.size() - 12));      // a character outside ASCII: always tried
  CHECK_FALSE(at(imperative, text, text.size()));     // nothing left
  CHECK(at("\\b(?:we|i)\\s{1,16}need", u"I need", 0));
  CHECK_FALSE(at("\\b(?:we|i)\\s{1,16}need", u"You need", 0));
  CHECK(at("(?<!\\bnot\\s)\\b(?:please|kindly)", u"KINDLY", 0));  // lookbehinds and case do not matter
  // Whole words where a non-word character must follow: "a" is not "about", "the" is not "then".
  const char* whole = "\\b(?:a|the|need)\\s{1,16}answer";
  CHECK(at(whole, u"a answer", 0));
  CHECK(at(whole, u"The answer", 0));
  CHECK_FALSE(at(whole, u"about", 0));
  CHECK_FALSE(at(whole, u"then", 0));
  CHECK_FALSE(at(whole, u"needs", 0));
  CHECK(at("\\bneeds\\s", u"needy", 0));  // longer than four letters: only its beginning is kept
  CHECK(at(whole, u"the\u00E9", 0));  // a letter outside ASCII may go on with the word
  CHECK(at("\\ba(?:bc)?", u"about", 0));  // something other than white space follows: not a whole word
  // Unknown where a match may begin with a word the analysis cannot name, or hold no word at all.
  CHECK_FALSE(required_literals("\\w{1,5}ing").lead.known);
  CHECK_FALSE(required_literals("[.!?]{1,3}").lead.known);
  CHECK_FALSE(required_literals("(?:send|[a-z]{1,9}ed)").lead.known);
}

TEST_CASE("which kinds of places can begin a match: punctuation and line breaks, or word starts") {
  auto places = [](const char* pattern) { return required_literals(pattern).first.places; };
  using P = FirstChars::Places;
  CHECK(places("(?:^|[.!?]\\s{1,16}|\\n\\s{0,16})No\\b") == P::kMarks);
  CHECK(places("\\b(?:please|kindly)") == P::kWordStarts);
  CHECK(places("(?<![\\w-])asap") == P::kWordStarts);
  CHECK(places("\\s[-–]\\s") == P::kAny);      // a space begins it
  CHECK(places("colou?r") == P::kAny);         // inside a word too
  CHECK(places("(?:\\bsend|[.!?]\\s)") == P::kAny);  // both kinds
}

TEST_CASE("marks every match holds: a question needs its question mark") {
  CHECK(required_literals("(?:^|[.!?]\\s{1,16})(?:don['’]t|can['’]t)\\s{1,16}you[^.!?\\n]{0,80}\\?").marks == "?");
  CHECK(required_literals("\\d{1,2}:\\d\\d").marks == ":");
  CHECK(required_literals("(?:No[.!]|No,\\s{1,9}we)").marks.empty());  // only in some alternatives
  CHECK(required_literals("[?？]").marks.empty());                      // a set may match a character outside ASCII
  CHECK(required_literals("Hello(?=\\?)").marks.empty());               // a lookahead does not consume it
  CHECK(required_literals("(?:a-b)?c").marks.empty());                  // optional
}
