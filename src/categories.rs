//! Categories: who an actor speaks as — an official (with the body: government, ministry, army,
//! party, international body), an expert or analyst, a journalist or outlet, a private person, or
//! unknown (issue 13, officials apart).
//!
//! Takes an actor's role, affiliation and name (and, once quotes are found, the appositives of its
//! quotes: "Jane Roe, a political analyst, said") and gives its [`Category`] and body. The words come
//! from `lexicons/categories.tsv` (role nouns and titles → category and body, body words → body);
//! known leaders (`lexicons/leaders.tsv`) are officials of a government, news media
//! (`lexicons/media.tsv`) are media, countries are governments.

use crate::lexicon::lexicon;
use crate::report::{Actor, ActorKind, Category};

/// The order in which a category word wins when several are written ("former minister, now an
/// analyst" is an official: the role the text gives first in importance).
const PRIORITY: [Category; 4] = [Category::Official, Category::Media, Category::Expert, Category::Private];

/// The category and body that the words of `text` state (lower-cased words and two-word phrases).
pub fn of_words(text: &str) -> (Category, Option<String>) {
    let lx = lexicon();
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '“' | '”' | '"'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches(['’', '\'']).trim_end_matches("’s").trim_end_matches("'s").to_lowercase())
        .collect();
    let mut found: Vec<Category> = Vec::new();
    let mut body: Option<String> = None;
    let mut role_body: Option<String> = None;
    // the two-word phrase of each word, built in one buffer
    let mut two = String::new();
    for k in 0..words.len() {
        let pair = (k + 1 < words.len()).then(|| {
            two.clear();
            two.push_str(&words[k]);
            two.push(' ');
            two.push_str(&words[k + 1]);
            lx.categories.get(two.as_str())
        });
        let hit = pair.flatten().or_else(|| lx.categories.get(&words[k]));
        let Some((c, b)) = hit else { continue };
        match c {
            Some(c) => {
                found.push(*c);
                if *c == Category::Official && role_body.is_none() {
                    role_body.clone_from(b);
                }
            }
            None => {
                if body.is_none() {
                    body.clone_from(b);
                }
            }
        }
    }
    let category = PRIORITY.into_iter().find(|c| found.contains(c)).unwrap_or(Category::Unknown);
    // a body word ("ministry", "army") says more than the role's default ("spokesman" of a ministry)
    let body = (category == Category::Official).then(|| body.or(role_body)).flatten();
    (category, body)
}

/// The category and body of actor `a`; `leader`: a known leader (`lexicons/leaders.tsv`).
pub fn of_actor(a: &Actor, leader: bool) -> (Category, Option<String>) {
    let lx = lexicon();
    if a.kind == ActorKind::Country {
        return (Category::Official, Some("government".to_string()));
    }
    if lx.media.names_medium(&a.name) {
        return (Category::Media, None);
    }
    let text = [a.role.as_deref(), a.affiliation.as_deref(), Some(a.name.as_str())].into_iter().flatten();
    let text: Vec<&str> = text.collect();
    let (mut category, mut body) = of_words(&text.join(" , "));
    if leader && category != Category::Official {
        category = Category::Official;
        body = Some("government".to_string());
    }
    if a.kind == ActorKind::Organization && category == Category::Unknown {
        // an organisation named by a body word ("the Foreign Ministry", "the Iraqi army") is that body
        let (_, b) = of_words(&format!("official {}", a.name));
        if b.is_some() {
            return (Category::Official, b);
        }
    }
    if category == Category::Official && body.is_none() && leader {
        body = Some("government".to_string());
    }
    (category, body)
}

/// Most bytes of an appositive after a speaker ("said Ahmed Karim, a witness to the blast").
const MAX_APPOSITIVE_BYTES: usize = 80;

/// The appositive right after byte `end` (", a witness", ", an analyst at the institute"), up to the
/// next comma or sentence end; "" when none follows.
fn appositive_after(src: &str, end: usize) -> &str {
    let rest = src.get(end..).unwrap_or("");
    let Some(body) = [", a ", ", an ", ", the "].iter().find_map(|p| rest.strip_prefix(p)) else {
        return "";
    };
    let stop = body.find([',', '.', ';', '\n', '“', '"']).unwrap_or(body.len());
    if stop > MAX_APPOSITIVE_BYTES {
        return "";
    }
    &body[..stop]
}

/// Once quotes are found: an actor nothing categorised takes the category its quotes' speaker
/// phrases state ("Jane Roe, a political analyst at the institute, said" is an expert); an official
/// with no body takes the body they state.
pub fn from_quotes(doc: &mut crate::doc::Doc) {
    for q in &doc.quotes {
        let (Some(a), Some(m)) = (q.speaker, q.speaker_mention) else { continue };
        let Some(actor) = doc.actors.list.get_mut(a.index()) else { continue };
        if actor.kind != ActorKind::Person && actor.kind != ActorKind::Group {
            continue;
        }
        let Some(phrase) = doc.text.src.get(m.start..m.end) else { continue };
        let (c, b) = of_words(&format!("{phrase} {}", appositive_after(&doc.text.src, m.end)));
        if actor.category == Category::Unknown && c != Category::Unknown {
            actor.category = c;
            actor.body = b;
            actor.official = c == Category::Official;
        } else if actor.category == Category::Official && c == Category::Official && actor.body.is_none() {
            actor.body = b;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_give_category_and_body() {
        assert_eq!(of_words("Foreign Ministry spokesman"), (Category::Official, Some("ministry".into())));
        assert_eq!(of_words("political analyst"), (Category::Expert, None));
        assert_eq!(of_words("Fashion shop owner"), (Category::Unknown, None));
        assert_eq!(of_words("prime minister"), (Category::Official, Some("government".into())));
    }
}
