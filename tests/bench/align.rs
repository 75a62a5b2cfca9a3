//! Benchmarks of the alignment engine: the five seeds (target: under 5 ms with loading and
//! splitting), two ECB+ topics (60 real reports), and the word diff of two linked statements.

use criterion::{criterion_group, criterion_main, Criterion};
use parallax::align::{align, word_diff};
use parallax::model::embedded::seed_documents;
use parallax::model::load_inputs;

fn seeds(c: &mut Criterion) {
    c.bench_function("seeds: load + split + align + group", |b| {
        b.iter(|| {
            let docs = seed_documents();
            std::hint::black_box(align(&docs))
        });
    });
    let docs = seed_documents();
    c.bench_function("seeds: align + group", |b| {
        b.iter(|| std::hint::black_box(align(&docs)));
    });
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    c.bench_function("seeds: align + group, one thread", |b| {
        b.iter(|| one.install(|| std::hint::black_box(align(&docs))));
    });
}

fn ecbplus_topics(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ecbplus");
    let docs = load_inputs(&[format!("{dir}/1"), format!("{dir}/37")]).documents;
    c.bench_function("ecb+ topics 1 and 37 (60 reports): align + group", |b| {
        b.iter(|| std::hint::black_box(align(&docs)));
    });
}

fn diff(c: &mut Criterion) {
    let a = "On Wednesday, he said there was a “very good chance” he would meet with both Putin \
             and Zelenskiy soon in another bid to broker peace between the two warring nations.";
    let b = "Speaking at the White House on Wednesday, Trump said there’s a “good chance” of a \
             meeting soon, following what he described as “highly productive” talks.";
    c.bench_function("word_diff of two linked statements", |bch| {
        bch.iter(|| std::hint::black_box(word_diff(a, b)));
    });
}

criterion_group!(benches, seeds, ecbplus_topics, diff);
criterion_main!(benches);
