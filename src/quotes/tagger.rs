//! A learned tagger of attribution content: each token is tagged B (begins a content), I (inside) or O,
//! by an averaged perceptron trained on PolNeAR train (`scripts/tagger_experiment.py`), with its heaviest
//! features in `lexicons/content_tagger.tsv` (weights quantised, see [`model`]).
//!
//! It finds the reported speech the rules miss (paraphrase after rare cues, stances), and is used for
//! recall only: the attribution stage adds its spans where no rule quote is (see
//! `attribution::tagged`, a pass of the rule registry). Tokens and features follow the training script exactly:
//!
//! * tokens: a word (`\w`, then word characters, apostrophes, periods, hyphens and `&`, ending on a
//!   word character) or one other non-space character;
//! * features of token i: the bias; the lower-case word, the two words before and after, the word
//!   before joined with the word; the word's shape and last three letters; whether it is inside a
//!   quotation; the class and distance bucket of the nearest cue word (`lexicons/cues.tsv`) before and
//!   after it (within 40 tokens), and the one before with the quotation flag; the cue class of the word
//!   and of its neighbours; the shape of the word before; and the tag given to the token before.
//!
//! Decoding is greedy, left to right; an I after an O becomes a B.

use crate::lexicon::{lexicon, FxHashMap};
use std::sync::OnceLock;

const MODEL: &str = include_str!("../../lexicons/content_tagger.tsv");

/// Cue words this far away (in tokens) or more are not seen.
const CUE_WINDOW: usize = 40;

/// The model file's weight unit when it gives none (its `@scale` row).
const DEFAULT_WEIGHT_SCALE: f32 = 1.0;

/// Feature → weights of O, B and I. The file stores integers in units of its `@scale` row (0.1,
/// `scripts/tagger_experiment.py --export`), and O and B only: a perceptron's three weights of a feature
/// sum to zero (each update adds to one tag what it takes from another), so I is -(O + B).
fn model() -> &'static FxHashMap<String, [f32; 3]> {
    static M: OnceLock<FxHashMap<String, [f32; 3]>> = OnceLock::new();
    M.get_or_init(|| {
        let rows: Vec<Vec<&str>> = crate::lexicon::rows(MODEL).collect();
        let num = |r: &[&str], i: usize| r.get(i).and_then(|v| v.parse::<f32>().ok());
        let scale = rows.iter().find(|r| r[0] == "@scale").and_then(|r| num(r, 1)).unwrap_or(DEFAULT_WEIGHT_SCALE);
        let mut m = FxHashMap::default();
        for r in rows.iter().filter(|r| !r[0].starts_with('@')) {
            let (o, b) = (num(r, 1).unwrap_or(0.0) * scale, num(r, 2).unwrap_or(0.0) * scale);
            let i = num(r, 3).map_or(-(o + b), |v| v * scale);
            m.insert(r[0].to_string(), [o, b, i]);
        }
        m
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The tokens of `s` as byte spans, as the training script's regular expression splits them.
pub fn tokens(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            out.push((i, i + c.len_utf8()));
            continue;
        }
        // greedy over word characters and joiners, then back to the last word character
        let mut end = i + c.len_utf8();
        let mut last_word_end = end;
        while let Some(&(j, d)) = it.peek() {
            if is_word_char(d) || matches!(d, '’' | '\'' | '.' | '-' | '&') {
                end = j + d.len_utf8();
                if is_word_char(d) {
                    last_word_end = end;
                }
                it.next();
            } else {
                break;
            }
        }
        out.push((i, last_word_end));
        // the joiners after the last word character are tokens of their own
        let mut k = last_word_end;
        while k < end {
            let d = s[k..].chars().next().unwrap_or(' ');
            out.push((k, k + d.len_utf8()));
            k += d.len_utf8();
        }
    }
    out
}

fn shape(w: &str) -> &str {
    let mut cs = w.chars();
    let Some(c) = cs.next() else { return "" };
    if c.is_uppercase() {
        let rest = &w[c.len_utf8()..];
        // Python's str.islower(): some cased character, and every cased one lower case
        let lower = rest.chars().any(char::is_lowercase) && !rest.chars().any(char::is_uppercase);
        return if lower { "X" } else { "XX" };
    }
    if c.is_numeric() {
        return "d";
    }
    if !c.is_alphanumeric() {
        return w;
    }
    "x"
}

fn bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2..=3 => "2",
        4..=8 => "3",
        9..=20 => "4",
        d if d < 99 => "5",
        _ => "n",
    }
}

