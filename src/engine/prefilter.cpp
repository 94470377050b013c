#include "engine/prefilter.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cctype>
#include <cstring>
#include <memory>
#include <optional>
#include <map>
#include <set>

#include "engine/text.h"

// [SECTION] Case folding
// [SECTION] Required literals: a small parser for ICU's regular-expression syntax
// [SECTION] LiteralFilter

namespace rapport {

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Case folding
// ---------------------------------------------------------------------------------------------------------
std::string fold_case(std::string_view utf8) {
  if (is_ascii(utf8)) {
    std::string out(utf8);
    for (auto& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    }
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

namespace {
// The simple case folding of `c` (one code point for one), when it is also the full folding and takes as many
// UTF-16 units: then folding a text character by character keeps every offset, and a case-insensitive match
// of `c` is the same as an exact match of its folding in folded text.
std::optional<UChar32> simple_fold(UChar32 c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  if (!u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEFOLDED)) return c;  // (punctuation, most letters of a text)
  const UChar32 f = u_foldCase(c, U_FOLD_CASE_DEFAULT);
  if (U16_LENGTH(f) != U16_LENGTH(c)) return std::nullopt;
  icu::UnicodeString full(c);
  full.foldCase();
  if (full != icu::UnicodeString(f)) return std::nullopt;
  return f;
}

// Whether case matters to `c` at all (it has other cases, or is one).
bool case_relevant(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_CASED) || u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEMAPPED) ||
         u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEFOLDED);
}

void append(std::string& out, UChar32 c) {
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  out.append(buf, static_cast<std::size_t>(n));
}

// Properties that depend on case (\p{Lu}, \p{Lowercase}...): those give up.
bool case_property(std::string_view name) {
  std::string n;
  for (char c : name) {
    if (c != ' ' && c != '_' && c != '-') n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return n == "lu" || n == "ll" || n == "lt" || n == "lc" || n == "l&" || n.find("upper") != std::string::npos ||
         n.find("lower") != std::string::npos || n.find("title") != std::string::npos || n.find("case") != std::string::npos ||
         n.find("gc=l") != std::string::npos || n.find("generalcategory=l") != std::string::npos;
}
}  // namespace

std::optional<std::string> folded_pattern(std::string_view pattern) {
  std::vector<UChar32> cps;
  for (int32_t i = 0; i < static_cast<int32_t>(pattern.size());) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(pattern.data()), i, static_cast<int32_t>(pattern.size()), c);
    if (c < 0) return std::nullopt;
    cps.push_back(c);
  }
  std::string out;
  std::vector<bool> insensitive{true};  // per open group: whether case is ignored in it
  std::size_t i = 0;
  auto at = [&](std::size_t k) { return k < cps.size() ? cps[k] : UChar32(-1); };
  // A literal character: folded where case is ignored; where it is not, only a character case does not touch.
  auto literal = [&](UChar32 c) {
    if (!insensitive.back()) {
      if (case_relevant(c)) return false;
      append(out, c);
      return true;
    }
    const auto f = simple_fold(c);
    if (!f) return false;
    append(out, *f);
    return true;
  };
  // \p{...} or \P{...} starting at cps[k] == '\\': copied unless it depends on case; returns the index after it.
  auto property = [&](std::size_t k) -> std::optional<std::size_t> {
    if (at(k + 2) != '{') return std::nullopt;
    std::size_t e = k + 3;
    std::string name;
    while (e < cps.size() && cps[e] != '}') {
      if (cps[e] >= 0x80) return std::nullopt;
      name += static_cast<char>(cps[e++]);
    }
    if (e >= cps.size() || case_property(name)) return std::nullopt;
    for (std::size_t x = k; x <= e; ++x) append(out, cps[x]);
    return e + 1;
  };
  auto class_escape = [](UChar32 c) { return c < 0x80 && std::strchr("wWsSdDntrfhHvV", static_cast<int>(c)) != nullptr; };
  while (i < cps.size()) {
    const UChar32 c = cps[i];
    if (c == '\\') {
      const UChar32 e = at(i + 1);
      if (e < 0) return std::nullopt;
      if (e == 'Q') {  // \Q...\E: literal text
        out += "\\Q";
        i += 2;
        while (i < cps.size() && !(cps[i] == '\\' && at(i + 1) == 'E')) {
          if (!literal(cps[i])) return std::nullopt;
          ++i;
        }
        if (i < cps.size()) {
          out += "\\E";
          i += 2;
        }
        continue;
      }
      if (e == 'p' || e == 'P') {
        const auto next = property(i);
        if (!next) return std::nullopt;
        i = *next;
        continue;
      }
      const bool known = class_escape(e) || (e < 0x80 && std::strchr("bBAzZG", static_cast<int>(e)) != nullptr) ||
                         (e >= '1' && e <= '9') || (e < 0x80 && !std::isalnum(static_cast<int>(e)));
      if (!known) return std::nullopt;  // \x, \u, \N{...}, \k<...>, octal: not worth the risk
      append(out, c);
      append(out, e);
      i += 2;
      continue;
    }
    if (c == '[') {
      // A set: its single characters and ASCII ranges are folded (a set with upper-case letters in a range that
      // is not all letters, nested sets and set operations give up). In a negated set, or where case matters,
      // no member may be touched by case.
      out += '[';
      ++i;
      const bool negated = at(i) == '^';
      if (negated) {
        out += '^';
        ++i;
      }
      const bool strict = negated || !insensitive.back();
      bool first = true;
      while (i < cps.size() && (cps[i] != ']' || first)) {
        first = false;
        UChar32 m = cps[i];
        if (m == '[' || (m == '&' && at(i + 1) == '&') || (m == '-' && at(i + 1) == '-')) return std::nullopt;
        if (m == '\\') {
          const UChar32 e = at(i + 1);
          if (e == 'p' || e == 'P') {
            const auto next = property(i);
            if (!next) return std::nullopt;
            i = *next;
            continue;
          }
          if (e < 0 || !(class_escape(e) || (e < 0x80 && !std::isalnum(static_cast<int>(e))))) return std::nullopt;
          append(out, m);
          append(out, e);
          i += 2;
          continue;
        }
        if (at(i + 1) == '-' && at(i + 2) >= 0 && at(i + 2) != ']') {  // a range
          UChar32 lo = m, hi = at(i + 2);
          if (hi == '\\' || hi < lo) return std::nullopt;
          bool relevant = false;
          for (UChar32 x = lo; x <= hi && !relevant; ++x) relevant = case_relevant(x);
          if (relevant) {
            if (strict) return std::nullopt;
            if (lo >= 'A' && hi <= 'Z') {
              lo += 'a' - 'A';
              hi += 'a' - 'A';
            } else if (!(lo >= 'a' && hi <= 'z')) {
              return std::nullopt;
            }
          }
          append(out, lo);
          out += '-';
          append(out, hi);
          i += 3;
          continue;
        }
        if (strict) {
          if (case_relevant(m)) return std::nullopt;
          append(out, m);
        } else {
          const auto f = simple_fold(m);
          if (!f) return std::nullopt;
          append(out, *f);
        }
        ++i;
      }
      if (i >= cps.size()) return std::nullopt;
      out += ']';
      ++i;
      continue;
    }
    if (c == '(') {
      if (at(i + 1) != '?') {
        insensitive.push_back(insensitive.back());
        out += '(';
        ++i;
        continue;
      }
      const UChar32 k = at(i + 2);
      if (k == ':' || k == '=' || k == '!' || k == '>' || (k == '<' && (at(i + 3) == '=' || at(i + 3) == '!'))) {
        insensitive.push_back(insensitive.back());
        out += '(';
        out += '?';
        i += 2;
        continue;
      }
      // Flags: (?i:...), (?-i:...), (?m)...; a named group or anything else gives up.
      std::size_t e = i + 2;
      bool on = true, ci = insensitive.back();
      std::string flags;
      while (e < cps.size() && cps[e] != ':' && cps[e] != ')') {
        const UChar32 f = cps[e];
        if (f == '-') {
          on = false;
        } else if (f == 'i') {
          ci = on;
        } else if (f != 'm' && f != 's' && f != 'w') {
          return std::nullopt;  // x (comments), named groups, anything else
        }
        flags += static_cast<char>(f);
        ++e;
      }
      if (e >= cps.size()) return std::nullopt;
      if (cps[e] == ')') {
        if (ci != insensitive.back()) return std::nullopt;  // a flag to the end of the group: not followed
        out += "(?" + flags + ")";
        i = e + 1;
        continue;
      }
      insensitive.push_back(ci);
      out += "(?" + flags + ":";
      i = e + 1;
      continue;
    }
    if (c == ')') {
      if (insensitive.size() > 1) insensitive.pop_back();
      out += ')';
      ++i;
      continue;
    }
    if (c == '#') return std::nullopt;  // (never a comment without x; kept simple)
    if (c < 0x80 && std::strchr("^$.|*+?{},-0123456789 ", static_cast<int>(c)) != nullptr) {
      append(out, c);
      ++i;
      continue;
    }
    if (!literal(c)) return std::nullopt;
    ++i;
  }
  return out;
}

