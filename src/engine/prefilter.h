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

#include <algorithm>
#include <array>
#include <optional>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rapport {

/// ICU's full case folding of UTF-8 text (ASCII fast path). Folding works character by character, so a text
/// that contains a string case-insensitively contains its folding after folding.
std::string fold_case(std::string_view utf8);

/// The same expression for case-folded text: an expression compiled case-insensitively, rewritten so that,
/// compiled case-sensitively, it matches text folded by fold_text exactly where the original matches the
/// original text (its literals and sets folded). ICU matches case-sensitive text several times faster. None
/// for expressions where that cannot be assured (case-dependent properties, characters whose folding is more
/// than one character, sets of letters that are negated or not ASCII ranges, \x and other escapes).
std::optional<std::string> folded_pattern(std::string_view pattern);
/// Folds UTF-16 text character by character (simple folding), keeping every offset. False when a character's
/// full folding differs ("ß" folds to "ss"): then folded expressions must not be used on this text.
bool fold_text(const char16_t* text, std::size_t length, std::u16string& out);

/// Where a match of an expression can begin, from the characters it can begin with. For each ASCII character
/// (lower case): 0 = no match begins with it, 1 = a match may begin with it anywhere, 2 = only at the start of a
/// word (the character before is not a word character), 3 = only at the start of the text (after ^ or \A).
/// Text characters outside ASCII are always tried. (Expressions are compiled without UREGEX_MULTILINE.)
struct FirstChars {
  bool known = false;  ///< false: a match may begin anywhere (the analysis could not tell)
  std::array<std::uint8_t, 128> ascii{};
  /// Which places can begin a match at all (outside ASCII: every place): kMarks, only ASCII punctuation,
  /// symbols and line breaks (not spaces or tabs) and the start of the text; kWordStarts, only the starts of
  /// words and of the text. Then only those places need be looked at (see place lists in the checker).
  enum class Places { kAny, kMarks, kWordStarts } places = Places::kAny;
  void settle() {
    bool marks = known, words = known;
    for (std::size_t c = 0; c < 128; ++c) {
      const std::uint8_t e = ascii[c];
      if (e == 0 || e == 3) continue;
      const bool mark = !kAsciiWord[c] && c != ' ' && c != '\t';
      marks = marks && mark;
      words = words && kAsciiWord[c] && e == 2;
    }
    places = marks ? Places::kMarks : words ? Places::kWordStarts : Places::kAny;
  }
  /// Whether a match can begin at unit `at` of `text` (UTF-16). (Inline: it is asked at every place tried.)
  bool may_begin(const char16_t* text, std::size_t length, std::size_t at) const {
    if (!known || at >= length) return true;
    const char16_t c = text[at];
    if (c >= 0x80) return true;
    const std::uint8_t e = ascii[c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c];
    if (e == 3) return at == 0;
    if (e != 2) return e != 0;
    if (at == 0) return true;
    const char16_t before = text[at - 1];
    if (before < 0x80) return !(kAsciiWord[before]);
    return !word_before(text, at);
  }
  /// Whether the character before `at` is a word character as \b sees it (past combining marks).
  static bool word_before(const char16_t* text, std::size_t at);
  /// ASCII letters, digits and '_'.
  static constexpr std::array<bool, 128> kAsciiWord = [] {
    std::array<bool, 128> t{};
    for (int c = 0; c < 128; ++c) t[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    return t;
  }();
};

/// The word a match begins with: every match, after at most `max_skip` characters that are not word
/// characters, has a word character that begins one of `starts`, or a word that is one of `words` (folded
/// ASCII, at most 4 characters each, packed with their length by pack()). So a place where the first word is
/// another need not be tried.
struct LeadWords {
  bool known = false;
  int max_skip = 0;
  std::vector<std::uint64_t> starts;  ///< sorted
  std::vector<std::uint64_t> words;   ///< sorted: whole words ("a", "the": not "about", "then")
  static std::uint64_t pack(const char* s, std::size_t n) {
    std::uint64_t v = n;
    for (std::size_t i = 0; i < n; ++i) v = v << 8 | static_cast<unsigned char>(s[i]);
    return v;
  }
  /// Whether a match may begin at unit `at` of `text` (UTF-16); yes whenever a character outside ASCII is met.
  bool may_begin(const char16_t* text, std::size_t length, std::size_t at) const {
    if (!known) return true;
    std::size_t w = at;
    for (;; ++w) {
      if (w >= length || w > at + static_cast<std::size_t>(max_skip)) return false;
      if (text[w] >= 0x80) return true;
      if (FirstChars::kAsciiWord[text[w]]) break;
    }
    char word[4];
    for (std::size_t n = 0; n < 4 && w + n < length; ++n) {
      const char16_t c = text[w + n];
      if (c >= 0x80) return true;
      word[n] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      if (std::binary_search(starts.begin(), starts.end(), pack(word, n + 1))) return true;
    }
    if (words.empty()) return false;
    std::size_t n = 0;  // the length of the word at w (5: longer than any in `words`)
    for (; n < 5 && w + n < length; ++n) {
      const char16_t c = text[w + n];
      if (c >= 0x80) return true;  // (a letter outside ASCII may go on with the word)
      if (!FirstChars::kAsciiWord[c]) break;
    }
    return n <= 4 && std::binary_search(words.begin(), words.end(), pack(word, n));
  }
};

/// What the analysis takes repeats of white space and of word characters to be at most, in characters (rule
/// packs are analysed so: see bound_repeats in rules.cpp). A paragraph honours that when it has no longer run
/// of white space, nor of word characters, hyphens, apostrophes and ampersands: see runs_within_bounds.
constexpr int kMaxSpaceRun = 16;
constexpr int kMaxWordRun = 40;
/// Whether no run of white space in `text` (UTF-8) is longer than kMaxSpaceRun characters, and no run of word
/// characters (\w), hyphens, apostrophes (' and ’) and ampersands longer than kMaxWordRun.
bool runs_within_bounds(std::string_view text);

/// The required literals of an ICU regular expression: every match of the pattern (with or without
/// case-insensitive matching) contains at least one of `strings` (case-folded, each at least two bytes).
/// `strings` is empty when no useful set can be proved (then the expression must always run).
struct Literals {
  std::vector<std::string> strings;
  /// For each string: at most how many pattern characters of a match come before it (-1: no bound). With
  /// them, the expression need only be tried at the few places just before each occurrence of a literal.
  std::vector<int> prefixes;
  /// For each string: whether the character before it in the text is certainly not a word character
  /// (or there is none), so an occurrence inside a word ("po" in "report") does not count.
  std::vector<bool> word_starts;
  int max_prefix = -1;         ///< the largest of `prefixes` (-1 when any is unbounded)
  bool ascii_pattern = false;  ///< then, in ASCII text, one pattern character matches one byte
  /// ASCII punctuation, symbols and digits that every match holds (white space and letters are not listed):
  /// a match begins before the last of each of them in the text ("?" for a question).
  std::string marks;
  FirstChars first;            ///< where matches can begin (worked out even when there are no literals)
  LeadWords lead;              ///< the word matches begin with, when known
  /// Further sets, each also required (every match contains one literal of each): a text that lacks one
  /// cannot match, and a match starts near an occurrence of each set whose prefixes are bounded.
  std::vector<Literals> also;
};
Literals required_literals(std::string_view pattern);

/// Which expressions may match a text: built once over many expressions, each known by a key (any pointer)
/// and its required literals; `scan` finds all literals in one pass over the folded text.
class LiteralFilter {
 public:
  /// `owner`: a number the caller gives the expression's owner (a rule's index): see Hits::owners.
  void add(const void* key, const Literals& literals, std::uint32_t owner = 0);
  /// An owner to list in every Hits::owners (one that must look at every text).
  void always(std::uint32_t owner);
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
    /// whose prefix is bounded gives the range [p - bound, p], in bytes of the scanned text; a match starts in
    /// such a range of its main set and of each further set whose prefixes are bounded. Sorted, disjoint.
    /// None when `key` has no literals or one with no bound in its main set (then search the whole text).
    std::optional<std::vector<Start>> starts(const void* key) const;
    /// The same two questions by the key's slot, looked up once (-1: the key has no literals, or no scan).
    std::int64_t slot(const void* key) const;
    bool may_match_slot(std::int64_t slot) const;
    /// starts() by the key's slot, into `out` (a buffer kept by the caller: no allocation once it has grown);
    /// false for none.
    bool starts_into(std::int64_t slot, std::vector<Start>& out) const;
    /// The owners to look at: those with an expression whose main literals occur (its further sets may
    /// still be missing), and those added by always() or with an expression that has no literals. Sorted.
    std::vector<std::uint32_t> owners() const;
    bool ascii_text() const { return ascii_; }
    /// Whether these hits come from a scan (default-constructed hits let everything run, everywhere).
    bool scanned() const { return filter_ != nullptr; }
    /// Whether the scanned text keeps the bounds the analysis assumed (runs_within_bounds): only then do
    /// starts() and the lead words (LeadWords) hold; without them a match is searched for everywhere.
    bool bounded() const { return bounded_; }

