//! Linked views on the fixture story: combined filters, the entity card,
//! the concordance, and the jump history through all of them.

mod tui_fixture;

use tui_fixture::{app, run, type_text};

use storyscope::analysis::{Analysis, EntityKind};
use storyscope::corpus::Corpus;
use storyscope::tui::action::Action;
use storyscope::tui::app::{Filter, Pane};
use storyscope::tui::render_to_string;
use storyscope::tui::update::update;

// Fixture paragraphs: 0 title, 1 Ada/Dover/Channel Lines, 2 Calais/Ada/
// Charles Babbage, 3 東京/Kenji, 4 Ada. Entities by count: Ada Lovelace (0),
// then Calais (3), Channel Lines (2), Charles Babbage (4), Dover (1),
// Kenji (6), 東京 (5).

#[test]
fn entity_kind_and_text_filters_combine_and_esc_drops_the_last() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis);
    run(&mut app, &[Action::FocusEntities, Action::Select]);
    assert_eq!(app.visible, vec![1, 2, 4], "Ada");
    // Calais too: both must appear.
    run(&mut app, &[Action::Down, Action::AddEntityFilter]);
    assert_eq!(app.filters, vec![Filter::Entity(0), Filter::Entity(3)]);
    assert_eq!(app.visible, vec![2], "Ada and Calais");
    assert_eq!(app.highlighted_entities(), vec![0, 3], "both marked");
    update(&mut app, Action::Cancel);
    assert_eq!(app.visible, vec![1, 2, 4], "Esc dropped Calais");
    // Any person, on top of Ada: Kenji's paragraph stays out.
    update(&mut app, Action::FilterKind);
    assert_eq!(app.filters.last(), Some(&Filter::Kind(EntityKind::Person)));
    assert_eq!(app.visible, vec![1, 2, 4]);
    // A second T cycles to organisations: only Channel Lines' paragraph.
    update(&mut app, Action::FilterKind);
    assert_eq!(app.visible, vec![1]);
    update(&mut app, Action::FilterKind);
    assert_eq!(app.visible, vec![1, 2], "places: Dover, Calais");
    // Group and other kinds have no entity in the fixture.
    update(&mut app, Action::FilterKind);
    assert!(app.visible.is_empty());
    update(&mut app, Action::FilterKind);
    assert!(app.visible.is_empty());
    update(&mut app, Action::FilterKind);
    assert!(!app.filters.iter().any(|f| matches!(f, Filter::Kind(_))));
    assert_eq!(app.visible, vec![1, 2, 4]);
    // Text as well, as you type.
    update(&mut app, Action::Search);
    type_text(&mut app, "slept");
    assert_eq!(app.visible, vec![4]);
    update(&mut app, Action::SearchConfirm);
    let label = app.filters_label().expect("filters shown");
    assert!(label.contains("P Ada Lovelace"), "{label}");
    assert!(label.contains("“slept”"), "{label}");
    // X clears everything, and is a jump Ctrl-o undoes.
    update(&mut app, Action::ClearFilters);
    assert!(app.filters.is_empty());
    assert_eq!(app.visible.len(), 5);
    update(&mut app, Action::JumpBack);
    assert_eq!(app.visible, vec![4]);
    assert_eq!(app.filters.len(), 2);
}

#[test]
fn a_date_range_is_picked_on_the_timeline() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis);
    // The timeline: night and 3 March (¶1, the same day), two days later
    // (¶2), then the undated dawn.
    run(&mut app, &[Action::FocusTimeline, Action::FilterDate]);
    assert_eq!(app.visible, vec![1], "the entry's own day");
    update(&mut app, Action::Cancel);
    assert_eq!(app.visible.len(), 5);
    run(
        &mut app,
        &[
            Action::MarkDateRange,
            Action::Down,
            Action::Down,
            Action::MarkDateRange,
        ],
    );
    assert_eq!(app.visible, vec![1, 2], "3 to 5 March");
    let label = app.filters_label().expect("shown");
    assert!(label.contains("2024-03-03 – 2024-03-05"), "{label}");
    // The undated entry cannot filter.
    run(&mut app, &[Action::Down, Action::FilterDate]);
    assert_eq!(
        app.message.as_deref(),
        Some("this entry has no calendar date")
    );
    assert_eq!(app.visible, vec![1, 2]);
    // With an entity: Ada in that range.
    run(&mut app, &[Action::FocusEntities, Action::AddEntityFilter]);
    assert_eq!(app.visible, vec![1, 2]);
    run(&mut app, &[Action::Down, Action::AddEntityFilter]);
    assert_eq!(app.visible, vec![2], "dated, Ada and Calais");
}

