//! Analysis throughput: the bundled story, and a novel-sized text generated
//! from it (about War and Peace's 3.3 MB) so the benchmark needs no outside data.

#[path = "common/mod.rs"]
mod common;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use storyscope::analysis::{analyze, AnalysisOptions};
use storyscope::corpus::{self, BUNDLED_STORY};

fn bench_analysis(c: &mut Criterion) {
    let options = AnalysisOptions::default();
    let story = corpus::load_bundled();
    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(BUNDLED_STORY.len() as u64));
    group.bench_function("bundled_story", |b| {
        b.iter(|| analyze(black_box(&story), &options))
    });

    let novel = common::corpus_of(&common::generated_novel_text());
    group.sample_size(10);
    group.throughput(Throughput::Bytes(novel.documents[0].text.len() as u64));
    group.bench_function("novel_3mb", |b| {
        b.iter(|| analyze(black_box(&novel), &options))
    });
    group.finish();
}

criterion_group!(benches, bench_analysis);
criterion_main!(benches);
