//! The state transition: `update(app, action)` is the only place the state
//! changes. No drawing, no terminal.

use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::app::{App, Filter, JumpTarget, ListCursor, Pane};
use super::entity_list;
use super::layout::{self, Mode};
use super::panes;
use super::popups;

pub fn update(app: &mut App, action: Action) {
    if !matches!(action, Action::Resize { .. }) {
        app.message = None;
    }
    if app.help.is_some() && update_help(app, action) {
        return;
    }
    if super::share::update_prompt(app, action) {
        return;
    }
    if super::correcting::update(app, action) {
        keep_cursors_in_view(app);
        return;
    }
    if super::documents::update(app, action) {
        keep_cursors_in_view(app);
        return;
    }
    if app.concordance.is_some() && popups::update_concordance(app, action) {
        keep_cursors_in_view(app);
        return;
    }
    if app.card.is_some() && popups::update_card(app, action) {
        keep_cursors_in_view(app);
        return;
    }
    match action {
        Action::Quit => app.quit = true,
        Action::Help => app.help = Some(0),
        Action::Cancel => cancel(app),
        Action::FocusNext => app.focus = app.focus.next(),
        Action::FocusPrevious => app.focus = app.focus.previous(),
        Action::FocusEntities => app.focus = Pane::Entities,
        Action::FocusParagraphs => app.focus = Pane::Paragraphs,
        Action::FocusTimeline => app.focus = Pane::Timeline,
        Action::Down => move_focused(app, Move::Down),
        Action::Up => move_focused(app, Move::Up),
        Action::PageDown => move_focused(app, Move::PageDown),
        Action::PageUp => move_focused(app, Move::PageUp),
        Action::HalfPageDown => move_focused(app, Move::HalfPageDown),
        Action::HalfPageUp => move_focused(app, Move::HalfPageUp),
        Action::Top => move_focused(app, Move::Top),
        Action::Bottom => move_focused(app, Move::Bottom),
        Action::Select => select(app),
        Action::NextMention => step(app, true),
        Action::PreviousMention => step(app, false),
        Action::Search => start_search(app),
        Action::ToggleDurations => toggle_durations(app),
        Action::JumpBack => {
            if !app.jump_back() {
                app.message = Some("no earlier jump".to_string());
            }
        }
        Action::JumpForward => {
            if !app.jump_forward() {
                app.message = Some("no later jump".to_string());
            }
        }
        Action::EntityCard => popups::open_card(app),
        Action::Concordance => popups::open_concordance(app),
        Action::QuoteConcordance => super::speech::open_quote_concordance(app),
        Action::FilterSpeaker => super::speech::filter_speaker(app),
        Action::AddEntityFilter => add_entity_filter(app),
        Action::FilterKind => cycle_kind_filter(app),
        Action::FilterDate => filter_date(app, false),
        Action::MarkDateRange => filter_date(app, true),
        Action::ClearFilters => {
            if app.filters.is_empty() {
                app.message = Some("no filter to clear".to_string());
            } else {
                app.record_jump();
                app.filters.clear();
                app.date_mark = None;
                app.apply_filters();
                app.message = Some("every filter cleared".to_string());
            }
        }
        Action::FindEntity => {
            app.focus = Pane::Entities;
            app.entity_list.editing = true;
        }
        Action::SortEntities => {
            app.entity_list.sort = app.entity_list.sort.next();
            app.refresh_entity_list(true);
            app.message = Some(format!("entities {}", app.entity_list.sort.label()));
        }
        Action::NarrowEntityKind => {
            app.entity_list.kind = entity_list::next_kind(app.entity_list.kind);
            app.refresh_entity_list(true);
            let kind = app.entity_list.kind.map_or("all kinds", |k| k.as_str());
            app.message = Some(format!("entities: {kind}"));
        }
        Action::SearchInput(c) if app.entity_list.editing => edit_entity_query(app, |q| q.push(c)),
        Action::SearchBackspace if app.entity_list.editing => edit_entity_query(app, |q| {
            q.pop();
        }),
        Action::SearchConfirm if app.entity_list.editing => {
            // Like a picker: Enter takes the best match.
            app.entity_list.editing = false;
            if !app.entity_list.query.is_empty() {
                select(app);
            }
        }
        Action::SearchAbort if app.entity_list.editing => {
            app.entity_list.editing = false;
            edit_entity_query(app, String::clear);
        }
        Action::SearchInput(c) => edit_search(app, |typed| typed.push(c)),
        Action::SearchBackspace => edit_search(app, |typed| {
            typed.pop();
        }),
        Action::SearchConfirm => confirm_search(app),
        Action::SearchAbort => {
            app.search_input = None;
            app.query_error = None;
            app.filters.retain(|f| !matches!(f, Filter::Text { .. }));
            app.apply_filters();
        }
        Action::Resize { width, height } => {
            app.screen = Rect::new(0, 0, width, height);
            app.clamp_scroll();
            app.reveal_selected(false);
        }
        Action::ScrollAt { column, row, lines } => scroll_at(app, column, row, lines),
        Action::ClickAt { column, row } => click_at(app, column, row),
        Action::ExportView => super::share::open_export_prompt(app),
        Action::CopyParagraph => super::share::copy_paragraph(app),
        Action::CopyQuote => super::share::copy_quote(app),
        // Handled by the story views above; marking needs the document list.
        Action::MarkDocument | Action::KeepDocuments => {
            app.message = Some("open the documents first (4)".to_string());
        }
        Action::Documents | Action::EntityTimeline | Action::Keyness => {}
        // The terminal loop suspends; there is no state to change.
        Action::Suspend => {}
        // Taken by the correction keys above.
        Action::MarkEntity
        | Action::MergeEntities
        | Action::RenameEntity
        | Action::RetypeEntity
        | Action::SplitAlias
        | Action::HideEntity
        | Action::UndoCorrection
        | Action::RedoCorrection => {}
    }
    keep_cursors_in_view(app);
}

