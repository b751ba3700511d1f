//! The narrative reference time of an undated text (a novel, a diary).
//!
//! A relative expression ("the next day", "that spring") is resolved
//! against a reference time only when that time is
//! - in the same section: chapter and story headings split the text;
//! - recent: set at most [`WINDOW_PARAGRAPHS`] paragraphs back;
//! - a time of the story's events: an explicit date that is not a birth or
//!   death date, an age, or a historical or bibliographic date (cue words in
//!   `assets/timex/not_story_time.txt`, or the source line after a quoted
//!   extract).
//!
//! Otherwise the value keeps its placeholders (`XXXX-XX-XX`, `PAST_REF`).
//! A day reached from a valid reference ("two days later") becomes the
//! reference in turn, so a dated diary entry carries its day forward.

use std::sync::OnceLock;

use super::normalize::Anchor;

/// How many paragraphs back a reference time still anchors a relative
/// expression: about a scene. Further back, the story has usually moved on.
pub const WINDOW_PARAGRAPHS: usize = 20;

const HEADING_WORDS: &str = include_str!("../../../assets/timex/section_headings.txt");
const NOT_STORY_TIME: &str = include_str!("../../../assets/timex/not_story_time.txt");

/// Where an offset lies: its paragraph and section (both counted from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub paragraph: usize,
    pub section: usize,
}

/// The paragraphs and sections of a text.
#[derive(Debug, Clone, Default)]
pub struct Sections {
    /// Start offset of each paragraph, ascending.
    starts: Vec<usize>,
    /// Section of each paragraph (a heading opens a new one).
    section: Vec<usize>,
}

impl Sections {
    pub fn new(text: &str) -> Sections {
        let mut sections = Sections::default();
        let mut current = 0;
        for range in crate::corpus::paragraphs::split(text, 0..text.len()) {
            if is_heading(&text[range.clone()]) {
                current += 1;
            }
            sections.starts.push(range.start);
            sections.section.push(current);
        }
        sections
    }

    /// The place of byte `offset` (before the first paragraph: paragraph 0).
    pub fn locate(&self, offset: usize) -> Place {
        let paragraph = self
            .starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        Place {
            paragraph,
            section: self.section.get(paragraph).copied().unwrap_or(0),
        }
    }

    /// Start offset of the paragraph holding `offset`.
    pub fn paragraph_start(&self, offset: usize) -> usize {
        let place = self.locate(offset);
        self.starts.get(place.paragraph).copied().unwrap_or(0)
    }
}

/// A time of the story's events and where the text set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferenceTime {
    pub anchor: Anchor,
    /// Byte offset of the expression that set it.
    pub at: usize,
    pub place: Place,
}

impl ReferenceTime {
    /// Whether it may anchor a relative expression at `place`.
    pub fn reaches(&self, place: Place) -> bool {
        place.section == self.place.section
            && place.paragraph.saturating_sub(self.place.paragraph) <= WINDOW_PARAGRAPHS
    }
}

/// A one-line paragraph that opens a chapter or a story: "CHAPTER IV",
/// "Book Two: 1806", "XII.", or a short title in capitals.
pub fn is_heading(paragraph: &str) -> bool {
    let line = paragraph.trim();
    if line.contains('\n') || line.len() > 80 || line.is_empty() {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let first: String = words[0]
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if words.len() <= 10 && heading_words().iter().any(|w| *w == first) {
        return true;
    }
    let bare = line.trim_end_matches(['.', ':']);
    let numeral = !bare.is_empty()
        && (bare.chars().all(|c| c.is_ascii_digit())
            || bare.chars().all(|c| "IVXLCDM".contains(c)));
    if numeral {
        return true;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = letters >= 4
        && words.len() <= 8
        && !line.chars().any(char::is_lowercase)
        && !line.ends_with(['!', '?', ',']);
    capitals
}

fn heading_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| word_list(HEADING_WORDS))
}

/// Lower-case cue words that mark a date as not a time of the story.
pub fn not_story_time_cues() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| word_list(NOT_STORY_TIME))
}

fn word_list(data: &'static str) -> Vec<&'static str> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

/// A date in the source line of a quoted extract: the paragraph opens with
/// a quotation mark and the date comes after the quotation closed
/// ("“…white all over.” —A Voyage to Greenland, A.D. 1671.").
pub fn in_citation(text: &str, paragraph_start: usize, date_start: usize) -> bool {
    let Some(before) = text.get(paragraph_start..date_start) else {
        return false;
    };
    let trimmed = before.trim_start_matches(|c: char| c == '_' || c.is_whitespace());
    let opens_quoted = trimmed.starts_with(['“', '"']);
    opens_quoted
        && before
            .rfind(['”', '"'])
            .is_some_and(|close| close > before.len() - trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        for heading in [
            "CHAPTER IV",
            "Chapter 12.",
            "BOOK TWO: 1806",
            "XII.",
            "THE RED-HEADED LEAGUE",
            "Stave One",
        ] {
            assert!(is_heading(heading), "{heading}");
        }
        for line in [
            "He read a chapter of the book.",
            "Books were everywhere in the room, piled on the floor.",
            "“No!”",
            "HELP!",
        ] {
            assert!(!is_heading(line), "{line}");
        }
    }

    #[test]
    fn sections_split_at_headings() {
        let text = "CHAPTER I\n\nOne.\n\nTwo.\n\nCHAPTER II\n\nThree.";
        let sections = Sections::new(text);
        let three = text.find("Three").unwrap_or(0);
        let two = text.find("Two").unwrap_or(0);
        assert_eq!(sections.locate(two).section, 1);
        assert_eq!(sections.locate(three).section, 2);
        assert_eq!(sections.locate(three).paragraph, 4);
    }

    #[test]
    fn citations() {
        let text = "“It was white all over.” —A Voyage, A.D. 1671.";
        let year = text.find("1671").unwrap_or(0);
        assert!(in_citation(text, 0, year));
        let told = "In 1812 the army crossed.";
        assert!(!in_citation(told, 0, 3));
    }
}
