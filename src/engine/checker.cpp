#include "engine/checker.h"

#include <unicode/regex.h>
#include <unicode/utf16.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <unordered_map>
#include <cmath>
#include <cstring>

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

using Span = ParagraphCache::Span;

// ICU matchers kept for a whole check, one per expression, made when first needed: making a matcher (and
// growing its backtracking stack) costs more than most attempts to match, and a check makes hundreds of
// attempts over tens of paragraphs. A matcher in use is not handed out again (a fresh one is made then).
class Matchers {
 public:
  struct Entry {
    std::unique_ptr<icu::RegexMatcher> matcher;
    bool busy = false;
  };
  Entry& entry(const icu::RegexPattern& re) { return entries_[&re]; }

 private:
  std::unordered_map<const icu::RegexPattern*, Entry> entries_;  // (nodes stay put: entries are held by address)
};

// A matcher lent for one use: a kept one (given back when this goes) or one of its own.
class MatcherRef {
 public:
  MatcherRef() = default;
  explicit MatcherRef(std::unique_ptr<icu::RegexMatcher> own) : own_(std::move(own)), m_(own_.get()) {}
  explicit MatcherRef(Matchers::Entry& kept) : m_(kept.matcher.get()), busy_(&kept.busy) { kept.busy = true; }
  MatcherRef(MatcherRef&& o) noexcept : own_(std::move(o.own_)), m_(o.m_), busy_(o.busy_) {
    o.m_ = nullptr;
    o.busy_ = nullptr;
  }
  MatcherRef& operator=(MatcherRef&& o) noexcept {
    if (this != &o) {
      release();
      own_ = std::move(o.own_);
      m_ = o.m_;
      busy_ = o.busy_;
      o.m_ = nullptr;
      o.busy_ = nullptr;
    }
    return *this;
  }
  MatcherRef(const MatcherRef&) = delete;
  MatcherRef& operator=(const MatcherRef&) = delete;
  ~MatcherRef() { release(); }
  icu::RegexMatcher* operator->() const { return m_; }
  icu::RegexMatcher& operator*() const { return *m_; }
  explicit operator bool() const { return m_ != nullptr; }

 private:
  void release() {
    if (busy_) *busy_ = false;
    busy_ = nullptr;
  }
  std::unique_ptr<icu::RegexMatcher> own_;
  icu::RegexMatcher* m_ = nullptr;
  bool* busy_ = nullptr;
};

// The text being checked, with its UTF-16 form: ICU's matcher is several times faster on UTF-16 than on
// UTF-8 through UText. Spans are byte offsets of `text`; the matcher works in `u16` units. With `fold`, also
// the text case-folded (same offsets) for the expressions that have a folded form, unless a character's
// folding is longer than the character.
struct Subject {
  Subject(std::string_view t, bool fold, Matchers* kept = nullptr) : text(t), map(t), matchers(kept) {
    if (map.ascii()) {  // (most messages: widened byte by byte)
      const auto n = static_cast<int32_t>(t.size());
      char16_t* w = u16.getBuffer(n);
      for (int32_t i = 0; i < n; ++i) w[i] = static_cast<unsigned char>(t[static_cast<std::size_t>(i)]);
      u16.releaseBuffer(n);
    } else {
      u16 = icu::UnicodeString::fromUTF8(icu::StringPiece(t.data(), static_cast<int32_t>(t.size())));
    }
    if (fold && fold_text(u16.getBuffer(), static_cast<std::size_t>(u16.length()), folded_units)) {
      folded.setTo(false, folded_units.data(), static_cast<int32_t>(folded_units.size()));  // (read-only alias)
      foldable = true;
    }
  }
  Subject(const Subject&) = delete;
  Subject& operator=(const Subject&) = delete;
  std::string_view text;
  icu::UnicodeString u16;
  OffsetMap map;
  std::u16string folded_units;
  icu::UnicodeString folded;
  bool foldable = false;
  Matchers* matchers;  // where matchers are kept for the check (none: each use makes its own)
  int64_t unit(std::size_t byte) const { return static_cast<int64_t>(map.utf16_at(byte)); }
  std::size_t byte(int64_t unit) const { return map.byte_at(static_cast<std::size_t>(unit)); }
  /// The places (UTF-16 units, sorted) that FirstChars::Places names, and every place outside ASCII; made
  /// when first asked for.
  const std::vector<uint32_t>& places(FirstChars::Places kind) const {
    const bool marks = kind == FirstChars::Places::kMarks;
    std::optional<std::vector<uint32_t>>& list = marks ? marks_ : word_starts_;
    if (!list) {
      // Each unit's kind: 0 a word character, 1 a space or tab, 2 another mark; 3 outside ASCII (always listed).
      static constexpr std::array<uint8_t, 128> kKind = [] {
        std::array<uint8_t, 128> k{};
        for (std::size_t c = 0; c < 128; ++c) k[c] = FirstChars::kAsciiWord[c] ? 0 : c == ' ' || c == '\t' ? 1 : 2;
        return k;
      }();
      // Whether a place is listed, by the kind of the unit before it and its own (4 * before + here).
      static constexpr std::array<uint8_t, 16> kTakeMark = {0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1};
      static constexpr std::array<uint8_t, 16> kTakeWord = {0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1};
      const auto& take = marks ? kTakeMark : kTakeWord;
      const char16_t* u = u16.getBuffer();
      const auto n = static_cast<uint32_t>(u16.length());
      list.emplace(n + 1);
      uint32_t* out = list->data();
      std::size_t count = 0;
      uint8_t before = 1;  // (the start of the text counts as after a space, and is always listed)
      for (uint32_t i = 0; i < n; ++i) {  // (no branch per unit: each is written, and kept or not)
        const uint8_t here = u[i] < 0x80 ? kKind[u[i]] : 3;
        out[count] = i;
        count += take[4 * before + here] | (i == 0);
        before = here;
      }
      list->resize(count);
    }
    return *list;
  }

