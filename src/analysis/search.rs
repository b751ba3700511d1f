//! The search index: which paragraphs mention an entity, hold a date or match
//! a text query, and the combination of those filters.

use regex::{Regex, RegexBuilder};

use super::{Analysis, DateInterval, EntityKind};
use crate::corpus::Corpus;

/// A text query: plain (case-insensitive substring) or, with a `re:` prefix, a
/// regular expression (also case-insensitive).
#[derive(Debug, Clone)]
pub struct Query {
    source: String,
    pattern: Regex,
}

/// Why a query could not be compiled; the message is meant for the status bar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad regular expression: {0}")]
pub struct QueryError(String);

impl Query {
    /// Parses what the reader typed. An empty query is `None`.
    pub fn parse(typed: &str) -> Result<Option<Query>, QueryError> {
        let (pattern, is_regex) = match typed.strip_prefix("re:") {
            Some(rest) => (rest.to_string(), true),
            None => (plain_pattern(typed), false),
        };
        if pattern.is_empty() {
            return Ok(None);
        }
        let compiled = RegexBuilder::new(&pattern)
            .case_insensitive(true)
            .size_limit(1 << 22)
            .build()
            .map_err(|e| QueryError(first_line(&e.to_string(), is_regex)))?;
        Ok(Some(Query {
            source: typed.to_string(),
            pattern: compiled,
        }))
    }

    /// What the reader typed.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.pattern.is_match(text)
    }

    /// Byte ranges of the non-empty matches in `text`, for highlighting.
    pub fn matches<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = std::ops::Range<usize>> + 't {
        self.pattern
            .find_iter(text)
            .filter(|m| !m.is_empty())
            .map(|m| m.range())
    }
}

/// A plain query matched literally, except that a run of whitespace matches
/// any run of whitespace: words typed on one line find text hard-wrapped
/// over two.
fn plain_pattern(typed: &str) -> String {
    let mut pattern = String::new();
    let mut in_space = false;
    for c in typed.chars() {
        if c.is_whitespace() {
            if !in_space {
                pattern.push_str(r"\s+");
            }
            in_space = true;
        } else {
            in_space = false;
            pattern.push_str(&regex::escape(c.encode_utf8(&mut [0; 4])));
        }
    }
    pattern
}

fn first_line(message: &str, is_regex: bool) -> String {
    let detail = message
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with("error:"))
        .map(|l| l.trim_start().trim_start_matches("error:").trim())
        .unwrap_or_else(|| message.lines().next().unwrap_or_default());
    if is_regex {
        detail.to_string()
    } else {
        format!("query too large: {detail}")
    }
}

/// Paragraph filters that all have to hold.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Every one of these entities must be mentioned.
    pub entities: Vec<usize>,
    /// Some entity of this kind must be mentioned.
    pub kind: Option<EntityKind>,
    pub query: Option<Query>,
    /// Some dated timeline entry must overlap this range.
    pub dates: Option<DateInterval>,
    /// Only paragraphs of these documents (sorted ids).
    pub documents: Option<Vec<usize>>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
            && self.kind.is_none()
            && self.query.is_none()
            && self.dates.is_none()
            && self.documents.is_none()
    }
}

/// Paragraph lists per entity, per kind and per dated entry, built once.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Sorted, deduplicated paragraph ids per entity id.
    entity_paragraphs: Vec<Vec<usize>>,
    /// Sorted, deduplicated paragraph ids per kind (indexed like `EntityKind::ALL`).
    kind_paragraphs: Vec<Vec<usize>>,
    /// (interval, paragraph) of every dated timeline entry.
    dated_paragraphs: Vec<(DateInterval, usize)>,
    paragraph_count: usize,
}

impl SearchIndex {
    pub fn build(corpus: &Corpus, analysis: &Analysis) -> SearchIndex {
        let mut kind_paragraphs = vec![Vec::new(); EntityKind::ALL.len()];
        let entity_paragraphs = analysis
            .entities
            .iter()
            .map(|entity| {
                let paragraphs = entity.paragraph_ids();
                kind_paragraphs[kind_index(entity.kind)].extend_from_slice(&paragraphs);
                paragraphs
            })
            .collect();
        for list in &mut kind_paragraphs {
            list.sort_unstable();
            list.dedup();
        }
        let dated_paragraphs = analysis
            .timeline
            .iter()
            .filter_map(|entry| entry.interval.map(|interval| (interval, entry.paragraph)))
            .collect();
        SearchIndex {
            entity_paragraphs,
            kind_paragraphs,
            dated_paragraphs,
            paragraph_count: corpus.paragraphs.len(),
        }
    }

