//! Tokens and sentences. Offsets are byte offsets into the document text.
//!
//! Tokens follow the CoNLL-2003 (Penn Treebank-like) conventions the entity
//! tagger was trained on: "U.S." and "Mr." keep their period, "3.5" and
//! "1,000" are one token, "'s" and "n't" are split off, hyphenated words stay
//! whole, quotes are tokens of their own. The sentence splitter knows which
//! abbreviations can end a sentence and treats blank lines as boundaries.

pub(crate) mod abbreviations;
mod sentences;
mod words;

use std::ops::Range;

pub use sentences::sentences;
pub use words::tokenize;

/// A word, number or punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

/// A sentence: its byte range and the range of its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub bytes: Range<usize>,
    pub tokens: Range<usize>,
}

/// True for opening quotes and brackets, which may precede a sentence's first word.
pub fn is_opening_punctuation(token: &str) -> bool {
    matches!(
        token,
        "\"" | "'" | "“" | "‘" | "«" | "„" | "‚" | "(" | "[" | "{" | "``" | "`"
    )
}

/// True for closing quotes and brackets, which stay with the sentence they close.
pub fn is_closing_punctuation(token: &str) -> bool {
    matches!(token, "\"" | "'" | "”" | "’" | "»" | ")" | "]" | "}" | "''")
}
