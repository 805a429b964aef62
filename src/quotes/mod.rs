//! Quotes: find attributed statements and the mention that names their speaker.
//!
//! Takes the [`Text`](crate::text::Text) and its [`Mention`](crate::mentions::Mention)s and gives back [`Found`] quotes, each with its content
//! fragments, its cue and the index of its speaker mention (resolved to an actor later, in
//! [`crate::actors`]). Two sub-stages:
//!
//! * [`marks`] pairs quotation marks into quotations (curly, straight, guillemets, low-9; nested;
//!   running over several paragraphs).
//! * [`attribution`] finds the cue and the speaker around each quotation (“…,” Putin said / said
//!   Putin / Putin said: “…”), joins split quotes, and finds indirect speech ("X said that …").

pub mod attribution;
pub mod marks;
pub mod tagger;

use crate::report::{QuoteKind, Span};

/// A quote found in the text, before actors are known.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
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

impl Found {
    /// From the first fragment's start to the last fragment's end.
    pub fn span(&self) -> Span {
        let s = self.fragments.first().map_or(0, |f| f.start);
        let e = self.fragments.last().map_or(0, |f| f.end);
        Span::new(s, e)
    }
}

pub use attribution::attribute;
