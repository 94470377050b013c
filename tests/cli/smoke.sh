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

# Profiles, comparison, validation, holidays.
check "profile JP names the market and its ranges" 0 'Japan \(JP\)' "$cli" profile JP
check "compare IL JP ranks directness first" 0 '^1\. Directness: IL' "$cli" compare IL JP
check "compare --format json is JSON" 0 '"frictions"' "$cli" compare US DE --format json
check "an unknown market is a usage error" 2 "no profile for market ‘XX’" "$cli" profile XX
check "the JSON Schema accepts the shipped profiles too" 0 '^40 profiles OK' /usr/bin/python3 "$(dirname "$0")/../../scripts/check_profiles.py"
check "validate accepts the shipped profiles and rule packs" 0 '^[0-9]+ files valid$' "$cli" validate "$(dirname "$0")/../../culture-profiles"
broken="$(dirname "$0")/../profiles/broken"
mkdir -p "$tmp/p"; cp "$broken/10-unknown-time-zone.json" "$tmp/p/AQ.json"
check "validate reports file:line:col and exits 3" 3 'AQ.json:7:7: error: "Antarctica/South_Pole_Station" is not an IANA time zone' "$cli" validate "$tmp/p/AQ.json"
check "holidays JP 2026 has the citizens' holiday" 0 '2026-09-22 Tue' "$cli" holidays JP 2026
check "holidays: Yom Kippur 2026 in Israel" 0 '2026-09-21 Mon  Yom Kippur' "$cli" holidays IL 2026

check "meeting on Yom Kippur names the holiday and exits 1" 1 'Yom Kippur' "$cli" meeting --from IL --to JP,DE --start 2026-09-21T10:00 --tz Asia/Jerusalem --duration 60 --kind first
check "meeting proposes slots" 1 '^  1\. IL  2026-09-2[4-9]' "$cli" meeting --from IL --to JP,DE --start 2026-09-21T10:00 --tz Asia/Jerusalem
check "meeting --format json gives each local start with its offset" 1 '"start": "2026-09-21T16:00:00\+09:00"' "$cli" meeting --from IL --to JP --start 2026-09-21T10:00 --format json
check "a clean meeting exits 0" 0 'No findings' "$cli" meeting --from DE --to FR --start 2026-10-06T10:00 --kind follow_up
check "a bad meeting argument is a usage error" 2 'usage: rapport meeting' "$cli" meeting --from IL --to JP --start tomorrow

# Message checks.
printf 'Dear Mr. Tanaka,\n\nThank you very much for your time last week. We have prepared the revised proposal and attached it.\n\nCould you let us know when it would be convenient to discuss it?\n\nWith best regards,\nDana Levi\n' > "$tmp/polite.txt"
printf 'Hey Hiroshi,\nJust touching base. Let us talk at 3pm, ASAP.\nCheers\n' > "$tmp/blunt.txt"
check "a polite message to Japan comes back clean" 0 'Fit for Japan: 100/100' "$cli" check --from IL --to JP "$tmp/polite.txt"
check "a blunt message to Japan has findings and exits 1" 1 'blunt.txt:2:[0-9]+: (suggestion|warning|problem) en\.' "$cli" check --from IL --to JP "$tmp/blunt.txt"
check "check reads standard input and gives JSON" 1 '"begin_utf16"' sh -c "\"$cli\" check --from IL --to JP --format json - < \"$tmp/blunt.txt\""
printf 'Hallo\xff Herr Weber, kannst du mir das schicken?\n' > "$tmp/bad-utf8.txt"
check "invalid UTF-8 is reported and replaced, never a crash" 1 'invalid UTF-8 sequence' "$cli" check --from US --to DE "$tmp/bad-utf8.txt"
check "the German pack flags du to a first contact" 1 'de\.pronoun' "$cli" check --from US --to DE "$tmp/bad-utf8.txt"

# The iCalendar output parses with a real iCalendar parser and has one event per holiday.
for market in IL JP US CN DE; do
  "$cli" holidays "$market" 2026 --format ics > "$tmp/$market.ics"
  if /usr/bin/python3 - "$tmp/$market.ics" <<'PY'
import sys, icalendar
data = open(sys.argv[1], "rb").read()
assert b"\r\n" in data and all(len(l) <= 75 for l in data.split(b"\r\n")), "lines must be CRLF and folded at 75 octets"
cal = icalendar.Calendar.from_ical(data)
events = [c for c in cal.walk("VEVENT")]
assert events, "no events"
for e in events:
    for field in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
        assert e.get(field) is not None, field + " missing"
    assert e.decoded("DTEND") > e.decoded("DTSTART")
print(len(events))
PY
  then echo "ok: $market 2026 .ics parses"; else echo "FAIL: $market 2026 .ics"; fail=1; fi
done

# A planned meeting as an .ics event: it parses, is in UTC, and names every participant's local time.
"$cli" meeting --from IL --to JP,DE --start 2026-09-21T10:00 --tz Asia/Jerusalem --kind first --format ics > "$tmp/meeting.ics"
if /usr/bin/python3 - "$tmp/meeting.ics" <<'PY'
import sys, datetime, icalendar
data = open(sys.argv[1], "rb").read()
assert b"\r\n" in data and all(len(l) <= 75 for l in data.split(b"\r\n")), "lines must be CRLF and folded at 75 octets"
events = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
assert len(events) == 1, "one event"
e = events[0]
for field in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
    assert e.get(field) is not None, field + " missing"
assert e.decoded("DTSTART") == datetime.datetime(2026, 9, 21, 7, 0, tzinfo=datetime.timezone.utc), e.decoded("DTSTART")
assert e.decoded("DTEND") - e.decoded("DTSTART") == datetime.timedelta(hours=1)
desc = str(e.get("DESCRIPTION"))
assert "16:00–17:00 Asia/Tokyo (UTC+9)" in desc and "09:00–10:00 Europe/Berlin (UTC+2)" in desc, desc
PY
then echo "ok: meeting .ics parses"; else echo "FAIL: meeting .ics"; fail=1; fi
exit $fail
