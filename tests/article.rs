//! Article extraction on pages written for the tests (tests/fixtures/pages/<slug>/page.html):
//! realistic news markup with navigation, share bars, captions, related links, newsletter boxes and
//! footers. Each page's extracted text and metadata must equal `expected.json`; `BLESS=1 cargo test`
//! rewrites the expected files (review the diff before committing).

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use whosaid::{extract, ParagraphRole};

fn pages() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.join("page.html").exists()).collect();
    v.sort();
    v
}

fn actual(dir: &Path) -> Value {
    let html = std::fs::read_to_string(dir.join("page.html")).unwrap();
    let slug = dir.file_name().unwrap().to_string_lossy();
    let e = extract(&html, Some(&format!("https://news.example/{slug}")), None);
    json!({"article": e.article, "source": e.source, "notices": e.notices, "paragraphs": e.text.split("\n\n").collect::<Vec<_>>()})
}

#[test]
fn fixture_pages_give_the_expected_text_and_metadata() {
    let bless = std::env::var_os("BLESS").is_some();
    let mut failed = Vec::new();
    for dir in pages() {
        let got = actual(&dir);
        let path = dir.join("expected.json");
        if bless {
            std::fs::write(&path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
            continue;
        }
        let want: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default()).unwrap_or(Value::Null);
        if got != want {
            failed.push(format!(
                "{}:\n--- expected\n{}\n+++ actual\n{}",
                dir.display(),
                serde_json::to_string_pretty(&want).unwrap(),
                serde_json::to_string_pretty(&got).unwrap()
            ));
        }
    }
    assert!(failed.is_empty(), "{} page(s) differ (BLESS=1 to accept):\n{}", failed.len(), failed.join("\n\n"));
}

#[test]
fn news_page_keeps_prose_and_drops_boilerplate() {
    let html = include_str!("fixtures/pages/news-article/page.html");
    let e = extract(html, None, None);
    assert!(e
        .text
        .contains("“We will not make working families pay to cross their own river,” Mayor Ana Lindqvist said"));
    assert!(e.text.contains("The board should find the money elsewhere."), "a link inside a quote stays: {}", e.text);
    for junk in ["Related:", "Photo:", "School roof", "Sign up", "© 2026", "Facebook", "Politics", "Updated March"] {
        assert!(!e.text.contains(junk), "{junk:?} should be gone:\n{}", e.text);
    }
    assert_eq!(e.article.byline.as_deref(), Some("Maria Okafor"));
    assert_eq!(e.article.site_name.as_deref(), Some("The Riverside Courier"));
    assert_eq!(e.article.lang.as_deref(), Some("en-GB"));
    assert!(e.article.published.as_deref().unwrap().starts_with("2026-03-14"));
}

#[test]
fn an_embedded_post_is_kept_as_a_post_never_read_for_quotes() {
    let html = include_str!("fixtures/pages/embedded-post/page.html");
    let e = extract(html, None, None);
    assert!(e.text.contains("posted on social media shortly after the debate"), "{}", e.text);
    assert!(e.text.contains("Families cannot heat their homes") && e.text.contains("(@ohaddad)"), "{}", e.text);
    assert!(!e.text.contains("READ MORE") && !e.text.contains("(Image: Getty)") && !e.text.contains("Great article"));
    let roles: Vec<_> = e.text.split("\n\n").zip(&e.roles).filter(|(_, r)| **r == ParagraphRole::Embed).collect();
    assert!(roles.iter().any(|(p, _)| p.contains("Families cannot heat")), "{roles:?}");
    assert!(!roles.iter().any(|(p, _)| p.contains("shortly after the debate")), "{roles:?}");
    assert_eq!(e.notices.len(), 1, "{:?}", e.notices);
    assert!(e.notices[0].starts_with("1 embedded social-media post is kept in the text"), "{:?}", e.notices);
    let r = whosaid::analyze(whosaid::Input::page(html));
    assert!(
        !r.quotes.iter().any(|q| r.text[q.span.start..q.span.end].contains("Families cannot heat")),
        "a post's words are no quote: {:?}",
        r.quotes
    );
}

#[test]
fn a_page_without_article_falls_back_to_selection_then_body() {
    let html = include_str!("fixtures/pages/no-article/page.html");
    let sel = extract(html, None, Some("“Die Brücke bleibt offen”, sagte die Bürgermeisterin."));
    assert_eq!(sel.source, whosaid::TextSource::Selection);
    assert_eq!(sel.text, "“Die Brücke bleibt offen”, sagte die Bürgermeisterin.");
    let body = extract(html, None, Some("   "));
    assert_eq!(body.source, whosaid::TextSource::Body);
    assert!(body.notices[0].contains("No article found"));
    let r = whosaid::analyze(whosaid::Input::page(html).selection(Some("“We stay,” said Mayor Ann Lee.")));
    assert_eq!(r.source, Some(whosaid::TextSource::Selection));
}

#[test]
fn odd_and_huge_inputs_do_not_panic() {
    let deep = "<div>".repeat(3_000) + "text" + &"</div>".repeat(3_000);
    let many = "<i>a</i>".repeat(whosaid::MAX_ELEMENTS + 10);
    let big = format!("<html><body><p>{}</p></body></html>", "word ".repeat(whosaid::MAX_HTML_BYTES / 5 + 10));
    for html in ["", "<", "<html", "\u{0}\u{feff}<p>\u{202e}x</p>", "<svg><p>x</svg>", &deep, &many, &big] {
        let e = extract(html, Some("not a url"), None);
        assert!(e.text.len() <= html.len());
    }
}

