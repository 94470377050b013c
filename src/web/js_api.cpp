// The engine as page JavaScript sees it (window.rapport, set up by web/rapport.js), so the web face can be
// tested and the checker embedded. Documented in web/README.md.
#include <emscripten/bind.h>

#include "engine/dates.h"
#include "engine/version.h"

namespace {
std::string format_date_js(double epoch_ms, const std::string& locale, const std::string& calendar,
                           const std::string& time_zone) {
  return rapport::format_date(epoch_ms, locale, calendar, rapport::DateStyle::kLong, time_zone).value_or("");
}
}  // namespace

EMSCRIPTEN_BINDINGS(rapport_api) {
  emscripten::value_object<rapport::VersionInfo>("VersionInfo")
      .field("rapport", &rapport::VersionInfo::rapport)
      .field("icu", &rapport::VersionInfo::icu)
      .field("unicode", &rapport::VersionInfo::unicode)
      .field("tzdata", &rapport::VersionInfo::tzdata);
  emscripten::function("version", &rapport::version_info);
  emscripten::function("formatDate", &format_date_js);
}
