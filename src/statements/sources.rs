//! Sources that state no position: a quote whose source is a record, poll or document ("a poll
//! released Thursday", "the affidavit") reports a fact; it stays a quote but gives no statement unless
//! a typed cue says otherwise ("the lawsuit accuses …"): the typed-polnear GUIDE's `none`.
//!
//! Takes the source mention's text; gives whether the source is such a one. The record nouns are
//! `lexicons/record_sources.txt`.

use std::sync::OnceLock;

/// Nouns of a record, poll or document, one a line (`#` comments).
const RECORD_SOURCES: &str = include_str!("../../lexicons/record_sources.txt");

fn records() -> &'static [&'static str] {
    static R: OnceLock<Vec<&'static str>> = OnceLock::new();
    R.get_or_init(|| RECORD_SOURCES.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect())
}

/// Whether a source mention names a record, poll or document: one of its words is a record noun
/// ("an exit poll", "the court filings", "78 percent in a recent survey").
pub fn is_record(mention: &str) -> bool {
    let r = records();
    super::typer::tokens(mention).iter().any(|w| r.binary_search(&w.as_str()).is_ok())
}

/// Whether a quote with this source mention reports facts rather than a stance: the mention names a
/// record, poll or document. (A medium reporting on its own, "the newspaper reported", is the diplomacy
/// conventions' other event reporter; a rule for it lost more than it gained on typed-polnear, where the
/// medium's actor is often a person's quote given to the wrong speaker: left out.)
pub fn states_no_position(mention: &str) -> bool {
    is_record(mention)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_nouns_are_sorted_and_lower_case() {
        let r = records();
        assert!(r.windows(2).all(|w| w[0] < w[1]), "lexicons/record_sources.txt must be sorted, no duplicates");
        assert!(r.iter().all(|w| w.chars().all(|c| c.is_ascii_lowercase())));
    }

    #[test]
    fn records_state_no_position() {
        assert!(is_record("a poll released on Monday"));
        assert!(is_record("the court filings"));
        assert!(is_record("41 percent of those in the latest survey"));
        assert!(!is_record("the foreign minister"));
        assert!(!is_record("a report by the ministry"), "a report can accuse: it is not a record noun");
        assert!(states_no_position("an exit poll"));
        assert!(!states_no_position("she"));
    }
}
