//! The persisted analysis: `$XDG_CACHE_HOME/storyscope` (else
//! `~/.cache/storyscope`).
//!
//! - One entry per document ([`DocumentAnalysis`], the stages before the
//!   corpus-wide merge), keyed by the SHA-256 of the analyser version (a
//!   fingerprint of the analysis code, model and rule tables made by
//!   `build.rs`), the options (reference date) and the document's text; so
//!   adding one article to a folder analyses one article.
//! - One entry per corpus (the merged [`Analysis`]), keyed by the keys of
//!   its documents in order; so reopening a story does no work at all.
//! - Entries are written to a temporary file in the cache and renamed into
//!   place (readers never see half an entry), carry a magic number, the
//!   format and analyser versions, their key, length and a checksum: a
//!   corrupt, truncated, foreign or stale entry is ignored and rewritten.
//! - Past the size cap the least recently used entries go (a hit refreshes
//!   an entry's modification time).
//! - Every failure (read-only or missing directory, full disk) only costs
//!   speed: the analysis runs as if there were no cache.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::SystemTime;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::analysis::{self, Analysis, AnalysisOptions, DocumentAnalysis, Progress};
use crate::corpus::{Corpus, Document};

include!(concat!(env!("OUT_DIR"), "/analyser_version.rs"));

const MAGIC: &[u8; 8] = b"STSCACHE";
/// Bumped when the entry layout or the serialised types change shape.
const FORMAT: u32 = 1;
const HEADER_LEN: usize = 8 + 4 + 8 + 32 + 8 + 8;
/// Default size cap; `STORYSCOPE_CACHE_MAX_MB` overrides it.
pub const DEFAULT_MAX_BYTES: u64 = 1 << 30;
/// After eviction the cache is at most this share of the cap.
const EVICT_TO_PERCENT: u64 = 80;

const DOCUMENTS: &str = "documents";
const CORPORA: &str = "corpora";
const TEMPORARY: &str = "tmp";

/// A content key: SHA-256.
pub type Key = [u8; 32];

/// Where analyses are kept, or nowhere (`--no-cache`).
#[derive(Debug)]
pub struct Cache {
    dir: Option<PathBuf>,
    max_bytes: u64,
    /// Set when an entry was written, so eviction only runs then.
    wrote: AtomicBool,
    serial: AtomicU64,
}

/// What is in the cache.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    pub entries: u64,
    pub bytes: u64,
}

impl Cache {
    /// No cache: every analysis runs in full.
    pub fn disabled() -> Cache {
        Cache::new(None)
    }

    /// The user's cache directory (`$XDG_CACHE_HOME/storyscope`, else
    /// `~/.cache/storyscope`); disabled when neither can be found.
    pub fn user() -> Cache {
        let max_bytes = std::env::var("STORYSCOPE_CACHE_MAX_MB")
            .ok()
            .and_then(|mb| mb.trim().parse::<u64>().ok())
            .map_or(DEFAULT_MAX_BYTES, |mb| mb << 20);
        Cache::new(user_dir()).with_max_bytes(max_bytes)
    }

