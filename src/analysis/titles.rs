//! The one table of titles and honorifics (`assets/titles.tsv`), read by
//! the tokenizer (an abbreviated title never ends a sentence), the tagger's
//! features (a word after a title), the mention cleaner (titles are stripped
//! from names and remembered), the clusterer (gender, surname titles) and
//! the descriptions.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

const TABLE: &str = include_str!("../../assets/titles.tsv");

/// The gender a title implies ("Mr." male, "Countess" female, "General" neither).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

impl Gender {
    /// Two names can refer to one person unless their titles disagree.
    pub fn compatible(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// What a woman's title says of her marriage: "Miss Smith" and "Mrs. Smith"
/// are two women.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Marital {
    #[default]
    Unknown,
    Married,
    Unmarried,
}

impl Marital {
    /// Two names can refer to one woman unless one title says married and the other not.
    pub fn compatible(self, other: Marital) -> bool {
        self == Marital::Unknown || other == Marital::Unknown || self == other
    }
}

/// What the table says of one title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Title {
    pub gender: Gender,
    /// Only ever before a person's name ("Mr.", "Lady", "Colonel"), unlike
    /// "General" in "General Motors".
    pub honorific: bool,
    /// Followed by a surname ("Mr. Darcy"), unlike "Sir William".
    pub takes_surname: bool,
    /// Written short with a period ("Capt."): a sentence goes on after it.
    pub abbreviation: bool,
    /// Married ("Mrs."), unmarried ("Miss") or not said ("Lady", "Mr.").
    pub marital: Marital,
}

/// Every title, by its key: lowercase words joined by spaces, no periods.
pub struct Titles {
    by_key: HashMap<String, Title>,
    max_words: usize,
}

/// The table, parsed once.
pub fn titles() -> &'static Titles {
    static TITLES: OnceLock<Titles> = OnceLock::new();
    TITLES.get_or_init(|| Titles::parse(TABLE))
}

/// "Grand Ayatollah", "Mr." -> "grand ayatollah", "mr".
pub fn title_key<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut key = String::new();
    for word in words {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(
            word.trim_end_matches('.')
                .chars()
                .flat_map(char::to_lowercase),
        );
    }
    key
}

/// Longer ASCII keys take the allocating path (no title is that long).
const ASCII_KEY_BYTES: usize = 48;

/// [`title_key`] written into `buffer` when every word is ASCII and the key
/// fits; `None` otherwise.
fn ascii_key<'b>(words: &[&str], buffer: &'b mut [u8; ASCII_KEY_BYTES]) -> Option<&'b str> {
    let mut len = 0;
    for word in words {
        let word = word.trim_end_matches('.');
        if !word.is_ascii() {
            return None;
        }
        let separator = usize::from(len > 0);
        let end = len + separator + word.len();
        if end > buffer.len() {
            return None;
        }
        if separator == 1 {
            buffer[len] = b' ';
        }
        buffer[len + separator..end].copy_from_slice(word.as_bytes());
        buffer[len + separator..end].make_ascii_lowercase();
        len = end;
    }
    std::str::from_utf8(&buffer[..len]).ok()
}

impl Titles {
    fn parse(table: &str) -> Titles {
        let by_key: HashMap<String, Title> = table
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .filter_map(|line| {
                let mut columns = line.split('\t');
                let title = columns.next()?;
                let gender = match columns.next()? {
                    "m" => Gender::Male,
                    "f" => Gender::Female,
                    _ => Gender::Unknown,
                };
                let honorific = columns.next() == Some("y");
                let takes_surname = columns.next() == Some("y");
                let marital = match columns.next() {
                    Some("m") => Marital::Married,
                    Some("u") => Marital::Unmarried,
                    _ => Marital::Unknown,
                };
                let entry = Title {
                    gender,
                    honorific,
                    takes_surname,
                    abbreviation: title.ends_with('.'),
                    marital,
                };
                Some((title_key(title.split_whitespace()), entry))
            })
            .collect();
        let max_words = by_key
            .keys()
            .map(|t| t.split(' ').count())
            .max()
            .unwrap_or(1);
        Titles { by_key, max_words }
    }

