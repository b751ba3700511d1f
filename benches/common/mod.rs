//! Inputs shared by the benchmarks: generated, so no outside data is needed.

use storyscope::corpus::{self, Corpus, BUNDLED_STORY};

/// About the size of War and Peace (3.3 MB).
pub const NOVEL_BYTES: usize = 3_300_000;

/// The bundled story's body (without its date header) repeated to
/// `NOVEL_BYTES`, so it reads like one undated book.
pub fn generated_novel_text() -> String {
    let body = BUNDLED_STORY
        .trim_start()
        .splitn(3, ' ')
        .nth(2)
        .unwrap_or(BUNDLED_STORY);
    let mut text = String::with_capacity(NOVEL_BYTES + body.len());
    while text.len() < NOVEL_BYTES {
        text.push_str(body);
        text.push_str("\n\n");
    }
    text
}

/// `text` as a one-document corpus.
pub fn corpus_of(text: &str) -> Corpus {
    let document = corpus::document_from_bytes("generated.txt", text.as_bytes().to_vec())
        .expect("generated text is valid UTF-8");
    Corpus::from_documents(vec![document])
}
