//! Text: the analysed string with its paragraphs, sentences and word tokens.
//!
//! Takes a plain string and gives back a [`Text`] that owns it, with byte spans for paragraphs
//! (blank-line or line separated), sentences (a period, question or exclamation mark followed by
//! space and an upper-case letter or an opening quotation mark, except after known abbreviations)
//! and tokens (words, numbers, punctuation, quotation marks). Nothing is rewritten: every span
//! points into the original string, and comparisons normalise on the fly (curly vs straight marks).

use crate::report::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, digits, and inner apostrophes, hyphens or periods ("U.S.", "Russia–Ukraine", "don't").
    Word,
    /// A quotation mark of any style.
    Quote(QuoteMark),
    /// Any other punctuation or symbol.
    Punct,
}

/// The role a quotation mark can play.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteMark {
    /// Opens only: “ « „ ‚ ‹
    Open,
    /// Closes only: ” » ›
    Close,
    /// Opens or closes by context: " and ' and ’ ‘ when not inside a word.
    Either,
}

/// One token of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// True when whitespace (or the start of the text) comes right before it.
    pub space_before: bool,
}

/// A segmented text.
#[derive(Clone, Debug)]
pub struct Text {
    /// The text itself.
    pub src: String,
    /// Paragraph spans, trimmed of surrounding whitespace.
    pub paragraphs: Vec<Span>,
    /// Sentence spans within paragraphs.
    pub sentences: Vec<Span>,
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// Every word token in lower case, computed once (the later stages compare lower-case words at
    /// every token).
    lowers: Lowers,
}

/// Lower-case words of a text's tokens, in one buffer: the words one after the other, and where each
/// token's ends (empty for punctuation). Four bytes per token, so punctuation-dense text stays small.
#[derive(Clone, Debug, Default)]
struct Lowers {
    buf: String,
    /// where each token's word ends in `buf`; it starts where the previous one ended
    end: Vec<u32>,
}

impl Lowers {
    fn new(src: &str, tokens: &[Token]) -> Lowers {
        let mut buf = String::new();
        let mut end = Vec::with_capacity(tokens.len());
        for t in tokens {
            if t.kind == TokenKind::Word {
                buf.extend(src[t.span.start..t.span.end].chars().flat_map(char::to_lowercase));
            }
            end.push(buf.len() as u32);
        }
        Lowers { buf, end }
    }

    fn get(&self, i: usize) -> &str {
        let Some(&b) = self.end.get(i) else {
            return "";
        };
        let a = if i == 0 { 0 } else { self.end[i - 1] };
        &self.buf[a as usize..b as usize]
    }
}

/// Sentences longer than this many bytes are cut at the next word boundary (real sentences are far
/// shorter; later stages scan sentences, so a run-on one of megabytes would cost quadratic time).
pub const MAX_SENTENCE_BYTES: usize = 1_500;

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "st", "jr", "sr", "prof", "rev", "hon",
    "pres", "vs", "no", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "inc", "corp", "co",
    "ltd", "mt", "ft", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "calif", "mass", "fla", "ariz", "wash", "mich",
    "ill", "pa", "va", "tenn", "ky", "md", "conn",
];

/// Title abbreviations that keep their period in one token ("Mr. Obama").
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt", "Col", "Sgt", "Prof", "Rev", "Hon",
    "Pres", "Adm", "Capt", "Maj", "Cpl", "Supt", "Atty",
];