    /// A cache in `dir` (created when first written).
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache::new(Some(dir.into()))
    }

    fn new(dir: Option<PathBuf>) -> Cache {
        Cache {
            dir,
            max_bytes: DEFAULT_MAX_BYTES,
            wrote: AtomicBool::new(false),
            serial: AtomicU64::new(0),
        }
    }

    pub fn with_max_bytes(mut self, max_bytes: u64) -> Cache {
        self.max_bytes = max_bytes;
        self
    }

    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    pub fn max_bytes(&self) -> u64 {
        self.max_bytes
    }

    /// The key of one document's analysis under `options`.
    pub fn document_key(document: &Document, options: &AnalysisOptions) -> Key {
        let mut hash = Sha256::new();
        hash.update(b"storyscope document\0");
        hash.update(FORMAT.to_le_bytes());
        hash.update(ANALYSER_VERSION.to_le_bytes());
        let reference = options.reference_date.map(|d| d.to_string());
        hash.update(reference.unwrap_or_default().as_bytes());
        hash.update(b"\0");
        hash.update(document.text.as_bytes());
        hash.finalize().into()
    }

    /// The key of a corpus: its documents' keys, in order.
    pub fn corpus_key(document_keys: &[Key]) -> Key {
        let mut hash = Sha256::new();
        hash.update(b"storyscope corpus\0");
        for key in document_keys {
            hash.update(key);
        }
        hash.finalize().into()
    }

    /// A document's cached analysis, when present, intact and fitting its text.
    pub fn load_document(&self, key: &Key, document: &Document) -> Option<DocumentAnalysis> {
        self.load::<DocumentAnalysis>(DOCUMENTS, key)
            .filter(|found| found.fits(&document.text))
    }

    pub fn store_document(&self, key: &Key, analysis: &DocumentAnalysis) {
        self.store(DOCUMENTS, key, analysis);
    }

    fn entry_path(&self, kind: &str, key: &Key) -> Option<PathBuf> {
        let hex = hex(key);
        Some(self.dir.as_ref()?.join(kind).join(&hex[..2]).join(hex))
    }

    fn load<T: DeserializeOwned>(&self, kind: &str, key: &Key) -> Option<T> {
        self.load_with(kind, key, |payload| postcard::from_bytes(payload).ok())
    }

    /// Reads an entry and decodes its checked payload with `decode`.
    fn load_with<T>(
        &self,
        kind: &str,
        key: &Key,
        decode: impl FnOnce(&[u8]) -> Option<T>,
    ) -> Option<T> {
        let path = self.entry_path(kind, key)?;
        let bytes = std::fs::read(&path).ok()?;
        let payload = check_entry(&bytes, key)?;
        let value = decode(payload)?;
        // Used now: the last to be evicted. A read-only cache stays as is.
        if let Ok(file) = std::fs::File::options().write(true).open(&path) {
            let _ = file.set_modified(SystemTime::now());
        }
        Some(value)
    }

    fn store<T: Serialize>(&self, kind: &str, key: &Key, value: &T) {
        if let Ok(payload) = postcard::to_allocvec(value) {
            self.store_payload(kind, key, &payload);
        }
    }

    fn store_payload(&self, kind: &str, key: &Key, payload: &[u8]) {
        let (Some(dir), Some(path)) = (self.dir.as_ref(), self.entry_path(kind, key)) else {
            return;
        };
        let mut entry = Vec::with_capacity(HEADER_LEN + payload.len());
        entry.extend_from_slice(MAGIC);
        entry.extend_from_slice(&FORMAT.to_le_bytes());
        entry.extend_from_slice(&ANALYSER_VERSION.to_le_bytes());
        entry.extend_from_slice(key);
        entry.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        entry.extend_from_slice(&checksum(payload).to_le_bytes());
        entry.extend_from_slice(payload);
        let temporary = dir.join(TEMPORARY).join(format!(
            "{}.{}.{}",
            &hex(key)[..16],
            std::process::id(),
            self.serial.fetch_add(1, Ordering::Relaxed)
        ));
        if write_atomically(&temporary, &path, &entry).is_ok() {
            self.wrote.store(true, Ordering::Relaxed);
        } else {
            let _ = std::fs::remove_file(&temporary);
        }
    }

    /// Entries and bytes in the cache.
    pub fn usage(&self) -> Usage {
        let entries = self.entries();
        Usage {
            entries: entries.len() as u64,
            bytes: entries.iter().map(|e| e.bytes).sum(),
        }
    }

    /// Removes every entry; returns what was removed.
    pub fn clear(&self) -> std::io::Result<Usage> {
        let mut removed = Usage::default();
        for entry in self.entries() {
            std::fs::remove_file(&entry.path)?;
            removed.entries += 1;
            removed.bytes += entry.bytes;
        }
        if let Some(dir) = &self.dir {
            for kind in [DOCUMENTS, CORPORA, TEMPORARY] {
                let _ = std::fs::remove_dir_all(dir.join(kind));
            }
        }
        Ok(removed)
    }

    /// After a run that wrote entries: drops the least recently used ones
    /// until the cache is back under its cap.
    pub fn evict_if_needed(&self) {
        if !self.wrote.swap(false, Ordering::Relaxed) {
            return;
        }
        self.remove_abandoned_temporaries();
        let mut entries = self.entries();
        let mut total: u64 = entries.iter().map(|e| e.bytes).sum();
        if total <= self.max_bytes {
            return;
        }
        entries.sort_by_key(|e| e.used);
        let target = self.max_bytes / 100 * EVICT_TO_PERCENT;
        for entry in entries {
            if total <= target {
                break;
            }
            if std::fs::remove_file(&entry.path).is_ok() {
                total = total.saturating_sub(entry.bytes);
            }
        }
    }

    /// Temporary files a killed process left behind (an hour old: no
    /// writer still uses them).
    fn remove_abandoned_temporaries(&self) {
        let Some(dir) = &self.dir else {
            return;
        };
        let Ok(files) = std::fs::read_dir(dir.join(TEMPORARY)) else {
            return;
        };
        let hour_ago = SystemTime::now() - std::time::Duration::from_secs(3600);
        for file in files.flatten() {
            let old = file
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|modified| modified < hour_ago);
            if old {
                let _ = std::fs::remove_file(file.path());
            }
        }
    }

    fn entries(&self) -> Vec<Entry> {
        let Some(dir) = &self.dir else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for kind in [DOCUMENTS, CORPORA] {
            let Ok(shards) = std::fs::read_dir(dir.join(kind)) else {
                continue;
            };
            for shard in shards.flatten() {
                let Ok(files) = std::fs::read_dir(shard.path()) else {
                    continue;
                };
                for file in files.flatten() {
                    let Ok(meta) = file.metadata() else {
                        continue;
                    };
                    if meta.is_file() {
                        found.push(Entry {
                            path: file.path(),
                            bytes: meta.len(),
                            used: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                        });
                    }
                }
            }
        }
        found
    }
}

