//! End to end in tmux: signals, Ctrl-Z / fg and bracketed paste leave the
//! terminal as it was (main screen, mouse reporting off, cooked mode).
//! Skips when tmux is not installed.

mod tmux_harness;

use std::time::Duration;

use tmux_harness::{app_command, children_of, Tmux, BINARY, COOKED, FIXTURE};

fn skip() -> bool {
    if Tmux::available() {
        return false;
    }
    eprintln!("skipping: tmux is not installed");
    true
}

fn assert_restored(tmux: &Tmux, screen: &str) {
    assert!(
        !screen.contains("Paragraphs"),
        "the app screen is gone:\n{screen}"
    );
    assert_eq!(
        tmux.pane_flag("#{alternate_on} #{mouse_any_flag}"),
        "0 0",
        "main screen and no mouse reporting:\n{screen}"
    );
    assert!(screen.contains(COOKED), "cooked mode again:\n{screen}");
}

#[test]
fn terminating_signals_restore_the_terminal_and_exit_with_128_plus_the_signal() {
    if skip() {
        return;
    }
    for (name, number) in [("TERM", 15), ("HUP", 1), ("INT", 2), ("QUIT", 3)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let command = app_command(dir.path(), &format!("'{FIXTURE}'"));
        let tmux = Tmux::start(&format!("sig{name}"), 100, 30, &command, dir.path());
        tmux.wait_for_text("▸2 Paragraphs");
        assert_eq!(tmux.pane_flag("#{alternate_on} #{mouse_any_flag}"), "1 1");
        let app = children_of(tmux.pane_pid());
        assert_eq!(app.len(), 1, "the shell runs one program: {app:?}");
        let status = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(app[0].to_string())
            .status()
            .expect("kill runs");
        assert!(status.success());
        let screen = tmux.wait_for_text("STTY:");
        assert!(
            screen.contains(&format!("EXITED:{}", 128 + number)),
            "SIG{name}:\n{screen}"
        );
        assert_restored(&tmux, &screen);
    }
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_redraws() {
    if skip() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    // An interactive shell, for job control.
    let tmux = Tmux::start(
        "suspend",
        100,
        30,
        "env PS1='$ ' bash --norc --noprofile -i",
        dir.path(),
    );
    tmux.wait_for_text("$");
    // Alone on the line: bash would run the rest of a list once it stops.
    tmux.type_text(&format!("'{BINARY}' '{FIXTURE}'"));
    tmux.send(&["Enter"]);
    tmux.wait_for_text("▸2 Paragraphs");
    tmux.send(&["Tab"]);
    tmux.wait_for_text("▸3 Timeline");
    tmux.send(&["C-z"]);
    let stopped = tmux.wait_for("the shell's job notice", |s| s.contains("Stopped"));
    assert_eq!(
        tmux.pane_flag("#{alternate_on} #{mouse_any_flag}"),
        "0 0",
        "{stopped}"
    );
    tmux.type_text(
        "echo \"STTY: $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|isig)$' | tr '\\n' ' ')\"",
    );
    tmux.send(&["Enter"]);
    let probed = tmux.wait_for_text(COOKED);
    assert!(probed.contains(COOKED), "{probed}");
    tmux.type_text("fg");
    tmux.send(&["Enter"]);
    // The whole frame again, in the state it was left in.
    let back = tmux.wait_for("the app redrawn", |s| {
        s.contains("▸3 Timeline") && s.contains("Entities") && !s.contains("Stopped")
    });
    assert_eq!(
        tmux.pane_flag("#{alternate_on} #{mouse_any_flag}"),
        "1 1",
        "{back}"
    );
    tmux.send(&["q"]);
    tmux.wait_for("the app to leave", |s| !s.contains("Entities"));
    tmux.type_text("echo EXITED:$?");
    tmux.send(&["Enter"]);
    tmux.wait_for_text("EXITED:0");
    assert_eq!(tmux.pane_flag("#{alternate_on} #{mouse_any_flag}"), "0 0");
}

#[test]
fn a_bracketed_paste_goes_into_the_filter_as_text_never_as_keys() {
    if skip() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let command = app_command(dir.path(), &format!("'{FIXTURE}'"));
    let tmux = Tmux::start("paste", 120, 40, &command, dir.path());
    tmux.wait_for_text("▸2 Paragraphs");
    // With no input open a paste does nothing: its q does not quit.
    tmux.paste("q");
    std::thread::sleep(Duration::from_millis(300));
    let screen = tmux.screen();
    assert!(
        screen.contains("▸2 Paragraphs") && !screen.contains("EXITED"),
        "{screen}"
    );
    tmux.send(&["/"]);
    tmux.wait_for_text("Enter keep");
    // The newline does not confirm and the q does not quit.
    tmux.paste("FERRY\nq");
    let typing = tmux.wait_for_text("/FERRY q");
    assert!(
        typing.contains("Enter keep"),
        "the input is still open:\n{typing}"
    );
    tmux.send(&["BSpace", "BSpace", "Enter"]);
    tmux.wait_for_text("filter: “FERRY”");
    tmux.send(&["q"]);
    let after = tmux.wait_for_text("STTY:");
    assert!(after.contains("EXITED:0"), "{after}");
    assert_restored(&tmux, &after);
}

#[test]
fn keys_typed_during_the_analysis_are_applied_once_it_is_ready() {
    if skip() {
        return;
    }
    let novel = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/pride_and_prejudice.txt"
    );
    if !std::path::Path::new(novel).exists() {
        eprintln!("skipping: {novel} not found");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    // Twenty copies of the novel, without the cache: an analysis of
    // seconds, long enough to type into.
    let copies = dir.path().join("copies");
    std::fs::create_dir(&copies).expect("copies dir");
    let text = std::fs::read_to_string(novel).expect("the novel");
    for copy in 0..20 {
        let path = copies.join(format!("copy_{copy:02}.txt"));
        std::fs::write(path, &text).expect("a copy");
    }
    let command = app_command(dir.path(), &format!("--no-cache '{}'", copies.display()));
    let tmux = Tmux::start("typeahead", 120, 40, &command, dir.path());
    let gauge = tmux.wait_for_text("analysing");
    assert!(gauge.contains("q quits"), "{gauge}");
    tmux.send(&["/"]);
    tmux.type_text("Darcy");
    tmux.send(&["Enter", "3"]);
    tmux.wait_for_text("keys typed ahead");
    // Twenty novels take a minute or more when the tests share a loaded machine.
    let limit = std::time::Duration::from_secs(180);
    let ready = tmux.wait_for_within("the typed-ahead filter and focus", limit, |s| {
        s.contains("filter: “Darcy”") && s.contains("▸3 Timeline")
    });
    assert!(!ready.contains("analysing"), "{ready}");
    tmux.send(&["q"]);
    let after = tmux.wait_for_text("STTY:");
    assert!(after.contains("EXITED:0"), "{after}");
    assert_restored(&tmux, &after);
}