  /// The last place (UTF-16 unit) of an ASCII character in the text, -1 when it does not occur.
  int64_t last_of(char c) const {
    if (!last_) {
      last_.emplace();
      last_->fill(-1);
      const char16_t* u = u16.getBuffer();
      for (int32_t i = 0; i < u16.length(); ++i) {
        if (u[i] < 0x80) (*last_)[u[i]] = i;
      }
    }
    return (*last_)[static_cast<unsigned char>(c) & 0x7F];
  }

 private:
  mutable std::optional<std::vector<uint32_t>> marks_, word_starts_;
  mutable std::optional<std::array<int32_t, 128>> last_;
};

// An expression and the form of the text it runs on: the folded expression on folded text when both exist.
struct Expr {
  Expr(const RuleRegex& x, const Subject& s)
      : re(x.folded && s.foldable ? *x.folded : *x.re), input(x.folded && s.foldable ? s.folded : s.u16), matchers(s.matchers) {}
  Expr(const icu::RegexPattern& r, const Subject& s) : re(r), input(s.u16), matchers(s.matchers) {}
  const icu::RegexPattern& re;
  const icu::UnicodeString& input;
  Matchers* matchers;
};

// A matcher of `e` over its input, as new: the whole input, default bounds, the time limit set.
MatcherRef matcher(const Expr& e, UErrorCode& status) {
  auto make = [&] {
    std::unique_ptr<icu::RegexMatcher> m(e.re.matcher(e.input, status));
    if (U_SUCCESS(status)) m->setTimeLimit(kRegexTimeLimit, status);
    return m;
  };
  if (!e.matchers) return MatcherRef(make());
  Matchers::Entry& kept = e.matchers->entry(e.re);
  if (kept.busy) return MatcherRef(make());
  if (!kept.matcher) {
    kept.matcher = make();
    if (U_FAILURE(status)) {
      kept.matcher.reset();
      return MatcherRef();
    }
  } else {
    kept.matcher->reset(e.input);  // (also restarts the time limit's count)
    kept.matcher->useTransparentBounds(false);
    kept.matcher->useAnchoringBounds(true);
  }
  return MatcherRef(kept);
}

// The current match as a byte span: group 1 when the pattern has one and it took part, else the whole match.
std::optional<Span> match_span(icu::RegexMatcher& m, const Subject& s, UErrorCode& status) {
  int64_t b = m.start64(status), e = m.end64(status);
  if (m.groupCount() >= 1 && m.start64(1, status) >= 0) {
    b = m.start64(1, status);
    e = m.end64(1, status);
  }
  if (U_FAILURE(status) || e <= b) return std::nullopt;
  return Span{s.byte(b), s.byte(e)};
}

// Every match of `re` in text[from, to) (byte offsets), as if that range were the whole text.
std::vector<Span> find_all(const Expr& re, const Subject& s, std::size_t from, std::size_t to) {
  std::vector<Span> out;
  UErrorCode status = U_ZERO_ERROR;
  auto m = matcher(re, status);
  if (U_FAILURE(status)) return out;
  m->region(s.unit(from), s.unit(to), status);
  while (U_SUCCESS(status) && m->find(status) && U_SUCCESS(status)) {
    if (auto span = match_span(*m, s, status)) out.push_back(*span);
  }
  return out;
}

