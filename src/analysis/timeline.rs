//! Timeline entries: temporal expressions with the calendar interval they
//! cover, the event they date and the entities taking part.

use std::ops::Range;

use jiff::civil::{Date, ISOWeekDate, Weekday};

use super::timex::TimeExpression;
use super::{DateInterval, Entity, TimelineEntry, TimexType};
use crate::corpus::Corpus;

/// A temporal expression placed in its document, paragraph and sentence.
pub struct Located {
    pub document: usize,
    pub paragraph: usize,
    pub expression: TimeExpression,
    /// Byte range of the sentence that holds the expression.
    pub sentence: Range<usize>,
}

/// Longest event text, in bytes, before it is trimmed around the expression.
const EVENT_BUDGET: usize = 80;

/// Builds the timeline of the located expressions: [`events`], then
/// [`attach_entities`].
pub fn build(corpus: &Corpus, located: Vec<Located>, entities: &[Entity]) -> Vec<TimelineEntry> {
    attach_entities(events(corpus, located), entities)
}

/// A timeline entry as far as the text alone makes it: its entities come
/// with [`attach_entities`], once the mentions are clustered.
pub struct Pending {
    entry: TimelineEntry,
    /// The event's clause, where its entities are looked for.
    clause: Range<usize>,
}

/// The entries of the located expressions, without entities: this reads
/// only the text, so the merge runs it beside the clustering.
pub fn events(corpus: &Corpus, located: Vec<Located>) -> Vec<Pending> {
    located
        .into_iter()
        .map(|l| {
            let text = &corpus.documents[l.document].text;
            let expr = l.expression;
            let clause = event_span(text, l.sentence.clone(), expr.start..expr.end);
            let interval = match expr.timex_type {
                TimexType::Date | TimexType::Time => interval(&expr.value),
                TimexType::Duration | TimexType::Set => None,
            };
            let entry = TimelineEntry {
                id: 0,
                document: l.document,
                paragraph: l.paragraph,
                start: expr.start,
                end: expr.end,
                text: text[expr.start..expr.end].to_string(),
                timex_type: expr.timex_type,
                interval,
                value: expr.value,
                event: one_line(&text[clause.clone()]),
                entities: Vec::new(),
            };
            Pending { entry, clause }
        })
        .collect()
}

/// The timeline: each entry with the entities named in its clause, those
/// with a calendar interval by interval start then text position, the
/// others (durations, sets, placeholders) after them in text order.
pub fn attach_entities(pending: Vec<Pending>, entities: &[Entity]) -> Vec<TimelineEntry> {
    let mentions = MentionIndex::new(entities);
    let mut entries: Vec<TimelineEntry> = pending
        .into_iter()
        .map(|Pending { mut entry, clause }| {
            entry.entities = mentions.entities_within(entry.document, clause);
            entry
        })
        .collect();
    entries.sort_by_key(|e| {
        (
            e.interval.is_none(),
            e.interval.map(|i| i.first),
            e.document,
            e.start,
        )
    });
    for (id, entry) in entries.iter_mut().enumerate() {
        entry.id = id;
    }
    entries
}

/// Entity mentions sorted by position, to find those inside a clause
/// without scanning every mention for every entry.
struct MentionIndex {
    /// (document, start, end, entity id), sorted.
    mentions: Vec<(usize, usize, usize, usize)>,
}

impl MentionIndex {
    fn new(entities: &[Entity]) -> MentionIndex {
        let mut mentions: Vec<_> = entities
            .iter()
            .flat_map(|e| e.names().map(move |m| (m.document, m.start, m.end, e.id)))
            .collect();
        mentions.sort_unstable();
        MentionIndex { mentions }
    }

