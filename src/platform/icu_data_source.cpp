#include "platform/icu_data_source.h"

#include <cstddef>
#include <span>

#include "engine/icu_data.h"

#ifndef __EMSCRIPTEN__
// From icu_data_embed.S: the zone-rules package generated from Debian's tzdata.
extern "C" const unsigned char rapport_icu_data_begin[];
extern "C" const unsigned char rapport_icu_data_end[];
#else
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>
#endif

namespace rapport::platform {

std::optional<std::string> load_icu_data([[maybe_unused]] std::string_view wasm_data_file) {
#ifndef __EMSCRIPTEN__
  const auto size = static_cast<std::size_t>(rapport_icu_data_end - rapport_icu_data_begin);
  return install_icu_data(std::span(reinterpret_cast<const std::byte*>(rapport_icu_data_begin), size));
#else
  // ICU keeps using the bytes: they live as long as the program.
  static std::vector<std::byte> data;
  std::ifstream in{std::string(wasm_data_file), std::ios::binary};
  if (!in) return "cannot read ICU data from " + std::string(wasm_data_file);
  std::vector<char> raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  data.resize(raw.size());
  std::memcpy(data.data(), raw.data(), raw.size());
  return install_icu_data(data);
#endif
}

}  // namespace rapport::platform