// The same matches as find_all over the whole text, for an expression whose every match starts in one of the
// byte ranges `starts` (from where its literals occur; see LiteralFilter::Hits::starts): only those starts are
// tried, each with one anchored attempt. (Searching a window instead would also try every start after the
// literal: far slower for expressions that open with lookbehinds.) Lookarounds and \b see the whole text.
// `bounded`: the text keeps the bounds the analysis assumed (LiteralFilter::Hits::bounded); only then do the
// lead words hold.
std::vector<Span> find_near(const Expr& re, const Literals& literals, const Subject& s,
                            const std::vector<LiteralFilter::Start>& starts, bool bounded, bool first_only = false) {
  const FirstChars& first = literals.first;
  static const LeadWords kAnyWord;  // (a paragraph with longer runs than the analysis assumed: no lead words)
  const LeadWords& lead = bounded ? literals.lead : kAnyWord;
  // A match holds each of its marks ("?"): it begins at or before the last of each.
  int64_t latest = static_cast<int64_t>(s.u16.length());
  for (char c : literals.marks) latest = std::min(latest, s.last_of(c));
  if (latest < 0) return {};
  std::vector<Span> out;
  if (starts.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  MatcherRef m;  // taken at the first place worth an attempt (most calls have none)
  const int64_t length = s.u16.length();
  const char16_t* units = s.u16.getBuffer();
  int64_t cursor = 0;  // every start before this was tried, or lies inside a match
  // Where only some kinds of places can begin a match, only those are looked at (a list of them).
  const std::vector<uint32_t>* places = first.known && first.places != FirstChars::Places::kAny ? &s.places(first.places) : nullptr;
  for (const auto& range : starts) {
    // A UTF-16 unit is never more than one byte of UTF-8: the range in units covers the range in bytes.
    const int64_t from = s.unit(range.from), to = s.unit(range.to);
    auto place = places ? std::lower_bound(places->begin(), places->end(), static_cast<uint32_t>(std::max(cursor, from)))
                        : std::vector<uint32_t>::const_iterator();
    for (int64_t x = std::max(cursor, from); x <= to && x <= latest && x < length && U_SUCCESS(status); x = cursor) {
      if (places) {  // the next listed place at or after x
        while (place != places->end() && *place < x) ++place;
        if (place == places->end() || *place > to || *place > latest) break;
        x = *place;
      }
      cursor = x + 1;
      if (U16_IS_TRAIL(units[x])) continue;  // inside a surrogate pair
      if (!first.may_begin(units, static_cast<std::size_t>(length), static_cast<std::size_t>(x))) continue;
      if (!lead.may_begin(units, static_cast<std::size_t>(length), static_cast<std::size_t>(x))) continue;
      if (!m) {
        m = matcher(re, status);
        if (U_FAILURE(status)) return out;
        m->useTransparentBounds(true);
        m->useAnchoringBounds(false);
      }
      m->region(x, length, status);
      if (!m->lookingAt(status) || U_FAILURE(status)) continue;
      cursor = std::max<int64_t>(x + 1, m->end64(status));  // the next match begins after this one, as in a search
      if (auto span = match_span(*m, s, status)) out.push_back(*span);
      if (first_only && !out.empty()) return out;
    }
  }
  return out;
}

// Whether `re` matches in text[from, to), as if that range were the whole text (`anchored`: at `from`).
bool matches(const Expr& re, const Subject& s, std::size_t from, std::size_t to, bool anchored) {
  UErrorCode status = U_ZERO_ERROR;
  auto m = matcher(re, status);
  if (U_FAILURE(status)) return false;
  m->region(s.unit(from), s.unit(to), status);
  return U_SUCCESS(status) && (anchored ? m->lookingAt(status) : m->find(status)) && U_SUCCESS(status);
}
bool found(const Expr& re, const Subject& s, std::size_t from, std::size_t to) {
  return matches(re, s, from, to, false);
}
bool lookingAt(const Expr& re, const Subject& s, std::size_t from, std::size_t to) {
  return matches(re, s, from, to, true);
}

// Whether `x` matches anywhere in the text: near its literals, or where its matches can begin, when known.
bool occurs(const RuleRegex& x, const Subject& s, const LiteralFilter::Hits& hits) {
  if (s.text.empty()) return found(Expr(x, s), s, 0, 0);
  thread_local std::vector<LiteralFilter::Start> starts;  // (kept between calls: no allocation)
  bool near = hits.scanned() && hits.starts_into(hits.slot(x.re.get()), starts);
  if (!near && hits.scanned() && x.literals.first.known) {
    starts.assign(1, LiteralFilter::Start{0, s.text.size() - 1});
    near = true;
  }
  if (!near) return found(Expr(x, s), s, 0, s.text.size());
  return !find_near(Expr(x, s), x.literals, s, starts, hits.bounded(), true).empty();
}

std::shared_ptr<icu::RegexPattern> compile(const char* pattern, uint32_t flags = UREGEX_CASE_INSENSITIVE) {
  // (Such fixed expressions must compile: a mistake in one fails every test that checks a message.)
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
  if (ctx.disabled_rules.count(r.id)) return false;
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
    // Whether most readers in the target market grew up with the pack's language.
    const bool native = std::any_of(t->first_languages.tags.begin(), t->first_languages.tags.end(),
                                    [&](const std::string& tag) { return tag.substr(0, tag.find('-')) == pack_language; });
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

// ICU's \w (word characters, is_word_char in text.h) and \s (white space), as its regular expressions define them.
// (ASCII first, inline: these are asked of every character of a message.)
bool is_word_cp(UChar32 c) {
  if (c >= 0 && c < 0x80) return FirstChars::kAsciiWord[static_cast<std::size_t>(c)];
  return c >= 0 && is_word_char(static_cast<char32_t>(c));
}
bool is_upper_cp(UChar32 c) { return c < 0x80 ? c >= 'A' && c <= 'Z' : u_isupper(c) != 0; }
bool is_lower_cp(UChar32 c) { return c < 0x80 ? c >= 'a' && c <= 'z' : u_islower(c) != 0; }
bool is_space_cp(UChar32 c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  return (U_GET_GC_MASK(c) & U_GC_Z_MASK) != 0;
}
UChar32 cp_at(std::string_view text, std::size_t& i) {  // decodes at i and moves i past the character
  if (static_cast<unsigned char>(text[i]) < 0x80) return static_cast<unsigned char>(text[i++]);
  UChar32 c;
  int32_t k = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), k, static_cast<int32_t>(text.size()), c);
  i = static_cast<std::size_t>(k);
  return c;
}
UChar32 cp_before(std::string_view text, std::size_t i) {
  if (i == 0) return -1;
  UChar32 c;
  int32_t k = static_cast<int32_t>(i);
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, k, c);
  return c;
}
bool word_before(std::string_view text, std::size_t i) { return i > 0 && is_word_cp(cp_before(text, i)); }
bool word_at(std::string_view text, std::size_t i) {
  if (i >= text.size()) return false;
  return is_word_cp(cp_at(text, i));
}
bool digit_at(std::string_view text, std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; }

