#!/usr/bin/env python3
"""Derive cue-word statistics from PolNeAR train (counts only, never text).

For each lower-cased word form: how often it lies inside a gold cue span (n_cue), how often it
occurs at all (n_all), and where the content lies relative to it (after / before).
Usage: scripts/cue_stats.py ../shared/data/quotes/polnear/polnear_train.jsonl [min_count] [min_prec]
"""
import json, re, sys, collections

WORD = re.compile(r"\w+(?:[’'\-.]\w+)*", re.U)
path = sys.argv[1]
min_count = int(sys.argv[2]) if len(sys.argv) > 2 else 8
min_prec = float(sys.argv[3]) if len(sys.argv) > 3 else 0.25
n_all = collections.Counter(); n_cue = collections.Counter(); after = collections.Counter()
for line in open(path, encoding="utf-8"):
    d = json.loads(line)
    t = d["text"]
    cue_tok = {}
    for q in d["quotes"]:
        cs = q.get("cue_spans") or []
        if not cs:
            continue
        cstart = min(s for s, _ in cs)
        after_content = q["start"] >= cstart
        for s, e in cs:
            for m in WORD.finditer(t[s:e]):
                cue_tok[s + m.start()] = after_content
    for m in WORD.finditer(t):
        w = m.group().lower()
        n_all[w] += 1
        if m.start() in cue_tok:
            n_cue[w] += 1
            if cue_tok[m.start()]:
                after[w] += 1
rows = []
for w, c in n_cue.items():
    if c >= min_count and c / n_all[w] >= min_prec:
        rows.append((w, c, n_all[w], after[w]))
rows.sort(key=lambda r: -r[1])
print("# form\tn_cue\tn_all\tprec\tcontent_after")
for w, c, a, af in rows:
    print(f"{w}\t{c}\t{a}\t{c/a:.2f}\t{af/c:.2f}")
