//! Named-entity mentions and their grouping into entities.
//!
//! `find_mentions` runs the tagger over one document's sentences and cleans
//! its spans (titles, possessives, junk); `cluster` groups the mentions of
//! the whole story into entities ("al-Sadr", "Sadr" and "Muqtada al-Sadr";
//! "US", "U.S." and "America"; "Iraqi" and "Iraq").

mod acronyms;
mod cluster;
mod lexicon;
mod mentions;
mod names;

pub use cluster::{cluster, cluster_annotated};
pub use mentions::find_mentions;

use super::EntityKind;

/// A mention found in one document, before clustering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMention {
    /// Byte range of the name, without title or possessive.
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub hints: MentionHints,
}

/// What the text around a mention tells the clustering.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MentionHints {
    /// The title stripped from the front of the name ("Mr.", "Grand
    /// Ayatollah"): it tells "Mr. Bennet" from "Mrs. Bennet".
    pub title: Option<String>,
    /// The other half of an acronym definition: "Islamic State Group" for
    /// "ISIS" in "Islamic State Group (ISIS)", and the reverse.
    pub defines: Option<String>,
}
