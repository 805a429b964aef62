//! Attribution: the cue and the speaker of each quotation, split quotes, and indirect speech.
//!
//! Rules, each with an id recorded in the quote:
//!
//! * `direct/cue-after`  — “…,” Putin said. / “…,” said Putin. / “…,” the Russian leader continued to say.
//! * `direct/cue-before` — Putin said: “…” / Putin said, “…”
//! * `direct/block`      — Putin said:¶“…” (a quotation paragraph after a paragraph ending in a cue and a colon)
//! * `direct/panel`     — Mary Roe, columnist: “…” (a person's name, a short role, a colon)
//! * `direct/transcript` — PUTIN: … (a paragraph opening with a name and a colon)
//! * `direct/headline`   — ‘Ignored’: Putin … (a quotation opening a paragraph, a colon, its speaker)
//! * `direct/unlisted-verb` — “…,” Jones quipped. / “…,” quipped Jones. (a past-tense verb outside the cue
//!   lexicon, a named speaker, nothing but an adjunct to the sentence end)
//! * `direct/split`      — “A,” he said, “B.” (one quote, two fragments)
//! * `direct/continuation` — a following cue-less quotation that is a whole sentence, in the same or the
//!   next paragraph, is one more fragment of the previous direct quote (PolNeAR's convention); after a
//!   longer narrative ("…,” Putin said in Moscow Tuesday alongside …) it is a quote of its own.
//! * `direct/quote-paragraph` — a quote-only paragraph no rule attributed, right after a quote with a speaker
//!   in the paragraph before, is one more fragment of it: "The mayor said the plan was good. ¶ “We waited.”"
//! * `mixed/cue-before` — Price noted that … “…” (reported speech carrying a quotation, up to the clause end)
//! * `mixed/cue-after`  — He called the plan “absurd,” she said. (a short quotation inside a paraphrase)
//! * `indirect/that`    — Putin further said (that) … (the rest of the clause)
//! * `indirect/inverted` — …, Price said. / …, said Price. (from the sentence start to the comma)
//! * `indirect/parenthetical` — A, Price said, B. (two fragments)
//! * `indirect/according-to` — …, according to X. / According to X, …
//! * `indirect/participle` — …, adding that … / …, saying … (the speaker of the clause)
//! * `indirect/nominal` — Trump’s claim that …
//! * `indirect/raising` — Trump is expected to … (no source: the subject and the "to" clause)
//! * `indirect/asked`  — When asked about X, … / X was asked whether … (no source: the question)
//! * `indirect/phrasal` — talked about X, is critical of X, his criticism of X (`lexicons/phrasal_cues.tsv`)
//! * `indirect/that-verb` — a verb outside the cue lexicon with a named subject and a that-clause
//! * `indirect/passive` — X was recommended for the job by Y / X is seen as … (subject and complement)
//! * `indirect/as`     — As X puts it, … / …, as X noted.
//!
//! Speakers are mentions ([`Mention`]) or, when no mention is there, a plain noun phrase ("sources",
//! "a campaign aide") whose span is kept while the speaker itself stays unknown. Between a speaker
//! and its cue, adverbs, auxiliaries and time adjuncts are skipped ("Putin on Tuesday also said",
//! "has repeatedly said"); appositives are skipped too ("Ned Price, a State Department spokesman,
//! said", "Jane Roe, 21, a student, said"). Passive cues ("was criticized") have no speaker before them.
//!
//! Cue words come from `lexicons/cues.tsv`, learned from PolNeAR train: `speech` forms are cues on
//! their own, `weak` ones need a that-clause or a clear speaker, forms rarer than
//! [`RARE_CUE_PRECISION`] need a name or pronoun, and only forms of train precision
//! [`DIRECT_CUE_PRECISION`] or more attribute quotations. A cue inside a closed quotation ("I think")
//! starts no attribution of its own. Content runs to the clause end, and stops before: ", according
//! to", a participle (", adding that"), ", who", a semicolon, a coordinated cue ("and said", "but did
//! note"), a clause with a speaker and cue of its own (", though Fiorina said", ", said X"), and the
//! punctuation + word contexts where most train contents end (`lexicons/content_stops.tsv`: ", which",
//! "— a"). A relative clause's content ends at its comma; an object cue's noun phrase
//! (`lexicons/object_cues.tsv`: "praised Obama after …") ends before a subordinate clause.
//!
//! Confidence: each rule sets a rough one here; the pipeline replaces it with the rule's rate of being
//! right on PolNeAR train (`lexicons/rule_confidence.tsv`, see [`crate::lexicon::Lexicon::rule_confidence`]).
//!
//! Rules are data: [`RULES`] (`rules.rs`) lists every rule with its [`RuleId`], its [`Pass`], its
//! finder and example sentences (run by `tests/rules.rs`), in the order [`attribute`] tries them.
//!
//! Layout: `rules.rs` the registry; `context.rs` the reading context `Ctx` (built
//! once, by `Ctx::new`) and its word tests; `speaker.rs` the speaker finders; `content.rs` the content
//! boundaries (where a content starts and ends); `direct.rs` the rules around quotation marks;
//! `indirect.rs` the word and cue finders; `tagged.rs` the tagger pass; this module walks the registry
//! and keeps one role per token (nested indirect items are dropped). The word classes the rules test
//! are in `lexicons/word_classes.tsv`.

