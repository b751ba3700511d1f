//! Word lists behind mention cleaning and clustering, embedded from
//! `assets/entities/` (sources in `assets/README.md`).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::analysis::EntityKind;

const DEMONYMS: &str = include_str!("../../../assets/entities/demonyms.tsv");
const ALIASES: &str = include_str!("../../../assets/entities/aliases.tsv");
const GROUP_WORDS: &str = include_str!("../../../assets/entities/group_words.txt");
const STOP_NAMES: &str = include_str!("../../../assets/entities/stop_names.txt");
const HEAD_NOUNS: &str = include_str!("../../../assets/entities/head_nouns.tsv");
const COMMON_WORDS: &str = include_str!("../../../assets/entities/common_words.txt");
const NICKNAMES: &str = include_str!("../../../assets/entities/nicknames.tsv");
const KIND_CUES: &str = include_str!("../../../assets/entities/kind_cues.tsv");
const EXCLAMATIONS: &str = include_str!("../../../assets/entities/exclamations.tsv");
const FIRST_NAMES: &str = include_str!("../../../assets/coref/first_names.tsv");

/// Weekdays and months: dates, never entities on their own.
const CALENDAR_WORDS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thur",
    "Thurs",
    "Fri",
    "Sat",
    "Sun",
];

use crate::analysis::titles::titles;
pub use crate::analysis::titles::Gender;
pub use crate::analysis::titles::Marital;

