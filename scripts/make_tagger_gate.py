#!/usr/bin/env python3
"""Regenerate lexicons/tagger_gate.tsv: the "is this an attribution" classifier of the learned tagger's spans.

Trained on PolNeAR train: every span of rule indirect/tagger the engine gives with the gate off
(WHOSAID_TAGGER_GATE=0), labelled 1 when it matches a gold item at overlap 0.5 (the scorer's one-to-one
matching, scripts/quote_match.py). A logistic regression (L2, full-batch gradient descent, fixed
iterations and order: the same data gives the same weights) over the features of
src/quotes/attribution/tagged.rs (`gate_features`, the same definition here: keep both in step); features
seen fewer than MIN_COUNT times are left out. Weights only, rounded to four decimals; no text.

With --kfold K (stderr): the classifier is also trained K times on K-1 of K folds of the train documents
(document i in fold i mod K) and judged on the held-out fold; for each threshold it prints the held-out
precision and recall of the kept spans (recall: of the tagger's spans that are attributions), the share of
kept spans whose speaker is also right, and the train F1 of all kinds that the engine would reach with the
held-out decisions (the other rules' train predictions as they are). The engine's threshold
(MIN_ATTRIBUTION_PROBABILITY in tagged.rs) is the one of best held-out F1.

Usage:
  WHOSAID_TAGGER_GATE=0 target/release/whosaid analyze --jsonl ../shared/data/quotes/polnear/polnear_train.jsonl \\
      > /tmp/train-ungated.jsonl
  scripts/make_tagger_gate.py [--kfold 5] ../shared/data/quotes/polnear/polnear_train.jsonl \\
      /tmp/train-ungated.jsonl > lexicons/tagger_gate.tsv
"""
import argparse, collections, json, math, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from quote_match import judged  # noqa: E402

MIN_COUNT = 10
ITERATIONS = 800
RATE = 2.0
L2 = 1e-2
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you"}
WORD = re.compile(r"[^\W\d_]+")


