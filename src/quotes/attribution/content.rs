//! Content boundaries: where the content of a cue starts (after "that", a recipient, time adjuncts) and
//! where it ends (the clause end, before ", according to", a participle, a coordinated cue, an inner
//! ", X said", a content stop of `lexicons/content_stops.tsv`). Token indices in, token or byte
//! positions out.

use super::context::{is_cap, wc, Ctx};
use crate::lexicon::{lexicon, WordClass};
use crate::text::Text;

/// The end of the token before `j` (content stops before punctuation token `j`).
pub(super) fn end_before(text: &Text, j: usize) -> usize {
    text.tokens[j.saturating_sub(1)].span.end
}

/// Content ends before a sentence's final period.
pub(super) fn content_end(text: &Text, end: usize) -> usize {
    let s = &text.src[..end];
    let t = s.trim_end();
    let t = t.strip_suffix('.').unwrap_or(t);
    t.trim_end().len()
}

/// First content token after cue `i`: skips the colon, a told/asked recipient and time adjuncts up to
/// a "that" ("said on Tuesday that", "told reporters that").
pub(super) fn content_start(cx: &Ctx, i: usize, sz: usize) -> usize {
    let mut k = i + 1;
    // "said that" / "said:" / "pointed out that"
    let particle = match cx.entry(i).map(|e| e.lemma.as_str()) {
        Some("point" | "lay" | "speak" | "spell") => wc().is(WordClass::PointParticle, cx.lower(k)),
        Some("call" | "push" | "press" | "argue" | "ask" | "advocate") => wc().is(WordClass::CallParticle, cx.lower(k)),
        Some("warn" | "complain" | "talk" | "boast" | "worry") => wc().is(WordClass::WarnParticle, cx.lower(k)),
        Some("refer" | "respond" | "reply") => cx.lower(k) == "to",
        Some("rail") => cx.lower(k) == "against",
        _ => false,
    };
    if particle {
        k += 1;
    }
    if cx.punct(k) == ":" {
        return k + 1;
    }
    // look for "that" within a few words, through adjuncts and a recipient
    let recipient = (cx.entry(i).map(|e| e.lemma.as_str())).is_some_and(|l| wc().is(WordClass::RecipientCue, l));
    let mut j = k;
    while j < sz && j < k + 9 {
        let w = cx.lower(j);
        if w == "that" {
            return j;
        }
        if w.is_empty() && cx.punct(j) != "," {
            break;
        }
        // only adjuncts ("said in a statement Friday that") or a recipient ("told reporters that")
        if !(recipient || cx.adjunct(j) || cx.punct(j) == "," || wc().is(WordClass::RecipientPreposition, w)) {
            break;
        }
        j += 1;
    }
    // "told the National Post he has …": a bare clause after the recipient, opened by a pronoun
    if cx.entry(i).is_some_and(|e| e.lemma == "tell") {
        let r = recipient_end(cx, k, sz);
        if r > k && wc().is(WordClass::ClauseSubject, cx.lower(r)) {
            return r;
        }
    }
    // "said Friday the …" / "said in a statement the …"
    let mut j = k;
    if cx.lower(j) == "over" {
        j += 1;
    }
    let phrase = wc().is(WordClass::TimePreposition, cx.lower(k));
    while j < sz
        && j < k + 5
        && (wc().is(WordClass::Time, cx.lower(j))
            || cx.punct(j) == ","
            || phrase && cx.adjunct(j) && !wc().is(WordClass::Article, cx.lower(j)) && j > k
            || j == k && phrase
            || phrase && j <= k + 2 && wc().is(WordClass::ArticleOrPossessive, cx.lower(j)))
    {
        j += 1;
    }
    if j > k && j < sz && !cx.word(j).is_empty() {
        let lw = cx.lower(k);
        if wc().is(WordClass::TimePhraseOpener, lw) || wc().is(WordClass::Adjunct, lw) {
            return j;
        }
    }
    k
}

/// The token after a recipient noun phrase starting at `k` ("told the National Post he …", "told his
/// closest advisers as …"): a mention, or a determiner and up to four lower-case words; `k` when none.
pub(super) fn recipient_end(cx: &Ctx, k: usize, sz: usize) -> usize {
    if let Some(m) = cx.text.tokens.get(k).and_then(|t| cx.mention_starting_at(t.span.start)) {
        return cx.text.token_at_or_after(cx.mentions[m].span.end).min(sz);
    }
    if !wc().is(WordClass::Determiner, cx.lower(k)) && !wc().is(WordClass::RecipientHead, cx.lower(k)) {
        return k;
    }
    // "the National Post"
    if let Some(m) = cx.text.tokens.get(k + 1).and_then(|t| cx.mention_starting_at(t.span.start)) {
        return cx.text.token_at_or_after(cx.mentions[m].span.end).min(sz);
    }
    let mut r = k + 1;
    while r < sz
        && r < k + 5
        && !cx.word(r).is_empty()
        && !is_cap(cx.word(r))
        && !wc().is(WordClass::NpBoundary, cx.lower(r))
        && cx.entry(r).is_none()
    {
        r += 1;
    }
    r
}

