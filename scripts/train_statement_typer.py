#!/usr/bin/env python3
"""The learned statement typer: a multinomial logistic regression over (source, cue, content) features,
trained on typed-polnear (2,100 PolNeAR train attributions typed as the seven statement types or `none`).

Usage: scripts/train_statement_typer.py [--export [K]] [--k K] [--unit U] [--power P] [--epochs N] [--quiet] | --predict
  reads ../shared/data/statements/typed-polnear/typed_polnear_train.jsonl; prints 5-fold (folds by document)
  held-out accuracy, macro-F1 over the eight labels and the confusion matrix; with --export, trains on all
  of it and writes the K heaviest features (default and shipped: 600; --k K sets K for the folds and overrides --export K) to
  lexicons/statement_typer.tsv in integer units of 1/U (default and shipped: 20), the model the
  engine ships (src/statements/typer.rs computes the same features in Rust and scores them); --predict
  prints the shipped model's label for every item (the Rust parity test reads it). --power P: the class
  weights' exponent (default 0.5; 1.0, fully balanced, gave 0.561 / 0.437, 0.75 gave 0.601 / 0.468).

Python 3 standard library only; deterministic (seeded shuffles, fixed rounding, rows sorted by feature).
Without ../shared it says so and exits 0. No third-party text is written: the export holds feature names
(words and lexicon ids) and weights only.

Features (keep in step with src/statements/typer.rs):
  * tokens: the text lower-cased, ’ as ', split at every character that is neither alphanumeric nor an
    apostrophe, apostrophes stripped from both ends of a piece, empty pieces dropped;
  * lexicon hits: a row of lexicons/statements_cameo.tsv or statements_constructions.tsv whose form (tokenized
    the same way) occurs as a token sequence;
  * bias `b`;
  * source: `s:<last token>`; `s:pron` when it is a pronoun;
  * cue: `c:<tokens joined by _>` (or `c:-` when it has none), `cw:<token>`, `cl:<row id>`, `ct:<row type>`;
  * content: the lead = its tokens without a leading `that`; `l1:<lead0>`, `l2:<lead0>_<lead1>`,
    `inf` when the content starts with `to`; `w:<token>` for every distinct token; `kl:<row id>` and
    `kt:<type>_<class>` for every lexicon hit, `k0:<type>_<class>` for one starting in the first 4 lead
    tokens; `m:<modal>` and `m0:<modal>` (first 6 lead tokens) for the modality words; `neg` for a token
    ending in n't; `pm:<person>_<modal>` for a pronoun followed within 2 tokens by a modal;
    `q` when it ends in a question mark, `num` for a token with a digit, `len:<bucket>`, `dq` when it opens with
    a quotation mark;
  * wrongdoing words (lexicons/neg_eval.txt): `ne` when a content token is one, `nec:<last cue token>` and
    `necap` (with `cap`) beside it, `ne0` for one in the first 6 lead tokens; `cap` when a piece of the
    content after its first, in its own case, starts with a capital letter and is not "I" (a party named).
"""
import json, math, os, random, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..')
DATA = os.path.join(ROOT, '..', 'shared', 'data', 'statements', 'typed-polnear', 'typed_polnear_train.jsonl')
OUT = os.path.join(ROOT, 'lexicons', 'statement_typer.tsv')
# Exported weights (rounded to 1/WEIGHT_UNIT by prune) are written as integers in units of 1/WEIGHT_UNIT (the @unit row).
WEIGHT_UNIT = 20
LABELS = ['demand', 'threat', 'commitment', 'rejection', 'denial', 'accusation', 'position', 'none']
MODALS = ['must', 'should', 'will', 'would', "'ll", 'shall', 'can', 'could', 'may', 'might', 'need', 'needs',
          'have', 'has', 'going', 'not', 'never', 'no', 'if', 'unless', 'or', 'until', 'cannot']
PRONOUNS = {'i': '1', 'we': '1', 'you': '2', 'he': '3', 'she': '3', 'they': '3', 'it': '3'}
SOURCE_PRONOUNS = {'i', 'we', 'you', 'he', 'she', 'they', 'it', 'him', 'her', 'them', 'who'}
QUOTE_MARKS = '"\'“”‘’«»„'
NEG_EVAL_FILE = os.path.join(ROOT, 'lexicons', 'neg_eval.txt')


