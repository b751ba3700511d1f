//! Sharing from the app, without a terminal: the Markdown export of the
//! current view (proposed name, the filters as a heading, never replacing a
//! file without a second Enter), OSC 52 copies of the selected paragraph and
//! of a quote with its speaker, the saved place (save, restore, a corrupt
//! file) and the light theme.

mod export_fixture;
mod tui_fixture;

use tui_fixture::app;

use storyscope::tui::action::Action;
use storyscope::tui::app::{App, Filter, Pane};
use storyscope::tui::share::{self, base64};
use storyscope::tui::state;
use storyscope::tui::theme::Theme;

fn keys(app: &mut App, actions: &[Action]) {
    tui_fixture::run(app, actions);
}

/// Performs the queued effects; returns what went to the terminal.
fn perform(app: &mut App) -> String {
    let mut terminal = Vec::new();
    share::perform_effects(app, &mut terminal);
    String::from_utf8(terminal).expect("escape sequences are ASCII")
}

#[test]
fn w_writes_the_filtered_view_to_a_proposed_markdown_file_and_never_replaces_silently() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis);
    let dir = tempfile::tempdir().expect("temp dir");
    app.share.export_dir = dir.path().to_path_buf();
    // Filter on Ada Lovelace (the first entity) and the text "ferry".
    keys(
        &mut app,
        &[Action::FocusEntities, Action::Select, Action::Search],
    );
    tui_fixture::type_text(&mut app, "ferry");
    keys(&mut app, &[Action::SearchConfirm, Action::ExportView]);
    let prompt = app.share.prompt.clone().expect("the prompt opens");
    assert_eq!(prompt.name, "night-ferry-p-ada-lovelace-ferry.md");
    let screen = storyscope::tui::buffer_to_string(&draw(&app));
    assert!(
        screen.contains("save view as: night-ferry-p-ada-lovelace-ferry.md"),
        "{screen}"
    );

    keys(&mut app, &[Action::SearchConfirm]);
    perform(&mut app);
    let path = dir.path().join(&prompt.name);
    let markdown = std::fs::read_to_string(&path).expect("written");
    assert!(
        markdown.starts_with("# The Night Ferry\n\n## Filter: P Ada Lovelace + “ferry”\n"),
        "{markdown}"
    );
    assert!(markdown.contains("1 of 5 paragraphs"), "{markdown}");
    assert!(
        markdown.contains("**¶2** **Ada Lovelace** boarded the night ferry at Dover"),
        "{markdown}"
    );
    assert!(!markdown.contains("Kenji"), "only the shown paragraphs");
    assert!(app.share.prompt.is_none());
    assert_eq!(
        app.message.as_deref(),
        Some(format!("wrote {}", path.display()).as_str())
    );

    // The next proposal does not take the name just written.
    keys(&mut app, &[Action::ExportView]);
    assert_eq!(
        app.share.prompt.as_ref().map(|p| p.name.as_str()),
        Some("night-ferry-p-ada-lovelace-ferry-2.md")
    );
    // Typed back to the existing name: the first Enter asks, the second replaces.
    keys(&mut app, &[Action::SearchBackspace; 5]);
    keys(
        &mut app,
        &[
            Action::SearchInput('.'),
            Action::SearchInput('m'),
            Action::SearchInput('d'),
        ],
    );
    std::fs::write(&path, "keep me").expect("write");
    keys(&mut app, &[Action::SearchConfirm]);
    perform(&mut app);
    assert_eq!(
        std::fs::read_to_string(&path).expect("file"),
        "keep me",
        "not replaced silently"
    );
    assert!(
        app.message.as_deref().is_some_and(|m| m.contains("exists")),
        "{:?}",
        app.message
    );
    assert!(app
        .share
        .prompt
        .as_ref()
        .is_some_and(|p| p.confirm_overwrite));
    keys(&mut app, &[Action::SearchConfirm]);
    perform(&mut app);
    assert!(std::fs::read_to_string(&path)
        .expect("file")
        .starts_with("# The Night Ferry"));

    // Esc leaves without writing.
    keys(&mut app, &[Action::ExportView, Action::SearchAbort]);
    perform(&mut app);
    assert!(app.share.prompt.is_none());
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
}

fn draw(app: &App) -> ratatui::buffer::Buffer {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");
    let frame = terminal
        .draw(|frame| storyscope::tui::panes::draw(frame, app))
        .expect("draws");
    frame.buffer.clone()
}

