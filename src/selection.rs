//! Analysing what the user asked for: the page, or only the text they selected in it.
//!
//! [`analyze_selection`] takes the selected text and the page's address and title and gives back a
//! [`Report`] of the selection alone (`source` = selection, the page's URL and title in `article`).
//! [`analyze_request`] is the one entry point of the extension: the selection when that was asked for
//! and there is one, else the page (whose selection is still used when the page has no article).

use crate::report::{Report, TextSource};

/// Analyses only `selection`, as the text of the page at `url` titled `title`.
pub fn analyze_selection(selection: &str, url: Option<&str>, title: Option<&str>) -> Report {
    let mut r = crate::analyze_text(selection);
    r.source = Some(TextSource::Selection);
    r.article.url = url.filter(|u| !u.is_empty()).map(str::to_string);
    if r.article.title.is_none() {
        r.article.title = title.map(str::trim).filter(|t| !t.is_empty()).map(str::to_string);
    }
    r
}

/// Analyses a page as the extension asks: with `only_selection` and a non-blank `selection`, the
/// selection alone ([`analyze_selection`]); otherwise the page ([`crate::analyze_page`]), falling back
/// to the selection when the page has no article.
pub fn analyze_request(
    html: &str,
    url: Option<&str>,
    title: Option<&str>,
    selection: Option<&str>,
    only_selection: bool,
) -> Report {
    let url = url.filter(|u| !u.is_empty());
    let selection = selection.filter(|s| !s.trim().is_empty());
    match selection {
        Some(sel) if only_selection => analyze_selection(sel, url, title),
        _ => crate::analyze_page(html, url, selection),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><title>Talks</title></head><body><article><h1>Talks</h1><p>“We will not accept any ultimatum,” Foreign Minister Anna Berg said on Friday, as the talks went on late into the night in the capital.</p><p>“The port will stay closed until wages rise,” union leader Maria Lopez said on Tuesday, adding that the strike would go on for as long as it takes.</p></article></body></html>";

    #[test]
    fn only_the_selection_is_analysed_with_the_page_url_and_title() {
        let sel = "“The port will stay closed until wages rise,” union leader Maria Lopez said on Tuesday.";
        let r = analyze_request(PAGE, Some("https://example.org/a"), Some(" Talks "), Some(sel), true);
        assert_eq!(r.source, Some(TextSource::Selection));
        assert_eq!(r.text, sel);
        assert_eq!(r.article.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(r.article.title.as_deref(), Some("Talks"));
        let speakers: Vec<&str> =
            r.quotes.iter().filter_map(|q| q.speaker).map(|a| r.actors[a].name.as_str()).collect();
        assert_eq!(speakers, ["Maria Lopez"]);
    }

    #[test]
    fn a_blank_selection_or_the_page_mode_analyses_the_page() {
        for (sel, only) in [(Some("  \n"), true), (None, true), (Some("Maria Lopez said so."), false)] {
            let r = analyze_request(PAGE, Some(""), None, sel, only);
            assert_eq!(r.source, Some(TextSource::Article), "{sel:?} {only}");
            assert!(r.text.contains("Anna Berg") && r.text.contains("Maria Lopez"));
            assert_eq!(r.article.url, None);
        }
    }
}
