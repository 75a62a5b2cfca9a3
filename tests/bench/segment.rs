//! Throughput of the sentence splitter and of document building on English news text.
//!
//! Inputs: the five seed reports (always), and the ECB+ news corpus when it is found
//! (`PARALLAX_CORPUS`, else `../shared/corpora/ecbplus` next to the repository).
//! Run: `cargo bench --bench segment`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use parallax::model::load::{document_from_text, Format};
use parallax::model::segment::split;

fn seeds() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    read_all(&dir)
}

fn read_all(dir: &Path) -> String {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut text = String::new();
    for f in files {
        if let Ok(t) = std::fs::read_to_string(&f) {
            text.push_str(&t);
            text.push_str("\n\n");
        }
    }
    text
}

fn corpus() -> Option<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("PARALLAX_CORPUS").map(PathBuf::from),
        Some(root.join("../shared/corpora/ecbplus")),
        Some(root.join("../../shared/corpora/ecbplus")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| p.is_dir())
        .map(|p| read_all(&p))
        .filter(|t| !t.is_empty())
}

fn bench_text(c: &mut Criterion, name: &str, text: &str) {
    // The splitter runs once per paragraph in real use; lines are the paragraphs here.
    let paragraphs: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut g = c.benchmark_group(format!("segment/{name}"));
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("split_paragraphs", |b| {
        b.iter(|| {
            let mut n = 0;
            for p in &paragraphs {
                n += split(black_box(p)).len();
            }
            n
        });
    });
    g.bench_function("split_whole_text", |b| {
        b.iter(|| split(black_box(text)).len());
    });
    g.bench_function("document_from_text", |b| {
        b.iter(|| {
            document_from_text("b".into(), "b.txt".into(), black_box(text), Format::Text)
                .statements
                .len()
        });
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    bench_text(c, "seeds", &seeds());
    if let Some(text) = corpus() {
        bench_text(c, "ecbplus", &text);
    }
}

criterion_group!(segment, benches);
criterion_main!(segment);