def tokens(s):
    out = []
    for piece in split_pieces(s.lower().replace('’', "'")):
        piece = piece.strip("'")
        if piece:
            out.append(piece)
    return out


def split_pieces(s):
    cur = []
    for c in s:
        if c.isalnum() or c == "'":
            cur.append(c)
        else:
            if cur:
                yield ''.join(cur)
            cur = []
    if cur:
        yield ''.join(cur)


def load_lexicon():
    rows = []
    for name in ('statements_cameo.tsv', 'statements_constructions.tsv'):
        for line in open(os.path.join(ROOT, 'lexicons', name), encoding='utf-8'):
            if line.startswith('#') or not line.strip():
                continue
            r = line.rstrip('\n').split('\t')
            for f in r[6].split('|'):
                t = tuple(tokens(f))
                if t:
                    rows.append((t, r[0], r[2], r[5]))
    by_first = collections.defaultdict(list)
    for t, rid, typ, cls in rows:
        by_first[t[0]].append((t, rid, typ, cls))
    return by_first


LEX = load_lexicon()


def load_words(path):
    return {l.strip() for l in open(path, encoding='utf-8') if l.strip() and not l.startswith('#')}


NEG_EVAL = load_words(NEG_EVAL_FILE)


def raw_words(s):
    """The text's pieces as `tokens` cuts them, in their own case."""
    return [p.strip("'") for p in split_pieces(s.replace('’', "'")) if p.strip("'")]


def hits(toks):
    """(position, id, type, class) for every lexicon form occurring in toks, in order."""
    out = []
    for i, w in enumerate(toks):
        for t, rid, typ, cls in LEX.get(w, ()):
            if tuple(toks[i:i + len(t)]) == t:
                out.append((i, rid, typ, cls))
    return out


def len_bucket(n):
    return '1' if n <= 3 else '2' if n <= 8 else '3' if n <= 20 else '4'


def features(source, cue, content):
    f = ['b']
    st = tokens(source)
    if st:
        f.append('s:' + st[-1])
        if len(st) == 1 and st[0] in SOURCE_PRONOUNS:
            f.append('s:pron')
    ct = tokens(cue)
    f.append('c:' + ('_'.join(ct) if ct else '-'))
    for w in ct:
        f.append('cw:' + w)
    for _, rid, typ, cls in hits(ct):
        f.append('cl:' + rid)
        f.append('ct:' + typ)
    toks = tokens(content)
    lead = toks[1:] if toks and toks[0] == 'that' else toks
    if lead:
        f.append('l1:' + lead[0])
        if len(lead) > 1:
            f.append('l2:' + lead[0] + '_' + lead[1])
    if toks and toks[0] == 'to':
        f.append('inf')
    for w in sorted(set(toks)):
        f.append('w:' + w)
    off = len(toks) - len(lead)
    for i, rid, typ, cls in hits(toks):
        f.append('kl:' + rid)
        f.append('kt:' + typ + '_' + cls)
        if i - off < 4:
            f.append('k0:' + typ + '_' + cls)
    for i, w in enumerate(lead):
        if w in MODALS:
            f.append('m:' + w)
            if i < 6:
                f.append('m0:' + w)
        if w.endswith("n't"):
            f.append('neg')
        p = PRONOUNS.get(w)
        if p is None and "'" in w and PRONOUNS.get(w.split("'")[0]):
            # "we'll", "i'd": the pronoun with its clitic modal
            p = PRONOUNS[w.split("'")[0]]
            f.append('pm:' + p + '_' + "'" + w.split("'", 1)[1])
        if p is not None:
            for v in lead[i + 1:i + 3]:
                if v in MODALS:
                    f.append('pm:' + p + '_' + v)
                    break
    body = content.strip().rstrip(QUOTE_MARKS + ' ')
    if body.endswith('?'):
        f.append('q')
    if any(any(c.isdigit() for c in w) for w in toks):
        f.append('num')
    f.append('len:' + len_bucket(len(toks)))
    if content.strip()[:1] in QUOTE_MARKS and content.strip()[:1]:
        f.append('dq')
    n_ne = sum(w in NEG_EVAL for w in toks)
    cap = any(w[:1].isupper() and w != 'I' for w in raw_words(content)[1:])
    if n_ne:
        f.append('ne')
        if ct:
            f.append('nec:' + ct[-1])
        if cap:
            f.append('necap')
    if any(w in NEG_EVAL for w in lead[:6]):
        f.append('ne0')
    if cap:
        f.append('cap')
    return sorted(set(f))


