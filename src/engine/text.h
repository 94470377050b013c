// UTF-8 text utilities. Strings are UTF-8 at every boundary of the engine; offsets into messages are given both
// in UTF-8 bytes (C++) and in UTF-16 code units (what JavaScript and ImGui count).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/data_error.h"

namespace rapport {

/// True when every byte of `text` is ASCII. (Branch-free over the whole text: compilers vectorize it; most
/// business messages in English are ASCII, and ASCII text has fast paths everywhere.)
inline bool is_ascii(std::string_view text) {
  unsigned char all = 0;
  for (char c : text) all |= static_cast<unsigned char>(c);
  return all < 0x80;
}

/// True when `text` is well-formed UTF-8 (no surrogates, no overlong forms, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

/// Text with every ill-formed UTF-8 sequence replaced by U+FFFD (one per maximal ill-formed subpart, as the
/// Unicode standard recommends), and where the bad bytes were in the input.
struct Utf8Repair {
  std::string text;
  std::vector<std::size_t> bad_offsets;  ///< byte offsets in the input where a replacement was made
};
Utf8Repair repair_utf8(std::string_view text);

/// Number of UTF-16 code units that `text` (valid UTF-8) takes.
std::size_t utf16_length(std::string_view text);

/// Maps offsets between UTF-8 bytes and UTF-16 code units for one text, in O(1) memory per 64 bytes and
/// O(64) time per look-up, so that a 5 MB paste costs little. The text must be valid UTF-8 (see repair_utf8)
/// and must outlive the map.
///
///   OffsetMap m(u8"日本 ok");
///   m.utf16_at(7);  // 3: "日本 " is 7 bytes and 3 UTF-16 units
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view utf8);
  /// UTF-16 offset of byte offset `byte`; an offset inside a character counts from that character's start;
  /// past the end gives the length.
  std::size_t utf16_at(std::size_t byte) const;
  /// Byte offset of UTF-16 offset `unit`; inside a surrogate pair gives the pair's start.
  std::size_t byte_at(std::size_t unit) const;
  std::size_t utf16_size() const { return utf16_size_; }
  /// Whether the text is ASCII (then offsets are the same in both).
  bool ascii() const { return ascii_; }

 private:
  struct Checkpoint {
    std::size_t byte;
    std::size_t unit;
  };
  static constexpr std::size_t kStride = 64;
  std::string_view text_;
  std::vector<Checkpoint> checkpoints_;  // at the first character starting at or after each kStride bytes
  std::size_t utf16_size_ = 0;
  bool ascii_ = false;  // then offsets are the same in both
};

/// 1-based line and column (in code points) of a byte offset. Lines end at "\n" ("\r\n" counts as one).
SourcePosition line_column(std::string_view text, std::size_t byte_offset);

/// For renderers that draw glyphs left to right with no bidi or shaping (ImGui): reorders one line of text
/// from logical to visual order (Unicode bidi algorithm, with mirroring of brackets) and, where Arabic letters
/// occur, turns them into their joined presentation forms. Text with no right-to-left characters comes back
/// unchanged. Invalid UTF-8 is repaired first.
std::string to_visual_order(std::string_view utf8_line);

/// True when the text holds any right-to-left character (Hebrew, Arabic, Syriac, Thaana, N'Ko ...).
bool has_rtl(std::string_view utf8);

/// A word character as ICU's regular expressions see it (\w, \b): letters and other alphabetic characters,
/// marks, decimal digits, connector punctuation, ZWNJ and ZWJ.
bool is_word_char(char32_t c);

}  // namespace rapport
