//! Entity card, descriptions and concordance on a novel-sized text: the
//! bundled story repeated to about War and Peace's 3.3 MB, with every
//! occurrence of a few names as synthetic mentions (no tagger involved).
//! When `../shared/corpus/war_and_peace.txt` exists, the same operations run
//! on it with the real analysis too.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use storyscope::analysis::concordance::{Concordance, KwicLayout};
use storyscope::analysis::descriptions::describe;
use storyscope::analysis::profile::{dispersion_strip, Profiles};
use storyscope::analysis::search::Query;
use storyscope::analysis::{analyze, Analysis, AnalysisOptions, Entity, EntityKind, Mention};
use storyscope::corpus::{self, Corpus, BUNDLED_STORY};

const NOVEL_BYTES: usize = 3_300_000;
const NAMES: &[&str] = &[
    "Baghdad",
    "Iraq",
    "Iran",
    "US",
    "al-Sadr",
    "Al-Sadr",
    "Soleimani",
    "Tahrir Square",
    "Iraqi",
    "Shia",
    "Tehran",
    "Muqtada",
    "Americans",
];
const LAYOUT: KwicLayout = KwicLayout {
    left: 90,
    keyword: 20,
    right: 90,
};
const WAR_AND_PEACE: &str = "../shared/corpus/war_and_peace.txt";

fn generated_novel() -> Corpus {
    let mut text = String::with_capacity(NOVEL_BYTES + BUNDLED_STORY.len());
    while text.len() < NOVEL_BYTES {
        text.push_str(BUNDLED_STORY);
        text.push_str("\n\n");
    }
    let document = corpus::document_from_bytes("generated.txt", text.into_bytes())
        .expect("generated text is valid UTF-8");
    Corpus::from_documents(vec![document])
}

/// One entity per name, mentioned at each whole-word occurrence.
fn synthetic_analysis(corpus: &Corpus) -> Analysis {
    let text = &corpus.documents[0].text;
    let is_word_edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    let entities = NAMES
        .iter()
        .enumerate()
        .map(|(id, name)| Entity {
            id,
            name: name.to_string(),
            kind: EntityKind::Person,
            aliases: Vec::new(),
            mentions: text
                .match_indices(name)
                .filter(|(start, _)| {
                    is_word_edge(text[..*start].chars().next_back())
                        && is_word_edge(text[start + name.len()..].chars().next())
                })
                .filter_map(|(start, _)| {
                    Some(Mention {
                        document: 0,
                        paragraph: corpus.paragraph_at(0, start)?,
                        start,
                        end: start + name.len(),
                        kind: EntityKind::Person,
                        text: name.to_string(),
                        form: storyscope::analysis::MentionForm::Name,
                    })
                })
                .collect(),
        })
        .collect();
    Analysis {
        entities,
        timeline: Vec::new(),
        quotes: Vec::new(),
    }
}

fn bench_corpus(c: &mut Criterion, label: &str, corpus: &Corpus, analysis: &Analysis) {
    let most_mentioned = (0..analysis.entities.len())
        .max_by_key(|&id| analysis.entities[id].mentions.len())
        .expect("some entity");
    let subject = &analysis.entities[most_mentioned];
    let mentions: usize = analysis.entities.iter().map(|e| e.mentions.len()).sum();
    eprintln!(
        "{label}: {} paragraphs, {} entities, {mentions} mentions; busiest: {} ({} mentions)",
        corpus.paragraphs.len(),
        analysis.entities.len(),
        subject.name,
        subject.mentions.len()
    );
    let mut group = c.benchmark_group(format!("explore_{label}"));
    group.sample_size(20);
    group.bench_function("profiles_build", |b| {
        b.iter(|| Profiles::build(black_box(corpus), analysis))
    });
    let profiles = Profiles::build(corpus, analysis);
    group.bench_function("profile_busiest_200_bins", |b| {
        b.iter(|| {
            let card = profiles.profile(analysis, black_box(most_mentioned), 200, 10);
            card.map(|c| dispersion_strip(&c.dispersion, 200))
        })
    });
    group.bench_function("describe_busiest", |b| {
        b.iter(|| describe(corpus, black_box(subject), 8))
    });
    group.bench_function("concordance_busiest_60_rows", |b| {
        b.iter(|| Concordance::for_entity(black_box(subject)).lines(corpus, 0..60, LAYOUT))
    });
    let the = Query::parse("the").ok().flatten().expect("valid query");
    group.bench_function("concordance_query_the_count_and_60_rows", |b| {
        b.iter(|| {
            let concordance = Concordance::for_query(corpus, black_box(&the), None);
            (concordance.len(), concordance.lines(corpus, 0..60, LAYOUT))
        })
    });
    group.finish();
}

fn bench_explore(c: &mut Criterion) {
    let novel = generated_novel();
    let analysis = synthetic_analysis(&novel);
    bench_corpus(c, "generated_3mb", &novel, &analysis);

    match corpus::load_paths(&[WAR_AND_PEACE.to_string()]) {
        Ok(book) => {
            let analysis = analyze(&book, &AnalysisOptions::default());
            bench_corpus(c, "war_and_peace", &book, &analysis);
        }
        Err(error) => eprintln!("skipping War and Peace: {error}"),
    }
}

criterion_group!(benches, bench_explore);
criterion_main!(benches);
