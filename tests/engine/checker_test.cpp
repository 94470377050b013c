// The message checker's kinds and the rule-pack loader, with small packs written here.
#include <doctest/doctest.h>

#include <algorithm>

#include "engine/checker.h"
#include "engine/engine.h"
#include "engine/message.h"
#include "engine/text.h"
#include "test_util.h"

using namespace rapport;

namespace {
const DataSet& shipped() { return test::shipped_data(); }

Result<RulePack, DataErrors> pack(const std::string& rules) {
  auto doc = parse_json("culture-profiles/rules/test.json",
                        R"({"language": "en", "description": "test", "rules": [)" + rules + "]}");
  REQUIRE(doc.ok());
  return load_rule_pack(*doc);
}

const char* kDeadline = R"({
  "id": "en.pressure.by-tomorrow", "kind": "pattern", "category": "pressure", "dimension": "decision_speed",
  "severity": "warning", "when": {"target": {"decision_speed": {"min": 6}}},
  "pattern": "\\b(?:need|expect)\\b[^.!?\\n]{0,40}\\b(?:by|before)\\s+(?:tomorrow|end of day|EOD)\\b",
  "why": "Decisions in {target} take time.", "fix": "Ask when a decision can be expected.",
  "replacement": "Could you let us know when you expect to decide?",
  "examples": {"flag": ["We «need your decision by tomorrow»."], "pass": ["When could you decide?"]},
  "source": "test"})";
}  // namespace

TEST_CASE("a rule pack loads, and its rule fires only where its conditions hold") {
  auto p = pack(kDeadline);
  REQUIRE_MESSAGE(p.ok(), format_errors(p.error()));
  MessageContext ctx;
  ctx.sender = shipped().profile("US");
  ctx.target = shipped().profile("JP");
  const std::string text = "Dear Mr. Tanaka,\nwe need your decision by tomorrow.\nBest regards";
  auto f = check_message({&*p}, "en", text, ctx);
  REQUIRE(f.size() == 1);
  CHECK(f[0].text == "need your decision by tomorrow");
  CHECK(f[0].begin == text.find("need"));
  CHECK(f[0].why == "Decisions in Japan take time.");
  CHECK(f[0].replacement.find("Could you") == 0);
  CHECK(f[0].severity == RuleSeverity::kProblem);  // US and Japan are far apart on decision speed: one step up
  ctx.target = shipped().profile("US");  // fast decisions: the rule does not apply
  CHECK(check_message({&*p}, "en", text, ctx).empty());
  CHECK(check_message({&*p}, "de", text, ctx).empty());  // another language's message
}

TEST_CASE("rules for second-language readers go by the languages readers grew up with") {
  auto p = pack(R"({
    "id": "en.idiom.touch-base", "kind": "phrase", "category": "idiom", "dimension": "none", "severity": "suggestion",
    "when": {"non_native": true}, "phrases": ["touch base"], "replacements": {"touch base": "talk"},
    "why": "An idiom.", "fix": "Say it plainly.",
    "examples": {"flag": ["Let's «touch base»."], "pass": ["Let's talk."]}, "source": "test"})");
  REQUIRE_MESSAGE(p.ok(), format_errors(p.error()));
  MessageContext ctx;
  ctx.sender = shipped().profile("US");
  const std::string text = "Let's touch base next week.";
  // English comes first among India's and Nigeria's business languages, but few readers grew up with it.
  for (const char* second : {"IN", "NG", "AE", "ZA", "JP", "DE"}) {
    ctx.target = shipped().profile(second);
    CHECK_MESSAGE(check_message({&*p}, "en", text, ctx).size() == 1, second);
  }
  for (const char* first : {"US", "GB", "AU", "IE", "SG"}) {
    ctx.target = shipped().profile(first);
    CHECK_MESSAGE(check_message({&*p}, "en", text, ctx).empty(), first);
  }
  REQUIRE(shipped().profile("IN") != nullptr);
  CHECK(shipped().profile("IN")->first_languages.tags.front() == "hi");
  CHECK(shipped().profile("JP")->first_languages.tags == std::vector<std::string>{"ja"});  // the default
}