#[test]
fn y_copies_the_paragraph_and_shift_y_each_quote_with_its_speaker_over_osc_52() {
    let corpus = export_fixture::corpus();
    let analysis = export_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis);
    // Paragraph 2 holds two quotes by Mara Quint.
    keys(&mut app, &[Action::Down, Action::CopyParagraph]);
    let sent = perform(&mut app);
    let paragraph = "\"Close the doors & windows,\" said Mara Quint. \"<script>alert(1)</script> is not a greeting.\"";
    assert!(sent.starts_with(&share::osc52(paragraph)), "{sent:?}");
    assert_eq!(
        app.message.as_deref(),
        Some("copied ¶2 to the clipboard (OSC 52)")
    );

    keys(&mut app, &[Action::CopyQuote]);
    let sent = perform(&mut app);
    let first = format!(
        "\x1b]52;c;{}\x07",
        base64("\"Close the doors & windows,\" — Mara Quint".as_bytes())
    );
    assert!(sent.starts_with(&first), "{sent:?}");
    assert_eq!(
        app.message.as_deref(),
        Some("copied quote 1/2 of ¶2 (Mara Quint) to the clipboard (OSC 52)")
    );
    keys(&mut app, &[Action::CopyQuote]);
    let second = share::osc52("\"<script>alert(1)</script> is not a greeting.\" — Mara Quint");
    assert!(perform(&mut app).starts_with(&second));
    keys(&mut app, &[Action::CopyQuote]);
    assert!(
        perform(&mut app).starts_with(&first),
        "cycles back to the first"
    );

    // A quote without a named speaker, and a paragraph without quotes.
    keys(&mut app, &[Action::Bottom, Action::CopyQuote]);
    assert!(perform(&mut app).starts_with(&share::osc52("\"Who's there?\"")));
    keys(&mut app, &[Action::Up, Action::Up, Action::CopyQuote]);
    assert!(perform(&mut app).is_empty());
    assert_eq!(app.message.as_deref(), Some("no quote in ¶3"));

    // An escape sequence in the story never reaches the terminal raw.
    keys(&mut app, &[Action::CopyParagraph]);
    let sent = perform(&mut app);
    assert!(
        sent.starts_with(&share::osc52(&storyscope::tui::text::one_line(
            corpus.paragraph_text(&corpus.paragraphs[2])
        )))
    );
    assert!(storyscope::tui::text::one_line("a\u{1b}[31m").contains('␛'));
}

#[test]
fn the_place_in_a_story_is_saved_and_restored_by_entity_name() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis);
    keys(
        &mut app,
        &[
            Action::FocusEntities,
            Action::Down,
            Action::Down,
            Action::Down,
        ],
    );
    let picked = app.cursor_entity().expect("an entity");
    keys(
        &mut app,
        &[
            Action::AddEntityFilter,
            Action::FilterKind,
            Action::FocusTimeline,
            Action::Down,
        ],
    );
    let saved = state::capture(&app);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state::state_file(dir.path(), &corpus);
    state::save(&path, &saved).expect("saved");
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        1,
        "no temporary file left"
    );

    // The same story with its entities in another order: names still match.
    let mut reordered = analysis.clone();
    reordered.entities.reverse();
    let mut again = self::app(&corpus, &reordered);
    let loaded = state::load(&path).expect("readable").expect("present");
    assert_eq!(loaded, saved);
    state::restore(&mut again, &loaded);
    let name = |app: &App, e: usize| app.analysis.entities[e].name.clone();
    assert_eq!(again.focus, Pane::Timeline);
    assert_eq!(again.timeline.selected, 1);
    assert_eq!(
        again.cursor_entity().map(|e| name(&again, e)),
        Some(name(&app, picked))
    );
    let filter_names: Vec<String> = again
        .filters
        .iter()
        .filter_map(|f| f.label(&again))
        .collect();
    let before: Vec<String> = app.filters.iter().filter_map(|f| f.label(&app)).collect();
    assert_eq!(filter_names, before);
    assert_eq!(filter_names.len(), 2, "{filter_names:?}");
    assert_eq!(again.visible, app.visible);
    assert_eq!(again.selected_paragraph(), app.selected_paragraph());
    assert!(matches!(again.filters[0], Filter::Entity(_)));
}

#[test]
fn a_corrupt_or_foreign_state_file_is_ignored() {
    let corpus = tui_fixture::corpus();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state::state_file(dir.path(), &corpus);
    assert_eq!(state::load(&path), Ok(None), "no file: nothing to restore");
    for junk in [
        "{\"version\": 1, \"filters\": [",
        "\u{0}\u{1}binary",
        "{\"version\": 99}",
        "",
    ] {
        std::fs::write(&path, junk).expect("write");
        assert!(state::load(&path).is_err(), "{junk:?} is not a state");
    }
    // Another story's content gives another file.
    let other = export_fixture::corpus();
    assert_ne!(state::state_file(dir.path(), &other), path);
    assert_eq!(
        state::content_key(&corpus),
        state::content_key(&tui_fixture::corpus())
    );
}

#[test]
fn light_and_dark_themes_colour_the_same_roles_differently_and_no_color_has_none() {
    use ratatui::style::Color;
    use storyscope::analysis::EntityKind;
    use storyscope::tui::theme_config::Background;
    let dark = Theme {
        color: true,
        palette: storyscope::tui::theme::Palette::for_background(Background::Dark),
    };
    let light = Theme {
        color: true,
        palette: storyscope::tui::theme::Palette::for_background(Background::Light),
    };
    // Yellow and cyan fade on white: the light palette has none for text.
    for kind in EntityKind::ALL {
        let fg = light.mention(kind).fg;
        assert!(
            !matches!(
                fg,
                Some(Color::Yellow | Color::Cyan | Color::LightYellow | Color::White)
            ),
            "{kind:?}: {fg:?}"
        );
    }
    assert_ne!(dark.date(), light.date());
    assert_eq!(
        Theme::new(false).mention(EntityKind::Person).fg,
        None,
        "NO_COLOR: no colour"
    );
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let buffer =
        storyscope::tui::render_to_buffer(&corpus, &analysis, 120, 40, "", light).expect("draws");
    let ada = buffer
        .content()
        .iter()
        .find(|c| c.symbol() == "A" && c.fg == Color::Blue);
    assert!(
        ada.is_some(),
        "person mentions in blue on a light background"
    );
}
