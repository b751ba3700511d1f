//! Bracketed paste: text goes into the open input as one edit, never runs
//! as keys.

mod tui_fixture;

use tui_fixture::app;

use storyscope::tui::action::Action;
use storyscope::tui::app::Filter;
use storyscope::tui::update::{paste, update};

#[test]
fn a_paste_into_the_filter_is_one_edit_with_newlines_as_spaces() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis);
    update(&mut app, Action::Search);
    paste(&mut app, "ferry\r\nq\tx\u{7}");
    assert_eq!(app.search_input.as_deref(), Some("ferry q x"));
    assert!(!app.quit, "the pasted q is text");
    let typed = app.filters.iter().find_map(|f| match f {
        Filter::Text { typed, .. } => Some(typed.clone()),
        _ => None,
    });
    assert_eq!(typed.as_deref(), Some("ferry q x"), "the filter follows");
}

#[test]
fn a_paste_into_the_fuzzy_finder_narrows_the_entity_list() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis);
    let all = app.entity_list.shown.len();
    update(&mut app, Action::FindEntity);
    let name = analysis.entities[0].name.clone();
    paste(&mut app, &format!("{name}\n"));
    assert_eq!(app.entity_list.query, format!("{name} "));
    assert!(app.entity_list.editing, "the newline does not confirm");
    assert!(app.entity_list.shown.len() < all || all == 1);
}

#[test]
fn a_paste_with_no_input_open_does_nothing() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis);
    let focus = app.focus;
    paste(&mut app, "q\t2/x");
    assert!(!app.quit);
    assert_eq!(app.focus, focus);
    assert!(app.search_input.is_none() && app.filters.is_empty());
}
