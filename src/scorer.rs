//! The scorers' JSONL line: one analysed document in the format of `../shared/tools/quote_jsonl.py`.
//!
//! [`ScorerLine::new`] takes a document id and a [`Report`] whose spans are already in code points
//! ([`Report::convert_offsets`] with [`OffsetUnit::CodePoint`](crate::OffsetUnit::CodePoint)) and
//! gives back the line `whosaid analyze --jsonl` writes. Fields are declared in alphabetical order,
//! the order the scorers' files have always had; spans are `[start, end]` pairs.

use serde::{Deserialize, Serialize};

use crate::report::{ActorKind, QuoteKind, Report, Span, StatementType};

/// One document: its id and what was found in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScorerLine {
    /// The actors, in report order.
    pub actors: Vec<ScorerActor>,
    /// The document id, as given in the input line (any JSON value).
    pub id: serde_json::Value,
    /// The quotes, in text order.
    pub quotes: Vec<ScorerQuote>,
    /// The statements, in text order.
    pub statements: Vec<ScorerStatement>,
}

/// One actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScorerActor {
    /// Affiliation.
    pub affiliation: Option<String>,
    /// Person, organisation, country or group.
    pub kind: ActorKind,
    /// Canonical name.
    pub name: String,
    /// True when a quote is attributed to it.
    pub quoted: bool,
    /// Role or title.
    pub role: Option<String>,
}

/// One quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScorerQuote {
    /// Confidence (the core's `f32`, written as the `f64` it converts to).
    pub confidence: f64,
    /// The content pieces.
    pub content_spans: Vec<[usize; 2]>,
    /// The cue's lemma.
    pub cue: Option<String>,
    /// The cue, when there is one (zero or one pair).
    pub cue_spans: Vec<[usize; 2]>,
    /// End of the quote.
    pub end: usize,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The rule that found it.
    pub rule: String,
    /// The speaker's name.
    pub speaker: Option<String>,
    /// The speaker mention (zero or one pair).
    pub speaker_spans: Vec<[usize; 2]>,
    /// Start of the quote.
    pub start: usize,
}

/// One statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScorerStatement {
    /// The actor's name.
    pub actor: String,
    /// Stated under a condition.
    pub conditional: bool,
    /// End of the content.
    pub end: usize,
    /// About the future.
    pub future: bool,
    /// Number in an enumeration.
    pub item: Option<usize>,
    /// Negated.
    pub negated: bool,
    /// The quote it came from (index).
    pub quote: Option<crate::QuoteId>,
    /// The rule that typed it.
    pub rule: String,
    /// Start of the content.
    pub start: usize,
    /// Strength of a demand (0 for other types).
    pub strength: u8,
    /// Whom it is addressed to.
    pub target: Option<String>,
    /// The type.
    #[serde(rename = "type")]
    pub kind: StatementType,
    /// Name of whoever reported it.
    pub via: Option<String>,
}

/// A description as written whose head says who speaks: "the spokesman", "a ministry
/// spokesperson", "the statement", "the Syrian government" (a role, group, document or
/// organisation noun last), not any noun phrase a rule took for a speaker ("a crude reference").
fn is_description(w: &str) -> bool {
    let lx = crate::lexicon::lexicon();
    let words: Vec<&str> = w.split_whitespace().collect();
    let determiner = words.first().is_some_and(|d| matches!(d.to_lowercase().as_str(), "the" | "a" | "an"));
    let who = |w: &str| {
        let w = w.trim_end_matches([',', '.']);
        lx.roles.contains_key(w)
            || lx.document_nouns.contains(w)
            || lx.org_heads.iter().any(|o| o.eq_ignore_ascii_case(w))
            || matches!(
                w,
                "government"
                    | "military"
                    | "embassy"
                    | "side"
                    | "source"
                    | "newspaper"
                    | "paper"
                    | "campaign"
                    | "head"
                    | "chief"
                    | "article"
                    | "report"
                    | "judges"
                    | "court"
                    | "panel"
                    | "agency"
                    | "outlet"
            )
    };
    determiner && words.len() <= 6 && words.iter().skip(1).any(|w| who(w))
}

/// A capitalised mention as written that is no sentence opener ("Jane Roe", not "When", "By").
fn is_written_name(w: &str) -> bool {
    let first = w.split_whitespace().next().unwrap_or("");
    first.chars().next().is_some_and(char::is_uppercase) && !crate::lexicon::lexicon().stop_caps.contains(first)
}

