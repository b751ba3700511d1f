//! Where the analysis time goes, stage by stage, for each file given
//! (the stages of `analysis::analyze_document`, then the corpus-wide merge).
//! `cargo run --release --example analysis_stages -- FILE...`

use std::time::Instant;

use storyscope::analysis::{self, coref, entities, ner, quotes, timex, tokens};
use storyscope::analysis::{AnalysisOptions, Progress};

fn main() -> anyhow::Result<()> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let corpus = storyscope::corpus::load_paths(&paths)?;
    let tagger = ner::Tagger::embedded();
    for doc in &corpus.documents {
        let text = &doc.text;
        let mut last = Instant::now();
        let mut lap = |stage: &str| {
            eprint!("{stage} {:.0} ms  ", last.elapsed().as_secs_f64() * 1e3);
            last = Instant::now();
        };
        let toks = tokens::tokenize(text, doc.body.clone());
        lap("tokens");
        let sentences = tokens::sentences(text, &toks);
        lap("sentences");
        let mentions = entities::find_mentions(tagger, text, &toks, &sentences);
        lap("mentions");
        let paragraphs = storyscope::corpus::paragraphs::split(text, doc.body.clone());
        let paragraphs = storyscope::corpus::front_matter::without_illustrations(text, paragraphs);
        lap("paragraphs");
        let found = quotes::detect(text, &paragraphs);
        lap("quotes");
        let pronouns = coref::find_pronouns(text, doc.body.clone());
        lap("pronouns");
        let timexes = timex::tag(text, doc.body.clone(), doc.date);
        lap("timex");
        eprintln!(
            "({} mentions, {} quotes, {} pronouns, {} timexes)",
            mentions.len(),
            found.len(),
            pronouns.len(),
            timexes.len()
        );
    }
    let options = AnalysisOptions::default();
    let progress = Progress::default();
    let start = Instant::now();
    let per_document: Vec<_> = corpus
        .documents
        .iter()
        .map(|d| analysis::analyze_document(d, &options, &progress))
        .collect();
    let documents = start.elapsed();
    let merged = analysis::merge(&corpus, per_document, &progress);
    eprintln!(
        "analyze_document {:.0} ms, merge {:.0} ms ({} entities)",
        documents.as_secs_f64() * 1e3,
        (start.elapsed() - documents).as_secs_f64() * 1e3,
        merged.entities.len()
    );
    Ok(())
}
