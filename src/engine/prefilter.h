// Skipping regular expressions that cannot match. Most of a rule pack's hundreds of expressions occur in no
// given message; running each over the text would cost tens of milliseconds per keystroke. Instead each
// expression's *required literals* are worked out once, when the pack loads: a set of strings one of which
// must occur (case-folded) in any match. A message is then scanned once for all literals of all expressions,
// and only the expressions whose literals occur are run.
//
// The analysis is conservative: where it cannot be sure (an unfamiliar construct), the expression gets no
// literals and always runs. So the filter changes how fast the checker is, never what it finds; a test
// checks exactly that (tests/engine/checker_test.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rapport {

/// ICU's full case folding of UTF-8 text (ASCII fast path). Folding works character by character, so a text
/// that contains a string case-insensitively contains its folding after folding.
std::string fold_case(std::string_view utf8);

/// The required literals of an ICU regular expression: every match of the pattern (with or without
/// case-insensitive matching) contains at least one of `strings` (case-folded, each at least two bytes).
/// `strings` is empty when no useful set can be proved (then the expression must always run).
struct Literals {
  std::vector<std::string> strings;
  /// For each string: at most how many pattern characters of a match come before it (-1: no bound). With
  /// them, the expression need only be tried at the few places just before each occurrence of a literal.
  std::vector<int> prefixes;
  int max_prefix = -1;         ///< the largest of `prefixes` (-1 when any is unbounded)
  bool ascii_pattern = false;  ///< then, in ASCII text, one pattern character matches one byte
};
Literals required_literals(std::string_view pattern);

/// Which expressions may match a text: built once over many expressions, each known by a key (any pointer)
/// and its required literals; `scan` finds all literals in one pass over the folded text.
class LiteralFilter {
 public:
  void add(const void* key, const Literals& literals);
  /// Call after the last add().
  void build();

  struct Start {
    std::size_t from, to;  ///< a match may start at any byte in [from, to]
  };
  class Hits {
   public:
    /// False only when `key` was added with literals and none of them occurs in the text.
    bool may_match(const void* key) const;
    /// Where a match of `key` can start, from where its literals occur: each occurrence at byte p of a literal
    /// whose prefix is bounded gives the range [p - bound, p], in bytes of the scanned text. Sorted by start.
    /// Empty when `key` has a literal with no bound (then search the whole text).
    std::vector<Start> starts(const void* key) const;
    bool ascii_text() const { return ascii_; }
    /// Whether these hits come from a scan (default-constructed hits let everything run, everywhere).
    bool scanned() const { return filter_ != nullptr; }

   private:
    friend class LiteralFilter;
    const LiteralFilter* filter_ = nullptr;
    std::vector<std::uint8_t> slot_hit_;
    std::vector<std::vector<std::size_t>> literal_at_;  // per literal: where it occurs
    bool ascii_ = true;
  };
  /// Finds every literal in `text` (folding it first). The hits point into this filter: it must outlive them.
  Hits scan(std::string_view text) const;
  std::size_t literal_count() const { return literals_.size(); }

 private:
  std::size_t bucket_of(unsigned char a, unsigned char b) const { return (a * 131u + b) & (buckets_ - 1); }
  std::size_t buckets_ = 1;  // a power of two, about twice the number of literals
  std::unordered_map<const void*, std::uint32_t> slot_of_;  // keys with literals
  std::vector<std::string> literals_;
  std::vector<std::vector<std::uint32_t>> literal_slots_;  // literal -> the slots it opens
  std::vector<std::vector<std::pair<std::uint32_t, int>>> slot_literals_;  // slot -> its literals, with prefixes
  std::vector<bool> slot_ascii_pattern_;
  std::vector<std::uint32_t> bucket_start_;                // CSR over literals by their first two bytes
  std::vector<std::uint32_t> bucket_items_;
};

}  // namespace rapport
