#include "web/user_data.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>

#include "engine/json_doc.h"

// [SECTION] Deciding what a file is
// [SECTION] UserData

namespace rapport::ui {

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Deciding what a file is
// ---------------------------------------------------------------------------------------------------------
namespace {
constexpr std::string_view kProfileDir = "culture-profiles/";
constexpr std::string_view kRulesDir = "culture-profiles/rules/";
constexpr std::string_view kCatalogDir = "i18n/";

// The file's name without folders and without ".json" (any case).
std::string stem_of(const std::string& name) {
  std::string s = name.substr(name.find_last_of("/\\") == std::string::npos ? 0 : name.find_last_of("/\\") + 1);
  if (s.size() > 5) {
    std::string tail = s.substr(s.size() - 5);
    std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return std::tolower(c); });
    if (tail == ".json") s.resize(s.size() - 5);
  }
  return s;
}

// A stem as a pack's file name: letters, digits, '-' and '_' only (no dots: "x.schema" would not be loaded).
std::string safe_stem(const std::string& stem) {
  std::string out;
  for (const unsigned char c : stem) out += std::isalnum(c) || c == '-' || c == '_' ? static_cast<char>(c) : '-';
  return out.empty() ? "pack" : out;
}

bool two_letters(const std::string& s) {
  return s.size() == 2 && std::isalpha(static_cast<unsigned char>(s[0])) &&
         std::isalpha(static_cast<unsigned char>(s[1]));
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// "de", "pt-BR", "zh-Hant": what a catalog's file may be called.
bool language_like(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size() && std::islower(static_cast<unsigned char>(s[i]))) ++i;
  if (i < 2 || i > 3) return false;
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (!std::isalnum(c) && c != '-') return false;
  }
  return s.back() != '-';
}

// A flat object of strings under dotted keys, as i18n/en.json is.
bool catalog_like(const nlohmann::json& v) {
  if (v.empty()) return false;
  for (const auto& [k, x] : v.items()) {
    if (!x.is_string() || k.find('.') == std::string::npos) return false;
  }
  return true;
}

bool shipped_has(const std::vector<SourceFile>& shipped, const std::string& path) {
  return std::any_of(shipped.begin(), shipped.end(), [&](const SourceFile& f) { return f.name == path; });
}

void reject(UserFile& f, DataError e) {
  f.status = UserFileStatus::kRejected;
  f.errors.push_back(std::move(e));
}
}  // namespace

UserFile classify_upload(const Upload& upload, const std::vector<SourceFile>& shipped, const DataSet& data,
                         const std::string& language) {
  UserFile f;
  f.name = upload.name.empty() ? "?.json" : upload.name;
  f.text = upload.text;
  const std::string stem = stem_of(f.name);
  auto text = [&](std::string_view key, std::initializer_list<MessageArg> args = {}) {
    return data.text(language, key, args);
  };
  if (!upload.problem.empty()) {
    std::string message;
    if (upload.problem == "too_large") {
      const double mb = static_cast<double>(upload.size) / (1024.0 * 1024.0);
      message = text("ui.data.problem.too_large", {{"megabytes", static_cast<double>(static_cast<int>(mb * 10)) / 10}});
    } else if (upload.problem == "not_utf8") {
      message = text("ui.data.problem.not_utf8");
    } else {
      message = text("ui.data.problem.unreadable");
    }
    reject(f, DataError{f.name, {}, "", message});
    return f;
  }
  auto doc = parse_json(f.name, upload.text);
  if (!doc) {
    // Not JSON: its name may still say what it was meant to be ("AQ.json").
    if (two_letters(stem)) {
      f.kind = UserFileKind::kProfile;
      f.market = upper(stem);
      f.path = std::string(kProfileDir) + f.market + ".json";
    }
    f.status = UserFileStatus::kRejected;
    f.errors = doc.error();
    return f;
  }
  const nlohmann::json& v = doc->value;
  if (!v.is_object()) {
    reject(f, doc->error_at("", text("ui.data.problem.not_object")));
    return f;
  }
  if (v.contains("code")) {
    f.kind = UserFileKind::kProfile;
    const auto& code = v["code"];
    if (!code.is_string() || !two_letters(code.get<std::string>())) {
      reject(f, doc->error_at("/code", text("ui.data.problem.code")));
      return f;
    }
    // A lower-case code still names the file; the profile's own check then points at the code.
    f.market = upper(code.get<std::string>());
    f.path = std::string(kProfileDir) + f.market + ".json";
  } else if (v.contains("rules")) {
    f.kind = UserFileKind::kRulePack;
    f.path = std::string(kRulesDir) + safe_stem(stem) + ".json";
  } else if (language_like(stem) && catalog_like(v)) {
    f.kind = UserFileKind::kCatalog;
    f.path = std::string(kCatalogDir) + stem + ".json";
    if (shipped_has(shipped, f.path)) {
      reject(f, DataError{f.name, {}, "", text("ui.data.problem.catalog_shipped", {{"language", stem}})});
      return f;
    }
  } else {
    reject(f, doc->error_at("", text("ui.data.problem.unknown")));
    return f;
  }
  f.replaces = shipped_has(shipped, f.path);
  return f;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] UserData
