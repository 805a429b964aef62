#!/usr/bin/env python3
"""The engine's statement typing on typed-polnear: every typed attribution of PolNeAR train (2,100, labelled
as one of the seven statement types or `none`) against what the whole engine (rules, lexicons and the learned
typer together) says about the same content.

For each typed item the gold quote is `polnear_train.jsonl`'s quote number `index` of document `doc`. The
engine's verdict is the statement whose span shares the most word tokens with the quote's content (at least
half of the statement's own tokens, or half of the content's); `none` when no statement does. Items whose
content no engine quote overlaps at all are counted apart (the quote was missed: not a typing error).

PolNeAR train is development data (rules and the typer were built from it): these are development figures,
for error analysis. Usage: scripts/eval_typing.py BIN [SHARED] [OUT] [--pred ENGINE_OUTPUT.jsonl] [--confusion]
  [--by-rule] [--errors GOLD:PRED (either may be *)] [--rule RULE_ID_PREFIX] [--show N] [--dump FILE]
(--dump: one JSON line per typed item with the quote found: its uid, label, `also`, the engine's type and rule.)
(--pred: the engine's scorer lines on polnear_train.jsonl, e.g. make eval's .eval/rules-train.jsonl; without
it the engine is run into OUT/train.jsonl.)
"""
import collections
import json
import os
import re
import subprocess
import sys

LABELS = ['demand', 'threat', 'commitment', 'rejection', 'denial', 'accusation', 'position', 'none']
WORD = re.compile(r"\w+")


def words(text, start, end):
    return {(m.start() + start) for m in WORD.finditer(text[start:end])}


def main(argv):
    args = [a for i, a in enumerate(argv)
            if not a.startswith('--') and not (i and argv[i - 1] in ('--pred', '--errors', '--rule', '--show', '--dump'))]
    binary = args[0] if args else 'target/release/whosaid'
    shared = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared')
    out = args[2] if len(args) > 2 else '.eval'
    typed = os.path.join(shared, 'data', 'statements', 'typed-polnear', 'typed_polnear_train.jsonl')
    train = os.path.join(shared, 'data', 'quotes', 'polnear', 'polnear_train.jsonl')
    if not (os.path.exists(typed) and os.path.exists(train)):
        print('eval_typing: typed-polnear is absent (%s); skipped' % typed)
        return 0
    errors = None
    if '--errors' in argv:
        errors = tuple(argv[argv.index('--errors') + 1].split(':'))
    rule_filter = argv[argv.index('--rule') + 1] if '--rule' in argv else None
    show = int(argv[argv.index('--show') + 1]) if '--show' in argv else 20
    os.makedirs(out, exist_ok=True)
    pred_file = argv[argv.index('--pred') + 1] if '--pred' in argv else os.path.join(out, 'train.jsonl')
    if '--pred' not in argv and (not os.path.exists(pred_file)
                                 or os.path.getmtime(pred_file) < os.path.getmtime(binary)):
        with open(pred_file, 'w') as o:
            subprocess.run([binary, 'analyze', '--jsonl', train], stdout=o, check=True)
    docs = {}
    for line in open(train, encoding='utf-8'):
        d = json.loads(line)
        docs[d['id']] = d
    preds = {}
    for line in open(pred_file, encoding='utf-8'):
        p = json.loads(line)
        preds[p['id']] = p
    cm = collections.Counter()
    by_rule = collections.defaultdict(lambda: [0, 0])
    missed = 0
    shown = 0
    items = [json.loads(l) for l in open(typed, encoding='utf-8')]
    dump = open(argv[argv.index('--dump') + 1], 'w', encoding='utf-8') if '--dump' in argv else None
    for it in items:
        d, p = docs[it['doc']], preds[it['doc']]
        text = d['text']
        g = d['quotes'][it['index']]
        gw = set()
        for s, e in g['content_spans']:
            gw |= words(text, s, e)
        if not any(words(text, q['start'], q['end']) & gw for q in p['quotes']):
            missed += 1
            continue
        best, best_n = None, 0
        for s in p['statements']:
            sw = words(text, s['start'], s['end'])
            n = len(sw & gw)
            if n and (2 * n >= len(sw) or 2 * n >= len(gw)) and n > best_n:
                best, best_n = s, n
        pred = best['type'] if best else 'none'
        if dump:
            dump.write(json.dumps({'uid': it['uid'], 'label': it['label'], 'also': it['also'], 'pred': pred,
                                   'rule': best['rule'] if best else None}) + '\n')
        cm[(it['label'], pred)] += 1
        ok = pred == it['label'] or pred in it['also']
        if best:
            parts = best['rule'].split('/')
            by_rule[(best['type'], parts[-1] if len(parts) > 2 else 'act')][ok] += 1
        if rule_filter and best and best['rule'].startswith(rule_filter) and shown < show:
            shown += 1
            print('%s %s -> %s [%s] %s | %s | %s' % ('ok ' if ok else 'BAD', it['label'], pred, best['rule'], it['source'],
                                                   it['cue'], it['content'][:140].replace('\n', ' ')))
        if errors and not ok and (errors[0] in ('*', it['label'])) and (errors[1] in ('*', pred)) and shown < show:
            shown += 1
            rule = best['rule'] if best else '-'
            print('%s -> %s [%s] %s | %s | %s' % (it['label'], pred, rule, it['source'], it['cue'],
                                                it['content'][:160].replace('\n', ' ')))
    n = sum(cm.values())
    acc = sum(v for (g, p), v in cm.items() if g == p) / n
    f1s = []
    for l in LABELS:
        tp = cm[(l, l)]
        fp = sum(v for (g, p), v in cm.items() if p == l and g != l)
        fn = sum(v for (g, p), v in cm.items() if g == l and p != l)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    # a reader's view: of the statements shown with a type other than position, how many have that type
    typed_pred = sum(v for (g, p), v in cm.items() if p not in ('position', 'none'))
    typed_ok = sum(v for (g, p), v in cm.items() if p not in ('position', 'none') and g == p)
    if errors or rule_filter:
        return 0
    print('typed-polnear through the engine (PolNeAR train, development data): %d typed items, %d with the quote found'
          % (len(items), n))
    print('  accuracy %.3f  macro-F1 %.3f  precision of the non-position types %.3f (%d)  quotes missed %d'
          % (acc, sum(f1s) / len(f1s), typed_ok / typed_pred if typed_pred else 0, typed_pred, missed))
    print('  F1 ' + ' '.join('%s %.2f' % (l, f) for l, f in zip(LABELS, f1s)))
    if '--confusion' in argv:
        print('  %-11s' % '' + ''.join('%6s' % l[:5] for l in LABELS))
        for g in LABELS:
            print('  %-11s' % g + ''.join('%6d' % cm[(g, p)] for p in LABELS))
    if '--by-rule' in argv:
        print('  %-28s %5s %6s' % ('type/path', 'n', 'right'))
        for k, (bad, good) in sorted(by_rule.items(), key=lambda kv: -sum(kv[1])):
            print('  %-28s %5d %6.2f' % ('/'.join(k), bad + good, good / (bad + good)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
