// Workshop exercises: the shipped deck (culture-profiles/exercises/) and the contract the app relies on (every
// listed problem is found by the checker on the draft, every model answer passes), how a participant's rewrite
// is judged, and the loader's errors on broken decks.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "engine/exercises.h"
#include "engine/message.h"
#include "test_util.h"

using namespace rapport;

namespace {

const char* severity_name(RuleSeverity s) {
  return s == RuleSeverity::kProblem ? "problem" : s == RuleSeverity::kWarning ? "warning" : "suggestion";
}

std::string describe(const Finding& f) {
  return std::string(severity_name(f.severity)) + " " + f.rule_id + " \"" + f.text + "\"";
}

Result<ExerciseDeck, DataErrors> deck_from(const std::string& text, const std::string& file = "exercises.json") {
  auto doc = parse_json(file, text);
  REQUIRE_MESSAGE(doc.ok(), format_errors(doc.error()));
  return load_exercise_deck(*doc);
}

// A deck of one exercise for the tests below; `draft` and `problems` are JSON text.
std::string one_exercise(const std::string& draft, const std::string& problems, const std::string& extra = "") {
  return R"({
  "language": "en",
  "description": "Test deck.",
  "exercises": [
    {
      "id": "test-one",
      "title": "A test",
      "level": "beginner",
      "from": "US",
      "to": "JP",
      "channel": "email",
      "stage": "first",
      "language": "en",
      "scenario": "Someone writes to someone.",
      "draft": )" +
         draft + R"(,
      "problems": )" +
         problems + R"(,
      "discussion": "Why it matters.",
      "model": "Dear Mr. Tanaka,\n\nThank you.\n\nKind regards,\nMike",
      "sources": ["A book"])" +
         extra + R"(
    }
  ]
})";
}

bool has_error(const DataErrors& errors, const std::string& path, const std::string& text, int line = 0) {
  return std::any_of(errors.begin(), errors.end(), [&](const DataError& e) {
    return e.json_path == path && e.message.find(text) != std::string::npos && (line == 0 || e.pos.line == line);
  });
}

}  // namespace

TEST_CASE("exercises: data files under culture-profiles/exercises/ are exercise decks") {
  CHECK(data_kind("culture-profiles/exercises/en.json") == DataKind::kExercises);
  CHECK(data_kind("culture-profiles/exercises/pt-BR.json") == DataKind::kExercises);
  CHECK(data_kind("culture-profiles/exercises/.json") == DataKind::kUnknown);
  CHECK(data_kind("culture-profiles/exercises/old/en.json") == DataKind::kUnknown);
  CHECK(data_kind("culture-profiles/rules/en.json") == DataKind::kRulePack);
}

TEST_CASE("exercises: the shipped deck loads, varied and complete") {
  const DataSet& data = test::shipped_data();
  const ExerciseDeck* deck = data.exercises("en");
  REQUIRE(deck != nullptr);
  CHECK(data.exercises("he") == deck);  // falls back to English
  CHECK(deck->language == "en");
  CHECK(deck->exercises.size() >= 14);
  REQUIRE(!deck->exercises.empty());
  CHECK(deck->find(deck->exercises.front().id) == &deck->exercises.front());
  CHECK(deck->find("no-such-exercise") == nullptr);

  std::set<std::string> pairs, levels, categories, languages;
  for (const auto& ex : deck->exercises) {
    pairs.insert(ex.from + ">" + ex.to);
    levels.insert(ex.level);
    languages.insert(ex.language);
    for (const auto& p : ex.problems) categories.insert(p.category);
    CHECK_MESSAGE(ex.problems.size() >= 3, ex.id);
    CHECK_MESSAGE(ex.draft != ex.model, ex.id);
    for (const auto& p : ex.problems) CHECK(ex.draft.substr(p.begin, p.end - p.begin) == p.text);
  }
  CHECK(pairs.size() >= 12);
  CHECK(levels == std::set<std::string>{"advanced", "beginner", "intermediate"});
  CHECK(categories.size() >= 10);
  CHECK(languages.size() >= 2);  // at least one draft in another language than English
}

TEST_CASE("exercises: every listed problem is flagged on its draft, and nothing serious is left unlisted") {
  // The contract the app relies on: a participant who checks the draft sees every problem the trainer lists, and
  // every warning or problem the checker shows is one the exercise talks about.
  const DataSet& data = test::shipped_data();
  const ExerciseDeck* deck = data.exercises("en");
  REQUIRE(deck != nullptr);
  for (const auto& ex : deck->exercises) {
    CAPTURE(ex.id);
    const ExerciseStatus s = exercise_status(data, ex, ex.draft);
    REQUIRE(s.problems.size() == ex.problems.size());
    CHECK(s.report.language == ex.language);
    for (const auto& p : s.problems) {
      CHECK_MESSAGE(p.remains,
                    "not flagged: " << ex.problems[p.problem].category << " \"" << ex.problems[p.problem].text << "\"");
      CHECK(p.text_present);
    }
    for (std::size_t k : s.new_findings) {
      const Finding& f = s.report.findings[k];
      CHECK_MESSAGE(f.severity == RuleSeverity::kSuggestion, "flagged on the draft but not listed: " << describe(f));
    }
  }
}

