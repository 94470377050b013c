#!/usr/bin/env python3
"""Writes the corpus of broken culture profiles (tests/profiles/broken/NN-name.json): each is the valid fixture
fixture/AQ.json with one mistake a person editing a profile could make. With --golden RAPPORT_CLI it also writes
broken/expected.txt, the errors `rapport validate` gives for each file: review that diff like code.

    tests/profiles/make_broken.py [--golden build/native/src/cli/rapport]
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = open(os.path.join(HERE, "fixture/AQ.json"), encoding="utf-8").read()

# (name, old text, new text): old must occur exactly once in the fixture.
CASES = [
    ("syntax-missing-comma", '"locale": "en-AQ",', '"locale": "en-AQ"'),
    ("syntax-trailing-comma", '"sources": ["fixture"] }\n  },\n  "decisions"', '"sources": ["fixture"] },\n  },\n  "decisions"'),
    ("duplicate-key", '"locale": "en-AQ",', '"locale": "en-AQ",\n  "locale": "en-US",'),
    ("unknown-field", '"reviewed": "2026-11-22",', '"reviewed": "2026-11-22",\n  "colour": "blue",'),
    ("unknown-field-typo", '"rationale": "Fixture.", "sources": ["fixture"] },\n    "formality"',
     '"rationle": "Fixture.", "sources": ["fixture"] },\n    "formality"'),
    ("missing-required-field", '  "reviewed": "2026-11-22",\n', ''),
    ("range-wrong-type", '"range": [7, 9]', '"range": "7-9"'),
    ("range-out-of-scale", '"range": [7, 9]', '"range": [7, 11]'),
    ("range-reversed", '"range": [7, 9]', '"range": [9, 7]'),
    ("unknown-time-zone", '"Antarctica/McMurdo"', '"Antarctica/South_Pole_Station"'),
    ("two-main-zones", '{ "zone": "Antarctica/Troll" }', '{ "zone": "Antarctica/Troll", "main": true }'),
    ("unknown-locale", '"locale": "en-AQ"', '"locale": "qq-AQ"'),
    ("language-not-bcp47", '"languages": ["en"]', '"languages": ["english"]'),
    ("code-does-not-match-file", '"code": "AQ"', '"code": "AR"'),
    ("date-does-not-exist", '"reviewed": "2026-11-22"', '"reviewed": "2026-02-30"'),
    ("time-not-hh-mm", '"start": "09:00"', '"start": "9am"'),
    ("span-ends-before-start", '"lunch": { "start": "12:30", "end": "13:30" }', '"lunch": { "start": "13:30", "end": "12:30" }'),
    ("unknown-weekday", '"days": ["mon", "tue", "wed", "thu", "fri"]', '"days": ["mon", "tue", "wed", "thu", "friday"]'),
    ("working-weeks-overlap", '{ "to": "2021-12-31", "days"', '{ "days"'),
    ("unknown-calendar", '"calendar": "easter"', '"calendar": "julian"'),
    ("hebrew-month-typo", '"month": "tishri"', '"month": "tishrei"'),
    ("day-not-in-month", '"month": 1, "day": 1 }', '"month": 2, "day": 30 }'),
    ("weekday-without-nth", '"weekday": "thu", "nth": 4', '"weekday": "thu"'),
    ("islamic-not-estimated", '"days": 3, "estimated": true,', '"days": 3,'),
    ("days-and-end", '"kind": "period", "impact": "reduced",', '"kind": "period", "impact": "reduced", "days": 2,'),
    ("table-date-in-wrong-year", '"2025": "2025-10-20"', '"2025": "2024-10-20"'),
    ("duplicate-holiday-id", '"id": "equinox"', '"id": "new-year"'),
    ("field-for-another-calendar", '"calendar": "easter", "offset": -2', '"calendar": "easter", "month": 4, "offset": -2'),
    ("unlisted-source", '"date": { "calendar": "easter", "offset": -2 }, "source": "fixture"',
     '"date": { "calendar": "easter", "offset": -2 }, "source": "fixtures"'),
    ("uncited-source", '"fixture": { "title"', '"unused": { "title": "Never cited" },\n    "fixture": { "title"'),
    ("bad-enum-value", '"kind": "observance", "impact": "normal"', '"kind": "observance", "impact": "shut"'),
    ("enum-typo", '"id": "harvest", "name": { "en": "Harvest Day" }, "kind": "public"',
     '"id": "harvest", "name": { "en": "Harvest Day" }, "kind": "pubic"'),
    ("ad-label-missing", '"ad_label": { "text": "[AD]", "where": "start of the subject" },\n', ''),
    ("pronouns-missing", '"pronouns": null,\n', ''),
    ("empty-string", '"humour": "Fixture."', '"humour": "  "'),
    ("url-without-scheme", '"title": "Synthetic test data', '"url": "www.example.org", "title": "Synthetic test data'),
    ("move-of-zero-days", '{ "if": "sun", "shift": 1 }', '{ "if": "sun", "shift": 0 }'),
    ("number-where-string", '"regulator": "Fixture Authority"', '"regulator": 42'),
]


def main():
    out_dir = os.path.join(HERE, "broken")
    for f in os.listdir(out_dir):
        if f.endswith(".json"):
            os.remove(os.path.join(out_dir, f))
    names = []
    for n, (name, old, new) in enumerate(CASES, 1):
        assert FIXTURE.count(old) == 1, f"{name}: {old!r} occurs {FIXTURE.count(old)} times"
        file = f"{n:02d}-{name}.json"
        with open(os.path.join(out_dir, file), "w", encoding="utf-8") as f:
            f.write(FIXTURE.replace(old, new))
        names.append(file)
    # Two that no text replacement makes: bytes that are not UTF-8, and a document that is not an object.
    extra = [("invalid-utf8.json", FIXTURE.encode("utf-8").replace(b"Testland", b"Test\xff\xfeland")),
             ("not-an-object.json", b"[]\n")]
    for i, (name, data) in enumerate(extra, len(CASES) + 1):
        file = f"{i:02d}-{name}"
        with open(os.path.join(out_dir, file), "wb") as f:
            f.write(data)
        names.append(file)
    print(f"wrote {len(names)} broken profiles")
    if len(sys.argv) == 3 and sys.argv[1] == "--golden":
        lines = []
        for file in names:
            # validate wants the file named like a profile: run it on a copy called AQ.json.
            tmp = os.path.join(out_dir, "..", "AQ.json")
            with open(os.path.join(out_dir, file), "rb") as src, open(tmp, "wb") as dst:
                dst.write(src.read())
            r = subprocess.run([sys.argv[2], "validate", tmp], capture_output=True, text=True)
            os.remove(tmp)
            for line in r.stderr.splitlines():
                if line.startswith(tmp):
                    lines.append(file + line[len(tmp):])
        with open(os.path.join(out_dir, "expected.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print(f"wrote broken/expected.txt ({len(lines)} errors)")


if __name__ == "__main__":
    main()
