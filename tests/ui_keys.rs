//! `App::update` for the keys users bring from less, vim and lazygit: copying, the pager, the
//! `:` prompt, half pages, pane focus by direction, search across reports, and the messages
//! that say when a key found nothing.
#![allow(clippy::unwrap_used)] // Tests and benches may unwrap: a failure is the report.

mod ui_support;

use parallax::align::StatementRef;
use parallax::ui::effects::Effect;
use parallax::ui::{Action, View};
use ui_support::{hand_app, ix, press, screen_text, MEET};

use Action::*;

fn typed(app: &mut parallax::ui::App, start: Action, s: &str) {
    app.update(start);
    for c in s.chars() {
        app.update(SearchInput(c));
    }
    app.update(SearchConfirm);
}

#[test]
fn y_copies_the_clean_statement_and_capital_y_the_whole_claim() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[Reader]);
    let meet = ix(0, MEET);
    assert_eq!(app.reader.sel, meet);
    press(&mut app, &[CopyStatement]);
    let want: String = app.docs[0]
        .statement_text(meet)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(app.effects, vec![Effect::Copy(want.clone())]);
    assert!(app
        .message
        .as_deref()
        .unwrap()
        .contains("copied the statement"));
    app.effects.clear();
    press(&mut app, &[CopyClaim]);
    let [Effect::Copy(claim)] = app.effects.as_slice() else {
        panic!("{:?}", app.effects)
    };
    // Every member of the claim, each with its report, in report order.
    let g = app
        .alignment
        .group_of(StatementRef {
            doc: 0,
            statement: meet,
        })
        .unwrap();
    let members = &app.alignment.groups[g].members;
    assert!(members.len() >= 2);
    assert!(
        claim.starts_with(&format!("Claim {}, stated by", g + 1)),
        "{claim}"
    );
    for m in members {
        let words: String = app.docs[m.doc]
            .statement_text(m.statement)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(claim.contains(&format!("[{}]", m.doc + 1)), "{claim}");
        assert!(claim.contains(&words), "{claim}");
    }
    assert!(claim.contains(&want));
}

#[test]
fn nothing_to_copy_on_the_reports_table_says_so() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[CopyStatement]);
    assert!(app.effects.is_empty());
    assert!(app.message.as_deref().unwrap().contains("nothing selected"));
}

#[test]
fn o_asks_for_the_pager_at_the_statements_line() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[Reader, Last, OpenExternal]);
    let d = &app.docs[0];
    let last = d.statements.len() - 1;
    let want_line = d.text[..d.statements[last].start].matches('\n').count() + 1;
    assert!(want_line > 1);
    match app.effects.as_slice() {
        [Effect::Page { path, text, line }] => {
            assert_eq!(*line, want_line);
            assert_eq!(text, &d.text);
            assert_eq!(path.as_deref(), Some(std::path::Path::new(&d.path)));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn colon_jumps_to_a_statement_a_claim_or_a_report() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[Reader]);
    typed(&mut app, Command, "12");
    assert_eq!((app.reader.doc, app.reader.sel), (0, 11));
    assert!(!app.search.editing && app.search.query.is_empty());
    typed(&mut app, Command, "report 3");
    assert_eq!(
        (app.view, app.reader.doc, app.reader.sel),
        (View::Reader, 2, 0)
    );
    typed(&mut app, Command, "claim 1");
    let g = &app.alignment.groups[0];
    let m = g.members.iter().find(|m| m.doc == 2).unwrap();
    assert_eq!(
        app.reader.sel, m.statement,
        "the claim's statement in this report"
    );
    typed(&mut app, Command, "999");
    assert!(app.message.as_deref().unwrap().contains("no statement 999"));
    typed(&mut app, Command, "fly 2");
    assert!(app.message.as_deref().unwrap().contains("unknown command"));
    // While the command is typed nothing is searched or highlighted.
    press(&mut app, &[Command, SearchInput('1')]);
    assert!(app.search.hits.is_empty());
    assert_eq!(app.highlight(), "");
    let status = screen_text(&app).pop().unwrap();
    assert!(status.starts_with(" :1"), "{status}");
    press(&mut app, &[Back]);
    assert!(!app.search.editing);
    press(&mut app, &[Overview]);
    typed(&mut app, Command, "claim 2");
    assert_eq!(app.view, View::Overview);
    let ci = app.visible_claims[app.overview.claim];
    assert_eq!(app.claims[ci], parallax::ui::app::Claim::Group(1));
}

#[test]
fn ctrl_d_and_ctrl_u_move_half_a_page() {
    let mut app = hand_app(80, 24);
    press(&mut app, &[Reader, HalfPageDown]);
    let page = 11; // the reader's text pane at 80×24
    let lay = &app.reader.layout;
    let moved = lay.first_line[app.reader.sel];
    assert!(moved >= page / 2 && moved < page, "{moved}");
    press(&mut app, &[HalfPageUp]);
    assert_eq!(app.reader.sel, 0);
    let key = |c| {
        app.keymap.action(&ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char(c),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        ))
    };
    assert_eq!(key('d'), Some(HalfPageDown));
    assert_eq!(key('u'), Some(HalfPageUp));
    assert_eq!(key('f'), Some(PageDown));
    assert_eq!(key('b'), Some(PageUp));
}

