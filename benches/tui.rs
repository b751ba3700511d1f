//! The app's keystrokes on a novel-sized story at 200x60: startup (load,
//! analysis, first frame), a filter update as you type, selecting an entity,
//! opening its card and concordance, and one frame. The story is the bundled
//! one repeated to about War and Peace's 3.3 MB, so no outside data is needed.
//!
//!   cargo bench --bench tui

#[path = "common/mod.rs"]
mod common;

use std::hint::black_box;

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use storyscope::analysis::{analyze, Analysis, AnalysisOptions};
use storyscope::corpus::Corpus;
use storyscope::tui::action::Action;
use storyscope::tui::app::App;
use storyscope::tui::keymap::Keymap;
use storyscope::tui::panes;
use storyscope::tui::theme::Theme;
use storyscope::tui::update::update;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

fn new_app<'a>(corpus: &'a Corpus, analysis: &'a Analysis) -> App<'a> {
    let keymap = Keymap::default_map().expect("default keys");
    let mut app = App::new(corpus, analysis, keymap, Theme::new(true));
    update(
        &mut app,
        Action::Resize {
            width: WIDTH,
            height: HEIGHT,
        },
    );
    app
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal")
}

/// Applies `actions` and draws one frame, as a keystroke does.
fn keystroke(app: &mut App, terminal: &mut Terminal<TestBackend>, actions: &[Action]) {
    for action in actions {
        update(app, *action);
    }
    terminal
        .draw(|frame| panes::draw(frame, app))
        .expect("draw");
}

/// One key typed after `typed_so_far` in the text filter, then taken back,
/// alternately; each iteration is one key and its frame.
fn bench_typing(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    corpus: &Corpus,
    analysis: &Analysis,
    typed_so_far: &str,
    key: char,
) {
    let mut app = new_app(corpus, analysis);
    let mut terminal = terminal();
    update(&mut app, Action::Search);
    for c in typed_so_far.chars() {
        update(&mut app, Action::SearchInput(c));
    }
    let mut typed = false;
    group.bench_function(name, |b| {
        b.iter(|| {
            let action = if typed {
                Action::SearchBackspace
            } else {
                Action::SearchInput(key)
            };
            typed = !typed;
            keystroke(&mut app, &mut terminal, &[action]);
        })
    });
}

fn bench_tui(c: &mut Criterion) {
    let text = common::generated_novel_text();
    let options = AnalysisOptions::default();
    let mut group = c.benchmark_group("tui_novel_3mb_200x60");
    group.sample_size(10);
    group.bench_function("startup_load_analyze_first_frame", |b| {
        b.iter(|| {
            let corpus = common::corpus_of(black_box(&text));
            let analysis = analyze(&corpus, &options);
            let app = new_app(&corpus, &analysis);
            let mut terminal = terminal();
            terminal
                .draw(|frame| panes::draw(frame, &app))
                .expect("draw");
        })
    });
    group.sample_size(30);

    let corpus = common::corpus_of(&text);
    let analysis = analyze(&corpus, &options);
    let mut terminal = terminal();

    let app = new_app(&corpus, &analysis);
    group.bench_function("frame_render", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| panes::draw(frame, &app))
                .expect("draw");
        })
    });

    // Typing in the text filter: each iteration is one key (a letter, then
    // its backspace) and its frame, on top of the query typed so far.
    bench_typing(
        &mut group,
        "filter_update_keystroke",
        &corpus,
        &analysis,
        "baghda",
        'd',
    );
    // A regular expression cannot narrow the last matches: every key
    // searches every paragraph.
    bench_typing(
        &mut group,
        "filter_update_regex_keystroke",
        &corpus,
        &analysis,
        "re:bagh[dl]a",
        'd',
    );
    // The first letter: every paragraph is searched.
    bench_typing(
        &mut group,
        "filter_update_first_letter",
        &corpus,
        &analysis,
        "",
        'a',
    );

    // Enter on the most mentioned entity filters by it; again clears it.
    let mut app = new_app(&corpus, &analysis);
    update(&mut app, Action::FocusEntities);
    group.bench_function("entity_select", |b| {
        b.iter(|| keystroke(&mut app, &mut terminal, &[Action::Select]))
    });
    group.bench_function("entity_card_open_close", |b| {
        b.iter(|| keystroke(&mut app, &mut terminal, &[Action::EntityCard]))
    });
    group.bench_function("concordance_open_close", |b| {
        b.iter(|| keystroke(&mut app, &mut terminal, &[Action::Concordance]))
    });
    group.bench_function("page_down_filtered", |b| {
        update(&mut app, Action::FocusParagraphs);
        b.iter(|| keystroke(&mut app, &mut terminal, &[Action::PageDown]))
    });
    group.finish();
}

criterion_group!(benches, bench_tui);
criterion_main!(benches);
