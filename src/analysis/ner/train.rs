//! Averaged structured perceptron training on CoNLL-2003 data.
//!
//! Deterministic: sentences are visited in an order drawn from a fixed seed,
//! and nothing depends on hash-map iteration order, so the same data always
//! gives the same model bytes.

use std::collections::BTreeSet;
use std::io::Write;

use super::conll::Document;
use super::evaluate::evaluate;
use super::features::{document_atoms, for_each_feature};
use super::labels::{self, N_LABELS};
use super::lexicon::Gazetteer;
use super::model::{viterbi, Lattice, Model, Row};
use super::word_cache::WordCache;
use super::{external_gazetteer, word_frequencies, Tagger};

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data; the pass that scores best on dev is kept.
    pub epochs: usize,
    /// The weight table has `2^bits` rows.
    pub bits: u32,
    /// The training-set gazetteer seen by a document is built from the other folds.
    pub folds: usize,
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 15,
            bits: 18,
            folds: 5,
            seed: 0x5EED_2003,
        }
    }
}

/// A featurised training sentence.
struct Instance {
    /// Feature rows of every token, concatenated.
    features: Vec<u32>,
    /// Token `i`'s features are `features[ends[i - 1]..ends[i]]`.
    ends: Vec<u32>,
    gold: Vec<u8>,
}

impl Instance {
    fn token(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.features[start..self.ends[i] as usize]
    }
}

/// How many of the most frequent training words get precomputed feature sums.
const VOCABULARY: usize = 4096;

/// The `limit` most frequent words, one a line, most frequent first (ties alphabetical).
fn frequent_words(documents: &[Document], limit: usize) -> String {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for sentence in documents.iter().flat_map(|d| &d.sentences) {
        for word in &sentence.words {
            *counts.entry(word).or_insert(0) += 1;
        }
    }
    let mut words: Vec<(&str, usize)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    words
        .iter()
        .take(limit)
        .map(|(w, _)| format!("{w}\n"))
        .collect()
}

/// "TYPE<TAB>words" lines for the entities of these documents, sorted.
fn entity_lines<'a>(documents: impl Iterator<Item = &'a Document>) -> BTreeSet<String> {
    let mut lines = BTreeSet::new();
    for document in documents {
        for sentence in &document.sentences {
            for entity in &sentence.entities {
                let words = sentence.words[entity.tokens.clone()].join(" ");
                lines.insert(format!("{}\t{words}\n", entity.label.conll_name()));
            }
        }
    }
    lines
}

fn featurise(documents: &[Document], folds: usize, bits: u32) -> Vec<Instance> {
    let frequencies = word_frequencies();
    let external = external_gazetteer();
    let index = |key: u64| (key >> (64 - bits)) as u32;
    let mut instances = Vec::new();
    for fold in 0..folds {
        // Entities of the other folds only: a gazetteer containing the very
        // sentence being learnt from would be trusted blindly.
        let others = documents
            .iter()
            .enumerate()
            .filter(|(d, _)| d % folds != fold);
        let lines: String = entity_lines(others.map(|(_, doc)| doc))
            .into_iter()
            .collect();
        let gazetteer: Gazetteer = external.clone().with_lines(&lines);
        for document in documents.iter().skip(fold).step_by(folds) {
            let atoms = document_atoms(&document.words(), &gazetteer, &frequencies);
            for (s, sentence) in document.sentences.iter().enumerate() {
                let sentence_atoms = atoms.sentence(s);
                let mut instance = Instance {
                    features: Vec::new(),
                    ends: Vec::with_capacity(sentence_atoms.len()),
                    gold: labels::from_spans(&sentence.entities, sentence.words.len()),
                };
                for i in 0..sentence_atoms.len() {
                    for_each_feature(
                        sentence_atoms,
                        i,
                        atoms.capitals[s],
                        &atoms.contexts,
                        |key| instance.features.push(index(key)),
                    );
                    instance.ends.push(instance.features.len() as u32);
                }
                instances.push(instance);
            }
        }
    }
    instances
}

/// Perceptron weights with the running sums needed for averaging.
struct Perceptron {
    bits: u32,
    rows: Vec<Row>,
    /// Holds the current transition weights.
    current: Model,
    /// Sum over updates of (step * change), per weight, for the average.
    history: Vec<[f64; N_LABELS]>,
    transition_history: Vec<[f64; N_LABELS]>,
    step: f64,
}

impl Perceptron {
    fn new(bits: u32) -> Perceptron {
        Perceptron {
            bits,
            rows: vec![[0.0; N_LABELS]; 1 << bits],
            current: Model::new(bits),
            history: vec![[0.0; N_LABELS]; 1 << bits],
            transition_history: vec![[0.0; N_LABELS]; N_LABELS + 2],
            step: 1.0,
        }
    }

    fn predict(&self, instance: &Instance, lattice: &mut Lattice, out: &mut Vec<u8>) {
        let emissions: Vec<Row> = (0..instance.gold.len())
            .map(|i| {
                let mut scores = [0.0; N_LABELS];
                for &f in instance.token(i) {
                    for (s, w) in scores.iter_mut().zip(&self.rows[f as usize]) {
                        *s += w;
                    }
                }
                scores
            })
            .collect();
        viterbi(&emissions, &self.current.constrained(), lattice, out);
    }

