//! The display model (`whosaid::display`): what the popup, the demo page and the Markdown export show,
//! checked against the report it is built from.

use std::collections::HashSet;

use whosaid::display::{self, ActorView, Display, Entry, StatementView, TargetKind};
use whosaid::{analyze, Actor, ActorKind, Report, StatementType};

const SEED: &str = include_str!("fixtures/seed/000_64ce14edc3ca31c8.txt");
const MESSAGES: &str = include_str!("../extension/_locales/en/messages.json");

fn actor<'a>(d: &'a Display, name: &str) -> (Option<&'a str>, &'a ActorView) {
    d.sides
        .iter()
        .flat_map(|s| s.actors.iter().map(move |a| (s.side.as_deref(), a)))
        .find(|(_, a)| a.name == name)
        .unwrap_or_else(|| panic!("{name} is not listed"))
}

fn statements(a: &ActorView) -> Vec<&StatementView> {
    a.groups
        .iter()
        .flat_map(|g| g.entries.iter())
        .flat_map(|e| match e {
            Entry::Statement(s) => vec![s],
            Entry::List(l) => l.items.iter().collect(),
        })
        .collect()
}

fn side_of_name(d: &Display, name: &str) -> Option<String> {
    actor(d, name).0.map(str::to_string)
}

#[test]
fn seed_sides_actors_and_lists() {
    let r = analyze(SEED);
    let d = display::build(&r);
    assert!(d.headed);
    assert_eq!(side_of_name(&d, "Vladimir Putin").as_deref(), Some("Russia"));
    assert_eq!(side_of_name(&d, "Ned Price").as_deref(), Some("United States"));
    // heads of state have a side without an affiliation word (issue 13): no one is side-less here;
    // a side-less group, when there is one, comes last
    assert_eq!(side_of_name(&d, "Joe Biden").as_deref(), Some("United States"));
    assert!(d.sides.iter().rev().skip(1).all(|g| g.side.is_some()), "the side-less group comes last");
    // Putin is the most prominent: first side, first actor, colour slot 0.
    assert_eq!(d.sides[0].actors[0].name, "Vladimir Putin");
    assert_eq!(d.sides[0].actors[0].slot, 0);
    // His three requirements: one numbered list of demands 1-3.
    let putin = actor(&d, "Vladimir Putin").1;
    let demands = putin.groups.iter().find(|g| g.kind == StatementType::Demand).unwrap();
    let lists: Vec<Vec<Option<usize>>> = demands
        .entries
        .iter()
        .filter_map(|e| if let Entry::List(l) = e { Some(l.items.iter().map(|s| s.item).collect()) } else { None })
        .collect();
    assert_eq!(lists, vec![vec![Some(1), Some(2), Some(3)]]);
    // Blinken's demand, reported by Price.
    let blinken = actor(&d, "Antony Blinken").1;
    assert!(statements(blinken).iter().any(|s| s.via.as_deref() == Some("Ned Price")));
    // Mention-only people are not listed as actors, only as mentioned.
    for n in ["Viktor Orban", "Sergei Lavrov", "Boris Johnson", "Volodymyr Zelensky"] {
        assert!(d.mentioned.iter().any(|m| m == n), "{n} not among the mentioned");
        assert!(!d.sides.iter().flat_map(|s| &s.actors).any(|a| a.name == n), "{n} listed as an actor");
    }
}

#[test]
fn every_statement_and_quote_is_listed_once_with_the_reports_facts() {
    let r = analyze(SEED);
    let d = display::build(&r);
    let mut seen = HashSet::new();
    for a in d.sides.iter().flat_map(|s| &s.actors) {
        let types: Vec<StatementType> = a.groups.iter().map(|g| g.kind).collect();
        let mut sorted = types.clone();
        sorted.sort();
        assert_eq!(types, sorted, "{}: types out of display order", a.name);
        for g in &a.groups {
            assert_eq!(
                g.count,
                g.entries.iter().map(|e| if let Entry::List(l) = e { l.items.len() } else { 1 }).sum::<usize>()
            );
        }
        for v in statements(a) {
            assert!(seen.insert(v.id), "statement {} listed twice", v.id);
            let s = &r.statements[v.id];
            assert_eq!(s.actor.index(), a.id);
            assert_eq!(v.kind, s.kind);
            assert_eq!(v.item, s.item);
            assert_eq!(v.via, s.via.map(|x| r.actors[x].name.clone()));
            assert_eq!(v.strength, (s.kind == StatementType::Demand && s.strength > 0).then_some(s.strength));
            assert_eq!(v.times, (!s.repeats.is_empty()).then_some(s.repeats.len() + 1));
            assert_eq!(v.text, r.text[s.span.start..s.span.end].split_whitespace().collect::<Vec<_>>().join(" "));
        }
        for q in &a.quotes {
            assert_eq!(r.quotes[q.id].speaker, Some(whosaid::ActorId(a.id)));
        }
    }
    assert_eq!(seen.len(), r.statements.len());
    let listed_quotes =
        d.sides.iter().flat_map(|s| &s.actors).map(|a| a.quotes.len()).sum::<usize>() + d.unattributed.len();
    assert_eq!(listed_quotes, r.quotes.len());
    assert_eq!(d.counts.quotes, r.quotes.len());
    assert_eq!(d.counts.statements, r.statements.len());
    assert_eq!(d.counts.speaking_actors, d.sides.iter().map(|s| s.actors.len()).sum::<usize>());
}

