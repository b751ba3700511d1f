//! TIMEX3 values from what a rule captured, resolved against a reference
//! date with `jiff`. What cannot be resolved keeps `X` placeholders.

use jiff::civil::{Date, Weekday};
use jiff::{Span, ToSpan};

use super::lexicon::{PartOfDay, Season, Unit};
use super::pattern::Captures;

/// How a rule computes its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Norm {
    /// An explicit (possibly partial) calendar date: day, month, year, season, decade.
    Calendar,
    /// The reference day plus n days ("yesterday").
    DayOffset(i32),
    /// The reference day plus n days, at a part of the day ("tonight").
    DayPart(i32, PartOfDay),
    /// last/this/next + unit, month, weekday or season.
    Shift,
    /// The unit containing the reference ("the weekend").
    Same,
    /// The unit containing the last date the text mentioned, plus n ("that
    /// year", "the following day"); the tagger passes that date as anchor.
    FromMentioned(i32),
    /// n units before (-1) or after (+1) the reference.
    Ago(i32),
    /// A lone weekday, resolved by tense.
    Weekday,
    Duration,
    /// A set: "every Friday", "each year".
    Every,
    Fixed(&'static str),
    /// A clock time on the reference day, a named weekday or a date.
    Clock,
    /// "the 1988 period": the year, or its quarter the text is about (the
    /// tagger knows which).
    PeriodOfYear,
    /// The ISO week of a calendar date ("the week of March 6").
    WeekOf,
    /// A clock time on the reference day plus n days.
    ClockDay(i32),
    Century,
    Half,
    Quarter,
    /// A numbered quarter of the reference year plus n ("the year-ago third quarter").
    QuarterOfYear(i32),
    /// The quarter containing the reference, plus n.
    QuarterShift(i32),
    Holiday(u8, u8),
    Thanksgiving,
    /// A holiday on the nth (-1: last) weekday of a month, plus some days
    /// (US Election Day: the Tuesday after the first Monday of November).
    NthWeekday(i8, i8, Weekday, i8),
}

/// Grammatical time around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    /// No cue either way (or a narrative, where the tense tells nothing).
    Present,
    Future,
}

/// The reference point, as precise as it is known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Anchor {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Anchor {
    pub fn from_date(date: Date) -> Anchor {
        Anchor {
            year: Some(i32::from(date.year())),
            month: Some(date.month() as u8),
            day: Some(date.day() as u8),
        }
    }

    pub fn date(self) -> Option<Date> {
        let year = i16::try_from(self.year?).ok()?;
        Date::new(year, self.month? as i8, self.day? as i8).ok()
    }
}

/// What the normaliser knows besides the captures.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub anchor: Anchor,
    pub tense: Tense,
}

