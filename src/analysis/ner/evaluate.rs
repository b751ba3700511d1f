//! Scoring a tagger against gold CoNLL annotations, and timing it.

use std::fmt;
use std::time::Instant;

use super::conll::Document;
use super::score::Scores;
use super::Tagger;

/// Accuracy and speed of one evaluation.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub scores: Scores,
    pub tokens: usize,
    /// Tokens per second of each timed run (tagging only, one thread).
    pub speeds: Vec<f64>,
}

impl Evaluation {
    pub fn median_speed(&self) -> f64 {
        let mut speeds = self.speeds.clone();
        speeds.sort_by(f64::total_cmp);
        speeds.get(speeds.len() / 2).copied().unwrap_or(0.0)
    }
}

/// Tags every document `runs` times (at least once) and scores the first run.
pub fn evaluate(tagger: &Tagger, documents: &[Document], runs: usize) -> Evaluation {
    let inputs: Vec<Vec<Vec<&str>>> = documents.iter().map(Document::words).collect();
    let tokens = documents.iter().map(Document::tokens).sum();
    let mut speeds = Vec::new();
    let mut outputs = Vec::new();
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        outputs = inputs.iter().map(|doc| tagger.tag_document(doc)).collect();
        speeds.push(tokens as f64 / started.elapsed().as_secs_f64().max(1e-9));
    }
    let mut scores = Scores::default();
    for (document, found) in documents.iter().zip(&outputs) {
        for (sentence, spans) in document.sentences.iter().zip(found) {
            scores.add_sentence(&sentence.entities, spans);
        }
    }
    Evaluation {
        scores,
        tokens,
        speeds,
    }
}

impl fmt::Display for Evaluation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.scores)?;
        write!(
            f,
            "speed {:.0} tokens/s (median of {} runs over {} tokens, one thread)",
            self.median_speed(),
            self.speeds.len(),
            self.tokens
        )
    }
}
