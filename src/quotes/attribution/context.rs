//! The reading context of the attribution rules: the text's tokens and mentions, with the word tests
//! every rule uses (the lower-case word, punctuation, the cue entry, the sentence of a token) and the
//! quotations' lookups. Takes a [`Text`] and its [`Mention`]s; gives the rules a [`Ctx`].

use super::{DIRECT_CUE_PRECISION, SHORT_QUOTE_WORDS};
use crate::doc::Doc;
use crate::lexicon::{lexicon, CueEntry, FxHashMap, WordClass, WordClasses};
use crate::mentions::{MentionId, Mentions};
use crate::quotes::marks::Quotation;
use crate::report::Span;
use crate::text::{Text, TokenKind};

/// The quote engine's word classes (`lexicons/word_classes.tsv`).
pub(super) fn wc() -> &'static WordClasses {
    &lexicon().word_classes
}

/// A word of a time or place adjunct ("on Tuesday", "in a statement"), its opening preposition or
/// determiner included.
pub(super) fn is_adjunct(w: &str) -> bool {
    wc().is(WordClass::AdjunctHead, w) || wc().is(WordClass::Adjunct, w)
}

/// A speaker: the mention, when there is one, and the local span as written.
#[derive(Clone, Copy, Debug)]
pub(super) struct Speaker {
    pub(super) mention: Option<MentionId>,
    pub(super) span: Span,
    /// First token of the speaker phrase (where content before it must end).
    pub(super) first: usize,
}

/// The reading context of one document: its text (with the lower-case words), its mentions with
/// their index, and its quotations.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a Text,
    pub(super) mentions: &'a Mentions,
    index: &'a Mentions,
    /// The document's quotation layer.
    pub(super) quotations: &'a [Quotation],
    doc: &'a Doc,
    /// The cue entry of each token that has one, before the capitalisation test of [`Ctx::entry`] (the
    /// word as written, else in lower case): looked up once per token, not once per rule. A map by token
    /// index, not a slot per token: few tokens are cues, and a page of a million punctuation tokens
    /// would otherwise pay 8 bytes a token.
    cue_words: FxHashMap<u32, &'static CueEntry>,
}