/// Keys while the help overlay is shown; returns false for keys it leaves
/// to the app (quitting).
fn update_help(app: &mut App, action: Action) -> bool {
    let scroll = app.help.unwrap_or(0);
    app.help = match action {
        Action::Help | Action::Cancel | Action::ClickAt { .. } => None,
        Action::Down => Some(scroll + 1),
        Action::Up => Some(scroll.saturating_sub(1)),
        Action::ScrollAt { lines, .. } => Some(scroll.saturating_add_signed(lines as isize)),
        Action::PageDown | Action::HalfPageDown => Some(scroll + 10),
        Action::PageUp | Action::HalfPageUp => Some(scroll.saturating_sub(10)),
        Action::Top => Some(0),
        Action::Bottom => Some(usize::MAX),
        Action::Quit | Action::Resize { .. } => return false,
        _ => Some(scroll),
    };
    // The popup has a border and never exceeds the screen.
    let shown = app.screen.height.saturating_sub(2) as usize;
    let max_scroll = panes::help::rows(app, app.screen)
        .len()
        .saturating_sub(shown);
    app.help = app.help.map(|scroll| scroll.min(max_scroll));
    true
}

fn edit_entity_query(app: &mut App, edit: impl FnOnce(&mut String)) {
    edit(&mut app.entity_list.query);
    app.refresh_entity_list(false);
}

