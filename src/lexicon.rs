//! Lexicons: the word lists in `lexicons/`, compiled into the binary and parsed once.
//!
//! Each file is tab-separated with `#` comments (see `lexicons/README.md`). [`lexicon()`] parses them
//! on first use and keeps the result for the life of the process.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// The Fx hash (rustc's, Firefox's) for the lexicon maps: they are looked up once or more per token,
/// and SipHash, built to resist flooding by hostile keys, cost a fifth of a page's analysis. The maps'
/// keys are the built-in lexicons, never page text, so flooding does not apply.
#[derive(Clone, Copy, Debug, Default)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FxHasher {
    /// Eight bytes at a time, then the rest as four, two and one (rustc's order): a word of the
    /// lexicons is mostly rest, and a byte at a time cost a multiplication per letter.
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let mut rest = chunks.remainder();
        if let Some((four, tail)) = rest.split_first_chunk::<4>() {
            self.add(u64::from(u32::from_le_bytes(*four)));
            rest = tail;
        }
        if let Some((two, tail)) = rest.split_first_chunk::<2>() {
            self.add(u64::from(u16::from_le_bytes(*two)));
            rest = tail;
        }
        if let Some(&b) = rest.first() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A map with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A set with [`FxHasher`].
pub type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// Class of a role word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleClass {
    /// Capitalised title before a name ("President", "Sen.").
    Title,
    /// Role noun for an official ("spokesman", "minister").
    Role,
    /// Head of a state or body ("leader", "president"): used by "the Russian leader".
    Leader,
    /// Plural people ("officials", "senators").
    Group,
}

/// A role word and what it says about gender.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleEntry {
    /// Which class.
    pub class: RoleClass,
    /// 'm', 'f' or '-'.
    pub gender: char,
}

/// A cue word.
#[derive(Clone, Debug, PartialEq)]
pub struct CueEntry {
    /// Lemma ("say").
    pub lemma: String,
    /// Class: `speech` (a cue on its own), `weak` (a cue with a that-clause or a clear speaker),
    /// `nominal` (a cue noun: "his claim that"), `according` ("according to").
    pub class: String,
    /// How often the form is a cue in PolNeAR train (n_cue / n_all); 0.5 when unknown.
    pub precision: f32,
}

impl CueEntry {
    /// True for cues that need a that-clause or a clear speaker.
    pub fn weak(&self) -> bool {
        self.class == "weak"
    }
    /// True for cue nouns.
    pub fn nominal(&self) -> bool {
        self.class == "nominal"
    }
}

