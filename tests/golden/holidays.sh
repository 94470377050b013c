#!/usr/bin/env bash
# Golden files for holidays: tests/golden/holidays/<CODE>-<YEAR>.txt is the text of `rapport holidays CODE YEAR
# --region '*'` for every market and 2024-2032.
#   holidays.sh check  RAPPORT_CLI   compare (the test; prints a diff and fails on any difference)
#   holidays.sh update RAPPORT_CLI   rewrite them (then review the diff like code)
set -u
mode="$1"; cli="$2"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
fail=0; count=0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for f in "$root"/culture-profiles/[A-Z][A-Z].json; do
  code=$(basename "$f" .json)
  # One run per market; its output is one block per year, each starting with the header line.
  "$cli" holidays "$code" 2024-2032 --region '*' > "$work/all.txt" || { echo "FAIL: rapport holidays $code exited $?"; fail=1; continue; }
  awk -v dir="$work" -v code="$code" '/^[^ ].*: holidays in [0-9][0-9][0-9][0-9]/ { match($0, /[0-9][0-9][0-9][0-9]/); out = dir "/" code "-" substr($0, RSTART, 4) ".txt" } { print > out }' "$work/all.txt"
  for year in 2024 2025 2026 2027 2028 2029 2030 2031 2032; do
    count=$((count + 1))
    name="$code-$year.txt"
    if [ "$mode" = update ]; then
      cp "$work/$name" "$here/holidays/$name"
    elif ! diff -u "$here/holidays/$name" "$work/$name" > "$work/diff" 2>&1; then
      echo "FAIL: $code $year differs from tests/golden/holidays/$name:"; head -30 "$work/diff"; fail=1
    fi
  done
done
[ "$mode" = update ] && echo "wrote $count golden files" || echo "$count golden files compared"
exit $fail
