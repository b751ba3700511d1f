//! The `analyze` command's output: JSON (format version 2) and a short summary.

use std::fmt::Write as _;

use serde::Serialize;

use crate::analysis::quotes::Quote;
use crate::analysis::{Analysis, Entity, TimelineEntry};
use crate::corpus::Corpus;

pub const JSON_VERSION: u32 = 2;

#[derive(Serialize)]
struct JsonDocument<'a> {
    id: usize,
    path: &'a str,
    title: &'a str,
    date: Option<String>,
    /// Size of the file in bytes.
    bytes: usize,
    /// `utf-8`, or the encoding the file was decoded from; spans are byte
    /// offsets into the file either way.
    encoding: &'static str,
}

#[derive(Serialize)]
struct JsonParagraph {
    id: usize,
    document: usize,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    documents: Vec<JsonDocument<'a>>,
    paragraphs: Vec<JsonParagraph>,
    entities: &'a [Entity],
    timeline: &'a [TimelineEntry],
    quotes: &'a [Quote],
    /// Each entity's dated events in date order (entities with none left out).
    entity_timelines: Vec<crate::analysis::entity_timeline::EntityTimeline>,
    /// The reader's corrections of the cast, applied or not (see README).
    corrections: &'a [crate::corrections::Outcome],
}

/// The analysis as pretty-printed JSON.
pub fn to_json(corpus: &Corpus, analysis: &Analysis) -> String {
    to_json_corrected(corpus, analysis, &[])
}

/// [`to_json`] of a corrected analysis, listing what became of each correction.
pub fn to_json_corrected(
    corpus: &Corpus,
    analysis: &Analysis,
    corrections: &[crate::corrections::Outcome],
) -> String {
    // Built from the decoded text, then given the file's own byte offsets.
    let mut entity_timelines: Vec<_> =
        crate::analysis::entity_timeline::build_all(corpus, analysis)
            .into_iter()
            .filter(|t| !t.events.is_empty())
            .collect();
    for event in entity_timelines
        .iter_mut()
        .flat_map(|t| t.events.iter_mut())
    {
        let document = &corpus.documents[event.document];
        event.start = document.source_offset(event.start);
        event.end = document.source_offset(event.end);
    }
    let analysis = crate::analysis::source_offsets::to_source(corpus, analysis);
    let report = JsonReport {
        version: JSON_VERSION,
        documents: corpus
            .documents
            .iter()
            .map(|d| JsonDocument {
                id: d.id,
                path: &d.path,
                title: &d.title,
                date: d.date.map(|date| date.to_string()),
                bytes: d.source_len,
                encoding: d.encoding_name().unwrap_or("utf-8"),
            })
            .collect(),
        paragraphs: corpus
            .paragraphs
            .iter()
            .map(|p| {
                let document = &corpus.documents[p.document];
                JsonParagraph {
                    id: p.id,
                    document: p.document,
                    start: document.source_offset(p.start),
                    end: document.source_offset(p.end),
                }
            })
            .collect(),
        entities: &analysis.entities,
        timeline: &analysis.timeline,
        quotes: &analysis.quotes,
        entity_timelines,
        corrections,
    };
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

const SUMMARY_ENTITIES: usize = 15;
const SUMMARY_DATES: usize = 15;

/// A short human-readable summary: documents, top entities, dated entries.
pub fn summary(corpus: &Corpus, analysis: &Analysis) -> String {
    let mut out = String::new();
    for doc in &corpus.documents {
        let date = doc
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "no date".into());
        match doc.encoding_name() {
            Some(encoding) => {
                let _ = writeln!(
                    out,
                    "{} ({}, {}, decoded from {encoding})",
                    doc.title, doc.path, date
                );
            }
            None => {
                let _ = writeln!(out, "{} ({}, {})", doc.title, doc.path, date);
            }
        }
    }
    let _ = writeln!(
        out,
        "{} paragraphs, {} entities, {} temporal expressions",
        corpus.paragraphs.len(),
        analysis.entities.len(),
        analysis.timeline.len()
    );
    if !analysis.entities.is_empty() {
        let _ = writeln!(out, "\nEntities:");
        for entity in analysis.entities.iter().take(SUMMARY_ENTITIES) {
            let _ = writeln!(
                out,
                "  {:>4}  {:<12} {}",
                entity.name_count(),
                entity.kind.as_str(),
                entity.name
            );
        }
        if analysis.entities.len() > SUMMARY_ENTITIES {
            let _ = writeln!(
                out,
                "  ... {} more",
                analysis.entities.len() - SUMMARY_ENTITIES
            );
        }
    }
    let dated: Vec<_> = analysis
        .timeline
        .iter()
        .filter(|e| e.interval.is_some())
        .collect();
    if !dated.is_empty() {
        let _ = writeln!(out, "\nTimeline:");
        for entry in dated.iter().take(SUMMARY_DATES) {
            let _ = writeln!(
                out,
                "  {:<12} {:<20} {}",
                entry.value, entry.text, entry.event
            );
        }
        if dated.len() > SUMMARY_DATES {
            let _ = writeln!(out, "  ... {} more", dated.len() - SUMMARY_DATES);
        }
    }
    out
}

// The HTML report, the CSV tables and the app's Markdown view.
pub mod corrections;
pub mod csv;
pub mod html;
pub mod markdown;

/// A file name stem for what was opened: the first document's file name
/// without its extension ("pride_and_prejudice"), "story" for standard input.
pub fn file_stem(corpus: &Corpus) -> String {
    let path = corpus.documents.first().map_or("", |d| d.path.as_str());
    let stem = std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let slug = slug(&stem);
    if slug.is_empty() || path == "-" {
        "story".to_string()
    } else {
        slug
    }
}

/// Lowercase letters and digits joined by single dashes: safe in a file name.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(60).collect()
}

/// The name of the quote's speaker, when the analysis names one.
pub fn speaker_name<'a>(
    analysis: &'a Analysis,
    quote: &crate::analysis::quotes::Quote,
) -> Option<&'a str> {
    quote
        .speaker
        .and_then(|id| entity_by_id(analysis, id))
        .map(|e| e.name.as_str())
}

/// The entity with this id (ids are the entities' own, not list positions).
pub fn entity_by_id(analysis: &Analysis, id: usize) -> Option<&Entity> {
    analysis
        .entities
        .get(id)
        .filter(|e| e.id == id)
        .or_else(|| analysis.entities.iter().find(|e| e.id == id))
}

/// Mentions by name (not the pronouns linked to the entity).
pub fn name_count(entity: &Entity) -> usize {
    entity
        .mentions
        .iter()
        .filter(|m| m.form == crate::analysis::MentionForm::Name)
        .count()
}

/// The entity's first mention in text order.
pub fn first_mention(entity: &Entity) -> Option<&crate::analysis::Mention> {
    entity.mentions.iter().min_by_key(|m| (m.document, m.start))
}
