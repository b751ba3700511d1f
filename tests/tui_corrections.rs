//! Correcting the cast in the app: merge, split, rename, re-type, hide, undo
//! and redo, on the fixture story; every view follows; the list is saved
//! and applies again when the story reopens.

mod tui_fixture;

use tui_fixture::{app, run, type_text};

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use storyscope::analysis::{Analysis, EntityKind};
use storyscope::corpus::Corpus;
use storyscope::corrections::{store, Correction};
use storyscope::tui::action::Action;
use storyscope::tui::app::{App, Filter, Pane};
use storyscope::tui::correcting;
use storyscope::tui::update::update;

/// The fixture, with "Ada" as an alias of Ada Lovelace.
fn analysis(corpus: &Corpus) -> Analysis {
    let mut analysis = tui_fixture::analysis(corpus);
    analysis.entities[0].aliases = vec!["Ada".to_string()];
    analysis
}

/// Puts the entity cursor on the entity named `name`.
fn select(app: &mut App, name: &str) {
    update(app, Action::FocusEntities);
    let row = app
        .entity_list
        .shown
        .iter()
        .position(|&e| app.analysis.entities[e].name == name)
        .unwrap_or_else(|| panic!("{name} is not listed"));
    app.entities.selected = row;
}

fn names(app: &App) -> Vec<String> {
    app.analysis
        .entities
        .iter()
        .map(|e| e.name.clone())
        .collect()
}

