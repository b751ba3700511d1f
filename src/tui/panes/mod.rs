//! Drawing: one module per pane. Every function here reads the state and
//! writes cells; none changes the state.

pub mod card;
pub mod card_quotes;
pub mod concordance;
pub mod entities;
pub mod help;
pub mod paragraphs;
pub mod status;
pub mod stories;
pub mod timeline;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use ratatui::Frame;

use super::app::{App, Pane};
use super::layout;

/// Draws one whole frame.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let areas = layout::areas(area, app.focus);
    let buf = frame.buffer_mut();
    if let Some(rect) = areas.entities {
        entities::render(app, rect, buf);
    }
    if let Some(rect) = areas.paragraphs {
        paragraphs::render(app, rect, buf);
    }
    if let Some(rect) = areas.timeline {
        timeline::render(app, rect, buf);
    }
    if let Some(rect) = areas.tabs {
        render_tabs(app, rect, buf);
    }
    status::render(app, areas.status, buf);
    if let Some(view) = &app.concordance {
        concordance::render(app, view, area, buf);
    }
    stories::render(app, area, buf);
    if let Some(card) = &app.card {
        card::render(app, card, area, buf);
    }
    if app.help.is_some() {
        help::render(app, area, buf);
    }
}

/// The analysis gauge shown while a big story is analysed.
pub fn draw_progress(
    frame: &mut Frame,
    progress: crate::progress::Progress,
    quit_key: &str,
    typed_ahead: usize,
) {
    use ratatui::layout::{Constraint, Flex, Layout};
    use ratatui::widgets::Gauge;
    let [row] = Layout::vertical([Constraint::Length(3)])
        .flex(Flex::Center)
        .areas(frame.area());
    let [row] = Layout::horizontal([Constraint::Max(70)])
        .flex(Flex::Center)
        .areas(row);
    let gauge = Gauge::default()
        .block(Block::bordered().title(progress_title(quit_key, typed_ahead)))
        .ratio(progress.fraction().clamp(0.0, 1.0))
        .label(progress.label());
    frame.render_widget(gauge, row);
}

/// " storyscope · q quits · 3 keys typed ahead ".
fn progress_title(quit_key: &str, typed_ahead: usize) -> String {
    let mut title = format!(" storyscope · {quit_key} quits ");
    if typed_ahead > 0 {
        let plural = if typed_ahead == 1 { "" } else { "s" };
        title.push_str(&format!("· {typed_ahead} key{plural} typed ahead "));
    }
    title
}

/// The bordered frame of a pane, its number and title, the border bright
/// when it has focus; returns the inside.
pub fn pane_block(app: &App, pane: Pane, detail: String, area: Rect, buf: &mut Buffer) -> Rect {
    let focused = app.focus == pane;
    let number = Pane::ALL.iter().position(|p| *p == pane).unwrap_or(0) + 1;
    let marker = if focused { "▸" } else { " " };
    let title = format!("{marker}{number} {}{detail} ", pane.title());
    let block = Block::bordered()
        .border_style(app.theme.border(focused))
        .title(Span::styled(title, app.theme.bold()));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// A centred note inside an empty pane.
pub fn render_note(app: &App, note: &str, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let top = area.height.saturating_sub(1) / 3;
    let rect = Rect::new(area.x, area.y + top, area.width, area.height - top);
    Paragraph::new(Line::styled(note.to_string(), app.theme.dim()))
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(rect, buf);
}

/// The pane switcher shown when only one pane fits.
fn render_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    for (index, pane) in Pane::ALL.into_iter().enumerate() {
        let marker = if pane == app.focus { "▸" } else { " " };
        let label = format!("{marker}{} {} ", index + 1, pane.title());
        let style = if pane == app.focus {
            app.theme.cursor(true)
        } else {
            app.theme.dim()
        };
        spans.push(Span::styled(label, style));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}
