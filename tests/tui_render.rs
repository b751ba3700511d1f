//! Snapshots of whole screens drawn by `render_to_string`, on a fixture
//! story with a hand-made analysis (stable) and on the bundled story (its
//! analysis changes as the analysis improves; re-accept those snapshots).

mod tui_fixture;

use storyscope::analysis::{self, AnalysisOptions};
use storyscope::corpus;
use storyscope::tui::render_to_string;

fn fixture_screen(width: u16, height: u16, keys: &str) -> String {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    render_to_string(&corpus, &analysis, width, height, keys).expect("render")
}

fn bundled_screen(width: u16, height: u16, keys: &str) -> String {
    let corpus = corpus::load_bundled();
    let analysis = analysis::analyze(&corpus, &AnalysisOptions::default());
    render_to_string(&corpus, &analysis, width, height, keys).expect("render")
}

/// Every screen has exactly `height` rows, none wider than `width` columns.
fn assert_fits(screen: &str, width: u16, height: u16) {
    use unicode_width::UnicodeWidthStr;
    assert_eq!(screen.lines().count(), height as usize, "{screen}");
    for line in screen.lines() {
        assert!(line.width() <= width as usize, "too wide: {line:?}");
    }
}

const SCRIPTS: &[(&str, &str)] = &[
    ("initial", ""),
    ("entity_filter", "1 j j Enter"),
    ("search", "/ \"ADA\""),
    ("help", "?"),
    ("timeline", "3 j Enter"),
    ("timeline_durations", "3 D G"),
    ("card", "1 i"),
    ("card_companion", "1 i j Enter"),
    ("concordance", "1 c"),
    ("search_concordance", "/ \"ada\" Enter c j"),
];

#[test]
fn fixture_screens() {
    for (width, height) in [(120, 40), (80, 24)] {
        for (name, keys) in SCRIPTS {
            let screen = fixture_screen(width, height, keys);
            assert_fits(&screen, width, height);
            insta::assert_snapshot!(format!("fixture_{name}_{width}x{height}"), screen, keys);
        }
    }
}

#[test]
fn bundled_screens() {
    for (width, height) in [(120, 40), (80, 24)] {
        for (name, keys) in SCRIPTS {
            let screen = bundled_screen(width, height, keys);
            assert_fits(&screen, width, height);
            insta::assert_snapshot!(format!("bundled_{name}_{width}x{height}"), screen, keys);
        }
    }
}

#[test]
fn escape_sequences_never_reach_the_screen() {
    let screen = fixture_screen(120, 40, "");
    assert!(!screen.contains('\u{1b}'), "{screen}");
    assert!(screen.contains("␛[31mred␛[0m"), "{screen}");
}

#[test]
fn entity_filter_shows_only_its_paragraphs() {
    // Ada Lovelace is first (most mentions): Enter on it keeps the three
    // paragraphs that mention her.
    let screen = fixture_screen(120, 40, "1 Enter");
    assert!(screen.contains("3/5 paragraphs"), "{screen}");
    assert!(screen.contains("filter: P Ada Lovelace"), "{screen}");
    assert!(!screen.contains("Kenji joined"), "{screen}");
}

#[test]
fn search_is_case_insensitive_and_escape_clears_it() {
    let screen = fixture_screen(120, 40, "/ \"DOVER\" Enter");
    assert!(screen.contains("1/5 paragraphs"), "{screen}");
    let cleared = fixture_screen(120, 40, "/ \"DOVER\" Enter Esc");
    assert!(cleared.contains("5/5 paragraphs"), "{cleared}");
}

#[test]
fn help_lists_every_bound_key() {
    let keymap = storyscope::tui::keymap::Keymap::default_map().expect("keys");
    // The help scrolls when it is longer than the screen: read every page.
    let screen: String = [
        "F1",
        "F1 PageDown",
        "F1 PageDown PageDown",
        "F1 PageDown PageDown PageDown",
    ]
    .iter()
    .map(|keys| fixture_screen(120, 40, keys))
    .collect();
    for binding in keymap.bindings() {
        assert!(
            screen.contains(&binding.description),
            "missing {}",
            binding.description
        );
    }
}

