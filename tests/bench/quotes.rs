//! What quote and source extraction adds to the export of the ECB+ stack (982 reports).
//!
//! Three measurements on one thread (so wall time is CPU time): the whole export as
//! `parallax export DIR` does it (load, align, JSON with quotes and attributions), the quotes
//! and attributions alone, and the JSON alone. Needs the corpus (`PARALLAX_CORPUS`, else
//! `../shared/corpora/ecbplus`). Run: `cargo bench --bench quotes`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion};
use parallax::align::align;
use parallax::model::load::load_inputs;

fn corpus_dir() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        std::env::var_os("PARALLAX_CORPUS").map(PathBuf::from),
        Some(root.join("../shared/corpora/ecbplus")),
    ]
    .into_iter()
    .flatten()
    .find(|p| p.is_dir())
}

fn ecbplus(c: &mut Criterion) {
    let Some(dir) = corpus_dir() else {
        eprintln!("ECB+ corpus not found: set PARALLAX_CORPUS");
        return;
    };
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    let input = [dir.display().to_string()];
    let docs = load_inputs(&input).documents;
    let alignment = align(&docs);
    let mut g = c.benchmark_group("ecbplus, one thread");
    g.sample_size(10);
    g.bench_function("whole export (load + align + json)", |b| {
        b.iter(|| {
            one.install(|| {
                let docs = load_inputs(black_box(&input)).documents;
                let alignment = align(&docs);
                black_box(parallax::export::to_json(&docs, &alignment))
            })
        });
    });
    g.bench_function("quotes + attributions (quotes::analyse)", |b| {
        b.iter(|| one.install(|| black_box(parallax::quotes::analyse(&docs))));
    });
    g.bench_function("json (with quotes)", |b| {
        b.iter(|| one.install(|| black_box(parallax::export::to_json(&docs, &alignment))));
    });
    g.finish();
}

criterion_group!(benches, ecbplus);
criterion_main!(benches);
