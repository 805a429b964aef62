//! Sources that state no position: a quote whose source is a record, poll or document ("a poll
//! released Thursday", "the affidavit") reports a fact; it stays a quote but gives no statement unless
//! a typed cue says otherwise ("the lawsuit accuses …"): the typed-polnear GUIDE's `none`. (A medium
//! reporting on its own, "the newspaper reported", is the diplomacy conventions' other event reporter; a
//! rule for it lost more than it gained on typed-polnear, where the medium's actor is often a person's
//! quote given to the wrong speaker: left out.)
//!
//! Takes the source mention's text; gives whether it names such a source. The record nouns are the
//! word class `record_source` of `lexicons/word_classes.tsv`.

use super::wc;
use crate::lexicon::WordClass;

/// Whether a source mention names a record, poll or document: one of its words is a record noun
/// ("an exit poll", "the court filings", "78 percent in a recent survey").
pub fn is_record(mention: &str) -> bool {
    super::typer::tokens(mention).iter().any(|w| wc().is(WordClass::RecordSource, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_state_no_position() {
        assert!(is_record("a poll released on Monday"));
        assert!(is_record("the court filings"));
        assert!(is_record("41 percent of those in the latest survey"));
        assert!(!is_record("the foreign minister"));
        assert!(!is_record("a report by the ministry"), "a report can accuse: it is not a record noun");
        assert!(is_record("an exit poll"));
        assert!(!is_record("she"));
    }
}