/// Is `c` a quotation mark, and which role can it play?
pub fn quote_mark(c: char) -> Option<QuoteMark> {
    match c {
        '“' | '«' | '„' | '‚' | '‹' | '「' | '『' => Some(QuoteMark::Open),
        '”' | '»' | '›' | '」' | '』' => Some(QuoteMark::Close),
        '"' | '\'' | '‘' | '’' | '＂' => Some(QuoteMark::Either),
        _ => None,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '\u{00AD}'
}

impl Text {
    /// Segments `src`.
    pub fn new(src: impl Into<String>) -> Text {
        let src = src.into();
        let tokens = tokenize(&src);
        let paragraphs = paragraphs(&src);
        let sentences = sentences(&src, &paragraphs, &tokens);
        let lowers = Lowers::new(&src, &tokens);
        Text { src, paragraphs, sentences, tokens, lowers }
    }

    /// Token `i` when it is a word, else (punctuation, a quotation mark, past the end) "".
    pub fn word(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) if t.kind == TokenKind::Word => self.slice(t.span),
            _ => "",
        }
    }

    /// Token `i` in lower case when it is a word, else "".
    pub fn lower(&self, i: usize) -> &str {
        self.lowers.get(i)
    }

    /// The string under `span`.
    pub fn slice(&self, span: Span) -> &str {
        &self.src[span.start..span.end]
    }

    /// Index of the first token starting at or after byte `b`.
    pub fn token_at_or_after(&self, b: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < b)
    }

    /// Index of the sentence that contains byte `b`, if any.
    pub fn sentence_of(&self, b: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= b);
        (i < self.sentences.len() && self.sentences[i].start <= b).then_some(i)
    }

    /// Index of the paragraph that contains byte `b`, if any.
    pub fn paragraph_of(&self, b: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|s| s.end <= b);
        (i < self.paragraphs.len() && self.paragraphs[i].start <= b).then_some(i)
    }
}

fn tokenize(s: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(s.len() / 5);
    let mut it = s.char_indices().peekable();
    let mut space_before = true;
    // an opening single mark (‘ or ' before a word) is waiting for its close in this paragraph
    let mut single_open = false;
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' {
            space_before = true;
            if c == '\n' {
                single_open = false;
            }
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                // inner joiners: apostrophes, hyphens, periods in "U.S.", dashes in "Russia–Ukraine"
                if matches!(d, '\'' | '’' | '-' | '‑' | '.' | '–' | '&') {
                    let rest = &s[j + d.len_utf8()..];
                    let next = rest.chars().next();
                    if next.is_some_and(is_word_char) && (d != '.' || next.is_some_and(|n| n.is_alphabetic())) {
                        it.next();
                        end = j + d.len_utf8();
                        continue;
                    }
                    // "Sanders’ campaign", "the veterans' group": a plural possessive, not a closing mark,
                    // unless a single quotation is open
                    if matches!(d, '\'' | '’')
                        && !single_open
                        && s[i..j].ends_with(['s', 'S'])
                        && s[i..j].chars().count() > 1
                        && rest.starts_with(' ')
                        && rest[1..].chars().next().is_some_and(char::is_alphanumeric)
                    {
                        it.next();
                        end = j + d.len_utf8();
                        break;
                    }
                    // "U.S." keeps its final period when the word is an initialism, "Mr." when a title
                    if d == '.'
                        && (s[i..j].contains('.') && s[i..j].chars().all(|x| x.is_alphabetic() || x == '.')
                            || TITLE_ABBREVIATIONS.contains(&&s[i..j]))
                    {
                        it.next();
                        end = j + 1;
                    }
                }
                break;
            }
            out.push(Token { span: Span::new(i, end), kind: TokenKind::Word, space_before });
        } else if c == '\'' && s[i + 1..].starts_with('\'') {
            // two apostrophes: the double quotation mark of some archives ('' … '')
            it.next();
            out.push(Token { span: Span::new(i, i + 2), kind: TokenKind::Quote(QuoteMark::Either), space_before });
        } else {
            let kind = match quote_mark(c) {
                Some(m) => TokenKind::Quote(m),
                None => TokenKind::Punct,
            };
            if matches!(c, '\'' | '‘' | '’') {
                let word_next = s[i + c.len_utf8()..].chars().next().is_some_and(is_word_char);
                single_open = c != '’' && space_before && word_next || c == '‘';
            }
            out.push(Token { span: Span::new(i, i + c.len_utf8()), kind, space_before });
        }
        space_before = false;
    }
    out
}

fn paragraphs(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c == '\n' || c == '\u{2029}' {
            push_trimmed(s, start, i, &mut out);
            start = i + c.len_utf8();
        }
    }
    push_trimmed(s, start, s.len(), &mut out);
    out
}

