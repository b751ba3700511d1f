//! Normalisation edge cases: year boundaries, weekdays, leap years,
//! narrative mode and placeholders.

use jiff::civil::{date, Date};
use storyscope::analysis::timex::tag_text;

fn values(text: &str, reference: Option<Date>) -> Vec<String> {
    tag_text(text, reference)
        .into_iter()
        .map(|e| e.value)
        .collect()
}

fn value(text: &str, reference: Date) -> String {
    let found = values(text, Some(reference));
    assert_eq!(found.len(), 1, "{text:?} gave {found:?}");
    found[0].clone()
}

#[test]
fn last_month_in_january_is_december_of_the_previous_year() {
    assert_eq!(
        value("Clashes broke out last month.", date(2020, 1, 15)),
        "2019-12"
    );
    assert_eq!(
        value("They will vote next month.", date(2019, 12, 10)),
        "2020-01"
    );
    assert_eq!(value("It happened last year.", date(2020, 1, 2)), "2019");
    assert_eq!(
        value("It slowed in the last quarter.", date(2020, 1, 10)),
        "2019-Q4"
    );
}

#[test]
fn last_week_across_the_new_year() {
    // 2020-01-02 is in ISO week 2020-W01; a week earlier is 2019-W52.
    assert_eq!(value("It fell last week.", date(2020, 1, 2)), "2019-W52");
    assert_eq!(
        value("It fell two weeks ago.", date(2020, 1, 2)),
        "2019-W51"
    );
}

#[test]
fn months_without_a_year_across_the_new_year() {
    assert_eq!(
        value("Talks closed in December.", date(2020, 1, 10)),
        "2019-12"
    );
    assert_eq!(
        value("The mine will open in January.", date(2019, 12, 20)),
        "2020-01"
    );
    assert_eq!(
        value("The vote was held on Dec. 30.", date(2020, 1, 3)),
        "2019-12-30"
    );
}

#[test]
fn friday_said_on_a_friday_is_that_day() {
    assert_eq!(
        value("Thousands gathered on Friday.", date(2020, 1, 24)),
        "2020-01-24"
    );
}

#[test]
fn weekdays_go_back_in_the_past_and_forward_in_the_future() {
    let friday = date(2020, 1, 24);
    assert_eq!(value("He arrived on Monday.", friday), "2020-01-20");
    assert_eq!(value("He will arrive on Monday.", friday), "2020-01-27");
    assert_eq!(
        value("The talks are scheduled to resume Tuesday.", friday),
        "2020-01-28"
    );
    assert_eq!(value("Officials met last Friday.", friday), "2020-01-17");
    assert_eq!(value("Officials meet next Friday.", friday), "2020-01-31");
}

#[test]
fn leap_years() {
    let narrative = |text: &str| values(text, None);
    assert_eq!(
        narrative("The fund opened on 28 February 2020. The next day it fell."),
        ["2020-02-28", "2020-02-29"]
    );
    assert_eq!(
        narrative("The fund opened on 29 February 2020. One day later it closed."),
        ["2020-02-29", "2020-03-01"]
    );
    assert_eq!(
        narrative("It opened on 29 February 2020. A year later it closed."),
        ["2020-02-29", "2021"]
    );
    assert_eq!(
        narrative("It began on 29 February 2020. It ended 366 days later."),
        ["2020-02-29", "2021-03-01"]
    );
}

#[test]
fn decades_and_weeks() {
    assert_eq!(value("It grew in the 1990s.", date(2020, 1, 24)), "199");
    assert_eq!(
        value("It grew in the last decade.", date(2020, 1, 24)),
        "201"
    );
    assert_eq!(
        value("It began two weeks ago.", date(2020, 1, 24)),
        "2020-W02"
    );
}

#[test]
fn narrative_mode_follows_the_last_explicit_date() {
    let found = values(
        "On 12 June 1812 the army crossed the river. Two days later it reached Vilna. In September it took Moscow.",
        None,
    );
    assert_eq!(found, ["1812-06-12", "1812-06-14", "1812-09"]);
    // Days reached from the anchor move it on.
    let found = values(
        "On 12 June 1812 the army crossed. Two days later it reached Vilna. The next day it rained.",
        None,
    );
    assert_eq!(found, ["1812-06-12", "1812-06-14", "1812-06-15"]);
}

