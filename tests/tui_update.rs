//! The state machine: `update(app, action)` on fixture stories, no terminal.

mod tui_fixture;

use tui_fixture::{app_sized as app, run, type_text};

use storyscope::analysis::Analysis;
use storyscope::corpus::{self, Corpus};
use storyscope::tui::action::Action;
use storyscope::tui::app::{App, Filter, Pane};
use storyscope::tui::update::update;

/// A story of `count` short paragraphs plus one very long one at `long_at`.
fn long_corpus(count: usize, long_at: usize) -> Corpus {
    let mut text = String::new();
    for i in 0..count {
        if i == long_at {
            text.push_str(&"a long paragraph that goes on ".repeat(400));
        } else {
            text.push_str(&format!("Paragraph number {i} is short."));
        }
        text.push_str("\n\n");
    }
    let document = corpus::document_from_bytes("long.txt", text.into_bytes()).expect("loads");
    Corpus::from_documents(vec![document])
}

/// The selected paragraph has at least one row on screen.
fn assert_selection_visible(app: &App) {
    if app.visible.is_empty() {
        return;
    }
    let height = app.view_height() as isize;
    let start = app
        .row_of_item(app.reader.selected)
        .expect("selection is not above the view");
    let rows = app.item_rows(app.reader.selected) as isize;
    assert!(
        start < height && start + rows > 0,
        "selection off screen: start {start}, rows {rows}, height {height}"
    );
}

#[test]
fn focus_moves_with_tab_shift_tab_and_digits() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis, 120, 40);
    assert_eq!(app.focus, Pane::Paragraphs);
    update(&mut app, Action::FocusNext);
    assert_eq!(app.focus, Pane::Timeline);
    update(&mut app, Action::FocusNext);
    assert_eq!(app.focus, Pane::Entities);
    update(&mut app, Action::FocusPrevious);
    assert_eq!(app.focus, Pane::Timeline);
    update(&mut app, Action::FocusParagraphs);
    assert_eq!(app.focus, Pane::Paragraphs);
}

#[test]
fn enter_on_an_entity_filters_and_enter_again_or_esc_clears() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis, 120, 40);
    run(&mut app, &[Action::FocusEntities, Action::Select]);
    // Ada Lovelace (3 mentions) is first; she is in paragraphs 1, 2 and 4.
    assert_eq!(app.filters, vec![Filter::Entity(0)]);
    assert_eq!(app.visible, vec![1, 2, 4]);
    assert_eq!(app.highlighted_entity(), Some(0));
    update(&mut app, Action::Select);
    assert!(app.filters.is_empty());
    assert_eq!(app.visible.len(), 5);
    run(&mut app, &[Action::Down, Action::Select, Action::Cancel]);
    assert!(app.filters.is_empty());
    assert_eq!(app.visible.len(), 5);
}

#[test]
fn typing_a_filter_narrows_and_backspace_widens() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis, 120, 40);
    update(&mut app, Action::Search);
    type_text(&mut app, "A");
    let with_a = app.visible.len();
    type_text(&mut app, "DA");
    assert_eq!(app.visible, vec![1, 2, 4], "case-insensitive 'ada'");
    assert!(app.visible.len() <= with_a);
    type_text(&mut app, "x");
    assert!(app.visible.is_empty());
    update(&mut app, Action::SearchBackspace);
    assert_eq!(app.visible, vec![1, 2, 4]);
    update(&mut app, Action::SearchConfirm);
    assert_eq!(app.search_input, None);
    assert_eq!(app.text_query().map(|q| q.source()), Some("ADA"));
    update(&mut app, Action::Cancel);
    assert_eq!(app.visible.len(), 5);
}

#[test]
fn search_matches_across_soft_newlines() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis, 120, 40);
    update(&mut app, Action::Search);
    type_text(&mut app, "crew of channel");
    assert_eq!(app.visible, vec![1]);
    update(&mut app, Action::SearchAbort);
    assert!(app.filters.is_empty());
}