// Words (runs of non-space) in text[b, e).
int count_words(std::string_view text, std::size_t b, std::size_t e) {
  int n = 0;
  bool in = false;
  for (std::size_t i = b; i < e;) {
    const bool space = is_space_cp(cp_at(text, i));
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

// Words people write in capitals to shout.
const std::vector<std::string>& shout_words() {
  static const std::vector<std::string> k = {
      "URGENT", "URGENTLY", "IMPORTANT", "TODAY", "TONIGHT", "TOMORROW", "IMMEDIATELY", "NOW", "NEVER", "ALWAYS",
      "MUST", "PLEASE", "FINAL", "LAST", "STOP", "FREE", "ONLY", "REMINDER", "ATTENTION", "WARNING", "DEADLINE",
      "NOTE", "OVERDUE", "AGAIN", "HURRY", "SALE", "LIMITED", "EXCLUSIVE", "REQUIRED", "MANDATORY", "CRITICAL",
      "ASAP!", "NEED", "WANT", "PAYMENT", "REPLY", "RESPOND", "CALL", "CONFIRM", "SIGN", "SEND", "WRONG",
      "UNACCEPTABLE", "DRINGEND", "WICHTIG", "SOFORT", "URGENTE", "IMPORTANTE"};
  return k;
}

std::vector<Span> metric_spans(const Rule& r, std::string_view text) {
  std::vector<Span> out;
  auto keep_beyond_max = [&](const std::vector<Span>& all) {
    if (static_cast<int>(all.size()) > r.max) out.assign(all.begin() + r.max, all.end());
  };
  if (r.metric == "exclamations") {
    std::vector<Span> marks;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '!') marks.push_back({i, i + 1});
    }
    keep_beyond_max(marks);
  } else if (r.metric == "caps_words") {
    // Shouting: a word of capitals (a run of word characters, all upper case) longer than three letters that
    // is not a known acronym, and either a word people shout (URGENT, TODAY) or one of two or more capitalised
    // words in a row (PLEASE READ, DO NOT SIGN). A lone JETRO or NASDAQ is a name, not a shout.
    struct Word {
      Span span;
      bool counts;  // long enough and not a known acronym
      bool shout;
    };
    std::vector<Word> caps;  // capitalised words, with whether lower-case text separates them
    std::vector<std::size_t> run_of;
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t b = i;
      const UChar32 first = cp_at(text, i);
      if (!is_word_cp(first)) continue;
      if (first >= 'a' && first <= 'z') {  // a word in lower case (most): past it, and it ends a run of capitals
        while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80 && FirstChars::kAsciiWord[static_cast<unsigned char>(text[i])]) ++i;
        for (std::size_t k = i; k < text.size() && is_word_cp(cp_at(text, k));) i = k;  // (a letter outside ASCII)
        ++run;
        continue;
      }
      std::size_t e = i, letters = 1;
      bool upper = is_upper_cp(first);
      for (std::size_t k = i; k < text.size();) {
        const UChar32 c = cp_at(text, k);
        if (!is_word_cp(c)) break;
        upper = upper && is_upper_cp(c);
        ++letters;
        e = k;
      }
      i = e;
      if (!upper || letters < 2) {
        if (letters >= 2 || is_lower_cp(first)) ++run;  // lower-case text ends a run of capitals
        continue;
      }
      const std::string w(text.substr(b, e - b));
      const bool acronym = contains(known_acronyms(), w);
      caps.push_back({{b, e}, letters > 3 && !acronym, contains(shout_words(), w)});
      run_of.push_back(acronym ? SIZE_MAX : run);
    }
    std::vector<Span> words;
    for (std::size_t k = 0; k < caps.size(); ++k) {
      if (!caps[k].counts) continue;
      const auto in_run = std::count(run_of.begin(), run_of.end(), run_of[k]);
      if (caps[k].shout || in_run >= 2) words.push_back(caps[k].span);
    }
    keep_beyond_max(words);
  } else if (r.metric == "emoji") {
    std::vector<Span> marks;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t b = i;
      if (static_cast<unsigned char>(text[i]) < 0x80) {  // no ASCII character is a pictograph
        ++i;
        continue;
      }
      if (u_hasBinaryProperty(cp_at(text, i), UCHAR_EXTENDED_PICTOGRAPHIC)) marks.push_back({b, i});
    }
    keep_beyond_max(marks);
  } else if (r.metric == "sentence_words") {
    // A sentence runs to the next . ! ? or line end, and keeps its closing mark; its words are runs of
    // characters that are not white space (count_words).
    // Each ASCII byte: 1 ends a sentence, 2 white space, 0 another.
    static constexpr std::array<uint8_t, 128> kKind = [] {
      std::array<uint8_t, 128> k{};
      for (char c : {'.', '!', '?', '\n'}) k[static_cast<std::size_t>(c)] = 1;
      for (char c : {' ', '\t', '\f', '\r'}) k[static_cast<std::size_t>(c)] = 2;
      return k;
    }();
    auto kind_at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]) < 0x80 ? kKind[static_cast<unsigned char>(text[i])] : 0; };
    for (std::size_t i = 0; i < text.size();) {
      if (kind_at(i) == 1) {
        ++i;
        continue;
      }
      std::size_t b = i;
      bool ascii = true;
      int words = 0;
      unsigned in = 0;  // 1 inside a word
      for (; i < text.size(); ++i) {  // (counting words on the way, for ASCII)
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) ascii = false;
        const uint8_t k = c < 0x80 ? kKind[c] : 0;
        if (k == 1) break;
        const unsigned word = k == 0;
        words += static_cast<int>(word & (in ^ 1));
        in = word;
      }
      if (i < text.size() && text[i] != '\n') {
        words += static_cast<int>(in ^ 1);  // (the closing mark after a space is a word of its own)
        ++i;
      }
      while (b < i && (text[b] == ' ' || text[b] == '\t')) ++b;
      if (!ascii) words = count_words(text, b, i);  // (white space outside ASCII)
      if (words > r.max) out.push_back({b, i});
    }
  } else if (r.metric == "message_words") {
    if (count_words(text, 0, text.size()) > r.max) out.push_back({0, text.size()});
  }
  return out;
}

// The length (1 or 2) of a run of ASCII digits at i, or 0 when the run is empty or longer than two.
std::size_t short_number_at(std::string_view text, std::size_t i) {
  std::size_t n = 0;
  while (digit_at(text, i + n)) ++n;
  return n >= 1 && n <= 2 ? n : 0;
}

// Numeric dates d/m/y or m/d/y (separators / or .) where both first numbers could be a month and differ:
// 03/04/2026 is 3 April or March 4.
std::vector<Span> date_spans(std::string_view text) {
  std::vector<Span> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!digit_at(text, i) || word_before(text, i)) continue;
    const std::size_t n1 = short_number_at(text, i);
    std::size_t k = i + n1;
    if (n1 == 0 || k >= text.size() || (text[k] != '/' && text[k] != '.')) continue;
    const std::size_t n2 = short_number_at(text, k + 1);
    std::size_t k2 = k + 1 + n2;
    if (n2 == 0 || k2 >= text.size() || (text[k2] != '/' && text[k2] != '.')) continue;
    std::size_t n3 = 0;
    while (digit_at(text, k2 + 1 + n3)) ++n3;
    const std::size_t end = k2 + 1 + n3;
    if ((n3 != 4 && n3 != 2) || word_at(text, end)) continue;
    const int a = std::stoi(std::string(text.substr(i, n1))), b = std::stoi(std::string(text.substr(k + 1, n2)));
    if (a >= 1 && a <= 12 && b >= 1 && b <= 12 && a != b) out.push_back({i, end});
    i = end - 1;
  }
  return out;
}

