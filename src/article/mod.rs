//! Article: page HTML → the article's text and metadata.
//!
//! Takes a page's HTML (and optionally its URL and the user's selection) and gives back [`Extracted`]:
//! the article text with paragraphs separated by blank lines, the popup header's metadata
//! ([`Article`]: title, byline, site name, date, language), where the text came from ([`TextSource`])
//! and notices for the user. Never fails and never panics: a page that is not an article gives the
//! user's selection or the page's body text, and says so.
//!
//! The steps, each a fallback for the one before (as Readability drops its flags one by one):
//!
//! 1. `dom_smoothie` (Mozilla Readability's algorithm in Rust, `TextMode::Formatted`) finds the article
//!    container; it already retries with looser parse policies when the text is short.
//! 2. `clean` removes what publishers put inside the container beside the prose (captions, credits,
//!    "Related:" lines, share bars, date lines, link lists). If cleaning leaves too little, the
//!    uncleaned text is kept.
//! 3. If there is still less than [`MIN_ARTICLE_CHARS`] of text, the page is not an article: the user's
//!    selection is used when there is one, else the whole body text.
//!
//! Metadata comes from Readability (JSON-LD, `<meta>`), completed from the page (`<html lang>`,
//! `article:published_time`, `<time datetime>`, `og:site_name`, the URL's host).

mod clean;
mod embeds;
mod headline;

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use crate::doc::ParagraphRole;
use crate::report::{Article, TextSource};

/// Pages with more elements than this are not run through Readability (body text instead).
pub const MAX_ELEMENTS: usize = 200_000;

/// Pages larger than this many bytes are cut (at a character boundary) before parsing.
pub const MAX_HTML_BYTES: usize = 8_000_000;

/// Pages nested deeper than this many elements are not run through Readability (body text instead):
/// its scoring walks ancestors, which is slow on pathologically deep trees. Real pages stay under 100.
pub const MAX_DEPTH: usize = 400;

/// The attribute the extension's content script puts on elements the reader does not see (not
/// rendered, invisible, of no size, modal overlays, fixed full-window layers). They are dropped before
/// extraction; saved pages without it are read as they are.
pub const HIDDEN_ATTRIBUTE: &str = "data-whosaid-hidden";

/// An extracted article with fewer characters than this is not an article (the selection or body is used).
pub const MIN_ARTICLE_CHARS: usize = 140;

/// If cleaning leaves less than this share of Readability's words, the cleaning is undone.
const MIN_CLEANED_SHARE: f64 = 0.35;

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
    /// The role of each paragraph of `text` (blank-line separated), in order, where the page says it
    /// (the article's `<h1>`…`<h6>` are headings); empty when the text is no article.
    pub roles: Vec<ParagraphRole>,
}