use std::collections::HashMap;

mod content;
mod context;
mod direct;
mod indirect;
mod speaker;
mod tagged;

mod rules;

pub use rules::{Example, NotQuote, Pass, RelayExample, RelayRule, Rule, RuleId, NOT_QUOTES, RELAYS, RULES};

use context::{inside_quotation, Ctx, Speaker};
use direct::{direct, transcripts};
use indirect::{CueSite, Verdict};
use rules::{CueFinder, Finder};
use tagged::tagged;

use crate::doc::Doc;
use crate::mentions::{MentionId, MentionKind};
use crate::quotes::marks::Quotation;
use crate::quotes::Candidate;
use crate::report::{QuoteKind, Span};
use crate::text::{QuoteMark, Text, TokenKind};

/// Quotations of at most this many words are scare quotes or fragments, not statements on their own.
const SHORT_QUOTE_WORDS: usize = 3;

/// A cue-less quotation at most this many words after the previous quote is one more fragment of it.
const MAX_CONTINUATION_GAP_WORDS: usize = 6;

/// Words allowed between the cue of a split quote and its second part ("Tester said, referring to X, “…”").
const MAX_SPLIT_GAP_WORDS: usize = 12;

/// Least train precision of a cue word next to a quotation.
pub const DIRECT_CUE_PRECISION: f32 = 0.3;

/// Cue forms below this train precision need a mention (a name or a pronoun) as their speaker.
pub const RARE_CUE_PRECISION: f32 = 0.3;

/// Indirect content shorter than this many words is not reported speech.
const MIN_INDIRECT_WORDS: usize = 2;

/// Finds every attributed quote in `text`.
///
/// The steps, in the order of the registry ([`RULES`], whose [`Pass`] says where each rule is tried):
///
/// 1. [`Pass::Quotations`]: each quotation in text order (`direct::direct`) — a headline speaker
///    after a colon; a cue after it (a split quote when a second quotation follows, a mixed quote when
///    a paraphrase leads into a short one); a cue before it (a mixed quote when the cue's clause runs
///    into it); a cue at the end of the paragraph before; else a continuation of the previous quote.
/// 2. [`Pass::Transcripts`]: each paragraph opening `NAME:` (`direct::transcripts`).
/// 3. [`Pass::Words`]: each word token that no direct quote used as its cue; the word finders in
///    registry order (raising, phrasal, asked, passive, as), the first that finds a quote takes the
///    token; then, at a word that is no cue form, the that-verb finder, and the token is done.
/// 4. [`Pass::Cues`]: the same token, a cue form outside the quotes taken so far and outside a closed
///    quotation: the cue finders in registry order (according-to, nominal, participle, the verb's
///    clause), until one decides.
/// 5. [`Pass::QuoteParagraphs`]: each quote-only paragraph no rule attributed (`quote_paragraphs`).
/// 6. [`Pass::Tagger`]: the learned tagger's spans where no rule quote is (`tagged::tagged`).
///
/// A quote of steps 3–5 is kept only when none of its fragments overlaps a quote kept before. Last,
/// indirect quotes nested in others are dropped (one role per token) and reported sources are found.
pub fn attribute(doc: &Doc, gate: bool) -> Vec<Candidate> {
    let text = &doc.text;
    let cx = Ctx::new(doc);
    let qs = cx.quotations;
    let mut out: Vec<Candidate> = Vec::new();
    let mut used_cues: Vec<usize> = Vec::new();
    direct(&cx, qs, &mut out, &mut used_cues);
    transcripts(&cx, &mut out);
    let mut kept = Kept::new(text, out);
    words_and_cues(&cx, qs, &used_cues, &mut kept);
    quote_paragraphs(&cx, qs, &mut kept);
    let Kept { mut taken, mut out, .. } = kept;
    tagged(&cx, qs, &mut taken, &mut out, gate);
    // headings, label lines, bylines and captions hold no quote (a mixed quote may run into one)
    out.retain(|f| f.fragments.iter().all(|fr| cx.prose(fr.start)));
    // drop indirect items nested in others (univocal annotation)
    crate::sort::sort_by_key(&mut out, |f| f.span().start);
    let spans: Vec<(Span, QuoteKind)> = out.iter().map(|f| (f.span(), f.kind)).collect();
    let keep = not_nested_indirect(&spans);
    let mut k = keep.iter();
    out.retain(|_| *k.next().unwrap_or(&true));
    for f in &mut out {
        f.reported_source = reported_source(&cx, f);
    }
    out
}

