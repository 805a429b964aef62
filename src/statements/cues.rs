//! The statement cue lexicon: CAMEO-derived verbs plus WhoSaid's nouns and constructions.
//!
//! Takes the two TSV files in `lexicons/` (compiled in) and gives back every cue occurrence in a
//! string as a [`Hit`]. One aho-corasick automaton over all forms is built once per process.

use std::collections::HashMap;
#[cfg(test)]
use std::collections::HashSet;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::lexicon::rows;
use crate::report::{Span, StatementType};

/// CAMEO-derived cue verbs (scripts/derive_statement_lexicon.py; MIT, see lexicons/LICENSE-CAMEO.txt).
pub const CAMEO: &str = include_str!("../../lexicons/statements_cameo.tsv");
/// WhoSaid's nouns, modals and constructions.
pub const CONSTRUCTIONS: &str = include_str!("../../lexicons/statements_constructions.tsv");

/// What role a cue plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// A statement verb ("demanded", "promising").
    Verb,
    /// A statement noun ("requirements", "ultimatum").
    Noun,
    /// A modal that makes a demand ("must").
    Modal,
    /// A phrase that types the clause it is in ("would be met with").
    Phrase,
    /// A verb of giving or allowing; with will/would it makes a commitment.
    Give,
    /// A coercive act (CAMEO 16/17); announced for the future it is a threat ("will impose").
    Coerce,
    /// A condition marker ("if", "unless").
    Cond,
    /// A negation ("not").
    Neg,
    /// A future marker ("will").
    Future,
    /// A verb whose object can be a statement noun ("issued an ultimatum").
    Speech,
    /// A verb that, opening a quotation, makes it a demand (“Release the journalists”).
    Imperative,
    /// A verb of force: after a future marker or "vowed to" a threat ("vowed to crush").
    Force,
    /// A phrase that types a quote only as the quote's own cue ("took issue with", "hit out at"): criticism
    /// as a verb of saying; inside a content or as an act it is an event and types nothing.
    QuoteCue,
}

impl Class {
    fn parse(s: &str) -> Option<Class> {
        Some(match s {
            "verb" => Class::Verb,
            "noun" => Class::Noun,
            "modal" => Class::Modal,
            "phrase" => Class::Phrase,
            "give" => Class::Give,
            "coerce" => Class::Coerce,
            "cond" => Class::Cond,
            "neg" => Class::Neg,
            "future" => Class::Future,
            "speech" => Class::Speech,
            "imperative" => Class::Imperative,
            "force" => Class::Force,
            "cue" => Class::QuoteCue,
            _ => return None,
        })
    }
}

/// A condition a phrase needs in its clause before it types it (the lexicon's optional 8th column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    /// No condition (the column is absent or `-`).
    None,
    /// A future, a condition or a modal in the clause (`modality`): a bare "consequences" threatens
    /// only in "will face consequences" or "if …, consequences".
    Modality,
    /// The verb's complement is an act (`action`): "asked Congress to act", "insisted on a vote",
    /// "suggested that Iran should …", "offered to mediate", "assured them it will …"; a claim or a
    /// question ("insisted that he was innocent", "asked whether …", "offered his assessment") leaves
    /// the verb a position.
    Action,
}

/// One lexicon row.
#[derive(Clone, Debug)]
pub struct Cue {
    /// Rule id (`demand/urge`).
    pub id: String,
    /// The lemma or phrase.
    pub pattern: String,
    /// The statement type it gives.
    pub kind: StatementType,
    /// Demand strength (3 demand, 2 urge/call, 1 propose), 0 otherwise.
    pub strength: u8,
    /// Its role.
    pub class: Class,
    /// The surface forms matched (lower case).
    pub forms: Vec<String>,
    /// What the clause must hold for the row to type it.
    pub gate: Gate,
}

/// The compiled lexicon.
pub struct Cues {
    /// Every row.
    pub cues: Vec<Cue>,
    ac: AhoCorasick,
    /// For every automaton pattern, the rows that list it.
    of_pattern: Vec<Vec<usize>>,
}

/// One occurrence of a cue form in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Where it is (bytes).
    pub span: Span,
    /// Index into [`Cues::cues`].
    pub cue: usize,
}

