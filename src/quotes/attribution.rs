//! Attribution: the cue and the speaker of each quotation, split quotes, and indirect speech.
//!
//! Rules, each with an id recorded in the quote:
//!
//! * `direct/cue-after`  — “…,” Putin said. / “…,” said Putin. / “…,” the Russian leader continued to say.
//! * `direct/cue-before` — Putin said: “…” / Putin said, “…”
//! * `direct/split`      — “A,” he said, “B.” (one quote, two fragments)
//! * `direct/continuation` — a following cue-less quotation that is a whole sentence, in the same or the
//!   next paragraph, continues the previous speaker.
//! * `mixed/cue-before` — Price noted that … “…” (reported speech carrying a quotation)
//! * `indirect/that`    — Putin further said that … (to the end of the sentence)
//! * `indirect/cue-after` — …, Price said. (from the sentence start to the comma)
//!
//! Between a speaker and its cue, adverbs, auxiliaries and time adjuncts are skipped
//! ("Putin on Tuesday also said", "has repeatedly said").

use std::collections::HashMap;

use super::marks::{quotations, Quotation};
use super::Found;
use crate::lexicon::lexicon;
use crate::mentions::Mention;
use crate::report::{QuoteKind, Span};
use crate::text::{Text, TokenKind};

/// Words that may stand between a speaker and the cue.
const SKIPPABLE: &[&str] = &[
    "also",
    "further",
    "then",
    "again",
    "has",
    "have",
    "had",
    "later",
    "previously",
    "repeatedly",
    "recently",
    "earlier",
    "once",
    "would",
    "will",
    "was",
    "continued",
    "to",
    "went",
    "on",
    "in",
    "a",
    "statement",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "not",
    "did",
    "does",
    "do",
    "just",
    "had",
    "publicly",
    "privately",
];

/// Quotations of at most this many words are scare quotes or fragments, not statements on their own.
const SHORT_QUOTE_WORDS: usize = 3;

struct Ctx<'a> {
    text: &'a Text,
    mentions: &'a [Mention],
    /// mention index by the byte where it ends
    by_end: HashMap<usize, usize>,
    /// mention index by the byte where it starts
    by_start: HashMap<usize, usize>,
}

impl<'a> Ctx<'a> {
    fn word(&self, i: usize) -> &'a str {
        match self.text.tokens.get(i) {
            Some(t) if t.kind == TokenKind::Word => self.text.slice(t.span),
            _ => "",
        }
    }
    fn punct(&self, i: usize) -> &'a str {
        match self.text.tokens.get(i) {
            Some(t) if t.kind != TokenKind::Word => self.text.slice(t.span),
            _ => "",
        }
    }
    fn cue(&self, i: usize) -> Option<&'static str> {
        let w = self.word(i).to_lowercase();
        lexicon().cues.get(&w).map(|c| c.lemma.as_str())
    }
    /// Mention ending right before token `i`, skipping adverbs and auxiliaries; returns its index.
    fn subject_before(&self, i: usize, floor: usize) -> Option<usize> {
        let mut k = i;
        while k > floor {
            k -= 1;
            let t = self.text.tokens[k];
            if let Some(&m) = self.by_end.get(&t.span.end) {
                return Some(m);
            }
            let w = self.word(k).to_lowercase();
            if w.is_empty() || !(SKIPPABLE.contains(&w.as_str()) || w.ends_with("ly")) {
                return None;
            }
        }
        None
    }
    /// Mention starting right after token `i` ("said Putin").
    fn subject_after(&self, i: usize) -> Option<usize> {
        let t = self.text.tokens.get(i + 1)?;
        self.by_start.get(&t.span.start).copied()
    }
    fn sentence_tokens(&self, b: usize) -> (usize, usize) {
        let s = self.text.sentence_of(b).map(|s| self.text.sentences[s]).unwrap_or(Span::new(b, b));
        let a = self.text.token_at_or_after(s.start);
        let z = self.text.token_at_or_after(s.end);
        (a, z)
    }
}

/// A cue with its speaker: (cue token, speaker mention, first token after the construction).
struct Cue {
    tok: usize,
    speaker: Option<usize>,
    end: usize,
}