#[test]
fn the_timeline_shows_the_range_mark_and_the_filtered_range() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let marked = render_to_string(&corpus, &analysis, 120, 40, "3 m j").expect("render");
    assert!(marked.contains("◆ “night”"), "{marked}");
    assert!(marked.contains("range from 2024-03-03…"), "{marked}");
    let filtered = render_to_string(&corpus, &analysis, 120, 40, "3 m j j m j").expect("render");
    assert!(filtered.contains("┃ “night”"), "{filtered}");
    assert!(filtered.contains("┃ “Two days later”"), "{filtered}");
    assert!(
        filtered.contains("filter: 2024-03-03 – 2024-03-05"),
        "{filtered}"
    );
}

#[test]
fn a_bad_regular_expression_is_explained_and_keeps_the_last_good_one() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis);
    update(&mut app, Action::Search);
    type_text(&mut app, "re:kenji|slept");
    assert_eq!(app.visible, vec![3, 4]);
    assert_eq!(app.query_error, None);
    type_text(&mut app, "(");
    let error = app.query_error.clone().expect("an error");
    assert!(error.starts_with("bad regular expression"), "{error}");
    assert!(!error.contains('\n'), "one line: {error}");
    assert_eq!(app.visible, vec![3, 4], "the last good query still applies");
    update(&mut app, Action::SearchBackspace);
    assert_eq!(app.query_error, None);

    let screen = render_to_string(&corpus, &analysis, 120, 40, "/ \"re:ada(\"").expect("render");
    let status = screen.lines().last().unwrap_or_default();
    assert!(status.contains("bad regular expression"), "{status}");
}

#[test]
fn concordance_enter_jumps_and_ctrl_o_comes_back() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis);
    run(&mut app, &[Action::FocusEntities, Action::Concordance]);
    let view = app.concordance.as_ref().expect("open");
    assert_eq!(view.concordance.len(), 3, "Ada's three mentions");
    assert!(view.title.contains("Ada Lovelace"));
    let before = app.location();
    run(&mut app, &[Action::Bottom, Action::Select]);
    assert!(app.concordance.is_none());
    assert_eq!(app.focus, Pane::Paragraphs);
    assert_eq!(app.selected_paragraph(), Some(4));
    let jump = app.jump.clone().expect("the mention is marked");
    assert_eq!(&corpus.documents[0].text[jump.range], "Ada");
    update(&mut app, Action::JumpBack);
    assert_eq!(app.location(), before);
    update(&mut app, Action::JumpForward);
    assert_eq!(app.selected_paragraph(), Some(4));
}

#[test]
fn concordance_of_the_search_lists_hits_in_the_shown_paragraphs() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis);
    update(&mut app, Action::Search);
    type_text(&mut app, "the");
    update(&mut app, Action::SearchConfirm);
    update(&mut app, Action::Concordance);
    let view = app.concordance.as_ref().expect("open");
    assert!(view.title.contains("the"), "{}", view.title);
    let paragraphs: Vec<usize> = view
        .concordance
        .hits()
        .iter()
        .map(|h| h.paragraph)
        .collect();
    assert!(paragraphs.iter().all(|p| app.visible.contains(p)));
    // "The Night Ferry", "the night ferry", "The crew", "the red flag", ...
    assert!(paragraphs.len() >= 4, "{paragraphs:?}");
    update(&mut app, Action::Cancel);
    assert!(app.concordance.is_none());
    assert!(app.text_query().is_some(), "Esc closed only the popup");
}

#[test]
fn card_shows_the_entity_and_enter_on_a_companion_is_a_jump() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis);
    run(&mut app, &[Action::FocusEntities, Action::EntityCard]);
    let card = app.card.as_ref().expect("open");
    assert_eq!(card.profile.name, "Ada Lovelace");
    assert_eq!(card.profile.mention_count, 3);
    let companions: Vec<&str> = card
        .profile
        .cooccurring
        .iter()
        .map(|c| analysis.entities[c.entity].name.as_str())
        .collect();
    assert_eq!(
        companions,
        vec!["Calais", "Channel Lines", "Charles Babbage", "Dover"]
    );
    run(&mut app, &[Action::Down, Action::Down, Action::Select]);
    assert_eq!(app.filters, vec![Filter::Entity(4)], "Charles Babbage");
    assert_eq!(app.visible, vec![2]);
    let card = app.card.as_ref().expect("still open");
    assert_eq!(card.profile.name, "Charles Babbage");
    assert_eq!(app.cursor_entity(), Some(4), "the list follows");
    update(&mut app, Action::JumpBack);
    assert!(app.card.is_none());
    assert!(app.filters.is_empty());
    assert_eq!(app.visible.len(), 5);
}

