//! Options: every tunable of an analysis, named and documented, with its default.
//!
//! Takes nothing; gives the [`Options`] an [`Analyzer`](crate::Analyzer) runs with, built with
//! [`AnalyzerBuilder`](crate::AnalyzerBuilder). The defaults are the `DEFAULT_*` constants (as
//! Readability's `DEFAULT_CHAR_THRESHOLD`); the rules' own thresholds, learned or fixed with the
//! lexicons, stay beside their rules.

/// Texts longer than this many bytes are cut (at a paragraph or character boundary) and the report
/// says so: two million bytes is a book, far past any article, and bounds the time of a page.
pub const DEFAULT_MAX_TEXT_BYTES: usize = 2_000_000;

/// Most items a list construction ("three key requirements: A, B and C") is split into.
pub const DEFAULT_MAX_LIST_ITEMS: usize = 10;

/// How far (bytes) left of a statement cue its subject may end, unless the cue is a participle of
/// the main clause (", promising to …"), whose subject is the sentence's.
pub const DEFAULT_MAX_SUBJECT_DISTANCE: usize = 160;

/// How many words after a statement cue its target may start ("urged Russia to …").
pub const DEFAULT_TARGET_WINDOW: usize = 3;

/// Whether the learned tagger's spans pass the "is this an attribution" classifier
/// (`lexicons/tagger_gate.tsv`, trained on PolNeAR train by `scripts/make_tagger_gate.py`): a span it
/// finds unlikely is dropped, the others carry a calibrated confidence (span and speaker right; shown
/// unsure). Off only to train the classifier (it must see every span; the confidence then carries the
/// tagger's margin).
pub const DEFAULT_TAGGER_GATE: bool = true;

/// Whether the highlights show officials only: the quotes, statements and mentions of actors that
/// speak for a government, ministry, army, party or international body (`Actor::category`), for
/// readers who follow what the sides say (issue 13). The display model itself lists every actor.
pub const DEFAULT_OFFICIALS_ONLY: bool = false;

/// The tunables of an analysis (see the `DEFAULT_*` constants for what each means).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// See [`DEFAULT_MAX_TEXT_BYTES`].
    pub max_text_bytes: usize,
    /// See [`DEFAULT_MAX_LIST_ITEMS`].
    pub max_list_items: usize,
    /// See [`DEFAULT_MAX_SUBJECT_DISTANCE`].
    pub max_subject_distance: usize,
    /// See [`DEFAULT_TARGET_WINDOW`].
    pub target_window: usize,
    /// See [`DEFAULT_TAGGER_GATE`].
    pub tagger_gate: bool,
    /// See [`DEFAULT_OFFICIALS_ONLY`].
    pub officials_only: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_text_bytes: DEFAULT_MAX_TEXT_BYTES,
            max_list_items: DEFAULT_MAX_LIST_ITEMS,
            max_subject_distance: DEFAULT_MAX_SUBJECT_DISTANCE,
            target_window: DEFAULT_TARGET_WINDOW,
            tagger_gate: DEFAULT_TAGGER_GATE,
            officials_only: DEFAULT_OFFICIALS_ONLY,
        }
    }
}
