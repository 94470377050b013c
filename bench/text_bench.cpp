// Text utilities on message-sized and paste-sized inputs: the message checker maps every finding's span to
// UTF-16 and repairs pasted text, so these sit on the keystroke path.
#include <benchmark/benchmark.h>

#include <string>

#include "engine/catalog.h"
#include "engine/engine.h"
#include "engine/json_doc.h"
#include "engine/text.h"
#include "platform/data_files.h"

namespace {
// Mixed-script text of about `bytes` bytes: English with German, Hebrew, Japanese and emoji.
std::string mixed_text(std::size_t bytes) {
  const std::string unit =
      "Dear Mr. Tanaka, thank you for the meeting in Tōkyō. Grüße aus Berlin; שלום מתל אביב. 日本語のテキスト 😀\n";
  std::string s;
  while (s.size() < bytes) s += unit;
  return s;
}

void BM_RepairUtf8(benchmark::State& state) {
  const std::string text = mixed_text(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(rapport::repair_utf8(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_RepairUtf8)->Arg(12 << 10)->Arg(1 << 20);

void BM_OffsetMapBuild(benchmark::State& state) {
  const std::string text = mixed_text(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(rapport::OffsetMap(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_OffsetMapBuild)->Arg(12 << 10)->Arg(1 << 20);

void BM_OffsetMapLookup(benchmark::State& state) {
  const std::string text = mixed_text(1 << 20);
  const rapport::OffsetMap map(text);
  std::size_t b = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(map.utf16_at(b));
    b = (b + 7919) % text.size();
  }
}
BENCHMARK(BM_OffsetMapLookup);

void BM_ParseCatalogFile(benchmark::State& state) {
  std::string text;
  rapport::platform::read_file(std::string(RAPPORT_SOURCE_DIR) + "/i18n/en.json", text);
  for (auto _ : state) {
    auto doc = rapport::parse_json("i18n/en.json", text);
    auto cat = rapport::Catalog::from_json(*doc, "en");
    benchmark::DoNotOptimize(cat.ok());
  }
}
BENCHMARK(BM_ParseCatalogFile);

void BM_FormatMessage(benchmark::State& state) {
  rapport::Engine engine;
  std::vector<std::string> errors;
  engine.load(rapport::platform::read_data_files(RAPPORT_SOURCE_DIR, rapport::platform::shipped_data_dirs(), errors));
  const auto data = engine.data();
  for (auto _ : state) benchmark::DoNotOptimize(data->text("en", "ui.status.data_error", {{"count", std::int64_t{3}}}));
}
BENCHMARK(BM_FormatMessage);
}  // namespace
