#include "engine/icu_data.h"

#include <unicode/udata.h>
#include <unicode/utypes.h>

namespace rapport {

std::optional<std::string> install_icu_data(std::span<const std::byte> data) {
  if (data.size() < 32) return std::string("ICU data is empty or truncated");
  UErrorCode status = U_ZERO_ERROR;
  udata_setCommonData(data.data(), &status);
  if (U_FAILURE(status)) return std::string("ICU rejected its data: ") + u_errorName(status);
  if (status == U_USING_DEFAULT_WARNING) return std::string("ICU data was already loaded; install_icu_data came too late");
  return std::nullopt;
}

}  // namespace rapport