#[test]
fn n_and_shift_n_walk_the_mentions_and_wrap() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis, 120, 40);
    update(&mut app, Action::NextMention);
    assert!(app.message.is_some(), "no entity: a hint, no move");
    update(&mut app, Action::FocusEntities);
    let mut paragraphs = Vec::new();
    for _ in 0..4 {
        update(&mut app, Action::NextMention);
        paragraphs.push(app.selected_paragraph());
    }
    assert_eq!(paragraphs, vec![Some(1), Some(2), Some(4), Some(1)]);
    assert_eq!(app.message.as_deref(), Some("wrapped to the first mention"));
    update(&mut app, Action::PreviousMention);
    assert_eq!(app.selected_paragraph(), Some(4));
    let jump = app.jump.clone().expect("the mention is marked");
    assert_eq!(&tui_fixture::TEXT[jump.range], "Ada");
}

#[test]
fn timeline_enter_jumps_and_clears_filters_that_hide_the_paragraph() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis, 120, 40);
    update(&mut app, Action::Search);
    type_text(&mut app, "kenji");
    update(&mut app, Action::SearchConfirm);
    assert_eq!(app.visible, vec![3]);
    run(
        &mut app,
        &[
            Action::FocusTimeline,
            Action::Down,
            Action::Down,
            Action::Select,
        ],
    );
    assert_eq!(app.selected_paragraph(), Some(2));
    assert!(app.filters.is_empty());
    assert_eq!(
        app.focus,
        Pane::Timeline,
        "focus stays when the paragraphs are on screen"
    );
    let mut narrow = self::app(&corpus, &analysis, 60, 12);
    run(&mut narrow, &[Action::FocusTimeline, Action::Select]);
    assert_eq!(
        narrow.focus,
        Pane::Paragraphs,
        "one pane at a time: show the result"
    );
}

#[test]
fn a_long_paragraph_scrolls_by_line_before_the_selection_moves() {
    let corpus = long_corpus(10, 3);
    let analysis = Analysis::default();
    let mut app = app(&corpus, &analysis, 120, 30);
    run(&mut app, &[Action::Down, Action::Down, Action::Down]);
    assert_eq!(app.reader.selected, 3);
    let long_rows = app.item_rows(3);
    assert!(long_rows > app.view_height());
    let top_before = app.reader.top;
    update(&mut app, Action::Down);
    assert_eq!(app.reader.selected, 3, "still reading the long paragraph");
    assert_eq!(app.reader.top.line, top_before.line + 1);
    for _ in 0..long_rows {
        update(&mut app, Action::Down);
        assert_selection_visible(&app);
    }
    assert!(app.reader.selected > 3, "moved on after its end");
    for _ in 0..long_rows * 2 {
        update(&mut app, Action::Up);
        assert_selection_visible(&app);
    }
    assert_eq!(app.reader.selected, 0);
    assert_eq!(app.reader.top.item, 0);
    assert_eq!(app.reader.top.line, 0);
}

#[test]
fn pages_top_and_bottom() {
    let corpus = long_corpus(200, 50);
    let analysis = Analysis::default();
    let mut app = app(&corpus, &analysis, 120, 40);
    update(&mut app, Action::Bottom);
    assert_eq!(app.reader.selected, 199);
    assert_selection_visible(&app);
    update(&mut app, Action::Top);
    assert_eq!(app.reader.selected, 0);
    let mut pages: usize = 0;
    while app.reader.selected < 199 && pages < 1000 {
        update(&mut app, Action::PageDown);
        assert_selection_visible(&app);
        pages += 1;
    }
    assert_eq!(app.reader.selected, 199, "PageDown reaches the end");
    let pages_down = pages;
    pages = 0;
    while app.reader.selected > 0 && pages < 1000 {
        update(&mut app, Action::PageUp);
        assert_selection_visible(&app);
        pages += 1;
    }
    assert_eq!(app.reader.selected, 0, "PageUp reaches the start");
    assert!(pages.abs_diff(pages_down) <= 1);
    update(&mut app, Action::HalfPageDown);
    assert_eq!(
        app.reader.top.line + app.reader.top.item * 2,
        app.view_height() / 2
    );
}

