//! Indirect and mixed speech: a cue with its clause ("X said that …"), inverted and parenthetical cues,
//! participles, "according to", cue nouns, raising, "asked", phrasal cues, and where each content ends.

use super::content::{clause_end, content_start, end_before, recipient_end, told_addressee_only};
use super::context::{is_cap, overlaps_quotation, wc, word_count, Ctx, Speaker};
use super::rules::RuleId;
use super::{MIN_INDIRECT_WORDS, RARE_CUE_PRECISION};
use crate::lexicon::{lexicon, CueEntry, WordClass};
use crate::mentions::{MentionId, MentionKind};
use crate::quotes::marks::Quotation;
use crate::quotes::Candidate;
use crate::report::{QuoteKind, Span};

/// Passive attribution: "Mr. Sanders is seen as empowering regular voters", "He was recommended for the
/// job by Roger Stone", "a 78-year-old man was charged with assault". Two fragments, the subject and
/// what follows the participle; the agent of "by", when there is one, is the source. The participle is
/// a cue form of the lexicon or one of the judgement verbs PolNeAR annotates in the passive.
pub(super) fn passive(cx: &Ctx, i: usize, qs: &[Quotation]) -> Option<Candidate> {
    let text = cx.text;
    let w = cx.word(i);
    if w.is_empty() || is_cap(w) {
        return None;
    }
    // a form of "be" right before (through adverbs), checked first: it is rare, the rest is costlier
    let mut v = i;
    while v > 0 && (wc().is(WordClass::PassiveAdverb, cx.lower(v - 1)) || cx.lower(v - 1).ends_with("ly")) {
        v -= 1;
    }
    if v == 0 || !wc().is(WordClass::Be, cx.lower(v - 1)) {
        return None;
    }
    let lw = cx.lower(i);
    let judgement = wc().is(WordClass::JudgementParticiple, lw);
    let cue = cx.entry(i).is_some_and(|e| !e.nominal() && e.class != "according");
    if !(judgement || cue && (lw.ends_with("ed") || wc().is(WordClass::IrregularCueParticiple, lw))) {
        return None;
    }
    let (sa, sz) = cx.sentence_tokens(text.tokens[i].span.start);
    // the form of "be" must be in the participle's sentence, with the subject before it
    if v <= sa + 1 {
        return None;
    }
    // "it remains to be seen", "loath to be seen as": an infinitive, no attribution
    if v >= 2 && cx.lower(v - 2) == "to" {
        return None;
    }
    let subject = cx.subject_before(v - 1, sa)?;
    if wc().is(WordClass::Relative, cx.lower(subject.first)) {
        return None;
    }
    // "the nationalities of the attackers were known": a subject inside a prepositional phrase is the
    // object of its preposition, not the subject of the clause
    let before = if subject.first > sa { cx.lower(subject.first - 1) } else { "" };
    if wc().is(WordClass::TimePreposition, before) || wc().is(WordClass::NpPreposition, before) {
        return None;
    }
    // the agent: "by Roger Stone"
    let mut k = i + 1;
    let mut agent = None;
    if cx.lower(k) == "by" {
        let s = cx.subject_after(k, sz)?;
        k = text.token_at_or_after(s.span.end);
        agent = Some(s);
    }
    let rest = if k < sz && !cx.word(k).is_empty() && !cx.is_quote_mark(k) {
        let mut end = clause_end(cx, k, sz);
        let z = text.token_at_or_after(end);
        if let Some(p) = (k + 1..z).find(|&x| wc().is(WordClass::ObjectStop, cx.lower(x))) {
            end = end_before(text, p);
        }
        // "recommended for the job by Roger Stone": the agent after the complement
        let z = text.token_at_or_after(end);
        if agent.is_none() {
            if let Some(b) = (k + 1..z).find(|&x| cx.lower(x) == "by") {
                if let Some(s) = cx.subject_after(b, sz).filter(|s| s.mention.is_some()) {
                    agent = Some(s);
                    end = end_before(text, b);
                }
            }
        }
        Some(Span::new(text.tokens[k].span.start, end))
    } else {
        None
    };
    // without an agent, only the judgement verbs ("is seen as", "is known for") carry an attribution often
    if agent.is_none() && !judgement {
        return None;
    }
    // without an agent, the complement carries the judgement ("is seen as a moderate"): none, no quote
    let rest = rest.filter(|r| !r.is_empty());
    if agent.is_none() && rest.is_none() {
        return None;
    }
    let mut fragments = vec![subject.span];
    fragments.extend(rest);
    if fragments.iter().map(|&f| word_count(text, f)).sum::<usize>() < 2 {
        return None;
    }
    Some(attribution(
        qs,
        fragments,
        Some(text.tokens[i].span),
        Some(cx.entry(i).map_or_else(|| lw.to_string(), |e| e.lemma.clone())),
        (agent.and_then(|a| a.mention), agent.map(|a| a.span)),
        0.4,
        RuleId::IndirectPassive,
    ))
}

