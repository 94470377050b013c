#include "engine/rules.h"

#include <unicode/regex.h>

#include <set>

#include "engine/checker.h"
#include "engine/json_reader.h"

namespace rapport {

using nlohmann::json;

namespace {

std::optional<Dim> dim_from(const std::string& name) {
  for (Dim d : kAllDims) {
    if (dim_key(d) == name) return d;
  }
  return std::nullopt;
}

// The expression as the analysis of its literals reads it (prefilter.h): repeats of white space and of word
// characters bounded, so that the part of a match before a literal has a bounded length and the checker need
// only try the expression near its literals. Outside brackets "\s+" and "\s*" (and "[ \t]+", "[ \t]*") read as
// "\s{1,16}" and "\s{0,16}"; "\w+" and "\w*", and a set of word characters with at most hyphens, apostrophes
// and ampersands ("[\w-]+", "[\w&'’-]*", "[\p{L}\p{M}]*"), as repeating at most 40 times (kMaxSpaceRun and
// kMaxWordRun). ICU runs the expression as written: the bounds hold in a paragraph whose runs of such
// characters are no longer (the literal filter checks that as it scans: LiteralFilter::Hits::bounded), and
// elsewhere the checker searches the whole paragraph. (Bounded repeats in the compiled expression would keep
// a counter per repeat in every state ICU saves while backtracking: two to four times slower matching.)
std::string bound_repeats(const std::string& pattern) {
  std::string out;
  auto bound = [&](std::size_t at, int most) {  // pattern[at] is '+' or '*'
    out += pattern[at] == '+' ? "{1," + std::to_string(most) + "}" : "{0," + std::to_string(most) + "}";
  };
  auto repeat_at = [&](std::size_t at) { return at < pattern.size() && (pattern[at] == '+' || pattern[at] == '*'); };
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += pattern.substr(i, 2);
      ++i;
      if (pattern[i] == 'Q') {  // \Q...\E is literal
        const std::size_t e = pattern.find("\\E", i);
        const std::size_t stop = e == std::string::npos ? pattern.size() : e + 2;
        out += pattern.substr(i + 1, stop - i - 1);
        i = stop - 1;
      } else if ((pattern[i] == 's' || pattern[i] == 'w') && repeat_at(i + 1)) {
        bound(i + 1, pattern[i] == 's' ? kMaxSpaceRun : kMaxWordRun);
        ++i;
      }
      continue;
    }
    if (c == '[') {
      // A whole set: "[ \t]" and word sets are bounded when repeated; others are copied as they are.
      std::size_t e = i + 1;
      if (e < pattern.size() && pattern[e] == '^') ++e;
      if (e < pattern.size() && pattern[e] == ']') ++e;
      while (e < pattern.size() && pattern[e] != ']') e += pattern[e] == '\\' ? 2 : 1;
      if (e >= pattern.size()) {
        out += pattern.substr(i);
        break;
      }
      const std::string set = pattern.substr(i, e + 1 - i);
      out += set;
      i = e;
      if (!repeat_at(i + 1)) continue;
      const std::string inner = set.substr(1, set.size() - 2);
      const bool blank = inner == " \\t" || inner == "\\t ";
      bool word = inner.find("\\w") != std::string::npos || inner.find("\\p{L}") != std::string::npos;
      for (std::size_t k = 0; k < inner.size() && word; ++k) {
        if (inner.compare(k, 2, "\\w") == 0) {
          ++k;
        } else if (inner.compare(k, 5, "\\p{L}") == 0 || inner.compare(k, 5, "\\p{M}") == 0) {  // (letters and marks are \w)
          k += 4;
        } else if (inner.compare(k, 3, "’") == 0) {
          k += 2;
        } else {
          word = inner[k] == '-' || inner[k] == '\'' || inner[k] == '&';
        }
      }
      if (blank || word) {
        bound(i + 1, blank ? kMaxSpaceRun : kMaxWordRun);
        ++i;
      }
      continue;
    }
    out += c;
  }
  return out;
}