/// Extracts the article from `html` (the page's `url`, when known, resolves relative links); when
/// the page has no article, uses `selection` (the user's selected text, if any and not blank), else
/// the body text.
pub fn extract(html: &str, url: Option<&str>, selection: Option<&str>) -> Extracted {
    let mut notices = Vec::new();
    let html = if html.len() > MAX_HTML_BYTES {
        let mut end = MAX_HTML_BYTES;
        while !html.is_char_boundary(end) {
            end -= 1;
        }
        notices.push(format!("The page is very large; only its first {} MB were read.", MAX_HTML_BYTES / 1_000_000));
        &html[..end]
    } else {
        html
    };
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let doc = parse(html);
    let ld_blocks = json_ld(&doc);
    let ld = ld_objects(&ld_blocks);
    let page_meta = page_metadata(&doc, url, &ld);
    let ld_body = json_ld_body(&ld);
    let found = embeds::posts(&doc);
    let posts = embeds::texts(&found);
    embeds::keep_in_flow(&found);

    let mut article = page_meta.clone();
    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        keep_classes: true,
        ..Default::default()
    };
    // Pages too big or too deep for Readability: the body text of the document already parsed.
    let (depth, elements) = shape(&doc, MAX_DEPTH, MAX_ELEMENTS);
    let mut parsed = None;
    let why = if depth > MAX_DEPTH {
        parsed = Some(doc);
        format!("the page is nested more than {MAX_DEPTH} elements deep")
    } else if elements > MAX_ELEMENTS {
        parsed = Some(doc);
        format!("the page has more than {MAX_ELEMENTS} elements")
    } else {
        match Readability::with_document(doc, url, Some(cfg)).map_err(|e| e.to_string()).and_then(|mut r| {
            // The headline's <article> alone, when the page has one; the metadata is read first,
            // from the whole page (Readability's title looks at the page's headings).
            let whole_page_meta = headline::headline_article(&r.doc).map(|a| {
                let m = r.get_article_metadata(r.parse_json_ld());
                headline::keep_only(&a);
                m
            });
            r.parse().map(|a| (a, r, whole_page_meta)).map_err(|e| e.to_string())
        }) {
            Ok((mut a, r, whole_page_meta)) => {
                if let Some(m) = whole_page_meta {
                    a.title = m.title;
                    a.byline = m.byline.or(a.byline);
                    a.site_name = m.site_name.or(a.site_name);
                    a.published_time = m.published_time.or(a.published_time);
                    a.lang = m.lang.or(a.lang);
                }
                article = Article {
                    title: nonempty(a.title.to_string()).or(page_meta.title),
                    byline: a.byline.and_then(nonempty).or(page_meta.byline).and_then(clean_byline),
                    site_name: a.site_name.and_then(nonempty).or(page_meta.site_name),
                    published: a.published_time.and_then(nonempty).or(page_meta.published),
                    url: url.map(str::to_string),
                    lang: a.lang.and_then(nonempty).or(page_meta.lang),
                };
                let raw = tidy(&a.text_content);
                let headings = headings(&r.doc);
                let mut text = cleaned(&r.doc)
                    .filter(|t| word_count(t) as f64 >= MIN_CLEANED_SHARE * word_count(&raw) as f64)
                    .unwrap_or(raw);
                if let Some(body) = ld_body.filter(|b| word_recall(&text, b) < MIN_ARTICLE_BODY_RECALL) {
                    text = body;
                }
                if text.chars().count() >= MIN_ARTICLE_CHARS {
                    let roles = roles(&text, &headings, &posts);
                    let kept = roles.iter().filter(|r| **r == ParagraphRole::Embed).count();
                    if kept > 0 {
                        notices.push(format!(
                            "{} embedded social-media post{} kept in the text as the page shows {}, not read for \
                             quotes: who wrote {} is not reliably known.",
                            posts.len(),
                            if posts.len() == 1 { " is" } else { "s are" },
                            if posts.len() == 1 { "it" } else { "them" },
                            if posts.len() == 1 { "it" } else { "them" }
                        ));
                    }
                    return Extracted { article, text, source: TextSource::Article, notices, roles };
                }
                "the page has too little article text".to_string()
            }
            Err(e) => e,
        }
    };
    if let Some(sel) = selection.map(tidy).filter(|s| !s.is_empty()) {
        notices.push(format!("No article found ({why}); analysed your selection instead."));
        return Extracted { article, text: sel, source: TextSource::Selection, notices, roles: Vec::new() };
    }
    notices.push(format!("No article found ({why}); analysed the page body instead."));
    let doc = parsed.unwrap_or_else(|| parse(html));
    Extracted { article, text: body_text(&doc), source: TextSource::Body, notices, roles: Vec::new() }
}

/// The texts of the headings (`<h1>`…`<h6>`) of Readability's article, whitespace collapsed.
fn headings(doc: &Document) -> std::collections::HashSet<String> {
    doc.select(
        "#readability-page-1 h1, #readability-page-1 h2, #readability-page-1 h3, #readability-page-1 h4, \
                #readability-page-1 h5, #readability-page-1 h6",
    )
    .nodes()
    .iter()
    .filter_map(|n| nonempty(n.text().to_string()))
    .collect()
}

/// The role of each paragraph of `text`: a heading when it is the text of one of the article's headings,
/// an embedded post when it is part of one of the page's posts ([`embeds`]) and at least
/// [`MIN_EMBED_PARAGRAPH_CHARS`] long.
fn roles(text: &str, headings: &std::collections::HashSet<String>, posts: &[String]) -> Vec<ParagraphRole> {
    text.split("\n\n")
        .map(|p| {
            let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
            if headings.contains(&p) {
                ParagraphRole::Heading
            } else if p.chars().count() >= MIN_EMBED_PARAGRAPH_CHARS && posts.iter().any(|post| post.contains(&p)) {
                ParagraphRole::Embed
            } else {
                ParagraphRole::Prose
            }
        })
        .collect()
}

/// A paragraph shorter than this is not matched to an embedded post's text (a short line such as
/// "Others agreed." could be in a post by chance).
const MIN_EMBED_PARAGRAPH_CHARS: usize = 12;

