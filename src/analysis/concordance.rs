//! Keyword in context: one line per mention of an entity or per match of a
//! search query, with the keyword aligned in a column.
//!
//! Hits are cheap byte ranges; display lines are built only for the rows on
//! screen, so a common word in a whole novel costs a list of ranges, not tens
//! of thousands of strings.

use std::ops::Range;

use rayon::prelude::*;
use unicode_width::UnicodeWidthChar;

use super::search::Query;
use super::Entity;
use crate::corpus::Corpus;

/// One occurrence of the keyword.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub document: usize,
    pub paragraph: usize,
    /// Byte range of the keyword in the document's file.
    pub keyword: Range<usize>,
}

/// Display columns given to each part of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KwicLayout {
    /// The left context is padded or cut to exactly this width.
    pub left: usize,
    /// The keyword is cut (ending in `…`) beyond this width.
    pub keyword: usize,
    /// The right context is cut to at most this width.
    pub right: usize,
}

/// A display line: `left` + `keyword` + `right`, on one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KwicLine {
    pub document: usize,
    pub paragraph: usize,
    pub keyword_range: Range<usize>,
    /// Exactly `layout.left` columns wide (space padded on the left), ending
    /// right before the keyword.
    pub left: String,
    pub keyword: String,
    /// At most `layout.right` columns wide.
    pub right: String,
}

/// Every hit of one keyword, in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Concordance {
    hits: Vec<Hit>,
}

impl Concordance {
    pub fn from_hits(hits: Vec<Hit>) -> Concordance {
        Concordance { hits }
    }

    /// The entity's mentions.
    pub fn for_entity(entity: &Entity) -> Concordance {
        Concordance::from_hits(entity_hits(entity).collect())
    }

    /// Matches of `query` in the given paragraphs (all paragraphs when
    /// `None`), searched in parallel, kept in text order.
    pub fn for_query(corpus: &Corpus, query: &Query, paragraphs: Option<&[usize]>) -> Concordance {
        let search = |id: usize| paragraph_hits(corpus, query, id).collect::<Vec<_>>();
        let hits = match paragraphs {
            Some(ids) => ids.par_iter().flat_map_iter(|&id| search(id)).collect(),
            None => (0..corpus.paragraphs.len())
                .into_par_iter()
                .flat_map_iter(search)
                .collect(),
        };
        Concordance { hits }
    }

    /// The total number of hits.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// The first row in paragraph `paragraph` or after it, to keep the
    /// concordance in step with the paragraph pane. Hits must be in
    /// paragraph order, as every constructor here makes them from sorted
    /// input.
    pub fn first_row_from(&self, paragraph: usize) -> Option<usize> {
        let row = self.hits.partition_point(|hit| hit.paragraph < paragraph);
        (row < self.hits.len()).then_some(row)
    }

    /// Display lines for the hits in `rows` (clamped to what exists).
    pub fn lines(&self, corpus: &Corpus, rows: Range<usize>, layout: KwicLayout) -> Vec<KwicLine> {
        let end = rows.end.min(self.hits.len());
        let start = rows.start.min(end);
        self.hits[start..end]
            .iter()
            .map(|hit| kwic_line(corpus, hit, layout))
            .collect()
    }
}

/// The entity's name mentions as hits, in text order.
pub fn entity_hits(entity: &Entity) -> impl Iterator<Item = Hit> + '_ {
    entity.names().map(|m| Hit {
        document: m.document,
        paragraph: m.paragraph,
        keyword: m.start..m.end,
    })
}

/// Matches of `query` in the listed paragraphs, lazily: take only what is on
/// screen, or count them all.
pub fn query_hits<'a>(
    corpus: &'a Corpus,
    query: &'a Query,
    paragraphs: impl IntoIterator<Item = usize> + 'a,
) -> impl Iterator<Item = Hit> + 'a {
    paragraphs
        .into_iter()
        .flat_map(move |id| paragraph_hits(corpus, query, id))
}

fn paragraph_hits<'a>(
    corpus: &'a Corpus,
    query: &'a Query,
    id: usize,
) -> impl Iterator<Item = Hit> + 'a {
    let paragraph = corpus.paragraphs.get(id).copied();
    let text = paragraph.map_or("", |p| corpus.paragraph_text(&p));
    query.matches(text).filter_map(move |range| {
        let p = paragraph?;
        Some(Hit {
            document: p.document,
            paragraph: id,
            keyword: p.start + range.start..p.start + range.end,
        })
    })
}

