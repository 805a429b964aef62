//! The learned statement typer: a multinomial logistic regression that types an attribution as one of
//! the seven statement types or `none` (not a stance of its source: a poll's numbers, a document's
//! contents, a question, a fragment) from its source, cue and content.
//!
//! Trained on typed-polnear (2,100 PolNeAR train attributions) by `scripts/train_statement_typer.py`;
//! its heaviest features and their weights are `lexicons/statement_typer.tsv`. The features here are
//! the script's, computed the same way (its docstring lists them): tokens, the statement lexicon's hits
//! (`lexicons/statements_*.tsv`, the rows [`super::cues`] reads), modality words, the content's lead,
//! and words of wrongdoing (`lexicons/neg_eval.txt`) with whether a party is named (a capitalised word).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::cues::{CAMEO, CONSTRUCTIONS};
use crate::lexicon::rows;
use crate::report::StatementType;

/// The weights: `feature \t w_demand … w_none` (one column per [`LABELS`] entry).
pub const MODEL: &str = include_str!("../../lexicons/statement_typer.tsv");
/// Words of wrongdoing and condemnation, one a line (the `ne*` features).
pub const NEG_EVAL: &str = include_str!("../../lexicons/neg_eval.txt");

/// The model's labels, in the weight file's column order; `None` is the eighth, `none`.
pub const LABELS: [Option<StatementType>; 8] = [
    Some(StatementType::Demand),
    Some(StatementType::Threat),
    Some(StatementType::Commitment),
    Some(StatementType::Rejection),
    Some(StatementType::Denial),
    Some(StatementType::Accusation),
    Some(StatementType::Position),
    None,
];

const MODALS: &[&str] = &[
    "must", "should", "will", "would", "'ll", "shall", "can", "could", "may", "might", "need", "needs", "have", "has",
    "going", "not", "never", "no", "if", "unless", "or", "until", "cannot",
];
const SOURCE_PRONOUNS: &[&str] = &["i", "we", "you", "he", "she", "they", "it", "him", "her", "them", "who"];
const QUOTE_MARKS: &[char] = &['"', '\'', '“', '”', '‘', '’', '«', '»', '„'];

fn person(w: &str) -> Option<&'static str> {
    Some(match w {
        "i" | "we" => "1",
        "you" => "2",
        "he" | "she" | "they" | "it" => "3",
        _ => return None,
    })
}

/// The model's verdict on one attribution.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Verdict {
    /// The most probable label (`None` = not a statement).
    pub label: Option<StatementType>,
    /// Its probability.
    pub p: f32,
}

/// A lexicon form's tokens with its row's id, type and class.
type Form = (Vec<String>, String, String, String);

struct Model {
    weights: HashMap<String, [f32; 8]>,
    /// [`NEG_EVAL`]'s words, sorted (the file's order: a test checks it).
    neg_eval: Vec<&'static str>,
    /// Lexicon forms by their first token: (tokens, row id, type, class).
    lex: HashMap<String, Vec<Form>>,
}

/// The weight file's unit when it gives none (its `@unit` row): weights written as decimals.
const DEFAULT_WEIGHT_UNIT: f32 = 1.0;

/// Parses the weight file: errors name the offending row (a wrong column count, a bad number, a
/// feature listed twice, a bad `@unit`). The file writes each weight as an integer count of
/// `1 / @unit` (the shipped `@unit 20`: twentieths, the script's rounding); the weight is that integer
/// divided by the unit, which gives the very `f32` the decimal (`-9 / 20` = `-0.45`: both are the
/// nearest `f32` to the same number), in fewer bytes.
pub fn parse(data: &str) -> Result<HashMap<String, [f32; 8]>, String> {
    let mut m = HashMap::new();
    let mut unit = DEFAULT_WEIGHT_UNIT;
    for r in rows(data) {
        if r[0] == "@unit" {
            unit = r
                .get(1)
                .and_then(|v| v.parse::<f32>().ok())
                .filter(|u| u.is_finite() && *u > 0.0)
                .ok_or_else(|| format!("statement_typer.tsv: bad @unit {:?}", r.get(1).copied().unwrap_or("")))?;
            continue;
        }
        if r.len() != 9 {
            return Err(format!("statement_typer.tsv: {:?} has {} columns, expected 9", r[0], r.len()));
        }
        let mut w = [0f32; 8];
        for (k, v) in r[1..].iter().enumerate() {
            let x: f32 = v.parse().map_err(|_| format!("statement_typer.tsv: {:?}: bad weight {v:?}", r[0]))?;
            w[k] = x / unit;
        }
        if m.insert(r[0].to_string(), w).is_some() {
            return Err(format!("statement_typer.tsv: {:?} is listed twice", r[0]));
        }
    }
    Ok(m)
}

fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        let weights = parse(MODEL).expect("statement_typer.tsv parses");
        let mut lex: HashMap<String, Vec<Form>> = HashMap::new();
        for data in [CAMEO, CONSTRUCTIONS] {
            for r in rows(data).filter(|r| r.len() >= 7) {
                for f in r[6].split('|') {
                    let t = tokens(f);
                    if let Some(first) = t.first().cloned() {
                        lex.entry(first).or_default().push((t, r[0].to_string(), r[2].to_string(), r[5].to_string()));
                    }
                }
            }
        }
        let neg_eval = NEG_EVAL.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        Model { weights, neg_eval, lex }
    })
}

/// The script's tokens: lower case, ’ as ', split at every character that is neither alphanumeric nor
/// an apostrophe, apostrophes stripped from both ends, empty pieces dropped.
pub fn tokens(s: &str) -> Vec<String> {
    s.to_lowercase()
        .replace('’', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|p| p.trim_matches('\''))
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// The text's pieces as [`tokens`] cuts them, in their own case.
fn raw_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|p| p.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|p| !p.is_empty())
}

/// (position, row id, type, class) of every lexicon form occurring in `toks`, in order.
fn hits<'m>(m: &'m Model, toks: &[String]) -> Vec<(usize, &'m str, &'m str, &'m str)> {
    let mut out = Vec::new();
    for (i, w) in toks.iter().enumerate() {
        for (t, id, typ, cls) in m.lex.get(w).into_iter().flatten() {
            if toks.len() >= i + t.len() && toks[i..i + t.len()] == t[..] {
                out.push((i, id.as_str(), typ.as_str(), cls.as_str()));
            }
        }
    }
    out
}

fn len_bucket(n: usize) -> &'static str {
    match n {
        0..=3 => "1",
        4..=8 => "2",
        9..=20 => "3",
        _ => "4",
    }
}

/// The features of an attribution, sorted and without repeats (the script's `features`).
pub fn features(source: &str, cue: &str, content: &str) -> Vec<String> {
    let m = model();
    let mut f = vec!["b".to_string()];
    let st = tokens(source);
    if let Some(last) = st.last() {
        f.push(format!("s:{last}"));
        if st.len() == 1 && SOURCE_PRONOUNS.contains(&last.as_str()) {
            f.push("s:pron".into());
        }
    }
    let ct = tokens(cue);
    f.push(format!("c:{}", if ct.is_empty() { "-".to_string() } else { ct.join("_") }));
    for w in &ct {
        f.push(format!("cw:{w}"));
    }
    for (_, id, typ, _) in hits(m, &ct) {
        f.push(format!("cl:{id}"));
        f.push(format!("ct:{typ}"));
    }
    let toks = tokens(content);
    let lead: &[String] = if toks.first().is_some_and(|w| w == "that") { &toks[1..] } else { &toks };
    if let Some(l0) = lead.first() {
        f.push(format!("l1:{l0}"));
        if let Some(l1) = lead.get(1) {
            f.push(format!("l2:{l0}_{l1}"));
        }
    }
    if toks.first().is_some_and(|w| w == "to") {
        f.push("inf".into());
    }
    for w in &toks {
        f.push(format!("w:{w}"));
    }
    let off = toks.len() - lead.len();
    for (i, id, typ, cls) in hits(m, &toks) {
        f.push(format!("kl:{id}"));
        f.push(format!("kt:{typ}_{cls}"));
        if i < off + 4 {
            f.push(format!("k0:{typ}_{cls}"));
        }
    }
    for (i, w) in lead.iter().enumerate() {
        if MODALS.contains(&w.as_str()) {
            f.push(format!("m:{w}"));
            if i < 6 {
                f.push(format!("m0:{w}"));
            }
        }
        if w.ends_with("n't") {
            f.push("neg".into());
        }
        let mut p = person(w);
        if p.is_none() {
            // "we'll", "i'd": the pronoun with its clitic modal
            if let Some((pron, clitic)) = w.split_once('\'') {
                if let Some(q) = person(pron) {
                    p = Some(q);
                    f.push(format!("pm:{q}_'{clitic}"));
                }
            }
        }
        if let Some(p) = p {
            if let Some(v) = lead[i + 1..].iter().take(2).find(|v| MODALS.contains(&v.as_str())) {
                f.push(format!("pm:{p}_{v}"));
            }
        }
    }
    let trimmed = content.trim();
    let body = trimmed.trim_end_matches(|c: char| QUOTE_MARKS.contains(&c) || c == ' ');
    if body.ends_with('?') {
        f.push("q".into());
    }
    if toks.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        f.push("num".into());
    }
    f.push(format!("len:{}", len_bucket(toks.len())));
    if trimmed.starts_with(QUOTE_MARKS) {
        f.push("dq".into());
    }
    // words of wrongdoing, and a capitalised word (a party named) after the first
    let is_ne = |w: &String| m.neg_eval.binary_search(&w.as_str()).is_ok();
    let cap = raw_words(content).skip(1).any(|w| w != "I" && w.chars().next().is_some_and(char::is_uppercase));
    if toks.iter().any(is_ne) {
        f.push("ne".into());
        if let Some(last) = ct.last() {
            f.push(format!("nec:{last}"));
        }
        if cap {
            f.push("necap".into());
        }
    }
    if lead.iter().take(6).any(is_ne) {
        f.push("ne0".into());
    }
    if cap {
        f.push("cap".into());
    }
    crate::sort::sort_by(&mut f, |a, b| a.cmp(b));
    f.dedup();
    f
}

