//! Speaker finders: the speaker of a cue, before it ("Putin on Tuesday also said"), after it ("said a
//! senior official"), at the sentence start, through appositives ("Ned Price, a State Department
//! spokesman, said"). Each takes a cue token and the sentence bounds and gives a [`Speaker`].

use super::context::{is_cap, wc, Ctx, Speaker};
use crate::lexicon::{lexicon, CueEntry, WordClass};
use crate::mentions::MentionKind;
use crate::report::Span;

/// Fewest words after the name for a comma phrase to be a clause, not an appositive (see
/// [`Ctx::clause_subject`]): "Trump pressed on" is one name and two words.
pub const DEFAULT_CLAUSE_WORDS: usize = 2;

impl Ctx<'_> {
    /// The speaker ending right before token `i` (a cue), skipping adverbs, auxiliaries, time adjuncts
    /// and an appositive. `floor` is the first token of the sentence.
    pub(super) fn subject_before(&self, i: usize, floor: usize) -> Option<Speaker> {
        let mut k = i;
        // "He seemed to suggest …": the raising verb sits between the speaker and the cue
        if k >= floor + 2 && self.lower(k - 1) == "to" && wc().is(WordClass::RaisingVerb, self.lower(k - 2)) {
            k -= 2;
        }
        let mut skipped = 0;
        while k > floor {
            let j = k - 1;
            if self.skippable(j) || (self.adjunct(j) && skipped < 6) {
                k = j;
                skipped += 1;
                continue;
            }
            break;
        }
        // a run of adjunct words may also be the speaker's own words ("the statement said"): retry from
        // the closest position when nothing is found further back
        let mut tries = vec![k];
        let mut k2 = k;
        while k2 < i {
            if !self.skippable(k2) {
                tries.push(k2 + 1);
            }
            k2 += 1;
        }
        tries.push(i);
        for k in tries {
            if let Some(s) = self.subject_ending_at(k, floor, i) {
                return Some(s);
            }
        }
        None
    }
    /// The speaker whose last token is `k - 1`.
    pub(super) fn subject_ending_at(&self, k: usize, floor: usize, cue: usize) -> Option<Speaker> {
        self.subject_ending_at_depth(k, floor, cue, 0)
    }
    /// [`Ctx::subject_ending_at`] through at most two stacked appositives ("Jane Roe, 21, a student, said").
    pub(super) fn subject_ending_at_depth(&self, k: usize, floor: usize, cue: usize, depth: u8) -> Option<Speaker> {
        if k <= floor {
            return None;
        }
        let j = k - 1;
        // a passive cue has no speaker before it ("was criticized by")
        if cue > 0 && k < cue && wc().is(WordClass::Be, self.lower(cue - 1)) {
            let w = self.lower(cue);
            if w.ends_with("ed") || w == "told" || w == "shown" || w == "known" {
                return None;
            }
        }
        let t = self.text.tokens[j];
        if let Some(m) = self.mention_ending_at(t.span.end) {
            return Some(Speaker {
                mention: Some(m),
                span: self.mentions[m].span,
                first: self.text.token_at_or_after(self.mentions[m].span.start),
            });
        }
        // appositive: "Ned Price, a State Department spokesman," / parenthetical "(R-Ind.)"
        if matches!(self.punct(j), "," | ")") {
            let open = if self.punct(j) == "," { "," } else { "(" };
            let mut a = j;
            let mut n = 0;
            while a > floor && n < 30 {
                a -= 1;
                n += 1;
                if self.punct(a) == open {
                    break;
                }
            }
            if self.punct(a) == open && a > floor && n >= 2 {
                // "In an interview with CNN, Trump pressed on, saying": the comma phrase is a clause
                // whose subject speaks, not the name before it
                // (only before a participle cue: "…, saying", "…, calling him")
                let participle = self.lower(cue).ends_with("ing");
                if let Some(s) = (open == "," && participle).then(|| self.clause_subject(a + 1, j)).flatten() {
                    return Some(s);
                }
                // "Jane Roe, 21, a student from Ohio,": the phrase before this one is an appositive too
                let named = self.subject_ending_at(a, floor, cue).filter(|s| s.mention.is_some());
                let stacked = || {
                    (depth < 2 && open == "," && self.punct(a) == ",")
                        .then(|| self.subject_ending_at_depth(a + 1, floor, cue, depth + 1))
                        .flatten()
                };
                if let Some(s) = named.or_else(stacked).or_else(|| self.subject_ending_at(a, floor, cue)) {
                    // the appositive phrase must look like a role, not a clause
                    let inner_ok = (a + 1..j).all(|x| {
                        let w = self.lower(x);
                        !wc().is(WordClass::NotInAppositive, w) && !self.is_quote_mark(x)
                    });
                    let adjunct = (a + 1..j).all(|x| {
                        self.adjunct(x) || self.skippable(x) || wc().is(WordClass::AppositiveAdjunct, self.lower(x))
                    }) || wc().is(WordClass::AppositiveAdjunctOpener, self.lower(a + 1));
                    if adjunct {
                        return Some(s);
                    }
                    if inner_ok && s.mention.is_some() {
                        return Some(Speaker {
                            mention: s.mention,
                            span: Span::new(s.span.start, self.text.tokens[j].span.end),
                            first: s.first,
                        });
                    }
                }
            }
            return None;
        }
        let w = self.word(j);
        if w.is_empty() {
            return None;
        }
        let lw = w.to_lowercase();
        if wc().is(WordClass::Relative, lw.as_str()) {
            // "…, who said": the speaker is the mention before the comma
            let mention = if j > floor && self.punct(j - 1) == "," {
                self.mention_ending_at(self.text.tokens[j - 2.min(j)].span.end)
            } else {
                None
            };
            return Some(Speaker { mention, span: t.span, first: j });
        }
        if wc().is(WordClass::NotHead, lw.as_str())
            || lw.ends_with("n't")
            || lw.ends_with("n’t")
            || (!is_cap(w) && wc().is(WordClass::NpBoundary, lw.as_str()))
            || lw.ends_with("’s")
            || lw.ends_with("'s")
        {
            return None;
        }
        if self.entry(j).is_some_and(|e| !e.nominal()) || lw.ends_with("ing") {
            return None;
        }
        if lw == "it" {
            return Some(Speaker { mention: None, span: t.span, first: j });
        }
        // a plain noun phrase: walk back over modifiers
        let mut a = j;
        let mut n = 1;
        while a > floor && n < 6 {
            let p = a - 1;
            let pw = self.word(p);
            if pw.is_empty() {
                break;
            }
            let pl = pw.to_lowercase();
            if wc().is(WordClass::Determiner, pl.as_str()) {
                a = p;
                break;
            }
            if (!is_cap(pw)
                && wc().is(WordClass::NpBoundary, pl.as_str())
                && !wc().is(WordClass::NpPreposition, pl.as_str()))
                || self.entry(p).is_some_and(|e| !e.nominal())
                || self.skippable(p) && !is_cap(pw)
            {
                break;
            }
            if wc().is(WordClass::NpPreposition, pl.as_str()) && (p <= floor || self.word(p - 1).is_empty()) {
                break;
            }
            a = p;
            n += 1;
        }
        // "of"/"for" cannot open the phrase
        while a < j && wc().is(WordClass::NpPreposition, self.lower(a)) {
            a += 1;
        }
        let mention = (a..=j).rev().find_map(|x| self.mention_ending_at(self.text.tokens[x].span.end));
        let span = Span::new(self.text.tokens[a].span.start, t.span.end);
        Some(Speaker { mention: mention.filter(|&m| self.mentions[m].kind == MentionKind::Name), span, first: a })
    }
    /// The subject of the clause in tokens `[from, to)` between two commas ("…, Trump doubled down on
    /// the claim, saying"), that a participle cue after it belongs to: a name opening it (after one
    /// subordinator, "as Lee echoed the claim") and followed by a lower-case word that is no role,
    /// preposition or conjunction, with at least [`DEFAULT_CLAUSE_WORDS`] words after the name. `None`
    /// for an appositive ("Lee, an Acme spokesman,", "Lee, Acme's founder,").
    fn clause_subject(&self, from: usize, to: usize) -> Option<Speaker> {
        let k = if wc().is(WordClass::ClauseSubordinator, self.lower(from)) { from + 1 } else { from };
        let m = self.mention_starting_at(self.text.tokens.get(k)?.span.start)?;
        let mention = &self.mentions[m];
        // a possessive name keeps its "’s" out of the mention: "Russia’s envoy" is an appositive
        let possessive = self.text.src[mention.span.end..].starts_with(['’', '\'']);
        if mention.kind != MentionKind::Name || possessive {
            return None;
        }
        let v = self.text.token_at_or_after(mention.span.end);
        let w = self.word(v);
        let words = (v..to).filter(|&x| !self.word(x).is_empty()).count();
        let verb = !w.is_empty()
            && !is_cap(w)
            && !lexicon().roles.contains_key(w)
            && !wc().is(WordClass::NpPreposition, self.lower(v))
            && !wc().is(WordClass::Determiner, self.lower(v))
            && !matches!(self.lower(v), "and" | "or" | "who" | "whose" | "which");
        (verb && v < to && words >= DEFAULT_CLAUSE_WORDS).then_some(Speaker {
            mention: Some(m),
            span: mention.span,
            first: k,
        })
    }
    /// The speaker starting right after token `i` ("said Putin", "said a senior official").
    pub(super) fn subject_after(&self, i: usize, sz: usize) -> Option<Speaker> {
        let t = self.text.tokens.get(i + 1)?;
        if i + 1 >= sz {
            return None;
        }
        if let Some(m) = self.mention_starting_at(t.span.start) {
            return Some(Speaker { mention: Some(m), span: self.mentions[m].span, first: i + 1 });
        }
        let w = self.lower(i + 1);
        if !wc().is(WordClass::Determiner, w) {
            // "said 9/11 widow Terry Strada": a few modifiers before the name
            for k in i + 2..(i + 6).min(sz) {
                let tk = self.text.tokens[k];
                if matches!(self.punct(k), "," | "." | ";" | ":" | "(" | ")")
                    || self.is_quote_mark(k)
                    || wc().is(WordClass::NpBoundary, self.lower(k))
                {
                    break;
                }
                if let Some(m) = self.mention_starting_at(tk.span.start) {
                    let span = Span::new(t.span.start, self.mentions[m].span.end);
                    return Some(Speaker { mention: Some(m), span, first: i + 1 });
                }
            }
            return None;
        }
        // "said the senior official" — up to the next punctuation or boundary word
        let mut z = i + 2;
        while z < sz && z < i + 8 && !self.word(z).is_empty() && !wc().is(WordClass::NpBoundary, self.lower(z)) {
            z += 1;
        }
        if z == i + 2 {
            return None;
        }
        let span = Span::new(t.span.start, self.text.tokens[z - 1].span.end);
        let mention = (i + 1..z).find_map(|x| self.mention_starting_at(self.text.tokens[x].span.start));
        Some(Speaker { mention, span, first: i + 1 })
    }
    /// A speaker that is clearly a noun phrase: a mention, a determiner phrase, a plural or a name.
    pub(super) fn clear(&self, s: &Speaker) -> bool {
        if s.mention.is_some() {
            return true;
        }
        let t = self.text.slice(s.span);
        let first = t.split_whitespace().next().unwrap_or("");
        let last = t.split_whitespace().last().unwrap_or("");
        wc().is(WordClass::Determiner, first.to_lowercase().as_str())
            || (last.ends_with('s') && !last.ends_with("ss"))
            || is_cap(first) && s.first > 0 && !self.sentence_initial(s.first)
    }
    /// A long noun-phrase subject that opens the sentence, before a reliable cue: "Other former CIA officers
    /// with no direct knowledge of the case but with experience in war zones said …". Only for cues that
    /// are cues nine times in ten in train ("said", "told"), and only when the words before it contain no
    /// other cue, no clause opener and no punctuation but commas.
    pub(super) fn long_subject(&self, i: usize, sa: usize, e: &CueEntry) -> Option<Speaker> {
        if e.weak() || e.precision < 0.85 || i <= sa + 2 || i - sa > 30 {
            return None;
        }
        let a = if self.word(sa).is_empty() { sa + 1 } else { sa };
        let first = self.lower(a);
        if !(wc().is(WordClass::Determiner, first) || is_cap(self.word(a))) {
            return None;
        }
        let clean = (a..i).all(|x| {
            let w = self.lower(x);
            if w.is_empty() {
                return matches!(self.punct(x), "," | "-" | "—" | "(" | ")");
            }
            self.entry(x).is_none() && !wc().is(WordClass::LongSubjectStop, w)
        });
        if !clean {
            return None;
        }
        let mention = (a..i).find_map(|x| self.mention_starting_at(self.text.tokens[x].span.start));
        let span = Span::new(self.text.tokens[a].span.start, self.text.tokens[i - 1].span.end);
        Some(Speaker { mention, span, first: a })
    }
    /// The subject of a sentence: a mention at its start.
    pub(super) fn subject_first(&self, sa: usize, limit: usize) -> Option<Speaker> {
        let mut k = sa;
        while k < limit && self.word(k).is_empty() {
            k += 1;
        }
        let m = self.mention_starting_at(self.text.tokens.get(k)?.span.start)?;
        Some(Speaker { mention: Some(m), span: self.mentions[m].span, first: k })
    }
    /// The subject of the main clause before token `limit`: the noun phrase that ends at the sentence's
    /// first auxiliary or cue and starts the sentence ("The Wisconsin Republican did give Trump credit, …").
    pub(super) fn main_subject(&self, sa: usize, limit: usize) -> Option<Speaker> {
        let v = (sa + 1..limit.min(sa + 10))
            .find(|&x| self.punct(x).is_empty() && (self.skippable(x) || self.cue(x).is_some()))?;
        self.subject_before(v, sa).filter(|s| s.first <= sa + 1 && self.clear(s))
    }
    /// The subject after an introductory phrase: "In an interview on Tuesday, Trump doubled down and said …"
    /// — the first mention right after the sentence's first comma, before `limit`.
    pub(super) fn subject_after_comma(&self, sa: usize, limit: usize) -> Option<Speaker> {
        let c = (sa..limit).find(|&k| self.punct(k) == ",")?;
        let k = c + 1;
        let m = self.mention_starting_at(self.text.tokens.get(k)?.span.start)?;
        if self.mentions[m].span.end > self.text.tokens.get(limit)?.span.start {
            return None;
        }
        Some(Speaker { mention: Some(m), span: self.mentions[m].span, first: k })
    }
}
