//! The real terminal: raw mode and the alternate screen (restored on every
//! exit path, panics included), optional mouse capture, and an event loop
//! that draws once per burst of events.

use std::io::stdout;
use std::time::Duration;

use anyhow::{Context, Result};
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyModifiers,
};
use ratatui::crossterm::execute;
use ratatui::DefaultTerminal;

use crate::progress::Progress;

use super::action::Action;
use super::app::App;
use super::update::update;
use super::{action_for_key, action_for_mouse, panes};

/// At most this many queued events are applied before the next frame.
const MAX_EVENTS_PER_FRAME: usize = 512;

/// Restores the terminal when dropped, however `run` ends.
struct Restore {
    mouse: bool,
}

impl Drop for Restore {
    fn drop(&mut self) {
        if self.mouse {
            let _ = execute!(stdout(), DisableMouseCapture);
        }
        ratatui::restore();
    }
}

/// The terminal set up for the app; dropping it restores the terminal.
pub struct Session {
    pub terminal: DefaultTerminal,
    _restore: Restore,
}

impl Session {
    pub fn start(mouse: bool) -> Result<Session> {
        let terminal = match ratatui::try_init() {
            Ok(terminal) => terminal,
            Err(error) => {
                // Raw mode may be on even though the rest failed.
                ratatui::restore();
                return Err(error).context("cannot set up the terminal");
            }
        };
        let session = Session {
            terminal,
            _restore: Restore { mouse },
        };
        if mouse {
            enable_mouse()?;
        }
        Ok(session)
    }
}

fn enable_mouse() -> Result<()> {
    {
        // ratatui's panic hook restores raw mode and the screen; mouse
        // reporting must be switched off too or the shell fills with codes.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture);
            previous(info);
        }));
        execute!(stdout(), EnableMouseCapture).context("cannot enable the mouse")?;
    }
    Ok(())
}

/// Runs the app in the real terminal until it quits.
pub fn run(app: App, mouse: bool) -> Result<()> {
    let mut session = Session::start(mouse)?;
    run_in(&mut session, app)
}

/// Draws an analysis gauge; false when the reader asked to quit (q, Esc or
/// Ctrl-C) meanwhile.
pub fn show_progress(session: &mut Session, progress: Progress) -> Result<bool> {
    session
        .terminal
        .draw(|frame| panes::draw_progress(frame, progress))?;
    while event::poll(Duration::ZERO)? {
        if let Event::Key(key) = event::read()? {
            let ctrl_c =
                key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
            if ctrl_c || matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// Runs the app in a terminal already set up.
pub fn run_in(session: &mut Session, mut app: App) -> Result<()> {
    let terminal = &mut session.terminal;
    let size = terminal.size()?;
    update(
        &mut app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    while !app.quit {
        terminal.draw(|frame| panes::draw(frame, &app))?;
        // Block for one event, then take whatever else is already queued
        // (a paste, a wheel burst, key repeat) before drawing again.
        let mut events = 0;
        loop {
            handle(&mut app, event::read()?);
            events += 1;
            if !app.share.effects.is_empty() {
                super::share::perform_effects(&mut app, &mut stdout());
            }
            if app.quit || events >= MAX_EVENTS_PER_FRAME || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    super::state::save_on_exit(&app);
    Ok(())
}

fn handle(app: &mut App, event: Event) {
    let action = match event {
        Event::Key(key) => action_for_key(app, key),
        Event::Mouse(mouse) => action_for_mouse(mouse),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Paste(text) => {
            for c in text.chars().filter(|c| !c.is_control()) {
                if app.search_input.is_some() {
                    update(app, Action::SearchInput(c));
                }
            }
            None
        }
        _ => None,
    };
    if let Some(action) = action {
        update(app, action);
    }
}
