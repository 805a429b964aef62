//! The tagger pass: reported speech the rules missed, from the learned content tagger
//! ([`crate::quotes::tagger`]), where no rule quote is.

use std::collections::BTreeMap;

use super::context::{overlaps_quotation, wc, Ctx, Speaker};
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
        crate::quotes::tagger::content_spans(text.slice(c)).into_iter().map(move |(a, b)| (a + c.start, b + c.start))
    });
    // quotes with a speaker by where they end (the last one wins a tie), for "the quote just before"
    let mut ends: BTreeMap<usize, (Option<MentionId>, Span)> = BTreeMap::new();
    for f in out.iter() {
        if let Some(sp) = f.speaker_span {
            ends.insert(f.span().end, (f.speaker, sp));
        }
    }
    for (a, b) in spans {
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
        let cue = before.or_else(after);
        // no cue: the subject of the clause, the nearest mention before the span in its sentence
        let subject = || {
            (sa..ka).rev().find_map(|k| {
                let m = cx.mention_ending_at(text.tokens[k].span.end)?;
                Some(Speaker { mention: Some(m), span: cx.mentions[m].span, first: k })
            })
        };
        // a quotation with neither: the speaker of the quote just before, in this paragraph or the last
        let previous = || {
            let para = text.paragraph_of(a)?;
            let (&end, &(mention, span)) = ends.range(..=a).next_back()?;
            text.paragraph_of(end).is_some_and(|p| p + 1 >= para).then_some(Speaker { mention, span, first: 0 })
        };
        let quoted = s.starts_with(['“', '"', '«', '\'']);
        let speaker = cue.map(|(_, s)| s).or_else(|| if quoted { previous() } else { subject() });
        if speaker.is_none() {
            continue;
        }
        // the classifier of attributions: unlikely spans are dropped, the others carry its probability
        let p = attribution_probability(text.src.as_str(), span, speaker.map(|s| text.slice(s.span)));
        if gate && p < MIN_ATTRIBUTION_PROBABILITY {
            continue;
        }
        taken.insert(span);
        if let Some(sp) = speaker {
            ends.insert(b, (sp.mention, sp.span));
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
            confidence: p,
            rule: RuleId::IndirectTagger.as_str(),
        });
    }
}

/// A tagger span whose [`attribution_probability`] is lower than this is dropped (spans kept above it
/// add to F1 while their precision is over about half the F1 reached, 0.7 on PolNeAR).
pub(super) const MIN_ATTRIBUTION_PROBABILITY: f32 = 0.4;

/// The probability that the tagger's `span` of `src` (speaker phrase `speaker`) is an attribution: a
/// logistic regression over [`gate_features`] with the weights of `lexicons/tagger_gate.tsv`, learned on
/// PolNeAR train by `scripts/make_tagger_gate.py`, which computes the same features.
pub(super) fn attribution_probability(src: &str, span: Span, speaker: Option<&str>) -> f32 {
    let w = &crate::lexicon::lexicon().tagger_gate;
    let z: f32 = gate_features(src, span, speaker).iter().filter_map(|f| w.get(f)).sum();
    1.0 / (1.0 + (-z).exp())
}

/// The classifier's features of a span (`scripts/make_tagger_gate.py` has the same definition): `bias`;
/// the first word of the span, the word before it and the word after it (a run of letters, lower case,
/// else the one character; `<s>`, `</s>` at the text's ends); its length in words (`len=a` 3–4, `b` 5–8,
/// `c` 9–16, `d` more); the speaker (`spk=none`, `pronoun`, `other`); whether it opens with a
/// quotation mark, and whether it holds one.
pub(super) fn gate_features(src: &str, span: Span, speaker: Option<&str>) -> Vec<String> {
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
    let n = body.split_whitespace().count();
    let len = match n {
        0..=4 => "a",
        5..=8 => "b",
        9..=16 => "c",
        _ => "d",
    };
    let spk = match speaker.map(str::to_lowercase) {
        None => "none",
        Some(s) if matches!(s.as_str(), "he" | "she" | "they" | "i" | "we" | "it" | "you") => "pronoun",
        Some(_) => "other",
    };
    let marks = ['“', '”', '"', '«', '»'];
    let mut f = vec![
        "bias".to_string(),
        format!("first={}", word_at_start(body)),
        format!("prev={}", word_at_end(src[..span.start].trim_end())),
        format!("next={}", word_at_start(src[span.end..].trim_start())),
        format!("len={len}"),
        format!("spk={spk}"),
    ];
    if body.starts_with(['“', '"', '«', '\'', '‘']) {
        f.push("quoted".to_string());
    }
    if body.contains(marks) {
        f.push("hasquote".to_string());
    }
    f
}
