//! Shared helpers for the interface tests: apps on the seed reports, key sequences, and
//! rendering to a `TestBackend`.
#![allow(dead_code, clippy::unwrap_used)]

use std::sync::Arc;

use parallax::align::{Alignment, Difference, DifferenceKind, Link, Relation, StatementRef};
use parallax::model::embedded::seed_documents;
use parallax::ui::{Action, App, Keymap, Theme};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn at(doc: usize, statement: usize) -> StatementRef {
    StatementRef { doc, statement }
}

fn link(a: (usize, usize), b: (usize, usize), diffs: &[(DifferenceKind, &str, &str)]) -> Link {
    Link {
        a: at(a.0, a.1),
        b: at(b.0, b.1),
        score: 0.8,
        relation: if diffs.is_empty() {
            Relation::Shared
        } else {
            Relation::Divergent
        },
        differences: diffs
            .iter()
            .map(|(kind, a, b)| Difference {
                kind: *kind,
                a: (*a).into(),
                b: (*b).into(),
            })
            .collect(),
    }
}

/// A few hand-checked links between the first three seeds, so tests of link-following do not
/// depend on the engine's scores.
pub fn hand_links() -> Vec<Link> {
    use DifferenceKind::{Date, Quote, Wording};
    vec![
        link((0, 0), (1, 1), &[]),
        link(
            (0, 0),
            (2, 0),
            &[(Date, "next week", "within the next few days")],
        ),
        link((1, 1), (2, 0), &[]),
        link((0, 7), (1, 24), &[]),
        link((0, 7), (2, 21), &[]),
        link(
            (1, 8),
            (2, 16),
            &[(Wording, "private video call", "phone call")],
        ),
        link(
            (1, 10),
            (2, 15),
            &[(Quote, "very good prospect", "very good chance")],
        ),
        link((0, 18), (1, 25), &[]),
        link((0, 15), (1, 27), &[]),
    ]
}

/// The seeds with the hand links, at `w`×`h`.
pub fn hand_app(w: u16, h: u16) -> App {
    let docs = seed_documents();
    let alignment = Alignment::new(&docs, hand_links());
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

/// The seeds aligned by the real engine, at `w`×`h`.
pub fn seed_app(w: u16, h: u16) -> App {
    let docs = seed_documents();
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

/// Apply actions in order.
pub fn press(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
    }
}

/// Draw one frame and return the terminal.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    t
}

/// The screen as text lines.
pub fn screen_text(app: &App) -> Vec<String> {
    let t = draw(app);
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let mut s = String::new();
            for x in 0..buf.area.width {
                s.push_str(buf[(x, y)].symbol());
            }
            s
        })
        .collect()
}
