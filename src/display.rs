//! The display model: everything the popup, the demo page and the Markdown export show, decided by
//! the core so that the JavaScript only reads it.
//!
//! [`build`] takes a [`Report`] whose spans are still UTF-8 byte offsets (as the pipeline makes it,
//! before [`Report::convert_offsets`]) and gives back a [`Display`]: the header (article, notices,
//! counts), then sides (country or alliance, from [`side_of`]) → actors in prominence order with their
//! colour slot → statements grouped by type in [`StatementType::ALL`] order, enumerations folded into
//! numbered lists → the actor's quotes; then the unattributed quotes and the people only mentioned.
//! What a reader scans first (issue 14) is decided here too: the [`Display::summary`] (sides → actors
//! → statements per type); statements under [`DEFAULT_UNSURE_STATEMENT_BELOW`] and quotes under
//! [`UNSURE_BELOW`] folded apart in an [`UnsureView`] with their measured rate; a quote listed once,
//! as the statement it gave when its speaker holds one; and what each card shows before its "N more"
//! ([`plan_fold`]).
//! [`targets`] gives the highlight targets (text-quote selectors) the content script anchors, and
//! [`view`] gives both. Texts come whitespace-collapsed and whole; cutting long ones is the
//! renderer's business. Strings for the user are i18n message keys (`type_demand`, `kind_direct`).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::report::{Actor, ActorId, Article, QuoteKind, Report, Span, StatementType, TextSource};
use crate::statements::side_of;

/// A quote whose rule is right less often than this on annotated news is shown as unsure.
pub const UNSURE_BELOW: f32 = 0.5;

/// A statement whose type and path are right end to end (span, type and actor) less often than this
/// on annotated diplomacy news (its calibrated `confidence`, `lexicons/statement_confidence.tsv`) is
/// listed apart, in the actor's unsure fold, not among its statements. Chosen on held-out rates
/// (5 folds by document, each fold's statements given the rates counted on the other four; diplomacy
/// dev, 289 statements, 0.63 right): at 0.55 the listed ones are right 0.76 (146), the folded ones
/// 0.50 (143); at 0.5, 0.67 (200) and 0.56 (89); at 0.6, 0.77 (128) and 0.52 (161). Re-check it
/// whenever the rates are regenerated: `scripts/unsure_fold_rates.py` prints this table.
pub const DEFAULT_UNSURE_STATEMENT_BELOW: f32 = 0.55;

/// Statements an actor card shows before its "N more" (dealt round-robin over its type groups, so
/// each type shows one before any shows two).
pub const DEFAULT_CARD_STATEMENTS_SHOWN: usize = 3;

/// Quotes an actor card (and the unattributed list) shows before its "N more".
pub const DEFAULT_CARD_QUOTES_SHOWN: usize = 2;

/// The summary (who is on which side, how many statements of each type) is given when at least this
/// many actors are listed.
pub const DEFAULT_SUMMARY_MIN_ACTORS: usize = 2;

/// UTF-16 code units of context kept on each side of a highlight target (JavaScript string length).
pub const CONTEXT: usize = 32;

/// What the popup and the content script receive: the display model and the highlight targets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct View {
    /// What the popup shows.
    pub display: Display,
    /// What the content script highlights.
    pub targets: Vec<Target>,
}

/// Everything a report view shows, in the order it shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Display {
    /// Version of WhoSaid that produced it.
    pub version: String,
    /// Page metadata for the header.
    pub article: Article,
    /// Where the text came from.
    pub source: Option<TextSource>,
    /// Messages for the user.
    pub notices: Vec<String>,
    /// True when only the beginning of the text was analysed.
    pub truncated: bool,
    /// The header counts.
    pub counts: Counts,
    /// True when at least one side is named (the list is then headed by side).
    pub headed: bool,
    /// Sides in order of their most prominent actor, the side-less group last.
    pub sides: Vec<SideView>,
    /// Quotes with no speaker, in text order (the unsure ones are in `unattributed_unsure`).
    pub unattributed: Vec<QuoteView>,
    /// Unattributed quotes shown before the list's "N more".
    pub unattributed_shown: usize,
    /// Unattributed quotes whose rule is right less than [`UNSURE_BELOW`] of the time.
    pub unattributed_unsure: Option<UnsureView>,
    /// Names of the actors only mentioned (not quoted, holding no statement), in report order.
    pub mentioned: Vec<String>,
    /// The statement types present, in display order (for the type filter).
    pub types: Vec<TypeLabel>,
    /// The first-screen summary: sides → actors → statements per type (empty when fewer than
    /// [`DEFAULT_SUMMARY_MIN_ACTORS`] actors are listed).
    pub summary: Vec<SummarySide>,
}

