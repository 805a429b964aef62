//! Attribution: the cue and the speaker of each quotation, split quotes, and indirect speech.
//!
//! Rules, each with an id recorded in the quote:
//!
//! * `direct/cue-after`  — “…,” Putin said. / “…,” said Putin. / “…,” the Russian leader continued to say.
//! * `direct/cue-before` — Putin said: “…” / Putin said, “…”
//! * `direct/block`      — Putin said:¶“…” (a quotation paragraph after a paragraph ending in a cue and a colon)
//! * `direct/transcript` — PUTIN: … (a paragraph opening with a name and a colon)
//! * `direct/headline`   — ‘Ignored’: Putin … (a quotation opening a paragraph, a colon, its speaker)
//! * `direct/split`      — “A,” he said, “B.” (one quote, two fragments)
//! * `direct/continuation` — a following cue-less quotation that is a whole sentence, in the same or the
//!   next paragraph, is one more fragment of the previous direct quote (PolNeAR's convention); after a
//!   longer narrative ("…,” Putin said in Moscow Tuesday alongside …) it is a quote of its own.
//! * `mixed/cue-before` — Price noted that … “…” (reported speech carrying a quotation, up to the clause end)
//! * `mixed/cue-after`  — He called the plan “absurd,” she said. (a short quotation inside a paraphrase)
//! * `indirect/that`    — Putin further said (that) … (the rest of the clause)
//! * `indirect/inverted` — …, Price said. / …, said Price. (from the sentence start to the comma)
//! * `indirect/parenthetical` — A, Price said, B. (two fragments)
//! * `indirect/according-to` — …, according to X. / According to X, …
//! * `indirect/participle` — …, adding that … / …, saying … (the speaker of the clause)
//! * `indirect/nominal` — Trump’s claim that …
//!
//! Speakers are mentions ([`Mention`]) or, when no mention is there, a plain noun phrase ("sources",
//! "a campaign aide") whose span is kept while the speaker itself stays unknown. Between a speaker
//! and its cue, adverbs, auxiliaries and time adjuncts are skipped ("Putin on Tuesday also said",
//! "has repeatedly said"); an appositive is skipped too ("Ned Price, a State Department spokesman,
//! said"). Passive cues ("was criticized") have no speaker before them and are skipped.
//!
//! Cue words come from `lexicons/cues.tsv`, learned from PolNeAR train: `speech` forms are cues on
//! their own, `weak` ones need a that-clause or a clear speaker, forms rarer than
//! [`RARE_CUE_PRECISION`] need a name or pronoun, and only forms of train precision
//! [`DIRECT_CUE_PRECISION`] or more attribute quotations. Content runs to the clause end: before
//! ", according to", a participle (", adding that"), ", but", ", who", a coordinated cue ("and said"),
//! an inner ", X said", a semicolon; the object of a non-clausal cue ("attacked Machado in …") stops
//! at its first preposition.
//!
//! Confidence: 0.9 for a quotation with a cue after it, 0.85 with a cue before, 0.7 for that-clauses,
//! 0.55–0.65 for weak cues, inverted and parenthetical forms; ×0.8 when the speaker is a plain noun
//! phrase, ×0.5 when no speaker is found (the quote keeps `speaker: None`).

use std::collections::HashMap;

use super::marks::{quotations, Quotation};
use super::Found;
use crate::lexicon::{lexicon, CueEntry, FunctionWords};
use crate::mentions::{Mention, MentionKind};
use crate::report::{QuoteKind, Span};
use crate::text::{QuoteMark, Text, TokenKind};

/// The quote engine's function words (`lexicons/function_words.tsv`).
fn fw() -> &'static FunctionWords {
    &lexicon().function_words
}

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

/// A speaker: the mention, when there is one, and the local span as written.
#[derive(Clone, Copy, Debug)]
struct Speaker {
    mention: Option<usize>,
    span: Span,
    /// First token of the speaker phrase (where content before it must end).
    first: usize,
}