TEST_CASE("a rule's explanations come from the UI catalog where it translates them, else from the pack") {
  // A German UI catalog that translates one shipped rule (keys "rule.<id>.why" and ".fix").
  std::vector<SourceFile> files = test::shipped_files();
  files.push_back({"i18n/de.json", R"({
    "ui.language.name": "Deutsch",
    "rule.en.idiom.touch-base.why": "Redewendungen wie „{match}“ verstehen Leser in {target} oft nicht.",
    "rule.en.idiom.touch-base.fix": "Schreiben Sie es direkt."})"});
  Engine engine;
  REQUIRE_MESSAGE(engine.load(files).empty(), format_errors(engine.load(files)));
  const DataSet& data = *engine.data();
  CheckOptions o;
  o.language = "en";
  const std::string text = "Hi Kenji,\nlet's touch base next week.\nBest regards";
  auto touch = [&](const MessageReport& r) {
    const auto it = std::find_if(r.findings.begin(), r.findings.end(),
                                 [](const Finding& f) { return f.rule_id == "en.idiom.touch-base"; });
    REQUIRE(it != r.findings.end());
    return *it;
  };
  const Finding english = touch(check_text(data, text, data.profile("US"), data.profile("JP"), o));
  CHECK(english.message_key == "rule.en.idiom.touch-base");
  o.ui_language = "de";
  const MessageReport german = check_text(data, text, data.profile("US"), data.profile("JP"), o);
  const Finding f = touch(german);
  CHECK(f.why == "Redewendungen wie „touch base“ verstehen Leser in Japan oft nicht.");
  CHECK(f.fix == "Schreiben Sie es direkt.");
  CHECK(f.replacement == english.replacement);  // the replacement is in the message's language
  // Rules the catalog does not translate keep the pack's English.
  for (const Finding& other : german.findings) {
    if (other.rule_id != "en.idiom.touch-base") CHECK(other.why.find("Redewendungen") == std::string::npos);
  }
}

TEST_CASE("spans are given in UTF-8 bytes and UTF-16 units") {
  auto p = pack(kDeadline);
  REQUIRE(p.ok());
  MessageContext ctx;
  ctx.ignore_conditions = true;
  const std::string text = "日本 😀: we need it by tomorrow";
  auto f = check_message({&*p}, "en", text, ctx);
  REQUIRE(f.size() == 1);
  CHECK(f[0].begin == text.find("need"));
  CHECK(f[0].begin_utf16 == 10);  // 日本 (2), space, 😀 (2), ":", space, "we " (3): 10 units
  CHECK(f[0].end_utf16 - f[0].begin_utf16 == utf16_length(f[0].text));
}