fn cancel(app: &mut App) {
    if app.focus == Pane::Entities && app.entity_list.is_narrowed() {
        // In the entity pane, Esc first widens the list back.
        app.entity_list.widen();
        app.refresh_entity_list(true);
        app.message = Some("entity list shows every entity".to_string());
    } else if app.date_mark.take().is_some() {
        app.message = Some("date mark dropped".to_string());
    } else if let Some(filter) = app.filters.pop() {
        app.message = Some(filter.cleared_message().to_string());
        app.apply_filters();
    } else if app.jump.take().is_none() {
        app.mention_cursor = None;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Move {
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
}

fn move_focused(app: &mut App, step: Move) {
    match app.focus {
        Pane::Paragraphs => move_reader(app, step),
        Pane::Entities => {
            let (len, page) = (app.entity_list.shown.len(), list_page(app, Pane::Entities));
            move_list(&mut app.entities, len, page, step);
        }
        Pane::Timeline => {
            let (len, page) = (
                app.timeline_view().entries.len(),
                list_page(app, Pane::Timeline),
            );
            move_list(&mut app.timeline, len, page, step);
        }
    }
}

/// Items a list pane shows at once.
fn list_page(app: &App, pane: Pane) -> usize {
    let height = layout::areas(app.screen, pane)
        .pane(pane)
        .map_or(1, |area| layout::inner(area).height as usize);
    let rows_per_item = if pane == Pane::Timeline {
        // An entry and, now and then, a date heading.
        panes::timeline::ENTRY_ROWS + 1
    } else {
        1
    };
    (height / rows_per_item).max(1)
}

fn move_list(cursor: &mut ListCursor, len: usize, page: usize, step: Move) {
    let last = len.saturating_sub(1);
    let selected = cursor.selected;
    cursor.selected = match step {
        Move::Down => selected + 1,
        Move::Up => selected.saturating_sub(1),
        Move::PageDown => selected + page,
        Move::PageUp => selected.saturating_sub(page),
        Move::HalfPageDown => selected + page.div_ceil(2),
        Move::HalfPageUp => selected.saturating_sub(page.div_ceil(2)),
        Move::Top => 0,
        Move::Bottom => last,
    }
    .min(last);
}

/// Keeps a list's cursor inside its visible rows.
fn keep_in_view(cursor: &mut ListCursor, len: usize, page: usize) {
    cursor.selected = cursor.selected.min(len.saturating_sub(1));
    if cursor.selected < cursor.offset {
        cursor.offset = cursor.selected;
    } else if cursor.selected >= cursor.offset + page {
        cursor.offset = cursor.selected + 1 - page;
    }
    cursor.offset = cursor.offset.min(len.saturating_sub(page));
}

fn keep_cursors_in_view(app: &mut App) {
    let page = list_page(app, Pane::Entities);
    keep_in_view(&mut app.entities, app.entity_list.shown.len(), page);
    let view = app.timeline_view();
    let len = view.entries.len();
    let height = timeline_height(app);
    let mut cursor = app.timeline;
    cursor.selected = cursor.selected.min(len.saturating_sub(1));
    cursor.offset = view.scroll_for(&cursor, height);
    app.timeline = cursor;
}

/// Rows inside the timeline pane (its offset counts rows, not entries).
fn timeline_height(app: &App) -> usize {
    layout::areas(app.screen, Pane::Timeline)
        .pane(Pane::Timeline)
        .map_or(1, |area| layout::inner(area).height as usize)
}

/// `D` lists durations and sets after the dated line, or hides them.
fn toggle_durations(app: &mut App) {
    app.list_durations = !app.list_durations;
    let view = app.timeline_view();
    app.message = Some(if app.list_durations {
        format!(
            "durations and sets: {} listed after the dates",
            view.entries.len() - app.index.timeline_views[0].entries.len()
        )
    } else {
        format!("durations and sets: {} hidden", view.hidden)
    });
}

fn move_reader(app: &mut App, step: Move) {
    if app.visible.is_empty() {
        return;
    }
    let height = app.view_height();
    let last = app.visible.len() - 1;
    match step {
        Move::Down => reader_down(app),
        Move::Up => reader_up(app),
        Move::PageDown | Move::HalfPageDown => {
            let rows = if step == Move::PageDown {
                height.saturating_sub(1)
            } else {
                height / 2
            };
            let before = app.reader.top;
            app.scroll_down(rows.max(1));
            if app.reader.top == before {
                app.reader.selected = last;
            }
            app.select_within_view();
        }
        Move::PageUp | Move::HalfPageUp => {
            let rows = if step == Move::PageUp {
                height.saturating_sub(1)
            } else {
                height / 2
            };
            let before = app.reader.top;
            app.scroll_up(rows.max(1));
            if app.reader.top == before {
                app.reader.selected = 0;
            }
            app.select_within_view();
        }
        Move::Top => {
            app.reader.selected = 0;
            app.reader.top = Default::default();
        }
        Move::Bottom => {
            app.reader.selected = last;
            app.reader.top = app.max_top();
        }
    }
}

/// Down: scroll a line while the selected paragraph runs past the bottom,
/// else select the next paragraph.
fn reader_down(app: &mut App) {
    let selected = app.reader.selected;
    let height = app.view_height() as isize;
    let lines = app.text_rows(selected) as isize;
    let runs_past_bottom = app
        .row_of_item(selected)
        .is_some_and(|row| row + lines > height);
    if runs_past_bottom || selected + 1 >= app.visible.len() {
        app.scroll_down(1);
    } else {
        app.reader.selected += 1;
        app.reveal_selected(false);
    }
}

/// Up: scroll a line while the selected paragraph starts above the top,
/// else select the previous paragraph.
fn reader_up(app: &mut App) {
    let top = app.reader.top;
    if app.reader.selected == top.item && top.line > 0 {
        app.scroll_up(1);
    } else if app.reader.selected > 0 {
        app.reader.selected -= 1;
        app.reveal_selected(true);
    }
}

fn select(app: &mut App) {
    match app.focus {
        Pane::Entities => {
            let Some(entity) = app.cursor_entity() else {
                return;
            };
            app.record_jump();
            let already = app.filters.contains(&Filter::Entity(entity));
            app.filters.retain(|f| !matches!(f, Filter::Entity(_)));
            app.mention_cursor = None;
            if already {
                app.message = Some("entity filter cleared".to_string());
            } else {
                app.filters.push(Filter::Entity(entity));
            }
            app.apply_filters();
            show_paragraphs_when_single(app);
        }
        Pane::Timeline => {
            let Some(&entry_index) = app.timeline_view().entries.get(app.timeline.selected) else {
                return;
            };
            let entry = &app.analysis.timeline[entry_index];
            let (paragraph, range) = (entry.paragraph, entry.start..entry.end);
            jump_to(app, paragraph, range);
            show_paragraphs_when_single(app);
        }
        Pane::Paragraphs => {
            // The entities of the selected paragraph, to pick one from.
            let Some(paragraph) = app.selected_paragraph() else {
                return;
            };
            app.entity_list.widen();
            app.entity_list.paragraph = Some(paragraph);
            app.refresh_entity_list(false);
            app.focus = Pane::Entities;
            app.message = Some(format!(
                "{} entities in paragraph {} · Esc lists all",
                app.entity_list.shown.len(),
                paragraph + 1
            ));
        }
    }
}

/// With one pane on screen, the result of Enter is in the paragraph pane.
fn show_paragraphs_when_single(app: &mut App) {
    if layout::mode_for(app.screen) == Mode::Single {
        app.focus = Pane::Paragraphs;
    }
}

/// Selects `paragraph` (clearing filters that hide it) and highlights
/// `range` in it, scrolled into view.
pub(super) fn jump_to(app: &mut App, paragraph: usize, range: std::ops::Range<usize>) {
    if paragraph >= app.corpus.paragraphs.len() {
        return;
    }
    app.record_jump();
    if app.visible.binary_search(&paragraph).is_err() {
        app.filters.clear();
        app.apply_filters();
        app.message = Some("filters cleared to show the paragraph".to_string());
    }
    let Ok(item) = app.visible.binary_search(&paragraph) else {
        return;
    };
    app.reader.selected = item;
    let line = app
        .lines(paragraph)
        .iter()
        .position(|l| range.start < l.end.max(l.start + 1))
        .unwrap_or(0);
    app.jump = Some(JumpTarget { paragraph, range });
    app.reveal_line(line);
}

/// `n`/`N`: through the hits of the text filter when it was added after any
/// entity filter (or there is no entity), else through the mentions.
fn step(app: &mut App, forward: bool) {
    let last_kind = app.filters.iter().rev().find_map(|f| match f {
        Filter::Entity(_) => Some(false),
        Filter::Text { query, .. } => Some(query.is_some()),
        _ => None,
    });
    let text_last = last_kind == Some(true);
    if text_last || (app.highlighted_entity().is_none() && app.text_query().is_some()) {
        step_hit(app, forward);
    } else {
        step_mention(app, forward);
    }
}

/// The next or previous match of the text filter in the shown paragraphs,
/// from the last jump (or the selected paragraph), wrapping around.
fn step_hit(app: &mut App, forward: bool) {
    let Some(query) = app.text_query().cloned() else {
        return;
    };
    let Some(here_paragraph) = app.selected_paragraph() else {
        app.message = Some("no paragraph matches".to_string());
        return;
    };
    let here_offset = app
        .jump
        .as_ref()
        .filter(|j| j.paragraph == here_paragraph)
        .map(|j| j.range.start as isize)
        .unwrap_or(if forward { -1 } else { isize::MAX });
    let item = app.reader.selected;
    let count = app.visible.len();
    let corpus = app.corpus;
    let hits_of = |p: usize| -> Vec<crate::analysis::concordance::Hit> {
        crate::analysis::concordance::query_hits(corpus, &query, [p]).collect()
    };
    let mut found = None;
    let mut wrapped = false;
    for step in 0..=count {
        let index = if forward {
            (item + step) % count
        } else {
            (item + count * 2 - step) % count
        };
        wrapped |= if forward { index < item } else { index > item };
        let paragraph = app.visible[index];
        let hits = hits_of(paragraph);
        let pick = if forward {
            hits.into_iter()
                .find(|h| step > 0 || h.keyword.start as isize > here_offset)
        } else {
            hits.into_iter()
                .rev()
                .find(|h| step > 0 || (h.keyword.start as isize) < here_offset)
        };
        if pick.is_some() {
            found = pick;
            break;
        }
    }
    let Some(hit) = found else {
        app.message = Some("no match in the shown paragraphs".to_string());
        return;
    };
    jump_to(app, hit.paragraph, hit.keyword.clone());
    if wrapped {
        app.message = Some(
            if forward {
                "wrapped to the first match"
            } else {
                "wrapped to the last match"
            }
            .to_string(),
        );
    }
}

/// `n`/`N`: the next or previous mention of the highlighted entity among
/// the shown paragraphs, wrapping around the story.
fn step_mention(app: &mut App, forward: bool) {
    let Some(entity) = app.highlighted_entity() else {
        app.message = Some("no entity selected: pick one in the entity list".to_string());
        return;
    };
    let mentions = &app.analysis.entities[entity].mentions;
    let shown: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].form == crate::analysis::MentionForm::Name)
        .filter(|&i| app.visible.binary_search(&mentions[i].paragraph).is_ok())
        .collect();
    if shown.is_empty() {
        app.message = Some("no mention of it in the shown paragraphs".to_string());
        return;
    }
    let here = match (app.mention_cursor, app.selected_paragraph()) {
        (Some((e, i)), Some(p))
            if e == entity && mentions.get(i).is_some_and(|m| m.paragraph == p) =>
        {
            (p, mentions[i].start as isize)
        }
        (_, Some(p)) if forward => (p, -1),
        (_, Some(p)) => (p, isize::MAX),
        (_, None) => (0, -1),
    };
    let position = |i: usize| (mentions[i].paragraph, mentions[i].start as isize);
    let found = if forward {
        shown.iter().copied().find(|&i| position(i) > here)
    } else {
        shown.iter().rev().copied().find(|&i| position(i) < here)
    };
    let index = found.unwrap_or_else(|| {
        app.message = Some(
            if forward {
                "wrapped to the first mention"
            } else {
                "wrapped to the last mention"
            }
            .to_string(),
        );
        if forward {
            shown[0]
        } else {
            shown[shown.len() - 1]
        }
    });
    let mention = &mentions[index];
    app.mention_cursor = Some((entity, index));
    jump_to(app, mention.paragraph, mention.start..mention.end);
    let count = shown.iter().position(|&i| i == index).map_or(0, |n| n + 1);
    if app.message.is_none() {
        app.message = Some(format!("mention {count}/{}", shown.len()));
    }
}

