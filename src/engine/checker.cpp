#include "engine/checker.h"

#include <unicode/regex.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cmath>

#include "engine/dates.h"
#include "engine/text.h"

// [SECTION] Matching over UTF-8 with ICU
// [SECTION] Conditions and severity
// [SECTION] The kinds
// [SECTION] check_rules / check_message

namespace rapport {

namespace {

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Matching over UTF-8 with ICU (UText: native indices are byte offsets, no conversion of the text)
// ---------------------------------------------------------------------------------------------------------
constexpr int32_t kRegexTimeLimit = 200;  // ICU's steps (about a millisecond each on typical hardware)

struct Span {
  std::size_t begin, end;
};

// Every match of `re` in text[from, to) (byte offsets); group 1 when the pattern has one and it matched.
std::vector<Span> find_all(const icu::RegexPattern& re, std::string_view text, std::size_t from, std::size_t to) {
  std::vector<Span> out;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data() + from, static_cast<int64_t>(to - from), &status);
  if (U_FAILURE(status)) return out;
  std::unique_ptr<icu::RegexMatcher> m(re.matcher(status));
  if (U_SUCCESS(status)) {
    m->reset(ut);
    m->setTimeLimit(kRegexTimeLimit, status);
    const bool group = m->groupCount() >= 1;
    while (m->find(status) && U_SUCCESS(status)) {
      int64_t b = m->start64(status), e = m->end64(status);
      if (group && m->start64(1, status) >= 0) {
        b = m->start64(1, status);
        e = m->end64(1, status);
      }
      if (e > b) out.push_back({from + static_cast<std::size_t>(b), from + static_cast<std::size_t>(e)});
    }
  }
  utext_close(ut);
  return out;
}

// Whether `re` matches anywhere in text[from, to) (`anchored`: only at `from`).
bool matches(const icu::RegexPattern& re, std::string_view text, std::size_t from, std::size_t to, bool anchored) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data() + from, static_cast<int64_t>(to - from), &status);
  std::unique_ptr<icu::RegexMatcher> m(re.matcher(status));
  bool hit = false;
  if (U_SUCCESS(status)) {
    m->reset(ut);
    m->setTimeLimit(kRegexTimeLimit, status);
    hit = (anchored ? m->lookingAt(status) : m->find(status)) && U_SUCCESS(status);
  }
  utext_close(ut);
  return hit;
}
bool found(const icu::RegexPattern& re, std::string_view text, std::size_t from, std::size_t to) {
  return matches(re, text, from, to, false);
}
bool lookingAt(const icu::RegexPattern& re, std::string_view text, std::size_t from, std::size_t to) {
  return matches(re, text, from, to, true);
}

std::shared_ptr<icu::RegexPattern> compile(const char* pattern, uint32_t flags = UREGEX_CASE_INSENSITIVE) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError pe{};
  return std::shared_ptr<icu::RegexPattern>(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), flags, pe, status));
}