/// The header counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Attributed quotes (with or without a speaker).
    pub quotes: usize,
    /// Typed statements.
    pub statements: usize,
    /// Actors who are quoted or hold a statement.
    pub speaking_actors: usize,
}

/// A statement type and its message key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeLabel {
    /// The type.
    #[serde(rename = "type")]
    pub kind: StatementType,
    /// Its i18n message key (`type_demand`).
    pub label: String,
}

/// One side and its actors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SideView {
    /// The side ("Russia"), or `None` for actors whose side nothing says.
    pub side: Option<String>,
    /// Its actors in prominence order.
    pub actors: Vec<ActorView>,
}

/// One listed actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorView {
    /// Index into the report's actors (the `data-actor` of its items).
    pub id: usize,
    /// Canonical name.
    pub name: String,
    /// Role or title.
    pub role: Option<String>,
    /// Affiliation.
    pub affiliation: Option<String>,
    /// Who the actor speaks as (official, expert, media, private, unknown).
    pub category: crate::report::Category,
    /// The body an official speaks for ("ministry"), when known.
    pub body: Option<String>,
    /// Colour slot: the actor's place in the prominence order of all actors.
    pub slot: usize,
    /// The highlight its heading scrolls to (first mention, else first quote or statement).
    pub key: String,
    /// Its statements by type, types in [`StatementType::ALL`] order (the unsure ones are in `unsure`).
    pub groups: Vec<TypeGroup>,
    /// Its quotes in text order, except those a statement of its own came from (listed once, as
    /// that statement) and the unsure ones.
    pub quotes: Vec<QuoteView>,
    /// Quotes shown before the card's "N more".
    pub quotes_shown: usize,
    /// Statements and quotes behind the card's "N more" (list items counted one by one).
    pub more: usize,
    /// Its unsure statements and quotes, folded apart.
    pub unsure: Option<UnsureView>,
}

/// The statements of one type of one actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TypeGroup {
    /// The type.
    #[serde(rename = "type")]
    pub kind: StatementType,
    /// Its i18n message key (`type_demand`).
    pub label: String,
    /// Number of statements (list items counted one by one).
    pub count: usize,
    /// Statements and folded enumerations, in article order.
    pub entries: Vec<Entry>,
    /// Statements shown before the card's "N more", counted one by one through the entries (a list
    /// may be cut after its first items).
    pub shown: usize,
}

/// One entry of a type group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Entry {
    /// A single statement.
    Statement(StatementView),
    /// A run of enumeration items (item 1, 2, … of the same type), shown as a numbered list.
    List(ListView),
}

/// A folded enumeration ("three key requirements: …").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListView {
    /// The cue text of the first item ("requirements"), when there is one.
    pub cue: Option<String>,
    /// The items, numbered by their `item`.
    pub items: Vec<StatementView>,
}

/// One statement as listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatementView {
    /// Index into the report's statements.
    pub id: usize,
    /// Its highlight key (`s<id>`).
    pub key: String,
    /// The type.
    #[serde(rename = "type")]
    pub kind: StatementType,
    /// The content, whitespace collapsed.
    pub text: String,
    /// Strength of a demand (3 demand, 2 urge, 1 propose); `None` when not shown.
    pub strength: Option<u8>,
    /// Name of whoever reported it, when someone else did.
    pub via: Option<String>,
    /// Whom it is addressed to.
    pub target: Option<String>,
    /// Stated under a condition.
    pub conditional: bool,
    /// Negated.
    pub negated: bool,
    /// About the future.
    pub future: bool,
    /// How many times it was said, when more than once.
    pub times: Option<usize>,
    /// Its number in an enumeration.
    pub item: Option<usize>,
}