/// The TIMEX3 value, or `None` when the captures make no sense (a 5th
/// quarter, 31 February).
pub fn value(norm: Norm, c: &Captures, context: &Context) -> Option<String> {
    let anchor = context.anchor;
    let with_part = |day: String| match c.part_of_day {
        Some(part) => format!("{day}T{}", part.code()),
        None => day,
    };
    Some(match norm {
        Norm::Calendar => calendar(c, context)?,
        Norm::DayOffset(n) => with_part(day_or_placeholder(offset_days(anchor, n))),
        Norm::DayPart(n, part) => format!(
            "{}T{}",
            day_or_placeholder(offset_days(anchor, n)),
            part.code()
        ),
        Norm::Shift => shift(c, context)?,
        Norm::Same => same(c, anchor, context.tense),
        Norm::FromMentioned(n) => match (c.weekday, anchor.date()) {
            // "the previous Friday": the one before the day last mentioned.
            (Some(weekday), Some(date)) => format_day(nearest_weekday(date, weekday, n > 0, false)),
            (Some(weekday), None) => format!("XXXX-WXX-{weekday}"),
            (None, _) => match (c.unit, c.part_of_day) {
                // "in the morning" after a day was named: that day's morning.
                (None, Some(part)) => format!(
                    "{}T{}",
                    day_or_placeholder(offset_days(anchor, n)),
                    part.code()
                ),
                (unit, _) => unit_value(unit?, anchor, n),
            },
        },
        Norm::Ago(direction) => ago(c, anchor, direction),
        Norm::Weekday => with_part(weekday_value(c.weekday?, anchor, context.tense)),
        Norm::Duration => duration(c),
        Norm::Every => every(c),
        Norm::Fixed(value) => value.to_string(),
        Norm::Clock => {
            let day = match (c.month, c.weekday) {
                (Some(_), _) => calendar(
                    &Captures {
                        part_of_day: None,
                        ..*c
                    },
                    context,
                )?,
                (None, Some(weekday)) => weekday_value(weekday, anchor, context.tense),
                (None, None) => day_or_placeholder(anchor.date()),
            };
            clock(day, c)?
        }
        Norm::PeriodOfYear => format!("{:04}", c.year?),
        Norm::WeekOf => {
            let day = calendar(c, context)?;
            let date = day.parse::<Date>().ok();
            date.map(format_week)
                .unwrap_or_else(|| "XXXX-WXX".to_string())
        }
        Norm::ClockDay(n) => clock(day_or_placeholder(offset_days(anchor, n)), c)?,
        Norm::Century => {
            let n = c.ordinal?;
            format!("{:02}", n.checked_sub(1)?)
        }
        Norm::Half => {
            let half = c.ordinal.filter(|n| (1..=2).contains(n))?;
            format!("{}-H{half}", year_or_placeholder(c.year.or(anchor.year)))
        }
        Norm::Quarter => {
            let quarter = c.ordinal.filter(|n| (1..=4).contains(n))?;
            let year = c.year.or_else(|| match c.shift {
                Some(shift) => Some(anchor.year? + shift),
                None => {
                    let current = i32::from((anchor.month? - 1) / 3 + 1);
                    nearest_cycle(
                        anchor.year?,
                        i32::from(quarter) - current,
                        4,
                        2,
                        context.tense,
                    )
                }
            });
            format!("{}-Q{quarter}", year_or_placeholder(year.or(anchor.year)))
        }
        Norm::QuarterOfYear(shift) => {
            let quarter = c.ordinal.filter(|n| (1..=4).contains(n))?;
            format!(
                "{}-Q{quarter}",
                year_or_placeholder(anchor.year.map(|y| y + shift))
            )
        }
        Norm::QuarterShift(n) => match (anchor.year, anchor.month) {
            (Some(year), Some(month)) => {
                let index = year * 4 + i32::from((month - 1) / 3) + n;
                format!("{}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1)
            }
            _ => format!("{}-QX", year_or_placeholder(anchor.year)),
        },
        Norm::Holiday(month, day) => match infer_year(anchor, month, Some(day), context.tense) {
            Some(year) => format!("{year:04}-{month:02}-{day:02}"),
            None => format!("XXXX-{month:02}-{day:02}"),
        },
        Norm::Thanksgiving => floating_holiday(anchor, context.tense, 11, 4, Weekday::Thursday, 0)?,
        Norm::NthWeekday(month, nth, weekday, days_after) => {
            floating_holiday(anchor, context.tense, month, nth, weekday, days_after)?
        }
    })
}

/// The date of a holiday defined by a weekday of a month, in the year
/// the tense and the reference point to.
fn floating_holiday(
    anchor: Anchor,
    tense: Tense,
    month: i8,
    nth: i8,
    weekday: Weekday,
    days_after: i8,
) -> Option<String> {
    let month_number = u8::try_from(month).ok()?;
    let Some(year) = infer_year(anchor, month_number, Some(15), tense) else {
        return Some(format!("XXXX-{month_number:02}-XX"));
    };
    let first = Date::new(i16::try_from(year).ok()?, month, 1).ok()?;
    let day = first.nth_weekday_of_month(nth, weekday).ok()?;
    Some(format_day(
        day.checked_add(i64::from(days_after).days()).ok()?,
    ))
}

fn calendar(c: &Captures, context: &Context) -> Option<String> {
    // TIMEX3 (after TIDES) writes a decade as its first three digits:
    // "the 1990s" is 199, as HeidelTime normalises it.
    if let Some(decade) = c.decade {
        return Some(format!("{decade}"));
    }
    let anchor = context.anchor;
    match (c.month, c.day) {
        (Some(month), Some(day)) => {
            let year = c
                .year
                .or_else(|| c.shift.and_then(|shift| Some(anchor.year? + shift)))
                .or_else(|| infer_year(anchor, month, Some(day), context.tense));
            let Some(year) = year else {
                return Some(format!("XXXX-{month:02}-{day:02}"));
            };
            let date = Date::new(i16::try_from(year).ok()?, month as i8, day as i8).ok()?;
            let day = format_day(date);
            Some(match c.part_of_day {
                Some(part) => format!("{day}T{}", part.code()),
                None => day,
            })
        }
        (Some(month), None) => {
            let year = c
                .year
                .or_else(|| c.shift.and_then(|shift| Some(anchor.year? + shift)))
                .or_else(|| infer_year(anchor, month, None, context.tense));
            Some(format!("{}-{month:02}", year_or_placeholder(year)))
        }
        _ => match (c.season, c.year) {
            (Some(season), Some(year)) => Some(format!("{year:04}-{}", season.code())),
            // "over the summer": the season of the reference year.
            (Some(season), None) => Some(format!(
                "{}-{}",
                year_or_placeholder(anchor.year),
                season.code()
            )),
            (None, year) => Some(format!("{:04}", year?)),
        },
    }
}

/// The year of a month (and day) given without one: of the reference
/// year and its neighbours, the one that puts the date nearest the
/// reference, a little further when the tense points the other way.
fn infer_year(anchor: Anchor, month: u8, day: Option<u8>, tense: Tense) -> Option<i32> {
    let year = anchor.year?;
    let Some(reference_month) = anchor.month else {
        return Some(year);
    };
    let reference = i32::from(reference_month) * 31 + i32::from(anchor.day.unwrap_or(15));
    let position = i32::from(month) * 31 + i32::from(day.unwrap_or(15));
    // Against the tense, a month up to nine months away beats one three
    // months away ("brought in January", said in October: last January).
    nearest_cycle(year, position - reference, 372, 279, tense)
}

/// `offset` is the distance from the reference to the date within the
/// same year, `cycle` the length of a year in those units: the best year.
/// A date on the side the tense rules out counts as `penalty` units further.
fn nearest_cycle(year: i32, offset: i32, cycle: i32, penalty: i32, tense: Tense) -> Option<i32> {
    (-1..=1)
        .map(|shift| {
            let delta = offset + shift * cycle;
            let against_tense = match tense {
                Tense::Past => delta > 0,
                Tense::Future => delta < 0,
                Tense::Present => false,
            };
            // Ties go to the past, then to the reference year.
            let cost = delta.abs() * 4
                + if against_tense { penalty * 4 } else { 0 }
                + i32::from(delta > 0) * 2
                + shift.abs();
            (cost, year + shift)
        })
        .min()
        .map(|(_, year)| year)
}

fn shift(c: &Captures, context: &Context) -> Option<String> {
    let anchor = context.anchor;
    let n = c.shift?;
    if let Some(weekday) = c.weekday {
        let day = match (n, anchor.date()) {
            (_, None) => format!("XXXX-WXX-{weekday}"),
            (0, Some(_)) => weekday_value(weekday, anchor, context.tense),
            (n, Some(date)) => format_day(nearest_weekday(date, weekday, n > 0, false)),
        };
        return Some(match c.part_of_day {
            Some(part) => format!("{day}T{}", part.code()),
            None => day,
        });
    }
    if let Some(month) = c.month {
        // "last November", "next Oct. 23": the nearest one on that side.
        let here = (month, c.day.unwrap_or(0));
        let now = (
            anchor.month.unwrap_or(0),
            if c.day.is_some() {
                anchor.day.unwrap_or(0)
            } else {
                0
            },
        );
        let year = anchor.year.map(|year| match n {
            -1 if anchor.month.is_some() && here >= now => year - 1,
            1 if anchor.month.is_some() && here <= now => year + 1,
            _ => year,
        });
        return Some(match c.day {
            Some(day) => format!("{}-{month:02}-{day:02}", year_or_placeholder(year)),
            None => format!("{}-{month:02}", year_or_placeholder(year)),
        });
    }
    if let Some(season) = c.season {
        let year = match (anchor.year, anchor.month) {
            (Some(year), Some(month)) => {
                // January and February belong to the winter of the year before.
                let current_year = if month <= 2 { year - 1 } else { year };
                let current = Season::of_month(month).index();
                Some(match n {
                    -1 if season.index() >= current => current_year - 1,
                    1 if season.index() <= current => current_year + 1,
                    _ => current_year,
                })
            }
            (year, _) => year,
        };
        return Some(format!("{}-{}", year_or_placeholder(year), season.code()));
    }
    Some(unit_value(c.unit?, anchor, n))
}

fn same(c: &Captures, anchor: Anchor, tense: Tense) -> String {
    let unit = c.unit.unwrap_or(Unit::Weekend);
    let mut shift = 0;
    if unit == Unit::Weekend {
        // Early in the week, "the weekend" is usually the one just past.
        if let Some(date) = anchor.date() {
            let weekday = date.weekday().to_monday_one_offset();
            let past = match tense {
                Tense::Past => weekday < 6,
                Tense::Present => weekday <= 2,
                Tense::Future => false,
            };
            shift = -i32::from(past);
        }
    }
    unit_value(unit, anchor, shift)
}

fn ago(c: &Captures, anchor: Anchor, direction: i32) -> String {
    if c.fuzzy {
        return if direction < 0 {
            "PAST_REF"
        } else {
            "FUTURE_REF"
        }
        .to_string();
    }
    let n = c.number.unwrap_or(1) as i32;
    match c.unit {
        Some(Unit::Decade) => match anchor.year {
            Some(year) => format!("{:04}", year + direction * n * 10),
            None => "XXXX".to_string(),
        },
        Some(Unit::Century) => match anchor.year {
            Some(year) => format!("{:02}", (year + direction * n * 100) / 100),
            None => "XX".to_string(),
        },
        Some(unit) => unit_value(unit, anchor, direction * n),
        None => "XXXX".to_string(),
    }
}

/// The calendar unit containing the reference moved by `n` units, at that
/// unit's granularity ("2019-12" for last month).
fn unit_value(unit: Unit, anchor: Anchor, n: i32) -> String {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
            let step = match unit {
                Unit::Day => n,
                _ => 0,
            };
            day_or_placeholder(offset_days(anchor, step))
        }
        Unit::Week | Unit::Weekend => {
            let week = anchor
                .date()
                .and_then(|d| d.checked_add((7 * n).days()).ok())
                .map(format_week)
                .unwrap_or_else(|| "XXXX-WXX".to_string());
            if unit == Unit::Weekend {
                format!("{week}-WE")
            } else {
                week
            }
        }
        Unit::Month => match (anchor.year, anchor.month) {
            (Some(year), Some(month)) => {
                let index = year * 12 + i32::from(month) - 1 + n;
                format!(
                    "{:04}-{:02}",
                    index.div_euclid(12),
                    index.rem_euclid(12) + 1
                )
            }
            _ => "XXXX-XX".to_string(),
        },
        Unit::Quarter => match (anchor.year, anchor.month) {
            (Some(year), Some(month)) => {
                let index = year * 4 + i32::from((month - 1) / 3) + n;
                format!("{:04}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1)
            }
            _ => "XXXX-QX".to_string(),
        },
        Unit::Year => year_or_placeholder(anchor.year.map(|y| y + n)),
        Unit::Decade => match anchor.year {
            Some(year) => format!("{}", year / 10 + n),
            None => "XXX".to_string(),
        },
        Unit::Century => match anchor.year {
            Some(year) => format!("{:02}", year / 100 + n),
            None => "XX".to_string(),
        },
    }
}

