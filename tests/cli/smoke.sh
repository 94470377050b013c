#!/usr/bin/env bash
# The CLI as a user runs it: exit codes and output of --version, --help, a bad command and bad data.
set -u
cli="$1"
fail=0
check() {  # DESCRIPTION EXPECTED_EXIT PATTERN COMMAND...
  local what="$1" want="$2" pattern="$3"; shift 3
  local out rc
  out=$("$@" 2>&1); rc=$?
  if [ "$rc" != "$want" ] || ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL: $what (exit $rc, want $want; output: $out)"; fail=1
  else
    echo "ok: $what"
  fi
}
check "--version names Rapport, ICU and the tz data" 0 '^Rapport [0-9.]+ \(ICU 72\.1, Unicode 15\.0, time zone data 20[0-9]{2}[a-z]\)$' "$cli" --version
check "--help shows usage" 0 'Usage: rapport' "$cli" --help
check "an unknown command is a usage error" 2 "unknown command ‘frobnicate’" "$cli" frobnicate
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/i18n"; printf '{\n  "ui.app.title": 42\n}\n' > "$tmp/i18n/en.json"
check "bad data gives file:line:col and exit 3" 3 'i18n/en.json:2:3: error: a message must be a string \[at /ui.app.title\]' "$cli" --data "$tmp" --version
check "an empty data directory is reported" 3 'no data files found' "$cli" --data "$tmp/nothing" --version
exit $fail
