// Which rules a check spends its time in: the long realistic message (bench/long-message.txt, 2,000 words) and
// the dense one, checked with one rule at a time turned on; prints the costliest rules first. A tool for rule
// authors (a rule that costs more than a few tens of microseconds here needs a literal it can be found by).
//   rapport_rule_costs [N]   (N rules listed, default 20)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "bench_data.h"
#include "engine/message.h"
#include "engine/rules.h"
#include "platform/icu_data_source.h"

namespace {

double median_ms(const rapport::DataSet& data, const std::string& text, const rapport::CheckOptions& options) {
  std::vector<double> times;
  for (int i = 0; i < 7; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    auto report = rapport::check_text(data, text, data.profile("PL"), data.profile("JP"), options);
    const auto t1 = std::chrono::steady_clock::now();
    (void)report;
    times.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (auto err = rapport::platform::load_icu_data()) {
    std::fprintf(stderr, "cannot load ICU data: %s\n", err->c_str());
    return 2;
  }
  const int shown = argc > 1 ? std::atoi(argv[1]) : 20;
  const auto& data = rapport::bench::shipped();
  std::vector<std::string> ids;
  for (const auto* p : data.rule_packs()) {
    for (const auto& r : p->rules) ids.push_back(r.id);
  }
  for (const auto& [name, text] : {std::pair<const char*, std::string>{"long", rapport::bench::long_message(2000)},
                                   {"dense", rapport::bench::dense_message(2000)}}) {
    rapport::CheckOptions options;
    options.language = "en";
    const double all = median_ms(data, text, options);
    options.disabled_rules = std::set<std::string>(ids.begin(), ids.end());
    const double none = median_ms(data, text, options);
    std::vector<std::pair<double, std::string>> costs;
    for (const auto& id : ids) {
      options.disabled_rules.erase(id);
      costs.push_back({median_ms(data, text, options) - none, id});
      options.disabled_rules.insert(id);
    }
    std::sort(costs.rbegin(), costs.rend());
    // What any check pays once some rule is on (the text in UTF-16 and folded, the one scan for literals): the
    // median single rule's figure (most rules are found by a rare literal and cost next to nothing on their
    // own). Each rule's own cost is what it adds to that.
    const double floor = costs[costs.size() / 2].first;
    double sum = 0;
    int over = 0;
    for (auto& c : costs) {
      c.first = std::max(0.0, c.first - floor);
      sum += c.first;
      over += c.first > 0.01;
    }
    std::printf("%s message (%zu bytes): all rules %.3f ms; no rule %.3f ms; shared cost %.3f ms; "
                "rules' own costs %.3f ms in all, %d rules over 10 us\n",
                name, text.size(), all, none, floor, sum, over);
    for (int i = 0; i < shown && i < static_cast<int>(costs.size()); ++i) {
      std::printf("  %8.3f ms  %s\n", costs[i].first, costs[i].second.c_str());
      const rapport::Rule* rule = nullptr;
      const rapport::RulePack* pack = nullptr;
      for (const auto* p : data.rule_packs()) {
        for (const auto& r : p->rules) {
          if (r.id == costs[i].second) {
            rule = &r;
            pack = p;
          }
        }
      }
      if (!rule || !pack->filter) continue;
      const auto hits = pack->filter->scan(text);  // (over the whole text: the checker scans each paragraph)
      // Why it costs: the literals each expression is found by, and how many places it is tried at.
      for (const auto& x : rule->patterns) {
        std::size_t places = 0;
        for (const auto& st : hits.starts(x.re.get()).value_or(std::vector<rapport::LiteralFilter::Start>{})) {
          places += st.to - st.from + 1;
        }
        std::printf("             %zu literals (+%zu more sets), max prefix %d, %zu places, %s:",
                    x.literals.strings.size(), x.literals.also.size(), x.literals.max_prefix, places,
                    hits.may_match(x.re.get()) ? "runs" : "skipped");
        auto list = [](const rapport::Literals& l) {
          for (std::size_t k = 0; k < l.strings.size() && k < 10; ++k) std::printf(" %s/%d", l.strings[k].c_str(), l.prefixes[k]);
          if (l.strings.size() > 10) std::printf(" ...");
          std::printf("\n");
        };
        list(x.literals);
        for (const auto& also : x.literals.also) {
          std::printf("               and:");
          list(also);
        }
      }
    }
  }
}
