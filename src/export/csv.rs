//! CSV tables (RFC 4180, written by the `csv` crate) for a spreadsheet or
//! pandas: documents, entities, mentions, quotes and the timeline, each row
//! with its byte span into the document's file.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::analysis::Analysis;
use crate::corpus::Corpus;

use super::{entity_by_id, first_mention, speaker_name};

/// Names of the files [`write_tables`] writes, in order.
pub const FILES: [&str; 5] = [
    "documents.csv",
    "entities.csv",
    "mentions.csv",
    "quotes.csv",
    "timeline.csv",
];

/// Writes every table into `dir` (created when missing); returns the paths.
pub fn write_tables(corpus: &Corpus, analysis: &Analysis, dir: &Path) -> Result<Vec<PathBuf>> {
    if dir.exists() && !dir.is_dir() {
        anyhow::bail!(
            "{}: not a folder (CSV export writes several files into a folder)",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut written = Vec::new();
    for (name, table) in FILES.iter().zip(tables(corpus, analysis)?) {
        let path = dir.join(name);
        std::fs::write(&path, table).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// The tables as CSV text, in the order of [`FILES`].
pub fn tables(corpus: &Corpus, analysis: &Analysis) -> Result<[String; 5]> {
    // Byte spans into the files as they are on disk, as in the JSON (a
    // decoded Latin-1 file's offsets differ from its UTF-8 text's).
    let analysis = &*crate::analysis::source_offsets::to_source(corpus, analysis);
    Ok([
        documents(corpus)?,
        entities(analysis)?,
        mentions(analysis)?,
        quotes(analysis)?,
        timeline(analysis)?,
    ])
}

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<String> {
    let bytes = writer.into_inner().context("CSV buffer")?;
    // Every field came from a `&str`, so the bytes are UTF-8.
    String::from_utf8(bytes).context("CSV text")
}

fn documents(corpus: &Corpus) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "document",
        "path",
        "title",
        "date",
        "bytes",
        "body_start",
        "body_end",
    ])?;
    for d in &corpus.documents {
        w.write_record([
            d.id.to_string(),
            d.path.clone(),
            d.title.clone(),
            d.date.map(|d| d.to_string()).unwrap_or_default(),
            d.source_len.to_string(),
            d.source_offset(d.body.start).to_string(),
            d.source_offset(d.body.end).to_string(),
        ])?;
    }
    finish(w)
}

fn entities(analysis: &Analysis) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "entity",
        "name",
        "kind",
        "aliases",
        "mentions",
        "names",
        "paragraphs",
        "first_document",
        "first_paragraph",
        "first_start",
        "first_end",
    ])?;
    for e in &analysis.entities {
        let first = first_mention(e);
        let field = |f: fn(&crate::analysis::Mention) -> usize| {
            first.map(|m| f(m).to_string()).unwrap_or_default()
        };
        w.write_record([
            e.id.to_string(),
            e.name.clone(),
            e.kind.as_str().to_string(),
            e.aliases.join("; "),
            e.mentions.len().to_string(),
            super::name_count(e).to_string(),
            e.paragraph_ids().len().to_string(),
            field(|m| m.document),
            field(|m| m.paragraph),
            field(|m| m.start),
            field(|m| m.end),
        ])?;
    }
    finish(w)
}

fn mentions(analysis: &Analysis) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "entity",
        "name",
        "document",
        "paragraph",
        "start",
        "end",
        "kind",
        "form",
        "text",
    ])?;
    for e in &analysis.entities {
        for m in &e.mentions {
            let form = match m.form {
                crate::analysis::MentionForm::Name => "name",
                crate::analysis::MentionForm::Pronoun => "pronoun",
            };
            w.write_record([
                e.id.to_string(),
                e.name.clone(),
                m.document.to_string(),
                m.paragraph.to_string(),
                m.start.to_string(),
                m.end.to_string(),
                m.kind.as_str().to_string(),
                form.to_string(),
                m.text.clone(),
            ])?;
        }
    }
    finish(w)
}

fn quotes(analysis: &Analysis) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "quote",
        "document",
        "paragraph",
        "start",
        "end",
        "speaker",
        "speaker_name",
        "cue_start",
        "cue_end",
        "text",
    ])?;
    for q in &analysis.quotes {
        let optional = |v: Option<usize>| v.map(|v| v.to_string()).unwrap_or_default();
        w.write_record([
            q.id.to_string(),
            q.document.to_string(),
            q.paragraph.to_string(),
            q.start.to_string(),
            q.end.to_string(),
            optional(q.speaker),
            speaker_name(analysis, q).unwrap_or_default().to_string(),
            optional(q.cue.map(|c| c.start)),
            optional(q.cue.map(|c| c.end)),
            q.text.clone(),
        ])?;
    }
    finish(w)
}

fn timeline(analysis: &Analysis) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "entry",
        "document",
        "paragraph",
        "start",
        "end",
        "text",
        "type",
        "value",
        "first_day",
        "last_day",
        "event",
        "entities",
        "entity_names",
    ])?;
    for t in &analysis.timeline {
        let ids: Vec<String> = t.entities.iter().map(usize::to_string).collect();
        let names: Vec<&str> = t
            .entities
            .iter()
            .filter_map(|&id| entity_by_id(analysis, id))
            .map(|e| e.name.as_str())
            .collect();
        w.write_record([
            t.id.to_string(),
            t.document.to_string(),
            t.paragraph.to_string(),
            t.start.to_string(),
            t.end.to_string(),
            t.text.clone(),
            t.timex_type.as_str().to_string(),
            t.value.clone(),
            t.interval.map(|i| i.first.to_string()).unwrap_or_default(),
            t.interval.map(|i| i.last.to_string()).unwrap_or_default(),
            t.event.clone(),
            ids.join(";"),
            names.join("; "),
        ])?;
    }
    finish(w)
}
