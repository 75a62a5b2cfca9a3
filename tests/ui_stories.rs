//! The interface by story, on ECB+ topics 1 and 37 (four events, see
//! `tests/data/ecbplus/PROVENANCE.md`): the overview opens on the story list, `Enter` opens a
//! story's overview restricted to its reports, `Esc` comes back, and `]`/`[` in the reader
//! stay within the story.
#![allow(clippy::unwrap_used)] // Tests and benches may unwrap: a failure is the report.

mod ui_support;

use parallax::model::load_inputs;
use parallax::ui::app::OverviewFocus;
use parallax::ui::{Action, App, View};
use ui_support::{draw, press, screen_text, sized_app};

use Action::*;

/// ECB+ topics 1 and 37 aligned by the engine, at `w`×`h`.
fn ecb_app(w: u16, h: u16) -> App {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ecbplus");
    let loaded = load_inputs(&[format!("{dir}/1"), format!("{dir}/37")]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let docs = loaded.documents;
    let alignment = parallax::align::align(&docs);
    sized_app(docs, alignment, w, h)
}

#[test]
fn story_list_snapshots() {
    for (w, h) in [(80, 24), (160, 45)] {
        let app = ecb_app(w, h);
        let t = draw(&app);
        insta::assert_debug_snapshot!(format!("story_list_{w}x{h}"), t.backend().buffer());
    }
}

#[test]
fn story_overview_snapshot() {
    let mut app = ecb_app(160, 45);
    press(&mut app, &[NextStatement, Open]);
    insta::assert_snapshot!("story_overview_160x45", screen_text(&app).join("\n"));
}

#[test]
fn several_stories_open_on_the_story_list_with_their_figures() {
    let app = ecb_app(120, 35);
    let n = app.alignment.stories.len();
    assert!(n > 1, "topics 1 and 37 make several stories, got {n}");
    assert!(app.stories.list);
    assert_eq!(app.view, View::Overview);
    let rows = &app.stories.rows;
    assert_eq!(rows.len(), n);
    assert_eq!(rows.iter().map(|r| r.reports).sum::<usize>(), app.n_docs());
    assert_eq!(
        rows.iter().map(|r| r.claims).sum::<usize>(),
        app.alignment.groups.len(),
        "every claim is in one story"
    );
    for (s, r) in app.alignment.stories.iter().zip(rows) {
        assert!(r.sources >= 1 && r.sources <= r.reports, "{r:?}");
        assert!(r.divergences <= r.claims, "{r:?}");
        assert_eq!(r.reports, s.reports.len());
    }
    let text = screen_text(&app).join("\n");
    assert!(text.contains(&format!("Stories ({n})")), "{text}");
    assert!(text.contains("reports sources claims"), "{text}");
}

#[test]
fn enter_opens_a_story_and_esc_returns_to_the_list() {
    let mut app = ecb_app(120, 35);
    press(&mut app, &[NextStatement]);
    assert_eq!(app.stories.sel, 1);
    press(&mut app, &[Open]);
    let story = app.alignment.stories[1].clone();
    assert!(!app.stories.list);
    assert_eq!(app.stories.open, Some(1));
    assert_eq!(app.shown(), story.reports.as_slice());
    assert_eq!(app.overview.report, story.reports[0]);
    assert_eq!(app.overview.focus, OverviewFocus::Reports);
    // The claims list holds this story's claims only.
    assert!(!app.visible_claims.is_empty());
    for &ci in &app.visible_claims {
        let r = app.claim_statement(app.claims[ci]).unwrap();
        assert!(story.reports.contains(&r.doc), "claim of report {}", r.doc);
    }
    // j moves through the story's reports, not the load order.
    press(&mut app, &[NextStatement]);
    assert_eq!(app.overview.report, story.reports[1]);
    press(&mut app, &[Last]);
    assert_eq!(app.overview.report, *story.reports.last().unwrap());
    let text = screen_text(&app).join("\n");
    assert!(text.contains(" Story 2/"), "{text}");
    assert!(
        text.contains("story 2/"),
        "the status line says where: {text}"
    );
    press(&mut app, &[Back]);
    assert!(app.stories.list);
    assert_eq!(app.stories.open, None);
    assert_eq!(app.stories.sel, 1, "the list keeps its selection");
    assert_eq!(app.shown().len(), app.n_docs());
    assert_eq!(app.view, View::Overview);
}

#[test]
fn brackets_in_the_reader_step_within_the_story() {
    let mut app = ecb_app(120, 35);
    // The largest story, so that there is somewhere to step to.
    let (s, story) = app
        .alignment
        .stories
        .iter()
        .enumerate()
        .max_by_key(|(_, s)| s.reports.len())
        .map(|(i, s)| (i, s.reports.clone()))
        .unwrap();
    assert!(story.len() > 2);
    for _ in 0..s {
        press(&mut app, &[NextStatement]);
    }
    press(&mut app, &[Open, Open]);
    assert_eq!(app.view, View::Reader);
    assert_eq!(app.reader.doc, story[0]);
    let mut seen = vec![app.reader.doc];
    for _ in 1..story.len() {
        press(&mut app, &[NextRight]);
        seen.push(app.reader.doc);
    }
    assert_eq!(seen, story, "] visits the story's reports in order");
    press(&mut app, &[NextRight]);
    assert_eq!(app.reader.doc, story[0], "and wraps around within it");
    press(&mut app, &[PrevRight]);
    assert_eq!(app.reader.doc, *story.last().unwrap());
    // Back to the story's overview, then to the list.
    press(&mut app, &[Back]);
    assert_eq!(app.view, View::Overview);
    assert!(!app.stories.list);
    press(&mut app, &[Back]);
    assert!(app.stories.list);
}

#[test]
fn colon_n_on_the_story_list_opens_report_n_in_its_story() {
    let mut app = ecb_app(120, 35);
    let last = app.n_docs();
    let mut keys = vec![Command];
    keys.extend(last.to_string().chars().map(SearchInput));
    keys.push(SearchConfirm);
    press(&mut app, &keys);
    let s = app
        .alignment
        .stories
        .iter()
        .position(|s| s.reports.contains(&(last - 1)))
        .unwrap();
    assert_eq!(app.stories.open, Some(s));
    assert_eq!(app.overview.report, last - 1);
    press(&mut app, &[Reader]);
    assert_eq!(app.reader.doc, last - 1);
}

#[test]
fn one_story_has_no_story_list() {
    let app = ui_support::seed_app(80, 24);
    assert!(app.alignment.stories.len() <= 1);
    assert!(!app.stories.list);
    assert!(screen_text(&app).join("\n").contains("Claims by support"));
}
