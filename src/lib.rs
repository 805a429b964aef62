//! WhoSaid: who is quoted in a news article, and what each side wants.
//!
//! # Overview
//!
//! One pipeline over one document. [`Analyzer::analyze`] takes an [`Input`] (plain text, or a page
//! with its address and the reader's selection) and gives back a [`Report`]:
//!
//! ```text
//! page HTML ─ article ─▶ text ─▶ quotations ─▶ mentions ─▶ actors ─▶ quotes ─▶ statements ─▶ sides ─▶ Report
//! ```
//!
//! 1. **article** finds the article in a page (Readability via `dom_smoothie`), with title and byline;
//! 2. **text** segments it into paragraphs, sentences and tokens (with their lower-case forms);
//! 3. **quotations** pairs its quotation marks;
//! 4. **mentions** finds people, organisations, countries, groups, pronouns and role nominals;
//! 5. **actors** joins mentions into canonical actors (coreference);
//! 6. **quotes** attributes direct, indirect and mixed quotes to a speaker, through a rule registry
//!    and a learned content tagger;
//! 7. **statements** types what each actor demands, threatens, promises, rejects, denies, accuses or
//!    states, and groups them by actor and side.
//!
//! Every layer lives in one document (`doc.rs`) that owns the text; each stage is a function that
//! reads the layers below it and returns its own. The [`Report`] is the one data model the CLI, the
//! popup and the demo page share; spans in it are UTF-8 byte offsets into [`Report::text`] until
//! [`Report::convert_offsets`] rewrites them.
//!
//! ```
//! let report = whosaid::analyze("“We will not back down,” Prime Minister Jane Roe said on Monday.");
//! let q = &report.quotes[0];
//! assert_eq!(report.actor(q.speaker.unwrap()).name, "Jane Roe");
//! ```
//!
//! With options, and on a page:
//!
//! ```
//! use whosaid::{Analyzer, Input};
//! let analyzer = Analyzer::builder().max_text_bytes(100_000).build().unwrap();
//! let html = "<html><body><article><p>“We stay,” said Mayor Ann Lee.</p></article></body></html>";
//! let report = analyzer.analyze(Input::page(html).url(Some("https://news.example/a")));
//! assert_eq!(report.article.url.as_deref(), Some("https://news.example/a"));
//! ```
#![deny(missing_docs)]

mod actors;
mod article;
mod categories;
pub mod display;
mod doc;
mod error;
mod lexicon;
mod mentions;
mod options;
mod quotes;
mod report;
mod scorer;
mod selection;
mod sort;
mod statements;
mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use article::{extract, Extracted, MAX_ELEMENTS, MAX_HTML_BYTES};
pub use error::{Error, ErrorKind};
pub use options::{
    Options, DEFAULT_MAX_LIST_ITEMS, DEFAULT_MAX_SUBJECT_DISTANCE, DEFAULT_MAX_TEXT_BYTES, DEFAULT_OFFICIALS_ONLY,
    DEFAULT_TAGGER_GATE, DEFAULT_TARGET_WINDOW,
};
pub use quotes::{Example, NotQuote, Pass, RelayExample, RelayRule, Rule, RuleId, NOT_QUOTES, RELAYS, RULES};
pub use report::{
    Actor, ActorId, ActorKind, ActorStatements, Article, Category, OffsetMap, OffsetUnit, Quote, QuoteId, QuoteKind,
    Report, SideGroup, Span, Statement, StatementId, StatementType, TextSource,
};
pub use scorer::{ScorerActor, ScorerLine, ScorerQuote, ScorerStatement};

use doc::Doc;
pub use doc::ParagraphRole;

/// The crate version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// Analyses `input` with the default options: `whosaid::analyze("text")`, or
/// `whosaid::analyze(Input::page(html))`. Never panics on any input; a page with no text gives an
/// empty report with a notice.
pub fn analyze<'a>(input: impl Into<Input<'a>>) -> Report {
    Analyzer::default().analyze(input)
}

/// What to analyse: plain text, or a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input<'a> {
    /// Plain text; the report's spans point into it (cut to [`Options::max_text_bytes`]).
    Text(&'a str),
    /// A page's HTML: the article is extracted first. When the page has no article, the reader's
    /// `selection` (if given and not blank) is analysed, else the page's body text; the report's
    /// `source` and `notices` say which.
    Page {
        /// The page's HTML.
        html: &'a str,
        /// The page's address (for relative links and metadata), when known.
        url: Option<&'a str>,
        /// The reader's selected text, when there is one.
        selection: Option<&'a str>,
    },
    /// Only the reader's selection, as the text of the page at `url` titled `title` (the report's
    /// `source` is the selection; `article` carries the page's address and title).
    Selection {
        /// The selected text.
        text: &'a str,
        /// The page's address, when known.
        url: Option<&'a str>,
        /// The page's title, when known.
        title: Option<&'a str>,
    },
}

