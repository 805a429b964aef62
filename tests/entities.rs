//! Named character references in a page, as the article extractor reads them (html5ever's tokenizer
//! over vendor/web_atoms's sorted entity table, patched in by Cargo.toml): full names with and
//! without ';', the longest match among names that share a start (`&not` inside `&notin;`), a name
//! cut short, names with two code points, and text that only looks like a name.

use whosaid::extract;

/// The article text of a page whose paragraphs are `paras`.
fn text_of(paras: &[&str]) -> String {
    let body: String = paras.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    let html = format!(
        "<!doctype html><html><head><title>Bridge vote</title></head><body><article><h1>Bridge vote</h1>\n{body}</article></body></html>"
    );
    extract(&html, None, None).text
}

/// The paragraph of the extracted text that starts with `start`.
fn para<'a>(text: &'a str, start: &str) -> &'a str {
    text.split("\n\n").find(|p| p.starts_with(start)).unwrap_or_else(|| panic!("no paragraph {start:?} in:\n{text}"))
}

#[test]
fn named_references_decode_as_the_html_standard_says() {
    let filler = "The council met on Tuesday evening to discuss the new bridge over the river, and the \
                  members spoke at length about the cost of the works and the timetable for the vote.";
    let paras = [
        filler,
        "One: Fish &amp; chips &lt;3 &gt; caf&eacute; &AElig;sir &copy; 2026 &mdash; done.",
        "Two: &notin; &not &noti; &notit; x&amp y.",
        "Three: &acE; &nLt; &NotEqualTilde; &fjlig;.",
        "Four: &bogus; &amp &zz; &; &ampx &Aacute &Aacutex.",
        filler,
    ];
    let text = text_of(&paras);
    assert_eq!(para(&text, "One:"), "One: Fish & chips <3 > café Æsir © 2026 — done.");
    // `&not` followed by letters that start no longer name: the match stops at `&not`.
    assert_eq!(para(&text, "Two:"), "Two: ∉ ¬ ¬i; ¬it; x& y.");
    // Names of two code points.
    assert_eq!(para(&text, "Three:"), "Three: \u{223e}\u{333} \u{226a}\u{20d2} \u{2242}\u{338} fj.");
    // Unknown names stay as written; legacy names without ';' decode before other letters.
    assert_eq!(para(&text, "Four:"), "Four: &bogus; & &zz; &; &x Á Áx.");
}
