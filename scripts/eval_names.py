#!/usr/bin/env python3
"""Name shown by the form of the gold mention.

For each gold quote matched to a prediction (overlap@0.5, the scorer's greedy one-to-one match) whose
gold speaker is a proper name, the scorer's `name shown` verdict (the predicted speaker string must
name the gold speaker or one of its aliases), split by the form of the mention the attribution is
made from:

  name     the mention is a proper name ("Peskov", "Foreign Minister Wang Yi")
  nominal  a description ("the spokesman", "the Russian leader")
  pronoun  a personal pronoun ("he", "she")
  none     no gold mention in the quote's sentence (a continued quote, a speaker named earlier)

The gold mention is the last of `speaker_spans` (the diplomacy gold lists a pronoun's or a
description's antecedent first). Uses ../shared/tools/score_quotes.py's own functions, so the
overall figure is the scorer's.

Usage: eval_names.py --shared DIR --bin BIN --out DIR [--detail]
    scores the seed, PolNeAR dev and diplomacy dev, running BIN where OUT/<set>.jsonl is absent
    (scripts/eval.sh writes seed.jsonl and dev.jsonl; diplomacy is always analysed here into OUT/dip.jsonl);
       eval_names.py --shared DIR [--detail] NAME GOLD PRED [NAME GOLD PRED ...]
    scores given predictions. --detail prints each wrong name to stderr (one JSON line each).
"""
import importlib.util
import json
import os
import re
import subprocess
import sys

FORMS = ["name", "nominal", "pronoun", "none"]
PRONOUNS = {"he", "she", "they", "we", "i", "him", "her", "them", "it", "you", "his", "its", "their"}


def load_scorer(tools):
    spec = importlib.util.spec_from_file_location("score_quotes", f"{tools}/score_quotes.py")
    sq = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sq)
    return sq


def sentence_of(text, b):
    """The [start, end) of the sentence around code point b: cut at . ! ? (with closing marks) + space, and at newlines."""
    start = 0
    for m in re.finditer(r"[.!?][\"”’']?\s+|\n", text[:b]):
        start = m.end()
    m = re.search(r"[.!?][\"”’']?\s|\n", text[b:])
    end = b + m.end() if m else len(text)
    return start, end


def form_of(sq, g, text):
    spans = sorted(((int(s), int(e)) for s, e in (g.get("speaker_spans") or [])), key=lambda x: x[0])
    if not spans:
        return "none"
    qs, qe = int(g["start"]), int(g["end"])
    ss, _ = sentence_of(text, qs)
    _, se = sentence_of(text, max(qs, qe - 1))
    # the mention nearest to the quote, among those in its sentence
    inside = [sp for sp in spans if sp[0] < se and sp[1] > ss]
    if not inside:
        return "none"
    s, e = min(inside, key=lambda sp: min(abs(sp[0] - qe), abs(qs - sp[1])))
    words = re.findall(r"\w+", text[s:e].lower())
    if len(words) == 1 and words[0] in PRONOUNS:
        return "pronoun"
    return "name" if sq.is_proper_name(text[s:e]) else "nominal"


def matched(sq, gd, pd, overlap=0.5):
    text = gd["text"]
    toks = sq.token_index(text)
    keep, pq = gd.get("quotes", []), pd.get("quotes", [])
    gtok = [sq.tokens_in(toks, sq.spans_of(g)) for g in keep]
    ptok = [sq.tokens_in(toks, sq.spans_of(p)) for p in pq]
    pairs = []
    for gi, a in enumerate(gtok):
        for pi, b in enumerate(ptok):
            if a and b and len(a & b) / max(len(a), len(b)) >= overlap:
                pairs.append((2 * len(a & b) / (len(a) + len(b)), gi, pi))
    return [(keep[gi], pq[pi]) for gi, pi in sq.greedy_match(pairs).items()]


def score_set(sq, gold_path, pred_path, detail=False):
    gold, pred = sq.read_jsonl(gold_path), {d["id"]: d for d in sq.read_jsonl(pred_path)}
    n = {f: 0 for f in FORMS}
    ok = {f: 0 for f in FORMS}
    for gd in gold:
        pd = pred.get(gd["id"], {"quotes": []})
        for g, p in matched(sq, gd, pd):
            v = sq.name_verdict(g, p)
            if v is None:
                continue
            f = form_of(sq, g, gd["text"])
            n[f] += 1
            ok[f] += v
            if detail and not v:
                spans = [gd["text"][int(s):int(e)] for s, e in (p.get("speaker_spans") or [])]
                print(json.dumps({"doc": gd["id"], "form": f, "gold": g.get("speaker"), "shown": p.get("speaker"),
                                  "pred_mention": spans, "quote": gd["text"][int(g["start"]):int(g["end"])][:80]},
                                 ensure_ascii=False), file=sys.stderr)
    return n, ok


# (name, gold under SHARED, predictions under OUT, whether this script always writes them)
SETS = [("seed", "data/seed/seed.gold.jsonl", "seed.jsonl", False),
        ("polnear dev", "data/quotes/polnear/polnear_dev.jsonl", "dev.jsonl", False),
        ("diplomacy dev", "data/diplomacy/diplomacy_dev.jsonl", "dip.jsonl", True)]


def option(args, name):
    if name not in args:
        return None
    i = args.index(name)
    value = args[i + 1]
    del args[i:i + 2]
    return value


def main():
    args = sys.argv[1:]
    detail = "--detail" in args
    args = [a for a in args if a != "--detail"]
    shared, binary, out = option(args, "--shared"), option(args, "--bin"), option(args, "--out")
    sq = load_scorer(f"{shared}/tools")
    if binary:
        for name, gold, pred, own in SETS:
            gold, pred = f"{shared}/{gold}", f"{out}/{pred}"
            if own or not os.path.exists(pred):
                with open(pred, "w", encoding="utf-8") as fh:
                    subprocess.run([binary, "analyze", "--jsonl", gold], stdout=fh, check=True)
            args += [name, gold, pred]
    print()
    print(f"{'name shown (by gold mention form)':40} {'all':>11} " + " ".join(f"{f:>11}" for f in FORMS))
    for i in range(0, len(args), 3):
        name, gold, pred = args[i:i + 3]
        n, ok = score_set(sq, gold, pred, detail)
        cells = []
        for f in ["all", *FORMS]:
            nn = sum(n.values()) if f == "all" else n[f]
            kk = sum(ok.values()) if f == "all" else ok[f]
            cells.append(f"{kk / nn:.3f} {nn:>5}" if nn else f"{'-':>5} {0:>5}")
        print(f"{name:40} " + " ".join(f"{c:>11}" for c in cells))


if __name__ == "__main__":
    main()
