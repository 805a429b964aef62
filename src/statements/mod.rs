//! Statements: typed demands and positions, from quotes and from reported acts.
//!
//! Takes the segmented text, the mentions with their actors, and the attributed quotes; gives back
//! the [`Statement`] list in text order. Two sources:
//!
//! * **quotes**: every quote with a speaker gives one statement (or one per list item), typed from
//!   its cue verb, else from the cues inside its content ("would be met with", "must", "will provide");
//!   a statement verb opening the content with another subject gives nested attribution
//!   (`Blinken also “urged …,” Price said` → actor Blinken, via Price);
//! * **reported acts** outside quotes: a statement verb, phrase or noun construction with a subject
//!   mention ("Morawiecki …, promising to deliver", "something Russia has denied").
//!
//! A quote the rules leave as a position goes to the learned typer ([`typer`], `lexicons/statement_typer.tsv`):
//! a verdict of `none` it is sure of (a fragment, an event report, a question) leaves the quote without a
//! statement, another type retypes it (`accusation/model`). A direct quote of several sentences gives one
//! statement per sentence. Each statement's `confidence` is the rate of its type and path on annotated
//! diplomacy news (`lexicons/statement_confidence.tsv`).
//!
//! Cues come from [`cues`] (CAMEO-derived verbs plus constructions, `lexicons/statements_*.tsv`).
//! Repeated statements by one actor are merged; [`group`] groups them by actor and side.

mod cues;
mod group;
mod sources;
pub(crate) mod typer;

use cues::{cues, Class, Cue, Cues, Gate, Hit};
pub(crate) use group::group;
#[allow(unused_imports)] // the display model reads it
pub(crate) use group::side_of;

use std::collections::{BTreeMap, HashMap};

use crate::actors::Actors;
use crate::doc::Doc;
use crate::lexicon::{lexicon, WordClass, WordClasses};
use crate::mentions::{MentionId, MentionKind, Mentions};
use crate::options::Options;
use crate::report::{ActorId, ActorKind, Quote, QuoteId, QuoteKind, Span, Statement, StatementId, StatementType};
use crate::text::{quote_mark, Text, TokenKind};

const NUMBERS: &[(&str, usize)] = &[
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
];

/// Types every quote with a known speaker and every reported act with a subject: reads the text,
/// mentions, actors and quotes of the document.
pub fn classify(doc: &Doc, opts: &Options) -> Vec<Statement> {
    let text = &doc.text;
    let cx = Ctx::new(doc, opts);
    let mut out = Vec::new();
    for q in &doc.quotes {
        cx.quote_statements(q, &mut out);
    }
    cx.act_statements(&mut out);
    cx.next_sentence_lists(&mut out);
    crate::sort::sort_by_key(&mut out, |s| (s.span.start, s.span.end));
    let mut out = merge(text, out);
    for (i, s) in out.iter_mut().enumerate() {
        s.id = StatementId(i);
        s.confidence = confidence(&s.rule);
    }
    out
}

/// Counts of statements right end to end per type and path (scripts/make_statement_confidence.py).
const CONFIDENCE: &str = include_str!("../../lexicons/statement_confidence.tsv");
/// Paths that end a rule id; any other ending is an act's (`demand/that-must`).
const PATHS: &[&str] = &[
    "quote-cue",
    "content",
    "quote",
    "list-item",
    "nested-verb",
    "reported-act",
    "something-verbed",
    "act",
    "model",
    "list-next-sentence",
];
/// Keys with fewer statements than this back off to the path, then to all statements.
const MIN_CONFIDENCE_N: u32 = 5;

fn confidence_table() -> &'static HashMap<String, (u32, u32)> {
    static T: std::sync::OnceLock<HashMap<String, (u32, u32)>> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        crate::lexicon::rows(CONFIDENCE)
            .filter(|r| r.len() >= 3)
            .filter_map(|r| Some((r[0].to_string(), (r[1].parse().ok()?, r[2].parse().ok()?))))
            .collect()
    })
}

/// A statement's confidence from its rule id: (right + 1) / (n + 2) of its type and path, else its path,
/// else all statements (the script's rule).
fn confidence(rule: &str) -> f32 {
    let t = confidence_table();
    let (kind, last) = (rule.split('/').next().unwrap_or(""), rule.rsplit('/').next().unwrap_or(""));
    let path = if PATHS.contains(&last) { last } else { "act" };
    for k in [format!("{kind}/{path}"), format!("*/{path}"), "*".to_string()] {
        if let Some(&(n, r)) = t.get(&k).filter(|c| c.0 >= MIN_CONFIDENCE_N || k == "*") {
            return (r + 1) as f32 / (n + 2) as f32;
        }
    }
    0.5
}

/// The word classes (`lexicons/word_classes.tsv`).
fn wc() -> &'static WordClasses {
    &lexicon().word_classes
}

/// A typed cue chosen for a statement.
#[derive(Clone, Debug)]
struct Typed {
    hit: Hit,
    kind: StatementType,
    strength: u8,
    /// What typed it: the lexicon row's id, or a built-in construction's ([`WILL_GIVE`] …).
    rule: &'static str,
}

/// A future marker before a verb of giving ("will", "would", "shall", "'ll", "we'll", "won't",
/// "wouldn't"), lower case.
fn future_marker(w: &str) -> bool {
    ["will", "would", "shall", "'ll", "’ll"].contains(&w)
        || w.ends_with("'ll")
        || w.ends_with("’ll")
        || w.starts_with("won")
        || w.starts_with("wouldn")
}

/// "will/would <give>": a commitment (a `give` row after a future marker).
const WILL_GIVE: &str = "commitment/will-give";
/// "will impose", "plans to expel": a threat (a `coerce` row after a modal or a plan).
const WILL_COERCE: &str = "threat/will-coerce";
/// "will not / would never <give>": a rejection (a `give` row after a negated future marker).
const WILL_NOT_GIVE: &str = "rejection/will-not-give";
/// "dismissed the offer as …": a rejection (a dismissal of something proposed, not of a claim).
const DISMISS_OFFER: &str = "rejection/dismiss-offer";
/// "sought to …" (an attempt) and "pushed back / against" (a pushback): demand verbs that make no demand.
const NOT_A_DEMAND: &str = "position/not-a-demand";
/// A demand or commitment verb whose complement is a claim or a question, not an act
/// ([`Ctx::act_complement`]): a position.
const NO_ACT: &str = "position/no-act";
/// Past participles of statement verbs that do not end in -ed ("was sought", "were told").
const IRREGULAR_PASSIVE: &[&str] = &["sought", "told", "given", "made", "taken", "thrown", "forbidden", "bidden"];
/// How many words after a gated verb [`Ctx::act_complement`] reads.
const ACT_COMPLEMENT_WORDS: usize = 8;
/// What can be proposed, offered or asked: dismissing one of them rejects it.
const PROPOSED: &[&str] = &[
    "offer",
    "offers",
    "proposal",
    "proposals",
    "plan",
    "plans",
    "call",
    "calls",
    "demand",
    "demands",
    "invitation",
    "initiative",
    "idea",
    "request",
    "requests",
    "ultimatum",
    "talks",
    "deal",
    "overture",
    "overtures",
    "proposed",
];
/// How a sentence listing the demands named in the sentence before opens ("They include …").
const LIST_OPENERS: &[&str] = &[
    "they include",
    "they included",
    "these include",
    "these included",
    "those include",
    "they are",
    "these are",
    "the demands include",
    "the conditions include",
    "the requirements include",
];
/// "unless …" with a future or a modal: a threat.
const UNLESS: &str = "threat/unless";
/// "… a reminder to Iraq that it must …": a demand in a that-clause of the narration.
const THAT_MUST: &str = "demand/that-must";
/// The learned typer ([`typer`]) chose the type.
const MODEL: &str = "model";
/// A quote content of at most this many words with no clause word is a fragment ([`Ctx::fragment`]).
const MAX_FRAGMENT_WORDS: usize = 5;
/// Words that make a short content a clause rather than a fragment ("he will", "it is", "to win").
const CLAUSE_WORDS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "will", "would", "must", "should", "can", "could", "may", "has", "have",
    "had", "do", "does", "did", "not", "no", "never", "to", "we", "i", "he", "she", "they", "it", "you",
];
/// The learned typer's probability from which its verdict overrides a position (or drops a `none`);
/// 0.5 = a majority verdict (0.4–0.9 move diplomacy dev e2e F1 by at most 0.01: `/work/tools/st.sh`).
const MODEL_MIN_P: f32 = 0.5;

/// How a statement was found: the second half of its rule id (`demand/urge` + `quote-cue`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Path {
    /// A quote typed by its own cue verb ("urged …, Price said").
    QuoteCue,
    /// A quote typed by a cue inside its content ("would be met with").
    Content,
    /// A quote with no typed cue: a position.
    Quote,
    /// One item of an enumeration ("three key requirements: A, B and C").
    ListItem,
    /// A statement verb opening a quote whose subject stands before the mark ("Blinken also “urged …”").
    NestedVerb,
    /// A named subject's act inside indirect content.
    ReportedAct,
    /// "…, something Russia has denied": an act about the clause before it.
    SomethingVerbed,
    /// A reported act outside quotes ("Morawiecki …, promising to deliver").
    Act,
    /// A quote the learned typer typed against the rules (`accusation/model`).
    Model,
    /// One item of a list in the sentence after the demands were named ("… repeated their
    /// conditions. They include A, B and C.").
    ListNext,
}

