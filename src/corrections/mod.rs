//! The reader's corrections of the cast: merge, split, rename, re-type and
//! hide entities. A correction names entities by their names and aliases,
//! never by ids, so a list written against one analysis still applies to the
//! next (a new model, a new version); [`apply`] is a pure function from an
//! analysis and a list to the corrected analysis, with a report of what
//! matched. Every view, the JSON and the exports read the corrected one.
//! [`store`] keeps the list per story.

mod apply;
pub mod store;

pub use apply::{apply, apply_owned, Corrected};

use serde::{Deserialize, Serialize};

use crate::analysis::EntityKind;

/// One correction, as the reader made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "lowercase", deny_unknown_fields)]
pub enum Correction {
    /// These entities are one; `name` is the display name to keep.
    Merge { entities: Vec<String>, name: String },
    /// The mentions of `alias` are not `entity`: they go to a new entity
    /// named `alias`, or to the entity `into`.
    Split {
        entity: String,
        alias: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        into: Option<String>,
    },
    /// A new display name.
    Rename { entity: String, name: String },
    /// A new kind (person, organization, place, group, other).
    Retype { entity: String, kind: EntityKind },
    /// Not an entity at all ("Heaven"): left out of every view.
    Hide { entity: String },
}

impl Correction {
    /// A short line for the status bar and stderr.
    pub fn describe(&self) -> String {
        match self {
            Correction::Merge { entities, name } => {
                format!("merge {} as \"{name}\"", quoted_list(entities))
            }
            Correction::Split {
                entity,
                alias,
                into: None,
            } => format!("split \"{alias}\" out of \"{entity}\""),
            Correction::Split {
                entity,
                alias,
                into: Some(into),
            } => format!("move \"{alias}\" from \"{entity}\" to \"{into}\""),
            Correction::Rename { entity, name } => format!("rename \"{entity}\" to \"{name}\""),
            Correction::Retype { entity, kind } => {
                format!("make \"{entity}\" a {}", kind.as_str())
            }
            Correction::Hide { entity } => format!("hide \"{entity}\""),
        }
    }
}

fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What became of one correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    #[serde(flatten)]
    pub correction: Correction,
    /// False when it matched nothing in this analysis (it is kept anyway).
    pub applied: bool,
    /// Why it did not apply, or what it changed.
    pub note: String,
}

/// The reader's corrections of one story, in the order made; undo and redo
/// move `applied` back and forth over the list (the undone tail is kept
/// until a new correction replaces it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Journal {
    pub list: Vec<Correction>,
    /// How many of `list` are in force.
    pub applied: usize,
}

impl Journal {
    pub fn new(list: Vec<Correction>) -> Journal {
        let applied = list.len();
        Journal { list, applied }
    }

    /// The corrections in force.
    pub fn in_force(&self) -> &[Correction] {
        &self.list[..self.applied]
    }

    /// Adds a correction, dropping what was undone.
    pub fn push(&mut self, correction: Correction) {
        self.list.truncate(self.applied);
        self.list.push(correction);
        self.applied = self.list.len();
    }

    /// Takes back the last correction; returns it.
    pub fn undo(&mut self) -> Option<&Correction> {
        self.applied = self.applied.checked_sub(1)?;
        self.list.get(self.applied)
    }

    /// Puts back the last undone correction; returns it.
    pub fn redo(&mut self) -> Option<&Correction> {
        let next = self.list.get(self.applied)?;
        self.applied += 1;
        Some(next)
    }
}

/// The story's corrections (`explicit`, else its file in the store)
/// applied to `analysis`, with the lines to tell the reader: a file set
/// aside or made for another story, and each correction that matched nothing.
pub fn open_and_apply(
    corpus: &crate::corpus::Corpus,
    analysis: crate::analysis::Analysis,
    explicit: Option<&std::path::Path>,
) -> Result<(Corrected, Vec<String>), store::LoadError> {
    let opened = store::open(corpus, explicit)?;
    let corrected = apply_owned(analysis, &opened.corrections);
    let mut notes = opened.notes;
    for outcome in corrected.unmatched() {
        notes.push(format!(
            "correction no longer matches (kept): {}: {}",
            outcome.correction.describe(),
            outcome.note
        ));
    }
    Ok((corrected, notes))
}

#[cfg(test)]
mod tests;