TEST_CASE("phrase, unsoftened, greeting, sign-off, pronoun and metric kinds") {
  auto p = pack(R"({"id": "en.idiom.touch-base", "kind": "phrase", "category": "idiom", "dimension": "none",
      "severity": "suggestion", "phrases": ["touch base", "circl* back"], "replacements": {"touch base": "talk"},
      "why": "w", "fix": "f", "examples": {"flag": ["Let's «touch base» soon."], "pass": ["The base touches."]}, "source": "s"},
    {"id": "en.directness.bare", "kind": "unsoftened", "category": "directness", "dimension": "directness",
      "severity": "warning", "pattern": "^\\s*(?:send|give) me\\b", "unless": ["\\bplease\\b", "\\bcould you\\b"],
      "why": "w", "fix": "f", "examples": {"flag": ["«Send me» the file."], "pass": ["Please send me the file."]}, "source": "s"},
    {"id": "en.greeting.hey", "kind": "greeting", "category": "greeting", "dimension": "formality",
      "severity": "warning", "pattern": "^hey\\b", "why": "w", "fix": "f",
      "examples": {"flag": ["«Hey» Hans,\nthe file."], "pass": ["Dear Hans,\nhey, the file."]}, "source": "s"},
    {"id": "en.greeting.none", "kind": "no_greeting", "category": "greeting", "dimension": "formality",
      "severity": "warning", "greetings": ["(?:dear|hello|hi)\\b"], "why": "w", "fix": "f",
      "examples": {"flag": ["«The file is late.»\nBest"], "pass": ["Dear Ms. Ito,\nthe file."]}, "source": "s"},
    {"id": "en.greeting.cheers", "kind": "sign_off", "category": "greeting", "dimension": "formality",
      "severity": "suggestion", "pattern": "^cheers\\b", "why": "w", "fix": "f",
      "examples": {"flag": ["Hi,\nthe file.\n«Cheers»"], "pass": ["Cheers,\nthe file.\nBest\nTom\nsent\nlater"]}, "source": "s"},
    {"id": "en.style.shouting", "kind": "metric", "category": "style", "dimension": "none", "severity": "warning",
      "metric": "caps_words", "max": 0, "why": "w", "fix": "f",
      "examples": {"flag": ["This is «URGENT» for the CEO."], "pass": ["Send the PDF to the CEO at 9:00 JST, in EUR."]}, "source": "s"},
    {"id": "en.ambiguity.dates", "kind": "date_format", "category": "ambiguity", "dimension": "none",
      "severity": "warning", "why": "w", "fix": "f",
      "examples": {"flag": ["We meet on «03/04/2026»."], "pass": ["We meet on 15/04/2026 or 2026-04-03."]}, "source": "s"})");
  REQUIRE_MESSAGE(p.ok(), format_errors(p.error()));
  MessageContext ctx;
  ctx.ignore_conditions = true;
  auto f = check_message({&*p}, "en", "Hey team,\nlet's circle back and touch base on 05/06/2026. URGENT!\nCheers", ctx);
  std::vector<std::string> ids;
  for (const auto& x : f) ids.push_back(x.rule_id + ":" + x.text);
  // "Hey" is not among the no_greeting rule's greetings either: both greeting rules fire.
  CHECK(ids == std::vector<std::string>{"en.greeting.hey:Hey", "en.greeting.none:Hey team,", "en.idiom.touch-base:circle back",
                                        "en.idiom.touch-base:touch base", "en.ambiguity.dates:05/06/2026",
                                        "en.style.shouting:URGENT", "en.greeting.cheers:Cheers"});
  CHECK(f[3].replacement == "talk");
}

TEST_CASE("commercial messages must carry what the target's law requires") {
  auto p = pack(R"({"id": "en.compliance.ad-label", "kind": "commercial", "category": "compliance",
      "dimension": "none", "severity": "problem", "detect": ["\\b(?:sale|discount|% off)\\b"], "requires": "ad_label",
      "why": "w", "fix": "f", "examples": {"flag": ["«Big sale this week»\n20% off everything."],
      "pass": ["Meeting notes\nAttached."]}, "source": "s"})");
  REQUIRE_MESSAGE(p.ok(), format_errors(p.error()));
  MessageContext ctx;
  ctx.sender = shipped().profile("US");
  ctx.target = shipped().profile("IL");
  const auto& label = ctx.target->marketing_law.ad_label_text;
  REQUIRE_FALSE(label.empty());
  CHECK(check_message({&*p}, "en", "Big sale this week\n20% off everything.", ctx).size() == 1);
  CHECK(check_message({&*p}, "en", label + ": Big sale this week\n20% off everything.", ctx).empty());
}

TEST_CASE("a commercial message names its sender: contact details as people write them at home") {
  auto p = pack(R"({"id": "en.compliance.sender", "kind": "commercial", "category": "compliance",
      "dimension": "none", "severity": "problem", "detect": ["\\b\\d+% off\\b"], "requires": "sender_identity",
      "why": "w", "fix": "f", "examples": {"flag": ["«Summer sale: 20% off all chairs»"],
      "pass": ["Summer sale: 20% off all chairs\nChairly Ltd, sales@chairly.example"]}, "source": "s"})");
  REQUIRE_MESSAGE(p.ok(), format_errors(p.error()));
  MessageContext ctx;
  ctx.sender = shipped().profile("IL");
  ctx.target = shipped().profile("IL");
  const std::string ad = "Summer sale: 20% off all chairs\nChairly Ltd, ";
  CHECK(check_message({&*p}, "en", ad + "Tel Aviv", ctx).size() == 1);  // a name alone is not enough
  for (const char* contact : {"03-5551234", "054-555-1234", "*2345", "1-800-123-456", "+972 3 555 1234",
                              "020 7946 0958", "01 23 45 67 89", "(212) 555-0100", "212-555-0100",
                              "Tel. 5551234", "טל' 5551234", "www.chairly.example", "https://chairly.example"}) {
    CHECK_MESSAGE(check_message({&*p}, "en", ad + contact, ctx).empty(), contact);
  }
  // Numbers that are not phone numbers: a date, an amount, an order number.
  for (const char* other : {"offer ends 01.12.2026", "from USD 1,200", "order 2026-11-22", "item 4711-0815"}) {
    CHECK_MESSAGE(check_message({&*p}, "en", ad + other, ctx).size() == 1, other);
  }
}

