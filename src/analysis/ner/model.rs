//! The linear sequence model: hashed feature weights per label, label
//! transition weights, Viterbi decoding, and the binary model format.

use super::labels::{may_end, may_follow, may_start, N_LABELS};
use super::lexicon::{Gazetteer, WordFrequencies};
use super::table::{write_u32, write_varint, Reader};
use super::word_cache::WordCache;

/// Scores of every label for one token.
pub type Row = [f32; N_LABELS];

/// Scores of every label in integer multiples of the model's scale: sums
/// of these are exact, whatever the order they are added in.
pub type Units = [i32; N_LABELS];

/// Adds `row` to `total`, label by label.
#[inline]
pub fn add_units<T: Copy + Into<i32>>(total: &mut Units, row: &[T; N_LABELS]) {
    for (sum, &unit) in total.iter_mut().zip(row) {
        *sum += unit.into();
    }
}

/// Stands for an impossible transition.
const FORBIDDEN: f32 = -1.0e30;

/// Feature weights for `2^bits` hash slots, stored sparsely: most slots
/// have no weights and share the zero row.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub bits: u32,
    /// The row in `rows` of each slot.
    slots: Vec<u32>,
    /// Distinct weight rows, in units of `scale`; row 0 is all zeros.
    rows: Vec<[i16; N_LABELS]>,
    /// Weights are multiples of this (they are stored as 16-bit integers).
    scale: f32,
    /// `transitions[previous][next]`.
    pub transitions: [Row; N_LABELS],
    pub start: Row,
    pub end: Row,
    /// The gazetteer the features consult: external lists and training-set entities.
    pub gazetteer: Gazetteer,
    /// General-English word frequencies the features consult.
    pub frequencies: WordFrequencies,
    /// Feature sums of frequent words (see [`WordCache::build`]).
    pub words: WordCache,
}

impl Model {
    /// A model with no feature weights.
    pub fn new(bits: u32) -> Model {
        Model {
            bits,
            slots: vec![0; 1 << bits],
            rows: vec![[0; N_LABELS]],
            scale: 1.0,
            transitions: [[0.0; N_LABELS]; N_LABELS],
            start: [0.0; N_LABELS],
            end: [0.0; N_LABELS],
            gazetteer: Gazetteer::default(),
            frequencies: WordFrequencies::default(),
            words: WordCache::default(),
        }
    }

    /// A model with the weights of a dense table (one row per slot),
    /// rounded to the 16-bit precision of the file format.
    pub fn from_dense(bits: u32, dense: &[Row]) -> Model {
        let mut model = Model::new(bits);
        let largest = dense.iter().flatten().fold(0.0f32, |m, w| m.max(w.abs()));
        if largest > 0.0 {
            model.scale = largest / f32::from(i16::MAX);
        }
        for (slot, row) in dense.iter().enumerate().take(model.slots.len()) {
            let quantised = row.map(|w| model.quantise(w));
            if quantised.iter().any(|&q| q != 0) {
                model.push_row(slot, quantised);
            }
        }
        model
    }

    /// Weights are integer multiples of this.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    fn quantise(&self, weight: f32) -> i16 {
        (weight / self.scale).round() as i16
    }

    fn push_row(&mut self, slot: usize, quantised: [i16; N_LABELS]) {
        self.slots[slot] = self.rows.len() as u32;
        self.rows.push(quantised);
    }

    /// The weights of a slot.
    pub fn weights(&self, slot: usize) -> Row {
        self.row_units(slot).map(|q| f32::from(q) * self.scale)
    }

    /// The weights of a slot in units of [`Model::scale`].
    #[inline]
    pub fn row_units(&self, slot: usize) -> &[i16; N_LABELS] {
        &self.rows[self.slots[slot] as usize]
    }

    /// The slot of a feature key.
    #[inline]
    pub fn slot(&self, key: u64) -> usize {
        (key >> (64 - self.bits)) as usize
    }

    /// Adds the weights of the feature with this key to `units`.
    #[inline]
    pub fn add_feature(&self, key: u64, units: &mut Units) {
        add_units(units, self.row_units(self.slot(key)));
    }

    /// Transition, start and end scores with the label constraints applied.
    pub fn constrained(&self) -> Transitions {
        let mut constrained = Transitions {
            between: self.transitions,
            start: self.start,
            end: self.end,
        };
        for (previous, row) in constrained.between.iter_mut().enumerate() {
            for (next, score) in row.iter_mut().enumerate() {
                if !may_follow(previous as u8, next as u8) {
                    *score = FORBIDDEN;
                }
            }
        }
        for label in 0..N_LABELS {
            if !may_start(label as u8) {
                constrained.start[label] = FORBIDDEN;
            }
            if !may_end(label as u8) {
                constrained.end[label] = FORBIDDEN;
            }
        }
        constrained
    }
}

