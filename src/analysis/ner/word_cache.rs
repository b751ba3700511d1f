//! Precomputed weight sums of a model's frequent words. Frequent words make
//! up most of any text, and one look-up here replaces a dozen in the weight
//! table. The sums are computed in integer units of the model's weight scale,
//! so a cache read from a file equals the one computed at training time.

use super::features::{for_each_neighbour_feature, for_each_word_feature, Atoms, NEIGHBOURS};
use super::labels::N_LABELS;
use super::model::{Model, ModelError, Units};
use super::table::{write_u32, write_varint, HashTable, Reader};

/// The weights one word contributes: as the token itself, then from each
/// neighbour slot (see [`NEIGHBOURS`]).
pub type WordRows = [Units; 1 + NEIGHBOURS.len()];

#[derive(Debug, Clone, PartialEq)]
pub struct WordCache {
    /// Row index of each cached word, by word hash.
    index: HashTable<u32>,
    rows: Vec<WordRows>,
    /// What the sentence edge contributes from each neighbour slot.
    pub edges: [Units; NEIGHBOURS.len()],
}

impl Default for WordCache {
    fn default() -> WordCache {
        WordCache {
            index: HashTable::default(),
            rows: Vec::new(),
            edges: [[0; N_LABELS]; NEIGHBOURS.len()],
        }
    }
}

impl WordCache {
    /// The sums for `words` (one a line) and for the sentence edges.
    pub fn build(model: &Model, words: &str) -> WordCache {
        let sum = |units: &mut Units, key: u64| model.add_feature(key, units);
        let mut cache = WordCache::default();
        for (slot, edge) in cache.edges.iter_mut().enumerate() {
            for_each_neighbour_feature(None, slot, &mut |key| sum(edge, key));
        }
        for word in words.lines() {
            let mut atoms = Atoms::of(word);
            atoms.frequency = model.frequencies.zipf(atoms.lower);
            if cache.index.get(atoms.word).is_some() {
                continue;
            }
            let mut units = [[0; N_LABELS]; 1 + NEIGHBOURS.len()];
            for_each_word_feature(&atoms, &mut |key| sum(&mut units[0], key));
            for (slot, row) in units[1..].iter_mut().enumerate() {
                for_each_neighbour_feature(Some(&atoms), slot, &mut |key| sum(row, key));
            }
            *cache.index.entry(atoms.word) = cache.rows.len() as u32;
            cache.rows.push(units);
        }
        cache
    }

    /// The sums of the word with this hash, if it is cached.
    #[inline]
    pub fn get(&self, word_hash: u64) -> Option<u32> {
        self.index.get(word_hash)
    }

    #[inline]
    pub fn rows(&self, index: u32) -> &WordRows {
        &self.rows[index as usize]
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        self.index.write(out);
        write_u32(out, self.rows.len() as u32);
        let rows = self.edges.iter().chain(self.rows.iter().flatten());
        for &units in rows.flatten() {
            let units = i64::from(units);
            write_varint(out, ((units << 1) ^ (units >> 63)) as u64);
        }
    }

    pub fn read(reader: &mut Reader) -> Result<WordCache, ModelError> {
        let index = HashTable::read(reader)?;
        let count = reader.u32()? as usize;
        let read_row = |reader: &mut Reader| -> Result<Units, ModelError> {
            let mut row = [0; N_LABELS];
            for unit in &mut row {
                let zigzag = reader.varint()?;
                *unit = ((zigzag >> 1) as i64 ^ -((zigzag & 1) as i64)) as i32;
            }
            Ok(row)
        };
        let mut cache = WordCache {
            index,
            ..WordCache::default()
        };
        for edge in &mut cache.edges {
            *edge = read_row(reader)?;
        }
        cache.rows.reserve(count.min(reader.bytes.len()));
        for _ in 0..count {
            let mut rows = [[0; N_LABELS]; 1 + NEIGHBOURS.len()];
            for row in &mut rows {
                *row = read_row(reader)?;
            }
            cache.rows.push(rows);
        }
        Ok(cache)
    }
}
