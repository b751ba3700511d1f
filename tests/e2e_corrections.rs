//! End to end in tmux: merge two entities in the real app, quit, reopen the
//! story and find them merged (the corrections file in $XDG_DATA_HOME),
//! then undo. Skips when tmux is not installed.

mod tmux_harness;

use tmux_harness::{app_command, Tmux, FIXTURE};

/// The entity list's row of `name` (its count at the end), if shown.
fn entity_row<'a>(screen: &'a str, name: &str) -> Option<&'a str> {
    screen
        .lines()
        .find(|line| line.starts_with('│') && line.contains(&format!("P {name} ")))
}

fn count_of(row: &str) -> Option<usize> {
    // "│▶P Charles Babbage     4││ ...": the number before the pane's border.
    let pane = row.split("││").next()?;
    pane.trim_end_matches('│')
        .split_whitespace()
        .last()?
        .parse()
        .ok()
}

#[test]
fn a_merge_is_kept_when_the_story_reopens() {
    if !Tmux::available() {
        eprintln!("skipping: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let command = app_command(dir.path(), &format!("'{FIXTURE}'"));
    let tmux = Tmux::start("corrections", 120, 30, &command, dir.path());
    tmux.wait_for_text("Entities");
    // Find Charles, mark him, go back to the whole list, select Ada (the
    // most mentioned, at the top) and merge; the longest name is proposed.
    tmux.send(&["1", "f"]);
    tmux.type_text("Charles");
    tmux.send(&["Enter"]);
    tmux.send(&["M"]);
    tmux.wait_for_text("marked Charles Babbage");
    // Esc alone (with a key right after, it would read as Alt).
    tmux.send(&["Escape"]);
    tmux.wait_for_text("entity list shows every entity");
    tmux.send(&["g", "J"]);
    tmux.wait_for_text("merge 2 as: Charles Babbage");
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for_text("u undoes");
    let row = entity_row(&screen, "Charles Babbage").expect("merged entity listed");
    assert_eq!(count_of(row), Some(4), "{screen}");
    assert!(entity_row(&screen, "Ada Lovelace").is_none(), "{screen}");
    tmux.send(&["q"]);
    tmux.wait_for_text("EXITED:0");
    let saved = std::fs::read_dir(dir.path().join("data/storyscope/corrections"))
        .expect("a corrections folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "toml"))
        .expect("a corrections file");
    let text = std::fs::read_to_string(&saved).expect("readable");
    assert!(text.contains("action = \"merge\""), "{text}");
    assert!(text.contains("name = \"Charles Babbage\""), "{text}");
    drop(tmux);

    // Reopened: still merged, and the app says so.
    let tmux = Tmux::start("corrections-again", 120, 30, &command, dir.path());
    let screen = tmux.wait_for_text("1 correction of yours applied");
    let row = entity_row(&screen, "Charles Babbage").expect("still merged");
    assert_eq!(count_of(row), Some(4), "{screen}");
    assert!(entity_row(&screen, "Ada Lovelace").is_none(), "{screen}");
    // Undo brings Ada back, and the saved list follows.
    tmux.send(&["u"]);
    let screen = tmux.wait_for_text("undone: merge");
    assert!(entity_row(&screen, "Ada Lovelace").is_some(), "{screen}");
    tmux.send(&["q"]);
    tmux.wait_for_text("EXITED:0");
    let text = std::fs::read_to_string(&saved).expect("readable");
    assert!(!text.contains("merge"), "{text}");
}
