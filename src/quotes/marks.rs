//! Pairing quotation marks into quotations.
//!
//! Works paragraph by paragraph over the quotation-mark tokens of a [`Text`]. Curly and angled marks
//! have a direction; straight marks and apostrophe-like marks get one from their neighbours (space
//! before → opening, word character before → closing). Single marks inside a double quotation are
//! nested quotes and are left alone. A quotation left open at the end of a paragraph continues
//! when the next paragraph opens with a mark (the newspaper convention); otherwise it is closed at
//! the paragraph end.

use crate::report::Span;
use crate::text::{QuoteMark, Text, TokenKind};

/// One quotation: its span including the marks, and whether it was closed by a mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// From the opening mark to the closing mark, both included.
    pub span: Span,
    /// True when a closing mark was found (false: closed at the paragraph end).
    pub closed: bool,
    /// True for single marks (‘…’, '…').
    pub single: bool,
}

fn is_double(c: &str) -> bool {
    matches!(c, "“" | "”" | "\"" | "''" | "«" | "»" | "„" | "＂" | "「" | "」" | "『" | "』")
}

/// Finds the quotations of `text`, in order.
pub fn quotations(text: &Text) -> Vec<Quotation> {
    let mut out = Vec::new();
    let toks = &text.tokens;
    let mut ti = 0;
    for p in &text.paragraphs {
        while ti < toks.len() && toks[ti].span.start < p.start {
            ti += 1;
        }
        let mut open: Option<(usize, bool)> = None; // (start byte, single)
        let mut k = ti;
        while k < toks.len() && toks[k].span.end <= p.end {
            let t = toks[k];
            let TokenKind::Quote(dir) = t.kind else {
                k += 1;
                continue;
            };
            let c = text.slice(t.span);
            let double = is_double(c);
            let next = toks.get(k + 1).filter(|n| n.span.end <= p.end);
            let next_is_word_adjacent = next.is_some_and(|n| !n.space_before && n.kind == TokenKind::Word);
            let prev_adjacent = !t.space_before && k > ti;
            let opening = match dir {
                QuoteMark::Open => true,
                QuoteMark::Close => false,
                QuoteMark::Either => {
                    !prev_adjacent && next_is_word_adjacent || (t.space_before && next.is_some_and(|n| !n.space_before))
                }
            };
            match open {
                None => {
                    if !double {
                        // single marks: only a clear opening ‘ at a word start counts
                        if opening && c != "’" && !prev_adjacent {
                            open = Some((t.span.start, true));
                        }
                    } else if opening || dir == QuoteMark::Either && !prev_adjacent {
                        open = Some((t.span.start, false));
                    }
                }
                Some((s, single)) => {
                    let closes = if single {
                        !double && !opening && !next_is_word_adjacent
                    } else {
                        double && (!opening || c == "“" && is_low9_open(text, s))
                    };
                    if closes {
                        out.push(Quotation { span: Span::new(s, t.span.end), closed: true, single });
                        open = None;
                    } else if !single && double && opening {
                        // a new opening double mark while one is open: the first was never closed
                        out.push(Quotation { span: Span::new(s, trim_end(text, t.span.start)), closed: false, single });
                        open = Some((t.span.start, false));
                    }
                }
            }
            k += 1;
        }
        if let Some((s, single)) = open {
            if !single {
                out.push(Quotation { span: Span::new(s, p.end), closed: false, single });
            }
        }
        ti = k;
    }
    out
}

fn is_low9_open(text: &Text, start: usize) -> bool {
    text.src[start..].starts_with('„')
}

fn trim_end(text: &Text, end: usize) -> usize {
    end - (text.src[..end].len() - text.src[..end].trim_end().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Vec<&str> {
        let t = Text::new(s);
        let v: Vec<Span> = quotations(&t).into_iter().map(|q| q.span).collect();
        v.into_iter().map(|sp| &s[sp.start..sp.end]).collect()
    }

    #[test]
    fn pairs_curly_straight_and_angled_marks() {
        assert_eq!(q("He said “yes, it's fine” and \"no\"."), ["“yes, it's fine”", "\"no\""]);
        assert_eq!(q("Il a dit « non » hier."), ["« non »"]);
        assert_eq!(q("Er sagte „ja“ dann."), ["„ja“"]);
        assert_eq!(q("''It is over,'' he said."), ["''It is over,''"]);
    }

    #[test]
    fn singles_nested_inside_doubles_are_left_alone() {
        assert_eq!(q("“He called it ‘absurd’ today,” she said."), ["“He called it ‘absurd’ today,”"]);
        assert_eq!(q("‘Ignored’: Putin speaks"), ["‘Ignored’"]);
    }

    #[test]
    fn unclosed_quotation_ends_at_paragraph_end() {
        assert_eq!(
            q("“First part of a long quote.\n\n“Second part.”"),
            ["“First part of a long quote.", "“Second part.”"]
        );
        assert_eq!(q("Unbalanced “quote here"), ["“quote here"]);
    }
}
