//! Direct quotations: the cue and speaker before, after or around each quotation, split and continued
//! quotations, block quotations, transcripts and headlines.

use super::content::{clause_end, content_end, content_start};
use super::context::{is_adjunct, is_cap, wc, word_count, Ctx, Cue, Speaker};
use super::rules::RuleId;
use super::{MAX_CONTINUATION_GAP_WORDS, MAX_SPLIT_GAP_WORDS, SHORT_QUOTE_WORDS};
use crate::lexicon::{lexicon, WordClass};
use crate::mentions::{MentionId, MentionKind};
use crate::quotes::marks::Quotation;
use crate::quotes::Candidate;
use crate::report::{ActorKind, QuoteKind, Span};

pub(super) fn direct(cx: &Ctx, qs: &[Quotation], out: &mut Vec<Candidate>, used_cues: &mut Vec<usize>) {
    let text = cx.text;
    let mut qi = 0;
    while qi < qs.len() {
        let q = qs[qi];
        qi += 1;
        if !cx.prose(q.span.start) {
            continue;
        }
        let words = word_count(text, q.span);
        let (sa, sz) = cx.sentence_tokens(q.span.start);
        let qa = text.token_at_or_after(q.span.start);
        let qz = text.token_at_or_after(q.span.end);
        let kind_of = |w: usize| if w <= SHORT_QUOTE_WORDS { QuoteKind::Mixed } else { QuoteKind::Direct };
        // a headline "‘Ignored’: Putin speaks" — the quotation, a colon, then its speaker
        // paragraphs are in text order: a binary search for one starting here
        let p = text.paragraphs.partition_point(|p| p.start < q.span.start);
        if text.paragraphs.get(p).is_some_and(|p| p.start == q.span.start) && cx.punct(qz) == ":" {
            if let Some(m) = text.tokens.get(qz + 1).and_then(|t| cx.mention_starting_at(t.span.start)) {
                let sp = Speaker { mention: Some(m), span: cx.mentions[m].span, first: qz + 1 };
                let c = Cue { tok: qz, speaker: Some(sp), end: qz + 1 };
                let mut f = found(cx, kind_of(words), vec![q.span], c, RuleId::DirectHeadline, 0.6);
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
        let mut unlisted = false;
        let after = if introduced {
            None
        } else {
            cue_after(cx, qz, sz_end).or_else(|| {
                unlisted = true;
                unlisted_cue_after(cx, qz, sz_end)
            })
        };
        if let Some(c) = after.filter(|c| !near_only || c.tok <= qz + 4) {
            let mut fragments = vec![q.span];
            let mut rule = if unlisted { RuleId::DirectUnlistedVerb } else { RuleId::DirectCueAfter };
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
                    rule = RuleId::DirectSplit;
                }
            }
            // a quotation inside a paraphrase with a cue after it ("Belgium failed to act and ''should have
            // acted sooner,'' the minister said"): the paraphrase belongs to the content. Short quotations
            // always; longer ones when at least three words of narrative, and no cue, come before them.
            // Not when the words before are only a subject ("Blinken also “urged …,” Price said": nested
            // attribution, kept direct with its reported source).
            let narrated = qa >= sa + 3
                && !matches!(cx.punct(qa - 1), ":" | "—")
                && (sa..qa).all(|x| cx.entry(x).is_none())
                && (sa..qa).filter(|&x| !cx.word(x).is_empty()).count() >= 3
                && cx.subject_before(qa, sa).is_none_or(|s| s.first > sa + 1);
            if (words <= SHORT_QUOTE_WORDS || narrated) && fragments.len() == 1 {
                // "…’s “Sunday Morning Futures,” Rep. Roe said Democrats …": the cue's content is the clause
                // after it, and the short quotation before is a title or a label, no quote
                if clause_after(cx, &c, sz_end) {
                    continue;
                }
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
            let cue_word = cx.lower(c.tok);
            let mut f = found(cx, kind, fragments, c, rule, 0.9);
            if unlisted {
                f.cue_lemma = f.cue_lemma.or_else(|| Some(cue_word.to_string()));
            }
            out.push(f);
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
                    out.push(found(cx, kind_of(words), vec![q.span], c, RuleId::DirectCueBefore, 0.85))
                }
                None => {}
                Some(ms) => {
                    let mt = text.token_at_or_after(ms);
                    // the object runs to the clause end, prepositional phrases included
                    let end = clause_end(cx, mt, sz.max(qz));
                    let span = Span::new(ms, end.max(q.span.end));
                    if end + 1 < q.span.end {
                        // the quotation lies beyond the clause of the cue
                    } else if !overlaps_found(out, span) {
                        out.push(found(cx, QuoteKind::Mixed, vec![span], c, RuleId::MixedCueBefore, 0.75));
                    }
                }
            }
            continue;
        }
        // a panel: "Mary Roe, columnist: “…”" — a name (and its role) and a colon open the sentence
        if let Some(c) = panel_speaker(cx, qa, sa) {
            out.push(found(cx, kind_of(words), vec![q.span], c, RuleId::DirectPanel, 0.7));
            continue;
        }
        // a block quotation after "X said:" at the end of the previous paragraph
        if let Some(c) = block_cue(cx, qa) {
            used_cues.push(c.tok);
            out.push(found(cx, QuoteKind::Direct, vec![q.span], c, RuleId::DirectBlock, 0.8));
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
                        if prev.rule == RuleId::DirectCueAfter.as_str() || prev.rule == RuleId::DirectCueBefore.as_str()
                        {
                            prev.rule = RuleId::DirectContinuation.as_str();
                        }
                    } else {
                        let mut f = prev.clone();
                        f.fragments = vec![q.span];
                        f.cue = None;
                        f.cue_lemma = None;
                        f.confidence = 0.6;
                        f.rule = RuleId::DirectContinuation.as_str();
                        out.push(f);
                    }
                }
            }
        }
    }
}

