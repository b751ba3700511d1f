//! Tokens and sentences. Offsets are byte offsets into the document text.
//! (First version; see the issue tracker for the full tokenizer.)

use std::ops::Range;

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

/// Splits `text[range]` into tokens.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text[range.clone()].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let start = range.start + i;
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    end = range.start + j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(Token { start, end });
        } else {
            tokens.push(Token {
                start,
                end: start + c.len_utf8(),
            });
        }
    }
    tokens
}

/// Groups tokens into sentences at `.`, `!` and `?`.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0;
    for (i, token) in tokens.iter().enumerate() {
        if matches!(token.text(text), "." | "!" | "?") || i + 1 == tokens.len() {
            sentences.push(Sentence {
                bytes: tokens[first].start..token.end,
                tokens: first..i + 1,
            });
            first = i + 1;
        }
    }
    sentences
}