bool fold_text(const char16_t* text, std::size_t length, std::u16string& out) {
  out.resize(length);
  for (std::size_t i = 0; i < length;) {
    if (text[i] < 0x80) {  // a run of ASCII (branch-free inside: most text)
      std::size_t end = i;
      while (end < length && text[end] < 0x80) ++end;
      for (; i < end; ++i) {
        const char16_t u = text[i];
        out[i] = static_cast<char16_t>(u | (static_cast<char16_t>(u - 'A') < 26 ? 0x20 : 0));
      }
      continue;
    }
    UChar32 c;
    std::size_t next = i;
    U16_NEXT(text, next, length, c);
    const auto f = simple_fold(c);
    if (!f) return false;
    std::size_t k = i;
    U16_APPEND_UNSAFE(out.data(), k, *f);
    i = next;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Required literals. The expression is parsed into a tree of literal characters, "something"
// (classes, escapes like \s, dots), zero-width assertions, groups with alternatives, and repeats. A construct
// the parser does not know makes the whole analysis give up (no literals: the expression always runs).
// ---------------------------------------------------------------------------------------------------------
namespace {

struct GiveUp {};

bool word_char(UChar32 c) { return c >= 0 && is_word_char(static_cast<char32_t>(c)); }
// Certainly not a word character: punctuation (other than connectors), symbols, spaces and controls.
bool punctuation_or_space(UChar32 c) {
  if (c < 0x80) return !word_char(c);
  const auto mask = U_GET_GC_MASK(c);
  return (mask & U_GC_PC_MASK) == 0 && (mask & (U_GC_P_MASK | U_GC_S_MASK | U_GC_Z_MASK | U_GC_CC_MASK)) != 0;
}

struct Node {
  enum Kind { kLiteral, kSomething, kZeroWidth, kGroup, kRepeat } kind = kSomething;
  UChar32 c = 0;                                     // kLiteral
  bool nonword = false;    // kSomething: only ever matches characters that are not word characters (\s, [.!?])
  std::bitset<128> ascii;  // kSomething: the ASCII characters it may match (all, unless known)
  bool all_word = false;   // kSomething: matches every word character (\w, [\w'.-])
  bool after_nonword = false;  // kZeroWidth: a lookbehind that no word character may precede, (?<![\w'])
  bool boundary = false;   // kZeroWidth: \b
  bool line_start = false;  // kZeroWidth: ^ or \A (what comes before is a line break or nothing)
  bool text_start = false;  // kZeroWidth: \A, or ^ without multi-line mode (only at the start of the text)
  std::vector<std::vector<std::unique_ptr<Node>>> alternatives;  // kGroup: each alternative a sequence
  std::unique_ptr<Node> child;                       // kRepeat
  int min = 0, max = -1;                             // kRepeat (-1: unbounded)
};
using Seq = std::vector<std::unique_ptr<Node>>;

class Parser {
 public:
  explicit Parser(std::string_view pattern) {
    // Multi-line mode anywhere ((?m) or (?m:...)): then ^ may match after any line break.
    for (std::size_t i = 0; i + 2 < pattern.size(); ++i) {
      if (pattern[i] != '(' || pattern[i + 1] != '?') continue;
      for (std::size_t j = i + 2; j < pattern.size() && std::strchr("imsxw-", pattern[j]) && pattern[j]; ++j) {
        if (pattern[j] == 'm') multiline_ = true;
        if (pattern[j] == 'w') unicode_words_ = true;  // \b by Unicode's word rules: not the \w transitions
      }
    }
    for (int32_t i = 0; i < static_cast<int32_t>(pattern.size());) {
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(pattern.data()), i, static_cast<int32_t>(pattern.size()), c);
      if (c < 0) throw GiveUp{};
      cps_.push_back(c);
    }
  }
  std::unique_ptr<Node> parse() {
    auto top = alternation();
    if (pos_ != cps_.size()) throw GiveUp{};  // an unbalanced ')'
    return top;
  }

 private:
  bool at_end() const { return pos_ >= cps_.size(); }
  UChar32 peek(std::size_t ahead = 0) const { return pos_ + ahead < cps_.size() ? cps_[pos_ + ahead] : -1; }
  UChar32 next() {
    if (at_end()) throw GiveUp{};
    return cps_[pos_++];
  }
  static std::unique_ptr<Node> make(Node::Kind k, UChar32 c = 0) {
    auto n = std::make_unique<Node>();
    n->kind = k;
    n->c = c;
    if (k == Node::kSomething) n->ascii.set();  // any character, unless the parser knows better
    return n;
  }
  static std::unique_ptr<Node> something(std::bitset<128> ascii, bool nonword) {
    auto n = make(Node::kSomething);
    n->ascii = ascii;
    n->nonword = nonword;
    return n;
  }

  std::unique_ptr<Node> alternation() {
    auto g = make(Node::kGroup);
    g->alternatives.push_back(sequence());
    while (peek() == '|') {
      ++pos_;
      g->alternatives.push_back(sequence());
    }
    return g;
  }

  Seq sequence() {
    Seq seq;
    while (!at_end() && peek() != '|' && peek() != ')') {
      auto a = atom();
      if (!a) continue;  // a comment or a flag setting
      seq.push_back(quantified(std::move(a)));
    }
    return seq;
  }

  std::unique_ptr<Node> quantified(std::unique_ptr<Node> a) {
    for (;;) {
      int min = -2, max = -1;
      const UChar32 q = peek();
      if (q == '*') min = 0;
      else if (q == '+') min = 1;
      else if (q == '?') { min = 0; max = 1; }
      else if (q == '{') {
        ++pos_;
        min = number();
        max = min;
        if (peek() == ',') {
          ++pos_;
          max = peek() == '}' ? -1 : number();
        }
        if (peek() != '}') throw GiveUp{};
      }
      if (min == -2) return a;
      ++pos_;
      if (peek() == '?' || peek() == '+') ++pos_;  // lazy or possessive: the same text can match
      if (a->kind == Node::kZeroWidth) continue;
      auto r = make(Node::kRepeat);
      r->child = std::move(a);
      r->min = min;
      r->max = max;
      a = std::move(r);
    }
  }

  int number() {
    if (peek() < '0' || peek() > '9') throw GiveUp{};
    int n = 0;
    while (peek() >= '0' && peek() <= '9') n = std::min(n * 10 + (next() - '0'), 100000);
    return n;
  }

  void skip_braces() {  // \p{...}, \x{...}, \N{...}
    if (peek() != '{') return;
    while (next() != '}') {
    }
  }

  // A bracketed set, [...], possibly nested ([[a-z]&&[^aeiou]]): something. Which ASCII characters it holds is
  // worked out for plain sets (characters, ranges, \s \d \w and their negations, negation of the whole set);
  // anything else (properties, nesting, intersection) may hold any. Whether it holds only characters that are
  // not word characters is worked out for sets of punctuation and spaces (such as [.!?] or [\s,;]).
  std::unique_ptr<Node> set() {
    auto n = make(Node::kSomething);
    bool nonword = true, exact = true, negated = false, has_word_class = false;
    std::bitset<128> members;
    int depth = 1;
    if (peek() == '^') {
      ++pos_;
      nonword = false;
      negated = true;
    }
    if (peek() == ']') throw GiveUp{};  // "[]...]" is read differently by different engines: do not guess
    bool first = true;
    UChar32 previous = -1;  // the last single character, which a '-' may extend into a range
    while (depth > 0) {
      const UChar32 c = next();
      UChar32 single = -1;
      if (c == '\\') {
        const UChar32 e = next();
        if (e == 'p' || e == 'P' || e == 'N' || e == 'x') {
          skip_braces();
          exact = false;
        }
        if (e == 'Q') throw GiveUp{};
        const bool space_class = e == 's' || e == 'n' || e == 't' || e == 'r' || e == 'f' || e == 'h' || e == 'v';
        if (!space_class && (e >= 0x80 || std::isalnum(static_cast<int>(e)) || e == '_')) nonword = false;
        if (auto cls = class_escape(e)) {
          members |= *cls;
          if (e == 'w') has_word_class = true;
        } else if (auto ch = char_escape(e)) {
          single = *ch;
        } else if (e < 0x80 && !std::isalnum(static_cast<int>(e))) {
          single = e;  // \. \- \] …
        } else {
          exact = false;
        }
      } else if (c == '[') {
        ++depth;
        nonword = false;
        exact = false;
      } else if (c == ']') {
        --depth;
      } else if (c == '-' && !first && peek() != ']') {
        nonword = false;  // a range
        UChar32 to = next();
        if (to == '\\') {
          const UChar32 e = next();
          const auto ch = char_escape(e);
          to = ch ? *ch : (e < 0x80 && !std::isalnum(static_cast<int>(e)) ? e : -1);
        }
        if (previous < 0 || to < 0 || to == '[' || to >= 0x80) {  // (beyond ASCII: case folding is not followed)
          exact = false;
          if (to == '[') ++depth;
        } else {
          for (UChar32 x = previous; x <= to && x < 0x80; ++x) members.set(static_cast<std::size_t>(x));
        }
        previous = -1;
        first = false;
        continue;
      } else if (c == '&' && peek() == '&') {
        nonword = false;
        exact = false;
      } else {
        if (!punctuation_or_space(c)) nonword = false;
        single = c;
      }
      if (single >= 0 && single < 0x80) {
        members.set(static_cast<std::size_t>(single));
      } else if (single >= 0x80) {  // case-insensitively, K (Kelvin sign) is k and ﬀ begins with f
        icu::UnicodeString folded(single);
        folded.foldCase();
        if (folded.length() > 0 && folded.charAt(0) < 0x80) members.set(folded.charAt(0));
      }
      previous = single;
      first = false;
    }
    n->nonword = nonword;
    n->all_word = has_word_class && !negated;
    if (!exact) members.set();
    else if (negated) members.flip();
    n->ascii = members;
    return n;
  }

  // The ASCII members of \s \d \w \h \v \R and their negations, as ICU defines them.
  static std::optional<std::bitset<128>> class_escape(UChar32 e) {
    std::bitset<128> m;
    auto add = [&](std::string_view chars) {
      for (char ch : chars) m.set(static_cast<unsigned char>(ch));
    };
    switch (e) {
      case 's': case 'S': add("\t\n\f\r "); break;  // [\t\n\f\r\p{Z}]
      case 'd': case 'D': add("0123456789"); break;
      case 'w': case 'W':
        for (int x = 0; x < 0x80; ++x) {
          if (std::isalnum(x) || x == '_') m.set(static_cast<std::size_t>(x));
        }
        break;
      case 'h': case 'H': add("\t "); break;
      case 'v': case 'V': case 'R': add("\n\v\f\r"); break;
      default: return std::nullopt;
    }
    if (e == 'S' || e == 'D' || e == 'W' || e == 'H' || e == 'V') m.flip();
    return m;
  }
  static std::optional<UChar32> char_escape(UChar32 e) {
    switch (e) {
      case 't': return '\t';
      case 'n': return '\n';
      case 'r': return '\r';
      case 'f': return '\f';
      case 'a': return 0x07;
      case 'e': return 0x1B;
      default: return std::nullopt;
    }
  }

  std::unique_ptr<Node> atom() {
    const UChar32 c = next();
    switch (c) {
      case '(': return group();
      case '[': return set();
      case '.': return make(Node::kSomething);
      case '^': {
        auto n = make(Node::kZeroWidth);
        n->line_start = true;
        n->text_start = !multiline_;
        return n;
      }
      case '$': return make(Node::kZeroWidth);
      case '\\': return escape();
      case '*':
      case '+':
      case '?':
      case '{':
      case ')':
      case '|': throw GiveUp{};
      case '#':
      case ' ': return make(Node::kLiteral, c);  // (free spacing, where these differ, gives up in group())
      default: return make(Node::kLiteral, c);
    }
  }

  std::unique_ptr<Node> escape() {
    const UChar32 e = next();
    switch (e) {
      case 'Q': {  // \Q...\E: a literal run, as one group of one alternative
        auto g = make(Node::kGroup);
        g->alternatives.emplace_back();
        while (!at_end() && !(peek() == '\\' && peek(1) == 'E')) g->alternatives[0].push_back(make(Node::kLiteral, next()));
        if (!at_end()) pos_ += 2;
        return g;
      }
      case 'E': return nullptr;  // a stray \E
      case 'b': {
        auto n = make(Node::kZeroWidth);
        n->boundary = !unicode_words_;
        return n;
      }
      case 'A': {
        auto n = make(Node::kZeroWidth);
        n->line_start = true;
        n->text_start = true;
        return n;
      }
      case 'B': case 'z': case 'Z': case 'G': return make(Node::kZeroWidth);
      case 's': case 'W': case 'h': case 'v': case 'R':
        return something(*class_escape(e), true);
      case 'd': case 'D': case 'S': case 'w': case 'H': case 'V': {
        auto n = something(*class_escape(e), false);
        n->all_word = e == 'w';
        return n;
      }
      case 't': case 'n': case 'r': case 'f': {
        std::bitset<128> one;
        one.set(static_cast<std::size_t>(*char_escape(e)));
        return something(one, true);
      }
      case 'X': case 'a': case 'e':
        return make(Node::kSomething);
      case 'p': case 'P': case 'N':
        if (peek() == '{') skip_braces();
        else next();
        return make(Node::kSomething);
      case 'x':
        if (peek() == '{') skip_braces();
        else pos_ += 2;
        return make(Node::kSomething);
      case 'u': pos_ += 4; return make(Node::kSomething);
      case 'U': pos_ += 8; return make(Node::kSomething);
      case 'c': next(); return make(Node::kSomething);
      case 'k':
        while (next() != '>') {
        }
        return make(Node::kSomething);
      default:
        if (e >= '0' && e <= '9') {  // octal or a back reference: something
          while (peek() >= '0' && peek() <= '9') ++pos_;
          return make(Node::kSomething);
        }
        if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) throw GiveUp{};  // an escape we do not know
        return make(Node::kLiteral, e);  // \. \( \' …
    }
  }

  std::unique_ptr<Node> group() {
    bool zero_width = false, negative_lookbehind = false;
    if (peek() == '?') {
      ++pos_;
      const UChar32 k = next();
      if (k == ':' || k == '>') {
      } else if (k == '=' || k == '!') {
        zero_width = true;
      } else if (k == '<' && (peek() == '=' || peek() == '!')) {
        negative_lookbehind = next() == '!';
        zero_width = true;
      } else if (k == '<') {  // (?<name>...)
        while (next() != '>') {
        }
      } else if (k == '#') {
        while (next() != ')') {
        }
        return nullptr;
      } else {  // flags: (?ims-x) or (?i:...)
        --pos_;
        for (;;) {
          const UChar32 f = next();
          if (f == 'x') throw GiveUp{};  // free spacing: white space and # mean something else
          if (f == ')') return nullptr;
          if (f == ':') break;
          if (f != 'i' && f != 'm' && f != 's' && f != 'w' && f != '-') throw GiveUp{};
        }
      }
    }
    auto g = alternation();
    if (next() != ')') throw GiveUp{};
    if (zero_width) {
      auto n = make(Node::kZeroWidth);
      n->after_nonword = negative_lookbehind && g->alternatives.size() == 1 && g->alternatives[0].size() == 1 &&
                         g->alternatives[0][0]->kind == Node::kSomething && g->alternatives[0][0]->all_word;
      return n;
    }
    return g;
  }

  std::vector<UChar32> cps_;
  std::size_t pos_ = 0;
  bool multiline_ = false, unicode_words_ = false;
};

// Literal strings, each with how far into a match (in pattern characters) it can start at most (kUnbounded:
// no limit), and whether the character before it in the text is certainly not a word character (so an
// occurrence inside a word, "po" in "report", cannot be the one a match needs).
struct Info {
  int prefix = 0;
  bool word_start = false;
  bool operator==(const Info&) const = default;
};
using Strings = std::map<std::u32string, Info>;
constexpr int kUnbounded = -1;

int add_len(int a, int b) { return a == kUnbounded || b == kUnbounded ? kUnbounded : std::min(a + b, 1 << 20); }

// The same string from two places: the weaker of the two claims.
template <class Map>
void merge(Map& into, const typename Map::key_type& str, Info info) {
  auto [it, fresh] = into.try_emplace(str, info);
  if (fresh) return;
  Info& have = it->second;
  have.prefix = have.prefix == kUnbounded || info.prefix == kUnbounded ? kUnbounded : std::max(have.prefix, info.prefix);
  have.word_start = have.word_start && info.word_start;
}

// What is known about the character just before a point of a match: nothing; that it is not a word character
// when the next one is (after \b); or that it is not a word character, or there is none (after ^, \s, [.!?]).
enum class Before { kUnknown = 0, kBoundary = 1, kNonWord = 2 };

bool word_start(Before b, char32_t first) {
  return b == Before::kNonWord || (b == Before::kBoundary && word_char(static_cast<UChar32>(first)));
}

Before after(const Node& n, Before b);
Before after(const Seq& seq, Before b) {
  for (const auto& item : seq) b = after(*item, b);
  return b;
}
// What is known after a node, from what was known before it (a monotone function on the three values).
Before after(const Node& n, Before b) {
  switch (n.kind) {
    case Node::kLiteral: return punctuation_or_space(n.c) ? Before::kNonWord : Before::kUnknown;
    case Node::kSomething: return n.nonword ? Before::kNonWord : Before::kUnknown;
    case Node::kZeroWidth:  // the character before is the same one; \b and ^ tell something about it
      if (n.line_start || n.after_nonword) return Before::kNonWord;
      if (n.boundary) return std::max(b, Before::kBoundary);
      return b;
    case Node::kGroup: {
      Before out = Before::kNonWord;
      for (const auto& alt : n.alternatives) out = std::min(out, after(alt, b));
      return out;
    }
    case Node::kRepeat: {
      // After k repetitions: iterating a monotone function on a chain of three values settles by the
      // second step, so k = 4 stands for every larger k.
      std::array<Before, 5> after_k{};
      after_k[0] = b;
      for (std::size_t k = 1; k < after_k.size(); ++k) after_k[k] = after(*n.child, after_k[k - 1]);
      Before out = Before::kNonWord;
      const int last = n.max == kUnbounded ? 4 : std::min(n.max, 4);
      for (int k = std::min(n.min, 4); k <= last; ++k) out = std::min(out, after_k[static_cast<std::size_t>(k)]);
      return out;
    }
  }
  return Before::kUnknown;
}

// The most code points a node can match (kUnbounded when there is no limit).
int max_length(const Node& n) {
  switch (n.kind) {
    case Node::kLiteral:
    case Node::kSomething: return 1;
    case Node::kZeroWidth: return 0;
    case Node::kGroup: {
      int m = 0;
      for (const auto& alt : n.alternatives) {
        int len = 0;
        for (const auto& item : alt) len = add_len(len, max_length(*item));
        if (len == kUnbounded) return kUnbounded;
        m = std::max(m, len);
      }
      return m;
    }
    case Node::kRepeat: {
      const int c = max_length(*n.child);
      if (c == 0) return 0;
      if (n.max == kUnbounded || c == kUnbounded) return kUnbounded;
      return std::min(c * n.max, 1 << 20);
    }
  }
  return kUnbounded;
}

// The exact text a node always matches, when there is one ("" for zero-width nodes).
std::optional<std::u32string> exact(const Node& n) {
  switch (n.kind) {
    case Node::kLiteral: return std::u32string(1, static_cast<char32_t>(n.c));
    case Node::kZeroWidth: return std::u32string();
    case Node::kSomething: return std::nullopt;
    case Node::kGroup: {
      if (n.alternatives.size() != 1) return std::nullopt;
      std::u32string s;
      for (const auto& item : n.alternatives[0]) {
        auto e = exact(*item);
        if (!e) return std::nullopt;
        s += *e;
      }
      return s;
    }
    case Node::kRepeat: {
      if (n.min != n.max || n.min > 8) return std::nullopt;
      auto e = exact(*n.child);
      if (!e) return std::nullopt;
      std::u32string s;
      for (int i = 0; i < n.min; ++i) s += *e;
      return s;
    }
  }
  return std::nullopt;
}

// Strings one of which every match contains, each with its own bound on where in the match it starts.
struct Required {
  Strings strings;
  bool bounded() const {
    return std::all_of(strings.begin(), strings.end(), [](const auto& kv) { return kv.second.prefix != kUnbounded; });
  }
};

std::size_t shortest(const Strings& s) {
  std::size_t m = SIZE_MAX;
  for (const auto& x : s) m = std::min(m, x.first.size());
  return m;
}

// How often a set of literals can be expected to occur, weighted by how far before each a match may begin
// (`with_prefix`: each occurrence costs about its prefix's length in attempts). Short literals occur often,
// and the commonest words of the pack languages (English, German, French, Spanish) in nearly every sentence;
// a literal that must open a word occurs less often than the same letters anywhere.
double expected_cost(const Required& r, bool with_prefix) {
  static const std::set<std::u32string> kCommon = {
      U"the", U"and", U"to", U"of", U"in", U"on", U"at", U"by", U"for", U"with", U"is", U"are", U"be", U"was",
      U"have", U"has", U"had", U"will", U"can", U"not", U"no", U"we", U"you", U"your", U"our", U"it", U"this",
      U"that", U"an", U"as", U"do", U"so", U"if", U"or", U"me", U"my", U"us", U"its", U"der", U"die", U"das",
      U"und", U"sie", U"ich", U"wir", U"ist", U"le", U"la", U"les", U"de", U"et", U"vous", U"nous", U"el",
      U"los", U"las", U"que", U"en", U"es", U"un", U"une", U"ein", U"eine", U"una",
      // The commonest English words after those (function words, and verbs of every business letter).
      U"all", U"any", U"some", U"more", U"one", U"two", U"would", U"could", U"should", U"may", U"must", U"from",
      U"about", U"up", U"out", U"into", U"over", U"after", U"before", U"than", U"but", U"also", U"very", U"well",
      U"just", U"now", U"then", U"here", U"there", U"what", U"when", U"which", U"who", U"they", U"them", U"their",
      U"he", U"she", U"his", U"her", U"i", U"am", U"were", U"been", U"get", U"got", U"let", U"make", U"made",
      U"know", U"see", U"take", U"go", U"come", U"give", U"use", U"find", U"tell", U"ask", U"work", U"call",
      U"need", U"want", U"time", U"day", U"week", U"new", U"next", U"last", U"please", U"thank", U"thanks",
      U"team", U"these", U"those", U"other", U"only", U"like", U"back", U"still", U"did", U"does", U"done"};
  double sum = 0;
  for (const auto& [str, info] : r.strings) {
    const double len = static_cast<double>(std::min<std::size_t>(str.size(), 8));
    std::u32string lower = str;
    for (auto& c : lower) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    const double prefix = with_prefix ? std::max(info.prefix, 0) + 8.0 : 8.0;
    sum += (kCommon.count(lower) ? 30.0 : 1.0) * (info.word_start ? 0.5 : 1.0) * prefix / (len * len);
  }
  return sum;
}

// The set to find matches by: a bounded prefix first (the match can then be looked for only near the
// literal); then the lower expected cost of trying the expression near every occurrence.
bool better(const Required& a, const Required& b) {
  const bool ba = a.bounded(), bb = b.bounded();
  if (ba != bb) return ba;
  return expected_cost(a, true) < expected_cost(b, true);
}

// Several sets, each required on its own (every match contains a literal of each): the first to find
// matches by, the others (the rarest) only to skip paragraphs that lack one of them. At most kSets.
constexpr std::size_t kSets = 3;
using Requirements = std::vector<Required>;

// The best kSets of `candidates`, in that order.
Requirements choose(std::vector<Required> candidates) {
  std::erase_if(candidates, [](const Required& r) { return r.strings.empty() || shortest(r.strings) < 2; });
  if (candidates.empty()) return {};
  auto first = std::min_element(candidates.begin(), candidates.end(), better);
  Requirements out{*first};
  candidates.erase(first);
  std::sort(candidates.begin(), candidates.end(), [](const Required& a, const Required& b) {
    return expected_cost(a, false) < expected_cost(b, false);
  });
  for (std::size_t i = 0; i < candidates.size() && out.size() < kSets; ++i) out.push_back(std::move(candidates[i]));
  return out;
}

Requirements required(const Node& n, Before b);

// A sequence: all of its exact runs and its items' own requirements are required. `b`: what is known about
// the character before the sequence.
Requirements required(const Seq& seq, Before b) {
  std::vector<Required> candidates;
  std::u32string run;
  int run_prefix = 0, before = 0;  // before: the most the items so far can match
  bool run_word_start = false;
  auto close_run = [&] {
    if (!run.empty()) candidates.push_back(Required{{{run, Info{run_prefix, run_word_start}}}});
    run.clear();
  };
  for (const auto& item : seq) {
    if (auto e = exact(*item)) {
      if (run.empty() && !e->empty()) {
        run_prefix = before;
        run_word_start = word_start(b, (*e)[0]);
      }
      run += *e;  // zero-width items join the text on either side
    } else {
      close_run();
      for (Required r : required(*item, b)) {
        for (auto& kv : r.strings) kv.second.prefix = add_len(before, kv.second.prefix);
        candidates.push_back(std::move(r));
      }
    }
    before = add_len(before, max_length(*item));
    b = after(*item, b);
  }
  close_run();
  return choose(std::move(candidates));
}

Requirements required(const Node& n, Before b) {
  switch (n.kind) {
    case Node::kLiteral: {
      const auto c = static_cast<char32_t>(n.c);
      return {Required{{{std::u32string(1, c), Info{0, word_start(b, c)}}}}};
    }
    case Node::kZeroWidth:
    case Node::kSomething: return {};
    case Node::kGroup: {
      // The k-th set of the group: the k-th sets of all its alternatives together. And one more: each
      // alternative's rarest set together (when alternatives differ in how many sets they have, or the first
      // of one is a common word, this is often the set that best tells a text that cannot match).
      Requirements all;
      Required rarest;
      for (std::size_t i = 0; i < n.alternatives.size(); ++i) {
        const Requirements r = required(n.alternatives[i], b);
        if (r.empty()) return {};  // one alternative that needs nothing: the group needs nothing
        if (i == 0) all.resize(r.size());
        all.resize(std::min(all.size(), r.size()));
        for (std::size_t k = 0; k < all.size(); ++k) {
          for (const auto& [str, info] : r[k].strings) merge(all[k].strings, str, info);
        }
        const auto rare = std::min_element(r.begin(), r.end(), [](const Required& x, const Required& y) {
          return expected_cost(x, false) < expected_cost(y, false);
        });
        for (const auto& [str, info] : rare->strings) merge(rarest.strings, str, info);
      }
      if (n.alternatives.size() > 1 && !(all.size() >= 1 && all[0].strings == rarest.strings)) all.push_back(std::move(rarest));
      return all;
    }
    case Node::kRepeat:
      if (n.min == 0) return {};
      return required(*n.child, b);  // the first repetition's literals
  }
  return {};
}

// The literals of one set, folded (the same literal may come from two strings, "Grüße" and "GRÜSSE": the
// weaker claim is kept). None when a literal is a single byte (it would filter nothing).
std::optional<Literals> folded(const Required& r) {
  std::map<std::string, Info> folded_strings;
  for (const auto& [str, info] : r.strings) {
    std::string utf8;
    for (char32_t c : str) icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(utf8);
    std::string f = fold_case(utf8);
    if (f.size() < 2) return std::nullopt;
    merge(folded_strings, f, info);
  }
  Literals out;
  out.max_prefix = 0;
  for (const auto& [str, info] : folded_strings) {
    out.strings.push_back(str);
    out.prefixes.push_back(info.prefix);
    out.word_starts.push_back(info.word_start);
    out.max_prefix = out.max_prefix == kUnbounded || info.prefix == kUnbounded ? kUnbounded : std::max(out.max_prefix, info.prefix);
  }
  return out;
}

// The characters a match can begin with (see FirstChars). `b`: what is known about the character before.
// Returns whether the node can match the empty string; sets `any` when a match could begin with anything.
struct Firsts {
  std::array<std::uint8_t, 128> ascii{};
  bool any = false;
  // `where`: 1 anywhere, 2 only at the start of a word, 3 only at the start of the text.
  void add(UChar32 c, std::uint8_t where) {
    if (c >= 0x80) {
      // Only text outside ASCII can match it (and that is always tried), except through case folding:
      // K (Kelvin sign) matches k, ﬀ matches ff.
      icu::UnicodeString folded(c);
      folded.foldCase();
      if (folded.length() > 0 && folded.charAt(0) < 0x80) add(folded.charAt(0), where);
      return;
    }
    // Case-insensitive matching: both cases begin the same matches; the table is by lower case.
    std::uint8_t& e = ascii[static_cast<std::size_t>(u_tolower(c))];
    e = e == 0 ? where : std::min(e, where);
  }
  void add(UChar32 c, Before b, bool anchored) {
    add(c, static_cast<std::uint8_t>(anchored ? 3 : word_start(b, static_cast<char32_t>(c)) ? 2 : 1));
  }
};
// Whether a node can match the empty string: no; yes; or only at the start of the text (through ^ or \A).
enum class Empty { kNo, kYes, kAtTextStart };

// Adds the characters a node's matches can begin with. `anchored`: a ^ or \A came before, so the match
// begins at the start of the text.
Empty firsts(const Node& n, Before b, bool anchored, Firsts& f);
Empty firsts(const Seq& seq, Before b, bool anchored, Firsts& f) {
  for (const auto& item : seq) {
    const Empty e = firsts(*item, b, anchored, f);
    if (e == Empty::kNo) return Empty::kNo;
    anchored = anchored || e == Empty::kAtTextStart;
    b = after(*item, b);
  }
  return anchored ? Empty::kAtTextStart : Empty::kYes;
}
Empty firsts(const Node& n, Before b, bool anchored, Firsts& f) {
  switch (n.kind) {
    case Node::kLiteral:
      f.add(n.c, b, anchored);
      return Empty::kNo;
    case Node::kSomething:
      for (std::size_t c = 0; c < 128; ++c) {
        if (n.ascii.test(c)) f.add(static_cast<UChar32>(c), b, anchored);
      }
      return Empty::kNo;
    case Node::kZeroWidth: return n.text_start || anchored ? Empty::kAtTextStart : Empty::kYes;
    case Node::kGroup: {
      Empty out = Empty::kNo;
      for (const auto& alt : n.alternatives) {
        const Empty e = firsts(alt, b, anchored, f);
        if (e == Empty::kYes || (e == Empty::kAtTextStart && out == Empty::kNo)) out = e;
      }
      return out;
    }
    case Node::kRepeat: {
      // A later repetition begins after an earlier one that matched nothing only if the child can match
      // nothing; zero-width items only add to what is known before, so the first repetition's table holds.
      const Empty e = firsts(*n.child, b, anchored, f);
      return n.min == 0 && !anchored ? Empty::kYes : n.min == 0 ? Empty::kAtTextStart : e;
    }
  }
  f.any = true;
  return Empty::kYes;
}

// The ASCII marks (see Literals::marks) every match of a node consumes.
std::bitset<128> marks_of(const Node& n);
std::bitset<128> marks_of(const Seq& seq) {
  std::bitset<128> out;
  for (const auto& item : seq) out |= marks_of(*item);
  return out;
}
std::bitset<128> marks_of(const Node& n) {
  switch (n.kind) {
    case Node::kLiteral: {
      std::bitset<128> out;
      const bool mark = n.c < 0x80 && n.c > ' ' && !std::isalpha(static_cast<int>(n.c));
      if (mark) out.set(static_cast<std::size_t>(n.c));
      return out;
    }
    case Node::kGroup: {
      if (n.alternatives.empty()) return {};
      std::bitset<128> out;
      out.set();
      for (const auto& alt : n.alternatives) out &= marks_of(alt);
      return out;
    }
    case Node::kRepeat: return n.min >= 1 ? marks_of(*n.child) : std::bitset<128>();
    default: return {};  // (a set or class may also match a character outside ASCII)
  }
}

// The first word of a match (see LeadWords), over a list of nodes still to match. Each call returns the words
// (folded, at most 4 characters) and the most non-word characters that can come first; none when unknown
// (a match might have no word character, or begin with one the analysis cannot name). `budget` bounds the
// work (alternatives are followed into what comes after them).
struct Lead {
  std::set<std::string> words;     // the first word begins with one of these
  std::set<std::string> complete;  // or is one of these, whole (a non-word character follows)
  int skip = 0;
};
bool only_nonword(const Node& n) {
  switch (n.kind) {
    case Node::kLiteral: return punctuation_or_space(n.c);
    case Node::kSomething: return n.nonword;
    case Node::kZeroWidth: return true;
    case Node::kGroup:
      return std::all_of(n.alternatives.begin(), n.alternatives.end(), [](const Seq& alt) {
        return std::all_of(alt.begin(), alt.end(), [](const auto& item) { return only_nonword(*item); });
      });
    case Node::kRepeat: return only_nonword(*n.child);
  }
  return false;
}
// Every match of the node is one character or more, and none of them a word character.
bool nonword_run(const Node& n) {
  switch (n.kind) {
    case Node::kLiteral: return punctuation_or_space(n.c);
    case Node::kSomething: return n.nonword;
    case Node::kZeroWidth: return false;
    case Node::kGroup:
      return !n.alternatives.empty() && std::all_of(n.alternatives.begin(), n.alternatives.end(), [](const Seq& alt) {
        return std::all_of(alt.begin(), alt.end(), [](const auto& item) { return only_nonword(*item); }) &&
               std::any_of(alt.begin(), alt.end(), [](const auto& item) { return nonword_run(*item); });
      });
    case Node::kRepeat: return n.min >= 1 && nonword_run(*n.child);
  }
  return false;
}
std::optional<Lead> lead(std::vector<const Node*> items, std::size_t at, int skipped, int& budget) {
  if (--budget < 0) return std::nullopt;
  if (at >= items.size()) return std::nullopt;  // a match with no word character: cannot tell
  const Node& n = *items[at];
  auto join = [](std::optional<Lead> a, const std::optional<Lead>& b) -> std::optional<Lead> {
    if (!a || !b) return std::nullopt;
    a->words.insert(b->words.begin(), b->words.end());
    a->complete.insert(b->complete.begin(), b->complete.end());
    a->skip = std::max(a->skip, b->skip);
    return a;
  };
  switch (n.kind) {
    case Node::kZeroWidth: return lead(items, at + 1, skipped, budget);
    case Node::kLiteral: {
      if (punctuation_or_space(n.c)) return lead(items, at + 1, skipped + 1, budget);
      if (!word_char(n.c)) return std::nullopt;
      // The word: this literal and the literals right after it (4 characters at most are kept).
      std::string word;
      for (std::size_t k = at; k < items.size() && items[k]->kind == Node::kLiteral && word.size() < 4; ++k) {
        const UChar32 c = items[k]->c;
        if (c >= 0x80) break;
        word += static_cast<char>(u_tolower(c));
      }
      if (word.empty()) return std::nullopt;  // a letter outside ASCII
      // A whole word: letters of ASCII only, at most 4, and then something that only matches a non-word
      // character (\s, punctuation, at least one of them), or \b.
      const std::size_t end = at + word.size();
      bool whole = word.size() < 4 || (end < items.size() && items[end]->kind != Node::kLiteral);
      for (char c : word) whole = whole && std::isalnum(static_cast<unsigned char>(c));
      if (whole && end < items.size()) {
        const Node& after_word = *items[end];
        whole = nonword_run(after_word) || (after_word.kind == Node::kZeroWidth && after_word.boundary);
      } else {
        whole = false;
      }
      if (whole) return Lead{{}, {word}, skipped};
      return Lead{{word}, {}, skipped};
    }
    case Node::kSomething:
      if (n.nonword) return lead(items, at + 1, skipped + 1, budget);
      return std::nullopt;
    case Node::kGroup: {
      std::optional<Lead> out = Lead{};
      for (const auto& alt : n.alternatives) {
        std::vector<const Node*> next;
        for (const auto& item : alt) next.push_back(item.get());
        next.insert(next.end(), items.begin() + static_cast<std::ptrdiff_t>(at) + 1, items.end());
        out = join(std::move(out), lead(std::move(next), 0, skipped, budget));
        if (!out) return std::nullopt;
      }
      return out;
    }
    case Node::kRepeat: {
      if (only_nonword(*n.child)) {  // skipped over whole, however many times it repeats
        const int most = max_length(n);
        if (most == kUnbounded) return std::nullopt;
        return lead(items, at + 1, skipped + most, budget);
      }
      if (n.max != 1) return std::nullopt;  // (a repeat that may end in non-word characters and go again)
      std::vector<const Node*> once = items;
      once[at] = n.child.get();
      std::optional<Lead> with = lead(std::move(once), at, skipped, budget);
      if (n.min >= 1) return with;
      return join(std::move(with), lead(items, at + 1, skipped, budget));
    }
  }
  return std::nullopt;
}

}  // namespace