/// Finds every attributed quote in `text`.
pub fn attribute(text: &Text, mentions: &[Mention]) -> Vec<Found> {
    let mut by_end = HashMap::new();
    let mut by_start = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        by_end.insert(m.span.end, i);
        by_start.insert(m.span.start, i);
    }
    let cx = Ctx { text, mentions, by_end, by_start };
    let qs = quotations(text);
    let mut out: Vec<Found> = Vec::new();
    let mut used_cues: Vec<usize> = Vec::new();
    let mut qi = 0;
    while qi < qs.len() {
        let q = qs[qi];
        qi += 1;
        let words = word_count(text, q.span);
        let (sa, sz) = cx.sentence_tokens(q.span.start);
        let qa = text.token_at_or_after(q.span.start);
        let qz = text.token_at_or_after(q.span.end);
        // cue after the quotation: “…,” X said / said X
        if let Some(c) = cue_after(&cx, qz, sz) {
            let mut fragments = vec![q.span];
            let mut rule = "direct/cue-after";
            // split quote: “A,” he said, “B.”
            if let Some(n) = qs.get(qi) {
                let gap = &text.src
                    [text.tokens.get(c.end).map_or(q.span.end, |t| t.span.start).min(n.span.start)..n.span.start];
                if text.sentence_of(n.span.start) == text.sentence_of(q.span.start)
                    && gap.trim().trim_matches(',').trim().is_empty()
                {
                    fragments.push(n.span);
                    qi += 1;
                    rule = "direct/split";
                }
            }
            used_cues.push(c.tok);
            let kind = if words <= SHORT_QUOTE_WORDS { QuoteKind::Mixed } else { QuoteKind::Direct };
            out.push(found(&cx, kind, fragments, c, rule, 0.9));
            continue;
        }
        // cue before the quotation: X said: “…” / X noted that … “…”
        if let Some((c, mixed_start)) = cue_before(&cx, qa, sa) {
            used_cues.push(c.tok);
            match mixed_start {
                None => out.push(found(&cx, QuoteKind::Direct, vec![q.span], c, "direct/cue-before", 0.85)),
                Some(ms) => {
                    let end = content_end(
                        text,
                        q.span.end.max(text.sentences[text.sentence_of(q.span.start).unwrap_or(0)].end),
                    );
                    out.push(found(&cx, QuoteKind::Mixed, vec![Span::new(ms, end)], c, "mixed/cue-before", 0.75));
                }
            }
            continue;
        }
        // a cue-less whole-sentence quotation continues the previous direct speaker
        if words > SHORT_QUOTE_WORDS && !q.single {
            if let Some(prev) = out.last() {
                let near = match (text.paragraph_of(prev.span().end), text.paragraph_of(q.span.start)) {
                    (Some(a), Some(b)) => b <= a + 1,
                    _ => false,
                };
                if near && prev.kind == QuoteKind::Direct && prev.speaker.is_some() {
                    out.push(Found {
                        kind: QuoteKind::Direct,
                        fragments: vec![q.span],
                        cue: None,
                        cue_lemma: None,
                        speaker: prev.speaker,
                        confidence: 0.6,
                        rule: "direct/continuation",
                    });
                }
            }
        }
    }
    // indirect speech from the remaining cues
    for (i, t) in text.tokens.iter().enumerate() {
        if t.kind != TokenKind::Word || used_cues.contains(&i) || cx.cue(i).is_none() {
            continue;
        }
        if out.iter().any(|f| f.fragments.iter().any(|fr| fr.start <= t.span.start && t.span.end <= fr.end)) {
            continue;
        }
        let (sa, sz) = cx.sentence_tokens(t.span.start);
        if let Some(f) = indirect(&cx, i, sa, sz, &qs) {
            out.push(f);
        }
    }
    out.sort_by_key(|f| f.span().start);
    out
}

fn found(cx: &Ctx, kind: QuoteKind, fragments: Vec<Span>, c: Cue, rule: &'static str, conf: f32) -> Found {
    Found {
        kind,
        fragments,
        cue: Some(cx.text.tokens[c.tok].span),
        cue_lemma: cx.cue(c.tok).map(str::to_string),
        speaker: c.speaker,
        confidence: if c.speaker.is_some() { conf } else { conf * 0.5 },
        rule,
    }
}

/// After a closing mark: optional comma, then `MENTION [adv] CUE` or `CUE MENTION`.
fn cue_after(cx: &Ctx, qz: usize, sz: usize) -> Option<Cue> {
    let mut k = qz;
    if cx.punct(k) == "," {
        k += 1;
    }
    if k > sz.max(qz + 1) {
        return None;
    }
    // CUE MENTION
    if cx.cue(k).is_some() {
        let speaker = cx.subject_after(k);
        let end = speaker.map_or(k + 1, |m| cx.text.token_at_or_after(cx.mentions[m].span.end));
        return Some(Cue { tok: k, speaker, end });
    }
    // MENTION [adv] CUE
    let m = *cx.by_start.get(&cx.text.tokens.get(k)?.span.start)?;
    let mut j = cx.text.token_at_or_after(cx.mentions[m].span.end);
    let limit = j + 6;
    while j < limit.min(sz.max(j + 1)) {
        if cx.cue(j).is_some() {
            return Some(Cue { tok: j, speaker: Some(m), end: j + 1 });
        }
        let w = cx.word(j).to_lowercase();
        if w.is_empty() || !(SKIPPABLE.contains(&w.as_str()) || w.ends_with("ly")) {
            return None;
        }
        j += 1;
    }
    None
}