/// The probability of each label ([`LABELS`] order) for an attribution.
pub fn probabilities(source: &str, cue: &str, content: &str) -> [f32; 8] {
    let m = model();
    let mut s = [0f32; 8];
    for feat in features(source, cue, content) {
        if let Some(w) = m.weights.get(&feat) {
            for k in 0..8 {
                s[k] += w[k];
            }
        }
    }
    let max = s.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut z = 0.0;
    for v in &mut s {
        *v = (*v - max).exp();
        z += *v;
    }
    s.map(|v| v / z)
}

/// The most probable label and its probability.
pub fn classify(source: &str, cue: &str, content: &str) -> Verdict {
    let p = probabilities(source, cue, content);
    let (k, &pk) = p.iter().enumerate().fold((0, &p[0]), |a, b| if b.1 > a.1 { b } else { a });
    Verdict { label: LABELS[k], p: pk }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_parse_without_duplicates() {
        let m = parse(MODEL).unwrap();
        assert!(m.len() >= 500 && m.len() <= 5000, "{} features", m.len());
        assert!(m.contains_key("b"));
        assert!(parse("a\t1\t2\t3\t4\t5\t6\t7\t8\na\t1\t2\t3\t4\t5\t6\t7\t8\n").is_err());
        assert!(parse("a\t1\t2\n").is_err());
        assert!(parse("@unit\t0\na\t1\t2\t3\t4\t5\t6\t7\t8\n").is_err());
        assert!(parse("@unit\tx\n").is_err());
    }

    /// The decimal `n / 20` stands for, written out by hand in hundredths ("-9" → "-0.45").
    fn decimal(n: &str) -> String {
        let hundredths = n.parse::<i64>().unwrap() * 5;
        let sign = if hundredths < 0 { "-" } else { "" };
        let digits = format!("{:0>3}", hundredths.abs());
        let (int, frac) = digits.split_at(digits.len() - 2);
        format!("{sign}{int}.{frac}")
    }

    /// Every shipped weight, an integer over `@unit` (20: twentieths), is bit for bit the `f32` of the
    /// decimal it stands for.
    #[test]
    fn integer_weights_are_the_decimal_weights() {
        let m = parse(MODEL).unwrap();
        assert!(MODEL.lines().any(|l| l == "@unit\t20"), "the shipped file is in twentieths");
        assert_eq!(decimal("-9"), "-0.45");
        assert_eq!(decimal("27"), "1.35");
        let mut n = 0;
        for r in rows(MODEL).filter(|r| r[0] != "@unit") {
            let w = &m[r[0]];
            for (k, v) in r[1..].iter().enumerate() {
                let want: f32 = decimal(v).parse().unwrap();
                assert_eq!(w[k].to_bits(), want.to_bits(), "{} column {k}: {v} → {} vs {want}", r[0], w[k]);
                n += 1;
            }
        }
        assert!(n >= 4000, "{n} weights");
        // the same row written both ways
        let a = parse("@unit\t1000\nx\t-496\t17\t0\t1325\t-1\t5\t-40\t2\n").unwrap();
        let b = parse("x\t-0.496\t0.017\t0\t1.325\t-0.001\t0.005\t-0.04\t0.002\n").unwrap();
        assert_eq!(a["x"].map(f32::to_bits), b["x"].map(f32::to_bits));
    }

    /// The wrongdoing words are sorted (the lookup is a binary search), lower case, one word a line, no repeats.
    #[test]
    fn neg_eval_words_are_sorted() {
        let m = model();
        assert!(m.neg_eval.len() >= 100, "{} words", m.neg_eval.len());
        assert!(m.neg_eval.windows(2).all(|w| w[0] < w[1]), "lexicons/neg_eval.txt is not sorted without repeats");
        assert!(m.neg_eval.iter().all(|w| tokens(w) == [w.to_string()]), "a row that is not one lower-case token");
    }

    #[test]
    fn tokens_follow_the_script() {
        assert_eq!(tokens("“We won’t go,” he said."), vec!["we", "won't", "go", "he", "said"]);
        assert_eq!(tokens("'quoted' U.S.-led"), vec!["quoted", "u", "s", "led"]);
    }

    #[test]
    fn features_of_a_demand() {
        let f = features("Berg", "urged", "Borduria to release the journalists");
        for want in ["b", "s:berg", "c:urged", "cw:urged", "cl:demand/urge", "ct:demand", "l1:borduria", "w:release"] {
            assert!(f.contains(&want.to_string()), "{want} not in {f:?}");
        }
        let h = features("Lind", "said", "the ministry lied to Borduria");
        for want in ["ne", "nec:said", "necap", "ne0", "cap"] {
            assert!(h.contains(&want.to_string()), "{want} not in {h:?}");
        }
        let plain = features("Lind", "said", "the talks went well");
        assert!(!plain.iter().any(|x| x.starts_with("ne") || x == "cap"), "{plain:?}");
        let g = features("He", "said", "that we will never accept this?");
        for want in ["s:pron", "l1:we", "pm:1_will", "m0:never", "q", "kl:rejection/not-accept", "len:2"] {
            assert!(g.contains(&want.to_string()), "{want} not in {g:?}");
        }
    }

    #[test]
    fn types_hand_written_attributions() {
        let t = |s: &str, c: &str, x: &str| classify(s, c, x).label;
        assert_eq!(t("Berg", "urged", "Borduria to release the detained journalists"), Some(StatementType::Demand));
        assert_eq!(t("The ministry", "denied", "the report"), Some(StatementType::Denial));
        assert_eq!(t("Lind", "accused", "Borduria of lying about the attack"), Some(StatementType::Accusation));
        assert_eq!(t("Holm", "promised", "to send more aid"), Some(StatementType::Commitment));
        assert_eq!(t("Holm", "refused", "to meet the delegation"), Some(StatementType::Rejection));
        assert_eq!(t("A poll", "showed", "Lind ahead 45 to 43 percent"), None);
    }

    /// The Rust features and scores are the script's: on every typed-polnear item the label agrees with
    /// `train_statement_typer.py --predict` (but for near ties) and the probability is within 1e-3 (skips
    /// without ../shared).
    #[test]
    fn scores_like_the_training_script() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let data = root.join("../shared/data/statements/typed-polnear/typed_polnear_train.jsonl");
        let Ok(text) = std::fs::read_to_string(&data) else {
            eprintln!("skipping: {} is absent", data.display());
            return;
        };
        let out = std::process::Command::new("python3")
            .arg(root.join("scripts/train_statement_typer.py"))
            .arg("--predict")
            .output();
        let Some(out) = out.ok().filter(|o| o.status.success()) else {
            eprintln!("skipping: python3 scripts/train_statement_typer.py --predict does not run");
            return;
        };
        let want = String::from_utf8(out.stdout).unwrap();
        let mut n = 0;
        let mut bad = Vec::new();
        for (line, w) in text.lines().zip(want.lines()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
            let got = classify(&s("source"), &s("cue"), &s("content"));
            let cols: Vec<&str> = w.split('\t').collect();
            let label = got.label.map_or("none", |t| t.as_str());
            let p: f32 = cols[2].parse().unwrap();
            // a near tie (two labels within 1e-3) may break either way between f32 and f64
            let all = probabilities(&s("source"), &s("cue"), &s("content"));
            let theirs = LABELS.iter().position(|l| l.map_or("none", |t| t.as_str()) == cols[1]).unwrap();
            let tie = (all[theirs] - got.p).abs() <= 1e-3;
            if (label != cols[1] && !tie) || (got.p - p).abs() > 1e-3 {
                bad.push(format!("item {}: rust {label} {:.4}, script {} {p}", cols[0], got.p, cols[1]));
            }
            n += 1;
        }
        assert!(n >= 2000, "{n} items");
        assert!(bad.is_empty(), "{} of {n} differ:\n{}", bad.len(), bad[..bad.len().min(20)].join("\n"));
    }
}