impl<'a> Input<'a> {
    /// Plain text.
    pub fn text(text: &'a str) -> Input<'a> {
        Input::Text(text)
    }

    /// A page's HTML, with no address or selection yet.
    pub fn page(html: &'a str) -> Input<'a> {
        Input::Page { html, url: None, selection: None }
    }

    /// Sets the page's address (ignored for plain text).
    pub fn url(self, url: Option<&'a str>) -> Input<'a> {
        match self {
            Input::Page { html, selection, .. } => Input::Page { html, url, selection },
            Input::Selection { text, title, .. } => Input::Selection { text, url, title },
            t => t,
        }
    }

    /// Sets the reader's selection (ignored for plain text).
    pub fn selection(self, selection: Option<&'a str>) -> Input<'a> {
        match self {
            Input::Page { html, url, .. } => Input::Page { html, url, selection },
            t => t,
        }
    }
}

impl<'a> From<&'a str> for Input<'a> {
    fn from(text: &'a str) -> Input<'a> {
        Input::Text(text)
    }
}

impl<'a> From<&'a String> for Input<'a> {
    fn from(text: &'a String) -> Input<'a> {
        Input::Text(text)
    }
}

/// Runs the pipeline with a set of [`Options`]. Cheap to create and to share between threads.
#[derive(Clone, Debug, Default)]
pub struct Analyzer {
    opts: Options,
}

/// Builds an [`Analyzer`], one tunable at a time (each defaults to its `DEFAULT_*` constant).
#[derive(Clone, Debug, Default)]
pub struct AnalyzerBuilder {
    opts: Options,
}

impl AnalyzerBuilder {
    /// See [`DEFAULT_MAX_TEXT_BYTES`].
    pub fn max_text_bytes(mut self, n: usize) -> AnalyzerBuilder {
        self.opts.max_text_bytes = n;
        self
    }

    /// See [`DEFAULT_MAX_LIST_ITEMS`].
    pub fn max_list_items(mut self, n: usize) -> AnalyzerBuilder {
        self.opts.max_list_items = n;
        self
    }

    /// See [`DEFAULT_MAX_SUBJECT_DISTANCE`].
    pub fn max_subject_distance(mut self, n: usize) -> AnalyzerBuilder {
        self.opts.max_subject_distance = n;
        self
    }

    /// See [`DEFAULT_TARGET_WINDOW`].
    pub fn target_window(mut self, n: usize) -> AnalyzerBuilder {
        self.opts.target_window = n;
        self
    }

    /// See [`DEFAULT_TAGGER_GATE`].
    pub fn tagger_gate(mut self, on: bool) -> AnalyzerBuilder {
        self.opts.tagger_gate = on;
        self
    }

    /// See [`DEFAULT_OFFICIALS_ONLY`].
    pub fn officials_only(mut self, on: bool) -> AnalyzerBuilder {
        self.opts.officials_only = on;
        self
    }

    /// The analyzer, or an [`ErrorKind::Options`] error naming a tunable that cannot work (a zero
    /// text limit would analyse nothing; a list of fewer than two items is no list).
    pub fn build(self) -> Result<Analyzer, Error> {
        if self.opts.max_text_bytes == 0 {
            return Err(Error::options("max_text_bytes must be at least 1"));
        }
        if self.opts.max_list_items < 2 {
            return Err(Error::options("max_list_items must be at least 2"));
        }
        Ok(Analyzer { opts: self.opts })
    }
}

impl Analyzer {
    /// An analyzer with the default options.
    pub fn new() -> Analyzer {
        Analyzer::default()
    }

    /// A builder to set options on.
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    /// The options this analyzer runs with.
    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// Analyses `input`: the article (for a page), then the pipeline over its text.
    pub fn analyze<'a>(&self, input: impl Into<Input<'a>>) -> Report {
        self.run(input.into(), &mut |_| {})
    }

    /// [`Analyzer::analyze`] that also times each stage (for benchmarks; native only).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn analyze_timed<'a>(&self, input: impl Into<Input<'a>>) -> (Report, StageTimes) {
        let mut times = StageTimes::default();
        let mut last = std::time::Instant::now();
        let r = self.run(input.into(), &mut |stage| {
            let now = std::time::Instant::now();
            times.add(stage, now - last);
            last = now;
        });
        (r, times)
    }

    /// The pipeline, in order; `lap` is called as each stage ends.
    fn run(&self, input: Input, lap: &mut dyn FnMut(Stage)) -> Report {
        let mut roles = Vec::new();
        let (text, article, source, mut notices) = match input {
            Input::Text(t) => (std::borrow::Cow::Borrowed(t), Article::default(), TextSource::Text, Vec::new()),
            Input::Page { html, url, selection } => {
                let e = article::extract(html, url, selection);
                roles = e.roles;
                (std::borrow::Cow::Owned(e.text), e.article, e.source, e.notices)
            }
            Input::Selection { text, url, title } => {
                let present = |s: Option<&str>| s.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
                let article = Article {
                    url: url.filter(|u| !u.is_empty()).map(str::to_string),
                    title: present(title),
                    ..Article::default()
                };
                (std::borrow::Cow::Borrowed(text), article, TextSource::Selection, Vec::new())
            }
        };
        lap(Stage::Article);
        let (text, truncated) = cut(&text, self.opts.max_text_bytes);
        if truncated {
            notices
                .push(format!("The text is long; only its first {} characters were analysed.", text.chars().count()));
        }
        let mut doc = Doc::new(text, &roles);
        lap(Stage::Text);
        doc.quotations = quotes::pair(&doc.text);
        doc.mentions = mentions::Mentions::new(mentions::find(&doc.text));
        lap(Stage::Mentions);
        doc.actors = actors::resolve(&doc.mentions);
        lap(Stage::Actors);
        doc.quotes = quotes::attribute(&doc, &self.opts);
        categories::from_quotes(&mut doc);
        lap(Stage::Quotes);
        doc.statements = statements::classify(&doc, &self.opts);
        doc.sides = statements::group(&doc);
        lap(Stage::Statements);
        if doc.text.src.trim().is_empty() {
            notices.push("The page has no text to analyse.".to_string());
        } else if doc.quotes.is_empty() {
            notices.push("No quotes found.".to_string());
        }
        doc.into_report(article, source, truncated, notices)
    }
}

/// The pipeline stages, in order, as [`StageTimes`] reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Article,
    Text,
    Mentions,
    Actors,
    Quotes,
    Statements,
}

/// Wall-clock time spent in each pipeline stage of one analysis (see [`Analyzer::analyze_timed`]).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageTimes {
    /// Finding the article in the page (zero for plain text).
    pub article: std::time::Duration,
    /// Segmenting paragraphs, sentences and tokens.
    pub text: std::time::Duration,
    /// Pairing quotation marks and finding mentions.
    pub mentions: std::time::Duration,
    /// Resolving mentions into actors.
    pub actors: std::time::Duration,
    /// Attributing quotes.
    pub quotes: std::time::Duration,
    /// Typing statements and grouping sides.
    pub statements: std::time::Duration,
}

