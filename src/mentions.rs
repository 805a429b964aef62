//! Mentions: people, organisations, countries, groups, pronouns and role nominals in the text.
//!
//! Takes a segmented [`Text`] and gives back every [`Mention`] in text order. A name mention keeps
//! its titles and affiliation words in its span ("Russian President Vladimir Putin") and separates
//! them into `role` and `affiliation`; the bare name ("Vladimir Putin") is what coreference joins on.
//! Word lists come from `lexicons/` through [`crate::lexicon`]. [`Mentions`] is the document's
//! mention layer: the list with its index by start and end byte, built once.

use crate::lexicon::{lexicon, RoleClass};
use crate::report::{ActorKind, Span};
use crate::text::{Text, TokenKind};

/// A mention: an index into the document's mention list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MentionId(pub usize);

/// The mention layer: every mention in text order, and lookups by where a mention starts or ends.
/// Mentions are disjoint and in text order (the finder walks the tokens once), so their starts and
/// ends are both sorted and each lookup is a binary search.
#[derive(Clone, Debug, Default)]
pub struct Mentions {
    list: Vec<Mention>,
}

impl Mentions {
    /// Wraps `list`, which must be in text order and disjoint (as [`find`] gives it).
    pub fn new(list: Vec<Mention>) -> Mentions {
        debug_assert!(list.windows(2).all(|w| w[0].span.end <= w[1].span.start), "mentions overlap");
        Mentions { list }
    }

    /// Every mention, in text order.
    pub fn all(&self) -> &[Mention] {
        &self.list
    }

    /// The mentions with their ids, in text order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (MentionId, &Mention)> + '_ {
        self.list.iter().enumerate().map(|(i, m)| (MentionId(i), m))
    }

    /// The mention that ends at byte `b`, if any.
    pub fn ending_at(&self, b: usize) -> Option<MentionId> {
        let i = self.list.partition_point(|m| m.span.end < b);
        (i < self.list.len() && self.list[i].span.end == b).then_some(MentionId(i))
    }

    /// The mention that starts at byte `b`, if any.
    pub fn starting_at(&self, b: usize) -> Option<MentionId> {
        let i = self.list.partition_point(|m| m.span.start < b);
        (i < self.list.len() && self.list[i].span.start == b).then_some(MentionId(i))
    }

    /// The ids of the mentions that start in `[from, to]` (bytes), in text order.
    pub fn starting_in(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        self.list.partition_point(|m| m.span.start < from)..self.list.partition_point(|m| m.span.start <= to)
    }
}

impl std::ops::Index<MentionId> for Mentions {
    type Output = Mention;
    fn index(&self, id: MentionId) -> &Mention {
        &self.list[id.0]
    }
}

/// What a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name, possibly with titles ("U.S. State Department spokesman Ned Price").
    Name,
    /// A personal pronoun ("he", "they").
    Pronoun,
    /// A definite role description ("the Russian leader", "the spokesman").
    Nominal,
}

/// One mention of a possible speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The whole mention, titles included.
    pub span: Span,
    /// The name (or pronoun, or role noun) inside it.
    pub head: Span,
    /// Name, pronoun or nominal.
    pub kind: MentionKind,
    /// What it refers to: person, organisation, country or group.
    pub actor_kind: ActorKind,
    /// The name as written without titles ("Vladimir Putin"), the pronoun in lower case, or the role.
    pub name: String,
    /// Title or role words ("President", "spokesman").
    pub role: Option<String>,
    /// Affiliation words resolved through the lexicon ("Russia", "State Department").
    pub affiliation: Option<String>,
    /// 'm', 'f' or '-' (unknown).
    pub gender: char,
    /// Plural ("they", "officials").
    pub plural: bool,
    /// Right after a preposition of place ("in Hong Kong", "across Kosovo"; `locative` in
    /// `lexicons/non_names.tsv`): a sign that a capitalised run is a place, not a person.
    pub locative: bool,
}

const PRONOUNS: &[(&str, char, bool)] = &[
    ("he", 'm', false),
    ("she", 'f', false),
    ("they", '-', true),
    ("we", '-', true),
    ("i", '-', false),
    ("him", 'm', false),
    ("her", 'f', false),
    ("them", '-', true),
];

