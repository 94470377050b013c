// "Your data": the user's own profiles and rule packs (web/user_data.h) and the view that shows them, run with
// no window and an in-memory stand-in for browser storage.
#include <doctest/doctest.h>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "headless_app.h"
#include "test_util.h"
#include "web/app.h"

using namespace rapport;
using test::ImGuiHeadless;
using test::draw_frames;

namespace {
// The platform seam with storage in memory, as localStorage would keep it.
struct StoragePlatform : ui::Platform {
  std::map<std::string, std::string> settings, files;
  std::string filename, content, copied;
  int pickers = 0;
  bool full = false;  // storage refuses new files
  void request_frame() override {}
  std::string local_time_zone() const override { return "Asia/Jerusalem"; }
  void download(const std::string& name, const std::string&, const std::string& data) override {
    filename = name;
    content = data;
  }
  void copy_text(const std::string& text) override { copied = text; }
  std::string load_setting(const std::string& key) const override {
    return settings.count(key) ? settings.at(key) : "";
  }
  void save_setting(const std::string& key, const std::string& value) override { settings[key] = value; }
  std::vector<std::string> user_file_paths() const override {
    std::vector<std::string> out;
    for (const auto& [k, v] : files) out.push_back(k);
    return out;
  }
  std::string load_user_file(const std::string& path) const override { return files.count(path) ? files.at(path) : ""; }
  bool save_user_file(const std::string& path, const std::string& contents) override {
    if (full) return false;
    files[path] = contents;
    return true;
  }
  void remove_user_file(const std::string& path) override { files.erase(path); }
  void clear_storage() override {
    settings.clear();
    files.clear();
  }
  void choose_files() override { ++pickers; }
};

ui::Upload up(std::string name, std::string text) {
  ui::Upload u;
  u.name = std::move(name);
  u.text = std::move(text);
  return u;
}

ui::Upload problem(std::string name, std::string what, std::int64_t size) {
  ui::Upload u;
  u.name = std::move(name);
  u.problem = std::move(what);
  u.size = size;
  return u;
}

const std::vector<SourceFile>& shipped() {
  static const std::vector<SourceFile> files = test::shipped_files();
  return files;
}

std::string fixture_aq() {
  return test::source_file("tests/profiles/fixture/AQ.json");
}

// A rule pack of one phrase rule; `pass` is one of its examples that must pass.
std::string rule_pack(const std::string& pass) {
  const nlohmann::json pack = {
      {"language", "en"},
      {"description", "A team's own wording checks."},
      {"rules",
       {{{"id", "en.mine.circle-back"},
         {"kind", "phrase"},
         {"category", "idiom"},
         {"dimension", "none"},
         {"severity", "suggestion"},
         {"when", {{"non_native", true}}},
         {"phrases", {"circle back"}},
         {"replacement", "come back"},
         {"why", "An idiom a reader in {target} may not know."},
         {"fix", "Say when you will write again."},
         {"source", "The team's style guide"},
         {"examples", {{"flag", {"Let me \u00ABcircle back\u00BB on this next week."}}, {"pass", {pass}}}}}}}};
  return pack.dump(2);
}


void click(ui::App& app, const std::string& anchor) {
  const auto& anchors = app.data_state().anchors;
  REQUIRE_MESSAGE(anchors.count(anchor) == 1, "no control named " << anchor);
  const auto& r = anchors.at(anchor);
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(r[0] + r[2] / 2, r[1] + r[3] / 2);
  draw_frames(app, 1);
  io.AddMouseButtonEvent(0, true);
  draw_frames(app, 1);
  io.AddMouseButtonEvent(0, false);
  draw_frames(app, 2);
  io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  draw_frames(app, 1);
}
}  // namespace