// Clock times: 3pm, 3 p.m., 10:30am, 14:00 (not 25:00, not 3.5).
std::size_t clock_at(std::string_view text, std::size_t i) {
  if (!digit_at(text, i) || word_before(text, i)) return 0;
  // The hour, longest first: [01]\d, \d, 2[0-3].
  std::vector<std::size_t> hours;
  if ((text[i] == '0' || text[i] == '1') && digit_at(text, i + 1)) hours.push_back(2);
  hours.push_back(1);
  if (text[i] == '2' && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '3') hours.push_back(2);
  auto minutes_at = [&](std::size_t k) {
    return k + 2 < text.size() && text[k] == ':' && text[k + 1] >= '0' && text[k + 1] <= '5' && digit_at(text, k + 2);
  };
  auto meridiem_at = [&](std::size_t k) -> std::size_t {
    for (const char* m : {"a.m.", "p.m.", "am", "pm"}) {
      const std::size_t n = std::strlen(m);
      if (k + n > text.size()) continue;
      bool same = true;
      for (std::size_t x = 0; x < n && same; ++x) same = std::tolower(static_cast<unsigned char>(text[k + x])) == m[x];
      if (same && !word_at(text, k + n)) return n;
    }
    return 0;
  };
  for (std::size_t h : hours) {  // with am/pm
    for (bool with_minutes : {true, false}) {
      std::size_t k = i + h;
      if (with_minutes) {
        if (!minutes_at(k)) continue;
        k += 3;
      }
      std::size_t k2 = k;
      if (k2 < text.size()) {
        std::size_t after = k2;
        if (is_space_cp(cp_at(text, after))) {
          if (const std::size_t m = meridiem_at(after)) return after + m;
        }
      }
      if (const std::size_t m = meridiem_at(k2)) return k2 + m;
    }
  }
  // German and French clock times: "15 Uhr", "15.30 Uhr", "15:30 Uhr"; "10h", "10h30", "10 h 30".
  auto word_is = [&](std::size_t k, std::string_view w) {
    return k + w.size() <= text.size() && text.substr(k, w.size()) == w && !word_at(text, k + w.size());
  };
  for (std::size_t h : hours) {
    std::size_t k = i + h;
    if (k + 2 < text.size() && (text[k] == ':' || text[k] == '.') && text[k + 1] >= '0' && text[k + 1] <= '5' &&
        digit_at(text, k + 2)) {
      k += 3;
    }
    std::size_t u = k;
    if (u < text.size() && text[u] == ' ') ++u;
    if (word_is(u, "Uhr")) return u + 3;
  }
  for (std::size_t h : hours) {
    std::size_t k = i + h;
    if (k < text.size() && text[k] == ' ') ++k;  // "10 h 30"
    if (k >= text.size() || text[k] != 'h') continue;
    std::size_t e = k + 1;
    std::size_t m = e;
    if (m < text.size() && text[m] == ' ' && k > i + h) ++m;
    if (m + 1 < text.size() && text[m] >= '0' && text[m] <= '5' && digit_at(text, m + 1) && !word_at(text, m + 2)) {
      return m + 2;
    }
    if (!word_at(text, e)) return e;
  }
  for (std::size_t h : hours) {  // 24-hour, hh:mm
    if (minutes_at(i + h) && !word_at(text, i + h + 3)) return i + h + 3;
  }
  return 0;
}

// Whether sender and target keep different clocks now (then a time needs its zone). Asked once per check.
bool zones_differ(const MessageContext& ctx) {
  if (ctx.ignore_conditions) return true;
  if (!ctx.sender || !ctx.target) return false;
  const EpochMs now = now_ms();
  return utc_offset_minutes(ctx.sender->main_zone(), now) != utc_offset_minutes(ctx.target->main_zone(), now);
}

std::vector<Span> time_spans(const Subject& subject, bool zones_differ) {
  const std::string_view text = subject.text;
  if (!zones_differ) return {};
  // What names the zone after a time (case matters: "ET" is a zone, "et" is not): an abbreviation or offset
  // (ET, CEST, UTC+2), "your time", "Israel time", "China Standard Time", "Eastern", "in Tel Aviv", an IANA
  // name.
  static const auto zone = compile(
      "\\s*\\(?\\s*(?:(?:[A-Z]{1,4}T|UTC|GMT)(?:\\s?[-+\u2212]\\s?\\d{1,2}(?::?\\d\\d)?)?\\b"
      "|(?i:your|my|our|their|local)\\s+(?i:time)\\b"
      "|(?:MEZ|MESZ|OEZ|WEZ)\\b|(?i:Ortszeit|Ihrer\\s+Zeit|deutscher\\s+Zeit|(?:[a-zäöü]+er|[A-Z][a-zäöü]+er)\\s+Zeit)\\b"
      "|(?i:heure\\s+(?:de\\s+|d['\u2019])\\p{L}+|heure\\s+(?:fran\u00e7aise|locale|de\\s+chez\\s+vous))"
      "|(?i:hora\\s+(?:de\\s+\\p{L}+|peninsular|local|del\\s+centro|de\\s+M\u00e9xico))"
      "|[A-Z][\\p{L}.'-]+(?:\\s+[A-Z][\\p{L}.'-]+){0,2}\\s+(?:(?i:standard|daylight|summer)\\s+)?(?i:time)\\b"
      "|(?:Eastern|Pacific|Central|Mountain|Atlantic)\\b"
      "|in\\s+(?:the\\s+)?[A-Z][\\p{L}.'-]+"
      "|[A-Z][a-z]+/[A-Z][A-Za-z_]+)",
      0);
  static const auto range = compile("\\s*(?:[-\u2013\u2014]|to|until|till)\\s*", UREGEX_CASE_INSENSITIVE);
  static const auto all_times = compile("\\b(?i:all\\s+times\\s+(?:are\\s+|given\\s+|shown\\s+)?(?:in\\s+)?)", 0);
  auto zoned = [&](std::size_t at) { return lookingAt(Expr(*zone, subject), subject, at, std::min(text.size(), at + 48)); };
  // "All times are CET" anywhere covers every time in the message. (Looked for only where "times" occurs: a
  // search of every place of the text would cost more than all the rest of this kind.)
  const std::u16string_view folded(subject.folded_units);
  if (!subject.foldable || folded.find(u"times") != std::u16string_view::npos) {
    UErrorCode status = U_ZERO_ERROR;
    auto m = matcher(Expr(*all_times, subject), status);
    while (U_SUCCESS(status) && m->find(status) && U_SUCCESS(status)) {
      if (zoned(subject.byte(m->end64(status)))) return {};
    }
  }
  std::vector<Span> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!digit_at(text, i)) continue;  // (every time begins with a digit)
    const std::size_t end = clock_at(text, i);
    if (end == 0) continue;
    // A range (14:00-16:00 Israel time) is zoned by what follows its second time.
    std::size_t last = end;
    UErrorCode status = U_ZERO_ERROR;
    auto m = matcher(Expr(*range, subject), status);
    m->region(subject.unit(end), subject.unit(std::min(text.size(), end + 12)), status);
    if (U_SUCCESS(status) && m->lookingAt(status)) {
      const std::size_t second = subject.byte(m->end64(status));
      if (const std::size_t e2 = clock_at(text, second)) last = e2;
    }
    if (!zoned(end) && !zoned(last)) out.push_back({i, end});
    i = end - 1;
  }
  return out;
}