/// The quotes kept so far, with what the word and cue passes look up in them.
struct Kept<'a> {
    text: &'a Text,
    out: Vec<Candidate>,
    /// every fragment kept
    taken: SpanSet,
    /// kept quotes with a cue, by the sentence of the cue (for participles: each cue looks only at its
    /// own sentence)
    by_sentence: HashMap<Option<usize>, Vec<usize>>,
}

impl<'a> Kept<'a> {
    fn new(text: &'a Text, out: Vec<Candidate>) -> Kept<'a> {
        let mut taken = SpanSet::default();
        for f in &out {
            f.fragments.iter().for_each(|&fr| taken.insert(fr));
        }
        let mut by_sentence: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
        for (k, f) in out.iter().enumerate() {
            if let Some(c) = f.cue {
                by_sentence.entry(text.sentence_of(c.start)).or_default().push(k);
            }
        }
        Kept { text, out, taken, by_sentence }
    }
    /// Keeps `f` unless one of its fragments overlaps a quote kept before; `speaks`: its speaker is the
    /// speaker of later participles in its sentence.
    fn offer(&mut self, f: Candidate, speaks: bool) {
        if f.fragments.iter().any(|fr| self.taken.overlaps(*fr)) {
            return;
        }
        f.fragments.iter().for_each(|&fr| self.taken.insert(fr));
        if let (Some(c), true) = (f.cue, speaks) {
            self.by_sentence.entry(self.text.sentence_of(c.start)).or_default().push(self.out.len());
        }
        self.out.push(f);
    }
    /// The speaker of the last kept attribution whose cue is before byte `at`, in its sentence.
    fn speaker_before(&self, at: usize) -> Option<Speaker> {
        self.by_sentence
            .get(&self.text.sentence_of(at))
            .into_iter()
            .flatten()
            .map(|&k| &self.out[k])
            .filter(|f| f.cue.is_some_and(|c| c.start < at))
            .max_by_key(|f| f.cue.map(|c| c.start))
            .and_then(|f| f.speaker_span.map(|sp| Speaker { mention: f.speaker, span: sp, first: 0 }))
    }
}

/// Steps 3 and 4 of [`attribute`]: the word finders, then the cue finders, at each word token that no
/// direct quote used as its cue, in the registry's order.
fn words_and_cues(cx: &Ctx, qs: &[Quotation], used_cues: &[usize], kept: &mut Kept) {
    let text = cx.text;
    let word_finders: Vec<&Finder> = RULES.iter().filter(|r| r.pass == Pass::Words).map(|r| &r.finder).collect();
    let cue_finders: Vec<CueFinder> = RULES
        .iter()
        .filter_map(|r| match r.finder {
            Finder::Cue(find) => Some(find),
            _ => None,
        })
        .collect();
    // one flag per token, not a scan of the used cues per token
    let mut used = vec![false; text.tokens.len()];
    for &i in used_cues {
        if let Some(u) = used.get_mut(i) {
            *u = true;
        }
    }
    'words: for (i, t) in text.tokens.iter().enumerate() {
        if t.kind != TokenKind::Word || used[i] || !cx.prose(t.span.start) {
            continue;
        }
        let entry = cx.entry(i);
        for finder in &word_finders {
            match finder {
                Finder::Word(find) => {
                    if let Some(f) = find(cx, i, qs) {
                        kept.offer(f, true);
                        continue 'words;
                    }
                }
                Finder::NotCue(find) if entry.is_none() => {
                    if let Some(f) = find(cx, i, qs) {
                        kept.offer(f, false);
                    }
                    continue 'words;
                }
                _ => {}
            }
        }
        let Some(e) = entry else {
            continue;
        };
        if kept.taken.contains(t.span) {
            continue;
        }
        // "… I think that's fine …" inside a closed quotation of several words: the quoted speaker's own
        // words, annotated once as part of the quotation (univocal), never as a new attribution
        if inside_quotation(qs, t.span, text) {
            continue;
        }
        let (sa, sz) = cx.sentence_tokens(t.span.start);
        let site = CueSite { i, e, sa, sz, prev: kept.speaker_before(t.span.start) };
        for find in &cue_finders {
            if let Verdict::Done(f) = find(cx, &site, qs) {
                if let Some(f) = f {
                    kept.offer(f, true);
                }
                continue 'words;
            }
        }
    }
}
/// Step 5: a quote-only paragraph (a quotation of more than [`SHORT_QUOTE_WORDS`] words that opens its
/// paragraph and ends it) that no rule attributed continues the last quote with a speaker, when that quote
/// ends in the paragraph before, at most [`MAX_CONTINUATION_GAP_WORDS`] words before it ("The mayor said
/// the plan would save money. ¶ “We have waited long enough.”"): one more fragment of a direct quote
/// (PolNeAR's convention for continued quotations), a quote of its own after reported speech. After a
/// longer narrative it is left alone (the speaker may have changed). A quotation with a cue of its own
/// was taken before.
fn quote_paragraphs(cx: &Ctx, qs: &[Quotation], kept: &mut Kept) {
    let text = cx.text;
    // kept quotes with a speaker, by where they end
    let mut ends: Vec<(usize, usize)> =
        kept.out.iter().enumerate().filter(|(_, f)| f.speaker_span.is_some()).map(|(k, f)| (f.span().end, k)).collect();
    ends.sort_unstable();
    for q in qs {
        let Some(p) = text.paragraph_of(q.span.start) else {
            continue;
        };
        let para = text.paragraphs[p];
        let whole = para.start == q.span.start && content_end_of(text, para.end) <= q.span.end;
        if !whole || q.single || !cx.prose(q.span.start) || kept.taken.overlaps(q.span) {
            continue;
        }
        if context::word_count(text, q.span) <= SHORT_QUOTE_WORDS || direct::looks_like_title(cx, *q) {
            continue;
        }
        let i = ends.partition_point(|&(e, _)| e <= q.span.start);
        let Some(&(e, k)) = i.checked_sub(1).and_then(|i| ends.get(i)) else {
            continue;
        };
        if text.paragraph_of(e.saturating_sub(1)).is_none_or(|pe| pe + 1 != p)
            || context::word_count(text, Span::new(e, q.span.start)) > MAX_CONTINUATION_GAP_WORDS
        {
            continue;
        }
        // after a direct quote, one more fragment of it (PolNeAR's convention for continued quotations);
        // after reported speech, a quote of its own with the same speaker
        if kept.out[k].kind == QuoteKind::Direct {
            let f = &mut kept.out[k];
            f.fragments.push(q.span);
            f.rule = RuleId::DirectQuoteParagraph.as_str();
            kept.taken.insert(q.span);
        } else {
            let prev = &kept.out[k];
            let f = Candidate {
                kind: QuoteKind::Direct,
                fragments: vec![q.span],
                cue: None,
                cue_lemma: None,
                speaker: prev.speaker,
                speaker_span: prev.speaker_span,
                reported_source: None,
                confidence: 0.6,
                rule: RuleId::DirectQuoteParagraph.as_str(),
            };
            kept.offer(f, false);
        }
        let k = if kept.out[k].span().end >= q.span.end { k } else { kept.out.len() - 1 };
        // the next quote-only paragraph continues this one
        let at = ends.partition_point(|&(x, _)| x < q.span.end);
        ends.insert(at, (q.span.end, k));
    }
}

