//! The rule registry: every attribution rule with its id, the pass that tries it, its finder, a doc
//! line and example sentences.
//!
//! [`RULES`] is in the order [`attribute`](super::attribute) tries the rules: the word finders and the
//! cue finders are walked in this order, the other passes list their rules in the order their reader
//! tries them. The ids are the strings each quote records ([`RuleId::as_str`]; reports,
//! `lexicons/rule_confidence.tsv` and the scorers read them). Each rule carries at least two examples,
//! which `tests/rules.rs` runs through the whole engine (known failures: `tests/fixtures/rules_ignore.tsv`).
//! The examples are invented news sentences, written for WhoSaid.

use super::context::Ctx;
use super::indirect::{
    according_to, as_clause, asked, cue_noun, participle, passive, phrasal, raising, that_verb, verb_clause, CueSite,
    Verdict,
};
use crate::quotes::marks::Quotation;
use crate::quotes::Found;

/// The id of an attribution rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleId {
    /// `direct/cue-after`: “…,” Putin said. / “…,” said Putin.
    DirectCueAfter,
    /// `direct/split`: “A,” he said, “B.”
    DirectSplit,
    /// `mixed/cue-after`: He called the plan “absurd,” she said.
    MixedCueAfter,
    /// `direct/cue-before`: Putin said: “…”
    DirectCueBefore,
    /// `mixed/cue-before`: Price noted that … “…”
    MixedCueBefore,
    /// `direct/block`: Putin said:¶“…”
    DirectBlock,
    /// `direct/continuation`: a cue-less whole-sentence quotation after a direct quote.
    DirectContinuation,
    /// `direct/headline`: ‘Ignored’: Putin …
    DirectHeadline,
    /// `direct/transcript`: PUTIN: …
    DirectTranscript,
    /// `indirect/raising`: Trump is expected to …
    IndirectRaising,
    /// `indirect/phrasal`: talked about X, is critical of X.
    IndirectPhrasal,
    /// `indirect/asked`: When asked about X, …
    IndirectAsked,
    /// `indirect/passive`: X is seen as …
    IndirectPassive,
    /// `indirect/as`: As X puts it, …
    IndirectAs,
    /// `indirect/that-verb`: a verb outside the cue lexicon with a named subject and a that-clause.
    IndirectThatVerb,
    /// `indirect/according-to`: …, according to X.
    IndirectAccordingTo,
    /// `indirect/nominal`: Trump’s claim that …
    IndirectNominal,
    /// `indirect/participle`: …, adding that …
    IndirectParticiple,
    /// `indirect/that`: Putin said (that) …
    IndirectThat,
    /// `indirect/inverted`: …, Price said.
    IndirectInverted,
    /// `indirect/parenthetical`: A, Price said, B.
    IndirectParenthetical,
    /// `indirect/tagger`: the learned content tagger.
    IndirectTagger,
}

impl RuleId {
    /// Every rule id.
    pub const ALL: [RuleId; 22] = [
        RuleId::DirectCueAfter,
        RuleId::DirectSplit,
        RuleId::MixedCueAfter,
        RuleId::DirectCueBefore,
        RuleId::MixedCueBefore,
        RuleId::DirectBlock,
        RuleId::DirectContinuation,
        RuleId::DirectHeadline,
        RuleId::DirectTranscript,
        RuleId::IndirectRaising,
        RuleId::IndirectPhrasal,
        RuleId::IndirectAsked,
        RuleId::IndirectPassive,
        RuleId::IndirectAs,
        RuleId::IndirectThatVerb,
        RuleId::IndirectAccordingTo,
        RuleId::IndirectNominal,
        RuleId::IndirectParticiple,
        RuleId::IndirectThat,
        RuleId::IndirectInverted,
        RuleId::IndirectParenthetical,
        RuleId::IndirectTagger,
    ];

    /// The id as quotes record it (`direct/cue-after`).
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::DirectCueAfter => "direct/cue-after",
            RuleId::DirectSplit => "direct/split",
            RuleId::MixedCueAfter => "mixed/cue-after",
            RuleId::DirectCueBefore => "direct/cue-before",
            RuleId::MixedCueBefore => "mixed/cue-before",
            RuleId::DirectBlock => "direct/block",
            RuleId::DirectContinuation => "direct/continuation",
            RuleId::DirectHeadline => "direct/headline",
            RuleId::DirectTranscript => "direct/transcript",
            RuleId::IndirectRaising => "indirect/raising",
            RuleId::IndirectPhrasal => "indirect/phrasal",
            RuleId::IndirectAsked => "indirect/asked",
            RuleId::IndirectPassive => "indirect/passive",
            RuleId::IndirectAs => "indirect/as",
            RuleId::IndirectThatVerb => "indirect/that-verb",
            RuleId::IndirectAccordingTo => "indirect/according-to",
            RuleId::IndirectNominal => "indirect/nominal",
            RuleId::IndirectParticiple => "indirect/participle",
            RuleId::IndirectThat => "indirect/that",
            RuleId::IndirectInverted => "indirect/inverted",
            RuleId::IndirectParenthetical => "indirect/parenthetical",
            RuleId::IndirectTagger => "indirect/tagger",
        }
    }
}