fn push_trimmed(s: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &s[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

fn sentences(s: &str, paragraphs: &[Span], tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut ti = 0;
    for p in paragraphs {
        while ti < tokens.len() && tokens[ti].span.start < p.start {
            ti += 1;
        }
        let first = ti;
        while ti < tokens.len() && tokens[ti].span.end <= p.end {
            ti += 1;
        }
        let toks = &tokens[first..ti];
        let mut start = p.start;
        let mut k = 0;
        while k < toks.len() {
            let t = toks[k];
            // a run-on "sentence" (a flattened table, a list, junk) is cut at a word boundary, so
            // that the work per sentence of the later stages stays bounded
            let long = t.span.start - start;
            if k > 0
                && toks[k - 1].span.end > start
                && (long > MAX_SENTENCE_BYTES && t.space_before || long > 2 * MAX_SENTENCE_BYTES)
            {
                out.push(Span::new(start, toks[k - 1].span.end));
                start = t.span.start;
            }
            let c = &s[t.span.start..t.span.end];
            let ends = matches!(c, "." | "?" | "!" | "…")
                || (t.kind == TokenKind::Word && c.ends_with('.') && c.len() > 2 && !is_abbreviation(c));
            if ends {
                // closing quotation marks and brackets stay with the sentence
                let mut last = k;
                while last + 1 < toks.len()
                    && !toks[last + 1].space_before
                    && matches!(
                        toks[last + 1].kind,
                        TokenKind::Quote(QuoteMark::Close | QuoteMark::Either) | TokenKind::Punct
                    )
                    && !matches!(&s[toks[last + 1].span.start..toks[last + 1].span.end], "." | "?" | "!")
                {
                    last += 1;
                }
                let next = toks.get(last + 1);
                let breaks = match next {
                    None => false,
                    Some(n) => {
                        n.space_before && {
                            let nc = s[n.span.start..].chars().next().unwrap_or(' ');
                            nc.is_uppercase() || nc.is_numeric() || matches!(n.kind, TokenKind::Quote(_))
                        }
                    }
                };
                let abbrev_before = c == "." && k > 0 && !toks[k].space_before && {
                    let w = &s[toks[k - 1].span.start..toks[k - 1].span.end];
                    is_abbreviation(&format!("{w}.")) || (w.chars().count() == 1 && w.chars().all(|x| x.is_uppercase()))
                };
                if breaks && !abbrev_before {
                    let end = toks[last].span.end;
                    out.push(Span::new(start, end));
                    start = toks[last + 1].span.start;
                    k = last + 1;
                    continue;
                }
            }
            k += 1;
        }
        if start < p.end {
            out.push(Span::new(start, p.end));
        }
    }
    out
}

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    ABBREVIATIONS.contains(&w.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &Text) -> Vec<&str> {
        t.tokens.iter().map(|k| t.slice(k.span)).collect()
    }

    #[test]
    fn tokens_keep_initialisms_and_inner_dashes() {
        let t = Text::new("U.S. officials said Russia–Ukraine talks don't help.");
        assert_eq!(words(&t), ["U.S.", "officials", "said", "Russia–Ukraine", "talks", "don't", "help", "."]);
    }

    #[test]
    fn sentences_split_after_quotes_and_not_after_titles() {
        let t = Text::new("“It is over,” Mr. Smith said. Then he left.\n\nNew paragraph here.");
        assert_eq!(words(&t)[6], "Mr.");
        let s: Vec<&str> = t.sentences.iter().map(|s| t.slice(*s)).collect();
        assert_eq!(s, ["“It is over,” Mr. Smith said.", "Then he left.", "New paragraph here."]);
    }

    #[test]
    fn run_on_sentences_are_cut_at_a_word_boundary() {
        let s = "word ".repeat(1000);
        let t = Text::new(s.as_str());
        assert!(t.sentences.len() >= 3);
        assert!(t.sentences.iter().all(|x| x.len() <= MAX_SENTENCE_BYTES + 16 && t.slice(*x).starts_with("word")));
        // no spaces at all (CJK, runs of marks): cut anyway
        let s = "中文，".repeat(1000);
        let t = Text::new(s.as_str());
        assert!(t.sentences.iter().all(|x| x.len() <= 2 * MAX_SENTENCE_BYTES + 16));
        assert_eq!(t.sentences.iter().map(|x| x.len()).sum::<usize>(), s.len());
    }

    #[test]
    fn quotation_marks_are_tokens() {
        let t = Text::new("«Oui» and „ja“");
        let kinds: Vec<TokenKind> = t.tokens.iter().map(|k| k.kind).collect();
        assert_eq!(kinds[0], TokenKind::Quote(QuoteMark::Open));
        assert_eq!(kinds[2], TokenKind::Quote(QuoteMark::Close));
        assert_eq!(kinds[4], TokenKind::Quote(QuoteMark::Open));
    }
}
