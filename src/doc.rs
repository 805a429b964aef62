//! The document: the analysed text and every layer the pipeline adds to it.
//!
//! Takes the text (already cut to the size limit) and owns it with its layers, in the order the
//! stages add them (spaCy's `Doc` is the model: one owner, views and layers beside the text):
//!
//! | layer | type | added by |
//! |---|---|---|
//! | text, paragraphs, sentences, tokens with their lower-case forms | [`Text`] | [`Doc::new`] |
//! | quotation pairs | [`Quotation`] | [`crate::quotes::pair`] |
//! | mentions with their index | [`Mentions`] | [`crate::mentions::find`] |
//! | actors, and the actor of each mention | [`Actors`] | [`crate::actors::resolve`] |
//! | quotes (speaker resolved, confidence calibrated) | [`Quote`] | [`crate::quotes::attribute`] |
//! | statements | [`Statement`] | [`crate::statements::classify`] |
//! | sides | [`SideGroup`] | [`crate::statements::group`] |
//!
//! Each stage is a function that reads the layers below its own and returns its layer; the pipeline
//! in `lib.rs` stores it. [`Doc::into_report`] gives back the [`Report`], the one data model of the
//! consumers.

use crate::actors::Actors;
use crate::mentions::Mentions;
use crate::quotes::Quotation;
use crate::report::{Article, OffsetUnit, Quote, Report, SideGroup, Statement, TextSource};
use crate::text::Text;

/// The text and its layers (see the module doc for who adds which).
pub(crate) struct Doc {
    /// The text with its paragraphs, sentences and tokens.
    pub text: Text,
    /// Quotation-mark pairs, in text order.
    pub quotations: Vec<Quotation>,
    /// Mentions of possible speakers, with their index.
    pub mentions: Mentions,
    /// Canonical actors and the actor of each mention.
    pub actors: Actors,
    /// Attributed quotes, in text order.
    pub quotes: Vec<Quote>,
    /// Typed statements, in text order.
    pub statements: Vec<Statement>,
    /// Statements grouped by actor and actors by side.
    pub sides: Vec<SideGroup>,
}

impl Doc {
    /// Segments `src` into the text layer; the other layers start empty.
    pub fn new(src: &str) -> Doc {
        Doc {
            text: Text::new(src),
            quotations: Vec::new(),
            mentions: Mentions::default(),
            actors: Actors::default(),
            quotes: Vec::new(),
            statements: Vec::new(),
            sides: Vec::new(),
        }
    }

    /// The report of the document: its actors (each marked `quoted` when a quote has it as speaker),
    /// quotes, statements and sides, with the page's metadata and the notices so far.
    pub fn into_report(self, article: Article, source: TextSource, truncated: bool, notices: Vec<String>) -> Report {
        let mut actors = self.actors.list;
        for a in self.quotes.iter().filter_map(|q| q.speaker) {
            actors[a].quoted = true;
        }
        Report {
            version: crate::version().to_string(),
            offsets: Some(OffsetUnit::Utf8),
            article,
            source: Some(source),
            text: self.text.src,
            truncated,
            actors,
            quotes: self.quotes,
            statements: self.statements,
            sides: self.sides,
            notices,
        }
    }
}
