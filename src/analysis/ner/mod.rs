//! Named-entity tagging of tokenised sentences: an averaged structured
//! perceptron over hashed features with BILOU labels and Viterbi decoding,
//! trained on CoNLL-2003 (`storyscope train-ner`) and embedded in the binary.

pub mod conll;
pub mod evaluate;
mod features;
mod hashing;
pub mod labels;
mod lexicon;
pub mod model;
pub mod score;
pub mod train;

use std::ops::Range;
use std::sync::OnceLock;

use features::{document_atoms, for_each_feature};
use labels::N_LABELS;
use lexicon::{Gazetteer, WordFrequencies};
use model::{viterbi, Lattice, Model, ModelError, Transitions};

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

/// Tags every sentence of one document (document-level features look
/// across sentences) with the embedded model. Returns the spans of each
/// sentence, in order.
pub fn tag_document(sentences: &[Vec<&str>]) -> Vec<Vec<NerSpan>> {
    Tagger::embedded().tag_document(sentences)
}

/// The model shipped in the binary (rebuilt by `storyscope train-ner`).
const EMBEDDED_MODEL: &[u8] = include_bytes!("../../../assets/ner/ner.model");
/// Places and person names (rebuilt by `scripts/build-ner-lexicons.py`).
const EMBEDDED_GAZETTEER: &str = include_str!("../../../assets/ner/gazetteer.txt");
/// Common English words and their frequencies.
const EMBEDDED_WORD_FREQUENCIES: &str = include_str!("../../../assets/ner/wordfreq.txt");

/// A loaded model with the word lists its features consult.
#[derive(Debug)]
pub struct Tagger {
    model: Model,
    transitions: Transitions,
    gazetteer: Gazetteer,
    frequencies: WordFrequencies,
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
        let gazetteer = external_gazetteer().with_lines(&model.train_gazetteer);
        Tagger {
            transitions: model.constrained(),
            model,
            gazetteer,
            frequencies: word_frequencies(),
        }
    }

    /// Tags a document given as sentences of tokens.
    pub fn tag_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<NerSpan>> {
        let document = document_atoms(sentences, &self.gazetteer, &self.frequencies);
        let mut emissions = Vec::new();
        let mut lattice = Lattice::default();
        let mut labels = Vec::new();
        (0..document.sentences())
            .map(|s| {
                let atoms = document.sentence(s);
                emissions.clear();
                emissions.extend((0..atoms.len()).map(|i| {
                    let mut scores = [0.0; N_LABELS];
                    for_each_feature(atoms, i, document.capitals[s], |key| {
                        self.model.add_feature(key, &mut scores)
                    });
                    scores
                }));
                viterbi(&emissions, &self.transitions, &mut lattice, &mut labels);
                labels::to_spans(&labels)
            })
            .collect()
    }
}

fn external_gazetteer() -> Gazetteer {
    Gazetteer::default().with_lines(EMBEDDED_GAZETTEER)
}

fn word_frequencies() -> WordFrequencies {
    WordFrequencies::from_lines(EMBEDDED_WORD_FREQUENCIES)
}