bool FirstChars::word_before(const char16_t* text, std::size_t at) {
  for (std::size_t k = at; k > 0;) {
    UChar32 p = text[--k];
    if (U16_IS_TRAIL(p) && k > 0 && U16_IS_LEAD(text[k - 1])) p = U16_GET_SUPPLEMENTARY(text[--k], p);
    if ((U_GET_GC_MASK(p) & U_GC_M_MASK) == 0) return word_char(p);
  }
  return false;
}

Literals required_literals(std::string_view pattern) {
  Requirements r;
  FirstChars first;
  LeadWords lead_words;
  std::string marks;
  try {
    Parser p(pattern);
    const std::unique_ptr<Node> tree = p.parse();
    r = required(*tree, Before::kUnknown);  // a match may start anywhere, inside a word too
    Firsts f;
    if (firsts(*tree, Before::kUnknown, false, f) == Empty::kNo && !f.any) {
      first.known = true;
      first.ascii = f.ascii;
      first.settle();
    }
    const std::bitset<128> m = marks_of(*tree);
    for (std::size_t c = 0; c < 128; ++c) {
      if (m.test(c)) marks += static_cast<char>(c);
    }
    int budget = 20000;
    if (const auto l = lead({tree.get()}, 0, 0, budget)) {
      lead_words.known = true;
      lead_words.max_skip = l->skip;
      for (const auto& w : l->words) lead_words.starts.push_back(LeadWords::pack(w.data(), w.size()));
      for (const auto& w : l->complete) lead_words.words.push_back(LeadWords::pack(w.data(), w.size()));
      std::sort(lead_words.starts.begin(), lead_words.starts.end());
      std::sort(lead_words.words.begin(), lead_words.words.end());
    }
  } catch (const GiveUp&) {
    return {};
  }
  Literals out;
  if (!r.empty()) {
    if (auto main = folded(r.front())) out = std::move(*main);
  }
  if (!out.strings.empty()) {
    for (std::size_t k = 1; k < r.size(); ++k) {
      if (auto also = folded(r[k])) out.also.push_back(std::move(*also));
    }
  }
  out.ascii_pattern = is_ascii(pattern);
  out.first = first;
  out.lead = lead_words;
  out.marks = marks;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] LiteralFilter
