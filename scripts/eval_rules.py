#!/usr/bin/env python3
"""Per-rule precision of the quote engine on PolNeAR train and on the diplomacy set.

For each rule id: how many quotes it predicts (n), the share that match a gold item at overlap 0.5 with
the scorer's one-to-one matching (span P), and the share that also have the right speaker by the scorer's
lenient test (e2e P; a gold item without a source counts as right). A rule whose train span precision is
under 0.5 is flagged: it must be fixed, narrowed, or demoted to "unsure" (its calibrated confidence, from
lexicons/rule_confidence.tsv, is then under 0.5 too: the "conf" column shows the engine's mean
confidence on train). The tagger learned on train, so its train figure flatters it.

Usage: scripts/eval_rules.py BIN SHARED OUT   (called by scripts/eval.sh; prints one table)
"""
import collections, json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
from quote_match import judged  # noqa: E402

binary, shared, out = sys.argv[1], sys.argv[2], sys.argv[3]
sets = [
    ("train", os.path.join(shared, "data/quotes/polnear/polnear_train.jsonl")),
    ("diplomacy", os.path.join(shared, "data/diplomacy/diplomacy_dev.jsonl")),
]


def per_rule(gold_path, pred_path):
    gold = [json.loads(l) for l in open(gold_path, encoding="utf-8")]
    pred = {d["id"]: d for d in map(json.loads, open(pred_path, encoding="utf-8"))}
    n, span, right, conf = (collections.Counter() for _ in range(4))
    for gd in gold:
        pq = pred.get(gd["id"], {"quotes": []})["quotes"]
        for p, (span_ok, ok) in zip(pq, judged(gd, pq)):
            r = p.get("rule", "?")
            n[r] += 1
            span[r] += span_ok
            right[r] += ok
            conf[r] += p.get("confidence", 0.0)
    return n, span, right, conf


stats = {}
for name, gold in sets:
    if not os.path.exists(gold):
        print(f"eval_rules: {gold} is absent; skipped")
        continue
    pred = os.path.join(out, f"rules-{name}.jsonl")
    with open(pred, "w", encoding="utf-8") as f:
        subprocess.run([binary, "analyze", "--jsonl", gold], stdout=f, check=True)
    stats[name] = per_rule(gold, pred)

rules = sorted({r for s in stats.values() for r in s[0]})
print()
print(f"{'per-rule precision':28} {'train n':>8} {'span P':>7} {'e2e P':>6} {'conf':>5}   {'dipl n':>6} {'span P':>7} {'e2e P':>6}")


def cells(name, r):
    if name not in stats or not stats[name][0][r]:
        return None
    n, span, right, conf = (c[r] for c in stats[name])
    return n, span / n, right / n, conf / n


for r in rules:
    t = cells("train", r)
    d = cells("diplomacy", r)
    flag = ""
    if t and t[1] < 0.5:
        flag = "  < 0.5 (unsure)" if t[3] < 0.5 else "  < 0.5 !"
    tc = f"{t[0]:8d} {t[1]:7.3f} {t[2]:6.3f} {t[3]:5.2f}" if t else f"{'':8} {'':7} {'':6} {'':5}"
    dc = f"{d[0]:6d} {d[1]:7.3f} {d[2]:6.3f}" if d else f"{0:6d} {'':7} {'':6}"
    print(f"{r:28} {tc}   {dc}{flag}")