const NAME_PARTICLES: &[&str] = &["of", "for", "de", "al", "bin", "van", "von", "da"];

const QUANTIFIERS: &[&str] = &["several", "some", "many", "two", "three", "four", "other", "senior", "top", "western"];

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")).unwrap_or(w)
}

/// Finds every mention in `text`.
pub fn find(text: &Text) -> Vec<Mention> {
    let lx = lexicon();
    let toks = &text.tokens;
    let word = |i: usize| -> &str {
        match toks.get(i) {
            Some(t) if t.kind == TokenKind::Word => text.slice(t.span),
            _ => "",
        }
    };
    let sentence_start = |i: usize| -> bool {
        let b = toks[i].span.start;
        text.sentence_of(b).is_some_and(|s| text.sentences[s].start == b)
            || (i > 0
                && matches!(toks[i - 1].kind, TokenKind::Quote(_))
                && text.sentence_of(b).is_some_and(|s| text.sentences[s].start == toks[i - 1].span.start))
    };
    // headlines are title-cased: there a capitalised word is a name only when it is capitalised
    // inside a sentence elsewhere, or known to the lexicons
    let headlines: Vec<Span> = text.paragraphs.iter().copied().filter(|p| is_headline(text, *p)).collect();
    // paragraphs are in text order and disjoint: a binary search, not a scan per token
    let in_headline = |b: usize| {
        let i = headlines.partition_point(|p| p.end <= b);
        headlines.get(i).is_some_and(|p| p.start <= b && b < p.end)
    };
    let mut known_caps: std::collections::HashSet<&str> = std::collections::HashSet::new();
    if !headlines.is_empty() {
        for (k, t) in toks.iter().enumerate() {
            let w = word(k);
            if is_cap(w) && !in_headline(t.span.start) && !sentence_start(k) {
                known_caps.insert(strip_possessive(w));
            }
        }
    }
    let headline_noise = |k: usize| -> bool {
        let w = word(k);
        in_headline(toks[k].span.start)
            && is_cap(w)
            && !known_caps.contains(strip_possessive(w))
            && !lx.nationalities.contains_key(strip_possessive(w))
            && !lx.roles.contains_key(w)
            && !lx.organizations.contains_key(w)
    };
    // words of seven letters or more ending in "-ing" that stand inside a sentence somewhere ("… Schilling
    // told"): one pass over the tokens, made the first time a sentence opens with such a word
    let mid_sentence_ing: std::cell::OnceCell<std::collections::HashSet<&str>> = std::cell::OnceCell::new();
    let ing_inside_a_sentence = |x: &str| {
        mid_sentence_ing
            .get_or_init(|| {
                (0..toks.len())
                    .map(|k| (k, word(k)))
                    .filter(|&(k, w)| w.len() >= 7 && w.ends_with("ing") && !sentence_start(k))
                    .map(|(_, w)| w)
                    .collect()
            })
            .contains(x)
    };
    let spaced = SpacedWords::new(&text.src);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let w = word(i);
        if w.is_empty() {
            i += 1;
            continue;
        }
        // the text's lower-case form where it is the same as `to_lowercase` (ASCII), so that a word
        // costs no allocation
        let lw: std::borrow::Cow<str> =
            if w.is_ascii() { std::borrow::Cow::Borrowed(text.lower(i)) } else { w.to_lowercase().into() };
        // pronouns
        if let Some(&(_, g, pl)) = PRONOUNS.iter().find(|p| p.0 == lw) {
            out.push(Mention {
                span: toks[i].span,
                head: toks[i].span,
                kind: MentionKind::Pronoun,
                actor_kind: if pl { ActorKind::Group } else { ActorKind::Person },
                name: lw.into_owned(),
                role: None,
                affiliation: None,
                gender: g,
                plural: pl,
                locative: false,
            });
            i += 1;
            continue;
        }
        // nominals: "the Russian leader", "the spokesman"
        if lw == "the" {
            let mut j = i + 1;
            let mut aff = None;
            while let Some(c) = lx.nationalities.get(strip_possessive(word(j))) {
                aff = Some(c.clone());
                j += 1;
            }
            let noun = word(j);
            if let Some(r) = lx.roles.get(noun).filter(|r| matches!(r.class, RoleClass::Role | RoleClass::Leader)) {
                if !is_cap(word(j + 1)) {
                    out.push(Mention {
                        span: Span::new(toks[i].span.start, toks[j].span.end),
                        head: toks[j].span,
                        kind: MentionKind::Nominal,
                        actor_kind: ActorKind::Person,
                        name: noun.to_string(),
                        role: Some(noun.to_string()),
                        affiliation: aff,
                        gender: r.gender,
                        plural: false,
                        locative: false,
                    });
                    i = j + 1;
                    continue;
                }
            }
        }
        // a run of capitalised words, lower-case role words and quantifiers: the candidate chunk
        let start = i;
        let mut j = i;
        while j < toks.len() {
            let x = word(j);
            if x.is_empty() {
                // initials: "John F. Kennedy" tokenises "F" then "."
                if j > start
                    && text.slice(toks[j].span) == "."
                    && !toks[j].space_before
                    && word(j - 1).len() == 1
                    && is_cap(word(j + 1))
                {
                    j += 1;
                    continue;
                }
                break;
            }
            let lower_ok = (j == start && QUANTIFIERS.contains(&x.to_lowercase().as_str()))
                || (!is_cap(x) && lx.roles.contains_key(x) && j > start)
                || (!is_cap(x) && lx.roles.get(x).is_some_and(|r| r.class == RoleClass::Group));
            let inner = matches!(x, "of" | "for" | "de" | "al" | "bin" | "van" | "von" | "da")
                && j > start
                && is_cap(word(j + 1));
            if !(is_cap(x) || lower_ok || inner) || headline_noise(j) {
                break;
            }
            if is_cap(x)
                && lx.stop_caps.contains(x)
                && !(j == start && QUANTIFIERS.contains(&x.to_lowercase().as_str()))
            {
                break;
            }
            // adjectives and contractions are no part of a name ("Tehran-based", "We're"); nor is a
            // participle opening a sentence ("Describing Colombia as …")
            // (unless the word is capitalised inside a sentence elsewhere: "Curt Schilling … Schilling told")
            let participle =
                j == start && sentence_start(start) && x.len() >= 7 && x.ends_with("ing") && !ing_inside_a_sentence(x);
            if not_name_word(x) || participle {
                break;
            }
            // a chunk never crosses a line break
            if j > start && text.src[toks[j - 1].span.end..toks[j].span.start].contains('\n') {
                break;
            }
            let possessive = strip_possessive(x).len() != x.len();
            j += 1;
            if possessive {
                break;
            }
            // a plural group noun ends the chunk
            if lx.roles.get(x).is_some_and(|r| r.class == RoleClass::Group) {
                break;
            }
        }
        if j == start {
            i += 1;
            continue;
        }
        // a dateline ("WARSAW (Reuters) -", "KABUL —") names a place, not a speaker; so do a U.S. state
        // and the town before one ("Springfield, Va.", "in Salem, New Hampshire,")
        if is_dateline(text, start, j) || is_region_chunk(text, start, j) || before_region(text, j) {
            i = j;
            continue;
        }
        if let Some(mut m) = parse_chunk(text, start, j, sentence_start(start), &spaced) {
            m.locative = start > 0 && lx.locatives.contains(text.lower(start - 1));
            out.push(m);
        }
        i = j;
    }
    surname_demonyms(text, &mut out);
    out
}