struct Entry {
    path: PathBuf,
    bytes: u64,
    used: SystemTime,
}

fn user_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))?;
    Some(base.join("storyscope"))
}

fn hex(key: &Key) -> String {
    key.iter().map(|b| format!("{b:02x}")).collect()
}

/// The payload of an entry, when the header is ours, current, for `key`,
/// and the payload is whole.
fn check_entry<'a>(bytes: &'a [u8], key: &Key) -> Option<&'a [u8]> {
    let header = bytes.get(..HEADER_LEN)?;
    let (magic, rest) = header.split_at(8);
    let (format, rest) = rest.split_at(4);
    let (version, rest) = rest.split_at(8);
    let (stored_key, rest) = rest.split_at(32);
    let (length, stored_checksum) = rest.split_at(8);
    let current = magic == MAGIC
        && format == FORMAT.to_le_bytes()
        && version == ANALYSER_VERSION.to_le_bytes()
        && stored_key == key;
    if !current {
        return None;
    }
    let length = u64::from_le_bytes(length.try_into().ok()?);
    let payload = &bytes[HEADER_LEN..];
    if payload.len() as u64 != length || checksum(payload).to_le_bytes() != stored_checksum {
        return None;
    }
    Some(payload)
}

/// A fast checksum of an entry's payload: it catches damage (a flipped or
/// lost byte), not forgery, so it need not be cryptographic. (The content
/// key is SHA-256.)
fn checksum(payload: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    for chunk in payload.chunks(1 << 16) {
        hasher.write(chunk);
    }
    hasher.write_usize(payload.len());
    hasher.finish()
}

