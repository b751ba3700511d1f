//! A small story with a hand-made analysis, so the TUI tests do not depend
//! on how the analysis evolves. The text has CJK, a combining mark, an emoji
//! and terminal escape sequences.

#![allow(dead_code)]

use jiff::civil::Date;
use storyscope::analysis::{
    Analysis, DateInterval, Entity, EntityKind, Mention, TimelineEntry, TimexType,
};
use storyscope::corpus::{self, Corpus};

pub const TEXT: &str = include_str!("../fixtures/night_ferry.txt");

pub fn corpus() -> Corpus {
    let document = corpus::document_from_bytes("night_ferry.txt", TEXT.as_bytes().to_vec())
        .expect("fixture loads");
    Corpus::from_documents(vec![document])
}

/// The byte range of the `nth` occurrence of `needle`.
fn find(needle: &str, nth: usize) -> (usize, usize) {
    let start = TEXT
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("fixture has no {needle:?} #{nth}"))
        .0;
    (start, start + needle.len())
}

fn mention(corpus: &Corpus, needle: &str, nth: usize, kind: EntityKind) -> Mention {
    let (start, end) = find(needle, nth);
    Mention {
        document: 0,
        paragraph: corpus
            .paragraph_at(0, start)
            .expect("mention inside a paragraph"),
        start,
        end,
        kind,
        text: needle.to_string(),
        form: storyscope::analysis::MentionForm::Name,
    }
}

fn entity(id: usize, name: &str, kind: EntityKind, mentions: Vec<Mention>) -> Entity {
    Entity {
        id,
        name: name.to_string(),
        kind,
        aliases: Vec::new(),
        mentions,
    }
}

fn day(text: &str) -> Date {
    text.parse().expect("date")
}

pub fn analysis(corpus: &Corpus) -> Analysis {
    use EntityKind::*;
    let m = |needle, nth, kind| mention(corpus, needle, nth, kind);
    let entities = vec![
        entity(
            0,
            "Ada Lovelace",
            Person,
            vec![
                m("Ada Lovelace", 0, Person),
                m("Ada", 1, Person),
                m("Ada", 2, Person),
            ],
        ),
        entity(1, "Dover", Place, vec![m("Dover", 0, Place)]),
        entity(
            2,
            "Channel Lines",
            Organization,
            vec![m("Channel Lines", 0, Organization)],
        ),
        entity(3, "Calais", Place, vec![m("Calais", 0, Place)]),
        entity(
            4,
            "Charles Babbage",
            Person,
            vec![m("Charles Babbage", 0, Person)],
        ),
        entity(5, "東京", Place, vec![m("東京", 0, Place)]),
        entity(6, "Kenji", Person, vec![m("Kenji", 0, Person)]),
    ];
    let timex = |id, needle: &str, timex_type, value: &str, interval: Option<(&str, &str)>| {
        let (start, end) = find(needle, 0);
        TimelineEntry {
            id,
            document: 0,
            paragraph: corpus.paragraph_at(0, start).expect("in a paragraph"),
            start,
            end,
            text: needle.to_string(),
            timex_type,
            value: value.to_string(),
            event: format!("event around {needle}"),
            entities: vec![0],
            interval: interval.map(|(first, last)| DateInterval {
                first: day(first),
                last: day(last),
            }),
        }
    };
    let entry = |id, needle: &str, value: &str, interval: Option<(&str, &str)>| {
        timex(id, needle, TimexType::Date, value, interval)
    };
    let timeline = vec![
        entry(
            0,
            "3 March 2024",
            "2024-03-03",
            Some(("2024-03-03", "2024-03-03")),
        ),
        entry(
            1,
            "Two days later",
            "2024-03-05",
            Some(("2024-03-05", "2024-03-05")),
        ),
        entry(2, "dawn", "XXXX-XX-XXTMO", None),
        // The same day as "3 March 2024", which is the document's date.
        entry(
            3,
            "night",
            "2024-03-03TNI",
            Some(("2024-03-03", "2024-03-03")),
        ),
        timex(4, "Two days", TimexType::Duration, "P2D", None),
    ];
    Analysis {
        entities,
        timeline,
        quotes: Vec::new(),
    }
}

/// Applies the actions in order, as the key map would.
pub fn run(app: &mut storyscope::tui::app::App, actions: &[storyscope::tui::action::Action]) {
    for action in actions {
        storyscope::tui::update::update(app, *action);
    }
}

/// The app on `analysis` with the default keys and the dark theme, in a
/// terminal of `width` x `height`.
pub fn app_sized<'a>(
    corpus: &'a Corpus,
    analysis: &'a Analysis,
    width: u16,
    height: u16,
) -> storyscope::tui::app::App<'a> {
    use storyscope::tui::{action::Action, app::App, keymap::Keymap, theme::Theme};
    let keymap = Keymap::default_map().expect("default keys");
    let mut app = App::new(corpus, analysis, keymap, Theme::new(false));
    storyscope::tui::update::update(&mut app, Action::Resize { width, height });
    app
}

/// [`app_sized`] in a 120 x 40 terminal.
pub fn app<'a>(corpus: &'a Corpus, analysis: &'a Analysis) -> storyscope::tui::app::App<'a> {
    app_sized(corpus, analysis, 120, 40)
}

/// Types `text` into the search prompt, one character at a time.
pub fn type_text(app: &mut storyscope::tui::app::App, text: &str) {
    for c in text.chars() {
        storyscope::tui::update::update(app, storyscope::tui::action::Action::SearchInput(c));
    }
}
