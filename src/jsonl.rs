//! `analyze --jsonl`: one JSON object per document, one per line, printed
//! in input order as documents finish. Documents are read, analysed and
//! printed a small window at a time (a few per core), so memory is bounded
//! by the largest documents, not the size of the input: a shard of an
//! archive can be a map step of a cluster job (see the README's "Beyond one
//! machine").
//!
//! Each line is a whole analysis of one document: ids (paragraphs,
//! entities, timeline entries, quotes) are local to it, `document` fields
//! inside are 0, and spans are byte offsets into that file.

use std::io::Write;

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;

use crate::analysis::quotes::Quote;
use crate::analysis::{self, source_offsets, AnalysisOptions, Entity, Progress, TimelineEntry};
use crate::cache::{self, Cache};
use crate::corpus::{self, Corpus, LoadError, LoadOptions, Source};

/// The format of each line (the same shapes as `--json`, version 2).
pub const JSONL_VERSION: u32 = 2;

#[derive(Serialize)]
struct Line<'a> {
    version: u32,
    /// Position of the document in the input, from 0.
    index: usize,
    document: DocumentInfo<'a>,
    paragraphs: Vec<ParagraphSpan>,
    entities: &'a [Entity],
    timeline: &'a [TimelineEntry],
    quotes: &'a [Quote],
}

#[derive(Serialize)]
struct DocumentInfo<'a> {
    path: &'a str,
    title: &'a str,
    date: Option<String>,
    bytes: usize,
    encoding: &'static str,
}

#[derive(Serialize)]
struct ParagraphSpan {
    id: usize,
    start: usize,
    end: usize,
}

/// Analyses `paths` document by document, writing one line each to `out`;
/// a file in a folder that cannot be read is skipped with a warning on
/// stderr. Returns how many lines were written.
pub fn write(
    paths: &[String],
    load: LoadOptions,
    options: &AnalysisOptions,
    cache: &Cache,
    out: &mut impl Write,
) -> Result<usize> {
    if paths.is_empty() {
        let line = line_for(0, corpus::load_bundled(), options, cache)?;
        out.write_all(line.as_bytes())?;
        return Ok(1);
    }
    let mut warnings = Vec::new();
    let sources = corpus::list_sources(paths, &mut warnings)?;
    for warning in warnings {
        eprintln!("storyscope: {warning}");
    }
    let window = rayon::current_num_threads().max(1) * 2;
    let mut written = 0;
    for (chunk_index, chunk) in sources.chunks(window).enumerate() {
        let lines: Vec<Result<Option<String>>> = chunk
            .par_iter()
            .enumerate()
            .map(|(i, source)| {
                let index = chunk_index * window + i;
                match corpus::read_source(source, load) {
                    Ok(document) => {
                        let corpus = Corpus::from_documents(vec![document]);
                        line_for(index, corpus, options, cache).map(Some)
                    }
                    Err(error) => skip_or_fail(source, error),
                }
            })
            .collect();
        for line in lines {
            if let Some(line) = line? {
                out.write_all(line.as_bytes())?;
                written += 1;
            }
        }
        out.flush()?;
    }
    cache.evict_if_needed();
    Ok(written)
}

fn skip_or_fail(source: &Source, error: LoadError) -> Result<Option<String>> {
    if source.in_folder() {
        eprintln!("storyscope: skipped {error}");
        Ok(None)
    } else {
        Err(error.into())
    }
}

/// One document's line, newline included.
fn line_for(
    index: usize,
    corpus: Corpus,
    options: &AnalysisOptions,
    cache: &Cache,
) -> Result<String> {
    let document = &corpus.documents[0];
    let progress = Progress::default();
    let key = Cache::document_key(document, options);
    let per_document = cache::document_analysis(document, &key, options, &progress, cache);
    let analysis = analysis::merge(&corpus, vec![per_document], &progress);
    let analysis = source_offsets::to_source(&corpus, &analysis);
    let line = Line {
        version: JSONL_VERSION,
        index,
        document: DocumentInfo {
            path: &document.path,
            title: &document.title,
            date: document.date.map(|d| d.to_string()),
            bytes: document.source_len,
            encoding: document.encoding_name().unwrap_or("utf-8"),
        },
        paragraphs: corpus
            .paragraphs
            .iter()
            .map(|p| ParagraphSpan {
                id: p.id,
                start: document.source_offset(p.start),
                end: document.source_offset(p.end),
            })
            .collect(),
        entities: &analysis.entities,
        timeline: &analysis.timeline,
        quotes: &analysis.quotes,
    };
    let mut text = serde_json::to_string(&line).context("serialising a document")?;
    text.push('\n');
    Ok(text)
}
