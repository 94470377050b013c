// `rapport`: the native command line face of the engine.
//
// [SECTION] Start-up: ICU data, data files, catalog
// [SECTION] Commands
// [SECTION] main
#include <cstdio>
#include <cstring>
#include <functional>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"
#include "engine/version.h"
#include "platform/data_files.h"
#include "platform/icu_data_source.h"

namespace {

// Exit codes: 0 ok, 1 the check found problems (later commands), 2 usage error, 3 bad data, 4 internal error.
constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;
constexpr int kExitData = 3;
constexpr int kExitInternal = 4;

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Start-up: ICU data, data files, catalog
// ---------------------------------------------------------------------------------------------------------
struct Context {
  rapport::Engine engine;
  std::string data_dir = RAPPORT_DATA_DIR;
  std::string tr(std::string_view key, std::initializer_list<rapport::MessageArg> args = {}) const {
    return engine.data()->text("en", key, args);
  }
};

int load_data(Context& ctx) {
  std::vector<std::string> io_errors;
  auto files = rapport::platform::read_data_files(ctx.data_dir, rapport::platform::shipped_data_dirs(), io_errors);
  for (const auto& e : io_errors) std::cerr << "rapport: " << e << '\n';
  if (files.empty()) {
    std::cerr << "rapport: no data files found in " << ctx.data_dir << " (use --data DIR)\n";
    return kExitData;
  }
  if (auto errors = ctx.engine.load(files); !errors.empty()) {
    std::cerr << rapport::format_errors(errors);
    return kExitData;
  }
  return kExitOk;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Commands
// ---------------------------------------------------------------------------------------------------------
int cmd_version(Context& ctx) {
  const auto v = rapport::version_info();
  std::cout << ctx.tr("cli.version.line", {{"rapport", v.rapport}, {"icu", v.icu}, {"unicode", v.unicode},
                                           {"tzdata", v.tzdata}})
            << '\n';
  return kExitOk;
}

int cmd_help(Context& ctx) {
  std::cout << ctx.tr("cli.help.text", {{"version", rapport::version_info().rapport}}) << '\n';
  return kExitOk;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// [SECTION] main
// ---------------------------------------------------------------------------------------------------------
int main(int argc, char** argv) {
  if (auto err = rapport::platform::load_icu_data()) {
    std::cerr << "rapport: internal error: " << *err << '\n';
    return kExitInternal;
  }
  Context ctx;
  std::vector<std::string_view> args(argv + 1, argv + argc);
  // Global options come first.
  while (!args.empty() && args.front() == "--data") {
    if (args.size() < 2) {
      std::cerr << "rapport: --data needs a directory\n";
      return kExitUsage;
    }
    ctx.data_dir = std::string(args[1]);
    args.erase(args.begin(), args.begin() + 2);
  }
  if (int rc = load_data(ctx); rc != kExitOk) return rc;

  if (args.empty() || args.front() == "--help" || args.front() == "-h" || args.front() == "help") return cmd_help(ctx);
  if (args.front() == "--version" || args.front() == "version") return cmd_version(ctx);

  std::cerr << ctx.tr("cli.error.unknown_command", {{"command", args.front()}}) << '\n';
  return kExitUsage;
}
