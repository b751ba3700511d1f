//! Scoring a tagger against gold CoNLL annotations, and timing it.

use std::fmt;
use std::time::Instant;

use super::conll::Document;
use super::score::Scores;
use super::{NerSpan, Tagger};

/// Accuracy and speed of one evaluation.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub scores: Scores,
    pub tokens: usize,
    /// Tokens per second of each timed run (tagging only, one thread).
    pub speeds: Vec<f64>,
    /// The spans found in each sentence of each document.
    pub found: Vec<Vec<Vec<NerSpan>>>,
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
        found: outputs,
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

/// The sentences where the tagger and the gold annotation disagree, with the
/// spans each has that the other lacks.
pub fn disagreements(documents: &[Document], found: &[Vec<Vec<NerSpan>>]) -> String {
    let mut out = String::new();
    let sentences = documents
        .iter()
        .zip(found)
        .flat_map(|(d, f)| d.sentences.iter().zip(f));
    for (sentence, spans) in sentences {
        let show = |a: &[NerSpan], b: &[NerSpan]| -> Vec<String> {
            a.iter()
                .filter(|span| !b.contains(span))
                .map(|span| {
                    let words = sentence.words[span.tokens.clone()].join(" ");
                    format!("{} [{words}]", span.label.conll_name())
                })
                .collect()
        };
        let (missed, wrong) = (
            show(&sentence.entities, spans),
            show(spans, &sentence.entities),
        );
        if !missed.is_empty() || !wrong.is_empty() {
            out += &format!(
                "{}\n  missed: {}\n  wrong:  {}\n",
                sentence.words.join(" "),
                missed.join(", "),
                wrong.join(", ")
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ner::conll::parse;
    use crate::analysis::ner::NerType;

    #[test]
    fn disagreements_list_missed_and_wrong_spans() {
        let documents = parse("Kohl X X I-PER\nvisited X X O\nParis X X I-LOC\n");
        let found = vec![vec![vec![
            NerSpan {
                tokens: 0..1,
                label: NerType::Per,
            },
            NerSpan {
                tokens: 2..3,
                label: NerType::Org,
            },
        ]]];
        let report = disagreements(&documents, &found);
        assert!(report.contains("missed: LOC [Paris]"), "{report}");
        assert!(report.contains("wrong:  ORG [Paris]"), "{report}");
        assert!(!report.contains("[Kohl]"), "{report}");
    }
}
