//! The words the compare view and the reader highlight in a linked pair: a conflict's words on
//! both sides and nothing else of two reworded statements, the differing phrase of a close
//! paraphrase, "reworded" said in words. Links are given by hand, so the tests do not move
//! with the engine's scores.
#![allow(clippy::unwrap_used)] // Tests may unwrap: a failure is the report.

mod ui_support;

use parallax::align::{highlight, Alignment, Difference, DifferenceKind, Link, Relation};
use parallax::align::{Mark, StatementRef};
use parallax::model::embedded::seed_documents;
use parallax::ui::{Action, App, Theme};
use ratatui::style::Style;
use ui_support::{draw, ix, press, screen_text, sized_app};

use Action::*;

/// Seeds 002 and 003 (reports 3 and 4): the deadline "a day away" against "48 hours before".
const DAY: (usize, &str) = (2, "looming just a day away");
const HOURS: (usize, &str) = (3, "48 hours before the expiration");
/// Two close wordings of the first meeting since 2021 (reports 1 and 2).
const SINCE: [(usize, &str); 2] = [
    (0, "The upcoming summit would mark"),
    (1, "The upcoming Putin-Trump meeting will mark"),
];

fn at(s: (usize, &str)) -> StatementRef {
    StatementRef {
        doc: s.0,
        statement: ix(s.0, s.1),
    }
}

fn app_with(link: Link, w: u16, h: u16) -> App {
    let docs = seed_documents();
    let al = Alignment::new(&docs, vec![link]);
    sized_app(docs, al, w, h)
}

/// Whether a cell is drawn in `s`: its colours where `s` sets them, and its modifiers.
fn same(cell: &ratatui::buffer::Cell, s: Style) -> bool {
    s.fg.is_none_or(|c| c == cell.fg)
        && s.bg.is_none_or(|c| c == cell.bg)
        && cell.modifier.contains(s.add_modifier)
}

/// The words drawn in style `s` in the pane text (not the bars or the row under the panes),
/// left and right of column `split`.
fn styled_words(app: &App, s: Style, split: u16) -> [Vec<String>; 2] {
    let t = draw(app);
    let buf = t.backend().buffer();
    let (w, h) = (buf.area.width, buf.area.height);
    let mut out = [String::new(), String::new()];
    for y in 2..h.saturating_sub(2) {
        for x in 0..w {
            let side = usize::from(x >= split);
            if same(&buf[(x, y)], s) {
                out[side].push_str(buf[(x, y)].symbol());
            } else {
                out[side].push(' ');
            }
        }
    }
    out.map(|x| x.split_whitespace().map(str::to_owned).collect())
}

/// Open compare on the reports of `left` and `right`, `left`'s statement selected.
fn compare_on(app: &mut App, left: StatementRef, right: StatementRef) {
    press(app, &[Compare]);
    for _ in 0..10 {
        if app.compare.docs[0] == left.doc {
            break;
        }
        press(app, &[NextLeft]);
    }
    for _ in 0..10 {
        if app.compare.docs[1] == right.doc {
            break;
        }
        press(app, &[NextRight]);
    }
    assert_eq!(app.compare.docs, [left.doc, right.doc]);
    for _ in 0..200 {
        if app.compare.sel[0] == left.statement {
            break;
        }
        press(app, &[NextLinked]);
    }
    assert_eq!(app.compare.sel[0], left.statement);
}

/// Seed 002's "a day away" against 003's "48 hours", as one divergent link.
fn day_against_hours() -> (StatementRef, StatementRef, Link) {
    let (a, b) = (at(DAY), at(HOURS));
    let link = Link {
        a,
        b,
        score: 0.8,
        relation: Relation::Divergent,
        differences: vec![Difference {
            kind: DifferenceKind::Number,
            a: "a day".into(),
            b: "48 hours".into(),
        }],
    };
    (a, b, link)
}

#[test]
fn a_day_against_48_hours_is_all_that_is_marked() {
    let (a, b, link) = day_against_hours();
    let mut app = app_with(link, 160, 45);
    compare_on(&mut app, a, b);
    let t = Theme::dark();
    let [left, right] = styled_words(&app, t.changed, 80);
    assert_eq!(left, ["a", "day"]);
    assert_eq!(right, ["48", "hours"]);
    // The rest of the two sentences is worded apart: no phrase marks, and the row says so.
    let [pl, pr] = styled_words(&app, t.phrase, 80);
    assert!(pl.is_empty() && pr.is_empty(), "{pl:?} {pr:?}");
    let screen = screen_text(&app);
    let row = &screen[screen.len() - 2];
    assert!(row.contains("number: a day ↔ 48 hours"), "{row}");
    assert!(row.contains("reworded"), "{row}");
}

#[test]
fn a_close_paraphrase_marks_its_differing_phrase_and_no_more() {
    let (a, b) = (at(SINCE[0]), at(SINCE[1]));
    let docs = seed_documents();
    let (ta, tb) = (
        docs[a.doc].statement_text(a.statement),
        docs[b.doc].statement_text(b.statement),
    );
    let h = highlight(ta, tb, &[]);
    assert!(!h.reworded);
    let link = Link {
        a,
        b,
        score: 0.8,
        relation: Relation::Shared,
        differences: Vec::new(),
    };
    let mut app = app_with(link, 160, 45);
    compare_on(&mut app, a, b);
    let t = Theme::dark();
    let words = |s: &str, hs: &[parallax::align::Highlight]| -> Vec<String> {
        hs.iter()
            .filter(|x| x.mark == Mark::Phrase)
            .flat_map(|x| s[x.range.clone()].split_whitespace().map(str::to_owned))
            .collect()
    };
    let [left, right] = styled_words(&app, t.phrase, 80);
    assert_eq!(left, words(ta, &h.a));
    assert_eq!(right, words(tb, &h.b));
    assert!(!left.is_empty() || !right.is_empty());
    // Far from the whole sentence, and no conflict marks in a shared pair.
    for (shown, text) in [(&left, ta), (&right, tb)] {
        assert!(
            2 * shown.len() <= text.split_whitespace().count(),
            "{shown:?}"
        );
    }
    let [cl, cr] = styled_words(&app, t.changed, 80);
    assert!(cl.is_empty() && cr.is_empty());
    let screen = screen_text(&app);
    assert!(!screen[screen.len() - 2].contains("reworded"));
}

#[test]
fn the_reader_panel_says_reworded_and_marks_the_conflict() {
    let (a, _, link) = day_against_hours();
    let mut app = app_with(link, 160, 45);
    press(&mut app, &[Reader]);
    while app.reader.doc != a.doc {
        press(&mut app, &[NextRight]);
    }
    while app.reader.sel != a.statement {
        press(&mut app, &[NextDivergent]);
    }
    let t = Theme::dark();
    // The panel starts where its title does.
    let title = &screen_text(&app)[1];
    let split = title[..title.find("How other reports").unwrap()]
        .chars()
        .count() as u16;
    let [text, panel] = styled_words(&app, t.changed, split);
    // The text pane marks "a day"; the panel marks "48 hours" in the other report's wording
    // and lists the typed difference under it (both sides, in the conflict style).
    assert_eq!(text, ["a", "day"]);
    assert_eq!(panel, ["48", "hours", "a", "day", "48", "hours"]);
    let screen = screen_text(&app).join("\n");
    assert!(screen.contains("≠ differs reworded · [4]"), "{screen}");
}
