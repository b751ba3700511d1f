//! Narrative anchoring in undated texts: a relative expression takes its
//! calendar value only from a reference time of the same chapter or story,
//! set recently, that is a time of the story's events.

use storyscope::analysis::timex::narrative::WINDOW_PARAGRAPHS;
use storyscope::analysis::timex::tag_text;

/// (matched text, value) of every expression.
fn tagged(text: &str) -> Vec<(String, String)> {
    tag_text(text, None)
        .into_iter()
        .map(|e| (text[e.start..e.end].to_string(), e.value))
        .collect()
}

fn value_of(text: &str, expression: &str) -> String {
    tagged(text)
        .into_iter()
        .find(|(found, _)| found == expression)
        .map(|(_, value)| value)
        .unwrap_or_else(|| panic!("{expression:?} not tagged in {text:?}"))
}

#[test]
fn a_story_heading_ends_the_reference_time() {
    let text = "THE FIRST STORY\n\n\
        On 3 May 1890 the ship left Bristol. The next day a storm rose.\n\n\
        THE SECOND STORY\n\n\
        The next day the doctor came to the village.";
    let found = tagged(text);
    assert_eq!(found[1], ("The next day".into(), "1890-05-04".into()));
    // The second story does not inherit the first one's dates.
    assert_eq!(found[2], ("The next day".into(), "XXXX-XX-XX".into()));
}

#[test]
fn chapter_headings_split_too() {
    let text = "CHAPTER I\n\nIt was 12 June 1812 when they crossed.\n\n\
        CHAPTER II\n\nTwo days later the rain stopped.";
    assert_eq!(value_of(text, "Two days later"), "XXXX-XX-XX");
    let same_chapter = "CHAPTER I\n\nIt was 12 June 1812 when they crossed.\n\n\
        Two days later the rain stopped.";
    assert_eq!(value_of(same_chapter, "Two days later"), "1812-06-14");
}

#[test]
fn a_diary_carries_each_entry_forward() {
    let text = "4 May 1893. Left Munich at night. We reached Vienna.\n\n\
        The next day the train was late.\n\n\
        9 May 1893. The letter came. Two days later I answered it.";
    let found = tagged(text);
    let values: Vec<&str> = found.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(
        values,
        ["1893-05-04", "1893-05-05", "1893-05-09", "1893-05-11"],
        "{found:?}"
    );
}

#[test]
fn a_reference_time_expires_after_the_window() {
    let filler = "They talked of nothing at all.\n\n".repeat(WINDOW_PARAGRAPHS + 1);
    let text = format!("On 12 June 1812 the army crossed.\n\n{filler}The next day it rained.");
    assert_eq!(value_of(&text, "The next day"), "XXXX-XX-XX");
    let near = "On 12 June 1812 the army crossed.\n\nThey talked.\n\nThe next day it rained.";
    assert_eq!(value_of(near, "The next day"), "1812-06-13");
}

#[test]
fn a_birth_year_is_not_a_time_of_the_story() {
    let text = "Anna was born in 1790 in a small town. She married young.\n\n\
        The next year she left for the city, and that spring she wrote home.";
    let found = tagged(text);
    assert_eq!(found[0].1, "1790");
    for (expression, value) in &found[1..] {
        assert!(
            !value.starts_with("17"),
            "{expression:?} anchored to the birth year: {value}"
        );
    }
}

#[test]
fn the_story_time_survives_a_birth_date() {
    let text = "On 12 June 1812 the army crossed. The general, born in 1769, watched. \
        The next day it rained.";
    assert_eq!(value_of(text, "The next day"), "1812-06-13");
}

#[test]
fn a_date_quoted_in_an_extract_is_not_a_time_of_the_story() {
    let text =
        "“He caught once a whale that was white all over.” —A Voyage to Greenland, A.D. 1671.\n\n\
        The next day we sailed.";
    assert_eq!(value_of(text, "The next day"), "XXXX-XX-XX");
    let historical = "It was decreed by the States-General in A.D. 1695. The next day we sailed.";
    assert_eq!(value_of(historical, "The next day"), "XXXX-XX-XX");
}

#[test]
fn anchored_values_say_where_their_reference_was_set() {
    let text = "On 12 June 1812 the army crossed. Two days later it rained.";
    let found = tag_text(text, None);
    assert_eq!(found[0].anchored_at, None);
    assert_eq!(found[1].anchored_at, Some(found[0].start));
}
