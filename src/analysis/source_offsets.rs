//! Spans as the outside world needs them: offsets into each file's own
//! bytes. The analysis works on decoded text; for a file that was not UTF-8
//! every span is converted through its document's source map on the way
//! out (JSON, `--jsonl`). UTF-8 corpora pass through untouched.

use std::borrow::Cow;

use super::Analysis;
use crate::corpus::{Corpus, Document};

/// `analysis` with every span in file byte offsets.
pub fn to_source<'a>(corpus: &Corpus, analysis: &'a Analysis) -> Cow<'a, Analysis> {
    if corpus.documents.iter().all(|d| d.source.is_identity()) {
        return Cow::Borrowed(analysis);
    }
    let mut converted = analysis.clone();
    let document = |id: usize| corpus.documents.get(id);
    for entity in &mut converted.entities {
        for mention in &mut entity.mentions {
            convert(
                document(mention.document),
                &mut mention.start,
                &mut mention.end,
            );
        }
    }
    for entry in &mut converted.timeline {
        convert(document(entry.document), &mut entry.start, &mut entry.end);
    }
    for quote in &mut converted.quotes {
        let doc = document(quote.document);
        convert(doc, &mut quote.start, &mut quote.end);
        if let Some(cue) = quote.cue.as_mut() {
            convert(doc, &mut cue.start, &mut cue.end);
        }
    }
    Cow::Owned(converted)
}

fn convert(document: Option<&Document>, start: &mut usize, end: &mut usize) {
    if let Some(document) = document {
        *start = document.source_offset(*start);
        *end = document.source_offset(*end);
    }
}
