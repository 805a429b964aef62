#!/usr/bin/env python3
"""Regenerate lexicons/content_stops.tsv from PolNeAR train (counts only, no text).

For every punctuation + lower-case word context (", which", "— a", ", while") the script counts how often a gold
indirect or mixed content ends right before it (n_stop) and how often a gold content runs through it
(n_through). The quote engine ends a clause at a context whose stop share n_stop / (n_stop + n_through)
is more than one half. Stops before an inverted cue (", he said") are not counted: the engine finds those
itself, and counting them would make ", he" look like the end of a content.

Usage: scripts/make_content_stops.py ../shared/data/quotes/polnear/polnear_train.jsonl > lexicons/content_stops.tsv
"""
import collections, json, re, sys

MIN_SUPPORT = 8
# punctuation token, then the next word; spaced hyphens are dashes
CONTEXT = re.compile(r"\s*(,|;|—|–|\s-\s)\s*([\w’'.]+)")
SAID = re.compile(r"\b(said|says|say|told|tells|added|adds|wrote|writes|according|noted|argued|explained)\b", re.I)
INSIDE = re.compile(r"(,|;|—|–|\s-\s)\s*([\w’'.]+)")


def key(p, w):
    p = p.strip() or "-"
    return ("—" if p == "–" else p), w.lower().rstrip(".")


stop = collections.Counter()
through = collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    doc = json.loads(line)
    t = doc["text"]
    for q in doc["quotes"]:
        if q["kind"] == "direct":
            continue
        for a, b in q["content_spans"]:
            m = CONTEXT.match(t, b, min(len(t), b + 40))
            # ", he said" / ", officials said": an inverted cue, which the engine finds on its own
            inverted = m and SAID.search(" ".join(t[m.start(2):].split()[:4]))
            if m and m.group(2)[:1].islower() and not inverted:
                stop[key(m.group(1), m.group(2))] += 1
            for m in INSIDE.finditer(t, a, b):
                if m.group(2)[:1].islower():
                    through[key(m.group(1), m.group(2))] += 1

print("# punct\tword\tn_stop\tn_through")
print("# Derived from PolNeAR train (840 articles): n_stop = gold indirect/mixed contents that end right before")
print("# the context, n_through = gold contents that run through it. Contexts seen at least "
      f"{MIN_SUPPORT} times with a stop share")
print("# of at least 0.4 are kept (the engine stops at a share of 0.5 or more). Counts only, no text;")
print("# regenerate with scripts/make_content_stops.py ../shared/data/quotes/polnear/polnear_train.jsonl")
rows = []
for k in set(stop) | set(through):
    s, c = stop[k], through[k]
    if s + c >= MIN_SUPPORT and s / (s + c) >= 0.4:
        rows.append((-s / (s + c), -s, k, s, c))
for _, _, (p, w), s, c in sorted(rows):
    print(f"{p}\t{w}\t{s}\t{c}")
