//! Which entities the entity pane lists and in what order: narrowed to one
//! kind, sorted by count, name or first appearance, and filtered as you type
//! with fuzzy matching (nucleo-matcher) on names and aliases.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::app::App;
use crate::analysis::EntityKind;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EntitySort {
    #[default]
    Count,
    Name,
    FirstMention,
}

impl EntitySort {
    pub fn next(self) -> EntitySort {
        match self {
            EntitySort::Count => EntitySort::Name,
            EntitySort::Name => EntitySort::FirstMention,
            EntitySort::FirstMention => EntitySort::Count,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EntitySort::Count => "by count",
            EntitySort::Name => "by name",
            EntitySort::FirstMention => "by first mention",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct EntityList {
    /// The fuzzy query typed after `f`.
    pub query: String,
    /// True while the query is being typed.
    pub editing: bool,
    /// Only entities of this kind, when set.
    pub kind: Option<EntityKind>,
    /// Only entities mentioned in this paragraph, when set.
    pub paragraph: Option<usize>,
    pub sort: EntitySort,
    /// Entity indices shown, in order.
    pub shown: Vec<usize>,
}

/// The kind after `kind` in the narrowing cycle (all, person, ..., other).
pub fn next_kind(kind: Option<EntityKind>) -> Option<EntityKind> {
    let all = EntityKind::ALL;
    match kind {
        None => Some(all[0]),
        Some(current) => {
            let position = all.iter().position(|k| *k == current).unwrap_or(0);
            all.get(position + 1).copied()
        }
    }
}

impl EntityList {
    /// True when some entities are left out.
    pub fn is_narrowed(&self) -> bool {
        !self.query.is_empty() || self.kind.is_some() || self.paragraph.is_some()
    }

    /// Lists every entity again (the sort stays).
    pub fn widen(&mut self) {
        self.query.clear();
        self.kind = None;
        self.paragraph = None;
    }
}

impl App<'_> {
    /// Recomputes the listed entities. The cursor stays on the same entity
    /// when `keep_cursor` and it is still listed, else goes to the top (the
    /// best match while typing).
    pub fn refresh_entity_list(&mut self, keep_cursor: bool) {
        let current = self.cursor_entity();
        let entities = &self.analysis.entities;
        let list = &self.entity_list;
        let mut shown: Vec<usize> = self
            .index
            .entity_order
            .iter()
            .copied()
            .filter(|&e| list.kind.is_none_or(|k| entities[e].kind == k))
            .collect();
        if let Some(paragraph) = list.paragraph {
            let named: Vec<usize> = self
                .index
                .profiles
                .entities_in_paragraph(paragraph)
                .collect();
            shown.retain(|e| named.binary_search(e).is_ok());
        }
        match list.sort {
            EntitySort::Count => {}
            EntitySort::Name => shown.sort_by_cached_key(|&e| entities[e].name.to_lowercase()),
            EntitySort::FirstMention => {
                shown.sort_by_key(|&e| entities[e].names().map(|m| (m.document, m.start)).min())
            }
        }
        if !list.query.trim().is_empty() {
            shown = fuzzy_filter(&list.query, shown, |e| {
                std::iter::once(&entities[e].name).chain(&entities[e].aliases)
            });
        }
        self.entity_list.shown = shown;
        self.entities.selected = current
            .filter(|_| keep_cursor)
            .and_then(|e| self.entity_list.shown.iter().position(|&s| s == e))
            .unwrap_or(0);
        self.entities.offset = 0;
    }
}

/// Keeps the items whose best name matches `query`, best match first (ties
/// keep their order).
pub(crate) fn fuzzy_filter<'a, N>(
    query: &str,
    items: Vec<usize>,
    names: impl Fn(usize) -> N,
) -> Vec<usize>
where
    N: Iterator<Item = &'a String>,
{
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buffer = Vec::new();
    let mut scored: Vec<(u32, usize)> = items
        .into_iter()
        .filter_map(|item| {
            names(item)
                .filter_map(|name| pattern.score(Utf32Str::new(name, &mut buffer), &mut matcher))
                .max()
                .map(|score| (score, item))
        })
        .collect();
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    scored.into_iter().map(|(_, item)| item).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_filter_ranks_closer_names_first() {
        let names = ["Pierre Bezúkhov", "Prince Andrew", "Petersburg", "Natásha"].map(String::from);
        let found = fuzzy_filter("pierre", (0..4).collect(), |i| std::iter::once(&names[i]));
        assert_eq!(found, vec![0]);
        let found = fuzzy_filter("pe", (0..4).collect(), |i| std::iter::once(&names[i]));
        assert!(found.contains(&2) && !found.contains(&3), "{found:?}");
        // Accents fold: "natasha" finds "Natásha".
        let found = fuzzy_filter("natasha", (0..4).collect(), |i| std::iter::once(&names[i]));
        assert_eq!(found, vec![3]);
    }

    #[test]
    fn kinds_cycle_through_all_and_back() {
        let mut kind = None;
        let mut seen = Vec::new();
        for _ in 0..6 {
            kind = next_kind(kind);
            seen.push(kind);
        }
        assert_eq!(seen.len(), 6);
        assert_eq!(seen[5], None);
        assert_eq!(seen[0], Some(EntityKind::Person));
    }
}
