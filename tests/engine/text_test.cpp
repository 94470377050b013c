#include <doctest/doctest.h>

#include "engine/text.h"

using namespace rapport;

TEST_CASE("UTF-8 validation accepts every well-formed sequence and nothing else") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ASCII"));
  CHECK(is_valid_utf8("Grüße, שלום, مرحبا, 日本語, 😀"));
  CHECK_FALSE(is_valid_utf8("\xC3"));              // truncated
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("ok\xFFok"));
}

TEST_CASE("repair_utf8 replaces each ill-formed subpart with U+FFFD and says where") {
  const auto r = repair_utf8("a\xFF" "b\xE2\x82" "c");
  CHECK(r.text == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
  REQUIRE(r.bad_offsets.size() == 2);
  CHECK(r.bad_offsets[0] == 1);
  CHECK(r.bad_offsets[1] == 3);
  CHECK(is_valid_utf8(r.text));

  const auto clean = repair_utf8("Grüße");
  CHECK(clean.text == "Grüße");
  CHECK(clean.bad_offsets.empty());
}

TEST_CASE("UTF-16 lengths count surrogate pairs for characters beyond the BMP") {
  CHECK(utf16_length("") == 0);
  CHECK(utf16_length("abc") == 3);
  CHECK(utf16_length("ü") == 1);
  CHECK(utf16_length("日本") == 2);
  CHECK(utf16_length("😀") == 2);
  CHECK(utf16_length("a😀b") == 4);
}

TEST_CASE("OffsetMap maps bytes and UTF-16 units both ways") {
  const std::string s = "Hi 日本 😀 שלום!";
  OffsetMap m(s);
  CHECK(m.utf16_size() == utf16_length(s));
  CHECK(m.utf16_at(0) == 0);
  CHECK(m.utf16_at(3) == 3);          // start of 日
  CHECK(m.utf16_at(4) == 3);          // inside 日: its start
  CHECK(m.utf16_at(6) == 4);          // 本
  CHECK(m.utf16_at(10) == 6);         // 😀 after "日本 "
  CHECK(m.utf16_at(14) == 8);         // the space after 😀
  CHECK(m.utf16_at(s.size()) == m.utf16_size());
  CHECK(m.byte_at(6) == 10);
  CHECK(m.byte_at(7) == 10);          // inside the surrogate pair: the pair's start
  CHECK(m.byte_at(8) == 14);
  CHECK(m.byte_at(1000) == s.size());
}

TEST_CASE("OffsetMap agrees with a direct count at every offset of a long mixed text") {
  std::string s;
  for (int i = 0; i < 200; ++i) s += "abc ü 日本 😀 שלום ";
  OffsetMap m(s);
  std::size_t units = 0;
  for (std::size_t b = 0; b < s.size();) {
    const auto c = static_cast<unsigned char>(s[b]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    REQUIRE(m.utf16_at(b) == units);
    REQUIRE(m.byte_at(units) == b);
    units += len == 4 ? 2 : 1;
    b += len;
  }
  CHECK(units == m.utf16_size());
}

TEST_CASE("line_column counts lines and code points, 1-based") {
  const std::string s = "first\nsecond ü line\r\nthird";
  CHECK(line_column(s, 0) == SourcePosition{1, 1});
  CHECK(line_column(s, 6) == SourcePosition{2, 1});
  CHECK(line_column(s, 6 + 9) == SourcePosition{2, 9});  // after "second ü" (ü is 2 bytes, 1 column)
  CHECK(line_column(s, s.find("third")) == SourcePosition{3, 1});
  CHECK(line_column(s, 10000) == line_column(s, s.size()));
}

TEST_CASE("to_visual_order leaves left-to-right text alone and reverses right-to-left runs") {
  CHECK(to_visual_order("Hello, world") == "Hello, world");
  CHECK(to_visual_order("שלום") == "םולש");
  // Numbers inside Hebrew keep their own order; the run order flips.
  CHECK(to_visual_order("שנה 2026") == "2026 הנש");
  // Mirrored brackets in right-to-left text.
  CHECK(to_visual_order("(שלום)") == "(םולש)");
}

TEST_CASE("to_visual_order joins Arabic letters into presentation forms") {
  // س ل ا م: seen takes its initial form (U+FEB3), meem stands alone (U+FEE1) after an alef, which does not
  // join to the left; in visual order the last letter comes first.
  const std::string v = to_visual_order("سلام");
  const auto seen = v.find("\uFEB3");
  const auto meem = v.find("\uFEE1");
  REQUIRE(seen != std::string::npos);
  REQUIRE(meem != std::string::npos);
  CHECK(meem < seen);
  CHECK(has_rtl("سلام"));
  CHECK_FALSE(has_rtl("Grüße 日本"));
}
