//! The report: the one data model the core produces and the CLI, the popup and the demo page consume.
//!
//! Every stage of the pipeline ends up here. Spans are UTF-8 byte offsets into [`Report::text`] while
//! the report is inside the core; [`Report::convert_offsets`] rewrites every span at once into the unit
//! a consumer needs (UTF-16 code units for JavaScript, code points for Python and the JSONL output).

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` into the report's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First unit of the range.
    pub start: usize,
    /// One past the last unit of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// Number of units covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// True when the two spans share at least one unit.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// True when `other` lies inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Declares a typed index into one of the report's lists (serialised as the plain number).
macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $item:ty) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub usize);

        impl $name {
            /// The position in the list.
            pub fn index(self) -> usize {
                self.0
            }
        }

        impl std::ops::Index<$name> for [$item] {
            type Output = $item;
            fn index(&self, id: $name) -> &$item {
                &self[id.0]
            }
        }

        impl std::ops::Index<$name> for Vec<$item> {
            type Output = $item;
            fn index(&self, id: $name) -> &$item {
                &self[id.0]
            }
        }

        impl std::ops::IndexMut<$name> for Vec<$item> {
            fn index_mut(&mut self, id: $name) -> &mut $item {
                &mut self[id.0]
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// An actor: an index into [`Report::actors`].
    ActorId,
    Actor
);
id_type!(
    /// A quote: an index into [`Report::quotes`].
    QuoteId,
    Quote
);
id_type!(
    /// A statement: an index into [`Report::statements`].
    StatementId,
    Statement
);

/// The unit the spans of a report are counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OffsetUnit {
    /// UTF-8 bytes (inside the core, Rust string indices).
    Utf8,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
    /// Unicode scalar values (Python string indices; the scorers' JSONL).
    CodePoint,
}

/// Where the analysed text came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextSource {
    /// Plain text given by the caller.
    Text,
    /// The main article found by article extraction.
    Article,
    /// No article was found; the page's body text was used.
    Body,
    /// The user's selection.
    Selection,
}

/// What the page is: the popup header.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Headline, when known.
    pub title: Option<String>,
    /// Byline (author names), when known.
    pub byline: Option<String>,
    /// Site name, when known.
    pub site_name: Option<String>,
    /// Publication date as written by the page, when known.
    pub published: Option<String>,
    /// Page URL, when given.
    pub url: Option<String>,
    /// Language of the page (`lang` attribute), when known.
    pub lang: Option<String>,
}

/// What kind of thing an actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A named person ("Ned Price").
    Person,
    /// An organisation or institution ("the Kremlin", "the State Department").
    Organization,
    /// A country or its government acting as a speaker ("Russia has denied").
    Country,
    /// A group of people ("U.S. officials", "Several U.S. senators").
    Group,
}

/// Who an actor speaks as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Speaks for a government, ministry, army, party or international body.
    Official,
    /// An expert or analyst.
    Expert,
    /// A journalist or a news outlet.
    Media,
    /// A private person (residents, witnesses, students).
    Private,
    /// Nothing says.
    #[default]
    Unknown,
}

impl Category {
    /// Parses the lower-case name of `lexicons/categories.tsv`.
    pub fn parse(s: &str) -> Option<Category> {
        Some(match s {
            "official" => Category::Official,
            "expert" => Category::Expert,
            "media" => Category::Media,
            "private" => Category::Private,
            _ => return None,
        })
    }
}

/// One canonical actor: every mention that coreference joined into it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Index of this actor in [`Report::actors`].
    pub id: ActorId,
    /// Canonical name ("Vladimir Putin").
    pub name: String,
    /// Role or title ("President", "State Department spokesman").
    pub role: Option<String>,
    /// Affiliation: country, organisation or alliance ("Russia", "U.S. State Department").
    pub affiliation: Option<String>,
    /// What kind of actor this is.
    pub kind: ActorKind,
    /// True for officials (a person with an official role, a government or institution).
    pub official: bool,
    /// Who the actor speaks as: an official, an expert, a journalist or outlet, a private person
    /// (`lexicons/categories.tsv`, known leaders, media names; issue 13, officials apart).
    #[serde(default)]
    pub category: Category,
    /// The body an official speaks for: "government", "ministry", "army", "party" or "international
    /// body", when the role or affiliation says.
    #[serde(default)]
    pub body: Option<String>,
    /// True when at least one quote is attributed to this actor.
    pub quoted: bool,
    /// Every mention of the actor in the text, in order.
    pub mentions: Vec<Span>,
}

/// How a quote reports speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Verbatim words in quotation marks.
    Direct,
    /// Reported speech without quotation marks ("Putin said that ...").
    Indirect,
    /// Reported speech carrying quoted fragments.
    Mixed,
}

/// One attributed statement in the text: what was said, by whom, with which cue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Index of this quote in [`Report::quotes`].
    pub id: QuoteId,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// From the start of the first fragment to the end of the last.
    pub span: Span,
    /// The content pieces (a split quote "A," he said, "B." has two).
    pub fragments: Vec<Span>,
    /// The cue ("said", "according to"), when there is one.
    pub cue: Option<Span>,
    /// The cue's lemma ("say"), when there is a cue.
    pub cue_lemma: Option<String>,
    /// The speaker actor, or `None` when no speaker could be found.
    pub speaker: Option<ActorId>,
    /// The local mention the speaker was found from ("he", "Price").
    pub speaker_mention: Option<Span>,
    /// True when the speaker is written as a phrase (a pronoun, "the spokesman", "unnamed officials")
    /// that could not be resolved to an actor with confidence: `speaker` is `None` and the phrase as
    /// written is `speaker_mention`; never another actor's name (issue 13, unsure, not wrong).
    #[serde(default)]
    pub unresolved: bool,
    /// Someone the speaker reports as the original source ("Blinken also 'urged ...,' Price said").
    pub reported_source: Option<ActorId>,
    /// The news medium that passed the speaker's words on ("TASS" of "TASS cited Peskov as saying",
    /// "the Financial Times" of "Sefcovic told the Financial Times"); the speaker is the one quoted.
    #[serde(default)]
    pub via: Option<ActorId>,
    /// How sure the engine is, from 0 to 1.
    pub confidence: f32,
    /// The rule that found the quote (`direct/after-cue`).
    pub rule: String,
}

/// Types of stated demands and positions (design.md, grounded in CAMEO / PLOVER).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementType {
    /// Requests, demands, calls, requirements.
    Demand,
    /// Threats and warnings with repercussions.
    Threat,
    /// Promises, offers, pledges, agreements.
    Commitment,
    /// Refusals of proposals, demands, talks.
    Rejection,
    /// Denials of allegations or reports.
    Denial,
    /// Accusations and criticism.
    Accusation,
    /// Every other stated view or claim.
    Position,
}

impl StatementType {
    /// Every type, in the order the popup, the demo page and the Markdown export list them.
    pub const ALL: [StatementType; 7] = [
        StatementType::Demand,
        StatementType::Threat,
        StatementType::Commitment,
        StatementType::Rejection,
        StatementType::Denial,
        StatementType::Accusation,
        StatementType::Position,
    ];
    /// The lower-case name used in JSON and lexicons.
    pub fn as_str(&self) -> &'static str {
        match self {
            StatementType::Demand => "demand",
            StatementType::Threat => "threat",
            StatementType::Commitment => "commitment",
            StatementType::Rejection => "rejection",
            StatementType::Denial => "denial",
            StatementType::Accusation => "accusation",
            StatementType::Position => "position",
        }
    }
    /// Parses the lower-case name.
    pub fn parse(s: &str) -> Option<StatementType> {
        Some(match s {
            "demand" => StatementType::Demand,
            "threat" => StatementType::Threat,
            "commitment" => StatementType::Commitment,
            "rejection" => StatementType::Rejection,
            "denial" => StatementType::Denial,
            "accusation" => StatementType::Accusation,
            "position" => StatementType::Position,
            _ => return None,
        })
    }
}

/// One typed demand or position of an actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Index of this statement in [`Report::statements`].
    pub id: StatementId,
    /// The actor who holds the position.
    pub actor: ActorId,
    /// The actor who reported it, when someone else did (Price reporting Blinken's demand).
    pub via: Option<ActorId>,
    /// Whom it is addressed to, when stated ("Russia" in "urged Russia to ...").
    pub target: Option<String>,
    /// The statement type.
    #[serde(rename = "type")]
    pub kind: StatementType,
    /// Strength of a demand: 3 demand, 2 urge/call, 1 propose; 0 for other types.
    pub strength: u8,
    /// The content.
    pub span: Span,
    /// The cue that typed it, when there is one.
    pub cue: Option<Span>,
    /// The quote it came from, if any.
    pub quote: Option<QuoteId>,
    /// Stated under a condition ("if", "unless", "should Moscow decide").
    pub conditional: bool,
    /// Negated ("will not accept").
    pub negated: bool,
    /// About the future ("will", "plans to").
    pub future: bool,
    /// The rule that typed it (`demand/requirement-noun`).
    pub rule: String,
    /// Position (1-based) in an enumeration the statement was split from ("three key requirements …").
    #[serde(default)]
    pub item: Option<usize>,
    /// Spans where the same actor said the same thing again (merged into this statement).
    #[serde(default)]
    pub repeats: Vec<Span>,
    /// The mention the actor was found from, when it is not the quote's speaker mention.
    #[serde(default)]
    pub actor_mention: Option<Span>,
    /// How often statements of this type and path are right end to end (span, type and actor), measured
    /// on annotated diplomacy news (`lexicons/statement_confidence.tsv`); 0 to 1.
    #[serde(default)]
    pub confidence: f32,
}

/// The statements of one actor, in article order (ids into [`Report::statements`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorStatements {
    /// The actor.
    pub actor: ActorId,
    /// Its statements.
    pub statements: Vec<StatementId>,
}

/// The actors of one side (country or alliance), in order of their first statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SideGroup {
    /// The side ("Russia", "United States"), or `None` when nothing says.
    pub side: Option<String>,
    /// Its actors with their statements.
    pub actors: Vec<ActorStatements>,
}

/// The result of analysing one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Version of WhoSaid that produced the report.
    pub version: String,
    /// The unit the spans are counted in.
    pub offsets: Option<OffsetUnit>,
    /// Page metadata.
    pub article: Article,
    /// Where the text came from.
    pub source: Option<TextSource>,
    /// The analysed text; every span points into it.
    pub text: String,
    /// True when the input was longer than the limit and only its beginning was analysed.
    pub truncated: bool,
    /// Canonical actors.
    pub actors: Vec<Actor>,
    /// Attributed quotes, in text order.
    pub quotes: Vec<Quote>,
    /// Typed statements, in text order.
    pub statements: Vec<Statement>,
    /// Statements grouped by actor, actors by side: what the popup lists.
    #[serde(default)]
    pub sides: Vec<SideGroup>,
    /// Messages for the user ("No article found; analysed the page body").
    pub notices: Vec<String>,
}

impl Report {
    /// The actor with id `id`.
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id]
    }

    /// Visits every span of the report mutably.
    fn for_each_span(&mut self, mut f: impl FnMut(&mut Span)) {
        for a in &mut self.actors {
            a.mentions.iter_mut().for_each(&mut f);
        }
        for q in &mut self.quotes {
            f(&mut q.span);
            q.fragments.iter_mut().for_each(&mut f);
            q.cue.iter_mut().for_each(&mut f);
            q.speaker_mention.iter_mut().for_each(&mut f);
        }
        for s in &mut self.statements {
            f(&mut s.span);
            s.cue.iter_mut().for_each(&mut f);
            s.repeats.iter_mut().for_each(&mut f);
            s.actor_mention.iter_mut().for_each(&mut f);
        }
    }

    /// Rewrites every span from UTF-8 byte offsets into `unit`. Calling it twice is an error of the
    /// caller; the report records its unit in [`Report::offsets`] and refuses to convert again.
    pub fn convert_offsets(&mut self, unit: OffsetUnit) {
        if self.offsets.unwrap_or(OffsetUnit::Utf8) != OffsetUnit::Utf8 || unit == OffsetUnit::Utf8 {
            return;
        }
        let map = OffsetMap::new(&self.text, unit);
        self.for_each_span(|s| {
            s.start = map.get(s.start);
            s.end = map.get(s.end);
        });
        self.offsets = Some(unit);
    }
}

/// Maps UTF-8 byte offsets of a string to UTF-16 or code-point offsets.
pub struct OffsetMap {
    /// `table[b]` is the converted offset of byte `b` (for every byte, so offsets inside a character
    /// map to the start of the next character; the core never makes such spans).
    table: Vec<u32>,
}

impl OffsetMap {
    /// Builds the table for `text`.
    pub fn new(text: &str, unit: OffsetUnit) -> OffsetMap {
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut n: u32 = 0;
        for c in text.chars() {
            let w = match unit {
                OffsetUnit::Utf8 => c.len_utf8() as u32,
                OffsetUnit::Utf16 => c.len_utf16() as u32,
                OffsetUnit::CodePoint => 1,
            };
            table.push(n);
            for _ in 1..c.len_utf8() {
                table.push(n + w);
            }
            n += w;
        }
        table.push(n);
        OffsetMap { table }
    }
    /// The converted offset of byte offset `b` (clamped to the end of the text).
    pub fn get(&self, b: usize) -> usize {
        self.table[b.min(self.table.len() - 1)] as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_convert_on_emoji_and_accents() {
        let text = "é😀a";
        let m16 = OffsetMap::new(text, OffsetUnit::Utf16);
        let mcp = OffsetMap::new(text, OffsetUnit::CodePoint);
        // é = 2 bytes, 😀 = 4 bytes, a = 1 byte
        assert_eq!(m16.get(0), 0);
        assert_eq!(m16.get(2), 1);
        assert_eq!(m16.get(6), 3);
        assert_eq!(m16.get(7), 4);
        assert_eq!(mcp.get(6), 2);
        assert_eq!(mcp.get(7), 3);
        assert_eq!("é😀a".encode_utf16().count(), m16.get(text.len()));
    }
}
