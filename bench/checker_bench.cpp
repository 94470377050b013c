// The message checker on the keystroke path: a 2,000-word message against every pack, and throughput on 1 MB.
#include <benchmark/benchmark.h>

#include "bench_data.h"
#include "engine/message.h"

namespace {

// A realistic business email, repeated to the length wanted.
std::string message_of_words(std::size_t words) {
  const std::string para =
      "Dear Mr. Tanaka,\nthank you for the meeting in Osaka last week and for the time your team took to show us the "
      "line. As agreed, we will send the revised quotation with the delivery schedule for the second quarter. Could "
      "you let us know when a decision might be possible? We would be glad to visit again if that helps. Let's touch "
      "base next week and we need your answer by tomorrow, ASAP, on 03/04/2026 at 3pm.\nBest regards,\nDana\n";
  std::string s;
  std::size_t n = 0;
  while (n < words) {
    s += para;
    n += 75;
  }
  return s;
}

void BM_Check2000Words(benchmark::State& state) {
  const auto& data = rapport::bench::shipped();
  const std::string text = message_of_words(2000);
  for (auto _ : state) {
    benchmark::DoNotOptimize(rapport::check_text(data, text, data.profile("IL"), data.profile("JP"), "en"));
  }
  state.counters["rules"] = static_cast<double>([&] {
    std::size_t n = 0;
    for (const auto* p : data.rule_packs()) n += p->rules.size();
    return n;
  }());
}
BENCHMARK(BM_Check2000Words)->Unit(benchmark::kMillisecond);

void BM_CheckThroughput1MB(benchmark::State& state) {
  const auto& data = rapport::bench::shipped();
  const std::string text = message_of_words(170000).substr(0, 500 * 1024);  // the most one call checks
  for (auto _ : state) {
    benchmark::DoNotOptimize(rapport::check_text(data, text, data.profile("IL"), data.profile("JP"), "en"));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_CheckThroughput1MB)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
