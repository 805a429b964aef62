//! Quotes: find attributed statements and who said them.
//!
//! Two entry points, two layers of the [`Doc`]:
//!
//! * [`pair`] takes the text and gives back its quotation-mark pairs ([`Quotation`]s);
//! * [`attribute`] takes the text, quotations, mentions and actors and gives back the [`Quote`]s,
//!   each with its content fragments, its cue, its speaker actor (through the mention that names it)
//!   and a confidence calibrated per rule on PolNeAR train (`lexicons/rule_confidence.tsv`).
//!
//! Inside:
//!
//! * [`marks`] pairs quotation marks into quotations (curly, straight, guillemets, low-9; nested;
//!   running over several paragraphs).
//! * [`attribution`] finds the cue and the speaker around each quotation (“…,” Putin said / said
//!   Putin / Putin said: “…”), joins split quotes, and finds indirect speech ("X said that …").

mod attribution;
mod joint;
mod marks;
mod relay;
pub(crate) mod tagger;

pub use attribution::{Example, NotQuote, Pass, RelayExample, RelayRule, Rule, RuleId, NOT_QUOTES, RELAYS, RULES};
pub use marks::Quotation;

use crate::doc::Doc;
use crate::lexicon::lexicon;
use crate::mentions::{MentionId, MentionKind};
use crate::report::{ActorId, Quote, QuoteId, QuoteKind, Span};
use crate::text::Text;

/// Pairs the quotation marks of `text` (the document's quotation layer).
pub fn pair(text: &Text) -> Vec<Quotation> {
    marks::quotations(text)
}

/// Attributes every quote of the document: the rules' candidates, with the speaker mention resolved
/// to its actor and the confidence calibrated where the rule was seen often enough on train.
pub fn attribute(doc: &Doc, opts: &crate::options::Options) -> Vec<Quote> {
    let mut found = attribution::attribute(doc, opts.tagger_gate);
    let mut speakers: Vec<Option<ActorId>> = Vec::with_capacity(found.len());
    let mut vias: Vec<Option<ActorId>> = Vec::with_capacity(found.len());
    let mut dropped: Vec<Span> = Vec::new();
    for f in found.iter_mut() {
        // "Smith and Jones said": the quote is shown with both names as written
        if let Some(span) = f.speaker.and_then(|m| joint::coordination(doc, m, f.cue)) {
            f.speaker = None;
            f.speaker_span = Some(span);
        }
    }
    for i in 0..found.len() {
        let s = speaker_of(doc, &found, &speakers, i);
        let prev = (0..i).rev().find_map(|j| speakers[j].map(|a| (a, vias[j])));
        let r = relay::relay(doc, &found[i], s, prev);
        if let Some(sp) = r.speaker_span {
            found[i].speaker = None;
            found[i].speaker_span = Some(sp);
        }
        if let (Some(from), Some(first)) = (r.content_from, found[i].fragments.first_mut()) {
            if first.start < from && from < first.end {
                first.start = from;
            }
        }
        dropped.extend(r.drop_cue);
        speakers.push(r.speaker);
        vias.push(r.via);
    }
    found
        .into_iter()
        .zip(speakers.into_iter().zip(vias))
        .filter(|(f, _)| !f.cue.is_some_and(|c| dropped.contains(&c)))
        .enumerate()
        .map(|(id, (f, (speaker, via)))| {
            let speaker_mention = f.speaker_span.or(f.speaker.map(|m| doc.mentions[m].span));
            Quote {
                id: QuoteId(id),
                kind: f.kind,
                span: f.span(),
                cue: f.cue,
                cue_lemma: f.cue_lemma,
                speaker,
                speaker_mention,
                unresolved: speaker.is_none() && speaker_mention.is_some(),
                reported_source: f
                    .reported_source
                    .and_then(|m| doc.actors.of_mention(m))
                    .filter(|&a| Some(a) != speaker),
                via: via.filter(|&v| Some(v) != speaker),
                confidence: lexicon().rule_confidence(f.rule, speaker.is_some()).unwrap_or(f.confidence),
                rule: f.rule.to_string(),
                fragments: f.fragments,
            }
        })
        .collect()
}