// Non-empty lines, as byte spans (trailing white space and \r trimmed).
std::vector<Span> lines_of(std::string_view text) {
  std::vector<Span> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::size_t b = start, e = end;
    while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
    if (e > b) out.push_back({b, e});
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Conditions and severity
// ---------------------------------------------------------------------------------------------------------
bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool applies(const Rule& r, const MessageContext& ctx, std::string_view pack_language) {
  if (ctx.ignore_conditions) return true;
  const RuleCondition& w = r.when;
  if (!w.stages.empty() && !contains(w.stages, ctx.stage)) return false;
  if (!w.channels.empty() && !contains(w.channels, ctx.channel)) return false;
  const Profile* t = ctx.target;
  const Profile* s = ctx.sender;
  if (!t) return w.target.empty() && w.gap.empty() && w.markets.empty() && !w.non_native;
  if (!w.markets.empty() && !contains(w.markets, t->code)) return false;
  if (contains(w.not_markets, t->code)) return false;
  for (const auto& [d, c] : w.target) {
    const double m = t->dim(d).mid();
    if (m < c.min || m > c.max) return false;
  }
  for (const auto& [d, c] : w.sender) {
    if (!s) return false;
    const double m = s->dim(d).mid();
    if (m < c.min || m > c.max) return false;
  }
  for (const auto& [d, c] : w.gap) {
    if (!s) return false;
    const double g = t->dim(d).mid() - s->dim(d).mid();
    if (g < c.min || g > c.max) return false;
  }
  if (w.non_native) {
    // The target's main business language.
    const std::string lang = t->languages.empty() ? "" : t->languages.front().substr(0, t->languages.front().find('-'));
    const bool native = lang == pack_language;
    if (*w.non_native == native) return false;
  }
  return true;
}

// One step up when the two cultures are far apart on the rule's dimension, one down when their ranges overlap.
RuleSeverity scaled(const Rule& r, const MessageContext& ctx) {
  if (!r.dimension || !ctx.sender || !ctx.target || ctx.ignore_conditions) return r.severity;
  const Rating& a = ctx.sender->dim(*r.dimension);
  const Rating& b = ctx.target->dim(*r.dimension);
  const double gap = std::max(0.0, std::max(a.low, b.low) - std::min(a.high, b.high));
  int s = static_cast<int>(r.severity);
  if (gap > 0 && std::fabs(a.mid() - b.mid()) >= 3) s = std::min(s + 1, 2);
  if (gap == 0) s = std::max(s - 1, 0);
  return static_cast<RuleSeverity>(s);
}

std::string fill(std::string text, const MessageContext& ctx, std::string_view match) {
  auto replace = [&](std::string_view key, std::string_view value) {
    for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
      text.replace(at, key.size(), value);
    }
  };
  replace("{target}", ctx.target ? ctx.target->name_en : "this market");
  replace("{sender}", ctx.sender ? ctx.sender->name_en : "your culture");
  replace("{match}", match);
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] The kinds: each returns the spans it flags
// ---------------------------------------------------------------------------------------------------------
// Capitalised words that are not shouting: words of three letters or fewer (acronyms, time zones, currencies:
// CEO, JST, EUR) are never counted, and these longer acronyms are known.
const std::vector<std::string>& known_acronyms() {
  static const std::vector<std::string> k = {
      "ASAP", "CEST", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT", "BRST", "GDPR", "CCPA", "CASL", "PECR", "HIPAA",
      "NASA", "NATO", "ISBN", "IBAN", "SWIFT", "EBITDA", "FOB", "CIF", "INCOTERMS", "ESG", "SAAS", "OEM", "RFID",
      "HTTP", "HTTPS", "HTML", "JSON", "UNESCO", "OECD", "ASEAN", "MERCOSUR", "NAFTA", "USMCA", "IFRS", "GAAP", "LLC",
      "GMBH", "SARL", "PTY", "PLC", "TBD", "TBC", "FYI", "BTW", "LMK", "IMHO", "AFAIK", "IIRC"};
  return k;
}

std::vector<Span> metric_spans(const Rule& r, std::string_view text) {
  std::vector<Span> out;
  static const auto sentence = compile("[^.!?\\n]+[.!?]?", 0);
  static const auto caps = compile("\\b\\p{Lu}{3,}\\b", 0);
  static const auto emoji = compile("[\\p{Extended_Pictographic}]", 0);
  static const auto word = compile("\\S+", 0);
  if (r.metric == "exclamations") {
    std::vector<Span> marks;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '!') marks.push_back({i, i + 1});
    }
    if (static_cast<int>(marks.size()) > r.max) out.assign(marks.begin() + r.max, marks.end());
  } else if (r.metric == "caps_words") {
    std::vector<Span> words;
    for (const auto& s : find_all(*caps, text, 0, text.size())) {
      const std::string w(text.substr(s.begin, s.end - s.begin));
      if (utf16_length(w) > 3 && !contains(known_acronyms(), w)) words.push_back(s);
    }
    if (static_cast<int>(words.size()) > r.max) out.assign(words.begin() + r.max, words.end());
  } else if (r.metric == "emoji") {
    const auto e = find_all(*emoji, text, 0, text.size());
    if (static_cast<int>(e.size()) > r.max) out.assign(e.begin() + r.max, e.end());
  } else if (r.metric == "sentence_words") {
    for (auto s : find_all(*sentence, text, 0, text.size())) {
      while (s.begin < s.end && (text[s.begin] == ' ' || text[s.begin] == '\t')) ++s.begin;
      if (static_cast<int>(find_all(*word, text, s.begin, s.end).size()) > r.max) out.push_back(s);
    }
  } else if (r.metric == "message_words") {
    if (static_cast<int>(find_all(*word, text, 0, text.size()).size()) > r.max) out.push_back({0, text.size()});
  }
  return out;
}

