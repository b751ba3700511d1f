//! One test per rule family of the temporal tagger.

use jiff::civil::{date, Date};
use storyscope::analysis::timex::{tag_text, TimeExpression};
use storyscope::analysis::TimexType;

const FRIDAY: Date = date(2020, 1, 24);

/// The expressions of `text` as (matched text, type, value).
fn tags(text: &str, reference: Option<Date>) -> Vec<(String, &'static str, String)> {
    tag_text(text, reference)
        .into_iter()
        .map(
            |TimeExpression {
                 start,
                 end,
                 timex_type,
                 value,
                 ..
             }| { (text[start..end].to_string(), timex_type.as_str(), value) },
        )
        .collect()
}

/// The only expression of `text`.
fn only(text: &str, reference: Option<Date>) -> (String, &'static str, String) {
    let mut found = tags(text, reference);
    assert_eq!(found.len(), 1, "{text:?} gave {found:?}");
    found.remove(0)
}

fn check(text: &str, span: &str, kind: TimexType, value: &str) {
    let (found_span, found_kind, found_value) = only(text, Some(FRIDAY));
    assert_eq!(
        (found_span.as_str(), found_kind, found_value.as_str()),
        (span, kind.as_str(), value),
        "in {text:?}"
    );
}

#[test]
fn explicit_dates_in_news_and_book_forms() {
    check(
        "It opened on January 24, 2020 in Paris.",
        "January 24, 2020",
        TimexType::Date,
        "2020-01-24",
    );
    check(
        "It opened on 24 Jan. 2020 in Paris.",
        "24 Jan. 2020",
        TimexType::Date,
        "2020-01-24",
    );
    check(
        "It opened on Friday, Jan. 24, 2020.",
        "Friday, Jan. 24, 2020",
        TimexType::Date,
        "2020-01-24",
    );
    check(
        "They met on the 3rd of March 1998.",
        "the 3rd of March 1998",
        TimexType::Date,
        "1998-03-03",
    );
    check(
        "The elections of May 2018 were close.",
        "May 2018",
        TimexType::Date,
        "2018-05",
    );
    check(
        "It was signed 2020-01-24 in Paris.",
        "2020-01-24",
        TimexType::Date,
        "2020-01-24",
    );
    check(
        "Napoleon invaded Russia in 1812.",
        "1812",
        TimexType::Date,
        "1812",
    );
    check(
        "They froze in the winter of 1805.",
        "the winter of 1805",
        TimexType::Date,
        "1805-WI",
    );
    check(
        "Sales rose in the first quarter of 1998.",
        "the first quarter of 1998",
        TimexType::Date,
        "1998-Q1",
    );
    check(
        "It changed in the 20th century.",
        "the 20th century",
        TimexType::Date,
        "19",
    );
}

#[test]
fn decades() {
    check(
        "Prices fell in the 1990s.",
        "the 1990s",
        TimexType::Date,
        "199",
    );
    check(
        "Music of the '80s is back.",
        "the '80s",
        TimexType::Date,
        "198",
    );
    check(
        "It was built in the early 1970s.",
        "the early 1970s",
        TimexType::Date,
        "197",
    );
}

#[test]
fn month_and_day_without_year_take_the_nearest_year() {
    check(
        "The vote is on Feb. 3.",
        "Feb. 3",
        TimexType::Date,
        "2020-02-03",
    );
    check(
        "Talks began in December.",
        "December",
        TimexType::Date,
        "2019-12",
    );
}

#[test]
fn days_relative_to_the_reference() {
    check(
        "He left yesterday.",
        "yesterday",
        TimexType::Date,
        "2020-01-23",
    );
    check("He leaves today.", "today", TimexType::Date, "2020-01-24");
    check(
        "He leaves tomorrow.",
        "tomorrow",
        TimexType::Date,
        "2020-01-25",
    );
    check(
        "He left the day before yesterday.",
        "the day before yesterday",
        TimexType::Date,
        "2020-01-22",
    );
}

#[test]
fn units_relative_to_the_reference() {
    check(
        "Clashes broke out last month.",
        "last month",
        TimexType::Date,
        "2019-12",
    );
    check(
        "A strike earlier this month killed him.",
        "earlier this month",
        TimexType::Date,
        "2020-01",
    );
    check(
        "They meet next week.",
        "next week",
        TimexType::Date,
        "2020-W05",
    );
    check(
        "Sales rose this year.",
        "this year",
        TimexType::Date,
        "2020",
    );
    check(
        "It closed last November.",
        "last November",
        TimexType::Date,
        "2019-11",
    );
    check(
        "It rained last summer.",
        "last summer",
        TimexType::Date,
        "2019-SU",
    );
    check(
        "Profit fell in the latest quarter.",
        "the latest quarter",
        TimexType::Date,
        "2019-Q4",
    );
}