/// A lone weekday: the reference day itself when it is that weekday,
/// otherwise the nearest one before it (after it in future contexts, or
/// when it is the next day).
pub fn weekday_value(weekday: u8, anchor: Anchor, tense: Tense) -> String {
    match anchor.date() {
        Some(date) => {
            // Without a tense cue, the day after the reference is far more
            // likely "tomorrow" than six days ago.
            let days_ahead = (i32::from(weekday)
                - i32::from(date.weekday().to_monday_one_offset()))
            .rem_euclid(7);
            let forward = tense == Tense::Future || (tense == Tense::Present && days_ahead == 1);
            format_day(nearest_weekday(date, weekday, forward, true))
        }
        None => format!("XXXX-WXX-{weekday}"),
    }
}

fn nearest_weekday(date: Date, weekday: u8, forward: bool, same_day: bool) -> Date {
    let current = i32::from(date.weekday().to_monday_one_offset());
    let target = i32::from(weekday);
    let mut delta = if forward {
        (target - current).rem_euclid(7)
    } else {
        -(current - target).rem_euclid(7)
    };
    if delta == 0 && !same_day {
        delta = if forward { 7 } else { -7 };
    }
    date.checked_add(delta.days()).unwrap_or(date)
}

fn duration(c: &Captures) -> String {
    let Some(unit) = c.unit else {
        return "PXX".to_string();
    };
    if c.fuzzy || (c.plural && c.number.is_none()) {
        return match unit {
            Unit::Second => "PTXS",
            Unit::Minute => "PTXM",
            Unit::Hour => "PTXH",
            Unit::Day => "PXD",
            Unit::Weekend | Unit::Week => "PXW",
            Unit::Month => "PXM",
            Unit::Quarter => "PXQ",
            Unit::Year | Unit::Decade => "PXY",
            // TIDES units: E is a decade, C a century ("centuries" = PXC).
            Unit::Century => "PXC",
        }
        .to_string();
    }
    let n = c.number.unwrap_or(1);
    let half = |big: &str, small: u32, small_unit: &str| {
        if c.half {
            format!("{n}{big}{small}{small_unit}")
        } else {
            format!("{n}{big}")
        }
    };
    match unit {
        Unit::Second => format!("PT{n}S"),
        Unit::Minute => format!("PT{}", half("M", 30, "S")),
        Unit::Hour => format!("PT{}", half("H", 30, "M")),
        Unit::Day => {
            if c.half {
                format!("P{n}DT12H")
            } else {
                format!("P{n}D")
            }
        }
        Unit::Weekend => format!("P{}D", 2 * n),
        Unit::Week => format!("P{n}W"),
        Unit::Month => format!("P{}", half("M", 15, "D")),
        Unit::Quarter => format!("P{n}Q"),
        Unit::Year => format!("P{}", half("Y", 6, "M")),
        Unit::Decade => format!("P{}Y", 10 * n),
        Unit::Century => format!("P{}Y", 100 * n),
    }
}

fn every(c: &Captures) -> String {
    if let Some(month) = c.month {
        return format!("XXXX-{month:02}");
    }
    if let Some(weekday) = c.weekday {
        return match c.part_of_day {
            Some(part) => format!("XXXX-WXX-{weekday}T{}", part.code()),
            None => format!("XXXX-WXX-{weekday}"),
        };
    }
    duration(&Captures { fuzzy: false, ..*c })
}

fn clock(day: String, c: &Captures) -> Option<String> {
    Some(format!("{day}T{:02}:{:02}", c.hour?, c.minute.unwrap_or(0)))
}

fn offset_days(anchor: Anchor, n: i32) -> Option<Date> {
    anchor.date()?.checked_add(Span::new().days(n)).ok()
}

fn day_or_placeholder(date: Option<Date>) -> String {
    date.map(format_day)
        .unwrap_or_else(|| "XXXX-XX-XX".to_string())
}

fn year_or_placeholder(year: Option<i32>) -> String {
    match year {
        Some(year) => format!("{year:04}"),
        None => "XXXX".to_string(),
    }
}

pub fn format_day(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

pub fn format_week(date: Date) -> String {
    let week = date.iso_week_date();
    format!("{:04}-W{:02}", week.year(), week.week())
}
