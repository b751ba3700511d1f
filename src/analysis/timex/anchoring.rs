//! How far back the calendar values of relative expressions in undated
//! texts are anchored: `storyscope eval-anchors`.
//!
//! Counted: every expression of an undated document whose value is a
//! calendar value that it owes to the narrative reference time (its value
//! without that reference differs). Its distance is the number of
//! paragraphs from the expression that set the reference; the root
//! distance follows the chain of relative references ("the next day" from
//! "two days later" from "12 June 1812") back to the explicit date.

use std::fmt;

use crate::corpus::Corpus;

/// Paragraphs back beyond which an anchor counts as far.
pub const FAR_PARAGRAPHS: usize = 30;

/// Anchoring figures of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnchorReport {
    pub path: String,
    /// Relative expressions with a calendar value from a reference time.
    pub anchored: usize,
    /// Of those, anchored more than [`FAR_PARAGRAPHS`] paragraphs back.
    pub far: usize,
    /// Of those, whose explicit root date is more than that far back.
    pub far_root: usize,
}

impl AnchorReport {
    pub fn far_share(&self) -> f64 {
        share(self.far, self.anchored)
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

impl fmt::Display for AnchorReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: anchored {} far {} ({:.1}%) far root {} ({:.1}%)",
            self.path,
            self.anchored,
            self.far,
            100.0 * self.far_share(),
            self.far_root,
            100.0 * share(self.far_root, self.anchored)
        )
    }
}

/// The figures for every undated document of `corpus`.
pub fn report(corpus: &Corpus) -> Vec<AnchorReport> {
    corpus
        .documents
        .iter()
        .filter(|doc| doc.date.is_none())
        .map(|doc| {
            let found = super::tag(&doc.text, doc.body.clone(), None);
            let paragraph = |offset: usize| corpus.paragraph_at(doc.id, offset).unwrap_or(0);
            let by_start: std::collections::HashMap<usize, Option<usize>> =
                found.iter().map(|e| (e.start, e.anchored_at)).collect();
            let mut report = AnchorReport {
                path: doc.path.clone(),
                ..AnchorReport::default()
            };
            for expression in &found {
                let Some(anchor) = expression.anchored_at else {
                    continue;
                };
                let here = paragraph(expression.start);
                report.anchored += 1;
                if here.saturating_sub(paragraph(anchor)) > FAR_PARAGRAPHS {
                    report.far += 1;
                }
                // Follow the chain to its explicit date (bounded: offsets
                // only go backwards, but a map lookup could repeat).
                let mut root = anchor;
                for _ in 0..found.len() {
                    match by_start.get(&root).copied().flatten() {
                        Some(earlier) if earlier < root => root = earlier,
                        _ => break,
                    }
                }
                if here.saturating_sub(paragraph(root)) > FAR_PARAGRAPHS {
                    report.far_root += 1;
                }
            }
            report
        })
        .collect()
}
