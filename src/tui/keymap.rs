//! The key map as data: `assets/keys.toml`, embedded in the binary, binds
//! several keys to each action and describes it; the help overlay is built
//! from the same entries.

use std::collections::HashMap;

use anyhow::{anyhow, bail, Context, Result};
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

/// A user's key file: like the default one, with positions kept for
/// messages and only `action` and `keys` required.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserKeyFile {
    #[serde(default)]
    binding: Vec<UserBinding>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserBinding {
    action: toml::Spanned<String>,
    keys: Vec<toml::Spanned<String>>,
    description: Option<String>,
    #[allow(dead_code)]
    section: Option<String>,
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
        Keymap::from_bindings(file.binding)
    }

    fn from_bindings(bindings: Vec<Binding>) -> Result<Keymap> {
        let mut by_chord = HashMap::new();
        for binding in &bindings {
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
        Ok(Keymap { bindings, by_chord })
    }

    /// Merges a user key file (`path` is for messages) over this map: each
    /// entry replaces the keys of its action, and a key it takes is removed
    /// from the action that had it. Unknown actions, bad keys and a key
    /// given to two actions are all reported, with their line.
    pub fn merge_user_file(mut self, path: &str, source: &str) -> Result<Keymap> {
        let file: UserKeyFile = toml::from_str(source).map_err(|e| anyhow!("{path}: {e}"))?;
        let line_of = |offset: usize| source[..offset.min(source.len())].matches('\n').count() + 1;
        let mut problems = Vec::new();
        let mut taken: HashMap<KeyChord, (Action, usize)> = HashMap::new();
        for entry in file.binding {
            let name = entry.action.get_ref();
            let line = line_of(entry.action.span().start);
            let Ok(action) = toml::Value::String(name.clone()).try_into::<Action>() else {
                problems.push(format!("{path}:{line}: unknown action '{name}'"));
                continue;
            };
            let mut keys = Vec::new();
            for key in entry.keys {
                let key_line = line_of(key.span().start);
                let notation = key.into_inner();
                let chord = match parse_key(&notation) {
                    Ok(event) => KeyChord::from_event(event),
                    Err(error) => {
                        problems.push(format!("{path}:{key_line}: {error:#}"));
                        continue;
                    }
                };
                if let Some((other, other_line)) = taken.insert(chord, (action, key_line)) {
                    if other != action {
                        problems.push(format!(
                            "{path}:{key_line}: key '{notation}' is already bound to {other:?} on line {other_line}"
                        ));
                    }
                }
                keys.push(notation);
            }
            match self.bindings.iter_mut().find(|b| b.action == action) {
                Some(binding) => {
                    binding.keys = keys;
                    if let Some(description) = entry.description {
                        binding.description = description;
                    }
                }
                None => self.bindings.push(Binding {
                    section: "Custom".to_string(),
                    action,
                    keys,
                    description: entry.description.unwrap_or_else(|| name.replace('_', " ")),
                }),
            }
        }
        if !problems.is_empty() {
            bail!("problems in the key file:\n{}", problems.join("\n"));
        }
        for binding in &mut self.bindings {
            let action = binding.action;
            binding.keys.retain(|key| {
                let chord = parse_key(key).map(KeyChord::from_event);
                chord.map_or(true, |c| taken.get(&c).is_none_or(|(a, _)| *a == action))
            });
        }
        Keymap::from_bindings(self.bindings)
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
        assert_eq!(map.action_for(key("x")), Some(Action::SplitAlias));
        assert_eq!(map.action_for(key("C-r")), Some(Action::RedoCorrection));
        assert_eq!(map.action_for(key("z")), None);
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
    fn a_user_file_rebinds_actions_and_takes_keys_from_others() {
        let user = r#"
            [[binding]]
            action = "down"
            keys = ["s", "Down"]

            [[binding]]
            action = "quit"
            keys = ["x"]
            description = "Leave"
        "#;
        let map = Keymap::default_map()
            .and_then(|m| m.merge_user_file("keys.toml", user))
            .expect("merges");
        let key = |s: &str| parse_key(s).expect(s);
        assert_eq!(map.action_for(key("s")), Some(Action::Down));
        assert_eq!(map.action_for(key("j")), None, "replaced");
        assert_eq!(map.action_for(key("x")), Some(Action::Quit));
        assert_eq!(map.action_for(key("q")), None);
        assert!(map.bindings().iter().any(|b| b.description == "Leave"));
        // Keys nobody took stay where they were.
        assert_eq!(map.action_for(key("Space")), Some(Action::PageDown));
    }

    #[test]
    fn user_file_problems_name_the_file_and_line() {
        let user = "[[binding]]\naction = \"fly\"\nkeys = [\"f\"]\n\n[[binding]]\naction = \"up\"\nkeys = [\"u\"]\n[[binding]]\naction = \"down\"\nkeys = [\"u\", \"Nope\"]\n";
        let error = Keymap::default_map()
            .and_then(|m| m.merge_user_file("my.toml", user))
            .unwrap_err()
            .to_string();
        assert!(error.contains("my.toml:2: unknown action 'fly'"), "{error}");
        assert!(
            error.contains("my.toml:10: key 'u' is already bound to Up on line 7"),
            "{error}"
        );
        assert!(error.contains("my.toml:10: unknown key 'Nope'"), "{error}");
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
