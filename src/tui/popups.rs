//! Keys while the entity card or the concordance is open. Each popup takes
//! the keys it understands and leaves the rest (quit, resize, jumps) to
//! the app, like gitui's event pump.

use ratatui::layout::Position;
use ratatui::widgets::Block;

use super::action::Action;
use super::app::{App, Filter, ListCursor, Pane};
use super::panes::entities::effective_offset;
use super::update::jump_to;

/// Rows of the co-occurring list and of the concordance a page moves.
const POPUP_PAGE: usize = 10;

pub fn open_card(app: &mut App) {
    let Some(entity) = app.subject_entity() else {
        app.message = Some("no entity selected: pick one in the entity list".to_string());
        return;
    };
    app.concordance = None;
    app.card = app.build_card(entity);
}

pub fn open_concordance(app: &mut App) {
    match app.build_concordance() {
        Ok(view) => {
            app.card = None;
            app.message = Some(format!(
                "{} lines · Enter jumps · Esc closes",
                view.concordance.len()
            ));
            app.concordance = Some(view);
        }
        Err(message) => app.message = Some(message.to_string()),
    }
}

/// Keys for the card; false for those it leaves to the app.
pub fn update_card(app: &mut App, action: Action) -> bool {
    let Some(card) = app.card.as_mut() else {
        return false;
    };
    let len = card.profile.cooccurring.len();
    match action {
        Action::Cancel | Action::EntityCard | Action::ClickAt { .. } => app.card = None,
        Action::Select => select_cooccurring(app),
        Action::Concordance => {
            // The concordance of the card's entity.
            let entity = card.entity();
            app.card = None;
            app.focus_entity(entity);
            open_concordance(app);
        }
        Action::QuoteConcordance | Action::FilterSpeaker => return false,
        Action::JumpBack | Action::JumpForward => {
            app.card = None;
            return false;
        }
        Action::Quit | Action::Resize { .. } | Action::Help => return false,
        _ => {
            let Some(cursor) = moved(card.cursor, len, action) else {
                return true;
            };
            card.cursor = cursor;
        }
    }
    keep_card_cursor_visible(app);
    true
}

fn keep_card_cursor_visible(app: &mut App) {
    let Some(card) = app.card.as_ref() else {
        return;
    };
    let page = super::panes::card::list_rows(app, card, app.screen);
    if let Some(card) = app.card.as_mut() {
        let mut cursor = ListCursor {
            selected: card.cursor,
            offset: card.offset,
        };
        keep_visible(&mut cursor, card.profile.cooccurring.len(), page);
        card.offset = cursor.offset;
    }
}

/// Enter on a co-occurring entity: filter by it (a recorded jump) and
/// show its card.
fn select_cooccurring(app: &mut App) {
    let Some(entity) = app.card.as_ref().and_then(|c| c.cursor_entity()) else {
        return;
    };
    app.record_jump();
    app.filters.retain(|f| !matches!(f, Filter::Entity(_)));
    app.filters.push(Filter::Entity(entity));
    app.mention_cursor = None;
    app.apply_filters();
    app.focus_entity(entity);
    app.card = app.build_card(entity);
}

/// Keys for the concordance; false for those it leaves to the app.
pub fn update_concordance(app: &mut App, action: Action) -> bool {
    let Some(view) = app.concordance.as_mut() else {
        return false;
    };
    let len = view.concordance.len();
    match action {
        Action::Cancel | Action::Concordance => app.concordance = None,
        Action::ClickAt { column, row } => {
            // A click on a line jumps there; anywhere else closes.
            let inner = Block::bordered().inner(super::panes::concordance::popup_area(app.screen));
            let page = inner.height as usize;
            let offset = effective_offset(view.cursor.offset, view.cursor.selected, page);
            let line = offset + row.saturating_sub(inner.y) as usize;
            if inner.contains(Position::new(column, row)) && line < len {
                view.cursor.selected = line;
                return update_concordance(app, Action::Select);
            }
            app.concordance = None;
        }
        Action::Select => {
            let hit = view.concordance.hits().get(view.cursor.selected).cloned();
            app.concordance = None;
            if let Some(hit) = hit {
                jump_to(app, hit.paragraph, hit.keyword);
                app.focus = Pane::Paragraphs;
            }
        }
        Action::JumpBack | Action::JumpForward => {
            app.concordance = None;
            return false;
        }
        Action::Quit | Action::Resize { .. } | Action::Help => return false,
        Action::ScrollAt { lines, .. } => {
            let cursor = &mut view.cursor;
            cursor.selected = cursor
                .selected
                .saturating_add_signed(lines as isize)
                .min(len.saturating_sub(1));
        }
        _ => {
            if let Some(selected) = moved(view.cursor.selected, len, action) {
                view.cursor.selected = selected;
            }
        }
    }
    let page = super::panes::concordance::rows_shown(app.screen);
    if let Some(view) = app.concordance.as_mut() {
        keep_visible(&mut view.cursor, len, page);
    }
    true
}

/// The cursor after a move key in a list of `len`, or `None` for other keys.
pub(super) fn moved(cursor: usize, len: usize, action: Action) -> Option<usize> {
    let last = len.saturating_sub(1);
    let next = match action {
        Action::Down => cursor + 1,
        Action::Up => cursor.saturating_sub(1),
        Action::PageDown => cursor + POPUP_PAGE,
        Action::PageUp => cursor.saturating_sub(POPUP_PAGE),
        Action::HalfPageDown => cursor + POPUP_PAGE / 2,
        Action::HalfPageUp => cursor.saturating_sub(POPUP_PAGE / 2),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    };
    Some(next.min(last))
}

/// Keeps a popup list's first shown row so that the cursor is visible in
/// `page` rows.
pub fn keep_visible(cursor: &mut ListCursor, len: usize, page: usize) {
    let page = page.max(1);
    cursor.selected = cursor.selected.min(len.saturating_sub(1));
    if cursor.selected < cursor.offset {
        cursor.offset = cursor.selected;
    } else if cursor.selected >= cursor.offset + page {
        cursor.offset = cursor.selected + 1 - page;
    }
}

impl App<'_> {
    /// Puts the entity list's cursor on `entity`, widening the list when
    /// it is narrowed to something that hides it.
    pub fn focus_entity(&mut self, entity: usize) {
        if !self.entity_list.shown.contains(&entity) {
            self.entity_list.widen();
            self.refresh_entity_list(false);
        }
        if let Some(position) = self.entity_list.shown.iter().position(|&e| e == entity) {
            self.entities.selected = position;
        }
    }
}
