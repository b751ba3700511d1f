//! Splitting a document body into paragraphs at blank lines.

use std::ops::Range;

/// Byte ranges of the paragraphs in `text[body]`: blocks of non-blank lines,
/// trimmed of surrounding whitespace (so CRLF and trailing spaces never leak
/// into a span).
pub fn split(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    let mut paragraphs = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut offset = body.start;
    for line in text[body.clone()].split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(p) = current.take() {
                paragraphs.push(p);
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let content_end = line_start + line.trim_end().len();
        match current.as_mut() {
            Some(p) => p.end = content_end,
            None => current = Some(line_start + lead..content_end),
        }
    }
    paragraphs.extend(current);
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(
            texts("One line\nstill one.\n\n\nTwo.  \n"),
            vec!["One line\nstill one.", "Two."]
        );
    }

    #[test]
    fn crlf_and_whitespace_only_lines() {
        assert_eq!(texts("A\r\nB\r\n \t\r\nC\r\n"), vec!["A\r\nB", "C"]);
    }

    #[test]
    fn empty_body() {
        assert!(texts("").is_empty());
        assert!(texts("\n\n  \n").is_empty());
    }
}