fn last3(w: &str) -> &str {
    let n = w.chars().count();
    let skip = n.saturating_sub(3);
    let start = w.char_indices().nth(skip).map_or(0, |(i, _)| i);
    &w[start..]
}

/// Content spans (bytes) the tagger finds in `s`.
#[cfg(test)]
pub fn content_spans(s: &str) -> Vec<(usize, usize)> {
    scored_spans(s).into_iter().map(|(a, b, _)| (a, b)).collect()
}

/// The model indexed by feature template, built once from [`model`] and the cue lexicon, so that a
/// token costs a few lookups instead of one formatted key per feature: a word's five positional weights
/// and its cue class in one entry, the word pairs of `p1w=` by word id, the suffix and shape features by
/// their strings, and the features of few values (bias, quotation flag, cue classes and distances, the
/// tag before) in tables. Every weight is the one `model().get(key)` gives for the key the feature
/// would format, so the sums are the same.
struct Index {
    /// lower-case word → its entry in `entries` (entry 0: a word the model and the cues do not know)
    ids: FxHashMap<String, u32>,
    entries: Vec<WordEntry>,
    /// `p1w=<a>|<b>` by the ids of `a` and `b`
    pairs: FxHashMap<(u32, u32), [f32; 3]>,
    /// `suf=<x>` by `x`
    suffix: FxHashMap<String, [f32; 3]>,
    /// `s=<x>` and `p1s=<x>` by `x`
    shapes: FxHashMap<String, [Option<[f32; 3]>; 2]>,
    bias: Option<[f32; 3]>,
    /// `q=<0|1>`
    quoted: [Option<[f32; 3]>; 2],
    /// `lc=`, `rc=` by class id and distance bucket; `lcq=` also by the quotation flag
    lc: Vec<[Option<[f32; 3]>; BUCKETS]>,
    rc: Vec<[Option<[f32; 3]>; BUCKETS]>,
    lcq: Vec<[[Option<[f32; 3]>; 2]; BUCKETS]>,
    /// `cue=`, `pcue=`, `ncue=` by class id
    cue: Vec<[Option<[f32; 3]>; 3]>,
    /// `prev=<O|B|I>`
    prev: [Option<[f32; 3]>; 3],
}

/// A word's weights as `w=`, `p1=`, `n1=`, `p2=`, `n2=`, and its cue class id (0: not a cue).
#[derive(Clone, Copy, Default)]
struct WordEntry {
    w: [Option<[f32; 3]>; 5],
    cue: u8,
}

/// The distance buckets of [`bucket`], in its order.
const BUCKETS: usize = 7;
const BUCKET_NAMES: [&str; BUCKETS] = ["0", "1", "2", "3", "4", "5", "n"];

/// [`bucket`] as an index into [`BUCKET_NAMES`].
fn bucket_id(d: usize) -> usize {
    match bucket(d) {
        "0" => 0,
        "1" => 1,
        "2" => 2,
        "3" => 3,
        "4" => 4,
        "5" => 5,
        _ => 6,
    }
}

