//! The key map as data: `assets/keys.toml`, embedded in the binary, binds
//! several keys to each action and describes it; the help overlay is built
//! from the same entries.

use std::collections::HashMap;

use anyhow::{bail, Context, Result};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::Action;

/// The default key map, embedded at build time.
pub const DEFAULT_KEYS: &str = include_str!("../../assets/keys.toml");

/// One entry of the key file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Binding {
    pub section: String,
    pub action: Action,
    /// In key notation (`j`, `C-d`, `S-Tab`, `PageDown`).
    pub keys: Vec<String>,
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    binding: Vec<Binding>,
}

/// A key with its modifiers, normalised so that terminals agree
/// (`G` is `G`, not Shift-g; Shift-Tab is `BackTab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl KeyChord {
    pub fn from_event(event: KeyEvent) -> KeyChord {
        let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            KeyCode::BackTab => KeyCode::BackTab,
            KeyCode::Char(c) => KeyCode::Char(c),
            other => {
                modifiers |= event.modifiers & KeyModifiers::SHIFT;
                other
            }
        };
        KeyChord { code, modifiers }
    }
}

/// Key chords to actions, plus the bindings in file order for the help.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    by_chord: HashMap<KeyChord, Action>,
}

impl Keymap {
    /// The embedded default key map.
    pub fn default_map() -> Result<Keymap> {
        Keymap::parse(DEFAULT_KEYS).context("the built-in key map (assets/keys.toml)")
    }

    /// Parses a key file; a key bound to two actions is an error.
    pub fn parse(source: &str) -> Result<Keymap> {
        let file: KeyFile = toml::from_str(source)?;
        let mut by_chord = HashMap::new();
        for binding in &file.binding {
            for key in &binding.keys {
                let chord = KeyChord::from_event(parse_key(key)?);
                if let Some(previous) = by_chord.insert(chord, binding.action) {
                    if previous != binding.action {
                        bail!(
                            "key '{key}' is bound to both {previous:?} and {:?}",
                            binding.action
                        );
                    }
                }
            }
        }
        Ok(Keymap {
            bindings: file.binding,
            by_chord,
        })
    }

    pub fn action_for(&self, key: KeyEvent) -> Option<Action> {
        self.by_chord.get(&KeyChord::from_event(key)).copied()
    }

    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The first key bound to `action`, for hints in the status bar.
    pub fn first_key(&self, action: Action) -> Option<&str> {
        self.bindings
            .iter()
            .find(|b| b.action == action)
            .and_then(|b| b.keys.first())
            .map(String::as_str)
    }
}

/// Named keys accepted in key notation.
const NAMED_KEYS: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Backspace", KeyCode::Backspace),
    ("Space", KeyCode::Char(' ')),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Delete", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
];

/// Parses one key in notation: `j`, `?`, `C-c`, `A-x`, `S-Tab`, `PageDown`, `F1`.
pub fn parse_key(notation: &str) -> Result<KeyEvent> {
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = notation;
    // A prefix only counts when something follows it: `C-` alone is no key,
    // but `-` is the minus key.
    while rest.chars().count() > 2 {
        let Some((modifier, tail)) = [
            ("C-", KeyModifiers::CONTROL),
            ("A-", KeyModifiers::ALT),
            ("M-", KeyModifiers::ALT),
            ("S-", KeyModifiers::SHIFT),
        ]
        .iter()
        .find_map(|(prefix, m)| rest.strip_prefix(prefix).map(|tail| (*m, tail))) else {
            break;
        };
        modifiers |= modifier;
        rest = tail;
    }
    let code = key_code(rest).with_context(|| {
        format!(
            "unknown key '{notation}': use a single character, C-x, A-x, S-Tab, F1..F12 or one of {}",
            NAMED_KEYS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
        )
    })?;
    let code = match code {
        KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => {
            modifiers.remove(KeyModifiers::SHIFT);
            KeyCode::BackTab
        }
        other => other,
    };
    Ok(KeyEvent::new(code, modifiers))
}

fn key_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    if let Some((_, code)) = NAMED_KEYS.iter().find(|(n, _)| *n == name) {
        return Some(*code);
    }
    let number: u8 = name.strip_prefix('F')?.parse().ok()?;
    (1..=12).contains(&number).then_some(KeyCode::F(number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_map_parses_and_binds_the_usual_keys() {
        let map = Keymap::default_map().expect("default key map");
        let key = |s: &str| parse_key(s).expect(s);
        assert_eq!(map.action_for(key("q")), Some(Action::Quit));
        assert_eq!(map.action_for(key("C-c")), Some(Action::Quit));
        assert_eq!(map.action_for(key("S-Tab")), Some(Action::FocusPrevious));
        assert_eq!(map.action_for(key("F1")), Some(Action::Help));
        assert_eq!(map.action_for(key("G")), Some(Action::Bottom));
        assert_eq!(map.action_for(key("x")), None);
    }

    #[test]
    fn terminal_variants_of_a_key_match_the_binding() {
        let map = Keymap::default_map().expect("default key map");
        // Terminals report `G` with Shift and Shift-Tab as BackTab+Shift.
        let shifted_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(map.action_for(shifted_g), Some(Action::Bottom));
        let backtab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(map.action_for(backtab), Some(Action::FocusPrevious));
    }

    #[test]
    fn conflicting_and_unknown_entries_are_errors() {
        let conflict = r#"
            [[binding]]
            section = "a"
            action = "quit"
            keys = ["x"]
            description = "d"
            [[binding]]
            section = "a"
            action = "help"
            keys = ["x"]
            description = "d"
        "#;
        let error = Keymap::parse(conflict).unwrap_err().to_string();
        assert!(error.contains("'x'"), "{error}");
        let unknown = conflict.replace("\"help\"", "\"fly\"");
        assert!(Keymap::parse(&unknown).is_err());
    }

    #[test]
    fn key_notation() {
        let ctrl_d = parse_key("C-d").expect("C-d");
        assert_eq!(ctrl_d.code, KeyCode::Char('d'));
        assert_eq!(ctrl_d.modifiers, KeyModifiers::CONTROL);
        assert_eq!(parse_key("-").expect("-").code, KeyCode::Char('-'));
        assert_eq!(parse_key("F12").expect("F12").code, KeyCode::F(12));
        assert!(parse_key("F13").is_err());
        assert!(parse_key("Bogus").is_err());
    }
}
