//! Timeline entries: temporal expressions with the event they date.

use std::ops::Range;

use super::timex::TimeExpression;
use super::{DateInterval, Entity, TimelineEntry};
use crate::corpus::Corpus;

/// A temporal expression placed in its document, paragraph and sentence.
pub struct Located {
    pub document: usize,
    pub paragraph: usize,
    pub expression: TimeExpression,
    /// Byte range of the sentence that holds the expression.
    pub sentence: Range<usize>,
}

/// Builds the timeline in date order; expressions without a calendar
/// interval come last in text order.
pub fn build(corpus: &Corpus, located: Vec<Located>, entities: &[Entity]) -> Vec<TimelineEntry> {
    let mut entries: Vec<TimelineEntry> = located
        .into_iter()
        .map(|l| {
            let text = &corpus.documents[l.document].text;
            let expr = l.expression;
            let event = text[l.sentence.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let entity_ids = entities
                .iter()
                .filter(|e| {
                    e.mentions.iter().any(|m| {
                        m.document == l.document
                            && l.sentence.start <= m.start
                            && m.end <= l.sentence.end
                    })
                })
                .map(|e| e.id)
                .collect();
            TimelineEntry {
                id: 0,
                document: l.document,
                paragraph: l.paragraph,
                start: expr.start,
                end: expr.end,
                text: text[expr.start..expr.end].to_string(),
                timex_type: expr.timex_type,
                interval: year_interval(&expr.value),
                value: expr.value,
                event,
                entities: entity_ids,
            }
        })
        .collect();
    entries.sort_by_key(|e| (e.interval.is_none(), e.interval, e.document, e.start));
    for (id, entry) in entries.iter_mut().enumerate() {
        entry.id = id;
    }
    entries
}

fn year_interval(value: &str) -> Option<DateInterval> {
    let year: i16 = value.parse().ok()?;
    Some(DateInterval {
        first: jiff::civil::Date::new(year, 1, 1).ok()?,
        last: jiff::civil::Date::new(year, 12, 31).ok()?,
    })
}

/// A short label for a TIMEX3 value at its own granularity ("2003",
/// "May 2018", "Fri 24 Jan 2020"). (Placeholder: the raw value.)
pub fn display_label(value: &str) -> String {
    value.to_string()
}
