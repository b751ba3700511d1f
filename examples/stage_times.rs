use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("path");
    let t = Instant::now();
    let corpus = storyscope::corpus::load_paths(&[path]).expect("load");
    eprintln!("load {:?}", t.elapsed());
    let t = Instant::now();
    let analysis = storyscope::analysis::analyze(&corpus, &Default::default());
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
}