TEST_CASE("a broken rule pack reports every mistake with its position, and loads nothing") {
  auto p = pack(R"({"id": "en.x.bad-regex", "kind": "pattern", "category": "style", "dimension": "none",
      "severity": "warning", "pattern": "(unclosed", "why": "w", "fix": "f",
      "examples": {"flag": ["«x»"], "pass": ["y"]}, "source": "s"},
    {"id": "en.x.wrong-example", "kind": "phrase", "category": "idiom", "dimension": "none", "severity": "suggestion",
      "phrases": ["touch base"], "why": "w", "fix": "f",
      "examples": {"flag": ["Let's touch «base»."], "pass": ["We touch base."]}, "source": "s"},
    {"id": "en.x.kind", "kind": "magic", "category": "style", "dimension": "none", "severity": "warning",
      "why": "w", "fix": "f", "examples": {"flag": ["«x»"], "pass": ["y"]}, "source": "s"})");
  REQUIRE_FALSE(p.ok());
  const std::string all = format_errors(p.error());
  CHECK(all.find("does not compile (U_REGEX_MISMATCHED_PAREN") != std::string::npos);
  CHECK(all.find("does not flag the marked span \"base\" (it flags \"touch base\")") != std::string::npos);
  CHECK(all.find("flags a pass example at \"touch base\"") != std::string::npos);
  CHECK(all.find("\"magic\" is not one of") != std::string::npos);
  CHECK(all.find("culture-profiles/rules/test.json:2:30: error: the regular expression does not compile") == 0);
  CHECK(all.find("missing required field") == std::string::npos);  // an unknown kind asks for nothing more
}

TEST_CASE("repeats of white space and word characters run as written; the analysis reads them bounded") {
  auto p = pack(R"({
  "id": "en.test.bounded", "kind": "pattern", "category": "pressure", "dimension": "none", "severity": "warning",
  "pattern": "\\byour\\s+(?:[\\w&-]+\\s*){0,2}?team\\w*[ \\t]+[^.!?\\n]*[a-z]+\\?",
  "why": "w", "fix": "f",
  "examples": {"flag": ["Did «your sales team really miss it?»"], "pass": ["Our team did."]},
  "source": "test"})");
  REQUIRE_MESSAGE(p.ok(), format_errors(p.error()));
  const RuleRegex& x = p->rules.at(0).patterns.at(0);
  CHECK(x.source == "i:\\byour\\s+(?:[\\w&-]+\\s*){0,2}?team\\w*[ \\t]+[^.!?\\n]*[a-z]+\\?");
  CHECK(x.folded != nullptr);  // and it has a form for folded text
  // The analysis took the repeats as bounded: "team" comes at most 4 + 16 + 2 * (40 + 16) characters in.
  CHECK(x.literals.strings == std::vector<std::string>{"your"});
  REQUIRE(x.literals.also.size() == 1);
  CHECK(x.literals.also[0].strings == std::vector<std::string>{"team"});
  CHECK(x.literals.also[0].prefixes == std::vector<int>{4 + kMaxSpaceRun + 2 * (kMaxWordRun + kMaxSpaceRun)});
  // Matching is not bounded: 20 spaces, and a word of 45 letters, are matched (the checker searches the whole
  // paragraph when its runs are longer than the analysis assumed).
  MessageContext ctx;
  ctx.ignore_conditions = true;
  const std::string spaces = "Did your" + std::string(20, ' ') + "team really miss it?";
  const std::string word = "Did your " + std::string(45, 'x') + " team miss it?";
  for (const std::string& t : {spaces, word}) {
    std::vector<const Rule*> rules{&p->rules.at(0)};
    CHECK(check_rules(rules, t, ctx, true).size() == 1);
    CHECK(check_rules(rules, t, ctx, false).size() == 1);
  }
}
