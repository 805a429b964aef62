#!/usr/bin/env python3
"""How the popup's unsure fold splits the statements (issue 14), on held-out rates: each statement gets
the rate of its type and path counted on the other folds (5 folds by document, as
make_statement_confidence.py does), then for each threshold the statements listed (rate >= threshold)
and the ones folded as unsure, with how often each part is right end to end (span + accepted type + actor)
and the rate the fold's tooltip would promise (their mean held-out rate). `DEFAULT_UNSURE_STATEMENT_BELOW`
in src/display.rs is chosen from this table.

Usage:
  target/release/whosaid analyze --jsonl ../shared/data/diplomacy/diplomacy_dev.jsonl > /tmp/dip.jsonl
  scripts/unsure_fold_rates.py ../shared/data/diplomacy/diplomacy_dev.jsonl /tmp/dip.jsonl [THRESHOLD ...]
"""
import os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_statement_confidence as M  # noqa: E402


def main(argv):
    if not os.path.isdir(M.SHARED_TOOLS):
        print('unsure_fold_rates: ../shared is absent; nothing to do')
        return 0
    sys.path.insert(0, M.SHARED_TOOLS)
    import score_statements as S
    gold, pred = S.read(argv[0]), S.read(argv[1])
    ths = [float(x) for x in argv[2:]] or [0.45, 0.5, 0.55, 0.6, 0.65]
    items = M.judged(gold, pred)
    docs = sorted(gold)
    random.Random(7).shuffle(docs)
    fold = {d: i % 5 for i, d in enumerate(docs)}
    held = []
    for f in range(5):
        n, r = M.rates([it for it in items if fold[it[0]] != f])
        held += [(M.confidence(n, r, it[1]), it[2]) for it in items if fold[it[0]] == f]
    print('%d statements, right end to end %.3f (all listed)' % (len(held), sum(ok for _, ok in held) / len(held)))
    for th in ths:
        lo = [(p, ok) for p, ok in held if p < th]
        hi = [ok for p, ok in held if p >= th]
        rate = lambda xs: sum(xs) / len(xs) if xs else float('nan')
        print('below %.2f: listed %3d right %.3f | unsure %3d right %.3f, tooltip rate %.3f'
              % (th, len(hi), rate(hi), len(lo), rate([ok for _, ok in lo]), rate([p for p, _ in lo])))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