    /// Ids of the entities with a mention inside `range` of `document`, sorted.
    fn entities_within(&self, document: usize, range: Range<usize>) -> Vec<usize> {
        let first = self
            .mentions
            .partition_point(|&(d, start, _, _)| (d, start) < (document, range.start));
        let mut ids: Vec<usize> = self.mentions[first..]
            .iter()
            .take_while(|&&(d, start, _, _)| d == document && start < range.end)
            .filter(|&&(_, _, end, _)| end <= range.end)
            .map(|&(_, _, _, id)| id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

// ---------------------------------------------------------------- intervals

/// The first and last day a TIMEX3 value covers: `2018-05` is May 1-31,
/// `199X` the 1990s, `2020-W04` its seven days. `None` for placeholders,
/// durations, sets and references such as `PRESENT_REF`.
pub fn interval(value: &str) -> Option<DateInterval> {
    let date_part = value.split('T').next().unwrap_or(value);
    let parts: Vec<&str> = date_part.split('-').collect();
    let year_text = *parts.first()?;
    if !year_text.bytes().all(|b| b.is_ascii_digit()) {
        return coarse_interval(year_text).filter(|_| parts.len() == 1);
    }
    let year: i16 = year_text.parse().ok()?;
    if year_text.len() != 4 {
        return coarse_interval(year_text).filter(|_| parts.len() == 1);
    }
    match parts.as_slice() {
        [_] => span(Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?),
        [_, second] => second_part_interval(year, second),
        [_, month, day] if month.len() == 2 && day.len() == 2 => {
            let date = Date::new(year, month.parse().ok()?, day.parse().ok()?).ok()?;
            span(date, date)
        }
        [_, week, "WE"] => {
            let week: i8 = week.strip_prefix('W')?.parse().ok()?;
            let saturday = ISOWeekDate::new(year, week, Weekday::Saturday).ok()?.date();
            span(saturday, saturday.tomorrow().ok()?)
        }
        _ => None,
    }
}

/// "1990s" as `199X` or `199`, a century as `19`.
fn coarse_interval(text: &str) -> Option<DateInterval> {
    let digits = text.strip_suffix('X').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let prefix: i16 = digits.parse().ok()?;
    let (first, years) = match digits.len() {
        3 => (prefix * 10, 10),
        2 => (prefix * 100, 100),
        _ => return None,
    };
    span(
        Date::new(first, 1, 1).ok()?,
        Date::new(first + years - 1, 12, 31).ok()?,
    )
}

/// `2018-05`, `2020-W04`, `1998-Q1`, `1998-H2`, `2018-SU`.
fn second_part_interval(year: i16, part: &str) -> Option<DateInterval> {
    if let Ok(month) = part.parse::<i8>() {
        let first = Date::new(year, month, 1).ok()?;
        return span(first, first.last_of_month());
    }
    let (kind, number) = part.split_at(1);
    let months = |first_month: i8, count: i8| {
        let first = Date::new(year, first_month, 1).ok()?;
        let last = Date::new(year, first_month + count - 1, 1)
            .ok()?
            .last_of_month();
        span(first, last)
    };
    match (kind, number.parse::<i8>()) {
        ("W", Ok(week)) => {
            let monday = ISOWeekDate::new(year, week, Weekday::Monday).ok()?.date();
            span(monday, monday.checked_add(jiff::Span::new().days(6)).ok()?)
        }
        ("Q", Ok(quarter @ 1..=4)) => months((quarter - 1) * 3 + 1, 3),
        ("H", Ok(half @ 1..=2)) => months((half - 1) * 6 + 1, 6),
        _ => match part {
            "SP" => months(3, 3),
            "SU" => months(6, 3),
            "FA" => months(9, 3),
            "WI" => span(
                Date::new(year, 12, 1).ok()?,
                Date::new(year.checked_add(1)?, 3, 1)
                    .ok()?
                    .yesterday()
                    .ok()?,
            ),
            _ => None,
        },
    }
}

fn span(first: Date, last: Date) -> Option<DateInterval> {
    Some(DateInterval { first, last })
}

// ------------------------------------------------------------------- labels

const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A short label for a TIMEX3 value at its own granularity: "2003",
/// "May 2018", "Dec 2019", "Fri 24 Jan 2020", "1990s", "Q1 1998",
/// "week 4 2020", "Fri 24 Jan 2020 08:30", "Fri 24 Jan 2020 morning".
/// Values it cannot read are returned as they are.
pub fn display_label(value: &str) -> String {
    label(value).unwrap_or_else(|| value.to_string())
}

fn label(value: &str) -> Option<String> {
    match value {
        "PRESENT_REF" => return Some("now".into()),
        "PAST_REF" => return Some("the past".into()),
        "FUTURE_REF" => return Some("the future".into()),
        _ => {}
    }
    if let Some(duration) = value.strip_prefix('P') {
        return duration_label(duration);
    }
    if let Some(weekday) = value.strip_prefix("XXXX-WXX-") {
        let day: usize = weekday.get(..1)?.parse().ok()?;
        return Some(format!("every {}", WEEKDAY_NAMES.get(day.checked_sub(1)?)?));
    }
    let (date_part, time_part) = match value.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (value, None),
    };
    let parts: Vec<&str> = date_part.split('-').collect();
    let year = parts.first().copied()?;
    let year_label = if year.bytes().all(|b| b.is_ascii_digit()) && year.len() == 4 {
        year.trim_start_matches('0').to_string()
    } else if year == "XXXX" {
        "?".to_string()
    } else {
        return coarse_label(year).filter(|_| parts.len() == 1);
    };
    let date_label = match parts.as_slice() {
        [_] => year_label,
        [_, month, day] if month.len() == 2 && day.len() == 2 => {
            match (year.parse::<i16>(), month.parse::<i8>(), day.parse::<i8>()) {
                (Ok(y), Ok(m), Ok(d)) => {
                    let date = Date::new(y, m, d).ok()?;
                    let weekday =
                        WEEKDAY_NAMES[usize::from(date.weekday().to_monday_zero_offset() as u8)];
                    format!("{weekday} {d} {} {y}", MONTH_NAMES[m as usize - 1])
                }
                (_, Ok(m @ 1..=12), Ok(d)) => {
                    format!("{d} {} {year_label}", MONTH_NAMES[m as usize - 1])
                }
                _ => return None,
            }
        }
        [_, week, "WE"] => format!(
            "weekend of week {} {year_label}",
            week.strip_prefix('W')?.trim_start_matches('0')
        ),
        [_, part] => part_label(part, &year_label)?,
        _ => return None,
    };
    Some(match time_part {
        Some(time) => format!("{date_label} {}", time_label(time)),
        None => date_label,
    })
}

fn part_label(part: &str, year: &str) -> Option<String> {
    if let Ok(month @ 1..=12) = part.parse::<usize>() {
        return Some(format!("{} {year}", MONTH_NAMES[month - 1]));
    }
    if part == "XX" {
        return Some(year.to_string());
    }
    let (kind, number) = part.split_at(1);
    Some(match kind {
        "W" => format!("week {} {year}", number.trim_start_matches('0')),
        "Q" => format!("Q{number} {year}"),
        "H" => format!("H{number} {year}"),
        _ => {
            let season = match part {
                "SP" => "spring",
                "SU" => "summer",
                "FA" => "autumn",
                "WI" => "winter",
                _ => return None,
            };
            format!("{season} {year}")
        }
    })
}

fn coarse_label(text: &str) -> Option<String> {
    let digits = text.strip_suffix('X').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let prefix: u32 = digits.parse().ok()?;
    match digits.len() {
        3 => Some(format!("{}0s", prefix)),
        2 => {
            let century = prefix + 1;
            let suffix = match century % 10 {
                1 if century % 100 != 11 => "st",
                2 if century % 100 != 12 => "nd",
                3 if century % 100 != 13 => "rd",
                _ => "th",
            };
            Some(format!("{century}{suffix} century"))
        }
        _ => None,
    }
}

fn time_label(time: &str) -> String {
    match time {
        "MO" => "morning".into(),
        "AF" => "afternoon".into(),
        "EV" => "evening".into(),
        "NI" => "night".into(),
        other => other.to_string(),
    }
}

/// "3D" -> "3 days", "XY" -> "years", "T5H30M" -> "5 hours 30 minutes".
fn duration_label(duration: &str) -> Option<String> {
    let mut out = Vec::new();
    let mut number = String::new();
    for c in duration.chars() {
        if c == 'T' {
            continue;
        }
        if c.is_ascii_digit() || c == 'X' {
            number.push(c);
            continue;
        }
        let minutes_after_t =
            duration.contains('T') && c == 'M' && duration.find('T') < duration.rfind('M');
        let unit = match c {
            'Y' => "year",
            'M' if minutes_after_t => "minute",
            'M' => "month",
            'W' => "week",
            'D' => "day",
            'H' => "hour",
            'S' => "second",
            // TIDES duration units: E a decade, C a century, L a millennium.
            'E' => "decade",
            'C' => "century",
            'Q' => "quarter",
            'L' => "millennium",
            _ => return None,
        };
        let plural = match unit {
            "century" => "centuries".to_string(),
            "millennium" => "millennia".to_string(),
            _ => format!("{unit}s"),
        };
        out.push(match number.as_str() {
            "X" | "" => plural,
            "1" => format!("1 {unit}"),
            n => format!("{n} {plural}"),
        });
        number.clear();
    }
    (!out.is_empty()).then(|| out.join(" "))
}

// ------------------------------------------------------------------- events

/// Words that open a new clause: the event stops before them.
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "while", "whereas", "although", "though", "because", "which", "who", "whose",
    "whom", "where", "when", "after", "before", "since", "as", "if", "unless", "until", "that",
    "so", "whether",
];

/// Words that make a poor last word of a one-line event.
const LOOSE_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "for", "with", "by", "at", "from", "and", "or",
    "but", "that", "which", "who", "its", "their", "his", "her",
];