pub struct Lexicon {
    demonyms: HashMap<&'static str, &'static str>,
    /// Name key (see `names::key`) to standard name.
    aliases: HashMap<String, &'static str>,
    group_words: HashSet<&'static str>,
    stop_names: HashSet<&'static str>,
    common_words: HashSet<&'static str>,
    /// Lowercase nickname -> the given names it is short for ("lizzy" -> "elizabeth").
    nicknames: HashMap<&'static str, Vec<&'static str>>,
    /// (word, true when it comes after the name) -> the kind it tells.
    kind_cues: HashMap<(&'static str, bool), EntityKind>,
    /// Name word -> the words before and after it that make it an exclamation.
    exclamations: HashMap<&'static str, (Vec<&'static str>, Vec<&'static str>)>,
    /// Census first names borne (almost) only by one sex.
    first_names: HashMap<&'static str, Gender>,
    /// Last word of a name -> its kind, and whether it overrules a person label.
    head_nouns: HashMap<&'static str, (EntityKind, bool)>,
}

/// The lexicon, parsed once.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

fn lines(table: &'static str) -> impl Iterator<Item = &'static str> {
    table
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn pairs(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    lines(table).filter_map(|line| line.split_once('\t'))
}

impl Lexicon {
    fn load() -> Lexicon {
        Lexicon {
            demonyms: pairs(DEMONYMS).collect(),
            aliases: pairs(ALIASES)
                .map(|(alias, standard)| (super::names::key(alias), standard))
                .collect(),
            group_words: lines(GROUP_WORDS).collect(),
            stop_names: lines(STOP_NAMES).collect(),
            common_words: lines(COMMON_WORDS).collect(),
            kind_cues: lines(KIND_CUES)
                .flat_map(|line| {
                    let mut columns = line.split('\t');
                    let kind = match columns.next() {
                        Some("place") => Some(EntityKind::Place),
                        Some("person") => Some(EntityKind::Person),
                        Some("organization") => Some(EntityKind::Organization),
                        Some("other") => Some(EntityKind::Other),
                        _ => None,
                    };
                    let after = columns.next() == Some("after");
                    let words = columns.next().unwrap_or("").split_whitespace();
                    words.filter_map(move |w| Some(((w, after), kind?)))
                })
                .collect(),
            exclamations: lines(EXCLAMATIONS)
                .filter_map(|line| {
                    let mut columns = line.split('\t');
                    let word = columns.next()?;
                    let before = columns.next().unwrap_or("").split_whitespace().collect();
                    let after = columns.next().unwrap_or("").split_whitespace().collect();
                    Some((word, (before, after)))
                })
                .collect(),
            first_names: pairs(FIRST_NAMES)
                .filter_map(|(name, sex)| match sex {
                    "m" => Some((name, Gender::Male)),
                    "f" => Some((name, Gender::Female)),
                    _ => None,
                })
                .collect(),
            nicknames: pairs(NICKNAMES).fold(HashMap::new(), |mut map, (given, nickname)| {
                map.entry(nickname).or_insert_with(Vec::new).push(given);
                map
            }),
            head_nouns: lines(HEAD_NOUNS)
                .filter_map(|line| {
                    let mut columns = line.split('\t');
                    let word = columns.next()?;
                    let kind = match columns.next()? {
                        "place" => EntityKind::Place,
                        "organization" => EntityKind::Organization,
                        "other" => EntityKind::Other,
                        _ => return None,
                    };
                    Some((word, (kind, columns.next() == Some("y"))))
                })
                .collect(),
        }
    }

    /// The longest title at the start of `words`: how many words it takes and its gender.
    pub fn title_at_start(&self, words: &[&str]) -> Option<(usize, Gender)> {
        titles().at_start(words).map(|(n, title)| (n, title.gender))
    }

    /// True for personal honorifics ("Mr.", "Lady"): the name after one is a person's.
    pub fn is_honorific(&self, words: &[&str]) -> bool {
        titles().get(words).is_some_and(|t| t.honorific)
    }

    /// True for titles followed by a surname ("Mr.", "Colonel", "President").
    pub fn title_takes_surname(&self, title: &str) -> bool {
        let words: Vec<&str> = title.split_whitespace().collect();
        let entry = titles()
            .get(&words)
            .or_else(|| titles().get(&words[words.len().saturating_sub(1)..]));
        entry.is_some_and(|t| t.takes_surname)
    }

    /// The gender of a title written as in the text ("Mr.", "Grand Ayatollah").
    pub fn title_gender(&self, title: &str) -> Gender {
        let words: Vec<&str> = title.split_whitespace().collect();
        titles().get(&words).map(|t| t.gender).unwrap_or_default()
    }

    /// Whether a title written as in the text says a woman is married ("Mrs.") or not ("Miss").
    pub fn title_marital(&self, title: &str) -> Marital {
        let words: Vec<&str> = title.split_whitespace().collect();
        titles().get(&words).map(|t| t.marital).unwrap_or_default()
    }

    /// The place a demonym refers to: "Iraqi" and "Iraqis" -> "Iraq".
    pub fn demonym_place(&self, name: &str) -> Option<&'static str> {
        self.demonyms.get(name).copied().or_else(|| {
            let singular = name.strip_suffix('s')?;
            self.demonyms.get(singular).copied()
        })
    }

    /// The standard name behind a widely used short form ("US" -> "United States").
    pub fn standard_name(&self, key: &str) -> Option<&'static str> {
        self.aliases.get(key).copied()
    }

    /// The listed group words alone ("Shia", "Sunnis"), without the
    /// "-ist"/"-ite" endings [`Lexicon::is_group_word`] also accepts.
    pub fn is_listed_group_word(&self, word: &str) -> bool {
        let singular = word.strip_suffix('s').unwrap_or(word);
        self.group_words.contains(word) || self.group_words.contains(singular)
    }

    /// Religious, ethnic and political group words ("Shiite", "Sunnis", "Marxist").
    pub fn is_group_word(&self, word: &str) -> bool {
        let singular = word.strip_suffix('s').unwrap_or(word);
        self.group_words.contains(word)
            || self.group_words.contains(singular)
            || (word.starts_with(char::is_uppercase)
                && ["ist", "ists", "ite", "ites"]
                    .iter()
                    .any(|suffix| word.len() > suffix.len() + 3 && word.ends_with(suffix)))
    }

    /// Words that are never an entity on their own ("Friday", "However", "I"),
    /// also when shouted in a heading ("CHAPTER").
    pub fn is_stop_name(&self, word: &str) -> bool {
        let listed = |w: &str| self.stop_names.contains(w) || CALENDAR_WORDS.contains(&w);
        listed(word) || (word.len() > 2 && is_all_caps(word) && listed(&title_case(word)))
    }

    /// The kind a name's last word implies ("Square" -> place, "Council" ->
    /// organization) and whether it overrules a person label.
    pub fn head_noun(&self, word: &str) -> Option<(EntityKind, bool)> {
        self.head_nouns.get(word).copied()
    }

    /// Weekdays and months.
    pub fn is_calendar_word(&self, word: &str) -> bool {
        CALENDAR_WORDS.contains(&word.trim_end_matches('.'))
    }

    /// The kind a word just before (or just after) a name tells: "at
    /// Meryton" a place, "Lizzy said" a person.
    pub fn kind_cue(&self, word: &str, after: bool) -> Option<EntityKind> {
        self.kind_cues.get(&(word, after)).copied()
    }

    /// "Good God", "Oh Lord", "God knows": the word between these neighbours
    /// is an exclamation (neighbours compared in lowercase).
    pub fn is_exclamation(&self, word: &str, before: Option<&str>, after: Option<&str>) -> bool {
        let Some((befores, afters)) = self.exclamations.get(word) else {
            return false;
        };
        let listed = |list: &[&str], w: Option<&str>| {
            w.is_some_and(|w| list.contains(&w.to_lowercase().as_str()))
        };
        listed(befores, before) || listed(afters, after)
    }

    /// The sex a given name is (almost) only borne by, as written ("Emma").
    pub fn given_name_gender(&self, name: &str) -> Gender {
        self.first_names.get(name).copied().unwrap_or_default()
    }

    /// [`Lexicon::given_name_gender`] of a name key ("emma").
    pub fn given_name_gender_of_key(&self, key: &str) -> Gender {
        let mut chars = key.chars();
        let capitalized: String = chars
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(chars)
            .collect();
        self.given_name_gender(&capitalized)
    }

    /// The given names a nickname is short for, as name keys ("lizzy" ->
    /// ["elizabeth"]); empty for other words.
    pub fn given_names_of(&self, key: &str) -> &[&'static str] {
        self.nicknames.get(key).map_or(&[], Vec::as_slice)
    }

    /// Frequent English words that are not names ("death", "since").
    pub fn is_common_word(&self, lowercase: &str) -> bool {
        self.common_words.contains(lowercase)
    }
}

fn is_all_caps(word: &str) -> bool {
    word.chars().all(char::is_uppercase)
}

/// "CHAPTER" -> "Chapter".
fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .into_iter()
        .chain(chars.flat_map(char::to_lowercase))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_match_longest_first_with_or_without_period() {
        let lex = lexicon();
        assert_eq!(
            lex.title_at_start(&["Grand", "Ayatollah", "Ali"]),
            Some((2, Gender::Unknown))
        );
        assert_eq!(
            lex.title_at_start(&["Mr.", "Darcy"]),
            Some((1, Gender::Male))
        );
        assert_eq!(
            lex.title_at_start(&["Mrs", "Bennet"]),
            Some((1, Gender::Female))
        );
        assert_eq!(lex.title_at_start(&["Darcy"]), None);
        assert_eq!(lex.title_gender("Countess"), Gender::Female);
    }

    #[test]
    fn demonyms_and_plurals_point_to_places() {
        let lex = lexicon();
        assert_eq!(lex.demonym_place("Iraqi"), Some("Iraq"));
        assert_eq!(lex.demonym_place("Canadians"), Some("Canada"));
        assert_eq!(lex.demonym_place("British"), Some("United Kingdom"));
        assert_eq!(lex.demonym_place("Baghdad"), None);
    }

    #[test]
    fn word_lists() {
        let lex = lexicon();
        assert!(lex.is_group_word("Shiite"));
        assert!(lex.is_group_word("Sunnis"));
        assert!(lex.is_group_word("Sadrist"));
        assert!(!lex.is_group_word("Iraq"));
        assert!(lex.is_stop_name("Friday"));
        assert!(lex.is_stop_name("CHAPTER"));
        assert!(!lex.is_stop_name("US"));
        assert!(lex.is_common_word("death"));
        assert!(!lex.is_common_word("china"));
    }
}