#[test]
fn ago_and_later() {
    check(
        "It began three years ago.",
        "three years ago",
        TimexType::Date,
        "2017",
    );
    check(
        "It began two weeks ago.",
        "two weeks ago",
        TimexType::Date,
        "2020-W02",
    );
    check(
        "It began about five days ago.",
        "about five days ago",
        TimexType::Date,
        "2020-01-19",
    );
    // In a dated text "later" is a TimeML signal: the duration is tagged.
    check(
        "A few days later it fell.",
        "A few days",
        TimexType::Duration,
        "PXD",
    );
}

#[test]
fn durations() {
    check(
        "It took a few days to admit it.",
        "a few days",
        TimexType::Duration,
        "PXD",
    );
    check(
        "He ruled for 20 years.",
        "20 years",
        TimexType::Duration,
        "P20Y",
    );
    check(
        "She signed a two-year contract.",
        "two-year",
        TimexType::Duration,
        "P2Y",
    );
    check(
        "The flight lasted 5 1/2 hours.",
        "5 1/2 hours",
        TimexType::Duration,
        "PT5H30M",
    );
    check(
        "Profit rose in the first nine months.",
        "the first nine months",
        TimexType::Duration,
        "P9M",
    );
    check(
        "Prices rose over the past two years.",
        "the past two years",
        TimexType::Duration,
        "P2Y",
    );
    check("He waited for years.", "years", TimexType::Duration, "PXY");
}

#[test]
fn sets() {
    check(
        "He preaches every Friday.",
        "every Friday",
        TimexType::Set,
        "XXXX-WXX-5",
    );
    check(
        "They march each July.",
        "each July",
        TimexType::Set,
        "XXXX-07",
    );
    check(
        "In his weekly sermon he spoke.",
        "weekly",
        TimexType::Set,
        "P1W",
    );
    check(
        "Elections are held every four years.",
        "every four years",
        TimexType::Set,
        "P4Y",
    );
    check("They meet twice a year.", "a year", TimexType::Set, "P1Y");
}

#[test]
fn times_of_day() {
    check(
        "The bomb went off at 8:30 a.m. in the city.",
        "8:30 a.m.",
        TimexType::Time,
        "2020-01-24T08:30",
    );
    check(
        "By noon the square was full.",
        "noon",
        TimexType::Time,
        "2020-01-24T12:00",
    );
    check(
        "They met this morning.",
        "this morning",
        TimexType::Time,
        "2020-01-24TMO",
    );
    check(
        "They meet tonight.",
        "tonight",
        TimexType::Time,
        "2020-01-24TNI",
    );
    check(
        "It ended at 5 p.m. EST Thursday.",
        "5 p.m. EST Thursday",
        TimexType::Time,
        "2020-01-23T17:00",
    );
    check(
        "Rebels attacked Thursday night.",
        "Thursday night",
        TimexType::Date,
        "2020-01-23",
    );
}

#[test]
fn general_references() {
    check(
        "Prices are now lower.",
        "now",
        TimexType::Date,
        "PRESENT_REF",
    );
    check(
        "He recently moved.",
        "recently",
        TimexType::Date,
        "PAST_REF",
    );
    check(
        "Nobody knows the future.",
        "the future",
        TimexType::Date,
        "FUTURE_REF",
    );
}

#[test]
fn spans_leave_out_the_possessive() {
    let (span, _, value) = only("Friday's rally came at a critical moment.", Some(FRIDAY));
    assert_eq!((span.as_str(), value.as_str()), ("Friday", "2020-01-24"));
    let (span, _, _) = only(
        "Friday\u{2019}s rally came at a critical moment.",
        Some(FRIDAY),
    );
    assert_eq!(span, "Friday");
}

#[test]
fn numbers_and_words_that_are_not_dates() {
    for text in [
        "Prices may fall.",
        "They march on the capital.",
        "The army sent 1,990 troops.",
        "It cost $2000 to fix.",
        "About 2000 people came.",
        "An 18-year-old protester spoke.",
        "The second round began.",
    ] {
        assert!(
            tags(text, Some(FRIDAY)).is_empty(),
            "{text:?} gave {:?}",
            tags(text, Some(FRIDAY))
        );
    }
}

