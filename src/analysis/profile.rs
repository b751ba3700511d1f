//! The data behind an entity card: where an entity is mentioned across the
//! story (a dispersion strip, like AntConc's Plot) and who it shares
//! paragraphs with.
//!
//! Entity ids are indices into [`Analysis::entities`], as in
//! [`super::search::SearchIndex`].

use super::{Analysis, Entity, EntityKind, Mention};
use crate::corpus::Corpus;

/// Where one mention sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionPosition {
    pub document: usize,
    pub paragraph: usize,
    /// Byte offset into the document's file.
    pub start: usize,
}

impl From<&Mention> for MentionPosition {
    fn from(mention: &Mention) -> Self {
        MentionPosition {
            document: mention.document,
            paragraph: mention.paragraph,
            start: mention.start,
        }
    }
}

/// An entity sharing paragraphs with the profiled one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cooccurrence {
    pub entity: usize,
    /// Paragraphs that mention both.
    pub paragraphs: usize,
}

/// Everything an entity card shows, except the descriptions (see
/// [`super::descriptions`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityProfile {
    pub entity: usize,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub mention_count: usize,
    /// Pronouns linked to it ("she"), besides its names.
    pub pronoun_count: usize,
    pub first: Option<MentionPosition>,
    pub last: Option<MentionPosition>,
    /// Mention counts in equal bins over the whole story.
    pub dispersion: Vec<usize>,
    /// Most shared paragraphs first, ties by name.
    pub cooccurring: Vec<Cooccurrence>,
}

/// Per-paragraph entity lists and global text positions, built once per
/// analysis so that a profile costs only the entity's own paragraphs.
#[derive(Debug, Clone, Default)]
pub struct Profiles {
    /// Distinct entity ids per paragraph, flattened: paragraph `p` owns
    /// `paragraph_entities[paragraph_starts[p]..paragraph_starts[p + 1]]`.
    paragraph_starts: Vec<usize>,
    paragraph_entities: Vec<u32>,
    /// Sorted distinct paragraphs per entity.
    entity_paragraphs: Vec<Vec<usize>>,
    /// Where each document's body begins in the concatenated story.
    document_offsets: Vec<usize>,
    /// Body range per document.
    bodies: Vec<std::ops::Range<usize>>,
    story_len: usize,
}

impl Profiles {
    pub fn build(corpus: &Corpus, analysis: &Analysis) -> Profiles {
        let entity_paragraphs: Vec<Vec<usize>> = analysis
            .entities
            .iter()
            .map(Entity::paragraph_ids)
            .collect();

        // Counting sort of (paragraph, entity) pairs into a flat table.
        let paragraph_count = corpus.paragraphs.len();
        let mut counts = vec![0usize; paragraph_count + 1];
        for paragraphs in &entity_paragraphs {
            for &p in paragraphs.iter().filter(|&&p| p < paragraph_count) {
                counts[p + 1] += 1;
            }
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let paragraph_starts = counts.clone();
        let mut next = counts;
        let mut paragraph_entities = vec![0u32; paragraph_starts[paragraph_count]];
        for (entity, paragraphs) in entity_paragraphs.iter().enumerate() {
            for &p in paragraphs.iter().filter(|&&p| p < paragraph_count) {
                paragraph_entities[next[p]] = entity as u32;
                next[p] += 1;
            }
        }

        let mut document_offsets = Vec::with_capacity(corpus.documents.len());
        let mut story_len = 0;
        for document in &corpus.documents {
            document_offsets.push(story_len);
            story_len += document.body.len();
        }
        Profiles {
            paragraph_starts,
            paragraph_entities,
            entity_paragraphs,
            document_offsets,
            bodies: corpus.documents.iter().map(|d| d.body.clone()).collect(),
            story_len,
        }
    }

    /// Ids of the entities mentioned in a paragraph, ascending.
    pub fn entities_in_paragraph(&self, paragraph: usize) -> impl Iterator<Item = usize> + '_ {
        let range = match (
            self.paragraph_starts.get(paragraph),
            self.paragraph_starts.get(paragraph + 1),
        ) {
            (Some(&start), Some(&end)) => start..end,
            _ => 0..0,
        };
        self.paragraph_entities[range].iter().map(|&e| e as usize)
    }