/// "Mark Cuban … Cuban said": a lone demonym that is also the last word of a person's full name in the
/// text is that person's surname, not a country; such mentions become person mentions (name as written).
fn surname_demonyms(text: &Text, out: &mut [Mention]) {
    let surnames: Vec<&str> = out
        .iter()
        .filter(|m| m.actor_kind == ActorKind::Person && m.kind == MentionKind::Name)
        .filter_map(|m| m.name.rsplit_once(' ').map(|(_, last)| last))
        .collect();
    if surnames.is_empty() {
        return;
    }
    let mut change = Vec::new();
    for (k, m) in out.iter().enumerate() {
        let w = strip_possessive(text.slice(m.span));
        if m.actor_kind == ActorKind::Country && m.kind == MentionKind::Name && w != m.name && surnames.contains(&w) {
            change.push((k, w.to_string()));
        }
    }
    for (k, w) in change {
        let m = &mut out[k];
        m.actor_kind = ActorKind::Person;
        m.name = w;
        m.affiliation = None;
    }
}

/// A capitalised word that is no part of a name: an adjective made with a hyphen ("Tehran-based",
/// "Hamas-run", lexicons/non_names.tsv) or a contraction ("We're", "It's").
fn not_name_word(w: &str) -> bool {
    let w = w.replace('’', "'");
    if let Some((_, suffix)) = w.rsplit_once('-') {
        if lexicon().modifier_suffixes.contains(suffix) {
            return true;
        }
    }
    ["'re", "'m", "'ve", "'ll", "'d", "n't"].iter().any(|c| w.ends_with(c))
}