/// The page's document without the elements the extension marked as not seen by the reader.
fn parse(html: &str) -> Document {
    let doc = Document::from(html);
    doc.select(&format!("body [{HIDDEN_ATTRIBUTE}]")).remove();
    doc
}

/// The depth and element count of `doc`, each counted until it passes its limit.
fn shape(doc: &Document, max_depth: usize, max_elements: usize) -> (usize, usize) {
    let (mut deepest, mut count) = (0, 0);
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        count += 1;
        if deepest > max_depth || count > max_elements {
            break;
        }
        stack.extend(node.children_it(false).filter(|c| c.is_element()).map(|c| (c, depth + 1)));
    }
    (deepest, count)
}

/// Readability's article (the `#readability-page-1` element of its document after parsing) → cleaned text.
fn cleaned(doc: &Document) -> Option<String> {
    let root = *doc.select("#readability-page-1").nodes().first()?;
    clean::clean_dom(&root);
    clean::join_line_breaks(&root);
    let text = clean::clean_paragraphs(&tidy(&root.formatted_text()));
    (!text.is_empty()).then_some(text)
}

/// The page's whole body text, without scripts and styles.
fn body_text(doc: &Document) -> String {
    doc.select("script, style, noscript, template, svg").remove();
    let body = doc.select("body");
    if body.exists() {
        tidy(&body.formatted_text())
    } else {
        tidy(&doc.formatted_text())
    }
}

/// Metadata read directly from the page, used where Readability found none.
fn page_metadata(doc: &Document, url: Option<&str>, ld: &[&LdObject]) -> Article {
    // One pass over the <meta> elements: "property=og:title" → content (first one wins).
    let mut metas: Vec<(String, String)> = Vec::new();
    for n in doc.select("meta[content]").nodes() {
        let Some(content) = n.attr("content").map(|c| c.to_string()).and_then(nonempty) else { continue };
        for key in ["property", "name", "itemprop"] {
            if let Some(v) = n.attr(key) {
                metas.push((format!("{key}={}", v.to_ascii_lowercase()), content.clone()));
            }
        }
    }
    let meta = |keys: &[&str]| keys.iter().find_map(|k| metas.iter().find(|(mk, _)| mk == k).map(|(_, v)| v.clone()));
    let host = url
        .and_then(|u| u.split("://").nth(1))
        .and_then(|r| r.split(['/', '?', '#', ':']).next())
        .map(|h| h.trim_start_matches("www.").to_string());
    Article {
        title: meta(&["property=og:title", "name=twitter:title"])
            .or_else(|| nonempty(doc.select("title").text().to_string())),
        byline: meta(&["name=author", "property=article:author"]).filter(|a| !a.starts_with("http")),
        site_name: meta(&["property=og:site_name", "name=application-name"]).or(host),
        published: meta(&[
            "property=article:published_time",
            "itemprop=datepublished",
            "name=pubdate",
            "name=date",
            "name=dc.date",
        ])
        .or_else(|| json_ld_date(ld))
        .or_else(|| doc.select("time[datetime]").attr("datetime").map(|d| d.to_string()).and_then(nonempty)),
        url: url.map(str::to_string),
        lang: doc.select("html").attr("lang").map(|l| l.to_string()).and_then(nonempty),
    }
}

/// The page's JSON-LD blocks (`<script type="application/ld+json">`), parsed once.
fn json_ld(doc: &Document) -> Vec<serde_json::Value> {
    doc.select("script[type='application/ld+json']")
        .nodes()
        .iter()
        .filter_map(|n| serde_json::from_str::<serde_json::Value>(n.text().trim()).ok())
        .collect()
}

type LdObject = serde_json::Map<String, serde_json::Value>;