/// One quote as listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteView {
    /// Index into the report's quotes.
    pub id: usize,
    /// Its highlight key (`q<id>`).
    pub key: String,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// Its i18n message key (`kind_direct`).
    pub label: String,
    /// The quote, whitespace collapsed.
    pub text: String,
    /// Confidence in percent (rounded).
    pub percent: u32,
    /// True when its rule is right less than [`UNSURE_BELOW`] of the time.
    pub unsure: bool,
    /// The speaker as the text writes it ("the spokesman", "he") when it could not be resolved to an
    /// actor: shown as written and marked unresolved, never replaced by another actor's name.
    #[serde(default)]
    pub said_by: Option<String>,
}

/// Statements and quotes folded apart as unsure, with how often such items are right.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnsureView {
    /// Statements under [`DEFAULT_UNSURE_STATEMENT_BELOW`], in article order.
    pub statements: Vec<StatementView>,
    /// Quotes under [`UNSURE_BELOW`] (not repeating one of `statements`), in text order.
    pub quotes: Vec<QuoteView>,
    /// The measured rate of the folded items: the mean of their calibrated confidences, in percent.
    pub percent: u32,
    /// The same rate in tenths, rounded ("about 4 in 10 of these are right").
    pub tenths: u32,
    /// Shown unfolded: the card (or list) has nothing else to show.
    pub open: bool,
}

/// One side in the first-screen summary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SummarySide {
    /// The side, as in [`SideView::side`].
    pub side: Option<String>,
    /// Its actors, in the order of the cards.
    pub actors: Vec<SummaryActor>,
}

/// One actor in the summary: how many statements of each type, quotes and unsure items.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SummaryActor {
    /// Index into the report's actors (its card's `data-actor`).
    pub id: usize,
    /// Canonical name.
    pub name: String,
    /// Colour slot.
    pub slot: usize,
    /// Statements listed per type (the unsure ones not counted), types in display order.
    pub types: Vec<TypeCount>,
    /// Quotes attributed to the actor (all of them, including those listed as statements).
    pub quotes: usize,
    /// Items in the actor's unsure fold.
    pub unsure: usize,
}

/// A statement type and how many.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeCount {
    /// The type.
    #[serde(rename = "type")]
    pub kind: StatementType,
    /// Its i18n message key (`type_demand`).
    pub label: String,
    /// How many.
    pub count: usize,
}

/// What a highlight is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// A quote fragment.
    Quote,
    /// A mention of a quoted actor.
    Mention,
    /// A statement.
    Statement,
}

/// One highlight target: a text-quote selector (exact text, context, position hint) and its marks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// `q<id>` quotes, `s<id>` statements, `m<actor>.<n>` mentions.
    pub key: String,
    /// What it is.
    pub kind: TargetKind,
    /// Fragment number within a split quote (0 otherwise).
    pub part: usize,
    /// The actor it belongs to, if any.
    pub actor: Option<usize>,
    /// The actor's colour slot, `None` for no actor.
    pub slot: Option<usize>,
    /// The actor is an official (`Actor::official`): what the officials-only option keeps.
    #[serde(default)]
    pub official: bool,
    /// The text to find.
    pub exact: String,
    /// Up to [`CONTEXT`] UTF-16 units of text before it.
    pub prefix: String,
    /// Up to [`CONTEXT`] UTF-16 units of text after it.
    pub suffix: String,
    /// Where it starts, as a fraction of the text length in UTF-16 units.
    pub hint: f64,
    /// What the tooltip says.
    pub tip: Tip,
}

/// The parts of a highlight's tooltip: `who · label item → target · reported by via`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Tip {
    /// The actor described ("Jane Roe (Minister, Ruritania)"); `None` for an unknown speaker.
    pub who: Option<String>,
    /// The i18n key of the quote kind or statement type; `None` for a mention.
    pub label: Option<String>,
    /// Enumeration number.
    pub item: Option<usize>,
    /// Whom it is addressed to.
    pub target: Option<String>,
    /// Who reported it.
    pub via: Option<String>,
}

/// The i18n message key of a statement type (`type_demand`).
pub fn type_label(t: StatementType) -> String {
    format!("type_{}", t.as_str())
}

/// The i18n message key of a quote kind (`kind_direct`).
pub fn kind_label(k: QuoteKind) -> String {
    let s = match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Mixed => "mixed",
    };
    format!("kind_{s}")
}

