//! The tagger pass: reported speech the rules missed, from the learned content tagger
//! ([`crate::quotes::tagger`]), where no rule quote is.

use std::collections::BTreeMap;

use super::context::{is_cap, overlaps_quotation, wc, Ctx, Speaker};
use super::direct::looks_like_title;
use super::rules::RuleId;
use super::SpanSet;
use crate::lexicon::WordClass;
use crate::mentions::MentionId;
use crate::quotes::marks::Quotation;
use crate::quotes::Candidate;
use crate::report::{QuoteKind, Span};

/// Adds the tagger's content spans that no rule quote overlaps: three words or more, no quotation marks
/// (quotations are the rules' ground), each with the speaker of the nearest cue in its sentence (the
/// subject before a cue before the span, or the speaker of a cue after it), or none.
pub(super) fn tagged(cx: &Ctx, qs: &[Quotation], taken: &mut SpanSet, out: &mut Vec<Candidate>, gate: bool) {
    let text = cx.text;
    // paragraph by paragraph (the tagger's memory follows the chunk, not the page); a paragraph longer than
    // CHUNK_BYTES is cut at sentence ends
    const CHUNK_BYTES: usize = 16 * 1024;
    let mut chunks: Vec<Span> = Vec::new();
    for p in text.paragraphs.iter().filter(|p| cx.prose(p.start)) {
        if p.len() <= CHUNK_BYTES {
            chunks.push(*p);
            continue;
        }
        let mut start = p.start;
        for s in text.sentences.iter().filter(|s| s.start >= p.start && s.end <= p.end) {
            if s.end - start > CHUNK_BYTES && s.start > start {
                chunks.push(Span::new(start, s.start));
                start = s.start;
            }
        }
        chunks.push(Span::new(start, p.end));
    }
    let spans = chunks.into_iter().flat_map(|c| {
        crate::quotes::tagger::scored_spans(text.slice(c))
            .into_iter()
            .map(move |(a, b, m)| (a + c.start, b + c.start, m))
    });
    // quotes with a speaker by where they end (the last one wins a tie), for "the quote just before":
    // end → index into `speakers` (a map of `usize` to `usize`, the type the span set already uses,
    // so that the WASM module carries one B-tree instantiation less)
    let mut ends: BTreeMap<usize, usize> = BTreeMap::new();
    let mut speakers: Vec<(Option<MentionId>, Span)> = Vec::new();
    for f in out.iter() {
        if let Some(sp) = f.speaker_span {
            ends.insert(f.span().end, speakers.len());
            speakers.push((f.speaker, sp));
        }
    }
    for (a, b, margin) in spans {
        let span = Span::new(a, b);
        let s = text.slice(span);
        if s.len() <= 3 || s.split_whitespace().count() < 3 || taken.overlaps(span) {
            continue;
        }
        // a title in quotation marks ("She wrote “The Long Road Home” in 1998") is no statement
        if qs.iter().any(|q| q.span.overlaps(&span) && looks_like_title(cx, *q)) {
            continue;
        }
        // "that retains close ties with the Kremlin": a relative clause, not a that-clause
        let mut w = s.split_whitespace().map(str::to_lowercase);
        if w.next().is_some_and(|f| f == "that" || f == "which" || f == "who")
            && w.next()
                .is_some_and(|v| v.ends_with("ed") || v.ends_with('s') || wc().is(WordClass::RelativeVerb, v.as_str()))
        {
            continue;
        }
        let (sa, sz) = cx.sentence_tokens(a);
        let (ka, kz) = (text.token_at_or_after(a), text.token_at_or_after(b));
        let cue_ok = |c: usize| cx.entry(c).is_some_and(|e| !e.nominal());
        let before = (sa..ka).rev().find(|&c| cue_ok(c)).and_then(|c| Some((c, cx.subject_before(c, sa)?)));
        let after = || {
            (kz..sz).find(|&c| cue_ok(c)).and_then(|c| {
                let s = cx.subject_before(c, kz).or_else(|| cx.subject_after(c, sz))?;
                Some((c, s))
            })
        };
        // an adverb before the cue ("falsely suggesting", "now said") is no speaker: the sentence's subject is
        let adverb = |s: &Speaker| {
            s.mention.is_none() && cx.text.token_at_or_after(s.span.end) == s.first + 1 && {
                let w = cx.word(s.first);
                !is_cap(w) && (cx.skippable(s.first) || cx.adjunct(s.first))
            }
        };
        // no cue before: the subject of the clause — the mention opening the sentence or its first clause
        // after a comma ("Obama spoke at the White House about …", "In Iowa, Cruz talked about …"), else
        // the nearest mention before the span
        let subject = || {
            cx.subject_first(sa, ka).filter(|s| s.span.end <= a).or_else(|| cx.subject_after_comma(sa, ka)).or_else(
                || {
                    (sa..ka).rev().find_map(|k| {
                        let m = cx.mention_ending_at(text.tokens[k].span.end)?;
                        Some(Speaker { mention: Some(m), span: cx.mentions[m].span, first: k })
                    })
                },
            )
        };
        // a quotation with neither: the speaker of the quote just before, in this paragraph or the last
        let previous = || {
            let para = text.paragraph_of(a)?;
            let (&end, &k) = ends.range(..=a).next_back()?;
            let (mention, span) = speakers[k];
            text.paragraph_of(end).is_some_and(|p| p + 1 >= para).then_some(Speaker { mention, span, first: 0 })
        };
        let quoted = s.starts_with(['“', '"', '«', '\'']);
        // a cue before the span, else (not quoted) the clause's subject, else a cue after it ("…, the
        // aide said"), else (quoted) the previous quote's speaker: a cue after a span with a subject before
        // it belongs to the next clause more often than not (PolNeAR train: right speaker 39 % → 65 %)
        let speaker = before
            .filter(|(_, s)| !adverb(s))
            .map(|(_, s)| s)
            .or_else(|| if quoted { None } else { subject() })
            .or_else(|| after().filter(|(_, s)| !adverb(s)).map(|(_, s)| s))
            .or_else(|| if quoted { previous() } else { None });
        if speaker.is_none() {
            continue;
        }
        // the classifier of attributions: unlikely spans are dropped, the others carry its probability
        let p = attribution_probability(text.src.as_str(), span, speaker.map(|s| s.span), margin);
        if gate && p < MIN_ATTRIBUTION_PROBABILITY {
            continue;
        }
        // with the gate off (training its classifier), the confidence carries the tagger's margin instead
        let confidence = if gate { tagger_confidence(p) } else { squash_margin(margin) };
        taken.insert(span);
        if let Some(sp) = speaker {
            ends.insert(b, speakers.len());
            speakers.push((sp.mention, sp.span));
        }
        out.push(Candidate {
            kind: if overlaps_quotation(qs, span) { QuoteKind::Mixed } else { QuoteKind::Indirect },
            fragments: vec![span],
            // the cue word only finds the speaker: the tagger does not say the word governs the span
            cue: None,
            cue_lemma: None,
            speaker: speaker.and_then(|s| s.mention),
            speaker_span: speaker.map(|s| s.span),
            reported_source: None,
            confidence,
            rule: RuleId::IndirectTagger.as_str(),
        });
    }
}

