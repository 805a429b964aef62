//! Post-cleaning: Readability's article → the article's prose.
//!
//! Readability finds the right container but keeps what publishers put inside it next to the prose:
//! image captions and credits, "Related:" / "Read more:" lines, share bars, newsletter boxes, date and
//! byline lines, tag lists and "more stories" link lists. Two passes remove them:
//!
//! 1. [`clean_dom`] works on the extracted article's DOM (classes kept): it drops captions and figures,
//!    elements whose class or id names a boilerplate role, hidden elements, and link lists.
//! 2. [`clean_paragraphs`] works on the formatted text: it drops paragraphs that read like captions,
//!    credits, cross-links, calls to action, date lines and bylines.
//!
//! Each rule is deliberately narrow; the evaluation (`make eval-articles`) measures every change.
//! Tried and dropped because they cost recall on the benchmark: trimming short non-sentences at the
//! article's edges (lists and subheads go too), removing repeated short paragraphs, de-duplicating.

use dom_query::{NodeRef, Selection};

/// An element whose class/id names a boilerplate role is removed only if it holds at most this share
/// of the article's text (a wrapper with an unlucky class name is kept).
const MAX_BOILERPLATE_SHARE: f64 = 0.4;

/// Link lists: a list or block whose text is at least this share link text is navigation.
const LINK_LIST_DENSITY: f64 = 0.6;

/// A paragraph with fewer words than this is "short" (captions, credits, date lines, headings).
const SHORT_WORDS: usize = 14;

/// Lines that open the boilerplate after an article (`lexicons/article_tails.txt`).
const ARTICLE_TAILS: &str = include_str!("../../lexicons/article_tails.txt");

/// A tail marker this far (share of the article's words) into the article or later ends it.
const TAIL_MIN_SHARE: f64 = 0.5;

/// A paragraph of more words than this is never a tail marker or a label.
const TAIL_MAX_WORDS: usize = 6;

/// How a short paragraph matches `lexicons/article_tails.txt`: not at all, as a heading that opens the
/// boilerplate after the article, or as a label that stands alone ("Advertisement").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tail {
    None,
    Heading,
    Label,
}

/// The rows of `lexicons/article_tails.txt`, parsed once: (marker, is a label).
fn tail_markers() -> &'static [(&'static str, bool)] {
    static ROWS: std::sync::OnceLock<Vec<(&'static str, bool)>> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| {
        crate::lexicon::rows(ARTICLE_TAILS)
            .map(|r| match r[0].strip_suffix('*') {
                Some(m) => (m, true),
                None => (r[0], false),
            })
            .collect()
    })
}

fn tail_kind(p: &str, n_words: usize) -> Tail {
    if n_words == 0 || n_words > TAIL_MAX_WORDS {
        return Tail::None;
    }
    let lower = p.to_lowercase();
    let line = lower.trim_matches(|c: char| !c.is_alphanumeric());
    for &(marker, label) in tail_markers() {
        if line == marker || (!label && line.starts_with(marker) && line[marker.len()..].starts_with(' ')) {
            return if label { Tail::Label } else { Tail::Heading };
        }
    }
    // "More Politics News", "More World News": a section's headline list
    if line.starts_with("more ") && line.ends_with(" news") {
        return Tail::Heading;
    }
    Tail::None
}

/// Date lines within this many paragraphs of the article's start, or of its end after its last
/// paragraph of running text, are its dateline, dropped.
const EDGE_PARAGRAPHS: usize = 2;

/// Tags whose content is never prose.
const DROP_TAGS: &str = "figcaption, figure, aside, nav, footer, button, form, select, textarea, \
                         [hidden], [aria-hidden=true], [role=navigation], [role=complementary]";

/// Class/id tokens (split on non-alphanumerics, lowercase) that name a boilerplate role.
const BOILERPLATE_TOKENS: &[&str] = &[
    "caption",
    "captions",
    "credit",
    "credits",
    "byline",
    "bylines",
    "dateline",
    "timestamp",
    "date",
    "time",
    "share",
    "sharing",
    "related",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "promo",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "sponsored",
    "tags",
    "tag",
    "taglist",
    "author",
    "authors",
    "bio",
    "comments",
    "comment",
    "gallery",
    "slideshow",
    "carousel",
    "trending",
    "popular",
    "recommended",
    "recommendations",
    "breadcrumb",
    "breadcrumbs",
    "meta",
    "sr",
    "visually",
    "disclaimer",
    "copyright",
    "outbrain",
    "taboola",
    "widget",
    "toolbar",
    "print",
    "nocontent",
];

