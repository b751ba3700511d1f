//! Word lists the tagger consults: gazetteers of multi-word names and word frequencies.

use super::hashing::{extend_phrase, lower_hash, SEED};
use super::model::ModelError;
use super::table::{HashTable, Reader};

/// The gazetteer lists. Each list is a bit in a phrase's membership mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// Places from geographic databases.
    Place = 0,
    /// Census first names.
    FirstName = 1,
    /// Census surnames.
    Surname = 2,
    /// Entity strings of the training data, one list per type.
    TrainPer = 3,
    TrainOrg = 4,
    TrainLoc = 5,
    TrainMisc = 6,
}

pub const N_LISTS: usize = 7;

impl List {
    pub fn from_tag(tag: &str) -> Option<List> {
        Some(match tag {
            "loc" => List::Place,
            "first" => List::FirstName,
            "last" => List::Surname,
            "PER" => List::TrainPer,
            "ORG" => List::TrainOrg,
            "LOC" => List::TrainLoc,
            "MISC" => List::TrainMisc,
            _ => return None,
        })
    }
}

/// Set on phrases that begin a longer entry, so matching knows to go on.
const PREFIX_BIT: u32 = 1 << 31;
/// The longest entry, in words, that can be matched.
pub const MAX_PHRASE: usize = 6;

/// Case-insensitive phrase lists keyed by phrase hash.
#[derive(Debug, Clone, PartialEq)]
pub struct Gazetteer {
    phrases: HashTable<u32>,
    /// A bit per phrase-hash bucket, set when some phrase (an entry or the
    /// start of one) falls in it. Most word sequences are in no list; this
    /// small table rules them out without touching the large one.
    filter: Vec<u64>,
}

/// log2 of the number of filter buckets.
const FILTER_BITS: u32 = 21;

fn filter_bucket(phrase: u64) -> (usize, u64) {
    let bucket = ((phrase >> 20) & ((1 << FILTER_BITS) - 1)) as usize;
    (bucket / 64, 1 << (bucket % 64))
}

impl Default for Gazetteer {
    fn default() -> Gazetteer {
        Gazetteer {
            phrases: HashTable::default(),
            filter: vec![0; (1 << FILTER_BITS) / 64],
        }
    }
}

impl Gazetteer {
    /// Adds the entries of `text`, lines of the form `TAG<TAB>word word ...`;
    /// unknown tags and malformed lines are skipped.
    pub fn add_lines(&mut self, text: &str) {
        for line in text.lines() {
            let Some((tag, phrase)) = line.split_once('\t') else {
                continue;
            };
            if let Some(list) = List::from_tag(tag) {
                self.add(list, phrase.split(' ').filter(|w| !w.is_empty()));
            }
        }
    }

    pub fn with_lines(mut self, text: &str) -> Gazetteer {
        self.add_lines(text);
        self
    }

    pub fn add<'a>(&mut self, list: List, words: impl Iterator<Item = &'a str>) {
        let hashes: Vec<u64> = words.map(lower_hash).take(MAX_PHRASE + 1).collect();
        if hashes.is_empty() || hashes.len() > MAX_PHRASE {
            return;
        }
        let mut phrase = SEED;
        for (i, &word) in hashes.iter().enumerate() {
            phrase = extend_phrase(phrase, word);
            let bits = if i + 1 == hashes.len() {
                1 << list as u32
            } else {
                PREFIX_BIT
            };
            *self.phrases.entry(phrase) |= bits;
            self.set_filter(phrase);
        }
    }

    fn set_filter(&mut self, phrase: u64) {
        let (block, bit) = filter_bucket(phrase);
        self.filter[block] |= bit;
    }

    #[inline]
    fn get(&self, phrase: u64) -> Option<u32> {
        let (block, bit) = filter_bucket(phrase);
        if self.filter[block] & bit == 0 {
            return None;
        }
        self.phrases.get(phrase)
    }

    /// For each word (given by its lower hash), a mask with bit `list * 4 + part`
    /// set when the word is part `part` (0 begin, 1 inside, 2 last, 3 unit) of
    /// the longest entry of `list` starting at its position.
    pub fn mark(&self, words: &[u64], marks: &mut [u32]) {
        for start in 0..words.len() {
            let mut longest = [0usize; N_LISTS];
            let mut phrase = SEED;
            for (len, &word) in (1..=MAX_PHRASE).zip(&words[start..]) {
                phrase = extend_phrase(phrase, word);
                let Some(bits) = self.get(phrase) else {
                    break;
                };
                for (list, end) in longest.iter_mut().enumerate() {
                    if bits & (1 << list) != 0 {
                        *end = len;
                    }
                }
                if bits & PREFIX_BIT == 0 {
                    break;
                }
            }
            for (list, &len) in longest.iter().enumerate() {
                mark_span(marks, start, len, list);
            }
        }
    }
}

