#!/usr/bin/env python3
"""An averaged-perceptron BIO tagger for attribution content spans, trained on
PolNeAR train, scored on dev with score_quotes.py. It measures how far a plain token tagger gets without
speakers.

Usage: scripts/tagger_experiment.py [EPOCHS] [--export K]
       scripts/tagger_experiment.py --requantize FLOAT_MODEL K [SCALE]
  reads ../shared; writes /tmp/whosaid-tagger/dev_pred.jsonl and scores it; with --export, also writes the
  K heaviest features to lexicons/content_tagger.tsv, the model the engine ships (src/quotes/tagger.rs;
  shipped: 3 epochs, K = 5000).

Session 2026-11-26, 3 epochs in about 20 s:
- the tagger alone: dev all-kinds overlap F1 0.657 (P 0.680, R 0.635);
- the rule engine alone: 0.669;
- the union (tagger spans of 3+ words that overlap no rule quote, added to the engine's): **0.705**.
The union costs speaker accuracy (0.94 -> 0.81) and direct end-to-end F1 (0.897 -> 0.875), because tagger
spans have no speaker. A port needs a speaker for each added span (the cue in its sentence), a Rust
feature extractor identical to this one, and pruned weights that fit the WASM budget."""
import json, re, sys, random, collections, subprocess, time
TOK = re.compile(r"[\w][\w’'.\-&]*[\w]|[\w]|[^\w\s]")
import os
HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, '..', '..', 'shared')
OUT = '/tmp/whosaid-tagger/dev_pred.jsonl'
os.makedirs(os.path.dirname(OUT), exist_ok=True)
CUES = {}
for l in open(os.path.join(HERE, '..', 'lexicons', 'cues.tsv')):
    if l.startswith('#') or not l.strip(): continue
    r = l.rstrip('\n').split('\t'); CUES[r[0]] = r[2]
def tokens(text):
    return [(m.start(), m.end(), m.group()) for m in TOK.finditer(text)]
def shape(w):
    if w[0].isupper(): return 'X' if len(w) > 1 and w[1:].islower() else 'XX'
    if w[0].isdigit(): return 'd'
    if not w[0].isalnum(): return w
    return 'x'
def doc_feats(toks, text):
    n = len(toks); ws = [t[2] for t in toks]; lw = [w.lower() for w in ws]
    # quote depth
    inq = []; depth = 0
    for w in ws:
        if w in '“"«': depth = 1 - depth if w == '"' else 1
        elif w in '”»': depth = 0
        inq.append(depth)
    # distance to nearest cue token left/right (within sentence-ish window)
    cue_pos = [i for i, w in enumerate(lw) if w in CUES]
    left = [99] * n; right = [99] * n; lc = [''] * n; rc = [''] * n
    last = None
    for i in range(n):
        if lw[i] in CUES: last = i
        if last is not None and i - last < 40: left[i] = i - last; lc[i] = CUES[lw[last]]
    last = None
    for i in range(n - 1, -1, -1):
        if lw[i] in CUES: last = i
        if last is not None and last - i < 40: right[i] = last - i; rc[i] = CUES[lw[last]]
    def b(d): return '0' if d == 0 else '1' if d == 1 else '2' if d <= 3 else '3' if d <= 8 else '4' if d <= 20 else '5' if d < 99 else 'n'
    F = []
    for i in range(n):
        p1 = lw[i-1] if i > 0 else '<s>'; p2 = lw[i-2] if i > 1 else '<s>'
        n1 = lw[i+1] if i + 1 < n else '</s>'; n2 = lw[i+2] if i + 2 < n else '</s>'
        f = ['b', 'w=' + lw[i], 'p1=' + p1, 'n1=' + n1, 'p2=' + p2, 'n2=' + n2, 'p1w=' + p1 + '|' + lw[i],
             's=' + shape(ws[i]), 'suf=' + lw[i][-3:], 'q=' + str(inq[i]), 'lc=' + lc[i] + b(left[i]), 'rc=' + rc[i] + b(right[i]),
             'lcq=' + lc[i] + b(left[i]) + str(inq[i]), 'cue=' + CUES.get(lw[i], '-'), 'pcue=' + CUES.get(p1, '-'), 'ncue=' + CUES.get(n1, '-'),
             'p1s=' + shape(ws[i-1]) if i > 0 else 'p1s=<s>']
        F.append(f)
    return F
def gold_tags(toks, quotes):
    tags = ['O'] * len(toks)
    for q in quotes:
        for a, bnd in q['content_spans']:
            first = True
            for i, (s, e, w) in enumerate(toks):
                if s >= a and e <= bnd:
                    tags[i] = 'B' if first else 'I'; first = False
    return tags