/// Every object of the JSON-LD blocks (schema.org `NewsArticle`, `WebPage`, inside `@graph` …), in
/// document order, each before the objects it holds, at most 8 levels deep.
fn ld_objects(blocks: &[serde_json::Value]) -> Vec<&LdObject> {
    fn walk<'a>(v: &'a serde_json::Value, depth: usize, out: &mut Vec<&'a LdObject>) {
        if depth > 8 {
            return;
        }
        match v {
            serde_json::Value::Object(m) => {
                out.push(m);
                m.values().for_each(|x| walk(x, depth + 1, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, depth + 1, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    blocks.iter().for_each(|b| walk(b, 0, &mut out));
    out
}

/// The first `datePublished` of the JSON-LD objects (inside `@graph`, or on a `WebPage` or
/// `ClaimReview`, where Readability does not look).
fn json_ld_date(ld: &[&LdObject]) -> Option<String> {
    ld.iter().find_map(|m| m.get("datePublished").and_then(|d| d.as_str()).map(str::to_string).and_then(nonempty))
}

/// The longest `articleBody` of the JSON-LD objects (the first of equal length), tidied.
fn json_ld_body(ld: &[&LdObject]) -> Option<String> {
    let mut best: Option<&str> = None;
    for b in ld.iter().filter_map(|m| m.get("articleBody").and_then(|b| b.as_str())) {
        if best.is_none_or(|x| b.len() > x.len()) {
            best = Some(b);
        }
    }
    // the body is plain text, paragraphs on lines of their own (some pages escape HTML into it)
    let body = best?.replace("\r\n", "\n").replace('\r', "\n");
    let paragraphs: Vec<String> = body.split('\n').map(tidy).filter(|p| !p.is_empty() && !p.contains('<')).collect();
    Some(paragraphs.join("\n\n")).filter(|b| b.chars().count() >= 2 * MIN_ARTICLE_CHARS)
}

/// The share of `of`'s words that `text` holds (a bag of lower-case words, each counted once).
fn word_recall(text: &str, of: &str) -> f64 {
    let have: std::collections::HashSet<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let want: std::collections::HashSet<String> = of.split_whitespace().map(str::to_lowercase).collect();
    if want.is_empty() {
        return 1.0;
    }
    want.iter().filter(|w| have.contains(*w)).count() as f64 / want.len() as f64
}

/// Readability's text holding less than this share of the page's own `articleBody` words is the
/// wrong block (a sign-in box, a footer, a teaser list): the page's `articleBody` is used instead.
const MIN_ARTICLE_BODY_RECALL: f64 = 0.6;

/// Bylines longer than this many characters are not bylines (a paragraph Readability took for one).
const MAX_BYLINE_CHARS: usize = 120;

/// A byline for the popup header: without a leading "By", a date glued or dashed onto its end
/// ("by Jeff FoustMonday, November 18, 2019", "By admin - 2018-09-16"), or stray spaces.
fn clean_byline(b: String) -> Option<String> {
    const DAYS_MONTHS: &[&str] = &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut b = b.trim();
    if b.eq_ignore_ascii_case("by") {
        return None;
    }
    for p in ["By ", "by ", "BY "] {
        b = b.strip_prefix(p).unwrap_or(b);
    }
    let mut end = b.len();
    if let Some(i) = b.find(" - ").filter(|&i| b[i + 3..].starts_with(|c: char| c.is_ascii_digit())) {
        end = end.min(i);
    }
    for w in DAYS_MONTHS {
        // Glued: "FoustMonday" (a lowercase letter right before the name).
        if let Some(i) = b.find(w).filter(|&i| i > 0 && b[..i].ends_with(|c: char| c.is_lowercase())) {
            end = end.min(i);
        }
    }
    let b = b[..end].trim_end_matches([' ', ',', '|', '-', '·']);
    (b.chars().count() <= MAX_BYLINE_CHARS).then(|| b.to_string()).and_then(nonempty)
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn nonempty(s: String) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
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
        let e = extract("<html><body><p>Hi</p><script>x()</script></body></html>", None, None);
        assert_eq!(e.text, "Hi");
        assert_eq!(e.source, TextSource::Body);
    }

    #[test]
    fn bylines_lose_by_and_glued_dates() {
        let c = |s: &str| clean_byline(s.to_string());
        assert_eq!(c("By TOM KRISHER, AP Auto Writer").as_deref(), Some("TOM KRISHER, AP Auto Writer"));
        assert_eq!(c("by Jeff FoustMonday, November 18, 2019").as_deref(), Some("Jeff Foust"));
        assert_eq!(c("By admin - 2018-09-16").as_deref(), Some("admin"));
        assert_eq!(
            c("Martin Untersinger (avec Damien Leloup)").as_deref(),
            Some("Martin Untersinger (avec Damien Leloup)")
        );
        assert_eq!(c("By "), None);
        assert_eq!(c(&"word ".repeat(40)), None);
    }

    #[test]
    fn empty_page_gives_empty_text() {
        let e = extract("", None, None);
        assert_eq!(e.text, "");
    }

    #[test]
    fn a_page_without_article_uses_the_selection() {
        let e = extract("<html><body><p>Menu</p></body></html>", None, Some("  “No,” she said. "));
        assert_eq!(e.text, "“No,” she said.");
        assert_eq!(e.source, TextSource::Selection);
        assert!(e.notices[0].contains("selection"));
    }
}
