//! Odd input never panics and every span stays on character boundaries.

use storyscope::analysis::{analyze, tokens, AnalysisOptions};
use storyscope::corpus::{document_from_bytes, Corpus};

/// Deterministic pseudo-random text from pieces that stress the tokenizer
/// and the span cleaning: abbreviations, hyphens, apostrophes, quotes,
/// multi-byte letters, titles, acronyms in brackets, blank lines.
fn random_text(seed: u64, pieces: usize) -> String {
    const PIECES: &[&str] = &[
        "Mr.",
        "U.S.",
        "U.S.-led",
        "anti-",
        "al-",
        "Al-Sadr",
        "’s",
        "'s",
        "n't",
        "“",
        "”",
        "\"",
        "(",
        ")",
        "ISIS",
        "Islamic State Group",
        ".",
        "...",
        "…",
        "!",
        "?",
        ",",
        "-",
        "--",
        "é",
        "Ünal",
        "東京",
        "Iraqi",
        "Americans",
        "General",
        "Grand Ayatollah",
        "Friday",
        "Death",
        "\n\n",
        "\n",
        " ",
        " ",
        " ",
        "Jane",
        "Bennet",
        "of",
        "and",
        "XLIX",
        "B.",
        "3.5",
        "1,000",
        "a.m.",
        "http://x.y/z",
        "o'",
        "’",
        "'",
        "Tahrir",
        "Square",
        "Zone",
        "—",
        "/",
        "e\u{301}",
    ];
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut text = String::new();
    for _ in 0..pieces {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        text.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
    }
    text
}

#[test]
fn random_text_tokenizes_on_char_boundaries() {
    for seed in 0..300 {
        let text = random_text(seed, 80);
        let toks = tokens::tokenize(&text, 0..text.len());
        for t in &toks {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(t.start < t.end, "{text:?}");
        }
        let sentences = tokens::sentences(&text, &toks);
        let covered: usize = sentences.iter().map(|s| s.tokens.len()).sum();
        assert_eq!(covered, toks.len());
    }
}

#[test]
fn random_text_analyses_without_panicking() {
    let mut mentions = 0;
    for seed in 0..150 {
        let text = random_text(seed, 120);
        let Ok(doc) = document_from_bytes("random.txt", text.into_bytes()) else {
            continue;
        };
        let corpus = Corpus::from_documents(vec![doc]);
        let analysis = analyze(&corpus, &AnalysisOptions::default());
        for entity in &analysis.entities {
            for m in &entity.mentions {
                let text = &corpus.documents[m.document].text;
                assert_eq!(&text[m.start..m.end], m.text);
                assert!(!m.text.trim().is_empty());
                mentions += 1;
            }
        }
    }
    assert!(
        mentions > 100,
        "only {mentions} mentions: the test exercises too little"
    );
}
