//! A monkey: thousands of random actions and resizes on a `TestBackend`, drawing after each,
//! on the seeds and on degenerate corpora. Nothing may panic.
//!
//! `PARALLAX_MONKEY_STEPS=100000 cargo test --release --test ui_monkey` runs the long version.
#![allow(clippy::unwrap_used)] // Tests and benches may unwrap: a failure is the report.

mod ui_support;

use parallax::align::{Alignment, Link, Relation, StatementRef};
use parallax::model::load::{document_from_text, Format};
use parallax::model::Document;
use parallax::ui::{Action, App};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// xorshift64*: a seeded generator, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn steps() -> usize {
    std::env::var("PARALLAX_MONKEY_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1500)
}

fn random_action(rng: &mut Rng) -> Action {
    match rng.below(12) {
        0 => Action::Resize {
            width: rng.below(301) as u16,
            height: rng.below(101) as u16,
        },
        1 => Action::Click {
            x: rng.below(200) as u16,
            y: rng.below(60) as u16,
        },
        2 => Action::Scroll {
            x: rng.below(200) as u16,
            y: rng.below(60) as u16,
            down: rng.below(2) == 0,
        },
        3 => Action::SearchInput(['a', 'e', 'P', '東', ' ', '😀'][rng.below(6) as usize]),
        4 => [Action::SearchBackspace, Action::SearchConfirm][rng.below(2) as usize],
        _ => {
            let all = Action::BINDABLE;
            let a = all[rng.below(all.len() as u64) as usize];
            // Quitting or suspending would end a real session; keep the monkey going.
            if matches!(a, Action::Quit | Action::Suspend) {
                Action::NextStatement
            } else {
                a
            }
        }
    }
}

fn run(mut app: App, seed: u64) {
    let mut rng = Rng(seed);
    let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    for step in 0..steps() {
        let a = random_action(&mut rng);
        app.update(a);
        if let Action::Resize { width, height } = a {
            term.backend_mut().resize(width, height);
        }
        let drawn = term.draw(|f| f.render_widget(&app, f.area()));
        assert!(drawn.is_ok(), "seed {seed} step {step} {a:?}");
        app.quit = false;
    }
}

fn doc(id: &str, text: &str) -> Document {
    document_from_text(id.into(), format!("{id}.txt"), text, Format::Text)
}

fn app_on(docs: Vec<Document>, links: Vec<Link>) -> App {
    let al = Alignment::new(&docs, links);
    ui_support::sized_app(docs, al, 80, 24)
}

#[test]
fn monkey_on_the_seeds_with_links() {
    run(ui_support::hand_app(80, 24), 0x5eed);
}

#[test]
fn monkey_on_the_seeds_aligned_by_the_engine() {
    run(ui_support::seed_app(120, 35), 0xfeed);
}

#[test]
fn monkey_on_degenerate_corpora() {
    // One report; a report with no statements; wide characters and one very long word.
    run(
        app_on(
            vec![doc("one", "Only one report. It says two things.")],
            vec![],
        ),
        1,
    );
    let cjk = "東京で会談が行われる予定です。😀😀 émoji e\u{301} combining. ".repeat(20);
    let long = "x".repeat(5000);
    let docs = vec![doc("empty", "   "), doc("cjk", &cjk), doc("long", &long)];
    let n = docs[1].statements.len();
    let links = (0..n.min(1))
        .map(|s| Link {
            a: StatementRef {
                doc: 1,
                statement: s,
            },
            b: StatementRef {
                doc: 2,
                statement: 0,
            },
            score: 0.5,
            relation: Relation::Divergent,
            differences: vec![],
        })
        .collect();
    run(app_on(docs, links), 2);
    run(app_on(vec![], vec![]), 3);
}
