//! The entity list: cursor, kind letter, name, mention count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, Filter, Pane};
use crate::tui::text;
use crate::tui::theme::kind_letter;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let order = &app.entity_list.shown;
    let inner = super::pane_block(app, Pane::Entities, title_detail(app), area, buf);
    if order.is_empty() {
        let note = if app.analysis.entities.is_empty() {
            "No entities found."
        } else {
            "No entity matches. Esc shows them all."
        };
        super::render_note(app, note, inner, buf);
        return;
    }
    let entities = &app.analysis.entities;
    let height = inner.height as usize;
    let offset = effective_offset(app.entities.offset, app.entities.selected, height);
    let count_width = order
        .first()
        .map_or(1, |&e| entities[e].name_count().to_string().len());
    let focused = app.focus == Pane::Entities;
    for (row, (position, &entity_index)) in order
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .enumerate()
    {
        let entity = &entities[entity_index];
        let is_cursor = position == app.entities.selected;
        let is_filter = app.filters.contains(&Filter::Entity(entity_index));
        let is_marked = app.correcting.marked.contains(&entity_index);
        let marker = match (is_cursor, is_marked, is_filter) {
            (true, _, _) => "▶",
            (false, true, _) => "◆",
            (false, false, true) => "●",
            (false, false, false) => " ",
        };
        let count = format!("{:>count_width$}", entity.name_count());
        let name_width = (inner.width as usize).saturating_sub(4 + count_width);
        let name = text::truncate(&text::one_line(&entity.name), name_width);
        let padding = name_width.saturating_sub(name.width());
        let mut name_style = ratatui::style::Style::new();
        if is_marked {
            name_style = app.theme.bold();
        }
        if is_filter {
            name_style = app
                .theme
                .bold()
                .add_modifier(ratatui::style::Modifier::UNDERLINED);
        }
        let mut line = Line::from(vec![
            Span::raw(marker),
            Span::styled(
                kind_letter(entity.kind).to_string(),
                app.theme.kind_marker(entity.kind),
            ),
            Span::raw(" "),
            Span::styled(name, name_style),
            Span::raw(" ".repeat(padding + 1)),
            Span::styled(count, app.theme.dim()),
        ]);
        if is_cursor {
            line = line.style(app.theme.cursor(focused));
        }
        buf.set_line(inner.x, inner.y + row as u16, &line, inner.width);
    }
}

/// " (12 of 3563) · P · by name · “pie”": how the list is narrowed.
fn title_detail(app: &App) -> String {
    let list = &app.entity_list;
    let total = app.analysis.entities.len();
    let mut detail = if list.shown.len() == total {
        format!(" ({total})")
    } else {
        format!(" ({} of {total})", list.shown.len())
    };
    if let Some(paragraph) = list.paragraph {
        detail.push_str(&format!(" · ¶{}", paragraph + 1));
    }
    if let Some(kind) = list.kind {
        detail.push_str(&format!(" · {}", kind_letter(kind)));
    }
    if list.sort != crate::tui::entity_list::EntitySort::Count {
        detail.push_str(&format!(" · {}", list.sort.label()));
    }
    if !list.query.is_empty() && !list.editing {
        detail.push_str(&format!(" · “{}”", text::one_line(&list.query)));
    }
    let marked = app.correcting.marked.len();
    if marked > 0 {
        detail.push_str(&format!(" · {marked} marked"));
    }
    detail
}

/// The list offset to draw with, keeping the cursor visible even when the
/// pane changed size since the last update.
pub fn effective_offset(offset: usize, selected: usize, page: usize) -> usize {
    let page = page.max(1);
    if selected < offset {
        selected
    } else if selected >= offset + page {
        selected + 1 - page
    } else {
        offset
    }
}
