// Inputs shared by the benchmarks (native Google Benchmark and the portable WebAssembly harness).
#pragma once

#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/meeting.h"
#include "platform/data_files.h"

namespace rapport::bench {

/// The shipped data, loaded once.
inline const DataSet& shipped() {
  static Engine engine;
  static const bool loaded = [] {
    std::vector<std::string> errors;
    return engine.load(platform::read_data_files(RAPPORT_SOURCE_DIR, platform::shipped_data_dirs(), errors)).empty();
  }();
  (void)loaded;
  return *engine.data();
}

/// Six participants in five time zones, one hour, planned from Tel Aviv.
inline MeetingPlan six_participant_plan() {
  MeetingPlan p;
  p.organiser_market = "IL";
  p.organiser_zone = "Asia/Jerusalem";
  p.date = {2026, 11, 2};
  p.start = 10 * 60;
  p.duration = 60;
  for (const char* code : {"GB", "DE", "IN", "AE", "ZA"}) p.participants.push_back({code, "", ""});
  return p;
}

}  // namespace rapport::bench
