//! The status bar: document title and date, active filters, how many
//! paragraphs are shown, and key hints (or the search input, or a note).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::text;

/// Columns below which a note that does not fit is left out rather than cut.
const MESSAGE_ROOM: usize = 24;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if let Some(prompt) = &app.share.prompt {
        render_prompt(app, prompt, area, buf);
        return;
    }
    if let Some((question, typed, enter)) = crate::tui::correcting::prompt_line(app) {
        let right = app.message.as_deref().map_or(enter, text::one_line);
        let left = format!("{question}: {}▏", text::one_line(&typed));
        render_input(app, &left, &right, area, buf);
        return;
    }
    let width = area.width as usize;
    let editing = app.search_input.is_some() || app.entity_list.editing;
    let count = format!(
        "{}/{} paragraphs",
        app.visible.len(),
        app.corpus.paragraphs.len()
    );
    let mut rest = Vec::new();
    let first = match &app.search_input {
        Some(typed) => Some(format!("/{}▏", text::one_line(typed))),
        None if app.entity_list.editing => Some(format!(
            "find entity: {}▏",
            text::one_line(&app.entity_list.query)
        )),
        None => {
            if let Some(filters) = app.filters_label() {
                rest.push(filters);
            }
            if let Some(mark) = &app.date_mark {
                let label = crate::tui::filters::date_range_label(mark);
                rest.push(format!("range from {label}…"));
            }
            // Made once its room is known.
            None
        }
    };
    rest.push(count);
    let rest = rest.join(" │ ");
    // The document title gives way first (down to a stub), then the hints
    // from the last, then the rest.
    let fixed = rest.width() + 5;
    let hint_room = width.saturating_sub(fixed + 12 + 2);
    let right = match (editing, &app.message) {
        (true, _) if app.search_input.is_some() && app.query_error.is_some() => {
            text::one_line(app.query_error.as_deref().unwrap_or_default())
        }
        (true, _) => "Enter keep · Esc clear".to_string(),
        (false, Some(message)) => text::one_line(message),
        (false, None) => fitting_hints(hints(app), hint_room),
    };
    let right = format!(" {right} ");
    let title_room = width.saturating_sub(fixed + right.width()).max(12);
    let first = first.unwrap_or_else(|| document_label(app, title_room));
    let left = format!(" {} │ {rest} ", text::truncate(&first, title_room));
    let room = width.saturating_sub(left.width());
    let right = if left.width() + right.width() <= width {
        right
    } else if app.message.is_some() && room >= MESSAGE_ROOM {
        // A note too long for the room is cut, not lost.
        format!("{} ", text::truncate(right.trim_end(), room - 1))
    } else {
        String::new()
    };
    draw_bar(app, &left, &right, area, buf);
}

const MIN_TITLE: usize = 12;
const MAX_TITLE: usize = 60;

/// "Title · 2020-01-24", for the document of the selected paragraph; the
/// title gives way so the date, the encoding and the position fit in `room`.
fn document_label(app: &App, room: usize) -> String {
    let documents = &app.corpus.documents;
    let document = app
        .selected_paragraph()
        .map_or(0, |p| app.corpus.paragraphs[p].document);
    let Some(doc) = documents.get(document) else {
        return "(no document)".to_string();
    };
    let mut details = String::new();
    if let Some(date) = doc.date {
        details.push_str(&format!(" · {date}"));
    }
    if let Some(encoding) = doc.encoding_name() {
        details.push_str(&format!(" · {encoding}"));
    }
    if documents.len() > 1 {
        details.push_str(&format!(" ({}/{})", document + 1, documents.len()));
    }
    // When even that leaves too little of the title, the title comes first.
    let title_room = match room.checked_sub(details.width()) {
        Some(left) if left >= MIN_TITLE => left.min(MAX_TITLE),
        _ => MAX_TITLE,
    };
    let title = text::truncate(&text::one_line(&doc.title), title_room);
    format!("{title}{details}")
}

/// As many hints as fit in `room` columns, in order of importance.
fn fitting_hints(hints: Vec<String>, room: usize) -> String {
    let mut shown = String::new();
    for hint in hints {
        let separator = if shown.is_empty() { "" } else { "  " };
        if shown.width() + separator.len() + hint.width() > room {
            break;
        }
        shown.push_str(separator);
        shown.push_str(&hint);
    }
    shown
}

fn hints(app: &App) -> Vec<String> {
    let key = |action| app.keymap.first_key(action).unwrap_or("?");
    if app.concordance.is_some() || app.card.is_some() {
        let enter = if app.card.is_some() {
            "select"
        } else {
            "jump to it"
        };
        return vec![
            format!("{} {enter}", key(Action::Select)),
            format!("{}/{} move", key(Action::Down), key(Action::Up)),
            format!("{} close", key(Action::Cancel)),
            format!("{} back", key(Action::JumpBack)),
        ];
    }
    let mut hints = vec![
        format!("{} help", key(Action::Help)),
        format!("{} filter", key(Action::Search)),
    ];
    if app.highlighted_entity().is_some() {
        let (next, previous) = (key(Action::NextMention), key(Action::PreviousMention));
        hints.push(format!("{next}/{previous} mentions"));
        hints.push(format!("{} card", key(Action::EntityCard)));
    } else if app.text_query().is_some() {
        let (next, previous) = (key(Action::NextMention), key(Action::PreviousMention));
        hints.push(format!("{next}/{previous} matches"));
    }
    if app.highlighted_entity().is_some() || app.text_query().is_some() {
        hints.push(format!("{} concordance", key(Action::Concordance)));
    }
    if !app.filters.is_empty() {
        hints.push(format!("{} clear", key(Action::Cancel)));
    }
    if app.filters.len() > 1 {
        hints.push(format!("{} clear all", key(Action::ClearFilters)));
    }
    hints.push(format!("{} pane", key(Action::FocusNext)));
    hints.push(format!("{} quit", key(Action::Quit)));
    hints
}

/// The Markdown export's file-name prompt, with what Enter will do.
fn render_prompt(app: &App, prompt: &crate::tui::share::SavePrompt, area: Rect, buf: &mut Buffer) {
    let right = match &app.message {
        Some(message) => text::one_line(message),
        None if prompt.confirm_overwrite => "Enter replace · Esc cancel".to_string(),
        None => "Enter save · Esc cancel".to_string(),
    };
    render_input(
        app,
        &format!("save view as: {}▏", text::one_line(&prompt.name)),
        &right,
        area,
        buf,
    );
}

/// A one-line input: what is typed on the left, what Enter does on the right.
fn render_input(app: &App, left: &str, right: &str, area: Rect, buf: &mut Buffer) {
    let width = area.width as usize;
    let right = format!(" {right} ");
    let left = format!(" {left} ");
    let right = if left.width() + right.width() <= width {
        right
    } else {
        String::new()
    };
    draw_bar(app, &left, &right, area, buf);
}

/// The bar's one line: `left` cut to leave room for `right`, which ends at
/// the right edge.
fn draw_bar(app: &App, left: &str, right: &str, area: Rect, buf: &mut Buffer) {
    let width = area.width as usize;
    let left = text::truncate(left, width.saturating_sub(right.width()));
    let padding = width.saturating_sub(left.width() + right.width());
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(padding)),
        Span::raw(right.to_string()),
    ])
    .style(app.theme.status_bar());
    buf.set_line(area.x, area.y, &line, area.width);
}
