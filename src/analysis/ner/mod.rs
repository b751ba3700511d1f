//! Named-entity tagging of tokenised sentences: an averaged structured
//! perceptron over hashed features with BIO labels and Viterbi decoding,
//! trained on CoNLL-2003 (`storyscope train-ner`) and embedded in the binary.
//!
//! Features (see `features`): the word, its lowercase form, shape, prefixes and
//! suffixes; the words and shapes around it; gazetteer matches (places, census
//! names, training-set entities); general-English word frequency; and, from the
//! whole document, how the word is cased elsewhere, whether it ends a
//! capitalised run or follows a first name or title, and the lowercase words
//! around its other occurrences. The model file (`model`) holds the weights
//! together with the gazetteer, the frequencies and per-word weight sums, so
//! loading it hashes nothing. Tagging a document sums the weights once per
//! word type (`type_rows`), then per token only the features that pair it
//! with its neighbours.

pub mod commands;
pub mod conll;
pub mod evaluate;
mod features;
mod hashing;
pub mod labels;
mod lexicon;
pub mod litbank;
pub mod model;
pub mod score;
mod table;
pub mod train;
mod type_rows;
mod word_cache;

use std::ops::Range;
use std::sync::OnceLock;

use rayon::prelude::*;

use features::{
    document_atoms, for_each_token_context_feature, position_in_sentence, DocumentAtoms, NEIGHBOURS,
};
use lexicon::{Gazetteer, WordFrequencies};
use model::{add_units, viterbi, Lattice, Model, ModelError, Row, Transitions};
use type_rows::TypeRows;

/// CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NerType {
    Per,
    Org,
    Loc,
    Misc,
}

impl NerType {
    /// The CoNLL name: PER, ORG, LOC or MISC.
    pub fn conll_name(self) -> &'static str {
        match self {
            NerType::Per => "PER",
            NerType::Org => "ORG",
            NerType::Loc => "LOC",
            NerType::Misc => "MISC",
        }
    }
}

/// An entity span inside one sentence, as a range of token indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NerSpan {
    pub tokens: Range<usize>,
    pub label: NerType,
}

/// A tagged span with how sure the tagger is of its type: the softmax of
/// the scores each type would get over the same tokens (in `labels::TYPES`
/// order: PER, ORG, LOC, MISC).
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredSpan {
    pub span: NerSpan,
    pub types: [f32; 4],
}

/// Perceptron scores are margins, not log-probabilities: this scale makes a
/// margin of about a hundred a near-certain type, so that a few strong cues
/// elsewhere in the story ("at Meryton") can still outvote a consistent
/// tagger mistake (chosen on the LitBank folds: 0.15, 0.05, 0.03, 0.02, 0.01
/// gave name F1 0.846, 0.845, 0.845, 0.847, 0.843).
const TYPE_SCORE_SCALE: f32 = 0.02;

/// Tags every sentence of one document (document-level features look
/// across sentences) with the embedded model. Returns the spans of each
/// sentence, in order.
pub fn tag_document(sentences: &[Vec<&str>]) -> Vec<Vec<NerSpan>> {
    Tagger::embedded().tag_document_parallel(sentences)
}

/// The model shipped in the binary (rebuilt by `storyscope train-ner`).
const EMBEDDED_MODEL: &[u8] = include_bytes!("../../../assets/ner/ner.model");
/// Places and person names for training (rebuilt by `scripts/build-ner-lexicons.py`).
const EMBEDDED_GAZETTEER: &str = include_str!("../../../assets/ner/gazetteer.txt");
/// Common English words and their frequencies, for training.
const EMBEDDED_WORD_FREQUENCIES: &str = include_str!("../../../assets/ner/wordfreq.txt");

/// Sentences a rayon task tags at least, so short documents stay on one thread.
const PARALLEL_MIN_SENTENCES: usize = 256;

/// Buffers reused from one sentence to the next.
#[derive(Default)]
struct Scratch {
    emissions: Vec<Row>,
    lattice: Lattice,
    labels: Vec<u8>,
}

/// A loaded model, ready to tag.
#[derive(Debug)]
pub struct Tagger {
    model: Model,
    transitions: Transitions,
}

