//! Text analysis: pure functions from a corpus to entities and a timeline.
//! No terminal code lives here.

pub mod concordance;
pub mod coref;
pub mod descriptions;
pub mod entities;
pub mod entity_timeline;
pub mod entity_timeline_eval;
pub mod invariants;
pub mod keyness;
mod narration;
pub mod ner;
pub mod profile;
pub mod quotes;
pub mod search;
pub mod source_offsets;
mod speech;
pub mod timeline;
pub mod timex;
pub mod titles;
pub mod tokens;
pub mod trends;

use std::sync::atomic::{AtomicU64, Ordering};

use jiff::civil::Date;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;

/// What a named entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    /// Nationalities, religious and political groups ("Iraqi", "Shiite").
    Group,
    Other,
}

impl EntityKind {
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Group,
        EntityKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
            EntityKind::Other => "other",
        }
    }

    /// The letter that marks the kind wherever colour may be missing.
    pub fn letter(self) -> char {
        match self {
            EntityKind::Person => 'P',
            EntityKind::Organization => 'O',
            EntityKind::Place => 'L',
            EntityKind::Group => 'G',
            EntityKind::Other => 'X',
        }
    }
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub document: usize,
    pub paragraph: usize,
    /// Byte range into the document's file.
    pub start: usize,
    pub end: usize,
    /// The kind of this span (a demonym is a `group` mention even when it is
    /// linked to a place).
    pub kind: EntityKind,
    pub text: String,
    /// A name ("Mr. Bennet") or a pronoun linked to the entity ("he").
    pub form: MentionForm,
}

/// How an entity is referred to in a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    #[default]
    Name,
    Pronoun,
}

/// A person, organisation, place or group, with every mention of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: usize,
    /// The display name: the longest common full form.
    pub name: String,
    pub kind: EntityKind,
    /// Other names it goes by in the text, most frequent first.
    pub aliases: Vec<String>,
    /// In text order.
    pub mentions: Vec<Mention>,
}

impl Entity {
    /// Its name mentions, pronouns left out, in text order.
    pub fn names(&self) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(|m| m.form == MentionForm::Name)
    }

    /// How often it is named: the count lists and sorting use (pronouns left out).
    pub fn name_count(&self) -> usize {
        self.names().count()
    }

    /// Ids of the paragraphs that name it, sorted, each once.
    pub fn paragraph_ids(&self) -> Vec<usize> {
        let mut paragraphs: Vec<usize> = self.names().map(|m| m.paragraph).collect();
        paragraphs.sort_unstable();
        paragraphs.dedup();
        paragraphs
    }
}

/// TIMEX3 type of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A temporal expression in the text with its normalised TIMEX3 value, the
/// event it dates and the entities taking part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub id: usize,
    pub document: usize,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// TIMEX3 value: `2020-01-24`, `2018-05`, `P3D`, `PRESENT_REF`, `XXXX-05`...
    pub value: String,
    /// The clause the expression dates, on one line.
    pub event: String,
    /// Ids of the entities mentioned in that clause.
    pub entities: Vec<usize>,
    /// First and last calendar day the value covers, when it is a calendar
    /// date; used to sort and filter. `null` in JSON otherwise (never
    /// skipped: the cache's binary format needs every field).
    pub interval: Option<DateInterval>,
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DateInterval {
    pub first: Date,
    pub last: Date,
}

/// Settings for an analysis run.
#[derive(Debug, Clone, Default)]
pub struct AnalysisOptions {
    /// Overrides every document's reference date for relative expressions.
    pub reference_date: Option<Date>,
    /// A tagger to use instead of the embedded one (cross-validation folds).
    pub tagger: Option<std::sync::Arc<ner::Tagger>>,
}

/// The result of analysing a corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    /// Sorted by mention count, most mentioned first.
    pub entities: Vec<Entity>,
    /// Every temporal expression, in date order (undated ones last, in text order).
    pub timeline: Vec<TimelineEntry>,
    /// Quotations of direct speech, in text order.
    pub quotes: Vec<quotes::Quote>,
}