fn start_search(app: &mut App) {
    let typed = app.filters.iter().find_map(|f| match f {
        Filter::Text { typed, .. } => Some(typed.clone()),
        _ => None,
    });
    if typed.is_none() {
        app.filters.push(Filter::text("").0);
    }
    app.search_input = Some(typed.unwrap_or_default());
}

/// Applies the edited query at once, so matches update as you type. A
/// pattern that does not compile leaves the paragraphs as they were and
/// says why in the status bar.
fn edit_search(app: &mut App, edit: impl FnOnce(&mut String)) {
    let Some(typed) = app.search_input.as_mut() else {
        return;
    };
    edit(typed);
    let typed = typed.clone();
    let (filter, error) = Filter::text(&typed);
    app.query_error = error;
    if app.query_error.is_some() {
        return;
    }
    let previous = app.filters.iter().find_map(|f| match f {
        Filter::Text { typed, query } => Some((typed.clone(), query.is_some())),
        _ => None,
    });
    app.filters.retain(|f| !matches!(f, Filter::Text { .. }));
    app.filters.push(filter);
    // A longer plain query only matches within what the shorter one did.
    let narrows = previous.is_some_and(|(before, active)| {
        active
            && !before.starts_with("re:")
            && !typed.starts_with("re:")
            && typed.starts_with(&before)
    });
    if narrows {
        app.narrow_filters();
    } else {
        app.apply_filters();
    }
}