fn pairs<'a>(spans: impl IntoIterator<Item = &'a Span>) -> Vec<[usize; 2]> {
    spans.into_iter().map(|s| [s.start, s.end]).collect()
}

impl ScorerLine {
    /// The line of document `id` analysed as `r` (code-point offsets).
    pub fn new(id: serde_json::Value, r: &Report) -> ScorerLine {
        let name = |a: Option<crate::ActorId>| a.map(|a| r.actors[a].name.clone());
        // an unresolved speaker is shown as written ("the spokesman", "Jane Roe"), never as another
        // actor's name (issue 13); spans are in code points here
        // the byte offsets of those mentions' code-point bounds, found in one pass over the text
        let mut wanted: Vec<usize> = r
            .quotes
            .iter()
            .filter(|q| q.speaker.is_none())
            .filter_map(|q| q.speaker_mention)
            .flat_map(|m| [m.start, m.end])
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut byte_of = std::collections::HashMap::new();
        let mut next = wanted.iter().copied().peekable();
        for (cp, (b, _)) in r.text.char_indices().enumerate() {
            while next.peek() == Some(&cp) {
                byte_of.insert(cp, b);
                next.next();
            }
            if next.peek().is_none() {
                break;
            }
        }
        for cp in next {
            byte_of.insert(cp, r.text.len());
        }
        let written = |m: Option<Span>| {
            m.and_then(|m| Some(r.text.get(*byte_of.get(&m.start)?..*byte_of.get(&m.end)?)?.to_string())).filter(|w| {
                // a pronoun, or a pronoun's contraction ("We're"), is no name
                let lower = w.to_lowercase().replace('’', "'");
                let first = lower.split('\'').next().unwrap_or("");
                let pronoun = matches!(first, "he" | "she" | "they" | "it" | "we" | "i" | "you");
                !pronoun && (is_description(w) || is_written_name(w))
            })
        };
        ScorerLine {
            actors: r
                .actors
                .iter()
                .map(|a| ScorerActor {
                    affiliation: a.affiliation.clone(),
                    kind: a.kind,
                    name: a.name.clone(),
                    quoted: a.quoted,
                    role: a.role.clone(),
                })
                .collect(),
            id,
            quotes: r
                .quotes
                .iter()
                .map(|q| ScorerQuote {
                    confidence: f64::from(q.confidence),
                    content_spans: pairs(&q.fragments),
                    cue: q.cue_lemma.clone(),
                    cue_spans: pairs(&q.cue),
                    end: q.span.end,
                    kind: q.kind,
                    rule: q.rule.clone(),
                    speaker: name(q.speaker).or_else(|| written(q.speaker_mention)),
                    speaker_spans: pairs(&q.speaker_mention),
                    start: q.span.start,
                })
                .collect(),
            statements: r
                .statements
                .iter()
                .map(|s| ScorerStatement {
                    actor: r.actors[s.actor].name.clone(),
                    conditional: s.conditional,
                    end: s.span.end,
                    future: s.future,
                    item: s.item,
                    negated: s.negated,
                    quote: s.quote,
                    rule: s.rule.clone(),
                    start: s.span.start,
                    strength: s.strength,
                    target: s.target.clone(),
                    kind: s.kind,
                    via: name(s.via),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OffsetUnit;

    #[test]
    fn a_line_round_trips_and_keeps_its_field_order() {
        let mut r = crate::analyze("😀 “Give Ruritania the keys,” Prime Minister Jane Roe said, according to Bob Poe.");
        r.convert_offsets(OffsetUnit::CodePoint);
        let line = ScorerLine::new(serde_json::json!("doc-1"), &r);
        assert!(!line.quotes.is_empty() && !line.statements.is_empty());
        let s = serde_json::to_string(&line).unwrap();
        let back: ScorerLine = serde_json::from_str(&s).unwrap();
        assert_eq!(back, line);
        assert_eq!(serde_json::to_string(&back).unwrap(), s);
        // The same bytes as a map with sorted keys (what the scorers' files have always been).
        let sorted: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(sorted.to_string(), s);
        assert_eq!(line.quotes[0].start, 2, "code points: the emoji is one");
    }

    #[test]
    fn an_unknown_field_is_refused() {
        let s = r#"{"actors":[],"id":1,"quotes":[],"statements":[],"extra":0}"#;
        assert!(serde_json::from_str::<ScorerLine>(s).is_err());
    }
}
