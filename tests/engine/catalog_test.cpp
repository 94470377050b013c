#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "engine/catalog.h"
#include "engine/profile.h"
#include "test_util.h"

using namespace rapport;

namespace {
Catalog catalog_from(const std::string& text, const std::string& locale = "en") {
  auto doc = parse_json("i18n/test.json", text);
  REQUIRE(doc.ok());
  auto cat = Catalog::from_json(*doc, locale);
  REQUIRE_MESSAGE(cat.ok(), format_errors(cat.error()));
  return std::move(cat).value();
}
}  // namespace

TEST_CASE("catalog formats ICU MessageFormat with plurals and named arguments") {
  const Catalog cat = catalog_from(R"({
    "ui.holidays.count": "{count, plural, one {# holiday} other {# holidays}}",
    "ui.greet": "Hello, {name}!",
    "ui.quote": "Partner’s reply: don't wait"
  })");
  CHECK(cat.format("ui.holidays.count", {{"count", std::int64_t{1}}}) == "1 holiday");
  CHECK(cat.format("ui.holidays.count", {{"count", std::int64_t{3}}}) == "3 holidays");
  CHECK(cat.format("ui.greet", {{"name", std::string_view("Hana")}}) == "Hello, Hana!");
  CHECK(cat.format("ui.quote") == "Partner’s reply: don't wait");
  CHECK(cat.format("ui.missing") == "[ui.missing]");
  CHECK(cat.has("ui.greet"));
  CHECK_FALSE(cat.has("ui.missing"));
}

TEST_CASE("catalog plural rules follow the locale") {
  // Hebrew has a dual: 2 takes its own form.
  const Catalog he = catalog_from(R"({"ui.days": "{n, plural, one {יום אחד} two {יומיים} other {# ימים}}"})", "he");
  CHECK(he.format("ui.days", {{"n", std::int64_t{1}}}) == "יום אחד");
  CHECK(he.format("ui.days", {{"n", std::int64_t{2}}}) == "יומיים");
  CHECK(he.format("ui.days", {{"n", std::int64_t{5}}}) == "5 ימים");
}

TEST_CASE("catalog rejects bad keys, non-strings and broken patterns, all at once, with positions") {
  auto doc = parse_json("i18n/xx.json", "{\n \"Bad Key\": \"x\",\n \"ui.n\": 3,\n \"ui.p\": \"{count, plural, one {#}\"\n}");
  REQUIRE(doc.ok());
  auto cat = Catalog::from_json(*doc, "xx");
  REQUIRE_FALSE(cat.ok());
  REQUIRE(cat.error().size() == 3);
  CHECK(cat.error()[0].pos == SourcePosition{2, 2});
  CHECK(cat.error()[0].message.find("not a catalog key") != std::string::npos);
  CHECK(cat.error()[1].json_path == "/ui.n");
  CHECK(cat.error()[1].message == "a message must be a string");
  CHECK(cat.error()[2].pos == SourcePosition{4, 2});
  CHECK(cat.error()[2].message.find("MessageFormat") != std::string::npos);
}

TEST_CASE("catalog keys are dotted lower-case words") {
  CHECK(is_catalog_key("ui.meeting.conflict.title"));
  CHECK(is_catalog_key("cli.error.unknown_command"));
  CHECK_FALSE(is_catalog_key("ui"));
  CHECK_FALSE(is_catalog_key("ui..x"));
  CHECK_FALSE(is_catalog_key(".ui.x"));
  CHECK_FALSE(is_catalog_key("UI.x"));
  CHECK_FALSE(is_catalog_key("ui.x y"));
}

// Every key the code uses is in i18n/en.json, every key there is used, and every message parses. Keys are
// found in the code (not in comment lines) as string literals of the form "ui.…", "cli.…", "web.…" (C++ and the page's JS).
TEST_CASE("i18n/en.json has exactly the keys the code uses, and all of them parse") {
  namespace fs = std::filesystem;
  auto doc = parse_json("i18n/en.json", test::source_file("i18n/en.json"));
  REQUIRE(doc.ok());
  auto cat = Catalog::from_json(*doc, "en");
  REQUIRE_MESSAGE(cat.ok(), format_errors(cat.error()));

  const std::regex literal(R"re("((?:ui|cli|web|advice)\.[a-z0-9_.-]*[a-z0-9_-])")re");
  std::set<std::string> used;
  for (const char* dir : {"src", "web"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(RAPPORT_SOURCE_DIR) / dir)) {
      const auto ext = entry.path().extension();
      if (ext != ".cpp" && ext != ".h" && ext != ".js") continue;
      std::string code;  // the file without its comment lines: examples in doc comments are not uses
      std::istringstream lines(test::source_file(fs::relative(entry.path(), RAPPORT_SOURCE_DIR).generic_string()));
      for (std::string line; std::getline(lines, line);) {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line.compare(first, 2, "//") != 0) code += line + '\n';
      }
      for (std::sregex_iterator it(code.begin(), code.end(), literal), end; it != end; ++it) used.insert((*it)[1]);
    }
  }
  // Keys the code builds from the dimension names (ui.dim.<dim>.name, advice.<dim>.higher, ...).
  for (Dim d : kAllDims) {
    const std::string k(dim_key(d));
    for (const char* suffix : {".name", ".low", ".high"}) used.insert("ui.dim." + k + suffix);
    for (const char* dir : {".higher", ".lower"}) used.insert("advice." + k + dir);
  }
  // Holiday kinds and impacts, named by the profile data.
  for (const char* kind : {"public", "observance", "period", "half_day", "working_day", "eve"}) {
    used.insert(std::string("ui.holiday.kind.") + kind);
  }
  for (const char* impact : {"closed", "reduced", "normal"}) used.insert(std::string("ui.holiday.impact.") + impact);
  // Rule categories, named by the rule packs (the Compose view and the report label findings with them).
  for (const char* c : {"directness", "pressure", "formality", "greeting", "address", "pronoun", "ambiguity", "idiom",
                        "jargon", "judgement", "passive-aggressive", "mass-message", "holiday-greeting", "compliance",
                        "style"}) {
    used.insert(std::string("ui.compose.category.") + c);
  }
  for (const char* level : {"beginner", "intermediate", "advanced"}) used.insert(std::string("ui.workshop.level.") + level);
  for (int month = 1; month <= 12; ++month) used.insert("ui.calendar.month." + std::to_string(month));
  REQUIRE_FALSE(used.empty());
  for (const auto& key : used) CHECK_MESSAGE(cat->has(key), "used in the code but missing from i18n/en.json: " << key);
  for (const auto& key : cat->keys()) CHECK_MESSAGE(used.count(key) == 1, "in i18n/en.json but never used: " << key);
}
