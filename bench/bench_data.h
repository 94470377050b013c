// Inputs shared by the benchmarks (native Google Benchmark and the portable WebAssembly harness).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
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
    const auto load_errors = engine.load(platform::read_data_files(RAPPORT_SOURCE_DIR, platform::shipped_data_dirs(), errors));
    for (const auto& e : load_errors) std::fprintf(stderr, "%s\n", e.format().c_str());
    for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
    if (!load_errors.empty() || !errors.empty()) std::exit(3);  // figures from no data would mislead
    return true;
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

/// A realistic business email (bench/long-message.txt, 1,346 words: a project report to a Japanese partner
/// with a few real problems), its body repeated until the message has at least `words` words.
inline std::string long_message(std::size_t words) {
  std::ifstream in(RAPPORT_SOURCE_DIR "/bench/long-message.txt", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string all = ss.str();
  const std::size_t body = all.find("1. Progress"), close = all.find("Once again");
  std::string out = all.substr(0, close);
  auto count = [](const std::string& s) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : s) {
      const bool space = c == ' ' || c == '\n';
      if (!space && !in_word) ++n;
      in_word = !space;
    }
    return n;
  };
  while (count(out) < words) out += all.substr(body, close - body);
  return out + all.substr(close);
}

/// The same length, dense with problems: every paragraph has pressure, an idiom, a date and a time.
inline std::string dense_message(std::size_t words) {
  const std::string para =
      "Dear Mr. Tanaka,\nthank you for the meeting in Osaka last week and for the time your team took to show us the "
      "line. As agreed, we will send the revised quotation with the delivery schedule for the second quarter. Could "
      "you let us know when a decision might be possible? We would be glad to visit again if that helps. Let's touch "
      "base next week and we need your answer by tomorrow, ASAP, on 03/04/2026 at 3pm.\nBest regards,\nDana\n";
  std::string s;
  for (std::size_t n = 0; n < words; n += 75) s += para;
  return s;
}

}  // namespace rapport::bench
