//! The story views as popups over the panes (the concordance's place): the
//! document list, an entity's timeline and the distinctive words. Only the
//! rows on screen are formatted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use crate::analysis::timeline::display_label;
use crate::tui::action::Action;
use crate::tui::app::{App, ListCursor};
use crate::tui::documents::{DocumentsView, EntityTimelineView, KeynessView};
use crate::tui::text;
use crate::tui::theme::kind_letter;

use super::concordance::popup_area;
use super::entities::effective_offset;

/// Draws the open story view, if any.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let views = &app.stories;
    if let Some(view) = &views.documents {
        documents(app, view, area, buf);
    } else if let Some(view) = &views.timeline {
        entity_timeline(app, view, area, buf);
    } else if let Some(view) = &views.keyness {
        keyness(app, view, area, buf);
    }
}

fn key<'a>(app: &'a App, action: Action) -> &'a str {
    app.keymap.first_key(action).unwrap_or("?")
}

/// The popup frame; returns the inside.
fn frame(app: &App, title: String, footer: String, area: Rect, buf: &mut Buffer) -> Rect {
    let popup = popup_area(area);
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_style(app.theme.border(true))
        .title(Span::styled(title, app.theme.bold()))
        .title_bottom(Line::from(footer).right_aligned());
    let inner = block.inner(popup);
    block.render(popup, buf);
    inner
}

/// Draws `count` rows from the cursor's page, each made by `row`.
fn rows(
    app: &App,
    cursor: &ListCursor,
    count: usize,
    inner: Rect,
    buf: &mut Buffer,
    row: impl Fn(usize) -> Vec<Span<'static>>,
) {
    let page = inner.height as usize;
    let offset = effective_offset(cursor.offset, cursor.selected, page);
    for (screen_row, index) in (offset..count.min(offset + page)).enumerate() {
        let is_cursor = index == cursor.selected;
        let marker = if is_cursor {
            Span::styled("▶", app.theme.selected_gutter())
        } else {
            Span::raw(" ")
        };
        let mut spans = vec![marker];
        spans.extend(row(index));
        let mut line = Line::from(spans);
        if is_cursor {
            line = line.style(app.theme.bold());
        }
        buf.set_line(inner.x, inner.y + screen_row as u16, &line, inner.width);
    }
}

fn documents(app: &App, view: &DocumentsView, area: Rect, buf: &mut Buffer) {
    let filtering = !app.filters.is_empty();
    let title = format!(
        " Documents {} · {} marked ",
        view.rows.len(),
        view.marked.len()
    );
    let footer = format!(
        " {} jumps · {} marks · {} keeps the marked · {} closes ",
        key(app, Action::Select),
        key(app, Action::MarkDocument),
        key(app, Action::KeepDocuments),
        key(app, Action::Cancel)
    );
    let inner = frame(app, title, footer, area, buf);
    if view.rows.is_empty() {
        super::render_note(app, "No document.", inner, buf);
        return;
    }
    let width = inner.width as usize;
    rows(app, &view.cursor, view.rows.len(), inner, buf, |index| {
        let row = &view.rows[index];
        let marked = if view.marked.binary_search(&row.document).is_ok() {
            "✓"
        } else {
            " "
        };
        // "●" when the current filters show some of its paragraphs.
        let in_filter = if filtering && row.in_filter(&app.visible) {
            "●"
        } else {
            " "
        };
        let date = row.date.map_or("no date   ".to_string(), |d| d.to_string());
        let counts = format!("{:>5} ¶ {:>4} ent ", row.paragraphs.len(), row.entities);
        let title_width = width.saturating_sub(1 + 2 + 2 + 11 + counts.len() + 1);
        vec![
            Span::styled(format!("{marked} "), app.theme.bold()),
            Span::styled(format!("{in_filter} "), app.theme.date()),
            Span::styled(format!("{date} "), app.theme.date()),
            Span::styled(counts, app.theme.dim()),
            Span::raw(text::truncate(&text::one_line(&row.title), title_width)),
        ]
    });
}