/// Transition scores ready for decoding.
#[derive(Debug, Clone)]
pub struct Transitions {
    pub between: [Row; N_LABELS],
    pub start: Row,
    pub end: Row,
}

/// Reusable buffers for [`viterbi`].
#[derive(Debug, Default)]
pub struct Lattice {
    backpointers: Vec<[u8; N_LABELS]>,
}

/// The best-scoring label sequence for these per-token label scores.
pub fn viterbi(
    emissions: &[Row],
    transitions: &Transitions,
    lattice: &mut Lattice,
    out: &mut Vec<u8>,
) {
    out.clear();
    let Some(first) = emissions.first() else {
        return;
    };
    let mut best: Row = std::array::from_fn(|l| transitions.start[l] + first[l]);
    lattice.backpointers.clear();
    for emission in &emissions[1..] {
        // Row by row over the previous label, so that the inner loop runs
        // over all next labels at once (forbidden moves score too low to win).
        // (Pointers are as wide as scores, which keeps the loop in vector registers.)
        let mut next = [f32::NEG_INFINITY; N_LABELS];
        let mut pointers = [0u32; N_LABELS];
        for (previous, row) in transitions.between.iter().enumerate() {
            let score = best[previous];
            for label in 0..N_LABELS {
                let candidate = score + row[label];
                let better = candidate > next[label];
                next[label] = if better { candidate } else { next[label] };
                pointers[label] = if better {
                    previous as u32
                } else {
                    pointers[label]
                };
            }
        }
        for (score, e) in next.iter_mut().zip(emission) {
            *score += e;
        }
        let pointers = pointers.map(|p| p as u8);
        lattice.backpointers.push(pointers);
        best = next;
    }
    let mut label = (0..N_LABELS)
        .max_by(|&a, &b| {
            (best[a] + transitions.end[a])
                .total_cmp(&(best[b] + transitions.end[b]))
                .then(b.cmp(&a))
        })
        .unwrap_or(0);
    out.resize(emissions.len(), 0);
    for (i, pointers) in lattice.backpointers.iter().enumerate().rev() {
        out[i + 1] = label as u8;
        label = usize::from(pointers[label]);
    }
    out[0] = label as u8;
}

const MAGIC: &[u8; 8] = b"SSNER\0\0\x03";

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a storyscope NER model (bad header)")]
    BadHeader,
    #[error("the model file is truncated or corrupt")]
    Truncated,
    #[error("the model's label count {0} differs from this build's {N_LABELS}")]
    Labels(u32),
}

