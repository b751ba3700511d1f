//! The help overlay, generated from the key map so it always lists every
//! key the app answers to.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use crate::analysis::EntityKind;
use crate::tui::app::App;
use crate::tui::theme::kind_letter;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = rows(app, area);
    let width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 4;
    let height = lines.len() as u16 + 2;
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(popup);
    Clear.render(popup, buf);
    let visible = popup.height.saturating_sub(2) as usize;
    let max_scroll = lines.len().saturating_sub(visible);
    let scroll = app.help.unwrap_or(0).min(max_scroll);
    let footer = match (scroll > 0, scroll < max_scroll) {
        (false, false) => " ? or Esc closes ",
        (false, true) => " ↓ more: j · ? or Esc closes ",
        (true, true) => " ↑↓ more: k/j · ? or Esc closes ",
        (true, false) => " ↑ more: k · ? or Esc closes ",
    };
    let block = Block::bordered()
        .border_style(app.theme.border(true))
        .title(Span::styled(" Keys ", app.theme.bold()))
        .title_bottom(Line::from(footer).right_aligned());
    let inner = block.inner(popup);
    block.render(popup, buf);
    for (row, line) in lines.iter().skip(scroll).take(visible).enumerate() {
        buf.set_line(
            inner.x + 1,
            inner.y + row as u16,
            line,
            inner.width.saturating_sub(1),
        );
    }
}

/// The help as drawn on a screen of `area`: in two columns when one would
/// not fit the height and two fit the width.
pub fn rows(app: &App, area: Rect) -> Vec<Line<'static>> {
    let lines = lines(app);
    let column = lines.iter().map(Line::width).max().unwrap_or(0);
    const GAP: usize = 3;
    let fits_one = lines.len() + 2 <= area.height as usize;
    let fits_two = 2 * column + GAP + 4 <= area.width as usize;
    if fits_one || !fits_two {
        return lines;
    }
    // Split at the section start nearest the middle (a blank line).
    let middle = lines.len().div_ceil(2);
    let split = (0..lines.len())
        .filter(|&i| lines[i].width() == 0)
        .min_by_key(|&i| i.abs_diff(middle))
        .unwrap_or(middle);
    let (left, right) = lines.split_at(split);
    let right = &right[1.min(right.len())..]; // drop the blank separator
    (0..left.len().max(right.len()))
        .map(|row| {
            let mut spans = Vec::new();
            if let Some(line) = left.get(row) {
                spans.extend(line.spans.iter().cloned());
            }
            let used = left.get(row).map_or(0, Line::width);
            spans.push(Span::raw(" ".repeat(column - used + GAP)));
            if let Some(line) = right.get(row) {
                spans.extend(line.spans.iter().cloned());
            }
            Line::from(spans)
        })
        .collect()
}

/// The help text: one section per key-map section, then mouse and kinds.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let bindings = app.keymap.bindings();
    let key_width = bindings
        .iter()
        .map(|b| b.keys.join(", ").width())
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    let mut section = None;
    for binding in bindings {
        if section != Some(&binding.section) {
            if section.is_some() {
                lines.push(Line::raw(""));
            }
            section = Some(&binding.section);
            lines.push(Line::styled(binding.section.clone(), app.theme.bold()));
        }
        let keys = binding.keys.join(", ");
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys:<key_width$}  "), app.theme.date()),
            Span::raw(binding.description.clone()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Mouse", app.theme.bold()));
    lines.push(Line::raw(
        "  wheel scrolls; a click focuses a pane and selects",
    ));
    lines.push(Line::raw("  a click on a concordance line jumps there"));
    lines.push(Line::raw(""));
    lines.push(Line::styled("Entity kinds", app.theme.bold()));
    let kinds: Vec<Span> = EntityKind::ALL
        .into_iter()
        .flat_map(|kind| {
            [
                Span::raw("  "),
                Span::styled(kind_letter(kind).to_string(), app.theme.kind_marker(kind)),
                Span::styled(format!(" {}", kind.as_str()), app.theme.mention(kind)),
            ]
        })
        .collect();
    lines.push(Line::from(kinds));
    lines.push(Line::raw("  C- is Ctrl, S- is Shift"));
    lines
}