/// The region (`lexicons/non_names.tsv`) that opens `rest`: its length in bytes ("New Hampshire", "Va.").
fn region_at(rest: &str) -> Option<usize> {
    let regions = &lexicon().regions;
    let word =
        |s: &str| s.find(char::is_whitespace).map_or(s, |e| &s[..e]).trim_end_matches([',', ';', ':', ')']).len();
    // the region ending at `n`, as written ("Va.") or without a sentence's period ("Illinois.")
    let known = |n: usize| {
        if regions.contains(&rest[..n]) {
            Some(n)
        } else {
            rest[..n].strip_suffix('.').filter(|w| regions.contains(*w)).map(str::len)
        }
    };
    let one = word(rest);
    // two words apart by one space ("New Hampshire")
    if let Some(next) = rest[one..].strip_prefix(' ') {
        let two = one + 1 + word(next);
        if two > one + 1 {
            if let Some(n) = known(two) {
                return Some(n);
            }
        }
    }
    known(one)
}

/// Tokens `[start, end)` are a region on their own (an abbreviation with its period: "Va.", "N.H.").
fn is_region_chunk(text: &Text, start: usize, end: usize) -> bool {
    let a = text.tokens[start].span.start;
    let b = text.tokens[end - 1].span.end;
    let dot = text.tokens.get(end).is_some_and(|t| t.span.start == b && text.slice(t.span) == ".");
    region_at(&text.src[a..]).is_some_and(|n| n == b - a || (dot && n == b + 1 - a))
}

/// The tokens ending before token `end` are followed by ", <region>" ("Springfield, Va.").
fn before_region(text: &Text, end: usize) -> bool {
    let Some(t) = text.tokens.get(end) else { return false };
    text.slice(t.span) == "," && text.src[t.span.end..].strip_prefix(' ').and_then(region_at).is_some()
}

/// Tokens `[start, end)` are a dateline: upper-case words opening a paragraph, followed by "(", a dash
/// or a comma.
fn is_dateline(text: &Text, start: usize, end: usize) -> bool {
    let toks = &text.tokens;
    let b = toks[start].span.start;
    let upper = (start..end).all(|k| {
        let w = text.slice(toks[k].span);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    });
    let next = toks.get(end).map(|t| text.slice(t.span)).unwrap_or("");
    if !upper || !matches!(next, "(" | "-" | "—" | "–" | ",") {
        return false;
    }
    // paragraphs are in text order: a binary search
    let i = text.paragraphs.partition_point(|p| p.start < b);
    text.paragraphs.get(i).is_some_and(|p| p.start == b)
}

/// Title words that take a capitalised portfolio before them ("Water Minister", "Health Secretary").
const PORTFOLIO_HEADS: &[&str] = &["Minister", "Secretary"];

/// The lower-case words a title-cased headline keeps ("Talks Fail as Rebels Refuse to Meet").
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "by", "with", "as", "from", "vs",
    "via",
];

/// A title-cased paragraph: without a final period, most of its words are capitalised; with one (some
/// sources end the title with a period), every word is capitalised but the small words a title keeps
/// ([`TITLE_SMALL_WORDS`]), so a sentence of names ("Russian President Vladimir Putin met …") is none.
fn is_headline(text: &Text, p: Span) -> bool {
    let s = text.slice(p);
    if s.ends_with(':') || s.len() > 200 {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_alphabetic)).collect();
    let caps = words.iter().filter(|w| is_cap(w)).count();
    if words.len() < 5 || caps * 10 < words.len() * 7 {
        return false;
    }
    !s.ends_with('.')
        || s.ends_with("..")
        || words.iter().all(|w| is_cap(w) || TITLE_SMALL_WORDS.contains(&w.trim_end_matches(['.', ',', ';', ':'])))
}

