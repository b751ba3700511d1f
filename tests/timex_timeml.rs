//! The TimeML reader and the TempEval-3 scorer, on small fixtures.

use std::path::Path;

use jiff::civil::date;
use storyscope::analysis::timex::eval::{evaluate, find_tml_files};
use storyscope::analysis::timex::timeml::parse;
use storyscope::analysis::TimexType;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/timeml");

#[test]
fn reads_text_gold_spans_and_creation_date() {
    let xml = std::fs::read_to_string(Path::new(FIXTURES).join("wire.tml")).expect("fixture");
    let document = parse(&xml).expect("valid TimeML");
    assert_eq!(document.creation_date, Some(date(2020, 1, 24)));
    // Tags are removed and entities decoded; the DCT is not part of TEXT.
    assert!(document
        .text
        .contains("after clashes & protests last month."));
    assert!(document.text.contains("the \u{201c}official\u{201d} said"));
    assert!(!document.text.contains("20200124"));
    let spans: Vec<(&str, Option<TimexType>, &str)> = document
        .timexes
        .iter()
        .map(|t| {
            (
                &document.text[t.start..t.end],
                t.timex_type,
                t.value.as_str(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [
            ("Friday", Some(TimexType::Date), "2020-01-24"),
            ("last month", Some(TimexType::Date), "2019-12"),
            ("three days", Some(TimexType::Duration), "P3D"),
            ("recently", Some(TimexType::Date), "PAST_REF"),
        ]
    );
}

#[test]
fn rejects_files_without_text() {
    assert!(parse("<TimeML><DCT/></TimeML>").is_err());
    assert!(parse("<TimeML><TEXT>unclosed</TimeML>").is_err());
}

#[test]
fn finds_files_recursively() {
    let files = find_tml_files(Path::new(FIXTURES)).expect("fixture folder");
    assert_eq!(files.len(), 2);
}

#[test]
fn scores_strict_and_relaxed_matches_types_and_values() {
    let report = evaluate(Path::new(FIXTURES), None).expect("fixtures score");
    assert_eq!(report.documents, 2);
    assert_eq!(report.gold, 6);
    // Tagged: the four of wire.tml, "last year" and "1900"; "time of writing" is missed.
    assert_eq!(report.predicted, 6);
    assert_eq!(report.relaxed_gold, 5);
    assert_eq!(report.relaxed_predicted, 5);
    assert_eq!(report.strict_gold, 5);
    assert_eq!(report.value_correct, 5);
    let (precision, recall, f1) = report.relaxed();
    assert!((precision - 5.0 / 6.0).abs() < 1e-9);
    assert!((recall - 5.0 / 6.0).abs() < 1e-9);
    assert!((f1 - 5.0 / 6.0).abs() < 1e-9);
    assert!((report.value_f1() - f1).abs() < 1e-9);
    assert!(report.megabytes_per_second > 0.0);
    let printed = report.to_string();
    assert!(
        printed.contains("relaxed precision 0.8333 recall 0.8333 f1 0.8333"),
        "{printed}"
    );
    assert!(printed.contains("value f1 0.8333"), "{printed}");
}

#[test]
fn writes_the_errors_it_finds() {
    let mut errors = Vec::new();
    evaluate(Path::new(FIXTURES), Some(&mut errors)).expect("fixtures score");
    let errors = String::from_utf8(errors).expect("utf-8");
    assert!(errors.contains("MISS\tmiss.tml"), "{errors}");
    assert!(errors.contains("FALSE\tmiss.tml"), "{errors}");
}
