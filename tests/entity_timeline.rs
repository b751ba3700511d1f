//! Event to entity links: which dated events an entity's timeline holds.

use storyscope::analysis::entity_timeline::build_all;
use storyscope::analysis::{analyze, AnalysisOptions};
use storyscope::corpus::{document_from_text, Corpus};

/// (value, linked to a timeline entry) of each event of the entity named `name`.
fn events_of(texts: &[&str], name: &str) -> Vec<(String, bool)> {
    let documents = texts
        .iter()
        .enumerate()
        .map(|(i, text)| document_from_text(format!("doc{i}.txt"), text.to_string()))
        .collect();
    let corpus = Corpus::from_documents(documents);
    let analysis = analyze(&corpus, &AnalysisOptions::default());
    let entity = analysis
        .entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name}: {:?}", analysis.entities));
    let timelines = build_all(&corpus, &analysis);
    timelines
        .iter()
        .find(|t| t.entity == entity.id)
        .map(|t| {
            t.events
                .iter()
                .map(|e| (e.value.clone(), e.timeline.is_some()))
                .collect()
        })
        .unwrap_or_default()
}

const REPORT: &str = "date 2020-03-10\n\nMarkets slide\n\n\
    On Monday, Microsoft bought a small studio in Seattle. \
    The chairman of Intel, Paul Otellini, resigned. \
    Prices are at their lowest since January 2019, Apple said.";

#[test]
fn the_clause_a_date_dates_links_its_entities() {
    assert_eq!(
        events_of(&[REPORT], "Microsoft"),
        [("2020-03-09".into(), true)]
    );
}

#[test]
fn a_sentence_without_a_date_takes_the_document_date() {
    assert_eq!(
        events_of(&[REPORT], "Paul Otellini"),
        [("2020-03-10".into(), false)]
    );
}

#[test]
fn a_date_after_since_dates_nothing() {
    assert_eq!(
        events_of(&[REPORT], "Apple"),
        [("2020-03-10".into(), false)]
    );
}

#[test]
fn events_across_documents_come_in_date_order() {
    let later = "date 2021-06-01\n\nNews\n\nMicrosoft opened an office in Paris on 2 May 2021.";
    let events = events_of(&[later, REPORT], "Microsoft");
    let values: Vec<&str> = events.iter().map(|(v, _)| v.as_str()).collect();
    assert_eq!(values, ["2020-03-09", "2021-05-02"]);
}

#[test]
fn an_undated_text_gives_events_only_where_a_date_is_told() {
    let novel = "Chapter 1\n\nOn 12 June 1812 Napoleon crossed the river. Napoleon was tired.";
    assert_eq!(
        events_of(&[novel], "Napoleon"),
        [("1812-06-12".into(), true)]
    );
}

#[test]
fn multibyte_text_before_a_date_is_safe() {
    let text = "date 2020-03-10\n\nNews\n\n“Microsoft—” on Monday, Microsoft bought a studio.";
    assert_eq!(events_of(&[text], "Microsoft")[0].0, "2020-03-09");
}

#[test]
fn the_json_lists_entity_timelines() {
    let corpus = Corpus::from_documents(vec![document_from_text(
        "doc.txt".into(),
        REPORT.to_string(),
    )]);
    let analysis = analyze(&corpus, &AnalysisOptions::default());
    let json: serde_json::Value =
        serde_json::from_str(&storyscope::export::to_json(&corpus, &analysis)).expect("json");
    let timelines = json["entity_timelines"]
        .as_array()
        .expect("entity_timelines");
    assert!(!timelines.is_empty());
    let event = &timelines[0]["events"][0];
    for field in [
        "timeline",
        "document",
        "paragraph",
        "start",
        "end",
        "value",
        "event",
    ] {
        assert!(event.get(field).is_some(), "{field} missing in {event}");
    }
}
