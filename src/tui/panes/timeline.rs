//! The timeline: entries grouped under one heading per date, the heading of
//! the document's own date marked; each entry shows its expression, then
//! the event it dates. Durations and sets are listed only on request, in a
//! section of their own after the dated line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::analysis::timeline::display_label;
use crate::analysis::{Analysis, DateInterval, TimelineEntry, TimexType};
use crate::corpus::Corpus;
use crate::tui::app::{App, ListCursor, Pane};
use crate::tui::filters::date_range_label;
use crate::tui::text;

/// Rows one entry takes: its expression and two lines of its event.
pub const ENTRY_ROWS: usize = 3;

/// The marker of the heading holding the document's date, and its short
/// form for narrow panes.
pub const DOCUMENT_DATE_MARK: [&str; 2] = ["● story date", "● story"];

/// What one screen row of the timeline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A date heading over the entry at `position` (the first of its
    /// group); `document_date` when the date holds a document's date.
    Heading {
        position: usize,
        document_date: bool,
    },
    /// The "Durations and sets" section heading.
    Section,
    /// Row `part` (0: expression, 1..: event) of the entry at `position`.
    Entry { position: usize, part: usize },
}

/// The timeline as rows, for one choice of listing durations and sets.
#[derive(Debug, Default, Clone)]
pub struct TimelineView {
    /// Entry indices in cursor order.
    pub entries: Vec<usize>,
    pub rows: Vec<Row>,
    /// The first row of each entry of `entries`.
    pub entry_rows: Vec<usize>,
    /// For each entry of `entries`, the entry whose value labels its
    /// heading: the group's plainest value ("2024-03-03" before
    /// "2024-03-03TNI").
    pub heading_label: Vec<usize>,
    /// Durations and sets that are not listed.
    pub hidden: usize,
}

impl TimelineView {
    /// `order` is every entry index in timeline order (dated by date, then
    /// undated); durations and sets are listed after them when asked.
    pub fn build(
        corpus: &Corpus,
        analysis: &Analysis,
        order: &[usize],
        list_durations: bool,
    ) -> TimelineView {
        let is_point = |i: &usize| {
            matches!(
                analysis.timeline[*i].timex_type,
                TimexType::Date | TimexType::Time
            )
        };
        let (points, others): (Vec<usize>, Vec<usize>) = order.iter().copied().partition(is_point);
        let mut view = TimelineView::default();
        view.push_groups(corpus, analysis, &points);
        if list_durations {
            if !others.is_empty() {
                view.rows.push(Row::Section);
            }
            view.push_groups(corpus, analysis, &others);
        } else {
            view.hidden = others.len();
        }
        view
    }

    fn push_groups(&mut self, corpus: &Corpus, analysis: &Analysis, entries: &[usize]) {
        let entry = |i: usize| &analysis.timeline[i];
        for group in entries.chunk_by(|&a, &b| same_date(entry(a), entry(b))) {
            let document_date = group.iter().any(|&i| holds_document_date(corpus, entry(i)));
            let label = group
                .iter()
                .copied()
                .min_by_key(|&i| entry(i).value.len())
                .unwrap_or(group[0]);
            self.rows.push(Row::Heading {
                position: self.entries.len(),
                document_date,
            });
            for &index in group {
                let position = self.entries.len();
                self.entries.push(index);
                self.entry_rows.push(self.rows.len());
                self.heading_label.push(label);
                self.rows
                    .extend((0..ENTRY_ROWS).map(|part| Row::Entry { position, part }));
            }
        }
    }

    /// The entry at a row, or the first entry under a heading.
    pub fn entry_at_row(&self, row: usize) -> Option<usize> {
        self.rows[row.min(self.rows.len())..]
            .iter()
            .find_map(|row| match row {
                Row::Entry { position, .. } => Some(*position),
                Row::Heading { .. } | Row::Section => None,
            })
    }

    /// The first row to show so that the cursor's entry is visible (with
    /// its heading when that fits), moving as little as possible.
    pub fn scroll_for(&self, cursor: &ListCursor, height: usize) -> usize {
        let height = height.max(1);
        let Some(&first) = self.entry_rows.get(cursor.selected) else {
            return 0;
        };
        let top = match first.checked_sub(1).map(|r| self.rows[r]) {
            Some(Row::Heading { .. }) if height > ENTRY_ROWS => first - 1,
            _ => first,
        };
        let bottom = first + ENTRY_ROWS.min(height);
        let offset = if top < cursor.offset {
            top
        } else if bottom > cursor.offset + height {
            bottom - height
        } else {
            cursor.offset
        };
        offset.min(self.rows.len().saturating_sub(height))
    }
}