// ---------------------------------------------------------------------------------------------------------
void LiteralFilter::add(const void* key, const Literals& literals, std::uint32_t owner) {
  if (literals.strings.empty()) {
    always(owner);
    return;
  }
  if (const auto known = slot_of_.find(key); known != slot_of_.end()) {
    main_owners_.push_back({known->second, owner});
    return;
  }
  const std::uint32_t slot = add_slot(literals);
  slot_of_[key] = slot;
  main_owners_.push_back({slot, owner});
  for (const Literals& also : literals.also) {
    if (also.strings.empty()) continue;
    const std::uint32_t extra = add_slot(also);
    slot_also_[slot].push_back(extra);
  }
}

std::uint32_t LiteralFilter::add_slot(const Literals& literals) {
  const auto slot = static_cast<std::uint32_t>(slot_literals_.size());
  slot_also_.emplace_back();
  slot_literals_.emplace_back();
  slot_ascii_pattern_.push_back(literals.ascii_pattern);
  for (std::size_t k = 0; k < literals.strings.size(); ++k) {
    const std::string& lit = literals.strings[k];
    const bool word_start = k < literals.word_starts.size() && literals.word_starts[k];
    const auto [at, fresh] = literal_index_.try_emplace((word_start ? "w" : "-") + lit, literals_.size());
    const std::size_t id = at->second;
    if (fresh) {
      literals_.push_back(lit);
      literal_word_start_.push_back(word_start);
      literal_slots_.emplace_back();
    }
    literal_slots_[id].push_back(slot);
    slot_literals_[slot].push_back(
        {static_cast<std::uint32_t>(id), k < literals.prefixes.size() ? literals.prefixes[k] : kUnbounded});
  }
  return slot;
}

