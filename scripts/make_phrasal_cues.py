#!/usr/bin/env python3
"""Regenerate lexicons/phrasal_cues.tsv from PolNeAR train (counts only, no text).

A phrasal cue is a word that is no cue on its own, followed by a particle or preposition, that together
lie inside gold cue spans: "talked about", "points out", "critical of", "questions about". The script
counts, for each such two-word form, its occurrences inside gold cue spans (n_cue) and in all train text
(n_all), and keeps forms seen at least 4 times as a cue with n_cue / n_all of at least 0.4. Reflexives
("himself from") are left out. The engine takes the speaker before the form (the subject, through "is"
and adverbs, or a possessor: "his criticism of") and the content after it.

Usage: scripts/make_phrasal_cues.py ../shared/data/quotes/polnear/polnear_train.jsonl > lexicons/phrasal_cues.tsv
"""
import collections, json, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
single = set()
for line in open(os.path.join(here, "..", "lexicons", "cues.tsv"), encoding="utf-8"):
    if not line.startswith("#") and line.strip():
        single.add(line.split("\t")[0])
PARTICLES = {"about", "of", "for", "on", "to", "against", "with", "out", "up", "over", "at", "in", "into", "from"}
REFLEXIVE = {"himself", "herself", "themselves", "itself", "myself", "ourselves"}
WORD = re.compile(r"[a-z’']+|[^\sa-z’']")
docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
n_cue = collections.Counter()
for doc in docs:
    for q in doc["quotes"]:
        words = (q.get("cue") or "").lower().replace("’", "'").split()
        for a, b in zip(words, words[1:]):
            if b in PARTICLES and re.fullmatch(r"[a-z]+", a) and a not in single and a not in REFLEXIVE:
                n_cue[(a, b)] += 1
wanted = {k for k, n in n_cue.items() if n >= 4}
n_all = collections.Counter()
for doc in docs:
    words = WORD.findall(doc["text"].lower().replace("’", "'"))
    for k in zip(words, words[1:]):
        if k in wanted:
            n_all[k] += 1
print("# word\tparticle\tn_cue\tn_all")
print("# Derived from PolNeAR train (840 articles): two-word cues whose first word is no cue alone. n_cue = inside")
print("# a gold cue span, n_all = all occurrences. Counts only, no text; regenerate with scripts/make_phrasal_cues.py")
for k in sorted(wanted, key=lambda k: (-n_cue[k] / max(1, n_all[k]), k)):
    if n_all[k] and n_cue[k] / n_all[k] >= 0.4:
        print(f"{k[0]}\t{k[1]}\t{n_cue[k]}\t{n_all[k]}")
