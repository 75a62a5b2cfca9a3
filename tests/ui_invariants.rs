//! The screens never contradict the engine: over the seeds and two ECB+ topics, in both
//! compare layouts and for every pair of reports, each mark drawn on screen is checked against
//! the `Alignment` itself (its groups), not against the interface's own helpers. The checks
//! hold for any alignment, so they keep holding when the engine changes which statements link.
#![allow(clippy::unwrap_used)] // Tests and benches may unwrap: a failure is the report.

mod ui_support;

use parallax::align::{Alignment, StatementRef, Status};
use parallax::model::{load_inputs, Document, StatementKind};
use parallax::ui::geometry;
use parallax::ui::{Action, App, CompareMode, View};
use ratatui::buffer::Buffer;

const W: u16 = 160;
const H: u16 = 60;

fn at(doc: usize, statement: usize) -> StatementRef {
    StatementRef { doc, statement }
}

/// The claim of a statement straight from the alignment.
fn group(al: &Alignment, docs: &[Document], r: StatementRef) -> Option<usize> {
    // Headlines that state a claim are claim members too; boilerplate never is.
    if docs[r.doc].statements[r.statement].kind == StatementKind::Boilerplate {
        return None;
    }
    al.group_of(r)
}

/// The mark the compare view must draw for `r` against report `other`.
fn expected_mark(al: &Alignment, docs: &[Document], r: StatementRef, other: usize) -> char {
    let kind = docs[r.doc].statements[r.statement].kind;
    // A headline that links is a claim like a sentence; other headings and boilerplate are not.
    if al.status(r) == Status::NotClaim {
        return if kind == StatementKind::Heading {
            '#'
        } else {
            '~'
        };
    }
    match group(al, docs, r) {
        None => '◆',
        Some(g) if al.groups[g].members.iter().any(|m| m.doc == other) => '=', // or ≠
        Some(_) => '○',
    }
}

/// One frame of the app, drawn straight into a buffer (no terminal, no diffing).
fn frame(app: &App) -> Buffer {
    use ratatui::widgets::Widget;
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    let mut buf = Buffer::empty(area);
    app.render(area, &mut buf);
    buf
}

fn cell(buf: &Buffer, x: u16, y: u16) -> char {
    buf[(x, y)].symbol().chars().next().unwrap_or(' ')
}

/// The app on `docs` with their alignment, sized for the checks.
fn app_on(docs: Vec<Document>) -> App {
    let al = parallax::align::align(&docs);
    ui_support::sized_app(docs, al, W, H)
}

/// Check that the layouts keep each report in reading order and pair only members of one
/// claim; then, when `draw`, draw every row of both panes (page by page) and check each
/// statement's mark and claim number.
fn check_compare_marks(app: &mut App, l: usize, r: usize, draw: bool) {
    app.compare.docs = [l, r];
    app.compare.sel = [0, 0];
    app.relayout();
    let docs = app.docs.clone();
    let al = app.alignment.clone();
    let panes = geometry::compare(app.screen().body);
    let gutter = app.compare_gutter();
    let pair = [l, r];
    for (lay, doc) in app.compare.layouts.iter().zip(pair) {
        let order: Vec<usize> = lay.lines.iter().filter_map(|x| x.stmt).collect();
        assert!(
            order.windows(2).all(|w| w[0] <= w[1]),
            "{:?} layout of report {} out of reading order in pair {l},{r}",
            app.compare.mode,
            doc + 1
        );
    }
    if app.compare.mode == CompareMode::Aligned {
        let [a, b] = &app.compare.layouts;
        assert_eq!(a.lines.len(), b.lines.len());
        for (x, y) in a.lines.iter().zip(&b.lines) {
            if let (Some(i), Some(j)) = (x.stmt, y.stmt) {
                let (ri, rj) = (at(l, i), at(r, j));
                assert!(
                    group(&al, &docs, ri).is_some()
                        && group(&al, &docs, ri) == group(&al, &docs, rj),
                    "aligned rows put {ri:?} beside {rj:?}, which share no claim"
                );
            }
        }
    }
    if !draw {
        return;
    }
    for side in 0..2 {
        let c = panes[side].content;
        let h = usize::from(c.height);
        let lay = app.compare.layouts[side].clone();
        let mut top = 0;
        while top < lay.lines.len() {
            app.compare.scroll = [top, top];
            let buf = &frame(app);
            for (k, line) in lay.lines.iter().skip(top).take(h).enumerate() {
                let (Some(s), true) = (line.stmt, line.first) else {
                    continue;
                };
                let y = c.y + k as u16;
                let rf = at(pair[side], s);
                let mark = cell(buf, c.x + 1, y);
                let want = expected_mark(&al, &docs, rf, pair[1 - side]);
                let ok = if want == '=' {
                    mark == '=' || mark == '≠'
                } else {
                    mark == want
                };
                assert!(
                    ok,
                    "{:?} pair {l},{r}: {rf:?} drawn {mark:?}, the alignment says {want:?}",
                    app.compare.mode
                );
                let num: String = (c.x + 2..c.x + gutter - 1)
                    .map(|x| cell(buf, x, y))
                    .collect();
                let want_num = group(&al, &docs, rf).map_or(String::new(), |g| (g + 1).to_string());
                assert_eq!(num.trim(), want_num, "claim number of {rf:?}");
            }
            top += h;
        }
    }
}