fn confirm_search(app: &mut App) {
    app.search_input = None;
    app.query_error = None;
    if app.text_query().is_none() {
        app.filters.retain(|f| !matches!(f, Filter::Text { .. }));
    }
}

/// `+`: one more entity every shown paragraph must mention.
fn add_entity_filter(app: &mut App) {
    let Some(entity) = app.cursor_entity() else {
        app.message = Some("no entity under the cursor".to_string());
        return;
    };
    if app.filters.contains(&Filter::Entity(entity)) {
        app.message = Some("already in the filters".to_string());
        return;
    }
    app.record_jump();
    app.push_filter(Filter::Entity(entity));
}

/// `T`: no kind filter, then each kind in turn, then none again.
fn cycle_kind_filter(app: &mut App) {
    let current = app.filters.iter().find_map(|f| match f {
        Filter::Kind(kind) => Some(*kind),
        _ => None,
    });
    app.record_jump();
    match entity_list::next_kind(current) {
        Some(kind) => {
            app.push_filter(Filter::Kind(kind));
            app.message = Some(format!("paragraphs mentioning any {}", kind.as_str()));
        }
        None => {
            app.filters.retain(|f| !matches!(f, Filter::Kind(_)));
            app.apply_filters();
            app.message = Some("kind filter cleared".to_string());
        }
    }
}

