#!/usr/bin/env python3
"""Quick check of message rule packs (culture-profiles/rules/*.json) for people writing rules: fields, kinds,
regular expressions (compiled with Python's re, close to ICU's for the syntax rules use), and every example run
through a Python model of the rule kinds. The engine's own loader is the authority (rapport validate).

    scripts/check_rules.py [FILE...]
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {"phrase", "pattern", "unsoftened", "greeting", "no_greeting", "sign_off", "pronoun", "metric", "date_format",
         "time_zone", "commercial"}
CATEGORIES = {"directness", "pressure", "formality", "greeting", "address", "pronoun", "ambiguity", "idiom", "jargon",
              "judgement", "passive-aggressive", "mass-message", "holiday-greeting", "compliance", "style"}
DIMS = {"directness", "negative_feedback", "formality", "hierarchy", "trust", "decision_style", "decision_speed",
        "scheduling", "disagreement", "none"}
FIELDS = {"id", "kind", "category", "dimension", "severity", "when", "why", "fix", "replacement", "examples", "source",
          "phrases", "replacements", "pattern", "case_sensitive", "unless", "greetings", "informal", "metric", "max",
          "detect", "requires"}
WORD = r"[\w\u0590-\u05FF]"


def phrase_regex(p):
    parts = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in p.split()]
    return r"(?<!" + WORD + r")" + r"\s+".join(parts) + r"(?!" + WORD + r")"


def spans(rule, text):
    """(start, end) of each finding, as the engine computes them (closely enough for examples)."""
    flags = 0 if rule.get("case_sensitive") else re.I
    kind = rule["kind"]
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    out = []
    def find(pattern, s, offset=0):
        for m in re.finditer(pattern, s, flags):
            g = 1 if m.re.groups >= 1 and m.group(1) is not None else 0
            out.append((offset + m.start(g), offset + m.end(g)))
    if kind == "phrase":
        for p in rule["phrases"]:
            find(phrase_regex(p), text)
    elif kind == "pattern":
        find(rule["pattern"], text)
    elif kind == "unsoftened":
        if not any(re.search(u, text, re.I) for u in rule["unless"]):
            find(rule["pattern"], text)
    elif kind == "greeting" and lines:
        find(rule["pattern"], lines[0][1], lines[0][0])
    elif kind == "no_greeting" and lines:
        if not any(re.match(g, lines[0][1].strip(), re.I) for g in rule["greetings"]):
            out.append((lines[0][0], lines[0][0] + len(lines[0][1])))
    elif kind == "sign_off":
        for off, line in lines[-3:]:
            find(rule["pattern"], line, off)
    elif kind == "pronoun":
        for p in rule["informal"]:
            find(phrase_regex(p), text)
    elif kind == "metric":
        m, mx = rule["metric"], rule["max"]
        if m == "exclamations":
            marks = [x.start() for x in re.finditer("!", text)]
            out += [(s, s + 1) for s in marks[mx:]]
        elif m == "caps_words":
            words = [x for x in re.finditer(r"\b[A-Z]{4,}\b", text) if x.group() not in {"ASAP", "CEST", "AEST", "AEDT", "GDPR", "TBD", "TBC", "FYI", "BTW", "LMK", "IMHO", "AFAIK", "IIRC", "HTTP", "HTTPS", "JSON", "HTML"}]
            out += [(x.start(), x.end()) for x in words[mx:]]
        elif m == "sentence_words":
            for x in re.finditer(r"[^.!?\n]+[.!?]?", text):
                if len(x.group().split()) > mx:
                    out.append((x.start() + len(x.group()) - len(x.group().lstrip()), x.end()))
        elif m == "message_words":
            if len(text.split()) > mx:
                out.append((0, len(text)))
        elif m == "emoji":
            e = [x.start() for x in re.finditer("[\U0001F300-\U0001FAFF\u2600-\u27BF]", text)]
            out += [(s, s + 1) for s in e[mx:]]
    elif kind == "date_format":
        for x in re.finditer(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})\b", text):
            if int(x.group(1)) <= 12 and int(x.group(2)) <= 12 and x.group(1) != x.group(2):
                out.append((x.start(), x.end()))
    elif kind == "time_zone":
        for x in re.finditer(r"\b(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?(?:am|pm)\b|\b(?:[01]?\d|2[0-3]):[0-5]\d\b", text, re.I):
            after = text[x.end():x.end() + 12]
            if not re.match(r"\s*\(?(?:[A-Z]{2,5}T|UTC|GMT|your time|my time|local time|CET|IST|JST)", after, re.I):
                out.append((x.start(), x.end()))
    elif kind == "commercial":
        if any(re.search(d, text, re.I) for d in rule["detect"]) and lines:
            out.append((lines[0][0], lines[0][0] + len(lines[0][1])))  # the model assumes the requirement is unmet
    return out


def check(path):
    errors = []
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        return [f"{path}: {e}"]
    for key in doc:
        if key not in ("language", "description", "rules"):
            errors.append(f"{path}: /{key}: unknown field")
    ids = set()
    for i, r in enumerate(doc.get("rules", [])):
        w = f"{path}: /rules/{i} ({r.get('id', '?')})"
        for k in r:
            if k not in FIELDS:
                errors.append(f"{w}: unknown field {k}")
        for k in ("id", "kind", "category", "dimension", "severity", "why", "fix", "examples", "source"):
            if k not in r:
                errors.append(f"{w}: missing {k}")
        if r.get("id") in ids:
            errors.append(f"{w}: duplicate id")
        ids.add(r.get("id"))
        if not re.fullmatch(r"[a-z]{2}\.[a-z0-9-]+\.[a-z0-9.-]+", r.get("id", "")):
            errors.append(f"{w}: id must be <language>.<category>.<name>")
        if r.get("kind") not in KINDS:
            errors.append(f"{w}: unknown kind {r.get('kind')}")
            continue
        if r.get("category") not in CATEGORIES:
            errors.append(f"{w}: unknown category {r.get('category')}")
        if r.get("dimension") not in DIMS:
            errors.append(f"{w}: unknown dimension {r.get('dimension')}")
        if r.get("severity") not in ("suggestion", "warning", "problem"):
            errors.append(f"{w}: bad severity")
        for k in ("pattern",):
            if k in r:
                try:
                    re.compile(r[k])
                except re.error as e:
                    errors.append(f"{w}: pattern does not compile: {e}")
        ex = r.get("examples", {})
        if not ex.get("flag") or not ex.get("pass"):
            errors.append(f"{w}: needs flag and pass examples")
            continue
        try:
            for e in ex["flag"]:
                if e.count("«") != 1 or e.count("»") != 1:
                    errors.append(f"{w}: flag example needs exactly one «marked» span: {e!r}")
                    continue
                a = e.index("«")
                b = e.index("»") - 1
                text = e.replace("«", "").replace("»", "")
                got = spans(r, text)
                if (a, b) not in got:
                    errors.append(f"{w}: example not flagged at the marked span: {e!r} (found {[text[s:t] for s, t in got]})")
            for e in ex["pass"]:
                got = spans(r, e)
                if got:
                    errors.append(f"{w}: pass example flagged: {e!r} at {[e[s:t] for s, t in got]}")
        except (re.error, KeyError) as e:
            errors.append(f"{w}: {e}")
    return errors


def main():
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, "culture-profiles/rules/*.json")))
    errors = [e for f in files for e in check(f)]
    rules = 0
    for f in files:
        try:
            rules += len(json.load(open(f, encoding="utf-8")).get("rules", []))
        except ValueError:
            pass  # reported above
    print("\n".join(errors) if errors else f"{len(files)} packs, {rules} rules OK")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