/// A word class of the quote engine (`lexicons/word_classes.tsv`): the exact set of words one rule
/// tests. Classes overlap on purpose (`be`, `be_finite`, `be_progressive` …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordClass {
    /// `point_particle`: Particles after "point", "lay", "speak", "spell" that the content starts after ("pointed out that").
    PointParticle,
    /// `call_particle`: Particles after "call", "push", "press", "argue", "ask", "advocate" ("called for").
    CallParticle,
    /// `warn_particle`: Particles after "warn", "complain", "talk", "boast", "worry" ("warned about").
    WarnParticle,
    /// `recipient_cue`: Cue lemmas that may take a recipient before their "that" ("told reporters that").
    RecipientCue,
    /// `recipient_preposition`: Prepositions inside the words between a cue and its "that".
    RecipientPreposition,
    /// `clause_subject`: Pronouns that open a bare clause after a recipient ("told the Post he has …").
    ClauseSubject,
    /// `time_preposition`: Prepositions opening a time or place phrase after a cue ("said on Tuesday the …").
    TimePreposition,
    /// `article`: Articles.
    Article,
    /// `article_or_possessive`: Articles and possessives opening a time or place phrase ("in a statement", "in his speech").
    ArticleOrPossessive,
    /// `time_phrase_opener`: Words that open a time phrase skipped after a cue.
    TimePhraseOpener,
    /// `recipient_head`: Recipients of "told" without a determiner ("told reporters").
    RecipientHead,
    /// `coordinator`: Coordinators before a coordinated cue ("and said", "but noted").
    Coordinator,
    /// `coordinated_cue_skip`: Words skipped after a coordinator before its cue ("but did note").
    CoordinatedCueSkip,
    /// `comma_clause_stop`: Words after a comma that end a content.
    CommaClauseStop,
    /// `ing_not_narrator`: -ing words after a comma that are no participle clause of the narrator.
    IngNotNarrator,
    /// `inverted_tail_preposition`: Prepositions of a short tail after an inverted speaker ("…, said X in the room").
    InvertedTailPreposition,
    /// `not_in_speaker`: Words that cannot stand between the comma and the speaker of a cue after a quotation.
    NotInSpeaker,
    /// `say_preposition`: Prepositions after "say"/"write" that take a recipient or topic ("said of Y, “…”").
    SayPreposition,
    /// `passive_adverb`: Adverbs between a form of "be" and a passive participle.
    PassiveAdverb,
    /// `be`: Forms of "be" (no "am", no contractions).
    Be,
    /// `judgement_participle`: Judgement verbs PolNeAR annotates in the passive ("is seen as").
    JudgementParticiple,
    /// `irregular_cue_participle`: Irregular passive participles of cue verbs (regular ones end in -ed).
    IrregularCueParticiple,
    /// `put`: Forms of "put" in "as X puts it".
    Put,
    /// `expected_adverb`: Adverbs before "expected" ("is widely expected to").
    ExpectedAdverb,
    /// `be_finite`: Finite forms of "be" (no "be", "been", "being").
    BeFinite,
    /// `seem_adverb`: Adverbs and modals before "seem"/"appear".
    SeemAdverb,
    /// `relative_or_that`: Relative pronouns and "that".
    RelativeOrThat,
    /// `clause_boundary`: Words that open a clause before a raising subject.
    ClauseBoundary,
    /// `asked_lead`: Words before "asked" in a passive question ("was asked", "when asked").
    AskedLead,
    /// `question_opener`: Words that open the question after "asked".
    QuestionOpener,
    /// `be_passive_aux`: Forms of "be" before a passive "asked" whose clause runs to the clause end.
    BePassiveAux,
    /// `that_verb_preposition`: Prepositions of a short adjunct between a verb and its "that" ("groused to a crowd that").
    ThatVerbPreposition,
    /// `finite_auxiliary`: Finite auxiliaries: after a relative "that" ("the approach that was").
    FiniteAuxiliary,
    /// `possessive`: Possessive determiners.
    Possessive,
    /// `be_progressive`: Forms of "be" before a progressive -ing (no "being").
    BeProgressive,
    /// `be_progressive_or_negated`: Forms of "be" before a progressive -ing, with negated forms.
    BeProgressiveOrNegated,
    /// `participle_lead`: Words before a participle cue ("by saying", "while adding").
    ParticipleLead,
    /// `object_pronoun`: Object pronouns after a weak participle ("calling him a …").
    ObjectPronoun,
    /// `participle_particle`: Particles of a weak participle with an object ("calling for", "insisting on").
    ParticipleParticle,
    /// `with_clause_lead`: Words before a noun phrase that speaks with "saying" ("with 50 percent saying").
    WithClauseLead,
    /// `noun_context`: Words before a plural that make it a noun, not a cue ("in states", "of claims").
    NounContext,
    /// `tail_preposition`: Prepositions of a short tail after a cue ("told X on Thursday").
    TailPreposition,
    /// `not_content_start`: Words after a cue that open no content ("said with", "backed off").
    NotContentStart,
    /// `raising_verb`: Raising verbs between a speaker and a cue ("seemed to suggest").
    RaisingVerb,
    /// `not_in_appositive`: Words that make a comma phrase a clause, not an appositive.
    NotInAppositive,
    /// `clause_subordinator`: Words that may open a comma clause before its subject ("…, as Lee echoed it, saying").
    ClauseSubordinator,
    /// `appositive_adjunct`: Words of an adjunct between commas after a speaker ("for weeks", "however").
    AppositiveAdjunct,
    /// `appositive_adjunct_opener`: Words that open an adjunct between commas after a speaker ("in a statement", "speaking to").
    AppositiveAdjunctOpener,
    /// `np_preposition`: Prepositions inside a speaker noun phrase ("director of …").
    NpPreposition,
    /// `long_subject_stop`: Words that a long sentence-opening subject cannot contain.
    LongSubjectStop,
    /// `relative_verb`: Verbs right after "that"/"which"/"who" that make a tagger span a relative clause.
    RelativeVerb,
    /// `title_small_word`: Small words a title-case headline may keep in lower case.
    TitleSmallWord,
    /// `quoted_title_small_word`: Small words a quoted title may keep in lower case ("The Art of the Deal").
    QuotedTitleSmallWord,
    /// `noun_lead`: Words before a statement cue that make it a noun, not a verb ("a demand", "of requests"); statements.
    NounLead,
    /// `subject_preposition`: Prepositions that govern a mention, so it is no subject of a statement cue; statements.
    SubjectPreposition,
    /// `verb_lead`: Words that may stand between a subject and its statement verb (auxiliaries, adverbs, days); statements.
    VerbLead,
    /// `list_marker`: Words after a demand noun that open its list of items ("requirements concerning A, B"); statements.
    ListMarker,
    /// `list_clause_start`: Words that open a clause and end a list of items; statements.
    ListClauseStart,
    /// `generic_speech`: Reporting verbs that are the quote engine's job when they have no that-complement; statements.
    GenericSpeech,
    /// `heading_label`: First words of an upper-case label line that is no quote ("READ MORE:", "WATCH:"); paragraph roles.
    HeadingLabel,
    /// `clause_only_cue`: Cue lemmas whose noun-phrase object is no content (only a clause is: "wrote that").
    ClauseOnlyCue,
    /// `skippable`: Adverbs and auxiliaries that may stand between a speaker and its cue (words ending in -ly too).
    Skippable,
    /// `adjunct_head`: Prepositions and determiners that open a time or place adjunct ("on Tuesday", "in a statement").
    AdjunctHead,
    /// `adjunct`: Content words of a time or place adjunct that may stand between a speaker and its cue, or after a cue.
    Adjunct,
    /// `time`: Time words skipped after a cue ("said Friday the …").
    Time,
    /// `np_boundary`: Lower-case words that end a speaker noun phrase when walking back from the cue.
    NpBoundary,
    /// `determiner`: Words that open a noun phrase (kept in the speaker span).
    Determiner,
    /// `not_head`: Words that cannot head a speaker noun phrase.
    NotHead,
    /// `relative`: Relative pronouns that may be a speaker ("the Kremlin, which said …").
    Relative,
    /// `clause_opener`: Words that open a clause (content of a non-clausal cue that still runs to the clause end).
    ClauseOpener,
    /// `object_stop`: Subordinators that end the noun-phrase object of an object cue ("endorsed Mr. Trump after the debate").
    ObjectStop,
    /// `subordinator`: Words that open a subordinate or coordinate clause, after which a new attribution may start.
    Subordinator,
    /// `as_clause_cue`: Cue lemmas of an "as" clause of attribution ("as Clinton noted", "as The Post reported"), verbs of saying and showing.
    AsClauseCue,
    /// `deontic_modal`: Modals of obligation that make a demand verb's complement an act ("insisted that Iran must").
    DeonticModal,
    /// `finite_indicative`: Finite verbs of a claim: a demand or commitment verb's that-clause opening with one is a claim.
    FiniteIndicative,
    /// `question_complement`: Words that open a question after "ask" ("asked whether", "asked about").
    QuestionComplement,
    /// `offered_words`: What is offered when words are ("offered his assessment"): no commitment.
    OfferedWords,
    /// `epistemic_before_modal`: Words before "have to"/"need to" that make it a prediction ("will have to").
    EpistemicBeforeModal,
    /// `agent_noun`: Nouns of a body or person that can commit ("her government will provide").
    AgentNoun,
    /// `claim_coordinator`: Words that join two claims in one content ("denied X while accusing Y"): a statement is cut before one when the part after it carries its own type.
    ClaimCoordinator,
    /// `record_source`: Nouns of a record, poll or document as a quote's source ("a poll released Thursday"): it states no position.
    RecordSource,
}