/// A tagger span whose [`attribution_probability`] is lower than this is dropped: the threshold of best
/// train F1 (all kinds) with the classifier judged 5-fold by document on PolNeAR train
/// (`scripts/make_tagger_gate.py --kfold 5`). The classifier ranks weakly (held-out precision of the kept
/// spans 0.58 at 0, 0.69 at 0.4, 0.76 at 0.5), so dropping more spans costs train F1; the kept ones are
/// shown unsure instead ([`tagger_confidence`]).
pub(super) const MIN_ATTRIBUTION_PROBABILITY: f32 = 0.1;

/// A kept tagger quote's confidence: how likely its span and its speaker are both right, the gate's logit
/// rescaled by `@calibration_a` and `@calibration_b` of `lexicons/tagger_gate.tsv` (fitted on held-out
/// train spans; about 0.38 on average, under [`crate::display::UNSURE_BELOW`] for almost every span).
fn tagger_confidence(p: f32) -> f32 {
    let w = &crate::lexicon::lexicon().tagger_gate;
    let (a, b) = (w.get("@calibration_a").copied().unwrap_or(1.0), w.get("@calibration_b").copied().unwrap_or(0.0));
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    let z = (p / (1.0 - p)).ln();
    1.0 / (1.0 + (-(a * z + b)).exp())
}

