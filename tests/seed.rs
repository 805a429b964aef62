//! Golden test on the seed article (the project's demo sample): who is quoted, and who is not.

use whosaid::{analyze, QuoteKind, Report};

const SEED: &str = include_str!("fixtures/seed/000_64ce14edc3ca31c8.txt");

fn speaker_of(r: &Report, needle: &str) -> Option<String> {
    let at = r.text.find(needle).expect("needle in the seed text");
    let q = r.quotes.iter().find(|q| q.span.start <= at && at < q.span.end)?;
    q.speaker.map(|a| r.actors[a].name.clone())
}

#[test]
fn direct_quotes_with_a_named_cue_have_the_right_speaker() {
    let r = analyze(SEED);
    for (needle, who) in [
        ("Russia is carefully analyzing", "Vladimir Putin"),
        ("have not seen adequate consideration", "Vladimir Putin"),
        ("I hope dialogue on Ukraine", "Vladimir Putin"),
        ("urged immediate Russian de-escalation", "Ned Price"),
        ("We continue to engage in nonstop diplomacy", "Joe Biden"),
    ] {
        assert_eq!(speaker_of(&r, needle).as_deref(), Some(who), "speaker of the quote {needle:?}");
    }
}

#[test]
fn mentioned_only_people_are_not_quoted() {
    let r = analyze(SEED);
    for name in ["Orban", "Lavrov", "Johnson", "Zelensky"] {
        let a = r.actors.iter().find(|a| a.name.contains(name)).unwrap_or_else(|| panic!("{name} is an actor"));
        assert!(!a.quoted, "{} must not be shown as quoted", a.name);
        assert!(r.quotes.iter().all(|q| q.speaker != Some(a.id)));
        assert!(r.statements.iter().all(|s| s.actor != a.id));
    }
}

#[test]
fn putin_keeps_title_and_affiliation_and_all_mentions() {
    let r = analyze(SEED);
    let putin = r.actors.iter().find(|a| a.name == "Vladimir Putin").expect("Putin is an actor");
    assert_eq!(putin.role.as_deref(), Some("President"));
    assert_eq!(putin.affiliation.as_deref(), Some("Russia"));
    assert!(putin.official && putin.quoted);
    // "Russian President Vladimir Putin", "Putin" ×5 and "the Russian leader"
    assert!(putin.mentions.len() >= 7, "{} mentions", putin.mentions.len());
    assert!(putin.mentions.iter().any(|m| &r.text[m.start..m.end] == "the Russian leader"));
}

#[test]
fn spans_are_in_bounds_and_on_char_boundaries() {
    let r = analyze(SEED);
    for q in &r.quotes {
        assert!(q.span.start < q.span.end && q.span.end <= r.text.len());
        assert!(r.text.is_char_boundary(q.span.start) && r.text.is_char_boundary(q.span.end));
        if q.kind == QuoteKind::Direct {
            assert!(r.text[q.span.start..].starts_with(['“', '"', '«', '‘']), "direct quote starts on a mark");
        }
    }
}
