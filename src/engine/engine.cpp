#include "engine/engine.h"

#include "engine/exercises.h"
#include "engine/json_doc.h"

#include <algorithm>
#include <cctype>

namespace rapport {

namespace {
constexpr std::string_view kCatalogDir = "i18n/";
constexpr std::string_view kProfileDir = "culture-profiles/";
constexpr std::string_view kRulesDir = "culture-profiles/rules/";
constexpr std::string_view kExercisesDir = "culture-profiles/exercises/";
constexpr std::string_view kJson = ".json";
constexpr std::string_view kFallbackLanguage = "en";

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
}  // namespace

DataKind data_kind(std::string_view name) {
  if (ends_with(name, ".schema.json")) return DataKind::kSchema;
  if (name.substr(0, kRulesDir.size()) == kRulesDir && ends_with(name, kJson) &&
      name.find('/', kRulesDir.size()) == std::string_view::npos && name.size() > kRulesDir.size() + kJson.size()) {
    return DataKind::kRulePack;
  }
  if (name.substr(0, kExercisesDir.size()) == kExercisesDir && ends_with(name, kJson) &&
      name.find('/', kExercisesDir.size()) == std::string_view::npos &&
      name.size() > kExercisesDir.size() + kJson.size()) {
    return DataKind::kExercises;
  }
  if (name.size() == kProfileDir.size() + 2 + kJson.size() && name.substr(0, kProfileDir.size()) == kProfileDir &&
      ends_with(name, kJson) && std::isupper(static_cast<unsigned char>(name[kProfileDir.size()])) &&
      std::isupper(static_cast<unsigned char>(name[kProfileDir.size() + 1]))) {
    return DataKind::kProfile;
  }
  if (name.substr(0, kCatalogDir.size()) == kCatalogDir && ends_with(name, kJson) &&
      name.find('/', kCatalogDir.size()) == std::string_view::npos && name.size() > kCatalogDir.size() + kJson.size()) {
    return DataKind::kCatalog;
  }
  return DataKind::kUnknown;
}

const Catalog* DataSet::catalog(std::string_view language) const {
  if (auto it = catalogs_.find(language); it != catalogs_.end()) return &it->second;
  if (auto it = catalogs_.find(kFallbackLanguage); it != catalogs_.end()) return &it->second;
  return nullptr;
}

std::string DataSet::text(std::string_view language, std::string_view key,
                          std::initializer_list<MessageArg> args) const {
  return text(language, key, std::span<const MessageArg>(args.begin(), args.size()));
}

std::string DataSet::text(std::string_view language, std::string_view key, std::span<const MessageArg> args) const {
  const Catalog* cat = catalog(language);
  if (cat && !cat->has(key)) cat = catalog(kFallbackLanguage);
  return cat ? cat->format(key, args) : "[" + std::string(key) + "]";
}

const Profile* DataSet::profile(std::string_view code) const {
  std::string upper(code);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto it = profiles_.find(upper);
  return it == profiles_.end() ? nullptr : &it->second;
}

const RuleSet* DataSet::rule_set(std::string_view language) const {
  const auto it = rule_sets_.find(language);
  return it == rule_sets_.end() ? nullptr : &it->second;
}

std::vector<const RulePack*> DataSet::rule_packs() const {
  std::vector<const RulePack*> out;
  for (const auto& [name, pack] : packs_) out.push_back(&pack);
  return out;
}

const ExerciseDeck* DataSet::exercises(std::string_view language) const {
  if (auto it = decks_.find(language); it != decks_.end()) return it->second.get();
  if (auto it = decks_.find(kFallbackLanguage); it != decks_.end()) return it->second.get();
  return nullptr;
}

std::vector<std::string> DataSet::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, cat] : catalogs_) out.push_back(lang);
  return out;
}

Engine::Engine() : data_(std::make_shared<const DataSet>()) {}