TEST_CASE("your data: a broken profile is rejected with file:line:col and JSON path, and the data in use stays") {
  Engine engine;
  REQUIRE(engine.load(shipped()).empty());
  const auto before = engine.data();
  StoragePlatform platform;
  ui::UserData user(engine, platform, shipped());
  const ui::UserLoad& r =
      user.add({up("my-market.json", test::source_file("tests/profiles/broken/08-range-out-of-scale.json"))});
  CHECK_FALSE(r.ok);
  REQUIRE(r.errors.size() == 1);
  // Named as the user's file is, at the place in it (as tests/profiles/broken/expected.txt has it).
  CHECK(r.errors[0].format() ==
        "my-market.json:12:21: error: expected [low, high] from 1 to 10, found [7, 11] [at "
        "/dimensions/directness/range]");
  REQUIRE(r.files.size() == 1);
  CHECK(r.files[0].status == ui::UserFileStatus::kRejected);
  CHECK(r.files[0].path == "culture-profiles/AQ.json");
  CHECK(engine.data() == before);  // nothing changed
  CHECK(engine.data()->profile("AQ") == nullptr);
  CHECK(user.files().empty());
  CHECK(platform.files.empty());

  // Not JSON at all: the syntax error's position; a file with two letters for a name is taken for a profile.
  const ui::UserLoad& s = user.add({up("NZ.json", "{\n  \"code\": \"NZ\",\n  \"name\": {\n}")});
  CHECK_FALSE(s.ok);
  REQUIRE_FALSE(s.errors.empty());
  CHECK(s.errors[0].file == "NZ.json");
  CHECK(s.errors[0].pos.line > 0);
  CHECK(s.files[0].kind == ui::UserFileKind::kProfile);

  // All or nothing: a good file loaded with a broken one waits for it.
  const ui::UserLoad& t = user.add({up("good.json", test::source_file("culture-profiles/DE.json")),
                                    up("bad.json", test::source_file("tests/profiles/broken/03-duplicate-key.json"))});
  CHECK_FALSE(t.ok);
  REQUIRE(t.files.size() == 2);
  CHECK(t.files[0].status == ui::UserFileStatus::kHeldBack);
  CHECK(t.files[1].status == ui::UserFileStatus::kRejected);
  CHECK(engine.data() == before);
  // Two files for one market in one go: the second is refused for that.
  const ui::UserLoad& u = user.add({up("a.json", fixture_aq()), up("b.json", fixture_aq())});
  CHECK_FALSE(u.ok);
  REQUIRE(u.errors.size() == 1);
  CHECK(u.errors[0].format() == "b.json: error: a.json gives culture-profiles/AQ.json too: load only one of them");
  CHECK(engine.data() == before);
}

TEST_CASE("your data: what a file is, decided from its content") {
  const DataSet& data = test::shipped_data();
  auto kind = [&](const std::string& name, const std::string& text) {
    return ui::classify_upload(up(name, text), shipped(), data, "en");
  };
  const ui::UserFile profile = kind("whatever.json", fixture_aq());
  CHECK(profile.kind == ui::UserFileKind::kProfile);
  CHECK(profile.path == "culture-profiles/AQ.json");
  CHECK(profile.errors.empty());
  CHECK_FALSE(profile.replaces);
  CHECK(kind("jp.json", test::source_file("culture-profiles/JP.json")).replaces);
  const ui::UserFile pack = kind("Our checks (v2).json", rule_pack("Let me come back to you next week."));
  CHECK(pack.kind == ui::UserFileKind::kRulePack);
  CHECK(pack.path == "culture-profiles/rules/Our-checks--v2-.json");
  const ui::UserFile catalog = kind("sw.json", R"({"ui.tab.compose": "Andika"})");
  CHECK(catalog.kind == ui::UserFileKind::kCatalog);
  CHECK(catalog.path == "i18n/sw.json");
  CHECK_FALSE(kind("en.json", R"({"ui.tab.compose": "Write"})").errors.empty());  // Rapport's own strings stay

  const ui::UserFile other = kind("notes.json", R"({"title": "not data"})");
  CHECK(other.kind == ui::UserFileKind::kUnknown);
  REQUIRE(other.errors.size() == 1);
  CHECK(other.errors[0].format().find("notes.json:1:1: error: neither a profile") == 0);
  const ui::UserFile bad_code = kind("x.json", "{\n  \"code\": \"Antarctica\"\n}");
  REQUIRE(bad_code.errors.size() == 1);
  CHECK(bad_code.errors[0].format().find("x.json:2:3: error: a market code is two capital letters") == 0);
  CHECK(bad_code.errors[0].json_path == "/code");
  const ui::UserFile big =
      ui::classify_upload(problem("huge.json", "too_large", 3 * 1024 * 1024), shipped(), data, "en");
  REQUIRE(big.errors.size() == 1);
  CHECK(big.errors[0].format() ==
        "huge.json: error: larger than 2 MB (3 MB): a profile or rule pack is far smaller. Is it the right file?");
  CHECK_FALSE(ui::classify_upload(problem("x.json", "not_utf8", 5), shipped(), data, "en").errors.empty());
}

