//! Actors: coreference of mentions into canonical actors.
//!
//! Takes the mention layer and gives back the actor layer, [`Actors`]: the [`Actor`] list and, for
//! every mention, the actor it refers to. Names join on their last word ("Putin" → "Russian President Vladimir Putin"); countries and
//! organisations on their canonical name; "he"/"she" go to the nearest earlier person of that
//! gender (titles, role nouns, `lexicons/first_names.tsv`) or, gender unknown, to the nearest actor
//! known to be a person (a role, a gender, a first and last name), never to a capitalised place or
//! outlet; "they" to a group; role nominals ("the Russian leader", "the spokesman") to the nearest
//! earlier person whose affiliation or role fits. Mentions that fit nothing are left unresolved
//! (unsure, not wrong). The quote stage then lets a pronoun speaker continue its quote chain
//! ([`Actors::takes_pronoun`]). A known leader (`lexicons/leaders.tsv`) with no affiliation word
//! takes their state as affiliation, so the side is who the actor is.

use std::collections::HashMap;

use crate::mentions::{Mention, MentionId, MentionKind, Mentions};
use crate::report::{Actor, ActorId, ActorKind, Category};

/// How far back (in bytes) a pronoun or nominal may look for its antecedent.
const MAX_ANTECEDENT_DISTANCE: usize = 1500;

/// The actor layer: the actors and the actor of every mention.
#[derive(Clone, Debug, Default)]
pub struct Actors {
    /// Canonical actors, in order of first mention.
    pub list: Vec<Actor>,
    /// `of_mention[i]` is the actor of mention `i`, if resolved.
    of_mention: Vec<Option<ActorId>>,
    /// `gender[a]`: 'm', 'f' or '-' (unknown), from titles, role nouns and first names.
    gender: Vec<char>,
    /// `personal[a]`: the actor is known to be a person (a role, a gender, or a first and last name),
    /// not only a capitalised word ("Transnistria", "Xinhua") the finder took for one.
    personal: Vec<bool>,
}

impl Actors {
    /// The actor mention `m` refers to, if it was resolved.
    pub fn of_mention(&self, m: MentionId) -> Option<ActorId> {
        self.of_mention.get(m.0).copied().flatten()
    }

    /// Whether pronoun mention `m` may refer to actor `a`: "he"/"she" only to a person of that gender
    /// or, when the gender is unknown, to an actor known to be a person; "they" to a group.
    pub fn takes_pronoun(&self, a: ActorId, m: &Mention) -> bool {
        let (Some(actor), Some(&g), Some(&p)) = (self.list.get(a.0), self.gender.get(a.0), self.personal.get(a.0))
        else {
            return false;
        };
        fits_pronoun(m, actor, g, p)
    }
}

fn fits_pronoun(m: &Mention, a: &Actor, g: char, personal: bool) -> bool {
    if m.plural {
        return matches!(a.kind, ActorKind::Group);
    }
    if m.kind == MentionKind::Pronoun && m.actor_kind == ActorKind::Organization {
        // "it" (see [`it_pronoun`]): a government, ministry, body or country
        return matches!(a.kind, ActorKind::Organization | ActorKind::Country);
    }
    a.kind == ActorKind::Person
        && match (m.gender, g) {
            ('-', _) => true,
            (want, have) if have == want => true,
            (_, '-') => personal,
            _ => false,
        }
}

/// The pronoun "it" at `span`, as the quote chain resolves it (it is no mention: it has too many
/// antecedents to take the nearest, so only a quote chain of an organisation or country takes it).
pub fn it_pronoun(span: crate::report::Span) -> Mention {
    Mention {
        span,
        head: span,
        kind: MentionKind::Pronoun,
        actor_kind: ActorKind::Organization,
        name: "it".to_string(),
        role: None,
        affiliation: None,
        gender: '-',
        plural: false,
        locative: false,
    }
}

/// The gender a name mention states: its title or role ("Mr.", "spokeswoman"), else its first name.
fn gender_of(m: &Mention) -> char {
    if m.gender != '-' || m.actor_kind != ActorKind::Person {
        return m.gender;
    }
    let mut words = m.name.split_whitespace();
    match (words.next(), words.next()) {
        (Some(first), Some(_)) => crate::lexicon::lexicon().first_names.get(first).copied().unwrap_or('-'),
        _ => '-',
    }
}