/// Every word capitalised, at most eight words, no sentence punctuation: a title or a name.
pub(super) fn looks_like_title(cx: &Ctx, q: Quotation) -> bool {
    let a = cx.text.token_at_or_after(q.span.start) + 1;
    let z = cx.text.token_at_or_after(q.span.end).saturating_sub(1);
    let words: Vec<&str> = (a..z).map(|k| cx.word(k)).filter(|w| !w.is_empty()).collect();
    // a comma before the closing mark belongs to the sentence ("on “Sunday Morning Futures,” Roe said")
    let z_in = if words.len() >= 2 && z > a && cx.punct(z - 1) == "," { z - 1 } else { z };
    !words.is_empty()
        && words.len() <= 8
        && (a..z_in).all(|k| !matches!(cx.punct(k), "." | "," | "!" | "?" | ";"))
        && words.iter().all(|w| is_cap(w) || wc().is(WordClass::QuotedTitleSmallWord, w))
        && is_cap(words[0])
}

/// True when the text between two quotations is only a time adjunct ("on Tuesday").
pub(super) fn adjunct_text(gap: &str) -> bool {
    gap.split_whitespace().count() <= 3
        && gap.split_whitespace().all(|w| is_adjunct(w.trim_matches(',').to_lowercase().as_str()))
}

/// The quotation is a sentence (or more) on its own: it starts the sentence and ends it.
pub(super) fn sentence_like(cx: &Ctx, q: Quotation, sa: usize, sz: usize) -> bool {
    let qa = cx.text.token_at_or_after(q.span.start);
    let qz = cx.text.token_at_or_after(q.span.end);
    let starts = qa <= sa + 1 || (qa > 0 && matches!(cx.punct(qa - 1), ":" | "—" | "–"));
    let (_, sz2) = cx.sentence_tokens(q.span.end.saturating_sub(1));
    let ends = qz >= sz.max(sz2) || cx.punct(qz) == "." || (qz + 1 >= sz2 && cx.word(qz).is_empty());
    starts && ends
}

