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
use crate::quotes::Candidate;

/// The id of an attribution rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleId {
    /// `direct/cue-after`: “…,” Putin said. / “…,” said Putin.
    DirectCueAfter,
    /// `direct/unlisted-verb`: “…,” Jones quipped. (a verb of saying outside the cue lexicon)
    DirectUnlistedVerb,
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
    /// `direct/panel`: Mary Roe, columnist: “…”
    DirectPanel,
    /// `direct/continuation`: a cue-less whole-sentence quotation after a direct quote.
    DirectContinuation,
    /// `direct/headline`: ‘Ignored’: Putin …
    DirectHeadline,
    /// `direct/quote-paragraph`: a quote-only paragraph that continues the last speaker.
    DirectQuoteParagraph,
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
    pub const ALL: [RuleId; 25] = [
        RuleId::DirectCueAfter,
        RuleId::DirectUnlistedVerb,
        RuleId::DirectSplit,
        RuleId::MixedCueAfter,
        RuleId::DirectCueBefore,
        RuleId::MixedCueBefore,
        RuleId::DirectBlock,
        RuleId::DirectPanel,
        RuleId::DirectContinuation,
        RuleId::DirectHeadline,
        RuleId::DirectQuoteParagraph,
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
            RuleId::DirectUnlistedVerb => "direct/unlisted-verb",
            RuleId::DirectSplit => "direct/split",
            RuleId::MixedCueAfter => "mixed/cue-after",
            RuleId::DirectCueBefore => "direct/cue-before",
            RuleId::MixedCueBefore => "mixed/cue-before",
            RuleId::DirectBlock => "direct/block",
            RuleId::DirectPanel => "direct/panel",
            RuleId::DirectContinuation => "direct/continuation",
            RuleId::DirectHeadline => "direct/headline",
            RuleId::DirectQuoteParagraph => "direct/quote-paragraph",
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
    /// 5. Each quote-only paragraph no rule attributed (`attribution::quote_paragraphs`).
    QuoteParagraphs,
    /// 6. The learned tagger's spans, where no rule quote is (`tagged::tagged`).
    Tagger,
}