std::vector<Span> date_spans(std::string_view text) {
  static const auto date = compile("\\b(\\d{1,2})[/.](\\d{1,2})[/.](?:\\d{4}|\\d{2})\\b", 0);
  std::vector<Span> out;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  std::unique_ptr<icu::RegexMatcher> m(date->matcher(status));
  m->reset(ut);
  m->setTimeLimit(kRegexTimeLimit, status);
  while (m->find(status) && U_SUCCESS(status)) {
    auto num = [&](int g) {
      const auto b = static_cast<std::size_t>(m->start64(g, status)), e = static_cast<std::size_t>(m->end64(g, status));
      return std::stoi(std::string(text.substr(b, e - b)));
    };
    const int a = num(1), b = num(2);
    // Both could be a month, and they differ: 03/04 is 3 April or March 4.
    if (a >= 1 && a <= 12 && b >= 1 && b <= 12 && a != b) {
      out.push_back({static_cast<std::size_t>(m->start64(status)), static_cast<std::size_t>(m->end64(status))});
    }
  }
  utext_close(ut);
  return out;
}

std::vector<Span> time_spans(std::string_view text, const MessageContext& ctx) {
  if (!ctx.ignore_conditions) {
    if (!ctx.sender || !ctx.target) return {};
    const EpochMs now = now_ms();
    if (utc_offset_minutes(ctx.sender->main_zone(), now) == utc_offset_minutes(ctx.target->main_zone(), now)) return {};
  }
  static const auto clock = compile(
      "\\b(?:[01]?\\d|2[0-3])(?::[0-5]\\d)?\\s?(?:am|pm|a\\.m\\.|p\\.m\\.)(?!\\w)|\\b(?:[01]?\\d|2[0-3]):[0-5]\\d\\b");
  static const auto zone = compile(
      "\\s*\\(?(?:[A-Z]{2,5}T\\b|UTC|GMT|your time|my time|local time|CET|CEST|IST|JST|KST|SGT|AEST|AEDT|"
      "[A-Z][a-z]+/[A-Z][A-Za-z_]+)");
  std::vector<Span> out;
  for (const auto& s : find_all(*clock, text, 0, text.size())) {
    if (!lookingAt(*zone, text, s.end, std::min(text.size(), s.end + 24))) out.push_back(s);
  }
  return out;
}

bool commercial_requirement_missing(const Rule& r, std::string_view text, const std::vector<Span>& lines,
                                    const MessageContext& ctx) {
  const MarketingLaw* law = ctx.target ? &ctx.target->marketing_law : nullptr;
  if (r.required == "ad_label") {
    if (!law || law->ad_label_text.empty()) return ctx.ignore_conditions;
    // The label opens the message (or its subject line).
    const std::string_view first = text.substr(lines.front().begin, lines.front().end - lines.front().begin);
    return first.find(law->ad_label_text) == std::string_view::npos;
  }
  if (r.required == "opt_out") {
    static const auto generic = compile("\\b(?:unsubscribe|opt[- ]out|remove me|reply stop)\\b");
    if (found(*generic, text, 0, text.size())) return false;
    if (law) {
      for (const auto& k : law->opt_out_keywords) {
        if (text.find(k) != std::string_view::npos) return false;
      }
    }
    return true;
  }
  if (r.required == "sender_identity") {
    static const auto contact = compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+|(?:\\+|\\b00)\\d[\\d ()-]{6,}\\d|\\bhttps?://\\S+|\\bwww\\.\\S+");
    return !found(*contact, text, 0, text.size());
  }
  return false;
}