impl WordClass {
    /// Every class, in table order.
    pub const ALL: [WordClass; 81] = [
        WordClass::PointParticle,
        WordClass::CallParticle,
        WordClass::WarnParticle,
        WordClass::RecipientCue,
        WordClass::RecipientPreposition,
        WordClass::ClauseSubject,
        WordClass::TimePreposition,
        WordClass::Article,
        WordClass::ArticleOrPossessive,
        WordClass::TimePhraseOpener,
        WordClass::RecipientHead,
        WordClass::Coordinator,
        WordClass::CoordinatedCueSkip,
        WordClass::CommaClauseStop,
        WordClass::IngNotNarrator,
        WordClass::InvertedTailPreposition,
        WordClass::NotInSpeaker,
        WordClass::SayPreposition,
        WordClass::PassiveAdverb,
        WordClass::Be,
        WordClass::JudgementParticiple,
        WordClass::IrregularCueParticiple,
        WordClass::Put,
        WordClass::ExpectedAdverb,
        WordClass::BeFinite,
        WordClass::SeemAdverb,
        WordClass::RelativeOrThat,
        WordClass::ClauseBoundary,
        WordClass::AskedLead,
        WordClass::QuestionOpener,
        WordClass::BePassiveAux,
        WordClass::ThatVerbPreposition,
        WordClass::FiniteAuxiliary,
        WordClass::Possessive,
        WordClass::BeProgressive,
        WordClass::BeProgressiveOrNegated,
        WordClass::ParticipleLead,
        WordClass::ObjectPronoun,
        WordClass::ParticipleParticle,
        WordClass::WithClauseLead,
        WordClass::NounContext,
        WordClass::TailPreposition,
        WordClass::NotContentStart,
        WordClass::RaisingVerb,
        WordClass::NotInAppositive,
        WordClass::ClauseSubordinator,
        WordClass::AppositiveAdjunct,
        WordClass::AppositiveAdjunctOpener,
        WordClass::NpPreposition,
        WordClass::LongSubjectStop,
        WordClass::RelativeVerb,
        WordClass::TitleSmallWord,
        WordClass::QuotedTitleSmallWord,
        WordClass::NounLead,
        WordClass::SubjectPreposition,
        WordClass::VerbLead,
        WordClass::ListMarker,
        WordClass::ListClauseStart,
        WordClass::GenericSpeech,
        WordClass::HeadingLabel,
        WordClass::ClauseOnlyCue,
        WordClass::Skippable,
        WordClass::AdjunctHead,
        WordClass::Adjunct,
        WordClass::Time,
        WordClass::NpBoundary,
        WordClass::Determiner,
        WordClass::NotHead,
        WordClass::Relative,
        WordClass::ClauseOpener,
        WordClass::ObjectStop,
        WordClass::Subordinator,
        WordClass::AsClauseCue,
        WordClass::DeonticModal,
        WordClass::FiniteIndicative,
        WordClass::QuestionComplement,
        WordClass::OfferedWords,
        WordClass::EpistemicBeforeModal,
        WordClass::AgentNoun,
        WordClass::ClaimCoordinator,
        WordClass::RecordSource,
    ];

