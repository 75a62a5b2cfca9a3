//! The whole engine in-process: load (decode, clean, segment), align, group; and the JSON export.
//! Parallel stages run on rayon's default pool; the seeds are also measured on one thread, to
//! show what the parallelism costs or gains on a tiny input.
//!
//! Inputs: the five embedded seeds (always), and the ECB+ corpus when found (`PARALLAX_CORPUS`,
//! else `../shared/corpora/ecbplus` next to the repository), whole and as its first 100 and 300
//! reports in sorted path order, for the growth curve.
//! Run: `cargo bench --bench pipeline`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion};
use parallax::align::align;
use parallax::model::embedded::SEEDS;
use parallax::model::load::{document_from_text, load_inputs, Format};

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

/// The `.txt` files under `dir`, sorted by path (the order `parallax DIR` loads them in).
fn txt_files(dir: &Path) -> Vec<String> {
    let report = load_inputs(&[dir.display().to_string()]);
    report
        .documents
        .into_iter()
        .map(|d| d.path)
        .filter(|p| p.ends_with(".txt"))
        .collect()
}

fn seed_run() -> parallax::align::Alignment {
    let docs: Vec<_> = SEEDS
        .iter()
        .map(|(name, text)| {
            document_from_text(
                (*name).into(),
                (*name).into(),
                black_box(text),
                Format::Text,
            )
        })
        .collect();
    align(&docs)
}

fn seeds(c: &mut Criterion) {
    c.bench_function("seeds: load + split + align + group", |b| {
        b.iter(|| black_box(seed_run()));
    });
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    c.bench_function("seeds: load + split + align + group, one thread", |b| {
        b.iter(|| one.install(|| black_box(seed_run())));
    });
    let docs = parallax::model::embedded::seed_documents();
    let al = align(&docs);
    c.bench_function("seeds: JSON export", |b| {
        b.iter(|| black_box(parallax::export::to_json(black_box(&docs), &al)));
    });
}

fn corpus(c: &mut Criterion) {
    let Some(dir) = corpus_dir() else {
        eprintln!("pipeline bench: ECB+ corpus not found; set PARALLAX_CORPUS to bench it");
        return;
    };
    let files = txt_files(&dir);
    let mut g = c.benchmark_group("ecbplus");
    g.sample_size(10);
    for n in [100, 300, files.len()] {
        let subset = files[..n.min(files.len())].to_vec();
        g.bench_function(format!("{n} reports: load + align"), |b| {
            b.iter(|| {
                let docs = load_inputs(black_box(&subset)).documents;
                black_box(align(&docs))
            });
        });
    }
    g.bench_function(
        format!(
            "{} reports: load + align + JSON (the export command)",
            files.len()
        ),
        |b| {
            b.iter(|| {
                let docs = load_inputs(black_box(&files)).documents;
                let al = align(&docs);
                black_box(parallax::export::to_json(&docs, &al))
            });
        },
    );
    let docs = load_inputs(&files).documents;
    let al = align(&docs);
    g.bench_function(format!("{} reports: align only", files.len()), |b| {
        b.iter(|| black_box(align(black_box(&docs))));
    });
    g.bench_function(format!("{} reports: JSON export", files.len()), |b| {
        b.iter(|| black_box(parallax::export::to_json(&docs, &al)));
    });
    g.finish();
}

criterion_group!(benches, seeds, corpus);
criterion_main!(benches);