/// Entries share a heading when they have the same calendar interval, or,
/// undated, the same value.
fn same_date(a: &TimelineEntry, b: &TimelineEntry) -> bool {
    match (a.interval, b.interval) {
        (Some(a), Some(b)) => a == b,
        (None, None) => a.value == b.value,
        _ => false,
    }
}

/// Whether the entry is the day of its document's date (a month or year
/// that merely contains it is not marked, so one heading carries the mark).
fn holds_document_date(corpus: &Corpus, entry: &TimelineEntry) -> bool {
    let date = corpus.documents.get(entry.document).and_then(|d| d.date);
    match (entry.interval, date) {
        (Some(DateInterval { first, last }), Some(date)) => first == date && last == date,
        _ => false,
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let view = app.timeline_view();
    let range = app.search_filter().dates;
    let mut detail = format!(" ({})", view.entries.len());
    if view.hidden > 0 {
        // Durations and sets, listed by the key of `ToggleDurations`.
        detail = format!(" ({}, {} hidden)", view.entries.len(), view.hidden);
    }
    if let Some(range) = &range {
        detail.push_str(&format!(" · {}", date_range_label(range)));
    }
    let inner = super::pane_block(app, Pane::Timeline, detail, area, buf);
    if view.entries.is_empty() {
        super::render_note(app, "No dates found.", inner, buf);
        return;
    }
    let height = inner.height as usize;
    let offset = view.scroll_for(&app.timeline, height);
    for (slot, row) in view.rows.iter().skip(offset).take(height).enumerate() {
        let line = match *row {
            Row::Heading {
                position,
                document_date,
            } => heading_line(
                app,
                view.heading_label[position],
                document_date,
                inner.width,
            ),
            Row::Section => Line::styled("Durations and sets", app.theme.dim()),
            Row::Entry { position, part } => {
                entry_line(app, position, part, inner.width as usize, range.as_ref())
            }
        };
        buf.set_line(inner.x, inner.y + slot as u16, &line, inner.width);
    }
}

fn heading_line(app: &App, entry_index: usize, document_date: bool, width: u16) -> Line<'static> {
    let entry = &app.analysis.timeline[entry_index];
    let style = if entry.interval.is_some() {
        app.theme.date()
    } else {
        app.theme.dim()
    };
    let label = text::one_line(&display_label(&entry.value));
    let room =
        (width as usize).saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()));
    let mut spans = vec![Span::styled(label, style)];
    if document_date {
        let [long, short] = DOCUMENT_DATE_MARK;
        let mark = if long.chars().count() < room {
            long
        } else {
            short
        };
        spans.push(Span::raw(format!(" {mark}")));
    }
    Line::from(spans)
}

fn entry_line(
    app: &App,
    position: usize,
    part: usize,
    width: usize,
    range: Option<&DateInterval>,
) -> Line<'static> {
    let view = app.timeline_view();
    let entry = &app.analysis.timeline[view.entries[position]];
    let room = width.saturating_sub(3);
    if part > 0 {
        let event = event_lines(&entry.event, room, ENTRY_ROWS - 1)
            .into_iter()
            .nth(part - 1)
            .unwrap_or_default();
        return Line::from(vec![Span::raw("   "), Span::styled(event, app.theme.dim())]);
    }
    let is_cursor = position == app.timeline.selected;
    let in_range = |r: &DateInterval| {
        entry
            .interval
            .is_some_and(|i| i.first <= r.last && r.first <= i.last)
    };
    let marker = if is_cursor {
        "▶"
    } else if app.date_mark.is_some() && entry.interval == app.date_mark {
        "◆"
    } else if range.is_some_and(in_range) {
        "┃"
    } else if app.selected_paragraph() == Some(entry.paragraph) {
        "·"
    } else {
        " "
    };
    let mut expression = format!("“{}”", text::one_line(&entry.text));
    // A finer value than the heading's (a part of the day) is worth saying.
    let heading = &app.analysis.timeline[view.heading_label[position]];
    if heading.value != entry.value {
        let (own, shared) = (display_label(&entry.value), display_label(&heading.value));
        let finer = own.strip_prefix(shared.as_str()).unwrap_or(&own).trim();
        if text::fold(finer) != text::fold(&entry.text) {
            expression.push_str(&format!(" · {finer}"));
        }
    }
    let expression = text::truncate(&text::one_line(&expression), room);
    let line = Line::from(vec![
        Span::raw(format!(" {marker} ")),
        Span::raw(expression),
    ]);
    if is_cursor {
        line.style(app.theme.cursor(app.focus == Pane::Timeline))
    } else {
        line
    }
}

