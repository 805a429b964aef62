//! Statement tests (issue 4): a table of constructions (tests/fixtures/statements/cases.tsv), the seed
//! article's statements, the report fields the popup needs, and the dev evaluation of statements.

mod common;

use std::path::Path;

use common::{analyze_jsonl, python3, shared};

use whosaid::{analyze, Report, Statement, StatementType};

fn actor(r: &Report, s: &Statement) -> String {
    r.actors[s.actor].name.clone()
}

fn names_match(got: &str, want: &str) -> bool {
    got == want || got.contains(want) || want.contains(got)
}

#[test]
fn statement_table() {
    let data = include_str!("fixtures/statements/cases.tsv");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        n += 1;
        let cols: Vec<&str> = line.split('\t').collect();
        let (rule, text, want_actor, want_type) = (cols[0], cols[1], cols[2], cols[3]);
        let extra: Vec<&str> =
            cols.get(4).map(|e| e.split(',').map(str::trim).filter(|e| !e.is_empty()).collect()).unwrap_or_default();
        let r = analyze(text);
        let shown: Vec<String> =
            r.statements.iter().map(|s| format!("{}:{}({})", actor(&r, s), s.kind.as_str(), s.rule)).collect();
        if want_type == "none" {
            if !r.statements.iter().all(|s| s.kind == StatementType::Position)
                || extra.contains(&"none") && !r.statements.is_empty()
            {
                failures.push(format!("{rule}: expected no typed statement, got {shown:?}"));
            }
            continue;
        }
        let want = StatementType::parse(want_type).expect("type");
        let hits: Vec<&Statement> = r
            .statements
            .iter()
            .filter(|s| s.kind == want && (want_actor == "-" || names_match(&actor(&r, s), want_actor)))
            .collect();
        let Some(s) = hits.first() else {
            failures.push(format!("{rule}: expected {want_actor}:{want_type}, got {shown:?}"));
            continue;
        };
        if s.rule != rule {
            failures.push(format!("{rule}: typed by {} instead ({shown:?})", s.rule));
        }
        for e in &extra {
            let ok = match e.split_once('=') {
                Some(("strength", v)) => s.strength.to_string() == *v,
                Some(("via", v)) => s.via.is_some_and(|a| names_match(&r.actors[a].name, v)),
                Some(("target", v)) => s.target.as_deref().is_some_and(|t| names_match(t, v)),
                Some(("items", v)) => hits.len().to_string() == *v && hits.iter().all(|s| s.item.is_some()),
                _ => match *e {
                    "conditional" => s.conditional,
                    "negated" => s.negated,
                    "future" => s.future,
                    "none" => true,
                    flag => panic!("{rule}: unknown flag {flag:?} in cases.tsv"),
                },
            };
            if !ok {
                failures.push(format!("{rule}: {e} does not hold for {:?}", s));
            }
        }
    }
    assert!(n >= 25, "the table has {n} cases");
    assert!(failures.is_empty(), "{} of {n} cases failed:\n{}", failures.len(), failures.join("\n"));
}

fn seed() -> Report {
    analyze(include_str!("fixtures/seed/000_64ce14edc3ca31c8.txt"))
}

#[test]
fn seed_putin_three_requirements_are_three_demand_items() {
    let r = seed();
    let items: Vec<&Statement> = r.statements.iter().filter(|s| s.item.is_some()).collect();
    let texts: Vec<&str> = items.iter().map(|s| &r.text[s.span.start..s.span.end]).collect();
    assert_eq!(
        texts,
        vec![
            "the prevention of NATO expansion",
            "the refusal to deploy strike weapons systems near the Russian borders",
            "the return of the military infrastructure of the bloc in Europe to the state of 1997",
        ]
    );
    for s in items {
        assert_eq!(s.kind, StatementType::Demand);
        assert_eq!(s.strength, 3);
        assert_eq!(actor(&r, s), "Vladimir Putin");
        assert!(s.quote.is_some());
        assert_eq!(s.rule, "demand/list-item");
    }
}

