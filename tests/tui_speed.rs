//! Timing of the app's hot paths on a whole novel. Not a timed test (the
//! machine may be busy): it prints the figures. Needs the shared corpus:
//!   cargo test --release --test tui_speed -- --ignored --nocapture

use std::time::Instant;

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use storyscope::analysis::{self, AnalysisOptions};
use storyscope::corpus;
use storyscope::tui::action::Action;
use storyscope::tui::app::App;
use storyscope::tui::keymap::Keymap;
use storyscope::tui::panes;
use storyscope::tui::theme::Theme;
use storyscope::tui::update::update;

const NOVEL: &str = "../shared/corpus/war_and_peace.txt";

#[test]
#[ignore = "prints timings on the shared corpus"]
fn keystrokes_on_war_and_peace() {
    if !std::path::Path::new(NOVEL).exists() {
        eprintln!("skipping: {NOVEL} is not here");
        return;
    }
    let start = Instant::now();
    let corpus = corpus::load_paths(&[NOVEL.to_string()]).expect("loads");
    let analysis = analysis::analyze(&corpus, &AnalysisOptions::default());
    let analysed = start.elapsed();
    let keymap = Keymap::default_map().expect("keys");
    let mut app = App::new(&corpus, &analysis, keymap, Theme::new(true));
    update(
        &mut app,
        Action::Resize {
            width: 200,
            height: 60,
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    terminal.draw(|f| panes::draw(f, &app)).expect("draw");
    println!(
        "load + analysis {analysed:?}, first frame after {:?}",
        start.elapsed()
    );

    let mut step =
        |label: &str, actions: &[Action]| timed_step(&mut app, &mut terminal, label, actions);
    step("page down", &[Action::PageDown]);
    step("bottom (G)", &[Action::Bottom]);
    step("top (g)", &[Action::Top]);
    step("open search", &[Action::Search]);
    for (i, c) in "pierre".chars().enumerate() {
        step(
            &format!("type {:?} ({} chars)", c, i + 1),
            &[Action::SearchInput(c)],
        );
    }
    step("backspace", &[Action::SearchBackspace]);
    step("confirm", &[Action::SearchConfirm]);
    step("clear filter (Esc)", &[Action::Cancel]);
    step(
        "focus entities, down",
        &[Action::FocusEntities, Action::Down],
    );
    step("select entity (filter)", &[Action::Select]);
    step("next mention", &[Action::NextMention]);
    step("previous mention", &[Action::PreviousMention]);
    step(
        "page down in filtered view",
        &[Action::FocusParagraphs, Action::PageDown],
    );
    step("entity card (i)", &[Action::EntityCard]);
    step("card: next companion", &[Action::Down]);
    step("card: select companion", &[Action::Select]);
    step("close card", &[Action::Cancel]);
    step("concordance (c)", &[Action::Concordance]);
    step("concordance page down", &[Action::PageDown]);
    step("concordance jump (Enter)", &[Action::Select]);
    step("back (C-o)", &[Action::JumpBack]);
    step("forward (C-n)", &[Action::JumpForward]);
    step(
        "add entity filter (+)",
        &[Action::FocusEntities, Action::Down, Action::AddEntityFilter],
    );
    step("kind filter (T)", &[Action::FilterKind]);
    step("clear all (X)", &[Action::ClearFilters]);
    step("regex search", &[Action::Search]);
    for c in "re:pierre|natasha".chars() {
        step(&format!("  type {c:?}"), &[Action::SearchInput(c)]);
    }
    step("confirm", &[Action::SearchConfirm]);
    step("next hit (n)", &[Action::NextMention]);
    step(
        "concordance of the search",
        &[Action::FocusParagraphs, Action::Concordance],
    );
    step("close", &[Action::Cancel]);
    step("edit the search again", &[Action::Search]);
    step(
        "erase it",
        &[Action::SearchBackspace; "re:pierre|natasha".len()],
    );
    for c in "the".chars() {
        step(&format!("  type {c:?}"), &[Action::SearchInput(c)]);
    }
    step("confirm", &[Action::SearchConfirm]);
    step("concordance of 'the'", &[Action::Concordance]);
    step("concordance: bottom", &[Action::Bottom]);
    step("close", &[Action::Cancel]);
    step(
        "date filter on the timeline (d)",
        &[Action::FocusTimeline, Action::FilterDate],
    );
    step("clear all (X)", &[Action::ClearFilters]);
    step("find entity (f)", &[Action::FindEntity]);
    for c in "pierre".chars() {
        step(&format!("  type {c:?}"), &[Action::SearchInput(c)]);
    }
    step(
        "resize to 120x40",
        &[Action::Resize {
            width: 120,
            height: 40,
        }],
    );
    assert!(!app.visible.is_empty());
}

#[test]
#[ignore = "prints timings on a generated 10 MB single-line story"]
fn keystrokes_on_a_ten_megabyte_line() {
    let text = "word and Paris ".repeat(700_000);
    let document = corpus::document_from_bytes("huge.txt", text.into_bytes()).expect("loads");
    let corpus = corpus::Corpus::from_documents(vec![document]);
    let analysis = analysis::Analysis::default();
    let start = Instant::now();
    let keymap = Keymap::default_map().expect("keys");
    let mut app = App::new(&corpus, &analysis, keymap, Theme::new(true));
    update(
        &mut app,
        Action::Resize {
            width: 200,
            height: 60,
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    terminal.draw(|f| panes::draw(f, &app)).expect("draw");
    println!("first frame {:?}", start.elapsed());
    let mut step =
        |label: &str, actions: &[Action]| timed_step(&mut app, &mut terminal, label, actions);
    step("line down", &[Action::Down]);
    step("page down", &[Action::PageDown]);
    step("bottom (G)", &[Action::Bottom]);
    step(
        "search 'paris'",
        &[
            Action::Search,
            Action::SearchInput('p'),
            Action::SearchInput('a'),
        ],
    );
    step(
        "resize (rewrap)",
        &[Action::Resize {
            width: 120,
            height: 40,
        }],
    );
    assert_eq!(app.visible.len(), 1);
}

/// Applies `actions`, draws one frame and prints how long both took.
fn timed_step(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    label: &str,
    actions: &[Action],
) {
    let start = Instant::now();
    for action in actions {
        update(app, *action);
    }
    terminal.draw(|f| panes::draw(f, app)).expect("draw");
    println!(
        "{label:<32} {:>8.2} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
}
