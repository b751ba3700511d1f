//! `analyze --json` and `export` apply the story's corrections (or
//! `--corrections FILE`) and list them; a bad file is one clear error, or,
//! in the store, set aside and reported.

use std::path::Path;
use std::process::{Command, Output};

const BINARY: &str = env!("CARGO_BIN_EXE_storyscope");
const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/night_ferry.txt"
);

fn storyscope(home: &Path, args: &[&str]) -> Output {
    Command::new(BINARY)
        .args(args)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .expect("runs")
}

const CORRECTIONS: &str = r#"format = "storyscope-corrections"
version = 1

[[correction]]
action = "merge"
entities = ["Ada Lovelace", "Charles Babbage"]
name = "Ada and Charles"

[[correction]]
action = "retype"
entity = "Channel Lines"
kind = "organization"

[[correction]]
action = "hide"
entity = "Heaven"
"#;

#[test]
fn analyze_json_applies_and_lists_the_corrections() {
    let home = tempfile::tempdir().expect("temp");
    let file = home.path().join("shared.toml");
    std::fs::write(&file, CORRECTIONS).expect("write");
    let out = storyscope(
        home.path(),
        &[
            "analyze",
            "--json",
            "--corrections",
            file.to_str().unwrap_or_default(),
            FIXTURE,
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let names: Vec<&str> = json["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter_map(|e| e["name"].as_str())
        .collect();
    assert!(names.contains(&"Ada and Charles"), "{names:?}");
    assert!(!names.contains(&"Charles Babbage"), "{names:?}");
    let corrections = json["corrections"].as_array().expect("corrections listed");
    assert_eq!(corrections.len(), 3);
    assert_eq!(corrections[0]["action"], "merge");
    assert_eq!(corrections[0]["applied"], true);
    assert_eq!(corrections[1]["kind"], "organization");
    assert_eq!(corrections[2]["applied"], false);
    // The one that matched nothing is told once on stderr; the file is unchanged.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("no longer matches").count(), 1, "{stderr}");
    assert!(stderr.contains("hide \"Heaven\""), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), CORRECTIONS);
    // Without corrections the list is there, empty.
    let plain = storyscope(home.path(), &["analyze", "--json", FIXTURE]);
    let json: serde_json::Value = serde_json::from_slice(&plain.stdout).expect("json");
    assert_eq!(json["corrections"], serde_json::json!([]));
}

#[test]
fn exports_show_the_corrected_cast() {
    let home = tempfile::tempdir().expect("temp");
    let file = home.path().join("shared.toml");
    std::fs::write(&file, CORRECTIONS).expect("write");
    let out_dir = home.path().join("tables");
    let out = storyscope(
        home.path(),
        &[
            "export",
            FIXTURE,
            "--format",
            "csv",
            "--out",
            out_dir.to_str().unwrap_or_default(),
            "--corrections",
            file.to_str().unwrap_or_default(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let entities = std::fs::read_to_string(out_dir.join("entities.csv")).expect("entities.csv");
    assert!(entities.contains("Ada and Charles"), "{entities}");
    assert!(!entities.contains(",Charles Babbage,"), "{entities}");
    let listed = std::fs::read_to_string(out_dir.join("corrections.csv")).expect("corrections.csv");
    assert!(
        listed.starts_with("action,entity,alias,into,name,kind,applied,note\n"),
        "{listed}"
    );
    assert!(
        listed.contains("merge,Ada Lovelace; Charles Babbage,,,Ada and Charles,,true,"),
        "{listed}"
    );
    assert!(listed.contains("hide,Heaven,,,,,false,"), "{listed}");
    // The HTML report has a section for them.
    let html = storyscope(
        home.path(),
        &[
            "export",
            FIXTURE,
            "--format",
            "html",
            "--out",
            "-",
            "--corrections",
            file.to_str().unwrap_or_default(),
        ],
    );
    let page = String::from_utf8_lossy(&html.stdout);
    assert!(
        page.contains("<section id=\"corrections\">"),
        "no corrections section"
    );
    assert!(
        page.contains("hide &quot;Heaven&quot;") || page.contains("hide \"Heaven\""),
        "listed"
    );
    // Without corrections, no sixth table.
    let plain_dir = home.path().join("plain");
    let out = storyscope(
        home.path(),
        &[
            "export",
            FIXTURE,
            "--format",
            "csv",
            "--out",
            plain_dir.to_str().unwrap_or_default(),
        ],
    );
    assert!(out.status.success());
    assert!(!plain_dir.join("corrections.csv").exists());
}

#[test]
fn a_named_file_that_cannot_be_used_is_one_error_line() {
    let home = tempfile::tempdir().expect("temp");
    let file = home.path().join("broken.toml");
    for (text, expected) in [
        (
            "format = \"storyscope-corrections\"\nversion = 1\n[[correction]\naction",
            "not a valid corrections file",
        ),
        (
            "[package]\nname = \"x\"\n",
            "not a storyscope corrections file",
        ),
    ] {
        std::fs::write(&file, text).expect("write");
        let out = storyscope(
            home.path(),
            &[
                "analyze",
                "--corrections",
                file.to_str().unwrap_or_default(),
                FIXTURE,
            ],
        );
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("broken.toml") && stderr.contains(expected),
            "{stderr}"
        );
        // Never rewritten nor moved: the reader named it.
        assert_eq!(std::fs::read_to_string(&file).expect("still there"), text);
    }
}

#[test]
fn a_corrupt_file_in_the_store_is_set_aside_and_reported() {
    let home = tempfile::tempdir().expect("temp");
    // Find the story's file in the store by saving one with the app's key.
    let corpus = storyscope::corpus::load_paths(&[FIXTURE.to_string()]).expect("loads");
    let dir = home.path().join("data").join("storyscope");
    let path = storyscope::corrections::store::story_file(&dir, &corpus);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
    std::fs::write(
        &path,
        "format = \"storyscope-corrections\"\nversion = 1\n[[[",
    )
    .expect("write");
    let out = storyscope(home.path(), &["analyze", FIXTURE]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not a valid corrections file") && stderr.contains("kept as"),
        "{stderr}"
    );
    assert!(!path.exists(), "moved aside");
    let aside: Vec<_> = std::fs::read_dir(path.parent().expect("parent"))
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(std::fs::read_to_string(aside[0].path())
        .expect("kept")
        .ends_with("[[["));
}

#[test]
fn a_named_file_that_does_not_exist_yet_is_told_not_made() {
    let home = tempfile::tempdir().expect("temp dir");
    let missing = home.path().join("class-corrections.toml");
    let missing = missing.to_str().expect("utf-8 path");
    let out = storyscope(home.path(), &["analyze", "--corrections", missing, FIXTURE]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no such file yet"), "{stderr}");
    assert!(!Path::new(missing).exists(), "analyze must not create it");
}
