//! Owning the terminal safely: entering and leaving the app's modes (raw,
//! alternate screen, mouse, bracketed paste) exactly once per switch, from
//! whichever thread needs it — the event loop, a signal, a panic.
//!
//! - SIGTERM, SIGHUP, SIGINT and SIGQUIT restore the terminal, then end the
//!   process the way the signal would have (status 128 + signal).
//! - SIGTSTP (and Ctrl-Z in the app) restores, stops the process like
//!   `less` and `vim` do, and on `fg` re-enters and asks for a full redraw.
//! - A panic in any thread restores once, then reports as usual.

use std::io::{stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, Once};

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use signal_hook::consts::signal::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

/// Whether the app's modes are on.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether the app captures the mouse (`--no-mouse` turns it off).
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Set when the screen must be drawn from scratch (after a suspend).
static REDRAW: AtomicBool = AtomicBool::new(false);
/// Held while a frame is written, so a signal never restores the terminal
/// in the middle of one (and no frame lands on the shell's screen after).
static TERMINAL: Mutex<()> = Mutex::new(());
static INSTALL: Once = Once::new();

/// Locks the terminal for writing a frame.
pub fn lock() -> MutexGuard<'static, ()> {
    TERMINAL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Whether the app's modes are on (frames may be drawn).
pub fn is_active() -> bool {
    ACTIVE.load(Ordering::SeqCst)
}

/// True once after a suspend: the screen must be cleared and redrawn.
pub fn take_redraw() -> bool {
    REDRAW.swap(false, Ordering::SeqCst)
}

/// Switches the app's modes on and installs the signal and panic handlers
/// (once per process).
pub fn enter(mouse: bool) -> std::io::Result<()> {
    install_handlers();
    MOUSE.store(mouse, Ordering::SeqCst);
    let _guard = lock();
    enter_modes()
}

fn enter_modes() -> std::io::Result<()> {
    if ACTIVE.swap(true, Ordering::SeqCst) {
        return Ok(());
    }
    enable_raw_mode()?;
    let mut out = stdout();
    execute!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    if MOUSE.load(Ordering::SeqCst) {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Switches every mode off again; does nothing when they are already off,
/// so the panic hook, a signal and the normal exit can all call it.
pub fn restore() {
    let _guard = lock();
    restore_modes();
}

fn restore_modes() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = stdout();
    // Each step on its own: one failing must not keep the others off.
    if MOUSE.load(Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, DisableBracketedPaste);
    let _ = execute!(out, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Gives the terminal back and stops the process until `fg`; then takes the
/// terminal again and asks for a redraw.
pub fn suspend() {
    let guard = lock();
    let was_active = is_active();
    restore_modes();
    // SIGSTOP cannot be caught: the process stops here and goes on from
    // here on SIGCONT.
    let _ = signal_hook::low_level::raise(signal_hook::consts::signal::SIGSTOP);
    if was_active {
        let _ = enter_modes();
        REDRAW.store(true, Ordering::SeqCst);
    }
    drop(guard);
}

fn install_handlers() {
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        let signals = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT];
        match signal_hook::iterator::Signals::new(signals) {
            Ok(mut signals) => {
                let spawned = std::thread::Builder::new()
                    .name("signals".to_string())
                    .spawn(move || {
                        for signal in signals.forever() {
                            on_signal(signal);
                        }
                    });
                if let Err(error) = spawned {
                    eprintln!("storyscope: signals will not restore the terminal: {error}");
                }
            }
            Err(error) => eprintln!("storyscope: signals will not restore the terminal: {error}"),
        }
    });
}

fn on_signal(signal: i32) {
    match signal {
        SIGTSTP => suspend(),
        SIGCONT => {
            // Stopped from outside (SIGSTOP): the shell may have reset the
            // terminal meanwhile; raw mode again and a full redraw.
            if is_active() {
                let _ = enable_raw_mode();
                REDRAW.store(true, Ordering::SeqCst);
            }
        }
        _ => {
            // Keep the lock: no frame may be written after the restore.
            let _guard = lock();
            restore_modes();
            // Die of the signal itself, so the parent sees 128 + signal.
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    }
}