   private:
    friend class LiteralFilter;
    bool ranges(std::uint32_t slot, std::vector<Start>& out) const;  // false: a literal of the slot has no bound
    const LiteralFilter* filter_ = nullptr;
    std::vector<std::uint8_t> slot_hit_;
    std::vector<std::pair<std::uint32_t, std::size_t>> occurrences_;  // (literal, byte), sorted
    std::vector<std::uint64_t> occurs_;  // a bit per literal: whether it occurs
    std::vector<std::uint32_t> first_;   // the k-th literal that occurs -> where its occurrences begin
    std::vector<std::uint32_t> below_;   // per word of occurs_: how many literals occur in the words before
    bool ascii_ = true;
    bool bounded_ = false;
  };
  /// Finds every literal in `text` (folding it first). The hits point into this filter: it must outlive them.
  Hits scan(std::string_view text) const;
  std::size_t literal_count() const { return literals_.size(); }

 private:
  // The literals in two tries over their folded bytes, one for those that must open a word (looked up only at
  // word starts) and one for the others (looked up everywhere). A place is looked up by its first two bytes at
  // once (every literal has two bytes or more), by their classes (0: the byte is in no literal), then by
  // walking down along the text's bytes.
  struct Trie {
    struct Node {
      std::uint32_t first_edge = 0, edges = 0;      // children: edges[first_edge .. + edges), sorted by class
      std::uint32_t first_output = 0, outputs = 0;  // literals that end here: outputs[first_output .. + outputs)
      // A bit per class below 64 that has a child: the child of class c is edge number popcount(the bits
      // below c) (one test and one count, no search); children of higher classes come after them.
      std::uint64_t low = 0;
    };
    std::vector<Node> nodes;                                     // [0] is the root
    std::vector<std::pair<std::uint8_t, std::uint32_t>> edges;  // (class, child)
    std::vector<std::uint32_t> outputs;
    std::vector<std::uint32_t> second;  // class of byte 0 * classes + class of byte 1 -> node (0: none)
    void build(const std::vector<std::string>& literals, const std::vector<std::uint32_t>& ids,
               const std::array<std::uint8_t, 256>& classes, std::size_t class_count);
  };
  Trie word_trie_, any_trie_;
  std::array<std::uint8_t, 256> class_{};
  std::size_t classes_ = 1;
  std::uint32_t add_slot(const Literals& literals);
  std::unordered_map<const void*, std::uint32_t> slot_of_;  // keys with literals
  std::int64_t find_slot(const void* key) const;            // -1: the key has no literals
  std::vector<std::vector<std::uint32_t>> slot_also_;       // slot -> the slots of its further required sets
  std::vector<std::string> literals_;
  std::vector<bool> literal_word_start_;  // per literal: only occurrences at the start of a word count
  std::unordered_map<std::string, std::uint32_t> literal_index_;  // ("w" or "-") + literal -> its index
  std::vector<std::vector<std::uint32_t>> literal_slots_;  // literal -> the slots it opens
  std::vector<std::vector<std::uint32_t>> literal_owners_;  // literal -> the owners of the main sets it is in
  std::vector<std::uint32_t> always_;                       // owners listed in every Hits::owners
  std::uint32_t owner_limit_ = 0;                           // one more than the largest owner
  std::vector<std::pair<std::uint32_t, std::uint32_t>> main_owners_;  // (main slot, owner), while adding
  std::vector<std::vector<std::pair<std::uint32_t, int>>> slot_literals_;  // slot -> its literals, with prefixes
  std::vector<bool> slot_ascii_pattern_;
};

}  // namespace rapport
