// The calendar engine's two hot paths: every holiday of every market for ten years (the year calendar view and
// golden files), and a slot search (the meeting planner, on every change of the plan).
#include <benchmark/benchmark.h>

#include "bench_data.h"
#include "engine/holidays.h"
#include "engine/meeting.h"

namespace {

void BM_AllHolidaysTenYears(benchmark::State& state) {
  const auto& data = rapport::bench::shipped();
  for (auto _ : state) {
    std::size_t n = 0;
    for (const auto& [code, p] : data.profiles()) {
      for (int y = 2024; y < 2034; ++y) n += rapport::holidays_in_year(p, y, "*").days.size();
    }
    benchmark::DoNotOptimize(n);
  }
}
BENCHMARK(BM_AllHolidaysTenYears)->Unit(benchmark::kMillisecond);

void BM_SlotSearchSixParticipants30Days(benchmark::State& state) {
  const auto& data = rapport::bench::shipped();
  const rapport::MeetingPlan plan = rapport::bench::six_participant_plan();
  for (auto _ : state) benchmark::DoNotOptimize(rapport::find_slots(data, plan, 30, 5, 15));
}
BENCHMARK(BM_SlotSearchSixParticipants30Days)->Unit(benchmark::kMillisecond);

void BM_CheckMeeting(benchmark::State& state) {
  const auto& data = rapport::bench::shipped();
  const rapport::MeetingPlan plan = rapport::bench::six_participant_plan();
  for (auto _ : state) benchmark::DoNotOptimize(rapport::check_meeting(data, plan));
}
BENCHMARK(BM_CheckMeeting)->Unit(benchmark::kMicrosecond);

}  // namespace