/// Words that make a poor first word (articles and possessives may stay).
const LOOSE_FIRST_WORDS: &[&str] = &[
    "of", "to", "in", "on", "for", "with", "by", "at", "from", "and", "or", "but", "that", "which",
    "who",
];

/// The byte range of the event an expression dates: its clause within the
/// sentence (cut at punctuation, conjunctions and relative pronouns),
/// widened when that leaves only an adverbial ("On Friday,"), then trimmed
/// to about [`EVENT_BUDGET`] bytes around the expression.
pub fn event_span(text: &str, sentence: Range<usize>, expression: Range<usize>) -> Range<usize> {
    let sentence = sentence_around(text, sentence, expression.clone());
    let words = words_in(text, sentence.clone());
    let Some(first) = words.iter().position(|w| w.end > expression.start) else {
        return expression;
    };
    let last = words
        .iter()
        .rposition(|w| w.start < expression.end)
        .unwrap_or(first);
    let (mut left, mut right) = clause_bounds(text, &words, first, last, true);
    // Alone, the expression dates nothing: "since" or "as" around it was a
    // preposition, not a new clause ("fell to lows not seen since October 1982").
    if right - left <= last - first {
        (left, right) = clause_bounds(text, &words, first, last, false);
    }
    // A bare opening adverbial ("On Friday,") says nothing: take the
    // clause after it.
    let short = words[right].end - words[left].start < 25;
    if left == 0 && short && right + 1 < words.len() && ends_with_comma(text, &words[right]) {
        right += 1;
        while right + 1 < words.len() && !closes_clause(text, &words[right..=right + 1], true) {
            right += 1;
        }
    }
    trim_to_budget(text, &words, left, right, first, last)
}