/// A statement's rule: what typed it and how it was found. Its id is a stable value, the typing id
/// and the path (`demand/urge/quote-cue`), or the type and the path where the path alone says how
/// (`demand/list-item`).
#[derive(Clone, Copy, Debug)]
struct Rule {
    typed_by: Option<&'static str>,
    kind: StatementType,
    path: Path,
}

impl Rule {
    fn of(t: &Typed, path: Path) -> Rule {
        Rule { typed_by: Some(t.rule), kind: t.kind, path }
    }

    fn id(&self) -> String {
        let kind = self.kind.as_str();
        match (self.path, self.typed_by) {
            (Path::Quote, _) => "position/quote".to_string(),
            (Path::Model, _) => format!("{kind}/model"),
            (Path::ListNext, _) => format!("{kind}/list-next-sentence"),
            (Path::ListItem, _) => format!("{kind}/list-item"),
            (Path::NestedVerb, _) => format!("{kind}/nested-verb"),
            (Path::ReportedAct, _) => format!("{kind}/reported-act"),
            (Path::SomethingVerbed, _) => format!("{kind}/something-verbed"),
            (Path::Act, Some(THAT_MUST)) => THAT_MUST.to_string(),
            (Path::QuoteCue, Some(t)) => format!("{t}/quote-cue"),
            (Path::Content, Some(t)) => format!("{t}/content"),
            (Path::Act, Some(t)) => format!("{t}/act"),
            (_, None) => format!("{kind}/quote"),
        }
    }
}

/// Who a quote's statements belong to: the speaker, the actor (the reported source, if any) and the
/// reporter.
#[derive(Clone, Copy)]
struct Who {
    speaker: ActorId,
    actor: ActorId,
    via: Option<ActorId>,
    actor_mention: Option<Span>,
}

/// Subject pronouns: after "should" they make it an inverted condition or a question ("should you
/// give me the honour", "should we go").
const SUBJECT_PRONOUNS: [&str; 7] = ["i", "you", "we", "they", "he", "she", "it"];

/// How far (in characters) after a modal [`Ctx::asked_after`] looks for the end of its sentence.
const QUESTION_SCAN_CHARS: usize = 300;

/// A quotation mark or closing bracket after a sentence's last punctuation.
fn closing(c: char) -> bool {
    quote_mark(c).is_some() || c == ')'
}

/// The index of the piece nearest the cue `c` (0 when there are none).
fn nearest(pieces: &[Span], c: Span) -> usize {
    let d = |p: &Span| if c.start >= p.end { c.start - p.end } else { p.start.saturating_sub(c.end) };
    (0..pieces.len()).min_by_key(|&i| d(&pieces[i])).unwrap_or(0)
}

/// A sentence of a direct quote shorter than this many words joins its neighbour ([`Ctx::sentence_pieces`]).
const MIN_PIECE_WORDS: usize = 4;

/// A statement before it is trimmed, flagged and targeted ([`Ctx::push`]).
struct Draft<'t> {
    actor: ActorId,
    via: Option<ActorId>,
    typed: Option<&'t Typed>,
    span: Span,
    quote: Option<QuoteId>,
    rule: Rule,
    actor_mention: Option<Span>,
}

struct Ctx<'a> {
    text: &'a Text,
    mentions: &'a Mentions,
    actors: &'a Actors,
    opts: &'a Options,
    lx: &'static Cues,
    hits: Vec<Hit>,
    /// The longest hit, in bytes (bounds the look-back of overlap searches).
    max_hit_len: usize,
    /// Regions between quotation marks (marks included).
    quoted: Vec<Span>,
    /// Spans of the quotes with a speaker as (start, greatest end so far), sorted by start.
    quote_cover: Vec<(usize, usize)>,
    /// The same for their cues.
    cue_cover: Vec<(usize, usize)>,
}

/// (start, greatest end among spans starting at or before it), sorted by start.
fn cover(spans: impl Iterator<Item = Span>) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = spans.map(|s| (s.start, s.end)).collect();
    v.sort_unstable();
    let mut max = 0;
    for e in &mut v {
        max = max.max(e.1);
        e.1 = max;
    }
    v
}

