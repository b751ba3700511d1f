//! Property tests: whatever the text, spans stay on char boundaries inside
//! their paragraph, paragraphs are ordered and disjoint, and mentions,
//! timeline entries and quotes lie inside the file.

use proptest::prelude::*;

use storyscope::analysis::{analyze, invariants, AnalysisOptions};
use storyscope::corpus::{document_from_bytes, Corpus};

/// Pieces that exercise names, titles, dates, quotes, paragraph breaks,
/// line endings and multi-byte characters.
const PIECES: &[&str] = &[
    "Ada",
    "Lovelace",
    "Mr.",
    "Mrs. Bennet",
    "London",
    "Paris",
    "Zürich",
    "François",
    "United Nations",
    "Islamic State Group (ISIS)",
    "Iraqi",
    "Napoleon's",
    "Al-Sadr",
    " ",
    " ",
    " ",
    "  ",
    ", ",
    ". ",
    "! ",
    "? ",
    "; ",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\t",
    "\u{201c}",
    "\u{201d}",
    "\"",
    "'",
    "\u{2019}",
    "—",
    "(",
    ")",
    "on Friday",
    "3 March 2024",
    "last week",
    "in 1999",
    "two days later",
    "2020-01-24",
    "東京",
    "🎶",
    "é",
    "\u{301}",
    "\u{feff}",
    "\u{1b}[31m",
    "said",
    "the",
    "of",
    "and",
    "*** START OF THE PROJECT GUTENBERG EBOOK X ***",
    "date 2020-01-24 ",
];

fn story() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|pieces| pieces.concat())
}

fn analysed(documents: Vec<storyscope::corpus::Document>) -> Result<(), String> {
    let corpus = Corpus::from_documents(documents);
    let analysis = analyze(&corpus, &AnalysisOptions::default());
    invariants::check(&corpus, &analysis)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn stories_of_names_dates_and_quotes_keep_every_invariant(texts in prop::collection::vec(story(), 1..4)) {
        let documents = texts
            .iter()
            .enumerate()
            .map(|(i, t)| document_from_bytes(&format!("{i}.txt"), t.as_bytes().to_vec()).expect("UTF-8"))
            .collect();
        prop_assert_eq!(analysed(documents), Ok(()));
    }

    #[test]
    fn arbitrary_bytes_load_or_are_refused_and_keep_every_invariant(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(document) = document_from_bytes("bytes.txt", bytes) {
            prop_assert_eq!(analysed(vec![document]), Ok(()));
        }
    }

    #[test]
    fn latin1_stories_keep_every_invariant_through_the_source_map(text in story()) {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        let forced = storyscope::corpus::document_from_bytes_in("latin1.txt", bytes.into_owned(), Some(encoding_rs::WINDOWS_1252));
        if let Ok(document) = forced {
            prop_assert_eq!(analysed(vec![document]), Ok(()));
        }
    }
}

/// Found by the property test: "later" before a blank line was taken into
/// the date of the next paragraph.
#[test]
fn a_date_never_reaches_back_into_the_previous_paragraph() {
    let text = "on Fridaytwo days later\n\n3 March 2024";
    let document = document_from_bytes("t.txt", text.as_bytes().to_vec()).expect("UTF-8");
    let corpus = Corpus::from_documents(vec![document]);
    let analysis = analyze(&corpus, &AnalysisOptions::default());
    assert_eq!(invariants::check(&corpus, &analysis), Ok(()));
    assert!(
        analysis.timeline.iter().any(|t| t.text == "3 March 2024"),
        "{:?}",
        analysis.timeline
    );
}