pub(super) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl<'a> Ctx<'a> {
    /// The reading context of `text` and its mentions: the one place where the stage's input becomes
    /// what the rules read.
    pub(super) fn new(doc: &'a Doc) -> Ctx<'a> {
        let (text, lx) = (&doc.text, lexicon());
        let cue_words = (0..text.tokens.len())
            .filter_map(|i| {
                let w = text.word(i);
                if w.is_empty() {
                    return None;
                }
                let e = lx.cues.get(w).or_else(|| lx.cues.get(text.lower(i)))?;
                Some((u32::try_from(i).ok()?, e))
            })
            .collect();
        Ctx { text, mentions: &doc.mentions, index: &doc.mentions, quotations: &doc.quotations, doc, cue_words }
    }
    /// Byte `b` is in a prose paragraph (the document's paragraph roles): headings, label lines
    /// ("READ MORE: …"), bylines and captions hold no quote.
    pub(super) fn prose(&self, b: usize) -> bool {
        self.doc.prose_at(b)
    }
    /// The mention (its position in the list) that starts at byte `b`.
    pub(super) fn mention_starting_at(&self, b: usize) -> Option<MentionId> {
        self.index.starting_at(b)
    }
    /// The mention (its position in the list) that ends at byte `b`.
    pub(super) fn mention_ending_at(&self, b: usize) -> Option<MentionId> {
        self.index.ending_at(b)
    }
    pub(super) fn word(&self, i: usize) -> &'a str {
        self.text.word(i)
    }
    pub(super) fn lower(&self, i: usize) -> &'a str {
        self.text.lower(i)
    }
    pub(super) fn punct(&self, i: usize) -> &'a str {
        match self.text.tokens.get(i) {
            Some(t) if t.kind != TokenKind::Word => self.text.slice(t.span),
            _ => "",
        }
    }
    pub(super) fn is_quote_mark(&self, i: usize) -> bool {
        self.text.tokens.get(i).is_some_and(|t| matches!(t.kind, TokenKind::Quote(_)))
    }
    pub(super) fn entry(&self, i: usize) -> Option<&'static CueEntry> {
        let e = *self.cue_words.get(&u32::try_from(i).ok()?)?;
        let w = self.word(i);
        // a capitalised cue word inside a sentence is a name ("Price", "Said"), unless a colon, a dash or
        // a parenthesis opens a clause before it ("…: According to recent polls, …")
        let clause_start = || self.sentence_initial(i) || i > 0 && matches!(self.punct(i - 1), ":" | "—" | "(");
        if is_cap(w) && !clause_start() && !self.title_case(i) {
            return None;
        }
        Some(e)
    }
    /// The paragraph of token `i` is a headline in title case ("Bernie Sanders Says He’s Already Started
    /// Writing His Inaugural Address"): at least four words, nearly all of them capitalised.
    pub(super) fn title_case(&self, i: usize) -> bool {
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
        words.len() >= 4 && words.iter().all(|w| is_cap(w) || wc().is(WordClass::TitleSmallWord, w))
    }
    /// A cue for direct quotations: the frequent, reliable ones only.
    pub(super) fn dcue(&self, i: usize) -> Option<&'static str> {
        self.entry(i)
            .filter(|e| !e.nominal() && e.class != "according" && e.precision >= DIRECT_CUE_PRECISION)
            .map(|e| e.lemma.as_str())
    }
    pub(super) fn cue(&self, i: usize) -> Option<&'static str> {
        self.entry(i).filter(|e| !e.nominal() && e.class != "according").map(|e| e.lemma.as_str())
    }
    pub(super) fn sentence_initial(&self, i: usize) -> bool {
        let b = self.text.tokens[i].span.start;
        self.text.sentence_of(b).is_some_and(|s| {
            let a = self.text.token_at_or_after(self.text.sentences[s].start);
            (a..i).all(|k| self.text.tokens[k].kind != TokenKind::Word)
        })
    }
    pub(super) fn skippable(&self, i: usize) -> bool {
        let w = self.lower(i);
        !w.is_empty() && (wc().is(WordClass::Skippable, w) || (w.ends_with("ly") && w.len() > 4))
    }
    pub(super) fn adjunct(&self, i: usize) -> bool {
        let w = self.lower(i);
        !w.is_empty() && (is_adjunct(w) || w.chars().all(|c| c.is_ascii_digit()))
    }
    pub(super) fn sentence_tokens(&self, b: usize) -> (usize, usize) {
        let s = self.text.sentence_of(b).map(|s| self.text.sentences[s]).unwrap_or(Span::new(b, b));
        let a = self.text.token_at_or_after(s.start);
        let z = self.text.token_at_or_after(s.end);
        (a, z)
    }
}

/// A cue with its speaker: (cue token, speaker, first token after the construction).
pub(super) struct Cue {
    pub(super) tok: usize,
    pub(super) speaker: Option<Speaker>,
    pub(super) end: usize,
}

/// The number of word tokens in `span`.
pub(super) fn word_count(text: &Text, span: Span) -> usize {
    let a = text.token_at_or_after(span.start);
    let z = text.token_at_or_after(span.end);
    text.tokens[a..z].iter().filter(|t| t.kind == TokenKind::Word).count()
}

/// `s` lies inside a closed, double-marked quotation of more than [`SHORT_QUOTE_WORDS`] words.
pub(super) fn inside_quotation(qs: &[Quotation], s: Span, text: &Text) -> bool {
    let i = qs.partition_point(|q| q.span.end <= s.start);
    qs.get(i).is_some_and(|q| {
        q.closed
            && !q.single
            && q.span.start < s.start
            && s.end < q.span.end
            && word_count(text, q.span) > SHORT_QUOTE_WORDS
    })
}

/// Does `s` overlap one of the quotations? They are in text order and do not overlap, so their
/// ends are sorted too: one binary search.
pub(super) fn overlaps_quotation(qs: &[Quotation], s: Span) -> bool {
    let i = qs.partition_point(|q| q.span.end <= s.start);
    qs.get(i).is_some_and(|q| q.span.start < s.end)
}