/// Per-document results before they are merged across the corpus: what
/// [`analyze_document`] finds and the cache keeps (add a field here, and to
/// `analyze_document`, for a new per-document stage).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentAnalysis {
    pub mentions: Vec<entities::RawMention>,
    pub timexes: Vec<timex::TimeExpression>,
    pub sentences: Vec<std::ops::Range<usize>>,
    pub quotes: Vec<quotes::Found>,
    pub pronouns: Vec<coref::Pronoun>,
    /// Told in the first person ([`coref::narrator::is_narrated`]): known
    /// from the text alone, so found here in parallel, not in the merge.
    pub narrated: bool,
}

impl DocumentAnalysis {
    /// Whether every span lies on char boundaries of `text` (a check on
    /// results read back from a cache).
    pub fn fits(&self, text: &str) -> bool {
        let fits = |start: usize, end: usize| {
            start <= end && text.is_char_boundary(start) && text.is_char_boundary(end)
        };
        self.mentions.iter().all(|m| fits(m.start, m.end))
            && self.timexes.iter().all(|t| fits(t.start, t.end))
            && self.sentences.iter().all(|s| fits(s.start, s.end))
            && self.quotes.iter().all(|q| fits(q.start, q.end))
            && self.pronouns.iter().all(|p| fits(p.start, p.end))
    }
}

/// How far a running analysis has come, shared with whoever shows it.
/// Work is counted in bytes of text times the share of each stage.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
}

/// Share of the work per stage, in percent (measured on a novel: the tagger dominates).
const STAGE_TOKENS: u64 = 10;
const STAGE_MENTIONS: u64 = 65;
const STAGE_TIMEX: u64 = 20;
const STAGE_MERGE: u64 = 5;

impl Progress {
    /// Fraction done, from 0 to 1 (0 before the analysis starts).
    pub fn fraction(&self) -> f64 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            return 0.0;
        }
        (self.done.load(Ordering::Relaxed) as f64 / total as f64).min(1.0)
    }

    /// Starts counting `bytes` of work.
    pub fn start(&self, bytes: usize) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(bytes as u64 * 100, Ordering::Relaxed);
    }

    fn advance(&self, bytes: usize, stage_share: u64) {
        self.done
            .fetch_add(bytes as u64 * stage_share, Ordering::Relaxed);
    }
}

impl Progress {
    /// Counts a document whose per-document stages were skipped (cached).
    pub fn skip_document(&self, bytes: usize) {
        self.advance(bytes, STAGE_TOKENS + STAGE_MENTIONS + STAGE_TIMEX);
    }

    /// Marks the whole analysis done.
    pub fn finish(&self) {
        let total = self.total.load(Ordering::Relaxed);
        self.done.store(total, Ordering::Relaxed);
    }
}

/// Analyses every document (in parallel) and merges the results.
pub fn analyze(corpus: &Corpus, options: &AnalysisOptions) -> Analysis {
    analyze_with_progress(corpus, options, &Progress::default())
}

/// [`analyze`], reporting each finished stage to `progress`.
pub fn analyze_with_progress(
    corpus: &Corpus,
    options: &AnalysisOptions,
    progress: &Progress,
) -> Analysis {
    let total_bytes: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    progress.start(total_bytes);
    let per_document: Vec<DocumentAnalysis> = corpus
        .documents
        .par_iter()
        .map(|doc| analyze_document(doc, options, progress))
        .collect();
    merge(corpus, per_document, progress)
}