/// A finder of the word pass: a quote at word token `i`, or none.
pub(super) type WordFinder = fn(&Ctx, usize, &[Quotation]) -> Option<Candidate>;

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
        examples: &[
            ex(
                "‘We were ignored’: Mayor Ann Lee on the budget cuts",
                "‘We were ignored’",
                Some("Ann Lee"),
            ),
            ex(
                "“A betrayal”: Senator John Marsh on the new trade deal",
                "“A betrayal”",
                Some("John Marsh"),
            ),
        ],
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
            // a continuation stops at a new cue: the second quotation is another speaker's
            ex("“No,” Ann Lee said.\n\n“We will vote for him,” another delegate said.", "“We will vote for him,”", Some("another delegate")),
            ex(
                "“Not this year,” Senator John Marsh said.\n\n“The budget cannot wait,” a committee aide said.",
                "“The budget cannot wait,”",
                Some("a committee aide"),
            ),
            // a speaker behind a long job title
            ex(
                "“The furnace runs all night,” said longtime steel plant foreman and union delegate Ana Ruiz.",
                "“The furnace runs all night,”",
                Some("Ana Ruiz"),
            ),
            ex(
                "“We ship every single day,” said Harbor Logistics chief operating officer Tom Reed.",
                "“We ship every single day,”",
                Some("Tom Reed"),
            ),
        ],
    },
    Rule {
        id: RuleId::DirectUnlistedVerb,
        pass: Pass::Quotations,
        doc: "“…,” Jones quipped. / “…,” quipped Jones. — a verb of saying outside the cue lexicon, a named speaker.",
        found_by: "direct::unlisted_cue_after",
        finder: Finder::Named,
        examples: &[
            ex("“That bridge is older than I am,” Mayor Ann Lee quipped.", "“That bridge is older than I am,”", Some("Ann Lee")),
            ex(
                "“Nobody read the bill before the vote,” Senator John Marsh fumed on Tuesday.",
                "“Nobody read the bill before the vote,”",
                Some("John Marsh"),
            ),
            ex(
                "“Is this a budget or a wish list?” scoffed Governor Dan Price.",
                "“Is this a budget or a wish list?”",
                Some("Dan Price"),
            ),
        ],
    },
    Rule {
        id: RuleId::DirectSplit,
        pass: Pass::Quotations,
        doc: "“A,” he said, “B.” — one quote, two fragments around the cue.",
        found_by: "direct::direct",
        finder: Finder::Named,
        examples: &[
            ex(
                "“We are ready to talk,” Foreign Minister Omar Haddad said, “but not under threat of force.”",
                "“We are ready to talk,” | “but not under threat of force.”",
                Some("Omar Haddad"),
            ),
            ex(
                "“We will fight this in court,” the company said, “and we expect to win.”",
                "“We will fight this in court,” | “and we expect to win.”",
                Some("the company"),
            ),
        ],
    },
    Rule {
        id: RuleId::MixedCueAfter,
        pass: Pass::Quotations,
        doc: "He called the plan “absurd,” she said. — a short quotation inside a paraphrase, the cue after.",
        found_by: "direct::short_mixed",
        finder: Finder::Named,
        examples: &[
            ex(
                "He called the new plan “a disaster,” Senator Ann Kale said.",
                "He called the new plan “a disaster,”",
                Some("Ann Kale"),
            ),
            ex(
                "Lawmakers described the budget as “a fantasy,” Governor Dan Price said.",
                "Lawmakers described the budget as “a fantasy,”",
                Some("Dan Price"),
            ),
            ex(
                "The council approved what she called “a reckless plan,” Mayor Ann Lee said on Friday.",
                "The council approved what she called “a reckless plan,”",
                Some("Ann Lee"),
            ),
        ],
    },
    Rule {
        id: RuleId::DirectCueBefore,
        pass: Pass::Quotations,
        doc: "Putin said: “…” / Putin said, “…” — a speaker and cue right before the quotation.",
        found_by: "direct::cue_before",
        finder: Finder::Named,
        examples: &[
            ex(
                "Prime Minister Jane Roe said: “Our patience has limits and they are near.”",
                "“Our patience has limits and they are near.”",
                Some("Jane Roe"),
            ),
            ex(
                "Ambassador Lin Wei told reporters, “The embassy will stay open through the crisis.”",
                "“The embassy will stay open through the crisis.”",
                Some("Lin Wei"),
            ),
        ],
    },
    Rule {
        id: RuleId::MixedCueBefore,
        pass: Pass::Quotations,
        doc: "Price noted that … “…” — reported speech carrying a quotation, up to the clause end.",
        found_by: "direct::cue_before",
        finder: Finder::Named,
        examples: &[
            ex(
                "Senator Price noted that the agreement was “a first step toward peace.”",
                "that the agreement was “a first step toward peace.”",
                Some("Price"),
            ),
            ex(
                "Governor Dan Price said the plan would “destroy small farms across the state.”",
                "the plan would “destroy small farms across the state.”",
                Some("Dan Price"),
            ),
            ex(
                "The governor described the bill as “a gift to polluters” in a speech on Tuesday.",
                "the bill as “a gift to polluters” in a speech on Tuesday",
                Some("The governor"),
            ),
        ],
    },
    Rule {
        id: RuleId::DirectPanel,
        pass: Pass::Quotations,
        doc: "Mary Roe, columnist: “…” — a person's name, a short role and a colon open the quotation's sentence.",
        found_by: "direct::panel_speaker",
        finder: Finder::Named,
        examples: &[
            ex(
                "Mary Roe, columnist: “The council has failed the city twice this year.”",
                "“The council has failed the city twice this year.”",
                Some("Mary Roe"),
            ),
            ex(
                "Tom Reed, harbor pilot for thirty years: “I have never seen the bay this empty.”",
                "“I have never seen the bay this empty.”",
                Some("Tom Reed"),
            ),
        ],
    },
    Rule {
        id: RuleId::DirectBlock,
        pass: Pass::Quotations,
        doc: "Putin said:¶“…” — a quotation paragraph after a paragraph ending in a cue and a colon.",
        found_by: "direct::block_cue",
        finder: Finder::Named,
        examples: &[
            ex(
                "At a rally in Toledo, Governor Dan Price said:\n\n“We are going to rebuild every bridge in this state, and we will start this spring.”",
                "“We are going to rebuild every bridge in this state, and we will start this spring.”",
                Some("Dan Price"),
            ),
            ex(
                "In a statement on Friday, the union said:\n\n“Our members will not return to work until the contract is signed.”",
                "“Our members will not return to work until the contract is signed.”",
                Some("the union"),
            ),
        ],
    },
    Rule {
        id: RuleId::DirectContinuation,
        pass: Pass::Quotations,
        doc: "A cue-less whole-sentence quotation after a direct quote: one more fragment, or a quote of its own.",
        found_by: "direct::direct",
        finder: Finder::Named,
        examples: &[
            ex(
                "“The port will reopen next week,” Harbor Master Tom Reed said. “Ships are already waiting outside the bay.”",
                "“The port will reopen next week,” | “Ships are already waiting outside the bay.”",
                Some("Harbor Master Tom Reed"),
            ),
            ex(
                "“Our schools need more teachers,” Mayor Ann Lee said.\n\n“We cannot ask parents to wait another year.”",
                "“Our schools need more teachers,” | “We cannot ask parents to wait another year.”",
                Some("Ann Lee"),
            ),
        ],
    },
    Rule {
        id: RuleId::DirectTranscript,
        pass: Pass::Transcripts,
        doc: "PUTIN: … — a paragraph opening with a name and a colon.",
        found_by: "direct::transcripts",
        finder: Finder::Named,
        examples: &[
            ex(
                "MARSH: We have no plans to raise taxes this year or next.",
                "We have no plans to raise taxes this year or next",
                Some("MARSH"),
            ),
            ex(
                "Ann Lee: The city will keep its libraries open on weekends.",
                "The city will keep its libraries open on weekends",
                Some("Ann Lee"),
            ),
        ],
    },
    Rule {
        id: RuleId::IndirectRaising,
        pass: Pass::Words,
        doc: "Trump is expected to … — no source: the subject and the “to” clause.",
        found_by: "indirect::raising",
        finder: Finder::Word(raising),
        examples: &[
            ex(
                "The minister is expected to resign before the end of the week.",
                "The minister | to resign before the end of the week",
                None,
            ),
            ex(
                "The talks seem to have stalled over the question of water rights.",
                "The talks | to have stalled over the question of water rights",
                None,
            ),
        ],
    },
    Rule {
        id: RuleId::IndirectPhrasal,
        pass: Pass::Words,
        doc: "talked about X, is critical of X, his criticism of X (`lexicons/phrasal_cues.tsv`).",
        found_by: "indirect::phrasal",
        finder: Finder::Word(phrasal),
        examples: &[
            ex(
                "Senator Ann Kale talked about the rising cost of housing.",
                "the rising cost of housing",
                Some("Ann Kale"),
            ),
            ex(
                "Senator Ann Kale is critical of the new trade agreement with Canada.",
                "the new trade agreement with Canada",
                Some("Ann Kale"),
            ),
        ],
    },
    Rule {
        id: RuleId::IndirectAsked,
        pass: Pass::Words,
        doc: "When asked about X, … / X was asked whether … — no source: the question.",
        found_by: "indirect::asked",
        finder: Finder::Word(asked),
        examples: &[
            ex(
                "When asked about the strike, the mayor declined to comment.",
                "about the strike",
                None,
            ),
            ex(
                "Ann Lee was asked whether she would run again.",
                "whether she would run again",
                None,
            ),
            ex(
                "Asked whether he would seek a second term, the governor smiled.",
                "whether he would seek a second term",
                None,
            ),
        ],
    },
    Rule {
        id: RuleId::IndirectPassive,
        pass: Pass::Words,
        doc: "X was recommended for the job by Y / X is seen as … — the subject and the complement.",
        found_by: "indirect::passive",
        finder: Finder::Word(passive),
        examples: &[
            ex(
                "Senator Ann Kale is seen as the favorite for the nomination.",
                "Senator Ann Kale | as the favorite for the nomination",
                None,
            ),
            ex(
                "Senator Ann Kale was accused by Governor Dan Price of blocking the bill.",
                "Senator Ann Kale | of blocking the bill",
                Some("Dan Price"),
            ),
            ex(
                "Governor Dan Price is widely regarded as a moderate on trade.",
                "Governor Dan Price | as a moderate on trade",
                None,
            ),
        ],
    },
    Rule {
        id: RuleId::IndirectAs,
        pass: Pass::Words,
        doc: "As X puts it, … / …, as X noted. — the main clause.",
        found_by: "indirect::as_clause",
        finder: Finder::Word(as_clause),
        examples: &[
            ex(
                "As Senator Ann Kale noted on Monday, the state has no money left for roads.",
                "the state has no money left for roads",
                Some("Ann Kale"),
            ),
            ex(
                "The state has no money left for roads, as Mayor Ann Lee noted.",
                "The state has no money left for roads",
                Some("Ann Lee"),
            ),
            ex(
                "As Senator Ann Kale puts it, the city cannot afford another winter like this one.",
                "the city cannot afford another winter like this one",
                Some("Ann Kale"),
            ),
        ],
    },
    Rule {
        id: RuleId::IndirectThatVerb,
        pass: Pass::Words,
        doc: "A verb outside the cue lexicon with a named subject and a that-clause.",
        found_by: "indirect::that_verb",
        finder: Finder::NotCue(that_verb),
        examples: &[
            ex(
                "Mayor Ann Lee groused to reporters that the state had ignored the city.",
                "that the state had ignored the city",
                Some("Ann Lee"),
            ),
            ex(
                "Mayor Ann Lee quipped that the new bridge was older than the old one.",
                "that the new bridge was older than the old one",
                Some("Ann Lee"),
            ),
            ex(
                "Senator John Marsh griped on Monday that the hearing had been a waste of time.",
                "that the hearing had been a waste of time",
                Some("John Marsh"),
            ),
        ],
    },
    Rule {
        id: RuleId::IndirectAccordingTo,
        pass: Pass::Cues,
        doc: "…, according to X. / According to X, …",
        found_by: "indirect::according_to",
        finder: Finder::Cue(according_to),
        examples: &[
            ex(
                "The factory will close in June, according to the union.",
                "The factory will close in June",
                Some("the union"),
            ),
            ex(
                "According to Mayor Ann Lee, the city will hire 200 new teachers.",
                "the city will hire 200 new teachers",
                Some("Ann Lee"),
            ),
            ex(
                "The new law will take effect in January, according to a statement from the ministry.",
                "The new law will take effect in January",
                Some("a statement from the ministry"),
            ),
        ],
    },
    Rule {
        id: RuleId::IndirectNominal,
        pass: Pass::Cues,
        doc: "Trump’s claim that … — a cue noun, its possessor and its that-clause.",
        found_by: "indirect::cue_noun",
        finder: Finder::Cue(cue_noun),
        examples: &[
            ex(
                "There is no evidence for his claim that the vote was rigged.",
                "that the vote was rigged",
                Some("his"),
            ),
            ex(
                "The judge threw out Kale's claim that the vote was rigged.",
                "that the vote was rigged",
                Some("Kale"),
            ),
            ex(
                "Kale's claim that the vote was rigged drew criticism.",
                "that the vote was rigged",
                Some("Kale"),
            ),
        ],
    },
    Rule {
        id: RuleId::IndirectParticiple,
        pass: Pass::Cues,
        doc: "…, adding that … / …, saying … — the speaker of the clause.",
        found_by: "indirect::participle",
        finder: Finder::Cue(participle),
        examples: &[
            ex(
                "“The deal is dead,” the minister said, adding that talks would not resume this year.",
                "that talks would not resume this year",
                Some("the minister"),
            ),
            ex(
                "Mayor Ann Lee defended the budget on Monday, saying that the cuts were necessary.",
                "that the cuts were necessary",
                Some("Ann Lee"),
            ),
            ex(
                "Mayor Ann Lee praised the rescue workers, calling them the heroes of the flood.",
                "them the heroes of the flood",
                Some("Ann Lee"),
            ),
        ],
    },
    Rule {
        id: RuleId::IndirectThat,
        pass: Pass::Cues,
        doc: "Putin further said (that) … — the rest of the clause.",
        found_by: "indirect::verb_clause",
        finder: Finder::Cue(verb_clause),
        examples: &[
            ex(
                "Senator Ann Kale said that the bill would pass by the end of the month.",
                "that the bill would pass by the end of the month",
                Some("Ann Kale"),
            ),
            ex(
                "The Prime Minister told parliament that the troops would come home by December.",
                "that the troops would come home by December",
                Some("The Prime Minister"),
            ),
            ex(
                "Senator Ann Kale pointed out that the bridge had not been inspected in ten years.",
                "that the bridge had not been inspected in ten years",
                Some("Ann Kale"),
            ),
            ex(
                "Local residents hope the new road will bring more visitors to the town this summer.",
                "the new road will bring more visitors to the town this summer",
                Some("Local residents"),
            ),
        ],
    },
    Rule {
        id: RuleId::IndirectInverted,
        pass: Pass::Cues,
        doc: "…, Price said. / …, said Price. — from the sentence start to the comma.",
        found_by: "indirect::verb_clause",
        finder: Finder::Named,
        examples: &[
            ex(
                "The bill will pass by the end of the month, Senator Ann Kale said.",
                "The bill will pass by the end of the month",
                Some("Ann Kale"),
            ),
            ex(
                "The bill will pass by the end of the month, said Senator Ann Kale.",
                "The bill will pass by the end of the month",
                Some("Ann Kale"),
            ),
            ex(
                "The new stadium will cost twice as much as promised, city officials said on Tuesday.",
                "The new stadium will cost twice as much as promised",
                Some("officials"),
            ),
        ],
    },
    Rule {
        id: RuleId::IndirectParenthetical,
        pass: Pass::Cues,
        doc: "A, Price said, B. — two fragments.",
        found_by: "indirect::verb_clause",
        finder: Finder::Named,
        examples: &[
            ex(
                "The bill, Senator Ann Kale said, will pass by the end of the month.",
                "The bill | will pass by the end of the month",
                Some("Ann Kale"),
            ),
            ex(
                "The union, its leader said, will strike if the talks fail.",
                "The union | will strike if the talks fail",
                Some("its leader"),
            ),
        ],
    },
    Rule {
        id: RuleId::DirectQuoteParagraph,
        pass: Pass::QuoteParagraphs,
        doc: "A quote-only paragraph right after a quote with a speaker: one more fragment of a direct one, else its own quote.",
        found_by: "attribution::quote_paragraphs",
        finder: Finder::Named,
        examples: &[
            ex(
                "Mayor Ann Lee said the plan would save the city money.\n\n“We have waited long enough. The river will not wait for us.”",
                "“We have waited long enough. The river will not wait for us.”",
                Some("Ann Lee"),
            ),
            ex(
                "Governor Dan Price said the plan was “a gift to polluters.”\n\n“Nobody in this state asked for it, and nobody but us will pay for it.”",
                "“Nobody in this state asked for it, and nobody but us will pay for it.”",
                Some("Dan Price"),
            ),
            ex(
                "The port will reopen next week, according to Senator John Marsh.\n\n“Ships are already waiting outside the bay, and the crews are ready.”",
                "“Ships are already waiting outside the bay, and the crews are ready.”",
                Some("John Marsh"),
            ),
        ],
    },
    Rule {
        id: RuleId::IndirectTagger,
        pass: Pass::Tagger,
        doc: "Reported speech the rules missed, from the learned content tagger (`quotes::tagger`).",
        found_by: "tagged::tagged",
        finder: Finder::Named,
        examples: &[
            ex(
                "Critics of the plan warn that the new tolls will hurt commuters.",
                "that the new tolls will hurt commuters",
                Some("Critics"),
            ),
            ex(
                "Many economists now think the recession will end before the summer.",
                "the recession will end before the summer",
                Some("Many economists"),
            ),
            ex(
                "Few voters believe his promise that taxes will not rise.",
                "his promise that taxes will not rise",
                Some("Few voters"),
            ),
        ],
    },
];

