#include <doctest/doctest.h>

#include "engine/json_doc.h"

using namespace rapport;

TEST_CASE("parse_json keeps the position of every value") {
  const std::string text = "{\n  \"name\": \"Japan\",\n  \"zones\": [\"Asia/Tokyo\",\n            \"Asia/Osaka\"],\n"
                           "  \"a/b\": {\"c~d\": 1}\n}\n";
  auto doc = parse_json("jp.json", text);
  REQUIRE(doc.ok());
  CHECK(doc->value["name"] == "Japan");
  CHECK(doc->position_of("") == SourcePosition{1, 1});
  CHECK(doc->position_of("/name") == SourcePosition{2, 3});
  CHECK(doc->position_of("/zones/0") == SourcePosition{3, 13});
  CHECK(doc->position_of("/zones/1") == SourcePosition{4, 13});
  CHECK(doc->position_of("/a~1b/c~0d") == SourcePosition{5, 11});
  // A missing member points at the nearest thing that exists: the object that should hold it.
  CHECK(doc->position_of("/a~1b/missing") == doc->position_of("/a~1b"));
  const auto err = doc->error_at("/zones/1", "unknown time zone");
  CHECK(err.format() == "jp.json:4:13: error: unknown time zone [at /zones/1]");
}

TEST_CASE("parse_json reports a syntax error with its line and column") {
  auto doc = parse_json("bad.json", "{\n  \"a\": 1,\n  \"b\" 2\n}");
  REQUIRE_FALSE(doc.ok());
  REQUIRE(doc.error().size() == 1);
  const auto& e = doc.error()[0];
  CHECK(e.file == "bad.json");
  CHECK(e.pos == SourcePosition{3, 7});
  CHECK(e.message.find("invalid JSON") == 0);
  CHECK(e.message.find("expected ':'") != std::string::npos);
}

TEST_CASE("parse_json counts columns in characters, not bytes") {
  auto doc = parse_json("u.json", "{\"ü\": \"日本\", oops}");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error()[0].pos == SourcePosition{1, 13});
}

TEST_CASE("parse_json rejects duplicate keys, each at its second occurrence") {
  auto doc = parse_json("dup.json", "{\"a\": 1,\n \"b\": {\"x\": 1, \"x\": 2},\n \"a\": 3}");
  REQUIRE_FALSE(doc.ok());
  REQUIRE(doc.error().size() == 2);
  CHECK(doc.error()[0].json_path == "/b/x");
  CHECK(doc.error()[0].pos == SourcePosition{2, 16});
  CHECK(doc.error()[1].json_path == "/a");
  CHECK(doc.error()[1].pos == SourcePosition{3, 2});
}

TEST_CASE("parse_json skips a byte-order mark and handles escaped keys") {
  auto doc = parse_json("bom.json", "\xEF\xBB\xBF{\"a\\u002Fb\": true}");
  REQUIRE(doc.ok());
  CHECK(doc->value["a/b"] == true);
  CHECK(doc->position_of("/a~1b") == SourcePosition{1, 3});
}

TEST_CASE("parse_json reports invalid UTF-8 and empty input clearly") {
  auto bad = parse_json("latin1.json", "{\"name\": \"M\xFCnchen\"}");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error()[0].message.find("not valid UTF-8") != std::string::npos);
  CHECK(bad.error()[0].pos == SourcePosition{1, 12});

  auto empty = parse_json("empty.json", "");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error()[0].message.find("invalid JSON") == 0);
}

TEST_CASE("JSON Pointer segments are escaped as RFC 6901 says") {
  CHECK(json_pointer_append("", "a") == "/a");
  CHECK(json_pointer_append("/a", "b/c") == "/a/b~1c");
  CHECK(json_pointer_append("/a", "m~n") == "/a/m~0n");
  CHECK(json_pointer_append("/list", std::size_t{3}) == "/list/3");
}
