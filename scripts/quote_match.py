"""The scorer's one-to-one matching of predicted and gold quotes, for the scripts that judge single quotes
(make_rule_confidence.py, calibration.py). Imports ../shared/tools/score_quotes.py."""
import os, sys

here = os.path.dirname(os.path.abspath(__file__))
for d in ("../../shared/tools", "../../../shared/tools"):
    sys.path.insert(0, os.path.join(here, d))
import score_quotes as sq  # noqa: E402


def judged(gold_doc, pred_quotes):
    """For each predicted quote of one document: (matched a gold item at overlap 0.5, and with the right
    speaker by the scorer's lenient test; a gold item without a source counts as right)."""
    text = gold_doc["text"]
    toks = sq.token_index(text)
    gt = [sq.tokens_in(toks, sq.spans_of(g)) for g in gold_doc["quotes"]]
    pt = [sq.tokens_in(toks, sq.spans_of(p)) for p in pred_quotes]
    pairs = [(2 * len(a & b) / (len(a) + len(b)), gi, pi) for gi, a in enumerate(gt) for pi, b in enumerate(pt)
             if a and b and len(a & b) / max(len(a), len(b)) >= 0.5]
    match = {pi: gi for gi, pi in sq.greedy_match(pairs).items()}
    out = []
    for pi, p in enumerate(pred_quotes):
        g = gold_doc["quotes"][match[pi]] if pi in match else None
        out.append((g is not None, g is not None and (not sq.has_speaker(g) or sq.speaker_verdict(g, p, text)[0])))
    return out