/// A passage that is never a quote, and the pattern it stands for: `tests/rules.rs` checks that no
/// quote of the text overlaps `not` (and again with the text shifted by one byte).
#[derive(Clone, Copy, Debug)]
pub struct NotQuote {
    /// The pattern (`label-line`, `scare-quote`, …), at least two passages each.
    pub pattern: &'static str,
    /// The text (a sentence or a short paragraph).
    pub text: &'static str,
    /// The passage no quote may overlap, as written in `text`.
    pub not: &'static str,
}

const fn no(pattern: &'static str, text: &'static str, not: &'static str) -> NotQuote {
    NotQuote { pattern, text, not }
}

/// Passages a journalist would not mark as quotes, by pattern (invented sentences, written for WhoSaid).
pub const NOT_QUOTES: &[NotQuote] = &[
    // a cross-link or section label line (the document's paragraph roles: `doc::paragraph_roles`)
    no(
        "label-line",
        "READ MORE: Mayor says the bridge will reopen in May\n\nThe council met on Tuesday.",
        "Mayor says the bridge will reopen in May",
    ),
    no(
        "label-line",
        "WATCH: Senator Ann Kale explains the budget\n\nThe vote is on Friday.",
        "Senator Ann Kale explains the budget",
    ),
    no(
        "label-line",
        "KEEPING SCORE: Who won the second debate\n\nThe polls closed at eight.",
        "Who won the second debate",
    ),
    // a passive participle with its agent is no cue of a content ("denied by …")
    no(
        "passive-agent",
        "The city blames the dam for the flood, a claim denied by the water board.",
        "by the water board",
    ),
    no(
        "passive-agent",
        "The rebels, backed by two neighbouring states, took the airport on Sunday.",
        "by two neighbouring states",
    ),
    // a scare quote: a quoted word or short label that no speech cue governs
    no("scare-quote", "The so-called “reform” package passed the Senate on Tuesday after a long night.", "“reform”"),
    no(
        "scare-quote",
        "The “temporary” bridge over the river has now stood for forty years, and the city has no plan to replace it.",
        "“temporary”",
    ),
    no("scare-quote", "Roe, a “lifelong Democrat,” voted for the measure on Monday.", "“lifelong Democrat,”"),
    // the noun-phrase object of a cue that only reports through a clause (`clause_only_cue`)
    no(
        "object-not-content",
        "Mayor Ann Lee continued the tour of the flooded streets on Monday.",
        "the tour of the flooded streets",
    ),
    no(
        "object-not-content",
        "Senator Ann Kale addressed the crowd outside the court for twenty minutes.",
        "the crowd outside the court",
    ),
    // a cue form after an article or a possessive is a noun or an adjective
    no("cue-as-noun", "Her appeal among young voters has grown since the spring primaries.", "among young voters"),
    no("cue-as-noun", "The disputed island lies twelve miles off the northern coast.", "island lies twelve miles"),
    // "told" with only its addressee after it: the content is elsewhere or absent (`told_addressee_only`)
    no("told-addressee", "Governor Ana Ruiz told reporters in Denver on Friday.", "reporters in Denver"),
    no("told-addressee", "The mayor later told the Evening Ledger before the council vote.", "the Evening Ledger"),
];

