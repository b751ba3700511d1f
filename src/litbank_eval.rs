//! `storyscope eval-litbank`: cross-validation of the whole analysis on
//! LitBank's novel openings. The books are dealt into folds (book `i` goes to
//! fold `i % folds`); for each fold a tagger is trained on CoNLL-2003 and the
//! other folds' books, and each held-back book is analysed with it, alone, as
//! a reader would open it. One `analyze --json` file per book is written to
//! the output folder, ready for `score_litbank.py GOLD OUTDIR`: no book is
//! ever scored by a model that saw it.
//!
//! Training is deterministic, so `--models DIR` keeps each fold's tagger as
//! `fold-K.bin`, headed by a SHA-256 key of everything it was trained from
//! (the training and dev sentences, the options, the tagger's code and word
//! lists); a later run loads it only when the key matches and retrains
//! otherwise, so clustering and kind changes re-score in seconds.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};

use crate::analysis::ner::commands::read_conll;
use crate::analysis::ner::conll::Document;
use crate::analysis::ner::litbank;
use crate::analysis::ner::model::Model;
use crate::analysis::ner::train::{train, TrainOptions};
use crate::analysis::ner::Tagger;
use crate::analysis::{analyze, AnalysisOptions};
use crate::corpus::{document_from_bytes, Corpus};
use crate::export;

/// Where the data and the results are.
pub struct EvalLitbank<'a> {
    /// LitBank folder: `gold.json` and `docs/`.
    pub dir: &'a Path,
    pub conll_train: &'a Path,
    pub conll_dev: &'a Path,
    pub folds: usize,
    pub out: &'a Path,
    /// Where fold models are kept and reused (`--models`); `None` trains every time.
    pub models: Option<&'a Path>,
}

include!(concat!(env!("OUT_DIR"), "/tagger_version.rs"));

/// Runs the folds and writes one JSON analysis per book to `out`.
pub fn run(eval: &EvalLitbank, options: &TrainOptions) -> Result<Vec<PathBuf>> {
    let books = litbank::load(eval.dir)?;
    let conll = read_conll(eval.conll_train)?;
    let dev = read_conll(eval.conll_dev)?;
    std::fs::create_dir_all(eval.out)
        .with_context(|| format!("creating {}", eval.out.display()))?;
    let folds = eval.folds.clamp(2, books.len().max(2));
    let mut written = Vec::new();
    for fold in 0..folds {
        let started = Instant::now();
        let mut training = conll.clone();
        training.extend(
            books
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != fold)
                .map(|(_, b)| b.document.clone()),
        );
        let model = match eval.models {
            Some(dir) => kept_or_trained(dir, fold, &training, &dev, options)?,
            None => train(&training, &dev, options, &mut std::io::sink())?,
        };
        let analysis_options = AnalysisOptions {
            tagger: Some(Arc::new(Tagger::new(model))),
            ..AnalysisOptions::default()
        };
        let held_out: Vec<&litbank::Book> = books.iter().skip(fold).step_by(folds).collect();
        for book in &held_out {
            written.push(analyse_book(eval, &book.name, &analysis_options)?);
        }
        eprintln!(
            "fold {}/{folds}: trained without {} books, analysed them ({:.1}s)",
            fold + 1,
            held_out.len(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(written)
}

/// Loads `dir/fold-K.bin` when its key matches this training run, else
/// trains and saves it.
fn kept_or_trained(
    dir: &Path,
    fold: usize,
    training: &[Document],
    dev: &[Document],
    options: &TrainOptions,
) -> Result<Model> {
    let key = training_key(training, dev, options);
    let path = dir.join(format!("fold-{fold}.bin"));
    if let Ok(bytes) = std::fs::read(&path) {
        if let Some(model_bytes) = bytes.strip_prefix(key.as_slice()) {
            if let Ok(model) = Model::from_bytes(model_bytes) {
                return Ok(model);
            }
        }
    }
    let model = train(training, dev, options, &mut std::io::sink())?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut bytes = key.to_vec();
    bytes.extend_from_slice(&model.to_bytes());
    std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
    Ok(model)
}

/// SHA-256 over the tagger's code version, the options and every training
/// and dev sentence with its gold names.
fn training_key(training: &[Document], dev: &[Document], options: &TrainOptions) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(TAGGER_VERSION.to_le_bytes());
    hash.update(format!("{options:?}").as_bytes());
    for (part, documents) in [training, dev].into_iter().enumerate() {
        hash.update([part as u8]);
        for document in documents {
            hash.update(format!("{:?}", document.sentences).as_bytes());
        }
    }
    hash.finalize().into()
}

fn analyse_book(eval: &EvalLitbank, name: &str, options: &AnalysisOptions) -> Result<PathBuf> {
    let path = eval.dir.join("docs").join(name);
    let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
    let corpus = Corpus::from_documents(vec![document_from_bytes(name, bytes)?]);
    let analysis = analyze(&corpus, options);
    let out = eval.out.join(format!("{name}.json"));
    std::fs::write(&out, export::to_json(&corpus, &analysis))
        .with_context(|| format!("writing {}", out.display()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ner::conll::Sentence;

    fn document(words: &[&str]) -> Document {
        Document {
            sentences: vec![Sentence {
                words: words.iter().map(|w| w.to_string()).collect(),
                entities: Vec::new(),
            }],
        }
    }

    #[test]
    fn a_fold_model_is_keyed_by_its_data_and_options() {
        let training = [document(&["Orrin", "came", "."])];
        let dev = [document(&["He", "left", "."])];
        let options = TrainOptions::default();
        let key = training_key(&training, &dev, &options);
        assert_eq!(key, training_key(&training, &dev, &options));
        let other = [document(&["Orrin", "went", "."])];
        assert_ne!(key, training_key(&other, &dev, &options));
        // The same sentences moved from training to dev train another model.
        assert_ne!(key, training_key(&dev, &training, &options));
        let fewer_epochs = TrainOptions {
            epochs: 1,
            ..TrainOptions::default()
        };
        assert_ne!(key, training_key(&training, &dev, &fewer_epochs));
    }

    #[test]
    fn a_kept_model_with_another_key_is_not_loaded() {
        let dir = std::env::temp_dir().join(format!("storyscope-folds-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("fold-0.bin");
        // A file from another training run: wrong key, then garbage.
        std::fs::write(&path, [7u8; 40]).unwrap();
        let training = [document(&["Orrin", "came", "."])];
        let dev = [document(&["He", "left", "."])];
        let options = TrainOptions {
            epochs: 1,
            bits: 8,
            ..TrainOptions::default()
        };
        let model = kept_or_trained(&dir, 0, &training, &dev, &options).unwrap();
        let saved = std::fs::read(&path).unwrap();
        let key = training_key(&training, &dev, &options);
        assert_eq!(
            &saved[..32],
            key.as_slice(),
            "retrained and saved under its key"
        );
        assert_eq!(&saved[32..], model.to_bytes().as_slice());
        let again = kept_or_trained(&dir, 0, &training, &dev, &options).unwrap();
        assert_eq!(again.to_bytes(), model.to_bytes());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