/// The display model and the highlight targets of `r` (UTF-8 offsets).
pub fn view(r: &Report) -> View {
    View { display: build(r), targets: targets(r) }
}

/// [`view`] under `opts`: with `officials_only` ([`crate::options::DEFAULT_OFFICIALS_ONLY`]), the
/// targets of officials alone.
pub fn view_with(r: &Report, opts: &crate::options::Options) -> View {
    let mut v = view(r);
    if opts.officials_only {
        v.targets.retain(|t| t.official);
    }
    v
}

/// Actor ids by prominence: quoted first, then by number of quotes and statements, then by number of
/// mentions, then by first appearance, then by id.
pub fn ranking(r: &Report) -> Vec<usize> {
    let mut weight = vec![0usize; r.actors.len()];
    for a in r.quotes.iter().filter_map(|q| q.speaker).chain(r.statements.iter().map(|s| s.actor)) {
        if let Some(w) = weight.get_mut(a.index()) {
            *w += 1;
        }
    }
    let mut ids: Vec<usize> = (0..r.actors.len()).collect();
    crate::sort::sort_by_key(&mut ids, |&i| {
        let a = &r.actors[i];
        let first = a.mentions.first().map_or(usize::MAX, |m| m.start);
        (!a.quoted, std::cmp::Reverse(weight[i]), std::cmp::Reverse(a.mentions.len()), first, a.id)
    });
    ids
}

/// Colour slot of each actor (by index into the report's actors).
fn slots(r: &Report) -> Vec<usize> {
    let mut slot = vec![0; r.actors.len()];
    for (i, id) in ranking(r).into_iter().enumerate() {
        slot[id] = i;
    }
    slot
}

/// Whitespace as JavaScript's `\s` counts it.
fn js_space(c: char) -> bool {
    (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}'
}