impl Tagger {
    /// The embedded tagger, loaded on first use.
    pub fn embedded() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            // The model is part of the build, and a test loads it.
            Tagger::from_bytes(EMBEDDED_MODEL).expect("the embedded NER model is valid")
        })
    }

    /// A tagger for a model file's bytes, with the embedded word lists.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Ok(Tagger::new(Model::from_bytes(bytes)?))
    }

    pub fn new(model: Model) -> Tagger {
        Tagger {
            transitions: model.constrained(),
            model,
        }
    }

    /// Tags a document given as sentences of tokens.
    pub fn tag_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<NerSpan>> {
        let document = document_atoms(sentences, &self.model.gazetteer, &self.model.frequencies);
        let rows = TypeRows::new(&self.model, &document);
        let mut scratch = Scratch::default();
        (0..document.sentences())
            .map(|s| self.tag_sentence(&document, &rows, s, &mut scratch))
            .collect()
    }

    /// [`Tagger::tag_document`] with the sentences spread over rayon's
    /// threads: the same spans, sooner on a long document.
    pub fn tag_document_parallel<S: AsRef<str> + Sync>(
        &self,
        sentences: &[Vec<S>],
    ) -> Vec<Vec<NerSpan>> {
        self.tag_document_scored(sentences)
            .into_iter()
            .map(|spans| spans.into_iter().map(|s| s.span).collect())
            .collect()
    }

    /// [`Tagger::tag_document_parallel`], with each span's type scores.
    pub fn tag_document_scored<S: AsRef<str> + Sync>(
        &self,
        sentences: &[Vec<S>],
    ) -> Vec<Vec<ScoredSpan>> {
        let document = document_atoms(sentences, &self.model.gazetteer, &self.model.frequencies);
        let rows = TypeRows::new(&self.model, &document);
        (0..document.sentences())
            .into_par_iter()
            .with_min_len(PARALLEL_MIN_SENTENCES)
            .map_init(Scratch::default, |scratch, s| {
                let spans = self.tag_sentence(&document, &rows, s, scratch);
                spans
                    .into_iter()
                    .map(|span| ScoredSpan {
                        types: self.type_scores(&scratch.emissions, &scratch.labels, &span),
                        span,
                    })
                    .collect()
            })
            .collect()
    }

    /// The softmax over types of the score the whole sentence would get with
    /// the span relabelled as each type, the other labels kept: the
    /// emissions of its tokens and the transitions into, inside and out of it.
    fn type_scores(&self, emissions: &[Row], labels: &[u8], span: &NerSpan) -> [f32; 4] {
        use labels::{label, Part, TYPES};
        let transitions = &self.transitions;
        let before = span
            .tokens
            .start
            .checked_sub(1)
            .map(|i| usize::from(labels[i]));
        let after = labels.get(span.tokens.end).map(|&l| usize::from(l));
        let scores: [f32; 4] = std::array::from_fn(|t| {
            let (begin, inside) = (label(TYPES[t], Part::Begin), label(TYPES[t], Part::Inside));
            let (begin, inside) = (usize::from(begin), usize::from(inside));
            let entering =
                before.map_or(transitions.start[begin], |b| transitions.between[b][begin]);
            let last = if span.tokens.len() == 1 {
                begin
            } else {
                inside
            };
            let leaving = after.map_or(transitions.end[last], |a| transitions.between[last][a]);
            let body = span.tokens.clone().fold(0.0, |total, i| {
                let (own, from) = if i == span.tokens.start {
                    (emissions[i][begin], None)
                } else if i == span.tokens.start + 1 {
                    (emissions[i][inside], Some(begin))
                } else {
                    (emissions[i][inside], Some(inside))
                };
                total + own + from.map_or(0.0, |f| transitions.between[f][inside])
            });
            entering + body + leaving
        });
        let top = scores.iter().copied().fold(f32::MIN, f32::max);
        let exp = scores.map(|s| ((s - top) * TYPE_SCORE_SCALE).exp());
        let sum: f32 = exp.iter().sum();
        exp.map(|e| e / sum)
    }

    fn tag_sentence(
        &self,
        document: &DocumentAtoms,
        rows: &TypeRows,
        s: usize,
        scratch: &mut Scratch,
    ) -> Vec<NerSpan> {
        let atoms = document.sentence(s);
        let Scratch {
            emissions,
            lattice,
            labels,
        } = scratch;
        emissions.clear();
        emissions.extend((0..atoms.len()).map(|i| self.scores(document, rows, s, i)));
        viterbi(emissions, &self.transitions, lattice, labels);
        labels::to_spans(labels)
    }

    /// The label scores of token `i`, from cached word sums where there are some.
    /// The emission scores of token `i` of sentence `s`.
    #[inline]
    fn scores(&self, document: &DocumentAtoms, rows: &TypeRows, s: usize, i: usize) -> Row {
        let model = &self.model;
        let atoms = document.sentence(s);
        let position = position_in_sentence(i, atoms.len());
        let capitals = document.capitals[s];
        let mut units = rows.own(model, document, atoms.type_of(i), position, capitals);
        for (slot, offset) in NEIGHBOURS.into_iter().enumerate() {
            match i.checked_add_signed(offset).filter(|&j| j < atoms.len()) {
                None => add_units(&mut units, &model.words.edges[slot]),
                Some(j) => add_units(&mut units, rows.neighbour(atoms.type_of(j), slot)),
            }
        }
        for_each_token_context_feature(atoms, i, &mut |key| model.add_feature(key, &mut units));
        let scale = model.scale();
        units.map(|u| u as f32 * scale)
    }
}

fn external_gazetteer() -> Gazetteer {
    Gazetteer::default().with_lines(EMBEDDED_GAZETTEER)
}

fn word_frequencies() -> WordFrequencies {
    WordFrequencies::from_lines(EMBEDDED_WORD_FREQUENCIES)
}