/// Substrings of a class/id that name a boilerplate role (compound names).
const BOILERPLATE_SUBSTRINGS: &[&str] = &[
    "caption",
    "byline",
    "newsletter",
    "readmore",
    "read-more",
    "mostread",
    "most-read",
    "moreon",
    "more-on",
    "morestories",
    "more-stories",
    "slideshow",
    "breadcrumb",
    "sharebar",
    "share-bar",
    "socialshare",
    "social-share",
    "related",
    "inline-promo",
    "recirc",
    "signup",
    "sign-up",
    "authorbio",
    "author-bio",
    "about-author",
    "aboutauthor",
    "also-read",
    "alsoread",
    "see-also",
];

/// Paragraph openings that mark a cross-link, a call to action, or a credit (compared case-insensitively).
const DROP_PREFIXES: &[&str] = &[
    "related:",
    "related post",
    "related coverage",
    "related articles",
    "related stories",
    "read more",
    "read also",
    "see more:",
    "see also:",
    "more:",
    "also:",
    "also read",
    "also on ",
    "[related",
    "you may also like",
    "you might also like",
    "recommended:",
    "don't miss",
    "don’t miss",
    "sign up",
    "subscribe to",
    "subscribe for",
    "click here",
    "click to ",
    "follow us",
    "follow @",
    "like this story",
    "share this",
    "share:",
    "image copyright",
    "image caption",
    "media caption",
    "media playback",
    "photo:",
    "photos:",
    "image:",
    "(image:",
    "(photo:",
    "credit:",
    "file photo:",
    "©",
    "copyright",
    "this slideshow requires",
    "loading content",
    "advertisement",
    "story continues below",
    "continue reading",
    "watch:",
    "listen:",
    "download:",
    "itunes:",
    "filed under",
    "tags:",
    "reporting by",
    "additional reporting",
    "editing by",
    "compiled by",
    "posted in",
    "get the latest",
    "get breaking news",
    "let our news meet",
    "have a tip",
    "this document is subject to copyright",
    "citation:",
    "top stories",
    "most read",
    "trending",
];

/// Endings that mark a picture credit (compared case-insensitively, after trailing spaces and dots).
const CREDIT_SUFFIXES: &[&str] = &[
    "getty images",
    "getty",
    "/ap",
    "(ap)",
    "ap photo",
    "/ reuters",
    "/reuters",
    "reuters",
    "/ afp",
    "afp",
    "(image: getty)",
    "shutterstock",
    "istock",
    "alamy",
    "/ap file",
    "ap file",
];

/// Words that mark a picture credit anywhere in a short paragraph.
const CREDIT_MARKERS: &[&str] = &[
    "(image:",
    "(photo:",
    "(picture:",
    "credit:",
    "photo by ",
    "photograph by ",
    "image copyright",
    "(getty",
    "reuters/",
    "ap photo/",
    "/getty",
    "| getty",
    "/ getty",
    "photo illustration by",
    "(afp",
    "afp/",
];

/// Words (lowercase) that make up date and time lines ("Updated Nov 19, 9:41 AM; Posted Nov 18"), besides
/// the [`MONTHS`].
const DATE_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "est",
    "edt",
    "cst",
    "cdt",
    "pst",
    "pdt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "ist",
    "amt",
    "et",
    "pt",
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "today",
    "yesterday",
    "st",
    "nd",
    "rd",
    "th",
    "of",
    "de",
    "the",
    "and",
    "by",
    "publicado",
    "em",
    "às",
    "le",
    "der",
    "am",
    "um",
    "uhr",
    "ago",
    "hours",
    "minutes",
    "hour",
    "minute",
    "days",
    "day",
];

