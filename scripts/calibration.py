#!/usr/bin/env python3
"""Reliability of quote confidences: bins predictions by confidence and compares each bin's mean
confidence with how often its quotes are right (span overlap 0.5 and the scorer's lenient speaker test).

Usage: scripts/calibration.py GOLD.jsonl PRED.jsonl   (prints a table and the expected calibration error)
"""
import json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quote_match import judged  # noqa: E402

gold = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
pred = {d["id"]: d for d in map(json.loads, open(sys.argv[2], encoding="utf-8"))}
points = []
for gd in gold:
    pq = pred.get(gd["id"], {"quotes": []})["quotes"]
    points += [(p["confidence"], ok) for p, (_, ok) in zip(pq, judged(gd, pq))]
bins = [(0, .4), (.4, .5), (.5, .6), (.6, .7), (.7, .8), (.8, .9), (.9, 1.01)]
print(f"{'confidence':>12} {'quotes':>7} {'mean conf':>10} {'right':>7}")
ece = 0.0
for lo, hi in bins:
    b = [(c, ok) for c, ok in points if lo <= c < hi]
    if not b:
        continue
    mc = sum(c for c, _ in b) / len(b)
    acc = sum(ok for _, ok in b) / len(b)
    ece += len(b) / len(points) * abs(mc - acc)
    print(f"{lo:5.2f}-{min(hi, 1):4.2f} {len(b):7d} {mc:10.3f} {acc:7.3f}")
print(f"expected calibration error: {ece:.3f} over {len(points)} quotes")