fn index() -> &'static Index {
    static I: OnceLock<Index> = OnceLock::new();
    I.get_or_init(|| {
        let m = model();
        let get = |k: String| m.get(&k).copied();
        // cue classes: id 0 is none ("" in `lc=`/`rc=`, "-" in `cue=`), then each class of the lexicon
        let mut classes: Vec<&str> = lexicon().cues.values().map(|e| e.class.as_str()).collect();
        classes.sort_unstable();
        classes.dedup();
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut entries = vec![WordEntry::default()];
        let id_of = |w: &str, ids: &mut FxHashMap<String, u32>, entries: &mut Vec<WordEntry>| -> u32 {
            if let Some(&i) = ids.get(w) {
                return i;
            }
            let cue = lexicon().cues.get(w).map_or(0, |e| 1 + classes.binary_search(&e.class.as_str()).unwrap_or(0));
            entries.push(WordEntry { w: [None; 5], cue: cue as u8 });
            ids.insert(w.to_string(), entries.len() as u32 - 1);
            entries.len() as u32 - 1
        };
        for w in lexicon().cues.keys() {
            id_of(w, &mut ids, &mut entries);
        }
        let mut pairs = FxHashMap::default();
        let mut suffix = FxHashMap::default();
        let mut shapes: FxHashMap<String, [Option<[f32; 3]>; 2]> = FxHashMap::default();
        for (k, &v) in m {
            let Some((template, x)) = k.split_once('=') else { continue };
            match template {
                // a word's positional weights, set from the model's keys (no key formatted per word)
                "w" | "p1" | "n1" | "p2" | "n2" => {
                    let slot = ["w", "p1", "n1", "p2", "n2"].iter().position(|t| *t == template).unwrap_or(0);
                    let id = id_of(x, &mut ids, &mut entries);
                    entries[id as usize].w[slot] = Some(v);
                }
                // every split at a '|' is a pair whose key is this one
                "p1w" => {
                    for (at, _) in x.match_indices('|') {
                        let (a, b) = (&x[..at], &x[at + 1..]);
                        if !a.is_empty() && !b.is_empty() {
                            let ia = id_of(a, &mut ids, &mut entries);
                            let ib = id_of(b, &mut ids, &mut entries);
                            pairs.insert((ia, ib), v);
                        }
                    }
                }
                "suf" => {
                    suffix.insert(x.to_string(), v);
                }
                "s" => shapes.entry(x.to_string()).or_default()[0] = Some(v),
                "p1s" => shapes.entry(x.to_string()).or_default()[1] = Some(v),
                _ => {}
            }
        }
        let class = |c: usize, none: &str| if c == 0 { none.to_string() } else { classes[c - 1].to_string() };
        let n = classes.len() + 1;
        let by_bucket = |prefix: &str, c: usize| BUCKET_NAMES.map(|b| get(format!("{prefix}={}{b}", class(c, ""))));
        Index {
            lc: (0..n).map(|c| by_bucket("lc", c)).collect(),
            rc: (0..n).map(|c| by_bucket("rc", c)).collect(),
            lcq: (0..n)
                .map(|c| BUCKET_NAMES.map(|b| [0, 1].map(|q| get(format!("lcq={}{b}{q}", class(c, ""))))))
                .collect(),
            cue: (0..n).map(|c| ["cue", "pcue", "ncue"].map(|p| get(format!("{p}={}", class(c, "-"))))).collect(),
            bias: get("b".to_string()),
            quoted: [0, 1].map(|q| get(format!("q={q}"))),
            prev: ["O", "B", "I"].map(|l| get(format!("prev={l}"))),
            ids,
            entries,
            pairs,
            suffix,
            shapes,
        }
    })
}

