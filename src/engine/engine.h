// The engine's data-loading entry point. It takes file *contents* with the names they are known by; reading
// them (from disk, from the browser's preloaded files, from a user's upload or storage) is the caller's job.
//
//   rapport::Engine engine;
//   std::vector<rapport::SourceFile> files = {{"i18n/en.json", read("i18n/en.json")}};
//   if (auto errors = engine.load(files); !errors.empty()) show(rapport::format_errors(errors));
//   engine.data()->text("en", "ui.app.title");
//
// Loading is all or nothing: every error of every file is reported at once, and on any error the data that
// was in use before stays in use.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/catalog.h"
#include "engine/checker.h"
#include "engine/data_error.h"
#include "engine/profile.h"
#include "engine/rules.h"

namespace rapport {

struct ExerciseDeck;  // engine/exercises.h

/// A data file: its name (a path relative to the data root, e.g. "i18n/en.json") and its contents.
struct SourceFile {
  std::string name;
  std::string contents;
};

/// The kinds of data file the engine knows, decided by the file's name.
enum class DataKind { kCatalog, kProfile, kRulePack, kExercises, kSchema, kUnknown };
/// "i18n/<lang>.json" is a catalog; "culture-profiles/<CODE>.json" (two capital letters) a culture profile;
/// "culture-profiles/rules/<name>.json" a message rule pack; "culture-profiles/exercises/<lang>.json" a workshop
/// exercise deck;
/// "*.schema.json" a JSON Schema for editors (not loaded); anything else is unknown (and an error to load).
DataKind data_kind(std::string_view name);

/// Everything loaded, immutable once built, shared by readers.
class DataSet {
 public:
  DataSet() = default;
  DataSet(const DataSet&) = delete;  // (rule_sets_ point into packs_)
  DataSet& operator=(const DataSet&) = delete;
  /// The catalog for a UI language, falling back to English; nullptr when none is loaded.
  const Catalog* catalog(std::string_view language) const;
  /// Shorthand: the message `key` in `language` (English where that language lacks it).
  std::string text(std::string_view language, std::string_view key,
                   std::initializer_list<MessageArg> args = {}) const;
  std::string text(std::string_view language, std::string_view key, std::span<const MessageArg> args) const;
  std::vector<std::string> languages() const;

  /// The profile of a market by ISO code ("JP"), case-insensitive; nullptr when there is none.
  const Profile* profile(std::string_view code) const;
  /// All profiles, by code.
  const std::map<std::string, Profile, std::less<>>& profiles() const { return profiles_; }
  /// The message rule packs, by file name.
  std::vector<const RulePack*> rule_packs() const;
  /// All packs' rules of one language ("en") with one literal filter; nullptr when no pack has that language.
  const RuleSet* rule_set(std::string_view language) const;
  /// The workshop exercise deck for trainers working in `language`, falling back to English; nullptr when none
  /// is loaded. Include engine/exercises.h to use it.
  const ExerciseDeck* exercises(std::string_view language) const;

 private:
  friend class Engine;
  std::map<std::string, Catalog, std::less<>> catalogs_;
  std::map<std::string, Profile, std::less<>> profiles_;
  std::set<std::string, std::less<>> user_codes_;  // markets a user's file provided
  std::map<std::string, RulePack, std::less<>> packs_;
  std::map<std::string, RuleSet, std::less<>> rule_sets_;  // by language: pointers into packs_ (DataSet is not copied)
  std::map<std::string, std::shared_ptr<const ExerciseDeck>, std::less<>> decks_;  // by language
};

class Engine {
 public:
  Engine();
  /// Validates and compiles `files` into a new DataSet. On success it replaces the current one and the result
  /// is empty; otherwise it holds every error and the current data is untouched. `user_files` (a trainer's own
  /// profiles) go through the same checks and add markets or replace shipped ones with the same code.
  DataErrors load(std::span<const SourceFile> files, std::span<const SourceFile> user_files = {});
  /// The data in use (never null; empty before the first successful load).
  std::shared_ptr<const DataSet> data() const { return data_; }

 private:
  std::shared_ptr<const DataSet> data_;
};

}  // namespace rapport
