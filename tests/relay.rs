//! The media relay registry's examples (`whosaid::RELAYS`): each text must give a quote whose speaker
//! and via are the example's; and a medium reporting on its own stays the speaker, with no via.

use whosaid::{analyze, Report, RELAYS};

fn name(r: &Report, a: Option<whosaid::ActorId>) -> Option<String> {
    a.map(|a| r.actors[a].name.clone())
}

fn dump(r: &Report) -> String {
    r.quotes
        .iter()
        .map(|q| {
            let c = &r.text[q.span.start..q.span.end];
            format!("  {} {c:?} speaker={:?} via={:?}", q.rule, name(r, q.speaker), name(r, q.via))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_relay_rule_reads_its_examples() {
    let mut failures = Vec::new();
    for rule in RELAYS {
        assert!(rule.examples.len() >= 2, "{}: fewer than two examples", rule.id);
        for ex in rule.examples {
            let r = analyze(ex.text);
            let ok = r.quotes.iter().any(|q| {
                name(&r, q.speaker).as_deref() == Some(ex.speaker) && name(&r, q.via).as_deref() == Some(ex.via)
            });
            if !ok {
                failures.push(format!(
                    "{}: {:?} → want speaker {:?} via {:?}; found:\n{}",
                    rule.id,
                    ex.text,
                    ex.speaker,
                    ex.via,
                    dump(&r)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_medium_gets_the_statement_via_not_the_actor() {
    let r =
        analyze("Interfax quoted Deputy Foreign Minister Oleg Varin as saying the army must withdraw from the bridge.");
    let q = r.quotes.iter().find(|q| q.via.is_some()).unwrap_or_else(|| panic!("no relayed quote:\n{}", dump(&r)));
    assert_eq!(
        &r.text[q.span.start..q.span.end],
        "the army must withdraw from the bridge",
        "the content starts after \"as saying\""
    );
    let of_quote: Vec<_> = r.statements.iter().filter(|s| s.quote == Some(q.id)).collect();
    assert!(!of_quote.is_empty(), "a demand is stated");
    for s in of_quote {
        assert_eq!(r.actors[s.actor].name, "Oleg Varin");
        assert_eq!(name(&r, s.via).as_deref(), Some("Interfax"));
    }
}

#[test]
fn a_medium_reporting_on_its_own_stays_the_speaker() {
    for text in [
        "Three bridges were closed overnight, according to Reuters.",
        "The ministry has ordered the schools closed, the Xinhua news agency reported.",
    ] {
        let r = analyze(text);
        assert!(r.quotes.iter().all(|q| q.via.is_none()), "{text:?}:\n{}", dump(&r));
    }
}

#[test]
fn a_person_told_is_no_medium() {
    let r = analyze("“We will not wait,” Commissioner Lena Marsh told Foreign Minister Ivan Roe.");
    assert!(r.quotes.iter().all(|q| q.via.is_none()), "{}", dump(&r));
}

#[test]
fn an_unnamed_source_quoted_as_saying_is_shown_as_written() {
    let r = analyze("The Daily Herald quoted unnamed officials as saying the talks had collapsed.");
    let q = r.quotes.iter().find(|q| q.via.is_some()).unwrap_or_else(|| panic!("no relayed quote:\n{}", dump(&r)));
    assert!(q.speaker.is_none() && q.unresolved, "{}", dump(&r));
    let m = q.speaker_mention.expect("the phrase as written");
    assert_eq!(&r.text[m.start..m.end], "unnamed officials");
}
