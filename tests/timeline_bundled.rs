//! The dated timeline of the bundled story reads in order.

use storyscope::analysis::{analyze, AnalysisOptions, TimelineEntry};
use storyscope::corpus::load_bundled;

fn timeline() -> Vec<TimelineEntry> {
    analyze(&load_bundled(), &AnalysisOptions::default()).timeline
}

fn first_with(entries: &[TimelineEntry], value: &str) -> usize {
    entries
        .iter()
        .position(|e| e.value == value)
        .unwrap_or_else(|| panic!("no entry with value {value}: {entries:#?}"))
}

fn any_event_has(entries: &[TimelineEntry], value: &str, words: &str) -> bool {
    entries
        .iter()
        .any(|e| e.value == value && e.event.contains(words))
}

#[test]
fn bundled_story_reads_in_date_order() {
    let entries = timeline();
    let order =
        ["2003", "2018-05", "2019-12", "2020-01", "2020-01-24"].map(|v| first_with(&entries, v));
    assert!(order.windows(2).all(|w| w[0] < w[1]), "order {order:?}");
    assert!(any_event_has(&entries, "2003", "invasion"));
    assert!(any_event_has(
        &entries,
        "2018-05",
        "parliamentary elections"
    ));
    assert!(any_event_has(&entries, "2019-12", "clashes"));
    assert!(any_event_has(&entries, "2020-01", "drone strike"));
    assert!(any_event_has(&entries, "2020-01", "resolution"));
    assert!(any_event_has(&entries, "2020-01-24", "march"));
}

#[test]
fn dated_entries_come_first_sorted_by_interval_start() {
    let entries = timeline();
    let dated = entries.iter().take_while(|e| e.interval.is_some()).count();
    assert!(entries[dated..].iter().all(|e| e.interval.is_none()));
    let starts: Vec<_> = entries[..dated]
        .iter()
        .filter_map(|e| e.interval.map(|i| i.first))
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    // Durations and sets are listed too, without an interval.
    assert!(entries
        .iter()
        .any(|e| e.value == "PXD" && e.interval.is_none()));
}

#[test]
fn spans_are_exactly_the_expression() {
    let corpus = load_bundled();
    let entries = analyze(&corpus, &AnalysisOptions::default()).timeline;
    for entry in &entries {
        let text = &corpus.documents[entry.document].text[entry.start..entry.end];
        assert_eq!(text, entry.text);
        assert!(
            !text.ends_with("'s") && !text.ends_with("\u{2019}s"),
            "{text:?}"
        );
    }
    assert!(entries.iter().any(|e| e.text == "May 2018"));
}

#[test]
fn events_read_on_one_line_and_are_short() {
    for entry in timeline() {
        assert!(!entry.event.contains('\n'));
        assert!(entry.event.contains(&entry.text), "{entry:#?}");
        assert!(entry.event.len() <= 100, "{:?}", entry.event);
    }
}