/// The scale of [`squash_margin`].
const MARGIN_SCALE: f32 = 16.0;

/// The tagger's mean margin as a number in (0, 1), `1 / (1 + e^(-margin / 16))`: a tagger quote's
/// confidence when the gate is off, from which `scripts/make_tagger_gate.py` recovers the margin.
fn squash_margin(margin: f32) -> f32 {
    1.0 / (1.0 + (-margin / MARGIN_SCALE).exp())
}

/// The probability that the tagger's `span` of `src` (speaker phrase at `speaker`, tagger margin `margin`)
/// is an attribution: a logistic regression over [`gate_features`] with the weights of
/// `lexicons/tagger_gate.tsv`, learned on PolNeAR train by `scripts/make_tagger_gate.py`, which computes
/// the same features.
pub(super) fn attribution_probability(src: &str, span: Span, speaker: Option<Span>, margin: f32) -> f32 {
    let w = &crate::lexicon::lexicon().tagger_gate;
    let z: f32 = gate_features(src, span, speaker, margin).iter().filter_map(|f| w.get(f)).sum();
    1.0 / (1.0 + (-z).exp())
}

/// Runs of letters, lower case.
fn letter_runs(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// A count in words as a letter: `a` up to 4, `b` 5–8, `c` 9–16, `d` more.
fn words_bucket(n: usize) -> &'static str {
    match n {
        0..=4 => "a",
        5..=8 => "b",
        9..=16 => "c",
        _ => "d",
    }
}

