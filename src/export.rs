//! The `analyze` command's output: JSON (format version 1) and a short summary.

use std::fmt::Write as _;

use serde::Serialize;

use crate::analysis::{Analysis, Entity, TimelineEntry};
use crate::corpus::Corpus;

pub const JSON_VERSION: u32 = 1;

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
}

/// The analysis as pretty-printed JSON.
pub fn to_json(corpus: &Corpus, analysis: &Analysis) -> String {
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
                entity.mentions.len(),
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