#[test]
fn lists_move_and_keep_the_cursor_in_view() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis, 120, 12);
    update(&mut app, Action::FocusEntities);
    update(&mut app, Action::Bottom);
    assert_eq!(app.entities.selected, 6);
    let page = 12 - 3; // borders and status bar
    assert!(app.entities.offset + page > 6 && app.entities.offset <= 6);
    run(&mut app, &[Action::Top, Action::Up]);
    assert_eq!((app.entities.selected, app.entities.offset), (0, 0));
    run(
        &mut app,
        &[Action::FocusTimeline, Action::PageDown, Action::PageDown],
    );
    assert_eq!(app.timeline.selected, 3, "the last dated or undated entry");
    // The timeline scrolls by rows: the cursor's entry is on screen.
    let first_row = app.timeline_view().entry_rows[3];
    let height = 12 - 3;
    assert!(app.timeline.offset <= first_row && first_row < app.timeline.offset + height);
}

#[test]
fn mouse_click_focuses_and_selects_and_wheel_scrolls() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis, 120, 40);
    let entities = app.areas().entities.expect("wide layout");
    // Third row inside the border.
    update(
        &mut app,
        Action::ClickAt {
            column: entities.x + 3,
            row: entities.y + 3,
        },
    );
    assert_eq!(app.focus, Pane::Entities);
    assert_eq!(app.entities.selected, 2);
    update(
        &mut app,
        Action::ScrollAt {
            column: entities.x + 3,
            row: entities.y + 3,
            lines: 3,
        },
    );
    assert_eq!(app.entities.selected, 5);
    let paragraphs = app.areas().paragraphs.expect("wide layout");
    update(
        &mut app,
        Action::ClickAt {
            column: paragraphs.x + 5,
            row: paragraphs.y + 3,
        },
    );
    assert_eq!(app.focus, Pane::Paragraphs);
    assert_eq!(
        app.selected_paragraph(),
        Some(1),
        "row 3: the second paragraph"
    );
}

#[test]
fn a_click_on_the_timeline_selects_the_entry_on_that_row_or_under_that_heading() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis, 120, 40);
    let timeline = app.areas().timeline.expect("wide layout");
    let click = |app: &mut App, row: usize| {
        update(
            app,
            Action::ClickAt {
                column: timeline.x + 3,
                row: timeline.y + 1 + row as u16,
            },
        )
    };
    // Rows: "Sun 3 Mar 2024", night (3 rows), 3 March (3 rows), "Tue 5 Mar 2024", ...
    click(&mut app, 5);
    assert_eq!(app.focus, Pane::Timeline);
    assert_eq!(app.timeline.selected, 1, "3 March's event row");
    click(&mut app, 7);
    assert_eq!(app.timeline.selected, 2, "the heading of two days later");
    update(&mut app, Action::Select);
    assert_eq!(app.selected_paragraph(), Some(2));
}

#[test]
fn d_lists_durations_after_the_dates_and_hides_them_again() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis, 120, 40);
    run(&mut app, &[Action::FocusTimeline, Action::Bottom]);
    assert_eq!(app.timeline.selected, 3, "durations hidden");
    run(&mut app, &[Action::ToggleDurations, Action::Bottom]);
    let entry = app.timeline_view().entries[app.timeline.selected];
    assert_eq!(analysis.timeline[entry].text, "Two days");
    update(&mut app, Action::ToggleDurations);
    assert_eq!(app.timeline.selected, 3, "back on the last shown entry");
    assert_eq!(app.message.as_deref(), Some("durations and sets: 1 hidden"));
}

#[test]
fn help_opens_scrolls_and_closes_without_touching_the_story() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis, 80, 24);
    update(&mut app, Action::Help);
    assert_eq!(app.help, Some(0));
    run(
        &mut app,
        &[
            Action::Down,
            Action::Down,
            Action::FocusEntities,
            Action::Select,
        ],
    );
    assert_eq!(app.help, Some(2));
    assert!(app.filters.is_empty());
    assert_eq!(app.focus, Pane::Paragraphs);
    run(&mut app, &[Action::Bottom, Action::Down]);
    let bottom = app.help.expect("open");
    update(&mut app, Action::Up);
    assert_eq!(app.help, Some(bottom - 1), "scrolling stops at the end");
    update(&mut app, Action::Cancel);
    assert_eq!(app.help, None);
    update(&mut app, Action::Quit);
    assert!(app.quit);
}

