//! Grouping tokens into sentences.

use super::abbreviations::{self, AbbreviationKind};
use super::{is_closing_punctuation, is_opening_punctuation, Sentence, Token};

/// Groups tokens into sentences. A sentence ends at ".", "!", "?" or an
/// ellipsis (with any closing quotes after it) unless a lowercase word
/// follows; after an abbreviation that may end a sentence ("U.S.", "Inc.")
/// only when a typical sentence opener follows; never after titles ("Mr.").
/// A blank line always ends a sentence.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let last = sentence_end_at(text, tokens, i);
        if let Some(last) = last {
            push(&mut sentences, tokens, first, last);
            first = last + 1;
            i = last + 1;
        } else {
            i += 1;
        }
    }
    if first < tokens.len() {
        push(&mut sentences, tokens, first, tokens.len() - 1);
    }
    sentences
}

fn push(sentences: &mut Vec<Sentence>, tokens: &[Token], first: usize, last: usize) {
    sentences.push(Sentence {
        bytes: tokens[first].start..tokens[last].end,
        tokens: first..last + 1,
    });
}

/// If a sentence ends at or just after token `i`, the index of its last token.
fn sentence_end_at(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let word = tokens[i].text(text);
    let next = tokens.get(i + 1);
    if next.is_none_or(|next| paragraph_break_between(text, tokens[i].end, next.start)) {
        return Some(i);
    }
    if is_terminal(word) {
        let last = absorb_closers(text, tokens, i);
        let ends = match tokens.get(last + 1) {
            None => true,
            Some(next) => {
                paragraph_break_between(text, tokens[last].end, next.start)
                    || !starts_lowercase(next.text(text))
            }
        };
        return ends.then_some(last);
    }
    match abbreviations::classify(word) {
        Some(AbbreviationKind::MayEnd) => {
            let next_word = next.map(|t| t.text(text)).unwrap_or_default();
            let opens = abbreviations::is_sentence_starter(next_word)
                || (is_opening_punctuation(next_word) && next_word != "(");
            opens.then_some(i)
        }
        _ => None,
    }
}

/// After a terminal mark, closing quotes and further marks attached to it
/// (`."`, `?!`, `.”)`) stay in the same sentence. Returns the last one.
fn absorb_closers(text: &str, tokens: &[Token], i: usize) -> usize {
    let mut last = i;
    while let Some(next) = tokens.get(last + 1) {
        let word = next.text(text);
        let attached = next.start == tokens[last].end;
        let closes = is_terminal(word) || is_closing_punctuation(word);
        // A curly closing quote may follow after a space ("crisis. ”"), and
        // a quote mark that opens nothing (last before a blank line) closes.
        let curly_closer =
            matches!(word, "”" | "’" | "»") && !starts_word_after(text, tokens, last + 1);
        let dangling = is_opening_punctuation(word) && ends_paragraph(text, tokens, last + 1);
        if (attached && closes) || curly_closer || dangling {
            last += 1;
        } else {
            break;
        }
    }
    last
}

/// True when the token after `i` is a word glued to token `i` (so token `i`
/// opens it rather than closing the previous sentence).
fn starts_word_after(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens.get(i + 1).is_some_and(|next| {
        next.start == tokens[i].end && next.text(text).starts_with(char::is_alphanumeric)
    })
}

/// True when token `i` is the last of its paragraph.
fn ends_paragraph(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens
        .get(i + 1)
        .is_none_or(|next| paragraph_break_between(text, tokens[i].end, next.start))
}

fn is_terminal(word: &str) -> bool {
    matches!(word, "." | "!" | "?" | "…") || (word.len() >= 2 && word.bytes().all(|b| b == b'.'))
}

fn starts_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// A blank line (two line breaks with only whitespace between) separates paragraphs.
fn paragraph_break_between(text: &str, from: usize, to: usize) -> bool {
    text.as_bytes()[from..to]
        .iter()
        .filter(|&&b| b == b'\n')
        .nth(1)
        .is_some()
}
