// "Your data": the user's own market profiles and rule packs. A drop zone and "Choose files…", the files in use
// with what each adds or replaces and a button to remove it, the errors of the last attempt (file:line:col and
// JSON path, one per line, selectable and copyable), "Export profile…" for any market, and "Clear my data" with
// a confirm step. Draws what it is handed (web/user_data.h does the loading); the app carries out the events.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "web/ui.h"
#include "web/user_data.h"

namespace rapport::ui {

/// One of the user's files as the view shows it.
struct DataFileRow {
  std::string name;  ///< the user's name for it, "antarctica.json"
  std::string path;  ///< the engine's, "culture-profiles/AQ.json"
  UserFileKind kind = UserFileKind::kUnknown;
  UserFileStatus status = UserFileStatus::kLoaded;
  std::string market, market_name;  ///< a profile's market, "AQ", and its name once loaded
  bool replaces = false;            ///< stands in for Rapport's own market, pack or catalog
  bool stored = true;               ///< kept in browser storage
  int rules = -1;                   ///< a loaded rule pack's number of rules
  std::string language;             ///< a loaded rule pack's language
  std::vector<std::string> errors;  ///< its own errors, formatted "file:line:col: error: message [at /path]"
};

struct DataModel {
  std::vector<DataFileRow> files;  ///< the user's files: in use, then kept ones that no longer load
  bool attempted = false;          ///< there is a last attempt to report
  bool attempt_ok = false, at_start = false;
  std::vector<DataFileRow> attempt;                          ///< the files of the last attempt
  std::vector<std::string> errors;                           ///< every error of the last attempt, formatted, in order
  std::vector<std::pair<std::string, std::string>> markets;  ///< for "Export profile": code, "Name (CODE)"
  // What it was built from.
  std::uint64_t generation = 0;
  const DataSet* data = nullptr;
};

DataModel make_data_model(const UserData& user, const DataSet& data);

/// What the view keeps between frames, and where its controls were drawn (for window.rapport and the tests).
struct DataViewState {
  std::string export_market;  ///< the market to export: the app's To market until one is chosen here
  bool export_chosen = false;
  bool confirm_clear = false;  ///< "Clear my data" pressed once: the confirm step shows
  bool cleared = false;        ///< cleared: says so until something else is done here
  bool dragging = false;       ///< files are being dragged over the page
  std::string errors_text;     ///< the errors as shown in the selectable box (wrapped to its width)
  std::string errors_source;   ///< ... and what they were wrapped from
  float errors_width = 0;
  std::map<std::string, std::array<float, 4>> anchors;  ///< name -> x, y, width, height (CSS pixels)
};

/// What the user asked for in this frame.
struct DataEvents {
  bool choose = false;          ///< open the file picker
  int remove = -1;              ///< index into model.files
  bool export_profile = false;  ///< download the profile of state.export_market
  bool clear = false;           ///< confirmed: clear everything
  bool copy_errors = false;     ///< put the last attempt's errors on the clipboard
};

/// Draws the view in the space available (one column; controls wrap on a phone).
DataEvents draw_data_view(const DataModel& model, DataViewState& state, const Tr& tr, const Fonts& fonts);

/// Over the whole window while files are dragged over the page: where to drop them.
void draw_drop_overlay(const Tr& tr, const Fonts& fonts);

/// The model as window.rapport.userData() gives it: {files: [{name, path, kind, status, market, market_name,
/// replaces, stored, rules, errors}], attempt: {ok, at_start, files, errors} or null, errors, markets: [code],
/// export_market, confirm_clear, cleared, anchors: {name: [x, y, w, h]}}. Kinds: "profile", "rules", "catalog",
/// "unknown"; statuses: "loaded", "rejected", "held_back".
nlohmann::json data_json(const DataModel& model, const DataViewState& state);

/// All errors of the last attempt, one per line, as "Copy errors" gives them.
std::string errors_text(const DataModel& model);

}  // namespace rapport::ui