// Compiles an ICU regular expression, reporting ICU's complaint and where in the expression.
std::optional<RuleRegex> compile_at(ObjectReader& r, std::string_view key, const std::string& written,
                                    bool case_sensitive) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError pe{};
  std::shared_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(written), case_sensitive ? 0 : UREGEX_CASE_INSENSITIVE, pe, status));
  if (U_FAILURE(status)) {
    r.error(key, "the regular expression does not compile (" + std::string(u_errorName(status)) + " at character " +
                     std::to_string(pe.offset + 1) + "): " + written);
    return std::nullopt;
  }
  std::shared_ptr<icu::RegexPattern> folded;
  if (!case_sensitive) {
    if (const auto f = folded_pattern(written)) {
      UErrorCode fs = U_ZERO_ERROR;
      folded.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(*f), 0, pe, fs));
      if (U_FAILURE(fs)) folded.reset();  // (a test checks that every shipped expression that folds compiles)
    }
  }
  return RuleRegex{std::move(p), std::move(folded), required_literals(bound_repeats(written)),
                   (case_sensitive ? "c:" : "i:") + written};
}

// A phrase as a regular expression: whole words (no word character, as \w and \b see it, just before or
// after), any white space between them, "word*" = any ending.
std::string phrase_pattern(const std::string& phrase) {
  // (The class of a stem's ending is outside case-insensitive matching, (?-i:...): it is closed under case
  // already, and ICU would otherwise compute its case closure at every compile.)
  std::string out = "(?<!\\w)";
  std::size_t i = 0;
  bool first = true;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    std::size_t j = phrase.find(' ', i);
    if (j == std::string::npos) j = phrase.size();
    if (j > i) {
      std::string w = phrase.substr(i, j - i);
      const bool stem = w.back() == '*';
      if (stem) w.pop_back();
      // Any white space between words; a stem takes any ending (letters and marks).
      out += (first ? "" : "\\s+") + std::string("\\Q") + w + "\\E" + (stem ? "(?-i:[\\p{L}\\p{M}]*)" : "");
      first = false;
    }
    i = j;
  }
  return out + "(?!\\w)";
}

RangeCondition read_range(ObjectReader& r) {
  RangeCondition c;
  c.min = r.number("min", -10, 10, Need::kOptional, -1e9);
  c.max = r.number("max", -10, 10, Need::kOptional, 1e9);
  r.finish();
  return c;
}

std::map<Dim, RangeCondition> read_dims(ObjectReader& parent, std::string_view key) {
  std::map<Dim, RangeCondition> out;
  if (!parent.has(key)) {
    (void)parent.raw(key);
    return out;
  }
  ObjectReader r = parent.object(key, Need::kOptional);
  if (!r.valid()) return out;
  for (Dim d : kAllDims) {
    if (!r.has(dim_key(d))) {
      (void)r.raw(dim_key(d));
      continue;
    }
    ObjectReader c = r.object(dim_key(d), Need::kOptional);
    out[d] = read_range(c);
  }
  r.finish();
  return out;
}

RuleCondition read_when(ObjectReader& rule) {
  RuleCondition w;
  if (!rule.has("when")) {
    (void)rule.raw("when");
    return w;
  }
  ObjectReader r = rule.object("when", Need::kOptional);
  w.target = read_dims(r, "target");
  w.sender = read_dims(r, "sender");
  w.gap = read_dims(r, "gap");
  w.markets = r.strings("markets", 1, Need::kOptional);
  w.not_markets = r.strings("not_markets", 1, Need::kOptional);
  w.stages = r.strings("stages", 1, Need::kOptional);
  for (const auto& s : w.stages) {
    if (s != "first" && s != "ongoing" && s != "close") r.error("stages", "\"" + s + "\" is not first, ongoing or close");
  }
  w.channels = r.strings("channels", 1, Need::kOptional);
  for (const auto& c : w.channels) {
    if (c != "email" && c != "chat" && c != "sms") r.error("channels", "\"" + c + "\" is not email, chat or sms");
  }
  if (r.has("non_native")) w.non_native = r.boolean("non_native");
  else (void)r.raw("non_native");
  r.finish();
  return w;
}