fn entity_timeline(app: &App, view: &EntityTimelineView, area: Rect, buf: &mut Buffer) {
    let name = app
        .analysis
        .entities
        .get(view.entity)
        .map(|e| format!("{} {}", kind_letter(e.kind), e.name))
        .unwrap_or_default();
    let title = format!(
        " Timeline of {}: {} events ",
        text::truncate(&text::one_line(&name), 50),
        view.events.len()
    );
    let footer = format!(
        " {} jumps to the event · {} closes ",
        key(app, Action::Select),
        key(app, Action::Cancel)
    );
    let inner = frame(app, title, footer, area, buf);
    let width = inner.width as usize;
    let several = app.corpus.documents.len() > 1;
    rows(app, &view.cursor, view.events.len(), inner, buf, |index| {
        let event = &view.events[index];
        let date = text::truncate(&display_label(&event.value), 18);
        let document = if several {
            app.corpus
                .documents
                .get(event.document)
                .map(|d| text::truncate(&text::one_line(&d.title), 28))
                .unwrap_or_default()
        } else {
            String::new()
        };
        let origin = if event.timeline.is_some() { " " } else { "·" };
        let event_width = width.saturating_sub(1 + 19 + 2 + document.chars().count() + 2);
        vec![
            Span::styled(format!("{date:<18} "), app.theme.date()),
            Span::styled(format!("{origin} "), app.theme.dim()),
            Span::raw(format!(
                "{:<event_width$}  ",
                text::truncate(&event.event, event_width)
            )),
            Span::styled(document, app.theme.dim()),
        ]
    });
}

fn keyness(app: &App, view: &KeynessView, area: Rect, buf: &mut Buffer) {
    let title = format!(
        " Distinctive words of {} ",
        text::truncate(&text::one_line(&view.subject), 60)
    );
    let footer = format!(
        " log-likelihood vs the rest · {} filters by the word · {} closes ",
        key(app, Action::Select),
        key(app, Action::Cancel)
    );
    let inner = frame(app, title, footer, area, buf);
    if view.keywords.is_empty() {
        super::render_note(app, "No word stands out (LL ≥ 3.84, 2+ hits).", inner, buf);
        return;
    }
    let header = Line::styled(
        format!("  {:<24} {:>7} {:>7} {:>9}", "word", "here", "rest", "LL"),
        app.theme.dim(),
    );
    buf.set_line(inner.x, inner.y, &header, inner.width);
    let list = Rect::new(
        inner.x,
        inner.y + 1,
        inner.width,
        inner.height.saturating_sub(1),
    );
    rows(app, &view.cursor, view.keywords.len(), list, buf, |index| {
        let keyword = &view.keywords[index];
        vec![Span::raw(format!(
            " {:<24} {:>7} {:>7} {:>9.1}",
            text::truncate(&keyword.word, 24),
            keyword.target,
            keyword.reference,
            keyword.log_likelihood
        ))]
    });
}

/// For a story of dated documents, the card's "By date" strip (mentions per
/// publication month), its axis and the document of first appearance.
pub fn trend_rows(app: &App, entity: usize, label: usize, room: usize) -> Vec<Line<'static>> {
    use crate::analysis::{profile::dispersion_strip, trends};
    let Some(data) = app.analysis.entities.get(entity) else {
        return Vec::new();
    };
    let Some(trend) = trends::by_month(app.corpus, data) else {
        return Vec::new();
    };
    let name = |text: &str| Span::styled(format!("{text:<label$}"), app.theme.bold());
    let width = room.saturating_sub(2);
    let strip = dispersion_strip(&trend.counts, width);
    let (first, last) = (
        trend.first_month.strftime("%Y-%m").to_string(),
        trend.last_month.strftime("%Y-%m").to_string(),
    );
    let axis = if width + 2 > first.len() + last.len() {
        format!(
            "{first}{}{last}",
            " ".repeat(width + 2 - first.len() - last.len())
        )
    } else {
        String::new()
    };
    let mut rows = vec![
        Line::from(vec![
            name("By date"),
            Span::styled("▕", app.theme.dim()),
            Span::styled(strip, app.theme.date()),
            Span::styled("▏", app.theme.dim()),
        ]),
        Line::from(vec![
            Span::raw(" ".repeat(label)),
            Span::styled(axis, app.theme.dim()),
        ]),
    ];
    if let Some(doc) =
        trends::first_document(app.corpus, data).and_then(|d| app.corpus.documents.get(d))
    {
        let date = doc.date.map_or(String::new(), |d| format!("{d} "));
        let first_in = format!("{date}{}", text::one_line(&doc.title));
        rows.push(Line::from(vec![
            name("First in"),
            Span::raw(text::truncate(&first_in, room)),
        ]));
    }
    rows
}
