//! Rendering benchmarks: one frame of each view on a `TestBackend`, and one key press
//! (update + redraw), on the seeds and, when present, the 1,000-report ECB+ corpus.
#![allow(clippy::unwrap_used)] // Tests and benches may unwrap: a failure is the report.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use parallax::model::{embedded::seed_documents, load_inputs, Document};
use parallax::ui::{Action, App, Keymap, Theme};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn app(docs: Vec<Document>, w: u16, h: u16) -> App {
    let alignment = parallax::align::align(&docs);
    let mut app = App::new(
        Arc::new(docs),
        alignment,
        Keymap::default_keymap(),
        Theme::dark(),
    );
    app.update(Action::Resize {
        width: w,
        height: h,
    });
    app
}

fn ecbplus() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("PARALLAX_ECBPLUS")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            root.join("../shared/corpora/ecbplus"),
            root.join("../../shared/corpora/ecbplus"),
        ])
        .find(|p| p.is_dir())
}

fn views(c: &mut Criterion, name: &str, mut app: App) {
    let (w, h) = app.size;
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    for (view, key) in [
        ("overview", Action::Overview),
        ("reader", Action::Reader),
        ("compare", Action::Compare),
        ("help", Action::Help),
    ] {
        app.update(key);
        c.bench_function(&format!("{name}/frame/{view}"), |b| {
            b.iter(|| {
                term.draw(|f| f.render_widget(black_box(&app), f.area()))
                    .unwrap();
            });
        });
        app.update(Action::Back);
    }
    app.update(Action::Compare);
    c.bench_function(&format!("{name}/key/compare_next_statement"), |b| {
        b.iter(|| {
            app.update(Action::NextStatement);
            term.draw(|f| f.render_widget(&app, f.area())).unwrap();
        });
    });
    app.update(Action::Overview);
    c.bench_function(&format!("{name}/key/overview_next_report"), |b| {
        b.iter(|| {
            app.update(Action::NextStatement);
            term.draw(|f| f.render_widget(&app, f.area())).unwrap();
        });
    });
    c.bench_function(&format!("{name}/key/resize_relayout"), |b| {
        let mut wide = false;
        b.iter(|| {
            wide = !wide;
            let width = if wide { w } else { w - 7 };
            app.update(Action::Resize { width, height: h });
        });
    });
}

fn bench(c: &mut Criterion) {
    views(c, "seeds_160x45", app(seed_documents(), 160, 45));
    match ecbplus() {
        Some(dir) => {
            let loaded = load_inputs(&[dir.to_string_lossy().into_owned()]);
            eprintln!(
                "ecbplus: {} reports from {}",
                loaded.documents.len(),
                dir.display()
            );
            views(c, "ecbplus_160x45", app(loaded.documents, 160, 45));
        }
        None => eprintln!(
            "skipping the ECB+ benchmarks: no ../shared/corpora/ecbplus (set PARALLAX_ECBPLUS)"
        ),
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