impl<'a> Ctx<'a> {
    fn new(doc: &'a Doc, opts: &'a Options) -> Ctx<'a> {
        let (text, mentions, quotes) = (&doc.text, &doc.mentions, &doc.quotes);
        let lx = cues();
        let hits = lx.find(&text.src);
        let max_hit_len = hits.iter().map(|h| h.span.len()).max().unwrap_or(0);
        let spoken = || quotes.iter().filter(|q| q.speaker.is_some());
        let quote_cover = cover(spoken().map(|q| q.span));
        let cue_cover = cover(spoken().filter_map(|q| q.cue));
        Ctx {
            text,
            mentions,
            actors: &doc.actors,
            opts,
            lx,
            hits,
            max_hit_len,
            quoted: doc.quotations.iter().filter(|q| q.closed && !q.single).map(|q| q.span).collect(),
            quote_cover,
            cue_cover,
        }
    }

    fn cue(&self, h: &Hit) -> &'static Cue {
        &self.lx.cues[h.cue]
    }

    fn word(&self, h: &Hit) -> &str {
        self.text.slice(h.span)
    }

    /// Word tokens (lower case) that end at or before `b`, nearest first, within the sentence.
    fn words_before(&self, b: usize, n: usize) -> Vec<String> {
        let lo = self.text.sentence_of(b.saturating_sub(1)).map(|s| self.text.sentences[s].start).unwrap_or(0);
        let i = self.text.token_at_or_after(b);
        (0..i)
            .rev()
            .take_while(|&k| self.text.tokens[k].span.start >= lo)
            .take(n)
            .map(|k| self.lower_or_mark(k).to_string())
            .collect()
    }

    /// Whether the subject of the future marker before a verb of giving can act: a pronoun ("we
    /// will", "we'll", "it would" for a ministry), a mention of a person, body or state, or a noun of
    /// one ("her government will", `agent_noun`) — not a
    /// thing ("the merger would allow", "steroids will help") or a relative ("a plan that would").
    fn agent_before_future(&self, h: &Hit) -> bool {
        let lo = self.sentence(h.span.start).start;
        let i = self.text.token_at_or_after(h.span.start);
        let toks: Vec<usize> = (0..i).rev().take_while(|&k| self.text.tokens[k].span.start >= lo).take(3).collect();
        let Some(j) = toks.iter().take(2).position(|&k| future_marker(self.lower_or_mark(k))) else {
            return true;
        };
        let w = self.lower_or_mark(toks[j]);
        if w.ends_with("'ll") || w.ends_with("’ll") {
            return true;
        }
        let Some(&subj) = toks.get(j + 1) else { return true };
        if self.mentions.ending_at(self.text.tokens[subj].span.end).is_some() {
            return true;
        }
        let w = self.lower_or_mark(subj);
        ["i", "we", "you", "he", "she", "they", "it"].contains(&w)
            || wc().is(WordClass::AgentNoun, w)
            || self.text.slice(self.text.tokens[subj].span).starts_with(char::is_uppercase)
    }

    /// Word tokens (lower case) from `b` on.
    fn words_after(&self, b: usize, n: usize) -> Vec<(Span, String)> {
        let i = self.text.token_at_or_after(b);
        (i..self.text.tokens.len())
            .take(n)
            .map(|k| (self.text.tokens[k].span, self.lower_or_mark(k).to_string()))
            .collect()
    }

    /// Token `k` in lower case (from the text layer), or as written when it is punctuation.
    fn lower_or_mark(&self, k: usize) -> &str {
        match self.text.tokens[k].kind {
            TokenKind::Word => self.text.lower(k),
            _ => self.text.slice(self.text.tokens[k].span),
        }
    }

    fn in_quoted(&self, s: Span) -> bool {
        // the regions are disjoint and in text order: only the last one starting before `s` can hold it
        let i = self.quoted.partition_point(|q| q.start < s.start);
        i > 0 && s.end <= self.quoted[i - 1].end
    }

    /// The hits inside `span`, in order (the hits are sorted by start: a binary search, not a scan).
    fn hits_in(&self, span: Span) -> impl Iterator<Item = &Hit> + '_ {
        let lo = self.hits.partition_point(|h| h.span.start < span.start);
        self.hits[lo..].iter().take_while(move |h| h.span.start <= span.end).filter(move |h| span.contains(&h.span))
    }

    /// The hits that overlap `span`, in order (a binary search: a hit overlapping it starts at most
    /// `max_hit_len` bytes before it).
    fn hits_overlapping(&self, span: Span) -> impl Iterator<Item = &Hit> + '_ {
        let lo = self.hits.partition_point(|h| h.span.start < span.start.saturating_sub(self.max_hit_len));
        self.hits[lo..].iter().take_while(move |h| h.span.start < span.end).filter(move |h| h.span.overlaps(&span))
    }

    /// The quoted region that contains `span`, if any (regions are in order and disjoint).
    fn quoted_region_of(&self, span: Span) -> Option<&Span> {
        let i = self.quoted.partition_point(|r| r.start <= span.start);
        i.checked_sub(1).map(|i| &self.quoted[i]).filter(|r| r.contains(&span))
    }

    fn sentence(&self, b: usize) -> Span {
        self.text.sentence_of(b).map(|i| self.text.sentences[i]).unwrap_or_else(|| Span::new(0, self.text.src.len()))
    }

    /// Is this occurrence of a cue verb used as a verb (not "a demand", "security demands", "the State")?
    fn verb_like(&self, h: &Hit) -> bool {
        let w = self.word(h);
        let sent = self.sentence(h.span.start);
        if w.starts_with(char::is_uppercase) && h.span.start != sent.start && !self.after_open_mark(h.span.start) {
            return false;
        }
        let prev = self.text.tokens[..self.text.token_at_or_after(h.span.start)].last().copied();
        let Some(prev) = prev.filter(|t| t.span.start >= sent.start) else { return true };
        let p = self.text.slice(prev.span);
        let pl = p.to_lowercase();
        if prev.kind != TokenKind::Word {
            return true;
        }
        if wc().is(WordClass::NounLead, &pl) || pl.ends_with("’s") || pl.ends_with("'s") {
            return false;
        }
        if pl.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
        if wc().is(WordClass::VerbLead, &pl) || pl.ends_with("ly") || p.starts_with(char::is_uppercase) {
            return true;
        }
        if let Some(m) = self.mentions.ending_at(prev.span.end).map(|i| &self.mentions[i]) {
            // "a United Nations appeal", "an Australian ultimatum": a noun compound
            let det = self.words_before(m.span.start, 1);
            return !det
                .first()
                .is_some_and(|w| ["a", "an", "its", "his", "her", "their", "our"].contains(&w.as_str()));
        }
        // a past tense after any noun is a verb ("the UNITA militarist wing refused")
        if w.to_lowercase().ends_with("ed") || ["sought", "told", "said"].contains(&w.to_lowercase().as_str()) {
            return true;
        }
        // a plural noun subject the mention finder left out ("Rwandan rebels demanded")
        pl.ends_with('s') && !pl.ends_with("ss") && !pl.ends_with("us")
    }

    fn after_open_mark(&self, b: usize) -> bool {
        self.text.src[..b].trim_end().chars().next_back().and_then(quote_mark).is_some()
    }

    /// The subject mention of a cue at `cue`: the nearest name, group or pronoun before it in the same
    /// sentence that no preposition governs (skipping an apposition), or for a participle of the main
    /// clause (", promising", "by claiming") the sentence's first such mention.
    fn subject(&self, cue: Span, lo: usize, participle: bool) -> Option<MentionId> {
        let sent = self.sentence(cue.start);
        let lo = lo.max(sent.start);
        let inside_quote = self.in_quoted(cue);
        // every candidate starts in [lo, cue.start]: with mentions in text order, only that range
        let cands: Vec<MentionId> = self
            .mentions
            .starting_in(lo, cue.start)
            .map(MentionId)
            .filter(|&i| {
                let m = &self.mentions[i];
                m.span.start >= lo
                    && m.span.end <= cue.start
                    && (inside_quote || !self.in_quoted(m.span))
                    && m.kind != MentionKind::Nominal
                    || (m.kind == MentionKind::Nominal && m.span.start >= lo && m.span.end <= cue.start)
            })
            .filter(|&i| {
                let m = &self.mentions[i];
                let before = self.words_before(m.span.start, 2);
                let governed = before.first().is_some_and(|w| wc().is(WordClass::SubjectPreposition, w))
                    || (before.first().is_some_and(|w| w == "the" || w == "a")
                        && before.get(1).is_some_and(|w| wc().is(WordClass::SubjectPreposition, w)));
                !governed
            })
            .collect();
        let non_possessive = |i: &MentionId| {
            let rest = &self.text.src[self.mentions[*i].span.end..];
            !(rest.starts_with("’s") || rest.starts_with("'s"))
        };
        if participle {
            return cands.iter().copied().find(non_possessive).or_else(|| cands.first().copied());
        }
        let mut k = cands.len().checked_sub(1)?;
        // skip a possessor when something follows it ("Iran's religious leader Ayatollah Khomeini")
        let near = cands[k];
        if cue.start - self.mentions[near].span.end > self.opts.max_subject_distance {
            return None;
        }
        // apposition: "Pakistan, a key U.S. ally in the war, has refused"
        if k > 0 {
            let m = &self.mentions[near];
            let between = &self.text.src[m.span.end..cue.start];
            let p = &self.mentions[cands[k - 1]];
            let gap = &self.text.src[p.span.end..m.span.start];
            if between.contains(',') && gap.trim_start().starts_with(',') && !gap.contains(" and ") {
                k -= 1;
            }
        }
        Some(cands[k])
    }

    fn actor_of(&self, m: MentionId) -> Option<ActorId> {
        self.actors.of_mention(m)
    }

    /// The target of a cue: a mention within a few tokens after it ("urged Russia to", "demanded that the US").
    fn target(&self, h: &Hit, end: usize, actor: ActorId) -> Option<String> {
        let after = self.words_after(h.span.end, self.opts.target_window + 2);
        let mut n = 0;
        for (sp, w) in after {
            if sp.start >= end {
                break;
            }
            if let Some(m) = self.mentions.starting_at(sp.start) {
                let m2 = &self.mentions[m];
                if m2.kind == MentionKind::Pronoun || self.actor_of(m) == Some(actor) {
                    return None;
                }
                return Some(self.actor_name(m));
            }
            if ["that", "the", "on", "upon", "its", "his", "her", "their"].contains(&w.as_str()) {
                continue;
            }
            n += 1;
            if n >= self.opts.target_window {
                break;
            }
        }
        None
    }

    fn actor_name(&self, m: MentionId) -> String {
        self.mentions[m].name.clone()
    }

    /// The typed cues in `span`, in text order, with contained hits of a longer typed hit removed.
    fn typed_in(&self, span: Span, skip: Option<Span>) -> Vec<Typed> {
        let mut out: Vec<Typed> = Vec::new();
        let inner: Vec<&Hit> = self.hits_in(span).filter(|h| !skip.is_some_and(|s| s.overlaps(&h.span))).collect();
        for h in &inner {
            let c = self.cue(h);
            let t = match c.class {
                Class::Verb => self.verb_like(h).then(|| self.verb_type(h)),
                Class::Phrase => {
                    // a gated phrase (a bare "consequences"/"sanctions") types only with a future, a
                    // condition or a modal in the content (the lexicon's `gate` column)
                    let ok = match c.gate {
                        Gate::None | Gate::Action => true,
                        Gate::Modality => {
                            self.has_class(span, Class::Future)
                                || self.has_class(span, Class::Cond)
                                || self.has_class(span, Class::Modal)
                        }
                    };
                    ok.then_some((c.kind, c.strength, c.id.as_str()))
                }
                Class::Modal => {
                    let subj = self.words_before(h.span.start, 1);
                    let first_person = subj.first().is_some_and(|w| ["we", "i", "you"].contains(&w.as_str()));
                    // "should Moscow decide …": an inverted condition, not advice
                    let inverted = self.word(h).eq_ignore_ascii_case("should")
                        && (subj.first().is_none_or(|w| w.chars().all(|c| !c.is_alphanumeric()))
                            || self.words_after(h.span.end, 1).first().is_some_and(|(s, w)| {
                                self.text.slice(*s).starts_with(char::is_uppercase)
                                    || SUBJECT_PRONOUNS.contains(&w.as_str())
                            }));
                    // "Do you think he should be sued?", "a debate about whether it should …": a question
                    let asked = self.asked_after(h.span.end, span)
                        || self.words_before(h.span.start, 6).iter().any(|w| w == "whether");
                    // "he will have to work …", "may need to": a prediction, not an obligation put on
                    // someone; "has to do with": no obligation at all
                    let predicted =
                        self.words_before(h.span.start, 2).iter().any(|w| wc().is(WordClass::EpistemicBeforeModal, w));
                    let idiom = self.words_after(h.span.end, 2).iter().map(|(_, w)| w.as_str()).eq(["do", "with"]);
                    (!first_person && !inverted && !predicted && !idiom && !asked).then_some((
                        c.kind,
                        c.strength,
                        c.id.as_str(),
                    ))
                }
                Class::Imperative => {
                    // the first word inside a quotation mark: “Release Bazoum …”
                    (self.after_open_mark(h.span.start) && self.in_quoted(h.span)).then_some((
                        c.kind,
                        c.strength,
                        c.id.as_str(),
                    ))
                }
                Class::Force => {
                    // "vowed to crush", "will destroy", "pledged to avenge"
                    let before = self.words_before(h.span.start, 3);
                    let fut = before.first().is_some_and(|w| {
                        ["will", "would", "shall", "'ll", "’ll"].contains(&w.as_str()) || w.ends_with("ll")
                    });
                    let vow = before.first().is_some_and(|w| w == "to")
                        && before.get(1).is_some_and(|w| {
                            [
                                "vow",
                                "vowed",
                                "vows",
                                "vowing",
                                "pledged",
                                "pledge",
                                "threatened",
                                "threatens",
                                "promised",
                            ]
                            .contains(&w.as_str())
                        });
                    (fut || vow).then_some((c.kind, c.strength, c.id.as_str()))
                }
                Class::Give => {
                    let before = self.words_before(h.span.start, 3);
                    let fut = before.iter().take(2).any(|w| future_marker(w));
                    let neg = before.iter().take(2).any(|w| ["not", "never", "n't", "n’t"].contains(&w.as_str()));
                    let neg = neg || before.iter().take(2).any(|w| w.starts_with("won") || w.starts_with("wouldn"));
                    match (fut, neg) {
                        // "the merger would allow …", "steroids will help": a prediction about a thing
                        (true, false) if !self.agent_before_future(h) => None,
                        (true, false) => Some((StatementType::Commitment, 0, WILL_GIVE)),
                        (true, true) => Some((StatementType::Rejection, 0, WILL_NOT_GIVE)),
                        _ => None,
                    }
                }
                Class::Coerce => {
                    // "will impose", "may halt", "plans to expel": an announced coercive act
                    let before = self.words_before(h.span.start, 3);
                    let modal =
                        |w: &str| ["will", "would", "may", "might", "could", "shall", "'ll", "’ll"].contains(&w);
                    let fut = before.first().is_some_and(|w| modal(w))
                        || (before.first().is_some_and(|w| w == "to")
                            && before.get(1).is_some_and(|w| {
                                [
                                    "plans", "plan", "planning", "planned", "intends", "intend", "is", "are", "set",
                                    "ready", "prepared",
                                ]
                                .contains(&w.as_str())
                            }));
                    fut.then_some((StatementType::Threat, 0, WILL_COERCE))
                }
                Class::Noun => {
                    // "issued an ultimatum", "reiterated its demand": the noun is the object of a statement verb
                    let before = self.words_before(h.span.start, 4);
                    // only hits ending within 30 bytes before this one can lead it: a binary search
                    let window = Span::new(h.span.start.saturating_sub(30), h.span.start);
                    let lo =
                        self.hits.partition_point(|g| g.span.start < window.start.saturating_sub(self.max_hit_len));
                    let lead = self.hits[lo..].iter().take_while(|g| g.span.start < h.span.start).any(|g| {
                        g.span.end <= h.span.start
                            && h.span.start - g.span.end < 30
                            && matches!(self.cue(g).class, Class::Speech)
                    });
                    let own = before.iter().any(|w| ["its", "their", "our", "his", "her", "my"].contains(&w.as_str()));
                    (lead && (own || c.kind == StatementType::Threat)).then_some((c.kind, c.strength, c.id.as_str()))
                }
                Class::Cond => (self.word(h).eq_ignore_ascii_case("unless")
                    && (self.has_class(span, Class::Future) || self.has_class(span, Class::Modal)))
                .then_some((StatementType::Threat, 0, UNLESS)),
                _ => None,
            };
            if let Some((kind, strength, rule)) = t {
                out.push(Typed { hit: (*h).clone(), kind, strength, rule });
            }
        }
        let all = out.clone();
        out.retain(|t| !all.iter().any(|u| u.hit.span.contains(&t.hit.span) && u.hit.span.len() > t.hit.span.len()));
        out
    }

    /// The type a statement verb gives: its row's, except "dismissed the offer / the proposal": a
    /// dismissal of something proposed is a rejection, of a claim a denial.
    fn verb_type(&self, h: &Hit) -> (StatementType, u8, &'static str) {
        let c = self.cue(h);
        if c.kind == StatementType::Denial && c.pattern == "dismiss" {
            let proposed = self.words_after(h.span.end, 4).iter().any(|(_, w)| PROPOSED.contains(&w.as_str()));
            if proposed {
                return (StatementType::Rejection, 0, DISMISS_OFFER);
            }
        }
        if c.gate == Gate::Action && !self.act_complement(h, c.kind) {
            return (StatementType::Position, 0, NO_ACT);
        }
        // "sought to temper expectations": an attempt, not a demand; "pushed back against the claims": a
        // rejection of a claim, not a demand (the next word decides)
        let next = self.words_after(h.span.end, 1);
        let next = next.first().map(|(_, w)| w.as_str());
        if (c.pattern == "seek" && next == Some("to"))
            || (c.pattern == "push" && matches!(next, Some("back" | "against")))
        {
            return (StatementType::Position, 0, NOT_A_DEMAND);
        }
        (c.kind, c.strength, c.id.as_str())
    }

    /// Whether the complement of a demand or commitment verb is an act (the lexicon's `action` gate):
    /// a to-infinitive, directly or after an object ("asked workers to sign"); "for"/"on" ("insisted on a
    /// vote"); a clause with a modal of obligation ("suggested that Iran should"), or, for a commitment,
    /// a future ("assured them it will"); a mandative "be" ("insisted that they be freed"). A claim is
    /// not: a clause whose first verb is a finite indicative or a past tense ("insisted that he was",
    /// "she provided"), a question ("asked whether", a question mark before the
    /// sentence ends), words offered ("offered his assessment"). Anything else keeps the verb's type.
    fn act_complement(&self, h: &Hit, kind: StatementType) -> bool {
        let sent = self.sentence(h.span.start);
        if self.text.src.get(h.span.end..sent.end).is_some_and(|rest| rest.contains('?')) {
            return false;
        }
        let after = self.words_after(h.span.end, ACT_COMPLEMENT_WORDS);
        let words: Vec<&str> = after.iter().take_while(|(s, _)| s.start < sent.end).map(|(_, w)| w.as_str()).collect();
        let verb_follows = |i: usize| {
            words.get(i + 1).is_some_and(|w| {
                w.chars().all(char::is_alphabetic)
                    && !wc().is(WordClass::Determiner, w)
                    && !wc().is(WordClass::ObjectPronoun, w)
                    // recipients the word classes do not hold ("suggested to reporters that …")
                    && !["reporters", "me", "us"].contains(w)
            })
        };
        match words.first().copied() {
            Some("for" | "on" | "upon") => return true,
            Some(w) if wc().is(WordClass::QuestionComplement, w) => return false,
            // "agrees with the sentiment"
            Some("with") => return false,
            Some("to") if verb_follows(0) => return true,
            _ => {}
        }
        for (i, w) in words.iter().enumerate() {
            match *w {
                "." | ";" | ":" => break,
                "to" if verb_follows(i) => return true,
                "have" | "has" if words.get(i + 1) == Some(&"to") => return true,
                w if wc().is(WordClass::DeonticModal, w) => return true,
                "will" | "'ll" | "would" | "'d" if kind == StatementType::Commitment => return true,
                "be" => return true,
                w if wc().is(WordClass::FiniteIndicative, w) || w.ends_with("n't") || w == "never" => return false,
                w if i > 0 && w.len() > 4 && w.ends_with("ed") => return false,
                w if kind == StatementType::Commitment && wc().is(WordClass::OfferedWords, w) => return false,
                _ => {}
            }
        }
        true
    }

    fn has_class(&self, span: Span, class: Class) -> bool {
        self.hits_in(span).any(|h| self.cue(h).class == class)
    }

    /// Picks the statement type of a content: a threat construction first, then the first typed cue.
    fn pick(&self, typed: &[Typed]) -> Option<Typed> {
        typed
            .iter()
            .find(|t| t.kind == StatementType::Threat && self.cue(&t.hit).class != Class::Verb)
            .or_else(|| typed.iter().find(|t| t.kind != StatementType::Position))
            .or_else(|| typed.first())
            .cloned()
    }

    fn flags(&self, span: Span, cue: Option<Span>) -> (bool, bool, bool) {
        let whole = cue.map(|c| Span::new(c.start.min(span.start), c.end.max(span.end))).unwrap_or(span);
        let mut cond = false;
        let mut neg = false;
        let mut fut = false;
        for h in self.hits_in(whole) {
            match self.cue(h).class {
                Class::Cond => {
                    let w = self.word(h).to_lowercase();
                    if w == "should" {
                        // "should Moscow decide": inverted condition, not advice
                        let next = self.words_after(h.span.end, 1);
                        cond |= next.first().is_some_and(|(s, _)| self.text.slice(*s).starts_with(char::is_uppercase));
                    } else {
                        cond = true;
                    }
                }
                Class::Future => fut = true,
                _ => {}
            }
        }
        if let Some(c) = cue {
            let before = self.words_before(c.start, 3);
            neg |= before.iter().any(|w| ["not", "never", "n't", "n’t", "no"].contains(&w.as_str()))
                || self.hits_in(c).any(|h| self.cue(h).class == Class::Neg);
            fut |= before.iter().any(|w| ["will", "would", "shall"].contains(&w.as_str()));
        } else {
            neg = self.hits_in(span).any(|h| self.cue(h).class == Class::Neg);
        }
        (cond, neg, fut)
    }

    fn push(&self, out: &mut Vec<Statement>, d: Draft) {
        let Draft { actor, via, typed: t, span, quote, rule, actor_mention } = d;
        let span = trim_span(&self.text.src, span);
        if span.is_empty() {
            return;
        }
        let (kind, strength) = t.map(|t| (t.kind, t.strength)).unwrap_or((StatementType::Position, 0));
        let cue = t.map(|t| t.hit.span);
        let (conditional, negated, future) = self.flags(span, cue);
        let target = t
            .filter(|t| matches!(t.kind, StatementType::Demand | StatementType::Threat | StatementType::Accusation))
            .and_then(|t| {
                // modals ("Russia must …") and accusations inside the content ("NATO ignored …") point
                // back at their subject; other cues forward at their object ("urged Russia to …")
                let accusation_inside = t.kind == StatementType::Accusation && span.contains(&t.hit.span);
                let backward = self.cue(&t.hit).class == Class::Modal || accusation_inside;
                // a passive accusation ("our concerns have been ignored") names no one
                // next_back: the last word without walking the whole text before it
                let before = self.text.src[..t.hit.span.start].split_whitespace().next_back().unwrap_or("");
                if accusation_inside && matches!(before, "been" | "be" | "was" | "were" | "is" | "are" | "being") {
                    None
                } else if backward {
                    // the last mention in [span.start, cue start): with mentions in text order, that range only
                    self.mentions
                        .starting_in(span.start, t.hit.span.start)
                        .rev()
                        .map(MentionId)
                        .find(|&i| {
                            let m = &self.mentions[i];
                            m.span.end <= t.hit.span.start && m.span.start >= span.start
                        })
                        .filter(|&i| self.actor_of(i) != Some(actor))
                        .map(|i| self.actor_name(i))
                } else {
                    // a cue inside the content looks for its target inside the content only
                    let end = if span.contains(&t.hit.span) { span.end } else { span.end.max(t.hit.span.end + 60) };
                    self.target(&t.hit, end, actor)
                }
            });
        out.push(Statement {
            id: StatementId(0),
            actor,
            via: via.filter(|&v| v != actor),
            target,
            kind,
            strength,
            span,
            cue,
            quote,
            conditional,
            negated,
            future,
            rule: rule.id(),
            item: None,
            repeats: Vec::new(),
            actor_mention,
            confidence: 0.0,
        });
    }

    /// One statement per quote with a speaker (or one per list item).
    fn quote_statements(&self, q: &Quote, out: &mut Vec<Statement>) {
        let Some(speaker) = q.speaker else { return };
        let content = q.span;
        let cue_typed: Option<Typed> = q.cue.and_then(|c| {
            self.hits_overlapping(c)
                // verbs and nouns, and criticism as the verb of saying ("took issue with", "lashed out at":
                // a cue-only phrase, or a criticism phrase that is the cue itself)
                .filter(|h| {
                    let c = self.cue(h);
                    matches!(c.class, Class::Verb | Class::Noun | Class::QuoteCue)
                        || (c.class == Class::Phrase && c.kind == StatementType::Accusation)
                })
                // a noun of the lexicon as the cue is a noun only after a determiner or possessive ("his
                // call for …"); "State calls 22 emails 'top secret'" is the verb of naming
                .filter(|h| self.cue(h).class != Class::Noun || self.noun_use(h))
                .max_by_key(|h| h.span.len())
                .map(|h| {
                    let (kind, strength, rule) = self.verb_type(h);
                    Typed { hit: h.clone(), kind, strength, rule }
                })
                .filter(|t| t.kind != StatementType::Position)
                // "“Do you think he should be sued?” she asked": a question, not a request
                .filter(|t| self.cue(&t.hit).gate != Gate::Action || !self.question(content))
        });
        let typed = self.typed_in(content, q.cue);
        let mut actor = speaker;
        // a medium that passed the words on (media relay), unless the speaker reports another's
        let mut via = q.via;
        let actor_mention = q.speaker_mention;
        if let Some(src) = q.reported_source {
            actor = src;
            via = Some(speaker);
        }
        // list items: "our three key requirements concerning A, B, as well as C"
        if let Some(items) = self.list_items(content, &typed) {
            let n = items.len();
            for (k, (sp, t)) in items.into_iter().enumerate() {
                let before = out.len();
                let rule = Rule::of(&t, Path::ListItem);
                let typed = Some(&t);
                self.push(out, Draft { actor, via, typed, span: sp, quote: Some(q.id), rule, actor_mention });
                if let Some(s) = out.get_mut(before) {
                    s.item = Some(k + 1);
                    s.cue = Some(t.hit.span);
                }
                let _ = n;
            }
            return;
        }
        // a direct quote of several sentences: one statement per sentence; a sentence (or an indirect
        // content) joining two claims of different types: one statement per claim
        let sentences = self.sentence_pieces(q);
        let near_sentence = q.cue.map(|c| nearest(&sentences, c));
        let cue_kind = cue_typed.as_ref().map(|t| t.kind);
        // each piece with its typed hits, read once (`None`: the whole content, whose hits are `typed`)
        let mut pieces: Vec<(Span, Option<Vec<Typed>>)> = Vec::new();
        for (i, &p) in sentences.iter().enumerate() {
            let own = (p != content).then(|| self.typed_in(p, q.cue));
            let first = cue_kind.filter(|_| near_sentence == Some(i) && q.cue.is_some_and(|c| c.end <= p.start));
            let claims = self.claim_pieces(p, own.as_deref().unwrap_or(&typed), first);
            if claims.len() == 1 {
                pieces.push((p, own));
            } else {
                pieces.extend(claims.into_iter().map(|c| (c, Some(self.typed_in(c, q.cue)))));
            }
        }
        if pieces.len() > 1 {
            // the cue verb types the sentence next to it ("…,” he warned); the others speak for themselves
            let spans: Vec<Span> = pieces.iter().map(|(p, _)| *p).collect();
            let near_cue = q.cue.map(|c| nearest(&spans, c));
            for (i, (piece, own)) in pieces.into_iter().enumerate() {
                let who = Who { speaker, actor, via, actor_mention };
                let cue = cue_typed.as_ref().filter(|_| near_cue == Some(i));
                self.piece_statement(q, piece, own.as_deref().unwrap_or(&typed), cue, who, out);
            }
            return;
        }
        let who = Who { speaker, actor, via, actor_mention };
        self.piece_statement(q, content, &typed, cue_typed.as_ref(), who, out);
    }

    /// One piece of content (with its typed hits, `typed`) cut into claims: where two typed hits of
    /// different types (not positions) follow each other, before the last
    /// [`WordClass::ClaimCoordinator`] ("and", "but", "while" …) or after the last semicolon between
    /// them, or before the second when it is a participle after a comma (", accusing …"), when both
    /// parts have at least [`MIN_PIECE_WORDS`] words. `first` is the quote cue's type when the cue
    /// types this piece (it opens the first claim). "denied sending troops while accusing Borduria of
    /// provocations" is a denial and an accusation; "is analysing the answers, but our concerns were
    /// ignored" stays one accusation (the part before has no type of its own).
    fn claim_pieces(&self, piece: Span, typed: &[Typed], first: Option<StatementType>) -> Vec<Span> {
        let words = |sp: Span| typer::tokens(self.text.slice(sp)).len();
        let mut out = Vec::new();
        let mut start = piece.start;
        // the type of the claim being read and where its last typed word ends
        let mut current = first.map(|k| (k, piece.start));
        for t in typed.iter().filter(|t| t.kind != StatementType::Position) {
            match current {
                Some((k, end)) if k != t.kind && end <= t.hit.span.start => {
                    let (lo, hi) = (self.text.token_at_or_after(end), self.text.token_at_or_after(t.hit.span.start));
                    // a participle clause of its own after a comma (", accusing Borduria of …")
                    let participle = hi > lo
                        && self.text.slice(self.text.tokens[hi - 1].span) == ","
                        && self.word(&t.hit).ends_with("ing");
                    let cut = participle.then_some(t.hit.span.start).or_else(|| {
                        (lo..hi).rev().find_map(|i| {
                            let tok = self.text.tokens[i];
                            match tok.kind {
                                TokenKind::Word if wc().is(WordClass::ClaimCoordinator, self.text.lower(i)) => {
                                    Some(tok.span.start)
                                }
                                TokenKind::Word => None,
                                _ => (self.text.slice(tok.span) == ";").then_some(tok.span.end),
                            }
                        })
                    });
                    if let Some(c) = cut.filter(|&c| {
                        words(Span::new(start, c)) >= MIN_PIECE_WORDS
                            && words(Span::new(c, piece.end)) >= MIN_PIECE_WORDS
                    }) {
                        out.push(Span::new(start, c));
                        start = c;
                    }
                }
                _ => {}
            }
            current = Some((t.kind, t.hit.span.end));
        }
        out.push(Span::new(start, piece.end));
        out
    }

    /// Direct quote content cut at sentence ends, when it holds several sentences of at least
    /// [`MIN_PIECE_WORDS`] words each (a shorter one joins the piece before it); else the whole content.
    fn sentence_pieces(&self, q: &Quote) -> Vec<Span> {
        let content = q.span;
        if q.kind != QuoteKind::Direct {
            return vec![content];
        }
        let mut pieces: Vec<Span> = Vec::new();
        for s in self.text.sentences.iter().filter(|s| s.overlaps(&content)) {
            let piece = Span::new(s.start.max(content.start), s.end.min(content.end));
            let words = typer::tokens(self.text.slice(piece)).len();
            match pieces.last_mut() {
                Some(last) if words < MIN_PIECE_WORDS => last.end = piece.end,
                _ => pieces.push(piece),
            }
        }
        if pieces.len() > 1 && typer::tokens(self.text.slice(pieces[0])).len() < MIN_PIECE_WORDS {
            let first = pieces.remove(0);
            pieces[0].start = first.start;
        }
        if pieces.len() < 2 {
            return vec![content];
        }
        pieces
    }

    /// The statement of one content (a quote's, or one sentence of it): typed by a content cue, else
    /// the quote's cue, else the learned typer.
    fn piece_statement(
        &self,
        q: &Quote,
        content: Span,
        typed: &[Typed],
        cue_typed: Option<&Typed>,
        who: Who,
        out: &mut Vec<Statement>,
    ) {
        let Who { speaker, mut actor, mut via, mut actor_mention } = who;
        let content_pick = self.pick(typed);
        let (t, rule) = match (cue_typed, &content_pick) {
            (_, Some(c)) if c.kind == StatementType::Threat && self.cue(&c.hit).class != Class::Verb => {
                (Some(c.clone()), Rule::of(c, Path::Content))
            }
            (Some(c), _) => (Some(c.clone()), Rule::of(c, Path::QuoteCue)),
            (None, Some(c)) => (Some(c.clone()), Rule::of(c, Path::Content)),
            (None, None) => (None, Rule { typed_by: None, kind: StatementType::Position, path: Path::Quote }),
        };
        // the learned typer, where the rules found no type: `none` (a fragment, an event report, a
        // question) leaves the quote without a statement; another type it is sure of retypes the position
        let mut model_kind = None;
        // a stance verb with a bare object is a statement ("welcomed the agreement"); a fragment after a
        // verb of saying or no cue is not ("told reporters on Tuesday")
        let stance_cue = q.cue.is_some_and(|c| {
            self.hits_overlapping(c).any(|h| {
                let cue = self.cue(h);
                cue.class == Class::Verb && !wc().is(WordClass::GenericSpeech, &cue.pattern)
            })
        });
        if rule.path == Path::Quote && !stance_cue && self.fragment(content) {
            return;
        }
        // a record, poll or document: facts, not a stance
        if rule.kind == StatementType::Position && self.no_position_source(q) {
            return;
        }
        if rule.kind == StatementType::Position {
            let v = self.model_verdict(q, content);
            if v.p >= MODEL_MIN_P {
                match v.label {
                    None => return,
                    // a question asks no act of anyone ("Should he be sued?")
                    Some(StatementType::Demand) if self.question(content) => {}
                    Some(k) if k != StatementType::Position => model_kind = Some(k),
                    _ => {}
                }
            }
        }
        let (t, mut rule) = match model_kind {
            Some(k) => {
                let keep = t.filter(|t| t.kind == k);
                let r = Rule { typed_by: Some(MODEL), kind: k, path: Path::Model };
                (keep, r)
            }
            None => (t, rule),
        };
        let mut span = content;
        if let Some(t) = &t {
            if content.contains(&t.hit.span) && q.reported_source.is_none() {
                // nested attribution: a statement verb opening the quote, its subject just before the mark
                // ("And Blinken also “urged …,” Price said"), or a named subject inside indirect content
                if let Some((m, nested)) = self.nested_subject(q, &t.hit) {
                    if let Some(a) = self.actor_of(m).filter(|&a| a != speaker) {
                        actor = a;
                        via = Some(speaker);
                        actor_mention = Some(self.mentions[m].span);
                        rule = Rule::of(t, nested);
                    }
                }
            }
            // a mixed quote: the statement is the quoted fragment that carries the cue
            if q.kind == QuoteKind::Mixed {
                if let Some(r) = self.quoted_region_of(t.hit.span).filter(|r| content.contains(r)) {
                    span = *r;
                }
            }
        }
        let before = out.len();
        self.push(out, Draft { actor, via, typed: t.as_ref(), span, quote: Some(q.id), rule, actor_mention });
        if t.is_none() && rule.kind != StatementType::Position {
            // typed by the model alone: no cue of the lexicon carries the type
            if let Some(s) = out.get_mut(before) {
                s.kind = rule.kind;
                s.strength = if rule.kind == StatementType::Demand { 2 } else { 0 };
            }
        }
    }

    /// Whether the clause from byte `b` to the end of `content` is a question: the first sentence end
    /// within [`QUESTION_SCAN_CHARS`] characters after `b`, inside the content or (when the content
    /// has none) right after it past closing marks, is a question mark. Text after the content is
    /// another clause ("the council should repair it, a statement said; what else could it do?").
    fn asked_after(&self, b: usize, content: Span) -> bool {
        let end = content.end.max(b);
        let is_end = |c: &char| matches!(c, '.' | '?' | '!');
        match self.text.src[b..end].chars().take(QUESTION_SCAN_CHARS).find(is_end) {
            Some(c) => c == '?',
            None => self.text.src[end..].trim_start_matches(closing).starts_with('?'),
        }
    }

    /// Whether a quote's source states no position ([`sources`]): its source mention names a record,
    /// poll or document, and its speaker is no person whose name holds none (a person's appositive may
    /// hold a record noun: "Jane Roe, the research director", "Ann Lee, a poll worker"; a capitalised
    /// "Projections" taken for a person's name is still a record).
    fn no_position_source(&self, q: &Quote) -> bool {
        let person = q
            .speaker
            .and_then(|a| self.actors.list.get(a.0))
            .is_some_and(|a| a.kind == ActorKind::Person && !sources::is_record(&a.name));
        !person && sources::is_record(q.speaker_mention.map_or("", |s| self.text.slice(s)))
    }

    /// Whether a content is a question: its last character before closing marks is a question mark.
    fn question(&self, content: Span) -> bool {
        self.text.slice(content).trim_end().trim_end_matches(closing).ends_with('?')
    }

    /// A short content outside quotation marks with no word of a clause ("reporters on Tuesday",
    /// "the armed Serbs", "televised speech"): a fragment, not a stated position (typed-polnear's `none`).
    fn fragment(&self, content: Span) -> bool {
        let src = self.text.slice(content).trim();
        if src.starts_with(|c: char| quote_mark(c).is_some()) {
            return false;
        }
        let words: Vec<String> = typer::tokens(src);
        words.len() <= MAX_FRAGMENT_WORDS && !words.iter().any(|w| CLAUSE_WORDS.contains(&w.as_str()))
    }

    /// The learned typer's verdict on a quote's content (or a sentence of it), with its speaker mention
    /// and cue ([`typer`]).
    fn model_verdict(&self, q: &Quote, content: Span) -> typer::Verdict {
        let slice = |s: Option<Span>| s.map_or("", |s| self.text.slice(s));
        typer::classify(slice(q.speaker_mention), slice(q.cue), self.text.slice(content))
    }

    /// The subject of a statement verb inside a quote when it is not the speaker.
    fn nested_subject(&self, q: &Quote, hit: &Hit) -> Option<(MentionId, Path)> {
        let class = self.cue(hit).class;
        if class == Class::Verb && !self.verb_like(hit) {
            return None;
        }
        let act_phrase = matches!(class, Class::Phrase | Class::Give | Class::Coerce)
            && matches!(
                self.cue(hit).kind,
                StatementType::Commitment | StatementType::Rejection | StatementType::Threat
            );
        if class != Class::Verb && !(q.kind == QuoteKind::Indirect && act_phrase) {
            return None;
        }
        let first = q.fragments.first().copied().unwrap_or(q.span);
        if hit.span.start < first.start {
            return None;
        }
        let lead = self.text.src[first.start..hit.span.start].trim_matches(|c: char| !c.is_alphanumeric());
        let lead_ok =
            lead.split_whitespace().all(|w| wc().is(WordClass::VerbLead, &w.to_lowercase()) || w.ends_with("ly"));
        if q.kind != QuoteKind::Indirect && lead_ok {
            // the mention right before the opening mark: `Blinken also “urged`
            let open = self.text.src[..first.start].trim_end_matches(|c: char| quote_mark(c).is_some());
            let open_at = self.text.src[..open.len()].trim_end().len();
            let sent = self.sentence(first.start);
            let (m, _) =
                self.mentions.iter().rev().find(|(_, m)| m.span.end <= open_at && m.span.start >= sent.start)?;
            let gap = self.text.src[self.mentions[m].span.end..open_at].trim();
            let gap_ok =
                gap.split_whitespace().all(|w| wc().is(WordClass::VerbLead, &w.to_lowercase()) || w.ends_with("ly"));
            return (gap_ok && self.mentions[m].kind != MentionKind::Pronoun).then_some((m, Path::NestedVerb));
        }
        if q.kind == QuoteKind::Indirect {
            let m = self.subject(hit.span, q.span.start, false)?;
            return (self.mentions[m].kind == MentionKind::Name).then_some((m, Path::ReportedAct));
        }
        None
    }

    /// "three key requirements concerning A, B, as well as C" → the items with the noun's type.
    fn list_items(&self, content: Span, typed: &[Typed]) -> Option<Vec<(Span, Typed)>> {
        let noun = self.hits_in(content).find(|h| {
            self.cue(h).class == Class::Noun
                && self.cue(h).kind == StatementType::Demand
                && self
                    .words_after(h.span.end, 1)
                    .first()
                    .is_some_and(|(_, w)| wc().is(WordClass::ListMarker, w) || w == ":")
        })?;
        let _ = typed;
        let before = self.words_before(noun.span.start, 3);
        let count = before.iter().find_map(|w| NUMBERS.iter().find(|(n, _)| n == w).map(|(_, k)| *k));
        let own = before
            .iter()
            .any(|w| ["our", "its", "their", "my", "his", "her", "three", "two", "four", "five"].contains(&w.as_str()));
        if !own {
            return None;
        }
        let marker = self.words_after(noun.span.end, 1)[0].0;
        let body = Span::new(marker.end, content.end);
        let items =
            split_items(&self.text.src, body, count.unwrap_or(self.opts.max_list_items).min(self.opts.max_list_items));
        if items.len() < 2 || count.is_some_and(|c| items.len() != c) {
            return None;
        }
        let c = self.cue(noun);
        let t = Typed { hit: noun.clone(), kind: c.kind, strength: c.strength, rule: c.id.as_str() };
        Some(items.into_iter().map(|s| (s, t.clone())).collect())
    }

    /// Whether `s` lies in a quote with a speaker or overlaps its cue (two binary searches over
    /// [`Ctx::quote_cover`] and [`Ctx::cue_cover`], not a scan of every quote per hit).
    fn inside_quote(&self, s: Span) -> bool {
        // some quote with start <= s.start reaches s.end
        let i = self.quote_cover.partition_point(|&(st, _)| st <= s.start);
        let in_span = i > 0 && self.quote_cover[i - 1].1 >= s.end;
        // some cue with start < s.end ends after s.start
        let j = self.cue_cover.partition_point(|&(st, _)| st < s.end);
        in_span || (j > 0 && self.cue_cover[j - 1].1 > s.start)
    }

    /// Reported acts outside quotes: "Morawiecki …, promising to deliver", "something Russia has denied".
    fn act_statements(&self, out: &mut Vec<Statement>) {
        let mut covered: Vec<Span> = Vec::new();
        for h in &self.hits {
            if covered.iter().any(|c| c.contains(&h.span)) {
                continue;
            }
            // inside a quote only "…, something Russia has denied" is an act of its own
            if (self.inside_quote(h.span) || self.in_quoted(h.span)) && self.relative_object(h).is_none() {
                continue;
            }
            let c = self.cue(h);
            let sent = self.sentence(h.span.start);
            let clause_end = clause_end(&self.text.src, sent, h.span.end);
            let whole = Span::new(h.span.start, clause_end);
            let typed = match c.class {
                Class::Verb | Class::Give | Class::Coerce | Class::Noun => {
                    self.typed_in(whole, None).into_iter().find(|t| t.hit == *h)
                }
                // phrases that describe an act ("is ready to", "will not accept"); the others only type a content
                Class::Phrase
                    if matches!(
                        c.kind,
                        StatementType::Commitment | StatementType::Rejection | StatementType::Threat
                    ) =>
                {
                    self.typed_in(whole, None).into_iter().find(|t| t.hit == *h)
                }
                Class::Speech => {
                    // "issued an ultimatum to Ecuador", "reiterated its demand that Israel …"
                    let after = Span::new(h.span.end, clause_end);
                    self.typed_in(after, None)
                        .into_iter()
                        .find(|t| self.cue(&t.hit).class == Class::Noun && t.hit.span.start - h.span.end < 30)
                }
                Class::Modal => self.that_modal(h, sent),
                _ => None,
            };
            let Some(mut t) = typed else { continue };
            // a passive ("was asked to speak", "is recommended as"): its subject is not who acts
            if c.class == Class::Verb && self.passive(h) {
                continue;
            }
            let after_words = self.words_after(h.span.end, 1);
            let that = after_words.first().is_some_and(|(_, w)| w == "that");
            let clause_follows =
                after_words.first().is_some_and(|(sp, _)| self.mentions.starting_at(sp.start).is_some());
            let generic = c.class == Class::Verb && wc().is(WordClass::GenericSpeech, &c.pattern);
            let participle = self.word(h).to_lowercase().ends_with("ing")
                && self
                    .words_before(h.span.start, 1)
                    .first()
                    .is_some_and(|w| [",", "by", "while", "after"].contains(&w.as_str()));
            if generic && !that && !participle && !clause_follows {
                continue;
            }
            // "… an invasion—something Russia has denied": the act is about the clause before
            let rel = self.relative_object(h);
            let m = if c.class == Class::Modal {
                // "Chirac issued a stern reminder to Iraq that it must …": the main clause's subject
                self.text.src[sent.start..h.span.start]
                    .rfind(" that ")
                    .and_then(|p| self.subject(Span::new(sent.start + p, sent.start + p), sent.start, true))
            } else {
                self.subject(h.span, sent.start, participle)
            };
            let Some(m) = m else { continue };
            let Some(actor) = self.actor_of(m) else { continue };
            let (span, rule) = if let Some(obj) = rel {
                (Span::new(obj, h.span.end), Rule::of(&t, Path::SomethingVerbed))
            } else if c.class == Class::Modal {
                let that_at = self.text.src[sent.start..h.span.start]
                    .rfind(" that ")
                    .map(|p| sent.start + p + 6)
                    .unwrap_or(h.span.start);
                let rule = Rule { typed_by: Some(THAT_MUST), kind: StatementType::Demand, path: Path::Act };
                (Span::new(that_at, clause_end), rule)
            } else if c.class == Class::Verb
                && matches!(t.kind, StatementType::Position | StatementType::Accusation | StatementType::Denial)
            {
                // a claim: the content is what follows the verb ("asserted that Moscow is plotting …")
                let start =
                    after_words.first().map(|(s, w)| if w == "that" { s.end } else { s.start }).unwrap_or(h.span.end);
                (Span::new(start, clause_end), Rule::of(&t, Path::Act))
            } else {
                (Span::new(h.span.start, clause_end), Rule::of(&t, Path::Act))
            };
            // a verb of saying whose content carries a stronger type ("by claiming the US … have ignored …")
            if generic && rel.is_none() {
                if let Some(u) =
                    self.pick(&self.typed_in(span, Some(h.span))).filter(|u| u.kind != StatementType::Position)
                {
                    t = Typed { hit: t.hit.clone(), kind: u.kind, strength: u.strength, rule: u.rule };
                }
            }
            covered.push(Span::new(h.span.start.min(span.start), span.end.max(h.span.end)));
            let actor_mention = Some(self.mentions[m].span);
            self.push(out, Draft { actor, via: None, typed: Some(&t), span, quote: None, rule, actor_mention });
        }
    }

    /// Whether a one-word noun hit is used as a noun: a determiner, possessive or adjective-like word
    /// before it ("a call", "his calls", "repeated calls"), not a subject ("State calls …").
    fn noun_use(&self, h: &Hit) -> bool {
        // a phrase of the noun class ("critical of", "lashed out at") is no bare noun
        if self.text.slice(h.span).contains(char::is_whitespace) {
            return true;
        }
        self.words_before(h.span.start, 1).first().is_some_and(|w| {
            wc().is(WordClass::Determiner, w)
                || wc().is(WordClass::Possessive, w)
                || ["repeated", "renewed", "new", "urgent", "growing", "fresh", "latest"].contains(&w.as_str())
        })
    }

    /// Whether a verb hit is a passive participle: a form of "be" or "get" just before it, or before
    /// an adverb before it ("was repeatedly asked").
    fn passive(&self, h: &Hit) -> bool {
        let w = self.word(h).to_lowercase();
        if !w.ends_with("ed") && !IRREGULAR_PASSIVE.contains(&w.as_str()) {
            return false;
        }
        let before = self.words_before(h.span.start, 2);
        let aux = |w: &String| wc().is(WordClass::Be, w) || ["get", "gets", "got", "getting"].contains(&w.as_str());
        before.first().is_some_and(aux)
            || (before.first().is_some_and(|w| w.ends_with("ly")) && before.get(1).is_some_and(aux))
    }

    /// Demands named as a noun and listed in the next sentence: "The rebels repeated their conditions
    /// for a ceasefire. They include A, B, C and D." → four demands of the rebels.
    fn next_sentence_lists(&self, out: &mut Vec<Statement>) {
        for i in 1..self.text.sentences.len() {
            let (prev, sent) = (self.text.sentences[i - 1], self.text.sentences[i]);
            let head = self.words_after(sent.start, 3);
            let Some(opener_end) = LIST_OPENERS.iter().find_map(|o| {
                let ws: Vec<&str> = o.split(' ').collect();
                (head.len() >= ws.len() && head.iter().zip(&ws).all(|((_, w), o)| w == o))
                    .then(|| head[ws.len() - 1].0.end)
            }) else {
                continue;
            };
            // the demand noun of the sentence before, owned by its subject ("their conditions")
            let noun = self.hits_in(prev).find(|h| {
                let c = self.cue(h);
                c.class == Class::Noun
                    && c.kind == StatementType::Demand
                    && self
                        .words_before(h.span.start, 3)
                        .iter()
                        .any(|w| ["their", "its", "his", "her", "our"].contains(&w.as_str()))
            });
            let Some(noun) = noun else { continue };
            let Some(mut m) = self.subject(noun.span, prev.start, false) else { continue };
            if self.mentions[m].kind == MentionKind::Pronoun {
                // "Berg repeated her conditions": the owner is the subject before the possessive
                let at = Span::new(self.mentions[m].span.start, self.mentions[m].span.start);
                match self.subject(at, prev.start, false) {
                    Some(n) if self.mentions[n].kind != MentionKind::Pronoun => m = n,
                    _ => continue,
                }
            }
            let Some(actor) = self.actor_of(m) else { continue };
            let body = Span::new(opener_end, clause_end(&self.text.src, sent, opener_end));
            let mut items = split_items(&self.text.src, body, self.opts.max_list_items);
            // "A, B, C and D": the last item holds the final pair
            if items.len() >= 2 {
                let last = items[items.len() - 1];
                let t = self.text.slice(last);
                if let Some(p) = t.find(" and ").filter(|_| t.matches(" and ").count() == 1) {
                    items.pop();
                    items.push(Span::new(last.start, last.start + p));
                    items.push(trim_span(&self.text.src, Span::new(last.start + p + 5, last.end)));
                }
            }
            if items.len() < 2 {
                continue;
            }
            let c = self.cue(noun);
            let t = Typed { hit: noun.clone(), kind: c.kind, strength: c.strength, rule: c.id.as_str() };
            let rule = Rule::of(&t, Path::ListNext);
            let actor_mention = Some(self.mentions[m].span);
            // the items replace the statement that only named them ("repeated her conditions")
            out.retain(|s| !(s.actor == actor && s.item.is_none() && s.cue == Some(noun.span)));
            for (k, sp) in items.into_iter().take(self.opts.max_list_items).enumerate() {
                let before = out.len();
                self.push(out, Draft { actor, via: None, typed: Some(&t), span: sp, quote: None, rule, actor_mention });
                if let Some(s) = out.get_mut(before) {
                    s.item = Some(k + 1);
                }
            }
        }
    }

    /// "… a stern reminder to Iraq that it must cooperate": a `must` in a that-clause of the narration.
    fn that_modal(&self, h: &Hit, sent: Span) -> Option<Typed> {
        let lead = &self.text.src[sent.start..h.span.start];
        lead.contains(" that ").then_some(())?;
        let c = self.cue(h);
        let subj = self.words_before(h.span.start, 1);
        if subj.first().is_some_and(|w| ["we", "i", "you"].contains(&w.as_str())) {
            return None;
        }
        Some(Typed { hit: h.clone(), kind: c.kind, strength: c.strength, rule: c.id.as_str() })
    }

    /// For "X, something Russia has denied" / "X, which Russia denied": where the clause X starts.
    fn relative_object(&self, h: &Hit) -> Option<usize> {
        let sent = self.sentence(h.span.start);
        let before = &self.text.src[sent.start..h.span.start];
        let lower = before.to_ascii_lowercase();
        for key in ["something", "which", "a claim", "claims", "an allegation", "allegations"] {
            if let Some(p) = lower.rfind(key) {
                let lead = before[..p].trim_end();
                if lead.ends_with([',', '—', '–', '-']) && h.span.start - (sent.start + p) < 40 {
                    // the clause: back to the last verb-of-saying complement or the sentence start
                    let clause = &before[..lead.len() - lead.chars().next_back().map_or(0, char::len_utf8)];
                    let start = clause.rfind(" that ").map(|i| i + 6).unwrap_or(0);
                    return Some(sent.start + start);
                }
            }
        }
        None
    }
}