/// How far (bytes) a pronoun speaker looks back for the quote chain it continues.
const CHAIN_DISTANCE: usize = 1200;

/// The speaker actor of candidate `i` (the candidates are in text order; `speakers` holds those
/// before it): the actor of its speaker mention, except that a pronoun ("he said", "it added")
/// continues the quote chain: it goes to the previous quote's speaker when that speaker takes the
/// pronoun and no other actor that does is named between them outside quotations (names inside a
/// quote's content are what was said, not who speaks). Stanford's sieve does the same: speakers of
/// the same discourse first.
fn speaker_of(doc: &Doc, found: &[Candidate], speakers: &[Option<ActorId>], i: usize) -> Option<ActorId> {
    let it;
    let (resolved, pronoun) = match (found[i].speaker, found[i].speaker_span) {
        (Some(m), _) => (doc.actors.of_mention(m), &doc.mentions[m]),
        (None, Some(s)) if doc.text.slice(s).eq_ignore_ascii_case("it") => {
            it = crate::actors::it_pronoun(s);
            (it_subject(doc, s, found[i].cue), &it)
        }
        (None, Some(s)) => return cut_name(doc, s).or_else(|| author(doc, found, speakers, i, s)),
        _ => return None,
    };
    if pronoun.kind != MentionKind::Pronoun {
        return resolved;
    }
    let here = pronoun.span.start;
    let Some((j, chain)) = (0..i).rev().find_map(|j| speakers[j].map(|a| (j, a))) else {
        return resolved;
    };
    let prev = &found[j];
    let after = prev.span().end.max(prev.speaker.map_or(0, |pm| doc.mentions[pm].span.end));
    if after > here || here - after > CHAIN_DISTANCE || !doc.actors.takes_pronoun(chain, pronoun) {
        return resolved;
    }
    // the quotes between the chain's quote and this one (in text order) hold what was said there
    let in_content = |b: usize| found[j..=i].iter().any(|f| f.fragments.iter().any(|s| s.start <= b && b < s.end));
    let rival = doc.mentions.starting_in(after, here).any(|k| {
        let k = MentionId(k);
        doc.mentions[k].kind == MentionKind::Name
            && !in_content(doc.mentions[k].span.start)
            && doc.actors.of_mention(k).is_some_and(|b| b != chain && doc.actors.takes_pronoun(b, pronoun))
    });
    if rival {
        resolved
    } else {
        Some(chain)
    }
}

/// How many sentences back (the pronoun's own included) "it" looks for an organisation subject.
const IT_SUBJECT_SENTENCES: usize = 3;

/// "The Syrian Foreign Ministry filed a complaint … ¶ “…,” it said": when no quote chain takes "it",
/// the nearest organisation or country that is the subject of its sentence (a name opening the
/// sentence, after an optional "The"), in the pronoun's sentence or the two before it, before the pronoun.
/// Only before a cue of the `speech` class ("it said", "it warned"; not "it shows") and never for
/// the expletive "it was said", "it is believed".
fn it_subject(doc: &Doc, it: Span, cue: Option<Span>) -> Option<ActorId> {
    let t = &doc.text;
    let speech = cue.is_some_and(|c| {
        lexicon().cues.get(t.lower(t.token_at_or_after(c.start))).is_some_and(|e| e.class == "speech")
    });
    let next = t.lower(t.token_at_or_after(it.end));
    if !speech || matches!(next, "is" | "was" | "has" | "had" | "would" | "will") {
        return None;
    }
    let here = t.sentence_of(it.start)?;
    for k in (here.saturating_sub(IT_SUBJECT_SENTENCES - 1)..=here).rev() {
        let mut a = t.token_at_or_after(t.sentences[k].start);
        if t.lower(a) == "the" {
            a += 1;
        }
        let Some(m) = t.tokens.get(a).and_then(|tk| doc.mentions.starting_at(tk.span.start)) else { continue };
        let mention = &doc.mentions[m];
        if mention.span.start >= it.start || mention.kind != MentionKind::Name {
            continue;
        }
        if matches!(mention.actor_kind, crate::report::ActorKind::Organization | crate::report::ActorKind::Country) {
            return doc.actors.of_mention(m);
        }
    }
    None
}