/// The display line for one hit. Context stays inside the hit's paragraph;
/// line breaks, tabs and control characters become single spaces.
pub fn kwic_line(corpus: &Corpus, hit: &Hit, layout: KwicLayout) -> KwicLine {
    let text = corpus
        .documents
        .get(hit.document)
        .map_or("", |d| d.text.as_str());
    let bounds = corpus
        .paragraphs
        .get(hit.paragraph)
        .map_or(0..text.len(), |p| p.start..p.end);
    let slice = |range: Range<usize>| text.get(range).unwrap_or("");
    let keyword = clamp_range(&hit.keyword, &bounds, text);
    let left_text = slice(bounds.start.min(keyword.start)..keyword.start);
    let right_text = slice(keyword.end..bounds.end.max(keyword.end));

    let left = tail_within(left_text, layout.left);
    let padding = layout.left.saturating_sub(display_width(&left));
    KwicLine {
        document: hit.document,
        paragraph: hit.paragraph,
        keyword_range: hit.keyword.clone(),
        left: format!("{}{left}", " ".repeat(padding)),
        keyword: head_within(slice(keyword), layout.keyword, true),
        right: head_within(right_text, layout.right, false),
    }
}

/// The hit's range kept inside the text and on char boundaries, so a stale
/// or foreign hit cannot panic.
fn clamp_range(range: &Range<usize>, bounds: &Range<usize>, text: &str) -> Range<usize> {
    let mut start = range
        .start
        .clamp(bounds.start, bounds.end.max(bounds.start));
    let mut end = range.end.clamp(start, bounds.end.max(start));
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    start.min(text.len())..end.min(text.len())
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

fn char_width(c: char) -> usize {
    if is_blank(c) {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// Display width of text whose blanks are already collapsed.
fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// The start of `text`, blanks collapsed, in at most `columns` columns. With
/// `ellipsis`, a cut is marked by a final `…`.
fn head_within(text: &str, columns: usize, ellipsis: bool) -> String {
    let mut out = String::new();
    let mut used = 0;
    let mut chars = collapse_blanks(text.chars()).peekable();
    while let Some(c) = chars.next() {
        let width = char_width(c);
        let reserve = usize::from(ellipsis && chars.peek().is_some());
        if used + width + reserve > columns {
            if ellipsis && used < columns {
                out.push('…');
            }
            break;
        }
        used += width;
        out.push(c);
    }
    out
}

/// The end of `text`, blanks collapsed, in at most `columns` columns. A
/// combining mark whose base character did not fit is dropped with it.
fn tail_within(text: &str, columns: usize) -> String {
    let mut reversed = Vec::new();
    let mut used = 0;
    for c in collapse_blanks(text.chars().rev()) {
        let width = char_width(c);
        if used + width > columns {
            break;
        }
        used += width;
        reversed.push(c);
    }
    while reversed.last().is_some_and(|&c| char_width(c) == 0) {
        reversed.pop();
    }
    reversed.iter().rev().collect()
}

/// Each run of whitespace or control characters as one space.
fn collapse_blanks(chars: impl Iterator<Item = char>) -> impl Iterator<Item = char> {
    let mut previous_blank = false;
    chars.filter_map(move |c| {
        let blank = is_blank(c);
        let keep = !(blank && previous_blank);
        previous_blank = blank;
        keep.then_some(if blank { ' ' } else { c })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_collapse_to_single_spaces() {
        let collapsed: String = collapse_blanks("a\r\n\t b\u{7}c".chars()).collect();
        assert_eq!(collapsed, "a b c");
    }

    #[test]
    fn the_tail_keeps_the_end_and_never_splits_a_wide_character() {
        assert_eq!(tail_within("hello world", 5), "world");
        assert_eq!(tail_within("東京タワー", 5), "ワー");
        // A combining mark stays with its base, and never stays alone.
        assert_eq!(tail_within("xe\u{301}", 1), "e\u{301}");
        assert_eq!(tail_within("東\u{301}", 1), "");
        assert_eq!(tail_within("xe\u{301}", 2), "xe\u{301}");
    }

    #[test]
    fn the_head_keeps_the_start() {
        assert_eq!(head_within("hello world", 5, false), "hello");
        assert_eq!(head_within("🙂🙂🙂", 5, false), "🙂🙂");
        assert_eq!(head_within("Pierre", 10, true), "Pierre");
        assert_eq!(head_within("Pierre Bezukhov", 7, true), "Pierre…");
        assert_eq!(head_within("", 0, true), "");
    }
}
