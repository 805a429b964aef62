#!/usr/bin/env python3
"""Regenerate lexicons/tagger_gate.tsv: the "is this an attribution" classifier of the learned tagger's spans.

Trained on PolNeAR train: every span of rule indirect/tagger the engine gives with the gate off
(WHOSAID_TAGGER_GATE=0), labelled 1 when it matches a gold item at overlap 0.5 (the scorer's one-to-one
matching, scripts/quote_match.py). A logistic regression (L2, full-batch gradient descent, fixed
iterations and order: the same data gives the same weights) over the features of
src/quotes/attribution/tagged.rs (`gate_features`, the same definition here: keep both in step); features
seen fewer than MIN_COUNT times are left out. Weights only, rounded to four decimals; no text.

Usage:
  WHOSAID_TAGGER_GATE=0 target/release/whosaid analyze --jsonl ../shared/data/quotes/polnear/polnear_train.jsonl \\
      > /tmp/train-ungated.jsonl
  scripts/make_tagger_gate.py ../shared/data/quotes/polnear/polnear_train.jsonl /tmp/train-ungated.jsonl \\
      > lexicons/tagger_gate.tsv
"""
import collections, json, math, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quote_match import judged  # noqa: E402

MIN_COUNT = 5
ITERATIONS = 1500
RATE = 2.0
L2 = 1e-3
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you"}


def word_at_start(s):
    if not s:
        return "</s>"
    if s[0].isalpha():
        n = 0
        while n < len(s) and s[n].isalpha():
            n += 1
        return s[:n].lower()
    return s[0]


def word_at_end(s):
    if not s:
        return "<s>"
    if s[-1].isalpha():
        n = len(s)
        while n > 0 and s[n - 1].isalpha():
            n -= 1
        return s[n:].lower()
    return s[-1]


def features(text, start, end, speaker):
    body = text[start:end]
    n = len(body.split())
    length = "a" if n <= 4 else "b" if n <= 8 else "c" if n <= 16 else "d"
    spk = "none" if speaker is None else "pronoun" if speaker.lower() in PRONOUNS else "other"
    f = ["bias", "first=" + word_at_start(body), "prev=" + word_at_end(text[:start].rstrip()),
         "next=" + word_at_start(text[end:].lstrip()), "len=" + length, "spk=" + spk]
    if body[:1] in ("“", '"', "«", "'", "‘"):
        f.append("quoted")
    if any(c in body for c in "“”\"«»"):
        f.append("hasquote")
    return f


def examples(gold_path, pred_path):
    gold = [json.loads(l) for l in open(gold_path, encoding="utf-8")]
    pred = {d["id"]: d for d in map(json.loads, open(pred_path, encoding="utf-8"))}
    out = []
    for gd in gold:
        text = gd["text"]
        pq = pred.get(gd["id"], {"quotes": []})["quotes"]
        for p, (span_ok, _) in zip(pq, judged(gd, pq)):
            if p.get("rule") != "indirect/tagger":
                continue
            sp = p.get("speaker_spans") or []
            speaker = text[sp[0][0]:sp[0][1]] if sp else None
            out.append((features(text, p["start"], p["end"], speaker), 1 if span_ok else 0))
    return out


def train(data):
    counts = collections.Counter(f for fs, _ in data for f in fs)
    vocab = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    rows = [([index[f] for f in fs if f in index], y) for fs, y in data]
    w = [0.0] * len(vocab)
    for _ in range(ITERATIONS):
        grad = [L2 * x for x in w]
        for ix, y in rows:
            z = sum(w[i] for i in ix)
            p = 1.0 / (1.0 + math.exp(-z))
            for i in ix:
                grad[i] += (p - y) / len(rows)
        w = [x - RATE * g for x, g in zip(w, grad)]
    return vocab, w


def main():
    data = examples(sys.argv[1], sys.argv[2])
    vocab, w = train(data)
    pos = sum(y for _, y in data)
    print("# feature\tweight")
    print(f"# The tagger gate: a logistic regression over the features of src/quotes/attribution/tagged.rs")
    print(f"# (gate_features), learned on PolNeAR train ({len(data)} tagger spans, {pos} of them attributions) by")
    print("# scripts/make_tagger_gate.py (see its usage). Weights only, no text.")
    for f, x in zip(vocab, w):
        print(f"{f}\t{x:.4f}")


if __name__ == "__main__":
    main()