/// The end of the clause a cue at `from` opens: the sentence end, before a trailing attribution
/// (", a state-owned Egyptian newspaper said") or a dash aside.
fn clause_end(src: &str, sent: Span, from: usize) -> usize {
    let s = &src[from.min(sent.end)..sent.end];
    let mut end = s.trim_end().trim_end_matches(['.', '!', '?', '”', '"', '’']).len();
    if let Some(p) = s[..end].find(['—', '–']) {
        end = s[..p].trim_end().len();
    }
    if let Some(p) = s[..end].rfind(", ") {
        let tail = s[p + 2..end].to_lowercase();
        let words = tail.split_whitespace().count();
        if words <= 10
            && (tail.ends_with(" said")
                || tail.contains(" said ")
                || tail.ends_with(" reported")
                || tail.starts_with("according to"))
        {
            end = p;
        }
    }
    from + end
}

/// Trims spaces, commas and unmatched quotation marks from both ends of a span.
fn trim_span(src: &str, s: Span) -> Span {
    if s.start >= s.end || s.end > src.len() {
        return Span::new(s.start, s.start);
    }
    let t = &src[s.start..s.end];
    let lead = t.len() - t.trim_start_matches(|c: char| c.is_whitespace() || c == ',').len();
    let body = &t[lead..];
    let tail = body.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';');
    Span::new(s.start + lead, s.start + lead + tail.len())
}