// Splits an example with one «marked» span into its text and the span's byte offsets.
bool parse_example(const std::string& e, std::string& text, std::size_t& b, std::size_t& end) {
  const std::string open = "«", close = "»";
  const auto a = e.find(open);
  const auto z = e.find(close);
  if (a == std::string::npos || z == std::string::npos || z < a || e.find(open, a + 1) != std::string::npos ||
      e.find(close, z + 1) != std::string::npos) {
    return false;
  }
  text = e.substr(0, a) + e.substr(a + open.size(), z - a - open.size()) + e.substr(z + close.size());
  b = a;
  end = z - open.size();
  return end > b;
}

}  // namespace

Result<RulePack, DataErrors> load_rule_pack(const JsonDocument& doc) {
  DataErrors errors;
  ObjectReader root(doc, doc.value, "", errors);
  if (!root.valid()) return fail(std::move(errors));
  RulePack pack;
  pack.file = doc.file;
  pack.language = root.string("language");
  pack.description = root.string("description");
  std::set<std::string> ids;
  if (const json* rules = root.array("rules", 1)) {
    for (std::size_t i = 0; i < rules->size(); ++i) {
      const std::size_t errors_before = errors.size();
      ObjectReader r(doc, (*rules)[i], "/rules/" + std::to_string(i), errors);
      if (!r.valid()) continue;
      Rule rule;
      rule.id = r.string("id");
      if (!rule.id.empty() && (rule.id.rfind(pack.language + ".", 0) != 0 ||
                               rule.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") != std::string::npos)) {
        r.error("id", "a rule id is \"" + pack.language + ".<category>.<name>\" in lower case: \"" + rule.id + "\"");
      }
      if (!rule.id.empty() && !ids.insert(rule.id).second) r.error("id", "the id \"" + rule.id + "\" is used twice");
      const std::string kind = r.one_of("kind", {"phrase", "pattern", "unsoftened", "greeting", "no_greeting", "sign_off",
                                                 "pronoun", "metric", "date_format", "time_zone", "commercial"});
      static const std::map<std::string, RuleKind> kKinds = {
          {"phrase", RuleKind::kPhrase},       {"pattern", RuleKind::kPattern},     {"unsoftened", RuleKind::kUnsoftened},
          {"greeting", RuleKind::kGreeting},   {"no_greeting", RuleKind::kNoGreeting}, {"sign_off", RuleKind::kSignOff},
          {"pronoun", RuleKind::kPronoun},     {"metric", RuleKind::kMetric},       {"date_format", RuleKind::kDateFormat},
          {"time_zone", RuleKind::kTimeZone},  {"commercial", RuleKind::kCommercial}};
      if (!kind.empty()) rule.kind = kKinds.at(kind);
      rule.category = r.one_of("category", kRuleCategories);
      const std::string dim = r.one_of("dimension", {"directness", "negative_feedback", "formality", "hierarchy", "trust",
                                                     "decision_style", "decision_speed", "scheduling", "disagreement",
                                                     "none"});
      rule.dimension = dim_from(dim);
      const std::string sev = r.one_of("severity", {"suggestion", "warning", "problem"});
      rule.severity = sev == "problem" ? RuleSeverity::kProblem : sev == "suggestion" ? RuleSeverity::kSuggestion
                                                                                      : RuleSeverity::kWarning;
      rule.when = read_when(r);
      rule.why = r.string("why");
      rule.fix = r.string("fix");
      rule.replacement = r.optional_string("replacement").value_or("");
      rule.source = r.string("source");
      const bool case_sensitive = r.boolean("case_sensitive");
      // Kind-specific parameters; the ones a kind does not take are reported as unknown by finish(). An unknown
      // kind was reported already: its parameters are not judged.
      if (kind.empty()) {
        for (const char* k : {"phrases", "replacements", "pattern", "unless", "greetings", "informal", "metric", "max",
                              "detect", "requires"}) {
          (void)r.raw(k);
        }
      } else switch (rule.kind) {
        case RuleKind::kPhrase:
        case RuleKind::kPronoun: {
          rule.phrases = r.strings(rule.kind == RuleKind::kPhrase ? "phrases" : "informal", 1);
          for (const auto& ph : rule.phrases) {
            if (auto p = compile_at(r, rule.kind == RuleKind::kPhrase ? "phrases" : "informal", phrase_pattern(ph),
                                    case_sensitive)) {
              rule.patterns.push_back(std::move(*p));
            }
          }
          if (rule.kind == RuleKind::kPhrase && r.has("replacements")) {
            ObjectReader reps = r.object("replacements", Need::kOptional);
            for (const auto& [k, v] : r.raw("replacements")->items()) {
              (void)reps.raw(k);
              if (!v.is_string()) {
                reps.error(k, "a replacement is a string");
                continue;
              }
              std::string lower = k;
              for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
              rule.replacements[lower] = v.get<std::string>();
            }
          } else {
            (void)r.raw("replacements");
          }
          break;
        }
        case RuleKind::kPattern:
        case RuleKind::kUnsoftened:
        case RuleKind::kGreeting:
        case RuleKind::kSignOff: {
          if (auto p = compile_at(r, "pattern", r.string("pattern"), case_sensitive)) rule.patterns.push_back(std::move(*p));
          if (rule.kind == RuleKind::kUnsoftened) {
            for (const auto& u : r.strings("unless", 1)) {
              if (auto p = compile_at(r, "unless", u, false)) rule.unless.push_back(std::move(*p));
            }
          }
          break;
        }
        case RuleKind::kNoGreeting:
          for (const auto& g : r.strings("greetings", 1)) {
            if (auto p = compile_at(r, "greetings", g, false)) rule.greetings.push_back(std::move(*p));
          }
          break;
        case RuleKind::kMetric:
          rule.metric = r.one_of("metric", {"sentence_words", "exclamations", "caps_words", "emoji", "message_words"});
          rule.max = static_cast<int>(r.integer("max", 0, 100000));
          break;
        case RuleKind::kDateFormat:
        case RuleKind::kTimeZone:
          break;
        case RuleKind::kCommercial:
          for (const auto& d : r.strings("detect", 1)) {
            if (auto p = compile_at(r, "detect", d, false)) rule.detect.push_back(std::move(*p));
          }
          rule.required = r.one_of("requires", {"ad_label", "opt_out", "sender_identity"});
          break;
      }
      ObjectReader ex = r.object("examples");
      rule.flag_examples = ex.strings("flag", 1);
      rule.pass_examples = ex.strings("pass", 1);
      ex.finish();
      r.finish();
      if (errors.size() != errors_before) continue;  // do not self-test a rule that did not read cleanly

      // Every example must behave as it says.
      MessageContext ctx;
      ctx.ignore_conditions = true;
      const std::vector<const Rule*> one = {&rule};
      for (std::size_t k = 0; k < rule.flag_examples.size(); ++k) {
        std::string text;
        std::size_t b = 0, e = 0;
        const std::string where = "/rules/" + std::to_string(i) + "/examples/flag/" + std::to_string(k);
        if (!parse_example(rule.flag_examples[k], text, b, e)) {
          errors.push_back(doc.error_at(where, "a flag example marks exactly one span with « and »"));
          continue;
        }
        const auto findings = check_rules(one, text, ctx);
        const bool hit = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
          return f.begin == b && f.end == e;
        });
        if (!hit) {
          std::string got;
          for (const auto& f : findings) got += (got.empty() ? "" : ", ") + ("\"" + f.text + "\"");
          errors.push_back(doc.error_at(where, "the rule does not flag the marked span \"" + text.substr(b, e - b) +
                                                   "\"" + (got.empty() ? " (no finding)" : " (it flags " + got + ")")));
        }
      }
      for (std::size_t k = 0; k < rule.pass_examples.size(); ++k) {
        const auto findings = check_rules(one, rule.pass_examples[k], ctx);
        if (!findings.empty()) {
          errors.push_back(doc.error_at("/rules/" + std::to_string(i) + "/examples/pass/" + std::to_string(k),
                                        "the rule flags a pass example at \"" + findings.front().text + "\""));
        }
      }
      pack.rules.push_back(std::move(rule));
    }
  }
  root.finish();
  if (!errors.empty()) return fail(std::move(errors));
  pack.filter = build_filter(pack.rules);
  return pack;
}

}  // namespace rapport
