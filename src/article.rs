//! Article: page HTML → the article's text and metadata.
//!
//! Uses `dom_smoothie` (Mozilla Readability's algorithm in Rust) with `TextMode::Formatted`, which
//! keeps paragraph breaks. When no article is found, falls back to the body text and says so in a
//! notice. Never fails: a page that is not an article gives whatever text it has.

use dom_smoothie::{Config, Readability, TextMode};

use crate::report::{Article, TextSource};

/// Pages with more elements than this are not run through Readability (body text instead).
const MAX_ELEMENTS: usize = 200_000;

/// The outcome of extraction.
#[derive(Clone, Debug, PartialEq)]
pub struct Extracted {
    /// Page metadata.
    pub article: Article,
    /// The article text, paragraphs separated by blank lines.
    pub text: String,
    /// Where the text came from.
    pub source: TextSource,
    /// Messages for the user.
    pub notices: Vec<String>,
}

/// Extracts the article from `html`.
pub fn extract(html: &str, url: Option<&str>) -> Extracted {
    let cfg = Config { text_mode: TextMode::Formatted, max_elements_to_parse: MAX_ELEMENTS, ..Default::default() };
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut notices = Vec::new();
    if let Ok(mut r) = Readability::new(html, url, Some(cfg)) {
        match r.parse() {
            Ok(a) => {
                let text = tidy(&a.text_content);
                if !text.trim().is_empty() {
                    let article = Article {
                        title: nonempty(a.title.to_string()),
                        byline: a.byline.and_then(nonempty),
                        site_name: a.site_name.and_then(nonempty),
                        published: a.published_time.and_then(nonempty),
                        url: url.map(str::to_string),
                        lang: a.lang.and_then(nonempty),
                    };
                    return Extracted { article, text, source: TextSource::Article, notices };
                }
            }
            Err(e) => notices.push(format!("No article found ({e}); analysed the page body instead.")),
        }
    }
    if notices.is_empty() {
        notices.push("No article found; analysed the page body instead.".to_string());
    }
    let doc = dom_query::Document::from(html);
    doc.select("script, style, noscript, template").remove();
    let title = nonempty(doc.select("title").text().trim().to_string());
    let text = tidy(&doc.select("body").text());
    Extracted {
        article: Article { title, url: url.map(str::to_string), ..Default::default() },
        text,
        source: TextSource::Body,
        notices,
    }
}

fn nonempty(s: String) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Collapses runs of spaces inside lines and keeps at most one blank line between paragraphs.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tiny_page_gives_its_text_without_scripts() {
        let e = extract("<html><body><p>Hi</p><script>x()</script></body></html>", None);
        assert_eq!(e.text, "Hi");
    }

    #[test]
    fn empty_page_gives_empty_text() {
        let e = extract("", None);
        assert_eq!(e.text, "");
    }
}
