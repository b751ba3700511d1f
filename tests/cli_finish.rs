//! The finish of a command-line tool, on the real binary: completion
//! scripts for bash, zsh and fish, the man pages, `--help` with examples,
//! and a binary that works from any folder (its data is embedded).

use std::process::{Command, Output};

const BINARY: &str = env!("CARGO_BIN_EXE_storyscope");

fn run(args: &[&str], dir: &std::path::Path) -> Output {
    Command::new(BINARY)
        .args(args)
        .current_dir(dir)
        .env("XDG_STATE_HOME", dir.join("state"))
        .output()
        .expect("binary runs")
}

fn stdout(output: &Output) -> String {
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn completion_scripts_know_every_command_and_option() {
    let dir = tempfile::tempdir().expect("temp dir");
    let commands = ["analyze", "export", "render", "completions", "man"];
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&run(&["completions", shell], dir.path()));
        for word in commands.iter().chain(&["--format", "--theme", "--fresh"]) {
            let word = if shell == "fish" {
                word.trim_start_matches("--")
            } else {
                word
            };
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
        match shell {
            "bash" => assert!(script.contains("complete -F _storyscope")),
            "zsh" => assert!(script.starts_with("#compdef storyscope")),
            _ => assert!(script.contains("complete -c storyscope")),
        }
    }
    // The bash script is valid bash, when bash is there to say so.
    if Command::new("bash").arg("--version").output().is_ok() {
        let path = dir.path().join("storyscope.bash");
        std::fs::write(&path, stdout(&run(&["completions", "bash"], dir.path()))).expect("write");
        let check = Command::new("bash")
            .arg("-n")
            .arg(&path)
            .output()
            .expect("bash");
        assert!(check.status.success(), "{check:?}");
    }
    let bad = run(&["completions", "tcsh"], dir.path());
    assert!(!bad.status.success());
}

#[test]
fn man_pages_cover_the_tool_and_each_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = stdout(&run(&["man"], dir.path()));
    assert!(page.contains(".TH storyscope 1"), "a section 1 page");
    assert!(page.contains(".SH SYNOPSIS") && page.contains(".SH OPTIONS"));
    assert!(page.contains("storyscope export"), "examples included");
    let out = dir.path().join("man");
    let written = run(&["man", "--out", out.to_str().expect("path")], dir.path());
    assert!(written.status.success(), "{written:?}");
    for name in [
        "storyscope.1",
        "storyscope-export.1",
        "storyscope-completions.1",
    ] {
        let page = std::fs::read_to_string(out.join(name)).expect("page written");
        assert!(page.contains(".SH NAME"), "{name} is a man page");
    }
    let export = std::fs::read_to_string(out.join("storyscope-export.1")).expect("page");
    assert!(
        export.contains("\\-\\-format"),
        "the export page lists its options"
    );
}

#[test]
fn help_shows_examples_and_the_binary_works_from_any_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let help = stdout(&run(&["--help"], dir.path()));
    assert!(help.contains("Examples:"));
    assert!(help.contains("storyscope export novel.txt --format html"));
    // Nothing is read relative to the working folder: the bundled story,
    // the model and the word lists are inside the binary.
    let summary = stdout(&run(&["analyze"], dir.path()));
    assert!(summary.contains("Muqtada al-Sadr"), "{summary}");
    let report = dir.path().join("report.html");
    let exported = run(
        &["export", "--format", "html", "--out", "report.html"],
        dir.path(),
    );
    assert!(exported.status.success(), "{exported:?}");
    assert!(std::fs::read_to_string(report)
        .expect("report")
        .contains("Muqtada al-Sadr"));
    // `-`: the report on standard output.
    let piped = stdout(&run(
        &["export", "--format", "html", "--out", "-"],
        dir.path(),
    ));
    assert!(piped.starts_with("<!DOCTYPE html>") && piped.ends_with("</html>\n"));
    assert!(
        !run(&["export", "--format", "csv", "--out", "-"], dir.path())
            .status
            .success()
    );
    // A folder as --out: the report is named after the story.
    let into_folder = run(&["export", "--format", "html", "--out", "."], dir.path());
    assert!(into_folder.status.success(), "{into_folder:?}");
    assert!(dir.path().join("bundled-story.html").is_file());
    // A folder that does not exist: one line naming the file.
    let missing = run(
        &["export", "--format", "html", "--out", "no/such/dir/r.html"],
        dir.path(),
    );
    assert_eq!(missing.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("cannot write no/such/dir/r.html"),
        "{stderr}"
    );
}
