//! The terminal app: three linked panes over a story.
//!
//! Shape: [`app::App`] is the state, built once from the corpus and the
//! analysis; a key becomes an [`action::Action`] through the key map
//! ([`keymap`], data in `assets/keys.toml`); [`update::update`] is the only
//! state transition; [`panes`] draw the state without changing it;
//! [`terminal`] runs the real terminal and [`render_to_string`] the headless
//! one used by `storyscope render` and the tests.

pub mod action;
pub mod app;
pub mod card;
pub mod concordance;
pub mod control;
pub mod correcting;
pub mod documents;
pub mod entity_list;
pub mod filters;
pub mod history;
pub mod keymap;
pub mod keyscript;
pub mod layout;
pub mod panes;
pub mod popups;
mod reader;
pub mod share;
pub mod speech;
pub mod state;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod theme_config;
pub mod typeahead;
pub mod update;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::Terminal;
use unicode_width::UnicodeWidthStr;

use crate::analysis::Analysis;
use crate::corpus::Corpus;
use action::Action;
use app::App;
use keymap::Keymap;
use theme::Theme;

/// How the interactive app runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Capture the mouse (wheel, clicks); off with `--no-mouse`.
    pub mouse: bool,
    pub theme: Theme,
    /// A key file to merge over the defaults (`--keys-file`); without it,
    /// `$XDG_CONFIG_HOME/storyscope/keys.toml` when that exists.
    pub keys_file: Option<PathBuf>,
    /// Ignore the saved place in the story (`--fresh`).
    pub fresh: bool,
    /// Where analyses are kept between runs (none by default).
    pub cache: std::sync::Arc<crate::cache::Cache>,
    /// A corrections file to use instead of the story's own (`--corrections`).
    pub corrections: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            mouse: true,
            theme: Theme::from_env(),
            keys_file: None,
            fresh: false,
            cache: std::sync::Arc::new(crate::cache::Cache::disabled()),
            corrections: None,
        }
    }
}

/// Runs the interactive app in the real terminal.
pub fn run(corpus: &Corpus, analysis: &Analysis, options: &Options) -> Result<()> {
    let keymap = load_keymap(options.keys_file.as_deref())?;
    let opened = crate::corrections::store::open(corpus, options.corrections.as_deref())?;
    let mut app = App::new(corpus, analysis, keymap, options.theme.clone());
    attach_saved(&mut app, opened, options.fresh);
    terminal::run(app, options.mouse)
}

/// The story's corrections, then the saved place (which names entities of
/// the corrected cast); both notes go to the status bar.
fn attach_saved(app: &mut App, opened: crate::corrections::store::Opened, fresh: bool) {
    correcting::attach(app, opened);
    let corrections = app.message.take();
    state::attach(app, fresh);
    let place = app.message.take();
    let notes: Vec<String> = corrections.into_iter().chain(place).collect();
    app.message = (!notes.is_empty()).then(|| notes.join(" · "));
}

/// Analyses the corpus on a worker thread, showing a gauge when that takes
/// longer than half a second, then runs the app. Quitting during the
/// analysis leaves at once.
pub fn run_analyzing(
    corpus: Corpus,
    analysis_options: crate::analysis::AnalysisOptions,
    options: &Options,
) -> Result<()> {
    let keymap = load_keymap(options.keys_file.as_deref())?;
    // Before the analysis: a corrections file the reader named must be usable.
    let opened = crate::corrections::store::open(&corpus, options.corrections.as_deref())?;
    let corpus = std::sync::Arc::new(corpus);
    let mut session: Option<terminal::Session> = None;
    let mut typed = typeahead::TypeAhead::default();
    let analysis = crate::progress::analyze_cached_with_progress(
        corpus.clone(),
        analysis_options,
        options.cache.clone(),
        |progress| {
            if session.is_none() {
                session = Some(terminal::Session::start(options.mouse)?);
            }
            match session.as_mut() {
                Some(session) => terminal::show_progress(session, progress, &keymap, &mut typed),
                None => Ok(true),
            }
        },
    )?;
    let Some(analysis) = analysis else {
        return Ok(());
    };
    let mut session = match session {
        Some(session) => session,
        None => terminal::Session::start(options.mouse)?,
    };
    let mut app = App::new(&corpus, &analysis, keymap, options.theme.clone());
    attach_saved(&mut app, opened, options.fresh);
    terminal::run_in(&mut session, app, typed.events)
}

/// The default key map with the user's key file merged over it.
pub fn load_keymap(explicit: Option<&Path>) -> Result<Keymap> {
    let defaults = Keymap::default_map()?;
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => match user_key_file() {
            Some(path) if path.is_file() => path,
            _ => return Ok(defaults),
        },
    };
    let source = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read the key file {}", path.display()))?;
    defaults.merge_user_file(&path.display().to_string(), &source)
}

/// `$XDG_CONFIG_HOME/storyscope/keys.toml`, or `~/.config/...` without it.
pub(crate) fn user_key_file() -> Option<PathBuf> {
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(config.join("storyscope").join("keys.toml"))
}

/// Draws the app headlessly at `width` x `height` after feeding it `keys`
/// (a key script, see [`keyscript`]) and returns the screen as plain text,
/// one line per row, trailing spaces trimmed.
pub fn render_to_string(
    corpus: &Corpus,
    analysis: &Analysis,
    width: u16,
    height: u16,
    keys: &str,
) -> Result<String> {
    let buffer = render_to_buffer(corpus, analysis, width, height, keys, Theme::new(false))?;
    Ok(buffer_to_string(&buffer))
}

/// Like [`render_to_string`], keeping the styled cells.
pub fn render_to_buffer(
    corpus: &Corpus,
    analysis: &Analysis,
    width: u16,
    height: u16,
    keys: &str,
    theme: Theme,
) -> Result<Buffer> {
    let keys = keyscript::parse(keys)?;
    let mut app = App::new(corpus, analysis, Keymap::default_map()?, theme);
    update::update(&mut app, Action::Resize { width, height });
    for key in keys {
        if let Some(action) = action_for_key(&app, key) {
            update::update(&mut app, action);
        }
        if app.quit {
            break;
        }
    }
    let mut terminal = Terminal::new(TestBackend::new(width, height))?;
    let frame = terminal.draw(|frame| panes::draw(frame, &app))?;
    Ok(frame.buffer.clone())
}

/// Routes a key: to the search input while it is open, else through the
/// key map.
pub fn action_for_key(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if app.search_input.is_none()
        && !app.entity_list.editing
        && app.share.prompt.is_none()
        && app.correcting.prompt.is_none()
    {
        return app.keymap.action_for(key);
    }
    let ctrl_or_alt = key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Some(Action::Quit),
        _ if ctrl_or_alt && app.keymap.action_for(key) == Some(Action::Suspend) => {
            Some(Action::Suspend)
        }
        KeyCode::Esc => Some(Action::SearchAbort),
        KeyCode::Enter => Some(Action::SearchConfirm),
        KeyCode::Backspace => Some(Action::SearchBackspace),
        KeyCode::Char(c) if !ctrl_or_alt => Some(Action::SearchInput(c)),
        _ => None,
    }
}

/// Mouse events the app answers: the wheel and the left button.
pub fn action_for_mouse(mouse: MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::ScrollAt {
            column,
            row,
            lines: 3,
        }),
        MouseEventKind::ScrollUp => Some(Action::ScrollAt {
            column,
            row,
            lines: -3,
        }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt { column, row }),
        _ => None,
    }
}

/// The buffer as text; the cell hidden behind a wide character is skipped.
pub fn buffer_to_string(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut x = area.left();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            x += symbol.width().max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
