//! The CSV tables parsed back with the csv crate and compared with the JSON
//! of the same analysis (bundled story) and with a hand-made analysis that
//! has quotes, speakers and a pronoun (hostile-text fixture).

mod export_fixture;

use serde_json::Value;
use storyscope::analysis::{self, AnalysisOptions};
use storyscope::corpus;
use storyscope::export;

type Table = Vec<csv::StringRecord>;

fn parse(text: &str) -> (csv::StringRecord, Table) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("header row").clone();
    let rows = reader
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("RFC 4180 rows");
    for row in &rows {
        assert_eq!(row.len(), header.len(), "every row has every column");
    }
    (header, rows)
}

fn column(header: &csv::StringRecord, name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

fn tables(
    corpus: &corpus::Corpus,
    analysis: &analysis::Analysis,
) -> Vec<(csv::StringRecord, Table)> {
    export::csv::tables(corpus, analysis)
        .expect("tables")
        .iter()
        .map(|t| parse(t))
        .collect()
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[test]
fn bundled_story_tables_match_its_json() {
    let corpus = corpus::load_bundled();
    let analysis = analysis::analyze(&corpus, &AnalysisOptions::default());
    let json: Value = serde_json::from_str(&export::to_json(&corpus, &analysis)).expect("json");
    let tables = tables(&corpus, &analysis);

    let (h, documents) = &tables[0];
    let json_documents = json["documents"].as_array().expect("documents");
    assert_eq!(documents.len(), json_documents.len());
    for (row, doc) in documents.iter().zip(json_documents) {
        assert_eq!(row[column(h, "path")], text(&doc["path"]));
        assert_eq!(row[column(h, "title")], text(&doc["title"]));
        assert_eq!(row[column(h, "date")], text(&doc["date"]));
        assert_eq!(row[column(h, "bytes")], text(&doc["bytes"]));
    }

    let (h, entities) = &tables[1];
    let json_entities = json["entities"].as_array().expect("entities");
    assert!(entities.len() >= 15, "the bundled story has its entities");
    assert_eq!(entities.len(), json_entities.len());
    for (row, entity) in entities.iter().zip(json_entities) {
        assert_eq!(row[column(h, "entity")], text(&entity["id"]));
        assert_eq!(row[column(h, "name")], text(&entity["name"]));
        assert_eq!(row[column(h, "kind")], text(&entity["kind"]));
        let aliases: Vec<String> = entity["aliases"]
            .as_array()
            .expect("aliases")
            .iter()
            .map(text)
            .collect();
        assert_eq!(row[column(h, "aliases")], aliases.join("; "));
        let mentions = entity["mentions"].as_array().expect("mentions");
        assert_eq!(row[column(h, "mentions")], mentions.len().to_string());
        let names = mentions
            .iter()
            .filter(|m| text(&m["form"]) == "name")
            .count();
        assert_eq!(row[column(h, "names")], names.to_string());
        let first = mentions.first().expect("an entity has a mention");
        assert_eq!(row[column(h, "first_start")], text(&first["start"]));
        assert_eq!(row[column(h, "first_paragraph")], text(&first["paragraph"]));
    }

    let (h, mentions) = &tables[2];
    let json_mentions: Vec<(&Value, &Value)> = json_entities
        .iter()
        .flat_map(|e| {
            e["mentions"]
                .as_array()
                .expect("mentions")
                .iter()
                .map(move |m| (e, m))
        })
        .collect();
    assert_eq!(mentions.len(), json_mentions.len());
    let story = &corpus.documents[0].text;
    for (row, (entity, mention)) in mentions.iter().zip(json_mentions) {
        assert_eq!(row[column(h, "entity")], text(&entity["id"]));
        for field in [
            "document",
            "paragraph",
            "start",
            "end",
            "kind",
            "form",
            "text",
        ] {
            assert_eq!(
                row[column(h, field)],
                text(&mention[field]),
                "mention {field}"
            );
        }
        let start: usize = row[column(h, "start")].parse().expect("start");
        let end: usize = row[column(h, "end")].parse().expect("end");
        assert_eq!(
            &story[start..end],
            &row[column(h, "text")],
            "the span slices the file"
        );
    }

    let (h, timeline) = &tables[4];
    let json_timeline = json["timeline"].as_array().expect("timeline");
    assert!(!timeline.is_empty());
    assert_eq!(timeline.len(), json_timeline.len());
    for (row, entry) in timeline.iter().zip(json_timeline) {
        for (csv_field, json_field) in [
            ("entry", "id"),
            ("start", "start"),
            ("end", "end"),
            ("text", "text"),
            ("type", "type"),
            ("value", "value"),
            ("event", "event"),
        ] {
            assert_eq!(
                row[column(h, csv_field)],
                text(&entry[json_field]),
                "timeline {csv_field}"
            );
        }
        let first_day = entry
            .get("interval")
            .map(|i| text(&i["first"]))
            .unwrap_or_default();
        assert_eq!(row[column(h, "first_day")], first_day);
        let ids: Vec<String> = entry["entities"]
            .as_array()
            .expect("ids")
            .iter()
            .map(text)
            .collect();
        assert_eq!(row[column(h, "entities")], ids.join(";"));
    }
}

#[test]
fn quotes_speakers_pronouns_and_hostile_text_survive_the_round_trip() {
    let corpus = export_fixture::corpus();
    let analysis = export_fixture::analysis(&corpus);
    let tables = tables(&corpus, &analysis);

    let (h, quotes) = &tables[3];
    assert_eq!(quotes.len(), analysis.quotes.len());
    for (row, quote) in quotes.iter().zip(&analysis.quotes) {
        assert_eq!(
            row[column(h, "text")],
            quote.text,
            "commas, quote marks and markup intact"
        );
        assert_eq!(row[column(h, "start")], quote.start.to_string());
        assert_eq!(row[column(h, "end")], quote.end.to_string());
        let speaker = quote.speaker.map(|s| analysis.entities[s].name.clone());
        assert_eq!(row[column(h, "speaker_name")], speaker.unwrap_or_default());
        let cue = quote.cue.map(|c| c.start.to_string()).unwrap_or_default();
        assert_eq!(row[column(h, "cue_start")], cue);
    }
    assert_eq!(&quotes[0][column(h, "speaker_name")], "Mara Quint");
    assert_eq!(
        &quotes[3][column(h, "speaker")],
        "",
        "an unnamed speaker is an empty field"
    );

    let (h, mentions) = &tables[2];
    let forms: Vec<&str> = mentions
        .iter()
        .map(|r| r.get(column(h, "form")).unwrap_or(""))
        .collect();
    assert_eq!(forms.iter().filter(|f| **f == "pronoun").count(), 1);
    assert!(forms.iter().all(|f| *f == "name" || *f == "pronoun"));

    let (h, entities) = &tables[1];
    assert_eq!(&entities[3][column(h, "name")], "\"Friends\" Gazette");
    assert_eq!(
        &entities[0][column(h, "mentions")],
        "3",
        "Mara Quint: two names and a pronoun"
    );
    assert_eq!(&entities[0][column(h, "names")], "2");
}

#[test]
fn export_command_writes_the_tables_into_a_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("tables");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(["export", export_fixture::PATH, "--format", "csv", "--out"])
        .arg(&out)
        .output()
        .expect("runs");
    assert!(status.status.success(), "{status:?}");
    for name in export::csv::FILES {
        let table = std::fs::read_to_string(out.join(name)).expect("written");
        parse(&table);
    }
    // A file where the folder should be: one clear line, non-zero exit.
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").expect("write");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(["export", export_fixture::PATH, "--format", "csv", "--out"])
        .arg(&file)
        .output()
        .expect("runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("not a folder"), "{stderr}");
}
