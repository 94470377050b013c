// Where this build's ICU data comes from (the platform seam for rapport::install_icu_data):
//  - native programs carry the current zone rules inside the binary (ICU's other data is Debian's libicudata);
//  - WebAssembly reads the trimmed data package from a file: the browser's preloaded /rapport/icudt72l.dat,
//    or, for tests under node, the file in the dependency cache.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rapport::platform {

/// Hands ICU its data; call once at start-up, before any other ICU use. `wasm_data_file` is the package to read
/// in WebAssembly builds (ignored natively). Returns an error message on failure.
std::optional<std::string> load_icu_data(std::string_view wasm_data_file = "/rapport/icudt72l.dat");

}  // namespace rapport::platform
