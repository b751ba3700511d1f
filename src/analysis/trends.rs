//! Where an entity appears by publication date in a story of dated
//! documents (Voyant's Trends): mentions per month from the first
//! publication month to the last.

use jiff::civil::Date;

use super::Entity;
use crate::corpus::Corpus;

/// Mentions per publication month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trend {
    /// First day of the first month and of the last month.
    pub first_month: Date,
    pub last_month: Date,
    /// One count per month, first to last.
    pub counts: Vec<usize>,
}

/// The trend of `entity`, or `None` when fewer than two documents are dated.
pub fn by_month(corpus: &Corpus, entity: &Entity) -> Option<Trend> {
    let dates: Vec<Date> = corpus.documents.iter().filter_map(|d| d.date).collect();
    if dates.len() < 2 {
        return None;
    }
    let month_of = |date: Date| date.first_of_month();
    let first_month = month_of(*dates.iter().min()?);
    let last_month = month_of(*dates.iter().max()?);
    let index = |date: Date| {
        let months = |d: Date| i32::from(d.year()) * 12 + i32::from(d.month());
        usize::try_from(months(date) - months(first_month)).ok()
    };
    let mut counts = vec![0; index(last_month)? + 1];
    for mention in &entity.mentions {
        let date = corpus.documents.get(mention.document).and_then(|d| d.date);
        if let Some(slot) = date.and_then(index).and_then(|i| counts.get_mut(i)) {
            *slot += 1;
        }
    }
    Some(Trend {
        first_month,
        last_month,
        counts,
    })
}

/// The document the entity first appears in: the earliest published, then
/// the first in the story's order.
pub fn first_document(corpus: &Corpus, entity: &Entity) -> Option<usize> {
    entity.mentions.iter().map(|m| m.document).min_by_key(|&d| {
        let date = corpus.documents.get(d).and_then(|doc| doc.date);
        (date.is_none(), date, d)
    })
}