TEST_CASE("exercises: every model answer passes with no warning or problem") {
  // Suggestions are allowed on a model (culture-profiles/exercises/README.md says why); none of the listed
  // problems may be found in it.
  const DataSet& data = test::shipped_data();
  const ExerciseDeck* deck = data.exercises("en");
  REQUIRE(deck != nullptr);
  for (const auto& ex : deck->exercises) {
    CAPTURE(ex.id);
    const ExerciseStatus s = exercise_status(data, ex, ex.model);
    for (const auto& f : s.report.findings) {
      CHECK_MESSAGE(f.severity == RuleSeverity::kSuggestion, "in the model: " << describe(f));
    }
    CHECK(s.remaining() == 0);
  }
}

TEST_CASE("exercise status: which problems a rewrite still has") {
  const DataSet& data = test::shipped_data();
  auto deck = deck_from(one_exercise(
      R"("Hi Kenji,\n\nSend us the signed contract by Friday. We'll need your decision by tomorrow, and the samples ship on 03/04/2026 or 05/06/2026.\n\nLet's touch base at 9am.\n\nCheers,\nMike")",
      R"([
        {"category": "greeting", "text": "Hi Kenji", "hint": "h"},
        {"category": "directness", "text": "Send us the signed contract by Friday", "hint": "h"},
        {"category": "pressure", "text": "need your decision by tomorrow", "hint": "h"},
        {"category": "ambiguity", "text": "03/04/2026", "hint": "h"},
        {"category": "ambiguity", "text": "05/06/2026", "hint": "h"},
        {"category": "idiom", "text": "touch base", "hint": "h"},
        {"category": "formality", "text": "Cheers", "hint": "h"}
      ])"));
  REQUIRE_MESSAGE(deck.ok(), format_errors(deck.error()));
  const Exercise& ex = deck->exercises.front();
  enum { kGreeting, kImperative, kDeadline, kDate1, kDate2, kIdiom, kCheers };
  auto remains = [](const ExerciseStatus& s) {
    std::vector<bool> out;
    for (const auto& p : s.problems) out.push_back(p.remains);
    return out;
  };

  SUBCASE("the draft itself: every problem remains; the unlisted time is new") {
    const auto s = exercise_status(data, ex, ex.draft);
    CHECK(s.remaining() == ex.problems.size());
    REQUIRE(s.new_findings.size() == 1);
    CHECK(s.report.findings[s.new_findings[0]].text == "9am");
  }
  SUBCASE("problems whose text is gone are solved; the others remain where they are") {
    const auto s = exercise_status(
        data, ex,
        "Dear Mr. Tanaka,\n\nSend us the signed contract by Friday. We'll need your decision by tomorrow, and the "
        "samples ship on 3 April 2026 or 05/06/2026.\n\nCould you let us know if 9:00 Japan time suits you for a "
        "call?\n\n"
        "Cheers,\nMike");
    // "Could you" softens the whole message: the imperative, still there word for word, is no longer flagged.
    CHECK(remains(s) == std::vector<bool>{false, false, true, false, true, false, true});
    CHECK(s.problems[kImperative].text_present);
    CHECK(!s.problems[kDate1].text_present);
    CHECK(s.problems[kDeadline].text_present);
    const auto& deadline = s.report.findings.at(s.problems[kDeadline].findings.at(0));
    CHECK(deadline.rule_id == "en.pressure.decision-by-deadline");
    CHECK(s.report.text.substr(s.problems[kCheers].begin, s.problems[kCheers].end - s.problems[kCheers].begin) ==
          "Cheers");
    CHECK(s.new_findings.empty());
  }
  SUBCASE("a problem reworded but still caught by the same rule remains") {
    const auto s = exercise_status(
        data, ex,
        "Dear Mr. Tanaka,\n\nCould you send us the signed contract? We'll need your answer by tomorrow, and the "
        "samples ship on 3 April 2026 or 6/5/2026.\n\nKind regards,\nMike");
    CHECK(remains(s) == std::vector<bool>{false, false, true, true, false, false, false});
    CHECK(!s.problems[kDeadline].text_present);
    // One ambiguous date is left: it is counted once, for the first date problem, not for both.
    CHECK(s.remaining() == 2);
    CHECK(s.new_findings.empty());
  }
  SUBCASE("a different rule of the same family is a new finding, not the old problem") {
    const auto s = exercise_status(
        data, ex,
        "Dear Mr. Tanaka,\n\nCould you send us the signed contract? We would like to circle back on 3 April 2026 "
        "and 5 June 2026.\n\nKind regards,\nMike");
    CHECK(s.remaining() == 0);
    REQUIRE(s.new_findings.size() == 1);
    CHECK(s.report.findings[s.new_findings[0]].rule_id == "en.idiom.circle-back");
  }
  SUBCASE("an empty rewrite has none of the problems") {
    const auto s = exercise_status(data, ex, "");
    CHECK(s.remaining() == 0);
  }
}

