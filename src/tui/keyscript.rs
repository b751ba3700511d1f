//! The key script of `storyscope render --keys`: space-separated keys in key
//! notation (`Tab j Enter C-c S-Tab PageDown`) and `"quoted text"` typed
//! character by character (`\"` and `\\` escape inside quotes).

use anyhow::{bail, Context, Result};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keymap::parse_key;

/// Parses a key script into the key events it stands for.
pub fn parse(script: &str) -> Result<Vec<KeyEvent>> {
    let mut keys = Vec::new();
    let mut chars = script.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c == '"' {
            chars.next();
            let mut closed = false;
            while let Some((_, c)) = chars.next() {
                match c {
                    '"' => {
                        closed = true;
                        break;
                    }
                    '\\' => match chars.next() {
                        Some((_, escaped)) => keys.push(typed(escaped)),
                        None => break,
                    },
                    other => keys.push(typed(other)),
                }
            }
            if !closed {
                bail!("key script: the quoted text starting at character {start} is not closed");
            }
            continue;
        }
        let mut end = script.len();
        while let Some(&(index, c)) = chars.peek() {
            if c.is_whitespace() {
                end = index;
                break;
            }
            chars.next();
        }
        let token = &script[start..end];
        keys.push(parse_key(token).context("key script")?);
    }
    Ok(keys)
}

fn typed(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(script: &str) -> Vec<(KeyCode, KeyModifiers)> {
        parse(script)
            .expect(script)
            .into_iter()
            .map(|k| (k.code, k.modifiers))
            .collect()
    }

    #[test]
    fn named_keys_characters_and_modifiers() {
        assert_eq!(
            codes("Tab j Enter Esc / C-c S-Tab PageDown PageUp Up Down Home End F1"),
            vec![
                (KeyCode::Tab, KeyModifiers::NONE),
                (KeyCode::Char('j'), KeyModifiers::NONE),
                (KeyCode::Enter, KeyModifiers::NONE),
                (KeyCode::Esc, KeyModifiers::NONE),
                (KeyCode::Char('/'), KeyModifiers::NONE),
                (KeyCode::Char('c'), KeyModifiers::CONTROL),
                (KeyCode::BackTab, KeyModifiers::NONE),
                (KeyCode::PageDown, KeyModifiers::NONE),
                (KeyCode::PageUp, KeyModifiers::NONE),
                (KeyCode::Up, KeyModifiers::NONE),
                (KeyCode::Down, KeyModifiers::NONE),
                (KeyCode::Home, KeyModifiers::NONE),
                (KeyCode::End, KeyModifiers::NONE),
                (KeyCode::F(1), KeyModifiers::NONE),
            ]
        );
    }

    #[test]
    fn quoted_text_is_typed_character_by_character() {
        let typed: Vec<KeyCode> = parse(r#"/ "al Sadr \"x\"" Enter"#)
            .expect("script")
            .into_iter()
            .map(|k| k.code)
            .collect();
        let expected: Vec<KeyCode> = std::iter::once(KeyCode::Char('/'))
            .chain("al Sadr \"x\"".chars().map(KeyCode::Char))
            .chain(std::iter::once(KeyCode::Enter))
            .collect();
        assert_eq!(typed, expected);
    }

    #[test]
    fn empty_script_and_multibyte_keys() {
        assert!(parse("   ").expect("blank").is_empty());
        assert_eq!(codes("é"), vec![(KeyCode::Char('é'), KeyModifiers::NONE)]);
    }

    #[test]
    fn unknown_tokens_and_open_quotes_are_clear_errors() {
        let error = format!("{:#}", parse("j Frobnicate").unwrap_err());
        assert!(error.contains("'Frobnicate'"), "{error}");
        let error = format!("{:#}", parse("\"abc").unwrap_err());
        assert!(error.contains("not closed"), "{error}");
    }
}