/// Month names and their abbreviations.
const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// Removes boilerplate elements from the extracted article `doc`.
pub fn clean_dom(root: &NodeRef) {
    let doc = Selection::from(*root);
    let total = text_len(root).max(1) as f64;
    doc.select(DROP_TAGS).remove();
    doc.select("[style]").nodes().iter().filter(|n| is_hidden_style(n)).for_each(|n| n.remove_from_parent());
    // Elements whose class or id names a boilerplate role (innermost first is not needed: removing an
    // ancestor removes its descendants, and detached nodes are skipped by the length test).
    for node in doc.select("[class], [id]").nodes() {
        if node.parent().is_none() || !is_boilerplate_name(node) || has_embedded_quote(node) {
            continue;
        }
        if (text_len(node) as f64) <= MAX_BOILERPLATE_SHARE * total {
            node.remove_from_parent();
        }
    }
    // Lists of links ("More stories", tag clouds): every item mostly link text.
    for node in doc.select("ul, ol, dl").nodes() {
        let items = node.element_children();
        if items.len() >= 2 && items.iter().all(|li| link_density(li) >= LINK_LIST_DENSITY) {
            node.remove_from_parent();
        }
    }
    // Paragraphs and headings that are one short link ("SEE MORE: …", a headline teaser), except a
    // linked heading over its section's text, a linked item of a list of prose items (each list judged
    // once, as it is before its link items go), and a cited address.
    let mut prose_lists: Vec<(dom_query::NodeId, bool)> = Vec::new();
    for node in doc.select("p, h2, h3, h4, h5, h6, li, div").nodes() {
        if node.element_children().len() > 2 || !Selection::from(*node).select("a").exists() {
            continue;
        }
        let len = text_len(node);
        if len > 0
            && len < 200
            && link_density(node) >= 0.9
            && !heads_section(node)
            && !(node.has_name("li") && node.parent().is_some_and(|l| prose_list(&mut prose_lists, &l)))
            && !is_bare_address(node)
        {
            node.remove_from_parent();
        }
    }
    // Hover cards inside running text (a person's card with links to stories about them): an
    // inline element of a paragraph made of several links and nothing else. A link in prose is one
    // link; the card's own trigger (the name) sits outside it and stays.
    let is_card = |n: &NodeRef| {
        Selection::from(*n).select("a").length() >= HOVER_CARD_MIN_LINKS
            && link_density(n) >= 0.9
            && text_len(n) < text_len_of_paragraph(n)
    };
    for node in doc.select("p span").nodes() {
        // the innermost card: a wrapper holding the trigger and the card is not one
        if node.parent().is_some()
            && is_card(node)
            && !Selection::from(*node).select("span").nodes().iter().any(is_card)
        {
            node.remove_from_parent();
        }
    }
}

/// A heading that is a link heads a section of the article when the next element is a paragraph of
/// running text ("<h3><a>Product</a></h3><p>Why it is worth it …</p>"), elements without text
/// (an embedded video's frame) skipped; a teaser heading is not.
fn heads_section(n: &NodeRef) -> bool {
    if !["h2", "h3", "h4", "h5", "h6"].iter().any(|h| n.has_name(h)) {
        return false;
    }
    // the next element with text (an embedded video's empty frame may stand between)
    let mut next = n.next_element_sibling();
    while let Some(e) = next.filter(|e| text_len(e) == 0) {
        next = e.next_element_sibling();
    }
    next.is_some_and(|p| {
        p.has_name("p") && word_count(&p.text()) >= SHORT_WORDS && link_density(&p) < LINK_LIST_DENSITY
    })
}

/// A paragraph that is only a web or mail address (a source the article cites: "www.example.org",
/// "https://example.org/report.pdf", "desk@example.org") shows the reader where to look, unlike a
/// teaser's headline.
fn is_bare_address(n: &NodeRef) -> bool {
    let t = n.text();
    let t = t.trim();
    if t.is_empty() || t.contains(char::is_whitespace) {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") || {
        // "name@host.tld"
        lower.split_once('@').is_some_and(|(a, h)| !a.is_empty() && h.contains('.') && !h.ends_with('.'))
    }
}

/// Whether `list` is a prose list ([`is_prose_list`]), judged once: `seen` keeps the lists judged.
fn prose_list(seen: &mut Vec<(dom_query::NodeId, bool)>, list: &NodeRef) -> bool {
    if let Some(&(_, prose)) = seen.iter().find(|(id, _)| *id == list.id) {
        return prose;
    }
    let prose = is_prose_list(list);
    seen.push((list.id, prose));
    prose
}

/// A list at least half of whose items are not links: an item of it that is a link is one of its
/// items ("Print the quick rules" among steps), not a cross-link.
fn is_prose_list(list: &NodeRef) -> bool {
    let items = list.element_children();
    let prose = items.iter().filter(|li| link_density(li) < LINK_LIST_DENSITY).count();
    prose * 2 >= items.len()
}

/// An inline element of a paragraph with at least this many links (and only links) is a hover card.
const HOVER_CARD_MIN_LINKS: usize = 3;

