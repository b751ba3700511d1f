//! Arbitrary bytes as a file: it loads (any encoding) or is refused with an
//! error, never a panic; when it loads, the analysis keeps every span
//! invariant and both output formats are produced.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyscope::analysis::{analyze, invariants, AnalysisOptions};
use storyscope::corpus::{document_from_bytes, Corpus};

fuzz_target!(|data: &[u8]| {
    let Ok(document) = document_from_bytes("fuzz.txt", data.to_vec()) else {
        return;
    };
    let corpus = Corpus::from_documents(vec![document]);
    let analysis = analyze(&corpus, &AnalysisOptions::default());
    if let Err(broken) = invariants::check(&corpus, &analysis) {
        panic!("{broken}");
    }
    let _ = storyscope::export::to_json(&corpus, &analysis);
    let _ = storyscope::export::summary(&corpus, &analysis);
});
