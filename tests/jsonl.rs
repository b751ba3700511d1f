//! `analyze --jsonl`: one JSON object per document, in input order, each a
//! whole analysis of that document alone, spans into its own file.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn storyscope(cache: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .stdin(Stdio::null())
        .output()
        .expect("runs")
}

const ARTICLES: [(&str, &str); 3] = [
    ("a.txt", "date 2020-01-24\n\nAda Lovelace met Charles Babbage in London on Friday.\n\nThey talked about engines.\n"),
    ("b/b.txt", "date 2020-02-03\n\nCharles Babbage wrote to Ada Lovelace from Paris on Monday.\n"),
    ("c.md", "date 2020-03-09\n\nMary Somerville visited Renée Dufrêne in Zürich last week.\n"),
];

fn names(value: &serde_json::Value) -> Vec<String> {
    let mut names: Vec<String> = value["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .map(|e| e["name"].as_str().expect("name").to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn one_line_per_document_in_input_order_each_its_own_analysis() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("archive");
    std::fs::create_dir_all(folder.join("b")).expect("mkdir");
    for (name, text) in ARTICLES {
        let bytes = if name == "c.md" {
            // One file in Latin-1: its spans must still slice its bytes.
            encoding_rs::WINDOWS_1252.encode(text).0.into_owned()
        } else {
            text.as_bytes().to_vec()
        };
        std::fs::write(folder.join(name), bytes).expect("write");
    }
    std::os::unix::fs::symlink("/nonexistent", folder.join("broken.txt")).expect("link");
    let cache = dir.path().join("cache");
    let output = storyscope(&cache, &["analyze", "--jsonl", &folder.to_string_lossy()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("broken.txt"),
        "one warning for the broken link: {stderr}"
    );
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON object"))
        .collect();
    assert_eq!(lines.len(), 3);
    // The shapes of `--json` version 2 (quotes, pronoun mentions), and said so.
    assert!(lines.iter().all(|l| l["version"] == 2), "{stdout}");
    let paths: Vec<&str> = lines
        .iter()
        .map(|l| l["document"]["path"].as_str().expect("path"))
        .collect();
    assert!(
        paths[0].ends_with("a.txt") && paths[1].ends_with("b/b.txt") && paths[2].ends_with("c.md"),
        "{paths:?}"
    );
    for (index, line) in lines.iter().enumerate() {
        assert_eq!(line["index"], index);
        assert_eq!(line["paragraphs"][0]["id"], 0, "ids are local");
        let path = line["document"]["path"].as_str().expect("path");
        let raw = std::fs::read(path).expect("read");
        let encoding = encoding_rs::Encoding::for_label(
            line["document"]["encoding"]
                .as_str()
                .expect("encoding")
                .as_bytes(),
        )
        .expect("a known encoding");
        for entity in line["entities"].as_array().expect("entities") {
            for mention in entity["mentions"].as_array().expect("mentions") {
                assert_eq!(mention["document"], 0);
                let (start, end) = (
                    mention["start"].as_u64().expect("start") as usize,
                    mention["end"].as_u64().expect("end") as usize,
                );
                let text = encoding.decode_without_bom_handling(&raw[start..end]).0;
                assert_eq!(text, mention["text"].as_str().expect("text"));
            }
        }
        // The same as analysing that file on its own.
        let alone = storyscope(&cache, &["analyze", "--json", path]);
        let alone: serde_json::Value = serde_json::from_slice(&alone.stdout).expect("JSON");
        assert_eq!(names(line), names(&alone), "{path}");
        assert_eq!(
            line["timeline"].as_array().map(Vec::len),
            alone["timeline"].as_array().map(Vec::len)
        );
    }
    assert!(
        names(&lines[2]).iter().any(|n| n.contains("Zürich")),
        "{:?}",
        names(&lines[2])
    );

    // Again from the cache: the same bytes.
    let again = storyscope(&cache, &["analyze", "--jsonl", &folder.to_string_lossy()]);
    assert_eq!(String::from_utf8_lossy(&again.stdout), stdout);
    let uncached = storyscope(
        &cache,
        &[
            "analyze",
            "--jsonl",
            "--no-cache",
            &folder.to_string_lossy(),
        ],
    );
    assert_eq!(String::from_utf8_lossy(&uncached.stdout), stdout);
}

#[test]
fn jsonl_and_json_do_not_mix_and_a_missing_file_is_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let both = storyscope(dir.path(), &["analyze", "--json", "--jsonl"]);
    assert_eq!(both.status.code(), Some(2));
    let missing = storyscope(dir.path(), &["analyze", "--jsonl", "no/such.txt"]);
    assert_eq!(missing.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("no/such.txt") && missing.stdout.is_empty(),
        "{stderr}"
    );
}