    /// The class's name in the table.
    pub fn name(self) -> &'static str {
        match self {
            WordClass::PointParticle => "point_particle",
            WordClass::CallParticle => "call_particle",
            WordClass::WarnParticle => "warn_particle",
            WordClass::RecipientCue => "recipient_cue",
            WordClass::RecipientPreposition => "recipient_preposition",
            WordClass::ClauseSubject => "clause_subject",
            WordClass::TimePreposition => "time_preposition",
            WordClass::Article => "article",
            WordClass::ArticleOrPossessive => "article_or_possessive",
            WordClass::TimePhraseOpener => "time_phrase_opener",
            WordClass::RecipientHead => "recipient_head",
            WordClass::Coordinator => "coordinator",
            WordClass::CoordinatedCueSkip => "coordinated_cue_skip",
            WordClass::CommaClauseStop => "comma_clause_stop",
            WordClass::IngNotNarrator => "ing_not_narrator",
            WordClass::InvertedTailPreposition => "inverted_tail_preposition",
            WordClass::NotInSpeaker => "not_in_speaker",
            WordClass::SayPreposition => "say_preposition",
            WordClass::PassiveAdverb => "passive_adverb",
            WordClass::Be => "be",
            WordClass::JudgementParticiple => "judgement_participle",
            WordClass::IrregularCueParticiple => "irregular_cue_participle",
            WordClass::Put => "put",
            WordClass::ExpectedAdverb => "expected_adverb",
            WordClass::BeFinite => "be_finite",
            WordClass::SeemAdverb => "seem_adverb",
            WordClass::RelativeOrThat => "relative_or_that",
            WordClass::ClauseBoundary => "clause_boundary",
            WordClass::AskedLead => "asked_lead",
            WordClass::QuestionOpener => "question_opener",
            WordClass::BePassiveAux => "be_passive_aux",
            WordClass::ThatVerbPreposition => "that_verb_preposition",
            WordClass::FiniteAuxiliary => "finite_auxiliary",
            WordClass::Possessive => "possessive",
            WordClass::BeProgressive => "be_progressive",
            WordClass::BeProgressiveOrNegated => "be_progressive_or_negated",
            WordClass::ParticipleLead => "participle_lead",
            WordClass::ObjectPronoun => "object_pronoun",
            WordClass::ParticipleParticle => "participle_particle",
            WordClass::WithClauseLead => "with_clause_lead",
            WordClass::NounContext => "noun_context",
            WordClass::TailPreposition => "tail_preposition",
            WordClass::NotContentStart => "not_content_start",
            WordClass::RaisingVerb => "raising_verb",
            WordClass::NotInAppositive => "not_in_appositive",
            WordClass::ClauseSubordinator => "clause_subordinator",
            WordClass::AppositiveAdjunct => "appositive_adjunct",
            WordClass::AppositiveAdjunctOpener => "appositive_adjunct_opener",
            WordClass::NpPreposition => "np_preposition",
            WordClass::LongSubjectStop => "long_subject_stop",
            WordClass::RelativeVerb => "relative_verb",
            WordClass::TitleSmallWord => "title_small_word",
            WordClass::QuotedTitleSmallWord => "quoted_title_small_word",
            WordClass::NounLead => "noun_lead",
            WordClass::SubjectPreposition => "subject_preposition",
            WordClass::VerbLead => "verb_lead",
            WordClass::ListMarker => "list_marker",
            WordClass::ListClauseStart => "list_clause_start",
            WordClass::GenericSpeech => "generic_speech",
            WordClass::HeadingLabel => "heading_label",
            WordClass::ClauseOnlyCue => "clause_only_cue",
            WordClass::Skippable => "skippable",
            WordClass::AdjunctHead => "adjunct_head",
            WordClass::Adjunct => "adjunct",
            WordClass::Time => "time",
            WordClass::NpBoundary => "np_boundary",
            WordClass::Determiner => "determiner",
            WordClass::NotHead => "not_head",
            WordClass::Relative => "relative",
            WordClass::ClauseOpener => "clause_opener",
            WordClass::ObjectStop => "object_stop",
            WordClass::Subordinator => "subordinator",
            WordClass::AsClauseCue => "as_clause_cue",
            WordClass::DeonticModal => "deontic_modal",
            WordClass::FiniteIndicative => "finite_indicative",
            WordClass::QuestionComplement => "question_complement",
            WordClass::OfferedWords => "offered_words",
            WordClass::EpistemicBeforeModal => "epistemic_before_modal",
            WordClass::AgentNoun => "agent_noun",
            WordClass::ClaimCoordinator => "claim_coordinator",
            WordClass::RecordSource => "record_source",
        }
    }
}