DataErrors Engine::load(std::span<const SourceFile> files, std::span<const SourceFile> user_files) {
  DataErrors errors;
  auto next = std::make_shared<DataSet>();
  std::vector<const SourceFile*> all;
  for (const auto& f : files) all.push_back(&f);
  const std::size_t first_user = all.size();
  for (const auto& f : user_files) all.push_back(&f);
  std::vector<std::size_t> decks;  // exercise decks, read last
  for (std::size_t index = 0; index < all.size(); ++index) {
    const SourceFile& f = *all[index];
    const bool user = index >= first_user;
    switch (data_kind(f.name)) {
      case DataKind::kCatalog: {
        const std::string lang =
            f.name.substr(kCatalogDir.size(), f.name.size() - kCatalogDir.size() - kJson.size());
        auto doc = parse_json(f.name, f.contents);
        if (!doc) {
          errors.insert(errors.end(), doc.error().begin(), doc.error().end());
          break;
        }
        auto cat = Catalog::from_json(*doc, lang);
        if (!cat) {
          errors.insert(errors.end(), cat.error().begin(), cat.error().end());
          break;
        }
        if (!next->catalogs_.emplace(lang, std::move(*cat)).second) {
          errors.push_back(DataError{f.name, {}, "", "the catalog for \"" + lang + "\" is given twice"});
        }
        break;
      }
      case DataKind::kProfile: {
        const std::string code = f.name.substr(kProfileDir.size(), 2);
        auto doc = parse_json(f.name, f.contents);
        if (!doc) {
          errors.insert(errors.end(), doc.error().begin(), doc.error().end());
          break;
        }
        auto profile = load_profile(*doc, code);
        if (!profile) {
          errors.insert(errors.end(), profile.error().begin(), profile.error().end());
          break;
        }
        auto [it, added] = next->profiles_.try_emplace(code, std::move(*profile));
        if (!added && user && !next->user_codes_.count(code)) {
          it->second = std::move(*profile);  // a user's profile replaces the shipped one
        } else if (!added) {
          errors.push_back(DataError{f.name, {}, "", "the market " + code + " is given twice"});
        }
        if (user) next->user_codes_.insert(code);
        break;
      }
      case DataKind::kRulePack: {
        auto doc = parse_json(f.name, f.contents);
        if (!doc) {
          errors.insert(errors.end(), doc.error().begin(), doc.error().end());
          break;
        }
        auto pack = load_rule_pack(*doc);
        if (!pack) {
          errors.insert(errors.end(), pack.error().begin(), pack.error().end());
          break;
        }
        next->packs_[f.name] = std::move(*pack);  // a user's pack of the same name replaces the shipped one
        break;
      }
      case DataKind::kExercises:
        decks.push_back(index);  // read below, once every profile and pack is in: exercises name them
        break;
      case DataKind::kSchema:
        break;  // for editors and documentation; the loader checks more than the schema says
      case DataKind::kUnknown:
        errors.push_back(DataError{f.name, {}, "",
                                   "not a data file the engine knows: expected i18n/<language>.json, culture-profiles/<CODE>.json, culture-profiles/rules/<pack>.json or culture-profiles/exercises/<language>.json"});
        break;
    }
  }
  // Exercise decks name markets and rule languages. A market or pack whose own file failed has its errors
  // already; the exercises that name it are not blamed as well, so its file's name counts as known.
  std::set<std::string, std::less<>> markets, languages, pack_files;
  for (const SourceFile* f : all) {
    if (data_kind(f->name) == DataKind::kProfile) markets.insert(f->name.substr(kProfileDir.size(), 2));
    if (data_kind(f->name) == DataKind::kRulePack) pack_files.insert(f->name);
  }
  for (const auto& [name, pack] : next->packs_) languages.insert(pack.language);
  const bool every_pack_loaded = pack_files.size() == next->packs_.size();  // else a language may be missing
  for (const std::size_t index : decks) {
    const SourceFile& f = *all[index];
    const bool user = index >= first_user;
    const std::string lang = f.name.substr(kExercisesDir.size(), f.name.size() - kExercisesDir.size() - kJson.size());
    auto doc = parse_json(f.name, f.contents);
    if (!doc) {
      errors.insert(errors.end(), doc.error().begin(), doc.error().end());
      continue;
    }
    auto deck = load_exercise_deck(*doc, DeckNames{&markets, every_pack_loaded ? &languages : nullptr});
    const auto said = doc->value.is_object() ? doc->value.find("language") : doc->value.end();
    if (said != doc->value.end() && said->is_string() && *said != lang) {
      errors.push_back(doc->error_at("/language", "the deck in " + f.name + " is for \"" + lang + "\", not \"" +
                                                      said->get<std::string>() + "\""));
      if (deck) continue;
    }
    if (!deck) {
      errors.insert(errors.end(), deck.error().begin(), deck.error().end());
      continue;
    }
    auto [it, added] = next->decks_.try_emplace(lang, nullptr);
    if (!added && !user) {
      errors.push_back(DataError{f.name, {}, "", "the exercise deck for \"" + lang + "\" is given twice"});
      continue;
    }
    it->second = std::make_shared<const ExerciseDeck>(std::move(*deck));  // a user's deck replaces the shipped one
  }
  if (!errors.empty()) return errors;
  for (const auto& [name, pack] : next->packs_) {
    if (!next->rule_sets_.count(pack.language)) next->rule_sets_[pack.language] = make_rule_set(next->rule_packs(), pack.language);
  }
  data_ = std::move(next);
  return {};
}

}  // namespace rapport
