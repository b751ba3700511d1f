//! End to end: the real binary in a real terminal (tmux). Opens a story,
//! moves focus, filters by an entity and by text, opens the help, resizes,
//! quits, and checks that the terminal was restored. Skips when tmux is
//! not installed.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_storyscope");
const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/night_ferry.txt"
);
const TIMEOUT: Duration = Duration::from_secs(15);

/// A tmux server of our own (its own socket), killed on drop.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn available() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// Starts `command` in a detached session of the given size.
    fn start(name: &str, width: u16, height: u16, command: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("storyscope-{name}-{}", std::process::id()),
        };
        let output = tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            command,
        ]);
        assert!(output.status.success(), "tmux new-session: {output:?}");
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            // The user's own key file must not change what the test sends.
            .env("XDG_CONFIG_HOME", "/nonexistent-storyscope-test-config")
            // Nor may the test write to the user's cache.
            .env(
                "XDG_CACHE_HOME",
                std::env::temp_dir().join(format!("storyscope-e2e-cache-{}", std::process::id())),
            )
            .output()
            .expect("tmux runs")
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success(), "send-keys {keys:?}");
    }

    /// Types text literally (no key-name lookup).
    fn type_text(&self, text: &str) {
        assert!(self
            .run(&["send-keys", "-t", "0", "-l", text])
            .status
            .success());
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "0"]).stdout).into_owned()
    }

    fn pane_flag(&self, format: &str) -> String {
        let output = self.run(&["display-message", "-p", "-t", "0", format]);
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    /// Polls the screen until `check` holds; fails with the last screen.
    fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |screen| screen.contains(text))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn app_command(args: &str) -> String {
    assert!(Path::new(BINARY).exists());
    // The marker shows the exit code once the app has left the screen; the
    // sleep keeps the pane open to look at it.
    format!("sh -c \"'{BINARY}' {args}; echo EXITED:\\$?; sleep 600\"")
}

#[test]
fn browse_filter_help_and_quit_in_a_real_terminal() {
    if !Tmux::available() {
        eprintln!("skipping: tmux is not installed");
        return;
    }
    let tmux = Tmux::start("browse", 120, 40, &app_command(&format!("'{FIXTURE}'")));
    let screen = tmux.wait_for_text("The Night Ferry");
    assert!(screen.contains("▸2 Paragraphs"), "{screen}");
    assert!(
        screen.contains("Entities") && screen.contains("Timeline"),
        "{screen}"
    );
    assert!(
        screen.contains("␛[31mred"),
        "escape sequences shown escaped:\n{screen}"
    );
    assert_eq!(
        tmux.pane_flag("#{alternate_on}"),
        "1",
        "the app uses the alternate screen"
    );

    tmux.send(&["Tab"]);
    tmux.wait_for_text("▸3 Timeline");

    tmux.send(&["1", "Enter"]);
    let filtered = tmux.wait_for_text("filter: ");
    assert!(filtered.contains("▸1 Entities"), "{filtered}");

    tmux.send(&["Escape"]);
    tmux.wait_for("the entity filter to clear", |s| !s.contains("filter: "));

    tmux.send(&["/"]);
    tmux.type_text("FERRY");
    let typing = tmux.wait_for_text("/FERRY");
    assert!(typing.contains("Enter keep"), "{typing}");
    tmux.send(&["Enter"]);
    let searched = tmux.wait_for_text("filter: “FERRY”");
    assert!(
        !searched.contains("Kenji joined"),
        "filtered out:\n{searched}"
    );

    // An entity filter on top of the text filter is a jump; Ctrl-o undoes it.
    tmux.send(&["1", "Enter"]);
    tmux.wait_for_text("filter: “FERRY” + ");
    tmux.send(&["C-o"]);
    tmux.wait_for_text("filter: “FERRY” │");

    tmux.send(&["?"]);
    let help = tmux.wait_for_text("Show or hide this help");
    assert!(help.contains("Quit"), "{help}");
    tmux.send(&["Escape"]);
    tmux.wait_for("the help to close", |s| {
        !s.contains("Show or hide this help")
    });

    tmux.send(&["q"]);
    let after = tmux.wait_for_text("EXITED:0");
    assert!(
        !after.contains("Paragraphs"),
        "the app screen is gone:\n{after}"
    );
    assert_eq!(
        tmux.pane_flag("#{alternate_on}"),
        "0",
        "alternate screen left"
    );
    assert_eq!(
        tmux.pane_flag("#{mouse_any_flag}"),
        "0",
        "mouse reporting off"
    );
}

/// The row of the paragraph pane's selected paragraph (its gutter bar).
fn selected_row(screen: &str) -> Option<String> {
    screen
        .lines()
        .find(|line| line.contains("│▌"))
        .map(|line| line.to_string())
}