/// Where [`attribute`](super::attribute) tries a rule (its steps, in order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    /// 1. Each quotation, in text order (`direct::direct`).
    Quotations,
    /// 2. Each paragraph that opens with `NAME:` (`direct::transcripts`).
    Transcripts,
    /// 3. Each word token no direct quote used as its cue: the word finders, in registry order.
    Words,
    /// 4. The same token, when it is a cue form: the cue finders, in registry order, until one decides.
    Cues,
    /// 5. The learned tagger's spans, where no rule quote is (`tagged::tagged`).
    Tagger,
}

/// A finder of the word pass: a quote at word token `i`, or none.
pub(super) type WordFinder = fn(&Ctx, usize, &[Quotation]) -> Option<Found>;

/// A finder of the cue pass: whether the cue word is its construction, and then its quote.
pub(super) type CueFinder = fn(&Ctx, &CueSite, &[Quotation]) -> Verdict;

/// How a rule is found.
#[derive(Clone, Copy)]
pub(super) enum Finder {
    /// By the function [`Rule::found_by`] names, which its pass (or another rule's finder) runs: not
    /// walked by the registry.
    Named,
    /// A word finder: the first of them that finds a quote at a word takes the token.
    Word(WordFinder),
    /// A word finder tried only at a word that is no cue form, after the other word finders; the token
    /// is done after it, and its quotes give no speaker to later participles.
    NotCue(WordFinder),
    /// A cue finder.
    Cue(CueFinder),
}

/// An example sentence of a rule, and the quote the rule must find in it.
#[derive(Clone, Copy, Debug)]
pub struct Example {
    /// The text (a sentence or a short paragraph).
    pub text: &'static str,
    /// The quote's fragments as written, joined by `" | "`.
    pub content: &'static str,
    /// The speaker: the name of its actor, else the speaker phrase as written; `None` for no speaker.
    pub speaker: Option<&'static str>,
}

/// An attribution rule.
pub struct Rule {
    /// Its id.
    pub id: RuleId,
    /// Where it is tried.
    pub pass: Pass,
    /// What it finds, in one line.
    pub doc: &'static str,
    /// The function that finds it (`indirect::raising`), for readers of the code.
    pub found_by: &'static str,
    /// Sentences it must attribute.
    pub examples: &'static [Example],
    pub(super) finder: Finder,
}

const fn ex(text: &'static str, content: &'static str, speaker: Option<&'static str>) -> Example {
    Example { text, content, speaker }
}

