// Workshop exercises: a scenario, a flawed draft, the problems a participant should find, a discussion and a
// model rewrite, as data (culture-profiles/exercises/<language>.json, format in culture-profiles/exercises/README.md).
// A participant rewrites the draft; exercise_status() says which of the listed problems the checker still finds.
//
//   const ExerciseDeck* deck = data.exercises("en");
//   const Exercise& ex = deck->exercises.front();
//   ExerciseStatus s = exercise_status(data, ex, participant_text);
//   for (const auto& p : s.problems) show(ex.problems[p.problem].hint, p.remains);
//   for (auto i : s.new_findings) show(s.report.findings[i]);
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/json_doc.h"
#include "engine/message.h"
#include "engine/result.h"

namespace rapport {

class DataSet;

/// One problem of a draft: what kind it is, the exact text of the draft it is about, and a hint.
struct ExerciseProblem {
  std::string category;            ///< one of kRuleCategories
  std::string text;                ///< a substring of the draft that occurs in it exactly once
  std::string hint;                ///< one sentence a trainer can read out: where to look, not the answer
  std::size_t begin = 0, end = 0;  ///< UTF-8 byte offsets of `text` in the draft
};

struct Exercise {
  std::string id;  ///< lower case, digits and '-', unique in its deck
  std::string title;
  std::string level;     ///< beginner, intermediate, advanced
  std::string from, to;  ///< market codes of the sender and the reader ("US", "JP")
  std::string channel;   ///< email, chat, sms
  std::string stage;     ///< first, ongoing, close
  std::string language;  ///< the language of the draft and the model, which picks the rule packs ("en", "de")
  std::string scenario, draft, discussion, model;
  std::vector<ExerciseProblem> problems;
  std::vector<std::string> sources;
};

/// The exercises for trainers who work in one language (the language of titles, scenarios, hints and
/// discussions; each exercise's draft may be in another).
struct ExerciseDeck {
  std::string language, description, file;
  std::vector<Exercise> exercises;

  /// The exercise with this id; nullptr when there is none.
  const Exercise* find(std::string_view id) const;
};

/// The names a deck may use that other files define: markets with a profile, languages with a rule pack. A null
/// set is not checked (a deck read on its own).
struct DeckNames {
  const std::set<std::string, std::less<>>* markets = nullptr;
  const std::set<std::string, std::less<>>* languages = nullptr;
};

/// Reads and checks an exercise deck. Errors (all at once, with file:line:column and JSON path): the document is
/// not an object; unknown, missing, mistyped or empty fields; a level, channel, stage or problem category that
/// is not one of the allowed values (listed in the error); a malformed id, market code or language tag; an
/// exercise whose sender and reader are the same market; an id used twice; a problem text that does not occur
/// in the draft, or occurs more than once; the same problem listed twice; and, when `known` gives them, a market
/// with no profile and a language with no rule pack. Engine::load reads decks after every profile and pack, and
/// passes what it loaded.
Result<ExerciseDeck, DataErrors> load_exercise_deck(const JsonDocument& doc, const DeckNames& known = {});

/// The family of a category: categories that people and rules sort differently ("circle back": idiom or jargon?
/// "Dear Thomas": greeting or address?) share one. 0 for an unknown category.
///   1 idiom, jargon, formality, style      2 greeting, address, pronoun      3 pressure, mass-message
///   4 directness, judgement, passive-aggressive      5 ambiguity      6 holiday-greeting      7 compliance
int category_family(std::string_view category);

/// Where one listed problem stands in a participant's text.
struct ProblemStatus {
  std::size_t problem = 0;            ///< index into Exercise::problems
  bool remains = false;               ///< the checker still finds it
  std::vector<std::size_t> findings;  ///< the findings (indices into ExerciseStatus::report.findings) that keep it
  bool text_present = false;          ///< the problem's text still occurs in the participant's text
  std::size_t begin = 0, end = 0;     ///< when it does: its first occurrence (UTF-8 bytes into report.text)
};

struct ExerciseStatus {
  MessageReport report;                   ///< the check of the participant's text; offsets refer to report.text
  std::vector<ProblemStatus> problems;    ///< one per listed problem, in the exercise's order
  std::vector<std::size_t> new_findings;  ///< findings that belong to no listed problem (indices, in text order)
  /// How many listed problems remain.
  std::size_t remaining() const;
};

/// Checks a participant's rewrite of `exercise`'s draft with the exercise's markets, channel, stage and language,
/// and says for each listed problem whether it is still there:
///
///  1. A problem whose text still occurs in the rewrite remains when a finding of its category family overlaps an
///     occurrence of the text; those findings are its own. If the text is still there but nothing of its family
///     is flagged on it any more (the participant softened the request elsewhere, for example), it is solved.
///  2. A problem whose text no longer occurs was rewritten. It remains when a finding of one of the rules that
///     flagged it in the draft is still found somewhere, and is not already accounted for by step 1 or by an
///     earlier problem: "need your answer by tomorrow" still carries the problem of "need your decision by
///     tomorrow". Each such finding accounts for one problem only, in the order of the problems, so that fixing
///     one of two ambiguous dates leaves one date problem, not two. A different rule of the same family (another
///     idiom in place of the old one) is a new finding, not the old problem.
///  3. Every other finding is new.
///
/// `cache` is passed to check_text for the rewrite (see ParagraphCache); the draft is checked without it. When a
/// market of the exercise has no profile (a deck loaded outside an Engine) every problem is reported solved and
/// the report is empty.
ExerciseStatus exercise_status(const DataSet& data, const Exercise& exercise, std::string_view text,
                               ParagraphCache* cache = nullptr);

}  // namespace rapport