/// The word classes of `lexicons/word_classes.tsv`, lower case.
#[derive(Debug, Default)]
pub struct WordClasses {
    /// words by class, indexed by the class's position in [`WordClass::ALL`]
    sets: Vec<FxHashSet<String>>,
}

impl WordClasses {
    fn parse(data: &str) -> WordClasses {
        let index: FxHashMap<&str, usize> = WordClass::ALL.iter().enumerate().map(|(i, c)| (c.name(), i)).collect();
        let mut sets = vec![FxHashSet::default(); WordClass::ALL.len()];
        for r in rows(data) {
            if let (Some(&i), Some(w)) = (index.get(r[0]), r.get(1)) {
                sets[i].insert(w.to_string());
            }
        }
        WordClasses { sets }
    }
    /// True when the lower-case word `w` is of class `c`.
    pub fn is(&self, c: WordClass, w: &str) -> bool {
        debug_assert_eq!(WordClass::ALL[c as usize], c, "WordClass::ALL is in declaration order");
        self.sets.get(c as usize).is_some_and(|s| s.contains(w))
    }
}

/// All lexicons, parsed.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Nationality adjective, country name or capital → country.
    pub nationalities: FxHashMap<String, String>,
    /// Role words (titles keep their case; role nouns are lower case).
    pub roles: FxHashMap<String, RoleEntry>,
    /// Organisation name → (kind, affiliation).
    pub organizations: FxHashMap<String, (String, Option<String>)>,
    /// Cue form → entry.
    pub cues: FxHashMap<String, CueEntry>,
    /// Capitalised words that never start a name.
    pub stop_caps: FxHashSet<String>,
    /// Last words of capitalised runs that name no speaker ("Cabinet Room", "Eastern Time").
    pub non_name_heads: FxHashSet<String>,
    /// Party words that are an adjective when a lower-case non-cue word follows (`adjective` in non_names.tsv).
    pub party_adjectives: FxHashSet<String>,
    /// Hyphen suffixes that make a capitalised word an adjective ("Tehran-based", "Hamas-run").
    pub modifier_suffixes: FxHashSet<String>,
    /// Last words that make a capitalised run an organisation ("Rapid Support Forces").
    pub org_heads: FxHashSet<String>,
    /// First words that make a capitalised run a place ("Northern Ireland").
    pub place_openers: FxHashSet<String>,
    /// Documents that speak for their author ("letter", "statement").
    pub document_nouns: FxHashSet<String>,
    /// Prepositions of place ("in", "across"): a name right after one is likely a place.
    pub locatives: FxHashSet<String>,
    /// U.S. states, their abbreviations and D.C. (`region` in non_names.tsv): places, never speakers.
    pub regions: FxHashSet<String>,
    /// Known leader's full name → the state they speak for.
    pub leaders: FxHashMap<String, String>,
    /// Known leader's distinctive surname ("Putin") → the state.
    pub leader_surnames: FxHashMap<String, String>,
    /// First name → gender ('m', 'f' or '-').
    pub first_names: FxHashMap<String, char>,
    /// "punct word" → (n_stop, n_through): how often a content ends before that context in PolNeAR train.
    pub content_stops: FxHashMap<String, (u32, u32)>,
    /// Cue lemmas that take a noun-phrase object more than a clause ("endorse", "praise").
    pub object_cues: FxHashSet<String>,
    /// The quote engine's word classes.
    pub word_classes: WordClasses,
    /// Two-word cues whose first word is no cue alone ("talked about", "critical of"): word → particles.
    pub phrasal_cues: FxHashMap<String, Vec<String>>,
    /// "rule named|unnamed" → (n_pred, n_right): how often a quote rule was right on PolNeAR train.
    pub rule_confidence: FxHashMap<String, (u32, u32)>,
    /// Feature → weight of the tagger's "is this an attribution" classifier (`lexicons/tagger_gate.tsv`).
    pub tagger_gate: FxHashMap<String, f32>,
    /// News media (`lexicons/media.tsv`), for media relay.
    pub media: Media,
    /// Role word or phrase (lower case) → (category, body) (`lexicons/categories.tsv`).
    pub categories: FxHashMap<String, (Option<crate::report::Category>, Option<String>)>,
    /// Longest entry in words, for multi-word lookups.
    pub max_words: usize,
}

