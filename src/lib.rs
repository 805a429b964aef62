//! WhoSaid: who is quoted in a news article, and what each side wants.
//!
//! The crate is one pipeline, one module per stage:
//!
//! ```text
//! page HTML ─ article ─▶ text ─ mentions ─▶ quotes ─ actors ─▶ statements ─▶ Report
//! ```
//!
//! * [`article`] finds the article in a page (Readability via `dom_smoothie`), with title and byline.
//! * [`text`] segments it into paragraphs, sentences and tokens, keeping byte offsets.
//! * [`mentions`] finds people, organisations, countries, groups, pronouns and role nominals.
//! * [`quotes`] pairs quotation marks and attributes direct, indirect and mixed quotes to a mention.
//! * [`actors`] joins mentions into canonical actors (coreference).
//! * [`statements`] types what each actor demands, threatens, promises, rejects, denies, accuses or states.
//! * [`report`] is the one data model the CLI, the popup and the demo page share.
//!
//! ```
//! let report = whosaid::analyze_text("“We will not back down,” Prime Minister Jane Roe said on Monday.");
//! let q = &report.quotes[0];
//! assert_eq!(report.actors[q.speaker.unwrap()].name, "Jane Roe");
//! ```
#![deny(missing_docs)]

pub mod actors;
pub mod article;
pub mod display;
pub mod error;
pub mod lexicon;
pub mod mentions;
pub mod quotes;
pub mod report;
pub mod scorer;
mod selection;
pub mod statements;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, ErrorKind};
pub use report::{
    Actor, ActorKind, ActorStatements, Article, OffsetUnit, Quote, QuoteKind, Report, SideGroup, Span, Statement,
    StatementType, TextSource,
};
pub use selection::{analyze_request, analyze_selection};

/// Texts longer than this many bytes are cut (at a paragraph or character boundary) and the report says so.
pub const MAX_TEXT_BYTES: usize = 2_000_000;

/// The crate version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// Analyses plain text. Spans in the report are UTF-8 byte offsets into `report.text`.
pub fn analyze_text(text: &str) -> Report {
    let mut r = run(text, Article::default(), TextSource::Text, Vec::new(), MAX_TEXT_BYTES, |_| {});
    r.source = Some(TextSource::Text);
    r
}

/// Analyses a page: extracts the article, then analyses its text.
pub fn analyze_html(html: &str, url: Option<&str>) -> Report {
    analyze_page(html, url, None)
}

/// Analyses a page like [`analyze_html`]; when the page has no article, analyses `selection` (the
/// user's selected text) if given, else the page's body text. `report.source` and `report.notices`
/// say which.
pub fn analyze_page(html: &str, url: Option<&str>, selection: Option<&str>) -> Report {
    let e = article::extract_page(html, url, selection);
    run(&e.text, e.article, e.source, e.notices, MAX_TEXT_BYTES, |_| {})
}

/// The pipeline stages, in order, as [`StageTimes`] reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Text,
    Mentions,
    Quotes,
    Actors,
    Statements,
}

/// Wall-clock time spent in each pipeline stage of one analysis (see [`analyze_text_timed`]).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageTimes {
    /// Finding the article in the page (zero for plain text).
    pub article: std::time::Duration,
    /// Segmenting paragraphs, sentences and tokens.
    pub text: std::time::Duration,
    /// Finding mentions.
    pub mentions: std::time::Duration,
    /// Pairing marks and attributing quotes.
    pub quotes: std::time::Duration,
    /// Resolving actors and building the quote list.
    pub actors: std::time::Duration,
    /// Typing statements and grouping sides.
    pub statements: std::time::Duration,
}

#[cfg(not(target_arch = "wasm32"))]
impl StageTimes {
    /// The sum of all stages.
    pub fn total(&self) -> std::time::Duration {
        self.article + self.text + self.mentions + self.quotes + self.actors + self.statements
    }