/// Splits the tokens `[start, end)` into affiliation, role and name parts.
/// The words of a text that stand between two spaces (`" word "`), built on first use: one pass
/// instead of a scan of the whole text per sentence-initial capitalised word.
struct SpacedWords<'a> {
    src: &'a str,
    set: std::cell::OnceCell<std::collections::HashSet<&'a str>>,
}

impl<'a> SpacedWords<'a> {
    fn new(src: &'a str) -> Self {
        SpacedWords { src, set: std::cell::OnceCell::new() }
    }

    /// Whether `src` contains `" {w} "` (`w` without spaces).
    fn contains(&self, w: &str) -> bool {
        let set = self.set.get_or_init(|| {
            // the pieces between two spaces: all but the first and the last of the split
            let pieces: Vec<&str> = self.src.split(' ').collect();
            pieces.get(1..pieces.len().saturating_sub(1)).unwrap_or_default().iter().copied().collect()
        });
        set.contains(w)
    }
}

fn parse_chunk(
    text: &Text,
    start: usize,
    end: usize,
    at_sentence_start: bool,
    spaced: &SpacedWords,
) -> Option<Mention> {
    let lx = lexicon();
    let toks = &text.tokens;
    let words: Vec<&str> = (start..end).map(|k| text.slice(toks[k].span)).collect();
    let mut role: Vec<&str> = Vec::new();
    let mut aff: Option<String> = None;
    let mut org: Option<(String, Option<String>)> = None;
    let mut quantified = false;
    let mut k = 0;
    'outer: while k < words.len() {
        if k == 0 && QUANTIFIERS.contains(&words[0].to_lowercase().as_str()) {
            quantified = true;
            k += 1;
            continue;
        }
        for n in (1..=lx.max_words.min(words.len() - k)).rev() {
            let phrase = words[k..k + n].join(" ");
            let phrase = strip_possessive(&phrase).to_string();
            if let Some(c) = lx.nationalities.get(&phrase) {
                aff = Some(c.clone());
                if k + n == words.len() {
                    // the whole rest is a country: a country or capital mention
                    k += n;
                    break 'outer;
                }
                k += n;
                continue 'outer;
            }
            if let Some(o) = lx.organizations.get(&phrase) {
                org = Some((phrase.clone(), o.1.clone()));
                k += n;
                continue 'outer;
            }
            // "Economist Paul Marek", "Analyst Jane Dunmore": a capitalised expert or journalist noun
            // (`lexicons/categories.tsv`) opening a run of a first and a last name is a role too
            let category_title = n == 1
                && k == 0
                && words.len() >= 3
                && is_cap(&phrase)
                && lx.categories.get(&phrase.to_lowercase()).is_some_and(|(c, _)| {
                    matches!(c, Some(crate::report::Category::Expert | crate::report::Category::Media))
                });
            // "Irrigation Minister Hany Soliman", "Health Secretary Wes Streeting": a capitalised portfolio word
            // before a title of the list (`Minister`, `Secretary`) is part of the title, when a name follows (not
            // "Secretary of State", a title of the list itself)
            let portfolio_title = n == 2
                && k + n < words.len()
                && is_cap(words[k])
                && PORTFOLIO_HEADS.contains(&words[k + 1])
                && words[k + 2] != "of"
                && lx.roles.get(words[k + 1]).is_some_and(|r| r.class == RoleClass::Title);
            if lx.roles.contains_key(phrase.as_str()) || category_title || portfolio_title {
                role.extend_from_slice(&words[k..k + n]);
                k += n;
                continue 'outer;
            }
        }
        break;
    }
    // "Foreign Ministry spokesman Wang Wenbin", "Junta spokesman Zaw Min Tun", "Hezbollah leader Naim
    // Qassem": the capitalised words before a lower-case role word are the body the person speaks for
    let lower_role =
        |w: &str| !is_cap(w) && lx.roles.get(w).is_some_and(|r| matches!(r.class, RoleClass::Role | RoleClass::Leader));
    if let Some(r) = (k..words.len()).rev().find(|&r| lower_role(words[r])) {
        let body = &words[k..r];
        if r + 1 < words.len() && body.iter().all(|w| is_cap(w) || lower_role(w) || NAME_PARTICLES.contains(w)) {
            let body: Vec<&str> = body.iter().copied().filter(|w| !lower_role(w)).collect();
            if !body.is_empty() {
                let body = strip_possessive(&body.join(" ")).to_string();
                org = Some(match org.take() {
                    Some((o, a)) => (format!("{o} {body}"), a),
                    None => (body, None),
                });
            }
            role.extend(words[k..=r].iter().copied().filter(|w| lower_role(w)));
            k = r + 1;
        }
    }
    let name_words = &words[k.min(words.len())..];
    let last = end - 1;
    let span = Span::new(
        toks[start].span.start,
        toks[last].span.end - (words[words.len() - 1].len() - strip_possessive(words[words.len() - 1]).len()),
    );
    let group_noun = lx.roles.get(words[words.len() - 1]).filter(|r| r.class == RoleClass::Group);
    if let Some(_g) = group_noun {
        // "U.S. officials", "Several U.S. senators", "Kremlin officials"
        let affiliation = org.as_ref().map(|o| o.0.clone()).or(aff);
        return Some(Mention {
            span,
            head: toks[last].span,
            kind: MentionKind::Name,
            actor_kind: ActorKind::Group,
            name: words[usize::from(quantified)..].join(" "),
            role: Some(words[words.len() - 1].to_string()),
            affiliation,
            gender: '-',
            plural: true,
            locative: false,
        });
    }
    if name_words.is_empty() || k >= words.len() {
        // a country, capital or organisation on its own
        if let Some((name, affiliation)) = org {
            if role.is_empty() {
                return Some(Mention {
                    span,
                    head: span,
                    kind: MentionKind::Name,
                    actor_kind: ActorKind::Organization,
                    name,
                    role: None,
                    affiliation: affiliation.or(aff),
                    gender: '-',
                    plural: false,
                    locative: false,
                });
            }
        }
        if let Some(country) = aff {
            if role.is_empty() {
                let kind = if country == "NATO" || country == "European Union" {
                    ActorKind::Organization
                } else {
                    ActorKind::Country
                };
                return Some(Mention {
                    span,
                    head: span,
                    kind: MentionKind::Name,
                    actor_kind: kind,
                    name: country.clone(),
                    role: None,
                    affiliation: Some(country),
                    gender: '-',
                    plural: false,
                    locative: false,
                });
            }
        }
        return None;
    }
    // a single capitalised word opening a sentence that also occurs in lower case is not a name
    if name_words.len() == 1 && role.is_empty() && at_sentence_start && k == 0 {
        let lower = name_words[0].to_lowercase();
        if spaced.contains(&lower) || lexicon().stop_caps.contains(name_words[0]) {
            return None;
        }
    }
    // "the Republican field": a party word alone before a lower-case word that is no cue is an adjective
    if words.len() == 1 && lx.party_adjectives.contains(words[0]) {
        let next = toks.get(end).map(|t| text.slice(t.span)).unwrap_or("");
        if next.chars().next().is_some_and(char::is_lowercase) && !lx.cues.contains_key(next) {
            return None;
        }
    }
    if name_words
        .iter()
        .any(|w| !is_cap(w) && !matches!(*w, "of" | "for" | "de" | "al" | "bin" | "van" | "von" | "da" | "."))
    {
        return None;
    }
    // the head is the last word before "of"/"for" ("National Security Law for Hong Kong"): a place, a
    // time, a document or an event is no speaker ("Cabinet Room", "Eastern Time", "Second
    // Amendment"); an organisation word makes the run an organisation ("Rapid Support Forces")
    let head_word = name_words
        .iter()
        .position(|w| NAME_PARTICLES.contains(w))
        .filter(|&p| p > 0)
        .map_or(name_words.last(), |p| name_words.get(p - 1))
        .map(|w| strip_possessive(w));
    if head_word.is_some_and(|w| lx.non_name_heads.contains(w)) {
        return None;
    }
    let actor_kind = if head_word.is_some_and(|w| lx.org_heads.contains(w)) {
        ActorKind::Organization
    } else if name_words.len() > 1 && lx.place_openers.contains(name_words[0]) {
        ActorKind::Country
    } else {
        ActorKind::Person
    };
    let name_start = start + k;
    let head = Span::new(toks[name_start].span.start, span.end);
    let name = text.slice(head).to_string();
    let gender = role.iter().filter_map(|r| lx.roles.get(*r)).map(|r| r.gender).find(|g| *g != '-').unwrap_or('-');
    let affiliation = match (&org, &aff) {
        (Some(o), Some(a)) if !o.0.contains(a.as_str()) => Some(format!("{} {}", a_short(a), o.0)),
        (Some(o), _) => Some(o.0.clone()),
        (None, Some(a)) => Some(a.clone()),
        _ => None,
    };
    Some(Mention {
        span,
        head,
        kind: MentionKind::Name,
        actor_kind,
        name,
        role: (!role.is_empty()).then(|| role.join(" ")),
        affiliation,
        gender,
        plural: false,
        locative: false,
    })
}

