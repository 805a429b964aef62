//! The document: the analysed text and every layer the pipeline adds to it.
//!
//! Takes the text (already cut to the size limit) and owns it with its layers, in the order the
//! stages add them (spaCy's `Doc` is the model: one owner, views and layers beside the text):
//!
//! | layer | type | added by |
//! |---|---|---|
//! | text, paragraphs, sentences, tokens with their lower-case forms | [`Text`] | [`Doc::new`] |
//! | the role of each paragraph (prose, heading, label line, byline, caption) | [`ParagraphRole`] | [`paragraph_roles`], from the article stage's roles |
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
use crate::text::{Text, TokenKind};

/// What a paragraph is in the article: prose, or a line around it that never holds a quote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ParagraphRole {
    /// Article prose (and anything not known to be otherwise).
    #[default]
    Prose,
    /// A heading or subheading of the page (`<h2>` … in the article).
    Heading,
    /// A label line: "READ MORE: …", "WATCH: …", "KEEPING SCORE: …" (a cross-link or a section label).
    Label,
    /// A byline ("By Jane Roe").
    Byline,
    /// A picture caption or credit.
    Caption,
    /// An embedded social-media post (its text and its "— Name (@handle)" signature): shown as the
    /// page shows it, never read for quotes (who wrote it is not reliably known).
    Embed,
}

impl ParagraphRole {
    /// Prose paragraphs may hold quotes; the others never do.
    pub fn is_prose(self) -> bool {
        self == ParagraphRole::Prose
    }
}

/// The role of each paragraph of `text`: the article stage's roles where it gave them (one per
/// paragraph, in order; empty for plain text), and label lines found in the text itself. The text
/// test is conservative: a paragraph opening with an upper-case label of at most three words and a
/// colon, whose first word is a label word of `lexicons/word_classes.tsv` (`heading_label`: "READ
/// MORE:", "WATCH:") or whose rest is a headline with no sentence end ("KEEPING SCORE: Who won the
/// debate"). A transcript line ("MARSH: We have no plans.") ends its sentence and stays prose; headlines
/// without a label stay prose (they may carry a quote: "X to Y: you have no authority").
pub fn paragraph_roles(text: &Text, from_article: &[ParagraphRole]) -> Vec<ParagraphRole> {
    text.paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| match from_article.get(i) {
            Some(&r) if !r.is_prose() => r,
            _ if label_line(text, *p) => ParagraphRole::Label,
            _ => ParagraphRole::Prose,
        })
        .collect()
}

/// Most words in a label before its colon ("KEEPING SCORE:").
const MAX_LABEL_WORDS: usize = 3;

fn label_line(text: &Text, p: crate::report::Span) -> bool {
    let a = text.token_at_or_after(p.start);
    let z = text.token_at_or_after(p.end);
    let mut k = a;
    while k < z && k < a + MAX_LABEL_WORDS && text.tokens[k].kind == TokenKind::Word {
        k += 1;
    }
    if k == a || k >= z || text.slice(text.tokens[k].span) != ":" {
        return false;
    }
    let caps = (a..k).all(|x| {
        let w = text.word(x);
        w.chars().any(char::is_alphabetic) && w.chars().all(|c| !c.is_lowercase())
    });
    if !caps {
        return false;
    }
    let labelled = crate::lexicon::lexicon().word_classes.is(crate::lexicon::WordClass::HeadingLabel, text.lower(a));
    let rest = text.src[text.tokens[k].span.end..p.end].trim();
    let headline = !rest.is_empty()
        && !rest.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '?', '!', '…'])
        && rest.split_whitespace().count() <= 20;
    // an organisation's headline ("EU: Russia must withdraw its troops") is a quote: without a label word,
    // only a label of two long words ("KEEPING SCORE") marks a section
    let long_label = k - a >= 2 && (a..k).all(|x| text.word(x).chars().count() >= MIN_LABEL_WORD_CHARS);
    labelled || headline && long_label
}

/// Least letters of each word of a label line without a label word ("KEEPING SCORE:").
const MIN_LABEL_WORD_CHARS: usize = 4;

/// The text and its layers (see the module doc for who adds which).
pub(crate) struct Doc {
    /// The text with its paragraphs, sentences and tokens.
    pub text: Text,
    /// The role of each paragraph of the text (prose, heading, label, byline, caption), in order.
    pub roles: Vec<ParagraphRole>,
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
    /// Segments `src` into the text layer and finds the role of each paragraph (`article_roles`: the
    /// article stage's, one per paragraph, or none for plain text); the other layers start empty.
    pub fn new(src: &str, article_roles: &[ParagraphRole]) -> Doc {
        let text = Text::new(src);
        Doc {
            roles: paragraph_roles(&text, article_roles),
            text,
            quotations: Vec::new(),
            mentions: Mentions::default(),
            actors: Actors::default(),
            quotes: Vec::new(),
            statements: Vec::new(),
            sides: Vec::new(),
        }
    }

    /// True when byte `b` lies in a prose paragraph (or in no paragraph): where quotes may be.
    pub fn prose_at(&self, b: usize) -> bool {
        self.text.paragraph_of(b).and_then(|p| self.roles.get(p)).is_none_or(|r| r.is_prose())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(s: &str) -> Vec<ParagraphRole> {
        paragraph_roles(&Text::new(s), &[])
    }

    #[test]
    fn label_lines_are_found_and_transcripts_and_headlines_stay_prose() {
        use ParagraphRole::{Label, Prose};
        assert_eq!(roles("READ MORE: Mayor says the bridge will reopen\n\nThe council met."), [Label, Prose]);
        assert_eq!(roles("WATCH: The vote, live\n\nKEEPING SCORE: Who won the debate"), [Label, Label]);
        assert_eq!(roles("MARSH: We have no plans to raise taxes."), [Prose]);
        assert_eq!(roles("EU: Russia must withdraw its troops"), [Prose]);
        assert_eq!(roles("Vucic: Serbia has no involvement in the attack"), [Prose]);
        // the article stage's roles come first
        let t = Text::new("Bridge closes\n\nThe council met.");
        assert_eq!(paragraph_roles(&t, &[ParagraphRole::Heading]), [ParagraphRole::Heading, Prose]);
    }
}
