// The user's own data: market profiles and message rule packs loaded in the browser on top of Rapport's shipped
// data, checked exactly like it, kept in browser storage, exported and cleared. No drawing here (the "Your
// data" view is web/views/data_view.h) and no browser calls (storage goes through the Platform seam), so tests
// drive it with no window.
//
//   UserData user(engine, platform, shipped_files);  // the shipped files stay in memory for every reload
//   user.load_stored();                               // at start: the files kept from the last visit
//   const UserLoad& r = user.add({{"antarctica.json", text}});
//   if (!r.ok) show(r.errors);                        // nothing changed: the data in use before stays in use
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "web/platform.h"

namespace rapport::ui {

/// A file as the page handed it over: the name the user's file had and its text. When the page could not read
/// it, `problem` says why instead ("too_large" over 2 MB, "not_utf8", "unreadable") and `size` is its size in
/// bytes.
struct Upload {
  std::string name, text, problem;
  std::int64_t size = 0;
};

/// The largest file the page reads (bytes); larger ones come as an Upload with problem "too_large".
inline constexpr std::int64_t kMaxUserFileBytes = 2 * 1024 * 1024;

enum class UserFileKind { kProfile, kRulePack, kCatalog, kUnknown };

/// kLoaded: in use. kRejected: has errors of its own. kHeldBack: fine itself, but loaded together with a file
/// that has errors (loading is all or nothing).
enum class UserFileStatus { kLoaded, kRejected, kHeldBack };

struct UserFile {
  std::string name;  ///< what the user's file was called, "antarctica.json"; errors name it so
  std::string path;  ///< the name the engine knows it by, "culture-profiles/AQ.json" ("" when undecided)
  UserFileKind kind = UserFileKind::kUnknown;
  std::string text;
  UserFileStatus status = UserFileStatus::kLoaded;
  DataErrors errors;      ///< this file's own errors, positions in the user's text
  std::string market;     ///< a profile's market code, "AQ"
  bool replaces = false;  ///< stands in for a shipped market, pack or catalog of the same name
  bool stored = true;     ///< kept in browser storage (false: storage full or unavailable)
  std::string key;        ///< the path it is kept under in storage ("" before it is kept)
};

/// The result of one attempt to change the data.
struct UserLoad {
  bool ok = false;
  bool at_start = false;        ///< the files kept from the last visit, loaded at start
  std::vector<UserFile> files;  ///< the files of the attempt, with their status and own errors
  DataErrors errors;            ///< every error, in order (some, such as a shipped file's, belong to no file)
};

/// Decides what a user's file is from its content, and so the name the engine loads it by:
/// an object with "code" is a profile, culture-profiles/<CODE>.json; one with "rules" is a rule pack,
/// culture-profiles/rules/<name>.json (`name` from the file's name); a flat object of strings named like a
/// language ("de.json") is a UI catalog, i18n/<language>.json. Anything else, text that is not JSON, or a file
/// the page could not read comes back with kUnknown or with `errors` set. `shipped` tells what it replaces.
/// Messages are looked up in `data`'s catalogs, in `language`.
UserFile classify_upload(const Upload& upload, const std::vector<SourceFile>& shipped, const DataSet& data,
                         const std::string& language);

class UserData {
 public:
  /// `shipped` are the files Rapport ships, as read at start; they are kept for every reload of the data.
  /// Messages of its own (a file too large, not a profile...) are in the UI `language`.
  UserData(Engine& engine, Platform& platform, std::vector<SourceFile> shipped, std::string language = "en");

  /// Loads the files kept in storage from the last visit on top of the shipped data. A stored file that no
  /// longer loads does not stop the others (nor the app): it is listed as rejected, with its errors.
  void load_stored();
  /// Adds files (or replaces the user's files of the same name) and reloads the engine with the shipped files
  /// and all of the user's. All or nothing: on any error nothing changes and the result says why.
  const UserLoad& add(const std::vector<Upload>& uploads);
  /// Removes one of the user's files (by its `path`) from the data and from storage. False when the data
  /// without it does not load (then nothing changes; last() says why) or when there is no such file.
  bool remove(const std::string& path);
  /// Forgets everything kept in storage (the user's files, the draft, the settings) and goes back to the
  /// shipped data.
  void clear();

  /// The user's files: those in use, then stored ones that were rejected at start.
  const std::vector<UserFile>& files() const { return files_; }
  /// The last attempt (add, remove or the start-up load); `attempted()` is false before the first.
  const UserLoad& last() const { return last_; }
  bool attempted() const { return attempted_; }
  /// The text of a market's profile as the engine has it: the user's, or else the shipped one.
  std::optional<std::string> profile_source(const std::string& code) const;
  /// Whether a user's file provides the market.
  bool user_market(const std::string& code) const;
  /// Changes whenever the files or the data change (views rebuild their models).
  std::uint64_t generation() const { return generation_; }

 private:
  // Loads the shipped files, `kept` and `incoming` (all or nothing). The result has the statuses of `incoming`
  // (and of any kept file that has errors), errors named by the user's file names.
  UserLoad attempt(const std::vector<UserFile>& kept, std::vector<UserFile> incoming);
  void store(UserFile& f);
  void changed() { ++generation_; }
  Engine& engine_;
  Platform& platform_;
  std::vector<SourceFile> shipped_;
  std::string language_;
  std::vector<UserFile> files_;
  UserLoad last_;
  bool attempted_ = false;
  std::uint64_t generation_ = 0;
};

}  // namespace rapport::ui