#[test]
fn any_sequence_of_actions_keeps_the_state_consistent() {
    let corpus = long_corpus(60, 7);
    let fixture = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&fixture);
    let actions = [
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::FocusNext,
        Action::FocusPrevious,
        Action::Select,
        Action::NextMention,
        Action::PreviousMention,
        Action::Cancel,
        Action::Search,
        Action::SearchInput('a'),
        Action::SearchInput('l'),
        Action::SearchBackspace,
        Action::SearchConfirm,
        Action::Resize {
            width: 20,
            height: 6,
        },
        Action::Resize {
            width: 120,
            height: 40,
        },
        Action::Resize {
            width: 80,
            height: 24,
        },
        Action::ScrollAt {
            column: 50,
            row: 5,
            lines: 3,
        },
        Action::ScrollAt {
            column: 50,
            row: 5,
            lines: -3,
        },
        Action::ClickAt { column: 50, row: 8 },
        Action::ClickAt { column: 3, row: 3 },
        Action::JumpBack,
        Action::JumpForward,
        Action::FindEntity,
        Action::SortEntities,
        Action::NarrowEntityKind,
        Action::EntityCard,
        Action::Concordance,
        Action::AddEntityFilter,
        Action::FilterKind,
        Action::FilterDate,
        Action::MarkDateRange,
        Action::ClearFilters,
        Action::SearchInput('('),
        Action::SearchInput(':'),
        Action::SearchInput('r'),
        Action::SearchInput('e'),
    ];
    let documents = (0..3)
        .map(|d| {
            let text = (0..d * 7 + 2)
                .map(|p| format!("Document {d}, paragraph {p}, a little text to wrap around."))
                .collect::<Vec<_>>()
                .join("\n\n");
            corpus::document_from_bytes(&format!("doc{d}.txt"), text.into_bytes()).expect("loads")
        })
        .collect();
    let many = Corpus::from_documents(documents);
    let stories = [
        (&corpus, &Analysis::default()),
        (&fixture, &analysis),
        (&many, &Analysis::default()),
    ];
    for ((corpus, analysis), start) in stories
        .into_iter()
        .flat_map(|s| [(s, 1), (s, 0x5eed), (s, 42)])
    {
        let mut app = app(corpus, analysis, 120, 40);
        let mut seed: u64 = start;
        for step in 0..3000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let action = actions[(seed >> 33) as usize % actions.len()];
            update(&mut app, action);
            if app.search_input.is_none() {
                eprintln!("after {action:?}");
                assert_selection_visible(&app);
            }
            assert!(app.visible.windows(2).all(|w| w[0] < w[1]));
            assert!(app.reader.selected < app.visible.len().max(1));
            if step % 7 == 0 {
                // Every popup and pane draws in whatever state it is in.
                let size = app.screen;
                let backend = ratatui::backend::TestBackend::new(size.width, size.height);
                let mut terminal = ratatui::Terminal::new(backend).expect("terminal");
                terminal
                    .draw(|frame| storyscope::tui::panes::draw(frame, &app))
                    .expect("draw");
            }
        }
    }
}