/// Content spans (bytes) the tagger finds in `s`, each with its mean margin: over the span's tokens, the
/// score of the tag given (B or I) less the score of O. A small margin is a span the tagger hesitated on.
pub fn scored_spans(s: &str) -> Vec<(usize, usize, f32)> {
    let toks = tokens(s);
    let n = toks.len();
    if n == 0 {
        return Vec::new();
    }
    let ix = index();
    let words: Vec<&str> = toks.iter().map(|&(a, b)| &s[a..b]).collect();
    // each token's word entry (its positional weights and cue class), suffix and shape weights, looked up
    // once; the lower-case form as `str::to_lowercase` gives it
    let mut lower = String::new();
    let mut entry: Vec<u32> = Vec::with_capacity(n);
    let mut suffix: Vec<Option<[f32; 3]>> = Vec::with_capacity(n);
    let mut shapes: Vec<[Option<[f32; 3]>; 2]> = Vec::with_capacity(n);
    for w in &words {
        let lw: &str = if w.is_ascii() {
            lower.clear();
            lower.push_str(w);
            lower.make_ascii_lowercase();
            &lower
        } else {
            lower = w.to_lowercase();
            &lower
        };
        entry.push(ix.ids.get(lw).copied().unwrap_or(0));
        suffix.push(ix.suffix.get(last3(lw)).copied());
        shapes.push(ix.shapes.get(shape(w)).copied().unwrap_or_default());
    }
    let word = |i: usize| &ix.entries[entry[i] as usize];
    let cls = |i: usize| usize::from(word(i).cue);
    let start = ix.ids.get("<s>").copied().unwrap_or(0);
    let end = &ix.entries[ix.ids.get("</s>").copied().unwrap_or(0) as usize];
    let start_shape = ix.shapes.get("<s>").copied().unwrap_or_default();
    // inside a quotation
    let mut inq = Vec::with_capacity(n);
    let mut depth = 0u8;
    for w in &words {
        match *w {
            "\"" => depth = 1 - depth,
            "“" | "«" => depth = 1,
            "”" | "»" => depth = 0,
            _ => {}
        }
        inq.push(depth);
    }
    // the nearest cue before and after each token: (distance, class id), (99, 0) when none
    let mut left = vec![(99usize, 0usize); n];
    let mut right = vec![(99usize, 0usize); n];
    let mut last: Option<usize> = None;
    for (i, slot) in left.iter_mut().enumerate() {
        if cls(i) != 0 {
            last = Some(i);
        }
        if let Some(l) = last.filter(|&l| i - l < CUE_WINDOW) {
            *slot = (i - l, cls(l));
        }
    }
    last = None;
    for i in (0..n).rev() {
        if cls(i) != 0 {
            last = Some(i);
        }
        if let Some(l) = last.filter(|&l| l - i < CUE_WINDOW) {
            right[i] = (l - i, cls(l));
        }
    }
    let add_w = |w: Option<[f32; 3]>, score: &mut [f32; 3]| {
        if let Some(w) = w {
            for k in 0..3 {
                score[k] += w[k];
            }
        }
    };
    let mut tags = Vec::with_capacity(n);
    let mut margins = Vec::with_capacity(n);
    let mut prev = 0usize; // O
    for i in 0..n {
        // the features in the order of the module doc (the weights are added in the training order)
        let mut score = [0f32; 3];
        let p1 = if i > 0 { entry[i - 1] } else { start };
        let after = |k: usize| if i + k < n { word(i + k) } else { end };
        let before = |k: usize| if i >= k { word(i - k) } else { &ix.entries[start as usize] };
        let (ld, lc) = left[i];
        let (rd, rc) = right[i];
        let q = usize::from(inq[i]);
        add_w(ix.bias, &mut score);
        add_w(word(i).w[0], &mut score);
        add_w(before(1).w[1], &mut score);
        add_w(after(1).w[2], &mut score);
        add_w(before(2).w[3], &mut score);
        add_w(after(2).w[4], &mut score);
        let pair = (p1 != 0 && entry[i] != 0).then(|| ix.pairs.get(&(p1, entry[i])).copied()).flatten();
        add_w(pair, &mut score);
        add_w(shapes[i][0], &mut score);
        add_w(suffix[i], &mut score);
        add_w(ix.quoted[q], &mut score);
        add_w(ix.lc[lc][bucket_id(ld)], &mut score);
        add_w(ix.rc[rc][bucket_id(rd)], &mut score);
        add_w(ix.lcq[lc][bucket_id(ld)][q], &mut score);
        add_w(ix.cue[cls(i)][0], &mut score);
        // before the first and after the last token ("<s>", "</s>") no cue
        add_w(ix.cue[if i > 0 { cls(i - 1) } else { 0 }][1], &mut score);
        add_w(ix.cue[if i + 1 < n { cls(i + 1) } else { 0 }][2], &mut score);
        add_w(if i > 0 { shapes[i - 1][1] } else { start_shape[1] }, &mut score);
        add_w(ix.prev[prev], &mut score);
        // argmax, the first of equals
        let mut y = 0;
        for k in 1..3 {
            if score[k] > score[y] {
                y = k;
            }
        }
        if y == 2 && prev == 0 {
            y = 1;
        }
        tags.push(y);
        margins.push(score[y] - score[0]);
        prev = y;
    }
    // B/I runs to spans: (start, end, margin sum, tokens)
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize, f32, u32)> = None;
    let done = |c: (usize, usize, f32, u32)| (c.0, c.1, c.2 / c.3.max(1) as f32);
    for (k, &t) in tags.iter().enumerate() {
        let (a, b) = toks[k];
        match t {
            1 => {
                if let Some(c) = cur.take() {
                    out.push(done(c));
                }
                cur = Some((a, b, margins[k], 1));
            }
            2 => match cur.as_mut() {
                Some(c) => {
                    c.1 = b;
                    c.2 += margins[k];
                    c.3 += 1;
                }
                None => cur = Some((a, b, margins[k], 1)),
            },
            _ => {
                if let Some(c) = cur.take() {
                    out.push(done(c));
                }
            }
        }
    }
    if let Some(c) = cur {
        out.push(done(c));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_follow_the_training_split() {
        let s = "U.S. officials' plan—“don’t go,” he said.";
        let t: Vec<&str> = tokens(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(t, ["U.S", ".", "officials", "'", "plan", "—", "“", "don’t", "go", ",", "”", "he", "said", "."]);
    }

    /// The tagger as the training script states it: every feature formatted as its key and looked up in
    /// the model, token by token (no index); [`scored_spans`] must give exactly its spans and margins.
    fn scored_spans_by_keys(s: &str) -> Vec<(usize, usize, f32)> {
        let toks = tokens(s);
        let n = toks.len();
        let words: Vec<&str> = toks.iter().map(|&(a, b)| &s[a..b]).collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let cls: Vec<&str> = lower.iter().map(|w| lexicon().cues.get(w).map_or("", |e| e.class.as_str())).collect();
        let (m, label) = (model(), ["O", "B", "I"]);
        let (mut depth, mut prev, mut out, mut cur) = (0u8, 0usize, Vec::new(), None::<(usize, usize, f32, u32)>);
        for (i, &(a, b)) in toks.iter().enumerate() {
            match words[i] {
                "\"" => depth = 1 - depth,
                "“" | "«" => depth = 1,
                "”" | "»" => depth = 0,
                _ => {}
            }
            let at = |j: Option<usize>, none: &'static str| j.filter(|&j| j < n).map_or(none, |j| lower[j].as_str());
            let (p1, p2) = (at(i.checked_sub(1), "<s>"), at(i.checked_sub(2), "<s>"));
            let (n1, n2) = (at(Some(i + 1), "</s>"), at(Some(i + 2), "</s>"));
            let near = |js: &mut dyn Iterator<Item = usize>| {
                js.take(CUE_WINDOW).find(|&j| !cls[j].is_empty()).map_or((99, ""), |j| (i.abs_diff(j), cls[j]))
            };
            let (ld, lc) = near(&mut (0..=i).rev());
            let (rd, rc) = near(&mut (i..n));
            let class = |j: Option<usize>| j.filter(|&j| j < n && !cls[j].is_empty()).map_or("-", |j| cls[j]);
            let lw = lower[i].as_str();
            let keys = [
                "b".to_string(),
                format!("w={lw}"),
                format!("p1={p1}"),
                format!("n1={n1}"),
                format!("p2={p2}"),
                format!("n2={n2}"),
                format!("p1w={p1}|{lw}"),
                format!("s={}", shape(words[i])),
                format!("suf={}", last3(lw)),
                format!("q={depth}"),
                format!("lc={lc}{}", bucket(ld)),
                format!("rc={rc}{}", bucket(rd)),
                format!("lcq={lc}{}{depth}", bucket(ld)),
                format!("cue={}", class(Some(i))),
                format!("pcue={}", class(i.checked_sub(1))),
                format!("ncue={}", class(Some(i + 1))),
                format!("p1s={}", if i > 0 { shape(words[i - 1]) } else { "<s>" }),
                format!("prev={}", label[prev]),
            ];
            let mut score = [0f32; 3];
            for w in keys.iter().filter_map(|k| m.get(k)) {
                for k in 0..3 {
                    score[k] += w[k];
                }
            }
            let mut y = (1..3).fold(0, |y, k| if score[k] > score[y] { k } else { y });
            if y == 2 && prev == 0 {
                y = 1;
            }
            let margin = score[y] - score[0];
            match (y, cur.as_mut()) {
                (2, Some(c)) => *c = (c.0, b, c.2 + margin, c.3 + 1),
                (0, _) => out.extend(cur.take()),
                _ => out.extend(cur.replace((a, b, margin, 1))),
            }
            prev = y;
        }
        out.extend(cur);
        out.into_iter().map(|c| (c.0, c.1, c.2 / c.3 as f32)).collect()
    }

    #[test]
    fn the_indexed_model_gives_the_spans_and_margins_of_the_feature_keys() {
        for s in [
            "The senator said the new tariffs would hurt farmers across the Midwest this year.",
            "“We will not back down,” the minister told reporters on Monday, adding that talks could resume.",
            "Officials warned that \"any attack\" would be met with force, according to a statement.",
            "She argued the plan—which critics called reckless—was the only way out. He disagreed.",
            "«Non», a dit le porte-parole. U.S. officials' plan didn’t change: 3.5% growth, Sen. Roe said.",
            "",
            "said said said",
        ] {
            assert_eq!(scored_spans(s), scored_spans_by_keys(s), "{s}");
        }
    }

    #[test]
    fn the_model_loads_and_tags_reported_speech() {
        assert!(model().len() > 1000);
        let s = "The senator said the new tariffs would hurt farmers across the Midwest this year.";
        let spans = content_spans(s);
        assert!(spans.iter().any(|&(a, b)| s[a..b].contains("tariffs would hurt")), "{spans:?}");
    }
}