/// The text length of the nearest `<p>` holding `n`.
fn text_len_of_paragraph(n: &NodeRef) -> usize {
    n.ancestors_it(None).find(|a| a.has_name("p")).map(|p| text_len(&p)).unwrap_or(0)
}

/// A `<br>` inside running text is a line break, not a paragraph: a lone one (no `<br>` beside it)
/// between two runs of text, after text that does not end a sentence ("the strike<br>would
/// continue"), becomes a space; `<br><br>`, and a break after a full sentence, stay paragraph breaks.
pub fn join_line_breaks(root: &NodeRef) {
    let is_br = |n: &NodeRef| n.is_element() && n.has_name("br");
    let blank = |n: &NodeRef| n.is_text() && n.text().trim().is_empty();
    // the nearest sibling on one side that is not blank text
    fn near<'a>(
        mut n: Option<NodeRef<'a>>,
        forward: bool,
        blank: impl Fn(&NodeRef<'a>) -> bool,
    ) -> Option<NodeRef<'a>> {
        while let Some(x) = n.filter(&blank) {
            n = if forward { x.next_sibling() } else { x.prev_sibling() };
        }
        n
    }
    for br in Selection::from(*root).select("br").nodes() {
        let (prev, next) = (near(br.prev_sibling(), false, blank), near(br.next_sibling(), true, blank));
        let (Some(prev), Some(next)) = (prev, next) else { continue };
        if is_br(&prev)
            || is_br(&next)
            || !(prev.is_text() || is_inline(&prev))
            || !(next.is_text() || is_inline(&next))
        {
            continue;
        }
        let before = prev.text();
        let before = before.trim_end();
        if before.is_empty() || ends_sentence(before) || next.text().trim().is_empty() {
            continue;
        }
        br.replace_with_html(" ");
    }
}

/// An element that flows in a line of text (a link, an emphasis), not a block.
fn is_inline(n: &NodeRef) -> bool {
    n.is_element() && INLINE_TAGS.iter().any(|t| n.has_name(t))
}

/// Elements that flow inside a line of text.
const INLINE_TAGS: &[&str] =
    &["a", "span", "em", "strong", "b", "i", "u", "small", "sup", "sub", "abbr", "cite", "q", "time", "mark", "code"];

/// Embedded posts (a tweet is a `blockquote` inside a "social-embed" box) are what people said: kept.
fn has_embedded_quote(n: &NodeRef) -> bool {
    n.has_name("blockquote") || Selection::from(*n).select("blockquote").exists()
}

fn is_hidden_style(n: &NodeRef) -> bool {
    let style = n.attr("style").map(|s| s.to_ascii_lowercase().replace(' ', "")).unwrap_or_default();
    style.contains("display:none") || style.contains("visibility:hidden")
}

fn is_boilerplate_name(n: &NodeRef) -> bool {
    let mut name = n.class().map(|c| c.to_string()).unwrap_or_default();
    if let Some(id) = n.id_attr() {
        name.push(' ');
        name.push_str(&id);
    }
    if name.trim().is_empty() {
        return false;
    }
    let lower = name.to_ascii_lowercase();
    if lower.contains("article-body") || lower.contains("articlebody") || lower.contains("story-body") {
        return false;
    }
    BOILERPLATE_SUBSTRINGS.iter().any(|s| lower.contains(s))
        || camel_split(&name).iter().any(|t| BOILERPLATE_TOKENS.contains(&t.as_str()))
}

