#include "engine/exercises.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "engine/engine.h"
#include "engine/json_reader.h"
#include "engine/rules.h"

namespace rapport {

using nlohmann::json;

namespace {

bool is_id(const std::string& s) {
  if (s.empty() || s.front() == '-' || s.back() == '-' || s.find("--") != std::string::npos) return false;
  return s.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
}

bool is_market_code(const std::string& s) {
  return s.size() == 2 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// A BCP 47 language tag as the data uses them: "en", "de", "pt-BR".
bool is_language_tag(const std::string& s) {
  const auto dash = s.find('-');
  const std::string primary = s.substr(0, dash);
  if (primary.size() < 2 || primary.size() > 3 ||
      !std::all_of(primary.begin(), primary.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return false;
  }
  if (dash == std::string::npos) return true;
  const std::string rest = s.substr(dash + 1);
  return !rest.empty() && rest.back() != '-' && std::all_of(rest.begin(), rest.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
  });
}

// one_of() for a list that is not an initializer list: the rule categories, shared with rules.cpp.
std::string category_at(ObjectReader& r, std::string_view key) {
  if (!r.has(key) || !r.raw(key)->is_string()) {
    (void)r.string(key);  // reports the missing field or the wrong type
    return {};
  }
  const std::vector<std::string> names(kRuleCategories.begin(), kRuleCategories.end());
  const std::string s = r.raw(key)->get<std::string>();
  if (std::find(names.begin(), names.end(), s) != names.end()) return s;
  std::string msg = "\"" + s + "\" is not one of " + quoted_list(names);
  if (auto near = closest_match(s, names); !near.empty()) msg += " (did you mean \"" + near + "\"?)";
  r.error(key, msg);
  return {};
}

// Offsets of every occurrence of `needle` in `hay`.
std::vector<std::size_t> occurrences(std::string_view hay, std::string_view needle) {
  std::vector<std::size_t> out;
  if (needle.empty()) return out;
  for (std::size_t at = hay.find(needle); at != std::string_view::npos; at = hay.find(needle, at + 1))
    out.push_back(at);
  return out;
}

Exercise read_exercise(const JsonDocument& doc, const json& value, const std::string& pointer, const DeckNames& known,
                       DataErrors& errors) {
  ObjectReader r(doc, value, pointer, errors);
  Exercise ex;
  if (!r.valid()) return ex;
  ex.id = r.string("id");
  if (!ex.id.empty() && !is_id(ex.id)) {
    r.error("id", "an exercise id is lower case letters, digits and single '-' between words: \"" + ex.id + "\"");
  }
  ex.title = r.string("title");
  ex.level = r.one_of("level", {"beginner", "intermediate", "advanced"});
  ex.from = r.string("from");
  ex.to = r.string("to");
  for (const char* key : {"from", "to"}) {
    const std::string& code = std::string_view(key) == "from" ? ex.from : ex.to;
    if (code.empty()) continue;
    if (!is_market_code(code)) {
      r.error(key, "a market is an ISO 3166-1 code of two capital letters (\"JP\"): \"" + code + "\"");
    } else if (known.markets && !known.markets->count(code)) {
      r.error(key, "unknown market \"" + code + "\": there is no culture-profiles/" + code + ".json");
    }
  }
  if (!ex.from.empty() && ex.from == ex.to)
    r.error("to", "the sender and the reader are the same market (" + ex.to + ")");
  ex.channel = r.one_of("channel", {"email", "chat", "sms"});
  ex.stage = r.one_of("stage", {"first", "ongoing", "close"});
  ex.language = r.string("language");
  if (!ex.language.empty()) {
    if (!is_language_tag(ex.language)) {
      r.error("language", "a language is a lower-case BCP 47 tag such as \"en\" or \"de\": \"" + ex.language + "\"");
    } else if (known.languages && !known.languages->count(ex.language)) {
      r.error("language",
              "there is no rule pack for \"" + ex.language + "\": the checker would find nothing in this exercise");
    }
  }
  ex.scenario = r.string("scenario");
  ex.draft = r.string("draft");
  if (const json* problems = r.array("problems", 1)) {
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < problems->size(); ++i) {
      ObjectReader p(doc, (*problems)[i], json_pointer_append(r.child_pointer("problems"), i), errors);
      if (!p.valid()) continue;
      ExerciseProblem problem;
      problem.category = category_at(p, "category");
      problem.text = p.string("text");
      problem.hint = p.string("hint");
      p.finish();
      if (!problem.text.empty() && !ex.draft.empty()) {
        const auto at = occurrences(ex.draft, problem.text);
        if (at.empty()) {
          p.error("text", "\"" + problem.text + "\" is not in the draft: quote the draft exactly");
        } else if (at.size() > 1) {
          p.error("text", "\"" + problem.text + "\" occurs " + std::to_string(at.size()) +
                              " times in the draft: quote enough of it to be found once");
        } else {
          problem.begin = at.front();
          problem.end = at.front() + problem.text.size();
        }
      }
      if (!problem.category.empty() && !problem.text.empty() && !seen.emplace(problem.category, problem.text).second) {
        p.error("", "the problem \"" + problem.text + "\" (" + problem.category + ") is listed twice");
      }
      ex.problems.push_back(std::move(problem));
    }
  }
  ex.discussion = r.string("discussion");
  ex.model = r.string("model");
  ex.sources = r.strings("sources", 1);
  r.finish();
  return ex;
}

}  // namespace

const Exercise* ExerciseDeck::find(std::string_view id) const {
  for (const auto& e : exercises) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

Result<ExerciseDeck, DataErrors> load_exercise_deck(const JsonDocument& doc, const DeckNames& known) {
  DataErrors errors;
  ObjectReader root(doc, doc.value, "", errors);
  if (!root.valid()) return fail(std::move(errors));
  ExerciseDeck deck;
  deck.file = doc.file;
  deck.language = root.string("language");
  if (!deck.language.empty() && !is_language_tag(deck.language)) {
    root.error("language", "a language is a lower-case BCP 47 tag such as \"en\" or \"de\": \"" + deck.language + "\"");
  }
  deck.description = root.string("description");
  if (const json* list = root.array("exercises", 1)) {
    std::map<std::string, std::string> ids;  // id -> pointer of its first use
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string pointer = json_pointer_append("/exercises", i);
      Exercise ex = read_exercise(doc, (*list)[i], pointer, known, errors);
      if (!ex.id.empty()) {
        const auto [it, added] = ids.emplace(ex.id, pointer);
        if (!added) {
          const SourcePosition first = doc.position_of(it->second);
          errors.push_back(doc.error_at(pointer + "/id", "the id \"" + ex.id + "\" is used twice (first at line " +
                                                             std::to_string(first.line) + ")"));
        }
      }
      deck.exercises.push_back(std::move(ex));
    }
  }
  root.finish();
  if (!errors.empty()) return fail(std::move(errors));
  return deck;
}

int category_family(std::string_view category) {
  // clang-format off
  static const std::map<std::string_view, int> kFamilies = {
      {"idiom", 1},      {"jargon", 1},    {"formality", 1},          {"style", 1},
      {"greeting", 2},   {"address", 2},   {"pronoun", 2},
      {"pressure", 3},   {"mass-message", 3},
      {"directness", 4}, {"judgement", 4}, {"passive-aggressive", 4},
      {"ambiguity", 5},  {"holiday-greeting", 6}, {"compliance", 7}};
  // clang-format on
  const auto it = kFamilies.find(category);
  return it == kFamilies.end() ? 0 : it->second;
}

std::size_t ExerciseStatus::remaining() const {
  return static_cast<std::size_t>(
      std::count_if(problems.begin(), problems.end(), [](const ProblemStatus& p) { return p.remains; }));
}

ExerciseStatus exercise_status(const DataSet& data, const Exercise& exercise, std::string_view text,
                               ParagraphCache* cache) {
  ExerciseStatus status;
  for (std::size_t i = 0; i < exercise.problems.size(); ++i) {
    ProblemStatus p;
    p.problem = i;
    status.problems.push_back(p);
  }
  const Profile* from = data.profile(exercise.from);
  const Profile* to = data.profile(exercise.to);
  if (!from || !to) return status;

  // Which rules flag each problem in the draft: a rewritten problem is recognised by them (step 2).
  const MessageReport draft =
      check_text(data, exercise.draft, from, to, exercise.language, exercise.channel, exercise.stage);
  std::vector<std::set<std::string>> draft_rules(exercise.problems.size());
  for (std::size_t i = 0; i < exercise.problems.size(); ++i) {
    const ExerciseProblem& p = exercise.problems[i];
    for (const auto& f : draft.findings) {
      if (category_family(f.category) == category_family(p.category) && f.begin < p.end && p.begin < f.end) {
        draft_rules[i].insert(f.rule_id);
      }
    }
  }

  status.report = check_text(data, text, from, to, exercise.language, exercise.channel, exercise.stage, cache);
  const auto& findings = status.report.findings;
  std::vector<bool> claimed(findings.size(), false);

  // Step 1: problems whose text is still there keep the findings of their family that overlap it.
  for (std::size_t i = 0; i < exercise.problems.size(); ++i) {
    const ExerciseProblem& p = exercise.problems[i];
    ProblemStatus& s = status.problems[i];
    const auto at = occurrences(status.report.text, p.text);
    if (at.empty()) continue;
    s.text_present = true;
    s.begin = at.front();
    s.end = at.front() + p.text.size();
    for (std::size_t k = 0; k < findings.size(); ++k) {
      const Finding& f = findings[k];
      if (category_family(f.category) != category_family(p.category)) continue;
      const bool overlaps =
          std::any_of(at.begin(), at.end(), [&](std::size_t b) { return f.begin < b + p.text.size() && b < f.end; });
      if (!overlaps) continue;
      s.findings.push_back(k);
      claimed[k] = true;
    }
    s.remains = !s.findings.empty();
  }
  // Step 2: a rewritten problem remains while one of the rules that flagged it still fires on a finding that
  // nothing else accounts for; each finding accounts for one problem.
  for (std::size_t i = 0; i < exercise.problems.size(); ++i) {
    ProblemStatus& s = status.problems[i];
    if (s.text_present) continue;
    for (std::size_t k = 0; k < findings.size(); ++k) {
      if (claimed[k] || !draft_rules[i].count(findings[k].rule_id)) continue;
      s.findings.push_back(k);
      s.remains = true;
      claimed[k] = true;
      break;
    }
  }
  // Step 3: the rest is new.
  for (std::size_t k = 0; k < findings.size(); ++k) {
    if (!claimed[k]) status.new_findings.push_back(k);
  }
  return status;
}

}  // namespace rapport
