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
        for v in statements(a).into_iter().chain(a.unsure.iter().flat_map(|u| &u.statements)) {
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
    // every quote is listed once: as a quote, in an unsure fold, or as its speaker's own statement
    let unsure_quotes = |u: &Option<display::UnsureView>| u.as_ref().map_or(0, |u| u.quotes.len());
    let stated: HashSet<usize> = r
        .statements
        .iter()
        .filter_map(|s| s.quote.filter(|q| r.quotes[*q].speaker == Some(s.actor)).map(|q| q.index()))
        .collect();
    let listed_quotes =
        d.sides.iter().flat_map(|s| &s.actors).map(|a| a.quotes.len() + unsure_quotes(&a.unsure)).sum::<usize>()
            + d.unattributed.len()
            + unsure_quotes(&d.unattributed_unsure);
    assert_eq!(listed_quotes + stated.len(), r.quotes.len());
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

/// The long page written for the tests (tests/fixtures/pages/long-talks): 30+ quotes, four sides.
fn long_report() -> Report {
    let html = include_str!("fixtures/pages/long-talks/page.html");
    analyze(whosaid::extract(html, None, None).text.as_str())
}

fn cards(d: &Display) -> impl Iterator<Item = &ActorView> {
    d.sides.iter().flat_map(|s| &s.actors)
}

fn unsure_ids(a: &ActorView) -> Vec<usize> {
    a.unsure.as_ref().map_or(Vec::new(), |u| u.statements.iter().map(|s| s.id).collect())
}

/// Issue 14: statements under the named threshold are listed apart, in the actor's unsure fold, with
/// the mean of their measured rates; the others in the type groups; each exactly once.
#[test]
fn statements_under_the_threshold_are_folded_apart_with_their_measured_rate() {
    for r in [analyze(SEED), long_report()] {
        let d = display::build(&r);
        let mut seen = HashSet::new();
        for a in cards(&d) {
            for v in statements(a) {
                assert!(
                    r.statements[v.id].confidence >= display::DEFAULT_UNSURE_STATEMENT_BELOW,
                    "{} listed as sure",
                    v.id
                );
                assert!(seen.insert(v.id));
            }
            for id in unsure_ids(a) {
                assert!(r.statements[id].confidence < display::DEFAULT_UNSURE_STATEMENT_BELOW, "{id} folded as unsure");
                assert_eq!(r.statements[id].actor.index(), a.id);
                assert!(seen.insert(id), "statement {id} listed twice");
            }
            if let Some(u) = &a.unsure {
                assert!(u.quotes.iter().all(|q| q.unsure));
                let rates: Vec<f32> = u
                    .statements
                    .iter()
                    .map(|s| r.statements[s.id].confidence)
                    .chain(u.quotes.iter().map(|q| r.quotes[q.id].confidence))
                    .collect();
                let mean = rates.iter().sum::<f32>() / rates.len() as f32;
                assert_eq!(u.tenths, (mean * 10.0).round() as u32);
                assert_eq!(u.percent, (mean * 100.0).round() as u32);
                assert_eq!(u.open, a.groups.is_empty() && a.quotes.is_empty());
            }
            assert!(a.quotes.iter().all(|q| !q.unsure), "{}: an unsure quote outside the fold", a.name);
        }
        assert_eq!(seen.len(), r.statements.len());
        assert!(d.unattributed.iter().all(|q| !q.unsure));
    }
    // moving one statement's confidence across the threshold moves it into the fold, and back
    let mut r = analyze(SEED);
    let sure = r.statements.iter().position(|s| s.confidence >= display::DEFAULT_UNSURE_STATEMENT_BELOW).unwrap();
    let owner = r.statements[sure].actor.index();
    let folded = |r: &Report| {
        let d = display::build(r);
        let a = cards(&d).find(|a| a.id == owner).unwrap();
        (unsure_ids(a).contains(&sure), statements(a).iter().any(|s| s.id == sure))
    };
    assert_eq!(folded(&r), (false, true));
    r.statements[sure].confidence = display::DEFAULT_UNSURE_STATEMENT_BELOW - 0.01;
    assert_eq!(folded(&r), (true, false));
    for s in &mut r.statements {
        s.confidence = 0.9;
    }
    let d = display::build(&r);
    assert!(cards(&d).all(|a| a.unsure.as_ref().is_none_or(|u| u.statements.is_empty())));
}

/// Issue 14: a quote one of the actor's own statements came from is listed once, as the statement;
/// a statement of another actor reported in the quote (Blinken's demand in Price's quote) leaves it.
#[test]
fn a_quote_is_not_repeated_as_a_quote_in_the_card_of_its_statement() {
    for r in [analyze(SEED), long_report()] {
        let d = display::build(&r);
        let mut listed = HashSet::new();
        for a in cards(&d) {
            let own: HashSet<usize> = r
                .statements
                .iter()
                .filter(|s| s.actor.index() == a.id)
                .filter_map(|s| s.quote.map(|q| q.index()))
                .collect();
            let quotes: Vec<usize> =
                a.quotes.iter().chain(a.unsure.iter().flat_map(|u| &u.quotes)).map(|q| q.id).collect();
            for q in &quotes {
                assert!(!own.contains(q), "{}: quote {q} listed and also as a statement", a.name);
                assert!(listed.insert(*q));
            }
            // every quote of the actor is somewhere in the card: as a quote or as a statement
            for q in r.quotes.iter().filter(|q| q.speaker.map(|s| s.index()) == Some(a.id)) {
                assert!(
                    quotes.contains(&q.id.index()) || own.contains(&q.id.index()),
                    "{}: quote {} lost",
                    a.name,
                    q.id
                );
            }
        }
    }
    let r = analyze(SEED);
    let d = display::build(&r);
    let blinken = &r.statements.iter().find(|s| r.actors[s.actor].name == "Antony Blinken").unwrap();
    let q = blinken.quote.expect("Blinken's demand comes from Price's quote").index();
    let price = actor(&d, "Ned Price").1;
    assert!(price.quotes.iter().any(|x| x.id == q), "Price's quote of Blinken's demand is gone from his card");
}

/// Issue 14: the summary counts, per side and actor, the listed statements of each type (unsure ones
/// apart), all the actor's quotes, and the unsure items; in the order of the cards.
#[test]
fn the_summary_counts_each_actors_statements_by_type() {
    let r = long_report();
    assert!(r.quotes.len() >= 30, "the long fixture has {} quotes", r.quotes.len());
    let d = display::build(&r);
    assert_eq!(d.summary.len(), d.sides.len());
    assert!(d.summary.iter().filter(|s| s.side.is_some()).count() >= 3, "fewer than three sides");
    for (s, side) in d.summary.iter().zip(&d.sides) {
        assert_eq!(s.side, side.side);
        assert_eq!(
            s.actors.iter().map(|a| a.id).collect::<Vec<_>>(),
            side.actors.iter().map(|a| a.id).collect::<Vec<_>>()
        );
        for a in &s.actors {
            let sure = |t: StatementType| {
                r.statements
                    .iter()
                    .filter(|x| x.actor.index() == a.id && x.kind == t)
                    .filter(|x| x.confidence >= display::DEFAULT_UNSURE_STATEMENT_BELOW)
                    .count()
            };
            let want: Vec<(StatementType, usize)> =
                StatementType::ALL.into_iter().map(|t| (t, sure(t))).filter(|&(_, n)| n > 0).collect();
            assert_eq!(a.types.iter().map(|x| (x.kind, x.count)).collect::<Vec<_>>(), want, "{}", a.name);
            assert!(a.types.iter().all(|x| x.label == display::type_label(x.kind)));
            let quotes = r.quotes.iter().filter(|q| q.speaker.map(|x| x.index()) == Some(a.id)).count();
            assert_eq!(a.quotes, quotes, "{}: quotes", a.name);
            let unsure_st = r
                .statements
                .iter()
                .filter(|x| x.actor.index() == a.id && x.confidence < display::DEFAULT_UNSURE_STATEMENT_BELOW)
                .count();
            assert!(a.unsure >= unsure_st, "{}: unsure", a.name);
        }
    }
    // one actor alone gets no summary
    let one = display::build(&analyze("“We will not accept it,” Foreign Minister Anna Berg said on Friday."));
    assert!(one.summary.is_empty());
}

/// Issue 14: a card shows at most [`display::DEFAULT_CARD_STATEMENTS_SHOWN`] statements, one of each
/// type before two of any, and [`display::DEFAULT_CARD_QUOTES_SHOWN`] quotes; `more` counts the rest.
#[test]
fn cards_fold_after_the_first_statements_and_quotes() {
    let d = display::build(&long_report());
    let mut folded_any = false;
    for a in cards(&d) {
        let shown: usize = a.groups.iter().map(|g| g.shown).sum();
        assert!(shown <= display::DEFAULT_CARD_STATEMENTS_SHOWN);
        assert!(a.groups.iter().all(|g| g.shown <= g.count));
        let total: usize = a.groups.iter().map(|g| g.count).sum();
        assert_eq!(shown, total.min(display::DEFAULT_CARD_STATEMENTS_SHOWN), "{}", a.name);
        if a.groups.iter().any(|g| g.shown >= 2) {
            assert!(a.groups.iter().all(|g| g.shown >= 1), "{}: two of one type before one of another", a.name);
        }
        assert_eq!(a.quotes_shown, a.quotes.len().min(display::DEFAULT_CARD_QUOTES_SHOWN));
        assert_eq!(a.more, total - shown + a.quotes.len() - a.quotes_shown);
        folded_any |= a.more > 0;
    }
    assert!(folded_any, "nothing folded on the long page");
    // the deal itself: four groups of 3, 1, 2, 5 with a budget of three show 1, 1, 1, 0
    let group = |count| display::TypeGroup {
        kind: StatementType::Demand,
        label: String::new(),
        count,
        entries: Vec::new(),
        shown: 9,
    };
    let mut gs = vec![group(3), group(1), group(2), group(5)];
    let (q, more) = display::plan_fold(&mut gs, 5);
    assert_eq!(gs.iter().map(|g| g.shown).collect::<Vec<_>>(), vec![1, 1, 1, 0]);
    assert_eq!((q, more), (2, 11 - 3 + 5 - 2));
    let mut gs = vec![group(4)];
    assert_eq!(display::plan_fold(&mut gs, 0), (0, 1));
    assert_eq!(gs[0].shown, 3);
}

/// Bad input: a report whose statements point at quotes and actors that are not there, or carry a
/// confidence that is not a number, still gives a display model (folded as unsure), never a panic.
#[test]
fn inconsistent_reports_give_a_display_model_not_a_panic() {
    let mut r = analyze(SEED);
    let n = r.quotes.len();
    for (i, s) in r.statements.iter_mut().enumerate() {
        match i % 3 {
            0 => s.quote = Some(whosaid::QuoteId(n + 5)),
            1 => s.confidence = f32::NAN,
            _ => s.confidence = -3.0,
        }
    }
    r.quotes.iter_mut().for_each(|q| q.confidence = f32::INFINITY);
    let d = display::build(&r);
    let folded: usize = cards(&d).map(|a| unsure_ids(a).len()).sum();
    assert!(folded >= r.statements.len() * 2 / 3 - 1, "NaN and negative confidences are not folded as unsure");
    for a in cards(&d) {
        if let Some(u) = &a.unsure {
            assert!(u.percent <= 100 && u.tenths <= 10);
        }
        assert!(a.quotes.iter().all(|q| q.percent <= 100), "{}: a quote's rate over 100 %", a.name);
    }
    let json = serde_json::to_string(&display::view(&r)).unwrap();
    assert!(json.contains("\"summary\""));
}

/// Issue 13: a quote whose speaker is a phrase the engine could not resolve ("the spokesman", "he")
/// shows the phrase as written and says it is not resolved; a resolved quote says nothing of the kind.
#[test]
fn an_unresolved_speaker_is_shown_as_written() {
    let r = analyze("The talks resumed on Monday.\n\n“We will not retreat,” the spokesman said.\n\n“We will win,” Mayor Ann Lee said.");
    let d = display::build(&r);
    let anon: Vec<&display::QuoteView> =
        d.unattributed.iter().chain(d.unattributed_unsure.iter().flat_map(|u| &u.quotes)).collect();
    let q = anon.iter().find(|q| q.text.contains("not retreat")).expect("the spokesman's quote is unattributed");
    assert!(r.quotes[q.id].unresolved);
    assert_eq!(q.said_by.as_deref(), Some("the spokesman"));
    let lee = d.sides.iter().flat_map(|s| &s.actors).find(|a| a.name == "Ann Lee").expect("Ann Lee listed");
    let lee_quotes = lee.quotes.iter().chain(lee.unsure.iter().flat_map(|u| &u.quotes));
    assert!(lee_quotes.clone().all(|q| q.said_by.is_none()));
}
