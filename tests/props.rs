//! Property tests: for any string and any HTML-ish input, the core never panics and every report
//! keeps its invariants (tests/props/check.rs). Inputs are biased towards what breaks text code:
//! quotation marks of every style, apostrophes, NBSP, zero-width and bidi controls, emoji ZWJ
//! sequences, combining marks, line and paragraph separators, cue words and names.
//!
//! Case counts are bounded so `cargo test` stays fast; `WHOSAID_PROPTEST_CASES=20000 cargo test
//! --release --test props` (what `make fuzz` does) runs a long search.
#![cfg(not(target_arch = "wasm32"))]

#[path = "props/check.rs"]
mod check;

use proptest::prelude::*;
use proptest::test_runner::Config;

/// Pieces that text code gets wrong.
const ODD: &[&str] = &[
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‚",
    "‹",
    "›",
    "「",
    "」",
    "『",
    "』",
    "＂",
    "`",
    "´",
    "″",
    "‛",
    "‟",
    "\u{00A0}",
    "\u{202F}",
    "\u{2009}",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{00AD}",
    "\u{200E}",
    "\u{200F}",
    "\u{202E}",
    "\u{2066}",
    "\u{2067}",
    "\u{2069}",
    "\u{061C}",
    "👩\u{200D}👩\u{200D}👧",
    "👍🏽",
    "🇺🇦",
    "❤\u{FE0F}",
    "😀",
    "e\u{0301}",
    "\u{0301}",
    "\u{0308}\u{0308}",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{2028}",
    "\u{2029}",
    "\u{0085}",
    "\t",
    "\0",
    " ",
    "  ",
    ".",
    ",",
    ":",
    ";",
    "?",
    "!",
    "…",
    "—",
    "–",
    "-",
    "(",
    ")",
    "<",
    ">",
    "&",
    "U.S.",
    "Mr.",
    "Dr.",
    "A.",
    "e.g.",
    "شكرا",
    "\u{05E9}\u{05DC}\u{05D5}\u{05DD}",
    "Путин",
    "中文",
    "\u{10FFFF}",
    "\u{FFFD}",
];

/// Words that make the rules fire.
const WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "urged",
    "warned",
    "demanded",
    "denied",
    "according",
    "to",
    "that",
    "added",
    "he",
    "she",
    "they",
    "it",
    "the",
    "Putin",
    "President",
    "Vladimir",
    "Jane",
    "Roe",
    "Russia",
    "Kremlin",
    "officials",
    "spokesman",
    "Ned",
    "Price",
    "State",
    "Department",
    "We",
    "will",
    "not",
    "must",
    "Minister",
    "Prime",
    "on",
    "Monday",
    "also",
    "reporters",
    "CNN",
    "NATO",
    "Ukraine",
    "Biden",
    "Joe",
    "a",
    "of",
    "and",
    "Mayor",
    "Ann",
    "Lee",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(ODD).prop_map(str::to_string),
        4 => proptest::sample::select(WORDS).prop_map(|w| format!(" {w}")),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[a-zA-Z ]{1,12}",
    ]
}

/// Text built from odd pieces and rule words.
fn odd_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..120).prop_map(|v| v.concat())
}

/// HTML-ish input: tags, entities, comments and odd text in any order.
fn html_ish() -> impl Strategy<Value = String> {
    const TAGS: &[&str] = &[
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<article>",
        "</article>",
        "<br>",
        "<span class=x>",
        "</span>",
        "<b>",
        "</i>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<svg><text>",
        "</text></svg>",
        "<iframe srcdoc=\"<p>x</p>\">",
        "<template>",
        "</template>",
        "<textarea>",
        "</textarea>",
        "<h1>",
        "</h1>",
        "<title>",
        "</title>",
        "<html>",
        "<body>",
        "</body>",
        "<head>",
        "<meta charset=x>",
        "<blockquote>",
        "</blockquote>",
        "<q>",
        "</q>",
        "<a href=\"javascript:alert(1)\">",
        "</a>",
        "&amp;",
        "&lt;",
        "&#0;",
        "&#x110000;",
        "&#xD800;",
        "&nbsp;",
        "&ldquo;",
        "&rdquo;",
        "&bogus;",
        "<",
        ">",
        "</",
        "<!DOCTYPE html>",
        "<p dir=rtl>",
        "<img src=x onerror=alert(1)>",
        "<noscript>",
        "</noscript>",
        "<table><tr><td>",
        "<li>",
    ];
    proptest::collection::vec(
        prop_oneof![3 => proptest::sample::select(TAGS).prop_map(str::to_string), 2 => piece(), 1 => "[a-z .]{1,30}"],
        0..150,
    )
    .prop_map(|v| v.concat())
}

/// Bounded by default; `WHOSAID_PROPTEST_CASES` raises it for long runs.
fn cases(default: u32) -> Config {
    let n = std::env::var("WHOSAID_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    Config { cases: n, failure_persistence: None, ..Config::default() }
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn any_string_gives_a_sound_report(s in any::<String>()) {
        check::check_report(&whosaid::analyze(&s), Some(&s));
    }

    #[test]
    fn odd_text_gives_a_sound_report(s in odd_text()) {
        check::check_report(&whosaid::analyze(&s), Some(&s));
    }

    #[test]
    fn quoted_sentences_with_odd_pieces_give_a_sound_report(
        before in odd_text(), inner in odd_text(), after in odd_text(),
        open in proptest::sample::select(&["“", "\"", "«", "„", "‘", "'", "「", "’"][..]),
        close in proptest::sample::select(&["”", "\"", "»", "“", "’", "'", "」", ""][..]),
    ) {
        let s = format!("{before}{open}{inner},{close} Prime Minister Jane Roe said{after}. He added: {open}{inner}{close}");
        check::check_report(&whosaid::analyze(&s), Some(&s));
    }
}

proptest! {
    #![proptest_config(cases(64))]

    #[test]
    fn any_html_gives_a_sound_report(h in html_ish()) {
        check::check_report(&whosaid::analyze(whosaid::Input::page(&h)), None);
    }

    #[test]
    fn any_html_with_a_url_gives_a_sound_report(h in html_ish(), url in "(https?://[a-z.]{1,10}/[a-z]{0,5}|javascript:x|[a-z:/]{0,10})") {
        check::check_report(&whosaid::analyze(whosaid::Input::page(&h).url(Some(&url))), None);
    }

    #[test]
    fn any_string_as_html_gives_a_sound_report(s in any::<String>()) {
        check::check_report(&whosaid::analyze(whosaid::Input::page(&s)), None);
    }
}