    fn update(&mut self, instance: &Instance, predicted: &[u8]) {
        let step = self.step;
        for (i, (&gold, &guess)) in instance.gold.iter().zip(predicted).enumerate() {
            if gold != guess {
                for &f in instance.token(i) {
                    let (row, history) =
                        (&mut self.rows[f as usize], &mut self.history[f as usize]);
                    change(row, history, gold, guess, step);
                }
            }
        }
        let n = instance.gold.len();
        let edges = (0..=n).map(|i| {
            let pick =
                |labels: &[u8]| (i.checked_sub(1).map(|p| labels[p]), labels.get(i).copied());
            (pick(&instance.gold), pick(predicted))
        });
        for (gold, guess) in edges {
            if gold == guess {
                continue;
            }
            self.change_transition(gold, 1.0, step);
            self.change_transition(guess, -1.0, step);
        }
    }

    /// Changes the weight of the edge between two labels (`None` is a sentence edge).
    fn change_transition(&mut self, edge: (Option<u8>, Option<u8>), delta: f32, step: f64) {
        let (slot, history_row, column) = match edge {
            (None, Some(next)) => (&mut self.current.start[usize::from(next)], N_LABELS, next),
            (Some(previous), None) => (
                &mut self.current.end[usize::from(previous)],
                N_LABELS + 1,
                previous,
            ),
            (Some(previous), Some(next)) => (
                &mut self.current.transitions[usize::from(previous)][usize::from(next)],
                usize::from(previous),
                next,
            ),
            (None, None) => return,
        };
        *slot += delta;
        self.transition_history[history_row][usize::from(column)] += step * f64::from(delta);
    }

    /// The average of the weights over all steps so far.
    fn averaged(&self) -> Model {
        let average = |w: f32, h: f64| (f64::from(w) - h / self.step) as f32;
        let dense: Vec<Row> = self
            .rows
            .iter()
            .zip(&self.history)
            .map(|(row, history)| std::array::from_fn(|l| average(row[l], history[l])))
            .collect();
        let mut model = Model::from_dense(self.bits, &dense);
        for previous in 0..N_LABELS {
            let history = &self.transition_history[previous];
            model.transitions[previous] =
                std::array::from_fn(|l| average(self.current.transitions[previous][l], history[l]));
        }
        let (start_history, end_history) = (
            &self.transition_history[N_LABELS],
            &self.transition_history[N_LABELS + 1],
        );
        model.start = std::array::from_fn(|l| average(self.current.start[l], start_history[l]));
        model.end = std::array::from_fn(|l| average(self.current.end[l], end_history[l]));
        model
    }
}

fn change(row: &mut Row, history: &mut [f64; N_LABELS], gold: u8, guess: u8, step: f64) {
    let (gold, guess) = (usize::from(gold), usize::from(guess));
    row[gold] += 1.0;
    row[guess] -= 1.0;
    history[gold] += step;
    history[guess] -= step;
}

/// A small deterministic generator for the visiting order (xorshift64*).
struct Shuffler(u64);

impl Shuffler {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Trains on `train`, keeping the epoch that scores best on `dev`; progress goes to `log`.
pub fn train(
    train: &[Document],
    dev: &[Document],
    options: &TrainOptions,
    log: &mut dyn Write,
) -> std::io::Result<Model> {
    let started = std::time::Instant::now();
    let instances = featurise(train, options.folds.max(2), options.bits);
    let train_gazetteer: String = entity_lines(train.iter()).into_iter().collect();
    let vocabulary = frequent_words(train, VOCABULARY);
    let full_gazetteer = external_gazetteer().with_lines(&train_gazetteer);
    let frequencies = word_frequencies();
    writeln!(
        log,
        "featurised {} sentences in {:.1}s",
        instances.len(),
        started.elapsed().as_secs_f64()
    )?;
    let mut perceptron = Perceptron::new(options.bits);
    let mut order: Vec<usize> = (0..instances.len()).collect();
    let mut shuffler = Shuffler(options.seed | 1);
    let (mut lattice, mut predicted) = (Lattice::default(), Vec::new());
    let mut best: Option<(f64, Model)> = None;
    for epoch in 1..=options.epochs.max(1) {
        shuffler.shuffle(&mut order);
        let mut mistakes = 0;
        for &i in &order {
            let instance = &instances[i];
            perceptron.predict(instance, &mut lattice, &mut predicted);
            if predicted != instance.gold {
                mistakes += 1;
                perceptron.update(instance, &predicted);
            }
            perceptron.step += 1.0;
        }
        let mut model = perceptron.averaged();
        model.gazetteer = full_gazetteer.clone();
        model.frequencies = frequencies.clone();
        model.words = WordCache::build(&model, &vocabulary);
        let tagger = Tagger::new(model);
        let f1 = evaluate(&tagger, dev, 1).scores.overall().f1();
        writeln!(
            log,
            "epoch {epoch}: {mistakes} sentences wrong, dev f1 {f1:.4} ({:.1}s)",
            started.elapsed().as_secs_f64()
        )?;
        if best.as_ref().is_none_or(|(top, _)| f1 > *top) {
            best = Some((f1, tagger.model));
        }
    }
    let (f1, model) = best.unwrap_or_else(|| (0.0, perceptron.averaged()));
    writeln!(log, "kept the model scoring dev f1 {f1:.4}")?;
    Ok(model)
}