#[test]
fn random_markup_never_panics() {
    // A small deterministic generator of tag soup: unbalanced tags, attributes, entities, scripts,
    // emoji, right-to-left marks and boilerplate class names.
    const PIECES: &[&str] = &[
        "<div class=\"related\">",
        "</div>",
        "<p>",
        "</p>",
        "<a href=\"/x\">",
        "</a>",
        "<figure>",
        "<figcaption>",
        "</figure>",
        "<blockquote class=\"twitter-tweet\">",
        "</blockquote>",
        "<script>var a='</p>';</script>",
        "<ul><li>",
        "</li></ul>",
        "“",
        "”",
        "said",
        " ",
        "\n",
        "&amp;",
        "&#x1F600;",
        "😀",
        "\u{202e}",
        "\u{0}",
        "<br>",
        "<table><tr><td>",
        "</td></tr></table>",
        "By Jane Roe",
        "Updated Nov 19, 2019",
        "(Image: Getty)",
        "The minister said the plan would go ahead. ",
        "<meta property=\"og:title\" content=\"T\">",
        "<html lang=\"fr\">",
        "<time datetime=\"2026\">",
        "<!--",
        "-->",
        "<![CDATA[",
        "<svg><p>",
        "<math>",
        "<template>",
        "<noscript>",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..300 {
        let n = (next() % 400) as usize;
        let html: String = (0..n).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
        let sel = if next() % 2 == 0 { Some("a selection") } else { None };
        let e = extract(&html, Some("https://news.example/a"), sel);
        assert!(e.source != whosaid::TextSource::Text);
        let _ = whosaid::analyze(whosaid::Input::page(&html).selection(sel));
    }
}

#[test]
fn a_saved_page_reads_the_headline_article_not_the_sign_in_box_or_footer() {
    let e = extract(include_str!("fixtures/pages/saved-overlay/page.html"), None, None);
    assert!(e.text.contains("the district would review the route in the spring"), "{}", e.text);
    for junk in ["Sign in", "Subscribers enjoy", "independently selected", "All rights reserved"] {
        assert!(!e.text.contains(junk), "{junk:?} should be gone:\n{}", e.text);
    }
    assert_eq!(e.article.title.as_deref(), Some("Valley schools add late bus after parents' petition"));
}

#[test]
fn other_posts_beside_a_short_post_are_left_out() {
    let e = extract(include_str!("fixtures/pages/more-posts/page.html"), None, None);
    assert!(e.text.contains("disse a coordenadora Marta Lopes"), "{}", e.text);
    assert!(!e.text.contains("Você pode gostar") && !e.text.contains("feira de artesanato"), "{}", e.text);
}

#[test]
fn every_kind_of_embedded_post_is_marked_and_pull_quotes_stay_prose() {
    let e = extract(include_str!("fixtures/pages/social-embeds/page.html"), None, None);
    let paragraphs: Vec<&str> = e.text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), e.roles.len());
    for (p, r) in paragraphs.iter().zip(&e.roles) {
        let post = ["Forty thousand dollars", "growing on me", "(@"].iter().any(|w| p.contains(w));
        assert_eq!(*r == ParagraphRole::Embed, post, "{p:?} is {r:?}");
    }
    assert!(e.text.contains("wrote on X that the money would have been better spent"), "{}", e.text);
    assert!(e.text.contains("“A slogan is only as good as the town behind it,” the mayor"), "{}", e.text);
    assert!(e.notices.iter().any(|n| n.starts_with("3 embedded social-media posts are kept")), "{:?}", e.notices);
}

#[test]
fn date_and_time_lines_inside_an_event_listing_stay_the_dateline_goes() {
    let e = extract(include_str!("fixtures/pages/event-listing/page.html"), None, None);
    assert!(!e.text.contains("Published 06/11/2026"), "{}", e.text);
    for line in ["Saturday, June 13, 2026", "3:30 – 8:00 pm", "Sunday, June 14, 2026", "10:00 am – 4:00 pm"] {
        assert!(e.text.split("\n\n").any(|p| p == line), "{line:?} should stay:\n{}", e.text);
    }
}

#[test]
fn a_scorecard_table_stays_as_text_rows() {
    let e = extract(include_str!("fixtures/pages/scorecard/page.html"), None, None);
    for row in ["I. Qureshi not out 104 118", "D. Clarke b Patel 47 52"] {
        assert!(e.text.split("\n\n").any(|p| p == row), "{row:?} should be a row:\n{}", e.text);
    }
    assert!(e.text.contains("twenty runs short on a good pitch"), "{}", e.text);
}

#[test]
fn a_hover_card_in_running_text_goes_and_its_name_stays() {
    let e = extract(include_str!("fixtures/pages/hover-card/page.html"), None, None);
    assert!(e.text.starts_with("After months of silence, Sen. Ada Brennan (D-Ore.) said on Thursday"), "{}", e.text);
    assert!(!e.text.contains("harbour tunnel") && !e.text.contains("MORE"), "{}", e.text);
}
