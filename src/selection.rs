//! What the extension asks to analyse: the page, or only the text the reader selected in it.
//!
//! Takes the page's HTML, address and title, the selection and the reader's choice; gives back the
//! [`Input`] to analyse: [`Input::Selection`] when only the selection was asked for and there is
//! one, else [`Input::Page`] (whose selection is still used when the page has no article).

use crate::Input;

impl<'a> Input<'a> {
    /// The input of an extension request: with `only_selection` and a non-blank `selection`, the
    /// selection alone (with the page's `url` and `title`); otherwise the page.
    pub fn request(
        html: &'a str,
        url: Option<&'a str>,
        title: Option<&'a str>,
        selection: Option<&'a str>,
        only_selection: bool,
    ) -> Input<'a> {
        let url = url.filter(|u| !u.is_empty());
        let selection = selection.filter(|s| !s.trim().is_empty());
        match selection {
            Some(text) if only_selection => Input::Selection { text, url, title },
            _ => Input::page(html).url(url).selection(selection),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Input, TextSource};

    const PAGE: &str = "<html><head><title>Talks</title></head><body><article><h1>Talks</h1><p>“We will not accept any ultimatum,” Foreign Minister Anna Berg said on Friday, as the talks went on late into the night in the capital.</p><p>“The port will stay closed until wages rise,” union leader Maria Lopez said on Tuesday, adding that the strike would go on for as long as it takes.</p></article></body></html>";

    #[test]
    fn only_the_selection_is_analysed_with_the_page_url_and_title() {
        let sel = "“The port will stay closed until wages rise,” union leader Maria Lopez said on Tuesday.";
        let r = analyze(Input::request(PAGE, Some("https://example.org/a"), Some(" Talks "), Some(sel), true));
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
            let r = analyze(Input::request(PAGE, Some(""), None, sel, only));
            assert_eq!(r.source, Some(TextSource::Article), "{sel:?} {only}");
            assert!(r.text.contains("Anna Berg") && r.text.contains("Maria Lopez"));
            assert_eq!(r.article.url, None);
        }
    }
}