fn key(m: &Mention) -> String {
    match m.actor_kind {
        ActorKind::Person => m.name.split_whitespace().last().unwrap_or(&m.name).to_lowercase(),
        _ => m.name.to_lowercase(),
    }
}

/// Resolves the mentions into actors.
pub fn resolve(mentions: &Mentions) -> Actors {
    let mentions = mentions.all();
    let mut actors: Vec<Actor> = Vec::new();
    let mut gender: Vec<char> = Vec::new();
    let mut personal: Vec<bool> = Vec::new();
    // per actor: a mention after a preposition of place; a role or gender stated; a name of two words
    let (mut placed, mut stated, mut multiword): (Vec<bool>, Vec<bool>, Vec<bool>) = Default::default();
    let mut of_mention = vec![None; mentions.len()];
    // per key, the actor last created with it; `namesake[a]`, the one created with it before `a` (a
    // surname: "Bill Clinton", "Hillary Clinton"); `seen[a]`, the index of `a`'s last name mention
    let mut by_key: HashMap<(u8, String), usize> = HashMap::new();
    let (mut namesake, mut seen): (Vec<Option<usize>>, Vec<usize>) = Default::default();
    for (i, m) in mentions.iter().enumerate() {
        let a = match m.kind {
            MentionKind::Name => {
                let k = (m.actor_kind as u8, key(m));
                let newest = by_key.get(&k).copied();
                let found = same_person(m, newest, &namesake, &seen, &actors, &gender);
                let id = found.unwrap_or_else(|| {
                    actors.push(Actor {
                        id: ActorId(actors.len()),
                        name: m.name.clone(),
                        role: None,
                        affiliation: None,
                        kind: m.actor_kind,
                        official: false,
                        category: crate::report::Category::Unknown,
                        body: None,
                        quoted: false,
                        mentions: Vec::new(),
                    });
                    gender.push('-');
                    personal.push(false);
                    placed.push(false);
                    stated.push(false);
                    multiword.push(false);
                    namesake.push(newest);
                    seen.push(i);
                    by_key.insert(k, actors.len() - 1);
                    actors.len() - 1
                });
                seen[id] = i;
                let a = &mut actors[id];
                if m.name.len() > a.name.len() && m.actor_kind == ActorKind::Person {
                    a.name = m.name.clone();
                }
                if a.role.is_none() {
                    a.role = m.role.clone();
                }
                if a.affiliation.is_none() {
                    a.affiliation = m.affiliation.clone();
                }
                if gender[id] == '-' {
                    gender[id] = gender_of(m);
                }
                // a first and last name is a person's, unless the run also stands where places do ("in Hong Kong")
                placed[id] |= m.locative;
                stated[id] |= m.role.is_some() || gender[id] != '-';
                multiword[id] |= m.name.split_whitespace().count() >= 2;
                personal[id] = stated[id] || (multiword[id] && !placed[id]);
                Some(id)
            }
            MentionKind::Pronoun => {
                antecedent(mentions, &of_mention, &actors, &gender, i, |a, g| fits_pronoun(m, a, g, personal[a.id.0]))
            }
            MentionKind::Nominal => antecedent(mentions, &of_mention, &actors, &gender, i, |a, _| {
                a.kind == ActorKind::Person
                    && match (&m.affiliation, &a.affiliation) {
                        (Some(want), Some(have)) => have.contains(want.as_str()),
                        (Some(_), None) => false,
                        (None, _) => {
                            a.role.as_deref().is_some_and(|r| r.to_lowercase().contains(&m.name.to_lowercase()))
                        }
                    }
            }),
        };
        of_mention[i] = a;
        if let Some(a) = a {
            actors[a].mentions.push(m.span);
        }
    }
    let lx = crate::lexicon::lexicon();
    for a in &mut actors {
        // a known leader speaks for their state without an affiliation word ("President Trump")
        let leader = (a.kind == ActorKind::Person && a.affiliation.is_none())
            .then(|| {
                lx.leaders.get(&a.name).or_else(|| {
                    let mut words = a.name.split_whitespace();
                    match (words.next(), words.next()) {
                        (Some(surname), None) => lx.leader_surnames.get(surname),
                        _ => None,
                    }
                })
            })
            .flatten();
        if let Some(country) = leader {
            a.affiliation = Some(country.clone());
        }
        (a.category, a.body) = crate::categories::of_actor(a, leader.is_some());
        a.official = match a.kind {
            ActorKind::Person => a.category == Category::Official,
            ActorKind::Organization | ActorKind::Country => a.category != Category::Media,
            ActorKind::Group => a.role.as_deref().is_some_and(|r| {
                r == "officials" || r == "senators" || r == "lawmakers" || r == "diplomats" || r == "ministers"
            }),
        };
    }
    Actors { list: actors, of_mention: of_mention.into_iter().map(|a| a.map(ActorId)).collect(), gender, personal }
}