TEST_CASE("your data: a profile adds a market, is kept in storage and comes back at the next start") {
  StoragePlatform platform;
  {
    Engine engine;
    REQUIRE(engine.load(shipped()).empty());
    ui::UserData user(engine, platform, shipped());
    const ui::UserLoad& r = user.add({up("antarctica.json", fixture_aq())});
    REQUIRE_MESSAGE(r.ok, format_errors(r.errors));
    REQUIRE(engine.data()->profile("AQ") != nullptr);
    CHECK(engine.data()->profile("JP") != nullptr);  // on top of the shipped data
    REQUIRE(user.files().size() == 1);
    CHECK(user.files()[0].name == "antarctica.json");
    CHECK(user.files()[0].status == ui::UserFileStatus::kLoaded);
    CHECK(user.user_market("AQ"));
    CHECK(platform.files.count("culture-profiles/AQ.json") == 1);
    CHECK(user.profile_source("AQ") == fixture_aq());
    CHECK(user.profile_source("JP") == test::source_file("culture-profiles/JP.json"));
  }
  // The next visit.
  Engine engine;
  REQUIRE(engine.load(shipped()).empty());
  ui::UserData user(engine, platform, shipped());
  user.load_stored();
  CHECK(engine.data()->profile("AQ") != nullptr);
  REQUIRE(user.files().size() == 1);
  CHECK(user.files()[0].name == "antarctica.json");
  CHECK_FALSE(user.attempted());  // nothing to report
  // Removed: gone from the data and from storage.
  CHECK(user.remove("culture-profiles/AQ.json"));
  CHECK(engine.data()->profile("AQ") == nullptr);
  CHECK(platform.files.empty());
}

TEST_CASE("your data: a profile replaces a shipped market until it is removed") {
  Engine engine;
  REQUIRE(engine.load(shipped()).empty());
  StoragePlatform platform;
  ui::UserData user(engine, platform, shipped());
  auto jp = nlohmann::json::parse(test::source_file("culture-profiles/JP.json"));
  jp["name"]["en"] = "Japan (our notes)";
  REQUIRE(user.add({up("JP.json", jp.dump(2))}).ok);
  CHECK(engine.data()->profile("JP")->name_en == "Japan (our notes)");
  CHECK(user.files()[0].replaces);
  CHECK(user.remove("culture-profiles/JP.json"));
  CHECK(engine.data()->profile("JP")->name_en == "Japan");
}

TEST_CASE("your data: a rule pack is checked like the shipped ones, its examples included") {
  Engine engine;
  REQUIRE(engine.load(shipped()).empty());
  StoragePlatform platform;
  ui::UserData user(engine, platform, shipped());
  // An example that must pass but is flagged: the pack is refused, at the example.
  const ui::UserLoad& bad = user.add({up("team.json", rule_pack("We will circle back tomorrow."))});
  CHECK_FALSE(bad.ok);
  REQUIRE_FALSE(bad.errors.empty());
  CHECK(bad.errors[0].file == "team.json");
  CHECK(bad.errors[0].pos.line > 0);
  CHECK(bad.errors[0].json_path.find("/rules/0/examples/pass/0") == 0);
  const ui::UserLoad& good = user.add({up("team.json", rule_pack("Let me come back to you next week."))});
  REQUIRE_MESSAGE(good.ok, format_errors(good.errors));
  const auto packs = engine.data()->rule_packs();
  CHECK(std::any_of(packs.begin(), packs.end(),
                    [](const RulePack* p) { return p->file == "culture-profiles/rules/team.json"; }));
}

TEST_CASE("your data: a stored file that no longer loads does not stop the others") {
  StoragePlatform platform;
  platform.files["culture-profiles/AQ.json"] =
      nlohmann::json{{"name", "antarctica.json"}, {"text", fixture_aq()}}.dump();
  platform.files["culture-profiles/ZZ.json"] =
      nlohmann::json{{"name", "zz.json"},
                     {"text", test::source_file("tests/profiles/broken/08-range-out-of-scale.json")}}
          .dump();
  platform.files["culture-profiles/QQ.json"] = "not an envelope";
  Engine engine;
  REQUIRE(engine.load(shipped()).empty());
  ui::UserData user(engine, platform, shipped());
  user.load_stored();
  CHECK(engine.data()->profile("AQ") != nullptr);
  REQUIRE(user.files().size() == 3);
  CHECK(user.files()[0].status == ui::UserFileStatus::kLoaded);
  CHECK(user.files()[1].status == ui::UserFileStatus::kRejected);
  CHECK(user.files()[2].status == ui::UserFileStatus::kRejected);
  REQUIRE(user.attempted());
  CHECK(user.last().at_start);
  CHECK(user.last().errors.size() == 2);
  // The broken ones can be removed.
  CHECK(user.remove("culture-profiles/QQ.json"));
  CHECK(platform.files.count("culture-profiles/QQ.json") == 0);
}