    /// Paragraphs that mention the entity, in order.
    pub fn paragraphs_of_entity(&self, entity: usize) -> &[usize] {
        self.entity_paragraphs
            .get(entity)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The card for entity `entity`: `bins` dispersion bins (the strip width)
    /// and the `top` most co-occurring entities. `None` for an unknown id.
    pub fn profile(
        &self,
        analysis: &Analysis,
        entity: usize,
        bins: usize,
        top: usize,
    ) -> Option<EntityProfile> {
        let subject = analysis.entities.get(entity)?;
        Some(EntityProfile {
            entity,
            kind: subject.kind,
            name: subject.name.clone(),
            aliases: subject.aliases.clone(),
            mention_count: subject.name_count(),
            pronoun_count: subject.mentions.len() - subject.name_count(),
            first: subject.names().min_by_key(text_order).map(Into::into),
            last: subject.names().max_by_key(text_order).map(Into::into),
            dispersion: self.dispersion(subject, bins),
            cooccurring: self.cooccurring(analysis, entity, top),
        })
    }

    /// Where a mention sits in the concatenated story bodies.
    pub fn story_position(&self, document: usize, offset: usize) -> usize {
        let (Some(&base), Some(body)) = (
            self.document_offsets.get(document),
            self.bodies.get(document),
        ) else {
            return self.story_len;
        };
        base + offset.clamp(body.start, body.end) - body.start
    }

    /// Mention counts of `entity` in `bins` equal slices of the story.
    pub fn dispersion(&self, entity: &Entity, bins: usize) -> Vec<usize> {
        self.dispersion_of(entity.mentions.iter().map(|m| (m.document, m.start)), bins)
    }

    /// Counts of any (document, byte offset) positions in `bins` equal
    /// slices of the story: a strip for search hits too.
    pub fn dispersion_of(
        &self,
        positions: impl IntoIterator<Item = (usize, usize)>,
        bins: usize,
    ) -> Vec<usize> {
        let mut counts = vec![0; bins];
        for (document, offset) in positions {
            if let Some(bin) = self.bin_of(document, offset, bins) {
                counts[bin] += 1;
            }
        }
        counts
    }

    /// Which of `bins` equal slices of the story holds a position; `None`
    /// when there are no bins or no story. Lets a click on a strip column
    /// find the mentions under it.
    pub fn bin_of(&self, document: usize, offset: usize, bins: usize) -> Option<usize> {
        if bins == 0 || self.story_len == 0 {
            return None;
        }
        let position = self.story_position(document, offset);
        // u128 keeps `position * bins` exact on any input size.
        let bin = (position as u128 * bins as u128 / self.story_len as u128) as usize;
        Some(bin.min(bins - 1))
    }

    /// The `top` entities sharing the most paragraphs with `entity`.
    pub fn cooccurring(&self, analysis: &Analysis, entity: usize, top: usize) -> Vec<Cooccurrence> {
        let mut shared = vec![0u32; analysis.entities.len()];
        let mut seen = Vec::new();
        for &paragraph in self.paragraphs_of_entity(entity) {
            for other in self.entities_in_paragraph(paragraph) {
                if other == entity || other >= shared.len() {
                    continue;
                }
                if shared[other] == 0 {
                    seen.push(other);
                }
                shared[other] += 1;
            }
        }
        let name = |id: usize| analysis.entities[id].name.as_str();
        let mut found: Vec<Cooccurrence> = seen
            .into_iter()
            .map(|id| Cooccurrence {
                entity: id,
                paragraphs: shared[id] as usize,
            })
            .collect();
        let by_rank = |a: &Cooccurrence, b: &Cooccurrence| {
            b.paragraphs
                .cmp(&a.paragraphs)
                .then_with(|| name(a.entity).cmp(name(b.entity)))
                .then_with(|| a.entity.cmp(&b.entity))
        };
        if top < found.len() {
            found.select_nth_unstable_by(top, by_rank);
            found.truncate(top);
        }
        found.sort_unstable_by(by_rank);
        found
    }
}

fn text_order(mention: &&Mention) -> (usize, usize) {
    (mention.document, mention.start)
}

/// Block characters from empty to full.
const LEVELS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The bins as a strip of exactly `width` block characters scaled to the
/// largest bin. Bins are merged or stretched when their number differs from
/// `width`; any non-empty column shows at least the lowest block, so a single
/// mention stays visible.
pub fn dispersion_strip(bins: &[usize], width: usize) -> String {
    let columns = resample(bins, width);
    let max = columns.iter().copied().max().unwrap_or(0);
    columns
        .iter()
        .map(|&count| {
            if count == 0 {
                LEVELS[0]
            } else {
                let top = LEVELS.len() - 1;
                LEVELS[(count * top).div_ceil(max).clamp(1, top)]
            }
        })
        .collect()
}

/// `bins` mapped onto `width` columns: summed when shrinking, repeated when
/// stretching.
fn resample(bins: &[usize], width: usize) -> Vec<usize> {
    if bins.len() == width || bins.is_empty() || width == 0 {
        let mut columns = bins.to_vec();
        columns.resize(width, 0);
        return columns;
    }
    let mut columns = vec![0; width];
    if bins.len() > width {
        for (i, &count) in bins.iter().enumerate() {
            columns[i * width / bins.len()] += count;
        }
    } else {
        for (column, slot) in columns.iter_mut().enumerate() {
            *slot = bins[column * bins.len() / width];
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_scales_to_the_largest_bin_and_keeps_single_mentions_visible() {
        assert_eq!(dispersion_strip(&[0, 1, 4, 8], 4), " ▁▄█");
        assert_eq!(dispersion_strip(&[1, 100], 2), "▁█");
        assert_eq!(dispersion_strip(&[0, 0], 2), "  ");
        assert_eq!(dispersion_strip(&[], 3), "   ");
    }

    #[test]
    fn strip_merges_or_stretches_bins_to_the_width() {
        assert_eq!(dispersion_strip(&[1, 1, 0, 0, 0, 2], 3), "█ █");
        assert_eq!(dispersion_strip(&[0, 2], 4), "  ██");
        assert_eq!(dispersion_strip(&[3, 0, 1], 0), "");
    }
}