/// `d` filters to the timeline entry's period; `m` marks one end of a
/// range and, the second time, filters to the whole range.
fn filter_date(app: &mut App, mark: bool) {
    let entry = app
        .timeline_view()
        .entries
        .get(app.timeline.selected)
        .map(|&i| &app.analysis.timeline[i]);
    let Some(entry) = entry else {
        app.message = Some("no timeline entry selected".to_string());
        return;
    };
    let Some(interval) = entry.interval else {
        app.message = Some("this entry has no calendar date".to_string());
        return;
    };
    let range = match (mark, app.date_mark.take()) {
        (true, None) => {
            app.date_mark = Some(interval);
            let key = app.keymap.first_key(Action::MarkDateRange).unwrap_or("m");
            app.message = Some(format!(
                "range from {}: {key} on the other end",
                crate::tui::filters::date_range_label(&interval)
            ));
            return;
        }
        (true, Some(start)) => crate::tui::filters::span(start, interval),
        (false, _) => interval,
    };
    app.record_jump();
    app.push_filter(Filter::Dates(range));
    show_paragraphs_when_single(app);
}

fn scroll_at(app: &mut App, column: u16, row: u16, lines: i16) {
    let Some(pane) = app.areas().pane_at(column, row) else {
        return;
    };
    let step = if lines > 0 { Move::Down } else { Move::Up };
    let count = lines.unsigned_abs() as usize;
    match pane {
        Pane::Paragraphs => {
            if lines > 0 {
                app.scroll_down(count);
            } else {
                app.scroll_up(count);
            }
            app.select_within_view();
        }
        Pane::Entities => {
            let len = app.entity_list.shown.len();
            for _ in 0..count {
                move_list(&mut app.entities, len, 1, step);
            }
        }
        Pane::Timeline => {
            let len = app.timeline_view().entries.len();
            for _ in 0..count {
                move_list(&mut app.timeline, len, 1, step);
            }
        }
    }
}

fn click_at(app: &mut App, column: u16, row: u16) {
    let areas = app.areas();
    if let Some(tabs) = areas
        .tabs
        .filter(|t| t.contains(Position::new(column, row)))
    {
        let third = (tabs.width / 3).max(1);
        app.focus = Pane::ALL[((column - tabs.x) / third).min(2) as usize];
        return;
    }
    let Some(pane) = areas.pane_at(column, row) else {
        return;
    };
    app.focus = pane;
    let Some(inner) = areas.pane(pane).map(layout::inner) else {
        return;
    };
    if !inner.contains(Position::new(column, row)) {
        return;
    }
    let row_in_pane = (row - inner.y) as usize;
    match pane {
        Pane::Entities => {
            let item = app.entities.offset + row_in_pane;
            if item < app.entity_list.shown.len() {
                app.entities.selected = item;
            }
        }
        Pane::Timeline => {
            if let Some(item) = app
                .timeline_view()
                .entry_at_row(app.timeline.offset + row_in_pane)
            {
                app.timeline.selected = item;
            }
        }
        Pane::Paragraphs => {
            if let Some(item) = app.item_at_row(row_in_pane) {
                app.reader.selected = item;
            }
        }
    }
}

/// Pasted text goes into the open input (text filter or fuzzy entity find)
/// as one edit, so the filter is computed once; newlines and tabs become
/// spaces, other control characters are dropped. With no input open a
/// paste does nothing (it is never run as keys).
pub fn paste(app: &mut App, text: &str) {
    let cleaned: String = text
        .replace("\r\n", "\n")
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .collect();
    if cleaned.is_empty() {
        return;
    }
    app.message = None;
    if app.entity_list.editing {
        edit_entity_query(app, |q| q.push_str(&cleaned));
    } else if app.search_input.is_some() {
        edit_search(app, |typed| typed.push_str(&cleaned));
        keep_cursors_in_view(app);
    }
}
