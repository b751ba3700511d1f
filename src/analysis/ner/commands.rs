//! The `eval-ner` and `train-ner` commands.

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};

use super::conll::{self, Document};
use super::evaluate::{disagreements, evaluate};
use super::litbank;
use super::train::{train, TrainOptions};
use super::Tagger;

pub fn read_conll(path: &Path) -> Result<Vec<Document>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(conll::parse(&text))
}

/// Tags a CoNLL file with the embedded model (or the one at `model`) and
/// prints the load time, the scores per label and overall, and the speed;
/// with `show_errors`, also every sentence the tagger gets wrong.
pub fn eval_ner(file: &Path, model: Option<&Path>, runs: usize, show_errors: bool) -> Result<()> {
    let documents = read_conll(file)?;
    let loaded;
    let started = Instant::now();
    let tagger = match model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            loaded = Tagger::from_bytes(&bytes)
                .with_context(|| format!("loading {}", path.display()))?;
            &loaded
        }
        None => Tagger::embedded(),
    };
    println!(
        "model loaded in {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let evaluation = evaluate(tagger, &documents, runs);
    if show_errors {
        print!("{}", disagreements(&documents, &evaluation.found));
    }
    println!("{evaluation}");
    Ok(())
}

/// Trains a model on `train_file` (and the LitBank books under `litbank`),
/// picking the epoch by `dev_file`, and writes it to `out`; progress goes to
/// standard error.
pub fn train_ner(
    train_file: &Path,
    dev_file: &Path,
    litbank_dir: Option<&Path>,
    out: &Path,
    options: &TrainOptions,
) -> Result<()> {
    let (mut train_documents, dev_documents) = (read_conll(train_file)?, read_conll(dev_file)?);
    if let Some(dir) = litbank_dir {
        let books = litbank::load(dir)?;
        eprintln!("adding {} LitBank books", books.len());
        train_documents.extend(books.into_iter().map(|b| b.document));
    }
    let model = train(
        &train_documents,
        &dev_documents,
        options,
        &mut std::io::stderr(),
    )?;
    std::fs::write(out, model.to_bytes()).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("wrote {}", out.display());
    Ok(())
}
