//! The app's current view as Markdown: the filters as a heading, then the
//! shown paragraphs with their numbers, mentions of the filtered entities in
//! bold. Text is escaped so that the story's own `*`, `#` or `<` stay text.

use std::fmt::Write as _;

use crate::analysis::Analysis;
use crate::corpus::Corpus;

/// What to write: the shown paragraphs, how the filters read, and the
/// entities whose mentions are set in bold (indices into `Analysis::entities`).
pub struct View<'a> {
    pub paragraphs: &'a [usize],
    pub filters: &'a [String],
    pub bold_entities: &'a [usize],
}

pub fn view(corpus: &Corpus, analysis: &Analysis, view: &View) -> String {
    let mut out = String::new();
    let title = match corpus.documents.as_slice() {
        [only] => only.title.clone(),
        [first, rest @ ..] => format!("{} and {} more", first.title, rest.len()),
        [] => "(empty story)".to_string(),
    };
    let _ = writeln!(out, "# {}\n", inline(&title));
    if view.filters.is_empty() {
        out.push_str("## Every paragraph\n\n");
    } else {
        let filters: Vec<String> = view.filters.iter().map(|f| inline(f)).collect();
        let _ = writeln!(out, "## Filter: {}\n", filters.join(" + "));
    }
    let _ = writeln!(
        out,
        "{} of {} paragraphs, exported by storyscope.\n",
        view.paragraphs.len(),
        corpus.paragraphs.len()
    );
    let mut document = None;
    for &id in view.paragraphs {
        let Some(paragraph) = corpus.paragraphs.get(id) else {
            continue;
        };
        if corpus.documents.len() > 1 && document != Some(paragraph.document) {
            document = Some(paragraph.document);
            let doc = &corpus.documents[paragraph.document];
            let _ = writeln!(out, "### {}\n", inline(&doc.title));
        }
        let text = &corpus.documents[paragraph.document].text;
        let mut bold: Vec<(usize, usize)> = view
            .bold_entities
            .iter()
            .filter_map(|&e| analysis.entities.get(e))
            .flat_map(|e| e.mentions.iter())
            .filter(|m| m.paragraph == id && m.start < m.end)
            .map(|m| (m.start, m.end))
            .collect();
        bold.sort_unstable();
        let _ = write!(out, "**¶{}** ", id + 1);
        let mut at = paragraph.start;
        for (start, end) in bold {
            let inside = start >= at && end <= paragraph.end;
            if !inside || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            out.push_str(&escaped(&text[at..start]));
            let _ = write!(out, "**{}**", inline(&text[start..end]));
            at = end;
        }
        out.push_str(escaped(&text[at..paragraph.end]).trim_end());
        out.push_str("\n\n");
    }
    out
}

/// One line of Markdown-safe text: whitespace runs become one space,
/// control characters their visible symbols, and Markdown's special
/// characters are backslash-escaped.
pub fn inline(text: &str) -> String {
    escaped(text.trim())
}

/// Like [`inline`] for a piece of a line: a space at either end stays.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('␡'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::inline;

    #[test]
    fn inline_text_is_one_escaped_line() {
        assert_eq!(
            inline("  a *b*\n  <c> #1 \u{1b}[0m"),
            r"a \*b\* \<c\> \#1 ␛\[0m"
        );
    }
}
