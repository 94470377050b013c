// Message rule packs: a few check kinds in C++ (rules.cpp), many rules as data (culture-profiles/rules/*.json,
// documented in culture-profiles/rules/README.md). Packs are validated and compiled when they load, and every
// rule's own examples must pass before the pack is accepted.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/json_doc.h"
#include "engine/prefilter.h"
#include "engine/profile.h"

#include <unicode/uversion.h>
U_NAMESPACE_BEGIN
class RegexPattern;
U_NAMESPACE_END

namespace rapport {

enum class RuleKind {
  kPhrase, kPattern, kUnsoftened, kGreeting, kNoGreeting, kSignOff, kPronoun, kMetric, kDateFormat, kTimeZone,
  kCommercial,
};
enum class RuleSeverity { kSuggestion, kWarning, kProblem };

/// The categories a rule may have (the same list load_rule_pack accepts; exercise problems use it too).
inline constexpr std::array<std::string_view, 15> kRuleCategories = {
    "directness", "pressure", "formality", "greeting", "address", "pronoun", "ambiguity", "idiom",
    "jargon", "judgement", "passive-aggressive", "mass-message", "holiday-greeting", "compliance", "style"};

struct RangeCondition {
  double min = -1e9, max = 1e9;
};

/// When a rule applies. Every part that is set must hold.
struct RuleCondition {
  std::map<Dim, RangeCondition> target, sender, gap;
  std::vector<std::string> markets, not_markets, stages, channels;
  std::optional<bool> non_native;
};

/// A compiled expression and its required literals (see prefilter.h): it cannot match a text in which none of
/// them occurs.
struct RuleRegex {
  std::shared_ptr<icu::RegexPattern> re;
  /// The same expression for case-folded text, compiled case-sensitively (faster; see folded_pattern in
  /// prefilter.h). Null when the expression is case-sensitive or cannot be folded.
  std::shared_ptr<icu::RegexPattern> folded;
  Literals literals;
  std::string source;  ///< the expression as compiled, with its flags: the same text is the same expression
};

struct Rule {
  std::string id, category, source;
  RuleKind kind = RuleKind::kPattern;
  std::optional<Dim> dimension;  ///< none for rules that matter whatever the cultures
  RuleSeverity severity = RuleSeverity::kWarning;
  RuleCondition when;
  std::string why, fix, replacement;
  std::map<std::string, std::string> replacements;  ///< phrase -> replacement (kind phrase)
  /// Compiled expressions: the main one(s) (one per phrase for phrase/pronoun), `unless`, `greetings`, `detect`.
  std::vector<RuleRegex> patterns, unless, greetings, detect;
  std::vector<std::string> phrases;  ///< the phrase each of `patterns` stands for (kinds phrase and pronoun)
  std::string metric, required;  // metric name; what a commercial message must carry
  int max = 0;
  std::vector<std::string> flag_examples, pass_examples;
};

struct RulePack {
  std::string language, description, file;
  std::vector<Rule> rules;
  /// The required literals of all the pack's expressions, for one scan per message.
  std::shared_ptr<const LiteralFilter> filter;
};

/// The literal filter over every expression of `rules` (their patterns, `unless` and `detect` expressions).
std::shared_ptr<const LiteralFilter> build_filter(const std::vector<const Rule*>& rules);
std::shared_ptr<const LiteralFilter> build_filter(const std::vector<Rule>& rules);

/// Reads, compiles and self-tests a rule pack. Errors: unknown fields and kinds, regular expressions ICU cannot
/// compile (with the position in the expression), missing or malformed examples, an example that is not flagged
/// at its marked span, a pass example that is flagged, duplicate ids.
Result<RulePack, DataErrors> load_rule_pack(const JsonDocument& doc);

}  // namespace rapport