/// "post-meta wp-caption" → ["post", "meta", "wp", "caption"]; "shareBar" → ["share", "bar"].
fn camel_split(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in s.chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn text_len(n: &NodeRef) -> usize {
    n.text().chars().filter(|c| !c.is_whitespace()).count()
}

fn link_density(n: &NodeRef) -> f64 {
    let total = text_len(n);
    if total == 0 {
        return 0.0;
    }
    let links: usize = Selection::from(*n).select("a").nodes().iter().map(text_len).sum();
    links as f64 / total as f64
}

/// Drops paragraphs (separated by blank lines) that are not article prose.
pub fn clean_paragraphs(text: &str) -> String {
    let paras: Vec<&str> = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
    // the boilerplate after a complete article: from a tail heading in its second half to the end
    let counts: Vec<usize> = paras.iter().map(|p| word_count(p)).collect();
    let tails: Vec<Tail> = paras.iter().zip(&counts).map(|(p, &n)| tail_kind(p, n)).collect();
    let total: usize = counts.iter().sum();
    let mut seen = 0;
    let mut end = paras.len();
    for (i, &n) in counts.iter().enumerate() {
        if i > 0 && seen as f64 >= TAIL_MIN_SHARE * total as f64 && tails[i] == Tail::Heading {
            end = i;
            break;
        }
        seen += n;
    }
    let paras: Vec<&str> = (0..end).filter(|&i| tails[i] != Tail::Label).map(|i| paras[i]).collect();
    let n = paras.len();
    // the last paragraph of running text (a sentence's worth of words)
    let last_long = (0..n).rev().find(|&i| word_count(paras[i]) >= SHORT_WORDS);
    let kept: Vec<&str> = paras
        .iter()
        .enumerate()
        .filter(|&(i, p)| {
            // a line that is only a date is the article's dateline at its head or foot (after its
            // last running text); inside the article it is content (an event listing's times, a
            // timeline's dates)
            let edge = i < EDGE_PARAGRAPHS || (i + EDGE_PARAGRAPHS >= n && last_long.is_none_or(|l| i > l));
            !(is_boilerplate_paragraph(p, word_count(p)) || edge && is_date_paragraph(p, word_count(p)))
        })
        .map(|(_, p)| *p)
        .collect();
    kept.join("\n\n")
}

fn word_count(p: &str) -> usize {
    words(p).count()
}

fn words(p: &str) -> impl Iterator<Item = &str> {
    p.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

fn ends_sentence(p: &str) -> bool {
    let p = p.trim_end_matches(['"', '\'', '”', '’', ')', ' ']);
    p.ends_with(['.', '!', '?', '…', '。', ':'])
}

/// Endings of contributor lines ("Jane Roe contributed to this report.").
const CONTRIBUTOR_SUFFIXES: &[&str] =
    &["contributed to this report", "contributed reporting", "contributed to this story"];

/// Words that make a paragraph opening with "Follow" a call to follow the outlet.
const FOLLOW_MARKERS: &[&str] = &["twitter", "facebook", "instagram", "youtube", "coverage", "newsletter", "@"];

fn is_boilerplate_paragraph(p: &str, n_words: usize) -> bool {
    let lower = p.to_lowercase();
    let short = n_words < SHORT_WORDS;
    if n_words < 40 {
        let end = lower.trim_end_matches(['.', ' ']);
        if CONTRIBUTOR_SUFFIXES.iter().any(|s| end.ends_with(s)) {
            return true;
        }
        if lower.starts_with("follow ") && FOLLOW_MARKERS.iter().any(|m| lower.contains(m)) {
            return true;
        }
        // A cross-link tagged like "Plane passengers quarantined [NEWS]".
        let t = p.trim_end_matches(['|', ' ']);
        if let Some(tag) = t.strip_suffix(']').and_then(|x| x.rsplit_once('[')).map(|(_, tag)| tag) {
            if !tag.is_empty() && tag.len() <= 12 && tag.chars().all(|c| c.is_uppercase()) {
                return true;
            }
        }
    }
    if DROP_PREFIXES.iter().any(|s| lower.starts_with(s)) && n_words < 40 {
        return true;
    }
    if n_words < 40 {
        let end = lower.trim_end_matches(['.', ' ', ')']);
        if CREDIT_SUFFIXES.iter().any(|s| end.ends_with(s.trim_end_matches(')'))) && !ends_sentence(p) {
            return true;
        }
        if CREDIT_MARKERS.iter().any(|s| lower.contains(s)) {
            return true;
        }
    }
    // The signature line of an embedded post ("— Ann Lee (@annlee) May 2, 2026") is part of the post
    // (kept, with the `Embed` role: see embeds.rs).
    let post_signature = lower.contains("(@");
    if short && !post_signature && (lower.starts_with("by ") || lower.starts_with("— ")) && !ends_sentence(p) {
        return true;
    }
    false
}

/// A short paragraph that is only a date line (not an embedded post's signature).
fn is_date_paragraph(p: &str, n_words: usize) -> bool {
    let lower = p.to_lowercase();
    n_words < SHORT_WORDS && !lower.contains("(@") && is_date_line(&lower)
}

/// A short line made of dates, times and words like "Updated" only.
fn is_date_line(lower: &str) -> bool {
    let ws: Vec<&str> = words(lower).collect();
    if ws.is_empty() {
        return false;
    }
    let year = |w: &&str| {
        w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.chars().all(|c| c.is_ascii_digit())
    };
    let b = lower.as_bytes();
    let digit_sep_digit = (1..b.len().saturating_sub(1))
        .any(|i| matches!(b[i], b':' | b'.' | b'/') && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit());
    let strong = digit_sep_digit || ws.iter().any(year) || ws.iter().any(|w| MONTHS.contains(w));
    if !strong || !ws.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return false;
    }
    let datey = ws
        .iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()) || DATE_WORDS.contains(w) || MONTHS.contains(w))
        .count();
    // Allow a couple of other words (a wire name, "CBS News", a source label).
    datey * 10 >= ws.len() * 7 || (datey + 3 >= ws.len() && ws.len() <= 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_split_into_tokens() {
        assert_eq!(camel_split("post-meta wp_caption shareBar"), ["post", "meta", "wp", "caption", "share", "bar"]);
    }

    #[test]
    fn credits_cross_links_and_calls_to_action_are_boilerplate() {
        for p in [
            "Reporting by Jane Roe; Editing by John Doe",
            "Ann Lee and Bo Chan contributed to this report.",
            "Follow AP's full coverage of the election at https://apnews.com/x",
            "Plane passengers quarantined after outbreak [NEWS]",
            "Protesters outside the court (Image: GETTY)",
            "Related: Five bridges that closed this year",
        ] {
            assert!(is_boilerplate_paragraph(p, word_count(p)), "{p}");
        }
        for p in [
            "Follow the money, the senator said, and you will find the answer.",
            "“We will not back down [from this],” she said.",
            "By the end of the year, the council said, the bridge will reopen.",
        ] {
            assert!(!is_boilerplate_paragraph(p, word_count(p)), "{p}");
        }
    }

    #[test]
    fn a_bare_address_is_a_cited_source_and_a_headline_is_not() {
        let doc = dom_query::Document::from(
            "<p id=a><a>https://example.org/r.pdf</a></p><p id=b><a>www.example.org</a></p>\
             <p id=c><a>desk@example.org</a></p><p id=d><a>Five bridges that closed this year</a></p>\
             <p id=e><a>@handle</a></p>",
        );
        let is = |id: &str| is_bare_address(doc.select(&format!("#{id}")).nodes().first().unwrap());
        assert!(is("a") && is("b") && is("c"));
        assert!(!is("d") && !is("e"));
    }

    #[test]
    fn tail_markers_are_headings_or_labels_and_listed_once() {
        let rows: Vec<&str> = crate::lexicon::rows(ARTICLE_TAILS).map(|r| r[0]).collect();
        let mut seen = std::collections::HashSet::new();
        assert!(rows.iter().all(|r| seen.insert(*r) && *r == r.to_lowercase()), "a row twice or not lower case");
        assert_eq!(tail_kind("Explore further", 2), Tail::Heading);
        assert_eq!(tail_kind("More Politics News", 3), Tail::Heading);
        assert_eq!(tail_kind("ADVERTISEMENT", 1), Tail::Label);
        assert_eq!(tail_kind("Comments (12)", 2), Tail::Heading);
        assert_eq!(tail_kind("More than 200 people came to the meeting to hear the news", 12), Tail::None);
        assert_eq!(tail_kind("Advertisements for the new ferry", 5), Tail::None);
    }

    #[test]
    fn date_lines_are_recognised() {
        for s in [
            "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM",
            "Published 11:11 PM EST Nov 19, 2019",
            "19.11.2019, 08:57",
        ] {
            assert!(is_date_line(&s.to_lowercase()), "{s}");
        }
        assert!(!is_date_line("the 2019 budget was passed by parliament in a late vote"));
    }

    #[test]
    fn boilerplate_paragraphs_go_and_prose_stays() {
        let text = "By Jane Roe\n\nUpdated Nov 19, 9:41 AM\n\nThe council voted on Tuesday to close the bridge, \
                    officials said, after engineers found cracks in two of its main supports last week.\n\n\
                    Related: Five bridges that closed this year\n\nThe mayor said the closure would last a month.\n\n\
                    The river crossing (Image: Getty)\n\nThe mayor said repairs would start in spring, and that the \
                    city would pay for a ferry service for commuters in the meantime.\n\nShare this article\n\n1 tsp cinnamon";
        assert_eq!(
            clean_paragraphs(text),
            "The council voted on Tuesday to close the bridge, officials said, after engineers found cracks in two \
             of its main supports last week.\n\nThe mayor said the closure would last a month.\n\nThe mayor said \
             repairs would start in spring, and that the city would pay for a ferry service for commuters in the \
             meantime.\n\n1 tsp cinnamon"
        );
    }
}
