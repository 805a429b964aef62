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
mod marks;
pub(crate) mod tagger;

pub use attribution::{Example, NotQuote, Pass, Rule, RuleId, NOT_QUOTES, RULES};
pub use marks::Quotation;

use crate::doc::Doc;
use crate::lexicon::lexicon;
use crate::report::{Quote, QuoteId, QuoteKind, Span};
use crate::text::Text;

/// Pairs the quotation marks of `text` (the document's quotation layer).
pub fn pair(text: &Text) -> Vec<Quotation> {
    marks::quotations(text)
}

/// Attributes every quote of the document: the rules' candidates, with the speaker mention resolved
/// to its actor and the confidence calibrated where the rule was seen often enough on train.
pub fn attribute(doc: &Doc, opts: &crate::options::Options) -> Vec<Quote> {
    let mention = |m: usize| crate::mentions::MentionId(m);
    attribution::attribute(doc, opts.tagger_gate)
        .into_iter()
        .enumerate()
        .map(|(id, f)| {
            let speaker = f.speaker.and_then(|m| doc.actors.of_mention(mention(m)));
            Quote {
                id: QuoteId(id),
                kind: f.kind,
                span: f.span(),
                cue: f.cue,
                cue_lemma: f.cue_lemma,
                speaker,
                speaker_mention: f.speaker_span.or(f.speaker.map(|m| doc.mentions[mention(m)].span)),
                reported_source: f
                    .reported_source
                    .and_then(|m| doc.actors.of_mention(mention(m)))
                    .filter(|&a| Some(a) != speaker),
                confidence: lexicon().rule_confidence(f.rule, speaker.is_some()).unwrap_or(f.confidence),
                rule: f.rule.to_string(),
                fragments: f.fragments,
            }
        })
        .collect()
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
    pub speaker: Option<usize>,
    /// The local speaker phrase as written ("he", "a campaign aide"), even when it is no mention.
    pub speaker_span: Option<Span>,
    /// Index into the mention list of a source the speaker reports ("Blinken also “urged …,” Price said").
    pub reported_source: Option<usize>,
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
