#!/usr/bin/env python3
"""Checks culture profiles against culture-profiles/profile.schema.json plus the cross-field rules the schema cannot
say (file name = code, one main zone, zones exist, cited sources exist, ranges ordered). A quick check for people
editing profiles; the engine's loader (rapport validate) is the authority and checks more.

    scripts/check_profiles.py [FILE...]      (default: every culture-profiles/XX.json)
"""
import glob
import json
import os
import sys

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def walk_sources(node, path, out):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("sources",) and isinstance(v, list):
                out.extend((f"{path}/{k}", s) for s in v)
            elif k == "source" and isinstance(v, str):
                out.append((f"{path}/{k}", v))
            else:
                walk_sources(v, f"{path}/{k}", out)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk_sources(v, f"{path}/{i}", out)


def ranges(node, path, out):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("range", "lead_time_days", "email_hours", "first_meeting_minutes", "schedule_ahead_days") \
                    and isinstance(v, list) and len(v) == 2 and v[0] > v[1]:
                out.append(f"{path}/{k}: low {v[0]} is above high {v[1]}")
            ranges(v, f"{path}/{k}", out)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            ranges(v, f"{path}/{i}", out)


def check(path, validator):
    errors = []
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except Exception as e:  # noqa: BLE001
        return [f"{path}: {e}"]
    for e in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
        errors.append(f"{path}: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
    if not isinstance(doc, dict):
        return errors
    code = os.path.basename(path)[:-5]
    if doc.get("code") != code:
        errors.append(f"{path}: /code: {doc.get('code')!r} does not match the file name {code}.json")
    zones = doc.get("time_zones", [])
    if sum(1 for z in zones if isinstance(z, dict) and z.get("main")) != 1:
        errors.append(f"{path}: /time_zones: exactly one zone must have \"main\": true")
    for i, z in enumerate(zones):
        if isinstance(z, dict) and not os.path.isfile(os.path.join("/usr/share/zoneinfo", z.get("zone", "?"))):
            errors.append(f"{path}: /time_zones/{i}/zone: unknown IANA zone {z.get('zone')!r}")
    cited = []
    walk_sources({k: v for k, v in doc.items() if k != "sources"}, "", cited)
    known = set(doc.get("sources", {}).keys())
    for where, sid in cited:
        if sid not in known:
            errors.append(f"{path}: {where}: source {sid!r} is not in /sources")
    unused = known - {s for _, s in cited}
    for sid in sorted(unused):
        errors.append(f"{path}: /sources/{sid}: never cited")
    ids = [h.get("id") for h in doc.get("holidays", []) if isinstance(h, dict)]
    for d in sorted({i for i in ids if ids.count(i) > 1}):
        errors.append(f"{path}: /holidays: id {d!r} is used twice")
    ranges(doc, "", errors)
    # Rules of the engine's loader that the schema does not express.
    for i, h in enumerate(doc.get("holidays", [])):
        if not isinstance(h, dict):
            continue
        d = h.get("date", {})
        where = f"{path}: /holidays/{i}"
        if d.get("calendar", "").startswith("islamic") and not h.get("estimated"):
            errors.append(f"{where}/estimated: an Islamic-calendar date must have \"estimated\": true")
        if "days" in h and "end" in h:
            errors.append(f"{where}/end: give \"days\" or \"end\", not both")
        if d.get("calendar") == "gregorian" and "weekday" in d:
            if sum(1 for k in ("nth", "on_or_after", "on_or_before") if d.get(k)) != 1:
                errors.append(f"{where}/date: with weekday, give exactly one of nth, on_or_after, on_or_before")
            if "day" in d:
                errors.append(f"{where}/date/day: not with weekday")
        allowed = {"gregorian": {"month", "day", "weekday", "nth", "on_or_after", "on_or_before"},
                   "easter": set(), "orthodox_easter": set(), "hebrew": {"month", "day"},
                   "islamic-umalqura": {"month", "day"}, "islamic-civil": {"month", "day"},
                   "chinese": {"month", "day"}, "dangi": {"month", "day"}, "solar_term": {"term"}, "table": {"dates"}}
        for key in ("date", "end"):
            rule = h.get(key)
            if isinstance(rule, dict) and rule.get("calendar") in allowed:
                extra = set(rule) - allowed[rule["calendar"]] - {"calendar", "offset"}
                for k in sorted(extra):
                    errors.append(f"{where}/{key}/{k}: does not apply to calendar {rule['calendar']}")
        for m, mv in enumerate(h.get("moves", [])):
            if isinstance(mv, dict) and mv.get("shift") == 0:
                errors.append(f"{where}/moves/{m}/shift: a move of 0 days does nothing")
    weeks = doc.get("working_time", {}).get("weeks", [])
    for a in range(len(weeks)):
        for b in range(a + 1, len(weeks)):
            wa, wb = weeks[a], weeks[b]
            disjoint = (wa.get("to") and wb.get("from") and wa["to"] < wb["from"]) or \
                       (wb.get("to") and wa.get("from") and wb["to"] < wa["from"])
            if not disjoint:
                errors.append(f"{path}: /working_time/weeks/{b}: dates overlap week {a}: give each a from/to range")
    return errors


def main():
    with open(os.path.join(ROOT, "culture-profiles/profile.schema.json"), encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, "culture-profiles/[A-Z][A-Z].json")))
    errors = [e for p in files for e in check(p, validator)]
    print("\n".join(errors) if errors else f"{len(files)} profiles OK")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