#[test]
fn empty_story_says_so() {
    let document = corpus::document_from_bytes("empty.txt", Vec::new()).expect("empty loads");
    let corpus = corpus::Corpus::from_documents(vec![document]);
    let analysis = analysis::Analysis::default();
    for (width, height) in [(120, 40), (80, 24), (20, 6)] {
        let screen = render_to_string(
            &corpus,
            &analysis,
            width,
            height,
            "j G / \"x\" Enter 3 Enter n ?",
        )
        .expect("render");
        assert_fits(&screen, width, height);
    }
    let screen = render_to_string(&corpus, &analysis, 80, 24, "").expect("render");
    assert!(screen.contains("This story is empty"), "{screen}");
}

#[test]
fn tiny_and_odd_sizes_do_not_panic() {
    for (width, height) in [(1, 1), (20, 6), (5, 40), (200, 3), (99, 19), (100, 10)] {
        let screen = fixture_screen(
            width,
            height,
            "1 j Enter Tab 3 j Enter ? Esc / \"a\" Enter n N G PageUp",
        );
        assert_fits(&screen, width, height);
    }
    let screen = fixture_screen(20, 6, "");
    assert!(screen.contains("Paragraphs"), "{screen}");
}

#[test]
fn unknown_key_in_script_is_an_error() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let error = render_to_string(&corpus, &analysis, 80, 24, "j Bogus").unwrap_err();
    assert!(format!("{error:#}").contains("'Bogus'"));
}

/// The cells showing the first occurrence of `needle` on screen.
fn cells_of<'a>(
    buffer: &'a ratatui::buffer::Buffer,
    needle: &str,
) -> Vec<&'a ratatui::buffer::Cell> {
    let screen = storyscope::tui::buffer_to_string(buffer);
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, line)| line.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{screen}"));
    let column = unicode_width::UnicodeWidthStr::width(&line[..line.find(needle).unwrap_or(0)]);
    (0..needle.chars().count())
        .map(|i| &buffer[(column as u16 + i as u16, row as u16)])
        .collect()
}

#[test]
fn mentions_are_styled_by_kind_with_and_without_colour() {
    use ratatui::style::{Color, Modifier};
    use storyscope::tui::theme::Theme;
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let render = |color, keys| {
        storyscope::tui::render_to_buffer(&corpus, &analysis, 120, 40, keys, Theme::new(color))
            .expect("render")
    };
    // Colour: the place Dover is green, the organisation magenta.
    let colour = render(true, "");
    assert!(cells_of(&colour, "Dover on")[..5]
        .iter()
        .all(|c| c.fg == Color::Green));
    assert!(cells_of(&colour, "Channel Lines greeted")[..13]
        .iter()
        .all(|c| c.fg == Color::Magenta));
    // Without colour a mention still differs from plain text and a person
    // from a place.
    let plain = render(false, "");
    let dover = cells_of(&plain, "Dover on")[0].modifier;
    let ada = cells_of(&plain, "Ada Lovelace boarded")[0].modifier;
    let plain_word = cells_of(&plain, "boarded")[0].modifier;
    assert!(plain
        .content
        .iter()
        .all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
    assert_ne!(dover, plain_word);
    assert_ne!(dover, ada);
    // The selected entity's mentions are shown in reverse video.
    let selected = render(false, "1 Enter");
    let ada = cells_of(&selected, "Ada Lovelace boarded")[0].modifier;
    assert!(ada.contains(Modifier::REVERSED), "{ada:?}");
}

#[test]
fn each_document_of_a_folder_story_gets_a_heading() {
    let document = |name: &str, text: &str| {
        corpus::document_from_bytes(name, text.as_bytes().to_vec()).expect("loads")
    };
    let corpus = corpus::Corpus::from_documents(vec![
        document(
            "a.txt",
            "date 2020-01-02\nMarkets fall\n\nStocks fell on Monday.",
        ),
        document(
            "b.txt",
            "date 2020-01-09\nMarkets rally\n\nStocks rose on Thursday.",
        ),
    ]);
    let screen =
        render_to_string(&corpus, &analysis::Analysis::default(), 100, 20, "").expect("render");
    assert!(
        screen.contains("── 1/2 · Markets fall · 2020-01-02 ─"),
        "{screen}"
    );
    assert!(
        screen.contains("── 2/2 · Markets rally · 2020-01-09 ─"),
        "{screen}"
    );
    // Filtering keeps the heading of the document that still shows.
    let screen = render_to_string(
        &corpus,
        &analysis::Analysis::default(),
        100,
        20,
        "/ \"rose\"",
    )
    .expect("render");
    assert!(!screen.contains("── 1/2"), "{screen}");
    assert!(screen.contains("── 2/2 · Markets rally"), "{screen}");
}
