//! Named-entity tagging of tokenised sentences.
//! (Placeholder: capitalised runs tagged MISC until the trained tagger lands.)

use std::ops::Range;

/// CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NerType {
    Per,
    Org,
    Loc,
    Misc,
}

/// An entity span inside one sentence, as a range of token indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NerSpan {
    pub tokens: Range<usize>,
    pub label: NerType,
}

/// Tags every sentence of one document (document-level features may look
/// across sentences). Returns the spans of each sentence, in order.
pub fn tag_document(sentences: &[Vec<&str>]) -> Vec<Vec<NerSpan>> {
    sentences.iter().map(|s| capitalised_runs(s)).collect()
}

fn capitalised_runs(words: &[&str]) -> Vec<NerSpan> {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut spans = Vec::new();
    let mut i = 1;
    while i < words.len() {
        if capitalised(words[i]) {
            let start = i;
            while i < words.len() && capitalised(words[i]) {
                i += 1;
            }
            spans.push(NerSpan {
                tokens: start..i,
                label: NerType::Misc,
            });
        }
        i += 1;
    }
    spans
}