struct Ctx<'a> {
    text: &'a Text,
    mentions: &'a [Mention],
    /// mention index by the byte where it ends
    by_end: HashMap<usize, usize>,
    /// mention index by the byte where it starts
    by_start: HashMap<usize, usize>,
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl<'a> Ctx<'a> {
    fn word(&self, i: usize) -> &'a str {
        match self.text.tokens.get(i) {
            Some(t) if t.kind == TokenKind::Word => self.text.slice(t.span),
            _ => "",
        }
    }
    fn lower(&self, i: usize) -> String {
        self.word(i).to_lowercase()
    }
    fn punct(&self, i: usize) -> &'a str {
        match self.text.tokens.get(i) {
            Some(t) if t.kind != TokenKind::Word => self.text.slice(t.span),
            _ => "",
        }
    }
    fn is_quote_mark(&self, i: usize) -> bool {
        self.text.tokens.get(i).is_some_and(|t| matches!(t.kind, TokenKind::Quote(_)))
    }
    fn entry(&self, i: usize) -> Option<&'static CueEntry> {
        let w = self.word(i);
        if w.is_empty() {
            return None;
        }
        let lx = lexicon();
        let e = lx.cues.get(w).or_else(|| lx.cues.get(&w.to_lowercase()))?;
        // a capitalised cue word inside a sentence is a name ("Price", "Said"), unless a colon, a dash or
        // a parenthesis opens a clause before it ("…: According to recent polls, …")
        let clause_start = self.sentence_initial(i) || i > 0 && matches!(self.punct(i - 1), ":" | "—" | "(");
        if is_cap(w) && !clause_start && !self.title_case(i) {
            return None;
        }
        Some(e)
    }
    /// The paragraph of token `i` is a headline in title case ("Bernie Sanders Says He’s Already Started
    /// Writing His Inaugural Address"): at least four words, nearly all of them capitalised.
    fn title_case(&self, i: usize) -> bool {
        let Some(p) = self.text.paragraph_of(self.text.tokens[i].span.start) else {
            return false;
        };
        let p = self.text.paragraphs[p];
        let (a, z) = (self.text.token_at_or_after(p.start), self.text.token_at_or_after(p.end));
        if z - a > 40 {
            return false;
        }
        let words: Vec<&str> =
            (a..z).map(|k| self.word(k)).filter(|w| w.chars().next().is_some_and(char::is_alphabetic)).collect();
        let small = ["a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "at", "by", "with"];
        words.len() >= 4 && words.iter().all(|w| is_cap(w) || small.contains(w))
    }
    /// A cue for direct quotations: the frequent, reliable ones only.
    fn dcue(&self, i: usize) -> Option<&'static str> {
        self.entry(i)
            .filter(|e| !e.nominal() && e.class != "according" && e.precision >= DIRECT_CUE_PRECISION)
            .map(|e| e.lemma.as_str())
    }
    fn cue(&self, i: usize) -> Option<&'static str> {
        self.entry(i).filter(|e| !e.nominal() && e.class != "according").map(|e| e.lemma.as_str())
    }
    fn sentence_initial(&self, i: usize) -> bool {
        let b = self.text.tokens[i].span.start;
        self.text.sentence_of(b).is_some_and(|s| {
            let a = self.text.token_at_or_after(self.text.sentences[s].start);
            (a..i).all(|k| self.text.tokens[k].kind != TokenKind::Word)
        })
    }
    fn skippable(&self, i: usize) -> bool {
        let w = self.lower(i);
        !w.is_empty() && (fw().skippable.contains(w.as_str()) || (w.ends_with("ly") && w.len() > 4))
    }
    fn adjunct(&self, i: usize) -> bool {
        let w = self.lower(i);
        !w.is_empty() && (fw().is_adjunct(w.as_str()) || w.chars().all(|c| c.is_ascii_digit()))
    }
    /// The speaker ending right before token `i` (a cue), skipping adverbs, auxiliaries, time adjuncts
    /// and an appositive. `floor` is the first token of the sentence.
    fn subject_before(&self, i: usize, floor: usize) -> Option<Speaker> {
        let mut k = i;
        // "He seemed to suggest …": the raising verb sits between the speaker and the cue
        if k >= floor + 2
            && self.lower(k - 1) == "to"
            && matches!(self.lower(k - 2).as_str(), "seemed" | "seems" | "seem" | "appeared" | "appears" | "appear")
        {
            k -= 2;
        }
        let mut skipped = 0;
        while k > floor {
            let j = k - 1;
            if self.skippable(j) || (self.adjunct(j) && skipped < 6) {
                k = j;
                skipped += 1;
                continue;
            }
            break;
        }
        // a run of adjunct words may also be the speaker's own words ("the statement said"): retry from
        // the closest position when nothing is found further back
        let mut tries = vec![k];
        let mut k2 = k;
        while k2 < i {
            if !self.skippable(k2) {
                tries.push(k2 + 1);
            }
            k2 += 1;
        }
        tries.push(i);
        for k in tries {
            if let Some(s) = self.subject_ending_at(k, floor, i) {
                return Some(s);
            }
        }
        None
    }
    /// The speaker whose last token is `k - 1`.
    fn subject_ending_at(&self, k: usize, floor: usize, cue: usize) -> Option<Speaker> {
        self.subject_ending_at_depth(k, floor, cue, 0)
    }
    /// [`Ctx::subject_ending_at`] through at most two stacked appositives ("Jane Roe, 21, a student, said").
    fn subject_ending_at_depth(&self, k: usize, floor: usize, cue: usize, depth: u8) -> Option<Speaker> {
        if k <= floor {
            return None;
        }
        let j = k - 1;
        // a passive cue has no speaker before it ("was criticized by")
        if cue > 0
            && k < cue
            && matches!(self.lower(cue - 1).as_str(), "was" | "were" | "been" | "be" | "being" | "is" | "are")
        {
            let w = self.lower(cue);
            if w.ends_with("ed") || w == "told" || w == "shown" || w == "known" {
                return None;
            }
        }
        let t = self.text.tokens[j];
        if let Some(&m) = self.by_end.get(&t.span.end) {
            return Some(Speaker {
                mention: Some(m),
                span: self.mentions[m].span,
                first: self.text.token_at_or_after(self.mentions[m].span.start),
            });
        }
        // appositive: "Ned Price, a State Department spokesman," / parenthetical "(R-Ind.)"
        if matches!(self.punct(j), "," | ")") {
            let open = if self.punct(j) == "," { "," } else { "(" };
            let mut a = j;
            let mut n = 0;
            while a > floor && n < 30 {
                a -= 1;
                n += 1;
                if self.punct(a) == open {
                    break;
                }
            }
            if self.punct(a) == open && a > floor && n >= 2 {
                // "Jane Roe, 21, a student from Ohio,": the phrase before this one is an appositive too
                let named = self.subject_ending_at(a, floor, cue).filter(|s| s.mention.is_some());
                let stacked = || {
                    (depth < 2 && open == "," && self.punct(a) == ",")
                        .then(|| self.subject_ending_at_depth(a + 1, floor, cue, depth + 1))
                        .flatten()
                };
                if let Some(s) = named.or_else(stacked).or_else(|| self.subject_ending_at(a, floor, cue)) {
                    // the appositive phrase must look like a role, not a clause
                    let inner_ok = (a + 1..j).all(|x| {
                        let w = self.lower(x);
                        !matches!(w.as_str(), "said" | "says" | "that") && !self.is_quote_mark(x)
                    });
                    let adjunct = (a + 1..j).all(|x| {
                        self.adjunct(x)
                            || self.skippable(x)
                            || matches!(
                                self.lower(x).as_str(),
                                "for" | "weeks" | "months" | "years" | "days" | "however" | "meanwhile"
                            )
                    }) || matches!(
                        self.lower(a + 1).as_str(),
                        "at" | "in" | "on" | "during" | "after" | "before" | "speaking" | "asked" | "when" | "while"
                    );
                    if adjunct {
                        return Some(s);
                    }
                    if inner_ok && s.mention.is_some() {
                        return Some(Speaker {
                            mention: s.mention,
                            span: Span::new(s.span.start, self.text.tokens[j].span.end),
                            first: s.first,
                        });
                    }
                }
            }
            return None;
        }
        let w = self.word(j);
        if w.is_empty() {
            return None;
        }
        let lw = w.to_lowercase();
        if fw().relative.contains(lw.as_str()) {
            // "…, who said": the speaker is the mention before the comma
            let mention = if j > floor && self.punct(j - 1) == "," {
                self.by_end.get(&self.text.tokens[j - 2.min(j)].span.end).copied()
            } else {
                None
            };
            return Some(Speaker { mention, span: t.span, first: j });
        }
        if fw().not_head.contains(lw.as_str())
            || lw.ends_with("n't")
            || lw.ends_with("n’t")
            || (!is_cap(w) && fw().np_boundary.contains(lw.as_str()))
            || lw.ends_with("’s")
            || lw.ends_with("'s")
        {
            return None;
        }
        if self.entry(j).is_some_and(|e| !e.nominal()) || lw.ends_with("ing") {
            return None;
        }
        if lw == "it" {
            return Some(Speaker { mention: None, span: t.span, first: j });
        }
        // a plain noun phrase: walk back over modifiers
        let mut a = j;
        let mut n = 1;
        while a > floor && n < 6 {
            let p = a - 1;
            let pw = self.word(p);
            if pw.is_empty() {
                break;
            }
            let pl = pw.to_lowercase();
            if fw().determiner.contains(pl.as_str()) {
                a = p;
                break;
            }
            if (!is_cap(pw) && fw().np_boundary.contains(pl.as_str()) && !matches!(pl.as_str(), "of" | "for" | "at"))
                || self.entry(p).is_some_and(|e| !e.nominal())
                || self.skippable(p) && !is_cap(pw)
            {
                break;
            }
            if matches!(pl.as_str(), "of" | "for" | "at") && (p <= floor || self.word(p - 1).is_empty()) {
                break;
            }
            a = p;
            n += 1;
        }
        // "of"/"for" cannot open the phrase
        while a < j && matches!(self.lower(a).as_str(), "of" | "for" | "at") {
            a += 1;
        }
        let mention = (a..=j).rev().find_map(|x| self.by_end.get(&self.text.tokens[x].span.end).copied());
        let span = Span::new(self.text.tokens[a].span.start, t.span.end);
        Some(Speaker { mention: mention.filter(|&m| self.mentions[m].kind == MentionKind::Name), span, first: a })
    }
    /// The speaker starting right after token `i` ("said Putin", "said a senior official").
    fn subject_after(&self, i: usize, sz: usize) -> Option<Speaker> {
        let t = self.text.tokens.get(i + 1)?;
        if i + 1 >= sz {
            return None;
        }
        if let Some(&m) = self.by_start.get(&t.span.start) {
            return Some(Speaker { mention: Some(m), span: self.mentions[m].span, first: i + 1 });
        }
        let w = self.lower(i + 1);
        if !fw().determiner.contains(w.as_str()) {
            // "said 9/11 widow Terry Strada": a few modifiers before the name
            for k in i + 2..(i + 6).min(sz) {
                let tk = self.text.tokens[k];
                if matches!(self.punct(k), "," | "." | ";" | ":" | "(" | ")")
                    || self.is_quote_mark(k)
                    || fw().np_boundary.contains(self.lower(k).as_str())
                {
                    break;
                }
                if let Some(&m) = self.by_start.get(&tk.span.start) {
                    let span = Span::new(t.span.start, self.mentions[m].span.end);
                    return Some(Speaker { mention: Some(m), span, first: i + 1 });
                }
            }
            return None;
        }
        // "said the senior official" — up to the next punctuation or boundary word
        let mut z = i + 2;
        while z < sz && z < i + 8 && !self.word(z).is_empty() && !fw().np_boundary.contains(self.lower(z).as_str()) {
            z += 1;
        }
        if z == i + 2 {
            return None;
        }
        let span = Span::new(t.span.start, self.text.tokens[z - 1].span.end);
        let mention = (i + 1..z).find_map(|x| self.by_start.get(&self.text.tokens[x].span.start).copied());
        Some(Speaker { mention, span, first: i + 1 })
    }
    fn sentence_tokens(&self, b: usize) -> (usize, usize) {
        let s = self.text.sentence_of(b).map(|s| self.text.sentences[s]).unwrap_or(Span::new(b, b));
        let a = self.text.token_at_or_after(s.start);
        let z = self.text.token_at_or_after(s.end);
        (a, z)
    }
}

