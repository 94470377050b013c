#!/usr/bin/env bash
# README's test command: builds everything and runs every test.
#   native unit tests (debug), the same under ASan + UBSan, the CLI and benchmarks (release, built),
#   the unit tests compiled to WebAssembly and run under node, and the browser tests (Playwright + Chromium).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RAPPORT_ROOT"
bash scripts/deps.sh

declare -a SUITES=()
passed=0; failed=0
run_suite() {  # NAME COMMAND...
  local name="$1"; shift
  log "── $name"
  if "$@"; then SUITES+=("ok      $name"); passed=$((passed + 1)); else SUITES+=("FAILED  $name"); failed=$((failed + 1)); fi
}
build() {  # PRESET
  cmake --preset "$1" >/dev/null && cmake --build --preset "$1"
}
ctest_preset() {  # PRESET
  build "$1" && ctest --preset "$1" -j"$(nproc)" --timeout 300
}

run_suite "unit tests, native"          ctest_preset native
run_suite "unit tests, ASan + UBSan"    ctest_preset native-asan
run_suite "CLI and benchmarks, release" build native-release
run_suite "CLI smoke test"              bash tests/cli/smoke.sh build/native-release/src/cli/rapport
run_suite "unit tests, WebAssembly"     ctest_preset wasm
run_suite "browser tests"               node --test --test-concurrency=1 tests/browser/

echo
printf '%s\n' "${SUITES[@]}"
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