    /// Paragraphs that mention the entity, in order.
    pub fn paragraphs_of_entity(&self, entity: usize) -> &[usize] {
        self.entity_paragraphs
            .get(entity)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Ids of the paragraphs that pass every part of `filter`, in order.
    /// Index lists narrow the candidates first; the text query runs last and
    /// only on what is left.
    pub fn matching_paragraphs(&self, corpus: &Corpus, filter: &Filter) -> Vec<usize> {
        let mut candidates: Option<Vec<usize>> = None;
        let mut narrow = |list: &[usize]| {
            candidates = Some(match candidates.take() {
                None => list.to_vec(),
                Some(current) => intersect(&current, list),
            });
        };
        for &entity in &filter.entities {
            narrow(self.paragraphs_of_entity(entity));
        }
        if let Some(kind) = filter.kind {
            narrow(&self.kind_paragraphs[kind_index(kind)]);
        }
        if let Some(range) = filter.dates {
            let mut dated: Vec<usize> = self
                .dated_paragraphs
                .iter()
                .filter(|(interval, _)| {
                    interval.first <= range.last && range.first <= interval.last
                })
                .map(|&(_, paragraph)| paragraph)
                .collect();
            // In a story of several documents, one published in the range
            // counts as a whole (alone, it would pass the whole story).
            let several = corpus.documents.len() > 1;
            for doc in corpus.documents.iter().filter(|_| several) {
                if doc
                    .date
                    .is_some_and(|d| range.first <= d && d <= range.last)
                {
                    dated.extend(corpus.paragraphs_of(doc.id).map(|p| p.id));
                }
            }
            dated.sort_unstable();
            dated.dedup();
            narrow(&dated);
        }
        if let Some(documents) = &filter.documents {
            let kept: Vec<usize> = documents
                .iter()
                .flat_map(|&d| corpus.paragraphs_of(d).map(|p| p.id))
                .collect();
            narrow(&kept);
        }
        let candidates = candidates.unwrap_or_else(|| (0..self.paragraph_count).collect());
        match &filter.query {
            None => candidates,
            Some(query) => candidates
                .into_iter()
                .filter(|&id| query.is_match(corpus.paragraph_text(&corpus.paragraphs[id])))
                .collect(),
        }
    }
}

fn kind_index(kind: EntityKind) -> usize {
    EntityKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

/// Intersection of two sorted lists.
fn intersect(a: &[usize], b: &[usize]) -> Vec<usize> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Entity, Mention, TimelineEntry, TimexType};
    use crate::corpus::document_from_bytes;
    use jiff::civil::date;

    fn corpus() -> Corpus {
        let text = "Alice met Bob.\n\nBob went to Paris.\n\nAlice stayed home in 2003.\n\nNobody.";
        Corpus::from_documents(vec![
            document_from_bytes("t.txt", text.as_bytes().to_vec()).expect("text")
        ])
    }

    fn entity(id: usize, kind: EntityKind, paragraphs: &[usize]) -> Entity {
        let mention = |p: &usize| Mention {
            document: 0,
            paragraph: *p,
            start: 0,
            end: 1,
            kind,
            text: String::new(),
            form: crate::analysis::MentionForm::Name,
        };
        Entity {
            id,
            name: format!("e{id}"),
            kind,
            aliases: Vec::new(),
            mentions: paragraphs.iter().map(mention).collect(),
        }
    }

    fn analysis() -> Analysis {
        let interval = DateInterval {
            first: date(2003, 1, 1),
            last: date(2003, 12, 31),
        };
        Analysis {
            entities: vec![
                entity(0, EntityKind::Person, &[0, 2]),
                entity(1, EntityKind::Person, &[0, 1]),
                entity(2, EntityKind::Place, &[1]),
            ],
            timeline: vec![TimelineEntry {
                id: 0,
                document: 0,
                paragraph: 2,
                start: 0,
                end: 0,
                text: "2003".into(),
                timex_type: TimexType::Date,
                value: "2003".into(),
                event: String::new(),
                entities: vec![],
                interval: Some(interval),
            }],
            quotes: Vec::new(),
        }
    }

    fn run(filter: &Filter) -> Vec<usize> {
        let corpus = corpus();
        SearchIndex::build(&corpus, &analysis()).matching_paragraphs(&corpus, filter)
    }

    #[test]
    fn empty_filter_keeps_everything() {
        assert_eq!(run(&Filter::default()), vec![0, 1, 2, 3]);
    }

    #[test]
    fn entities_must_all_appear() {
        let filter = Filter {
            entities: vec![0, 1],
            ..Filter::default()
        };
        assert_eq!(run(&filter), vec![0]);
    }

    #[test]
    fn kind_query_and_dates_combine() {
        let by_kind = Filter {
            kind: Some(EntityKind::Place),
            ..Filter::default()
        };
        assert_eq!(run(&by_kind), vec![1]);
        let person_and_text = Filter {
            kind: Some(EntityKind::Person),
            query: Query::parse("ALICE").expect("valid"),
            ..Filter::default()
        };
        assert_eq!(run(&person_and_text), vec![0, 2]);
        let in_2003 = Filter {
            dates: Some(DateInterval {
                first: date(2003, 6, 1),
                last: date(2004, 1, 1),
            }),
            query: Query::parse("alice").expect("valid"),
            ..Filter::default()
        };
        assert_eq!(run(&in_2003), vec![2]);
    }

    #[test]
    fn plain_queries_are_literal_and_regex_queries_are_checked() {
        assert_eq!(
            run(&Filter {
                query: Query::parse("bob.").expect("valid"),
                ..Filter::default()
            }),
            vec![0]
        );
        let regex = Query::parse("re:^(alice|nobody)")
            .expect("valid")
            .expect("non-empty");
        assert!(regex.is_match("Nobody."));
        let error = Query::parse("re:(unclosed").expect_err("bad pattern");
        assert!(
            error.to_string().starts_with("bad regular expression"),
            "{error}"
        );
        assert!(!error.to_string().contains('\n'));
        assert!(Query::parse("").expect("empty").is_none());
        assert!(Query::parse("re:").expect("empty").is_none());
    }

    #[test]
    fn plain_spaces_match_line_breaks() {
        let query = Query::parse("Alice  met")
            .expect("valid")
            .expect("non-empty");
        assert!(query.is_match("Alice\r\nmet Bob."));
        assert!(!query.is_match("Alicemet"));
        assert_eq!(query.source(), "Alice  met");
    }

    #[test]
    fn matches_are_byte_ranges_for_highlighting() {
        let query = Query::parse("straße").expect("valid").expect("non-empty");
        let text = "Die STRASSE, die Straße.";
        let found: Vec<_> = query.matches(text).map(|r| &text[r]).collect();
        assert_eq!(found, vec!["Straße"]);
    }
}
