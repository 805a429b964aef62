//! Embedded social-media posts are left out of the article text.
//!
//! A tweet, Instagram or TikTok post embedded in a story is not the journalist's text, and who wrote
//! it is not reliably known: the "— Name (@handle) date" signature is whatever the account calls
//! itself, and the analysis cannot tie the post's words to it as a quote. Kept as paragraphs, the
//! posts would read as anonymous prose (and a dozen of them can make half an article). So every
//! embedded post, with the wrapper that holds only it, is removed before Readability, and the
//! reader is told how many were left out. What the journalist writes about a post ("Haddad wrote
//! on X that …") stays, and is attributed as usual.
//!
//! An embedded post is a `<blockquote>` whose class names an embed (`twitter-tweet`,
//! `instagram-media`, `tiktok-embed` …), or any `<blockquote>` that ends in a post's signature
//! ("— Name (@handle) …", "A post shared by …").

use dom_query::{Document, NodeRef};

/// Class names (substrings, lower case) of embedded posts.
const EMBED_CLASSES: &[&str] =
    &["tweet", "twitter", "instagram", "tiktok", "bluesky", "threads", "mastodon", "facebook", "embed"];

/// An ancestor of an embedded post is its wrapper (removed with it) if its text is at most this many
/// characters longer (a "Twitter" label, a "View this post" link).
pub const DEFAULT_EMBED_WRAPPER_SLACK: usize = 80;

/// Elements that can wrap an embedded post (never a paragraph: its other text would go too).
const WRAPPER_TAGS: &[&str] = &["div", "figure", "section", "aside", "center", "span"];

/// Removes the embedded posts of `doc` (see the module doc); returns how many there were.
pub fn drop_embedded_posts(doc: &Document) -> usize {
    let posts: Vec<NodeRef> = doc.select("body blockquote").nodes().iter().copied().filter(is_embedded_post).collect();
    let mut removed = 0;
    for bq in posts {
        if bq.parent().is_none() {
            continue; // inside a post removed already
        }
        let len = text_len(&bq);
        let mut outer = bq;
        for anc in bq.ancestors_it(Some(4)) {
            if !WRAPPER_TAGS.iter().any(|t| anc.has_name(t)) || text_len(&anc) > len + DEFAULT_EMBED_WRAPPER_SLACK {
                break;
            }
            outer = anc;
        }
        outer.remove_from_parent();
        removed += 1;
    }
    removed
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posts_and_their_wrappers_go_pull_quotes_stay() {
        let html = "<html><body><p>He posted:</p><div class='embed-wrap'><blockquote class='twitter-tweet'>\
                    <p>Vote today.</p>— Ann Lee (@annlee) May 2, 2026</blockquote></div>\
                    <blockquote><p>Cold homes.</p>— Bo Chan (@bo_chan) <a href='#'>May 3</a></blockquote>\
                    <blockquote class='pull-quote'><p>“We will not pay,” she said.</p></blockquote></body></html>";
        let doc = Document::from(html);
        assert_eq!(drop_embedded_posts(&doc), 2);
        let body = doc.select("body").text();
        assert!(!body.contains("Vote today") && !body.contains("Cold homes") && !doc.select(".embed-wrap").exists());
        assert!(body.contains("He posted:") && body.contains("We will not pay"));
    }

    #[test]
    fn signatures_are_recognised() {
        assert!(has_post_signature("Text here. — Ann Lee (@annlee) May 2, 2026"));
        assert!(has_post_signature("A post shared by Ann Lee (@annlee) on May 2"));
        assert!(!has_post_signature("Write to us at (@ the desk) - or call"));
        assert!(!has_post_signature("“We stay,” she said (@ the rally)."));
    }
}
