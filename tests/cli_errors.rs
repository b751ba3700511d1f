//! Error paths of the real binary: one clear line on stderr, exit code 2,
//! no panic, input files untouched.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn storyscope(args: &[&str]) -> Output {
    // Never the user's own cache; a fresh one per run, removed after it.
    let cache = scratch_dir("cache");
    Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(args)
        .env("XDG_CACHE_HOME", cache.path())
        .stdin(Stdio::null())
        .output()
        .expect("run storyscope")
}

/// A directory of its own for one test, removed when it is dropped (tests
/// run in parallel, so no fixed name is shared).
fn scratch_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("storyscope-cli-{name}-"))
        .tempdir()
        .expect("create scratch dir")
}

/// Asserts exit code 2 and a single stderr line containing every fragment.
fn assert_one_line_error(output: &Output, fragments: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    for fragment in fragments {
        assert!(stderr.contains(fragment), "{fragment:?} not in {stderr:?}");
    }
    assert!(output.stdout.is_empty(), "nothing on stdout");
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).expect("write fixture");
}

#[test]
fn missing_file() {
    let output = storyscope(&["analyze", "no/such/file.txt"]);
    assert_one_line_error(&output, &["no/such/file.txt", "no such file"]);
}

#[test]
fn folder_without_text_files() {
    let scratch = scratch_dir("empty-folder");
    let dir = scratch.path();
    write(&dir.join("image.png"), b"\x89PNG");
    let arg = dir.to_string_lossy().into_owned();
    assert_one_line_error(
        &storyscope(&["analyze", &arg]),
        &[&arg, "no .txt or .md files"],
    );
}

#[test]
fn binary_file_names_the_offset() {
    let scratch = scratch_dir("binary");
    let dir = scratch.path();
    let file = dir.join("data.txt");
    write(&file, b"PK\x03\x04\0\0binary");
    let arg = file.to_string_lossy().into_owned();
    assert_one_line_error(
        &storyscope(&["analyze", &arg]),
        &[&arg, "binary", "offset 4"],
    );
}

#[test]
fn invalid_utf8_when_utf8_is_forced_names_file_and_offset_and_leaves_it_unchanged() {
    let scratch = scratch_dir("utf8");
    let dir = scratch.path();
    let file = dir.join("latin1.txt");
    let bytes = b"Caf\xe9 society met in Paris.\n".to_vec();
    write(&file, &bytes);
    let arg = file.to_string_lossy().into_owned();
    assert_one_line_error(
        &storyscope(&["analyze", "--encoding", "utf-8", &arg]),
        &[&arg, "invalid UTF-8", "byte offset 3"],
    );
    assert_eq!(std::fs::read(&file).expect("read back"), bytes);
}

#[test]
fn bad_date_and_size() {
    assert_one_line_error(
        &storyscope(&["analyze", "--date", "2020-13-01"]),
        &["2020-13-01", "YYYY-MM-DD"],
    );
    assert_one_line_error(
        &storyscope(&["render", "--size", "wide"]),
        &["wide", "WIDTHxHEIGHT"],
    );
    assert_one_line_error(&storyscope(&["render", "--size", "0x10"]), &["0x10"]);
}

#[test]
fn app_without_a_terminal_points_to_analyze_and_render() {
    let output = storyscope(&[]);
    assert_one_line_error(&output, &["analyze", "render"]);
}

#[test]
fn empty_file_is_an_empty_story_not_an_error() {
    let scratch = scratch_dir("empty-file");
    let dir = scratch.path();
    let file = dir.join("empty.txt");
    write(&file, b"");
    let arg = file.to_string_lossy().into_owned();
    let output = storyscope(&["analyze", "--json", &arg]);
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["paragraphs"].as_array().map(Vec::len), Some(0));
}

#[test]
fn standard_input_is_read_with_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(["analyze", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(b"date 2021-03-04\n\nOne paragraph.\n\nTwo.\n")
            .expect("write stdin");
    }
    let output = child.wait_with_output().expect("wait");
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["documents"][0]["path"], "-");
    assert_eq!(json["documents"][0]["date"], "2021-03-04");
    assert_eq!(json["paragraphs"][0]["start"], 17);
}

#[test]
fn folder_paths_join_the_folder_as_given_sorted() {
    let scratch = scratch_dir("folder");
    let dir = scratch.path();
    std::fs::create_dir_all(dir.join("b")).expect("mkdir");
    write(&dir.join("b/two.md"), b"Second file.");
    write(&dir.join("a.txt"), b"First file.");
    write(&dir.join("skip.json"), b"{}");
    let arg = dir.to_string_lossy().into_owned();
    let output = storyscope(&["analyze", "--json", &arg]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let paths: Vec<&str> = json["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert_eq!(
        paths,
        vec![
            dir.join("a.txt").to_string_lossy(),
            dir.join("b/two.md").to_string_lossy()
        ]
    );
}
