//! The rule table: one line per pattern. To add an expression form, add a
//! line here.
//!
//! Pattern syntax (tokens separated by spaces):
//! - `the`, `last|previous`: literal words, any case (`|` = any of them);
//! - `,` `-` `'` `.` `/` `:`: that punctuation mark;
//! - upper-case names: word classes matched in `pattern.rs`:
//!   `MONTH` (January, Jan., Sept.), `DAY` (1-31, 24th), `YEAR` (4 digits),
//!   `MONTHNUM` (1-12), `WEEKDAY` (Friday, Fri.), `WEEKDAYS` (Fridays),
//!   `NUM` (3, three, twenty-five, 5 1/2), `FEW` (few, several, many...),
//!   `UNIT` / `UNIT1` (singular) / `UNITS` (plural) (day, weeks...),
//!   `ORD` (third, 3rd), `POD` (morning...), `SEASON`, `DECADE` (1990s,
//!   '80s, eighties), `CLOCK` (8:30 a.m., noon), `SHIFT` (last, this, next...),
//!   `HALF` ("and a half");
//! - a trailing `?` makes an item optional.
//!
//! At each position the longest match wins; on equal length, the earlier
//! line. `Guard`s check the context the pattern cannot see.

use super::normalize::Norm;
use crate::analysis::TimexType;
use jiff::civil::Weekday;

use TimexType::{Date, Duration, Set, Time};

/// A context check run after a pattern matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    None,
    /// A lone month name: "may" and "march" need a date cue before them.
    BareMonth,
    /// A lone four-digit number: not an amount or a count.
    BareYear,
    /// "18-year" in "18-year-old" is an age, not a duration.
    NotAge,
    /// After "once", "twice", "times": a frequency ("twice a year").
    AfterFrequency,
    /// A bare plural unit after "for", "over", "within"... ("for years").
    AfterDurationCue,
    /// "a day" that is not a rate ("$5 a day", "four flights a week") nor
    /// an ordinal ("a second").
    NotRate,
    /// After "will", "could", "may"...: a future ("will one day").
    AfterModal,
    /// Not "in today's world": the present in general, not a day.
    NotGeneric,
    /// After a preposition, and not before "of" ("on the night of Oct. 23"
    /// names the date that follows) ("in the morning").
    AfterPreposition,
    /// Followed by "ended" or "ending": a period ("the year ended June 30").
    BeforeEnded,
    /// The unit is a week, weekend, month or year ("the week", not "the second").
    CalendarUnit,
    /// Not followed by a number or a month ("now" is fine, "the present" too).
    NotBeforeNumber,
}

/// One pattern with its TIMEX3 type and how its value is computed.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub pattern: &'static str,
    pub timex_type: TimexType,
    pub norm: Norm,
    pub guard: Guard,
}

const fn rule(pattern: &'static str, timex_type: TimexType, norm: Norm) -> Rule {
    Rule {
        pattern,
        timex_type,
        norm,
        guard: Guard::None,
    }
}

const fn guarded(pattern: &'static str, timex_type: TimexType, norm: Norm, guard: Guard) -> Rule {
    Rule {
        pattern,
        timex_type,
        norm,
        guard,
    }
}

