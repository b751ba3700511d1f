//! Calendar intervals, labels and event clauses of timeline values.

use jiff::civil::date;
use storyscope::analysis::timeline::{display_label, event_span, interval};
use storyscope::analysis::DateInterval;

fn days(value: &str) -> Option<(String, String)> {
    interval(value).map(|DateInterval { first, last }| (first.to_string(), last.to_string()))
}

fn pair(first: &str, last: &str) -> Option<(String, String)> {
    Some((first.to_string(), last.to_string()))
}

#[test]
fn intervals_cover_the_value_at_its_granularity() {
    assert_eq!(days("2020-01-24"), pair("2020-01-24", "2020-01-24"));
    assert_eq!(days("2020-01-24T08:30"), pair("2020-01-24", "2020-01-24"));
    assert_eq!(days("2018-05"), pair("2018-05-01", "2018-05-31"));
    assert_eq!(days("2020-02"), pair("2020-02-01", "2020-02-29"));
    assert_eq!(days("2003"), pair("2003-01-01", "2003-12-31"));
    assert_eq!(days("2020-W04"), pair("2020-01-20", "2020-01-26"));
    assert_eq!(days("2020-W04-WE"), pair("2020-01-25", "2020-01-26"));
    assert_eq!(days("199X"), pair("1990-01-01", "1999-12-31"));
    assert_eq!(days("199"), pair("1990-01-01", "1999-12-31"));
    assert_eq!(days("19"), pair("1900-01-01", "1999-12-31"));
    assert_eq!(days("1998-Q1"), pair("1998-01-01", "1998-03-31"));
    assert_eq!(days("1998-H2"), pair("1998-07-01", "1998-12-31"));
    assert_eq!(days("2019-WI"), pair("2019-12-01", "2020-02-29"));
}

#[test]
fn no_interval_for_placeholders_durations_and_references() {
    for value in [
        "XXXX-05",
        "XXXX-WXX-5",
        "P3D",
        "PXY",
        "PRESENT_REF",
        "XXXX",
        "2020-13",
    ] {
        assert_eq!(interval(value), None, "{value}");
    }
}

#[test]
fn labels_at_their_granularity() {
    let cases = [
        ("2003", "2003"),
        ("2018-05", "May 2018"),
        ("2019-12", "Dec 2019"),
        ("2020-01-24", "Fri 24 Jan 2020"),
        ("199X", "1990s"),
        ("199", "1990s"),
        ("1998-Q1", "Q1 1998"),
        ("2020-W04", "week 4 2020"),
        ("2020-01-24T08:30", "Fri 24 Jan 2020 08:30"),
        ("2020-01-24TMO", "Fri 24 Jan 2020 morning"),
        ("19", "20th century"),
        ("P3D", "3 days"),
        ("PXY", "years"),
        ("P2E", "2 decades"),
        ("PXC", "centuries"),
        ("XXXX-WXX-5", "every Fri"),
        ("PRESENT_REF", "now"),
    ];
    for (value, label) in cases {
        assert_eq!(display_label(value), label, "{value}");
    }
}

#[test]
fn events_are_the_clause_around_the_expression() {
    let text = "The march did not go as feared for the US embassy, the scene of violent clashes last month when militia supporters tried to storm the compound.";
    let at = text.find("last month").unwrap_or_default();
    let span = event_span(text, 0..text.len(), at..at + "last month".len());
    assert_eq!(&text[span], "the scene of violent clashes last month");

    let text = "Al-Sadr, whose party won the most seats in the May 2018 parliamentary elections, had called for a march.";
    let at = text.find("May 2018").unwrap_or_default();
    let span = event_span(text, 0..text.len(), at..at + 8);
    assert_eq!(
        &text[span],
        "party won the most seats in the May 2018 parliamentary elections"
    );
}

#[test]
fn long_clauses_are_trimmed_around_the_expression() {
    let text = "the Iraqi parliament this month adopted a non-binding resolution calling on the government to expel foreign troops from the country and to close every base";
    let at = text.find("this month").unwrap_or_default();
    let span = event_span(text, 0..text.len(), at..at + 10);
    let event = &text[span];
    assert!(event.len() <= 80, "{event}");
    assert!(event.contains("this month adopted"), "{event}");
    let _ = date(2020, 1, 1);
}