/// The end of a paragraph's content, before trailing spaces.
fn content_end_of(text: &Text, end: usize) -> usize {
    end - (text.src[..end].len() - text.src[..end].trim_end().len())
}

/// `keep[a]` is false when `spans[a]` is indirect and another, different span contains it. `spans`
/// is sorted by start. One pass with the largest end seen so far (a double loop was quadratic: minutes
/// on a page of thousands of quotes).
fn not_nested_indirect(spans: &[(Span, QuoteKind)]) -> Vec<bool> {
    let mut keep = vec![true; spans.len()];
    let mut max_end_before = None::<usize>; // over spans starting before the current group
    let mut g = 0;
    while g < spans.len() {
        let start = spans[g].0.start;
        let h = g + spans[g..].partition_point(|(s, _)| s.start == start);
        let group_max = spans[g..h].iter().map(|(s, _)| s.end).max().unwrap_or(0);
        for a in g..h {
            let (sa, ka) = spans[a];
            let by_earlier = max_end_before.is_some_and(|e| e >= sa.end);
            keep[a] = !(ka == QuoteKind::Indirect && (by_earlier || group_max > sa.end));
        }
        max_end_before = Some(max_end_before.map_or(group_max, |e| e.max(group_max)));
        g = h;
    }
    keep
}