fn write_atomically(temporary: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = temporary.parent() {
        std::fs::create_dir_all(parent)?;
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut file = std::fs::File::create(temporary)?;
    file.write_all(bytes)?;
    file.flush()?;
    drop(file);
    std::fs::rename(temporary, path)
}

/// Whether every span of a cached corpus analysis lies inside `corpus`.
fn fits(analysis: &Analysis, corpus: &Corpus) -> bool {
    let span_fits = |document: usize, paragraph: usize, start: usize, end: usize| {
        corpus.documents.get(document).is_some_and(|d| {
            start <= end && d.text.is_char_boundary(start) && d.text.is_char_boundary(end)
        }) && paragraph < corpus.paragraphs.len()
    };
    analysis.entities.iter().all(|e| {
        e.mentions
            .iter()
            .all(|m| span_fits(m.document, m.paragraph, m.start, m.end))
    }) && analysis
        .timeline
        .iter()
        .all(|t| span_fits(t.document, t.paragraph, t.start, t.end))
        && analysis
            .quotes
            .iter()
            .all(|q| span_fits(q.document, q.paragraph, q.start, q.end))
}

/// A corpus entry's payload: the entities, and the timeline with the
/// quotes, as two blobs (the first one's length in front) so that both
/// halves of a large entry decode in parallel.
fn encode_corpus(analysis: &Analysis) -> Option<Vec<u8>> {
    let entities = postcard::to_allocvec(&analysis.entities).ok()?;
    let rest = postcard::to_allocvec(&(&analysis.timeline, &analysis.quotes)).ok()?;
    let mut payload = Vec::with_capacity(8 + entities.len() + rest.len());
    payload.extend_from_slice(&(entities.len() as u64).to_le_bytes());
    payload.extend_from_slice(&entities);
    payload.extend_from_slice(&rest);
    Some(payload)
}

fn decode_corpus(payload: &[u8]) -> Option<Analysis> {
    let length = u64::from_le_bytes(payload.get(..8)?.try_into().ok()?);
    let (entities, rest) = payload[8..].split_at_checked(usize::try_from(length).ok()?)?;
    type Rest = (Vec<analysis::TimelineEntry>, Vec<analysis::quotes::Quote>);
    let (entities, rest) = rayon::join(
        || postcard::from_bytes::<Vec<analysis::Entity>>(entities).ok(),
        || postcard::from_bytes::<Rest>(rest).ok(),
    );
    let (timeline, quotes) = rest?;
    Some(Analysis {
        entities: entities?,
        timeline,
        quotes,
    })
}

/// [`analysis::analyze_with_progress`] through the cache: the whole
/// corpus's analysis when it is cached, else each document's cached
/// stages (analysing only the documents that are not), then the merge.
pub fn analyze(
    corpus: &Corpus,
    options: &AnalysisOptions,
    progress: &Progress,
    cache: &Cache,
) -> Analysis {
    if cache.dir.is_none() {
        return analysis::analyze_with_progress(corpus, options, progress);
    }
    progress.start(corpus.documents.iter().map(|d| d.text.len()).sum());
    let keys: Vec<Key> = corpus
        .documents
        .par_iter()
        .map(|d| Cache::document_key(d, options))
        .collect();
    let corpus_key = Cache::corpus_key(&keys);
    if let Some(found) = cache
        .load_with(CORPORA, &corpus_key, decode_corpus)
        .filter(|a| fits(a, corpus))
    {
        progress.finish();
        return found;
    }
    let per_document: Vec<DocumentAnalysis> = corpus
        .documents
        .par_iter()
        .zip(&keys)
        .map(|(document, key)| document_analysis(document, key, options, progress, cache))
        .collect();
    let merged = analysis::merge(corpus, per_document, progress);
    if let Some(payload) = encode_corpus(&merged) {
        cache.store_payload(CORPORA, &corpus_key, &payload);
    }
    cache.evict_if_needed();
    merged
}

/// One document's per-document stages, from the cache or computed (and
/// then stored).
pub fn document_analysis(
    document: &Document,
    key: &Key,
    options: &AnalysisOptions,
    progress: &Progress,
    cache: &Cache,
) -> DocumentAnalysis {
    if let Some(found) = cache.load_document(key, document) {
        progress.skip_document(document.text.len());
        return found;
    }
    let computed = analysis::analyze_document(document, options, progress);
    cache.store_document(key, &computed);
    computed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every analysis type must survive the binary format: a field skipped
    /// when serialising (`skip_serializing_if`) breaks it, and a cache that
    /// can never be read back only costs time silently.
    #[test]
    fn the_whole_analysis_survives_the_entry_format() {
        let corpus = crate::corpus::load_bundled();
        let options = AnalysisOptions::default();
        let progress = Progress::default();
        let document = analysis::analyze_document(&corpus.documents[0], &options, &progress);
        let bytes = postcard::to_allocvec(&document).expect("serialises");
        let back: DocumentAnalysis = postcard::from_bytes(&bytes).expect("reads back");
        assert_eq!(back, document);
        let merged = analysis::merge(&corpus, vec![document], &progress);
        assert!(merged.timeline.iter().any(|t| t.interval.is_none()));
        let bytes = encode_corpus(&merged).expect("serialises");
        assert_eq!(decode_corpus(&bytes), Some(merged));
        assert_eq!(decode_corpus(&bytes[..bytes.len() / 2]), None);
    }
}