// ---------------------------------------------------------------------------------------------------------
namespace {
std::vector<SourceFile> sources_of(const std::vector<const UserFile*>& files) {
  std::vector<SourceFile> out;
  for (const UserFile* f : files) out.push_back({f->path, f->text});
  return out;
}

std::string envelope(const UserFile& f) {
  return nlohmann::json{{"name", f.name}, {"text", f.text}}.dump();
}
}  // namespace

UserData::UserData(Engine& engine, Platform& platform, std::vector<SourceFile> shipped, std::string language)
    : engine_(engine), platform_(platform), shipped_(std::move(shipped)), language_(std::move(language)) {}

UserLoad UserData::attempt(const std::vector<UserFile>& kept, std::vector<UserFile> incoming) {
  const auto data = engine_.data();  // for messages; stays alive while the engine swaps its data
  UserLoad r;
  // Two files of one attempt for the same market or pack: the second is an error of its own.
  std::map<std::string, std::string> seen;  // path -> the file that gives it
  for (UserFile& f : incoming) {
    if (f.path.empty() || f.status == UserFileStatus::kRejected) continue;
    const auto [it, added] = seen.emplace(f.path, f.name);
    if (!added) {
      reject(f, DataError{f.name,
                          {},
                          "",
                          data->text(language_, "ui.data.problem.twice", {{"other", it->second}, {"path", f.path}})});
    }
  }
  std::vector<const UserFile*> to_engine;
  bool any_new = false, pre_errors = false;
  for (const UserFile& f : kept) to_engine.push_back(&f);
  for (const UserFile& f : incoming) {
    if (f.status == UserFileStatus::kRejected) {
      pre_errors = true;
      r.errors.insert(r.errors.end(), f.errors.begin(), f.errors.end());
    } else {
      to_engine.push_back(&f);
      any_new = true;
    }
  }
  DataErrors engine_errors;
  if (!pre_errors) {
    engine_errors = engine_.load(shipped_, sources_of(to_engine));
  } else if (any_new) {
    // Nothing will be loaded, but every mistake is reported at once: check the rest on an engine of its own.
    Engine scratch;
    engine_errors = scratch.load(shipped_, sources_of(to_engine));
  }
  r.ok = !pre_errors && engine_errors.empty();
  // The engine names files by their data path; the user knows them by their own names.
  std::vector<UserFile> kept_with_errors;
  for (DataError& e : engine_errors) {
    auto owner = std::find_if(incoming.begin(), incoming.end(), [&](const UserFile& f) {
      return f.status != UserFileStatus::kRejected && f.path == e.file;
    });
    if (owner != incoming.end()) {
      e.file = owner->name;
      owner->errors.push_back(e);
    } else if (auto k = std::find_if(kept.begin(), kept.end(), [&](const UserFile& f) { return f.path == e.file; });
               k != kept.end()) {
      e.file = k->name;
      auto w = std::find_if(kept_with_errors.begin(), kept_with_errors.end(),
                            [&](const UserFile& f) { return f.path == k->path; });
      if (w == kept_with_errors.end()) {
        kept_with_errors.push_back(*k);
        kept_with_errors.back().errors.clear();
        w = kept_with_errors.end() - 1;
      }
      w->errors.push_back(e);
    }
    r.errors.push_back(std::move(e));
  }
  for (UserFile& f : incoming) {
    f.status = !f.errors.empty() ? UserFileStatus::kRejected
               : r.ok            ? UserFileStatus::kLoaded
                                 : UserFileStatus::kHeldBack;
  }
  for (UserFile& f : kept_with_errors) f.status = UserFileStatus::kRejected;
  r.files = std::move(incoming);
  r.files.insert(r.files.end(), kept_with_errors.begin(), kept_with_errors.end());
  return r;
}

void UserData::store(UserFile& f) {
  f.stored = platform_.save_user_file(f.path, envelope(f));
  if (f.stored) f.key = f.path;
}