impl Media {
    /// Whether a name names a news medium: an outlet, a word of it an outlet ("RIA Novosti"), or its last
    /// word or two a media head ("Washington Post", "Saudi Press Agency").
    pub fn names_medium(&self, name: &str) -> bool {
        let words: Vec<&str> = name.split_whitespace().collect();
        let last2 = (words.len() >= 2).then(|| words[words.len() - 2..].join(" "));
        self.outlets.contains(name)
            || words.iter().any(|w| self.outlets.contains(*w))
            || words.last().is_some_and(|w| self.heads.contains(*w))
            || last2.is_some_and(|w| self.heads.contains(&w))
    }
}

/// News media (`lexicons/media.tsv`): what makes a mention a medium, and the words after which a
/// medium relays another's words.
#[derive(Debug, Default)]
pub struct Media {
    /// Outlet names ("Xinhua", "Financial Times").
    pub outlets: FxHashSet<String>,
    /// Last words (or two words) of a name that make it a medium ("Post", "Press Agency").
    pub heads: FxHashSet<String>,
    /// Lower-case words right after a name that make it a medium ("the Xinhua news agency").
    pub after: FxHashSet<String>,
    /// Relay markers, lower case, as words ("according to", "told").
    pub markers: Vec<Vec<String>>,
}

const NATIONALITIES: &str = include_str!("../lexicons/nationalities.tsv");
const ROLES: &str = include_str!("../lexicons/roles.tsv");
const ORGANIZATIONS: &str = include_str!("../lexicons/organizations.tsv");
const CUES: &str = include_str!("../lexicons/cues.tsv");
const STOP_CAPS: &str = include_str!("../lexicons/stop_caps.txt");
const NON_NAMES: &str = include_str!("../lexicons/non_names.tsv");
const FIRST_NAMES: &str = include_str!("../lexicons/first_names.tsv");
const LEADERS: &str = include_str!("../lexicons/leaders.tsv");
const CONTENT_STOPS: &str = include_str!("../lexicons/content_stops.tsv");
const OBJECT_CUES: &str = include_str!("../lexicons/object_cues.tsv");
const RULE_CONFIDENCE: &str = include_str!("../lexicons/rule_confidence.tsv");
const PHRASAL_CUES: &str = include_str!("../lexicons/phrasal_cues.tsv");
const WORD_CLASSES: &str = include_str!("../lexicons/word_classes.tsv");
const TAGGER_GATE: &str = include_str!("../lexicons/tagger_gate.tsv");
const MEDIA: &str = include_str!("../lexicons/media.tsv");
const CATEGORIES: &str = include_str!("../lexicons/categories.tsv");

/// A rule's train record counts as its confidence from this many quotes on.
const MIN_CALIBRATION_QUOTES: u32 = 10;

/// A content ends before a punctuation + word context when more than this share of train contents did.
pub const CONTENT_STOP_SHARE: f32 = 0.5;

/// The rows of a lexicon file: non-empty, non-comment lines split on tabs.
pub fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn opt(s: Option<&&str>) -> Option<String> {
    s.filter(|v| !v.is_empty() && **v != "-").map(|v| v.to_string())
}

