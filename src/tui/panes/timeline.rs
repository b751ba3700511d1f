//! The timeline: one entry per two rows, its date label and expression,
//! then the event it dates.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::entities::effective_offset;
use crate::analysis::timeline::display_label;
use crate::tui::app::{App, Pane};
use crate::tui::filters::date_range_label;
use crate::tui::text;
use crate::tui::update::TIMELINE_ROWS;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let order = &app.index.timeline_order;
    let range = app.search_filter().dates;
    let mut detail = format!(" ({})", order.len());
    if let Some(range) = &range {
        detail.push_str(&format!(" · {}", date_range_label(range)));
    }
    let inner = super::pane_block(app, Pane::Timeline, detail, area, buf);
    if order.is_empty() {
        super::render_note(app, "No dates found.", inner, buf);
        return;
    }
    let width = inner.width as usize;
    let page = inner.height as usize / TIMELINE_ROWS;
    let offset = effective_offset(app.timeline.offset, app.timeline.selected, page.max(1));
    let focused = app.focus == Pane::Timeline;
    let selected_paragraph = app.selected_paragraph();
    for (slot, (position, &entry_index)) in order
        .iter()
        .enumerate()
        .skip(offset)
        .take(page.max(1))
        .enumerate()
    {
        let entry = &app.analysis.timeline[entry_index];
        let is_cursor = position == app.timeline.selected;
        let in_range = |r: &crate::analysis::DateInterval| {
            entry
                .interval
                .is_some_and(|i| i.first <= r.last && r.first <= i.last)
        };
        let marker = if is_cursor {
            "▶"
        } else if app
            .date_mark
            .as_ref()
            .is_some_and(|mark| entry.interval == Some(*mark))
        {
            "◆"
        } else if range.as_ref().is_some_and(in_range) {
            "┃"
        } else if selected_paragraph == Some(entry.paragraph) {
            "·"
        } else {
            " "
        };
        let label = text::one_line(&display_label(&entry.value));
        let expression = text::one_line(&entry.text);
        let date_style = if entry.interval.is_some() {
            app.theme.date()
        } else {
            app.theme.dim()
        };
        let mut spans = vec![Span::raw(marker), Span::styled(label.clone(), date_style)];
        if text::fold(&expression) != text::fold(&label) {
            let room =
                width.saturating_sub(2 + unicode_width::UnicodeWidthStr::width(label.as_str()));
            spans.push(Span::raw(" "));
            spans.push(Span::raw(text::truncate(&format!("“{expression}”"), room)));
        }
        let mut first = Line::from(spans);
        if is_cursor {
            first = first.style(app.theme.cursor(focused));
        }
        let y = inner.y + (slot * TIMELINE_ROWS) as u16;
        buf.set_line(inner.x, y, &first, inner.width);
        let event_rows = event_lines(&entry.event, width.saturating_sub(2), TIMELINE_ROWS - 1);
        for (offset, event) in event_rows.into_iter().enumerate() {
            let row = y + 1 + offset as u16;
            if row < inner.bottom() {
                let line = Line::from(vec![Span::raw("  "), Span::styled(event, app.theme.dim())]);
                buf.set_line(inner.x, row, &line, inner.width);
            }
        }
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