/// A cue with its speaker: (cue token, speaker, first token after the construction).
struct Cue {
    tok: usize,
    speaker: Option<Speaker>,
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
    direct(&cx, &qs, &mut out, &mut used_cues);
    transcripts(&cx, &mut out);
    // indirect speech from the remaining cues
    let mut taken = SpanSet::default();
    for f in &out {
        f.fragments.iter().for_each(|&fr| taken.insert(fr));
    }
    // earlier attributions by sentence (for participles), so each cue looks only at its own sentence
    let mut by_sentence: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    for (k, f) in out.iter().enumerate() {
        if let Some(c) = f.cue {
            by_sentence.entry(text.sentence_of(c.start)).or_default().push(k);
        }
    }
    // one flag per token, not a scan of the used cues per token
    let mut used = vec![false; text.tokens.len()];
    for &i in &used_cues {
        if let Some(u) = used.get_mut(i) {
            *u = true;
        }
    }
    for (i, t) in text.tokens.iter().enumerate() {
        if t.kind != TokenKind::Word || used[i] {
            continue;
        }
        if let Some(f) = raising(&cx, i, &qs).or_else(|| phrasal(&cx, i, &qs)).or_else(|| asked(&cx, i, &qs)) {
            if !f.fragments.iter().any(|fr| taken.overlaps(*fr)) {
                f.fragments.iter().for_each(|&fr| taken.insert(fr));
                if let Some(c) = f.cue {
                    by_sentence.entry(text.sentence_of(c.start)).or_default().push(out.len());
                }
                out.push(f);
            }
            continue;
        }
        let Some(e) = cx.entry(i) else {
            if let Some(f) = that_verb(&cx, i, &qs) {
                if !f.fragments.iter().any(|fr| taken.overlaps(*fr)) {
                    f.fragments.iter().for_each(|&fr| taken.insert(fr));
                    out.push(f);
                }
            }
            continue;
        };
        if taken.contains(t.span) {
            continue;
        }
        // "… I think that's fine …" inside a closed quotation of several words: the quoted speaker's own
        // words, annotated once as part of the quotation (univocal), never as a new attribution
        if inside_quotation(&qs, t.span, text) {
            continue;
        }
        let (sa, sz) = cx.sentence_tokens(t.span.start);
        let sent = text.sentence_of(t.span.start);
        // the speaker of an earlier attribution in the same sentence (for participles)
        let prev = by_sentence
            .get(&sent)
            .into_iter()
            .flatten()
            .map(|&k| &out[k])
            .filter(|f| f.cue.is_some_and(|c| c.start < t.span.start))
            .max_by_key(|f| f.cue.map(|c| c.start))
            .and_then(|f| f.speaker_span.map(|sp| Speaker { mention: f.speaker, span: sp, first: 0 }));
        if let Some(f) = indirect(&cx, i, e, sa, sz, &qs, prev) {
            if f.fragments.iter().any(|fr| taken.overlaps(*fr)) {
                continue;
            }
            f.fragments.iter().for_each(|&fr| taken.insert(fr));
            if let Some(c) = f.cue {
                by_sentence.entry(text.sentence_of(c.start)).or_default().push(out.len());
            }
            out.push(f);
        }
    }
    // drop indirect items nested in others (univocal annotation)
    out.sort_by_key(|f| f.span().start);
    let spans: Vec<(Span, QuoteKind)> = out.iter().map(|f| (f.span(), f.kind)).collect();
    let keep = not_nested_indirect(&spans);
    let mut k = keep.iter();
    out.retain(|_| *k.next().unwrap_or(&true));
    for f in &mut out {
        f.reported_source = reported_source(&cx, f);
    }
    out
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

/// Raising with no source (7 % of PolNeAR gold): "Trump is expected to speak tonight", "the plan seems to
/// fail" — two fragments, the subject and the "to" clause, with no speaker.
fn raising(cx: &Ctx, i: usize, qs: &[Quotation]) -> Option<Found> {
    let text = cx.text;
    let lw = cx.lower(i);
    if cx.lower(i + 1) != "to" {
        return None;
    }
    let (sa, sz) = cx.sentence_tokens(text.tokens[i].span.start);
    if i + 1 >= sz {
        return None;
    }
    // the verb group: "is (widely|not|also) expected", "seems", "appeared"
    let mut v = i;
    match lw.as_str() {
        "expected" => {
            while v > sa
                && matches!(cx.lower(v - 1).as_str(), "widely" | "not" | "also" | "still" | "now" | "generally")
            {
                v -= 1;
            }
            if v == sa || !matches!(cx.lower(v - 1).as_str(), "is" | "are" | "was" | "were") {
                return None;
            }
            v -= 1;
        }
        "seems" | "seem" | "seemed" | "appears" | "appear" | "appeared" => {
            while v > sa && matches!(cx.lower(v - 1).as_str(), "also" | "now" | "still" | "would" | "may" | "might") {
                v -= 1;
            }
        }
        _ => return None,
    }
    if v == sa || !cx.word(v - 1).chars().next().is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    // the subject: a relative pronoun, or the words back to the sentence start or a clause boundary
    let first = if matches!(cx.lower(v - 1).as_str(), "who" | "which" | "that") {
        v - 1
    } else {
        let mut a = v - 1;
        while a > sa {
            let p = cx.punct(a - 1);
            let w = cx.lower(a - 1);
            if matches!(p, "," | ";" | ":" | "—" | "(")
                || cx.is_quote_mark(a - 1)
                || matches!(
                    w.as_str(),
                    "and" | "but" | "that" | "because" | "if" | "while" | "when" | "as" | "since" | "although" | "so"
                )
            {
                break;
            }
            a -= 1;
        }
        a
    };
    if v - first > 10 || cx.word(first).is_empty() {
        return None;
    }
    // "He seemed to suggest that …": raising over a speech verb is that verb's own attribution, with the
    // subject as its speaker (the indirect rules read it at the verb)
    if cx.entry(i + 2).is_some_and(|e| !e.nominal() && !e.weak()) {
        return None;
    }
    let subject = Span::new(text.tokens[first].span.start, text.tokens[v - 1].span.end);
    let k = i + 1;
    let rest = Span::new(text.tokens[k].span.start, clause_end(cx, k, sz));
    if rest.is_empty() || word_count(text, rest) < 3 {
        return None;
    }
    let kind = if overlaps_quotation(qs, rest) { QuoteKind::Mixed } else { QuoteKind::Indirect };
    Some(Found {
        kind,
        fragments: vec![subject, rest],
        cue: Some(text.tokens[i].span),
        cue_lemma: Some(
            if lw == "expected" {
                "expect"
            } else if lw.starts_with("seem") {
                "seem"
            } else {
                "appear"
            }
            .to_string(),
        ),
        speaker: None,
        speaker_span: None,
        reported_source: None,
        confidence: 0.4,
        rule: "indirect/raising",
    })
}

/// A question put to someone, with no source (the most frequent source-less cue in PolNeAR train):
/// "When asked about the wall, Trump said …", "Asked whether she would run, …", "Clinton was asked about
/// her speeches." The content is the question, from its opener ("about", "if", "whether", "to", a wh-word)
/// to the end of its clause (the comma before the main clause, or the sentence end).
fn asked(cx: &Ctx, i: usize, qs: &[Quotation]) -> Option<Found> {
    let text = cx.text;
    if !cx.word(i).eq_ignore_ascii_case("asked") {
        return None;
    }
    let (sa, sz) = cx.sentence_tokens(text.tokens[i].span.start);
    let lead = if i > sa { cx.lower(i - 1) } else { String::new() };
    let opening = i == sa || (i > sa && cx.word(i - 1).is_empty() && !cx.is_quote_mark(i - 1));
    let passive = matches!(lead.as_str(), "was" | "were" | "being" | "been" | "when" | "if" | "after" | "once");
    if !(opening || passive) {
        return None;
    }
    // the opener within a few words ("asked at a briefing Monday about …", "asked by a caller why …")
    let k = (i + 1..(i + 9).min(sz)).find(|&x| {
        matches!(
            cx.lower(x).as_str(),
            "about" | "if" | "whether" | "to" | "why" | "how" | "what" | "who" | "whom" | "which" | "when" | "where"
        )
    })?;
    if (i + 1..k).any(|x| matches!(cx.punct(x), "," | ";" | ":") || cx.is_quote_mark(x)) {
        return None;
    }
    // an opening "Asked …," clause ends at its comma; "was asked …" runs to the clause end
    let end = if opening || !matches!(lead.as_str(), "was" | "were" | "being" | "been") {
        let c = (k + 1..sz).find(|&x| matches!(cx.punct(x), "," | ";" | "—"))?;
        end_before(text, c)
    } else {
        clause_end(cx, k, sz)
    };
    let span = Span::new(text.tokens[k].span.start, end);
    if span.is_empty() || word_count(text, span) < 2 {
        return None;
    }
    let kind = if overlaps_quotation(qs, span) { QuoteKind::Mixed } else { QuoteKind::Indirect };
    Some(Found {
        kind,
        fragments: vec![span],
        cue: Some(text.tokens[i].span),
        cue_lemma: Some("ask".to_string()),
        speaker: None,
        speaker_span: None,
        reported_source: None,
        confidence: 0.45,
        rule: "indirect/asked",
    })
}

/// A verb outside the cue lexicon with a named speaker and a that-clause: "Trump groused to a crowd that
/// …", "Schneiderman alleged in the suit that …". The rare cue verbs of the long tail (1,778 cue lemmas in
/// PolNeAR train) share this shape.
fn that_verb(cx: &Ctx, i: usize, qs: &[Quotation]) -> Option<Found> {
    let text = cx.text;
    let w = cx.word(i);
    // a past or present verb form; plural nouns before a relative "that" ("states that are …") are told
    // apart by the word after "that"
    if w.is_empty() || is_cap(w) || !(w.ends_with("ed") || w.ends_with('s')) || w.len() < 5 {
        return None;
    }
    let (sa, sz) = cx.sentence_tokens(text.tokens[i].span.start);
    // "that" right after the verb, or after a short adjunct ("in the suit", "to a crowd in Georgia")
    let t = (i + 1..(i + 6).min(sz)).find(|&x| cx.lower(x) == "that")?;
    if (i + 1..t).any(|x| !cx.punct(x).is_empty())
        || t > i + 1 && !matches!(cx.lower(i + 1).as_str(), "in" | "to" | "on" | "at" | "during")
    {
        return None;
    }
    // a relative "that" is followed by its verb ("the approach that worked"), a complementizer by a subject
    let nw = cx.lower(t + 1);
    if nw.ends_with("ed")
        || matches!(
            nw.as_str(),
            "is" | "are"
                | "was"
                | "were"
                | "will"
                | "would"
                | "has"
                | "have"
                | "had"
                | "can"
                | "could"
                | "may"
                | "might"
        )
    {
        return None;
    }
    let s = cx.subject_before(i, sa)?;
    let m = s.mention?;
    if cx.mentions[m].kind == MentionKind::Pronoun && s.first != i - 1 {
        return None;
    }
    let span = Span::new(text.tokens[t].span.start, clause_end(cx, t, sz));
    make(cx, i, &w.to_lowercase(), span, s, qs, "indirect/that-verb", 0.45)
}

/// Phrasal cues learned from train cue bigrams (`lexicons/phrasal_cues.tsv`): a word that is no cue alone
/// and its particle, "talked about X", "points out that …", "is critical of X", "his criticism of X". The
/// speaker comes before (the subject, through "is" and adverbs, or a possessor); the content is what
/// follows the particle, a noun phrase ending before a subordinate clause.
fn phrasal(cx: &Ctx, i: usize, qs: &[Quotation]) -> Option<Found> {
    let text = cx.text;
    let w = cx.word(i);
    if w.is_empty() || is_cap(w) && !cx.sentence_initial(i) {
        return None;
    }
    let (lw, particle) = (w.to_lowercase(), cx.lower(i + 1));
    if !lexicon().phrasal_cues.contains(&format!("{lw} {particle}")) {
        return None;
    }
    let (sa, sz) = cx.sentence_tokens(text.tokens[i].span.start);
    let k = i + 2;
    if k >= sz || cx.is_quote_mark(k) || !cx.punct(k).is_empty() {
        return None;
    }
    // "his criticism of", "Trump's endorsement of": the possessor; else the subject before the cue
    let possessor = i > sa && matches!(cx.lower(i - 1).as_str(), "his" | "her" | "their" | "its");
    let s = if possessor {
        let t = text.tokens[i - 1];
        Speaker { mention: cx.by_start.get(&t.span.start).copied(), span: t.span, first: i - 1 }
    } else {
        cx.subject_before(i, sa)?
    };
    s.mention?;
    let mut end = clause_end(cx, k, sz);
    if !fw().clause_opener.contains(cx.lower(k).as_str()) {
        let z = text.token_at_or_after(end);
        if let Some(p) = (k + 1..z).find(|&x| fw().object_stop.contains(cx.lower(x).as_str())) {
            end = end_before(text, p);
        }
    }
    let span = Span::new(text.tokens[k].span.start, end);
    if span.is_empty() {
        return None;
    }
    let kind = if overlaps_quotation(qs, span) { QuoteKind::Mixed } else { QuoteKind::Indirect };
    Some(Found {
        kind,
        fragments: vec![span],
        cue: Some(Span::new(text.tokens[i].span.start, text.tokens[i + 1].span.end)),
        cue_lemma: Some(format!("{lw} {particle}")),
        speaker: s.mention,
        speaker_span: Some(s.span),
        reported_source: None,
        confidence: 0.5,
        rule: "indirect/phrasal",
    })
}

/// Does `s` overlap one of the quotations? They are in text order and do not overlap, so their
/// ends are sorted too: one binary search.
/// `s` lies inside a closed, double-marked quotation of more than [`SHORT_QUOTE_WORDS`] words.
fn inside_quotation(qs: &[Quotation], s: Span, text: &Text) -> bool {
    let i = qs.partition_point(|q| q.span.end <= s.start);
    qs.get(i).is_some_and(|q| {
        q.closed
            && !q.single
            && q.span.start < s.start
            && s.end < q.span.end
            && word_count(text, q.span) > SHORT_QUOTE_WORDS
    })
}

fn overlaps_quotation(qs: &[Quotation], s: Span) -> bool {
    let i = qs.partition_point(|q| q.span.end <= s.start);
    qs.get(i).is_some_and(|q| q.span.start < s.end)
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

fn direct(cx: &Ctx, qs: &[Quotation], out: &mut Vec<Found>, used_cues: &mut Vec<usize>) {
    let text = cx.text;
    let mut qi = 0;
    while qi < qs.len() {
        let q = qs[qi];
        qi += 1;
        let words = word_count(text, q.span);
        let (sa, sz) = cx.sentence_tokens(q.span.start);
        let qa = text.token_at_or_after(q.span.start);
        let qz = text.token_at_or_after(q.span.end);
        let kind_of = |w: usize| if w <= SHORT_QUOTE_WORDS { QuoteKind::Mixed } else { QuoteKind::Direct };
        // a headline "‘Ignored’: Putin speaks" — the quotation, a colon, then its speaker
        // paragraphs are in text order: a binary search for one starting here
        let p = text.paragraphs.partition_point(|p| p.start < q.span.start);
        if text.paragraphs.get(p).is_some_and(|p| p.start == q.span.start) && cx.punct(qz) == ":" {
            if let Some(&m) = text.tokens.get(qz + 1).and_then(|t| cx.by_start.get(&t.span.start)) {
                let sp = Speaker { mention: Some(m), span: cx.mentions[m].span, first: qz + 1 };
                let c = Cue { tok: qz, speaker: Some(sp), end: qz + 1 };
                let mut f = found(cx, kind_of(words), vec![q.span], c, "direct/headline", 0.6);
                f.cue_lemma = None;
                out.push(f);
                continue;
            }
        }
        // a title (“The Long Road Home”) is no statement unless a colon or comma introduces it
        if looks_like_title(cx, q) && !(qa > 0 && matches!(cx.punct(qa - 1), ":" | ",")) {
            continue;
        }
        // cue after the quotation: “…,” X said / said X (in the sentence where the quotation ends)
        let (_, sz_end) = cx.sentence_tokens(q.span.end.saturating_sub(1));
        let sz_end = sz_end.max(sz);
        // “…?” Clinton said. — the sentence splitter broke after the mark: look into the next sentence
        let asks = text.src[..q.span.end].trim_end_matches(['”', '"', '\'', '’', '»']).ends_with(['?', '!']);
        let (sz_end, near_only) = match text.tokens.get(qz) {
            Some(t) if sz_end <= qz && asks => (cx.sentence_tokens(t.span.start).1.max(sz_end), true),
            _ => (sz_end, false),
        };
        // a quotation introduced by "X said:" belongs to that cue, whatever follows it
        let introduced = qa > sa + 1 && matches!(cx.punct(qa - 1), ":" | ",") && cx.dcue(qa - 2).is_some();
        let after = if introduced { None } else { cue_after(cx, qz, sz_end) };
        if let Some(c) = after.filter(|c| !near_only || c.tok <= qz + 4) {
            let mut fragments = vec![q.span];
            let mut rule = "direct/cue-after";
            // split quote: “A,” he said, “B.”
            if let Some(n) = qs.get(qi) {
                let from = text.tokens.get(c.end).map_or(q.span.end, |t| t.span.start).min(n.span.start);
                let gap = &text.src[from..n.span.start];
                let gap = gap.trim().trim_matches(|c: char| c == ',' || c == ':').trim();
                let cue_sentence = text.sentence_of(text.tokens[c.tok].span.start);
                let same_sentence = text.sentence_of(n.span.start) == cue_sentence
                    || (gap.is_empty() && text.paragraph_of(n.span.start) == text.paragraph_of(q.span.start));
                let gap_cue = gap.split_whitespace().any(|w| {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
                    w == "that" || lexicon().cues.get(&w).is_some_and(|e| !e.weak())
                });
                if same_sentence
                    && !gap.contains(['.', '?', '!'])
                    && (gap.is_empty() || !gap_cue && word_count(text, n.span) > SHORT_QUOTE_WORDS)
                    && (gap.is_empty() || adjunct_text(gap) || gap.split_whitespace().count() <= MAX_SPLIT_GAP_WORDS)
                {
                    fragments.push(n.span);
                    qi += 1;
                    rule = "direct/split";
                }
            }
            if words <= SHORT_QUOTE_WORDS && fragments.len() == 1 {
                // a short quotation with a cue after it: the paraphrase before it is the content
                if let Some(f) = short_mixed(cx, q, sa, &c) {
                    used_cues.push(c.tok);
                    out.push(f);
                    continue;
                }
            }
            used_cues.push(c.tok);
            // “They’re worried,” Carson said. — a short quotation that opens its sentence is direct speech
            let kind = if qa <= sa + 1 { QuoteKind::Direct } else { kind_of(words) };
            out.push(found(cx, kind, fragments, c, rule, 0.9));
            continue;
        }
        // cue before the quotation: X said: “…” / X noted that … “…”
        let prev = out
            .last()
            .filter(|f| f.cue.is_some_and(|c| text.sentence_of(c.start) == text.sentence_of(q.span.start)))
            .and_then(|f| f.speaker_span.map(|sp| Speaker { mention: f.speaker, span: sp, first: 0 }));
        if let Some((c, mixed_start)) = cue_before(cx, qa, sa, words, prev, (q.span.end, sz_end.max(sz))) {
            used_cues.push(c.tok);
            match mixed_start {
                None if words > SHORT_QUOTE_WORDS || q.closed => {
                    out.push(found(cx, kind_of(words), vec![q.span], c, "direct/cue-before", 0.85))
                }
                None => {}
                Some(ms) => {
                    let mt = text.token_at_or_after(ms);
                    // the object runs to the clause end, prepositional phrases included
                    let end = clause_end(cx, mt, sz.max(qz));
                    let span = Span::new(ms, end.max(q.span.end));
                    if end + 1 < q.span.end {
                        // the quotation lies beyond the clause of the cue
                    } else if !out.iter().any(|f| f.fragments.iter().any(|fr| fr.overlaps(&span))) {
                        out.push(found(cx, QuoteKind::Mixed, vec![span], c, "mixed/cue-before", 0.75));
                    }
                }
            }
            continue;
        }
        // a block quotation after "X said:" at the end of the previous paragraph
        if let Some(c) = block_cue(cx, qa) {
            used_cues.push(c.tok);
            out.push(found(cx, QuoteKind::Direct, vec![q.span], c, "direct/block", 0.8));
            continue;
        }
        // a cue-less whole-sentence quotation continues the previous direct speaker
        let full_sentence =
            words >= 2 && text.slice(q.span).trim_end_matches(['”', '"', '\'', '’', '»']).ends_with(['.', '?', '!']);
        if (words > SHORT_QUOTE_WORDS || full_sentence) && !q.single {
            let sentence_like = sentence_like(cx, q, sa, sz);
            if let Some(prev) = out.last_mut() {
                let near = match (text.paragraph_of(prev.span().end), text.paragraph_of(q.span.start)) {
                    (Some(a), Some(b)) => b <= a + 1,
                    _ => false,
                };
                if near && sentence_like && prev.kind == QuoteKind::Direct && prev.speaker_span.is_some() {
                    // right after “A,” he said. — one more fragment; after a longer narrative, its own quote
                    let between = Span::new(prev.span().end, q.span.start);
                    let gap = word_count(text, between);
                    let appositive = text.slice(between).contains(", ");
                    if gap <= MAX_CONTINUATION_GAP_WORDS || appositive {
                        prev.fragments.push(q.span);
                        if prev.rule == "direct/cue-after" || prev.rule == "direct/cue-before" {
                            prev.rule = "direct/continuation";
                        }
                    } else {
                        let mut f = prev.clone();
                        f.fragments = vec![q.span];
                        f.cue = None;
                        f.cue_lemma = None;
                        f.confidence = 0.6;
                        f.rule = "direct/continuation";
                        out.push(f);
                    }
                }
            }
        }
    }
}

/// Every word capitalised, at most eight words, no sentence punctuation: a title or a name.
fn looks_like_title(cx: &Ctx, q: Quotation) -> bool {
    let a = cx.text.token_at_or_after(q.span.start) + 1;
    let z = cx.text.token_at_or_after(q.span.end).saturating_sub(1);
    let words: Vec<&str> = (a..z).map(|k| cx.word(k)).filter(|w| !w.is_empty()).collect();
    let small = ["of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with"];
    !words.is_empty()
        && words.len() <= 8
        && (a..z).all(|k| !matches!(cx.punct(k), "." | "," | "!" | "?" | ";"))
        && words.iter().all(|w| is_cap(w) || small.contains(w))
        && is_cap(words[0])
}

/// True when the text between two quotations is only a time adjunct ("on Tuesday").
fn adjunct_text(gap: &str) -> bool {
    gap.split_whitespace().count() <= 3
        && gap.split_whitespace().all(|w| fw().is_adjunct(w.trim_matches(',').to_lowercase().as_str()))
}

/// The quotation is a sentence (or more) on its own: it starts the sentence and ends it.
fn sentence_like(cx: &Ctx, q: Quotation, sa: usize, sz: usize) -> bool {
    let qa = cx.text.token_at_or_after(q.span.start);
    let qz = cx.text.token_at_or_after(q.span.end);
    let starts = qa <= sa + 1 || (qa > 0 && matches!(cx.punct(qa - 1), ":" | "—" | "–"));
    let (_, sz2) = cx.sentence_tokens(q.span.end.saturating_sub(1));
    let ends = qz >= sz.max(sz2) || cx.punct(qz) == "." || (qz + 1 >= sz2 && cx.word(qz).is_empty());
    starts && ends
}

/// “…” short quotation with a cue after: "He called the plan “absurd,” she said." → a mixed quote
/// from the sentence start to the quotation.
fn short_mixed(cx: &Ctx, q: Quotation, sa: usize, c: &Cue) -> Option<Found> {
    let start = cx.text.tokens[sa].span.start;
    if start >= q.span.start || word_count(cx.text, Span::new(start, q.span.end)) < 4 {
        return None;
    }
    let f = Span::new(start, q.span.end);
    Some(found_span(cx, QuoteKind::Mixed, vec![f], c, "mixed/cue-after", 0.7))
}

/// After a closing mark: optional comma, then `SPEAKER [adv] CUE` or `CUE SPEAKER`.
fn cue_after(cx: &Ctx, qz: usize, sz: usize) -> Option<Cue> {
    let mut k = qz;
    if matches!(cx.punct(k), "," | "—" | "–" | "―") {
        k += 1;
    }
    if k >= sz.max(qz + 1) {
        return None;
    }
    // “…” ― Name (a pull quote signed with a dash)
    if k > qz && matches!(cx.punct(qz), "―" | "—" | "–") && !cx.word(k).is_empty() {
        if let Some(&m) = cx.by_start.get(&cx.text.tokens[k].span.start) {
            let after = cx.text.token_at_or_after(cx.mentions[m].span.end);
            if after >= sz || matches!(cx.punct(after), "." | "," | ")") {
                let s = Speaker { mention: Some(m), span: cx.mentions[m].span, first: k };
                return Some(Cue { tok: qz, speaker: Some(s), end: after });
            }
        }
    }
    // CUE SPEAKER
    if cx.dcue(k).is_some() {
        let speaker = cx.subject_after(k, sz.max(k + 2));
        let end = speaker.map_or(k + 1, |s| cx.text.token_at_or_after(s.span.end));
        return Some(Cue { tok: k, speaker, end });
    }
    // SPEAKER [adv] CUE: find the cue within a few tokens and check the speaker ends before it
    let mut j = k + 1;
    while j < sz.max(k + 1) && j < k + 32 {
        if !cx.punct(j).is_empty() && cx.punct(j) != "," && !matches!(cx.punct(j), "(" | ")" | "-" | "." | "'") {
            break;
        }
        if cx.dcue(j).is_some() && !cx.lower(j).ends_with("ing") {
            if let Some(s) = cx.subject_before(j, k) {
                let np_before = (k..s.first).all(|x| {
                    !cx.word(x).is_empty() && !matches!(cx.lower(x).as_str(), "that" | "and" | "but" | "which" | "who")
                });
                if s.first >= k && np_before {
                    return Some(Cue { tok: j, speaker: Some(s), end: j + 1 });
                }
            }
            return None;
        }
        j += 1;
    }
    None
}

/// Before an opening mark: `SPEAKER [adv] CUE [:|,]` right before it (direct), or a cue earlier in
/// the sentence whose content runs into the quotation (mixed; returns the content start).
fn cue_before(
    cx: &Ctx,
    qa: usize,
    sa: usize,
    words: usize,
    prev: Option<Speaker>,
    (q_end, sz): (usize, usize),
) -> Option<(Cue, Option<usize>)> {
    if qa == 0 || qa <= sa {
        return None;
    }
    let mut k = qa;
    let introduced = matches!(cx.punct(k - 1), ":" | ",");
    if introduced {
        k -= 1;
    }
    // "X said of Y, “…”" / "X told reporters: “…”" — the cue may be a few words back
    let mut c = k;
    let mut n = 0;
    while c > sa && n < 4 && (introduced || words > SHORT_QUOTE_WORDS) {
        c -= 1;
        n += 1;
        if cx.dcue(c).is_some() {
            let recipient = match cx.entry(c).map(|e| e.lemma.as_str()) {
                Some("tell" | "ask") => true,
                Some("say" | "write") => matches!(cx.lower(c + 1).as_str(), "of" | "to" | "in" | "on"),
                _ => false,
            };
            // "Said Ellis: “…”"
            if is_cap(cx.word(c)) {
                if let Some(speaker) = cx.subject_after(c, k + 1).filter(|s| cx.text.token_at_or_after(s.span.end) == k)
                {
                    return Some((Cue { tok: c, speaker: Some(speaker), end: qa }, None));
                }
            }
            let adverbs = (c + 1..k).all(|x| cx.skippable(x));
            if n > 1 && !adverbs && !(recipient && (c + 1..k).all(|x| !cx.word(x).is_empty() && cx.lower(x) != "that"))
            {
                break;
            }
            // "…,” Trump said, adding later, “…”
            if cx.lower(c).ends_with("ing") && c > sa && cx.punct(c - 1) == "," {
                if let Some(p) = prev {
                    return Some((Cue { tok: c, speaker: Some(p), end: qa }, None));
                }
            }
            if let Some(speaker) = cx.subject_before(c, sa) {
                return Some((Cue { tok: c, speaker: Some(speaker), end: qa }, None));
            }
            // "Said Ellis: “…”"
            if let Some(speaker) = cx.subject_after(c, k + 1).filter(|s| cx.text.token_at_or_after(s.span.end) == k) {
                return Some((Cue { tok: c, speaker: Some(speaker), end: qa }, None));
            }
            break;
        }
        if cx.word(c).is_empty() {
            break;
        }
    }
    // a cue earlier in the sentence whose clause runs over the quotation: a mixed quote. The outermost
    // such cue wins ("The governor said Democrats are to blame for focusing on “…”"); a participle cue
    // takes the speaker of the clause ("X said …, adding that … “…”").
    let mut speaker: Option<Speaker> = None;
    for c in sa..qa {
        if cx.dcue(c).is_none() {
            continue;
        }
        let own = cx.subject_before(c, sa);
        let participle = cx.lower(c).ends_with("ing") && c > sa && matches!(cx.punct(c - 1), "," | "—");
        let s = match (own, participle) {
            (Some(s), _) => Some(s),
            (None, true) => speaker,
            _ => None,
        };
        let Some(s) = s else {
            continue;
        };
        speaker.get_or_insert(s);
        let start = content_start(cx, c, qa + 1);
        let end = clause_end(cx, start, sz.max(qa + 1));
        if end + 1 >= q_end {
            let start = cx.text.tokens.get(start).map_or(cx.text.tokens[c].span.end, |t| t.span.start);
            return Some((Cue { tok: c, speaker: Some(s), end: qa }, Some(start)));
        }
    }
    None
}

/// A quotation opening a paragraph after a paragraph that ends with `SPEAKER CUE:` ("He said:").
fn block_cue(cx: &Ctx, qa: usize) -> Option<Cue> {
    if qa < 2 || cx.punct(qa - 1) != ":" {
        return None;
    }
    let text = cx.text;
    let here = text.paragraph_of(text.tokens[qa].span.start)?;
    let before = text.paragraph_of(text.tokens[qa - 1].span.start)?;
    if here != before + 1 || text.paragraphs[here].start != text.tokens[qa].span.start {
        return None;
    }
    let (sa, _) = cx.sentence_tokens(text.tokens[qa - 1].span.start);
    for c in (sa..qa - 1).rev().take(4) {
        if cx.dcue(c).is_some() {
            let speaker = cx.subject_before(c, sa).or_else(|| cx.subject_after(c, qa - 1));
            speaker?;
            return Some(Cue { tok: c, speaker, end: qa });
        }
    }
    None
}

/// Transcript paragraphs: `NAME: words…` (the name in capitals, or a known mention).
fn transcripts(cx: &Ctx, out: &mut Vec<Found>) {
    let text = cx.text;
    for p in &text.paragraphs {
        let a = text.token_at_or_after(p.start);
        let mut k = a;
        if cx.is_quote_mark(k) {
            k += 1;
        }
        let name_start = k;
        while k < a + 5 && !cx.word(k).is_empty() && is_cap(cx.word(k)) {
            k += 1;
        }
        if k == name_start || cx.punct(k) != ":" {
            continue;
        }
        let all_caps = (name_start..k).all(|x| cx.word(x).chars().all(|c| !c.is_lowercase()));
        let m = cx.by_start.get(&text.tokens[name_start].span.start).copied();
        if !all_caps && m.is_none() {
            continue;
        }
        let Some(first) = text.tokens.get(k + 1).filter(|t| t.span.start < p.end) else {
            continue;
        };
        let mut end = content_end(text, p.end);
        if text.src[..end].ends_with(['"', '”']) && !text.src[first.span.start..end].contains(['“']) {
            end -= text.src[..end].chars().last().map_or(0, char::len_utf8);
        }
        let span = Span::new(first.span.start, content_end(text, end));
        if word_count(text, span) < 3 || out.iter().any(|f| f.span().overlaps(&span)) {
            continue;
        }
        let sp = Span::new(text.tokens[name_start].span.start, text.tokens[k - 1].span.end);
        out.push(Found {
            kind: if all_caps { QuoteKind::Direct } else { QuoteKind::Indirect },
            fragments: vec![span],
            cue: Some(text.tokens[k].span),
            cue_lemma: None,
            speaker: m,
            speaker_span: Some(sp),
            reported_source: None,
            confidence: 0.7,
            rule: "direct/transcript",
        });
    }
}

fn found(cx: &Ctx, kind: QuoteKind, fragments: Vec<Span>, c: Cue, rule: &'static str, conf: f32) -> Found {
    found_span(cx, kind, fragments, &c, rule, conf)
}

fn found_span(cx: &Ctx, kind: QuoteKind, fragments: Vec<Span>, c: &Cue, rule: &'static str, conf: f32) -> Found {
    Found {
        kind,
        fragments,
        cue: Some(cx.text.tokens[c.tok].span),
        cue_lemma: cx.entry(c.tok).map(|e| e.lemma.clone()),
        speaker: c.speaker.and_then(|s| s.mention),
        speaker_span: c.speaker.map(|s| s.span),
        reported_source: None,
        confidence: match c.speaker {
            Some(s) if s.mention.is_some() => conf,
            Some(_) => conf * 0.8,
            None => conf * 0.5,
        },
        rule,
    }
}

/// First content token after cue `i`: skips the colon, a told/asked recipient and time adjuncts up to
/// a "that" ("said on Tuesday that", "told reporters that").
fn content_start(cx: &Ctx, i: usize, sz: usize) -> usize {
    let mut k = i + 1;
    // "said that" / "said:" / "pointed out that"
    let particle = match cx.entry(i).map(|e| e.lemma.as_str()) {
        Some("point" | "lay" | "speak" | "spell") => matches!(cx.lower(k).as_str(), "out" | "up" | "to"),
        Some("call" | "push" | "press" | "argue" | "ask" | "advocate") => {
            matches!(cx.lower(k).as_str(), "for" | "on" | "out" | "about")
        }
        Some("warn" | "complain" | "talk" | "boast" | "worry") => matches!(cx.lower(k).as_str(), "about" | "of"),
        Some("refer" | "respond" | "reply") => cx.lower(k) == "to",
        Some("rail") => cx.lower(k) == "against",
        _ => false,
    };
    if particle {
        k += 1;
    }
    if cx.punct(k) == ":" {
        return k + 1;
    }
    // look for "that" within a few words, through adjuncts and a recipient
    let recipient = matches!(
        cx.entry(i).map(|e| e.lemma.as_str()),
        Some(
            "tell" | "ask" | "warn" | "remind" | "assure" | "inform" | "convince" | "notify" | "write" | "say" | "show"
        )
    );
    let mut j = k;
    while j < sz && j < k + 9 {
        let w = cx.lower(j);
        if w == "that" {
            return j;
        }
        if w.is_empty() && cx.punct(j) != "," {
            break;
        }
        // only adjuncts ("said in a statement Friday that") or a recipient ("told reporters that")
        if !(recipient || cx.adjunct(j) || cx.punct(j) == "," || matches!(w.as_str(), "with" | "to" | "of" | "for")) {
            break;
        }
        j += 1;
    }
    // "said Friday the …" / "said in a statement the …"
    let mut j = k;
    if cx.lower(j) == "over" {
        j += 1;
    }
    let phrase = matches!(cx.lower(k).as_str(), "on" | "in" | "at" | "over" | "during");
    while j < sz
        && j < k + 5
        && (fw().time.contains(cx.lower(j).as_str())
            || cx.punct(j) == ","
            || phrase && cx.adjunct(j) && !matches!(cx.lower(j).as_str(), "the" | "a" | "an") && j > k
            || j == k && phrase
            || phrase
                && j <= k + 2
                && matches!(cx.lower(j).as_str(), "a" | "an" | "the" | "his" | "her" | "their" | "its"))
    {
        j += 1;
    }
    if j > k && j < sz && !cx.word(j).is_empty() {
        let lw = cx.lower(k);
        if matches!(
            lw.as_str(),
            "on" | "in" | "at" | "over" | "last" | "this" | "earlier" | "today" | "yesterday" | "tonight"
        ) || fw().adjunct.contains(lw.as_str())
        {
            return j;
        }
    }
    k
}

impl Ctx<'_> {
    /// A new attribution starts at token `a` (after a comma or a subordinator): an optional subordinator,
    /// then a speaker ending right before a speech cue ("though Mrs. Fiorina said", "after Clinton accused").
    fn starts_attribution(&self, a: usize, sz: usize) -> bool {
        let a = if fw().subordinator.contains(self.lower(a).as_str()) { a + 1 } else { a };
        (a + 1..(a + 8).min(sz)).find(|&c| self.word(c).is_empty() || self.cue(c).is_some()).is_some_and(|c| {
            self.entry(c).is_some_and(|e| !e.weak() && !self.lower(c).ends_with("ing"))
                && self.subject_before(c, a).is_some_and(|s| s.first == a && (s.mention.is_some() || self.clear(&s)))
        })
    }
}

/// Where a clause starting at token `k` ends (byte): the sentence end without its final period,
/// or before ", according to", a participle cue (", adding that"), or an inner ", X said".
fn clause_end(cx: &Ctx, k: usize, sz: usize) -> usize {
    let text = cx.text;
    let mut j = k;
    while j < sz {
        let p = cx.punct(j);
        if p == ";" || p == "―" || (p == "-" && cx.punct(j + 1) == "-") {
            break;
        }
        // "… and said …", "… but did note that …", "…, and other GOP leaders said …": a coordinated cue
        // starts an attribution of its own
        if matches!(cx.lower(j).as_str(), "and" | "but") && j > k {
            let mut c = j + 1;
            while c < sz && (cx.skippable(c) || matches!(cx.lower(c).as_str(), "did" | "then")) {
                c += 1;
            }
            let own_cue = |c: usize| {
                (cx.cue(c).is_some() || cx.lower(c + 1) == "out" && cx.lower(c).starts_with("point"))
                    && !cx.lower(c).ends_with("ing")
            };
            let new_subject = || {
                (c + 1..(c + 6).min(sz))
                    .find(|&x| own_cue(x))
                    .is_some_and(|x| cx.subject_before(x, j + 1).is_some_and(|s| s.first == j + 1))
            };
            if own_cue(c) || cx.punct(j - 1) == "," && new_subject() {
                let e = if cx.punct(j - 1) == "," { j - 1 } else { j };
                return end_before(text, e);
            }
        }
        // ", which …", "— a …": contexts where train contents mostly end (lexicons/content_stops.tsv)
        if j > k
            && matches!(p, "," | "—" | "–" | "-")
            && j + 1 < sz
            && cx.word(j + 1).starts_with(char::is_lowercase)
            && lexicon().ends_content(p, &cx.lower(j + 1))
        {
            break;
        }
        if p == "," && j + 1 < sz {
            let nw = cx.lower(j + 1);
            if matches!(nw.as_str(), "who" | "whose" | "but") {
                break;
            }
            // ", contradicting …" — a participle clause of the narrator
            if nw.ends_with("ing")
                && !matches!(nw.as_str(), "including" | "according" | "saying" | "adding")
                && nw.len() > 5
            {
                break;
            }
            if nw == "according" && cx.lower(j + 2) == "to" {
                break;
            }
            if nw.ends_with("ing") && cx.entry(j + 1).is_some_and(|e| !e.weak() && !e.nominal()) {
                break;
            }
            // ", said X" — an inverted cue with its speaker after it
            if cx.cue(j + 1).is_some() && cx.subject_after(j + 1, sz).is_some_and(|s| s.mention.is_some()) {
                break;
            }
            // ", X said," in the middle or ", X said." at the end
            let mut c = j + 1;
            while c < sz && c < j + 8 && !cx.word(c).is_empty() {
                if cx.cue(c).is_some() {
                    if cx.subject_before(c, j + 1).is_some_and(|s| s.first == j + 1) && c < sz {
                        let after = cx.punct(c + 1);
                        if c + 1 >= sz || matches!(after, "," | "." | "") && cx.word(c + 1).is_empty() {
                            return end_before(text, j);
                        }
                    }
                    break;
                }
                c += 1;
            }
        }
        // "…, though Mrs. Fiorina said she doubted …", "… after Mrs. Clinton accused him …": a clause with
        // a speaker and a cue of its own starts another attribution (one role per token in the annotation)
        if j > k + 1
            && (p == "," || fw().subordinator.contains(cx.lower(j).as_str()))
            && cx.starts_attribution(j + 1, sz)
        {
            let e = if p.is_empty() && cx.punct(j - 1) == "," { j - 1 } else { j };
            return end_before(text, e);
        }
        j += 1;
    }
    if j >= sz {
        return content_end(text, text.tokens[sz - 1].span.end);
    }
    end_before(text, j)
}

/// The end of the token before `j` (content stops before punctuation token `j`).
fn end_before(text: &Text, j: usize) -> usize {
    text.tokens[j.saturating_sub(1)].span.end
}

/// Indirect speech around cue token `i` in the sentence `[sa, sz)`.
fn indirect(
    cx: &Ctx,
    i: usize,
    e: &CueEntry,
    sa: usize,
    sz: usize,
    qs: &[Quotation],
    prev: Option<Speaker>,
) -> Option<Found> {
    let text = cx.text;
    let lemma = e.lemma.as_str();
    let lw = cx.lower(i);
    if e.class == "according" {
        return according(cx, i, sa, sz, qs);
    }
    if e.nominal() {
        return nominal(cx, i, e, sa, sz, qs);
    }
    // participle: "…, adding that …" — the speaker of the clause (not a progressive "is saying")
    let progressive = {
        let mut k = i;
        while k > sa
            && cx.skippable(k - 1)
            && !matches!(cx.lower(k - 1).as_str(), "is" | "are" | "was" | "were" | "been" | "be")
        {
            k -= 1;
        }
        k > sa
            && matches!(
                cx.lower(k - 1).as_str(),
                "is" | "are" | "was" | "were" | "been" | "be" | "isn’t" | "isn't" | "aren’t" | "wasn’t"
            )
    };
    if lw.ends_with("ing") && !progressive {
        let lead = if i > sa { cx.lower(i - 1) } else { String::new() };
        let after_by = matches!(lead.as_str(), "by" | "while" | "after" | "before" | "when" | "in")
            || lead == "and" && i > sa + 1 && cx.punct(i - 2) == ",";
        if i > sa && (matches!(cx.punct(i - 1), "," | "—") || after_by) {
            let speaker = prev.or_else(|| cx.subject_first(sa, i)).or_else(|| cx.main_subject(sa, i))?;
            let k = content_start(cx, i, sz);
            // a weak participle needs a that-clause, or an object the cue is about: ", calling him a
            // fascist", ", calling for his firing"
            let object = matches!(cx.lower(k).as_str(), "him" | "her" | "them" | "it" | "himself" | "herself")
                || cx.by_start.contains_key(&text.tokens.get(k)?.span.start)
                || k > i + 1 && matches!(cx.lower(k - 1).as_str(), "for" | "on");
            if e.weak() && cx.lower(k) != "that" && !object {
                return None;
            }
            let span = Span::new(text.tokens.get(k)?.span.start, clause_end(cx, k, sz));
            return make(cx, i, lemma, span, speaker, qs, "indirect/participle", 0.6);
        }
        // "with 50 percent saying she is prepared": the noun phrase before the participle speaks
        if i > sa + 1 && !e.weak() && lemma == "say" {
            if let Some(s) = cx.subject_before(i, sa) {
                if s.first > sa && matches!(cx.lower(s.first - 1).as_str(), "with" | "left" | "had") {
                    let k = content_start(cx, i, sz);
                    let span = Span::new(text.tokens.get(k)?.span.start, clause_end(cx, k, sz));
                    return make(cx, i, lemma, span, s, qs, "indirect/participle", 0.55);
                }
            }
        }
        return None;
    }
    // "their calls", "in states", "the claims": a noun, not a cue
    if i > sa && lw.ends_with('s') {
        let p = cx.lower(i - 1);
        if fw().determiner.contains(p.as_str())
            || matches!(
                p.as_str(),
                "in" | "of" | "for" | "by" | "with" | "on" | "at" | "from" | "into" | "whose" | "the"
            )
        {
            return None;
        }
    }
    // "…, said one GOP source in the room." / "…, said Jane Roe, director of …"
    if i > sa && cx.punct(i - 1) == "," {
        if let Some(s) = cx.subject_after(i, sz) {
            let after = cx.text.token_at_or_after(s.span.end);
            if after >= sz || cx.adjunct_to_end(after, sz) || cx.inverted_tail(after, sz) {
                let span = Span::new(text.tokens[sa].span.start, end_before(text, i - 1));
                return make(cx, i, lemma, span, s, qs, "indirect/inverted", 0.65);
            }
        }
    }
    let coordinated = {
        let mut k = i;
        while k > sa && cx.skippable(k - 1) {
            k -= 1;
        }
        k > sa && matches!(cx.lower(k - 1).as_str(), "and" | "but")
    };
    let subject = if coordinated {
        prev.or_else(|| cx.subject_first(sa, i)).or_else(|| cx.subject_after_comma(sa, i))
    } else {
        cx.subject_before(i, sa).or_else(|| cx.long_subject(i, sa, e))
    };
    if let Some(s) = subject {
        if e.weak() && !cx.clear(&s) && !cx.that_follows(i, sz) {
            return None;
        }
        // rare cue forms need a named or pronoun speaker
        if e.precision < RARE_CUE_PRECISION && s.mention.is_none() {
            return None;
        }
        let k = content_start(cx, i, sz);
        // "…, Sen. Graham told The Huffington Post on Thursday." — a short tail without a clause
        let tail_ok = match lemma {
            "tell" => true,
            "say" | "add" | "write" | "explain" | "note" | "argue" | "insist" => matches!(
                cx.lower(k).as_str(),
                "at" | "in" | "on" | "during" | "after" | "before" | "from" | "via" | "through" | "to"
            ),
            _ => false,
        };
        // "Outright victory is vital, he said after meeting Thursday with Trump aides, because …": a
        // prepositional tail up to the next comma, without a clause
        let tail_end = (k..sz).find(|&x| matches!(cx.punct(x), "," | ";" | "—")).unwrap_or(sz);
        let short_tail = tail_ok
            && s.first > sa
            && matches!(cx.punct(s.first - 1), "," | "—")
            && (sz.saturating_sub(k) <= 7 || lemma != "tell" && tail_end.saturating_sub(k) <= 8)
            && !(k..tail_end.min(sz)).any(|x| fw().clause_opener.contains(cx.lower(x).as_str()) && cx.lower(x) != "to");
        if k >= sz || (cx.punct(k) == "." && k + 1 >= sz) || cx.adjunct_to_end(k, sz) || short_tail {
            // "…, Price said." — the content is before
            return before_content(cx, i, sa, s, lemma, e, qs);
        }
        if cx.punct(k) == "," {
            // "A, Price said, B."
            return parenthetical(cx, i, k, sa, sz, s, lemma, qs);
        }
        if e.weak() && cx.lower(k) != "that" && !cx.clear(&s) {
            return None;
        }
        if matches!(
            cx.lower(k).as_str(),
            "with"
                | "themselves"
                | "himself"
                | "herself"
                | "myself"
                | "itself"
                | "ourselves"
                | "for"
                | "of"
                | "from"
                | "and"
                | "but"
                | "or"
                | "as"
                | "up"
                | "off"
                | "down"
                | "away"
                | "back"
                | "in"
                | "into"
                | "at"
        ) {
            return None;
        }
        if cx.is_quote_mark(k) && qs.iter().any(|q| q.span.start == text.tokens[k].span.start) {
            // the direct rules decided about this quotation
            return None;
        }
        // a non-clausal cue's object keeps its prepositional phrases: in PolNeAR train, contents run on
        // through "in", "with", "on" nine times in ten ("an interaction with Hillary Clinton that …")
        let mut end = clause_end(cx, k, sz);
        // an object cue ("praised Obama after the meeting") ends its noun phrase before a subordinate clause
        if lexicon().object_cues.contains(lemma) && !fw().clause_opener.contains(cx.lower(k).as_str()) {
            let z = text.token_at_or_after(end);
            if let Some(p) = (k + 1..z).find(|&x| fw().object_stop.contains(cx.lower(x).as_str())) {
                end = end_before(text, p);
            }
        }
        // "Sanders, who had said he would debate, criticized Clinton", "New York, which Clinton hopes to carry
        // by a large margin, …": a relative clause ends at its comma
        let relative = |x: usize| x > sa && cx.punct(x - 1) == "," && fw().relative.contains(cx.lower(x).as_str());
        if relative(s.first) || s.first > sa && relative(s.first - 1) {
            let z = text.token_at_or_after(end);
            if let Some(c) = (k + 1..z).find(|&x| cx.punct(x) == ",") {
                end = end_before(text, c);
            }
        }
        let span = Span::new(text.tokens[k].span.start, end);
        let conf = if e.weak() { 0.55 } else { 0.7 };
        return make(cx, i, lemma, span, s, qs, "indirect/that", conf);
    }
    // …, said X.
    if i > sa && matches!(cx.punct(i - 1), ",") {
        let s = cx.subject_after(i, sz)?;
        let after = cx.text.token_at_or_after(s.span.end);
        if !(after >= sz || cx.adjunct_to_end(after, sz) || cx.inverted_tail(after, sz)) {
            return None;
        }
        let end = end_before(text, i - 1);
        let start = text.tokens[sa].span.start;
        let span = Span::new(start, end);
        return make(cx, i, lemma, span, s, qs, "indirect/inverted", 0.65);
    }
    None
}

impl Ctx<'_> {
    /// A speaker that is clearly a noun phrase: a mention, a determiner phrase, a plural or a name.
    fn clear(&self, s: &Speaker) -> bool {
        if s.mention.is_some() {
            return true;
        }
        let t = self.text.slice(s.span);
        let first = t.split_whitespace().next().unwrap_or("");
        let last = t.split_whitespace().last().unwrap_or("");
        fw().determiner.contains(first.to_lowercase().as_str())
            || (last.ends_with('s') && !last.ends_with("ss"))
            || is_cap(first) && s.first > 0 && !self.sentence_initial(s.first)
    }
    /// After an inverted cue's speaker ("…, said X"), the rest of the sentence from token `after` is
    /// about X, not a clause of X's: an appositive (", director of …"), a relative clause, or a short
    /// prepositional tail ("in the room"). "…, said he also may" is a clause, not a tail.
    fn inverted_tail(&self, after: usize, sz: usize) -> bool {
        if matches!(self.punct(after), "," | "(" | "—") {
            return true;
        }
        // "…, said the campaign is taking nothing for granted": a verb after the speaker makes a clause
        let w = self.lower(after);
        sz - after <= 6
            && (w.is_empty()
                || self.adjunct(after)
                || matches!(
                    w.as_str(),
                    "in" | "at" | "on" | "during" | "after" | "before" | "from" | "to" | "of" | "for" | "with"
                ))
    }
    /// A long noun-phrase subject that opens the sentence, before a reliable cue: "Other former CIA officers
    /// with no direct knowledge of the case but with experience in war zones said …". Only for cues that
    /// are cues nine times in ten in train ("said", "told"), and only when the words before it contain no
    /// other cue, no clause opener and no punctuation but commas.
    fn long_subject(&self, i: usize, sa: usize, e: &CueEntry) -> Option<Speaker> {
        if e.weak() || e.precision < 0.85 || i <= sa + 2 || i - sa > 30 {
            return None;
        }
        let a = if self.word(sa).is_empty() { sa + 1 } else { sa };
        let first = self.lower(a);
        if !(fw().determiner.contains(first.as_str()) || is_cap(self.word(a))) {
            return None;
        }
        let clean = (a..i).all(|x| {
            let w = self.lower(x);
            if w.is_empty() {
                return matches!(self.punct(x), "," | "-" | "—" | "(" | ")");
            }
            self.entry(x).is_none()
                && !matches!(
                    w.as_str(),
                    "that" | "if" | "when" | "because" | "is" | "was" | "are" | "were" | "has" | "have" | "had"
                )
        });
        if !clean {
            return None;
        }
        let mention = (a..i).find_map(|x| self.by_start.get(&self.text.tokens[x].span.start).copied());
        let span = Span::new(self.text.tokens[a].span.start, self.text.tokens[i - 1].span.end);
        Some(Speaker { mention, span, first: a })
    }
    /// A "that" comes within a few words after the cue.
    fn that_follows(&self, i: usize, sz: usize) -> bool {
        (i + 1..sz.min(i + 8)).any(|k| self.lower(k) == "that")
    }
    /// Only adjunct words (or nothing) from `k` to the sentence end.
    fn adjunct_to_end(&self, k: usize, sz: usize) -> bool {
        // "…, his aides argued in interviews this week; rather, …": a semicolon ends the clause
        let sz = (k..sz).find(|&x| self.punct(x) == ";").unwrap_or(sz);
        (k..sz).all(|x| self.adjunct(x) || matches!(self.punct(x), "." | "," | "!" | "?") || self.is_quote_mark(x))
            && (k..sz).filter(|&x| !self.word(x).is_empty()).count() <= 4
    }
    /// The subject of a sentence: a mention at its start.
    fn subject_first(&self, sa: usize, limit: usize) -> Option<Speaker> {
        let mut k = sa;
        while k < limit && self.word(k).is_empty() {
            k += 1;
        }
        let m = *self.by_start.get(&self.text.tokens.get(k)?.span.start)?;
        Some(Speaker { mention: Some(m), span: self.mentions[m].span, first: k })
    }
    /// The subject of the main clause before token `limit`: the noun phrase that ends at the sentence's
    /// first auxiliary or cue and starts the sentence ("The Wisconsin Republican did give Trump credit, …").
    fn main_subject(&self, sa: usize, limit: usize) -> Option<Speaker> {
        let v = (sa + 1..limit.min(sa + 10))
            .find(|&x| self.punct(x).is_empty() && (self.skippable(x) || self.cue(x).is_some()))?;
        self.subject_before(v, sa).filter(|s| s.first <= sa + 1 && self.clear(s))
    }
    /// The subject after an introductory phrase: "In an interview on Tuesday, Trump doubled down and said …"
    /// — the first mention right after the sentence's first comma, before `limit`.
    fn subject_after_comma(&self, sa: usize, limit: usize) -> Option<Speaker> {
        let c = (sa..limit).find(|&k| self.punct(k) == ",")?;
        let k = c + 1;
        let m = *self.by_start.get(&self.text.tokens.get(k)?.span.start)?;
        if self.mentions[m].span.end > self.text.tokens.get(limit)?.span.start {
            return None;
        }
        Some(Speaker { mention: Some(m), span: self.mentions[m].span, first: k })
    }
}

