#!/usr/bin/env python3
"""Regenerate lexicons/rule_confidence.tsv: how often each quote rule is right on PolNeAR train.

For every rule id and whether the quote's speaker resolved to an actor (named / unnamed), the script
counts the engine's predictions on train (n_pred), those that match a gold item at overlap 0.5 with the
scorer's one-to-one matching (n_span), and those that also have the right speaker by the scorer's lenient
test (n_right; a gold item without a source counts as right). The engine reports
(n_right + 1) / (n_pred + 2) as a quote's confidence when n_pred is at least 10. Counts only, no text.

Usage:
  target/release/whosaid analyze --jsonl ../shared/data/quotes/polnear/polnear_train.jsonl > /tmp/train.jsonl
  scripts/make_rule_confidence.py ../shared/data/quotes/polnear/polnear_train.jsonl /tmp/train.jsonl \\
      > lexicons/rule_confidence.tsv
"""
import collections, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quote_match import judged  # noqa: E402

gold = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
pred = {d["id"]: d for d in map(json.loads, open(sys.argv[2], encoding="utf-8"))}
n = collections.Counter()
hit = collections.Counter()
right = collections.Counter()
for gd in gold:
    pq = pred.get(gd["id"], {"quotes": []})["quotes"]
    for p, (span_ok, ok) in zip(pq, judged(gd, pq)):
        # the tagger learned on train: its train record would flatter it; it keeps its fixed confidence
        if p.get("rule") == "indirect/tagger":
            continue
        key = (p.get("rule", "?"), "named" if p.get("speaker") else "unnamed")
        n[key] += 1
        hit[key] += span_ok
        right[key] += ok
print("# rule\tspeaker\tn_pred\tn_span\tn_right")
print("# Derived from the engine's predictions on PolNeAR train (840 articles): n_pred quotes of the rule, n_span")
print("# of them matching a gold item (overlap 0.5), n_right also with the right speaker. Counts only, no text;")
print("# regenerate with")
print("# scripts/make_rule_confidence.py (see its usage). speaker: named = resolved to an actor.")
for key in sorted(n):
    print(f"{key[0]}\t{key[1]}\t{n[key]}\t{hit[key]}\t{right[key]}")
