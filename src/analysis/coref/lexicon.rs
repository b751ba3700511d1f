//! Pronoun forms and first-name genders, embedded from `assets/coref/`
//! (sources in `assets/README.md`); title genders come from the entity lexicon.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::analysis::entities::Gender;

const PRONOUNS: &str = include_str!("../../../assets/coref/pronouns.tsv");
const FIRST_NAMES: &str = include_str!("../../../assets/coref/first_names.tsv");
const PREPOSITIONS: &str = include_str!("../../../assets/coref/prepositions.txt");

/// Who a pronoun points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Person {
    /// I, me, my: the speaker (inside a quote) or the narrator.
    First,
    Third,
}

/// The grammatical case, which tells a subject ("he") from an object ("him").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Case {
    Subject,
    Object,
    Possessive,
    Reflexive,
}

/// What a pronoun form says about its referent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct PronounForm {
    pub person: Person,
    /// Male, Female, or Unknown for "they" and "I".
    pub gender: Gender,
    pub plural: bool,
    pub case: Case,
}

pub struct Lexicon {
    pronouns: HashMap<&'static str, PronounForm>,
    first_names: HashMap<&'static str, Gender>,
    prepositions: rustc_hash::FxHashSet<&'static str>,
}

/// The lexicon, parsed once.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').collect())
}

fn gender(code: &str) -> Gender {
    match code {
        "m" => Gender::Male,
        "f" => Gender::Female,
        _ => Gender::Unknown,
    }
}

impl Lexicon {
    fn load() -> Lexicon {
        let pronouns = rows(PRONOUNS)
            .filter(|columns| columns.len() >= 4)
            .map(|columns| {
                let form = PronounForm {
                    person: if columns[1] == "1" {
                        Person::First
                    } else {
                        Person::Third
                    },
                    gender: gender(columns[2]),
                    plural: columns[2] == "p",
                    case: match columns[3] {
                        "subject" => Case::Subject,
                        "object" => Case::Object,
                        "possessive" => Case::Possessive,
                        _ => Case::Reflexive,
                    },
                };
                (columns[0], form)
            })
            .collect();
        let first_names = rows(FIRST_NAMES)
            .filter(|columns| columns.len() >= 2)
            .map(|columns| (columns[0], gender(columns[1])))
            .collect();
        let prepositions = rows(PREPOSITIONS).map(|columns| columns[0]).collect();
        Lexicon {
            pronouns,
            first_names,
            prepositions,
        }
    }

    /// The pronoun a word is (lowercase), if one of the linked forms.
    pub fn pronoun(&self, lowercase: &str) -> Option<PronounForm> {
        self.pronouns.get(lowercase).copied()
    }

    /// The gender a first name is mostly given to ("Mary" female); Unknown when
    /// the census lists give it to both or do not have it.
    pub fn first_name_gender(&self, name: &str) -> Gender {
        self.first_names.get(name).copied().unwrap_or_default()
    }

    /// True for a preposition ("in", "towards"), lowercase.
    pub fn is_preposition(&self, lowercase: &str) -> bool {
        self.prepositions.contains(lowercase)
    }
}
