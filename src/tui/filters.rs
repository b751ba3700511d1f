//! The paragraph filters as a stack the reader builds up (Esc drops the
//! last one), turned into one [`search::Filter`] whose parts all have to
//! hold: several entities, an entity kind, a text query and a date range.

use crate::analysis::search::{self, Query};
use crate::analysis::{DateInterval, EntityKind};

use super::app::App;
use super::text;
use super::theme::kind_letter;

/// One condition a paragraph must meet to be shown; all must hold.
#[derive(Debug, Clone)]
pub enum Filter {
    /// Mentions this entity (index into `Analysis::entities`).
    Entity(usize),
    /// Mentions some entity of this kind.
    Kind(EntityKind),
    /// Matches this query (plain, or `re:` regex). `query` is `None` while
    /// the typed text is empty or does not compile.
    Text { typed: String, query: Option<Query> },
    /// Holds a dated timeline entry overlapping this range, or is in a
    /// document published in it.
    Dates(DateInterval),
    /// Holds a quote this entity says (index into `Analysis::entities`).
    Speaks(usize),
    /// In one of these documents (sorted ids).
    Documents(Vec<usize>),
}

impl PartialEq for Filter {
    fn eq(&self, other: &Filter) -> bool {
        match (self, other) {
            (Filter::Entity(a), Filter::Entity(b)) => a == b,
            (Filter::Kind(a), Filter::Kind(b)) => a == b,
            (Filter::Text { typed: a, .. }, Filter::Text { typed: b, .. }) => a == b,
            (Filter::Dates(a), Filter::Dates(b)) => a == b,
            (Filter::Speaks(a), Filter::Speaks(b)) => a == b,
            (Filter::Documents(a), Filter::Documents(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Filter {}

impl Filter {
    /// A text filter for what was typed, or why it does not compile.
    pub fn text(typed: &str) -> (Filter, Option<String>) {
        let (query, error) = match Query::parse(typed) {
            Ok(query) => (query, None),
            Err(error) => (None, Some(error.to_string())),
        };
        let filter = Filter::Text {
            typed: typed.to_string(),
            query,
        };
        (filter, error)
    }

    /// How the status bar shows it.
    pub fn label(&self, app: &App) -> Option<String> {
        match self {
            Filter::Entity(e) => app.analysis.entities.get(*e).map(|entity| {
                let name = text::truncate(&text::one_line(&entity.name), 30);
                format!("{} {name}", kind_letter(entity.kind))
            }),
            Filter::Kind(kind) => Some(format!("any {}", kind.as_str())),
            Filter::Text { typed, .. } if typed.is_empty() => None,
            Filter::Text { typed, .. } => {
                Some(format!("“{}”", text::truncate(&text::one_line(typed), 30)))
            }
            Filter::Dates(range) => Some(date_range_label(range)),
            Filter::Speaks(e) => app.analysis.entities.get(*e).map(|entity| {
                let name = text::truncate(&text::one_line(&entity.name), 30);
                format!("{name} speaks")
            }),
            Filter::Documents(documents) => Some(super::documents::filter_label(app, documents)),
        }
    }

    /// What Esc says when it drops this filter.
    pub fn cleared_message(&self) -> &'static str {
        match self {
            Filter::Entity(_) => "entity filter cleared",
            Filter::Kind(_) => "kind filter cleared",
            Filter::Text { .. } => "text filter cleared",
            Filter::Dates(_) => "date filter cleared",
            Filter::Speaks(_) => "speaker filter cleared",
            Filter::Documents(_) => "document filter cleared",
        }
    }

    fn same_slot(&self, other: &Filter) -> bool {
        matches!(
            (self, other),
            (Filter::Kind(_), Filter::Kind(_))
                | (Filter::Text { .. }, Filter::Text { .. })
                | (Filter::Dates(_), Filter::Dates(_))
                | (Filter::Speaks(_), Filter::Speaks(_))
                | (Filter::Documents(_), Filter::Documents(_))
        )
    }
}

/// "2024-03-03" or "2024-03-03 – 2024-03-05".
pub fn date_range_label(range: &DateInterval) -> String {
    if range.first == range.last {
        range.first.to_string()
    } else {
        format!("{} – {}", range.first, range.last)
    }
}

/// The smallest range holding both.
pub fn span(a: DateInterval, b: DateInterval) -> DateInterval {
    DateInterval {
        first: a.first.min(b.first),
        last: a.last.max(b.last),
    }
}

impl App<'_> {
    /// The filter stack as one combined filter.
    pub fn search_filter(&self) -> search::Filter {
        let mut combined = search::Filter::default();
        for filter in &self.filters {
            match filter {
                Filter::Entity(e) if !combined.entities.contains(e) => combined.entities.push(*e),
                Filter::Entity(_) => {}
                Filter::Kind(kind) => combined.kind = Some(*kind),
                Filter::Text { query, .. } => combined.query = query.clone(),
                Filter::Dates(range) => combined.dates = Some(*range),
                Filter::Speaks(_) => {} // applied by `App::retain_speakers`
                Filter::Documents(documents) => combined.documents = Some(documents.clone()),
            }
        }
        combined
    }

    /// Adds a filter on top. A kind, text or date filter replaces the one of
    /// its sort; an entity already filtered on is not added twice.
    pub fn push_filter(&mut self, filter: Filter) {
        if self.filters.contains(&filter) && matches!(filter, Filter::Entity(_)) {
            return;
        }
        self.filters.retain(|f| !f.same_slot(&filter));
        self.filters.push(filter);
        self.apply_filters();
    }

    /// The active filters for the status bar, joined with `+`.
    pub fn filters_label(&self) -> Option<String> {
        let parts: Vec<String> = self.filters.iter().filter_map(|f| f.label(self)).collect();
        (!parts.is_empty()).then(|| format!("filter: {}", parts.join(" + ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(typed: &str) -> Query {
        match Filter::text(typed) {
            (
                Filter::Text {
                    query: Some(query), ..
                },
                None,
            ) => query,
            other => panic!("no query for {typed:?}: {other:?}"),
        }
    }

    #[test]
    fn plain_words_match_across_line_breaks_and_regex_stays_as_typed() {
        let text = "Al-Sadr met\n  AL-SADR (twice)";
        let found: Vec<&str> = query("met al-sadr")
            .matches(text)
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, vec!["met\n  AL-SADR"]);
        assert!(query("(twice)").is_match(text), "plain text is literal");
        assert!(query("re:al-s.dr").is_match(text));
        let (_, error) = Filter::text("re:(");
        assert!(error.is_some_and(|e| e.starts_with("bad regular expression")));
    }

    #[test]
    fn kind_text_and_dates_replace_their_own_sort_only() {
        let dates = |day: i8| {
            let date = jiff::civil::date(2024, 3, day);
            DateInterval {
                first: date,
                last: date,
            }
        };
        let mut filters = vec![
            Filter::Entity(1),
            Filter::Kind(EntityKind::Place),
            Filter::Dates(dates(3)),
        ];
        let replacement = Filter::Dates(dates(5));
        filters.retain(|f| !f.same_slot(&replacement));
        assert_eq!(filters.len(), 2);
        assert!(
            !Filter::Entity(1).same_slot(&Filter::Entity(2)),
            "entities add up"
        );
        assert_eq!(
            span(dates(5), dates(3)),
            DateInterval {
                first: dates(3).first,
                last: dates(5).last
            }
        );
        assert_eq!(date_range_label(&dates(3)), "2024-03-03");
    }
}
