//! Entity timelines: each entity's dated events across the documents, in
//! date order (SemEval-2015 Task 4 TimeLine style).
//!
//! A mention of the entity becomes an event by these rules, tried in order:
//! 1. it lies in the clause a calendar-valued temporal expression dates
//!    (the clause's subject and objects): that expression's date;
//! 2. it lies in a sentence with calendar-valued expressions, but in
//!    another clause: the date of the nearest of them;
//! 3. its sentence has no calendar-valued expression of its own and the
//!    document has a date: the document's date (a news article reports
//!    what happened on or just before its date).
//!
//! An expression after "since" ("the lowest level since October 1982")
//! starts a period that lasts until the event; it dates nothing here.
//!
//! Mentions in undated documents without a dated clause give no event. One
//! event per entity, sentence and date.

use std::ops::Range;

use serde::Serialize;

use super::timeline::{event_span, interval, one_line};
use super::{tokens, Analysis, DateInterval, Entity, TimelineEntry};
use crate::corpus::Corpus;

/// The dated events of one entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityTimeline {
    pub entity: usize,
    pub events: Vec<EntityEvent>,
}

/// One dated event an entity takes part in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityEvent {
    /// The timeline entry that dates it; `None` for the document's date.
    pub timeline: Option<usize>,
    pub document: usize,
    pub paragraph: usize,
    /// Byte range of the event text (the clause or sentence) in the document.
    pub start: usize,
    pub end: usize,
    /// TIMEX3 value of the date.
    pub value: String,
    /// The event on one line.
    pub event: String,
    #[serde(skip)]
    pub interval: DateInterval,
}

/// Longest event text of a sentence dated by its document, in bytes.
const SENTENCE_BUDGET: usize = 100;

/// The sentences of each document, computed once for many entities.
pub struct Sentences {
    per_document: Vec<Vec<Range<usize>>>,
}

impl Sentences {
    pub fn new(corpus: &Corpus) -> Sentences {
        let per_document = corpus
            .documents
            .iter()
            .map(|doc| {
                let words = tokens::tokenize(&doc.text, doc.body.clone());
                tokens::sentences(&doc.text, &words)
                    .into_iter()
                    .map(|s| s.bytes)
                    .collect()
            })
            .collect();
        Sentences { per_document }
    }

    /// The sentence holding `offset` of `document`, or the offset alone.
    pub fn around(&self, document: usize, offset: usize) -> Range<usize> {
        let sentences = self
            .per_document
            .get(document)
            .map_or(&[][..], Vec::as_slice);
        let following = sentences.partition_point(|s| s.start <= offset);
        following
            .checked_sub(1)
            .map(|i| sentences[i].clone())
            .filter(|s| offset < s.end)
            .unwrap_or(offset..offset + 1)
    }
}

/// The timelines of every entity, in the order of `analysis.entities`.
pub fn build_all(corpus: &Corpus, analysis: &Analysis) -> Vec<EntityTimeline> {
    let sentences = Sentences::new(corpus);
    let dated = DatedEntries::new(&analysis.timeline);
    analysis
        .entities
        .iter()
        .map(|entity| timeline_of(corpus, &sentences, &dated, entity))
        .collect()
}

/// The timeline of one entity.
pub fn build(corpus: &Corpus, analysis: &Analysis, entity: &Entity) -> EntityTimeline {
    let sentences = Sentences::new(corpus);
    timeline_of(
        corpus,
        &sentences,
        &DatedEntries::new(&analysis.timeline),
        entity,
    )
}

/// Calendar-valued timeline entries by document and position.
pub struct DatedEntries<'a> {
    /// Sorted by (document, start).
    entries: Vec<(&'a TimelineEntry, DateInterval)>,
}