fn a_short(country: &str) -> &str {
    match country {
        "United States" => "U.S.",
        "United Kingdom" => "U.K.",
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
        let t = Text::new(s);
        find(&t).into_iter().map(|m| (t.slice(m.span).to_string(), m.name, m.role, m.affiliation)).collect()
    }

    #[test]
    fn titled_names_keep_role_and_affiliation() {
        let m = names("Russian President Vladimir Putin spoke. U.S. State Department spokesman Ned Price noted it.");
        assert_eq!(m[0].0, "Russian President Vladimir Putin");
        assert_eq!(m[0].1, "Vladimir Putin");
        assert_eq!(m[0].2.as_deref(), Some("President"));
        assert_eq!(m[0].3.as_deref(), Some("Russia"));
        assert_eq!(m[1].0, "U.S. State Department spokesman Ned Price");
        assert_eq!(m[1].1, "Ned Price");
        assert_eq!(m[1].2.as_deref(), Some("spokesman"));
        assert_eq!(m[1].3.as_deref(), Some("U.S. State Department"));
    }

    #[test]
    fn a_portfolio_before_minister_or_secretary_is_part_of_the_title() {
        let m = names("Irrigation Minister Hany Soliman spoke. Later Health Secretary Wes Streeting agreed.");
        assert_eq!((m[0].1.as_str(), m[0].2.as_deref()), ("Hany Soliman", Some("Irrigation Minister")));
        assert_eq!((m[1].1.as_str(), m[1].2.as_deref()), ("Wes Streeting", Some("Health Secretary")));
        // "Secretary of State" is a title of the list itself
        let m = names("Secretary of State John Kerry spoke.");
        assert_eq!((m[0].1.as_str(), m[0].2.as_deref()), ("John Kerry", Some("Secretary of State")), "{m:?}");
    }

    #[test]
    fn a_demonym_that_ends_a_full_name_is_a_surname() {
        let m = names("Jane Cuban runs a firm. Cuban said no. Cuban officials agreed.");
        assert_eq!((m[1].0.as_str(), m[1].1.as_str(), m[1].3.as_deref()), ("Cuban", "Cuban", None), "{m:?}");
        let m = names("Cuban officials said no.");
        assert_eq!(m[0].3.as_deref(), Some("Cuba"), "{m:?}");
    }

    #[test]
    fn a_party_word_before_a_noun_is_an_adjective() {
        let t = Text::new("Jane Roe led the Republican field in May.");
        assert!(
            find(&t).iter().all(|x| !t.slice(x.span).contains("Republican")),
            "{:?}",
            names("Jane Roe led the Republican field in May.")
        );
        let t = Text::new("Later a Republican said no.");
        assert!(find(&t).iter().any(|x| t.slice(x.span).contains("Republican")));
    }

    #[test]
    fn groups_countries_pronouns_and_nominals() {
        let t = Text::new("Several U.S. senators warned Russia. He said the Russian leader left the Kremlin.");
        let m = find(&t);
        let kinds: Vec<(&str, ActorKind, MentionKind)> =
            m.iter().map(|m| (t.slice(m.span), m.actor_kind, m.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("Several U.S. senators", ActorKind::Group, MentionKind::Name),
                ("Russia", ActorKind::Country, MentionKind::Name),
                ("He", ActorKind::Person, MentionKind::Pronoun),
                ("the Russian leader", ActorKind::Person, MentionKind::Nominal),
                ("Kremlin", ActorKind::Organization, MentionKind::Name),
            ]
        );
    }
}