#[allow(clippy::too_many_arguments)]
fn make(
    cx: &Ctx,
    i: usize,
    lemma: &str,
    span: Span,
    s: Speaker,
    qs: &[Quotation],
    rule: &'static str,
    conf: f32,
) -> Option<Found> {
    if span.is_empty() || word_count(cx.text, span) < MIN_INDIRECT_WORDS {
        return None;
    }
    let kind = if overlaps_quotation(qs, span) { QuoteKind::Mixed } else { QuoteKind::Indirect };
    Some(Found {
        kind,
        fragments: vec![span],
        cue: Some(cx.text.tokens[i].span),
        cue_lemma: Some(lemma.to_string()),
        speaker: s.mention,
        speaker_span: Some(s.span),
        reported_source: None,
        confidence: if s.mention.is_some() { conf } else { conf * 0.8 },
        rule,
    })
}

/// "…, Price said." / "…, a source said on Tuesday." — from the sentence start to the comma before the
/// speaker.
fn before_content(
    cx: &Ctx,
    i: usize,
    sa: usize,
    s: Speaker,
    lemma: &str,
    e: &CueEntry,
    qs: &[Quotation],
) -> Option<Found> {
    let text = cx.text;
    let mut s = s;
    // "…, federal officials said": modifiers the mention left out ("federal") belong to the speaker
    let mut first = s.first;
    while first > sa + 1
        && s.first - first < 3
        && !cx.word(first - 1).is_empty()
        && !is_cap(cx.word(first - 1))
        && !fw().np_boundary.contains(cx.lower(first - 1).as_str())
        && cx.entry(first - 1).is_none()
    {
        first -= 1;
    }
    if first <= sa + 1 || !matches!(cx.punct(first - 1), "," | "—" | "–") {
        return None;
    }
    if first < s.first {
        s = Speaker { mention: s.mention, span: Span::new(text.tokens[first].span.start, s.span.end), first };
    }
    if e.weak() && !cx.clear(&s) {
        return None;
    }
    let mut a = sa;
    // the sentence may open with a quotation mark that the direct rules did not take
    while a < first && !cx.punct(a).is_empty() && !cx.is_quote_mark(a) {
        a += 1;
    }
    let span = Span::new(text.tokens[a].span.start, end_before(text, first - 1));
    make(cx, i, lemma, span, s, qs, "indirect/inverted", 0.65)
}