/// `s` with runs of whitespace as one space, trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(js_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The text of `span` (empty when it is out of bounds or not on character boundaries).
fn slice(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

/// "Name (role, affiliation)", or the name alone.
fn describe(a: &Actor) -> String {
    let extra: Vec<&str> =
        [a.role.as_deref(), a.affiliation.as_deref()].into_iter().flatten().filter(|s| !s.is_empty()).collect();
    if extra.is_empty() {
        a.name.clone()
    } else {
        format!("{} ({})", a.name, extra.join(", "))
    }
}

/// Builds the display model of `r` (spans in UTF-8 byte offsets).
pub fn build(r: &Report) -> Display {
    let rank = ranking(r);
    let mut place = vec![0usize; r.actors.len()];
    for (i, &id) in rank.iter().enumerate() {
        place[id] = i;
    }
    let n = r.actors.len();

    let sides = side_groups(r, &place);
    let headed = sides.iter().any(|g| g.side.is_some());

    let mut listed = vec![false; n];
    let side_views: Vec<SideView> = sides
        .into_iter()
        .filter_map(|Side { side, actors }| {
            let actors: Vec<ActorView> = actors
                .into_iter()
                .filter_map(|(id, sts, qs)| {
                    let v = actor_view(r, id, place[id], &sts, &qs)?;
                    listed[id] = true;
                    Some(v)
                })
                .collect();
            (!actors.is_empty()).then_some(SideView { side, actors })
        })
        .collect();

    let summary = summary(r, &side_views);
    let (unsure_anon, unattributed): (Vec<QuoteView>, Vec<QuoteView>) =
        r.quotes.iter().filter(|q| q.speaker.is_none()).map(|q| quote_view(r, q.id.index())).partition(|q| q.unsure);
    let unattributed_unsure = unsure_view(r, Vec::new(), unsure_anon, unattributed.is_empty());

    let mut speaking = vec![false; n];
    for a in r.quotes.iter().filter_map(|q| q.speaker).chain(r.statements.iter().map(|s| s.actor)) {
        if let Some(x) = speaking.get_mut(a.index()) {
            *x = true;
        }
    }
    Display {
        version: r.version.clone(),
        article: r.article.clone(),
        source: r.source,
        notices: r.notices.clone(),
        truncated: r.truncated,
        counts: Counts {
            quotes: r.quotes.len(),
            statements: r.statements.len(),
            speaking_actors: speaking.iter().filter(|&&x| x).count(),
        },
        headed,
        sides: side_views,
        unattributed_shown: unattributed.len().min(DEFAULT_CARD_QUOTES_SHOWN),
        unattributed,
        unattributed_unsure,
        mentioned: r
            .actors
            .iter()
            .filter(|a| !listed.get(a.id.index()).copied().unwrap_or(false) && !a.mentions.is_empty())
            .map(|a| a.name.clone())
            .collect(),
        types: StatementType::ALL
            .into_iter()
            .filter(|t| r.statements.iter().any(|s| s.kind == *t))
            .map(|t| TypeLabel { kind: t, label: type_label(t) })
            .collect(),
        summary,
    }
}

/// One side while grouping: its actors with their statement ids and quote ids.
struct Side {
    side: Option<String>,
    actors: Vec<(usize, Vec<usize>, Vec<usize>)>,
}

/// Actors by side: the core's grouping of statements ([`Report::sides`]), then the actors it left
/// out (side-less), then the quoted actors who hold no statement, on the side [`side_of`] gives them.
/// Actors in prominence order (`place[id]`), sides in order of their most prominent actor, the
/// side-less group last; empty sides dropped.
fn side_groups(r: &Report, place: &[usize]) -> Vec<Side> {
    let n = r.actors.len();
    let mut sides: Vec<Side> = Vec::new();
    let group = |sides: &mut Vec<Side>, side: Option<String>| -> usize {
        match sides.iter().position(|g| g.side == side) {
            Some(i) => i,
            None => {
                sides.push(Side { side, actors: Vec::new() });
                sides.len() - 1
            }
        }
    };
    let mut seen = vec![false; n];
    for g in &r.sides {
        let gi = group(&mut sides, g.side.clone());
        for a in g.actors.iter().filter(|a| a.actor.index() < n) {
            if !seen[a.actor.index()] {
                seen[a.actor.index()] = true;
                let ids = a.statements.iter().map(|s| s.index()).collect();
                sides[gi].actors.push((a.actor.index(), ids, Vec::new()));
            }
        }
    }
    for s in r.statements.iter().filter(|s| s.actor.index() < n) {
        if !seen[s.actor.index()] {
            seen[s.actor.index()] = true;
            let ids = r.statements.iter().filter(|x| x.actor == s.actor).map(|x| x.id.index()).collect();
            let gi = group(&mut sides, None);
            sides[gi].actors.push((s.actor.index(), ids, Vec::new()));
        }
    }
    let mut quotes_of: HashMap<usize, Vec<usize>> = HashMap::new();
    for q in &r.quotes {
        if let Some(a) = q.speaker.map(|a| a.index()).filter(|&a| a < n) {
            quotes_of.entry(a).or_default().push(q.id.index());
            if !seen[a] {
                seen[a] = true;
                let gi = group(&mut sides, side_of(&r.actors[a]));
                sides[gi].actors.push((a, Vec::new(), Vec::new()));
            }
        }
    }
    for g in &mut sides {
        for a in &mut g.actors {
            a.2 = quotes_of.remove(&a.0).unwrap_or_default();
        }
        crate::sort::sort_by_key(&mut g.actors, |a| place[a.0]);
    }
    sides.retain(|g| !g.actors.is_empty());
    // the side-less group last; a named side by its most prominent actor
    crate::sort::sort_by_key(&mut sides, |g| if g.side.is_none() { usize::MAX } else { place[g.actors[0].0] });
    sides
}

/// One actor with its statements (ids) and quotes (ids); `None` when it has neither. Statements under
/// [`DEFAULT_UNSURE_STATEMENT_BELOW`] and quotes under [`UNSURE_BELOW`] go to its unsure fold; a quote
/// one of its statements came from is not listed again as a quote; [`plan_fold`] decides what shows
/// before "N more".
fn actor_view(r: &Report, id: usize, slot: usize, statements: &[usize], quotes: &[usize]) -> Option<ActorView> {
    let actor = &r.actors[id];
    let sts: Vec<usize> = statements.iter().copied().filter(|&s| s < r.statements.len()).collect();
    let qs: Vec<usize> = quotes.iter().copied().filter(|&q| q < r.quotes.len()).collect();
    if sts.is_empty() && qs.is_empty() {
        return None;
    }
    let key = if actor.quoted && !actor.mentions.is_empty() {
        format!("m{id}.0")
    } else if let Some(q) = qs.first() {
        format!("q{q}")
    } else {
        format!("s{}", sts[0])
    };
    let (sure, unsure_sts): (Vec<usize>, Vec<usize>) =
        sts.iter().partition(|&&s| r.statements[s].confidence >= DEFAULT_UNSURE_STATEMENT_BELOW);
    let stated = stated_quotes(r, id, &sts);
    let (unsure_qs, sure_qs): (Vec<QuoteView>, Vec<QuoteView>) =
        qs.into_iter().filter(|q| !stated.contains(q)).map(|q| quote_view(r, q)).partition(|q| q.unsure);
    let mut groups: Vec<TypeGroup> = StatementType::ALL
        .into_iter()
        .filter_map(|t| {
            let of: Vec<usize> = sure.iter().copied().filter(|&s| r.statements[s].kind == t).collect();
            (!of.is_empty()).then(|| TypeGroup {
                kind: t,
                label: type_label(t),
                count: of.len(),
                entries: fold(r, &of),
                shown: 0,
            })
        })
        .collect();
    let (quotes_shown, more) = plan_fold(&mut groups, sure_qs.len());
    let alone = groups.is_empty() && sure_qs.is_empty();
    Some(ActorView {
        id,
        name: actor.name.clone(),
        role: actor.role.clone(),
        affiliation: actor.affiliation.clone(),
        category: actor.category,
        body: actor.body.clone(),
        slot,
        key,
        groups,
        quotes: sure_qs,
        quotes_shown,
        more,
        unsure: unsure_view(r, unsure_sts.iter().map(|&s| statement_view(r, s)).collect(), unsure_qs, alone),
    })
}

/// The quotes of actor `id` that one of its statements `sts` came from: each is listed once, as the
/// statement (a statement of another actor, reported in `id`'s quote, leaves the quote listed).
fn stated_quotes(r: &Report, id: usize, sts: &[usize]) -> std::collections::HashSet<usize> {
    sts.iter()
        .filter_map(|&s| r.statements[s].quote)
        .map(|q| q.index())
        .filter(|&q| r.quotes.get(q).is_some_and(|x| x.speaker.map(ActorId::index) == Some(id)))
        .collect()
}

/// Decides what a card shows before its "N more": [`DEFAULT_CARD_STATEMENTS_SHOWN`] statements dealt
/// round-robin over the type groups (each group's `shown`), then up to [`DEFAULT_CARD_QUOTES_SHOWN`]
/// of its `quotes` quotes. Returns the quotes shown and the number of items folded.
pub fn plan_fold(groups: &mut [TypeGroup], quotes: usize) -> (usize, usize) {
    for g in groups.iter_mut() {
        g.shown = 0;
    }
    let mut left = DEFAULT_CARD_STATEMENTS_SHOWN;
    while left > 0 {
        let mut dealt = false;
        for g in groups.iter_mut().filter(|g| g.shown < g.count) {
            if left == 0 {
                break;
            }
            g.shown += 1;
            left -= 1;
            dealt = true;
        }
        if !dealt {
            break;
        }
    }
    let quotes_shown = quotes.min(DEFAULT_CARD_QUOTES_SHOWN);
    let more = groups.iter().map(|g| g.count - g.shown).sum::<usize>() + quotes - quotes_shown;
    (quotes_shown, more)
}

/// The unsure fold of `statements` and `quotes`, with their mean calibrated confidence, open when it
/// is `alone` in its card; `None` when both are empty.
fn unsure_view(r: &Report, statements: Vec<StatementView>, quotes: Vec<QuoteView>, alone: bool) -> Option<UnsureView> {
    let rates: Vec<f64> = statements
        .iter()
        .filter_map(|s| r.statements.get(s.id))
        .map(|s| f64::from(s.confidence))
        .chain(quotes.iter().filter_map(|q| r.quotes.get(q.id)).map(|q| f64::from(q.confidence)))
        .collect();
    if rates.is_empty() {
        return None;
    }
    let mean = (rates.iter().sum::<f64>() / rates.len() as f64).clamp(0.0, 1.0);
    Some(UnsureView {
        statements,
        quotes,
        percent: (mean * 100.0).round() as u32,
        tenths: (mean * 10.0).round() as u32,
        open: alone,
    })
}

/// The first-screen summary of the listed sides: per actor, its listed statements per type, its
/// quotes and its unsure items; empty below [`DEFAULT_SUMMARY_MIN_ACTORS`] actors.
fn summary(r: &Report, sides: &[SideView]) -> Vec<SummarySide> {
    if sides.iter().map(|s| s.actors.len()).sum::<usize>() < DEFAULT_SUMMARY_MIN_ACTORS {
        return Vec::new();
    }
    sides
        .iter()
        .map(|s| SummarySide {
            side: s.side.clone(),
            actors: s
                .actors
                .iter()
                .map(|a| SummaryActor {
                    id: a.id,
                    name: a.name.clone(),
                    slot: a.slot,
                    types: a
                        .groups
                        .iter()
                        .map(|g| TypeCount { kind: g.kind, label: g.label.clone(), count: g.count })
                        .collect(),
                    quotes: r.quotes.iter().filter(|q| q.speaker.map(ActorId::index) == Some(a.id)).count(),
                    unsure: a.unsure.as_ref().map_or(0, |u| u.statements.len() + u.quotes.len()),
                })
                .collect(),
        })
        .collect()
}

/// Statements of one type in display order, runs of enumeration items (1, 2, … with no gap) folded
/// into one list; a run of one stays a statement.
fn fold(r: &Report, ids: &[usize]) -> Vec<Entry> {
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut open = false;
    for &i in ids {
        let s = &r.statements[i];
        let follows = open
            && runs
                .last()
                .and_then(|run| run.last())
                .and_then(|&p| r.statements[p].item)
                .zip(s.item)
                .is_some_and(|(p, n)| n == p + 1);
        if follows {
            runs.last_mut().expect("open run").push(i);
        } else {
            runs.push(vec![i]);
        }
        open = s.item.is_some();
    }
    runs.into_iter()
        .map(|run| {
            if run.len() == 1 {
                Entry::Statement(statement_view(r, run[0]))
            } else {
                let first = &r.statements[run[0]];
                Entry::List(ListView {
                    cue: first.cue.map(|c| collapse(slice(&r.text, c))).filter(|c| !c.is_empty()),
                    items: run.into_iter().map(|i| statement_view(r, i)).collect(),
                })
            }
        })
        .collect()
}

fn statement_view(r: &Report, i: usize) -> StatementView {
    let s = &r.statements[i];
    StatementView {
        id: s.id.index(),
        key: format!("s{}", s.id),
        kind: s.kind,
        text: collapse(slice(&r.text, s.span)),
        strength: (s.kind == StatementType::Demand && (1..=3).contains(&s.strength)).then_some(s.strength),
        via: s.via.and_then(|v| r.actors.get(v.index())).map(|a| a.name.clone()),
        target: s.target.clone().filter(|t| !t.is_empty()),
        conditional: s.conditional,
        negated: s.negated,
        future: s.future,
        times: (!s.repeats.is_empty()).then_some(s.repeats.len() + 1),
        item: s.item,
    }
}

fn quote_view(r: &Report, i: usize) -> QuoteView {
    let q = &r.quotes[i];
    QuoteView {
        id: q.id.index(),
        key: format!("q{}", q.id),
        kind: q.kind,
        label: kind_label(q.kind),
        text: collapse(slice(&r.text, q.span)),
        percent: (f64::from(q.confidence).clamp(0.0, 1.0) * 100.0).round() as u32,
        unsure: q.confidence < UNSURE_BELOW,
        said_by: q
            .speaker_mention
            .filter(|_| q.unresolved && q.speaker.is_none())
            .map(|m| collapse(slice(&r.text, m)))
            .filter(|w| !w.is_empty()),
    }
}

/// Up to [`CONTEXT`] UTF-16 units of `s` from its end (`tail`) or its start.
fn context(s: &str, tail: bool) -> &str {
    let mut units = 0;
    let mut cut = if tail { s.len() } else { 0 };
    let mut step = |c: char| {
        units += c.len_utf16();
        units <= CONTEXT
    };
    if tail {
        for (i, c) in s.char_indices().rev() {
            if !step(c) {
                break;
            }
            cut = i;
        }
        &s[cut..]
    } else {
        for (i, c) in s.char_indices() {
            if !step(c) {
                break;
            }
            cut = i + c.len_utf8();
        }
        &s[..cut]
    }
}

/// The highlight targets of `r` (UTF-8 offsets), in text order: each quote fragment, each mention of
/// a quoted actor, each statement.
pub fn targets(r: &Report) -> Vec<Target> {
    let text = r.text.as_str();
    let slot = slots(r);
    let total16 = text.encode_utf16().count();
    let utf16 = crate::report::OffsetMap::new(text, crate::report::OffsetUnit::Utf16);
    let actor = |a: Option<ActorId>| a.and_then(|a| r.actors.get(a.index()));
    let mut out: Vec<(usize, Target)> = Vec::new();
    let mut push = |key: String, kind, part, who: Option<usize>, span: Span, tip: Tip| {
        if span.end <= span.start || text.get(span.start..span.end).is_none() {
            return;
        }
        let hint = if total16 == 0 { 0.0 } else { utf16.get(span.start) as f64 / total16 as f64 };
        let t = Target {
            key,
            kind,
            part,
            actor: who,
            slot: who.and_then(|a| slot.get(a).copied()),
            official: who.and_then(|a| r.actors.get(a)).is_some_and(|a| a.official),
            exact: text[span.start..span.end].to_string(),
            prefix: context(&text[..span.start], true).to_string(),
            suffix: context(&text[span.end..], false).to_string(),
            hint,
            tip,
        };
        out.push((span.start, t));
    };
    for q in &r.quotes {
        let tip = Tip { who: actor(q.speaker).map(describe), label: Some(kind_label(q.kind)), ..Tip::default() };
        let parts = if q.fragments.is_empty() { std::slice::from_ref(&q.span) } else { &q.fragments[..] };
        for (part, &span) in parts.iter().enumerate() {
            push(
                format!("q{}", q.id),
                TargetKind::Quote,
                part,
                q.speaker.map(ActorId::index).filter(|&a| a < r.actors.len()),
                span,
                tip.clone(),
            );
        }
    }
    // a speaker mention belongs to its quote's speaker: the quote chain may give a pronoun another
    // actor than coreference did ("Peskov said Poroshenko … He said" is Peskov's "He")
    let claimed: std::collections::HashMap<Span, ActorId> =
        r.quotes.iter().filter_map(|q| Some((q.speaker_mention?, q.speaker?))).collect();
    for a in r.actors.iter().filter(|a| a.quoted) {
        let mut spans: Vec<Span> =
            a.mentions.iter().copied().filter(|m| claimed.get(m).is_none_or(|&b| b == a.id)).collect();
        for q in r.quotes.iter().filter(|q| q.speaker == Some(a.id)) {
            if let Some(m) = q.speaker_mention.filter(|m| !spans.contains(m)) {
                spans.push(m);
            }
        }
        crate::sort::sort_by_key(&mut spans, |s| s.start);
        let tip = Tip { who: Some(describe(a)), ..Tip::default() };
        for (i, span) in spans.into_iter().enumerate() {
            push(format!("m{}.{i}", a.id), TargetKind::Mention, 0, Some(a.id.index()), span, tip.clone());
        }
    }
    for s in &r.statements {
        let tip = Tip {
            who: actor(Some(s.actor)).map(describe),
            label: Some(type_label(s.kind)),
            item: s.item,
            target: s.target.clone().filter(|t| !t.is_empty()),
            via: actor(s.via).map(|a| a.name.clone()),
        };
        push(
            format!("s{}", s.id),
            TargetKind::Statement,
            0,
            Some(s.actor.index()).filter(|&a| a < r.actors.len()),
            s.span,
            tip,
        );
    }
    crate::sort::sort_by_key(&mut out, |(start, _)| *start);
    out.into_iter().map(|(_, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_counts_utf16_units_and_keeps_whole_characters() {
        let s = format!("{}abc", "😀".repeat(20));
        assert_eq!(context(&s, false), "😀".repeat(16));
        assert_eq!(context(&s, true), format!("{}abc", "😀".repeat(14)));
        assert_eq!(context("ab", true), "ab");
        assert_eq!(context("", false), "");
    }

    #[test]
    fn whitespace_collapses_as_in_javascript() {
        assert_eq!(collapse("  a\u{a0}\n b\u{feff}c\u{85}d "), "a b c\u{85}d");
    }
}
