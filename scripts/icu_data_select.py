#!/usr/bin/env python3
"""Reads ICU data item names (one per line, as `icupkg -l` prints them) on stdin and prints those to REMOVE,
according to the keep/drop rules in the file given as the first argument (see scripts/icu-data-keep.txt)."""
import re
import sys


def load_rules(path):
    langs, ui, rules = [], [], []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            word, _, rest = line.partition(" ")
            if word == "languages":
                langs = rest.split()
            elif word == "ui-languages":
                ui = rest.split()
            elif word in ("keep", "drop") and rest:
                rules.append((word == "keep", rest.strip()))
            else:
                sys.exit(f"{path}:{n}: expected 'languages', 'ui-languages', 'keep GLOB' or 'drop GLOB'")
    return langs, ui, rules


def glob_to_regex(glob):
    """'*' and '?' stay inside one path segment; [...] is a character class."""
    out, i = [], 0
    while i < len(glob):
        c = glob[i]
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = glob.index("]", i)
            out.append(glob[i : j + 1])
            i = j
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def matcher(glob, langs, ui):
    """A predicate for one glob; {LANG}/{UI} match a language and every locale of it."""
    rx = glob_to_regex(glob)
    for macro, values in (("{LANG}", langs), ("{UI}", ui)):
        alt = "(?:" + "|".join(re.escape(v) for v in values) + ")(?:_[A-Za-z0-9]+)*"
        rx = rx.replace(re.escape(macro), alt)
    compiled = re.compile("^" + rx + "$")
    return lambda item: bool(compiled.match(item))


def main():
    langs, ui, rules = load_rules(sys.argv[1])
    preds = [(keep, matcher(g, langs, ui)) for keep, g in rules]
    for item in (l.strip() for l in sys.stdin):
        if not item:
            continue
        keep = False
        for k, pred in preds:
            if pred(item):
                keep = k
        if not keep:
            print(item)


if __name__ == "__main__":
    main()