/// A set of text ranges kept as disjoint intervals (overlapping ones are merged), so that
/// membership and overlap tests are logarithmic instead of a scan of everything taken so far.
#[derive(Default)]
struct SpanSet {
    /// start → end of disjoint intervals
    iv: std::collections::BTreeMap<usize, usize>,
}

impl SpanSet {
    fn insert(&mut self, s: Span) {
        if s.is_empty() {
            return;
        }
        let (mut start, mut end) = (s.start, s.end);
        // merge every interval that overlaps [start, end)
        while let Some((&a, &b)) = self.iv.range(..end).next_back() {
            if b <= start {
                break;
            }
            start = start.min(a);
            end = end.max(b);
            self.iv.remove(&a);
        }
        self.iv.insert(start, end);
    }
    fn overlaps(&self, s: Span) -> bool {
        self.iv.range(..s.end).next_back().is_some_and(|(_, &b)| b > s.start)
    }
    fn contains(&self, s: Span) -> bool {
        self.iv.range(..=s.start).next_back().is_some_and(|(_, &b)| b >= s.end)
    }
}

/// "Blinken also “urged …,” Price said" / "Price said Blinken urged …": the first source inside.
fn reported_source(cx: &Ctx, f: &Candidate) -> Option<MentionId> {
    let text = cx.text;
    let first = *f.fragments.first()?;
    // direct: a mention right before the opening mark, and a cue opening the quotation
    let qa = text.token_at_or_after(first.start);
    if matches!(text.tokens.get(qa)?.kind, TokenKind::Quote(QuoteMark::Open | QuoteMark::Either)) {
        if cx.cue(qa + 1).is_some() {
            let mut k = qa;
            while k > 0 && cx.skippable(k - 1) {
                k -= 1;
            }
            if k > 0 {
                if let Some(m) = cx.mention_ending_at(text.tokens[k - 1].span.end) {
                    return Some(m);
                }
            }
        }
        return None;
    }
    // indirect: "(that) MENTION [adv] CUE …"
    let mut k = qa;
    if cx.lower(k) == "that" {
        k += 1;
    }
    let m = cx.mention_starting_at(text.tokens.get(k)?.span.start)?;
    let mut j = text.token_at_or_after(cx.mentions[m].span.end);
    while cx.skippable(j) {
        j += 1;
    }
    (cx.cue(j).is_some() && cx.mentions[m].kind != MentionKind::Pronoun).then_some(m)
}

#[cfg(test)]
mod tests {
    use super::{not_nested_indirect, SpanSet};
    use crate::report::{QuoteKind, Span};

    #[test]
    fn span_set_merges_and_answers_like_a_scan() {
        let spans = [(10, 20), (30, 40), (15, 32), (50, 60), (60, 70)];
        let mut set = SpanSet::default();
        let mut all = Vec::new();
        for &(a, b) in &spans {
            set.insert(Span::new(a, b));
            all.push(Span::new(a, b));
        }
        for a in 0..80 {
            for b in a + 1..80 {
                let s = Span::new(a, b);
                assert_eq!(set.overlaps(s), all.iter().any(|t| t.overlaps(&s)), "overlaps {a}..{b}");
            }
        }
        assert!(set.contains(Span::new(12, 38)), "merged intervals contain what spans both");
        assert!(!set.contains(Span::new(50, 70)), "touching intervals stay apart");
        assert!(!set.contains(Span::new(45, 52)));
    }

    /// The definition: the double loop `not_nested_indirect` replaces.
    fn naive(spans: &[(Span, QuoteKind)]) -> Vec<bool> {
        let mut keep = vec![true; spans.len()];
        for (a, (sa, ka)) in spans.iter().enumerate() {
            for (b, (sb, _)) in spans.iter().enumerate() {
                if a != b && *ka == QuoteKind::Indirect && sb.contains(sa) && sa != sb {
                    keep[a] = false;
                }
            }
        }
        keep
    }

    #[test]
    fn nested_indirect_filter_matches_the_double_loop() {
        let mut seed = 0x2545_f491_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for _ in 0..3000 {
            let len = next(9);
            let mut spans: Vec<(Span, QuoteKind)> = (0..len)
                .map(|_| {
                    let s = next(12);
                    let kind = [QuoteKind::Indirect, QuoteKind::Direct, QuoteKind::Mixed][next(3)];
                    (Span::new(s, s + next(8)), kind)
                })
                .collect();
            spans.sort_by_key(|(s, _)| s.start);
            assert_eq!(not_nested_indirect(&spans), naive(&spans), "{spans:?}");
        }
    }
}
