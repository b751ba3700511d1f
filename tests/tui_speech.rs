//! Quotes and pronouns in the app, on a small story with a hand-made
//! analysis: the paragraph view (quotes in italics, the speaker in the
//! margin, the selected character's pronouns), the card's quotes, the
//! concordance of a character's speech and the "where it speaks" filter.

use storyscope::analysis::quotes::{Quote, Span};
use storyscope::analysis::{Analysis, Entity, EntityKind, Mention, MentionForm};
use storyscope::corpus::{self, Corpus};
use storyscope::tui::render_to_string;

const STORY: &str = "“Come in out of the rain,” said Ada. She smiled at Bo and took his coat.\n\n\
“Thank you,” he replied. “It is cold tonight.”\n\n\
The fire was low. Ada put on a log.\n\n\
Nobody spoke for a long while after that.\n";

fn corpus() -> Corpus {
    let document =
        corpus::document_from_bytes("rain.txt", STORY.as_bytes().to_vec()).expect("story loads");
    Corpus::from_documents(vec![document])
}

/// The `nth` occurrence of `needle`, as a mention.
fn mention(corpus: &Corpus, needle: &str, nth: usize, form: MentionForm) -> Mention {
    let text = &corpus.documents[0].text;
    let start = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .expect("needle in story");
    Mention {
        document: 0,
        paragraph: corpus.paragraph_at(0, start).expect("in a paragraph"),
        start,
        end: start + needle.len(),
        kind: EntityKind::Person,
        text: needle.to_string(),
        form,
    }
}

fn quote(corpus: &Corpus, id: usize, needle: &str, speaker: usize, cue: Option<&str>) -> Quote {
    let text = &corpus.documents[0].text;
    let start = text.find(needle).expect("quote in story");
    let end = start + needle.len();
    let cue = cue.map(|c| {
        let at = text[end..].find(c).expect("cue after quote") + end;
        Span {
            start: at,
            end: at + c.len(),
        }
    });
    Quote {
        id,
        document: 0,
        paragraph: corpus.paragraph_at(0, start).expect("in a paragraph"),
        start,
        end,
        text: needle.to_string(),
        speaker: Some(speaker),
        cue,
    }
}

fn analysis(corpus: &Corpus) -> Analysis {
    use MentionForm::{Name, Pronoun};
    let ada = Entity {
        id: 0,
        name: "Ada".to_string(),
        kind: EntityKind::Person,
        aliases: Vec::new(),
        mentions: vec![
            mention(corpus, "Ada", 0, Name),
            mention(corpus, "She", 0, Pronoun),
            mention(corpus, "Ada", 1, Name),
        ],
    };
    let bo = Entity {
        id: 1,
        name: "Bo".to_string(),
        kind: EntityKind::Person,
        aliases: Vec::new(),
        mentions: vec![
            mention(corpus, "Bo", 0, Name),
            mention(corpus, "his", 0, Pronoun),
            mention(corpus, "he", 1, Pronoun),
        ],
    };
    Analysis {
        entities: vec![ada, bo],
        timeline: Vec::new(),
        quotes: vec![
            quote(corpus, 0, "“Come in out of the rain,”", 0, Some("said Ada")),
            quote(corpus, 1, "“Thank you,”", 1, Some("he replied")),
            quote(corpus, 2, "“It is cold tonight.”", 1, None),
        ],
    }
}

fn screen(width: u16, height: u16, keys: &str) -> String {
    let corpus = corpus();
    let analysis = analysis(&corpus);
    render_to_string(&corpus, &analysis, width, height, keys).expect("render")
}

#[test]
fn paragraphs_show_quotes_with_their_speakers() {
    // "1": the entity list has focus, so Ada (its first entry) is highlighted.
    let screen = screen(120, 16, "1");
    insta::assert_snapshot!("speech_paragraphs_120x16", screen);
}

#[test]
fn card_counts_names_and_pronouns_and_quotes_what_it_says() {
    let screen = screen(120, 30, "1 j i");
    assert!(screen.contains("1 + 2 pronouns"), "{screen}");
    assert!(screen.contains("Quotes     2"), "{screen}");
    assert!(screen.contains("“Thank you,”"), "{screen}");
    insta::assert_snapshot!("speech_card_120x30", screen);
}

#[test]
fn entity_list_counts_names_only() {
    let screen = screen(120, 16, "");
    assert!(
        screen.contains("P Ada      2") || screen.contains("P Ada  "),
        "{screen}"
    );
    assert!(!screen.contains("P Ada      3"), "{screen}");
}

#[test]
fn quote_concordance_lists_the_speech_and_enter_jumps_into_history() {
    let listed = screen(120, 16, "1 j \"\\\"\"");
    assert!(listed.contains("Bo says"), "{listed}");
    assert!(listed.contains("Thank you"), "{listed}");
    assert!(listed.contains("It is cold tonight"), "{listed}");
    let jumped = screen(120, 16, "1 j \"\\\"\" j Enter C-o");
    assert!(!jumped.contains("Bo says"), "{jumped}");
}

#[test]
fn speaker_filter_keeps_the_paragraphs_where_it_speaks_and_esc_drops_it() {
    let filtered = screen(120, 16, "1 S");
    assert!(filtered.contains("filter: Ada speaks"), "{filtered}");
    assert!(filtered.contains("1/4 paragraphs"), "{filtered}");
    let dropped = screen(120, 16, "1 S Esc");
    assert!(dropped.contains("4/4 paragraphs"), "{dropped}");
}

/// The cells of the first screen row holding `needle`, from where it starts.
fn cells_of<'b>(buffer: &'b ratatui::buffer::Buffer, needle: &str) -> &'b [ratatui::buffer::Cell] {
    let width = buffer.area.width as usize;
    for row in 0..buffer.area.height as usize {
        let cells = &buffer.content[row * width..(row + 1) * width];
        let line: String = cells.iter().map(|c| c.symbol()).collect();
        if let Some(byte) = line.find(needle) {
            let column = line[..byte].chars().count();
            return &cells[column..];
        }
    }
    panic!("{needle:?} not on screen");
}

#[test]
fn quotes_are_italic_and_pronouns_a_step_dimmer_than_names() {
    use ratatui::style::Modifier;
    use storyscope::tui::theme::Theme;
    let corpus = corpus();
    let analysis = analysis(&corpus);
    for color in [true, false] {
        let buffer =
            storyscope::tui::render_to_buffer(&corpus, &analysis, 120, 16, "1", Theme::new(color))
                .expect("render");
        let quoted = cells_of(&buffer, "Come in out")[0].modifier;
        let narration = cells_of(&buffer, "smiled")[0].modifier;
        assert!(quoted.contains(Modifier::ITALIC), "{quoted:?}");
        assert!(!narration.contains(Modifier::ITALIC), "{narration:?}");
        // Ada is selected: her name in reverse video, her pronoun marked but not reversed.
        let name = cells_of(&buffer, "Ada. She")[0].modifier;
        let pronoun = cells_of(&buffer, "She smiled")[0].modifier;
        assert!(name.contains(Modifier::REVERSED), "{name:?}");
        assert!(!pronoun.contains(Modifier::REVERSED), "{pronoun:?}");
        assert!(pronoun.contains(Modifier::UNDERLINED), "{pronoun:?}");
        // Bo's pronoun is not marked while Ada is selected.
        let other = cells_of(&buffer, "his coat")[0].modifier;
        assert!(!other.contains(Modifier::UNDERLINED), "{other:?}");
    }
}