#[test]
fn seed_nested_conditional_and_act_statements() {
    let r = seed();
    let find = |who: &str, t: StatementType| {
        r.statements.iter().find(|s| actor(&r, s) == who && s.kind == t).unwrap_or_else(|| {
            panic!("no {who} {t:?} in {:#?}", r.statements.iter().map(|s| (actor(&r, s), s.kind)).collect::<Vec<_>>())
        })
    };
    let blinken = find("Antony Blinken", StatementType::Demand);
    assert_eq!(blinken.via.map(|v| r.actors[v].name.as_str()), Some("Ned Price"));
    assert_eq!(blinken.strength, 2);
    let threat = find("Ned Price", StatementType::Threat);
    assert!(threat.future);
    let senators =
        r.statements.iter().find(|s| s.kind == StatementType::Threat && actor(&r, s).contains("senators")).unwrap();
    assert!(senators.conditional, "should Moscow decide … is a condition");
    find("Russia", StatementType::Denial);
    let m = find("Mateusz Morawiecki", StatementType::Commitment);
    assert!(r.text[m.span.start..m.span.end].contains("deliver more weapons"));
    // mentioned only: no statements
    for who in ["Viktor Orban", "Sergei Lavrov", "Boris Johnson", "Volodymyr Zelensky"] {
        assert!(r.statements.iter().all(|s| !actor(&r, s).contains(who)), "{who} has a statement");
    }
    // sides group every statement exactly once
    let grouped: usize = r.sides.iter().flat_map(|g| &g.actors).map(|a| a.statements.len()).sum();
    assert_eq!(grouped, r.statements.len());
    let russia = r.sides.iter().find(|g| g.side.as_deref() == Some("Russia")).expect("a Russia side");
    assert!(russia.actors.iter().any(|a| r.actors[a.actor].name == "Vladimir Putin"));
}

#[test]
fn statements_serialise_what_the_popup_needs() {
    let r = seed();
    let v = serde_json::to_value(&r).unwrap();
    let s = &v["statements"][0];
    for key in [
        "actor",
        "via",
        "target",
        "type",
        "strength",
        "span",
        "cue",
        "quote",
        "conditional",
        "negated",
        "future",
        "rule",
        "item",
        "repeats",
        "confidence",
    ] {
        assert!(s.get(key).is_some(), "statement JSON lacks {key}: {s}");
    }
    assert!(v["sides"][0]["actors"][0]["statements"].is_array());
}

#[test]
fn repeated_statements_merge() {
    let r = analyze("Ruritania rejected the proposal. Ruritania rejected the proposal.");
    let rej: Vec<&Statement> = r.statements.iter().filter(|s| s.kind == StatementType::Rejection).collect();
    assert_eq!(rej.len(), 1, "{:?}", r.statements);
    assert_eq!(rej[0].repeats.len(), 1);
}

// ---- the dev evaluation of statements (needs ../shared and python3) ----

/// (metric, floor)
type Floors = &'static [(&'static str, f64)];

/// (name, gold file under ../shared, scorer args, floors). Reached when these floors were set: seed e2e
/// F1 0.970; PLOVER dev --sentence type_found 0.892, macro-F1 0.811, type_and_actor 0.747.
const FLOORS: &[(&str, &str, &[&str], Floors)] = &[
    ("seed", "data/seed/seed.gold.jsonl", &[], &[("e2e_F1", 0.93)]),
    (
        "plover-dev",
        "data/statements/plover-gsr/plover_gsr_dev.jsonl",
        &["--sentence"],
        &[("type_found", 0.87), ("macro_F1", 0.78), ("type_and_actor", 0.72)],
    ),
    // issue 14: 0.446 / 0.513 before the learned typer and the constructions; 0.481 / 0.571 after; 0.552 /
    // 0.645 after the action gate, relay and coreference (session 4)
    ("diplomacy-dev", "data/diplomacy/diplomacy_dev.jsonl", &[], &[("e2e_F1", 0.54), ("e2e_P", 0.63)]),
];