/// “…” short quotation with a cue after: "He called the plan “absurd,” she said." → a mixed quote
/// from the sentence start to the quotation.
pub(super) fn short_mixed(cx: &Ctx, q: Quotation, sa: usize, c: &Cue) -> Option<Candidate> {
    let start = cx.text.tokens[sa].span.start;
    if start >= q.span.start || word_count(cx.text, Span::new(start, q.span.end)) < 4 {
        return None;
    }
    let f = Span::new(start, q.span.end);
    Some(found_span(cx, QuoteKind::Mixed, vec![f], c, RuleId::MixedCueAfter, 0.7))
}

/// After a closing mark: optional comma, then `SPEAKER [adv] CUE` or `CUE SPEAKER`.
pub(super) fn cue_after(cx: &Ctx, qz: usize, sz: usize) -> Option<Cue> {
    let mut k = qz;
    if matches!(cx.punct(k), "," | "—" | "–" | "―") {
        k += 1;
    }
    if k >= sz.max(qz + 1) {
        return None;
    }
    // “…” ― Name (a pull quote signed with a dash)
    if k > qz && matches!(cx.punct(qz), "―" | "—" | "–") && !cx.word(k).is_empty() {
        if let Some(m) = cx.mention_starting_at(cx.text.tokens[k].span.start) {
            let after = cx.text.token_at_or_after(cx.mentions[m].span.end);
            if after >= sz || matches!(cx.punct(after), "." | "," | ")") {
                let s = Speaker { mention: Some(m), span: cx.mentions[m].span, first: k };
                return Some(Cue { tok: qz, speaker: Some(s), end: after });
            }
        }
    }
    // CUE SPEAKER
    if cx.dcue(k).is_some() {
        let speaker = titled_speaker_after(cx, k, sz).or_else(|| cx.subject_after(k, sz.max(k + 2)));
        // “make America great again” appeals to …: with no comma between, a cue word without a speaker
        // after it is the verb of a sentence whose subject holds the quotation
        let marked_end = cx.text.src[..cx.text.tokens[qz - 1].span.start].ends_with([',', '?', '!']);
        if k == qz && speaker.is_none() && !marked_end {
            return None;
        }
        // “…,” adding that … — a participle after the quotation continues the clause before it
        if speaker.is_none() && cx.lower(k).ends_with("ing") {
            return None;
        }
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
                let np_before =
                    (k..s.first).all(|x| !cx.word(x).is_empty() && !wc().is(WordClass::NotInSpeaker, cx.lower(x)));
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

/// The cue `c` after a quotation takes a clause of its own ("…,” Rep. Roe said Democrats are …", "…
/// said that …"): a word after the construction that is no adjunct, no short prepositional tail and no
/// recipient of "told"/"asked".
fn clause_after(cx: &Ctx, c: &Cue, sz: usize) -> bool {
    let k = c.end;
    let w = cx.lower(k);
    if k >= sz || w.is_empty() {
        return false;
    }
    if w == "that" {
        return true;
    }
    if cx.entry(c.tok).is_some_and(|e| wc().is(WordClass::RecipientCue, &e.lemma)) {
        return false;
    }
    !cx.adjunct(k) && !cx.skippable(k) && !cx.inverted_tail(k, sz) && !wc().is(WordClass::TimePreposition, w)
}

/// Most words of the role after a panelist's name ("Mary Roe, columnist at the Post:").
const MAX_PANEL_ROLE_WORDS: usize = 6;

/// "Mary Roe, columnist: “…”" / "Gov. Dan Price: “…”": the sentence opens with a person's name, then
/// at most a comma and a short role with no cue word, then a colon right before the quotation.
fn panel_speaker(cx: &Ctx, qa: usize, sa: usize) -> Option<Cue> {
    let text = cx.text;
    if qa < sa + 2 || cx.punct(qa - 1) != ":" {
        return None;
    }
    let m = cx.mention_starting_at(text.tokens[sa].span.start)?;
    let mm = &cx.mentions[m];
    if mm.kind != MentionKind::Name || mm.actor_kind != ActorKind::Person {
        return None;
    }
    let after = text.token_at_or_after(mm.span.end);
    let colon = qa - 1;
    if after < colon {
        let role = after + 1..colon;
        if cx.punct(after) != ","
            || role.is_empty()
            || role.len() > MAX_PANEL_ROLE_WORDS
            || role.clone().any(|x| cx.word(x).is_empty() || cx.entry(x).is_some())
        {
            return None;
        }
    } else if after != colon {
        return None;
    }
    let s = Speaker { mention: Some(m), span: mm.span, first: sa };
    Some(Cue { tok: colon, speaker: Some(s), end: qa })
}

/// Most words of a job title before a person's name after a cue ("said steel plant foreman and union
/// delegate Ana Ruiz").
const MAX_TITLE_WORDS: usize = 10;

/// "…,” said steel plant foreman Ana Ruiz. / said Harbor Logistics chief operating officer Tom Reed": a
/// speaker behind a long job title — the words after the cue `c` up to a person's name that ends the
/// clause (the sentence end, a comma, or an adjunct to the end). The speaker phrase is the title and the
/// name; its mention is the person's.
pub(super) fn titled_speaker_after(cx: &Ctx, c: usize, sz: usize) -> Option<Speaker> {
    let text = cx.text;
    let first = c + 1;
    let mut k = first;
    while k < sz && k <= first + MAX_TITLE_WORDS {
        if cx.word(k).is_empty() && !matches!(cx.punct(k), "-" | "'" | "’") {
            return None;
        }
        if let Some(m) = cx.mention_starting_at(text.tokens[k].span.start) {
            let mm = &cx.mentions[m];
            let after = text.token_at_or_after(mm.span.end);
            let ends = after >= sz || matches!(cx.punct(after), "." | "," | "!" | "?") || cx.adjunct_to_end(after, sz);
            if mm.kind == MentionKind::Name && mm.actor_kind == ActorKind::Person && ends {
                // a title needs a lower-case head word ("foreman", "officer") before the name
                if k == first || !(first..k).any(|x| !cx.lower(x).is_empty() && !is_cap(cx.word(x))) {
                    return None;
                }
                return Some(Speaker {
                    mention: Some(m),
                    span: Span::new(text.tokens[first].span.start, mm.span.end),
                    first,
                });
            }
            // an organisation or a place inside the title ("Harbor Logistics chief …"): read on
            k = after.max(k + 1);
            continue;
        }
        k += 1;
    }
    None
}

/// The least length of a verb of saying outside the cue lexicon ("quipped").
const MIN_UNLISTED_VERB_BYTES: usize = 4;

/// “…,” Jones quipped. / “…,” Mr. Lee fumed on Tuesday. / “…,” quipped Jones. — a verb of saying outside
/// the cue lexicon: a past-tense word that is no cue form, right after a quotation that ends in a comma, a
/// question or an exclamation mark, with a named speaker (a name, not a pronoun) next to it and nothing
/// but an adjunct after them to the sentence end.
pub(super) fn unlisted_cue_after(cx: &Ctx, qz: usize, sz: usize) -> Option<Cue> {
    let text = cx.text;
    let marked = qz > 0 && text.src[..text.tokens[qz - 1].span.start].ends_with([',', '?', '!']);
    let k = if cx.punct(qz) == "," { qz + 1 } else { qz };
    if !(marked || k > qz) || k >= sz {
        return None;
    }
    let verb = |v: usize| {
        let w = cx.word(v);
        w.len() >= MIN_UNLISTED_VERB_BYTES && !is_cap(w) && w.ends_with("ed") && cx.entry(v).is_none()
    };
    let named = |m: MentionId| cx.mentions[m].kind == MentionKind::Name;
    let to_end = |x: usize| x >= sz || cx.adjunct_to_end(x, sz);
    // NAME VERB
    if let Some(m) = cx.mention_starting_at(text.tokens[k].span.start).filter(|&m| named(m)) {
        let mut v = text.token_at_or_after(cx.mentions[m].span.end);
        while v < sz && cx.skippable(v) {
            v += 1;
        }
        if v < sz && verb(v) && to_end(v + 1) {
            let s = Speaker { mention: Some(m), span: cx.mentions[m].span, first: k };
            return Some(Cue { tok: v, speaker: Some(s), end: v + 1 });
        }
        return None;
    }
    // VERB NAME
    if verb(k) {
        let m = text.tokens.get(k + 1).and_then(|t| cx.mention_starting_at(t.span.start)).filter(|&m| named(m))?;
        let after = text.token_at_or_after(cx.mentions[m].span.end);
        if to_end(after) {
            let s = Speaker { mention: Some(m), span: cx.mentions[m].span, first: k + 1 };
            return Some(Cue { tok: k, speaker: Some(s), end: after });
        }
    }
    None
}

/// Before an opening mark: `SPEAKER [adv] CUE [:|,]` right before it (direct), or a cue earlier in
/// the sentence whose content runs into the quotation (mixed; returns the content start).
pub(super) fn cue_before(
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
    // "Schumer tweeted: “…”", "he demurred: “…”": any verb with a named speaker, then a colon
    if qa >= sa + 2 && cx.punct(qa - 1) == ":" {
        let v = qa - 2;
        let w = cx.word(v);
        if !w.is_empty() && !is_cap(w) && (w.ends_with("ed") || w.ends_with('s')) && cx.entry(v).is_none() {
            if let Some(s) = cx.subject_before(v, sa).filter(|s| s.mention.is_some()) {
                return Some((Cue { tok: v, speaker: Some(s), end: qa }, None));
            }
        }
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
                Some("say" | "write") => wc().is(WordClass::SayPreposition, cx.lower(c + 1)),
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
    // Among several, the outermost speech cue wins; with none, the innermost weak one ("…, in what Bay
    // Buchanan called “hand-to-hand combat.”" rather than "He fiercely protected …").
    let mut speaker: Option<Speaker> = None;
    let mut weak: Option<(Cue, Option<usize>)> = None;
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
            let found = (Cue { tok: c, speaker: Some(s), end: qa }, Some(start));
            if cx.entry(c).is_some_and(|e| !e.weak()) {
                return Some(found);
            }
            weak = Some(found);
        }
    }
    weak
}

/// A quotation opening a paragraph after a paragraph that ends with `SPEAKER CUE:` ("He said:").
pub(super) fn block_cue(cx: &Ctx, qa: usize) -> Option<Cue> {
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
pub(super) fn transcripts(cx: &Ctx, out: &mut Vec<Candidate>) {
    let text = cx.text;
    for p in text.paragraphs.iter().filter(|p| cx.prose(p.start)) {
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
        let m = cx.mention_starting_at(text.tokens[name_start].span.start);
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
        out.push(Candidate {
            kind: if all_caps { QuoteKind::Direct } else { QuoteKind::Indirect },
            fragments: vec![span],
            cue: Some(text.tokens[k].span),
            cue_lemma: None,
            speaker: m,
            speaker_span: Some(sp),
            reported_source: None,
            confidence: 0.7,
            rule: RuleId::DirectTranscript.as_str(),
        });
    }
}

pub(super) fn found(cx: &Ctx, kind: QuoteKind, fragments: Vec<Span>, c: Cue, rule: RuleId, conf: f32) -> Candidate {
    found_span(cx, kind, fragments, &c, rule, conf)
}

pub(super) fn found_span(
    cx: &Ctx,
    kind: QuoteKind,
    fragments: Vec<Span>,
    c: &Cue,
    rule: RuleId,
    conf: f32,
) -> Candidate {
    Candidate {
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
        rule: rule.as_str(),
    }
}

/// A fragment of a quote found so far overlaps `span`. [`direct`] finds quotes in text order, so only
/// the last ones can reach `span`: the scan stops at quotes starting far before it (scanning all of them
/// made pages with thousands of quotes quadratic).
fn overlaps_found(out: &[Candidate], span: Span) -> bool {
    const REACH: usize = 16 * crate::text::MAX_SENTENCE_BYTES;
    out.iter()
        .rev()
        .take_while(|f| f.span().start + REACH > span.start)
        .any(|f| f.fragments.iter().any(|fr| fr.overlaps(&span)))
}
