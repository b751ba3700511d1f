//! Where the time to the first frame goes: loading, the analysis (through
//! the user's cache, as the app runs it) and the app's index.
//! `cargo run --release --example stage_times -- PATH...`

use std::time::Instant;

use storyscope::analysis::{AnalysisOptions, Progress};
use storyscope::cache::{self, Cache};
use storyscope::tui::{app::App, keymap::Keymap, theme::Theme};

fn main() -> anyhow::Result<()> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let start = Instant::now();
    let corpus = storyscope::corpus::load_paths(&paths)?;
    let loaded = start.elapsed();
    let analysis = cache::analyze(
        &corpus,
        &AnalysisOptions::default(),
        &Progress::default(),
        &Cache::user(),
    );
    let analysed = start.elapsed();
    let app = App::new(
        &corpus,
        &analysis,
        Keymap::default_map()?,
        Theme::new(false),
    );
    let indexed = start.elapsed();
    eprintln!(
        "load {:?}  analysis {:?}  app {:?}  total {:?}  ({} paragraphs)",
        loaded,
        analysed - loaded,
        indexed - analysed,
        indexed,
        app.visible.len()
    );
    Ok(())
}