/// A speaker phrase that is no mention of its own but names one: a relative "who" after a name
/// ("Jane Roe, who said …" is Jane Roe), or a phrase a rule cut inside a name ("The Washington" of
/// "The Washington Post", "Fox" of "Fox News") is the actor of that name.
fn cut_name(doc: &Doc, s: Span) -> Option<ActorId> {
    let t = &doc.text;
    if t.slice(s).eq_ignore_ascii_case("who") {
        let k = t.token_at_or_after(s.start);
        let comma = k.checked_sub(1).filter(|&c| t.slice(t.tokens[c].span) == ",")?;
        let m = doc.mentions.ending_at(t.tokens[comma.checked_sub(1)?].span.end)?;
        return doc.actors.of_mention(m);
    }
    // only an organisation's last word may have been cut ("Post", "News", "Times"): a mention that
    // runs on past the phrase otherwise swallowed the cue (a headline's "Ted Cruz Refuses")
    let cut = |m: MentionId| {
        let rest = &t.src[s.end..doc.mentions[m].span.end];
        let rest: Vec<&str> = rest.split_whitespace().collect();
        rest.len() == 1 && lexicon().org_heads.contains(rest[0])
    };
    doc.mentions
        .starting_in(s.start, s.end.saturating_sub(1))
        .map(MentionId)
        .find(|&m| doc.mentions[m].span.end > s.end && cut(m))
        .and_then(|m| doc.actors.of_mention(m))
}

/// Documents speak for their authors: "Putin's letter reads" is Putin; "the statement said", "the
/// letter concludes" continue the quote chain (the previous quote's speaker, when it is close).
fn author(doc: &Doc, found: &[Candidate], speakers: &[Option<ActorId>], i: usize, s: Span) -> Option<ActorId> {
    let words: Vec<&str> = doc.text.slice(s).split_whitespace().collect();
    let document = |w: &str| lexicon().document_nouns.contains(&w.to_lowercase());
    match words[..] {
        [_, .., noun] if document(noun) && words.len() <= 4 => {
            let owner = doc.mentions.starting_at(s.start).filter(|&m| doc.mentions[m].span.end < s.end);
            if let Some(m) = owner {
                return doc.actors.of_mention(m);
            }
            if !matches!(words[0].to_lowercase().as_str(), "the" | "this" | "that") {
                return None;
            }
            let (j, chain) = (0..i).rev().find_map(|j| speakers[j].map(|a| (j, a)))?;
            let gap = s.start.checked_sub(found[j].span().end)?;
            (gap <= CHAIN_DISTANCE).then_some(chain)
        }
        _ => None,
    }
}

/// A rule's candidate quote, before its speaker mention is resolved to an actor.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// Content fragments, in order.
    pub fragments: Vec<Span>,
    /// The cue, if any.
    pub cue: Option<Span>,
    /// The cue's lemma.
    pub cue_lemma: Option<String>,
    /// Index into the mention list of the speaker mention, if found.
    pub speaker: Option<MentionId>,
    /// The local speaker phrase as written ("he", "a campaign aide"), even when it is no mention.
    pub speaker_span: Option<Span>,
    /// Index into the mention list of a source the speaker reports ("Blinken also “urged …,” Price said").
    pub reported_source: Option<MentionId>,
    /// How sure the rule is.
    pub confidence: f32,
    /// The rule id.
    pub rule: &'static str,
}

impl Candidate {
    /// From the first fragment's start to the last fragment's end.
    pub fn span(&self) -> Span {
        let s = self.fragments.first().map_or(0, |f| f.start);
        let e = self.fragments.last().map_or(0, |f| f.end);
        Span::new(s, e)
    }
}