bool commercial_requirement_missing(const Rule& r, const Subject& subject, const std::vector<Span>& lines,
                                    const MessageContext& ctx) {
  const std::string_view text = subject.text;
  const MarketingLaw* law = ctx.target ? &ctx.target->marketing_law : nullptr;
  if (r.required == "ad_label") {
    if (!law || law->ad_label_text.empty()) return ctx.ignore_conditions;
    // The label opens the message (or its subject line).
    const std::string_view first = text.substr(lines.front().begin, lines.front().end - lines.front().begin);
    return first.find(law->ad_label_text) == std::string_view::npos;
  }
  if (r.required == "opt_out") {
    static const auto generic = compile("\\b(?:unsubscribe|opt[- ]out|remove me|reply stop)\\b");
    if (found(Expr(*generic, subject), subject, 0, text.size())) return false;
    if (law) {
      for (const auto& k : law->opt_out_keywords) {
        if (text.find(k) != std::string_view::npos) return false;
      }
    }
    return true;
  }
  if (r.required == "sender_identity") {
    // Contact details: an email address, a web address, a phone number in international form or as written at
    // home (03-5551234 and *2345 in Israel, 020 7946 0958 in Britain, 01 23 45 67 89 in France, (212) 555-0100
    // and 1-800 numbers in North America), or a number after a label (Tel., Phone, טל׳, נייד).
    static const auto contact = compile(
        "[\\w.+-]+@[\\w-]+\\.[\\w.]+"
        "|(?:\\+|\\b00)\\d[\\d ()-]{6,}\\d"
        "|\\b0\\d{1,2}-\\d{3}-?\\d{4}\\b|\\b0\\d{1,2}-\\d{7}\\b|\\b0\\d{2,4} \\d{3,4} ?\\d{3,4}\\b|\\b0\\d(?:[ .]\\d\\d){4}\\b"
        "|\\b1-?[78]00(?:-?\\d){6,7}\\b|(?<![\\w*])\\*\\d{4}\\b|\\(\\d{3}\\) ?\\d{3}-\\d{4}\\b|\\b\\d{3}-\\d{3}-\\d{4}\\b"
        "|(?:\\b(?:tel|phone|telephone|fax|mobile)\\b\\.?|טל(?:פון|['׳])?|נייד|פקס)\\s*:?\\s*[(+*]?\\d"
        "|\\bhttps?://\\S+|\\bwww\\.\\S+");
    return !found(Expr(*contact, subject), subject, 0, text.size());
  }
  return false;
}

// What a check works out once: whether to use the folded expressions and the literal filter (`fast`), and
// whether the sender's and target's clocks differ.
struct CheckSetup {
  bool fast = true;
  bool zones_differ = false;
  Matchers* matchers = nullptr;
};

// What every kind needs to know about the text, worked out once per check.
struct Scan {
  Scan(std::string_view text, const MessageContext& c, const CheckSetup& s)
      : subject(text, s.fast, s.matchers), lines(lines_of(text)), ctx(c), setup(s) {}
  Subject subject;
  std::vector<Span> lines;
  const MessageContext& ctx;
  const CheckSetup& setup;
};

