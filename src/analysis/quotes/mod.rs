//! Quotations of direct speech and who says them.

use serde::{Deserialize, Serialize};

/// A byte range into a document's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One quotation: the span covers its quote marks; a quote running over
/// several paragraphs is one item whose `paragraph` is the first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub id: usize,
    pub document: usize,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Id of the speaking entity, when one can be named.
    pub speaker: Option<usize>,
    /// The speech cue ("said Elizabeth") that names the speaker, if any.
    pub cue: Option<Span>,
}
