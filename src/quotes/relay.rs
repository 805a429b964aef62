//! Media relay: news media pass words on, they do not speak (issue 13).
//!
//! Takes a rule's candidate quote and the actor its speaker mention resolved to, and gives back who
//! speaks and through which medium (the quote's `via`). The relay rules, with their examples, are the
//! registry's [`RELAYS`](super::RELAYS):
//!
//! * `relay/quoted-as` — "TASS quoted|cited Peskov as saying …": the speaker is the one quoted, the
//!   quoting outlet the via; the content starts after "as saying".
//! * `relay/quoting` — "…, said Xinhua, quoting Mr Ren": the speaker is Ren, Xinhua the via, and the
//!   participle "quoting Mr Ren" is no quote of its own.
//! * `relay/marker` — a medium named after a marker ("according to", "told", "as quoted by", "in a
//!   statement carried by"; `lexicons/media.tsv`) in the cue's sentence, outside the quote, when the
//!   speaker is someone else: "…, Ren said, according to Xinhua", "Roe told the Financial Times".
//! * `relay/continued` — a continued quote (`direct/continuation`, `direct/quote-paragraph`) keeps the
//!   via of the quote it continues when the speaker is the same.
//!
//! A medium is a name mention listed as an outlet, ending in a media head ("Post", "Press Agency") or
//! followed by a media word ("the Xinhua news agency"); a country is never one. A medium that
//! reports on its own ("…, according to Xinhua" with no other speaker) stays the speaker.

use super::Candidate;
use crate::doc::Doc;
use crate::lexicon::lexicon;
use crate::mentions::{MentionId, MentionKind};
use crate::report::{ActorId, ActorKind, Span};

/// Most words (lower case, or "The") between a relay marker and the medium's name ("according to the
/// state-run KCNA", "as quoted by The Daily Express" when "The" is no part of the mention).
const MAX_MARKER_GAP_WORDS: usize = 3;

/// Most words of an unnamed source between "quoted" and "as saying" ("quoted unnamed officials as saying").
const MAX_QUOTED_WORDS: usize = 6;

/// Who speaks in a candidate once media relay is read.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Relayed {
    /// The speaker actor.
    pub speaker: Option<ActorId>,
    /// The speaker phrase as written, when relay changed it ("unnamed officials" of "the paper quoted
    /// unnamed officials as saying").
    pub speaker_span: Option<Span>,
    /// The medium that passed the words on.
    pub via: Option<ActorId>,
    /// The content starts here (after "as saying") when relay moved it.
    pub content_from: Option<usize>,
    /// The cue of a participle "quoting Y" that is part of the relay, not a quote.
    pub drop_cue: Option<Span>,
}

/// Whether mention `m` names a news medium (see the module doc).
pub(crate) fn is_medium(doc: &Doc, m: MentionId) -> bool {
    let mention = &doc.mentions[m];
    if mention.kind != MentionKind::Name || mention.actor_kind == ActorKind::Country {
        return false;
    }
    let md = &lexicon().media;
    let t = &doc.text;
    let next = t.token_at_or_after(mention.span.end);
    md.names_medium(&mention.name)
        || (t.word(next).chars().next().is_some_and(char::is_lowercase) && md.after.contains(t.lower(next)))
}

/// Reads media relay around candidate `f`, whose speaker mention resolved to `speaker`; `prev`: the
/// speaker and via of the closest earlier quote with a speaker, for continued quotes.
pub(crate) fn relay(
    doc: &Doc,
    f: &Candidate,
    speaker: Option<ActorId>,
    prev: Option<(ActorId, Option<ActorId>)>,
) -> Relayed {
    let mut out = Relayed { speaker, ..Relayed::default() };
    if let Some(m) = f.speaker {
        if quoted_as(doc, m, &mut out) || quoting(doc, m, &mut out) {
            return out;
        }
    }
    if matches!(f.rule, "direct/continuation" | "direct/quote-paragraph") {
        if let Some((s, via)) = prev.filter(|&(s, _)| Some(s) == speaker) {
            out.via = via.filter(|&v| v != s);
            return out;
        }
    }
    let Some(s) = speaker else { return out };
    if f.speaker.is_some_and(|m| is_medium(doc, m)) {
        return out;
    }
    out.via = f.cue.and_then(|c| marker(doc, f, c, s));
    out
}