impl Model {
    /// Encodes the model: weights as 16-bit integers, empty slots left out.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        write_u32(&mut out, self.bits);
        write_u32(&mut out, N_LABELS as u32);
        out.extend_from_slice(&self.scale.to_le_bytes());
        for row in self.transitions.iter().chain([&self.start, &self.end]) {
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        self.gazetteer.write(&mut out);
        self.frequencies.write(&mut out);
        self.words.write(&mut out);
        write_u32(&mut out, self.rows.len() as u32 - 1);
        let mut previous = 0usize;
        for (slot, &row) in self.slots.iter().enumerate() {
            if row == 0 {
                continue;
            }
            write_varint(&mut out, (slot - previous) as u64);
            previous = slot;
            for &q in &self.rows[row as usize] {
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut reader = Reader { bytes };
        if reader.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::BadHeader);
        }
        let bits = reader.u32()?;
        let labels = reader.u32()?;
        if labels as usize != N_LABELS {
            return Err(ModelError::Labels(labels));
        }
        if !(8..=28).contains(&bits) {
            return Err(ModelError::BadHeader);
        }
        let scale = reader.f32()?;
        if !(scale.is_finite() && scale > 0.0) {
            return Err(ModelError::BadHeader);
        }
        let mut model = Model::new(bits);
        model.scale = scale;
        for row in model
            .transitions
            .iter_mut()
            .chain([&mut model.start, &mut model.end])
        {
            for w in row.iter_mut() {
                *w = reader.f32()?;
            }
        }
        model.gazetteer = Gazetteer::read(&mut reader)?;
        model.frequencies = WordFrequencies::read(&mut reader)?;
        model.words = WordCache::read(&mut reader)?;
        let rows = reader.u32()? as usize;
        let mut slot = 0usize;
        model.rows.reserve(rows.min(model.slots.len()));
        for _ in 0..rows {
            slot += usize::try_from(reader.varint()?).map_err(|_| ModelError::Truncated)?;
            if slot >= model.slots.len() {
                return Err(ModelError::Truncated);
            }
            let mut quantised = [0i16; N_LABELS];
            for q in &mut quantised {
                let raw = reader.take(2)?;
                *q = i16::from_le_bytes([raw[0], raw[1]]);
            }
            model.push_row(slot, quantised);
        }
        if !reader.bytes.is_empty() {
            return Err(ModelError::Truncated);
        }
        Ok(model)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ner::labels::{label, Part, OUTSIDE};
    use crate::analysis::ner::NerType;

    fn emission(pairs: &[(u8, f32)]) -> Row {
        let mut row = [0.0; N_LABELS];
        for &(l, score) in pairs {
            row[usize::from(l)] = score;
        }
        row
    }

    #[test]
    fn viterbi_obeys_transitions_over_local_scores() {
        let per_b = label(NerType::Per, Part::Begin);
        let per_i = label(NerType::Per, Part::Inside);
        let org_i = label(NerType::Org, Part::Inside);
        let loc_b = label(NerType::Loc, Part::Begin);
        let loc_i = label(NerType::Loc, Part::Inside);
        // Token 1 prefers ORG-inside locally, but only PER-inside may follow
        // PER-begin; token 3 prefers LOC-inside, which cannot follow O.
        let emissions = [
            emission(&[(per_b, 3.0)]),
            emission(&[(org_i, 2.0), (per_i, 1.5)]),
            emission(&[(OUTSIDE, 1.0)]),
            emission(&[(loc_i, 2.0), (loc_b, 1.0)]),
        ];
        let transitions = Model::new(8).constrained();
        let mut out = Vec::new();
        viterbi(&emissions, &transitions, &mut Lattice::default(), &mut out);
        assert_eq!(out, vec![per_b, per_i, OUTSIDE, loc_b]);
    }

    #[test]
    fn viterbi_uses_learned_transitions() {
        let loc_b = label(NerType::Loc, Part::Begin);
        let org_b = label(NerType::Org, Part::Begin);
        let mut model = Model::new(8);
        model.transitions[usize::from(OUTSIDE)][usize::from(org_b)] = 2.0;
        let emissions = [
            emission(&[(OUTSIDE, 1.0)]),
            emission(&[(loc_b, 1.0), (org_b, 0.5)]),
        ];
        let mut out = Vec::new();
        viterbi(
            &emissions,
            &model.constrained(),
            &mut Lattice::default(),
            &mut out,
        );
        assert_eq!(out, vec![OUTSIDE, org_b]);
    }

    #[test]
    fn model_bytes_round_trip() {
        let mut dense = vec![[0.0; N_LABELS]; 1 << 10];
        dense[3][2] = 1.5;
        dense[700][0] = -0.25;
        let mut model = Model::from_dense(10, &dense);
        model.transitions[1][2] = 0.75;
        model.gazetteer.add_lines("PER\tAngela Merkel\n");
        model.words = WordCache::build(&model, "the\nParis\n");
        let bytes = model.to_bytes();
        let read = Model::from_bytes(&bytes).expect("readable");
        assert_eq!(read, model);
        assert!((read.weights(3)[2] - 1.5).abs() < 1e-3);
        assert!((read.weights(700)[0] + 0.25).abs() < 1e-3);
        assert_eq!(read.weights(4), [0.0; N_LABELS]);
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Model::from_bytes(b"junk").is_err());
    }
}
