#!/usr/bin/env python3
"""Error analysis for the quote engine: per-rule true/false positives, misses and speaker errors.

Usage: scripts/errors.py GOLD.jsonl PRED.jsonl [--show fp|miss|spk|all] [--rule RULE] [--kind K] [--limit N]
Prints counts per rule, then examples (text is read from GOLD; nothing is written to disk).
"""
import argparse, collections, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "shared", "tools"))
sys.path.insert(0, os.path.join(here, "..", "..", "..", "shared", "tools"))
import score_quotes as sq  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("gold"); ap.add_argument("pred")
ap.add_argument("--show", default="")
ap.add_argument("--rule", default=None)
ap.add_argument("--kind", default=None)
ap.add_argument("--limit", type=int, default=40)
ap.add_argument("--split", action="store_true")
a = ap.parse_args()
gold = [json.loads(l) for l in open(a.gold)]
pred = {d["id"]: d for d in map(json.loads, open(a.pred))}
if a.split:
    gold = sq.split_fragments(gold)
    pred = {d["id"]: d for d in sq.split_fragments(list(pred.values()))}
tp = collections.Counter(); fp = collections.Counter(); spk_bad = collections.Counter()
shown = collections.Counter()

def ctx(text, s, e, w=80):
    return (text[max(0, s - w):s] + "[[" + text[s:e] + "]]" + text[e:e + w]).replace("\n", " ¶ ")

def show(kind, msg):
    if (a.show in (kind, "all")) and shown[kind] < a.limit:
        shown[kind] += 1
        print(f"--- {kind}: {msg}")

for gd in gold:
    text = gd["text"]; pq = pred.get(gd["id"], {"quotes": []})["quotes"]
    toks = sq.token_index(text)
    keep = [g for g in gd["quotes"] if a.kind is None or g["kind"] == a.kind]
    gt = [sq.tokens_in(toks, sq.spans_of(g)) for g in keep]
    pt = [sq.tokens_in(toks, sq.spans_of(p)) for p in pq]
    pairs = []
    for gi in range(len(keep)):
        for pi in range(len(pq)):
            A, B = gt[gi], pt[pi]
            if A and B and len(A & B) / max(len(A), len(B)) >= 0.5:
                pairs.append((2 * len(A & B) / (len(A) + len(B)), gi, pi))
    m = sq.greedy_match(pairs)
    mp = {v: k for k, v in m.items()}
    for pi, p in enumerate(pq):
        r = p.get("rule", "?")
        if a.rule and not r.startswith(a.rule):
            continue
        if pi in mp:
            tp[r] += 1
            g = keep[mp[pi]]
            if sq.has_speaker(g):
                ok, _ = sq.speaker_verdict(g, p, text)
                if not ok:
                    spk_bad[r] += 1
                    gs = [text[s:e] for s, e in g.get("speaker_spans") or []]
                    ps = [text[s:e] for s, e in p.get("speaker_spans") or []]
                    show("spk", f"{r} gold={gs} pred={p.get('speaker')!r} {ps}\n    {ctx(text, p['start'], p['end'])}")
        else:
            # any overlap with a gold?
            best = max(((len(pt[pi] & gt[gi]) / max(1, len(gt[gi])), gi) for gi in range(len(keep))), default=(0, -1))
            if a.kind is None or best[0] == 0 or keep[best[1]]["kind"] == a.kind:
                fp[r] += 1
                extra = ""
                if best[0] > 0:
                    g = keep[best[1]]
                    extra = f"\n    GOLD: {ctx(text, g['start'], g['end'], 0)}"
                show("fp", f"{r}\n    {ctx(text, p['start'], p['end'])}{extra}")
    if a.rule:
        continue
    for gi, g in enumerate(keep):
        if gi in m:
            continue
        cue = g.get("cue"); sp = [text[s:e] for s, e in g.get("speaker_spans") or []]
        near = [p.get("rule") for pi, p in enumerate(pq) if pt[pi] & gt[gi]]
        show("miss", f"{g['kind']} cue={cue!r} src={sp} near={near}\n    {ctx(text, g['start'], g['end'])}")
print("rule\tTP\tFP\tspk_bad")
for r in sorted(set(tp) | set(fp)):
    print(f"{r}\t{tp[r]}\t{fp[r]}\t{spk_bad[r]}")