/// With each statement of the left pane selected in turn, the right pane's ▷ (if drawn) sits on
/// a member of the selected statement's claim, and is drawn whenever that member is on screen.
fn check_counterpart_marks(app: &mut App, l: usize, r: usize) {
    app.compare.docs = [l, r];
    app.compare.focus = 0;
    app.compare.sel = [0, 0];
    app.relayout();
    app.update(Action::First);
    let docs = app.docs.clone();
    let al = app.alignment.clone();
    let c = geometry::compare(app.screen().body)[1].content;
    for i in 0..docs[l].statements.len() {
        if i > 0 {
            app.update(Action::NextStatement);
        }
        assert_eq!(app.compare.sel[0], i);
        let buf = &frame(app);
        let lay = &app.compare.layouts[1];
        let sel = at(l, i);
        for y in c.y..c.bottom() {
            if cell(buf, c.x, y) != '▷' {
                continue;
            }
            let row = app.compare.scroll[1] + usize::from(y - c.y);
            let j = lay.lines[row].stmt.unwrap();
            let g = group(&al, &docs, sel);
            assert!(
                g.is_some() && g == group(&al, &docs, at(r, j)),
                "{:?} pair {l},{r}: ▷ on {j} while {i} (claim {g:?}) is selected",
                app.compare.mode
            );
        }
        // When the claim has a statement opposite, one is marked, and drawn if on screen.
        let g = group(&al, &docs, sel);
        let there: Vec<usize> = g.map_or(Vec::new(), |g| {
            al.groups[g]
                .members
                .iter()
                .filter(|m| m.doc == r)
                .map(|m| m.statement)
                .collect()
        });
        if let Some(&j) = there.iter().find(|&&j| j == app.compare.sel[1]) {
            let first = lay.first_line[j];
            let top = app.compare.scroll[1];
            if first >= top && first < top + usize::from(c.height) {
                let y = c.y + u16::try_from(first - top).unwrap();
                assert_eq!(
                    cell(buf, c.x, y),
                    '▷',
                    "pair {l},{r}: {i}'s counterpart {j}"
                );
            }
        } else {
            assert!(
                there.is_empty(),
                "pair {l},{r}: {i} selects {} opposite, not one of {there:?}",
                app.compare.sel[1]
            );
        }
    }
}