#[test]
fn statement_evaluation_meets_the_floors() {
    let Some(shared) = shared("score_statements.py") else {
        eprintln!("eval: ../shared is absent; skipping the statement evaluation");
        return;
    };
    if !python3() {
        eprintln!("eval: python3 is absent; skipping the statement evaluation");
        return;
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("eval-statements");
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    for (name, gold, args, floors) in FLOORS {
        let gold = shared.join(gold);
        let pred = dir.join(format!("{name}.jsonl"));
        analyze_jsonl(&gold, &pred);
        let score = dir.join(format!("{name}.score.json"));
        let v = common::score(&shared, "score_statements.py", args, &gold, &pred, &score);
        for (metric, floor) in *floors {
            let got = v[metric].as_f64().unwrap_or(0.0);
            eprintln!("{name} {metric} {got:.3} (floor {floor})");
            if got < *floor {
                failures.push(format!("{name} {metric} {got:.3} < {floor}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn odd_inputs_do_not_panic() {
    let pieces = [
        "İstanbul",
        "demanded",
        "“",
        "”",
        "—something",
        " Russia has denied",
        ", which ",
        "must",
        "will impose",
        "three key requirements concerning",
        " A, B, as well as C",
        "\"",
        "Putin said",
        "😀",
        "Ünal",
        "unless",
        ".",
        "\n\n",
        " that ",
        "urged",
        "İİ",
        "ﬁ",
        "promising",
        ",",
    ];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..400 {
        let mut s = String::new();
        for _ in 0..12 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push_str(pieces[(x % pieces.len() as u64) as usize]);
            s.push(' ');
        }
        let r = analyze(&s);
        for st in &r.statements {
            assert!(
                st.span.end <= r.text.len()
                    && r.text.is_char_boundary(st.span.start)
                    && r.text.is_char_boundary(st.span.end)
            );
        }
    }
}

#[test]
fn a_statement_never_targets_its_own_actor() {
    let seed = include_str!("fixtures/seed/000_64ce14edc3ca31c8.txt");
    let r = whosaid::analyze(seed);
    for s in &r.statements {
        if let Some(t) = &s.target {
            let actor = &r.actors[s.actor].name;
            let last = actor.split_whitespace().last().unwrap_or(actor);
            assert!(!t.contains(last), "statement {:?} by {actor} targets {t}", &r.text[s.span.start..s.span.end]);
        }
    }
}

#[test]
fn accusation_targets_the_accused_and_a_passive_names_no_one() {
    let r = whosaid::analyze(
        "“The West has ignored our proposals,” Putin said. “Our concerns have been ignored,” Putin said.",
    );
    let acc: Vec<_> = r.statements.iter().filter(|s| s.kind == whosaid::StatementType::Accusation).collect();
    assert_eq!(acc.len(), 2, "{:?}", r.statements);
    assert_eq!(acc[0].target.as_deref(), Some("West"));
    assert_eq!(acc[1].target, None);
}

#[test]
fn statements_carry_a_confidence_and_typed_cues_outrank_bare_positions() {
    let r = seed();
    assert!(r.statements.iter().all(|s| s.confidence > 0.0 && s.confidence < 1.0), "{:?}", r.statements);
    let conf = |rule: &str| r.statements.iter().find(|s| s.rule == rule).map(|s| s.confidence).unwrap();
    // Morawiecki's promise (a commitment verb as the quote's cue) against a bare position
    assert!(conf("commitment/promise/quote-cue") > conf("position/quote"));
    assert!(conf("demand/list-item") > conf("position/quote"));
}

#[test]
fn a_fragment_or_a_poll_is_a_quote_but_no_statement() {
    let r = analyze("Borduria's prime minister spoke to reporters on Tuesday, the ministry said.");
    assert!(r.statements.is_empty(), "{:?}", r.statements);
    let r = analyze(
        "A poll released by the Ruritanian Institute showed that Lind leads with 45 percent, the institute said.",
    );
    assert!(!r.quotes.is_empty() && r.statements.is_empty(), "{:?} {:?}", r.quotes, r.statements);
}

#[test]
fn a_direct_quote_of_several_sentences_gives_one_statement_per_sentence() {
    let r = analyze(
        "“We will not give anything to Borduria. The blockade must end now. Our soldiers have shown great restraint,” Tomas Lind said.",
    );
    let kinds: Vec<&str> = r.statements.iter().map(|s| s.kind.as_str()).collect();
    assert_eq!(kinds, vec!["rejection", "demand", "position"], "{:?}", r.statements);
}

/// Two claims of different types joined in one content are two statements (the diplomacy
/// conventions: one statement per claim); a part without a type of its own stays with the other.
#[test]
fn claims_joined_in_one_content_are_cut() {
    let cases: &[(&str, &[StatementType])] = &[
        (
            "The Ruritanian defence minister denied that his troops had crossed the border while accusing Borduria of staging provocations.",
            &[StatementType::Denial, StatementType::Accusation],
        ),
        (
            "“We do not want a war but we will not surrender, and we are ready to defend our villages,” Anna Berg said.",
            &[StatementType::Rejection, StatementType::Commitment],
        ),
        (
            "“Ruritania is carefully reading the written answers, but it is already clear that our concerns have been ignored,” Tomas Lind said.",
            &[StatementType::Accusation],
        ),
    ];
    for (text, want) in cases {
        let r = analyze(*text);
        let kinds: Vec<StatementType> = r.statements.iter().map(|s| s.kind).collect();
        assert_eq!(&kinds, want, "{text}");
        for w in r.statements.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "overlapping claims in {text}");
        }
    }
}

/// A modal is asked only when its own clause ends in a question mark: a question after the content
/// (past a semicolon, in another clause of the sentence) does not make the content one.
#[test]
fn a_question_after_the_content_does_not_unask_a_modal() {
    let r = analyze(
        "Tomas Lind said the council should repair the bridge before winter, according to a statement on Monday; what else could it do?",
    );
    let kinds: Vec<StatementType> = r.statements.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, vec![StatementType::Demand], "{:?}", r.statements);
    let r = analyze("“Do you think the council should pay for the new bridge?” Anna Berg asked.");
    assert!(r.statements.iter().all(|s| s.kind != StatementType::Demand), "{:?}", r.statements);
}
