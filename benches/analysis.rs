//! Analysis throughput: the bundled story, and a novel-sized text generated
//! from it (about War and Peace's 3.3 MB) so the benchmark needs no outside data.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use storyscope::analysis::{analyze, AnalysisOptions};
use storyscope::corpus::{self, Corpus, BUNDLED_STORY};

const NOVEL_BYTES: usize = 3_300_000;

/// The bundled story's body repeated to `NOVEL_BYTES`, without its date header,
/// so it reads like an undated book.
fn generated_novel() -> Corpus {
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
    let document = corpus::document_from_bytes("generated.txt", text.into_bytes())
        .expect("generated text is valid UTF-8");
    Corpus::from_documents(vec![document])
}

fn bench_analysis(c: &mut Criterion) {
    let options = AnalysisOptions::default();
    let story = corpus::load_bundled();
    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(BUNDLED_STORY.len() as u64));
    group.bench_function("bundled_story", |b| {
        b.iter(|| analyze(black_box(&story), &options))
    });

    let novel = generated_novel();
    group.sample_size(10);
    group.throughput(Throughput::Bytes(novel.documents[0].text.len() as u64));
    group.bench_function("novel_3mb", |b| {
        b.iter(|| analyze(black_box(&novel), &options))
    });
    group.finish();
}

criterion_group!(benches, bench_analysis);
criterion_main!(benches);