/// "A, Price said, B." — two fragments.
#[allow(clippy::too_many_arguments)]
fn parenthetical(
    cx: &Ctx,
    i: usize,
    comma: usize,
    sa: usize,
    sz: usize,
    s: Speaker,
    lemma: &str,
    qs: &[Quotation],
) -> Option<Found> {
    let text = cx.text;
    let first = s.first;
    if first <= sa + 1 || cx.punct(first - 1) != "," || comma + 1 >= sz {
        return None;
    }
    let a = Span::new(text.tokens[sa].span.start, end_before(text, first - 1));
    let b = Span::new(text.tokens[comma + 1].span.start, clause_end(cx, comma + 1, sz));
    if word_count(text, a) < 2 || b.is_empty() {
        return None;
    }
    let mut f = make(cx, i, lemma, a, s, qs, "indirect/parenthetical", 0.6)?;
    f.fragments.push(b);
    if overlaps_quotation(qs, b) {
        f.kind = QuoteKind::Mixed;
    }
    Some(f)
}

/// "…, according to X." / "According to X, …"
fn according(cx: &Ctx, i: usize, sa: usize, sz: usize, qs: &[Quotation]) -> Option<Found> {
    let text = cx.text;
    if cx.lower(i + 1) != "to" {
        return None;
    }
    let src_start = i + 2;
    let mut z = src_start;
    while z < sz && !cx.word(z).is_empty() && z < src_start + 20 {
        z += 1;
    }
    if z == src_start {
        return None;
    }
    let span_src = Span::new(text.tokens[src_start].span.start, text.tokens[z - 1].span.end);
    let mention = cx
        .by_start
        .get(&text.tokens[src_start].span.start)
        .copied()
        .or_else(|| (src_start..z).find_map(|x| cx.by_start.get(&text.tokens[x].span.start).copied()));
    let s = Speaker { mention, span: span_src, first: src_start };
    let cue_span = Span::new(text.tokens[i].span.start, text.tokens[i + 1].span.end);
    // "According to X, …" opens the sentence, or follows a colon, a dash or a parenthesis
    let opening =
        i == sa || (i > sa && matches!(cx.punct(i - 1), ":" | "—" | "(") || i == sa + 1 && cx.word(sa).is_empty());
    // "…,” according to X" — the comma sits inside the closing quotation mark
    let after_comma = i > sa + 1 && (cx.punct(i - 1) == "," || cx.is_quote_mark(i - 1) && cx.punct(i - 2) == ",");
    let mut f = if opening {
        // According to X, CONTENT.
        if cx.punct(z) != "," || z + 1 >= sz {
            return None;
        }
        let span = Span::new(text.tokens[z + 1].span.start, clause_end(cx, z + 1, sz));
        make(cx, i, "according to", span, s, qs, "indirect/according-to", 0.75)?
    } else if after_comma {
        // CONTENT, according to X[, CONTENT].
        let end = if cx.is_quote_mark(i - 1) { text.tokens[i - 1].span.end } else { end_before(text, i - 1) };
        let span = Span::new(text.tokens[sa].span.start, end);
        let mut f = make(cx, i, "according to", span, s, qs, "indirect/according-to", 0.75)?;
        if cx.punct(z) == "," && z + 2 < sz {
            f.fragments.push(Span::new(text.tokens[z + 1].span.start, clause_end(cx, z + 1, sz)));
        }
        f
    } else {
        return None;
    };
    f.cue = Some(cue_span);
    Some(f)
}

