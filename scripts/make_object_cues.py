#!/usr/bin/env python3
"""Regenerate lexicons/object_cues.tsv from PolNeAR train (counts only, no text).

An object cue takes a noun phrase more often than a clause ("endorsed Mr. Trump at a news conference",
"praised Obama after the meeting"): its content is the object, which ends before a subordinate clause or
adjunct ("after", "when", "during"). For each cue lemma of lexicons/cues.tsv the script counts gold indirect
and mixed contents that open a clause (that, to, how, whether …) and those that are a noun phrase, and the
median noun-phrase length. Lemmas seen at least 8 times whose contents are noun phrases three times in four,
with a median of at most 6 words, are object cues.

Usage: scripts/make_object_cues.py ../shared/data/quotes/polnear/polnear_train.jsonl > lexicons/object_cues.tsv
"""
import collections, json, os, statistics, sys

here = os.path.dirname(os.path.abspath(__file__))
form2lemma = {}
for line in open(os.path.join(here, "..", "lexicons", "cues.tsv"), encoding="utf-8"):
    if not line.startswith("#") and line.strip():
        r = line.rstrip("\n").split("\t")
        form2lemma[r[0]] = r[1]
OPENERS = {"that", "to", "how", "why", "what", "whether", "if", "who", "when", "where"}
np_lens = collections.defaultdict(list)
clauses = collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    doc = json.loads(line)
    t = doc["text"]
    for q in doc["quotes"]:
        if q["kind"] == "direct" or len(q["content_spans"]) != 1:
            continue
        lemma = next((form2lemma[w] for w in (q.get("cue") or "").lower().split() if w in form2lemma), None)
        words = t[q["content_spans"][0][0]:q["content_spans"][0][1]].split()
        if lemma is None or not words:
            continue
        if words[0].lower() in OPENERS:
            clauses[lemma] += 1
        else:
            np_lens[lemma].append(len(words))
print("# lemma\tn_np\tn_clause\tmedian_np_words")
print("# Derived from PolNeAR train (840 articles): cue lemmas whose gold contents are noun phrases (n_np) at least")
print("# three times in four against clauses (n_clause), with a median noun-phrase length of at most 6 words.")
print("# Counts only, no text; regenerate with scripts/make_object_cues.py ../shared/data/quotes/polnear/polnear_train.jsonl")
for lemma in sorted(np_lens):
    n, c = len(np_lens[lemma]), clauses[lemma]
    med = statistics.median(np_lens[lemma])
    if n + c >= 8 and n >= 3 * c and med <= 6:
        print(f"{lemma}\t{n}\t{c}\t{med:g}")