#[test]
fn n_walks_search_hits_as_recorded_jumps() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis);
    update(&mut app, Action::Search);
    type_text(&mut app, "ada");
    update(&mut app, Action::SearchConfirm);
    let text = &corpus.documents[0].text;
    let mut landed = Vec::new();
    for _ in 0..3 {
        update(&mut app, Action::NextMention);
        let jump = app.jump.clone().expect("a hit");
        assert!(text[jump.range.clone()].eq_ignore_ascii_case("ada"));
        landed.push((jump.paragraph, jump.range.start));
    }
    let paragraphs: Vec<usize> = landed.iter().map(|l| l.0).collect();
    assert_eq!(paragraphs, vec![1, 2, 4]);
    update(&mut app, Action::NextMention);
    assert_eq!(app.message.as_deref(), Some("wrapped to the first match"));
    update(&mut app, Action::PreviousMention);
    assert_eq!(app.jump.as_ref().map(|j| j.paragraph), Some(4));
    update(&mut app, Action::JumpBack);
    assert_eq!(app.jump, None);
    assert_eq!(app.selected_paragraph(), Some(1), "before the last n/N");
}

#[test]
fn the_card_quotes_descriptions_from_the_text() {
    use storyscope::analysis::{Entity, Mention};
    let text = "Ali Shamkhani, the secretary of the Supreme National Security Council, spoke.\n\n\
                Later Shamkhani left.";
    let document =
        storyscope::corpus::document_from_bytes("t.txt", text.as_bytes().to_vec()).expect("text");
    let corpus = Corpus::from_documents(vec![document]);
    let mention = |needle: &str, paragraph| {
        let start = text.find(needle).expect("in the text");
        Mention {
            document: 0,
            paragraph,
            start,
            end: start + needle.len(),
            kind: EntityKind::Person,
            text: needle.to_string(),
            form: storyscope::analysis::MentionForm::Name,
        }
    };
    let analysis = Analysis {
        entities: vec![Entity {
            id: 0,
            name: "Ali Shamkhani".to_string(),
            kind: EntityKind::Person,
            aliases: vec!["Shamkhani".to_string()],
            mentions: vec![mention("Ali Shamkhani", 0), mention("Shamkhani left", 1)],
        }],
        timeline: Vec::new(),
        quotes: Vec::new(),
    };
    let screen = render_to_string(&corpus, &analysis, 120, 40, "1 i").expect("render");
    assert!(
        screen.contains("the secretary of the Supreme National Security Council"),
        "{screen}"
    );
    assert!(screen.contains("Aliases    Shamkhani"), "{screen}");
    assert!(screen.contains("first ¶1 · last ¶2"), "{screen}");
}

#[test]
fn the_analysis_gauge_shows_size_time_and_the_share_done() {
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;
    use std::time::Duration;
    use storyscope::progress::Progress;
    let mut terminal = Terminal::new(TestBackend::new(80, 9)).expect("terminal");
    let progress = Progress {
        elapsed: Duration::from_millis(2500),
        bytes: 12_400_000,
        done: 0.3,
    };
    let frame = terminal
        .draw(|frame| storyscope::tui::panes::draw_progress(frame, progress, "x", 0))
        .expect("draw");
    let screen = storyscope::tui::buffer_to_string(frame.buffer);
    assert!(
        screen.contains("x quits"),
        "the key map's quit key:\n{screen}"
    );
    assert!(!screen.contains("typed ahead"), "{screen}");
    let frame = terminal
        .draw(|frame| storyscope::tui::panes::draw_progress(frame, progress, "q", 3))
        .expect("draw");
    let screen = storyscope::tui::buffer_to_string(frame.buffer);
    assert!(screen.contains("3 keys typed ahead"), "{screen}");
    assert!(
        screen.contains("analysing 12.4 MB · 30% · 2.5 s"),
        "{screen}"
    );
    assert!(screen.contains("q quits"), "{screen}");
    assert!(screen.contains('█'), "a partly filled gauge:\n{screen}");
    assert!(screen.contains("30%"), "the share done:\n{screen}");
}

#[test]
fn a_click_on_a_concordance_line_jumps_there() {
    let corpus = tui_fixture::corpus();
    let analysis = tui_fixture::analysis(&corpus);
    let mut app = app(&corpus, &analysis);
    run(&mut app, &[Action::FocusEntities, Action::Concordance]);
    // The popup's border is row 0; its lines start on row 1.
    update(&mut app, Action::ClickAt { column: 30, row: 3 });
    assert!(app.concordance.is_none());
    assert_eq!(app.selected_paragraph(), Some(4), "the third line");
    update(&mut app, Action::Concordance);
    update(
        &mut app,
        Action::ClickAt {
            column: 30,
            row: 30,
        },
    );
    assert!(app.concordance.is_none(), "a click below the lines closes");
    assert_eq!(app.selected_paragraph(), Some(4));
}
