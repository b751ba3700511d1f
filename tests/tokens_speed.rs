//! A long novel (War and Peace, 3.3 MB) goes through the tokenizer and the
//! sentence splitter; the time is printed, not asserted (speed is measured by
//! `cargo bench`). Needs ../shared/corpus; skips with a message when missing.

use std::time::Instant;

use storyscope::analysis::tokens;

#[test]
fn tokenizes_and_splits_a_long_novel() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/war_and_peace.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} is missing");
        return;
    };
    let started = Instant::now();
    let toks = tokens::tokenize(&text, 0..text.len());
    let sentences = tokens::sentences(&text, &toks);
    let elapsed = started.elapsed();
    eprintln!(
        "{} bytes, {} tokens, {} sentences in {elapsed:?} ({:.1} MB/s)",
        text.len(),
        toks.len(),
        sentences.len(),
        text.len() as f64 / 1e6 / elapsed.as_secs_f64()
    );
    assert!(toks.len() > 500_000 && sentences.len() > 20_000);
    assert!(toks
        .iter()
        .all(|t| text.is_char_boundary(t.start) && t.start < t.end));
    assert!(sentences
        .windows(2)
        .all(|w| w[0].bytes.end <= w[1].bytes.start));
}
