//! Word lists behind quote detection and speaker cues, embedded from
//! `assets/quotes/` (sources in `assets/README.md`).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::analysis::entities::Gender;

const SPEECH_VERBS: &str = include_str!("../../../assets/quotes/speech_verbs.tsv");
const CUE_WORDS: &str = include_str!("../../../assets/quotes/cue_words.tsv");

/// How a speech verb relates to the name after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpeechVerb {
    /// "..., said Elizabeth": the name right after the verb is the speaker
    /// (false for "told Reuters", where it is the listener).
    pub inverts: bool,
    /// Words in the verb ("according to" has two).
    pub words: usize,
    /// "answered", "replied": the speaker answers someone else.
    pub replies: bool,
}

pub struct Lexicon {
    /// Lowercase first word of each verb form -> the rest of the form and the verb.
    verbs: HashMap<&'static str, Vec<(Vec<&'static str>, SpeechVerb)>>,
    nominal: HashSet<&'static str>,
    vocative: HashSet<&'static str>,
    term: HashSet<&'static str>,
    noun_genders: HashMap<&'static str, Gender>,
    link: HashSet<&'static str>,
    spouse: HashSet<&'static str>,
    spouse_title: HashSet<&'static str>,
    family_head: HashSet<&'static str>,
    elder: HashSet<&'static str>,
    passive: HashSet<&'static str>,
    other_party: HashSet<&'static str>,
    asks_name: Vec<&'static str>,
    /// Common noun -> the ranks it may stand for ("clergyman" -> "parson", ...).
    ranks: HashMap<&'static str, Vec<&'static str>>,
}

/// The lexicon, parsed once.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

fn rows(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut verbs: HashMap<&'static str, Vec<(Vec<&'static str>, SpeechVerb)>> =
            HashMap::default();
        for (forms, flags) in rows(SPEECH_VERBS) {
            let mut flags = flags.split('\t').map(|f| f.trim() == "y");
            let inverts = flags.next().unwrap_or(false);
            let replies = flags.next().unwrap_or(false);
            // "according to" is one two-word form; other lines list one-word forms.
            let multi_word = forms.starts_with("according");
            let form_list: Vec<Vec<&str>> = if multi_word {
                vec![forms.split_whitespace().collect()]
            } else {
                forms.split_whitespace().map(|f| vec![f]).collect()
            };
            for words in form_list {
                let verb = SpeechVerb {
                    inverts,
                    words: words.len(),
                    replies,
                };
                verbs
                    .entry(words[0])
                    .or_default()
                    .push((words[1..].to_vec(), verb));
            }
        }
        let mut nominal = HashSet::default();
        let mut vocative = HashSet::default();
        let mut term = HashSet::default();
        let mut noun_genders = HashMap::default();
        let mut link = HashSet::default();
        let mut spouse = HashSet::default();
        let mut spouse_title = HashSet::default();
        let mut family_head = HashSet::default();
        let mut elder = HashSet::default();
        let mut passive = HashSet::default();
        let mut other_party = HashSet::default();
        let mut asks_name = Vec::new();
        let mut ranks = HashMap::default();
        for (kind, word) in rows(CUE_WORDS) {
            let word = word.trim();
            match kind {
                "nominal" => nominal.insert(word),
                "vocative" => vocative.insert(word),
                "term" => term.insert(word),
                "link" => link.insert(word),
                "spouse" => spouse.insert(word),
                "spouse_title" => spouse_title.insert(word),
                "family_head" => family_head.insert(word),
                "elder" => elder.insert(word),
                "passive" => passive.insert(word),
                "other_party" => other_party.insert(word),
                "asks_name" => {
                    asks_name.push(word);
                    true
                }
                "male" => noun_genders.insert(word, Gender::Male).is_none(),
                "female" => noun_genders.insert(word, Gender::Female).is_none(),
                "rank" => {
                    let mut words = word.split_whitespace();
                    words
                        .next()
                        .is_some_and(|noun| ranks.insert(noun, words.collect()).is_none())
                }
                _ => false,
            };
        }
        Lexicon {
            verbs,
            nominal,
            vocative,
            term,
            noun_genders,
            link,
            spouse,
            spouse_title,
            family_head,
            elder,
            passive,
            other_party,
            asks_name,
            ranks,
        }
    }

    /// The speech verb starting at `words[0]` (lowercase words), if any.
    pub fn speech_verb(&self, words: &[&str]) -> Option<SpeechVerb> {
        let first = words.first()?;
        let candidates = self.verbs.get(first)?;
        candidates
            .iter()
            .find(|(rest, _)| {
                rest.len() < words.len() && rest.iter().zip(&words[1..]).all(|(a, b)| a == b)
            })
            .map(|(_, verb)| *verb)
    }

    /// "the", "his", "one": a common-noun speaker follows.
    pub fn is_nominal(&self, lowercase: &str) -> bool {
        self.nominal.contains(lowercase)
    }

    /// "dear", "oh": a name said to someone may follow.
    pub fn is_vocative_lead(&self, lowercase: &str) -> bool {
        self.vocative.contains(lowercase)
    }

    /// The gender a common noun tells ("father" male, "wife" female).
    pub fn noun_gender(&self, lowercase: &str) -> Gender {
        self.noun_genders
            .get(lowercase)
            .copied()
            .unwrap_or_default()
    }

    /// "to", "of": a word that ends the phrase naming a speaker.
    pub fn is_link_word(&self, lowercase: &str) -> bool {
        self.link.contains(lowercase)
    }

    /// "wife", "husband": a noun that, after "his"/"her", names the spouse
    /// of the one the pronoun refers to.
    pub fn is_spouse(&self, lowercase: &str) -> bool {
        self.spouse.contains(lowercase)
    }

    /// "mrs.", "sir": the title of a married character (lowercase).
    pub fn is_spouse_title(&self, lowercase: &str) -> bool {
        self.spouse_title.contains(lowercase)
    }

    /// "mother", "husband": a speaker who heads a family, likely written
    /// elsewhere with a married title and the family's surname ("Mrs. Bennet").
    pub fn is_family_head(&self, lowercase: &str) -> bool {
        self.family_head.contains(lowercase)
    }

    /// "aunt", "uncle": an elder of the family, likely written elsewhere with
    /// a married title ("Mrs. Gardiner") but not always the family's surname.
    pub fn is_elder(&self, lowercase: &str) -> bool {
        self.elder.contains(lowercase)
    }

    /// "was", "been": before a speech verb, the verb is passive ("was said").
    pub fn is_passive(&self, lowercase: &str) -> bool {
        self.passive.contains(lowercase)
    }

    /// "other", "companion": a speaker who is the other party of a conversation.
    /// True when a question (lowercase) asks whom it is put to for their
    /// name ("What name?", "What is your name?").
    pub fn asks_name(&self, question: &str) -> bool {
        self.asks_name
            .iter()
            .any(|phrase| question.contains(phrase))
    }

    pub fn is_other_party(&self, lowercase: &str) -> bool {
        self.other_party.contains(lowercase)
    }

    /// The ranks a common noun may stand for ("clergyman": "parson", "vicar"...).
    pub fn ranks_of(&self, lowercase: &str) -> &[&'static str] {
        self.ranks.get(lowercase).map_or(&[], Vec::as_slice)
    }

    /// The common nouns that stand for ranks ("clergyman", "physician").
    pub fn rank_nouns(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.ranks.keys().copied()
    }

    /// "a", "called": a short quotation after it is a term, not speech.
    pub fn is_term_lead(&self, lowercase: &str) -> bool {
        self.term.contains(lowercase)
    }
}