    /// The entry for a title written as in the text ("Mr.", "Grand Ayatollah").
    pub fn get(&self, words: &[&str]) -> Option<Title> {
        self.lookup(words).copied()
    }

    /// The entry under the key of `words`. Asked for almost every word of a
    /// book, so ASCII words are keyed in a buffer on the stack.
    fn lookup(&self, words: &[&str]) -> Option<&Title> {
        let mut buffer = [0u8; ASCII_KEY_BYTES];
        match ascii_key(words, &mut buffer) {
            Some(key) => self.by_key.get(key),
            None => self.by_key.get(&title_key(words.iter().copied())),
        }
    }

    /// The longest title at the start of `words`: how many words it takes and its entry.
    pub fn at_start(&self, words: &[&str]) -> Option<(usize, Title)> {
        (1..=self.max_words.min(words.len()))
            .rev()
            .find_map(|n| Some((n, self.get(&words[..n])?)))
    }

    /// True for a one-word title in any case, with or without its period
    /// ("mr.", "Captain"): the tagger's cue that a name follows.
    pub fn is_title_word(&self, word: &str) -> bool {
        self.lookup(&[word]).is_some()
    }

    /// The keys of the one-word titles ("mr", "captain").
    pub fn one_word_keys(&self) -> impl Iterator<Item = &str> {
        self.by_key
            .keys()
            .map(String::as_str)
            .filter(|k| !k.contains(' '))
    }

    /// True for a one-word title written short ("Capt", "Mme"), given
    /// without its period: the sentence goes on after it.
    pub fn is_abbreviated_title(&self, stem: &str) -> bool {
        self.lookup(&[stem]).is_some_and(|t| t.abbreviation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stack_key_is_the_allocated_key() {
        let cases: &[&[&str]] = &[
            &["Mr."],
            &["GRAND", "Ayatollah"],
            &["", "mr"],
            &["a", "", "b"],
            &["Dr..", "No."],
            &["Señor"],
            &["x"; 30],
        ];
        for words in cases {
            let mut buffer = [0u8; ASCII_KEY_BYTES];
            let allocated = title_key(words.iter().copied());
            match ascii_key(words, &mut buffer) {
                Some(key) => assert_eq!(key, allocated, "{words:?}"),
                None => assert!(!words.iter().all(|w| w.is_ascii()) || allocated.len() > 40),
            }
        }
        assert_eq!(titles().get(&["MRS."]), titles().get(&["Mrs"]));
        // Non-ASCII words take the allocating path and still find their entry.
        assert!(titles().get(&["SEÑOR"]).is_some());
    }

    #[test]
    fn the_table_gives_gender_honorific_and_surname_use() {
        let titles = titles();
        let mr = titles.get(&["Mr."]).unwrap_or_default();
        assert_eq!(mr.gender, Gender::Male);
        assert!(mr.honorific && mr.takes_surname);
        let lady = titles.get(&["Lady"]).unwrap_or_default();
        assert_eq!(lady.gender, Gender::Female);
        assert!(lady.honorific && !lady.takes_surname);
        let general = titles.get(&["General"]).unwrap_or_default();
        assert!(!general.honorific && general.takes_surname);
        assert_eq!(
            titles
                .at_start(&["Grand", "Ayatollah", "Ali"])
                .map(|(n, _)| n),
            Some(2)
        );
        assert!(titles.is_title_word("capt."));
        let marital = |t: &str| titles.get(&[t]).unwrap_or_default().marital;
        assert_eq!(marital("Mrs."), Marital::Married);
        assert_eq!(marital("Miss"), Marital::Unmarried);
        assert_eq!(marital("Lady"), Marital::Unknown);
        assert!(!Marital::Married.compatible(Marital::Unmarried));
        assert!(Marital::Married.compatible(Marital::Unknown));
        assert!(titles.is_abbreviated_title("Capt") && !titles.is_abbreviated_title("Lord"));
        assert!(!titles.is_title_word("Paris"));
    }
}