/// An "as" clause of attribution: "As Ruth Marcus puts it, Obama is trying …", "…, as Clinton noted on
/// Monday." The content is the main clause, after the "as" clause or before it.
pub(super) fn as_clause(cx: &Ctx, i: usize, qs: &[Quotation]) -> Option<Candidate> {
    let text = cx.text;
    if cx.lower(i) != "as" {
        return None;
    }
    let (sa, sz) = cx.sentence_tokens(text.tokens[i].span.start);
    let opening = i == sa || i == sa + 1 && cx.is_quote_mark(sa);
    let trailing = i > sa + 1 && cx.punct(i - 1) == ",";
    if !(opening || trailing) {
        return None;
    }
    // the cue: a verb of saying or showing ("as Mrs. Clinton seeks the White House" is about time), or "put(s) it"
    let put_it = |c: usize| wc().is(WordClass::Put, cx.lower(c)) && cx.lower(c + 1) == "it";
    let as_cue = |c: usize| cx.entry(c).is_some_and(|e| wc().is(WordClass::AsClauseCue, &e.lemma));
    let (c, s, e) = if as_cue(i + 1) && cx.lower(i + 2) == "by" {
        // "As reported by Western Journalism, …": the agent is the source
        let s = cx.subject_after(i + 2, sz)?;
        (i + 1, s, text.token_at_or_after(s.span.end))
    } else {
        let c = (i + 2..(i + 9).min(sz)).find(|&c| !cx.word(c).is_empty() && (as_cue(c) || put_it(c)))?;
        // the speaker opens the "as" clause, possibly after a possessor ("As The Post's Ruth Marcus puts it")
        let s = cx
            .subject_before(c, i + 1)
            .filter(|s| s.first <= i + 4 && (i + 1..s.first).all(|x| !cx.word(x).is_empty()))?;
        s.mention?;
        (c, s, if put_it(c) { c + 2 } else { c + 1 })
    };
    // after the cue, only an adjunct ("on Monday") up to the comma or the sentence end
    let z = (e..sz).find(|&x| !cx.punct(x).is_empty()).unwrap_or(sz);
    if z - e > 5 || (e..z).any(|x| wc().is(WordClass::ClauseOpener, cx.lower(x))) {
        return None;
    }
    let mut fragments = Vec::new();
    if trailing {
        fragments.push(Span::new(text.tokens[sa].span.start, end_before(text, i - 1)));
    }
    if cx.punct(z) == "," && z + 2 < sz {
        fragments.push(Span::new(text.tokens[z + 1].span.start, clause_end(cx, z + 1, sz)));
    } else if opening {
        return None;
    }
    fragments.retain(|f| !f.is_empty());
    if fragments.is_empty() || fragments.iter().map(|&f| word_count(text, f)).sum::<usize>() < 3 {
        return None;
    }
    Some(attribution(
        qs,
        fragments,
        Some(text.tokens[c].span),
        Some(cx.entry(c).map_or_else(|| "put it".to_string(), |e| e.lemma.clone())),
        (s.mention, Some(s.span)),
        0.6,
        RuleId::IndirectAs,
    ))
}

/// The cue word of an indirect quote: its token and its lemma.
#[derive(Clone, Copy)]
struct CueWord<'a> {
    tok: usize,
    lemma: &'a str,
}

/// A found attribution from its parts; mixed when a fragment overlaps a quotation.
fn attribution(
    qs: &[Quotation],
    fragments: Vec<Span>,
    cue: Option<Span>,
    cue_lemma: Option<String>,
    (speaker, speaker_span): (Option<MentionId>, Option<Span>),
    confidence: f32,
    rule: RuleId,
) -> Candidate {
    let mixed = fragments.iter().any(|&f| overlaps_quotation(qs, f));
    Candidate {
        kind: if mixed { QuoteKind::Mixed } else { QuoteKind::Indirect },
        fragments,
        cue,
        cue_lemma,
        speaker,
        speaker_span,
        reported_source: None,
        confidence,
        rule: rule.as_str(),
    }
}