fn entity_named(app: &App, name: &str) -> usize {
    app.analysis
        .entities
        .iter()
        .position(|e| e.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

fn clear_prompt(app: &mut App) {
    for _ in 0..40 {
        update(app, Action::SearchBackspace);
    }
}

#[test]
fn marked_entities_merge_and_every_view_follows() {
    let corpus = tui_fixture::corpus();
    let base = analysis(&corpus);
    let mut app = app(&corpus, &base);
    // A filter on Charles, which the merge must carry over.
    select(&mut app, "Charles Babbage");
    update(&mut app, Action::AddEntityFilter);
    update(&mut app, Action::MarkEntity);
    select(&mut app, "Kenji");
    update(&mut app, Action::MarkEntity);
    assert_eq!(app.correcting.marked.len(), 2);
    select(&mut app, "Ada Lovelace");
    update(&mut app, Action::MergeEntities);
    let prompt = app.correcting.prompt.as_ref().expect("asks for the name");
    // The longest full form is proposed.
    assert_eq!(prompt.typed, "Charles Babbage");
    clear_prompt(&mut app);
    type_text(&mut app, "Ada Lovelace");
    update(&mut app, Action::SearchConfirm);
    assert!(app.correcting.prompt.is_none());
    assert_eq!(names(&app).len(), 5, "{:?}", names(&app));
    let ada = entity_named(&app, "Ada Lovelace");
    assert_eq!(app.analysis.entities[ada].name_count(), 5);
    assert!(app.analysis.entities[ada]
        .aliases
        .contains(&"Charles Babbage".to_string()));
    assert_eq!(app.filters, [Filter::Entity(ada)]);
    assert!(app.correcting.marked.is_empty());
    assert_eq!(app.index.entity_order[0], ada, "counts follow");
    assert_eq!(app.cursor_entity(), Some(ada));
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.starts_with("merged 3 into \"Ada Lovelace\" · u undoes"),
        "{message}"
    );
    // Paragraphs naming Kenji are now in the filter.
    let kenji_paragraph = base.entities[6].mentions[0].paragraph;
    assert!(app.visible.contains(&kenji_paragraph));
    // The card says the merge is the reader's.
    update(&mut app, Action::EntityCard);
    assert!(correcting_notes(&app, ada)
        .iter()
        .any(|n| n.contains("merged by you")));
}

fn correcting_notes(app: &App, entity: usize) -> Vec<String> {
    app.correcting.notes_of(entity).to_vec()
}

#[test]
fn undo_and_redo_walk_the_corrections() {
    let corpus = tui_fixture::corpus();
    let base = analysis(&corpus);
    let mut app = app(&corpus, &base);
    select(&mut app, "Dover");
    let row = app.entities.selected;
    update(&mut app, Action::HideEntity);
    assert!(!names(&app).contains(&"Dover".to_string()));
    assert_eq!(app.entities.selected, row, "the cursor stays on the row");
    select(&mut app, "Kenji");
    update(&mut app, Action::RenameEntity);
    clear_prompt(&mut app);
    type_text(&mut app, "Kenji Sato");
    update(&mut app, Action::SearchConfirm);
    select(&mut app, "Calais");
    update(&mut app, Action::RetypeEntity);
    type_text(&mut app, "o");
    update(&mut app, Action::SearchConfirm);
    let calais = entity_named(&app, "Calais");
    assert_eq!(app.analysis.entities[calais].kind, EntityKind::Organization);
    assert_eq!(app.correcting.journal.applied, 3);

    update(&mut app, Action::UndoCorrection);
    assert_eq!(
        app.analysis.entities[entity_named(&app, "Calais")].kind,
        EntityKind::Place
    );
    assert!(app
        .message
        .clone()
        .unwrap_or_default()
        .starts_with("undone: make \"Calais\""));
    update(&mut app, Action::UndoCorrection);
    assert!(names(&app).contains(&"Kenji".to_string()));
    update(&mut app, Action::UndoCorrection);
    assert_eq!(*app.analysis, base, "all undone: the analysis as it was");
    update(&mut app, Action::UndoCorrection);
    assert_eq!(app.message.as_deref(), Some("no correction to undo"));
    update(&mut app, Action::RedoCorrection);
    update(&mut app, Action::RedoCorrection);
    assert!(names(&app).contains(&"Kenji Sato".to_string()));
    assert!(!names(&app).contains(&"Dover".to_string()));
    // A new correction drops the one still undone.
    select(&mut app, "Kenji Sato");
    update(&mut app, Action::HideEntity);
    update(&mut app, Action::RedoCorrection);
    assert_eq!(app.message.as_deref(), Some("no correction to redo"));
    assert_eq!(app.correcting.journal.list.len(), 3);
}

#[test]
fn an_alias_splits_out_of_the_card_to_a_new_or_a_picked_entity() {
    let corpus = tui_fixture::corpus();
    let base = analysis(&corpus);
    let mut app = app(&corpus, &base);
    select(&mut app, "Ada Lovelace");
    update(&mut app, Action::EntityCard);
    update(&mut app, Action::SplitAlias);
    assert_eq!(
        app.correcting.prompt.as_ref().map(|p| p.typed.as_str()),
        Some("Ada")
    );
    update(&mut app, Action::SearchConfirm);
    // Then where to: a fuzzy pick of another entity ("kn" finds Kenji).
    type_text(&mut app, "kenj");
    let (_, _, enter) = correcting::prompt_line(&app).expect("prompt");
    assert!(enter.starts_with("Enter: Kenji"), "{enter}");
    update(&mut app, Action::SearchConfirm);
    let kenji = entity_named(&app, "Kenji");
    assert_eq!(app.analysis.entities[kenji].name_count(), 3);
    assert_eq!(
        app.analysis.entities[entity_named(&app, "Ada Lovelace")].name_count(),
        1
    );
    // The card stays open on its entity, with the fact marked.
    let card = app.card.as_ref().expect("card still open");
    assert_eq!(card.entity(), entity_named(&app, "Ada Lovelace"));
    update(&mut app, Action::UndoCorrection);
    update(&mut app, Action::SplitAlias);
    update(&mut app, Action::SearchConfirm);
    update(&mut app, Action::SearchConfirm);
    assert_eq!(
        names(&app).len(),
        8,
        "a new entity \"Ada\": {:?}",
        names(&app)
    );
    assert!(correcting_notes(&app, entity_named(&app, "Ada"))
        .iter()
        .any(|n| n.contains("split by you out of Ada Lovelace")));
}

#[test]
fn corrections_are_saved_and_apply_when_the_story_reopens() {
    let corpus = tui_fixture::corpus();
    let base = analysis(&corpus);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("reopen.toml");
    {
        let mut app = app(&corpus, &base);
        correcting::attach(
            &mut app,
            store::Opened {
                path: Some(path.clone()),
                ..Default::default()
            },
        );
        select(&mut app, "Charles Babbage");
        update(&mut app, Action::MarkEntity);
        select(&mut app, "Ada Lovelace");
        update(&mut app, Action::MergeEntities);
        update(&mut app, Action::SearchConfirm);
        select(&mut app, "Kenji");
        update(&mut app, Action::HideEntity);
    }
    let loaded = store::load(&path, &corpus).expect("saved file reads back");
    assert_eq!(loaded.corrections.len(), 2);
    assert!(matches!(loaded.corrections[0], Correction::Merge { .. }));
    let mut app = app(&corpus, &base);
    // One more correction that matches nothing: reported once, kept.
    let mut corrections = loaded.corrections;
    corrections.push(Correction::Hide {
        entity: "Nobody".into(),
    });
    correcting::attach(
        &mut app,
        store::Opened {
            corrections,
            path: Some(path.clone()),
            notes: Vec::new(),
        },
    );
    assert_eq!(names(&app).len(), 5);
    assert!(names(&app).contains(&"Charles Babbage".to_string()));
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("2 corrections of yours applied"),
        "{message}"
    );
    assert!(
        message.contains("1 no longer match (kept): hide \"Nobody\""),
        "{message}"
    );
    // The next save keeps it.
    select(&mut app, "Dover");
    update(&mut app, Action::HideEntity);
    let saved = store::load(&path, &corpus).expect("reads");
    assert_eq!(saved.corrections.len(), 4);
    let _ = std::fs::remove_file(&path);
}