impl Gazetteer {
    pub fn write(&self, out: &mut Vec<u8>) {
        self.phrases.write(out);
    }

    pub fn read(reader: &mut Reader) -> Result<Gazetteer, ModelError> {
        let mut gazetteer = Gazetteer {
            phrases: HashTable::read(reader)?,
            ..Gazetteer::default()
        };
        for phrase in gazetteer.phrases.keys() {
            let (block, bit) = filter_bucket(phrase);
            gazetteer.filter[block] |= bit;
        }
        Ok(gazetteer)
    }
}

fn mark_span(marks: &mut [u32], start: usize, len: usize, list: usize) {
    let base = list * 4;
    match len {
        0 => {}
        1 => marks[start] |= 1 << (base + 3),
        _ => {
            marks[start] |= 1 << base;
            for mark in &mut marks[start + 1..start + len - 1] {
                *mark |= 1 << (base + 1);
            }
            marks[start + len - 1] |= 1 << (base + 2);
        }
    }
}

/// How common each word is in general English (Zipf frequency x 10).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordFrequencies {
    zipf: HashTable<u8>,
}

impl WordFrequencies {
    /// Reads lines of the form `ZIPF10<TAB>word`; malformed lines are skipped.
    pub fn from_lines(text: &str) -> WordFrequencies {
        let mut zipf = HashTable::default();
        for line in text.lines() {
            let Some((value, word)) = line.split_once('\t') else {
                continue;
            };
            if let Ok(value) = value.parse::<u8>() {
                let entry = zipf.entry(lower_hash(word));
                if *entry == 0 {
                    *entry = value;
                }
            }
        }
        WordFrequencies { zipf }
    }

    /// Zipf frequency x 10 of the word with this lower hash; 0 when unknown.
    #[inline]
    pub fn zipf(&self, word_lower_hash: u64) -> u8 {
        self.zipf.get(word_lower_hash).unwrap_or(0)
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        self.zipf.write(out);
    }

    pub fn read(reader: &mut Reader) -> Result<WordFrequencies, ModelError> {
        Ok(WordFrequencies {
            zipf: HashTable::read(reader)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(words: &str) -> Vec<u64> {
        words.split(' ').map(lower_hash).collect()
    }

    #[test]
    fn marks_longest_match_per_list() {
        let mut gazetteer = Gazetteer::default();
        gazetteer.add_lines("loc\tNew York\nloc\tYork\nloc\tNew York City\nfirst\tJohn\n");
        let words = hashes("john flew to NEW YORK today");
        let mut marks = vec![0; words.len()];
        gazetteer.mark(&words, &mut marks);
        let place = List::Place as usize * 4;
        assert_eq!(marks[0], 1 << (List::FirstName as usize * 4 + 3));
        assert_eq!(marks[3], 1 << place);
        // "York" is both the last word of "New York" and a place by itself.
        assert_eq!(marks[4], (1 << (place + 2)) | (1 << (place + 3)));
        assert_eq!(marks[5], 0);
    }

    #[test]
    fn frequencies_are_case_insensitive() {
        let frequencies = WordFrequencies::from_lines("78\tthe\n51\tallow\nbad line\n");
        assert_eq!(frequencies.zipf(lower_hash("The")), 78);
        assert_eq!(frequencies.zipf(lower_hash("zebra")), 0);
    }
}
