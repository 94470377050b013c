#include "engine/text.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/ushape.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

namespace rapport {

namespace {
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// One step of UTF-8 decoding: the code point at `i` (negative when ill-formed), and `i` moved past it.
inline UChar32 next_cp(std::string_view s, std::size_t& i) {
  UChar32 c;
  auto pos = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  i = static_cast<std::size_t>(pos);
  return c;
}
}  // namespace

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    if (next_cp(text, i) < 0) return false;
  }
  return true;
}

Utf8Repair repair_utf8(std::string_view text) {
  Utf8Repair r;
  r.text.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      // Fast path for ASCII runs.
      while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
      r.text.append(text.substr(start, i - start));
      continue;
    }
    if (next_cp(text, i) < 0) {
      r.bad_offsets.push_back(start);
      r.text.append(kReplacement);
    } else {
      r.text.append(text.substr(start, i - start));
    }
  }
  return r;
}

std::size_t utf16_length(std::string_view text) {
  std::size_t units = 0;
  for (unsigned char c : text) {
    // Every byte that starts a character counts one unit; 4-byte sequences are surrogate pairs.
    if ((c & 0xC0) != 0x80) ++units;
    if (c >= 0xF0) ++units;
  }
  return units;
}

OffsetMap::OffsetMap(std::string_view utf8) : text_(utf8) {
  if (is_ascii(utf8)) {  // one unit per byte: no checkpoints needed
    utf16_size_ = utf8.size();
    ascii_ = true;
    return;
  }
  checkpoints_.reserve(utf8.size() / kStride + 2);
  std::size_t unit = 0;
  std::size_t next_mark = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    while (i >= next_mark) {
      checkpoints_.push_back({i, unit});
      next_mark += kStride;
    }
    unit += (c >= 0xF0) ? 2 : 1;
  }
  utf16_size_ = unit;
  while (next_mark <= utf8.size()) {
    checkpoints_.push_back({utf8.size(), unit});
    next_mark += kStride;
  }
  checkpoints_.push_back({utf8.size(), unit});
}

std::size_t OffsetMap::utf16_at(std::size_t byte) const {
  if (byte >= text_.size()) return utf16_size_;
  if (ascii_) return byte;
  std::size_t k = byte / kStride;
  while (k > 0 && checkpoints_[k].byte > byte) --k;
  std::size_t b = checkpoints_[k].byte, u = checkpoints_[k].unit;
  while (b < byte) {
    const auto c = static_cast<unsigned char>(text_[b]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (b + len > byte) break;  // `byte` is inside this character
    b += len;
    u += (len == 4) ? 2 : 1;
  }
  return u;
}

std::size_t OffsetMap::byte_at(std::size_t unit) const {
  if (unit >= utf16_size_) return text_.size();
  if (ascii_) return unit;
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), unit,
                             [](std::size_t u, const Checkpoint& cp) { return u < cp.unit; });
  --it;  // checkpoints_[0] has unit 0, so there is always one at or before `unit`
  std::size_t b = it->byte, u = it->unit;
  while (u < unit && b < text_.size()) {
    const auto c = static_cast<unsigned char>(text_[b]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::size_t units = (len == 4) ? 2 : 1;
    if (u + units > unit) break;  // inside a surrogate pair
    b += len;
    u += units;
  }
  return b;
}

SourcePosition line_column(std::string_view text, std::size_t byte_offset) {
  byte_offset = std::min(byte_offset, text.size());
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < byte_offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  int column = 1;
  for (std::size_t i = line_start; i < byte_offset; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

bool is_word_char(char32_t ch) {
  const auto c = static_cast<UChar32>(ch);
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  return u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || (U_GET_GC_MASK(c) & (U_GC_M_MASK | U_GC_ND_MASK | U_GC_PC_MASK)) ||
         c == 0x200C || c == 0x200D;
}

bool has_rtl(std::string_view utf8) {
  std::size_t i = 0;
  while (i < utf8.size()) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      ++i;
      continue;
    }
    const UChar32 c = next_cp(utf8, i);
    if (c < 0) continue;
    const auto dir = u_charDirection(c);
    if (dir == U_RIGHT_TO_LEFT || dir == U_RIGHT_TO_LEFT_ARABIC) return true;
  }
  return false;
}

std::string to_visual_order(std::string_view utf8_line) {
  const Utf8Repair repaired = repair_utf8(utf8_line);
  const std::string& text = repaired.text;
  if (!has_rtl(text)) return text;

  UErrorCode status = U_ZERO_ERROR;
  int32_t len16 = 0;
  u_strFromUTF8(nullptr, 0, &len16, text.data(), static_cast<int32_t>(text.size()), &status);
  status = U_ZERO_ERROR;
  std::u16string logical(static_cast<std::size_t>(len16), u'\0');
  u_strFromUTF8(logical.data(), len16, nullptr, text.data(), static_cast<int32_t>(text.size()), &status);
  if (U_FAILURE(status)) return text;

  // Arabic joining: presentation forms (the fonts map them), so that a renderer with no shaping shows joined
  // letters.
  std::u16string shaped(logical.size(), u'\0');
  status = U_ZERO_ERROR;
  const int32_t shaped_len = u_shapeArabic(logical.data(), len16, shaped.data(), len16,
                                           U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_LOGICAL |
                                               U_SHAPE_LENGTH_FIXED_SPACES_NEAR,
                                           &status);
  if (U_SUCCESS(status)) {
    shaped.resize(static_cast<std::size_t>(shaped_len));
  } else {
    shaped = logical;
  }

  std::unique_ptr<UBiDi, decltype(&ubidi_close)> bidi(ubidi_open(), &ubidi_close);
  status = U_ZERO_ERROR;
  ubidi_setPara(bidi.get(), shaped.data(), static_cast<int32_t>(shaped.size()), UBIDI_DEFAULT_LTR, nullptr,
                &status);
  std::u16string visual(shaped.size() * 2 + 8, u'\0');
  const int32_t vlen = ubidi_writeReordered(bidi.get(), visual.data(), static_cast<int32_t>(visual.size()),
                                            UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS, &status);
  if (U_FAILURE(status)) return text;
  visual.resize(static_cast<std::size_t>(vlen));

  int32_t len8 = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &len8, visual.data(), vlen, &status);
  status = U_ZERO_ERROR;
  std::string out(static_cast<std::size_t>(len8), '\0');
  u_strToUTF8(out.data(), len8, nullptr, visual.data(), vlen, &status);
  return U_SUCCESS(status) ? out : text;
}

}  // namespace rapport