#[test]
fn concordance_jump_and_ctrl_o_back_in_a_real_terminal() {
    if !Tmux::available() {
        eprintln!("skipping: tmux is not installed");
        return;
    }
    let tmux = Tmux::start(
        "concordance",
        120,
        40,
        &app_command(&format!("'{FIXTURE}'")),
    );
    tmux.wait_for_text("▸2 Paragraphs");
    // The entity with the most mentions: filter by it, then its concordance.
    tmux.send(&["1", "Enter"]);
    let filtered = tmux.wait_for("the entity filter", |s| {
        s.contains("filter: ") && selected_row(s).is_some()
    });
    let original = selected_row(&filtered).expect("a selected paragraph");
    // Its card first: what the story says about it, then closed again.
    tmux.send(&["i"]);
    let card = tmux.wait_for_text("Appears with (");
    assert!(
        card.contains("Mentions") && card.contains("Where"),
        "{card}"
    );
    tmux.send(&["Escape"]);
    tmux.wait_for("the card to close", |s| !s.contains("Appears with ("));
    tmux.send(&["c"]);
    tmux.wait_for_text("Concordance: ");
    // Its last line, Enter: the paragraph pane shows that mention.
    tmux.send(&["G", "Enter"]);
    // (A capture can catch a frame half drawn: wait for the whole of it.)
    let jumped = tmux.wait_for("the jump to another paragraph", |s| {
        !s.contains("Concordance: ")
            && s.contains("▸2 Paragraphs")
            && selected_row(s).is_some_and(|row| row != original)
    });
    let landed = selected_row(&jumped).expect("a selected paragraph");
    // Ctrl-o: back where the jump started, focus included.
    tmux.send(&["C-o"]);
    tmux.wait_for("the way back", |s| {
        s.contains("▸1 Entities") && selected_row(s).as_ref() == Some(&original)
    });
    // And forward again.
    tmux.send(&["C-n"]);
    tmux.wait_for("forward to the mention again", |s| {
        s.contains("▸2 Paragraphs") && selected_row(s).as_ref() == Some(&landed)
    });
    tmux.send(&["q"]);
    tmux.wait_for_text("EXITED:0");
}

#[test]
fn resizing_redraws_and_ctrl_c_quits() {
    if !Tmux::available() {
        eprintln!("skipping: tmux is not installed");
        return;
    }
    let tmux = Tmux::start("resize", 120, 40, &app_command(&format!("'{FIXTURE}'")));
    tmux.wait_for_text("▸2 Paragraphs");
    tmux.run(&["resize-window", "-t", "0", "-x", "40", "-y", "10"]);
    // One pane at a time: the tab line appears.
    tmux.wait_for_text("1 Entities ▸2 Paragraphs");
    tmux.run(&["resize-window", "-t", "0", "-x", "20", "-y", "6"]);
    tmux.wait_for("a 20x6 frame", |s| {
        s.lines().count() <= 6 && s.contains("Paragr")
    });
    tmux.run(&["resize-window", "-t", "0", "-x", "120", "-y", "40"]);
    tmux.wait_for_text("Timeline (");
    tmux.send(&["C-c"]);
    tmux.wait_for_text("EXITED:0");
    assert_eq!(tmux.pane_flag("#{alternate_on}"), "0");
}

#[test]
fn a_user_key_file_rebinds_quit() {
    if !Tmux::available() {
        eprintln!("skipping: tmux is not installed");
        return;
    }
    let keys = std::env::temp_dir().join(format!("storyscope-keys-{}.toml", std::process::id()));
    std::fs::write(&keys, "[[binding]]\naction = \"quit\"\nkeys = [\"x\"]\n").expect("write");
    let args = format!("--keys-file '{}' '{FIXTURE}'", keys.display());
    let tmux = Tmux::start("keys", 120, 40, &app_command(&args));
    tmux.wait_for_text("▸2 Paragraphs");
    tmux.send(&["?"]);
    tmux.wait_for("x listed as the quit key", |s| {
        s.lines().any(|l| l.contains(" x ") && l.contains("Quit"))
    });
    tmux.send(&["Escape", "q"]);
    std::thread::sleep(Duration::from_millis(300));
    assert!(!tmux.screen().contains("EXITED"), "q no longer quits");
    tmux.send(&["x"]);
    tmux.wait_for_text("EXITED:0");
    let _ = std::fs::remove_file(keys);
}

/// Sends an SGR mouse report (1-based cell) as raw bytes, the way a
/// terminal does when the app has mouse capture on.
fn send_mouse(tmux: &Tmux, button: u8, column: u16, row: u16) {
    let report = format!("\x1b[<{button};{column};{row}M\x1b[<{button};{column};{row}m");
    let hex: Vec<String> = report.bytes().map(|b| format!("{b:02x}")).collect();
    let mut args = vec!["send-keys", "-t", "0", "-H"];
    args.extend(hex.iter().map(String::as_str));
    assert!(tmux.run(&args).status.success());
}

#[test]
fn mouse_clicks_focus_and_select_unless_turned_off() {
    if !Tmux::available() {
        eprintln!("skipping: tmux is not installed");
        return;
    }
    let tmux = Tmux::start("mouse", 120, 40, &app_command(&format!("'{FIXTURE}'")));
    tmux.wait_for_text("▸2 Paragraphs");
    assert_eq!(tmux.pane_flag("#{mouse_any_flag}"), "1", "mouse capture on");
    // Third entity row: the border is row 1, entities start on row 2.
    send_mouse(&tmux, 0, 5, 4);
    let screen = tmux.wait_for_text("▸1 Entities");
    let third_row = screen.lines().nth(3).unwrap_or_default();
    assert!(
        third_row.starts_with("│▶"),
        "clicked row selected:\n{screen}"
    );
    // The wheel over the entity list moves its cursor down.
    send_mouse(&tmux, 65, 5, 4);
    tmux.wait_for("the wheel to move the cursor", |s| {
        s.lines().nth(3).is_some_and(|l| !l.starts_with("│▶"))
    });
    tmux.send(&["q"]);
    tmux.wait_for_text("EXITED:0");

    let args = format!("--no-mouse '{FIXTURE}'");
    let tmux = Tmux::start("nomouse", 120, 40, &app_command(&args));
    tmux.wait_for_text("▸2 Paragraphs");
    assert_eq!(tmux.pane_flag("#{mouse_any_flag}"), "0", "--no-mouse");
    tmux.send(&["q"]);
    tmux.wait_for_text("EXITED:0");
}

#[test]
fn without_a_terminal_it_points_to_analyze_and_render() {
    let output = Command::new(BINARY).arg(FIXTURE).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("analyze") && stderr.contains("render"),
        "{stderr}"
    );
}
