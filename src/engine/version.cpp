#include "engine/version.h"

#include <unicode/timezone.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>

#ifndef RAPPORT_VERSION
#error "RAPPORT_VERSION must be defined by the build"
#endif

namespace rapport {

VersionInfo version_info() {
  VersionInfo v;
  v.rapport = RAPPORT_VERSION;
  char buf[U_MAX_VERSION_STRING_LENGTH];
  UVersionInfo ver;
  u_getVersion(ver);
  u_versionToString(ver, buf);
  v.icu = buf;
  u_getUnicodeVersion(ver);
  u_versionToString(ver, buf);
  v.unicode = buf;
  UErrorCode status = U_ZERO_ERROR;
  const char* tz = icu::TimeZone::getTZDataVersion(status);
  v.tzdata = U_SUCCESS(status) && tz ? tz : "unknown";
  return v;
}

}  // namespace rapport
