//! An edition's own matter around the story: the title page, preface,
//! contents, lists of illustrations, credits before the first chapter, and
//! illustration captions between paragraphs ("[Illustration: ... Copyright
//! 1894 by George Allen.]"). None of it is the story: it is left out of the
//! paragraphs and so of the analysis.

use std::ops::Range;

/// Words that open a line of front matter.
const FRONT_MATTER_WORDS: &[&str] = &[
    "contents",
    "preface",
    "introduction",
    "illustrations",
    "[illustration",
    "list of illustrations",
    "etymology",
    "extracts",
    "transcriber",
    "foreword",
    "dedicated",
    "dedication",
    "copyright",
    "published",
    "edition",
    "illustrated",
    "printed",
];

/// Words that open a chapter heading, and the numbers of a first chapter.
const HEADING_WORDS: &[&str] = &[
    "chapter", "book", "part", "stave", "letter", "volume", "prologue",
];
const FIRST_NUMBERS: &[&str] = &["i", "1", "one", "first", "the first"];

/// How far into the body the first chapter may start for what comes before
/// it to count as front matter.
const MAX_FRONT_SHARE: f64 = 0.35;

/// Where the story starts in `text[body]`: the line of the first chapter
/// heading that prose follows, when the body before it reads as an
/// edition's front matter; else the body's own start.
pub fn story_start(text: &str, body: Range<usize>) -> usize {
    let limit = body.start + ((body.len() as f64) * MAX_FRONT_SHARE) as usize;
    let mut saw_front_matter = false;
    let mut offset = body.start;
    let lines: Vec<&str> = text[body.clone()].split_inclusive('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let start = offset;
        offset += line.len();
        if start > limit {
            break;
        }
        let lower = line.trim().to_lowercase();
        saw_front_matter |= FRONT_MATTER_WORDS.iter().any(|w| lower.starts_with(w));
        if saw_front_matter && is_first_heading(&lower) && prose_follows(&lines[i + 1..]) {
            return start;
        }
    }
    body.start
}

/// "CHAPTER I.", "Chapter 1. Loomings.", "BOOK ONE: 1805", "Chapter I.]".
fn is_first_heading(lower: &str) -> bool {
    let mut words = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | ']' | ','))
        .filter(|w| !w.is_empty());
    let (Some(head), number) = (words.next(), words.next()) else {
        return false;
    };
    HEADING_WORDS.contains(&head)
        && (head == "prologue" || number.is_some_and(|n| FIRST_NUMBERS.contains(&n)))
        && lower.len() < 80
}

/// The next non-blank block is prose, not another heading or a list line:
/// long lines of words that do not end with a page number.
fn prose_follows(rest: &[&str]) -> bool {
    let block: Vec<&str> = rest
        .iter()
        .map(|l| l.trim())
        .skip_while(|l| l.is_empty() || is_heading_like(l))
        .take_while(|l| !l.is_empty())
        .collect();
    let chars: usize = block.iter().map(|l| l.chars().count()).sum();
    let numbered = block
        .iter()
        .filter(|l| l.ends_with(|c: char| c.is_ascii_digit()))
        .count();
    chars >= 60
        && numbered * 4 < block.len().max(1)
        && block.iter().any(|l| l.contains(". ") || l.ends_with('.'))
}

/// A short title line under a heading ("Loomings.", "1805").
fn is_heading_like(line: &str) -> bool {
    line.chars().count() < 40 && !line.contains(". ")
}

/// Paragraph ranges without the illustration blocks of an edition: from a
/// paragraph opening with "[Illustration" to the one that closes its bracket,
/// and stray "[_Copyright ...]" captions.
pub fn without_illustrations(text: &str, paragraphs: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut kept = Vec::with_capacity(paragraphs.len());
    let mut depth: i32 = 0;
    for range in paragraphs {
        let paragraph = &text[range.clone()];
        let opens = paragraph.starts_with("[Illustration") || paragraph.starts_with("[_Copyright");
        if depth == 0 && !opens {
            kept.push(range);
            continue;
        }
        depth += paragraph.matches('[').count() as i32 - paragraph.matches(']').count() as i32;
        depth = depth.max(0);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOOK: &str = "THE VOYAGE\n\nIllustrated by A. Painter\n\nCONTENTS\n\nCHAPTER I. The Quay\n\nCHAPTER II. The Storm\n\nPREFACE\n\nThis edition follows the first one. Mr. Critic says it is good.\n\nCHAPTER I. The Quay\n\nThe ship left at dawn. Nobody on the quay waved, and the captain did not look back at the town he had known since he was a boy.\n\nCHAPTER II. The Storm\n\nIt rained.\n";

    #[test]
    fn front_matter_ends_at_the_first_chapter_followed_by_prose() {
        let book = format!(
            "{BOOK}{}",
            "\nThe wind rose and the sails filled.\n".repeat(20)
        );
        let start = story_start(&book, 0..book.len());
        assert!(book[start..].starts_with("CHAPTER I. The Quay\n\nThe ship"));
        // Past the first third of the book, a "first chapter" is no longer
        // the end of front matter (a second part starting over).
        assert_eq!(story_start(BOOK, 0..BOOK.len()), 0);
    }

    #[test]
    fn a_text_without_front_matter_starts_at_its_body() {
        let text = "CHAPTER I\n\nThe ship left at dawn and nobody waved; the captain did not look back at the town he had known.\n";
        assert_eq!(story_start(text, 0..text.len()), 0);
        let plain = "It was a dark night. Nobody came.\n";
        assert_eq!(story_start(plain, 0..plain.len()), 0);
    }

    #[test]
    fn illustration_blocks_are_left_out() {
        let text = "One.\n\n[Illustration:\n\n“He came”\n\n[_Copyright 1894 by A. Publisher._]]\n\nTwo.\n\n[_Copyright 1894._]\n\nThree.";
        let paragraphs = crate::corpus::paragraphs::split(text, 0..text.len());
        let kept: Vec<&str> = without_illustrations(text, paragraphs)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(kept, ["One.", "Two.", "Three."]);
    }
}
