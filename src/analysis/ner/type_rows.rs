//! Weight sums of each word type of one document. Most of a token's
//! features depend on its word alone, on a neighbour's word alone, or on the
//! word and its place in the sentence; summed once per type, a token costs
//! the few look-ups of the features that pair it with its neighbours.
//! Everything is added in integer units of the model's scale, so the sums
//! do not depend on the order they are made in.

use rayon::prelude::*;

use super::features::{
    for_each_neighbour_feature, for_each_type_context_feature, for_each_word_feature, Atoms,
    DocumentAtoms, NEIGHBOURS, POSITIONS,
};
use super::labels::N_LABELS;
use super::model::{Model, Units};

/// Types summed by one parallel task.
const TYPES_PER_TASK: usize = 1024;

pub struct TypeRows {
    /// For each word type, as the token itself at each sentence position
    /// (see [`super::features::position_in_sentence`]) in a sentence not
    /// written in capitals: its word features and its word's context features.
    own: Vec<[Units; POSITIONS]>,
    /// For each word type, what it gives the token in each neighbour slot.
    neighbour: Vec<[Units; NEIGHBOURS.len()]>,
}

impl TypeRows {
    pub fn new(model: &Model, document: &DocumentAtoms) -> TypeRows {
        let (own, neighbour) = document
            .types
            .par_iter()
            .with_min_len(TYPES_PER_TASK)
            .map(|atoms| {
                let own = std::array::from_fn(|position| {
                    own_units(model, atoms, position, false, &document.contexts)
                });
                (own, neighbour_units(model, atoms))
            })
            .unzip();
        TypeRows { own, neighbour }
    }

    /// The sums of word type `type_id` as the token itself; `capitals` for a
    /// sentence written in capitals, which is rare enough to be summed anew.
    #[inline]
    pub fn own(
        &self,
        model: &Model,
        document: &DocumentAtoms,
        type_id: usize,
        position: usize,
        capitals: bool,
    ) -> Units {
        if capitals {
            let atoms = &document.types[type_id];
            own_units(model, atoms, position, true, &document.contexts)
        } else {
            self.own[type_id][position]
        }
    }

    /// What word type `type_id` gives the token in neighbour slot `slot`.
    #[inline]
    pub fn neighbour(&self, type_id: usize, slot: usize) -> &Units {
        &self.neighbour[type_id][slot]
    }
}

fn own_units(
    model: &Model,
    atoms: &Atoms,
    position: usize,
    capitals: bool,
    contexts: &[u64],
) -> Units {
    let mut units = match model.words.get(atoms.word) {
        Some(row) => model.words.rows(row)[0],
        None => {
            let mut units = [0; N_LABELS];
            for_each_word_feature(atoms, &mut |key| model.add_feature(key, &mut units));
            units
        }
    };
    let mut add = |key| model.add_feature(key, &mut units);
    for_each_type_context_feature(atoms, position, capitals, contexts, &mut add);
    units
}

fn neighbour_units(model: &Model, atoms: &Atoms) -> [Units; NEIGHBOURS.len()] {
    match model.words.get(atoms.word) {
        Some(row) => std::array::from_fn(|slot| model.words.rows(row)[1 + slot]),
        None => std::array::from_fn(|slot| {
            let mut units = [0; N_LABELS];
            let mut add = |key| model.add_feature(key, &mut units);
            for_each_neighbour_feature(Some(atoms), slot, &mut add);
            units
        }),
    }
}