#[cfg(not(target_arch = "wasm32"))]
impl StageTimes {
    /// The sum of all stages.
    pub fn total(&self) -> std::time::Duration {
        self.article + self.text + self.mentions + self.quotes + self.actors + self.statements
    }

    fn add(&mut self, stage: Stage, d: std::time::Duration) {
        match stage {
            Stage::Article => self.article += d,
            Stage::Text => self.text += d,
            Stage::Mentions => self.mentions += d,
            Stage::Actors => self.actors += d,
            Stage::Quotes => self.quotes += d,
            Stage::Statements => self.statements += d,
        }
    }
}

/// Cuts `s` to at most `max` bytes, at the last paragraph break if there is one in the last tenth.
fn cut(s: &str, max: usize) -> (&str, bool) {
    if s.len() <= max {
        return (s, false);
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    if let Some(p) = s[..end].rfind("\n\n").filter(|&p| p > max - max / 10) {
        end = p;
    }
    (&s[..end], true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_input_is_cut_on_a_char_boundary() {
        let s = "é".repeat(10);
        let (c, t) = cut(&s, 5);
        assert!(t);
        assert_eq!(c, "éé");
    }

    #[test]
    fn builder_refuses_tunables_that_cannot_work() {
        let e = Analyzer::builder().max_text_bytes(0).build().unwrap_err();
        assert_eq!(e.kind, ErrorKind::Options);
        assert!(e.message.contains("max_text_bytes"));
        assert!(Analyzer::builder().max_list_items(1).build().is_err());
        let a = Analyzer::builder().max_text_bytes(10).build().unwrap();
        assert!(a.analyze("“We will not back down,” Jane Roe said.").truncated);
    }
}