/// "Trump’s claim that …" / "the statement by X that …"
fn nominal(cx: &Ctx, i: usize, e: &CueEntry, sa: usize, sz: usize, qs: &[Quotation]) -> Option<Found> {
    let text = cx.text;
    if cx.lower(i + 1) != "that" || i == 0 {
        return None;
    }
    // possessive before the noun
    let prev = text.tokens[i - 1];
    let m = cx.by_end.get(&(prev.span.end)).copied().or_else(|| {
        let w = cx.word(i - 1);
        (w.ends_with("’s") || w.ends_with("'s")).then(|| cx.by_start.get(&prev.span.start).copied()).flatten()
    });
    let (mention, span) = match m {
        Some(m) => (Some(m), text.tokens[i - 1].span),
        None => {
            let w = cx.lower(i - 1);
            if !matches!(w.as_str(), "his" | "her" | "their" | "its") {
                return None;
            }
            (None, prev.span)
        }
    };
    let _ = sa;
    let s = Speaker { mention, span, first: i - 1 };
    let k = i + 1;
    let span_c = Span::new(text.tokens[k].span.start, clause_end(cx, k, sz));
    make(cx, i, e.lemma.as_str(), span_c, s, qs, "indirect/nominal", 0.55)
}

/// "Blinken also “urged …,” Price said" / "Price said Blinken urged …": the first source inside.
fn reported_source(cx: &Ctx, f: &Found) -> Option<usize> {
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
                if let Some(&m) = cx.by_end.get(&text.tokens[k - 1].span.end) {
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
    let m = *cx.by_start.get(&text.tokens.get(k)?.span.start)?;
    let mut j = text.token_at_or_after(cx.mentions[m].span.end);
    while cx.skippable(j) {
        j += 1;
    }
    (cx.cue(j).is_some() && cx.mentions[m].kind != MentionKind::Pronoun).then_some(m)
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

#[cfg(test)]
mod tests {
    use super::*;

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