def targets(items, soft):
    """The label with 1 - soft of the mass, the `also` labels sharing soft (the label alone when none)."""
    out = []
    for it in items:
        v = [0.0] * len(LABELS)
        also = [LABELS.index(a) for a in it['also'] if a in LABELS and a != it['label']]
        v[LABELS.index(it['label'])] = 1.0 - soft if also else 1.0
        for a in also:
            v[a] += soft / len(also)
        out.append(v)
    return out


def train(X, Y, T, epochs, l2, lr0, weights, seed=13):
    """SGD on the cross-entropy against the soft targets T, each item weighted by its label's class weight."""
    W = collections.defaultdict(lambda: [0.0] * len(LABELS))
    idx = list(range(len(X)))
    rng = random.Random(seed)
    t = 0
    for ep in range(epochs):
        rng.shuffle(idx)
        for i in idx:
            t += 1
            lr = lr0 / (1 + 0.0005 * t)
            p = probs(W, X[i])
            g = [p[k] - T[i][k] for k in range(len(LABELS))]
            cw = weights[Y[i]]
            for feat in X[i]:
                w = W[feat]
                for k in range(len(LABELS)):
                    w[k] -= lr * (cw * g[k] + l2 * w[k])
    return W


def probs(W, feats):
    s = [0.0] * len(LABELS)
    for feat in feats:
        w = W.get(feat)
        if w:
            for k in range(len(LABELS)):
                s[k] += w[k]
    m = max(s)
    e = [math.exp(v - m) for v in s]
    z = sum(e)
    return [v / z for v in e]


def prune(W, k):
    """The k features of largest weight (max |w| over labels), weights rounded as exported."""
    top = sorted(W.items(), key=lambda kv: (-max(abs(v) for v in kv[1]), kv[0]))[:k]
    return {f: [round(v * WEIGHT_UNIT) / WEIGHT_UNIT for v in w] for f, w in top}


def class_weights(Y, power):
    n = collections.Counter(Y)
    return {k: (len(Y) / (len(LABELS) * n[k])) ** power if n[k] else 1.0 for k in range(len(LABELS))}


def folds_by_doc(items, k=5):
    docs = sorted({it['doc'] for it in items})
    random.Random(7).shuffle(docs)
    fold = {d: i % k for i, d in enumerate(docs)}
    return [fold[it['doc']] for it in items]


def evaluate(gold, pred):
    n = len(LABELS)
    cm = [[0] * n for _ in range(n)]
    for g, p in zip(gold, pred):
        cm[g][p] += 1
    acc = sum(cm[i][i] for i in range(n)) / len(gold)
    f1s = []
    for i in range(n):
        tp = cm[i][i]
        fp = sum(cm[j][i] for j in range(n)) - tp
        fn = sum(cm[i]) - tp
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return acc, sum(f1s) / n, f1s, cm