#[test]
fn h_and_l_focus_the_pane_on_that_side() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[Compare, PaneRight]);
    assert_eq!(app.compare.focus, 1);
    press(&mut app, &[PaneRight]);
    assert_eq!(app.compare.focus, 1, "l again stays right");
    press(&mut app, &[PaneLeft]);
    assert_eq!(app.compare.focus, 0);
    press(&mut app, &[Reader, PaneRight]);
    assert!(app.reader.panel_focus);
    press(&mut app, &[PaneLeft, Overview, PaneRight]);
    assert!(!app.reader.panel_focus);
    assert_eq!(app.overview.focus, parallax::ui::app::OverviewFocus::Claims);
}

#[test]
fn q_in_help_closes_the_help_and_ctrl_c_quits_from_anywhere() {
    let mut app = hand_app(80, 24);
    press(&mut app, &[Reader, Help, Quit]);
    assert_eq!(app.view, View::Reader);
    assert!(!app.quit);
    press(&mut app, &[Help, QuitNow]);
    assert!(app.quit);
}

#[test]
fn jumps_with_nothing_left_say_so() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[Reader, Last, NextDivergent]);
    assert_eq!(app.message.as_deref(), Some("no divergent statement below"));
    press(&mut app, &[NextUnique]);
    assert_eq!(app.message.as_deref(), Some("no unique statement below"));
    press(&mut app, &[NextLinked]);
    assert_eq!(app.message.as_deref(), Some("no linked statement below"));
    press(&mut app, &[Compare, First, PrevDivergent]);
    assert_eq!(app.message.as_deref(), Some("no divergent statement above"));
    let status = screen_text(&app).pop().unwrap();
    assert!(status.contains("no divergent statement above"), "{status}");
}

#[test]
fn compare_search_says_where_else_the_matches_are() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[Compare]);
    // "Zelenskiy" is not in every report; find a word the left report lacks and another has.
    let left = app.compare.docs[0];
    let word = ["Zelenskiy", "Alaska", "Geneva", "Leavitt", "Ushakov"]
        .into_iter()
        .find(|w| {
            let w = w.to_lowercase();
            !app.docs[left].text.to_lowercase().contains(&w)
                && app.docs.iter().any(|d| d.text.to_lowercase().contains(&w))
        })
        .expect("a word in another report only");
    typed(&mut app, Search, word);
    let m = app.message.clone().unwrap();
    assert!(
        m.contains("in this report") && m.contains("other report"),
        "{m}"
    );
}

#[test]
fn the_claims_list_search_finds_claims_by_any_reports_wording() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[SwitchPane]);
    // A word only the second report's wording of claim 1 has.
    let g = &app.alignment.groups[0];
    let rep = g.members[0];
    let other = g.members.iter().find(|m| m.doc != rep.doc).unwrap();
    let mine = app.docs[rep.doc]
        .statement_text(rep.statement)
        .to_lowercase();
    let word = app.docs[other.doc]
        .statement_text(other.statement)
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| w.len() > 4 && !mine.contains(&w.to_lowercase()))
        .unwrap()
        .to_owned();
    typed(&mut app, Search, &word);
    assert_eq!(
        app.overview.claim, 0,
        "claim 1 matches through another report"
    );
    assert!(app.search.at.is_some());
    // The row shows the match on its report label.
    let t = ui_support::draw(&app);
    let buf = t.backend().buffer();
    let row = (0..buf.area.height)
        .find(|&y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .contains("▶")
                && buf[(1, y)].symbol() != " "
                && y > 3
        })
        .unwrap_or(0);
    let styled = (0..buf.area.width)
        .any(|x| buf[(x, row)].style().fg == app.theme.matched.fg && buf[(x, row)].symbol() == "[");
    assert!(styled, "the claim's label is highlighted");
}

#[test]
fn while_aligning_no_marks_are_drawn_only_a_note() {
    use parallax::align::Alignment;
    use std::sync::Arc;
    let docs = parallax::model::embedded::seed_documents();
    let empty = Alignment::new(&docs, vec![]);
    let mut app = parallax::ui::App::new(
        Arc::new(docs),
        empty,
        parallax::ui::Keymap::default_keymap(),
        parallax::ui::Theme::dark(),
    );
    app.aligning = true;
    press(
        &mut app,
        &[Resize {
            width: 120,
            height: 35,
        }],
    );
    let screen = screen_text(&app).join("\n");
    // The progress line: what is known before the engine is done.
    let statements: usize = app.docs.iter().map(|d| d.statements.len()).sum();
    assert!(
        screen.contains(&format!(
            "aligning: 5 reports read · {statements} statements"
        )),
        "{screen}"
    );
    assert!(
        !screen.contains("/5 ◆"),
        "no claims shown as unique: {screen}"
    );
    // Each stage the engine reports joins the line.
    app.engine_progress(parallax::align::Progress::Stories(1));
    let screen = screen_text(&app).join("\n");
    assert!(
        screen.contains("· 1 story found · judging pairs"),
        "{screen}"
    );
    app.engine_progress(parallax::align::Progress::Judged {
        pairs: 120,
        linked: 40,
    });
    let screen = screen_text(&app).join("\n");
    assert!(
        screen.contains("· 1 story found · 120 pairs judged, 40 linked · grouping claims"),
        "{screen}"
    );
    press(&mut app, &[Compare]);
    let screen = screen_text(&app).join("\n");
    assert!(!screen.contains('◆') && !screen.contains('○'), "{screen}");
    assert!(screen.contains("aligning…"), "{screen}");
    press(&mut app, &[Reader]);
    let screen = screen_text(&app).join("\n");
    assert!(!screen.contains("▶1/5"), "no support shown: {screen}");
}