void LiteralFilter::Trie::build(const std::vector<std::string>& literals, const std::vector<std::uint32_t>& ids,
                                const std::array<std::uint8_t, 256>& classes, std::size_t class_count) {
  // First as a tree of maps, then flattened: children sorted by byte, each node's outputs together.
  struct Building {
    std::map<unsigned char, std::uint32_t> children;
    std::vector<std::uint32_t> ends;
  };
  std::vector<Building> tree(1);
  for (std::uint32_t id : ids) {
    std::uint32_t at = 0;
    for (char ch : literals[id]) {
      const auto c = classes[static_cast<unsigned char>(ch)];
      auto it = tree[at].children.find(c);
      if (it == tree[at].children.end()) {
        tree.emplace_back();
        it = tree[at].children.emplace(c, static_cast<std::uint32_t>(tree.size() - 1)).first;
      }
      at = it->second;
    }
    tree[at].ends.push_back(id);
  }
  nodes.assign(tree.size(), Node{});
  edges.clear();
  outputs.clear();
  for (std::uint32_t k = 0; k < tree.size(); ++k) {
    Node& n = nodes[k];
    n.first_edge = static_cast<std::uint32_t>(edges.size());
    n.edges = static_cast<std::uint32_t>(tree[k].children.size());
    for (const auto& [c, child] : tree[k].children) {  // (by class: the map keeps them in order)
      edges.push_back({c, child});
      if (c < 64) n.low |= std::uint64_t{1} << c;
    }
    n.first_output = static_cast<std::uint32_t>(outputs.size());
    n.outputs = static_cast<std::uint32_t>(tree[k].ends.size());
    for (std::uint32_t id : tree[k].ends) outputs.push_back(id);
  }
  second.assign(class_count * class_count, 0);
  const Node& root = nodes[0];
  for (std::uint32_t e = root.first_edge; e < root.first_edge + root.edges; ++e) {
    const Node& one = nodes[edges[e].second];
    for (std::uint32_t f = one.first_edge; f < one.first_edge + one.edges; ++f) {
      second[edges[e].first * class_count + edges[f].first] = edges[f].second;
    }
  }
}