/// True when the words after "told" at token `k` are only its addressee — a person or a medium (a mention,
/// "reporters", "the Post") — and what follows it is the sentence end, punctuation, or a time or place
/// adjunct ("told reporters in Boston on Friday.", "told NBC News before the vote."): no content is there
/// (PolNeAR train: 11 of 18 such contents wrong; the diplomacy conventions annotate none).
pub(super) fn told_addressee_only(cx: &Ctx, k: usize, sz: usize) -> bool {
    let named = |j: usize| cx.text.tokens.get(j).is_some_and(|t| cx.mention_starting_at(t.span.start).is_some());
    let person = named(k)
        || wc().is(WordClass::RecipientHead, cx.lower(k))
        || wc().is(WordClass::Determiner, cx.lower(k)) && named(k + 1);
    if !person {
        return false;
    }
    let r = recipient_end(cx, k, sz);
    r > k
        && (r >= sz
            || matches!(cx.punct(r), "." | "!" | "?" | "," | ":" | ";" | "—")
            || cx.adjunct_to_end(r, sz)
            || wc().is(WordClass::TailPreposition, cx.lower(r)) && cx.lower(r) != "to"
            || wc().is(WordClass::ObjectStop, cx.lower(r)))
}

/// True when token `k` lies in a subordinate clause that opens its sentence and has not reached its
/// comma yet: "Though he did not name Rubio, he made it clear that …" is not; "As Obama announces that he
/// is ready, he is set to …" and "While Ramos said that journalists must stay neutral, he appears …" are
/// (the content ends at the clause's comma: the main clause after it is the narrator's). The opener is a
/// subordinator of `lexicons/word_classes.tsv` that is no coordinator, after at most one coordinator.
fn in_opening_subordinate(cx: &Ctx, k: usize) -> bool {
    let (sa, _) = cx.sentence_tokens(cx.text.tokens.get(k).map_or(0, |t| t.span.start));
    let mut a = sa;
    while a < k && cx.word(a).is_empty() && cx.punct(a) != "," {
        a += 1; // an opening quotation mark or dash
    }
    if wc().is(WordClass::Coordinator, cx.lower(a)) {
        a += 1;
    }
    a < k
        && wc().is(WordClass::Subordinator, cx.lower(a))
        && !wc().is(WordClass::Coordinator, cx.lower(a))
        && !(a..k).any(|t| cx.punct(t) == ",")
}

