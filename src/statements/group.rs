//! Grouping: statements by actor, actors by side (country or alliance), for the popup.
//!
//! Takes the actors and statements of the document and gives back [`SideGroup`]s: sides in order of
//! their first statement, actors in order of their first statement, statements in article order.

use crate::doc::Doc;
use crate::lexicon::lexicon;
use crate::report::{Actor, ActorKind, ActorStatements, SideGroup};

/// The side an actor stands for: its affiliation's country or alliance, a country actor itself, or
/// `None` when nothing says.
pub fn side_of(a: &Actor) -> Option<String> {
    let lx = lexicon();
    let resolve = |s: &str| -> Option<String> {
        if let Some(c) = lx.nationalities.get(s) {
            return Some(c.clone());
        }
        // "U.S. State Department" → "United States"; "Russian Foreign Ministry" → "Russia"
        let words: Vec<&str> = s.split_whitespace().collect();
        for n in (1..=words.len().min(3)).rev() {
            if let Some(c) = lx.nationalities.get(&words[..n].join(" ")) {
                return Some(c.clone());
            }
        }
        None
    };
    if a.kind == ActorKind::Country {
        return Some(resolve(&a.name).unwrap_or_else(|| a.name.clone()));
    }
    if let Some(s) = a.affiliation.as_deref().and_then(resolve) {
        return Some(s);
    }
    if let Some(aff) = &a.affiliation {
        return Some(aff.clone());
    }
    resolve(&a.name)
}

/// Groups statements by actor and actors by side.
pub fn group(doc: &Doc) -> Vec<SideGroup> {
    let mut out: Vec<SideGroup> = Vec::new();
    for s in &doc.statements {
        let Some(a) = doc.actors.list.get(s.actor.index()) else { continue };
        let side = side_of(a);
        let g = match out.iter().position(|g| g.side == side) {
            Some(i) => &mut out[i],
            None => {
                out.push(SideGroup { side: side.clone(), actors: Vec::new() });
                out.last_mut().expect("just pushed")
            }
        };
        match g.actors.iter_mut().find(|x| x.actor == s.actor) {
            Some(x) => x.statements.push(s.id),
            None => g.actors.push(ActorStatements { actor: s.actor, statements: vec![s.id] }),
        }
    }
    out
}
