//! Named-entity mentions and their grouping into entities.
//!
//! `find_mentions` runs the tagger over one document's sentences and cleans
//! its spans (titles, possessives, junk); `cluster` groups the mentions of
//! the whole story into entities ("al-Sadr", "Sadr" and "Muqtada al-Sadr";
//! "US", "U.S." and "America"; "Iraqi" and "Iraq").
//!
//! Cleaning (`mentions`): spans are split at separators, at "and" between
//! people and at inner possessives; punctuation, "'s", lowercase leads and
//! sentence openers are trimmed; titles are stripped and remembered ("Grand
//! Ayatollah", "Mr."); weekdays, months, function words, chapter numerals
//! and common words capitalised only because they open a sentence are
//! dropped; kinds follow the tagger label, corrected by demonym and group
//! word lists, honorifics (a person) and head words ("Square", "Council").
//! Names the tagger found once are then found wherever else the document
//! repeats them untagged.
//!
//! Clustering (`cluster`): one name per key (case, periods, "al-" and
//! possessives ignored; standard short forms and demonyms mapped to their
//! place), then unions for acronym definitions, unambiguous initials, and a
//! person's partial names that fit exactly one full name of compatible
//! title gender. Word lists live in `assets/entities/` (see `lexicon`).

mod acronyms;
mod cluster;
pub(crate) mod lexicon;
mod mentions;
mod names;

pub use cluster::{cluster, cluster_annotated};
pub use lexicon::Gender;
pub use mentions::find_mentions;

/// The gender a title implies, from `assets/entities/titles.tsv` ("Mrs." female).
pub fn title_gender(title: &str) -> Gender {
    lexicon::lexicon().title_gender(title)
}

/// True when `word` is a title or honorific of `assets/entities/titles.tsv` ("Parson", "Dr.").
pub fn is_title(word: &str) -> bool {
    lexicon::lexicon().title_at_start(&[word]).is_some()
}

use super::EntityKind;

/// A mention found in one document, before clustering.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RawMention {
    /// Byte range of the name, without title or possessive.
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub hints: MentionHints,
}

/// What the text around a mention tells the clustering.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MentionHints {
    /// The title stripped from the front of the name ("Mr.", "Grand
    /// Ayatollah"): it tells "Mr. Bennet" from "Mrs. Bennet".
    pub title: Option<String>,
    /// The other half of an acronym definition: "Islamic State Group" for
    /// "ISIS" in "Islamic State Group (ISIS)", and the reverse.
    pub defines: Option<String>,
    /// How strongly this mention says the entity is of each kind
    /// (`EntityKind as usize`): the tagger's type probabilities, or a strong
    /// cue of the text (an honorific, a head word such as "Street").
    pub kind_votes: KindVotes,
}

/// Votes per kind, indexed by `EntityKind as usize`.
pub type KindVotes = [f32; EntityKind::ALL.len()];

/// What one strong cue (an honorific, a head word) weighs against the
/// tagger's probabilities, which add up to one per mention.
pub const CUE_WEIGHT: f32 = 3.0;

/// The kind with the most votes, if any has some (ties go to the first kind).
pub fn winning_kind(votes: &KindVotes) -> Option<EntityKind> {
    EntityKind::ALL
        .into_iter()
        .zip(votes)
        .filter(|(_, &v)| v > 0.0)
        .fold(
            None,
            |best: Option<(EntityKind, f32)>, (kind, &v)| match best {
                Some((_, top)) if top >= v => best,
                _ => Some((kind, v)),
            },
        )
        .map(|(kind, _)| kind)
}