/// The per-document stages: tokens and sentences, entity mentions, temporal
/// expressions. Offsets are into `doc.text`.
pub fn analyze_document(
    doc: &crate::corpus::Document,
    options: &AnalysisOptions,
    progress: &Progress,
) -> DocumentAnalysis {
    let text = &doc.text;
    let bytes = text.len();
    let reference = options.reference_date.or(doc.date);
    // The entity tagger on one side, the stages that read the raw text on
    // the other: on a single long novel the two halves overlap on two cores.
    let (tagged, (quotes, (pronouns, narrated), timexes)) = rayon::join(
        || {
            let tokens = tokens::tokenize(text, doc.body.clone());
            let sentences = tokens::sentences(text, &tokens);
            progress.advance(bytes, STAGE_TOKENS);
            let tagger = options
                .tagger
                .as_deref()
                .unwrap_or_else(|| ner::Tagger::embedded());
            let mentions = entities::find_mentions(tagger, text, &tokens, &sentences);
            progress.advance(bytes, STAGE_MENTIONS);
            let sentences: Vec<_> = sentences.iter().map(|s| s.bytes.clone()).collect();
            (mentions, sentences)
        },
        || {
            let paragraphs = crate::corpus::paragraphs::split(text, doc.body.clone());
            let paragraphs = crate::corpus::front_matter::without_illustrations(text, paragraphs);
            let quotes = quotes::detect(text, &paragraphs);
            let pronouns = coref::find_pronouns(text, doc.body.clone());
            let quote_spans: Vec<_> = quotes.iter().map(|q| q.start..q.end).collect();
            let narrated =
                coref::narrator::is_narrated(text, doc.body.clone(), &quote_spans, &pronouns);
            let timexes = timex::tag(text, doc.body.clone(), reference);
            progress.advance(bytes, STAGE_TIMEX);
            (quotes, (pronouns, narrated), timexes)
        },
    );
    let (mentions, sentences) = tagged;
    DocumentAnalysis {
        mentions,
        timexes,
        sentences,
        quotes,
        pronouns,
        narrated,
    }
}

/// The corpus-wide stage: clusters the mentions of every document into
/// entities and builds the timeline. `per_document[i]` is document `i`'s.
pub fn merge(
    corpus: &Corpus,
    per_document: Vec<DocumentAnalysis>,
    progress: &Progress,
) -> Analysis {
    let total_bytes: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    let mut all_mentions = Vec::new();
    let mut all_hints = Vec::new();
    for (doc_id, result) in per_document.iter().enumerate() {
        for raw in &result.mentions {
            let Some(paragraph) = corpus.paragraph_at(doc_id, raw.start) else {
                continue;
            };
            all_mentions.push(Mention {
                document: doc_id,
                paragraph,
                start: raw.start,
                end: raw.end,
                kind: raw.kind,
                text: corpus.documents[doc_id].text[raw.start..raw.end].to_string(),
                form: MentionForm::Name,
            });
            all_hints.push(raw.hints.clone());
        }
    }
    // The timeline's events need only the text: they are cut beside the
    // clustering and the speakers, and get their entities after.
    let ((entities, quotes), events) = rayon::join(
        || {
            let mut entities = entities::cluster_annotated(all_mentions, all_hints);
            let quotes = speech::find_speakers(corpus, &per_document, &mut entities);
            (entities, quotes)
        },
        || timeline::events(corpus, located_timexes(corpus, &per_document)),
    );
    let timeline = timeline::attach_entities(events, &entities);
    progress.advance(total_bytes, STAGE_MERGE);
    Analysis {
        entities,
        timeline,
        quotes,
    }
}

/// Every temporal expression with its paragraph and sentence (the whole
/// expression when no sentence holds it), in document order.
fn located_timexes(corpus: &Corpus, per_document: &[DocumentAnalysis]) -> Vec<timeline::Located> {
    let mut located = Vec::new();
    for (doc_id, result) in per_document.iter().enumerate() {
        for expression in &result.timexes {
            let Some(paragraph) = corpus.paragraph_at(doc_id, expression.start) else {
                continue;
            };
            // Sentences are in text order: binary search, not a scan per expression.
            let following = result
                .sentences
                .partition_point(|s| s.start <= expression.start);
            let sentence = following
                .checked_sub(1)
                .map(|i| result.sentences[i].clone())
                .filter(|s| expression.start < s.end)
                .unwrap_or(expression.start..expression.end);
            located.push(timeline::Located {
                document: doc_id,
                paragraph,
                expression: expression.clone(),
                sentence,
            });
        }
    }
    located
}
