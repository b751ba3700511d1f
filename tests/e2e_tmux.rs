//! End to end: the real binary in a real terminal (tmux). Opens a story,
//! moves focus, filters by an entity and by text, opens the help, resizes,
//! quits, and checks that the terminal was restored. Skips when tmux is
//! not installed.

mod tmux_harness;

use std::process::Command;
use std::time::Duration;

use tmux_harness::{app_command, app_command_with, Tmux, BINARY, FIXTURE};

/// A folder of the test's own for the app's cache, saved places,
/// corrections and run scripts, removed after the test.
fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn browse_filter_help_and_quit_in_a_real_terminal() {
    if !Tmux::available() {
        eprintln!("skipping: tmux is not installed");
        return;
    }
    let scratch = scratch();
    let tmux = Tmux::start(
        "browse",
        120,
        40,
        &app_command(scratch.path(), &format!("'{FIXTURE}'")),
        scratch.path(),
    );
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
    let scratch = scratch();
    let tmux = Tmux::start(
        "concordance",
        120,
        40,
        &app_command(scratch.path(), &format!("'{FIXTURE}'")),
        scratch.path(),
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
    let scratch = scratch();
    let tmux = Tmux::start(
        "resize",
        120,
        40,
        &app_command(scratch.path(), &format!("'{FIXTURE}'")),
        scratch.path(),
    );
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
    let scratch = scratch();
    let keys = scratch.path().join("keys.toml");
    std::fs::write(&keys, "[[binding]]\naction = \"quit\"\nkeys = [\"x\"]\n").expect("write");
    let args = format!("--keys-file '{}' '{FIXTURE}'", keys.display());
    let tmux = Tmux::start(
        "keys",
        120,
        40,
        &app_command(scratch.path(), &args),
        scratch.path(),
    );
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
    let scratch = scratch();
    let tmux = Tmux::start(
        "mouse",
        120,
        40,
        &app_command(scratch.path(), &format!("'{FIXTURE}'")),
        scratch.path(),
    );
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
    // A folder of its own: the first session saved its place (entities focused).
    let scratch = self::scratch();
    let tmux = Tmux::start(
        "nomouse",
        120,
        40,
        &app_command(scratch.path(), &args),
        scratch.path(),
    );
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

#[test]
fn reopening_a_story_returns_to_the_same_place_unless_fresh_or_unreadable() {
    if !Tmux::available() {
        eprintln!("skipping: tmux is not installed");
        return;
    }
    let dir = scratch();
    // Where the harness points XDG_STATE_HOME.
    let state = dir.path().join("state");
    let command = |args: &str| app_command(dir.path(), args);
    {
        let tmux = Tmux::start(
            "state1",
            120,
            40,
            &command(&format!("'{FIXTURE}'")),
            dir.path(),
        );
        tmux.wait_for_text("▸2 Paragraphs");
        tmux.send(&["1", "Enter"]);
        tmux.wait_for_text("filter: P Ada Lovelace");
        tmux.send(&["q"]);
        tmux.wait_for_text("EXITED:0");
    }
    let files: Vec<_> = std::fs::read_dir(state.join("storyscope"))
        .expect("state folder made")
        .collect();
    assert_eq!(files.len(), 1, "one state file, no temporary left");
    {
        let tmux = Tmux::start(
            "state2",
            120,
            40,
            &command(&format!("'{FIXTURE}'")),
            dir.path(),
        );
        let screen = tmux.wait_for_text("back where you left");
        assert!(screen.contains("filter: P Ada Lovelace"), "{screen}");
        assert!(screen.contains("▸1 Entities"), "focus restored:\n{screen}");
        tmux.send(&["q"]);
        tmux.wait_for_text("EXITED:0");
    }
    {
        let tmux = Tmux::start(
            "state3",
            120,
            40,
            &command(&format!("--fresh '{FIXTURE}'")),
            dir.path(),
        );
        let screen = tmux.wait_for_text("▸2 Paragraphs");
        assert!(
            !screen.contains("filter: "),
            "--fresh ignores it:\n{screen}"
        );
        tmux.send(&["q"]);
        tmux.wait_for_text("EXITED:0");
    }
    let path = std::fs::read_dir(state.join("storyscope"))
        .expect("state folder")
        .next()
        .expect("a file")
        .expect("entry")
        .path();
    std::fs::write(&path, "{ not json").expect("corrupt it");
    let tmux = Tmux::start(
        "state4",
        120,
        40,
        &command(&format!("'{FIXTURE}'")),
        dir.path(),
    );
    let screen = tmux.wait_for_text("saved place unreadable");
    assert!(
        screen.contains("▸2 Paragraphs") && !screen.contains("filter: "),
        "{screen}"
    );
    tmux.send(&["q"]);
    tmux.wait_for_text("EXITED:0");
}

#[test]
fn y_copies_through_osc_52_and_w_writes_the_view_in_a_real_terminal() {
    if !Tmux::available() {
        eprintln!("skipping: tmux is not installed");
        return;
    }
    let dir = scratch();
    let tmux = Tmux::start(
        "share",
        120,
        40,
        &app_command(dir.path(), &format!("'{FIXTURE}'")),
        dir.path(),
    );
    tmux.wait_for_text("▸2 Paragraphs");
    // tmux keeps what an application sends with OSC 52 as a paste buffer.
    tmux.run(&["set-option", "-s", "set-clipboard", "on"]);
    tmux.send(&["j", "y"]);
    tmux.wait_for_text("copied ¶2 to the clipboard");
    let buffer = String::from_utf8_lossy(&tmux.run(&["show-buffer"]).stdout).into_owned();
    assert!(
        buffer.starts_with(
            "Ada Lovelace boarded the night ferry at Dover on 3 March 2024. The crew of Channel"
        ),
        "clipboard: {buffer:?}"
    );

    tmux.send(&["w"]);
    tmux.wait_for_text("save view as: night-ferry-view.md");
    tmux.send(&["Enter"]);
    tmux.wait_for_text("wrote night-ferry-view.md");
    let markdown =
        std::fs::read_to_string(dir.path().join("night-ferry-view.md")).expect("written");
    assert!(
        markdown.starts_with("# The Night Ferry\n\n## Every paragraph"),
        "{markdown}"
    );
    // Again: a new name is proposed; Esc writes nothing.
    tmux.send(&["w"]);
    tmux.wait_for_text("save view as: night-ferry-view-2.md");
    tmux.send(&["Escape"]);
    tmux.wait_for_text("nothing written");
    tmux.send(&["q"]);
    tmux.wait_for_text("EXITED:0");
    assert!(!dir.path().join("night-ferry-view-2.md").exists());
}

/// The screen with its colours, as SGR escape sequences.
fn styled_screen(tmux: &Tmux) -> String {
    String::from_utf8_lossy(&tmux.run(&["capture-pane", "-e", "-p", "-t", "0"]).stdout).into_owned()
}

/// The SGR sequence just before the mention "Ada Lovelace" in the text.
fn style_of_ada(screen: &str) -> String {
    let boarded = screen.find("boarded").expect("paragraph on screen");
    let at = screen[..boarded]
        .rfind("Ada Lovelace")
        .expect("the mention");
    // tmux writes one sequence per attribute: take the run of them.
    let mut before = &screen[..at];
    while let Some(start) = before
        .rfind('\u{1b}')
        .filter(|&s| before[s..].ends_with('m'))
    {
        before = &before[..start];
    }
    screen[before.len()..at].to_string()
}

/// Whether an SGR run sets ANSI foreground colour `index` (tmux writes
/// `38;5;N`, other terminals `3N`).
fn has_colour(style: &str, index: u8) -> bool {
    style.contains(&format!("38;5;{index}m"))
        || style.contains(&format!("[3{index}m"))
        || style.contains(&format!(";3{index}m"))
}

#[test]
fn the_theme_follows_the_flag_the_theme_file_and_colorfgbg() {
    if !Tmux::available() {
        eprintln!("skipping: tmux is not installed");
        return;
    }
    let dir = scratch();
    let keys = dir.path().join("keys.toml");
    std::fs::write(&keys, "").expect("keys");
    // Person mentions: cyan (ANSI 6) on dark, blue (4) on light.
    let cases = [
        ("dark", String::new(), "--theme dark", 6),
        ("light", String::new(), "--theme light", 4),
        ("fgbg", "COLORFGBG='0;15'".to_string(), "", 4),
        (
            "flag-wins",
            "COLORFGBG='0;15'".to_string(),
            "--theme dark",
            6,
        ),
    ];
    for (name, env, flag, colour) in cases {
        let args = format!("{flag} '{FIXTURE}'");
        let command = app_command_with(dir.path(), &env, &args);
        let tmux = Tmux::start(&format!("theme-{name}"), 120, 40, &command, dir.path());
        tmux.wait_for_text("▸2 Paragraphs");
        let style = style_of_ada(&styled_screen(&tmux));
        assert!(has_colour(&style, colour), "{name}: {style:?}");
        tmux.send(&["q"]);
    }
    // theme.toml beside the key file, with a colour of its own.
    std::fs::write(
        dir.path().join("theme.toml"),
        "background = \"light\"\n[colors]\nperson = \"magenta\"\n",
    )
    .expect("theme");
    let args = format!("--keys-file '{}' '{FIXTURE}'", keys.display());
    let tmux = Tmux::start(
        "theme-file",
        120,
        40,
        &app_command(dir.path(), &args),
        dir.path(),
    );
    tmux.wait_for_text("▸2 Paragraphs");
    let style = style_of_ada(&styled_screen(&tmux));
    assert!(has_colour(&style, 5), "theme.toml colour: {style:?}");
    tmux.send(&["q"]);
    tmux.wait_for_text("EXITED:0");
    // A mistake in it: one line naming the file, and no app.
    std::fs::write(dir.path().join("theme.toml"), "background = \"pink\"\n").expect("theme");
    let tmux = Tmux::start(
        "theme-bad",
        120,
        40,
        &app_command(dir.path(), &args),
        dir.path(),
    );
    let screen = tmux.wait_for_text("EXITED:2");
    assert!(
        screen.contains("theme.toml: background = \"pink\""),
        "{screen}"
    );
}

/// A folder of dated articles: the document list, keeping two documents,
/// an entity's timeline and a jump from it (undone with Ctrl-o).
#[test]
fn documents_and_an_entity_timeline_in_a_real_terminal() {
    if !Tmux::available() {
        eprintln!("skipping: tmux is not installed");
        return;
    }
    let scratch = scratch();
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/story_folder");
    let tmux = Tmux::start(
        "stories",
        120,
        30,
        &app_command(scratch.path(), &format!("'{folder}'")),
        scratch.path(),
    );
    tmux.wait_for_text("Bank shares fall");

    tmux.send(&["4"]);
    tmux.wait_for_text("Documents 3 · 0 marked");
    tmux.send(&["v", "v"]);
    tmux.wait_for_text("Documents 3 · 2 marked");
    tmux.send(&["K"]);
    let kept = tmux.wait_for_text("filter: 2 documents");
    assert!(kept.contains("8/12 paragraphs"), "{kept}");

    tmux.send(&["1", "e"]);
    let timeline = tmux.wait_for_text("Timeline of O Northwind Bank");
    assert!(timeline.contains("Mon 1 Mar 2021"), "{timeline}");
    tmux.send(&["j", "j", "Enter"]);
    // Waiting only for the title to go can catch a frame half redrawn (the
    // overlay's border still there): wait for the whole jump.
    tmux.wait_for("the jump to the event, the timeline closed", |s| {
        s.contains("agreed a rescue deal")
            && !s.contains("Timeline of")
            && !s.contains("Enter jumps to the event")
    });
    tmux.send(&["C-o"]);
    tmux.wait_for_text("1/3 · Bank shares fall");

    tmux.send(&["q"]);
    tmux.wait_for_text("EXITED:0");
}

#[test]
fn quotes_of_an_entity_and_where_it_speaks_in_a_real_terminal() {
    if !Tmux::available() {
        eprintln!("skipping: tmux is not installed");
        return;
    }
    let scratch = scratch();
    // The bundled story: Muqtada al-Sadr is the fourth entity and says one quote.
    let tmux = Tmux::start(
        "speech",
        120,
        40,
        &app_command(scratch.path(), ""),
        scratch.path(),
    );
    tmux.wait_for_text("▸2 Paragraphs");
    tmux.send(&["1", "j", "j", "j", "\""]);
    let listed = tmux.wait_for_text("Muqtada al-Sadr says");
    assert!(listed.contains("the resistance will stop"), "{listed}");
    tmux.send(&["Enter"]);
    tmux.wait_for("the jump to the quote", |s| {
        !s.contains("Muqtada al-Sadr says") && s.contains("▸2 Paragraphs")
    });
    tmux.send(&["1", "S"]);
    let filtered = tmux.wait_for_text("Muqtada al-Sadr speaks");
    assert!(filtered.contains("1/26 paragraphs"), "{filtered}");
    tmux.send(&["Escape"]);
    tmux.wait_for_text("26/26 paragraphs");
    tmux.send(&["q"]);
}