void LiteralFilter::always(std::uint32_t owner) { always_.push_back(owner); }

void LiteralFilter::build() {
  std::sort(always_.begin(), always_.end());
  always_.erase(std::unique(always_.begin(), always_.end()), always_.end());
  literal_owners_.assign(literals_.size(), {});
  for (const auto& [slot, owner] : main_owners_) {
    for (const auto& lit : slot_literals_[slot]) literal_owners_[lit.first].push_back(owner);
  }
  owner_limit_ = always_.empty() ? 0 : always_.back() + 1;
  for (auto& o : literal_owners_) {
    std::sort(o.begin(), o.end());
    o.erase(std::unique(o.begin(), o.end()), o.end());
    if (!o.empty()) owner_limit_ = std::max(owner_limit_, o.back() + 1);
  }
  class_.fill(0);
  classes_ = 1;
  for (const auto& lit : literals_) {
    for (char ch : lit) {
      auto& c = class_[static_cast<unsigned char>(ch)];
      if (c == 0) c = static_cast<std::uint8_t>(classes_++);  // (at most 255 distinct bytes: fits)
    }
  }
  std::vector<std::uint32_t> word_ids, any_ids;
  for (std::uint32_t id = 0; id < literals_.size(); ++id) (literal_word_start_[id] ? word_ids : any_ids).push_back(id);
  word_trie_.build(literals_, word_ids, class_, classes_);
  any_trie_.build(literals_, any_ids, class_, classes_);
}