/// Where a clause starting at token `k` ends (byte): the sentence end without its final period,
/// or before ", according to", a participle cue (", adding that"), an inner ", X said", or the comma
/// that closes an opening subordinate clause the content is in ([`in_opening_subordinate`]).
pub(super) fn clause_end(cx: &Ctx, k: usize, sz: usize) -> usize {
    let text = cx.text;
    let subordinate = in_opening_subordinate(cx, k);
    let mut j = k;
    while j < sz {
        let p = cx.punct(j);
        if subordinate && p == "," && j > k {
            return end_before(text, j);
        }
        if p == ";" || p == "―" || (p == "-" && cx.punct(j + 1) == "-") {
            break;
        }
        // "… “to win this race,” adding that …": the content ends with the quotation, before the participle
        if j > k + 1
            && cx.is_quote_mark(j)
            && cx.punct(j - 1) == ","
            && cx.lower(j + 1).ends_with("ing")
            && cx.entry(j + 1).is_some_and(|e| !e.nominal())
        {
            return text.tokens[j].span.end;
        }
        // "… and said …", "… but did note that …", "…, and other GOP leaders said …": a coordinated cue
        // starts an attribution of its own
        if wc().is(WordClass::Coordinator, cx.lower(j)) && j > k {
            let mut c = j + 1;
            while c < sz && (cx.skippable(c) || wc().is(WordClass::CoordinatedCueSkip, cx.lower(c))) {
                c += 1;
            }
            let own_cue = |c: usize| {
                (cx.cue(c).is_some() || cx.lower(c + 1) == "out" && cx.lower(c).starts_with("point"))
                    && !cx.lower(c).ends_with("ing")
            };
            let new_subject = || {
                (c + 1..(c + 6).min(sz))
                    .find(|&x| own_cue(x))
                    .is_some_and(|x| cx.subject_before(x, j + 1).is_some_and(|s| s.first == j + 1))
            };
            if own_cue(c) || cx.punct(j - 1) == "," && new_subject() {
                let e = if cx.punct(j - 1) == "," { j - 1 } else { j };
                return end_before(text, e);
            }
        }
        // ", which …", "— a …": contexts where train contents mostly end (lexicons/content_stops.tsv)
        if j > k
            && matches!(p, "," | "—" | "–" | "-")
            && j + 1 < sz
            && cx.word(j + 1).starts_with(char::is_lowercase)
            && lexicon().ends_content(p, cx.lower(j + 1))
        {
            break;
        }
        if p == "," && j + 1 < sz {
            let nw = cx.lower(j + 1);
            if wc().is(WordClass::CommaClauseStop, nw) {
                break;
            }
            // ", contradicting …" — a participle clause of the narrator
            if nw.ends_with("ing") && !wc().is(WordClass::IngNotNarrator, nw) && nw.len() > 5 {
                break;
            }
            if nw == "according" && cx.lower(j + 2) == "to" {
                break;
            }
            if nw.ends_with("ing") && cx.entry(j + 1).is_some_and(|e| !e.weak() && !e.nominal()) {
                break;
            }
            // ", said X" — an inverted cue with its speaker after it
            if cx.cue(j + 1).is_some() && cx.subject_after(j + 1, sz).is_some_and(|s| s.mention.is_some()) {
                break;
            }
            // ", X said," in the middle or ", X said." at the end
            let mut c = j + 1;
            while c < sz && c < j + 8 && !cx.word(c).is_empty() {
                if cx.cue(c).is_some() {
                    if cx.subject_before(c, j + 1).is_some_and(|s| s.first == j + 1) && c < sz {
                        let after = cx.punct(c + 1);
                        if c + 1 >= sz || matches!(after, "," | "." | "") && cx.word(c + 1).is_empty() {
                            return end_before(text, j);
                        }
                    }
                    break;
                }
                c += 1;
            }
        }
        // "…, though Mrs. Fiorina said she doubted …", "… after Mrs. Clinton accused him …": a clause with
        // a speaker and a cue of its own starts another attribution (one role per token in the annotation)
        if j > k + 1 && (p == "," || wc().is(WordClass::Subordinator, cx.lower(j))) && cx.starts_attribution(j + 1, sz)
        {
            let e = if p.is_empty() && cx.punct(j - 1) == "," { j - 1 } else { j };
            return end_before(text, e);
        }
        j += 1;
    }
    if j >= sz {
        return content_end(text, text.tokens[sz - 1].span.end);
    }
    end_before(text, j)
}

impl Ctx<'_> {
    /// A new attribution starts at token `a` (after a comma or a subordinator): an optional subordinator,
    /// then a speaker ending right before a speech cue ("though Mrs. Fiorina said", "after Clinton accused").
    pub(super) fn starts_attribution(&self, a: usize, sz: usize) -> bool {
        let a = if wc().is(WordClass::Subordinator, self.lower(a)) { a + 1 } else { a };
        (a + 1..(a + 8).min(sz)).find(|&c| self.word(c).is_empty() || self.cue(c).is_some()).is_some_and(|c| {
            self.entry(c).is_some_and(|e| !e.weak() && !self.lower(c).ends_with("ing"))
                && self.subject_before(c, a).is_some_and(|s| s.first == a && (s.mention.is_some() || self.clear(&s)))
        })
    }
    /// After an inverted cue's speaker ("…, said X"), the rest of the sentence from token `after` is
    /// about X, not a clause of X's: an appositive (", director of …"), a relative clause, or a short
    /// prepositional tail ("in the room"). "…, said he also may" is a clause, not a tail.
    pub(super) fn inverted_tail(&self, after: usize, sz: usize) -> bool {
        if matches!(self.punct(after), "," | "(" | "—") {
            return true;
        }
        // "…, said the campaign is taking nothing for granted": a verb after the speaker makes a clause
        let w = self.lower(after);
        sz - after <= 6 && (w.is_empty() || self.adjunct(after) || wc().is(WordClass::InvertedTailPreposition, w))
    }
    /// A "that" comes within a few words after the cue.
    pub(super) fn that_follows(&self, i: usize, sz: usize) -> bool {
        (i + 1..sz.min(i + 8)).any(|k| self.lower(k) == "that")
    }
    /// Only adjunct words (or nothing) from `k` to the sentence end.
    pub(super) fn adjunct_to_end(&self, k: usize, sz: usize) -> bool {
        // "…, his aides argued in interviews this week; rather, …": a semicolon ends the clause
        let sz = (k..sz).find(|&x| self.punct(x) == ";").unwrap_or(sz);
        (k..sz).all(|x| self.adjunct(x) || matches!(self.punct(x), "." | "," | "!" | "?") || self.is_quote_mark(x))
            && (k..sz).filter(|&x| !self.word(x).is_empty()).count() <= 4
    }
}
