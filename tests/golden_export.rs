//! The seeds' JSON export must stay byte-identical to a committed golden file: speed work
//! (parallelism, interning, hand-written JSON) may not change a single link, score or group.
//!
//! When a deliberate engine change alters the export, regenerate the file with
//! `PARALLAX_BLESS=1 cargo test --test golden_export` and review the diff before committing.
// A test unwraps what it set up itself: a failure there is the test failing.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

fn golden_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden/seeds_export.json")
}

fn seeds_export() -> String {
    let docs = parallax::model::embedded::seed_documents();
    let alignment = parallax::align::align(&docs);
    parallax::export::to_json(&docs, &alignment)
}

#[test]
fn seeds_export_matches_the_golden_file() {
    let actual = seeds_export();
    let path = golden_path();
    if std::env::var_os("PARALLAX_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}; generate it with `PARALLAX_BLESS=1 cargo test --test golden_export`",
            path.display()
        )
    });
    if actual != expected {
        let first = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
        panic!(
            "the seeds' export differs from {} (first differing line {}: got {:?}, golden {:?}; \
             {} vs {} bytes). If the engine change is deliberate, regenerate with \
             `PARALLAX_BLESS=1 cargo test --test golden_export` and review `git diff`.",
            path.display(),
            first + 1,
            actual.lines().nth(first).unwrap_or(""),
            expected.lines().nth(first).unwrap_or(""),
            actual.len(),
            expected.len()
        );
    }
}

#[test]
fn seeds_export_is_the_same_on_one_thread() {
    // The golden file is also what a single-threaded run must produce.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let single = pool.install(seeds_export);
    assert_eq!(
        single,
        seeds_export(),
        "1 thread and the default pool disagree"
    );
}

#[test]
fn ecbplus_topics_export_the_same_on_one_thread_and_many() {
    // Loading, aligning and writing all may run on rayon; the bytes must not depend on it.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ecbplus");
    let run = || {
        let docs =
            parallax::model::load_inputs(&[format!("{dir}/1"), format!("{dir}/37")]).documents;
        let alignment = parallax::align::align(&docs);
        parallax::export::to_json(&docs, &alignment)
    };
    let many = run();
    assert!(many.contains("\"links\""));
    for threads in [1, 3] {
        let other = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(run);
        assert!(other == many, "{threads} threads give a different export");
    }
}