/// Parses the rows of both files; errors name the offending row.
pub fn parse(files: &[(&str, &str)]) -> Result<Vec<Cue>, String> {
    let mut out = Vec::new();
    for (name, data) in files {
        for r in rows(data) {
            if r.len() < 7 {
                return Err(format!("{name}: row {:?} has {} columns, expected 7", r[0], r.len()));
            }
            let kind = StatementType::parse(r[2]).ok_or_else(|| format!("{name}: {}: bad type {:?}", r[0], r[2]))?;
            let strength = r[3].parse().map_err(|_| format!("{name}: {}: bad strength {:?}", r[0], r[3]))?;
            let class = Class::parse(r[5]).ok_or_else(|| format!("{name}: {}: bad class {:?}", r[0], r[5]))?;
            let forms = r[6].split('|').map(|f| f.trim().to_lowercase()).filter(|f| !f.is_empty()).collect();
            let gate = match r.get(7).copied().unwrap_or("-") {
                "-" => Gate::None,
                "modality" => Gate::Modality,
                "action" => Gate::Action,
                g => return Err(format!("{name}: {}: bad gate {g:?}", r[0])),
            };
            out.push(Cue { id: r[0].to_string(), pattern: r[1].to_string(), kind, strength, class, forms, gate });
        }
    }
    Ok(out)
}

/// Duplicate ids, or a form listed twice for the same class.
#[cfg(test)]
fn duplicates(cues: &[Cue]) -> Vec<String> {
    let mut ids = HashSet::new();
    let mut forms = HashSet::new();
    let mut dup = Vec::new();
    for c in cues {
        if !ids.insert(c.id.as_str()) {
            dup.push(format!("id {}", c.id));
        }
        for f in &c.forms {
            if !forms.insert((c.class, f.as_str())) {
                dup.push(format!("form {f:?} ({:?}) in {}", c.class, c.id));
            }
        }
    }
    dup
}

impl Cues {
    fn build() -> Cues {
        let cues = parse(&[("statements_cameo.tsv", CAMEO), ("statements_constructions.tsv", CONSTRUCTIONS)])
            .expect("statement lexicon parses");
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut of_pattern: Vec<Vec<usize>> = Vec::new();
        for (i, c) in cues.iter().enumerate() {
            for f in &c.forms {
                let p = *index.entry(f.clone()).or_insert_with(|| {
                    patterns.push(f.clone());
                    of_pattern.push(Vec::new());
                    patterns.len() - 1
                });
                if !of_pattern[p].contains(&i) {
                    of_pattern[p].push(i);
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("statement automaton builds");
        Cues { cues, ac, of_pattern }
    }

    /// Every cue occurrence in `s` on word boundaries, sorted by start, longer first.
    pub fn find(&self, s: &str) -> Vec<Hit> {
        let b = s.as_bytes();
        let word = |i: usize| -> bool { s[i..].chars().next().is_some_and(|c| c.is_alphanumeric()) };
        let before_ok = |i: usize| i == 0 || !s[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric());
        let mut out = Vec::new();
        for m in self.ac.find_overlapping_iter(s) {
            let (st, en) = (m.start(), m.end());
            if !before_ok(st) || (en < b.len() && word(en)) {
                continue;
            }
            for &c in &self.of_pattern[m.pattern().as_usize()] {
                out.push(Hit { span: Span::new(st, en), cue: c });
            }
        }
        // "n't" / "n’t" are written glued to the verb.
        for (i, _) in s.match_indices("n't").chain(s.match_indices("n’t")) {
            if let Some(c) = self.cues.iter().position(|c| c.class == Class::Neg) {
                let end = i + if s[i..].starts_with("n't") { 3 } else { "n’t".len() };
                out.push(Hit { span: Span::new(i, end), cue: c });
            }
        }
        crate::sort::sort_by(&mut out, |a, b| {
            a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)).then(a.cue.cmp(&b.cue))
        });
        out.dedup();
        out
    }

    /// The row of a hit.
    #[cfg(test)]
    fn cue(&self, h: &Hit) -> &Cue {
        &self.cues[h.cue]
    }
}

/// The process-wide statement lexicon.
pub fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(Cues::build)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_lexicon_has_no_duplicates() {
        let cues = parse(&[("cameo", CAMEO), ("constructions", CONSTRUCTIONS)]).unwrap();
        assert_eq!(duplicates(&cues), Vec::<String>::new());
        assert!(cues.len() > 100);
    }

    #[test]
    fn bare_will_and_would_are_not_commitments() {
        let c = cues();
        for h in c.find("They will. It would.") {
            let cue = c.cue(&h);
            assert_ne!(cue.kind, StatementType::Commitment, "{}", cue.id);
        }
    }

    #[test]
    fn finds_forms_on_word_boundaries() {
        let c = cues();
        let ids: Vec<&str> =
            c.find("He urged restraint; the urgency grew.").iter().map(|h| c.cue(h).id.as_str()).collect();
        assert_eq!(ids, vec!["demand/urge"]);
    }
}