/// The classifier's features of a span (`scripts/make_tagger_gate.py` has the same definition): `bias`;
/// the first word of the span, the word before it and the word after it (a run of letters, lower case,
/// else the one character; `<s>`, `</s>` at the text's ends) and its last run of letters; its length in
/// words ([`words_bucket`]); the speaker (`spk=none`, `pronoun`, `other`), where it is (`before`, `after`
/// or `inside` the span), how many words lie between them, and the first cue word there (its lemma, and
/// its class with the position); whether the span opens a paragraph, ends on `.`, `?` or `!`, opens with
/// a quotation mark or holds one; and the tagger's mean margin ([`margin_step`]).
pub(super) fn gate_features(src: &str, span: Span, speaker: Option<Span>, margin: f32) -> Vec<String> {
    fn word_at_start(s: &str) -> String {
        match s.chars().next() {
            None => "</s>".to_string(),
            Some(c) if c.is_alphabetic() => {
                s.chars().take_while(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect()
            }
            Some(c) => c.to_string(),
        }
    }
    fn word_at_end(s: &str) -> String {
        match s.chars().next_back() {
            None => "<s>".to_string(),
            Some(c) if c.is_alphabetic() => {
                let mut w: Vec<char> = s.chars().rev().take_while(|c| c.is_alphabetic()).collect();
                w.reverse();
                w.into_iter().flat_map(char::to_lowercase).collect()
            }
            Some(c) => c.to_string(),
        }
    }
    let body = &src[span.start..span.end];
    let words = letter_runs(body);
    let marks = ['“', '”', '"', '«', '»'];
    let mut f = vec![
        "bias".to_string(),
        format!("first={}", word_at_start(body)),
        format!("prev={}", word_at_end(src[..span.start].trim_end())),
        format!("next={}", word_at_start(src[span.end..].trim_start())),
        format!("len={}", words_bucket(body.split_whitespace().count())),
        format!("last={}", words.last().map_or("-", String::as_str)),
    ];
    match speaker {
        None => f.push("spk=none".to_string()),
        Some(sp) => {
            let s = src[sp.start..sp.end].to_lowercase();
            let form = if matches!(s.as_str(), "he" | "she" | "they" | "i" | "we" | "it" | "you") {
                "pronoun"
            } else {
                "other"
            };
            let (pos, gap) = if sp.end <= span.start {
                ("before", &src[sp.end..span.start])
            } else if sp.start >= span.end {
                ("after", &src[span.end..sp.start])
            } else {
                ("inside", "")
            };
            let gap = letter_runs(gap);
            let cues = &crate::lexicon::lexicon().cues;
            let cue = gap.iter().find_map(|w| cues.get(w.as_str()));
            f.push(format!("spk={form}"));
            f.push(format!("spkpos={pos}"));
            f.push(format!("spkgap={pos}{}", words_bucket(gap.len())));
            f.push(format!("spkform={form}{pos}"));
            f.push(format!("cue={}", cue.map_or("-", |e| e.lemma.as_str())));
            f.push(format!("cuecls={pos}{}", cue.map_or("-", |e| e.class.as_str())));
        }
    }
    let before = src[..span.start].trim_end_matches([' ', '\t']);
    if before.is_empty() || before.ends_with('\n') {
        f.push("parastart".to_string());
    }
    if body.ends_with(['.', '?', '!']) {
        f.push("endstop".to_string());
    }
    if body.starts_with(['“', '"', '«', '\'', '‘']) {
        f.push("quoted".to_string());
    }
    if body.contains(marks) {
        f.push("hasquote".to_string());
    }
    f.push(format!("tm={}", margin_step(margin)));
    f
}

/// The tagger's mean margin by steps of 4 from 20 (its spans' tenth percentile on PolNeAR train):
/// -1 under 20, 0 for 20–24, … 6 for 44 and over.
fn margin_step(margin: f32) -> i32 {
    (((margin - 20.0) / 4.0).floor() as i32).clamp(-1, 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_sees_the_speaker_its_cue_and_the_margin() {
        let src = "Ms. Diaz argued on Monday the deal was dead.";
        let (a, b) = (src.find("the deal").unwrap(), src.len() - 1);
        let f = gate_features(src, Span::new(a, b), Some(Span::new(0, 8)), 31.0);
        for want in ["spk=other", "spkpos=before", "spkgap=beforea", "cue=argue", "cuecls=beforespeech", "tm=2"] {
            assert!(f.iter().any(|x| x == want), "{want} not in {f:?}");
        }
        let none = gate_features(src, Span::new(a, b), None, 10.0);
        assert!(none.iter().any(|x| x == "spk=none") && none.iter().any(|x| x == "tm=-1"), "{none:?}");
    }

    #[test]
    fn tagger_quotes_are_calibrated_to_unsure() {
        // the tagger's span and speaker are both right about 38 % of the time on held-out train (under half
        // up to a gate probability of 0.5)
        for p in [0.1, 0.3, 0.5] {
            assert!(tagger_confidence(p) < crate::display::UNSURE_BELOW, "{p}: {}", tagger_confidence(p));
        }
        assert!(tagger_confidence(0.2) < tagger_confidence(0.6));
    }

    #[test]
    fn the_squashed_margin_keeps_its_order() {
        assert!(squash_margin(10.0) < squash_margin(40.0) && squash_margin(80.0) < 1.0);
    }
}