void UserData::load_stored() {
  const auto paths = platform_.user_file_paths();
  if (paths.empty()) return;
  const auto data = engine_.data();
  std::vector<UserFile> incoming;
  for (const std::string& path : paths) {
    const auto j = nlohmann::json::parse(platform_.load_user_file(path), nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) {
      UserFile f;
      f.name = path;
      f.path = path;
      f.key = path;
      reject(f, DataError{path, {}, "", data->text(language_, "ui.data.problem.storage")});
      incoming.push_back(std::move(f));
      continue;
    }
    Upload u;
    u.name = j.value("name", path);
    u.text = j["text"].get<std::string>();
    UserFile f = classify_upload(u, shipped_, *data, language_);
    f.key = path;
    if (f.path.empty()) f.path = path;  // undecided: still listed, to be removed
    incoming.push_back(std::move(f));
  }
  // A file kept under another name than Rapport now gives it is kept under its own once it loads.
  auto rename_moved = [&] {
    for (UserFile& f : files_) {
      if (f.status != UserFileStatus::kLoaded || f.key == f.path) continue;
      const std::string old_key = f.key;
      store(f);
      if (f.stored) platform_.remove_user_file(old_key);
    }
  };
  UserLoad first = attempt({}, incoming);
  first.at_start = true;
  if (first.ok) {
    files_ = std::move(first.files);
    rename_moved();
    changed();
    return;
  }
  // Some no longer load (a newer Rapport checks more, say): the others still can.
  std::vector<UserFile> fine;
  for (const UserFile& f : first.files) {
    if (f.status == UserFileStatus::kHeldBack) fine.push_back(f);
  }
  std::vector<UserFile> rejected;
  for (const UserFile& f : first.files) {
    if (f.status == UserFileStatus::kRejected) rejected.push_back(f);
  }
  if (!fine.empty()) {
    UserLoad second = attempt({}, fine);
    if (second.ok) {
      files_ = std::move(second.files);
    } else {
      for (UserFile& f : fine) f.status = UserFileStatus::kHeldBack;
      rejected.insert(rejected.end(), fine.begin(), fine.end());
    }
  }
  files_.insert(files_.end(), rejected.begin(), rejected.end());
  rename_moved();
  for (UserFile& f : first.files) {
    if (f.status == UserFileStatus::kHeldBack) {
      const bool loaded = std::any_of(files_.begin(), files_.end(), [&](const UserFile& g) {
        return g.path == f.path && g.status == UserFileStatus::kLoaded;
      });
      if (loaded) f.status = UserFileStatus::kLoaded;  // what the start-up attempt ended with
    }
  }
  last_ = std::move(first);
  attempted_ = true;
  changed();
}

const UserLoad& UserData::add(const std::vector<Upload>& uploads) {
  const auto data = engine_.data();
  std::vector<UserFile> incoming;
  for (const Upload& u : uploads) incoming.push_back(classify_upload(u, shipped_, *data, language_));
  // The user's files in use stay, except those the new ones replace.
  std::vector<UserFile> kept;
  for (const UserFile& f : files_) {
    const bool replaced = std::any_of(incoming.begin(), incoming.end(),
                                      [&](const UserFile& n) { return !n.path.empty() && n.path == f.path; });
    if (f.status == UserFileStatus::kLoaded && !replaced) kept.push_back(f);
  }
  last_ = attempt(kept, std::move(incoming));
  attempted_ = true;
  if (last_.ok) {
    std::vector<UserFile> next = kept;
    // Stored files rejected at start stay listed (to be removed) unless a new file takes their place.
    for (const UserFile& f : files_) {
      const bool replaced =
          std::any_of(last_.files.begin(), last_.files.end(), [&](const UserFile& n) { return n.path == f.path; });
      if (f.status != UserFileStatus::kLoaded && !replaced) next.push_back(f);
      if (replaced && !f.key.empty() && f.key != f.path) platform_.remove_user_file(f.key);
    }
    for (UserFile& f : last_.files) {
      store(f);
      next.push_back(f);
    }
    std::stable_sort(next.begin(), next.end(), [](const UserFile& a, const UserFile& b) {
      return (a.status == UserFileStatus::kLoaded) > (b.status == UserFileStatus::kLoaded);
    });
    files_ = std::move(next);
  }
  changed();
  return last_;
}

bool UserData::remove(const std::string& path) {
  const auto it = std::find_if(files_.begin(), files_.end(), [&](const UserFile& f) { return f.path == path; });
  if (it == files_.end() || path.empty()) return false;
  if (it->status == UserFileStatus::kLoaded) {
    std::vector<UserFile> kept;
    for (const UserFile& f : files_) {
      if (f.status == UserFileStatus::kLoaded && f.path != path) kept.push_back(f);
    }
    UserLoad r = attempt(kept, {});
    if (!r.ok) {
      last_ = std::move(r);
      attempted_ = true;
      changed();
      return false;
    }
  }
  if (!it->key.empty()) platform_.remove_user_file(it->key);
  files_.erase(it);
  attempted_ = false;  // what the last attempt said is out of date
  last_ = {};
  changed();
  return true;
}

void UserData::clear() {
  platform_.clear_storage();
  files_.clear();
  last_ = {};
  attempted_ = false;
  (void)engine_.load(shipped_);  // loaded at start, so it loads again
  changed();
}

std::optional<std::string> UserData::profile_source(const std::string& code) const {
  const std::string c = upper(code);
  for (const UserFile& f : files_) {
    if (f.status == UserFileStatus::kLoaded && f.kind == UserFileKind::kProfile && f.market == c) return f.text;
  }
  const std::string path = std::string(kProfileDir) + c + ".json";
  for (const SourceFile& f : shipped_) {
    if (f.name == path) return f.contents;
  }
  return std::nullopt;
}

bool UserData::user_market(const std::string& code) const {
  return std::any_of(files_.begin(), files_.end(), [&](const UserFile& f) {
    return f.status == UserFileStatus::kLoaded && f.kind == UserFileKind::kProfile && f.market == code;
  });
}

}  // namespace rapport::ui