    fn lapper(&mut self) -> impl FnMut(Stage) + '_ {
        let mut last = std::time::Instant::now();
        move |stage| {
            let now = std::time::Instant::now();
            let d = now - last;
            last = now;
            match stage {
                Stage::Text => self.text += d,
                Stage::Mentions => self.mentions += d,
                Stage::Quotes => self.quotes += d,
                Stage::Actors => self.actors += d,
                Stage::Statements => self.statements += d,
            }
        }
    }
}

/// [`analyze_text`] that also times each stage (for benchmarks; native only). Texts longer than
/// `max_bytes` are cut as [`analyze_text`] cuts them at [`MAX_TEXT_BYTES`].
#[cfg(not(target_arch = "wasm32"))]
pub fn analyze_text_timed(text: &str, max_bytes: usize) -> (Report, StageTimes) {
    let mut times = StageTimes::default();
    let mut r = run(text, Article::default(), TextSource::Text, Vec::new(), max_bytes, times.lapper());
    r.source = Some(TextSource::Text);
    (r, times)
}

/// [`analyze_page`] that also times each stage, article extraction included (for benchmarks; native only).
#[cfg(not(target_arch = "wasm32"))]
pub fn analyze_page_timed(html: &str, url: Option<&str>, selection: Option<&str>) -> (Report, StageTimes) {
    let mut times = StageTimes::default();
    let t0 = std::time::Instant::now();
    let e = article::extract_page(html, url, selection);
    times.article = t0.elapsed();
    let r = run(&e.text, e.article, e.source, e.notices, MAX_TEXT_BYTES, times.lapper());
    (r, times)
}

fn run(
    input: &str,
    article: Article,
    source: TextSource,
    mut notices: Vec<String>,
    max_bytes: usize,
    mut lap: impl FnMut(Stage),
) -> Report {
    let (input, truncated) = cut(input, max_bytes);
    if truncated {
        notices.push(format!("The text is long; only its first {} characters were analysed.", input.chars().count()));
    }
    let text = text::Text::new(input);
    lap(Stage::Text);
    let mentions = mentions::find(&text);
    lap(Stage::Mentions);
    let found = quotes::attribute(&text, &mentions);
    lap(Stage::Quotes);
    let res = actors::resolve(&mentions);
    let mut actors = res.actors;
    let quotes: Vec<Quote> = found
        .iter()
        .enumerate()
        .map(|(id, f)| {
            let speaker = f.speaker.and_then(|m| res.of_mention[m]);
            if let Some(a) = speaker {
                actors[a].quoted = true;
            }
            Quote {
                id,
                kind: f.kind,
                span: f.span(),
                fragments: f.fragments.clone(),
                cue: f.cue,
                cue_lemma: f.cue_lemma.clone(),
                speaker,
                speaker_mention: f.speaker_span.or(f.speaker.map(|m| mentions[m].span)),
                reported_source: f.reported_source.and_then(|m| res.of_mention[m]).filter(|&a| Some(a) != speaker),
                // calibrated on PolNeAR train where the rule was seen often enough (lexicons/rule_confidence.tsv)
                confidence: lexicon::lexicon().rule_confidence(f.rule, speaker.is_some()).unwrap_or(f.confidence),
                rule: f.rule.to_string(),
            }
        })
        .collect();
    lap(Stage::Actors);
    let statements = statements::classify(&text, &mentions, &res.of_mention, &quotes);
    let sides = statements::group::group(&actors, &statements);
    lap(Stage::Statements);
    if text.src.trim().is_empty() {
        notices.push("The page has no text to analyse.".to_string());
    } else if quotes.is_empty() {
        notices.push("No quotes found.".to_string());
    }
    Report {
        version: version().to_string(),
        offsets: Some(OffsetUnit::Utf8),
        article,
        source: Some(source),
        text: text.src,
        truncated,
        actors,
        quotes,
        statements,
        sides,
        notices,
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
}