impl Lexicon {
    fn parse() -> Lexicon {
        let mut lx = Lexicon::default();
        for r in rows(NATIONALITIES) {
            lx.nationalities.insert(r[0].to_string(), r.get(1).unwrap_or(&r[0]).to_string());
        }
        for r in rows(ROLES) {
            let class = match r.get(1).copied().unwrap_or("role") {
                "title" => RoleClass::Title,
                "leader" => RoleClass::Leader,
                "group" => RoleClass::Group,
                _ => RoleClass::Role,
            };
            let gender = r.get(2).and_then(|g| g.chars().next()).unwrap_or('-');
            lx.roles.insert(r[0].to_string(), RoleEntry { class, gender });
        }
        for r in rows(ORGANIZATIONS) {
            let kind = r.get(1).copied().unwrap_or("organization").to_string();
            lx.organizations.insert(r[0].to_string(), (kind, opt(r.get(2))));
        }
        for r in rows(CUES) {
            let lemma = r.get(1).copied().unwrap_or(r[0]).to_string();
            let class = r.get(2).copied().unwrap_or("speech").to_string();
            let n = |i: usize| r.get(i).and_then(|v| v.parse::<f32>().ok());
            let precision = match (n(3), n(4)) {
                (Some(c), Some(a)) if a > 0.0 => c / a,
                _ => 0.5,
            };
            lx.cues.insert(r[0].to_string(), CueEntry { lemma, class, precision });
        }
        for r in rows(STOP_CAPS) {
            lx.stop_caps.insert(r[0].to_string());
        }
        for r in rows(LEADERS) {
            let Some(country) = r.get(1) else { continue };
            lx.leaders.insert(r[0].to_string(), country.to_string());
            if r.get(2) == Some(&"y") {
                if let Some(surname) = r[0].split_whitespace().last() {
                    lx.leader_surnames.insert(surname.to_string(), country.to_string());
                }
            }
        }
        for r in rows(FIRST_NAMES) {
            let g = r.get(1).and_then(|g| g.chars().next()).filter(|g| matches!(g, 'm' | 'f')).unwrap_or('-');
            lx.first_names.insert(r[0].to_string(), g);
        }
        for r in rows(NON_NAMES) {
            match r.get(1).copied() {
                Some("modifier") => lx.modifier_suffixes.insert(r[0].to_string()),
                Some("org") => lx.org_heads.insert(r[0].to_string()),
                Some("place") => lx.place_openers.insert(r[0].to_string()),
                Some("document") => lx.document_nouns.insert(r[0].to_string()),
                Some("locative") => lx.locatives.insert(r[0].to_string()),
                Some("region") => lx.regions.insert(r[0].to_string()),
                Some("adjective") => lx.party_adjectives.insert(r[0].to_string()),
                _ => lx.non_name_heads.insert(r[0].to_string()),
            };
        }
        for r in rows(CONTENT_STOPS) {
            let n = |i: usize| r.get(i).and_then(|v| v.parse::<u32>().ok()).unwrap_or(0);
            lx.content_stops.insert(format!("{} {}", r[0], r.get(1).unwrap_or(&"")), (n(2), n(3)));
        }
        for r in rows(OBJECT_CUES) {
            lx.object_cues.insert(r[0].to_string());
        }
        lx.word_classes = WordClasses::parse(WORD_CLASSES);
        for r in rows(PHRASAL_CUES) {
            lx.phrasal_cues.entry(r[0].to_string()).or_default().push(r.get(1).unwrap_or(&"").to_string());
        }
        for r in rows(RULE_CONFIDENCE) {
            let n = |i: usize| r.get(i).and_then(|v| v.parse::<u32>().ok()).unwrap_or(0);
            lx.rule_confidence.insert(format!("{} {}", r[0], r.get(1).unwrap_or(&"")), (n(2), n(4)));
        }
        for r in rows(TAGGER_GATE) {
            if let Some(w) = r.get(1).and_then(|v| v.parse::<f32>().ok()) {
                lx.tagger_gate.insert(r[0].to_string(), w);
            }
        }
        for r in rows(MEDIA) {
            let m = &mut lx.media;
            match r.get(1).copied() {
                Some("outlet") => m.outlets.insert(r[0].to_string()),
                Some("head") => m.heads.insert(r[0].to_string()),
                Some("after") => m.after.insert(r[0].to_string()),
                _ => {
                    m.markers.push(r[0].split_whitespace().map(str::to_string).collect());
                    true
                }
            };
        }
        for r in rows(CATEGORIES) {
            let c = r.get(1).and_then(|c| crate::report::Category::parse(c));
            lx.categories.insert(r[0].to_string(), (c, opt(r.get(2))));
        }
        lx.max_words = lx
            .nationalities
            .keys()
            .chain(lx.roles.keys())
            .chain(lx.organizations.keys())
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        lx
    }
}

impl Lexicon {
    /// True when `word particle` is a phrasal cue ("talked about"); both lower case.
    pub fn is_phrasal_cue(&self, word: &str, particle: &str) -> bool {
        self.phrasal_cues.get(word).is_some_and(|ps| ps.iter().any(|p| p == particle))
    }
    /// How often a quote of rule `rule` was right (span and speaker) on PolNeAR train, smoothed
    /// ((right + 1) / (quotes + 2)); `named`: its speaker resolved to an actor. A speaker class seen fewer
    /// than [`MIN_CALIBRATION_QUOTES`] times takes the rule's rate over both classes; `None` for rules seen
    /// fewer than that in all.
    pub fn rule_confidence(&self, rule: &str, named: bool) -> Option<f32> {
        let get =
            |named: bool| self.rule_confidence.get(&format!("{rule} {}", if named { "named" } else { "unnamed" }));
        let rate = |(n, right): (u32, u32)| (right as f32 + 1.0) / (n as f32 + 2.0);
        match get(named) {
            Some(&c) if c.0 >= MIN_CALIBRATION_QUOTES => Some(rate(c)),
            // too few of this speaker class: the rule's rate over both ("indirect/nominal": 7 named, 4 not)
            own => {
                let other = get(!named).copied().unwrap_or((0, 0));
                let (n, right) = own.map_or(other, |&(n, r)| (n + other.0, r + other.1));
                (n >= MIN_CALIBRATION_QUOTES).then(|| rate((n, right)))
            }
        }
    }
    /// True when a clause's content ends before punctuation `punct` followed by the lower-case word `word`
    /// (", which", "— a"): more than [`CONTENT_STOP_SHARE`] of the train contents that met it ended there.
    pub fn ends_content(&self, punct: &str, word: &str) -> bool {
        let punct = if punct == "–" { "—" } else { punct };
        self.content_stops
            .get(&format!("{punct} {word}"))
            .is_some_and(|&(s, t)| s as f32 > CONTENT_STOP_SHARE * (s + t) as f32)
    }
}