/// Issue 12: a quoted actor who holds no statement goes on the side the core gives it
/// (`side_of`: "U.S. State Department" → United States), not on one named like its affiliation.
#[test]
fn a_quoted_actor_without_statements_is_placed_by_the_cores_side_logic() {
    let mut r = analyze(SEED);
    let price = whosaid::ActorId(r.actors.iter().position(|a| a.name == "Ned Price").unwrap());
    assert_eq!(r.actors[price].affiliation.as_deref(), Some("U.S. State Department"));
    // Price without statements of his own: only his quotes place him.
    r.statements.retain(|s| s.actor != price);
    let mut new_id = std::collections::HashMap::new();
    for (i, s) in r.statements.iter_mut().enumerate() {
        new_id.insert(s.id, whosaid::StatementId(i));
        s.id = whosaid::StatementId(i);
    }
    for g in &mut r.sides {
        g.actors.retain(|a| a.actor != price);
        for a in &mut g.actors {
            a.statements = a.statements.iter().map(|s| new_id[s]).collect();
        }
    }
    assert!(!r.sides.iter().flat_map(|g| &g.actors).any(|a| a.actor == price));
    let d = display::build(&r);
    assert_eq!(side_of_name(&d, "Ned Price").as_deref(), Some("United States"));
    let (_, v) = actor(&d, "Ned Price");
    assert!(v.groups.is_empty() && !v.quotes.is_empty());
}

fn person(id: usize, name: &str, affiliation: Option<&str>, quoted: bool, mentions: usize) -> Actor {
    Actor {
        id: whosaid::ActorId(id),
        name: name.into(),
        role: None,
        affiliation: affiliation.map(Into::into),
        kind: ActorKind::Person,
        official: false,
        category: whosaid::Category::Unknown,
        body: None,
        quoted,
        mentions: (0..mentions).map(|i| whosaid::Span::new(i * 2, i * 2 + 1)).collect(),
    }
}

#[test]
fn ranking_quoted_first_then_weight_then_mentions_then_first_appearance() {
    let r = Report {
        text: "x".repeat(40),
        actors: vec![
            person(0, "A", None, false, 5),
            person(1, "B", None, true, 1),
            person(2, "C", None, true, 3),
            person(3, "D", None, false, 5),
        ],
        ..Report::default()
    };
    // C and B are quoted (C has more mentions); A and D tie on everything else, so the id decides.
    assert_eq!(display::ranking(&r), vec![2, 1, 0, 3]);
}

#[test]
fn targets_are_exact_text_with_context_in_text_order() {
    let text = "😀 Intro. “Give us the keys <now>,” Jane Roe said.";
    let r = analyze(text);
    let ts = display::targets(&r);
    assert!(ts.iter().any(|t| t.kind == TargetKind::Quote && t.exact.contains("Give us the keys <now>")));
    let mut last = 0;
    for t in &ts {
        let at = text.find(&format!("{}{}", t.prefix, t.exact)).expect("prefix + exact in the text");
        assert!(text[at + t.prefix.len() + t.exact.len()..].starts_with(&t.suffix), "{}: suffix", t.key);
        let start16 = text[..at + t.prefix.len()].encode_utf16().count();
        assert!((t.hint - start16 as f64 / text.encode_utf16().count() as f64).abs() < 1e-9, "{}: hint", t.key);
        assert!(start16 >= last, "targets out of text order");
        last = start16;
        assert!(
            t.prefix.encode_utf16().count() <= display::CONTEXT && t.suffix.encode_utf16().count() <= display::CONTEXT
        );
    }
    let jane = r.actors.iter().find(|a| a.name == "Jane Roe").unwrap();
    assert!(ts
        .iter()
        .any(|t| t.kind == TargetKind::Mention && t.actor == Some(jane.id.index()) && t.exact == "Jane Roe"));
    assert!(ts.iter().filter(|t| t.actor == Some(jane.id.index())).all(|t| t.slot == Some(0)));
}

#[test]
fn every_message_key_the_core_gives_exists_in_the_locale() {
    let messages: serde_json::Value = serde_json::from_str(MESSAGES).unwrap();
    for t in StatementType::ALL {
        assert!(messages.get(display::type_label(t)).is_some(), "{} missing", display::type_label(t));
    }
    for k in [whosaid::QuoteKind::Direct, whosaid::QuoteKind::Indirect, whosaid::QuoteKind::Mixed] {
        assert!(messages.get(display::kind_label(k)).is_some(), "{} missing", display::kind_label(k));
    }
}

#[test]
fn the_display_model_round_trips_through_json() {
    let v = display::view(&analyze(SEED));
    let s = serde_json::to_string(&v).unwrap();
    assert_eq!(serde_json::from_str::<display::View>(&s).unwrap(), v);
}