#[test]
fn ambiguous_month_names_need_a_cue() {
    assert_eq!(only("It will happen in May.", Some(FRIDAY)).2, "2020-05");
    // Without a tense cue the nearest March is six weeks ahead; in the past
    // tense it is the one ten months back, as HeidelTime resolves it.
    assert_eq!(only("Talks resume in March.", Some(FRIDAY)).2, "2020-03");
    assert_eq!(only("They marched in March.", Some(FRIDAY)).2, "2019-03");
    assert_eq!(only("They marched in November.", Some(FRIDAY)).2, "2019-11");
}

#[test]
fn ages_and_generic_uses_are_not_expressions() {
    for text in [
        "Mr. Smith, 52 years old, will retire.",
        "He was in his 30s then.",
        "Barriers exist in today's world.",
    ] {
        assert!(
            tags(text, Some(FRIDAY)).is_empty(),
            "{text:?} gave {:?}",
            tags(text, Some(FRIDAY))
        );
    }
    let (span, _, value) = only("He was shot on the night of Oct. 23 at home.", Some(FRIDAY));
    assert_eq!((span.as_str(), value.as_str()), ("Oct. 23", "2019-10-23"));
}

#[test]
fn planning_horizons_and_vague_periods() {
    check(
        "Profits will suffer in the short term.",
        "the short term",
        TimexType::Date,
        "FUTURE_REF",
    );
    check(
        "The rest is due at a later date.",
        "a later date",
        TimexType::Date,
        "FUTURE_REF",
    );
    check(
        "Sales were stronger in past years.",
        "past years",
        TimexType::Date,
        "PAST_REF",
    );
    check(
        "Prices may fall in the weeks ahead.",
        "the weeks ahead",
        TimexType::Duration,
        "PXW",
    );
    check(
        "The loan may run for an additional year.",
        "an additional year",
        TimexType::Duration,
        "P1Y",
    );
}

#[test]
fn years_used_as_modifiers() {
    check(
        "The post-1959 politics split families.",
        "1959",
        TimexType::Date,
        "1959",
    );
    check(
        "That 1978 resolution still stands.",
        "1978",
        TimexType::Date,
        "1978",
    );
    // A count stays a count.
    assert!(tags("About 1978 people came.", Some(FRIDAY)).is_empty());
}

#[test]
fn parts_of_a_named_day() {
    check(
        "Shares fell in mid-afternoon yesterday.",
        "mid-afternoon yesterday",
        TimexType::Time,
        "2020-01-23TAF",
    );
    check(
        "By mid afternoon the fighting stopped.",
        "mid afternoon",
        TimexType::Time,
        "2020-01-24TAF",
    );
}

#[test]
fn one_day_after_a_modal_is_some_time_to_come() {
    check(
        "Islam will one day be the second religion.",
        "one day",
        TimexType::Date,
        "FUTURE_REF",
    );
    check("It took one day.", "one day", TimexType::Duration, "P1D");
}

#[test]
fn roughly_ago_is_still_a_date() {
    check(
        "Then, a week or so ago, he picked a date.",
        "a week or so ago",
        TimexType::Date,
        "2020-W03",
    );
}

#[test]
fn paraphrases_of_the_year_ago_quarter() {
    // Said on Friday 24 January 2020: the quarter reported is 2019-Q4.
    check(
        "Net rose from $2 million for the corresponding period last year.",
        "the corresponding period last year",
        TimexType::Date,
        "2018-Q4",
    );
    check(
        "Sales for last year's quarter were $3 million.",
        "last year's quarter",
        TimexType::Date,
        "2018-Q4",
    );
}

#[test]
fn and_a_half() {
    check(
        "A minute and a half passed.",
        "A minute and a half",
        TimexType::Duration,
        "PT1M30S",
    );
    check(
        "It lasted a year and a half.",
        "a year and a half",
        TimexType::Duration,
        "P1Y6M",
    );
}

#[test]
fn the_first_units_of_something() {
    check(
        "Prisoners were taken in the first hours of the war.",
        "the first hours",
        TimexType::Duration,
        "PTXH",
    );
}

#[test]
fn two_thousand_is_a_quantity_before_a_lowercase_word() {
    let values = |text| -> Vec<String> { tags(text, None).into_iter().map(|t| t.2).collect() };
    assert!(!values("He has two thousand pounds a year.").contains(&"2000".to_string()));
    assert!(!values("In May two thousand people marched.").contains(&"2000-05".to_string()));
    check(
        "It opened in January two thousand.",
        "January two thousand",
        TimexType::Date,
        "2000-01",
    );
    assert!(values("They feared the year two thousand problem.").contains(&"2000".to_string()));
}