#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    // Explicit calendar dates, most specific first.
    rule("WEEKDAY ,? MONTH DAY ,? YEAR", Date, Norm::Calendar),
    rule("WEEKDAY ,? DAY MONTH ,? YEAR", Date, Norm::Calendar),
    rule("WEEKDAY ,? the? DAY of MONTH ,? YEAR", Date, Norm::Calendar),
    rule("WEEKDAY ,? MONTH DAY", Date, Norm::Calendar),
    rule("WEEKDAY ,? DAY MONTH", Date, Norm::Calendar),
    rule("WEEKDAY ,? the DAY of MONTH", Date, Norm::Calendar),
    rule("MONTH DAY ,? YEAR", Date, Norm::Calendar),
    rule("the week of MONTH DAY ,? YEAR?", Date, Norm::WeekOf),
    rule("DAY MONTH ,? YEAR", Date, Norm::Calendar),
    rule("the DAY of MONTH ,? YEAR", Date, Norm::Calendar),
    rule("MONTH DAY", Date, Norm::Calendar),
    rule("DAY MONTH", Date, Norm::Calendar),
    rule("the DAY of MONTH", Date, Norm::Calendar),
    rule("YEAR - MONTHNUM - DAY", Date, Norm::Calendar),
    rule("MONTH ,? of? YEAR", Date, Norm::Calendar),
    rule("MONTH DAY? ,? SHIFT year", Date, Norm::Calendar),
    guarded("MONTH", Date, Norm::Calendar, Guard::BareMonth),
    rule("SEASON of? YEAR", Date, Norm::Calendar),
    rule("the SEASON of YEAR", Date, Norm::Calendar),
    guarded("the? SEASON", Date, Norm::Calendar, Guard::AfterPreposition),
    rule("fiscal YEAR", Date, Norm::Calendar),
    rule("the YEAR period|quarter", Date, Norm::PeriodOfYear),
    rule("the year YEAR", Date, Norm::Calendar),
    guarded("YEAR", Date, Norm::Calendar, Guard::BareYear),
    rule("the? '? DECADE", Date, Norm::Calendar),
    rule("the? ORD century", Date, Norm::Century),
    rule("the? ORD -? half of fiscal? YEAR", Date, Norm::Half),
    rule("the? ORD -? half", Date, Norm::Half),
    rule("the? fiscal? ORD -? quarter of fiscal? YEAR", Date, Norm::Quarter),
    rule("the? fiscal? YEAR ORD -? quarter", Date, Norm::Quarter),
    rule("the? fiscal? -? ORD -? quarter", Date, Norm::Quarter),
    rule("SHIFT year ' s fiscal? ORD -? quarter", Date, Norm::Quarter),
    rule("the? fiscal? -? ORD -? quarter of SHIFT year", Date, Norm::Quarter),
    rule("the? year - ago|earlier ORD -? quarter", Date, Norm::QuarterOfYear(-1)),
    rule("the latest|last|past|previous|recent quarter", Date, Norm::QuarterShift(-1)),
    rule("the quarter", Date, Norm::QuarterShift(-1)),
    rule("this quarter", Date, Norm::QuarterShift(0)),
    rule("the current quarter", Date, Norm::QuarterShift(0)),
    rule("the latest period", Date, Norm::QuarterShift(-1)),
    rule("the? year - ago|earlier quarter|period", Date, Norm::QuarterShift(-5)),
    rule("a? year - ago|earlier", Date, Norm::QuarterShift(-5)),
    // "the corresponding period last year", "last year's quarter": the
    // year-ago quarter in other words.
    rule("the corresponding|comparable|same period|quarter of? last year", Date, Norm::QuarterShift(-5)),
    rule("the corresponding|comparable|same period|quarter a year ago|earlier", Date, Norm::QuarterShift(-5)),
    rule("last year ' s period|quarter", Date, Norm::QuarterShift(-5)),
    rule("the UNIT1 - ago|earlier", Date, Norm::Ago(-1)),
    rule("the? next|coming quarter", Date, Norm::QuarterShift(1)),
    // Holidays.
    rule("christmas eve", Date, Norm::Holiday(12, 24)),
    rule("christmas day?", Date, Norm::Holiday(12, 25)),
    rule("new year ' s day", Date, Norm::Holiday(1, 1)),
    rule("new year ' s eve", Date, Norm::Holiday(12, 31)),
    rule("independence day", Date, Norm::Holiday(7, 4)),
    rule("halloween", Date, Norm::Holiday(10, 31)),
    rule("valentine ' s day", Date, Norm::Holiday(2, 14)),
    rule("thanksgiving day?", Date, Norm::Thanksgiving),
    rule("election day", Date, Norm::NthWeekday(11, 1, Weekday::Monday, 1)),
    rule("labor day", Date, Norm::NthWeekday(9, 1, Weekday::Monday, 0)),
    rule("memorial day", Date, Norm::NthWeekday(5, -1, Weekday::Monday, 0)),
    rule("mother ' s day", Date, Norm::NthWeekday(5, 2, Weekday::Sunday, 0)),
    rule("father ' s day", Date, Norm::NthWeekday(6, 3, Weekday::Sunday, 0)),
    // Days relative to the reference.
    // "Islam will one day be...": some time to come.
    guarded("one|some day", Date, Norm::Fixed("FUTURE_REF"), Guard::AfterModal),
    rule("the day before yesterday", Date, Norm::DayOffset(-2)),
    rule("the day after tomorrow", Date, Norm::DayOffset(2)),
    rule("yesterday POD", Time, Norm::DayOffset(-1)),
    rule("early|late|mid -? POD yesterday", Time, Norm::DayOffset(-1)),
    rule("early|late|mid -? POD today", Time, Norm::DayOffset(0)),
    rule("early|late|mid -? POD tomorrow", Time, Norm::DayOffset(1)),
    // "by mid afternoon": of the reference day.
    rule("mid -? POD", Time, Norm::DayOffset(0)),
    rule("yesterday", Date, Norm::DayOffset(-1)),
    rule("today POD", Time, Norm::DayOffset(0)),
    guarded("today", Date, Norm::DayOffset(0), Guard::NotGeneric),
    rule("tomorrow POD", Time, Norm::DayOffset(1)),
    rule("tomorrow", Date, Norm::DayOffset(1)),
    rule("tonight", Time, Norm::DayPart(0, super::lexicon::PartOfDay::Night)),
    rule("last night", Time, Norm::DayPart(-1, super::lexicon::PartOfDay::Night)),
    rule("this POD", Time, Norm::DayOffset(0)),
    guarded("the POD", Time, Norm::FromMentioned(0), Guard::AfterPreposition),
    // Anaphoric: counted from the date the text last mentioned, not from
    // the document date ("in June 1998 ... later that year").
    rule("the next|following UNIT1", Date, Norm::FromMentioned(1)),
    rule("the previous|preceding UNIT1", Date, Norm::FromMentioned(-1)),
    rule("the previous|preceding WEEKDAY", Date, Norm::FromMentioned(-1)),
    rule("the following WEEKDAY", Date, Norm::FromMentioned(1)),
    rule("that UNIT1", Date, Norm::FromMentioned(0)),
    rule("the same UNIT1", Date, Norm::FromMentioned(0)),
    rule("that same UNIT1", Date, Norm::FromMentioned(0)),
    // Weeks, months, years... relative to the reference.
    rule("SHIFT WEEKDAY POD", Time, Norm::Shift),
    rule("SHIFT WEEKDAY", Date, Norm::Shift),
    rule("SHIFT MONTH DAY", Date, Norm::Shift),
    rule("SHIFT MONTH", Date, Norm::Shift),
    rule("SHIFT SEASON", Date, Norm::Shift),
    rule("this past weekend", Date, Norm::Shift),
    rule("the? SHIFT fiscal? UNIT1", Date, Norm::Shift),
    rule("the full|current UNIT1", Date, Norm::Same),
    rule("the fiscal UNIT1", Duration, Norm::Duration),
    rule("year -? end", Date, Norm::Holiday(12, 31)),
    rule("year ' s end", Date, Norm::Holiday(12, 31)),
    guarded("the UNIT1", Duration, Norm::Duration, Guard::BeforeEnded),
    guarded("the UNIT1", Date, Norm::Same, Guard::CalendarUnit),
    // "three years ago", "a few days later".
    rule("NUM UNIT ago|earlier|before", Date, Norm::Ago(-1)),
    rule("a|an|one UNIT1 ago|earlier|before", Date, Norm::Ago(-1)),
    // "a week or so ago": roughly, but still a date.
    rule("NUM UNIT or so ago", Date, Norm::Ago(-1)),
    rule("a|an|one UNIT1 or so ago", Date, Norm::Ago(-1)),
    rule("a? FEW UNITS ago|earlier|before", Date, Norm::Ago(-1)),
    rule("NUM UNIT later|hence", Date, Norm::Ago(1)),
    rule("NUM UNIT from now", Date, Norm::Ago(1)),
    rule("a|an|one UNIT1 later|hence", Date, Norm::Ago(1)),
    rule("a|an|one UNIT1 from now", Date, Norm::Ago(1)),
    rule("a? FEW UNITS later|hence", Date, Norm::Ago(1)),
    // Durations.
    guarded("the? first|last|past|next|coming|previous|final|following|recent? NUM more|full? UNIT", Duration, Norm::Duration, Guard::NotAge),
    rule("the? first|last|past|next|coming|previous|final|following|recent? a? FEW more? UNITS", Duration, Norm::Duration),
    rule("NUM UNIT HALF", Duration, Norm::Duration),
    rule("a|an|one UNIT1 HALF", Duration, Norm::Duration),
    rule("NUM - UNIT1 - long", Duration, Norm::Duration),
    guarded("NUM - UNIT1", Duration, Norm::Duration, Guard::NotAge),
    rule("a|an? FEW - UNIT1", Duration, Norm::Duration),
    rule("UNIT - long", Duration, Norm::Duration),
    guarded("a|an|per UNIT1", Set, Norm::Every, Guard::AfterFrequency),
    guarded("a|an UNIT1", Duration, Norm::Duration, Guard::NotRate),
    rule("a|an additional|extra UNIT1", Duration, Norm::Duration),
    // "in the weeks ahead": some weeks from now.
    rule("the UNITS ahead", Duration, Norm::Duration),
    rule("half an hour", Duration, Norm::Fixed("PT30M")),
    // "in the first hours of the war", "the early years": some of them.
    rule("the first|early|final UNITS", Duration, Norm::Duration),
    rule("recent|past years", Date, Norm::Fixed("PAST_REF")),
    rule("recent|coming UNITS", Duration, Norm::Duration),
    guarded("UNITS", Duration, Norm::Duration, Guard::AfterDurationCue),
    // General references.
    rule("now|currently|nowadays|presently", Date, Norm::Fixed("PRESENT_REF")),
    rule("these days", Date, Norm::Fixed("PRESENT_REF")),
    guarded("the present", Date, Norm::Fixed("PRESENT_REF"), Guard::NotBeforeNumber),
    rule("current", Date, Norm::Fixed("PRESENT_REF")),
    rule("recently|lately", Date, Norm::Fixed("PAST_REF")),
    guarded("the past", Date, Norm::Fixed("PAST_REF"), Guard::NotBeforeNumber),
    rule("the near? future", Date, Norm::Fixed("FUTURE_REF")),
    // The planning horizons of business news (TimeBank: FUTURE_REF).
    rule("the near|short|long term", Date, Norm::Fixed("FUTURE_REF")),
    rule("a later date", Date, Norm::Fixed("FUTURE_REF")),
    rule("an earlier date", Date, Norm::Fixed("PAST_REF")),
    // Times of day.
    rule("CLOCK est|edt|gmt|utc|pst|pdt|cst|cdt|mst|mdt|et? on? WEEKDAY", Time, Norm::Clock),
    rule("CLOCK est|edt|gmt|utc|pst|pdt|cst|cdt|mst|mdt|et? yesterday", Time, Norm::ClockDay(-1)),
    rule("CLOCK est|edt|gmt|utc|pst|pdt|cst|cdt|mst|mdt|et? today", Time, Norm::ClockDay(0)),
    rule("CLOCK est|edt|gmt|utc|pst|pdt|cst|cdt|mst|mdt|et? tomorrow", Time, Norm::ClockDay(1)),
    rule("CLOCK est|edt|gmt|utc|pst|pdt|cst|cdt|mst|mdt|et?", Time, Norm::Clock),
    rule("WEEKDAY ,? CLOCK", Time, Norm::Clock),
    rule("CLOCK est|edt|gmt|utc|pst|pdt|cst|cdt|mst|mdt|et? ,? on? MONTH DAY ,? YEAR?", Time, Norm::Clock),
    // "Friday night": TimeBank mostly gives the day as the value, a DATE.
    rule("WEEKDAY morning|afternoon|evening|night", Date, Norm::Weekday),
    rule("WEEKDAY", Date, Norm::Weekday),
    // Sets.
    rule("every|each WEEKDAY POD?", Set, Norm::Every),
    rule("every|each MONTH", Set, Norm::Every),
    rule("WEEKDAYS", Set, Norm::Every),
    rule("every|each other? UNIT1", Set, Norm::Every),
    rule("every NUM UNITS", Set, Norm::Every),
    rule("daily|nightly", Set, Norm::Fixed("P1D")),
    rule("weekly", Set, Norm::Fixed("P1W")),
    rule("monthly", Set, Norm::Fixed("P1M")),
    rule("yearly", Set, Norm::Fixed("P1Y")),
    rule("hourly", Set, Norm::Fixed("PT1H")),
];

/// Modifiers that join the expression after them ("early 1998", "late
/// Friday", "the end of May", "nearly two years").
pub const DATE_PREFIXES: &[&str] = &[
    "early",
    "late",
    "earlier",
    "later",
    "mid",
    "mid -",
    "the mid -",
    "the early",
    "the late",
    "the end of",
    "the beginning of",
    "the start of",
    "the middle of",
    "the rest of",
    "the remainder of",
];

pub const QUANTITY_PREFIXES: &[&str] = &[
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "only",
    "just",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
];