/// Before an opening mark: `MENTION [adv] CUE [:|,]` right before it (direct), or a cue earlier in
/// the sentence whose content runs into the quotation (mixed; returns the content start).
fn cue_before(cx: &Ctx, qa: usize, sa: usize) -> Option<(Cue, Option<usize>)> {
    if qa == 0 {
        return None;
    }
    let mut k = qa;
    if matches!(cx.punct(k - 1), ":" | ",") {
        k -= 1;
    }
    if k > sa && cx.cue(k - 1).is_some() {
        let speaker = cx.subject_before(k - 1, sa);
        if speaker.is_some() {
            return Some((Cue { tok: k - 1, speaker, end: qa }, None));
        }
    }
    // a cue earlier in the sentence: mixed quote
    for c in (sa..qa).rev() {
        if cx.cue(c).is_some() {
            if let Some(s) = cx.subject_before(c, sa) {
                let start = cx.text.tokens.get(c + 1).map_or(cx.text.tokens[c].span.end, |t| t.span.start);
                return Some((Cue { tok: c, speaker: Some(s), end: qa }, Some(start)));
            }
        }
    }
    None
}

/// Indirect speech around cue token `i` in the sentence `[sa, sz)`.
fn indirect(cx: &Ctx, i: usize, sa: usize, sz: usize, qs: &[Quotation]) -> Option<Found> {
    let text = cx.text;
    let lemma = cx.cue(i)?;
    if let Some(s) = cx.subject_before(i, sa) {
        // X said (that) … to the end of the sentence
        let mut k = i + 1;
        // told reporters / told CNN: the recipient is in no span
        if lemma == "tell" {
            while k < sz && !cx.word(k).is_empty() && cx.word(k) != "that" && k < i + 4 {
                k += 1;
            }
        }
        if k >= sz {
            // "…, Price said." — the content is before
            return before_content(cx, i, sa, Some(s), lemma);
        }
        let start = text.tokens[k].span.start;
        let end = content_end(text, text.tokens[sz - 1].span.end);
        if end <= start || word_count(text, Span::new(start, end)) < 3 {
            return None;
        }
        let span = Span::new(start, end);
        let kind = if qs.iter().any(|q| span.contains(&q.span)) { QuoteKind::Mixed } else { QuoteKind::Indirect };
        return Some(Found {
            kind,
            fragments: vec![span],
            cue: Some(text.tokens[i].span),
            cue_lemma: Some(lemma.to_string()),
            speaker: Some(s),
            confidence: 0.7,
            rule: "indirect/that",
        });
    }
    // …, X said.  /  …, said X.
    let speaker = cx.subject_after(i);
    if i > sa && cx.punct(i - 1) == "," {
        return before_content(cx, i - 1, sa, speaker, lemma);
    }
    None
}

fn before_content(cx: &Ctx, cue_or_subject: usize, sa: usize, speaker: Option<usize>, lemma: &str) -> Option<Found> {
    let text = cx.text;
    // find the comma before the subject
    let mut k = cue_or_subject;
    while k > sa && cx.punct(k - 1) != "," {
        k -= 1;
    }
    if k <= sa + 2 {
        return None;
    }
    let start = text.tokens[sa].span.start;
    let end = text.tokens[k - 2].span.end;
    let span = Span::new(start, end);
    if word_count(text, span) < 3 || speaker.is_none() {
        return None;
    }
    Some(Found {
        kind: QuoteKind::Indirect,
        fragments: vec![span],
        cue: Some(text.tokens[cue_or_subject].span),
        cue_lemma: Some(lemma.to_string()),
        speaker,
        confidence: 0.6,
        rule: "indirect/cue-after",
    })
}

/// Content ends before a sentence's final period.
fn content_end(text: &Text, end: usize) -> usize {
    let s = &text.src[..end];
    let t = s.trim_end();
    let t = t.strip_suffix('.').unwrap_or(t);
    t.trim_end().len()
}

fn word_count(text: &Text, span: Span) -> usize {
    let a = text.token_at_or_after(span.start);
    let z = text.token_at_or_after(span.end);
    text.tokens[a..z].iter().filter(|t| t.kind == TokenKind::Word).count()
}