/// In the reader, every statement's `k/n` is its claim's support, and the panel lists exactly
/// the claim's other members under "How other reports state it (k-1 of n-1)".
fn check_reader(app: &mut App) {
    let docs = app.docs.clone();
    let al = app.alignment.clone();
    let n = docs.len();
    let d = parallax::ui::app::digits(n);
    app.update(Action::Reader);
    assert_eq!(app.view, View::Reader);
    let g = geometry::reader(app.screen().body);
    for doc in 0..n {
        app.reader.doc = doc;
        app.relayout();
        for s in 0..docs[doc].statements.len() {
            app.reader.sel = s;
            app.reader.scroll = app.reader.layout.first_line[s];
            app.reader.panel_scroll = 0;
            let rf = at(doc, s);
            let kind = docs[doc].statements[s].kind;
            let support = match group(&al, &docs, rf) {
                Some(g) => al.groups[g].support,
                None if kind == StatementKind::Body => 1,
                None => 0,
            };
            let lines = ui_support::screen_text(app);
            let c = g.text.content;
            let row: String = lines[usize::from(c.y)]
                .chars()
                .skip(usize::from(c.x))
                .collect();
            if support > 0 {
                let want = format!("▶{support:>d$}/{n:<d$}");
                assert!(
                    row.starts_with(&want),
                    "{rf:?}: {row:?} should start {want:?}"
                );
            }
            let title: String = lines[usize::from(g.panel.title.y)]
                .chars()
                .skip(usize::from(g.panel.title.x))
                .collect();
            let want = format!(
                "How other reports state it ({} of {})",
                support.saturating_sub(1),
                n - 1
            );
            assert!(
                title.contains(&want),
                "{rf:?}: {title:?} should say {want:?}"
            );
            let members = group(&al, &docs, rf).map_or(0, |g| al.groups[g].members.len() - 1);
            let panel = parallax::ui::view::reader::panel_row_count(app);
            assert!(
                members == 0 || panel >= 2 * members,
                "{rf:?}: {members} other members but {panel} panel rows"
            );
        }
    }
}

/// Moving down the left pane never moves the right pane back (aligned: one scroll for both;
/// reading order: the counterpart is followed), and `g` shows both reports from the top.
fn check_scrolling(app: &mut App, l: usize, r: usize) {
    app.compare.docs = [l, r];
    app.compare.focus = 0;
    app.relayout();
    app.update(Action::First);
    assert_eq!(app.compare.scroll, [0, 0], "g starts both panes at the top");
    if app.compare.mode != CompareMode::Aligned {
        return;
    }
    let mut last = 0;
    for _ in 1..app.docs[l].statements.len() {
        app.update(Action::NextStatement);
        let s = app.compare.scroll[1];
        assert!(
            s >= last,
            "pair {l},{r}: the right pane went back from row {last} to {s}"
        );
        assert_eq!(app.compare.scroll[0], s);
        last = s;
    }
    app.update(Action::First);
    assert_eq!(app.compare.scroll, [0, 0], "g starts both panes at the top");
}

/// Check every pair's layouts; draw every pair when `every` (else one pair in twelve, spread
/// over the reports, to keep debug-build test time reasonable).
fn check_all(docs: Vec<Document>, every: bool) {
    let mut app = app_on(docs);
    app.update(Action::Compare);
    let n = app.n_docs();
    for mode in [CompareMode::Aligned, CompareMode::Reading] {
        app.compare.mode = mode;
        for l in 0..n {
            for r in l + 1..n {
                let sample = (l * 31 + r) % 12 == 0;
                check_compare_marks(&mut app, l, r, every || sample);
                check_scrolling(&mut app, l, r);
                if every || (l * 31 + r) % 17 == 0 {
                    check_counterpart_marks(&mut app, l, r);
                }
            }
        }
    }
    check_reader(&mut app);
}

#[test]
fn the_seed_screens_agree_with_the_alignment() {
    check_all(parallax::model::embedded::seed_documents(), true);
}

fn topic(t: &str) -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ecbplus");
    let loaded = load_inputs(&[format!("{dir}/{t}")]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.documents
}

#[test]
fn the_ecbplus_topic_1_screens_agree_with_the_alignment() {
    check_all(topic("1"), false);
}

#[test]
fn the_ecbplus_topic_37_screens_agree_with_the_alignment() {
    check_all(topic("37"), false);
}
