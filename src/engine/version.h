// Versions of the engine and of the data it computes with, for `rapport --version`, the web app's footer and
// bug reports.
#pragma once

#include <string>

namespace rapport {

struct VersionInfo {
  std::string rapport;  ///< this engine, e.g. "0.1.0"
  std::string icu;      ///< ICU library, e.g. "72.1"
  std::string unicode;  ///< Unicode version of ICU's character data, e.g. "15.0"
  std::string tzdata;   ///< IANA time zone data ICU is using, e.g. "2026c"
};

/// Reads ICU's versions at run time, so it tells what is really in use (after install_icu_data).
VersionInfo version_info();

}  // namespace rapport