TEST_CASE("exercise decks: broken decks give every error with its position and JSON path") {
  const std::string draft = R"("Hi Kenji,\n\nWe need it ASAP. ASAP!\n\nCheers,\nMike")";
  const std::string good_problems = R"([{"category": "greeting", "text": "Hi Kenji", "hint": "h"}])";

  SUBCASE("a valid deck reads every field") {
    auto deck = deck_from(one_exercise(draft, good_problems));
    REQUIRE_MESSAGE(deck.ok(), format_errors(deck.error()));
    const Exercise& ex = deck->exercises.at(0);
    CHECK(ex.id == "test-one");
    CHECK(ex.from == "US");
    CHECK(ex.to == "JP");
    CHECK(ex.problems.at(0).begin == 0);
    CHECK(ex.problems.at(0).end == 8);
    CHECK(ex.sources == std::vector<std::string>{"A book"});
  }
  SUBCASE("markets and languages, when the caller says which exist") {
    const std::set<std::string, std::less<>> markets = {"US"}, languages = {"de"};
    auto deck = deck_from(one_exercise(draft, good_problems));
    REQUIRE(deck.ok());  // read on its own, names are not checked
    auto doc = parse_json("exercises.json", one_exercise(draft, good_problems));
    REQUIRE(doc.ok());
    auto checked = load_exercise_deck(*doc, DeckNames{&markets, &languages});
    REQUIRE(!checked.ok());
    CHECK(has_error(checked.error(), "/exercises/0/to", "unknown market \"JP\"", 10));
    CHECK(has_error(checked.error(), "/exercises/0/language", "there is no rule pack for \"en\"", 13));
    CHECK(checked.error().size() == 2);
  }
  SUBCASE("problem texts that are not in the draft, or not once") {
    auto deck = deck_from(one_exercise(draft, R"([
        {"category": "greeting", "text": "Hello Kenji", "hint": "h"},
        {"category": "jargon", "text": "ASAP", "hint": "h"},
        {"category": "jargon", "text": "ASAP!", "hint": "h"},
        {"category": "jargon", "text": "ASAP!", "hint": "h"}
      ])"));
    REQUIRE(!deck.ok());
    const auto& errors = deck.error();
    CHECK(has_error(errors, "/exercises/0/problems/0/text", "\"Hello Kenji\" is not in the draft", 17));
    CHECK(has_error(errors, "/exercises/0/problems/1/text", "occurs 2 times in the draft", 18));
    CHECK(has_error(errors, "/exercises/0/problems/3", "is listed twice", 20));
    CHECK(errors.size() == 3);
    CHECK(errors[0].file == "exercises.json");
    CHECK(errors[0].pos.column == 34);  // where the "text" member starts
  }
  SUBCASE("unknown, missing and invalid fields") {
    auto deck = deck_from(one_exercise(
        draft, R"([{"category": "idioms", "text": "Cheers", "hint": "h", "answer": "x"}])", R"(, "tittle": "x")"));
    REQUIRE(!deck.ok());
    const auto& errors = deck.error();
    CHECK(has_error(errors, "/exercises/0/problems/0/category", "(did you mean \"idiom\"?)"));
    CHECK(has_error(errors, "/exercises/0/problems/0/answer", "unknown field \"answer\""));
    CHECK(has_error(errors, "/exercises/0/tittle", "(did you mean \"title\"?)", 19));
    CHECK(errors.size() == 3);

    std::string text = one_exercise(draft, good_problems);
    text.replace(text.find(R"("level": "beginner")"), 19, R"("level": "easy")");
    text.replace(text.find(R"("to": "JP")"), 10, R"("to": "jp")");
    text.replace(text.find(R"("channel": "email")"), 18, R"("channel": "fax")");
    text.replace(text.find(R"(      "sources": ["A book"])"), 27, R"(      "sources": [])");
    text.replace(text.find(R"("id": "test-one")"), 16, R"("id": "Test One")");
    text.erase(text.find(R"(      "model":)"), text.find(R"(      "sources")") - text.find(R"(      "model":)"));
    auto broken = deck_from(text);
    REQUIRE(!broken.ok());
    const auto& e2 = broken.error();
    CHECK(has_error(e2, "/exercises/0/level", "\"easy\" is not one of \"beginner\", \"intermediate\" or \"advanced\""));
    CHECK(has_error(e2, "/exercises/0/to", "two capital letters"));
    CHECK(has_error(e2, "/exercises/0/channel", "\"fax\" is not one of"));
    CHECK(has_error(e2, "/exercises/0/sources", "at least 1 item"));
    CHECK(has_error(e2, "/exercises/0/id", "lower case"));
    CHECK(has_error(e2, "/exercises/0", "missing required field \"model\"", 5));
    CHECK(e2.size() == 6);
  }
  SUBCASE("the same market twice, the same id twice") {
    std::string text = one_exercise(draft, good_problems);
    text.replace(text.find(R"("to": "JP")"), 10, R"("to": "US")");
    const std::string exercise = text.substr(text.find("    {"), text.rfind("    }") + 5 - text.find("    {"));
    text.insert(text.rfind("    }") + 5, ",\n" + exercise);
    auto deck = deck_from(text);
    REQUIRE(!deck.ok());
    const auto& errors = deck.error();
    CHECK(has_error(errors, "/exercises/0/to", "the sender and the reader are the same market"));
    CHECK(has_error(errors, "/exercises/1/id", "the id \"test-one\" is used twice (first at line 5)"));
  }
  SUBCASE("not a deck at all") {
    auto deck = deck_from(R"(["an array"])");
    REQUIRE(!deck.ok());
    CHECK(has_error(deck.error(), "", "expected an object"));
  }
}

