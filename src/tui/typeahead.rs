//! Keys typed while the analysis runs: the key map's quit keys quit at
//! once, Ctrl-Z suspends, and the rest (a filter typed ahead, pane moves, a
//! paste) are kept to be applied once the app is ready.

use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::keymap::Keymap;

#[derive(Debug, Default)]
pub struct TypeAhead {
    /// Events to replay into the app, in the order typed.
    pub events: Vec<Event>,
    /// The reader asked to quit.
    pub quit: bool,
    /// A text input (filter, fuzzy find) is open in the typed-ahead keys:
    /// its characters are text, not commands.
    input_open: bool,
}

impl TypeAhead {
    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Takes one event; returns the action to run now (only `Suspend`),
    /// queues what the app can apply later.
    pub fn push(&mut self, keymap: &Keymap, event: Event) -> Option<Action> {
        match &event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                let ctrl_c =
                    key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
                let action = keymap.action_for(*key);
                if self.input_open {
                    if ctrl_c {
                        self.quit = true;
                        return None;
                    }
                    if matches!(key.code, KeyCode::Esc | KeyCode::Enter) {
                        self.input_open = false;
                    }
                } else {
                    match action {
                        Some(Action::Quit) => {
                            self.quit = true;
                            return None;
                        }
                        Some(Action::Suspend) => return Some(Action::Suspend),
                        Some(Action::Search | Action::FindEntity) => self.input_open = true,
                        _ => {}
                    }
                }
                self.events.push(event);
            }
            Event::Paste(_) => self.events.push(event),
            // The app reads the size when it starts; clicks were aimed at
            // the progress screen.
            _ => {}
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn a_filter_typed_ahead_keeps_its_q_and_quit_keys_quit_outside_it() {
        let keymap = Keymap::default_map().expect("default keys");
        let mut typed = TypeAhead::default();
        for event in [
            key(KeyCode::Char('/')),
            key(KeyCode::Char('q')),
            key(KeyCode::Enter),
            key(KeyCode::Tab),
        ] {
            assert_eq!(typed.push(&keymap, event), None);
        }
        assert!(!typed.quit, "q inside the filter is text");
        assert_eq!(typed.len(), 4);
        typed.push(&keymap, Event::Resize(80, 24));
        assert_eq!(typed.len(), 4, "resizes are not replayed");
        typed.push(&keymap, key(KeyCode::Char('q')));
        assert!(typed.quit);
    }

    #[test]
    fn ctrl_z_suspends_at_once_and_a_user_quit_key_is_honoured() {
        let keymap = Keymap::default_map()
            .and_then(|k| {
                k.merge_user_file(
                    "keys.toml",
                    "[[binding]]\naction = \"quit\"\nkeys = [\"x\"]\n",
                )
            })
            .expect("keys");
        let mut typed = TypeAhead::default();
        let ctrl_z = Event::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
        assert_eq!(typed.push(&keymap, ctrl_z), Some(Action::Suspend));
        typed.push(&keymap, key(KeyCode::Char('q')));
        assert!(!typed.quit, "q is no longer a quit key");
        typed.push(&keymap, key(KeyCode::Char('x')));
        assert!(typed.quit);
    }
}
