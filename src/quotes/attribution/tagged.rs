//! The tagger pass: reported speech the rules missed, from the learned content tagger
//! ([`crate::quotes::tagger`]), where no rule quote is.

use std::collections::BTreeMap;

use super::context::{overlaps_quotation, wc, Ctx, Speaker};
use super::direct::looks_like_title;
use super::rules::RuleId;
use super::SpanSet;
use crate::lexicon::WordClass;
use crate::quotes::marks::Quotation;
use crate::quotes::Candidate;
use crate::report::{QuoteKind, Span};

/// Adds the tagger's content spans that no rule quote overlaps: three words or more, no quotation marks
/// (quotations are the rules' ground), each with the speaker of the nearest cue in its sentence (the
/// subject before a cue before the span, or the speaker of a cue after it), or none.
pub(super) fn tagged(cx: &Ctx, qs: &[Quotation], taken: &mut SpanSet, out: &mut Vec<Candidate>) {
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
    let mut ends: BTreeMap<usize, (Option<usize>, Span)> = BTreeMap::new();
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
            confidence: 0.4,
            rule: RuleId::IndirectTagger.as_str(),
        });
    }
}
