//! The story clustering on a folder of reports: its time, and its stories for a grid of
//! parameters (what `tests/peers/fit_stories.py` scores).
//!
//! ```text
//! cargo bench --bench stories -- [DIR ...] [--fit MERGE,MERGE,...] [--runs N]
//! ```
//!
//! Builds the report similarities as `align` does (body statements, the corpus, the context),
//! then times `stories` with the engine's parameters (median of `--runs`) and prints the
//! number of reports, of stories and the largest story. With `--fit`, prints instead one JSON
//! line with the reports' paths, then one per merge threshold with the story of each report.

use std::time::Instant;

use parallax::align::context::Context;
use parallax::align::stories::{stories, Params};
use parallax::align::{corpus, StatementRef};
use parallax::model::{load_inputs, StatementKind};

fn main() {
    let mut dirs: Vec<String> = Vec::new();
    let mut fit: Option<Vec<f32>> = None;
    let mut floor = Params::defaults().floor;
    let mut company = Params::defaults().company;
    let mut runs = 5usize;
    let mut dump = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            // Passed by `cargo bench` to every bench binary.
            "--bench" => {}
            "--fit" => {
                let grid = args.next().unwrap_or_default();
                fit = Some(grid.split(',').filter_map(|x| x.parse().ok()).collect());
            }
            "--floor" => floor = args.next().and_then(|x| x.parse().ok()).unwrap_or(floor),
            "--company" => company = args.next().and_then(|x| x.parse().ok()).unwrap_or(company),
            "--related" => dump = true,
            "--runs" => runs = args.next().and_then(|x| x.parse().ok()).unwrap_or(runs),
            _ => dirs.push(a),
        }
    }
    if dirs.is_empty() {
        dirs.push(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ecbplus").to_owned());
    }
    let loaded = load_inputs(&dirs);
    let docs = loaded.documents;
    let items: Vec<(StatementRef, &str)> = docs
        .iter()
        .enumerate()
        .flat_map(|(di, d)| {
            d.statements
                .iter()
                .filter(|s| s.kind == StatementKind::Body)
                .map(move |s| {
                    (
                        StatementRef {
                            doc: di,
                            statement: s.index,
                        },
                        &d.text[s.start..s.end],
                    )
                })
        })
        .collect();
    let c = corpus::build(items, &parallax::align::params::defaults().weights, false);
    let ctx = Context::build(&c, docs.len(), &parallax::align::params::defaults().stories);
    if dump {
        let paths: Vec<&str> = docs.iter().map(|d| d.path.as_str()).collect();
        println!(
            "{}",
            serde_json::json!({ "paths": paths, "related": ctx.related() })
        );
        return;
    }
    if let Some(grid) = fit {
        let paths: Vec<&str> = docs.iter().map(|d| d.path.as_str()).collect();
        println!("{}", serde_json::json!({ "paths": paths }));
        for merge in grid {
            let params = Params {
                merge,
                floor,
                company,
            };
            let story = stories(ctx.related(), params);
            println!(
                "{}",
                serde_json::json!({ "params": { "merge": merge, "floor": floor, "company": company }, "story": story })
            );
        }
        return;
    }
    let mut times = Vec::new();
    let mut story = Vec::new();
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        story = std::hint::black_box(stories(ctx.related(), Params::defaults()));
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let mut sizes = std::collections::BTreeMap::<usize, usize>::new();
    for &s in &story {
        *sizes.entry(s).or_default() += 1;
    }
    let pairs: usize = ctx.related().iter().map(Vec::len).sum();
    println!(
        "reports {}  related pairs {}  stories {}  largest {}  stories time (median of {}) {:.2} ms",
        docs.len(),
        pairs / 2,
        sizes.len(),
        sizes.values().max().copied().unwrap_or(0),
        times.len(),
        times[times.len() / 2] * 1e3
    );
}
