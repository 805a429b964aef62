//! Officials apart (issue 13): who each quoted person speaks as. A table of cases written for WhoSaid,
//! in the forms news articles give them (ministers, spokespeople, commanders, leaders, analysts,
//! journalists, residents, anonymous sources): the speaker of the text's quote must be the actor
//! named, with that category and body.

use whosaid::{analyze, Category};

/// (text, speaker's actor name, category, body)
const CASES: &[(&str, &str, Category, Option<&str>)] = &[
    // ministers and ministries
    ("Foreign Minister Ana Poe said the border would stay closed.", "Ana Poe", Category::Official, Some("ministry")),
    (
        "“We have asked for an explanation,” Foreign Ministry spokesman Wang Lin told reporters.",
        "Wang Lin",
        Category::Official,
        Some("ministry"),
    ),
    (
        "The Defence Ministry said the drills would end on Friday.",
        "Defence Ministry",
        Category::Official,
        Some("ministry"),
    ),
    // heads of state and government, legislators
    ("President Ivan Roe said the treaty was dead.", "Ivan Roe", Category::Official, Some("government")),
    ("Prime Minister Lena Marsh said the vote would go ahead.", "Lena Marsh", Category::Official, Some("government")),
    ("Senator Dan Ortiz said the bill had no chance.", "Dan Ortiz", Category::Official, Some("government")),
    // commanders
    ("General Li Wen said the troops would not withdraw.", "Li Wen", Category::Official, Some("army")),
    ("“The line is holding,” said army commander Omar Saleh.", "Omar Saleh", Category::Official, Some("army")),
    // experts and analysts, in an appositive
    (
        "Jane Dunmore, a political analyst at the Baltic Institute, said the talks were doomed.",
        "Jane Dunmore",
        Category::Expert,
        None,
    ),
    ("Economist Paul Marek said prices would rise again.", "Paul Marek", Category::Expert, None),
    // journalists and outlets
    ("Three bridges were closed overnight, according to Reuters.", "Reuters", Category::Media, None),
    // private persons
    (
        "Maria Lopez, a resident of the flooded district, said the water came at night.",
        "Maria Lopez",
        Category::Private,
        None,
    ),
    ("“We heard two blasts,” said Ahmed Karim, a witness.", "Ahmed Karim", Category::Private, None),
    // nothing says
    ("“It was a fine day,” said Tom Baker.", "Tom Baker", Category::Unknown, None),
];

#[test]
fn each_speaker_has_its_category_and_body() {
    let mut failures = Vec::new();
    for &(text, name, category, body) in CASES {
        let r = analyze(text);
        let got = r.quotes.iter().filter_map(|q| q.speaker).map(|a| &r.actors[a.index()]).find(|a| a.name == name);
        match got {
            Some(a) if a.category == category && a.body.as_deref() == body => {
                assert_eq!(a.official, category == Category::Official, "{text:?}: official agrees with the category");
            }
            Some(a) => failures
                .push(format!("{text:?}: {name} is {:?} / {:?}, want {category:?} / {body:?}", a.category, a.body)),
            None => failures.push(format!(
                "{text:?}: no quote of {name}; speakers {:?}",
                r.quotes.iter().filter_map(|q| q.speaker).map(|a| r.actors[a.index()].name.clone()).collect::<Vec<_>>()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_group_of_residents_is_private_and_officials_are_official() {
    let r = analyze("Residents said the shelling lasted all night. Officials said the road would reopen.");
    for a in r.actors.iter().filter(|a| a.quoted) {
        let want = if a.name.to_lowercase().contains("resident") { Category::Private } else { Category::Official };
        assert_eq!(a.category, want, "{}", a.name);
    }
}

#[test]
fn officials_only_keeps_the_highlights_of_officials_alone() {
    let text =
        "“The border stays closed,” Foreign Minister Ana Poe said. “We heard two blasts,” said Ahmed Karim, a witness.";
    let r = analyze(text);
    let all = whosaid::display::view(&r).targets;
    let opts = whosaid::Options { officials_only: true, ..whosaid::Options::default() };
    let only = whosaid::display::view_with(&r, &opts).targets;
    let exact = |ts: &[whosaid::display::Target]| ts.iter().map(|t| t.exact.clone()).collect::<Vec<_>>();
    assert!(exact(&all).iter().any(|e| e.contains("two blasts")), "{:?}", exact(&all));
    assert!(!only.is_empty() && only.iter().all(|t| t.official), "{:?}", exact(&only));
    assert!(exact(&only).iter().any(|e| e.contains("border stays closed")), "{:?}", exact(&only));
    assert!(!exact(&only).iter().any(|e| e.contains("two blasts")), "{:?}", exact(&only));
    // the display model still lists both speakers, with their categories
    let v = whosaid::display::view_with(&r, &opts).display;
    let cats: Vec<_> = v.sides.iter().flat_map(|s| &s.actors).map(|a| (a.name.clone(), a.category)).collect();
    assert!(cats.contains(&("Ahmed Karim".to_string(), Category::Private)), "{cats:?}");
    assert!(cats.contains(&("Ana Poe".to_string(), Category::Official)), "{cats:?}");
}
