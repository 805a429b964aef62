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

use std::fmt::Write;

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

/// The model's weights of the features `<prefix><x>` for each of `prefixes` (`suf=` takes the last three
/// characters of `x`), `None` where the model has no such feature; looked up once per chunk and kept in
/// `cache`. A word's are its five positional features and its suffix (`w=`, `p1=`, `n1=`, `p2=`, `n2=`,
/// `suf=`), a shape's its own and the one before's (`s=`, `p1s=`).
fn cached_features<'a, const N: usize>(
    cache: &mut FxHashMap<&'a str, [Option<[f32; 3]>; N]>,
    key: &mut String,
    m: &FxHashMap<String, [f32; 3]>,
    prefixes: [&str; N],
    x: &'a str,
) -> [Option<[f32; 3]>; N] {
    *cache.entry(x).or_insert_with(|| {
        prefixes.map(|prefix| {
            key.clear();
            key.push_str(prefix);
            key.push_str(if prefix == "suf=" { last3(x) } else { x });
            m.get(key.as_str()).copied()
        })
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
    let words: Vec<&str> = toks.iter().map(|&(a, b)| &s[a..b]).collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let lx = lexicon();
    // each token's cue class, looked up once (None: not a cue)
    let cls: Vec<Option<&str>> = lower.iter().map(|w| lx.cues.get(w.as_str()).map(|e| e.class.as_str())).collect();
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
    // the nearest cue before and after each token
    let mut left = vec![(99usize, ""); n];
    let mut right = vec![(99usize, ""); n];
    let mut last: Option<usize> = None;
    for i in 0..n {
        if cls[i].is_some() {
            last = Some(i);
        }
        if let Some(l) = last.filter(|&l| i - l < CUE_WINDOW) {
            left[i] = (i - l, cls[l].unwrap_or("-"));
        }
    }
    last = None;
    for i in (0..n).rev() {
        if cls[i].is_some() {
            last = Some(i);
        }
        if let Some(l) = last.filter(|&l| l - i < CUE_WINDOW) {
            right[i] = (l - i, cls[l].unwrap_or("-"));
        }
    }
    let m = model();
    let mut f = String::new();
    // a word's positional and suffix features and a shape's, looked up once per distinct word or shape of
    // the chunk; the weights are added in the same order as the features below, so the sums are the same
    let mut key = String::new();
    let mut by_word = FxHashMap::default();
    let mut word_weights =
        |w| cached_features(&mut by_word, &mut key, m, ["w=", "p1=", "n1=", "p2=", "n2=", "suf="], w);
    let mut shape_key = String::new();
    let mut by_shape = FxHashMap::default();
    let mut shape_weights = |sh| cached_features(&mut by_shape, &mut shape_key, m, ["s=", "p1s="], sh);
    let add_w = |w: Option<[f32; 3]>, score: &mut [f32; 3]| {
        if let Some(w) = w {
            for k in 0..3 {
                score[k] += w[k];
            }
        }
    };
    let add = |f: &str, score: &mut [f32; 3]| add_w(m.get(f).copied(), score);
    let mut tags = Vec::with_capacity(n);
    let mut margins = Vec::with_capacity(n);
    let mut prev = 0usize; // O
    let label = ["O", "B", "I"];
    for i in 0..n {
        let mut score = [0f32; 3];
        let lw = lower[i].as_str();
        let p1 = if i > 0 { lower[i - 1].as_str() } else { "<s>" };
        let p2 = if i > 1 { lower[i - 2].as_str() } else { "<s>" };
        let n1 = if i + 1 < n { lower[i + 1].as_str() } else { "</s>" };
        let n2 = if i + 2 < n { lower[i + 2].as_str() } else { "</s>" };
        let (ld, lc) = left[i];
        let (rd, rc) = right[i];
        let mut feat = |args: std::fmt::Arguments, score: &mut [f32; 3]| {
            f.clear();
            let _ = f.write_fmt(args);
            add(&f, score);
        };
        feat(format_args!("b"), &mut score);
        add_w(word_weights(lw)[0], &mut score);
        add_w(word_weights(p1)[1], &mut score);
        add_w(word_weights(n1)[2], &mut score);
        add_w(word_weights(p2)[3], &mut score);
        add_w(word_weights(n2)[4], &mut score);
        feat(format_args!("p1w={p1}|{lw}"), &mut score);
        add_w(shape_weights(shape(words[i]))[0], &mut score);
        add_w(word_weights(lw)[5], &mut score);
        feat(format_args!("q={}", inq[i]), &mut score);
        feat(format_args!("lc={lc}{}", bucket(ld)), &mut score);
        feat(format_args!("rc={rc}{}", bucket(rd)), &mut score);
        feat(format_args!("lcq={lc}{}{}", bucket(ld), inq[i]), &mut score);
        let class_at = |j: Option<usize>| j.map_or("-", |j| cls[j].unwrap_or("-"));
        feat(format_args!("cue={}", class_at(Some(i))), &mut score);
        // before the first and after the last token ("<s>", "</s>") no cue
        feat(format_args!("pcue={}", class_at(i.checked_sub(1))), &mut score);
        feat(format_args!("ncue={}", class_at((i + 1 < n).then_some(i + 1))), &mut score);
        add_w(shape_weights(if i > 0 { shape(words[i - 1]) } else { "<s>" })[1], &mut score);
        feat(format_args!("prev={}", label[prev]), &mut score);
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

    #[test]
    fn the_model_loads_and_tags_reported_speech() {
        assert!(model().len() > 1000);
        let s = "The senator said the new tariffs would hurt farmers across the Midwest this year.";
        let spans = content_spans(s);
        assert!(spans.iter().any(|&(a, b)| s[a..b].contains("tariffs would hurt")), "{spans:?}");
    }
}
