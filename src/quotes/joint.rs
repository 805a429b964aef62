//! Joint speakers: "Smith and Jones said …", "Both Lee and the ministry have argued …", "said Smith
//! and Jones". Takes a quote candidate whose speaker mention is one name of a coordination of names
//! and gives back the coordination's span, so the quote is shown with every speaker as written
//! ("Smith and Jones") instead of the one name the rule found (unsure, not wrong: no single actor
//! said it). The coordination must be the clause's subject: it opens its sentence or follows a
//! comma, a colon, a dash or "both", or it follows the cue; a singular cue ("says") is no joint one.

use crate::doc::Doc;
use crate::mentions::{MentionId, MentionKind};
use crate::report::Span;

/// At most this many names in one coordination ("Carson, Fiorina and Huckabee" is three).
pub const DEFAULT_MAX_JOINT_NAMES: usize = 5;

/// The span of the coordination of names that the speaker mention `m` ends or opens, if it is the
/// subject of the quote's cue at `cue` (bytes); `None` when `m` stands alone.
pub fn coordination(doc: &Doc, m: MentionId, cue: Option<Span>) -> Option<Span> {
    let t = &doc.text;
    let mention = &doc.mentions[m];
    if mention.kind != MentionKind::Name || possessive(t.slice(mention.span)) {
        return None;
    }
    let cue = cue?;
    // the names before `m`: the one nearest it joined by "and", those before that by commas
    let mut first = m;
    let mut names = 1;
    while let Some(prev) = conjunct_before(doc, start_token(doc, first), names == 1) {
        if names >= DEFAULT_MAX_JOINT_NAMES {
            return None;
        }
        first = prev;
        names += 1;
    }
    // or the name after it ("said Smith and Jones")
    let last = if names == 1 { conjunct_after(doc, m)? } else { m };
    let span = Span::new(doc.mentions[first].span.start, doc.mentions[last].span.end);
    if span.end <= cue.start {
        // the subject before its cue: it opens its clause, and the cue is no singular one
        return (!singular(&t.slice(cue).to_lowercase()) && opens_clause(doc, start_token(doc, first))).then_some(span);
    }
    // the subject right after its cue, ending its clause
    let after = t.token_at_or_after(span.end);
    let closed = after >= t.tokens.len() || t.word(after).is_empty();
    (start_token(doc, first) == t.token_at_or_after(cue.end) && closed).then_some(span)
}

/// The first token of mention `m`, or the "the" right before it ("the United States").
fn start_token(doc: &Doc, m: MentionId) -> usize {
    let k = doc.text.token_at_or_after(doc.mentions[m].span.start);
    if k > 0 && doc.text.lower(k - 1) == "the" {
        k - 1
    } else {
        k
    }
}

/// The name mention joined to `m` by "and" (or "and the") after it.
fn conjunct_after(doc: &Doc, m: MentionId) -> Option<MentionId> {
    let t = &doc.text;
    let mut z = t.token_at_or_after(doc.mentions[m].span.end);
    if t.lower(z) != "and" {
        return None;
    }
    z += 1;
    if t.lower(z) == "the" {
        z += 1;
    }
    let next = doc.mentions.starting_at(t.tokens.get(z)?.span.start)?;
    let n = &doc.mentions[next];
    (n.kind == MentionKind::Name && !possessive(t.slice(n.span))).then_some(next)
}

/// The name mention joined to the one starting at token `k`: by "and" or ", and" when that one is the
/// `last` name, else by a comma ("Carson, Fiorina and Huckabee").
fn conjunct_before(doc: &Doc, k: usize, last: bool) -> Option<MentionId> {
    let t = &doc.text;
    let punct = |i: usize| if t.word(i).is_empty() { t.tokens.get(i).map_or("", |x| t.slice(x.span)) } else { "" };
    let mut j = k.checked_sub(1)?;
    if last && t.lower(j) == "and" {
        j = j.checked_sub(1)?;
        if punct(j) == "," {
            j = j.checked_sub(1)?;
        }
    } else if punct(j) == "," && !last {
        j = j.checked_sub(1)?;
    } else {
        return None;
    }
    let p = doc.mentions.ending_at(t.tokens[j].span.end)?;
    let pm = &doc.mentions[p];
    (pm.kind == MentionKind::Name && !possessive(t.slice(pm.span))).then_some(p)
}

/// Token `k` opens the clause: the sentence's first word (after "both" or a conjunction), or a word
/// after a comma, colon or dash.
fn opens_clause(doc: &Doc, k: usize) -> bool {
    let t = &doc.text;
    let mut k = k;
    if k > 0 && t.lower(k - 1) == "both" {
        k -= 1;
    }
    if k > 0 && matches!(t.lower(k - 1), "but" | "and" | "so") {
        k -= 1;
    }
    let b = t.tokens[k].span.start;
    if t.sentence_of(b).is_some_and(|s| t.sentences[s].start == b) || k == 0 {
        return true;
    }
    t.word(k - 1).is_empty() && matches!(t.slice(t.tokens[k - 1].span), "," | ":" | "—" | "–" | ";")
}

fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with('\'') || w.ends_with('’')
}

/// A third-person singular present cue ("says", "argues"), which a coordination cannot take.
fn singular(cue: &str) -> bool {
    let w = cue.split_whitespace().next().unwrap_or("");
    w.ends_with('s') && !w.ends_with("ss") && w != "has" && w != "was"
}