#[test]
fn unresolvable_values_keep_placeholders() {
    assert_eq!(values("In May the snow melted.", None), ["XXXX-05"]);
    assert_eq!(values("He left on Friday.", None), ["XXXX-WXX-5"]);
    assert_eq!(values("The next day he left.", None), ["XXXX-XX-XX"]);
    // A year alone does not give a day to count from.
    assert_eq!(
        values("In 1812 it began. The next day it rained.", None),
        ["1812", "XXXX-XX-XX"]
    );
}

#[test]
fn anaphoric_expressions_count_from_the_last_mentioned_date() {
    let reference = Some(date(2000, 1, 28));
    assert_eq!(
        values(
            "He fled in June 1998 and returned later that year.",
            reference
        ),
        ["1998-06", "1998"]
    );
    assert_eq!(
        values(
            "He became a general on Oct. 2, 1995, and the following year he left.",
            reference
        ),
        ["1995-10-02", "1996"]
    );
    assert_eq!(
        values(
            "The vote was on March 3, 1999. The next day the result came.",
            reference
        ),
        ["1999-03-03", "1999-03-04"]
    );
    // Deictic forms stay on the document date.
    assert_eq!(
        values("In June 1998 he fled. Next year he returns.", reference),
        ["1998-06", "2001"]
    );
    // A year alone is too coarse to count days from.
    assert_eq!(
        values("In 1998 he fled. The next day he hid.", reference),
        ["1998", "2000-01-29"]
    );
}

#[test]
fn last_and_next_with_a_month_and_day() {
    assert_eq!(
        value("He was shot last Oct. 23 at home.", date(1999, 4, 19)),
        "1998-10-23"
    );
    assert_eq!(
        value("He was shot last Oct. 23 at home.", date(1998, 12, 1)),
        "1998-10-23"
    );
    assert_eq!(
        value("It closed last November.", date(2019, 11, 20)),
        "2018-11"
    );
    assert_eq!(
        value("It opens next March 1.", date(2019, 11, 20)),
        "2020-03-01"
    );
}

#[test]
fn an_unmarked_weekday_after_the_reference_is_tomorrow() {
    // Friday 24 January 2020: "Saturday" without a tense cue is the 25th,
    // "Wednesday" the 22nd.
    assert_eq!(
        value("Protests in Baghdad on Saturday.", date(2020, 1, 24)),
        "2020-01-25"
    );
    assert_eq!(
        value("Protests in Baghdad on Wednesday.", date(2020, 1, 24)),
        "2020-01-22"
    );
}

#[test]
fn participles_take_the_tense_of_their_auxiliaries() {
    // Said on 26 October 1989.
    let october = date(1989, 10, 26);
    assert_eq!(
        value("The dividend will be paid Dec. 21.", october),
        "1989-12-21"
    );
    assert_eq!(
        value("The dividend was paid Dec. 21.", october),
        "1988-12-21"
    );
    // "unspecified" after "an" is an adjective, not a past tense.
    assert_eq!(
        value(
            "It goes to an unspecified group of holders Dec. 21.",
            october
        ),
        "1989-12-21"
    );
    // "the plan" is a noun, no promise of a future.
    assert_eq!(
        value("The board approved the plan Aug. 21.", october),
        "1989-08-21"
    );
    // "effective" dates a change to come.
    assert_eq!(
        value("The new pact is effective June 1.", october),
        "1990-06-01"
    );
}

#[test]
fn a_past_tense_month_lies_behind_even_when_far() {
    // Ten months back beats three ahead once the verb is in the past.
    assert_eq!(
        value(
            "In January, the firm brought in a new chief.",
            date(1989, 10, 27)
        ),
        "1989-01"
    );
}

#[test]
fn a_couple_is_two() {
    let friday = date(2020, 1, 24);
    assert_eq!(value("It may take a couple of years.", friday), "P2Y");
    assert_eq!(value("It took a few years.", friday), "PXY");
}

#[test]
fn later_and_before_are_signals_in_dated_texts() {
    // TimeML: in "three days later" the TIMEX3 is the duration; "later"
    // relates it to an event of the text, not to the document date.
    let found = tag_text(
        "Three days later, the index recovered.",
        Some(date(1989, 10, 30)),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].start, found[0].end, found[0].value.as_str()),
        (0, 10, "P3D")
    );
    assert_eq!(
        value(
            "Banks must wait at least 30 days before acting.",
            date(1989, 10, 27)
        ),
        "P30D"
    );
    // "ago" counts from the document date: still a date.
    assert_eq!(
        value("It began three days ago.", date(1989, 10, 30)),
        "1989-10-27"
    );
}