/// The actor that name mention `m` joins among its namesakes (the actors sharing its key: `newest`, then
/// each one's `namesake` before it), if any. Organisations and countries join on their whole name. A
/// person's full name joins an actor with the same first word or one known by the surname only ("Mr.
/// Putin"); a different first name is another actor ("Bill Clinton" is not "Hillary Clinton"). A bare
/// surname joins the namesake named last (`seen`) whose gender does not clash with its title ("Mrs. Clinton").
fn same_person(
    m: &Mention,
    newest: Option<usize>,
    namesake: &[Option<usize>],
    seen: &[usize],
    actors: &[Actor],
    gender: &[char],
) -> Option<usize> {
    if m.actor_kind != ActorKind::Person {
        return newest;
    }
    let mine = first_word(&m.name);
    let g = gender_of(m);
    let mut best: Option<usize> = None;
    let mut a = newest;
    while let Some(x) = a {
        let fits = match (mine, first_word(&actors[x].name)) {
            (Some(p), Some(q)) => p.eq_ignore_ascii_case(q) || initial_of(p, q) || initial_of(q, p),
            _ => g == '-' || gender[x] == '-' || gender[x] == g,
        };
        if fits && best.is_none_or(|b| seen[x] > seen[b]) {
            best = Some(x);
        }
        a = namesake[x];
    }
    best
}

/// The first word of a name of two words or more, without an initial's period ("J. Smith" → "J").
fn first_word(name: &str) -> Option<&str> {
    let mut w = name.split_whitespace();
    let f = w.next()?;
    w.next().map(|_| f.trim_end_matches('.'))
}

/// Whether `x` is the initial of `y` ("J" of "John").
fn initial_of(x: &str, y: &str) -> bool {
    x.len() == 1 && y.get(..1).is_some_and(|c| c.eq_ignore_ascii_case(x))
}

fn antecedent(
    mentions: &[Mention],
    of_mention: &[Option<usize>],
    actors: &[Actor],
    gender: &[char],
    i: usize,
    fits: impl Fn(&Actor, char) -> bool,
) -> Option<usize> {
    let here = mentions[i].span.start;
    for j in (0..i).rev() {
        if here - mentions[j].span.end > MAX_ANTECEDENT_DISTANCE {
            break;
        }
        if let Some(a) = of_mention[j] {
            if fits(&actors[a], gender[a]) {
                return Some(a);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::{find, Mentions};
    use crate::text::Text;

    #[test]
    fn surnames_pronouns_and_nominals_join_the_full_name() {
        let t = Text::new("Russian President Vladimir Putin spoke. Putin left. He said the Russian leader was tired.");
        let ms = Mentions::new(find(&t));
        let r = resolve(&ms);
        let putin: Vec<ActorId> = ms.iter().filter_map(|(m, _)| r.of_mention(m)).collect();
        assert_eq!(putin.len(), 4, "{:?}", ms);
        assert!(putin.iter().all(|&a| a == putin[0]));
        assert_eq!(r.list[putin[0]].name, "Vladimir Putin");
        assert_eq!(r.list[putin[0]].affiliation.as_deref(), Some("Russia"));
    }
}