impl<'a> DatedEntries<'a> {
    pub fn new(timeline: &'a [TimelineEntry]) -> DatedEntries<'a> {
        let mut entries: Vec<_> = timeline
            .iter()
            .filter_map(|e| e.interval.map(|i| (e, i)))
            .collect();
        entries.sort_by_key(|(e, _)| (e.document, e.start));
        DatedEntries { entries }
    }

    fn within(
        &self,
        document: usize,
        range: &Range<usize>,
    ) -> &[(&'a TimelineEntry, DateInterval)] {
        let first = self
            .entries
            .partition_point(|(e, _)| (e.document, e.start) < (document, range.start));
        let count = self.entries[first..]
            .iter()
            .take_while(|(e, _)| e.document == document && e.start < range.end)
            .count();
        &self.entries[first..first + count]
    }
}

fn timeline_of(
    corpus: &Corpus,
    sentences: &Sentences,
    dated: &DatedEntries,
    entity: &Entity,
) -> EntityTimeline {
    let mut events: Vec<EntityEvent> = Vec::new();
    for mention in &entity.mentions {
        let Some(doc) = corpus.documents.get(mention.document) else {
            continue;
        };
        let sentence = sentences.around(mention.document, mention.start);
        let in_sentence: Vec<_> = dated
            .within(mention.document, &sentence)
            .iter()
            .filter(|(entry, _)| !starts_period(&doc.text, entry.start))
            .collect();
        let event = if in_sentence.is_empty() {
            doc.date.and_then(|date| {
                let value = date.to_string();
                let (start, end, event) = sentence_event(&doc.text, &sentence, mention.start);
                Some(EntityEvent {
                    timeline: None,
                    document: mention.document,
                    paragraph: mention.paragraph,
                    start,
                    end,
                    interval: interval(&value)?,
                    value,
                    event,
                })
            })
        } else {
            let dating = |(entry, _): &&&(&TimelineEntry, DateInterval)| {
                let clause = event_span(&doc.text, sentence.clone(), entry.start..entry.end);
                clause.start <= mention.start && mention.end <= clause.end
            };
            let nearest = || {
                in_sentence.iter().min_by_key(|(entry, _)| {
                    entry
                        .start
                        .abs_diff(mention.start)
                        .min(entry.end.abs_diff(mention.end))
                })
            };
            in_sentence
                .iter()
                .find(dating)
                .or_else(nearest)
                .map(|&&(entry, interval)| {
                    let clause = event_span(&doc.text, sentence.clone(), entry.start..entry.end);
                    EntityEvent {
                        timeline: Some(entry.id),
                        document: entry.document,
                        paragraph: entry.paragraph,
                        start: clause.start,
                        end: clause.end,
                        value: entry.value.clone(),
                        event: entry.event.clone(),
                        interval,
                    }
                })
        };
        let Some(event) = event else {
            continue;
        };
        let repeated = events.iter().any(|e| {
            e.document == event.document && e.timeline == event.timeline && e.start == event.start
        });
        if !repeated {
            events.push(event);
        }
    }
    events.sort_by_key(|e| (e.interval.first, e.interval.last, e.document, e.start));
    EntityTimeline {
        entity: entity.id,
        events,
    }
}

/// Whether the expression at `start` follows "since".
fn starts_period(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or_default().trim_end();
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    word.len() == 5
        && word
            .chars()
            .rev()
            .collect::<String>()
            .eq_ignore_ascii_case("since")
}

/// The sentence around a mention on one line, cut to about
/// [`SENTENCE_BUDGET`] bytes around it at word boundaries.
fn sentence_event(text: &str, sentence: &Range<usize>, at: usize) -> (usize, usize, String) {
    let mut start = sentence.start;
    let mut end = sentence.end.min(text.len());
    if end - start > SENTENCE_BUDGET {
        let from = at.saturating_sub(SENTENCE_BUDGET / 3).max(start);
        let to = (from + SENTENCE_BUDGET).min(end);
        start = word_boundary_after(text, from, start);
        end = word_boundary_before(text, to, end);
    }
    let mut line = one_line(text.get(start..end).unwrap_or_default());
    if start > sentence.start {
        line.insert(0, '…');
    }
    if end < sentence.end {
        line.push('…');
    }
    (start, end, line)
}

/// The first word start at or after `from` (or `floor` when `from` is it).
fn word_boundary_after(text: &str, mut from: usize, floor: usize) -> usize {
    if from == floor {
        return floor;
    }
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text.get(from..)
        .and_then(|rest| rest.char_indices().find(|(_, c)| c.is_whitespace()))
        .map_or(from, |(space, c)| from + space + c.len_utf8())
}

/// The last word end at or before `to` (or `ceiling` when `to` is it).
fn word_boundary_before(text: &str, to: usize, ceiling: usize) -> usize {
    if to == ceiling {
        return ceiling;
    }
    let mut to = to;
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    text[..to].rfind(char::is_whitespace).unwrap_or(to)
}
