//! The overview's legend, whole titles, the overlap matrix following the reports table, and
//! where its claims open.
#![allow(clippy::unwrap_used)] // Tests and benches may unwrap: a failure is the report.

mod ui_support;

use parallax::model::load_inputs;
use parallax::ui::{Action, Filter, View};
use ui_support::{press, screen_text, seed_app, sized_app};

#[test]
fn the_overview_explains_its_marks() {
    for (w, h) in [(80, 24), (160, 45)] {
        let app = seed_app(w, h);
        let rows = screen_text(&app);
        let title = &rows[1];
        for m in ["= shared", "≠ divergent", "◆ unique"] {
            assert!(title.contains(m), "{w}: {title}");
        }
        if w >= 160 {
            assert!(
                title.contains("○ compare: not in the report opposite"),
                "{title}"
            );
        }
    }
}

#[test]
fn titles_are_whole_when_they_fit() {
    let app = seed_app(300, 40);
    let rows = screen_text(&app);
    for (i, d) in app.docs.iter().enumerate() {
        let whole = parallax::ui::titles::full(d);
        let row = rows
            .iter()
            .find(|r| r.starts_with(&format!("{}{} ", if i == 0 { '▶' } else { ' ' }, i + 1)))
            .unwrap();
        assert!(
            row.contains(whole.as_ref()),
            "{whole:?} not whole in {row:?}"
        );
        assert!(!row.contains('…'), "{row}");
    }
}

fn topic_app(w: u16, h: u16) -> parallax::ui::App {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ecbplus");
    let docs = load_inputs(&[format!("{dir}/1"), format!("{dir}/37")]).documents;
    let al = parallax::align::align(&docs);
    let mut app = sized_app(docs, al, w, h);
    // The topic's two events make stories: open the largest, whose overview the tests read.
    if app.stories.list {
        let big = (0..app.stories.rows.len())
            .max_by_key(|&s| app.stories.rows[s].reports)
            .unwrap();
        press(&mut app, &[Action::First]);
        press(&mut app, &vec![Action::NextStatement; big]);
        press(&mut app, &[Action::Open]);
    }
    app
}

#[test]
fn the_matrix_rows_are_the_tables_rows() {
    let mut app = topic_app(120, 30);
    let n = app.shown().len();
    assert!(n > 12, "{n}");
    press(&mut app, &[Action::Last]);
    assert!(app.overview.report_scroll > 0);
    let rows = screen_text(&app);
    let o = app.overview_parts(app.screen().body);
    let m = o.matrix.unwrap();
    // Every row of the table beside the matrix shows the report the matrix row is labelled with.
    let mut checked = 0;
    for y in m.content.y + 1..m.content.bottom() {
        let line: Vec<char> = rows[usize::from(y)].chars().collect();
        let table: String = line[..usize::from(o.reports.content.right())]
            .iter()
            .collect();
        let matrix: String = line[usize::from(m.content.x)..].iter().collect();
        let t = table
            .trim_start_matches('▶')
            .split_whitespace()
            .next()
            .unwrap_or("");
        let r = matrix.split_whitespace().next().unwrap_or("");
        if t.is_empty() && r.is_empty() {
            continue;
        }
        assert_eq!(t, r, "row {y}: table {table:?} beside matrix {matrix:?}");
        checked += 1;
    }
    assert!(checked >= 10, "{checked} rows checked");
}

#[test]
fn the_matrix_shows_every_column_it_has_room_for() {
    let app = topic_app(300, 40);
    let n = app.shown().len();
    let rows = screen_text(&app);
    let o = app.overview_parts(app.screen().body);
    let m = o.matrix.unwrap();
    let head: String = rows[usize::from(m.content.y)]
        .chars()
        .skip(usize::from(m.content.x))
        .collect();
    let cols: Vec<&str> = head.split_whitespace().collect();
    assert_eq!(cols.len(), n, "{head}");
    let last = app.shown()[n - 1] + 1;
    assert_eq!(cols.last(), Some(&last.to_string().as_str()));
}

/// Issue 9: a divergent claim opens on the two statements that disagree, not on its central
/// member's closest match (the 25% tariff claim had opened [1]⇄[5] while its conflict was
/// between [3] and [4]).
#[test]
fn enter_on_a_divergent_claim_opens_the_pair_that_disagrees() {
    let mut app = seed_app(120, 35);
    press(
        &mut app,
        &[Action::SwitchPane, Action::CycleFilter, Action::CycleFilter],
    );
    assert_eq!(app.filter, Filter::Divergent);
    let claims = app.visible_claims.len();
    assert!(claims > 0);
    let mut elsewhere = 0;
    for k in 0..claims {
        app.overview.claim = k;
        let g = match app.claims[app.visible_claims[k]] {
            parallax::ui::app::Claim::Group(g) => g,
            parallax::ui::app::Claim::Unique(_) => continue,
        };
        // Where the old rule went: the central member and its best-scored link.
        let central = app.alignment.groups[g].central;
        let best = app
            .alignment
            .links_of(central)
            .max_by(|x, y| x.score.total_cmp(&y.score))
            .unwrap();
        if best.relation != parallax::align::Relation::Divergent {
            elsewhere += 1;
        }
        press(&mut app, &[Action::Open]);
        assert_eq!(app.view, View::Compare);
        let left = parallax::align::StatementRef {
            doc: app.compare.docs[0],
            statement: app.compare.sel[0],
        };
        let right = parallax::align::StatementRef {
            doc: app.compare.docs[1],
            statement: app.compare.sel[1],
        };
        let link = app
            .alignment
            .links_of(left)
            .find(|l| l.other(left) == Some(right))
            .unwrap_or_else(|| panic!("claim {k}: {left:?} and {right:?} are not linked"));
        assert_eq!(
            link.relation,
            parallax::align::Relation::Divergent,
            "claim {k}"
        );
        assert_eq!(app.alignment.group_of(left), Some(g), "claim {k}");
        press(&mut app, &[Action::Overview]);
        app.overview.focus = parallax::ui::app::OverviewFocus::Claims;
    }
    assert!(
        elsewhere > 0,
        "no divergent claim whose central link is shared"
    );
}
