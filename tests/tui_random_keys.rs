//! Property test: random scripts of every bound action, typed text,
//! pastes, clicks, wheel turns and resizes, at random terminal sizes, with
//! a frame drawn after each step, never panic (the `key_script` fuzz target
//! does the same without bounds).

mod tui_fixture;

use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use storyscope::tui::action::Action;
use storyscope::tui::app::App;
use storyscope::tui::keymap::Keymap;
use storyscope::tui::theme::Theme;
use storyscope::tui::{panes, update};

#[derive(Debug, Clone)]
enum Step {
    Bound(usize),
    Type(char),
    Backspace,
    Confirm,
    Abort,
    Paste(&'static str),
    Click(u16, u16),
    Wheel(u16, u16, bool),
    Resize(u16, u16),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0usize..64).prop_map(Step::Bound),
        3 => prop::sample::select(vec!['a', 'd', 'e', ' ', 'é', '東', '(', '[', '*']).prop_map(Step::Type),
        1 => Just(Step::Backspace),
        1 => Just(Step::Confirm),
        1 => Just(Step::Abort),
        1 => prop::sample::select(vec!["Ada", "ferry\nq", "re:[a-", "", "🎶\t"]).prop_map(Step::Paste),
        1 => (0u16..130, 0u16..45).prop_map(|(x, y)| Step::Click(x, y)),
        1 => (0u16..130, 0u16..45, any::<bool>()).prop_map(|(x, y, d)| Step::Wheel(x, y, d)),
        1 => (1u16..130, 1u16..45).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

fn apply(app: &mut App, step: &Step) {
    let action = match *step {
        Step::Bound(i) => {
            let bindings = app.keymap.bindings();
            bindings[i % bindings.len()].action
        }
        Step::Type(c) => Action::SearchInput(c),
        Step::Backspace => Action::SearchBackspace,
        Step::Confirm => Action::SearchConfirm,
        Step::Abort => Action::SearchAbort,
        Step::Paste(text) => return update::paste(app, text),
        Step::Click(column, row) => Action::ClickAt { column, row },
        Step::Wheel(column, row, down) => Action::ScrollAt {
            column,
            row,
            lines: if down { 3 } else { -3 },
        },
        Step::Resize(width, height) => Action::Resize { width, height },
    };
    if !matches!(action, Action::Quit | Action::Suspend) {
        update::update(app, action);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_scripts_at_random_sizes_never_panic(
        size in (1u16..130, 1u16..45),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        let corpus = tui_fixture::corpus();
        let analysis = tui_fixture::analysis(&corpus);
        let mut app = App::new(&corpus, &analysis, Keymap::default_map().expect("keys"), Theme::new(false));
        update::update(&mut app, Action::Resize { width: size.0, height: size.1 });
        for step in &steps {
            apply(&mut app, step);
            let (width, height) = (app.screen.width.max(1), app.screen.height.max(1));
            let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("backend");
            terminal.draw(|frame| panes::draw(frame, &app)).expect("draw");
        }
    }
}