TEST_CASE("your data: a file storage will not keep is still used, and says so") {
  Engine engine;
  REQUIRE(engine.load(shipped()).empty());
  StoragePlatform platform;
  platform.full = true;
  ui::UserData user(engine, platform, shipped());
  REQUIRE(user.add({up("antarctica.json", fixture_aq())}).ok);
  CHECK(engine.data()->profile("AQ") != nullptr);
  CHECK_FALSE(user.files()[0].stored);
}

TEST_CASE("your data: the tab loads, shows errors, exports and clears everything, with no window") {
  Engine engine;
  REQUIRE(engine.load(shipped()).empty());
  StoragePlatform platform;
  ImGuiHeadless imgui;
  ui::apply_theme(ui::Theme::kLight, ImGui::GetStyle());
  ui::UserData user(engine, platform, shipped());
  ui::App app(engine, platform);
  app.set_user_data(&user);
  app.set_view("data");
  CHECK(draw_frames(app, 3) > 100);
  CHECK(app.data_state().anchors.count("data.choose") == 1);
  click(app, "data.choose");
  CHECK(platform.pickers == 1);

  // A broken profile: the errors show, the data stays.
  const auto before = engine.data();
  CHECK_FALSE(
      app.load_user_files({up("broken.json", test::source_file("tests/profiles/broken/08-range-out-of-scale.json"))})
          .ok);
  draw_frames(app, 3);
  CHECK(engine.data() == before);
  REQUIRE(app.data_model().errors.size() == 1);
  CHECK(app.data_model().errors[0].find("broken.json:12:21: error:") == 0);
  CHECK(app.data_state().anchors.count("data.errors") == 1);
  click(app, "data.copy_errors");
  CHECK(platform.copied == app.data_model().errors[0] + "\n");
  const auto j = ui::data_json(app.data_model(), app.data_state());
  CHECK(j["attempt"]["ok"] == false);
  CHECK(j["attempt"]["files"][0]["status"] == "rejected");

  // A good one: a new market everywhere, the views rebuilt from the new data.
  REQUIRE(app.load_user_files({up("antarctica.json", fixture_aq())}).ok);
  app.set_markets("IL", "AQ");
  draw_frames(app, 3);
  REQUIRE(app.cultures().target != nullptr);
  CHECK(app.cultures().target->code == "AQ");
  REQUIRE(app.data_model().files.size() == 1);
  CHECK(app.data_model().files[0].market_name == "Test Market");
  app.set_view("data");
  draw_frames(app, 2);

  // Export: the profile as the engine has it.
  CHECK(app.data_state().export_market == "AQ");  // the To market
  click(app, "data.export");
  CHECK(platform.filename == "AQ.json");
  CHECK(platform.content == fixture_aq());

  // Remove: the market goes with its file; the pair falls back to one that exists.
  click(app, "data.remove.0");
  CHECK(engine.data()->profile("AQ") == nullptr);
  CHECK(platform.files.empty());
  CHECK(app.to() == "JP");
  REQUIRE(app.load_user_files({up("antarctica.json", fixture_aq())}).ok);
  draw_frames(app, 2);

  // Clear my data: a confirm step, then everything kept goes and the shipped data is back.
  platform.settings["compose"] = "{}";
  click(app, "data.clear");
  CHECK(app.data_state().confirm_clear);
  CHECK(engine.data()->profile("AQ") != nullptr);
  click(app, "data.clear.confirm");
  CHECK(engine.data()->profile("AQ") == nullptr);
  CHECK(platform.files.empty());
  CHECK(platform.settings.empty());
  draw_frames(app, 2);
  CHECK(app.cultures().target->code == "JP");
  CHECK(app.data_model().files.empty());

  // On a phone.
  ImGui::GetIO().DisplaySize = ImVec2(390, 844);
  CHECK_FALSE(app.load_user_files({up("broken.json", "{")}).ok);
  CHECK(draw_frames(app, 3) > 100);
}