/// An example of a media relay rule: a quote of the text must have this speaker and this via.
#[derive(Clone, Copy, Debug)]
pub struct RelayExample {
    /// The text (a sentence or a short paragraph).
    pub text: &'static str,
    /// The speaker: the name of its actor, else the speaker phrase as written.
    pub speaker: &'static str,
    /// The medium's actor name.
    pub via: &'static str,
}

/// A media relay rule (`src/quotes/relay.rs`): news media pass words on, they do not speak. Not a
/// finder: it reads the candidates the rules above found and sets their speaker and `via`.
pub struct RelayRule {
    /// Its id (`relay/quoted-as`).
    pub id: &'static str,
    /// What it reads, in one line.
    pub doc: &'static str,
    /// Texts it must read (`tests/relay.rs`), from at least two invented articles.
    pub examples: &'static [RelayExample],
}

const fn rx(text: &'static str, speaker: &'static str, via: &'static str) -> RelayExample {
    RelayExample { text, speaker, via }
}

/// The media relay rules, in the order `relay::relay` tries them (invented sentences, written for WhoSaid).
pub static RELAYS: &[RelayRule] = &[
    RelayRule {
        id: "relay/quoted-as",
        doc: "M quoted|cited Y as saying … — the speaker is Y, the via M; the content starts after \"as saying\".",
        examples: &[
            rx(
                "Interfax quoted Deputy Foreign Minister Oleg Varin as saying the border talks would resume in May.",
                "Oleg Varin",
                "Interfax",
            ),
            rx(
                "The Daily Herald cited Health Minister Ana Poe as saying that the clinics would stay open.",
                "Ana Poe",
                "Daily Herald",
            ),
        ],
    },
    RelayRule {
        id: "relay/quoting",
        doc: "…, said M, quoting Y — the speaker is Y, the via M; \"quoting Y\" is no quote of its own.",
        examples: &[
            rx("The navy will not leave the strait, said Xinhua, quoting General Li Wen.", "Li Wen", "Xinhua"),
            rx(
                "Exports of grain will resume next week, said Reuters, citing Trade Minister Amal Haddad.",
                "Amal Haddad",
                "Reuters",
            ),
        ],
    },
    RelayRule {
        id: "relay/marker",
        doc: "a medium after \"according to\", \"told\", \"as quoted by\", \"carried by\" … in the cue's sentence, \
              outside the quote, when someone else speaks — the via (lexicons/media.tsv).",
        examples: &[
            rx(
                "Defence spokesman Ivan Roe said the talks had failed, according to the Xinhua news agency.",
                "Ivan Roe",
                "Xinhua",
            ),
            rx(
                "“We will not wait for another summit,” Trade Minister Lena Marsh told the Financial Times.",
                "Lena Marsh",
                "Financial Times",
            ),
            rx(
                "“No deal is better than this deal,” Mr Bo said, as quoted by The Daily Express.",
                "Mr Bo",
                "Daily Express",
            ),
        ],
    },
    RelayRule {
        id: "relay/continued",
        doc: "a continued quote keeps the via of the quote it continues, for the same speaker.",
        examples: &[
            rx(
                "“We are preparing the case,” Trade Minister Lena Marsh told the Financial Times. “It will come very soon.”",
                "Lena Marsh",
                "Financial Times",
            ),
            rx(
                "“The port stays closed,” Mayor Dan Ortiz told Reuters. “Nobody has asked us to open it.”",
                "Dan Ortiz",
                "Reuters",
            ),
        ],
    },
];
