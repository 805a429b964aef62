//! Statements: typed demands and positions from attributed quotes.
//!
//! Takes the quotes (with resolved speakers) and gives back one [`Statement`] per quote whose speaker
//! is known, typed from its cue lemma and from cue words inside the content. This is the first, thin
//! version; the statement lexicon and list splitting build on it.

use crate::report::{Quote, Statement, StatementType};
use crate::text::Text;

/// Cue lemma → statement type and demand strength.
const CUE_TYPES: &[(&str, StatementType, u8)] = &[
    ("demand", StatementType::Demand, 3),
    ("insist", StatementType::Demand, 3),
    ("urge", StatementType::Demand, 2),
    ("call", StatementType::Demand, 2),
    ("ask", StatementType::Demand, 1),
    ("warn", StatementType::Threat, 0),
    ("threaten", StatementType::Threat, 0),
    ("promise", StatementType::Commitment, 0),
    ("pledge", StatementType::Commitment, 0),
    ("reject", StatementType::Rejection, 0),
    ("deny", StatementType::Denial, 0),
    ("accuse", StatementType::Accusation, 0),
];

/// Types every quote with a known speaker.
pub fn classify(text: &Text, quotes: &[Quote]) -> Vec<Statement> {
    let mut out = Vec::new();
    for q in quotes {
        let Some(actor) = q.speaker else { continue };
        let (kind, strength) = q
            .cue_lemma
            .as_deref()
            .and_then(|l| CUE_TYPES.iter().find(|c| c.0 == l))
            .map(|c| (c.1, c.2))
            .unwrap_or((StatementType::Position, 0));
        let content = text.slice(q.span).to_lowercase();
        out.push(Statement {
            id: out.len(),
            actor,
            via: None,
            target: None,
            kind,
            strength,
            span: q.span,
            cue: q.cue,
            quote: Some(q.id),
            conditional: content.contains(" if ") || content.contains(" unless ") || content.contains(" should "),
            negated: content.contains(" not ") || content.contains("n't "),
            future: content.contains(" will ") || content.contains(" would "),
            rule: format!("{}/cue", kind.as_str()),
        });
    }
    out
}