/// The words of the clause around words `first..=last`, cut at punctuation
/// and, when `at_clause_words`, at conjunctions and relative pronouns.
fn clause_bounds(
    text: &str,
    words: &[Range<usize>],
    first: usize,
    last: usize,
    at_clause_words: bool,
) -> (usize, usize) {
    let (mut left, mut right) = (first, last);
    while left > 0 && !opens_clause(text, &words[left - 1..=left], at_clause_words) {
        left -= 1;
    }
    while right + 1 < words.len()
        && !closes_clause(text, &words[right..=right + 1], at_clause_words)
    {
        right += 1;
    }
    (left, right)
}

/// How far from the expression a sentence boundary is looked for.
const SENTENCE_REACH: usize = 400;

/// The sentence holding the expression, within the given sentence range:
/// it also stops at blank lines (headlines, datelines) and at a period,
/// `!` or `?` followed by a space and a capital, so that a period inside a
/// number or a missed split does not join two sentences.
fn sentence_around(text: &str, given: Range<usize>, expression: Range<usize>) -> Range<usize> {
    let floor = given
        .start
        .min(expression.start)
        .max(expression.start.saturating_sub(SENTENCE_REACH));
    let ceiling = given
        .end
        .max(expression.end)
        .min(text.len())
        .min(expression.end + SENTENCE_REACH);
    let floor = (0..=floor)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let ceiling = (ceiling..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let before = &text[floor..expression.start];
    let start = boundary_positions(before)
        .last()
        .map_or(floor, |end| floor + end);
    let after = &text[expression.end..ceiling];
    let end = boundary_positions(after)
        .next()
        .map_or(ceiling, |end| expression.end + end);
    start..end
}

/// Byte offsets just after each sentence boundary in `text`: a blank line,
/// or `.`/`!`/`?` followed by whitespace and an upper-case letter or quote.
fn boundary_positions(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    (0..bytes.len()).filter_map(move |i| {
        if bytes[i] == b'\n' {
            let next_line = text[i + 1..].trim_start_matches([' ', '\t', '\r']);
            return next_line.starts_with('\n').then_some(i + 1);
        }
        if !matches!(bytes[i], b'.' | b'!' | b'?') {
            return None;
        }
        let rest = &text[i + 1..];
        let trimmed = rest.trim_start();
        let spaced = trimmed.len() < rest.len();
        let opens = trimmed
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '\u{201c}' | '\''));
        (spaced && opens).then_some(i + 1)
    })
}

