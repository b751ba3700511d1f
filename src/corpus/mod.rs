//! Loading files, folders and standard input into documents and paragraphs.
//!
//! Every span is a UTF-8 byte range into the document's text: the file
//! exactly as read from disk (BOM, CRLF and Gutenberg boilerplate included)
//! when it is UTF-8. A file in another encoding is decoded first and keeps
//! a map back to its own bytes ([`Document::source`]); output formats report
//! spans through it, so a script can always open the file and slice it with
//! the offsets we report.

pub mod encoding;
mod error;
pub mod front_matter;
mod gutenberg;
mod load;
pub mod paragraphs;

pub use error::LoadError;
pub use load::{
    document_from_bytes, document_from_bytes_in, document_from_text, list_sources, load_bundled,
    load_paths, load_paths_with, read_source, LoadOptions, Loaded, Source, BUNDLED_PATH,
    BUNDLED_STORY,
};

use jiff::civil::Date;
use rayon::prelude::*;

/// One input file (or standard input): its full text and metadata.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: usize,
    /// The path as given on the command line (`-` for standard input).
    pub path: String,
    pub title: String,
    /// From a leading `date YYYY-MM-DD` header, when present.
    pub date: Option<Date>,
    /// The whole file, exactly as read (validated UTF-8), or decoded from
    /// `encoding`.
    pub text: String,
    /// The encoding the file was decoded from; `None` for UTF-8 read as is.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// From offsets into `text` to offsets into the file's bytes.
    pub source: encoding::SourceMap,
    /// Size of the file in bytes.
    pub source_len: usize,
    /// Byte range of the body: after the date header and Gutenberg header,
    /// before the Gutenberg footer.
    pub body: std::ops::Range<usize>,
}

impl Document {
    /// The file's byte offset of `text` offset `offset`.
    pub fn source_offset(&self, offset: usize) -> usize {
        self.source.to_source(offset)
    }

    /// "windows-1252" for a decoded file, `None` for UTF-8.
    pub fn encoding_name(&self) -> Option<&'static str> {
        self.encoding.map(|e| e.name())
    }
}

/// A block of text separated from its neighbours by blank lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// Index into `Corpus::paragraphs`, unique across documents.
    pub id: usize,
    pub document: usize,
    pub start: usize,
    pub end: usize,
}

/// Everything the reader opened: one story, possibly spread over many files.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub paragraphs: Vec<Paragraph>,
}

impl Corpus {
    /// Builds a corpus from documents, splitting each into paragraphs.
    pub fn from_documents(mut documents: Vec<Document>) -> Corpus {
        // Split in parallel (a folder of 10,000 articles), numbered in order.
        let split: Vec<Vec<std::ops::Range<usize>>> = documents
            .par_iter()
            .map(|doc| {
                let split = paragraphs::split(&doc.text, doc.body.clone());
                front_matter::without_illustrations(&doc.text, split)
            })
            .collect();
        let mut paragraphs = Vec::with_capacity(split.iter().map(Vec::len).sum());
        for (id, (doc, ranges)) in documents.iter_mut().zip(split).enumerate() {
            doc.id = id;
            for range in ranges {
                paragraphs.push(Paragraph {
                    id: paragraphs.len(),
                    document: id,
                    start: range.start,
                    end: range.end,
                });
            }
        }
        Corpus {
            documents,
            paragraphs,
        }
    }

    /// The raw text of a paragraph (soft newlines included).
    pub fn paragraph_text(&self, paragraph: &Paragraph) -> &str {
        &self.documents[paragraph.document].text[paragraph.start..paragraph.end]
    }

    /// Paragraphs of one document, in order.
    pub fn paragraphs_of(&self, document: usize) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs
            .iter()
            .filter(move |p| p.document == document)
    }

    /// The paragraph containing byte `offset` of `document`, if any.
    pub fn paragraph_at(&self, document: usize, offset: usize) -> Option<usize> {
        let first = self.paragraphs.partition_point(|p| p.document < document);
        let rest = &self.paragraphs[first..];
        let idx = rest.partition_point(|p| p.document == document && p.end <= offset);
        rest.get(idx)
            .filter(|p| p.document == document && p.start <= offset && offset < p.end)
            .map(|p| p.id)
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }
}
