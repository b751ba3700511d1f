//! Which palette to use: `--theme`, else `background` in `theme.toml`
//! beside the key file, else what the terminal says about its background
//! (`COLORFGBG`, then an OSC 11 query with a short timeout), else dark.
//! `theme.toml` may also name the colour of each role.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use ratatui::style::Color;
use serde::Deserialize;

use super::theme::{Palette, Theme};

/// The terminal's background, as far as colours are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Background {
    #[default]
    Dark,
    Light,
}

/// How long to wait for the terminal to answer the background query; a
/// terminal that does not support it answers its device-attributes query
/// at once, so this is only reached over a very slow link.
const QUERY_TIMEOUT: Duration = Duration::from_millis(300);

/// `theme.toml`: every field optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeFile {
    /// `light`, `dark` or `auto` (ask the terminal).
    pub background: Option<String>,
    #[serde(default)]
    pub colors: ColorOverrides,
}

/// Colour names as ratatui reads them: `blue`, `lightred`, `#005f87`, `33`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColorOverrides {
    pub person: Option<String>,
    pub organization: Option<String>,
    pub place: Option<String>,
    pub group: Option<String>,
    pub other: Option<String>,
    /// The focused border, the selected paragraph's gutter.
    pub accent: Option<String>,
    pub date: Option<String>,
    pub jump: Option<String>,
}

/// The theme for the interactive app.
pub fn resolve(flag: Option<Background>, keys_file: Option<&Path>) -> Result<Theme> {
    let file = match theme_file_path(keys_file) {
        Some(path) if path.is_file() => Some(read_theme_file(&path)?),
        _ => None,
    };
    let from_file = match file.as_ref().and_then(|f| f.background.as_deref()) {
        Some("light") => Some(Background::Light),
        Some("dark") => Some(Background::Dark),
        _ => None,
    };
    let background = flag
        .or(from_file)
        .or_else(|| from_colorfgbg(std::env::var("COLORFGBG").ok().as_deref()))
        .or_else(query_terminal)
        .unwrap_or_default();
    let mut theme = Theme::from_env();
    theme.palette = Palette::for_background(background);
    if let Some(file) = &file {
        apply_overrides(&mut theme.palette, &file.colors);
    }
    Ok(theme)
}

/// `theme.toml` in the folder of the key file: the one given with
/// `--keys-file`, else `$XDG_CONFIG_HOME/storyscope/`.
fn theme_file_path(keys_file: Option<&Path>) -> Option<PathBuf> {
    match keys_file {
        Some(keys) => Some(keys.parent().unwrap_or(Path::new(".")).join("theme.toml")),
        None => super::user_key_file().map(|keys| keys.with_file_name("theme.toml")),
    }
}

pub fn read_theme_file(path: &Path) -> Result<ThemeFile> {
    let source = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the theme file {}", path.display()))?;
    parse_theme_file(&source).map_err(|message| anyhow::anyhow!("{}: {message}", path.display()))
}

/// Parses and checks a theme file; the error is one line.
pub fn parse_theme_file(source: &str) -> Result<ThemeFile, String> {
    let file: ThemeFile = toml::from_str(source)
        .map_err(|e| e.to_string().lines().next().unwrap_or_default().to_string())?;
    if let Some(background) = &file.background {
        if !matches!(background.as_str(), "light" | "dark" | "auto") {
            return Err(format!(
                "background = {background:?}: use \"light\", \"dark\" or \"auto\""
            ));
        }
    }
    let c = &file.colors;
    for (role, value) in [
        ("person", &c.person),
        ("organization", &c.organization),
        ("place", &c.place),
        ("group", &c.group),
        ("other", &c.other),
        ("accent", &c.accent),
        ("date", &c.date),
        ("jump", &c.jump),
    ] {
        if let Some(value) = value {
            parse_color(value).map_err(|_| format!("colors.{role} = {value:?} is not a colour"))?;
        }
    }
    Ok(file)
}

fn parse_color(value: &str) -> Result<Color, ()> {
    value.parse::<Color>().map_err(|_| ())
}

fn apply_overrides(palette: &mut Palette, colors: &ColorOverrides) {
    let set = |slot: &mut Color, value: &Option<String>| {
        if let Some(color) = value.as_deref().and_then(|v| parse_color(v).ok()) {
            *slot = color;
        }
    };
    set(&mut palette.person, &colors.person);
    set(&mut palette.organization, &colors.organization);
    set(&mut palette.place, &colors.place);
    set(&mut palette.group, &colors.group);
    set(&mut palette.other, &colors.other);
    set(&mut palette.accent, &colors.accent);
    set(&mut palette.date, &colors.date);
    set(&mut palette.jump, &colors.jump);
}

/// `COLORFGBG` ("15;0", "0;default;15"), set by rxvt, Konsole and others:
/// the last field is the background's palette index.
pub fn from_colorfgbg(value: Option<&str>) -> Option<Background> {
    let background: u8 = value?.rsplit(';').next()?.trim().parse().ok()?;
    Some(match background {
        7 | 9..=15 => Background::Light,
        _ => Background::Dark,
    })
}

/// Asks the terminal for its background colour (OSC 11), only when both
/// ends are a terminal.
fn query_terminal() -> Option<Background> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return None;
    }
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = QUERY_TIMEOUT;
    match terminal_colorsaurus::theme_mode(options).ok()? {
        terminal_colorsaurus::ThemeMode::Light => Some(Background::Light),
        terminal_colorsaurus::ThemeMode::Dark => Some(Background::Dark),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colorfgbg_names_light_and_dark_backgrounds() {
        assert_eq!(from_colorfgbg(Some("15;0")), Some(Background::Dark));
        assert_eq!(from_colorfgbg(Some("0;15")), Some(Background::Light));
        assert_eq!(from_colorfgbg(Some("0;default;7")), Some(Background::Light));
        assert_eq!(from_colorfgbg(Some("garbage")), None);
        assert_eq!(from_colorfgbg(None), None);
    }

    #[test]
    fn theme_file_sets_background_and_colours_and_reports_mistakes() {
        let file = parse_theme_file("background = \"light\"\n[colors]\nperson = \"#005f87\"\n")
            .expect("valid");
        let mut palette = Palette::for_background(Background::Light);
        apply_overrides(&mut palette, &file.colors);
        assert_eq!(palette.person, Color::Rgb(0, 0x5f, 0x87));
        assert!(parse_theme_file("background = \"pink\"").is_err());
        let error = parse_theme_file("[colors]\nperson = \"nocolour\"").unwrap_err();
        assert!(error.contains("colors.person"), "{error}");
        assert!(
            parse_theme_file("colour = 1").is_err(),
            "unknown keys are reported"
        );
    }
}
