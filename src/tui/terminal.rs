//! The real terminal: raw mode, the alternate screen, bracketed paste and
//! optional mouse capture (switched on and off by [`super::control`], which
//! also restores them on signals and panics), and an event loop that draws
//! once per burst of events.

use std::io::{stdout, Stdout};
use std::time::Duration;

use anyhow::{Context, Result};
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event};
use ratatui::{Frame, Terminal};

use crate::progress::Progress;

use super::action::Action;
use super::app::App;
use super::control;
use super::keymap::Keymap;
use super::typeahead::TypeAhead;
use super::update::{paste, update};
use super::{action_for_key, action_for_mouse, panes};

/// At most this many queued events are applied before the next frame.
const MAX_EVENTS_PER_FRAME: usize = 512;
/// How long the loop waits for an event before looking for a pending
/// redraw (after a suspend from outside).
const IDLE_WAIT: Duration = Duration::from_millis(250);

/// The terminal set up for the app; dropping it restores the terminal.
pub struct Session {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Session {
    pub fn start(mouse: bool) -> Result<Session> {
        if let Err(error) = control::enter(mouse) {
            // Raw mode may be on even though the rest failed.
            control::restore();
            return Err(error).context("cannot set up the terminal");
        }
        match Terminal::new(CrosstermBackend::new(stdout())) {
            Ok(terminal) => Ok(Session { terminal }),
            Err(error) => {
                control::restore();
                Err(error).context("cannot set up the terminal")
            }
        }
    }

    /// Draws a frame unless a signal or panic has given the terminal back;
    /// after a suspend the whole screen is drawn afresh.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> Result<()> {
        let _guard = control::lock();
        if !control::is_active() {
            return Ok(());
        }
        if control::take_redraw() {
            self.terminal.clear()?;
        }
        self.terminal.draw(render)?;
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        control::restore();
    }
}

/// Runs the app in the real terminal until it quits.
pub fn run(app: App, mouse: bool) -> Result<()> {
    let mut session = Session::start(mouse)?;
    run_in(&mut session, app, Vec::new())
}

/// Draws an analysis gauge and takes the keys typed meanwhile: false when
/// the reader asked to quit (the key map's quit keys).
pub fn show_progress(
    session: &mut Session,
    progress: Progress,
    keymap: &Keymap,
    typed: &mut TypeAhead,
) -> Result<bool> {
    let quit_key = keymap.first_key(Action::Quit).unwrap_or("C-c").to_string();
    session.draw(|frame| panes::draw_progress(frame, progress, &quit_key, typed.len()))?;
    while event::poll(Duration::ZERO)? {
        let event = event::read()?;
        if typed.push(keymap, event) == Some(Action::Suspend) {
            control::suspend();
        }
        if typed.quit {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Runs the app in a terminal already set up, first applying the events
/// typed ahead during the analysis.
pub fn run_in(session: &mut Session, mut app: App, typed_ahead: Vec<Event>) -> Result<()> {
    let size = session.terminal.size()?;
    update(
        &mut app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    for event in typed_ahead {
        handle(&mut app, event);
    }
    while !app.quit {
        session.draw(|frame| panes::draw(frame, &app))?;
        // Wait for one event, then take whatever else is already queued
        // (a wheel burst, key repeat) before drawing again.
        if !event::poll(IDLE_WAIT)? {
            continue;
        }
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
            paste(app, &text);
            None
        }
        _ => None,
    };
    match action {
        // Not a state change: the terminal goes away and comes back.
        Some(Action::Suspend) => control::suspend(),
        Some(action) => update(app, action),
        None => {}
    }
}
