//! Exact-span precision, recall and F1, counted as the conlleval script does.

use std::fmt;

use super::labels::{type_index, TYPES};
use super::NerSpan;

/// Found, gold and correct span counts for one label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub found: usize,
    pub gold: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.found)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.found += other.found;
        self.gold += other.gold;
        self.correct += other.correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Span counts per label (PER, ORG, LOC, MISC).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    pub by_label: [Counts; 4],
}

impl Scores {
    /// Counts one sentence: a found span is correct when a gold span has the
    /// same tokens and label.
    pub fn add_sentence(&mut self, gold: &[NerSpan], found: &[NerSpan]) {
        for span in gold {
            self.by_label[type_index(span.label)].gold += 1;
        }
        for span in found {
            let counts = &mut self.by_label[type_index(span.label)];
            counts.found += 1;
            counts.correct += usize::from(gold.contains(span));
        }
    }

    pub fn overall(&self) -> Counts {
        let mut total = Counts::default();
        for counts in self.by_label {
            total.add(counts);
        }
        total
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = |f: &mut fmt::Formatter<'_>, name: &str, c: Counts| {
            writeln!(
                f,
                "{name:<7} precision {:.4} recall {:.4} f1 {:.4} (found {}, gold {}, correct {})",
                c.precision(),
                c.recall(),
                c.f1(),
                c.found,
                c.gold,
                c.correct
            )
        };
        for (kind, counts) in TYPES.iter().zip(self.by_label) {
            line(f, kind.conll_name(), counts)?;
        }
        line(f, "overall", self.overall())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ner::NerType;

    fn span(tokens: std::ops::Range<usize>, label: NerType) -> NerSpan {
        NerSpan { tokens, label }
    }

    #[test]
    fn counts_exact_matches_only() {
        let gold = [
            span(0..2, NerType::Per),
            span(3..4, NerType::Loc),
            span(5..6, NerType::Org),
        ];
        let found = [
            span(0..2, NerType::Per),
            span(3..5, NerType::Loc),
            span(5..6, NerType::Loc),
        ];
        let mut scores = Scores::default();
        scores.add_sentence(&gold, &found);
        let overall = scores.overall();
        assert_eq!(
            overall,
            Counts {
                found: 3,
                gold: 3,
                correct: 1
            }
        );
        assert!((overall.f1() - 1.0 / 3.0).abs() < 1e-9);
        let loc = scores.by_label[type_index(NerType::Loc)];
        assert_eq!((loc.found, loc.gold, loc.correct), (2, 1, 0));
        assert_eq!(scores.by_label[type_index(NerType::Org)].recall(), 0.0);
        assert!(scores
            .to_string()
            .contains("overall precision 0.3333 recall 0.3333 f1 0.3333"));
    }

    #[test]
    fn empty_counts_score_zero() {
        assert_eq!(Counts::default().f1(), 0.0);
    }
}