/// Raising with no source (7 % of PolNeAR gold): "Trump is expected to speak tonight", "the plan seems to
/// fail" — two fragments, the subject and the "to" clause, with no speaker.
pub(super) fn raising(cx: &Ctx, i: usize, qs: &[Quotation]) -> Option<Candidate> {
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
    match lw {
        "expected" => {
            while v > sa && wc().is(WordClass::ExpectedAdverb, cx.lower(v - 1)) {
                v -= 1;
            }
            if v == sa || !wc().is(WordClass::BeFinite, cx.lower(v - 1)) {
                return None;
            }
            v -= 1;
        }
        "seems" | "seem" | "seemed" | "appears" | "appear" | "appeared" => {
            while v > sa && wc().is(WordClass::SeemAdverb, cx.lower(v - 1)) {
                v -= 1;
            }
        }
        _ => return None,
    }
    if v == sa || !cx.word(v - 1).chars().next().is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    // the subject: a relative pronoun, or the words back to the sentence start or a clause boundary
    let first = if wc().is(WordClass::RelativeOrThat, cx.lower(v - 1)) {
        v - 1
    } else {
        let mut a = v - 1;
        while a > sa {
            let p = cx.punct(a - 1);
            let w = cx.lower(a - 1);
            if matches!(p, "," | ";" | ":" | "—" | "(")
                || cx.is_quote_mark(a - 1)
                || wc().is(WordClass::ClauseBoundary, w)
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
    Some(attribution(
        qs,
        vec![subject, rest],
        Some(text.tokens[i].span),
        Some(
            if lw == "expected" {
                "expect"
            } else if lw.starts_with("seem") {
                "seem"
            } else {
                "appear"
            }
            .to_string(),
        ),
        (None, None),
        0.4,
        RuleId::IndirectRaising,
    ))
}

/// A question put to someone, with no source (the most frequent source-less cue in PolNeAR train):
/// "When asked about the wall, Trump said …", "Asked whether she would run, …", "Clinton was asked about
/// her speeches." The content is the question, from its opener ("about", "if", "whether", "to", a wh-word)
/// to the end of its clause (the comma before the main clause, or the sentence end).
pub(super) fn asked(cx: &Ctx, i: usize, qs: &[Quotation]) -> Option<Candidate> {
    let text = cx.text;
    if !cx.word(i).eq_ignore_ascii_case("asked") {
        return None;
    }
    let (sa, sz) = cx.sentence_tokens(text.tokens[i].span.start);
    let lead = if i > sa { cx.lower(i - 1) } else { "" };
    let opening = i == sa || (i > sa && cx.word(i - 1).is_empty() && !cx.is_quote_mark(i - 1));
    let passive = wc().is(WordClass::AskedLead, lead);
    if !(opening || passive) {
        return None;
    }
    // the opener within a few words ("asked at a briefing Monday about …", "asked by a caller why …")
    let k = (i + 1..(i + 9).min(sz)).find(|&x| wc().is(WordClass::QuestionOpener, cx.lower(x)))?;
    if (i + 1..k).any(|x| matches!(cx.punct(x), "," | ";" | ":") || cx.is_quote_mark(x)) {
        return None;
    }
    // an opening "Asked …," clause ends at its comma; "was asked …" runs to the clause end
    let end = if opening || !wc().is(WordClass::BePassiveAux, lead) {
        let c = (k + 1..sz).find(|&x| matches!(cx.punct(x), "," | ";" | "—"))?;
        end_before(text, c)
    } else {
        clause_end(cx, k, sz)
    };
    let span = Span::new(text.tokens[k].span.start, end);
    if span.is_empty() || word_count(text, span) < 2 {
        return None;
    }
    Some(attribution(
        qs,
        vec![span],
        Some(text.tokens[i].span),
        Some("ask".to_string()),
        (None, None),
        0.45,
        RuleId::IndirectAsked,
    ))
}

/// A verb outside the cue lexicon with a named speaker and a that-clause: "Trump groused to a crowd that
/// …", "Schneiderman alleged in the suit that …". The rare cue verbs of the long tail (1,778 cue lemmas in
/// PolNeAR train) share this shape.
pub(super) fn that_verb(cx: &Ctx, i: usize, qs: &[Quotation]) -> Option<Candidate> {
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
        || t > i + 1 && !wc().is(WordClass::ThatVerbPreposition, cx.lower(i + 1))
    {
        return None;
    }
    // a relative "that" is followed by its verb ("the approach that worked"), a complementizer by a subject
    let nw = cx.lower(t + 1);
    if nw.ends_with("ed") || wc().is(WordClass::FiniteAuxiliary, nw) {
        return None;
    }
    let s = cx.subject_before(i, sa)?;
    let m = s.mention?;
    if cx.mentions[m].kind == MentionKind::Pronoun && s.first != i - 1 {
        return None;
    }
    let span = Span::new(text.tokens[t].span.start, clause_end(cx, t, sz));
    make(cx, qs, CueWord { tok: i, lemma: &w.to_lowercase() }, span, s, RuleId::IndirectThatVerb, 0.45)
}

/// Phrasal cues learned from train cue bigrams (`lexicons/phrasal_cues.tsv`): a word that is no cue alone
/// and its particle, "talked about X", "points out that …", "is critical of X", "his criticism of X". The
/// speaker comes before (the subject, through "is" and adverbs, or a possessor); the content is what
/// follows the particle, a noun phrase ending before a subordinate clause.
pub(super) fn phrasal(cx: &Ctx, i: usize, qs: &[Quotation]) -> Option<Candidate> {
    let text = cx.text;
    let w = cx.word(i);
    if w.is_empty() || is_cap(w) && !cx.sentence_initial(i) {
        return None;
    }
    let (lw, particle) = (cx.lower(i), cx.lower(i + 1));
    if !lexicon().is_phrasal_cue(lw, particle) {
        return None;
    }
    let (sa, sz) = cx.sentence_tokens(text.tokens[i].span.start);
    let k = i + 2;
    if k >= sz || cx.is_quote_mark(k) || !cx.punct(k).is_empty() {
        return None;
    }
    // "his criticism of", "Trump's endorsement of": the possessor; else the subject before the cue
    let possessor = i > sa && wc().is(WordClass::Possessive, cx.lower(i - 1));
    let s = if possessor {
        let t = text.tokens[i - 1];
        Speaker { mention: cx.mention_starting_at(t.span.start), span: t.span, first: i - 1 }
    } else {
        cx.subject_before(i, sa)?
    };
    s.mention?;
    let mut end = clause_end(cx, k, sz);
    if !wc().is(WordClass::ClauseOpener, cx.lower(k)) {
        let z = text.token_at_or_after(end);
        if let Some(p) = (k + 1..z).find(|&x| wc().is(WordClass::ObjectStop, cx.lower(x))) {
            end = end_before(text, p);
        }
    }
    let span = Span::new(text.tokens[k].span.start, end);
    if span.is_empty() {
        return None;
    }
    Some(attribution(
        qs,
        vec![span],
        Some(Span::new(text.tokens[i].span.start, text.tokens[i + 1].span.end)),
        Some(format!("{lw} {particle}")),
        (s.mention, Some(s.span)),
        0.5,
        RuleId::IndirectPhrasal,
    ))
}

/// A cue word met by the cue pass: the token, its lexicon entry, its sentence `[sa, sz)`, and the
/// speaker of an earlier attribution in the same sentence (for participles).
#[derive(Clone, Copy)]
pub(super) struct CueSite {
    pub(super) i: usize,
    pub(super) e: &'static CueEntry,
    pub(super) sa: usize,
    pub(super) sz: usize,
    pub(super) prev: Option<Speaker>,
}

/// What a cue finder says about a cue word: not its construction (the next finder of the registry
/// tries), or its construction, with a quote or with none (no later finder tries).
pub(super) enum Verdict {
    Next,
    Done(Option<Candidate>),
}

/// `indirect/according-to`: the "according" cue class is read by [`according`] alone.
pub(super) fn according_to(cx: &Ctx, s: &CueSite, qs: &[Quotation]) -> Verdict {
    if s.e.class != "according" {
        return Verdict::Next;
    }
    Verdict::Done(according(cx, s.i, s.sa, s.sz, qs))
}

/// `indirect/nominal`: a cue noun is read by [`nominal`] alone.
pub(super) fn cue_noun(cx: &Ctx, s: &CueSite, qs: &[Quotation]) -> Verdict {
    if !s.e.nominal() {
        return Verdict::Next;
    }
    Verdict::Done(nominal(cx, s.i, s.e, s.sz, qs))
}

/// `indirect/participle`: a cue form in -ing that is no progressive ("is saying") is read as a
/// participle, "…, adding that …", with the speaker of the clause.
pub(super) fn participle(cx: &Ctx, site: &CueSite, qs: &[Quotation]) -> Verdict {
    let CueSite { i, sa, .. } = *site;
    // participle: "…, adding that …" — the speaker of the clause (not a progressive "is saying")
    let progressive = {
        let mut k = i;
        while k > sa && cx.skippable(k - 1) && !wc().is(WordClass::BeProgressive, cx.lower(k - 1)) {
            k -= 1;
        }
        k > sa && wc().is(WordClass::BeProgressiveOrNegated, cx.lower(k - 1))
    };
    if !cx.lower(i).ends_with("ing") || progressive {
        return Verdict::Next;
    }
    Verdict::Done(participle_clause(cx, site, qs))
}

fn participle_clause(cx: &Ctx, site: &CueSite, qs: &[Quotation]) -> Option<Candidate> {
    let CueSite { i, e, sa, sz, prev } = *site;
    let text = cx.text;
    let lemma = e.lemma.as_str();
    let lead = if i > sa { cx.lower(i - 1) } else { "" };
    let after_by = wc().is(WordClass::ParticipleLead, lead)
        || lead == "and" && i > sa + 1 && (cx.punct(i - 2) == "," || prev.is_some());
    // "…,” adding that …": the comma may sit inside the closing quotation mark
    let comma = i > sa
        && (matches!(cx.punct(i - 1), "," | "—") || i > sa + 1 && cx.is_quote_mark(i - 1) && cx.punct(i - 2) == ",");
    if i > sa && (comma || after_by) {
        let speaker = prev.or_else(|| cx.subject_first(sa, i)).or_else(|| cx.main_subject(sa, i))?;
        let k = content_start(cx, i, sz);
        // a weak participle needs a that-clause, or an object the cue is about: ", calling him a
        // fascist", ", calling for his firing"
        let object = wc().is(WordClass::ObjectPronoun, cx.lower(k))
            || cx.mention_starting_at(text.tokens.get(k)?.span.start).is_some()
            || k > i + 1 && wc().is(WordClass::ParticipleParticle, cx.lower(k - 1));
        if e.weak() && cx.lower(k) != "that" && !object {
            return None;
        }
        let span = Span::new(text.tokens.get(k)?.span.start, clause_end(cx, k, sz));
        return make(cx, qs, CueWord { tok: i, lemma }, span, speaker, RuleId::IndirectParticiple, 0.6);
    }
    // "with 50 percent saying she is prepared": the noun phrase before the participle speaks
    if i > sa + 1 && !e.weak() && lemma == "say" {
        if let Some(s) = cx.subject_before(i, sa) {
            if s.first > sa && wc().is(WordClass::WithClauseLead, cx.lower(s.first - 1)) {
                let k = content_start(cx, i, sz);
                let span = Span::new(text.tokens.get(k)?.span.start, clause_end(cx, k, sz));
                return make(cx, qs, CueWord { tok: i, lemma }, span, s, RuleId::IndirectParticiple, 0.55);
            }
        }
    }
    None
}

/// `indirect/that`, `indirect/inverted`, `indirect/parenthetical`: a cue verb with its speaker and its
/// clause, "X said (that) …", "…, X said.", "…, said X.", "A, X said, B." (the last finder: it decides).
pub(super) fn verb_clause(cx: &Ctx, site: &CueSite, qs: &[Quotation]) -> Verdict {
    Verdict::Done(verb_clause_found(cx, site, qs))
}

fn verb_clause_found(cx: &Ctx, site: &CueSite, qs: &[Quotation]) -> Option<Candidate> {
    let CueSite { i, e, sa, sz, prev } = *site;
    let text = cx.text;
    let lemma = e.lemma.as_str();
    let lw = cx.lower(i);
    // "their calls", "in states", "the claims": a noun, not a cue
    // "her appeal to voters", "the disputed plateau", "his proposed ban": after an article or a possessive
    // pronoun a cue form of any ending is a noun or an adjective (PolNeAR train: 20 of 32 such wrong)
    if i > sa {
        let p = cx.lower(i - 1);
        let plural_noun =
            lw.ends_with('s') && (wc().is(WordClass::Determiner, p) || wc().is(WordClass::NounContext, p));
        if plural_noun || wc().is(WordClass::ArticleOrPossessive, p) {
            return None;
        }
    }
    // "…, said one GOP source in the room." / "…, said Jane Roe, director of …"
    if i > sa && cx.punct(i - 1) == "," {
        if let Some(s) = cx.subject_after(i, sz) {
            let after = cx.text.token_at_or_after(s.span.end);
            if after >= sz || cx.adjunct_to_end(after, sz) || cx.inverted_tail(after, sz) {
                let span = Span::new(text.tokens[sa].span.start, end_before(text, i - 1));
                return make(cx, qs, CueWord { tok: i, lemma }, span, s, RuleId::IndirectInverted, 0.65);
            }
        }
    }
    let coordinated = {
        let mut k = i;
        while k > sa && cx.skippable(k - 1) {
            k -= 1;
        }
        k > sa && wc().is(WordClass::Coordinator, cx.lower(k - 1))
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
            "say" | "add" | "write" | "explain" | "note" | "argue" | "insist" => {
                wc().is(WordClass::TailPreposition, cx.lower(k))
            }
            _ => false,
        };
        // "Outright victory is vital, he said after meeting Thursday with Trump aides, because …": a
        // prepositional tail up to the next comma, without a clause
        let tail_end = (k..sz).find(|&x| matches!(cx.punct(x), "," | ";" | "—")).unwrap_or(sz);
        // "This is not about me, President Obama told his closest advisers as he launched …": after the
        // recipient, a subordinate clause or the sentence end
        let told_tail = lemma == "tell" && {
            let r = recipient_end(cx, k, sz);
            r > k
                && (r >= sz
                    || !cx.punct(r).is_empty()
                    || wc().is(WordClass::ObjectStop, cx.lower(r))
                    || cx.lower(r) == "as")
        };
        let short_tail = tail_ok
            && s.first > sa
            && matches!(cx.punct(s.first - 1), "," | "—")
            && (sz.saturating_sub(k) <= 7 || lemma != "tell" && tail_end.saturating_sub(k) <= 8 || told_tail)
            && !(k..tail_end.min(sz)).any(|x| wc().is(WordClass::ClauseOpener, cx.lower(x)) && cx.lower(x) != "to");
        if k >= sz || (cx.punct(k) == "." && k + 1 >= sz) || cx.adjunct_to_end(k, sz) || short_tail {
            // "…, Price said." — the content is before
            return before_content(cx, site, s, qs);
        }
        if cx.punct(k) == "," {
            // "A, Price said, B."
            return parenthetical(cx, site, k, s, qs);
        }
        // "Ms. Roe told reporters in Boston on Friday." — only the addressee, no content
        if lemma == "tell" && told_addressee_only(cx, k, sz) {
            return None;
        }
        if e.weak() && cx.lower(k) != "that" && !cx.clear(&s) {
            return None;
        }
        if wc().is(WordClass::NotContentStart, cx.lower(k)) {
            return None;
        }
        // "continued the tour", "addressed the crowd", "wrote a letter": these cues' noun-phrase objects are
        // rarely contents on train; only a clause or a quotation is
        if wc().is(WordClass::ClauseOnlyCue, lemma)
            && !wc().is(WordClass::ClauseOpener, cx.lower(k))
            && !cx.is_quote_mark(k)
        {
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
        if lexicon().object_cues.contains(lemma) && !wc().is(WordClass::ClauseOpener, cx.lower(k)) {
            let z = text.token_at_or_after(end);
            if let Some(p) = (k + 1..z).find(|&x| wc().is(WordClass::ObjectStop, cx.lower(x))) {
                end = end_before(text, p);
            }
        }
        // "Sanders, who had said he would debate, criticized Clinton", "New York, which Clinton hopes to carry
        // by a large margin, …": a relative clause ends at its comma
        let relative = |x: usize| x > sa && cx.punct(x - 1) == "," && wc().is(WordClass::Relative, cx.lower(x));
        if relative(s.first) || s.first > sa && relative(s.first - 1) {
            let z = text.token_at_or_after(end);
            if let Some(c) = (k + 1..z).find(|&x| cx.punct(x) == ",") {
                end = end_before(text, c);
            }
        }
        let span = Span::new(text.tokens[k].span.start, end);
        let conf = if e.weak() { 0.55 } else { 0.7 };
        return make(cx, qs, CueWord { tok: i, lemma }, span, s, RuleId::IndirectThat, conf);
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
        return make(cx, qs, CueWord { tok: i, lemma }, span, s, RuleId::IndirectInverted, 0.65);
    }
    None
}

fn make(
    cx: &Ctx,
    qs: &[Quotation],
    CueWord { tok: i, lemma }: CueWord,
    span: Span,
    s: Speaker,
    rule: RuleId,
    conf: f32,
) -> Option<Candidate> {
    if span.is_empty() || word_count(cx.text, span) < MIN_INDIRECT_WORDS {
        return None;
    }
    let conf = if s.mention.is_some() { conf } else { conf * 0.8 };
    let cue = Some(cx.text.tokens[i].span);
    Some(attribution(qs, vec![span], cue, Some(lemma.to_string()), (s.mention, Some(s.span)), conf, rule))
}

/// "…, Price said." / "…, a source said on Tuesday." — from the sentence start to the comma before the
/// speaker.
fn before_content(cx: &Ctx, site: &CueSite, s: Speaker, qs: &[Quotation]) -> Option<Candidate> {
    let CueSite { i, e, sa, .. } = *site;
    let lemma = e.lemma.as_str();
    let text = cx.text;
    let mut s = s;
    // "…, federal officials said", "…, Republican candidate Ben Carson said": modifiers the mention left
    // out belong to the speaker
    let mut first = s.first;
    while first > sa + 1
        && s.first - first < 3
        && !cx.word(first - 1).is_empty()
        && !wc().is(WordClass::NpBoundary, cx.lower(first - 1))
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
    make(cx, qs, CueWord { tok: i, lemma }, span, s, RuleId::IndirectInverted, 0.65)
}

/// "A, Price said, B." — two fragments.
fn parenthetical(cx: &Ctx, site: &CueSite, comma: usize, s: Speaker, qs: &[Quotation]) -> Option<Candidate> {
    let CueSite { i, e, sa, sz, .. } = *site;
    let lemma = e.lemma.as_str();
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
    let mut f = make(cx, qs, CueWord { tok: i, lemma }, a, s, RuleId::IndirectParenthetical, 0.6)?;
    f.fragments.push(b);
    if overlaps_quotation(qs, b) {
        f.kind = QuoteKind::Mixed;
    }
    Some(f)
}

/// "…, according to X." / "According to X, …"
fn according(cx: &Ctx, i: usize, sa: usize, sz: usize, qs: &[Quotation]) -> Option<Candidate> {
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
        .mention_starting_at(text.tokens[src_start].span.start)
        .or_else(|| (src_start..z).find_map(|x| cx.mention_starting_at(text.tokens[x].span.start)));
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
        make(cx, qs, CueWord { tok: i, lemma: "according to" }, span, s, RuleId::IndirectAccordingTo, 0.75)?
    } else if after_comma {
        // CONTENT, according to X[, CONTENT].
        let end = if cx.is_quote_mark(i - 1) { text.tokens[i - 1].span.end } else { end_before(text, i - 1) };
        let span = Span::new(text.tokens[sa].span.start, end);
        let mut f =
            make(cx, qs, CueWord { tok: i, lemma: "according to" }, span, s, RuleId::IndirectAccordingTo, 0.75)?;
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
fn nominal(cx: &Ctx, i: usize, e: &CueEntry, sz: usize, qs: &[Quotation]) -> Option<Candidate> {
    let text = cx.text;
    if cx.lower(i + 1) != "that" || i == 0 {
        return None;
    }
    // possessive before the noun
    let prev = text.tokens[i - 1];
    let m = cx.mention_ending_at(prev.span.end).or_else(|| {
        let w = cx.word(i - 1);
        (w.ends_with("’s") || w.ends_with("'s")).then(|| cx.mention_starting_at(prev.span.start)).flatten()
    });
    let (mention, span) = match m {
        Some(m) => (Some(m), text.tokens[i - 1].span),
        None => {
            let w = cx.lower(i - 1);
            if !wc().is(WordClass::Possessive, w) {
                return None;
            }
            (None, prev.span)
        }
    };
    let s = Speaker { mention, span, first: i - 1 };
    let k = i + 1;
    let span_c = Span::new(text.tokens[k].span.start, clause_end(cx, k, sz));
    make(cx, qs, CueWord { tok: i, lemma: e.lemma.as_str() }, span_c, s, RuleId::IndirectNominal, 0.55)
}