LABELS = ['O', 'B', 'I']
class AP:
    def __init__(self): self.w = collections.defaultdict(float); self.tot = collections.defaultdict(float); self.ts = collections.defaultdict(int); self.t = 0
    def score(self, f, prev):
        out = []
        for y in LABELS:
            s = 0.0
            for x in f: s += self.w.get((x, y), 0.0)
            s += self.w.get(('prev=' + prev, y), 0.0)
            out.append(s)
        return out
    def decode(self, F):
        # greedy left to right
        prev = 'O'; tags = []
        for f in F:
            sc = self.score(f, prev); y = LABELS[max(range(3), key=lambda k: sc[k])]
            if y == 'I' and prev == 'O': y = 'B'
            tags.append(y); prev = y
        return tags
    def upd(self, x, y, v):
        k = (x, y); self.tot[k] += (self.t - self.ts[k]) * self.w[k]; self.ts[k] = self.t; self.w[k] += v
    def train_doc(self, F, G):
        prev = 'O'
        for f, g in zip(F, G):
            self.t += 1
            sc = self.score(f, prev); y = LABELS[max(range(3), key=lambda k: sc[k])]
            if y != g:
                for x in f + ['prev=' + prev]: self.upd(x, g, 1.0); self.upd(x, y, -1.0)
            prev = g
    def average(self):
        for k in list(self.w): self.tot[k] += (self.t - self.ts[k]) * self.w[k]; self.w[k] = self.tot[k] / max(1, self.t)
def spans(toks, tags):
    out = []; cur = None
    for (s, e, w), t in zip(toks, tags):
        if t == 'B' or (t == 'I' and cur is None):
            if cur: out.append(cur)
            cur = [s, e]
        elif t == 'I': cur[1] = e
        else:
            if cur: out.append(cur); cur = None
    if cur: out.append(cur)
    return out
def write_model(items, K, scale, path=os.path.join(HERE, '..', 'lexicons', 'content_tagger.tsv')):
    """The K features of largest weight, weights as integers in units of `scale`, O and B only (a
    perceptron's weights of a feature sum to zero: the engine takes I = -(O + B)); features whose rounded
    weights are all zero are left out."""
    keep = sorted(items, key=lambda kv: (-max(abs(v) for v in kv[1]), kv[0]))[:K]
    with open(path, 'w') as f:
        f.write("# feature\tw_O\tw_B   (w_I = -(w_O + w_B); weights in units of @scale)\n")
        f.write("# An averaged-perceptron tagger of attribution content (B/I/O per token), trained on PolNeAR train (840\n")
        f.write(f"# articles, 3 epochs) by scripts/tagger_experiment.py; the {K:,} features of largest weight. Weights only,\n")
        f.write("# no text. Features are described in src/quotes/tagger.rs.\n")
        f.write(f"@scale\t{scale}\n")
        for x, ws in sorted(keep):
            o, b = round(ws[0] / scale), round(ws[1] / scale)
            if '\t' in x or '\n' in x or (o == 0 and b == 0 and round(ws[2] / scale) == 0):
                continue
            f.write(f"{x}\t{o}\t{b}\n")


def read_float_model(path):
    """A model file with float weights w_O, w_B, w_I (the export before quantisation)."""
    out = []
    for l in open(path, encoding='utf-8'):
        if l.startswith('#') or l.startswith('@') or not l.strip():
            continue
        r = l.rstrip('\n').split('\t')
        out.append((r[0], [float(v) for v in r[1:4]]))
    return out


# Weight unit of the exported model: 0.1 (5,000 features) kept PolNeAR dev F1 and diplomacy F1 within 0.001 of the float weights
SCALE = 0.1

if __name__ == '__main__' and '--requantize' in sys.argv:
    # scripts/tagger_experiment.py --requantize FLOAT_MODEL K [SCALE]: quantise an export of float weights
    i = sys.argv.index('--requantize')
    src, K = sys.argv[i + 1], int(sys.argv[i + 2])
    write_model(read_float_model(src), K, float(sys.argv[i + 3]) if len(sys.argv) > i + 3 else SCALE)
    sys.exit(0)

if __name__ == '__main__':
    tr = [json.loads(l) for l in open(os.path.join(SHARED, 'data/quotes/polnear/polnear_train.jsonl'))]
    dv = [json.loads(l) for l in open(os.path.join(SHARED, 'data/quotes/polnear/polnear_dev.jsonl'))]
    data = []
    for d in tr:
        tk = tokens(d['text']); data.append((doc_feats(tk, d['text']), gold_tags(tk, d['quotes'])))
    m = AP(); t0 = time.time()
    for ep in range(int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 3):
        random.Random(ep).shuffle(data)
        for F, G in data: m.train_doc(F, G)
        print('epoch', ep, round(time.time() - t0), 's', flush=True)
    m.average()
    if '--export' in sys.argv:
        K = int(sys.argv[sys.argv.index('--export') + 1])
        byf = collections.defaultdict(lambda: [0.0, 0.0, 0.0])
        for (x, y), v in m.w.items():
            if v != 0:
                byf[x][LABELS.index(y)] = v
        write_model(byf.items(), K, SCALE)
    with open(OUT, 'w') as f:
        for d in dv:
            tk = tokens(d['text']); tags = m.decode(doc_feats(tk, d['text']))
            qs = [{'start': a, 'end': b, 'content_spans': [[a, b]], 'speaker': None, 'speaker_spans': [], 'kind': 'indirect'} for a, b in spans(tk, tags) if b - a > 3]
            f.write(json.dumps({'id': d['id'], 'text': d['text'], 'quotes': qs}) + '\n')
    r = subprocess.run(['python3', os.path.join(SHARED, 'tools/score_quotes.py'), os.path.join(SHARED, 'data/quotes/polnear/polnear_dev.jsonl'), OUT], capture_output=True, text=True).stdout
    print([l for l in r.splitlines() if l.startswith('overlap@0.5') or l.startswith('recall by')])