/// `relay/quoted-as`: "M quoted|cited Y as saying".
fn quoted_as(doc: &Doc, m: MentionId, out: &mut Relayed) -> bool {
    let t = &doc.text;
    let k = t.token_at_or_after(doc.mentions[m].span.end);
    if !matches!(t.lower(k), "quoted" | "cited") || k + 1 >= t.tokens.len() {
        return false;
    }
    let y = doc.mentions.starting_at(t.tokens[k + 1].span.start);
    let after = match y {
        Some(y) => t.token_at_or_after(doc.mentions[y].span.end),
        None => (k + 2..(k + 2 + MAX_QUOTED_WORDS).min(t.tokens.len())).find(|&x| t.lower(x) == "as").unwrap_or(k + 1),
    };
    if after <= k + 1 || t.lower(after) != "as" || !matches!(t.lower(after + 1), "saying" | "telling" | "writing") {
        return false;
    }
    let mut from = after + 2;
    if t.lower(from) == "that" {
        from += 1;
    }
    out.via = doc.actors.of_mention(m);
    match y {
        Some(y) => out.speaker = doc.actors.of_mention(y),
        None => {
            out.speaker = None;
            out.speaker_span = Some(Span::new(t.tokens[k + 1].span.start, t.tokens[after - 1].span.end));
        }
    }
    out.content_from = t.tokens.get(from).map(|tk| tk.span.start);
    true
}

/// `relay/quoting`: "…, said M, quoting Y".
fn quoting(doc: &Doc, m: MentionId, out: &mut Relayed) -> bool {
    let t = &doc.text;
    let k = t.token_at_or_after(doc.mentions[m].span.end);
    if t.tokens.get(k).is_none_or(|tk| t.slice(tk.span) != ",") || !matches!(t.lower(k + 1), "quoting" | "citing") {
        return false;
    }
    let Some(y) = t.tokens.get(k + 2).and_then(|tk| doc.mentions.starting_at(tk.span.start)) else {
        return false;
    };
    if doc.mentions[y].kind != MentionKind::Name || is_medium(doc, y) {
        return false;
    }
    out.via = doc.actors.of_mention(m);
    out.speaker = doc.actors.of_mention(y);
    out.drop_cue = Some(t.tokens[k + 1].span);
    true
}

/// `relay/marker`: a medium after a relay marker in the sentence of cue `c`, outside the content,
/// that is not the speaker `s`.
fn marker(doc: &Doc, f: &Candidate, c: Span, s: ActorId) -> Option<ActorId> {
    let t = &doc.text;
    let sent = t.sentences[t.sentence_of(c.start)?];
    let (a, z) = (t.token_at_or_after(sent.start), t.token_at_or_after(sent.end));
    let inside = |b: usize| f.fragments.iter().any(|fr| fr.start <= b && b < fr.end);
    for k in a..z {
        if inside(t.tokens[k].span.start) {
            continue;
        }
        for mk in &lexicon().media.markers {
            if !mk.iter().enumerate().all(|(d, w)| k + d < z && t.lower(k + d) == w) {
                continue;
            }
            let mut j = k + mk.len();
            let mut gap = 0;
            while j < z && gap < MAX_MARKER_GAP_WORDS && doc.mentions.starting_at(t.tokens[j].span.start).is_none() {
                let w = t.word(j);
                if !(w.chars().next().is_some_and(char::is_lowercase) || w == "The") {
                    break;
                }
                j += 1;
                gap += 1;
            }
            let Some(m) = t.tokens.get(j).and_then(|tk| doc.mentions.starting_at(tk.span.start)) else {
                continue;
            };
            if !is_medium(doc, m) {
                continue;
            }
            if let Some(v) = doc.actors.of_mention(m).filter(|&v| v != s) {
                return Some(v);
            }
        }
    }
    None
}