def main(argv):
    if not os.path.exists(DATA):
        print('train_statement_typer: ../shared is absent (%s); nothing to do' % DATA)
        return 0
    if '--predict' in argv:
        return predict()
    export = '--export' in argv
    k = 600
    if export:
        i = argv.index('--export')
        if i + 1 < len(argv) and argv[i + 1].isdigit():
            k = int(argv[i + 1])
    epochs = int(argv[argv.index('--epochs') + 1]) if '--epochs' in argv else 12
    if '--k' in argv:
        k = int(argv[argv.index('--k') + 1])
    if '--unit' in argv:
        global WEIGHT_UNIT
        WEIGHT_UNIT = int(argv[argv.index('--unit') + 1])
    l2, lr0, power, soft = 1e-3, 0.2, 0.5, 0.3
    if '--power' in argv:
        power = float(argv[argv.index('--power') + 1])
    items = [json.loads(l) for l in open(DATA, encoding='utf-8')]
    X = [features(it['source'], it['cue'], it['content']) for it in items]
    Y = [LABELS.index(it['label']) for it in items]
    Ts = targets(items, soft)
    fold = folds_by_doc(items)
    pred = [0] * len(items)
    for f in range(5):
        tr = [i for i in range(len(items)) if fold[i] != f]
        W = prune(train([X[i] for i in tr], [Y[i] for i in tr], [Ts[i] for i in tr], epochs, l2, lr0,
                        class_weights([Y[i] for i in tr], power)), k)
        for i in range(len(items)):
            if fold[i] == f:
                p = probs(W, X[i])
                pred[i] = max(range(len(LABELS)), key=lambda j: p[j])
    acc, mf1, f1s, cm = evaluate(Y, pred)
    lenient = sum(LABELS[p] == it['label'] or LABELS[p] in it['also'] for p, it in zip(pred, items)) / len(items)
    print('typed-polnear 5-fold by document (%d items, %d docs, top %d features, %d epochs):'
          % (len(items), len(set(it['doc'] for it in items)), k, epochs))
    print('  accuracy %.3f  macro-F1 %.3f  (label or an `also` label: %.3f)' % (acc, mf1, lenient))
    print('  F1 ' + ' '.join('%s %.2f' % (LABELS[i], f1s[i]) for i in range(len(LABELS))))
    if '--quiet' not in argv:
        print('  confusion (rows gold, columns predicted):')
        print('  %-11s' % '' + ''.join('%6s' % l[:5] for l in LABELS))
        for i in range(len(LABELS)):
            print('  %-11s' % LABELS[i] + ''.join('%6d' % v for v in cm[i]))
    if export:
        W = prune(train(X, Y, Ts, epochs, l2, lr0, class_weights(Y, power)), k)
        with open(OUT, 'w', encoding='utf-8') as o:
            o.write('# feature\t' + '\t'.join('w_' + l for l in LABELS) + '\n')
            o.write('# The learned statement typer: multinomial logistic regression over source, cue and content\n'
                    '# features (src/statements/typer.rs), trained on typed-polnear (%d PolNeAR train attributions,\n'
                    '# %d epochs) by scripts/train_statement_typer.py; the %d features of largest weight. Weights\n'
                    '# only, no text. 5-fold by document: accuracy %.3f, macro-F1 %.3f.\n'
                    % (len(items), epochs, len(W), acc, mf1))
            o.write('# Weights are integers in units of 1/@unit (the export rounds them to that unit).\n')
            o.write('@unit\t%d\n' % WEIGHT_UNIT)
            for feat in sorted(W):
                o.write(feat + '\t' + '\t'.join(fmt(v) for v in W[feat]) + '\n')
        print('wrote %s (%d features)' % (OUT, len(W)))
    return 0


def load_model():
    W = {}
    unit = 1.0
    for line in open(OUT, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        r = line.rstrip('\n').split('\t')
        if r[0] == '@unit':
            unit = float(r[1])
            continue
        W[r[0]] = [float(v) / unit for v in r[1:]]
    return W


def predict():
    """For every item, its index, the shipped model's label and that label's probability (the Rust parity
    test compares src/statements/typer.rs against these)."""
    W = load_model()
    for i, line in enumerate(open(DATA, encoding='utf-8')):
        it = json.loads(line)
        p = probs(W, features(it['source'], it['cue'], it['content']))
        k = max(range(len(LABELS)), key=lambda j: p[j])
        print('%d\t%s\t%.4f' % (i, LABELS[k], p[k]))
    return 0


def fmt(v):
    """A weight (rounded to 1/WEIGHT_UNIT) as its integer count of 1/WEIGHT_UNIT."""
    return str(int(round(v * WEIGHT_UNIT)))


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