std::vector<Span> spans_of(const Rule& r, const Scan& scan, const LiteralFilter::Hits& hits) {
  const Subject& subject = scan.subject;
  const std::string_view text = subject.text;
  const std::vector<Span>& lines = scan.lines;
  const MessageContext& ctx = scan.ctx;
  std::vector<Span> out;
  auto all = [&](std::size_t from, std::size_t to) {
    for (const RuleRegex& x : r.patterns) {
      const std::int64_t slot = hits.slot(x.re.get());  // (one lookup for both questions)
      if (!hits.may_match_slot(slot)) continue;
      // Near the literals when that means fewer attempts than a search of the whole range (an anchored attempt
      // costs about as much as a few characters of search); at the characters a match can begin with when
      // those are known (one look at a character per place, where ICU would try the expression).
      std::vector<Span> s;
      thread_local std::vector<LiteralFilter::Start> starts;  // (kept between calls: no allocation)
      const bool whole = from == 0 && to == text.size();
      const bool near = hits.scanned() && whole && hits.starts_into(slot, starts);
      std::size_t attempts = 0;  // the ranges are sorted and disjoint
      if (near) {
        for (const auto& st : starts) attempts += st.to + 1 - st.from;
      }
      const FirstChars& first = x.literals.first;
      if (near && (first.known || attempts * 4 < subject.map.utf16_size())) {
        s = find_near(Expr(x, subject), x.literals, subject, starts, hits.bounded());
      } else if (hits.scanned() && whole && first.known && !text.empty()) {
        s = find_near(Expr(x, subject), x.literals, subject, {LiteralFilter::Start{0, text.size() - 1}}, hits.bounded());
      } else {
        s = find_all(Expr(x, subject), subject, from, to);
      }
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
    case RuleKind::kUnsoftened:  // the requests; whether a softener occurs anywhere is decided by the caller
      all(0, text.size());
      break;
    case RuleKind::kGreeting:
      if (!lines.empty()) all(lines.front().begin, lines.front().end);
      break;
    case RuleKind::kNoGreeting:
      if (!lines.empty() && std::none_of(r.greetings.begin(), r.greetings.end(), [&](const RuleRegex& g) {
            return lookingAt(Expr(g, subject), subject, lines.front().begin, lines.front().end);
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
      out = time_spans(subject, scan.setup.zones_differ);
      break;
    case RuleKind::kCommercial:  // decided from all paragraphs together (check_groups)
      break;
  }
  return out;
}

// Kinds that look at one paragraph at a time (their matches never span a blank line); the others look at the
// whole message (its first and last lines, counts over all of it, what it contains anywhere).
bool is_local(const Rule& r) {
  switch (r.kind) {
    case RuleKind::kPhrase:
    case RuleKind::kPattern:
    case RuleKind::kPronoun:
    case RuleKind::kUnsoftened:
    case RuleKind::kDateFormat:
    case RuleKind::kTimeZone:
      return true;
    case RuleKind::kMetric:
      return r.metric == "sentence_words";  // a sentence ends at a line break
    default:
      return false;
  }
}

// Paragraphs: runs of lines between blank lines (byte ranges, without the line break that ends them).
std::vector<Span> paragraphs_of(std::string_view text) {
  std::vector<Span> out;
  std::size_t start = 0;
  std::optional<Span> current;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const bool blank = text.substr(start, end - start).find_first_not_of(" \t\r") == std::string_view::npos;
    if (blank) {
      if (current) out.push_back(*current);
      current.reset();
    } else if (current) {
      current->end = end;
    } else {
      current = Span{start, end};
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  if (current) out.push_back(*current);
  return out;
}

// The rules of one pack that apply, and the pack's literal filter (built over `by_owner`'s rules: a rule's
// owner number in the filter is its index there; null where the rule does not apply).
struct RuleGroup {
  std::vector<const Rule*> rules;
  const LiteralFilter* filter = nullptr;
  std::vector<const Rule*> by_owner;
};

// What the paragraph-level rules found in one paragraph (spans relative to the paragraph), and which
// softeners and signs of advertising occur in it.
using LocalSpans = ParagraphCache::Paragraph;

LocalSpans check_paragraph(const std::vector<RuleGroup>& groups, std::string_view paragraph, const MessageContext& ctx,
                           const CheckSetup& setup) {
  LocalSpans out;
  const Scan scan(paragraph, ctx, setup);
  std::unordered_map<std::string_view, bool> seen;  // by expression: packs repeat the same softeners across rules
  for (const RuleGroup& g : groups) {
    const LiteralFilter::Hits hits = g.filter ? g.filter->scan(paragraph) : LiteralFilter::Hits();
    auto note = [&](const RuleRegex& x) {
      auto [it, fresh] = seen.try_emplace(x.source, false);
      if (fresh) it->second = hits.may_match(x.re.get()) && occurs(x, scan.subject, hits);
      if (it->second) out.occurring.insert(x.re.get());
    };
    auto visit = [&](const Rule* r) {
      if (r->kind == RuleKind::kUnsoftened) std::for_each(r->unless.begin(), r->unless.end(), note);
      if (r->kind == RuleKind::kCommercial) std::for_each(r->detect.begin(), r->detect.end(), note);
      if (!is_local(*r)) return;
      auto spans = spans_of(*r, scan, hits);
      if (!spans.empty()) out.spans[r] = std::move(spans);
    };
    if (g.filter) {  // only the rules with an expression whose literals occur, and those that always look
      for (std::uint32_t o : hits.owners()) {
        if (o < g.by_owner.size() && g.by_owner[o]) visit(g.by_owner[o]);
      }
    } else {
      std::for_each(g.rules.begin(), g.rules.end(), visit);
    }
  }
  return out;
}

Finding make_finding(const Rule& r, const Span& s, const Subject& subject, const MessageContext& ctx) {
  Finding f;
  f.rule_id = r.id;
  f.category = r.category;
  f.severity = scaled(r, ctx);
  f.begin = s.begin;
  f.end = s.end;
  f.begin_utf16 = subject.map.utf16_at(s.begin);
  f.end_utf16 = subject.map.utf16_at(s.end);
  f.text = std::string(subject.text.substr(s.begin, s.end - s.begin));
  f.message_key = "rule." + r.id;
  f.why = fill(r.why, ctx, f.text);
  f.fix = fill(r.fix, ctx, f.text);
  f.dimension = r.dimension;
  if (r.kind == RuleKind::kPhrase && !r.replacements.empty()) {
    const std::string matched = fold_case(f.text);
    for (const auto& [phrase, rep] : r.replacements) {
      if (matched == phrase) f.replacement = rep;
    }
  }
  if (f.replacement.empty()) f.replacement = r.replacement;
  return f;
}

void sort_findings(std::vector<Finding>& out) {
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) { return a.begin < b.begin; });
}

// The whole check: paragraph rules per paragraph (from `cache` where the paragraph is unchanged), then the
// message-wide rules. Findings come in rule order, then sorted by position (stable).
// `fast`: with the folded expressions (the filter is each group's).
std::vector<Finding> check_groups(const std::vector<RuleGroup>& groups, std::string_view text, const MessageContext& ctx,
                                  ParagraphCache* cache, bool fast = true) {
  Matchers matchers;
  const CheckSetup setup{fast, zones_differ(ctx), &matchers};
  std::vector<Finding> out;
  const std::vector<Span> paras = paragraphs_of(text);
  std::vector<const LocalSpans*> local(paras.size());
  std::vector<LocalSpans> fresh;  // for paragraphs checked now without a cache
  fresh.reserve(paras.size());
  std::unordered_map<std::string, LocalSpans> kept;  // the cache entries this text uses
  for (std::size_t i = 0; i < paras.size(); ++i) {
    const std::string_view p = text.substr(paras[i].begin, paras[i].end - paras[i].begin);
    if (!cache) {
      fresh.push_back(check_paragraph(groups, p, ctx, setup));
      local[i] = &fresh.back();
      continue;
    }
    std::string key(p);
    auto it = kept.find(key);
    if (it == kept.end()) {
      auto old = cache->entries.find(key);
      LocalSpans spans = old != cache->entries.end() ? std::move(old->second) : check_paragraph(groups, p, ctx, setup);
      if (old == cache->entries.end()) ++cache->misses;
      else ++cache->hits;
      it = kept.emplace(std::move(key), std::move(spans)).first;
    }
    local[i] = &it->second;
  }
  if (cache) cache->entries = std::move(kept);  // unordered_map nodes stay put: `local` stays valid

  // Whether any of `list` occurs in some paragraph.
  auto occurs = [&](const std::vector<RuleRegex>& list) {
    return std::any_of(local.begin(), local.end(), [&](const LocalSpans* p) {
      return std::any_of(list.begin(), list.end(), [&](const RuleRegex& x) { return p->occurring.count(x.re.get()) > 0; });
    });
  };
  const Scan scan(text, ctx, setup);
  const LiteralFilter::Hits everything;  // message-wide kinds look at a line or two, or count by hand
  for (const RuleGroup& g : groups) {
    for (const Rule* r : g.rules) {
      if (r->kind == RuleKind::kCommercial) {  // advertising that lacks what the law requires
        if (!scan.lines.empty() && occurs(r->detect) && commercial_requirement_missing(*r, scan.subject, scan.lines, ctx)) {
          out.push_back(make_finding(*r, scan.lines.front(), scan.subject, ctx));
        }
        continue;
      }
      if (!is_local(*r)) {
        for (const Span& s : spans_of(*r, scan, everything)) out.push_back(make_finding(*r, s, scan.subject, ctx));
        continue;
      }
      if (r->kind == RuleKind::kUnsoftened && occurs(r->unless)) continue;  // a "please" anywhere softens
      for (std::size_t i = 0; i < paras.size(); ++i) {
        const auto it = local[i]->spans.find(r);
        if (it == local[i]->spans.end()) continue;
        for (const Span& s : it->second) {
          out.push_back(make_finding(*r, {s.begin + paras[i].begin, s.end + paras[i].begin}, scan.subject, ctx));
        }
      }
    }
  }
  sort_findings(out);
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// [SECTION] check_rules / check_message
// ---------------------------------------------------------------------------------------------------------
std::shared_ptr<const LiteralFilter> build_filter(const std::vector<const Rule*>& rules) {
  auto f = std::make_shared<LiteralFilter>();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule* r = rules[i];
    const auto owner = static_cast<std::uint32_t>(i);
    for (const auto* list : {&r->patterns, &r->unless, &r->detect}) {
      for (const RuleRegex& x : *list) f->add(x.re.get(), x.literals, owner);
    }
    // Kinds that look at every paragraph whatever it contains (dates, times, sentence length).
    if (is_local(*r) && r->patterns.empty()) f->always(owner);
  }
  f->build();
  return f;
}

std::shared_ptr<const LiteralFilter> build_filter(const std::vector<Rule>& rules) {
  std::vector<const Rule*> all;
  for (const Rule& r : rules) all.push_back(&r);
  return build_filter(all);
}

std::vector<Finding> check_rules(const std::vector<const Rule*>& rules, std::string_view text, const MessageContext& ctx,
                                 bool use_filter) {
  const auto filter = use_filter ? build_filter(rules) : nullptr;
  return check_groups({RuleGroup{rules, filter.get(), rules}}, text, ctx, nullptr, use_filter);
}

std::string ParagraphCache::signature(const RuleSet& rules, const MessageContext& ctx) {
  // (The rules themselves, by address: a rule set made again from the same packs has the same signature.)
  std::string s = rules.language + "|" + std::to_string(rules.rules.size()) + "|" +
                  std::to_string(reinterpret_cast<std::uintptr_t>(rules.rules.empty() ? nullptr : rules.rules.front()));
  s += "|" + (ctx.sender ? ctx.sender->code : std::string("-")) + "|" + (ctx.target ? ctx.target->code : std::string("-"));
  s += "|" + ctx.stage + "|" + ctx.channel + (ctx.ignore_conditions ? "|all" : "");
  for (const auto& id : ctx.disabled_rules) s += "|-" + id;
  return s;
}

RuleSet make_rule_set(const std::vector<const RulePack*>& packs, std::string_view language) {
  RuleSet set;
  set.language = std::string(language);
  for (const RulePack* p : packs) {
    if (p->language != language) continue;
    for (const Rule& r : p->rules) set.rules.push_back(&r);
  }
  set.filter = build_filter(set.rules);
  return set;
}

std::vector<Finding> check_message(const RuleSet& rules, std::string_view text, const MessageContext& ctx,
                                   ParagraphCache* cache) {
  RuleGroup g;
  g.filter = rules.filter.get();
  g.by_owner.assign(rules.rules.size(), nullptr);
  for (std::size_t i = 0; i < rules.rules.size(); ++i) {
    const Rule* r = rules.rules[i];
    if (applies(*r, ctx, rules.language)) {
      g.rules.push_back(r);
      g.by_owner[i] = r;
    }
  }
  std::vector<RuleGroup> groups;
  if (!g.rules.empty()) groups.push_back(std::move(g));
  if (cache) {
    const std::string sig = ParagraphCache::signature(rules, ctx);
    if (sig != cache->context) {
      cache->entries.clear();
      cache->context = sig;
    }
  }
  auto out = check_groups(groups, text, ctx, cache);
  if (!ctx.allowed.empty()) {
    std::vector<std::string> allowed;
    for (const auto& a : ctx.allowed) allowed.push_back(fold_case(a));
    std::erase_if(out, [&](const Finding& f) {
      return std::find(allowed.begin(), allowed.end(), fold_case(f.text)) != allowed.end();
    });
  }
  return out;
}

std::vector<Finding> check_message(const std::vector<const RulePack*>& packs, std::string_view language,
                                   std::string_view text, const MessageContext& ctx, ParagraphCache* cache) {
  return check_message(make_rule_set(packs, language), text, ctx, cache);
}

}  // namespace rapport
