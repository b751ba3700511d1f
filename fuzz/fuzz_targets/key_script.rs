//! Random key scripts, pastes, clicks, wheel turns and resizes against the
//! app state at random terminal sizes, drawing after each step: no panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use storyscope::analysis::{analyze, Analysis, AnalysisOptions};
use storyscope::corpus::{self, Corpus};
use storyscope::tui::action::Action;
use storyscope::tui::app::App;
use storyscope::tui::keymap::Keymap;
use storyscope::tui::theme::Theme;
use storyscope::tui::{action_for_key, panes, update};

/// The bundled story, and a small story with several documents, multi-byte
/// text and an empty file.
fn stories() -> &'static [(Corpus, Analysis)] {
    static STORIES: OnceLock<Vec<(Corpus, Analysis)>> = OnceLock::new();
    STORIES.get_or_init(|| {
        let small = Corpus::from_documents(vec![
            corpus::document_from_bytes("a.txt", "date 2024-03-03\nAda met Charles in 東京 on Friday.\n\n“Engines!” said Ada.\n".as_bytes().to_vec()).expect("text"),
            corpus::document_from_bytes("empty.txt", Vec::new()).expect("text"),
            corpus::document_from_bytes("b.txt", "Charles wrote to Ada from Paris in 1843. 🎶\r\n\r\nParis was cold.".as_bytes().to_vec()).expect("text"),
        ]);
        [corpus::load_bundled(), small]
            .into_iter()
            .map(|c| {
                let a = analyze(&c, &AnalysisOptions::default());
                (c, a)
            })
            .collect()
    })
}

const CODES: [KeyCode; 16] = [
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Backspace,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::F(1),
    KeyCode::Char(' '),
    KeyCode::Char('é'),
];

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let (story, rest) = (data[0] as usize % stories().len(), &data[1..]);
    let (corpus, analysis) = &stories()[story];
    let Ok(keymap) = Keymap::default_map() else {
        return;
    };
    let mut app = App::new(corpus, analysis, keymap, Theme::new(data[0] & 0x80 != 0));
    let mut width = u16::from(rest[0]) + 1;
    let mut height = u16::from(rest[1] % 80) + 1;
    update::update(&mut app, Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    for pair in rest[2..].chunks(2) {
        let (op, arg) = (pair[0], pair.get(1).copied().unwrap_or(0));
        match op % 16 {
            0 => {
                width = u16::from(arg) + 1;
                height = u16::from(op / 16) * 5 + 1;
                update::update(&mut app, Action::Resize { width, height });
                terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
            }
            1 => update::update(&mut app, Action::ClickAt { column: u16::from(arg) % width, row: u16::from(op / 16) % height }),
            2 => update::update(&mut app, Action::ScrollAt { column: u16::from(arg) % width, row: u16::from(op / 16) % height, lines: if arg & 1 == 0 { 3 } else { -3 } }),
            3 => update::paste(&mut app, ["Ada", "Paris\nq", "re:[a-", "東京 🎶", "", "\u{1b}[31m"][arg as usize % 6]),
            4..=6 => {
                let key = KeyEvent::new(CODES[arg as usize % CODES.len()], KeyModifiers::from_bits_truncate((op >> 4) & 0x7));
                if let Some(action) = action_for_key(&app, key) {
                    if action != Action::Quit {
                        update::update(&mut app, action);
                    }
                }
            }
            _ => {
                // Printable ASCII, with Ctrl or Alt now and then.
                let c = char::from(b' ' + arg % 95);
                let modifiers = match op / 16 {
                    0 => KeyModifiers::CONTROL,
                    1 => KeyModifiers::ALT,
                    _ => KeyModifiers::NONE,
                };
                if let Some(action) = action_for_key(&app, KeyEvent::new(KeyCode::Char(c), modifiers)) {
                    if action != Action::Quit {
                        update::update(&mut app, action);
                    }
                }
            }
        }
        terminal.draw(|frame| panes::draw(frame, &app)).expect("draw");
    }
});
