// The message checker on the keystroke path: a 2,000-word message against every pack, and throughput on a large
// paste. Two kinds of text: a realistic long email (a few problems), and a dense one (problems in every
// paragraph: the worst case for the checker, since every matching rule must then run its full expression).
#include <benchmark/benchmark.h>

#include "bench_data.h"
#include "engine/message.h"
#include "engine/rules.h"

namespace {

std::size_t rule_count(const rapport::DataSet& data) {
  std::size_t n = 0;
  for (const auto* p : data.rule_packs()) n += p->rules.size();
  return n;
}

void BM_Check2000Words(benchmark::State& state) {
  const auto& data = rapport::bench::shipped();
  const std::string text = rapport::bench::long_message(2000);
  for (auto _ : state) {
    benchmark::DoNotOptimize(rapport::check_text(data, text, data.profile("PL"), data.profile("JP"), "en"));
  }
  state.counters["rules"] = static_cast<double>(rule_count(data));
  state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_Check2000Words)->Unit(benchmark::kMillisecond);

// One part of that: the scan of the whole message for the literals of every English expression (the checker
// scans each paragraph once per pack).
void BM_LiteralScan2000Words(benchmark::State& state) {
  const auto& data = rapport::bench::shipped();
  const std::string text = rapport::bench::long_message(2000);
  std::vector<const rapport::LiteralFilter*> filters;
  for (const auto* p : data.rule_packs()) {
    if (p->language == "en" && p->filter) filters.push_back(p->filter.get());
  }
  for (auto _ : state) {
    for (const auto* f : filters) benchmark::DoNotOptimize(f->scan(text));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size() * filters.size()));
}
BENCHMARK(BM_LiteralScan2000Words)->Unit(benchmark::kMicrosecond);

// The same, paragraph by paragraph as the checker scans.
void BM_LiteralScanParagraphs2000Words(benchmark::State& state) {
  const auto& data = rapport::bench::shipped();
  const std::string text = rapport::bench::long_message(2000);
  std::vector<std::string_view> paragraphs;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find("\n\n", at);
    if (end == std::string::npos) end = text.size();
    paragraphs.push_back(std::string_view(text).substr(at, end - at));
    at = end + 2;
  }
  std::vector<const rapport::LiteralFilter*> filters;
  for (const auto* p : data.rule_packs()) {
    if (p->language == "en" && p->filter) filters.push_back(p->filter.get());
  }
  for (auto _ : state) {
    for (const auto* f : filters) {
      for (auto p : paragraphs) benchmark::DoNotOptimize(f->scan(p));
    }
  }
  state.counters["paragraphs"] = static_cast<double>(paragraphs.size());
}
BENCHMARK(BM_LiteralScanParagraphs2000Words)->Unit(benchmark::kMicrosecond);

// What the editor pays per keystroke: the same message, one character typed into one paragraph, checked
// with the paragraph cache the app keeps (the other paragraphs' findings are reused).
void BM_CheckKeystroke2000Words(benchmark::State& state) {
  const auto& data = rapport::bench::shipped();
  const std::string text = rapport::bench::long_message(2000);
  std::vector<std::size_t> ends;  // where each paragraph ends: the keystroke goes there
  for (std::size_t at = text.find("\n\n"); at != std::string::npos; at = text.find("\n\n", at + 2)) ends.push_back(at);
  rapport::ParagraphCache cache;
  (void)rapport::check_text(data, text, data.profile("PL"), data.profile("JP"), "en", "email", "first", &cache);
  std::size_t k = 0;
  for (auto _ : state) {
    std::string typed = text;
    typed.insert(ends[k % ends.size()], k % 2 ? "s" : "x");
    ++k;
    benchmark::DoNotOptimize(
        rapport::check_text(data, typed, data.profile("PL"), data.profile("JP"), "en", "email", "first", &cache));
  }
  state.counters["paragraphs"] = static_cast<double>(ends.size() + 1);
}
BENCHMARK(BM_CheckKeystroke2000Words)->Unit(benchmark::kMillisecond);

void BM_Check2000WordsDense(benchmark::State& state) {
  const auto& data = rapport::bench::shipped();
  const std::string text = rapport::bench::dense_message(2000);
  for (auto _ : state) {
    benchmark::DoNotOptimize(rapport::check_text(data, text, data.profile("IL"), data.profile("JP"), "en"));
  }
}
BENCHMARK(BM_Check2000WordsDense)->Unit(benchmark::kMillisecond);

void BM_CheckThroughput1MB(benchmark::State& state) {
  const auto& data = rapport::bench::shipped();
  const std::string text = rapport::bench::long_message(170000).substr(0, 1024 * 1024);
  for (auto _ : state) {
    // One call checks at most 128 KB (rapport::kMaxCheckedBytes); a caller with more text checks it in parts.
    for (std::size_t at = 0; at < text.size(); at += rapport::kMaxCheckedBytes) {
      benchmark::DoNotOptimize(rapport::check_text(data, std::string_view(text).substr(at, rapport::kMaxCheckedBytes),
                                                   data.profile("PL"), data.profile("JP"), "en"));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_CheckThroughput1MB)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
