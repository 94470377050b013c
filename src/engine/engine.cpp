#include "engine/engine.h"

#include "engine/json_doc.h"

namespace rapport {

namespace {
constexpr std::string_view kCatalogDir = "i18n/";
constexpr std::string_view kJson = ".json";
constexpr std::string_view kFallbackLanguage = "en";

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
}  // namespace

DataKind data_kind(std::string_view name) {
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
  const Catalog* cat = catalog(language);
  if (cat && !cat->has(key)) cat = catalog(kFallbackLanguage);
  return cat ? cat->format(key, args) : "[" + std::string(key) + "]";
}

std::vector<std::string> DataSet::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, cat] : catalogs_) out.push_back(lang);
  return out;
}

Engine::Engine() : data_(std::make_shared<const DataSet>()) {}

DataErrors Engine::load(std::span<const SourceFile> files) {
  DataErrors errors;
  auto next = std::make_shared<DataSet>();
  for (const auto& f : files) {
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
      case DataKind::kUnknown:
        errors.push_back(DataError{f.name, {}, "",
                                   "not a data file the engine knows: expected i18n/<language>.json"});
        break;
    }
  }
  if (!errors.empty()) return errors;
  data_ = std::move(next);
  return {};
}

}  // namespace rapport
