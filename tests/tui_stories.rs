//! The story views on a small folder of dated articles: the document list
//! and keeping documents, an entity's timeline and jumping from it, the
//! distinctive words. The analysis is the real one (re-accept the
//! snapshots when it improves).

use storyscope::analysis::{self, AnalysisOptions};
use storyscope::corpus;
use storyscope::tui::render_to_string;

const FOLDER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/story_folder");

fn screen(width: u16, height: u16, keys: &str) -> String {
    let corpus = corpus::load_paths(&[FOLDER.to_string()]).expect("fixture folder loads");
    let analysis = analysis::analyze(&corpus, &AnalysisOptions::default());
    // The folder's absolute path differs between machines.
    render_to_string(&corpus, &analysis, width, height, keys)
        .expect("render")
        .replace(FOLDER, "story_folder")
}

#[test]
fn documents_list() {
    insta::assert_snapshot!(screen(100, 12, "4 j v"));
}

#[test]
fn keeping_two_documents_is_a_filter_that_esc_drops() {
    let kept = screen(120, 12, "4 v v K");
    assert!(kept.contains("filter: 2 documents"), "{kept}");
    assert!(kept.contains("8/12 paragraphs"), "{kept}");
    let dropped = screen(120, 12, "4 v v K Esc");
    assert!(dropped.contains("12/12 paragraphs"), "{dropped}");
    // The list marks the documents the filter shows.
    let listed = screen(100, 12, "4 v v K 4");
    assert_eq!(listed.matches('●').count(), 2, "{listed}");
}

#[test]
fn publication_dates_count_in_the_date_filter() {
    // The timeline's first entry is the first quarter of 2021 (in the
    // last article): its period also holds the first article's publication
    // date, so all four paragraphs of that article pass too.
    let filtered = screen(120, 12, "3 d");
    assert!(
        filtered.contains("filter: 2021-01-01 – 2021-03-31"),
        "{filtered}"
    );
    assert!(filtered.contains("5/12 paragraphs"), "{filtered}");
}

#[test]
fn entity_timeline() {
    insta::assert_snapshot!(screen(100, 12, "1 e"));
}

#[test]
fn entity_timeline_jumps_into_the_history() {
    let jumped = screen(120, 12, "1 e j j Enter");
    assert!(
        jumped.contains("Northwind Bank agreed a rescue deal"),
        "{jumped}"
    );
    let back = screen(120, 12, "1 e j j Enter C-o");
    assert!(back.contains("1/3 · Bank shares fall"), "{back}");
}

#[test]
fn keyness_list() {
    insta::assert_snapshot!(screen(100, 12, "4 v W"));
}

#[test]
fn a_keyword_becomes_the_text_filter() {
    let filtered = screen(120, 12, "4 v W Enter");
    assert!(filtered.contains(r"filter: “re:\bloans\b”"), "{filtered}");
}
