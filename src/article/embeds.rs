//! Embedded social-media posts stay in the article text, marked as posts, and are never read for quotes.
//!
//! A tweet, Instagram or TikTok post embedded in a story is part of what the reader sees (often the
//! very words the story is about), but it is not the journalist's text, and who wrote it is not
//! reliably known: the "— Name (@handle) date" signature is whatever the account calls itself, and
//! the analysis cannot tie the post's words to it as a quote. Read as prose, its words would become
//! anonymous quotes or be given to the nearest name. So the text keeps every post as the page shows
//! it, each of its paragraphs gets the `Embed` role (never a quote, like headings and captions), and
//! the reader is told how many posts there were. What the journalist writes about a post ("Haddad
//! wrote on X that …") is prose, attributed as usual.
//!
//! An embedded post is a `<blockquote>` whose class names an embed (`twitter-tweet`,
//! `instagram-media`, `tiktok-embed` …), or any `<blockquote>` that ends in a post's signature
//! ("— Name (@handle) …", "A post shared by …").

use dom_query::{Document, NodeRef};

/// Class names (substrings, lower case) of embedded posts.
const EMBED_CLASSES: &[&str] =
    &["tweet", "twitter", "instagram", "tiktok", "bluesky", "threads", "mastodon", "facebook", "embed"];

/// An ancestor of an embedded post is its wrapper (part of the post) if its text is at most this many
/// characters longer (a "Twitter" label, a "View this post" link).
pub const DEFAULT_EMBED_WRAPPER_SLACK: usize = 80;

/// Elements that can wrap an embedded post (never a paragraph: its other text would go too).
const WRAPPER_TAGS: &[&str] = &["div", "figure", "section", "aside", "center", "span"];

/// The embedded posts of `doc` (see the module doc): every `<blockquote>` that is one, in document order.
pub fn posts(doc: &Document) -> Vec<NodeRef<'_>> {
    doc.select("body blockquote").nodes().iter().copied().filter(is_embedded_post).collect()
}

/// The text of each post, with the wrapper that holds only it, whitespace collapsed (a post inside
/// another counts once); the document is not changed.
pub fn texts(posts: &[NodeRef]) -> Vec<String> {
    let mut outers: Vec<NodeRef> = Vec::new();
    for &bq in posts {
        if outers.iter().any(|o| bq.ancestors_it(None).any(|a| a.id == o.id)) {
            continue; // inside a post seen already
        }
        let len = text_len(&bq);
        let mut outer = bq;
        for anc in bq.ancestors_it(Some(4)) {
            if !WRAPPER_TAGS.iter().any(|t| anc.has_name(t)) || text_len(&anc) > len + DEFAULT_EMBED_WRAPPER_SLACK {
                break;
            }
            outer = anc;
        }
        outers.push(outer);
    }
    outers.iter().map(|o| o.text().split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

fn is_embedded_post(bq: &NodeRef) -> bool {
    let class = bq.class().map(|c| c.to_ascii_lowercase()).unwrap_or_default();
    EMBED_CLASSES.iter().any(|e| class.contains(e)) || has_post_signature(&bq.text())
}

/// The text ends in a post's signature: a dash, a name and "(@handle)" within its last 160
/// characters, or "A post shared by".
fn has_post_signature(text: &str) -> bool {
    let t = text.trim();
    let tail: String = t.chars().rev().take(160).collect::<Vec<_>>().into_iter().rev().collect();
    if tail.to_lowercase().contains("a post shared by") {
        return true;
    }
    let Some(at) = tail.find("(@") else { return false };
    let handle_closed = tail[at + 2..]
        .split_once(')')
        .is_some_and(|(h, _)| !h.is_empty() && h.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.'));
    handle_closed && tail[..at].contains(['—', '–', '-'])
}

fn text_len(n: &NodeRef) -> usize {
    n.text().chars().filter(|c| !c.is_whitespace()).count()
}

/// Before Readability: embedded posts sit in wrappers named "social-embed" and the like, which
/// Readability drops as unlikely content. Strips the class and id of each of the [`posts`] and of its
/// wrappers so the post stays in the article's flow, and unwraps the post's links (Readability weighs
/// link density).
pub fn keep_in_flow(posts: &[NodeRef]) {
    for bq in posts {
        let len = text_len(bq);
        bq.remove_attrs(&["class", "id"]);
        // Links in a post (t.co, the date) make it look like navigation to Readability.
        for a in dom_query::Selection::from(*bq).select("a").nodes() {
            a.rename("span");
            a.remove_attrs(&["href"]);
        }
        for anc in bq.ancestors(Some(4)) {
            if anc.has_name("body") || anc.has_name("article") || text_len(&anc) > len + DEFAULT_EMBED_WRAPPER_SLACK {
                break;
            }
            anc.remove_attrs(&["class", "id"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posts_and_their_wrappers_are_found_pull_quotes_are_not() {
        let html = "<html><body><p>He posted:</p><div class='embed-wrap'><blockquote class='twitter-tweet'>\
                    <p>Vote today.</p>— Ann Lee (@annlee) May 2, 2026</blockquote></div>\
                    <blockquote><p>Cold homes.</p>— Bo Chan (@bo_chan) <a href='#'>May 3</a></blockquote>\
                    <blockquote class='pull-quote'><p>“We will not pay,” she said.</p></blockquote></body></html>";
        let doc = Document::from(html);
        let posts = texts(&posts(&doc));
        assert_eq!(posts.len(), 2, "{posts:?}");
        assert!(posts[0].contains("Vote today.") && posts[0].contains("(@annlee)"), "{posts:?}");
        assert!(posts[1].starts_with("Cold homes."), "{posts:?}");
        assert!(!posts.iter().any(|p| p.contains("We will not pay")));
        assert!(doc.select("body").text().contains("Vote today"), "the document is not changed");
    }

    #[test]
    fn signatures_are_recognised() {
        assert!(has_post_signature("Text here. — Ann Lee (@annlee) May 2, 2026"));
        assert!(has_post_signature("A post shared by Ann Lee (@annlee) on May 2"));
        assert!(!has_post_signature("Write to us at (@ the desk) - or call"));
        assert!(!has_post_signature("“We stay,” she said (@ the rally)."));
    }
}