#[test]
fn prompts_take_typed_keys_and_escape_cancels() {
    let corpus = tui_fixture::corpus();
    let base = analysis(&corpus);
    let mut app = app(&corpus, &base);
    select(&mut app, "Dover");
    update(&mut app, Action::RenameEntity);
    // `q` is typed, not quit.
    let key =
        ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char('q'));
    assert_eq!(
        storyscope::tui::action_for_key(&app, key),
        Some(Action::SearchInput('q'))
    );
    run(&mut app, &[Action::SearchInput('x'), Action::SearchAbort]);
    assert!(app.correcting.prompt.is_none());
    assert_eq!(*app.analysis, base);
    // Merging needs a mark first.
    update(&mut app, Action::MergeEntities);
    assert!(app.correcting.prompt.is_none());
    assert!(app
        .message
        .clone()
        .unwrap_or_default()
        .contains("mark an entity"));
    assert_eq!(app.focus, Pane::Entities);
}

fn card_screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    let frame = terminal
        .draw(|frame| storyscope::tui::panes::draw(frame, app))
        .expect("draw");
    storyscope::tui::buffer_to_string(&frame.buffer.clone())
}

#[test]
fn the_card_shows_which_facts_are_corrections() {
    let corpus = tui_fixture::corpus();
    let base = analysis(&corpus);
    let mut app = app(&corpus, &base);
    correcting::attach(
        &mut app,
        store::Opened {
            corrections: vec![
                Correction::Merge {
                    entities: vec!["Ada Lovelace".into(), "Charles Babbage".into()],
                    name: "Ada Lovelace".into(),
                },
                Correction::Retype {
                    entity: "Ada Lovelace".into(),
                    kind: EntityKind::Group,
                },
            ],
            path: None,
            notes: Vec::new(),
        },
    );
    select(&mut app, "Ada Lovelace");
    update(&mut app, Action::EntityCard);
    let screen = card_screen(&app, 100, 30);
    assert!(screen.contains("Corrected"), "{screen}");
    insta::assert_snapshot!("card_with_corrections_100x30", screen);
}

#[test]
fn a_filter_stays_on_the_entity_an_alias_was_split_from() {
    // "Ada" whose first mention is "Ada Lovelace": splitting that alias out
    // moves the first mention, not the filter.
    let corpus = tui_fixture::corpus();
    let mut base = analysis(&corpus);
    base.entities[0].name = "Ada".to_string();
    base.entities[0].aliases = vec!["Ada Lovelace".to_string()];
    let mut app = app(&corpus, &base);
    select(&mut app, "Ada");
    update(&mut app, Action::AddEntityFilter);
    update(&mut app, Action::SplitAlias);
    assert_eq!(
        app.correcting.prompt.as_ref().map(|p| p.typed.as_str()),
        Some("Ada Lovelace")
    );
    run(&mut app, &[Action::SearchConfirm, Action::SearchConfirm]);
    let ada = entity_named(&app, "Ada");
    assert_eq!(app.analysis.entities[ada].name_count(), 2);
    assert_eq!(app.filters, [Filter::Entity(ada)]);
    assert_eq!(app.cursor_entity(), Some(ada));
}
