//! `storyscope eval-litbank`: cross-validation of the whole analysis on
//! LitBank's novel openings. The books are dealt into folds (book `i` goes to
//! fold `i % folds`); for each fold a tagger is trained on CoNLL-2003 and the
//! other folds' books, and each held-back book is analysed with it, alone, as
//! a reader would open it. One `analyze --json` file per book is written to
//! the output folder, ready for `score_litbank.py GOLD OUTDIR`: no book is
//! ever scored by a model that saw it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};

use crate::analysis::ner::commands::read_conll;
use crate::analysis::ner::litbank;
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
}

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
        let model = train(&training, &dev, options, &mut std::io::sink())?;
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