/// Whitespace-separated words with surrounding quotes and brackets cut off.
fn words_in(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let slice = &text[range.clone()];
    let mut words = Vec::new();
    let mut offset = 0;
    for piece in slice.split_inclusive(char::is_whitespace) {
        let trimmed = piece.trim_end();
        if !trimmed.is_empty() {
            let start = range.start + offset;
            words.push(start..start + trimmed.len());
        }
        offset += piece.len();
    }
    words
}

fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

fn is_clause_word(word: &str) -> bool {
    let word = bare(word);
    CLAUSE_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

fn ends_with_comma(text: &str, word: &Range<usize>) -> bool {
    text[word.clone()].ends_with([',', ';', ':'])
}

/// Whether a clause starts at `pair[1]` (given the word before it).
fn opens_clause(text: &str, pair: &[Range<usize>], at_clause_words: bool) -> bool {
    let before = &text[pair[0].clone()];
    let word = &text[pair[1].clone()];
    before.ends_with([',', ';', ':', '(', '"', '\u{201c}', '\u{201d}'])
        || matches!(before, "-" | "\u{2013}" | "\u{2014}")
        || word.starts_with(['(', '"', '\u{201c}'])
        || (at_clause_words && is_clause_word(before))
}

/// Whether the clause ends after `pair[0]`.
fn closes_clause(text: &str, pair: &[Range<usize>], at_clause_words: bool) -> bool {
    let word = &text[pair[0].clone()];
    let next = &text[pair[1].clone()];
    word.ends_with([',', ';', ':', ')', '"', '\u{201c}', '\u{201d}'])
        || matches!(next, "-" | "\u{2013}" | "\u{2014}")
        || next.starts_with(['(', '"', '\u{201c}'])
        || (at_clause_words && is_clause_word(next))
}

/// Drops words from the longer side until the event fits the budget, then
/// loose function words at both ends.
fn trim_to_budget(
    text: &str,
    words: &[Range<usize>],
    mut left: usize,
    mut right: usize,
    first: usize,
    last: usize,
) -> Range<usize> {
    let length = |l: usize, r: usize| words[r].end - words[l].start;
    while length(left, right) > EVENT_BUDGET && (left < first || right > last) {
        let left_size = words[first].start - words[left].start;
        let right_size = words[right].end - words[last].end;
        if right > last && right_size >= left_size {
            right -= 1;
        } else if left < first {
            left += 1;
        } else {
            right -= 1;
        }
    }
    let loose = |i: usize, list: &[&str]| {
        let word = bare(&text[words[i].clone()]);
        list.iter().any(|w| word.eq_ignore_ascii_case(w))
    };
    while left < first && loose(left, LOOSE_FIRST_WORDS) {
        left += 1;
    }
    while right > last && loose(right, LOOSE_WORDS) {
        right -= 1;
    }
    let start = words[left].start;
    let raw = &text[start..words[right].end];
    let without_tail = raw.trim_end_matches([',', ';', ':', '.', '-', '\u{2013}', '\u{2014}']);
    let trimmed = without_tail.trim_start_matches(['"', '\u{201c}', '(']);
    let begin = start + (without_tail.len() - trimmed.len());
    begin..begin + trimmed.len()
}

/// Collapses whitespace so the event reads on one line.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