/// Splits "A, B, as well as C, when …" into A, B, C (at most `max`).
fn split_items(src: &str, body: Span, max: usize) -> Vec<Span> {
    let text = &src[body.start..body.end];
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (start, end) in `text`
    let mut start = 0;
    let seps = [", as well as ", ", and ", ", or ", " as well as ", " and also ", "; ", ", "];
    let mut i = 0;
    while i < text.len() {
        if let Some(sep) = seps.iter().find(|s| text[i..].starts_with(**s)) {
            cuts.push((start, i));
            i += sep.len();
            start = i;
            continue;
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    cuts.push((start, text.len()));
    let mut out = Vec::new();
    for (a, b) in cuts {
        let piece = text[a..b].trim();
        let first = piece.split_whitespace().next().unwrap_or("").to_lowercase();
        if wc().is(WordClass::ListClauseStart, &first) {
            break;
        }
        let lead = text[a..b].len() - text[a..b].trim_start().len();
        let s = trim_span(src, Span::new(body.start + a + lead, body.start + b));
        let s = Span::new(
            s.start,
            s.start
                + src[s.start..s.end].trim_end_matches(|c: char| quote_mark(c).is_some() || c == '.' || c == ',').len(),
        );
        if !s.is_empty() {
            out.push(s);
        }
        if out.len() == max {
            break;
        }
    }
    out
}

/// Merges repeated statements: same actor, same type, overlapping spans or the same words. The
/// later one's span goes to `repeats`. A position that overlaps a typed statement of the same actor
/// is dropped.
/// Statement indices by actor and span start, for [`merge`]'s look-back: per actor a B-tree of
/// start → slot in `lists` (a map of `usize` to `usize`, the type the quote stage's span set uses, so
/// that the WASM module carries one B-tree instantiation less than with the lists as values).
#[derive(Default)]
struct ByStart {
    trees: HashMap<ActorId, BTreeMap<usize, usize>>,
    lists: Vec<Vec<usize>>,
}

impl ByStart {
    fn push(&mut self, actor: ActorId, start: usize, k: usize) {
        let lists = &mut self.lists;
        let slot = *self.trees.entry(actor).or_default().entry(start).or_insert_with(|| {
            lists.push(Vec::new());
            lists.len() - 1
        });
        lists[slot].push(k);
    }
    fn remove(&mut self, actor: ActorId, start: usize, k: usize) {
        if let Some(&slot) = self.trees.get(&actor).and_then(|t| t.get(&start)) {
            self.lists[slot].retain(|&x| x != k);
        }
    }
    /// Appends the indices of `actor`'s statements starting in `range`, by start, to `out`.
    fn extend_from_range(&self, actor: ActorId, range: std::ops::Range<usize>, out: &mut Vec<usize>) {
        if let Some(tree) = self.trees.get(&actor) {
            for (_, &slot) in tree.range(range) {
                out.extend_from_slice(&self.lists[slot]);
            }
        }
    }
}

fn merge(text: &Text, list: Vec<Statement>) -> Vec<Statement> {
    let norm = |s: &Statement| -> String {
        text.slice(s.span)
            .chars()
            .filter(|c| c.is_alphanumeric() || c.is_whitespace())
            .collect::<String>()
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Each statement is compared only with the earlier ones that can merge with it: the same actor
    // and either the same normal form (a hash lookup) or an overlapping span (an ordered index by
    // start, looking back at most the longest span indexed for that actor). Every other pair falls
    // through all three rules below, so the result is the one of comparing all pairs, in linear time.
    let mut out: Vec<Statement> = Vec::new();
    let mut norms: Vec<String> = Vec::new();
    let mut by_norm: HashMap<(ActorId, String), Vec<usize>> = HashMap::new();
    let mut by_start = ByStart::default();
    let mut longest: HashMap<ActorId, usize> = HashMap::new();
    fn index(
        k: usize,
        s: &Statement,
        ns: &str,
        by_norm: &mut HashMap<(ActorId, String), Vec<usize>>,
        by_start: &mut ByStart,
        longest: &mut HashMap<ActorId, usize>,
    ) {
        by_norm.entry((s.actor, ns.to_string())).or_default().push(k);
        by_start.push(s.actor, s.span.start, k);
        let l = longest.entry(s.actor).or_default();
        *l = (*l).max(s.span.len());
    }
    fn unindex(
        k: usize,
        s: &Statement,
        ns: &str,
        by_norm: &mut HashMap<(ActorId, String), Vec<usize>>,
        by_start: &mut ByStart,
    ) {
        if let Some(v) = by_norm.get_mut(&(s.actor, ns.to_string())) {
            v.retain(|&x| x != k);
        }
        by_start.remove(s.actor, s.span.start, k);
    }
    'next: for s in list {
        let ns = norm(&s);
        if s.item.is_none() {
            let mut cand: Vec<usize> = by_norm.get(&(s.actor, ns.clone())).cloned().unwrap_or_default();
            let lo = s.span.start.saturating_sub(longest.get(&s.actor).copied().unwrap_or(0));
            by_start.extend_from_range(s.actor, lo..s.span.end.max(lo), &mut cand);
            cand.sort_unstable();
            cand.dedup();
            for k in cand {
                let o = &out[k];
                let overlap = o.span.overlaps(&s.span);
                if o.kind == s.kind && (overlap || norms[k] == ns) {
                    out[k].repeats.push(s.span);
                    continue 'next;
                }
                if overlap && s.kind == StatementType::Position {
                    continue 'next;
                }
                if overlap && o.kind == StatementType::Position {
                    let (old, old_norm) = (out[k].clone(), norms[k].clone());
                    unindex(k, &old, &old_norm, &mut by_norm, &mut by_start);
                    index(k, &s, &ns, &mut by_norm, &mut by_start, &mut longest);
                    out[k] = s;
                    norms[k] = ns;
                    continue 'next;
                }
            }
            index(out.len(), &s, &ns, &mut by_norm, &mut by_start, &mut longest);
        }
        out.push(s);
        norms.push(ns);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidence_backs_off_to_the_path_then_to_all() {
        let t = confidence_table();
        let rate = |k: &str| t.get(k).map(|&(n, r)| (r + 1) as f32 / (n + 2) as f32).unwrap();
        assert!(t.values().all(|&(n, r)| r <= n));
        assert_eq!(confidence("position/quote"), rate("position/quote"));
        // a type and path with fewer than 5 statements, a path with enough
        assert!(t.get("threat/content").is_none_or(|c| c.0 < MIN_CONFIDENCE_N));
        assert_eq!(confidence("threat/pay-price/content"), rate("*/content"));
        // a path with no statements at all: the overall rate
        assert_eq!(confidence("demand/list-item"), rate("*"));
        assert!(confidence("demand/urge/quote-cue") > confidence("position/quote"));
    }

    #[test]
    fn splits_list_items() {
        let s = "A of x, the B, as well as the C of 1997, when it was signed";
        let items: Vec<&str> = split_items(s, Span::new(0, s.len()), 3).iter().map(|sp| &s[sp.start..sp.end]).collect();
        assert_eq!(items, vec!["A of x", "the B", "the C of 1997"]);
    }
}
