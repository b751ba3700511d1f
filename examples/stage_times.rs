use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("path");
    let t0 = Instant::now();
    let t = Instant::now();
    let corpus = storyscope::corpus::load_paths(&[path]).expect("load");
    eprintln!("load {:?}", t.elapsed());
    let t = Instant::now();
    let cache = storyscope::cache::Cache::user();
    let analysis =
        storyscope::cache::analyze(&corpus, &Default::default(), &Default::default(), &cache);
    eprintln!("analyze {:?}", t.elapsed());
    let t = Instant::now();
    let keymap = storyscope::tui::keymap::Keymap::default_map().unwrap();
    let app = storyscope::tui::app::App::new(
        &corpus,
        &analysis,
        keymap,
        storyscope::tui::theme::Theme::new(false),
    );
    eprintln!("app {:?} {}", t.elapsed(), app.visible.len());
    eprintln!("total {:?}", t0.elapsed());
}
