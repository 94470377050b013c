#include <doctest/doctest.h>

#include "engine/engine.h"
#include "test_util.h"

using namespace rapport;

TEST_CASE("the shipped data files load without errors") {
  Engine engine;
  const auto errors = engine.load(test::shipped_files());
  CHECK_MESSAGE(errors.empty(), format_errors(errors));
  CHECK(engine.data()->text("en", "ui.app.title") == "Rapport");
}

TEST_CASE("loading is all or nothing: on any error the previous data stays in use") {
  Engine engine;
  const std::vector<SourceFile> good = {{"i18n/en.json", R"({"ui.app.title": "Rapport"})"}};
  REQUIRE(engine.load(good).empty());
  const auto before = engine.data();

  const std::vector<SourceFile> bad = {
      {"i18n/en.json", R"({"ui.app.title": "New title"})"},
      {"i18n/de.json", "{\"ui.app.title\": \"{broken\"}"},
      {"i18n/fr.json", "{\"ui.app.title\": "},
      {"notes/readme.json", "{}"},
  };
  const auto errors = engine.load(bad);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].file == "i18n/de.json");
  CHECK(errors[1].file == "i18n/fr.json");
  CHECK(errors[2].file == "notes/readme.json");
  CHECK(errors[2].message.find("not a data file the engine knows") != std::string::npos);
  CHECK(engine.data() == before);
  CHECK(engine.data()->text("en", "ui.app.title") == "Rapport");
}

TEST_CASE("text falls back to English for a missing language or key") {
  Engine engine;
  const std::vector<SourceFile> files = {
      {"i18n/en.json", R"({"ui.a.b": "English", "ui.a.c": "Only English"})"},
      {"i18n/de.json", R"({"ui.a.b": "Deutsch"})"},
  };
  REQUIRE(engine.load(files).empty());
  const auto data = engine.data();
  CHECK(data->text("de", "ui.a.b") == "Deutsch");
  CHECK(data->text("de", "ui.a.c") == "Only English");
  CHECK(data->text("ja", "ui.a.b") == "English");
  CHECK(data->text("de", "ui.a.zzz") == "[ui.a.zzz]");
  CHECK(data->languages() == std::vector<std::string>{"de", "en"});
}

TEST_CASE("data file kinds are decided by name") {
  CHECK(data_kind("i18n/en.json") == DataKind::kCatalog);
  CHECK(data_kind("i18n/pt-BR.json") == DataKind::kCatalog);
  CHECK(data_kind("i18n/sub/en.json") == DataKind::kUnknown);
  CHECK(data_kind("i18n/.json") == DataKind::kUnknown);
  CHECK(data_kind("en.json") == DataKind::kUnknown);
  CHECK(data_kind("culture-profiles/profile.schema.json") == DataKind::kSchema);
}