/// The process-wide lexicon.
pub fn lexicon() -> &'static Lexicon {
    static LX: OnceLock<Lexicon> = OnceLock::new();
    LX.get_or_init(Lexicon::parse)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_duplicates(name: &str, data: &str) {
        let mut seen = HashSet::new();
        for r in rows(data) {
            assert!(seen.insert(r[0].to_string()), "{name}: duplicate entry {:?}", r[0]);
        }
    }

    #[test]
    fn lexicons_have_no_duplicates() {
        no_duplicates("nationalities", NATIONALITIES);
        no_duplicates("roles", ROLES);
        no_duplicates("organizations", ORGANIZATIONS);
        no_duplicates("cues", CUES);
        no_duplicates("stop_caps", STOP_CAPS);
        no_duplicates("non_names", NON_NAMES);
        no_duplicates("first_names", FIRST_NAMES);
        no_duplicates("leaders", LEADERS);
        no_duplicates("object_cues", OBJECT_CUES);
        no_duplicates("media", MEDIA);
        no_duplicates("categories", CATEGORIES);
        let mut seen = HashSet::new();
        for r in rows(RULE_CONFIDENCE) {
            assert!(seen.insert((r[0], r[1])), "rule_confidence: duplicate entry {:?}", &r[..2]);
        }
    }

    #[test]
    fn a_thin_speaker_class_takes_the_rules_pooled_rate() {
        let mut lx = Lexicon::parse();
        lx.rule_confidence.clear();
        lx.rule_confidence.insert("r/a named".into(), (7, 3));
        lx.rule_confidence.insert("r/a unnamed".into(), (4, 2));
        lx.rule_confidence.insert("r/b named".into(), (40, 30));
        lx.rule_confidence.insert("r/b unnamed".into(), (3, 0));
        let pooled = 6.0 / 13.0;
        assert_eq!(lx.rule_confidence("r/a", true), Some(pooled));
        assert_eq!(lx.rule_confidence("r/a", false), Some(pooled));
        assert_eq!(lx.rule_confidence("r/b", true), Some(31.0 / 42.0), "a class with enough quotes keeps its own");
        assert_eq!(lx.rule_confidence("r/b", false), Some(31.0 / 45.0));
        lx.rule_confidence.insert("r/c named".into(), (5, 5));
        assert_eq!(lx.rule_confidence("r/c", true), None, "too few in all");
        assert_eq!(lx.rule_confidence("r/unknown", true), None);
    }

    #[test]
    fn word_classes_have_no_duplicate_rows_and_every_class_is_used() {
        let mut seen = HashSet::new();
        let names: HashSet<&str> = WordClass::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(names.len(), WordClass::ALL.len(), "word_classes: two classes share a name");
        for r in rows(WORD_CLASSES) {
            assert_eq!(r.len(), 2, "word_classes: a row is class<TAB>word: {r:?}");
            assert!(seen.insert((r[0], r[1])), "word_classes: duplicate row {r:?}");
            assert!(names.contains(r[0]), "word_classes: unknown class {}", r[0]);
            assert_eq!(r[1], r[1].to_lowercase(), "word_classes: {} is not lower case", r[1]);
        }
        // every class has words (and every class is read by the engine: an unused variant of the enum
        // fails the build under clippy's dead-code warnings)
        for c in WordClass::ALL {
            assert!(seen.iter().any(|(k, _)| *k == c.name()), "word_classes: class {} has no words", c.name());
        }
        let wc = &lexicon().word_classes;
        assert!(wc.is(WordClass::Be, "been") && !wc.is(WordClass::BeFinite, "been"));
        assert!(!wc.is(WordClass::BeProgressive, "being"));
    }

    #[test]
    fn lexicon_parses() {
        let lx = lexicon();
        assert_eq!(lx.nationalities.get("Russian").map(String::as_str), Some("Russia"));
        assert_eq!(lx.cues.get("said").map(|c| c.lemma.as_str()), Some("say"));
        assert_eq!(lx.roles.get("spokesman").map(|r| r.class), Some(RoleClass::Role));
        assert!(lx.max_words >= 3);
    }
}
