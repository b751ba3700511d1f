//! Scores entity timelines against a hand-made gold file
//! (`storyscope eval-entity-timelines`): precision and recall of
//! (entity, sentence, date) events.
//!
//! The gold names an entity; every entity whose name or alias contains
//! that name as whole words counts ("Bank of America Corp." for "Bank of
//! America"), so the score is of the event links, not of the clustering.
//! A system event matches a gold event of the same entity when it starts
//! inside the gold sentence and its date interval overlaps the gold one;
//! each gold event is matched at most once. Precision counts every system
//! event of the gold entities in the documents the gold covers.

use std::fmt;
use std::ops::Range;

use anyhow::{bail, Context, Result};
use jiff::civil::Date;

use super::entity_timeline::{build_all, Sentences};
use super::{Analysis, DateInterval};
use crate::corpus::Corpus;

/// One gold event.
#[derive(Debug, Clone)]
pub struct GoldEvent {
    pub entity: String,
    pub document: String,
    pub interval: DateInterval,
    pub sentence_start: String,
}

/// Parses the gold TSV (`#` comments); errors name the line.
pub fn parse_gold(text: &str, path: &str) -> Result<Vec<GoldEvent>> {
    let mut gold = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [entity, document, date, sentence] = fields[..] else {
            bail!("{path}:{}: expected 4 tab-separated fields", number + 1);
        };
        let interval = parse_interval(date)
            .with_context(|| format!("{path}:{}: bad date {date:?}", number + 1))?;
        gold.push(GoldEvent {
            entity: entity.to_string(),
            document: document.to_string(),
            interval,
            sentence_start: sentence.to_string(),
        });
    }
    Ok(gold)
}

fn parse_interval(text: &str) -> Result<DateInterval> {
    let (first, last) = text.split_once("..").unwrap_or((text, text));
    Ok(DateInterval {
        first: first.parse::<Date>()?,
        last: last.parse::<Date>()?,
    })
}

/// Counts for one entity (or the total).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Score {
    pub name: String,
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(self.matched, self.predicted);
        let recall = ratio(self.matched, self.gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        write!(
            f,
            "{}: gold {} predicted {} matched {} precision {precision:.3} recall {recall:.3} f1 {f1:.3}",
            self.name, self.gold, self.predicted, self.matched
        )
    }
}

/// Per-entity scores, then the total.
pub fn score(corpus: &Corpus, analysis: &Analysis, gold: &[GoldEvent]) -> Result<Vec<Score>> {
    let timelines = build_all(corpus, analysis);
    let sentences = Sentences::new(corpus);
    let mut names: Vec<&str> = gold.iter().map(|g| g.entity.as_str()).collect();
    names.dedup();
    let mut scores = Vec::new();
    let mut total = Score {
        name: "total".into(),
        ..Score::default()
    };
    for name in names {
        let ids: Vec<usize> = analysis
            .entities
            .iter()
            .filter(|e| names_it(&e.name, name) || e.aliases.iter().any(|a| names_it(a, name)))
            .map(|e| e.id)
            .collect();
        if ids.is_empty() {
            bail!("no entity named {name:?} in the analysis");
        }
        let mut located = Vec::new();
        for g in gold.iter().filter(|g| g.entity == name) {
            let (document, sentence) = locate(corpus, &sentences, g)?;
            located.push((document, sentence, g.interval, false));
        }
        let documents: Vec<usize> = located.iter().map(|l| l.0).collect();
        let events = timelines
            .iter()
            .filter(|t| ids.contains(&t.entity))
            .flat_map(|t| t.events.iter());
        let mut entity_score = Score {
            name: name.to_string(),
            gold: located.len(),
            ..Score::default()
        };
        for event in events.filter(|e| documents.contains(&e.document)) {
            entity_score.predicted += 1;
            let hit = located
                .iter_mut()
                .find(|(document, sentence, interval, used)| {
                    !*used
                        && *document == event.document
                        && sentence.contains(&event.start)
                        && interval.first <= event.interval.last
                        && event.interval.first <= interval.last
                });
            if let Some(hit) = hit {
                hit.3 = true;
                entity_score.matched += 1;
            }
        }
        total.gold += entity_score.gold;
        total.predicted += entity_score.predicted;
        total.matched += entity_score.matched;
        scores.push(entity_score);
    }
    scores.push(total);
    Ok(scores)
}

/// Whether `full` contains `name` as whole words, ignoring case.
fn names_it(full: &str, name: &str) -> bool {
    let full = full.to_lowercase();
    let name = name.to_lowercase();
    full.match_indices(&name).any(|(at, _)| {
        let before = full[..at].chars().next_back();
        let after = full[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The document and sentence a gold line names.
fn locate(corpus: &Corpus, sentences: &Sentences, g: &GoldEvent) -> Result<(usize, Range<usize>)> {
    let doc = corpus
        .documents
        .iter()
        .find(|d| {
            std::path::Path::new(&d.path)
                .file_name()
                .is_some_and(|f| f.to_string_lossy().starts_with(&g.document))
        })
        .with_context(|| format!("no document starting with {:?}", g.document))?;
    // The gold sentence may cross a line break in the file.
    let words: Vec<String> = g
        .sentence_start
        .split_whitespace()
        .map(regex::escape)
        .collect();
    let pattern = regex::Regex::new(&words.join(r"\s+"))?;
    let found = pattern
        .find(&doc.text)
        .with_context(|| format!("{:?} not found in {}", g.sentence_start, doc.path))?;
    Ok((doc.id, sentences.around(doc.id, found.start())))
}
