//! The entity card: what the story says about one entity (kind, aliases,
//! mentions, where it appears, who it appears with, how the text describes
//! it). Built once when opened, from [`Profiles`] and [`describe`]; the
//! cursor walks the co-occurring entities.
//!
//! [`Profiles`]: crate::analysis::profile::Profiles

use crate::analysis::descriptions::{describe, Description};
use crate::analysis::profile::EntityProfile;

use super::app::App;

/// Bins of the dispersion strip; drawing merges them to the card's width.
pub const DISPERSION_BINS: usize = 400;
/// Co-occurring entities listed at most.
pub const COOCCURRING_LIMIT: usize = 50;
/// Descriptions shown at most.
pub const DESCRIPTION_LIMIT: usize = 5;

#[derive(Debug, Clone)]
pub struct Card {
    pub profile: EntityProfile,
    pub descriptions: Vec<Description>,
    /// Index into `profile.cooccurring`.
    pub cursor: usize,
    /// First co-occurring row shown.
    pub offset: usize,
    /// Its quotes (indices into `Analysis::quotes`), in text order.
    pub quotes: Vec<usize>,
}

impl Card {
    pub fn entity(&self) -> usize {
        self.profile.entity
    }

    /// The co-occurring entity under the cursor.
    pub fn cursor_entity(&self) -> Option<usize> {
        self.profile.cooccurring.get(self.cursor).map(|c| c.entity)
    }
}

impl App<'_> {
    /// The card for `entity`, or `None` for an unknown id.
    pub fn build_card(&self, entity: usize) -> Option<Card> {
        let profile = self.index.profiles.profile(
            &self.analysis,
            entity,
            DISPERSION_BINS,
            COOCCURRING_LIMIT,
        )?;
        let descriptions = describe(
            self.corpus,
            &self.analysis.entities[entity],
            DESCRIPTION_LIMIT,
        );
        Some(Card {
            profile,
            descriptions,
            cursor: 0,
            offset: 0,
            quotes: self
                .index
                .speech
                .of_entity
                .get(entity)
                .cloned()
                .unwrap_or_default(),
        })
    }

    /// The entity a card or concordance is about: the one under the
    /// entity cursor while that list has focus, else the highlighted one.
    pub fn subject_entity(&self) -> Option<usize> {
        if self.focus == super::app::Pane::Entities {
            if let Some(entity) = self.cursor_entity() {
                return Some(entity);
            }
        }
        self.highlighted_entity()
    }
}
