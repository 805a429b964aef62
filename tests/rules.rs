//! The rule registry's examples (nlprule's `Rule::test`): every rule of
//! `whosaid::quotes::attribution::RULES` has at least two example sentences; each must give a quote of
//! that rule with the example's content and speaker, and again, with offsets shifted by exactly one
//! byte, when the text starts with one more space (wrong offset arithmetic shows up there). Known
//! failures are listed, with their reasons, in `tests/fixtures/rules_ignore.tsv`.

use std::collections::{HashMap, HashSet};

use whosaid::{analyze, Quote, Report};
use whosaid::{Example, RuleId, NOT_QUOTES, RULES};

const IGNORE: &str = include_str!("fixtures/rules_ignore.tsv");

/// Example id → reason.
fn ignored() -> HashMap<&'static str, &'static str> {
    IGNORE
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (id, reason) = l.split_once('\t').unwrap_or_else(|| panic!("rules_ignore.tsv: no reason in {l:?}"));
            assert!(!reason.trim().is_empty(), "rules_ignore.tsv: empty reason for {id}");
            (id, reason)
        })
        .collect()
}

fn content(r: &Report, q: &Quote) -> String {
    q.fragments.iter().map(|f| &r.text[f.start..f.end]).collect::<Vec<_>>().join(" | ")
}

/// The speaker's actor name, else the speaker phrase as written.
fn speaker(r: &Report, q: &Quote) -> Option<String> {
    q.speaker
        .map(|a| r.actors[a].name.clone())
        .or_else(|| q.speaker_mention.map(|m| r.text[m.start..m.end].to_string()))
}

fn dump(r: &Report) -> String {
    r.quotes
        .iter()
        .map(|q| format!("  {} {:?} speaker={:?}", q.rule, content(r, q), speaker(r, q)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs one example: the quote it must give, or what went wrong.
fn run(rule: RuleId, ex: &Example) -> Result<(), String> {
    let r = analyze(ex.text);
    let want_speaker = ex.speaker.map(str::to_string);
    let Some(q) = r
        .quotes
        .iter()
        .find(|q| q.rule == rule.as_str() && content(&r, q) == ex.content && speaker(&r, q) == want_speaker)
    else {
        return Err(format!(
            "no {} quote {:?} with speaker {:?} in {:?}; found:\n{}",
            rule.as_str(),
            ex.content,
            ex.speaker,
            ex.text,
            dump(&r)
        ));
    };
    // the same text after one more byte
    let shifted = format!(" {}", ex.text);
    let s = analyze(&shifted);
    let moved = |a: usize| a + 1;
    let found = s.quotes.iter().any(|p| {
        p.rule == q.rule
            && p.kind == q.kind
            && p.fragments.len() == q.fragments.len()
            && p.fragments.iter().zip(&q.fragments).all(|(a, b)| a.start == moved(b.start) && a.end == moved(b.end))
            && p.cue.map(|c| (c.start, c.end)) == q.cue.map(|c| (moved(c.start), moved(c.end)))
            && p.speaker_mention.map(|c| (c.start, c.end)) == q.speaker_mention.map(|c| (moved(c.start), moved(c.end)))
            && speaker(&s, p) == want_speaker
    });
    if !found {
        return Err(format!(
            "shifted by one byte, the {} quote {:?} is not found one byte later in {:?}; found:\n{}",
            rule.as_str(),
            ex.content,
            shifted,
            dump(&s)
        ));
    }
    Ok(())
}

#[test]
fn every_rule_finds_its_examples_at_any_offset() {
    let ignore = ignored();
    let mut failures = Vec::new();
    let mut seen = HashSet::new();
    let mut ids = HashSet::new();
    for rule in RULES {
        assert!(ids.insert(rule.id), "{} is twice in the registry", rule.id.as_str());
        assert!(rule.examples.len() >= 2, "{} has {} examples, needs two", rule.id.as_str(), rule.examples.len());
        for (n, ex) in rule.examples.iter().enumerate() {
            let id = format!("{}#{}", rule.id.as_str(), n + 1);
            let result = run(rule.id, ex);
            match (ignore.get(id.as_str()), result) {
                (None, Ok(())) => {}
                (None, Err(e)) => failures.push(format!("{id} ({}): {e}", rule.found_by)),
                (Some(_), Ok(())) => failures.push(format!("{id} passes: remove it from rules_ignore.tsv")),
                (Some(_), Err(_)) => {}
            }
            seen.insert(id);
        }
    }
    for id in ignore.keys() {
        assert!(seen.contains(*id), "rules_ignore.tsv names {id}, which is no example");
    }
    assert_eq!(ids.len(), RuleId::ALL.len(), "every rule id has a rule");
    assert!(failures.is_empty(), "{} example(s) failed:\n{}", failures.len(), failures.join("\n"));
}

/// Every passage of `NOT_QUOTES` is overlapped by no quote, at its offset and one byte later; every
/// pattern has at least two passages.
#[test]
fn no_quote_overlaps_a_passage_that_is_no_quote() {
    let mut failures = Vec::new();
    let mut per_pattern: HashMap<&str, usize> = HashMap::new();
    for nq in NOT_QUOTES {
        *per_pattern.entry(nq.pattern).or_default() += 1;
        let at = nq.text.find(nq.not).unwrap_or_else(|| panic!("{:?} is not in {:?}", nq.not, nq.text));
        for shift in [0, 1] {
            let text = format!("{}{}", " ".repeat(shift), nq.text);
            let (a, z) = (at + shift, at + shift + nq.not.len());
            let r = analyze(&text);
            if r.quotes.iter().any(|q| q.fragments.iter().any(|f| f.start < z && f.end > a)) {
                failures.push(format!(
                    "{} (shift {shift}): {:?} is quoted in {:?}:\n{}",
                    nq.pattern,
                    nq.not,
                    text,
                    dump(&r)
                ));
            }
        }
    }
    for (p, n) in per_pattern {
        assert!(n >= 2, "pattern {p} has {n} passage(s), needs two");
    }
    assert!(failures.is_empty(), "{} passage(s) quoted:\n{}", failures.len(), failures.join("\n"));
}
