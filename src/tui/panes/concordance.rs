//! The concordance popup: one keyword-in-context line per hit, keywords
//! aligned in one column and highlighted, the paragraph number in front.
//! Only the rows on screen are formatted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::App;
use crate::tui::concordance::{layout_for, speech_layout, ConcordanceView};
use crate::tui::text;

/// The popup covers everything but the status bar, with a margin.
pub fn popup_area(area: Rect) -> Rect {
    let height = area.height.saturating_sub(1);
    let margin = u16::from(area.width >= 60);
    Rect::new(
        area.x + margin,
        area.y,
        area.width.saturating_sub(2 * margin),
        height,
    )
}

/// Lines shown at once.
pub fn rows_shown(area: Rect) -> usize {
    (popup_area(area).height.saturating_sub(2) as usize).max(1)
}

pub fn render(app: &App, view: &ConcordanceView, area: Rect, buf: &mut Buffer) {
    let popup = popup_area(area);
    Clear.render(popup, buf);
    let total = view.concordance.len();
    let position = if total == 0 {
        String::new()
    } else {
        format!(" {}/{total}", view.cursor.selected + 1)
    };
    let title = format!(
        " Concordance: {}{position} ",
        text::truncate(&text::one_line(&view.title), 60)
    );
    let key = |action| app.keymap.first_key(action).unwrap_or("?");
    use crate::tui::action::Action;
    let footer = format!(
        " {} jumps to the paragraph · {} closes ",
        key(Action::Select),
        key(Action::Cancel)
    );
    let block = Block::bordered()
        .border_style(app.theme.border(true))
        .title(Span::styled(title, app.theme.bold()))
        .title_bottom(Line::from(footer).right_aligned());
    let inner = block.inner(popup);
    block.render(popup, buf);
    if total == 0 {
        super::render_note(app, "No occurrence.", inner, buf);
        return;
    }
    let number_width = app.index.number_width;
    // "▶ 123 " before the context.
    let prefix = number_width + 3;
    let page = inner.height as usize;
    let offset = super::entities::effective_offset(view.cursor.offset, view.cursor.selected, page);
    let columns = (inner.width as usize).saturating_sub(prefix);
    let layout = if view.speech {
        speech_layout(columns)
    } else {
        layout_for(columns, widest_keyword(app, view, offset..offset + page))
    };
    let lines = view
        .concordance
        .lines(app.corpus, offset..offset + page, layout);
    for (row, line) in lines.into_iter().enumerate() {
        let is_cursor = offset + row == view.cursor.selected;
        let marker = if is_cursor { "▶" } else { " " };
        let mut spans = vec![
            Span::raw(marker),
            Span::styled(
                format!("{:>number_width$}  ", line.paragraph + 1),
                app.theme.dim(),
            ),
            Span::raw(line.left),
            Span::styled(line.keyword, app.theme.highlighted_mention()),
            Span::raw(line.right),
        ];
        if is_cursor {
            spans[0] = Span::styled(marker, app.theme.selected_gutter());
        }
        let mut line = Line::from(spans);
        if is_cursor {
            line = line.style(app.theme.bold());
        }
        buf.set_line(inner.x, inner.y + row as u16, &line, inner.width);
    }
}

/// Display width of the widest keyword among the hits in `rows`.
fn widest_keyword(app: &App, view: &ConcordanceView, rows: std::ops::Range<usize>) -> usize {
    let hits = view.concordance.hits();
    let rows = rows.start.min(hits.len())..rows.end.min(hits.len());
    hits[rows]
        .iter()
        .filter_map(|hit| {
            let text = &app.corpus.documents.get(hit.document)?.text;
            text.get(hit.keyword.clone())
        })
        .map(|keyword| UnicodeWidthStr::width(text::one_line(keyword).as_str()))
        .max()
        .unwrap_or(1)
}