def load_cues():
    """form → (lemma, class), from lexicons/cues.tsv (as the engine's lexicon reads it)."""
    cues = {}
    for line in open(os.path.join(HERE, "..", "lexicons", "cues.tsv"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        r = line.split("\t")
        if len(r) >= 3:
            cues[r[0]] = (r[1], r[2])
    return cues


CUES = load_cues()


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


def bucket(n):
    return "a" if n <= 4 else "b" if n <= 8 else "c" if n <= 16 else "d"


MARGIN_SCALE = 16.0  # tagged.rs squash_margin: with the gate off, confidence = 1 / (1 + e^(-margin / 16))


def margin_of(confidence):
    c = min(max(confidence, 1e-9), 1 - 1e-9)
    return MARGIN_SCALE * math.log(c / (1 - c))


def features(text, start, end, speaker, margin):
    """`speaker`: (start, end) of the speaker phrase, or None; `margin`: the tagger's mean margin."""
    body = text[start:end]
    n = len(body.split())
    words = [w.lower() for w in WORD.findall(body)]
    f = ["bias", "first=" + word_at_start(body), "prev=" + word_at_end(text[:start].rstrip()),
         "next=" + word_at_start(text[end:].lstrip()), "len=" + bucket(n),
         "last=" + (words[-1] if words else "-")]
    if speaker is None:
        f += ["spk=none"]
    else:
        s = text[speaker[0]:speaker[1]]
        form = "pronoun" if s.lower() in PRONOUNS else "other"
        f.append("spk=" + form)
        # where the speaker is, how far, and the first cue word between it and the span
        if speaker[1] <= start:
            pos, gap = "before", text[speaker[1]:start]
        elif speaker[0] >= end:
            pos, gap = "after", text[end:speaker[0]]
        else:
            pos, gap = "inside", ""
        gw = [w.lower() for w in WORD.findall(gap)]
        f += ["spkpos=" + pos, "spkgap=" + pos + bucket(len(gw)), "spkform=" + form + pos]
        cue = next((CUES[w] for w in gw if w in CUES), None)
        f += ["cue=" + (cue[0] if cue else "-"), "cuecls=" + pos + (cue[1] if cue else "-")]
    before = text[:start].rstrip(" \t")
    if not before or before.endswith("\n"):
        f.append("parastart")
    if body[-1:] in (".", "?", "!"):
        f.append("endstop")
    if body[:1] in ("“", '"', "«", "'", "‘"):
        f.append("quoted")
    if any(c in body for c in "“”\"«»"):
        f.append("hasquote")
    f.append("tm=%d" % min(max(math.floor((margin - 20.0) / 4.0), -1), 6))
    return f


def examples(gold_path, pred_path):
    """Per document: [(features, span right, speaker right too)], and the document's other counts."""
    gold = [json.loads(l) for l in open(gold_path, encoding="utf-8")]
    pred = {d["id"]: d for d in map(json.loads, open(pred_path, encoding="utf-8"))}
    docs = []
    for gd in gold:
        text = gd["text"]
        pq = pred.get(gd["id"], {"quotes": []})["quotes"]
        ex, other_n, other_ok = [], 0, 0
        for p, (span_ok, ok) in zip(pq, judged(gd, pq)):
            if p.get("rule") != "indirect/tagger":
                other_n += 1
                other_ok += span_ok
                continue
            sp = p.get("speaker_spans") or []
            speaker = tuple(sp[0]) if sp else None
            ex.append((features(text, p["start"], p["end"], speaker, margin_of(p["confidence"])), 1 if span_ok else 0, 1 if ok else 0))
        docs.append((ex, other_n, other_ok, len(gd["quotes"])))
    return docs


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
    return dict(zip(vocab, w))


def prob(w, fs):
    return 1.0 / (1.0 + math.exp(-sum(w.get(f, 0.0) for f in fs)))


def platt(held):
    """a, b of sigmoid(a z + b), z the held-out logit, fitted to whether span and speaker are both right
    (full-batch gradient descent, fixed iterations)."""
    a, b = 1.0, 0.0
    zs = [(math.log(p / (1 - p)), ok) for p, _, ok in held]
    for _ in range(2000):
        ga = gb = 0.0
        for z, ok in zs:
            q = 1.0 / (1.0 + math.exp(-(a * z + b)))
            ga += (q - ok) * z / len(zs)
            gb += (q - ok) / len(zs)
        a, b = a - 0.5 * ga, b - 0.5 * gb
    return a, b


def kfold(docs, k):
    held = []  # (p, span ok, speaker ok) of every tagger span, from the model that did not see its document
    for fold in range(k):
        tr = [(fs, y) for i, d in enumerate(docs) if i % k != fold for fs, y, _ in d[0]]
        w = train(tr)
        held += [(prob(w, fs), y, ok) for i, d in enumerate(docs) if i % k == fold for fs, y, ok in d[0]]
    n_gold = sum(d[3] for d in docs)
    other_n = sum(d[1] for d in docs)
    other_ok = sum(d[2] for d in docs)
    pos = sum(y for _, y, _ in held)
    err = sys.stderr
    print(f"k-fold ({k}, by document) on train: {len(held)} tagger spans, {pos} attributions; "
          f"others {other_n} predictions, {other_ok} right; {n_gold} gold", file=err)
    print(f"{'threshold':>9} {'kept':>5} {'P':>6} {'R':>6} {'spk ok':>6} {'train P':>7} {'train R':>7} "
          f"{'train F1':>8}", file=err)
    best = (0.0, -1.0)
    for t in [0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 1.01]:
        kept = [(y, ok) for p, y, ok in held if p >= t]
        tp = sum(y for y, _ in kept)
        ok = sum(o for _, o in kept)
        tn, tt = other_n + len(kept), other_ok + tp
        P, R = tt / tn, tt / n_gold
        f1 = 2 * P * R / (P + R)
        best = max(best, (f1, t), key=lambda x: x[0])
        print(f"{t:9.2f} {len(kept):5d} {tp / max(1, len(kept)):6.3f} {tp / max(1, pos):6.3f} "
              f"{ok / max(1, len(kept)):6.3f} {P:7.3f} {R:7.3f} {f1:8.3f}", file=err)
    print(f"best held-out train F1 at threshold {best[1]:.2f}", file=err)
    print("calibration (held-out): p range, spans, share attributions, share with the right speaker too", file=err)
    for lo in [0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]:
        hi = lo + (0.2 if lo == 0.0 else 0.1) if lo < 0.7 else 1.01
        b = [(y, ok) for p, y, ok in held if lo <= p < hi]
        if b:
            print(f"  [{lo:.1f}, {hi:.1f}) {len(b):5d} {sum(y for y, _ in b) / len(b):6.3f} "
                  f"{sum(o for _, o in b) / len(b):6.3f}", file=err)
    a, b = platt(held)
    conf = [1.0 / (1.0 + math.exp(-(a * math.log(p / (1 - p)) + b))) for p, _, _ in held]
    print(f"confidence (span and speaker right) = sigmoid({a:.4f} z + {b:.4f}); held-out mean {sum(conf) / len(conf):.3f}"
          f", max {max(conf):.3f}, share under 0.5 {sum(c < 0.5 for c in conf) / len(conf):.3f}", file=err)
    return a, b


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kfold", type=int, default=0)
    ap.add_argument("gold")
    ap.add_argument("pred")
    a = ap.parse_args()
    docs = examples(a.gold, a.pred)
    calib = kfold(docs, a.kfold) if a.kfold > 1 else None
    data = [(fs, y) for d in docs for fs, y, _ in d[0]]
    w = train(data)
    pos = sum(y for _, y in data)
    print("# feature\tweight")
    print("# The tagger gate: a logistic regression over the features of src/quotes/attribution/tagged.rs")
    print(f"# (gate_features), learned on PolNeAR train ({len(data)} tagger spans, {pos} of them attributions) by")
    print("# scripts/make_tagger_gate.py (see its usage). Weights only, no text.")
    if calib:
        print("# @calibration_a, @calibration_b: a tagger quote's confidence is sigmoid(a z + b), z the gate's logit,")
        print(f"# fitted on {a.kfold}-fold held-out spans of train to whether span and speaker are both right.")
        print(f"@calibration_a\t{calib[0]:.4f}")
        print(f"@calibration_b\t{calib[1]:.4f}")
    for f in sorted(w):
        print(f"{f}\t{w[f]:.4f}")


if __name__ == "__main__":
    main()