#[test]
fn holidays_on_a_weekday_of_the_month() {
    // US Election Day: the Tuesday after the first Monday of November.
    assert_eq!(
        value("The vote is on Election Day.", date(2020, 10, 1)),
        "2020-11-03"
    );
    assert_eq!(
        value("Stores close on Memorial Day.", date(2020, 5, 1)),
        "2020-05-25"
    );
    assert_eq!(
        value("They met on Labor Day.", date(2019, 9, 20)),
        "2019-09-02"
    );
    assert_eq!(
        value("Flowers sold out before Mother's Day.", date(2020, 5, 1)),
        "2020-05-10"
    );
}

#[test]
fn plans_told_in_the_past_still_lie_ahead() {
    // Friday 7 January 2000.
    let friday = date(2000, 1, 7);
    assert_eq!(
        value(
            "Exiles were planning to drive around the airport on Monday.",
            friday
        ),
        "2000-01-10"
    );
    assert_eq!(
        value("He was about to leave the airport on Thursday.", friday),
        "2000-01-06"
    );
}

#[test]
fn a_second_day_of_the_same_month() {
    let found = values(
        "The summit meets on April 24 and 25. Turnout was 3 and 4 percent.",
        Some(date(1999, 2, 10)),
    );
    assert_eq!(found, ["1999-04-24", "1999-04-25"]);
    assert_eq!(
        values("It runs from April 30 to 31.", Some(date(1999, 2, 10))),
        ["1999-04-30"]
    );
}

#[test]
fn be_to_is_an_arrangement_ahead() {
    // Friday 27 October 1989.
    assert_eq!(
        value(
            "The stock is to resume trading in Paris Tuesday.",
            date(1989, 10, 27)
        ),
        "1989-10-31"
    );
}

#[test]
fn the_previous_weekday_counts_from_the_day_last_mentioned() {
    // Monday 30 October 1989: "Friday" is the 27th, the one before it the 20th.
    assert_eq!(
        values(
            "The index fell Friday, down 4.5% from the previous Friday.",
            Some(date(1989, 10, 30))
        ),
        ["1989-10-27", "1989-10-20"]
    );
    assert_eq!(
        values(
            "The fund opened on 12 June 1812. It closed the following Monday.",
            Some(date(1990, 1, 1))
        ),
        ["1812-06-12", "1812-06-15"]
    );
}

#[test]
fn the_morning_is_of_the_day_under_discussion() {
    let monday = date(1989, 10, 30);
    assert_eq!(
        values(
            "Stocks crashed Friday. Dealers bought in the morning.",
            Some(monday)
        ),
        ["1989-10-27", "1989-10-27TMO"]
    );
    assert_eq!(
        value("Talks resume in the morning.", monday),
        "1989-10-30TMO"
    );
}

#[test]
fn a_clock_time_is_on_the_day_under_discussion() {
    let saturday = date(1998, 8, 8);
    assert_eq!(
        values(
            "Bombs went off Friday. One blast came at 10:35 a.m.",
            Some(saturday)
        ),
        ["1998-08-07", "1998-08-07T10:35"]
    );
    assert_eq!(
        value("They meet at 10:35 a.m.", saturday),
        "1998-08-08T10:35"
    );
}

#[test]
fn a_day_named_long_before_is_no_longer_under_discussion() {
    let filler = "The board met and talked about sales and costs at length. ".repeat(20);
    let text = format!("The treaty was signed on June 3, 1950. {filler}They meet at 10 a.m.");
    assert_eq!(
        values(&text, Some(date(1998, 8, 8))),
        ["1950-06-03", "1998-08-08T10:00"]
    );
}

#[test]
fn a_day_earlier_counts_from_the_event_a_year_earlier_is_a_period() {
    let reference = date(1990, 8, 16);
    assert_eq!(value("A day earlier, trucks crossed.", reference), "P1D");
    assert_eq!(
        value("Net was $2 million a year earlier.", reference),
        "1989"
    );
}
