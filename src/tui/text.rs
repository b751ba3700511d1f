//! Text as the terminal sees it: control characters made visible, widths
//! measured with unicode-width, soft newlines collapsed, words wrapped.
//!
//! Wrapped lines are byte ranges into the source, so styles (mentions,
//! search hits) can be looked up by source offset when a line is drawn.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A visible stand-in for a control character, so that no escape sequence
/// from the text ever reaches the terminal.
fn visible_control(c: char) -> Option<char> {
    match c {
        '\u{1b}' => Some('␛'),
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('␡'),
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// True for a grapheme that is only whitespace (space, tab, newline, CRLF).
pub fn is_space(grapheme: &str) -> bool {
    grapheme.chars().all(char::is_whitespace)
}

/// A grapheme as it is drawn: control characters replaced.
pub fn displayed(grapheme: &str) -> Cow<'_, str> {
    if grapheme.chars().any(|c| visible_control(c).is_some()) {
        Cow::Owned(
            grapheme
                .chars()
                .map(|c| visible_control(c).unwrap_or(c))
                .collect(),
        )
    } else {
        Cow::Borrowed(grapheme)
    }
}

/// Display width of a (non-space) grapheme once made safe.
pub fn grapheme_width(grapheme: &str) -> usize {
    displayed(grapheme).width()
}

/// Makes a one-line label safe: whitespace runs become one space, control
/// characters become visible.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for grapheme in text.graphemes(true) {
        if is_space(grapheme) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push_str(&displayed(grapheme));
    }
    out
}

/// Cuts `text` to at most `width` columns, ending with `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    if width > 0 {
        // Text that was already cut elsewhere keeps a single ellipsis.
        let kept = out.trim_end_matches(['…', ' ']).len();
        out.truncate(kept);
        out.push('…');
    }
    out
}

/// Lowercased, whitespace runs collapsed to one space: to compare two
/// labels as a reader would.
pub fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The largest char boundary of `text` at or before `index`.
pub fn floor_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Wraps `text` at word boundaries to `width` columns, collapsing whitespace
/// runs (soft newlines included) into single spaces. Returns the byte range
/// of each line (leading and trailing spaces excluded); a word wider than
/// the line is cut between graphemes.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line: Option<Range<usize>> = None;
    let mut line_width = 0;
    let mut word: Option<Range<usize>> = None;
    let mut word_width = 0;

    let place_word = |word: Range<usize>,
                      word_width: usize,
                      lines: &mut Vec<Range<usize>>,
                      line: &mut Option<Range<usize>>,
                      line_width: &mut usize| {
        if let Some(current) = line {
            if *line_width + 1 + word_width <= width {
                current.end = word.end;
                *line_width += 1 + word_width;
                return;
            }
            lines.push(current.clone());
            *line = None;
        }
        if word_width <= width {
            *line = Some(word);
            *line_width = word_width;
            return;
        }
        // A word longer than the line: cut it into full-width pieces.
        let mut piece_start = word.start;
        let mut piece_width = 0;
        for (offset, grapheme) in text[word.clone()].grapheme_indices(true) {
            let w = grapheme_width(grapheme);
            if piece_width + w > width && piece_width > 0 {
                lines.push(piece_start..word.start + offset);
                piece_start = word.start + offset;
                piece_width = 0;
            }
            piece_width += w;
        }
        *line = Some(piece_start..word.end);
        *line_width = piece_width;
    };

    for (offset, grapheme) in text.grapheme_indices(true) {
        if is_space(grapheme) {
            if let Some(done) = word.take() {
                place_word(done, word_width, &mut lines, &mut line, &mut line_width);
            }
            continue;
        }
        let end = offset + grapheme.len();
        match &mut word {
            Some(current) => current.end = end,
            None => {
                word = Some(offset..end);
                word_width = 0;
            }
        }
        word_width += grapheme_width(grapheme);
    }
    if let Some(done) = word.take() {
        place_word(done, word_width, &mut lines, &mut line, &mut line_width);
    }
    if let Some(current) = line {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_words_and_treats_soft_newlines_as_spaces() {
        let text = "The quick brown\nfox jumps  over the\r\nlazy dog";
        assert_eq!(
            wrapped(text, 10),
            vec![
                "The quick",
                "brown\nfox",
                "jumps  over",
                "the\r\nlazy",
                "dog"
            ]
        );
        for line in wrap(text, 10) {
            assert!(one_line(&text[line]).width() <= 10);
        }
    }

    #[test]
    fn cuts_words_longer_than_the_line() {
        assert_eq!(
            wrapped("abcdefghij xy", 4),
            vec!["abcd", "efgh", "ij", "xy"]
        );
    }

    #[test]
    fn measures_wide_and_combining_characters() {
        // Each CJK character is two columns; e + combining acute is one.
        assert_eq!(
            wrapped("日本語の文章 cafe\u{301}s", 6),
            vec!["日本語", "の文章", "cafe\u{301}s"]
        );
        assert_eq!(wrapped("👩‍👩‍👧 ok", 2), vec!["👩‍👩‍👧", "ok"]);
    }

    #[test]
    fn control_characters_become_visible() {
        let label = one_line("red \u{1b}[31mtext\u{7}\u{9b}");
        assert_eq!(label, "red ␛[31mtext␇\u{fffd}");
        assert!(!label.chars().any(char::is_control));
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("Baghdad", 5), "Bagh…");
        assert_eq!(truncate("Baghdad", 7), "Baghdad");
        assert_eq!(truncate("日本語", 4), "日…");
    }
}
