//! Shared helpers for the interface tests: apps on the seed reports, key sequences, and
//! rendering to a `TestBackend`.
#![allow(dead_code, clippy::unwrap_used)]

use std::sync::Arc;

use parallax::align::{Alignment, Difference, DifferenceKind, Link, Relation, StatementRef};
use parallax::model::embedded::seed_documents;
use parallax::model::Document;
use parallax::ui::{Action, App, Keymap, Theme};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn at(doc: usize, statement: usize) -> StatementRef {
    StatementRef { doc, statement }
}

/// The index of the first statement of seed `doc` containing `needle`, so the tests name
/// statements by their words and survive changes to the splitter.
pub fn ix(doc: usize, needle: &str) -> usize {
    let docs = seed_documents();
    let d = &docs[doc];
    (0..d.statements.len())
        .find(|&i| d.statement_text(i).contains(needle))
        .unwrap_or_else(|| panic!("no statement of seed {doc} contains {needle:?}"))
}

fn link(a: (usize, &str), b: (usize, &str), diffs: &[(DifferenceKind, &str, &str)]) -> Link {
    Link {
        a: at(a.0, ix(a.0, a.1)),
        b: at(b.0, ix(b.0, b.1)),
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

/// Statements the hand links join, by their words.
pub const MEET: &str = "Moscow has confirmed";
/// Report 2's statement of the meeting.
pub const KREMLIN: &str = "The Kremlin has confirmed that Russian";
/// Report 3's statement of the meeting (a date differs).
pub const SET_TO_MEET: &str = "are set to meet for summit talks";
/// The first meeting since 2021, in reports 1, 2, 3.
pub const FIRST_SINCE: [&str; 3] = [
    "The upcoming summit would mark",
    "The upcoming Putin-Trump meeting will mark",
    "This face-to-face meeting would be a landmark",
];
/// Video call (report 2) and phone call (report 3).
pub const CALL: [&str; 2] = ["private video call", "during a phone call"];
/// "very good prospect" (report 2) and "very good chance" (report 3).
pub const PROSPECT: [&str; 2] = ["very good prospect", "very good chance"];
/// The White House statements of reports 1 and 2.
pub const WHITE_HOUSE: [&str; 2] = ["The White House acknowledged", "Karoline Leavitt confirmed"];
/// The India tariffs of reports 1 and 2.
pub const TARIFFS: [&str; 2] = ["additional 25% tariff", "double tariffs on Indian imports"];

/// A few hand-checked links between the first three seeds, so tests of link-following do not
/// depend on the engine's scores.
pub fn hand_links() -> Vec<Link> {
    use DifferenceKind::{Date, Quote, Wording};
    vec![
        link((0, MEET), (1, KREMLIN), &[]),
        link(
            (0, MEET),
            (2, SET_TO_MEET),
            &[(Date, "next week", "within the next few days")],
        ),
        link((1, KREMLIN), (2, SET_TO_MEET), &[]),
        link((0, FIRST_SINCE[0]), (1, FIRST_SINCE[1]), &[]),
        link((0, FIRST_SINCE[0]), (2, FIRST_SINCE[2]), &[]),
        link(
            (1, CALL[0]),
            (2, CALL[1]),
            &[(Wording, "private video call", "phone call")],
        ),
        link(
            (1, PROSPECT[0]),
            (2, PROSPECT[1]),
            &[(Quote, "very good prospect", "very good chance")],
        ),
        link((0, WHITE_HOUSE[0]), (1, WHITE_HOUSE[1]), &[]),
        link((0, TARIFFS[0]), (1, TARIFFS[1]), &[]),
    ]
}

/// An app on `docs` and `alignment`, sized `w`×`h`.
pub fn sized_app(docs: Vec<Document>, alignment: Alignment, w: u16, h: u16) -> App {
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

/// The seeds with the hand links, at `w`×`h`.
pub fn hand_app(w: u16, h: u16) -> App {
    let docs = seed_documents();
    let alignment = Alignment::new(&docs, hand_links());
    sized_app(docs, alignment, w, h)
}

/// The seeds aligned by the real engine, at `w`×`h`.
pub fn seed_app(w: u16, h: u16) -> App {
    let docs = seed_documents();
    let alignment = parallax::align::align(&docs);
    sized_app(docs, alignment, w, h)
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