/// The event wrapped to `width`, at most `rows` lines, the last cut with `…`.
fn event_lines(event: &str, width: usize, rows: usize) -> Vec<String> {
    let event = text::one_line(event);
    let lines = text::wrap(&event, width);
    let mut out: Vec<String> = lines
        .iter()
        .take(rows)
        .map(|r| event[r.clone()].to_string())
        .collect();
    if lines.len() > rows {
        if let (Some(last), Some(cut)) = (out.last_mut(), lines.get(rows - 1)) {
            *last = text::truncate(&format!("{} …", &event[cut.start..]), width);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::corpus::{self, Corpus};

    fn entry(timex_type: TimexType, value: &str, interval: Option<(&str, &str)>) -> TimelineEntry {
        let day = |text: &str| text.parse().expect("date");
        TimelineEntry {
            id: 0,
            document: 0,
            paragraph: 0,
            start: 0,
            end: 0,
            text: value.to_string(),
            timex_type,
            value: value.to_string(),
            event: String::new(),
            entities: Vec::new(),
            interval: interval.map(|(first, last)| DateInterval {
                first: day(first),
                last: day(last),
            }),
        }
    }

    fn story() -> (Corpus, Analysis) {
        let document =
            corpus::document_from_bytes("story.txt", b"date 2020-01-24\nThe march.\n".to_vec())
                .expect("loads");
        let day = Some(("2020-01-24", "2020-01-24"));
        let timeline = vec![
            entry(TimexType::Date, "2020-01-24", day),
            entry(TimexType::Duration, "P3D", None),
            entry(TimexType::Time, "2020-01-24TMO", day),
            entry(
                TimexType::Date,
                "2018-05",
                Some(("2018-05-01", "2018-05-31")),
            ),
            entry(TimexType::Date, "PRESENT_REF", None),
            entry(TimexType::Set, "P1W", None),
        ];
        let analysis = Analysis {
            entities: Vec::new(),
            timeline,
            quotes: Vec::new(),
        };
        (Corpus::from_documents(vec![document]), analysis)
    }

    const ORDER: [usize; 6] = [3, 2, 0, 1, 4, 5];

    fn entry_rows(position: usize) -> impl Iterator<Item = Row> {
        (0..ENTRY_ROWS).map(move |part| Row::Entry { position, part })
    }

    #[test]
    fn same_day_entries_share_a_heading_and_durations_are_hidden() {
        let (corpus, analysis) = story();
        let view = TimelineView::build(&corpus, &analysis, &ORDER, false);
        assert_eq!(view.entries, vec![3, 2, 0, 4]);
        assert_eq!(view.hidden, 2);
        let heading = |position, document_date| Row::Heading {
            position,
            document_date,
        };
        let mut expected = vec![heading(0, false)];
        expected.extend(entry_rows(0));
        expected.push(heading(1, true));
        expected.extend(entry_rows(1));
        expected.extend(entry_rows(2));
        expected.push(heading(3, false));
        expected.extend(entry_rows(3));
        assert_eq!(view.rows, expected);
        assert_eq!(view.entry_rows, vec![1, 5, 8, 12]);
        // The day's heading reads "2020-01-24", not the morning.
        assert_eq!(view.heading_label[1], 0);
        assert_eq!(view.heading_label[2], 0);
        // A click on a heading selects the first entry under it.
        assert_eq!(view.entry_at_row(4), Some(1));
        assert_eq!(view.entry_at_row(9), Some(2));
        assert_eq!(view.entry_at_row(view.rows.len()), None);
    }

    #[test]
    fn durations_and_sets_are_listed_after_the_dated_line_on_request() {
        let (corpus, analysis) = story();
        let view = TimelineView::build(&corpus, &analysis, &ORDER, true);
        assert_eq!(view.entries, vec![3, 2, 0, 4, 1, 5]);
        assert_eq!(view.hidden, 0);
        let section = view.rows.iter().position(|r| *r == Row::Section);
        assert_eq!(section, Some(view.entry_rows[3] + ENTRY_ROWS));
        assert!(view.entry_rows[4] > view.entry_rows[3]);
        // Both undated, with different values: two headings.
        assert_eq!(
            view.rows[view.entry_rows[5] - 1],
            Row::Heading {
                position: 5,
                document_date: false,
            }
        );
    }

    #[test]
    fn scrolling_keeps_the_cursor_and_its_heading_in_view() {
        let (corpus, analysis) = story();
        let view = TimelineView::build(&corpus, &analysis, &ORDER, false);
        let cursor = |selected, offset| ListCursor { selected, offset };
        // Down to the last entry in a 5-row pane: its rows end the screen.
        assert_eq!(view.scroll_for(&cursor(3, 0), 5), 10);
        // Back up to the second: its heading shows above it.
        assert_eq!(view.scroll_for(&cursor(1, 10), 5), 4);
        // The third is under the same heading: no heading needed.
        assert_eq!(view.scroll_for(&cursor(2, 10), 5), 8);
        // Already in view: no move.
        assert_eq!(view.scroll_for(&cursor(1, 3), 5), 3);
    }
}