namespace {
// Whether the character before `at` is a word character. ICU's \b passes over combining marks, so they are
// skipped here too (a mark after a space does not make a word).
bool word_before(std::string_view text, std::size_t at) {
  int32_t k = static_cast<int32_t>(at);
  while (k > 0) {
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, k, c);
    if (c < 0) return false;
    if ((U_GET_GC_MASK(c) & U_GC_M_MASK) == 0) return word_char(c);
  }
  return false;
}
}  // namespace

namespace {
// The number of bits set. (Without the POPCNT instruction, std::popcount calls a library function: this is the
// same count, inline.)
inline std::uint32_t bits_set(std::uint64_t x) {
#if defined(__POPCNT__) || defined(__wasm__)
  return static_cast<std::uint32_t>(std::popcount(x));
#else
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<std::uint32_t>((x * 0x0101010101010101ULL) >> 56);
#endif
}
}  // namespace

bool runs_within_bounds(std::string_view text) {
  // Each ASCII byte's kind: 1 white space, 2 a word character or ' & -, 0 another.
  static constexpr std::array<std::uint8_t, 128> kKind = [] {
    std::array<std::uint8_t, 128> k{};
    for (std::size_t c = 0; c < 128; ++c) {
      if (c == ' ' || (c >= '\t' && c <= '\r')) k[c] = 1;
      if (FirstChars::kAsciiWord[c] || c == '\'' || c == '&' || c == '-') k[c] = 2;
    }
    return k;
  }();
  int space = 0, word = 0;  // the current runs' lengths
  for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
    const auto b = static_cast<unsigned char>(text[static_cast<std::size_t>(i)]);
    if (b < 0x80) {  // (ASCII: no branch that depends on the text, but for a run too long)
      const std::uint8_t kind = kKind[b];
      space = (space + 1) & -static_cast<int>(kind == 1);
      word = (word + 1) & -static_cast<int>(kind == 2);
      ++i;
      if ((space > kMaxSpaceRun) | (word > kMaxWordRun)) return false;
      continue;
    }
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
    const std::uint8_t kind = c < 0 ? 0 : (U_GET_GC_MASK(c) & U_GC_Z_MASK) || u_isUWhiteSpace(c) ? 1 : word_char(c) || c == 0x2019 ? 2 : 0;
    space = kind == 1 ? space + 1 : 0;
    word = kind == 2 ? word + 1 : 0;
    if (space > kMaxSpaceRun || word > kMaxWordRun) return false;
  }
  return true;
}