std::vector<Span> spans_of(const Rule& r, std::string_view text, std::string_view lower,
                           const std::vector<Span>& lines, const MessageContext& ctx) {
  std::vector<Span> out;
  auto all = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = 0; i < r.patterns.size(); ++i) {
      // A phrase whose first word does not occur (ASCII case folded) cannot match: skip its expression.
      if (i < r.phrase_keys.size() && lower.find(r.phrase_keys[i]) == std::string_view::npos) continue;
      auto s = find_all(*r.patterns[i], text, from, to);
      out.insert(out.end(), s.begin(), s.end());
    }
  };
  switch (r.kind) {
    case RuleKind::kPhrase:
    case RuleKind::kPattern:
      all(0, text.size());
      break;
    case RuleKind::kPronoun:
      if (ctx.stage != "close" || ctx.ignore_conditions) all(0, text.size());
      break;
    case RuleKind::kUnsoftened:
      if (std::none_of(r.unless.begin(), r.unless.end(), [&](const auto& u) { return found(*u, text, 0, text.size()); })) {
        all(0, text.size());
      }
      break;
    case RuleKind::kGreeting:
      if (!lines.empty()) all(lines.front().begin, lines.front().end);
      break;
    case RuleKind::kNoGreeting:
      if (!lines.empty() && std::none_of(r.greetings.begin(), r.greetings.end(), [&](const auto& g) {
            return lookingAt(*g, text, lines.front().begin, lines.front().end);
          })) {
        out.push_back(lines.front());
      }
      break;
    case RuleKind::kSignOff:
      for (std::size_t i = lines.size() > 3 ? lines.size() - 3 : 0; i < lines.size(); ++i) all(lines[i].begin, lines[i].end);
      break;
    case RuleKind::kMetric:
      out = metric_spans(r, text);
      break;
    case RuleKind::kDateFormat:
      out = date_spans(text);
      break;
    case RuleKind::kTimeZone:
      out = time_spans(text, ctx);
      break;
    case RuleKind::kCommercial:
      if (!lines.empty() &&
          std::any_of(r.detect.begin(), r.detect.end(), [&](const auto& d) { return found(*d, text, 0, text.size()); }) &&
          commercial_requirement_missing(r, text, lines, ctx)) {
        out.push_back(lines.front());
      }
      break;
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// [SECTION] check_rules / check_message
// ---------------------------------------------------------------------------------------------------------
std::vector<Finding> check_rules(const std::vector<const Rule*>& rules, std::string_view text, const MessageContext& ctx) {
  std::vector<Finding> out;
  const std::vector<Span> lines = lines_of(text);
  const OffsetMap map(text);
  std::string lower(text);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const Rule* r : rules) {
    for (const Span& s : spans_of(*r, text, lower, lines, ctx)) {
      Finding f;
      f.rule_id = r->id;
      f.category = r->category;
      f.severity = scaled(*r, ctx);
      f.begin = s.begin;
      f.end = s.end;
      f.begin_utf16 = map.utf16_at(s.begin);
      f.end_utf16 = map.utf16_at(s.end);
      f.text = std::string(text.substr(s.begin, s.end - s.begin));
      f.why = fill(r->why, ctx, f.text);
      f.fix = fill(r->fix, ctx, f.text);
      f.dimension = r->dimension;
      if (r->kind == RuleKind::kPhrase && !r->replacements.empty()) {
        std::string matched = f.text;
        for (auto& c : matched) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const auto& [phrase, rep] : r->replacements) {
          if (matched == phrase) f.replacement = rep;
        }
      }
      if (f.replacement.empty()) f.replacement = r->replacement;
      out.push_back(std::move(f));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) { return a.begin < b.begin; });
  return out;
}

std::vector<Finding> check_message(const std::vector<const RulePack*>& packs, std::string_view language,
                                   std::string_view text, const MessageContext& ctx) {
  std::vector<const Rule*> rules;
  for (const RulePack* p : packs) {
    if (p->language != language) continue;
    for (const Rule& r : p->rules) {
      if (applies(r, ctx, p->language)) rules.push_back(&r);
    }
  }
  return check_rules(rules, text, ctx);
}

}  // namespace rapport
