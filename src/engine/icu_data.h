// Handing ICU its data. The engine takes contents, not paths: the caller reads the data (embedded in the native
// programs, preloaded by the browser) and passes it here once, before any other ICU call.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>

namespace rapport {

/// Registers an ICU common data package (a .dat file's bytes) that ICU searches before its built-in data.
/// Natively it holds the current time zone rules only (zoneinfo64, generated from Debian's tzdata); in the
/// browser it is all the data ICU has. The bytes must stay alive and unchanged for the life of the process.
/// Returns an error message when ICU rejects the data (wrong format or endianness), or when ICU had already
/// loaded its data (call this first).
std::optional<std::string> install_icu_data(std::span<const std::byte> data);

}  // namespace rapport