TEST_CASE("exercise decks: the Engine checks markets and languages after every file is in, all or nothing") {
  const std::string draft = R"("Hi Kenji,\n\nThanks.\n\nCheers,\nMike")";
  const std::string problems = R"([{"category": "greeting", "text": "Hi Kenji", "hint": "h"}])";
  std::string deck = one_exercise(draft, problems);
  deck.replace(deck.find(R"("to": "JP")"), 10, R"("to": "QQ")");
  deck.replace(deck.find(R"(      "language": "en")"), 22, R"(      "language": "it")");

  Engine engine;
  const std::vector<SourceFile> good = {{"i18n/en.json", R"({"ui.app.title": "Rapport"})"}};
  REQUIRE(engine.load(good).empty());
  const auto before = engine.data();

  std::string fixed = one_exercise(draft, problems);
  fixed.replace(fixed.find(R"("id": "test-one")"), 16, R"("id": "my-own")");

  std::vector<SourceFile> files = test::shipped_files();
  files.push_back({"culture-profiles/exercises/xx.json", fixed});  // a deck whose "language" is "en", not "xx"
  std::vector<SourceFile> user = {{"culture-profiles/exercises/en.json", deck}};
  const auto errors = engine.load(files, user);
  CHECK(engine.data() == before);
  CAPTURE(format_errors(errors));
  CHECK(has_error(errors, "/language", "is for \"xx\", not \"en\""));
  const auto market =
      std::find_if(errors.begin(), errors.end(), [](const DataError& e) { return e.json_path == "/exercises/0/to"; });
  REQUIRE(market != errors.end());
  CHECK(market->file == "culture-profiles/exercises/en.json");
  CHECK(market->message == "unknown market \"QQ\": there is no culture-profiles/QQ.json");
  CHECK(market->pos == SourcePosition{10, 7});
  CHECK(has_error(errors, "/exercises/0/language", "there is no rule pack for \"it\"", 13));
  CHECK(errors.size() == 3);

  // A user's deck that is valid replaces the shipped one.
  user = {{"culture-profiles/exercises/en.json", fixed}};
  const auto ok = engine.load(test::shipped_files(), user);
  CHECK_MESSAGE(ok.empty(), format_errors(ok));
  REQUIRE(engine.data()->exercises("en") != nullptr);
  CHECK(engine.data()->exercises("en")->exercises.size() == 1);
  CHECK(engine.data()->exercises("en")->find("my-own") != nullptr);
}

TEST_CASE("exercise problem categories are the rule categories") {
  // kRuleCategories is the list rules.cpp accepts; every category a shipped rule uses must be in it, and every
  // one of them has a family for matching problems to findings.
  const DataSet& data = test::shipped_data();
  for (const RulePack* pack : data.rule_packs()) {
    for (const Rule& r : pack->rules) {
      CHECK_MESSAGE(std::find(kRuleCategories.begin(), kRuleCategories.end(), r.category) != kRuleCategories.end(),
                    r.id);
    }
  }
  for (auto c : kRuleCategories) CHECK_MESSAGE(category_family(c) != 0, c);
  CHECK(category_family("idiom") == category_family("jargon"));
  CHECK(category_family("greeting") != category_family("pressure"));
  CHECK(category_family("nonsense") == 0);
}