LiteralFilter::Hits LiteralFilter::scan(std::string_view text) const {
  Hits h;
  h.filter_ = this;
  h.bounded_ = runs_within_bounds(text);
  h.slot_hit_.assign(slot_literals_.size(), 0);
  h.ascii_ = is_ascii(text);
  if (literals_.empty() || word_trie_.nodes.empty()) return h;
  h.occurrences_.reserve(text.size() / 6 + 8);  // (about one per word in English: grown rarely)
  // The folded text, and for each of its bytes the offset in `text` of the character it came from.
  std::string folded;
  std::vector<std::size_t> origin;
  if (h.ascii_) {
    folded = fold_case(text);
  } else {
    folded.reserve(text.size() + text.size() / 8);
    origin.reserve(folded.capacity());
    for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
      const auto start = static_cast<std::size_t>(i);
      const auto byte = static_cast<unsigned char>(text[start]);
      if (byte < 0x80) {  // a run of ASCII: folded here
        std::size_t end = start;
        while (end < text.size() && static_cast<unsigned char>(text[end]) < 0x80) ++end;
        const std::size_t at = folded.size();
        folded.resize(at + (end - start));
        origin.resize(at + (end - start));
        for (std::size_t k = start; k < end; ++k) {
          const auto b = static_cast<unsigned char>(text[k]);
          folded[at + k - start] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
          origin[at + k - start] = k;
        }
        i = static_cast<int32_t>(end);
        continue;
      }
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
      if (c < 0) c = 0xFFFD;
      const std::size_t before = folded.size();
      if (const auto f = simple_fold(c)) {  // (most characters: no string needed)
        append(folded, *f);
      } else {
        icu::UnicodeString(c).foldCase().toUTF8String(folded);
      }
      origin.insert(origin.end(), folded.size() - before, start);
    }
  }
  const auto* t = reinterpret_cast<const unsigned char*>(folded.data());
  // Whether a word may start at byte i of the folded text: no word character before it (past combining marks,
  // as \b sees it), or i is inside the folding of one character (then it cannot be told: yes).
  auto word_start_at = [&](std::size_t i) {
    if (i == 0) return true;
    // An ASCII byte before: an ASCII character, or the end of a character's folding (letters fold to letters).
    if (t[i - 1] < 0x80) return !FirstChars::kAsciiWord[t[i - 1]];
    if (origin[i - 1] == origin[i]) return true;
    const auto before = static_cast<unsigned char>(text[origin[i] - 1]);
    if (before < 0x80) return !FirstChars::kAsciiWord[before];
    return !word_before(text, origin[i]);
  };
  const std::size_t n = folded.size();
  // Every literal that begins at byte i of `trie`, from its node for the two bytes at i.
  auto walk = [&](const Trie& trie, std::size_t i, std::uint32_t at) {
    for (std::size_t k = i + 2;; ++k) {
      const Trie::Node& node = trie.nodes[at];
      for (std::uint32_t o = 0; o < node.outputs; ++o) {
        h.occurrences_.push_back({trie.outputs[node.first_output + o], origin.empty() ? i : origin[i]});
      }
      if (k >= n) return;
      const std::uint8_t c = class_[t[k]];
      std::uint32_t edge;
      if (c < 64) {
        if ((node.low >> c & 1) == 0) return;  // (class 0, a byte in no literal, has no bit)
        edge = bits_set(node.low & ((std::uint64_t{1} << c) - 1));
      } else {
        edge = bits_set(node.low);
        while (edge < node.edges && trie.edges[node.first_edge + edge].first != c) ++edge;
        if (edge == node.edges) return;
      }
      at = trie.edges[node.first_edge + edge].second;
    }
  };
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const std::size_t c = class_[t[i]];
    if (c == 0) continue;
    const std::size_t two = c * classes_ + class_[t[i + 1]];
    if (const std::uint32_t at = any_trie_.second[two]) walk(any_trie_, i, at);
    if (!word_start_at(i)) continue;  // (inside a word: most places; the word trie is not touched)
    if (const std::uint32_t at = word_trie_.second[two]) walk(word_trie_, i, at);
  }
  // By literal, then position (one folded character can give the same literal twice: harmless for the ranges
  // made from them), by a counting sort over the literals that occur: tens in a paragraph, of over a thousand
  // (a bit each marks them, and their counts are kept between scans, zero again after each).
  thread_local std::vector<std::uint32_t> count;
  if (count.size() < literals_.size()) count.assign(literals_.size(), 0);
  h.occurs_.assign(literals_.size() / 64 + 1, 0);
  for (const auto& o : h.occurrences_) {
    ++count[o.first];
    h.occurs_[o.first / 64] |= std::uint64_t{1} << (o.first % 64);
  }
  // `first_` holds the occurring literals' starts in literal order: the k-th literal that occurs is found by
  // counting the bits before it (`below_`: the bits in the words before each word).
  h.below_.resize(h.occurs_.size());
  h.first_.reserve(h.occurrences_.size());
  std::uint32_t sum = 0;
  for (std::size_t w = 0; w < h.occurs_.size(); ++w) {
    h.below_[w] = static_cast<std::uint32_t>(h.first_.size());
    for (std::uint64_t b = h.occurs_[w]; b != 0; b &= b - 1) {
      const auto lit = static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(b)));
      h.first_.push_back(sum);
      const std::uint32_t start = sum;
      sum += count[lit];
      count[lit] = start;  // (now where the literal's next occurrence goes)
      for (std::uint32_t sl : literal_slots_[lit]) h.slot_hit_[sl] = 1;  // (once per literal, however often it occurs)
    }
  }
  if (h.occurrences_.size() > 1) {
    std::vector<std::pair<std::uint32_t, std::size_t>> sorted(h.occurrences_.size());
    for (const auto& o : h.occurrences_) sorted[count[o.first]++] = o;
    h.occurrences_ = std::move(sorted);
  }
  for (const auto& o : h.occurrences_) count[o.first] = 0;
  return h;
}

std::int64_t LiteralFilter::find_slot(const void* key) const {
  const auto it = slot_of_.find(key);
  return it == slot_of_.end() ? -1 : static_cast<std::int64_t>(it->second);
}

std::vector<std::uint32_t> LiteralFilter::Hits::owners() const {
  // A bit per owner, then the set bits in order (no sort).
  std::vector<std::uint64_t> bits(filter_->owner_limit_ / 64 + 1, 0);
  for (std::uint32_t o : filter_->always_) bits[o / 64] |= std::uint64_t{1} << (o % 64);
  for (std::size_t k = 0; k < occurrences_.size(); ++k) {
    if (k > 0 && occurrences_[k].first == occurrences_[k - 1].first) continue;  // (sorted by literal)
    for (std::uint32_t o : filter_->literal_owners_[occurrences_[k].first]) bits[o / 64] |= std::uint64_t{1} << (o % 64);
  }
  std::vector<std::uint32_t> out;
  for (std::size_t w = 0; w < bits.size(); ++w) {
    for (std::uint64_t b = bits[w]; b != 0; b &= b - 1) out.push_back(static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(b))));
  }
  return out;
}

std::int64_t LiteralFilter::Hits::slot(const void* key) const { return filter_ ? filter_->find_slot(key) : -1; }

bool LiteralFilter::Hits::may_match(const void* key) const { return may_match_slot(slot(key)); }

bool LiteralFilter::Hits::may_match_slot(std::int64_t slot) const {
  if (!filter_ || slot < 0) return true;
  if (slot_hit_[static_cast<std::size_t>(slot)] == 0) return false;
  const auto& also = filter_->slot_also_[static_cast<std::size_t>(slot)];
  return std::all_of(also.begin(), also.end(), [&](std::uint32_t s) { return slot_hit_[s] != 0; });
}

namespace {
// Sorted ranges made disjoint (overlapping and touching ones joined), in place.
void join(std::vector<LiteralFilter::Start>& ranges) {
  // (Often sorted already: the occurrences of one literal come in order.)
  auto by_from = [](const auto& a, const auto& b) { return a.from < b.from; };
  if (!std::is_sorted(ranges.begin(), ranges.end(), by_from)) std::sort(ranges.begin(), ranges.end(), by_from);
  std::size_t kept = 0;
  for (std::size_t k = 0; k < ranges.size(); ++k) {
    const auto r = ranges[k];
    if (kept > 0 && r.from <= ranges[kept - 1].to + 1) {
      ranges[kept - 1].to = std::max(ranges[kept - 1].to, r.to);
    } else {
      ranges[kept++] = r;
    }
  }
  ranges.resize(kept);
}

// The places in both of two sets of disjoint sorted ranges, into `a`.
void intersect(std::vector<LiteralFilter::Start>& a, const std::vector<LiteralFilter::Start>& b) {
  thread_local std::vector<LiteralFilter::Start> out;  // (kept between calls: no allocation)
  out.clear();
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    const std::size_t from = std::max(a[i].from, b[j].from), to = std::min(a[i].to, b[j].to);
    if (from <= to) out.push_back({from, to});
    (a[i].to < b[j].to ? i : j)++;
  }
  a.assign(out.begin(), out.end());
}
}  // namespace

bool LiteralFilter::Hits::ranges(std::uint32_t slot, std::vector<Start>& out) const {
  out.clear();
  const bool ascii_pattern = filter_->slot_ascii_pattern_[slot];
  for (const auto& [id, prefix] : filter_->slot_literals_[slot]) {
    if (prefix < 0) return false;  // no bound for this literal
    // Outside ASCII a character is up to 4 bytes, and case-insensitive matching can match one pattern character
    // with up to 3 (ß and "ss"): in bytes of text, generously.
    const std::size_t before = static_cast<std::size_t>(ascii_ && ascii_pattern ? prefix : prefix * 12);
    const std::uint64_t word = occurs_[id / 64];
    if ((word >> (id % 64) & 1) == 0) continue;  // (most literals of a set do not occur)
    const std::uint32_t first = first_[below_[id / 64] + bits_set(word & ((std::uint64_t{1} << (id % 64)) - 1))];
    for (auto o = occurrences_.begin() + first; o != occurrences_.end() && o->first == id; ++o) {
      const std::size_t p = o->second;
      out.push_back({p > before ? p - before : 0, p});
    }
  }
  join(out);
  return true;
}

std::optional<std::vector<LiteralFilter::Start>> LiteralFilter::Hits::starts(const void* key) const {
  std::vector<Start> out;
  if (!starts_into(slot(key), out)) return std::nullopt;
  return out;
}

bool LiteralFilter::Hits::starts_into(std::int64_t slot, std::vector<Start>& out) const {
  if (!filter_ || slot < 0 || !bounded_ || !ranges(static_cast<std::uint32_t>(slot), out)) return false;
  // Every further set is in every match too: a match starts near an occurrence of each.
  thread_local std::vector<Start> near;  // (kept between calls: no allocation)
  for (std::uint32_t also : filter_->slot_also_[static_cast<std::size_t>(slot)]) {
    if (out.empty()) break;
    if (ranges(also, near)) intersect(out, near);
  }
  return true;
}

}  // namespace rapport