/// Every rule, in the order they are tried.
pub static RULES: &[Rule] = &[
    Rule {
        id: RuleId::DirectHeadline,
        pass: Pass::Quotations,
        doc: "‘Ignored’: Putin … — a quotation opening a paragraph, a colon, its speaker.",
        found_by: "direct::direct",
        finder: Finder::Named,
        examples: &[],
    },
    Rule {
        id: RuleId::DirectCueAfter,
        pass: Pass::Quotations,
        doc: "“…,” Putin said. / “…,” said Putin. — a cue and its speaker after the quotation.",
        found_by: "direct::cue_after",
        finder: Finder::Named,
        examples: &[
            ex("“We will not back down,” Mayor Ann Lee said on Monday.", "“We will not back down,”", Some("Ann Lee")),
            ex(
                "“The talks are over for now,” said Senator John Marsh.",
                "“The talks are over for now,”",
                Some("John Marsh"),
            ),
        ],
    },
    Rule {
        id: RuleId::DirectSplit,
        pass: Pass::Quotations,
        doc: "“A,” he said, “B.” — one quote, two fragments around the cue.",
        found_by: "direct::direct",
        finder: Finder::Named,
        examples: &[],
    },
    Rule {
        id: RuleId::MixedCueAfter,
        pass: Pass::Quotations,
        doc: "He called the plan “absurd,” she said. — a short quotation inside a paraphrase, the cue after.",
        found_by: "direct::short_mixed",
        finder: Finder::Named,
        examples: &[],
    },
    Rule {
        id: RuleId::DirectCueBefore,
        pass: Pass::Quotations,
        doc: "Putin said: “…” / Putin said, “…” — a speaker and cue right before the quotation.",
        found_by: "direct::cue_before",
        finder: Finder::Named,
        examples: &[],
    },
    Rule {
        id: RuleId::MixedCueBefore,
        pass: Pass::Quotations,
        doc: "Price noted that … “…” — reported speech carrying a quotation, up to the clause end.",
        found_by: "direct::cue_before",
        finder: Finder::Named,
        examples: &[],
    },
    Rule {
        id: RuleId::DirectBlock,
        pass: Pass::Quotations,
        doc: "Putin said:¶“…” — a quotation paragraph after a paragraph ending in a cue and a colon.",
        found_by: "direct::block_cue",
        finder: Finder::Named,
        examples: &[],
    },
    Rule {
        id: RuleId::DirectContinuation,
        pass: Pass::Quotations,
        doc: "A cue-less whole-sentence quotation after a direct quote: one more fragment, or a quote of its own.",
        found_by: "direct::direct",
        finder: Finder::Named,
        examples: &[],
    },
    Rule {
        id: RuleId::DirectTranscript,
        pass: Pass::Transcripts,
        doc: "PUTIN: … — a paragraph opening with a name and a colon.",
        found_by: "direct::transcripts",
        finder: Finder::Named,
        examples: &[],
    },
    Rule {
        id: RuleId::IndirectRaising,
        pass: Pass::Words,
        doc: "Trump is expected to … — no source: the subject and the “to” clause.",
        found_by: "indirect::raising",
        finder: Finder::Word(raising),
        examples: &[],
    },
    Rule {
        id: RuleId::IndirectPhrasal,
        pass: Pass::Words,
        doc: "talked about X, is critical of X, his criticism of X (`lexicons/phrasal_cues.tsv`).",
        found_by: "indirect::phrasal",
        finder: Finder::Word(phrasal),
        examples: &[],
    },
    Rule {
        id: RuleId::IndirectAsked,
        pass: Pass::Words,
        doc: "When asked about X, … / X was asked whether … — no source: the question.",
        found_by: "indirect::asked",
        finder: Finder::Word(asked),
        examples: &[],
    },
    Rule {
        id: RuleId::IndirectPassive,
        pass: Pass::Words,
        doc: "X was recommended for the job by Y / X is seen as … — the subject and the complement.",
        found_by: "indirect::passive",
        finder: Finder::Word(passive),
        examples: &[],
    },
    Rule {
        id: RuleId::IndirectAs,
        pass: Pass::Words,
        doc: "As X puts it, … / …, as X noted. — the main clause.",
        found_by: "indirect::as_clause",
        finder: Finder::Word(as_clause),
        examples: &[],
    },
    Rule {
        id: RuleId::IndirectThatVerb,
        pass: Pass::Words,
        doc: "A verb outside the cue lexicon with a named subject and a that-clause.",
        found_by: "indirect::that_verb",
        finder: Finder::NotCue(that_verb),
        examples: &[],
    },
    Rule {
        id: RuleId::IndirectAccordingTo,
        pass: Pass::Cues,
        doc: "…, according to X. / According to X, …",
        found_by: "indirect::according_to",
        finder: Finder::Cue(according_to),
        examples: &[],
    },
    Rule {
        id: RuleId::IndirectNominal,
        pass: Pass::Cues,
        doc: "Trump’s claim that … — a cue noun, its possessor and its that-clause.",
        found_by: "indirect::cue_noun",
        finder: Finder::Cue(cue_noun),
        examples: &[],
    },
    Rule {
        id: RuleId::IndirectParticiple,
        pass: Pass::Cues,
        doc: "…, adding that … / …, saying … — the speaker of the clause.",
        found_by: "indirect::participle",
        finder: Finder::Cue(participle),
        examples: &[],
    },
    Rule {
        id: RuleId::IndirectThat,
        pass: Pass::Cues,
        doc: "Putin further said (that) … — the rest of the clause.",
        found_by: "indirect::verb_clause",
        finder: Finder::Cue(verb_clause),
        examples: &[],
    },
    Rule {
        id: RuleId::IndirectInverted,
        pass: Pass::Cues,
        doc: "…, Price said. / …, said Price. — from the sentence start to the comma.",
        found_by: "indirect::verb_clause",
        finder: Finder::Named,
        examples: &[],
    },
    Rule {
        id: RuleId::IndirectParenthetical,
        pass: Pass::Cues,
        doc: "A, Price said, B. — two fragments.",
        found_by: "indirect::verb_clause",
        finder: Finder::Named,
        examples: &[],
    },
    Rule {
        id: RuleId::IndirectTagger,
        pass: Pass::Tagger,
        doc: "Reported speech the rules missed, from the learned content tagger (`quotes::tagger`).",
        found_by: "tagged::tagged",
        finder: Finder::Named,
        examples: &[],
    },
];
