//! Files that are not UTF-8, on the real binary: detected or forced,
//! decoded, named in the output, and every JSON span still a byte range of
//! the file itself.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn storyscope(cache: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .stdin(Stdio::null())
        .output()
        .expect("run storyscope")
}

const STORY: &str = "date 2021-06-04\n\nRenée Dufrêne arrived in Zürich on Friday.\n\n\
    The mayor of Zürich, François Lefèvre, met Renée at the Café Müller.\n\n\
    Later, Renée said Zürich was calm.\n";

fn json_of(output: &Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

/// Every span of the report, sliced from `raw` and decoded, is the text it
/// claims; every paragraph lies inside the file.
fn assert_spans_point_into_the_file(
    json: &serde_json::Value,
    raw: &[u8],
    encoding: &'static encoding_rs::Encoding,
) {
    let slice = |start: &serde_json::Value, end: &serde_json::Value| {
        let (start, end) = (
            start.as_u64().expect("start") as usize,
            end.as_u64().expect("end") as usize,
        );
        assert!(
            start <= end && end <= raw.len(),
            "{start}..{end} in {} bytes",
            raw.len()
        );
        encoding
            .decode_without_bom_handling(&raw[start..end])
            .0
            .into_owned()
    };
    let mut mentions = 0;
    for entity in json["entities"].as_array().expect("entities") {
        for mention in entity["mentions"].as_array().expect("mentions") {
            assert_eq!(
                slice(&mention["start"], &mention["end"]),
                mention["text"].as_str().expect("text")
            );
            mentions += 1;
        }
    }
    assert!(mentions >= 5, "found the names: {json}");
    for entry in json["timeline"].as_array().expect("timeline") {
        assert_eq!(
            slice(&entry["start"], &entry["end"]),
            entry["text"].as_str().expect("text")
        );
    }
    for paragraph in json["paragraphs"].as_array().expect("paragraphs") {
        slice(&paragraph["start"], &paragraph["end"]);
    }
}

fn names(json: &serde_json::Value) -> Vec<String> {
    json["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter_map(|e| e["name"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn a_latin1_file_is_detected_and_its_spans_slice_the_raw_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (raw, _, unmappable) = encoding_rs::WINDOWS_1252.encode(STORY);
    assert!(!unmappable);
    let file = dir.path().join("zurich.txt");
    std::fs::write(&file, &raw).expect("write");
    let arg = file.to_string_lossy().into_owned();
    let json = json_of(&storyscope(dir.path(), &["analyze", "--json", &arg]));
    assert_eq!(json["documents"][0]["encoding"], "windows-1252");
    assert_eq!(json["documents"][0]["bytes"], raw.len());
    assert!(
        names(&json).iter().any(|n| n.contains("Zürich")),
        "{:?}",
        names(&json)
    );
    assert_spans_point_into_the_file(&json, &raw, encoding_rs::WINDOWS_1252);

    let summary = storyscope(dir.path(), &["analyze", &arg]);
    let text = String::from_utf8_lossy(&summary.stdout);
    assert!(text.contains("decoded from windows-1252"), "{text}");
    assert!(text.contains("Zürich"), "{text}");

    let screen = storyscope(dir.path(), &["render", "--size", "140x30", &arg]);
    let screen = String::from_utf8_lossy(&screen.stdout);
    assert!(
        screen.contains("windows-1252"),
        "the status bar says so:\n{screen}"
    );
    assert_eq!(
        std::fs::read(&file).expect("read back"),
        raw.to_vec(),
        "file unchanged"
    );
}

#[test]
fn utf16_files_with_a_bom_in_both_byte_orders() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, encoding, bom) in [
        ("le.txt", encoding_rs::UTF_16LE, [0xff, 0xfe]),
        ("be.txt", encoding_rs::UTF_16BE, [0xfe, 0xff]),
    ] {
        let mut raw = bom.to_vec();
        for unit in STORY.encode_utf16() {
            let bytes = if encoding == encoding_rs::UTF_16LE {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            raw.extend(bytes);
        }
        let file = dir.path().join(name);
        std::fs::write(&file, &raw).expect("write");
        let json = json_of(&storyscope(
            dir.path(),
            &["analyze", "--json", &file.to_string_lossy()],
        ));
        assert_eq!(json["documents"][0]["encoding"], encoding.name());
        assert_eq!(
            json["documents"][0]["date"], "2021-06-04",
            "the date header is read"
        );
        assert_spans_point_into_the_file(&json, &raw, encoding);
    }
}

#[test]
fn a_forced_encoding_wins_and_bad_names_are_one_line_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("utf8.txt");
    std::fs::write(&file, STORY).expect("write");
    let arg = file.to_string_lossy().into_owned();
    let plain = json_of(&storyscope(dir.path(), &["analyze", "--json", &arg]));
    assert_eq!(plain["documents"][0]["encoding"], "utf-8");
    let forced = json_of(&storyscope(
        dir.path(),
        &["analyze", "--json", "--encoding", "latin1", &arg],
    ));
    assert_eq!(forced["documents"][0]["encoding"], "windows-1252");
    assert_spans_point_into_the_file(&forced, STORY.as_bytes(), encoding_rs::WINDOWS_1252);

    let bad = storyscope(dir.path(), &["analyze", "--encoding", "klingon", &arg]);
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("klingon"), "{stderr}");
}

#[test]
fn nul_bytes_are_still_refused_in_any_encoding() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("data.txt");
    std::fs::write(&file, b"caf\xe9\0\0binary").expect("write");
    let arg = file.to_string_lossy().into_owned();
    for args in [
        vec!["analyze", &arg],
        vec!["analyze", "--encoding", "latin1", &arg],
    ] {
        let output = storyscope(dir.path(), &args);
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("binary") && stderr.contains("offset 4"),
            "{stderr}"
        );
    }
}

/// The CSV tables give the same file offsets as the JSON for a decoded file.
#[test]
fn csv_spans_of_a_latin1_file_point_into_its_own_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (raw, _, _) = encoding_rs::WINDOWS_1252.encode(STORY);
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, &raw).expect("write");
    let out = dir.path().join("tables");
    let output = storyscope(
        dir.path(),
        &[
            "export",
            path.to_str().expect("path"),
            "--format",
            "csv",
            "--out",
            out.to_str().expect("out"),
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut reader = csv::Reader::from_path(out.join("mentions.csv")).expect("mentions.csv");
    let headers = reader.headers().expect("headers").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (start, end, text) = (column("start"), column("end"), column("text"));
    let mut rows = 0;
    for record in reader.records() {
        let record = record.expect("row");
        let span =
            record[start].parse::<usize>().expect("start")..record[end].parse().expect("end");
        let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&raw[span]);
        assert_eq!(decoded, &record[text]);
        rows += 1;
    }
    assert!(rows >= 5, "{rows} mentions");
}
