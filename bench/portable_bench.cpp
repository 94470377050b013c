// A benchmark harness that builds natively and to WebAssembly (Google Benchmark has no WebAssembly build here),
// so the two can be compared on the same code: median wall time of repeated runs.
//
//   rapport_portable_bench            natively
//   node rapport_portable_bench.js    under node
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

#include "bench_data.h"
#include "engine/holidays.h"
#include "engine/meeting.h"
#include "engine/message.h"
#include "platform/icu_data_source.h"

namespace {
double median_ms(const std::function<void()>& fn, int runs) {
  std::vector<double> t;
  fn();  // warm caches
  for (int i = 0; i < runs; ++i) {
    const auto a = std::chrono::steady_clock::now();
    fn();
    t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}
}  // namespace

int main() {
#ifdef __EMSCRIPTEN__
  if (auto err = rapport::platform::load_icu_data(RAPPORT_ICU_DATA_FILE)) {
#else
  if (auto err = rapport::platform::load_icu_data()) {
#endif
    std::fprintf(stderr, "cannot load ICU data: %s\n", err->c_str());
    return 2;
  }
  const auto& data = rapport::bench::shipped();
  const auto plan = rapport::bench::six_participant_plan();
  std::size_t sink = 0;
  // The first pass pays for ICU's lunisolar conversions, which are then memoised for the process.
  const auto cold_start = std::chrono::steady_clock::now();
  for (const auto& [code, p] : data.profiles())
    for (int y = 2024; y < 2034; ++y) sink += rapport::holidays_in_year(p, y, "*").days.size();
  const double cold = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - cold_start).count();
  const double holidays = median_ms([&] {
    for (const auto& [code, p] : data.profiles())
      for (int y = 2024; y < 2034; ++y) sink += rapport::holidays_in_year(p, y, "*").days.size();
  }, 15);
  const double slots = median_ms([&] { sink += rapport::find_slots(data, plan, 30, 5, 15).size(); }, 31);
  std::printf("all holidays, %zu markets x 10 years: %.2f ms first run, %.2f ms after (median)\n",
              data.profiles().size(), cold, holidays);
  std::printf("slot search, 6 participants x 30 days x 15-minute grid: %.2f ms (median)\n", slots);
  // The message checker: a 2,000-word email checked whole, and again after one keystroke (paragraph cache).
  const std::string text = rapport::bench::long_message(2000);
  const rapport::Profile* pl = data.profile("PL");
  const rapport::Profile* jp = data.profile("JP");
  const double check = median_ms([&] { sink += rapport::check_text(data, text, pl, jp, "en").findings.size(); }, 21);
  rapport::ParagraphCache cache;
  sink += rapport::check_text(data, text, pl, jp, "en", "email", "first", &cache).findings.size();
  std::size_t k = 0;
  const std::size_t at = text.find("Let's touch base");
  const double keystroke = median_ms([&] {
    std::string typed = text;
    typed.insert(at, (k++ % 2) ? "s" : "x");
    sink += rapport::check_text(data, typed, pl, jp, "en", "email", "first", &cache).findings.size();
  }, 101);
  std::printf("message check, 2,000 words (%zu bytes): %.2f ms whole, %.3f ms after a keystroke (median)\n",
              text.size(), check, keystroke);
  return sink == 0 ? 1 : 0;
}