#[test]
fn ctrl_o_goes_back_through_jumps_and_forward_again() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis, 120, 40);
    update(&mut app, Action::JumpBack);
    assert_eq!(app.message.as_deref(), Some("no earlier jump"));
    // Filter by text, then jump from the timeline (which clears the filter).
    update(&mut app, Action::Search);
    type_text(&mut app, "kenji");
    update(&mut app, Action::SearchConfirm);
    let before = app.location();
    run(
        &mut app,
        &[
            Action::FocusTimeline,
            Action::Down,
            Action::Down,
            Action::Select,
        ],
    );
    assert_eq!(app.selected_paragraph(), Some(2));
    assert!(app.filters.is_empty());
    // Then a mention jump.
    run(
        &mut app,
        &[Action::FocusEntities, Action::Select, Action::NextMention],
    );
    let last = app.location();
    update(&mut app, Action::JumpBack); // before n
    update(&mut app, Action::JumpBack); // before the entity filter
    update(&mut app, Action::JumpBack); // before the timeline jump
    assert_eq!(app.filters, before.filters);
    assert_eq!(app.visible, vec![3]);
    assert_eq!(app.selected_paragraph(), Some(3));
    for _ in 0..3 {
        update(&mut app, Action::JumpForward);
    }
    assert_eq!(app.location(), last);
    update(&mut app, Action::JumpForward);
    assert_eq!(app.message.as_deref(), Some("no later jump"));
}

#[test]
fn the_entity_list_narrows_by_fuzzy_name_and_kind_and_sorts() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let names = |app: &App| -> Vec<String> {
        app.entity_list
            .shown
            .iter()
            .map(|&e| analysis.entities[e].name.clone())
            .collect()
    };
    let mut app = app(&corpus, &analysis, 120, 40);
    update(&mut app, Action::FindEntity);
    assert_eq!(app.focus, Pane::Entities);
    type_text(&mut app, "cha");
    let mut found = names(&app);
    found.sort();
    assert_eq!(found, vec!["Channel Lines", "Charles Babbage"]);
    assert_eq!(
        app.entities.selected, 0,
        "the best match is under the cursor"
    );
    let best = app.cursor_entity();
    update(&mut app, Action::SearchConfirm);
    assert!(!app.entity_list.editing);
    assert_eq!(app.filters, vec![Filter::Entity(best.expect("a match"))]);
    update(&mut app, Action::Cancel);
    assert_eq!(
        names(&app).len(),
        7,
        "Esc in the entity pane shows every entity"
    );

    update(&mut app, Action::NarrowEntityKind);
    assert_eq!(
        names(&app),
        vec!["Ada Lovelace", "Charles Babbage", "Kenji"]
    );
    update(&mut app, Action::SortEntities);
    update(&mut app, Action::NarrowEntityKind); // organisations
    assert_eq!(names(&app), vec!["Channel Lines"]);
    for _ in 0..4 {
        update(&mut app, Action::NarrowEntityKind);
    }
    assert_eq!(app.entity_list.kind, None);
    assert_eq!(
        names(&app),
        vec![
            "Ada Lovelace",
            "Calais",
            "Channel Lines",
            "Charles Babbage",
            "Dover",
            "Kenji",
            "東京"
        ],
        "by name"
    );
    update(&mut app, Action::SortEntities);
    assert_eq!(
        names(&app)[..3],
        ["Ada Lovelace", "Dover", "Channel Lines"],
        "by first mention"
    );
    update(&mut app, Action::FindEntity);
    type_text(&mut app, "zzz");
    assert!(app.entity_list.shown.is_empty());
    assert_eq!(app.cursor_entity(), None);
    update(&mut app, Action::SearchAbort);
    assert_eq!(names(&app).len(), 7);
}

#[test]
fn enter_on_a_paragraph_lists_its_entities_to_pick_from() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis, 120, 40);
    // Paragraph 3 (index 2): Calais, Ada, Charles Babbage.
    run(&mut app, &[Action::Down, Action::Down, Action::Select]);
    assert_eq!(app.focus, Pane::Entities);
    let mut names: Vec<&str> = app
        .entity_list
        .shown
        .iter()
        .map(|&e| analysis.entities[e].name.as_str())
        .collect();
    names.sort();
    assert_eq!(names, vec!["Ada Lovelace", "Calais", "Charles Babbage"]);
    update(&mut app, Action::Select);
    assert_eq!(app.filters.len(), 1, "picking one filters by it");
    update(&mut app, Action::Cancel);
    assert_eq!(app.entity_list.shown.len(), 7);
    assert_eq!(app.filters.len(), 1, "the first Esc widens the list only");
}
