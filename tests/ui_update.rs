//! `App::update` on the seeds with hand-checked links: navigation, selection following links,
//! filters, search, view switching and the mouse.
#![allow(clippy::unwrap_used)] // Tests and benches may unwrap: a failure is the report.

mod ui_support;

use parallax::ui::{Action, CompareMode, Filter, View};
use ui_support::{hand_app, ix, press, CALL, FIRST_SINCE, KREMLIN, PROSPECT, TARIFFS, WHITE_HOUSE};

use Action::*;

#[test]
fn three_on_the_start_screen_compares_the_first_two_reports() {
    let mut app = hand_app(120, 35);
    assert_eq!(app.view, View::Overview);
    press(&mut app, &[Compare]);
    assert_eq!(app.view, View::Compare);
    assert_eq!(app.compare.docs, [0, 1]);
    press(&mut app, &[Back]);
    assert_eq!(app.view, View::Overview);
}

#[test]
fn two_reads_the_selected_report_and_j_k_g_move_by_statement() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[NextStatement, Reader]);
    assert_eq!(
        (app.view, app.reader.doc, app.reader.sel),
        (View::Reader, 1, 0)
    );
    press(&mut app, &[NextStatement, NextStatement, PrevStatement]);
    assert_eq!(app.reader.sel, 1);
    press(&mut app, &[Last]);
    assert_eq!(app.reader.sel, app.docs[1].statements.len() - 1);
    let lay = &app.reader.layout;
    assert!(
        lay.end_line[app.reader.sel] <= app.reader.scroll + 32,
        "last statement visible"
    );
    press(&mut app, &[First]);
    assert_eq!((app.reader.sel, app.reader.scroll), (0, 0));
}

#[test]
fn page_down_moves_about_a_screen() {
    let mut app = hand_app(80, 24);
    press(&mut app, &[Reader, PageDown]);
    let lay = &app.reader.layout;
    // At 80×24 the text pane sits above the panel and shows 11 rows.
    assert!(
        lay.first_line[app.reader.sel] >= 11,
        "moved at least a page"
    );
    assert!(app.reader.sel > 3);
    press(&mut app, &[PageUp]);
    assert_eq!(app.reader.sel, 0);
}

#[test]
fn compare_selection_follows_links_into_the_other_pane() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[Compare]);
    // Statement 0 of the first report is linked to the second report's "The Kremlin has…".
    assert_eq!(app.compare.sel, [0, ix(1, KREMLIN)]);
    press(&mut app, &[NextLinked]);
    let (a, b) = (ix(0, FIRST_SINCE[0]), ix(1, FIRST_SINCE[1]));
    assert_eq!(app.compare.sel, [a, b]);
    // Aligned: both panes scroll together and the counterpart starts on the same row.
    let [l, r] = &app.compare.layouts;
    assert_eq!(app.compare.scroll[0], app.compare.scroll[1]);
    assert_eq!(l.first_line[a], r.first_line[b]);
    let h = 35 - 4;
    let top = app.compare.scroll[1];
    assert!(r.first_line[b] >= top && r.first_line[b] < top + h);
}

#[test]
fn reading_order_scrolls_the_counterpart_level_with_the_selection() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[Compare, ToggleLayout]);
    assert_eq!(app.compare.mode, CompareMode::Reading);
    press(&mut app, &[NextLinked, NextLinked]);
    let (a, b) = (ix(0, TARIFFS[0]), ix(1, TARIFFS[1]));
    assert_eq!(app.compare.sel, [a, b]);
    let [l, r] = &app.compare.layouts;
    let left_row = l.first_line[a] - app.compare.scroll[0];
    let right_row = r.first_line[b] - app.compare.scroll[1];
    assert_eq!(left_row, right_row, "counterparts side by side on screen");
}

#[test]
fn d_and_u_jump_between_divergent_and_unique_statements() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[Compare, NextRight]);
    assert_eq!(app.compare.docs, [0, 2]);
    press(&mut app, &[NextLeft]);
    assert_eq!(app.compare.docs, [1, 2]);
    press(&mut app, &[NextDivergent]);
    assert_eq!(app.compare.sel, [ix(1, CALL[0]), ix(2, CALL[1])]);
    press(&mut app, &[NextDivergent]);
    assert_eq!(app.compare.sel, [ix(1, PROSPECT[0]), ix(2, PROSPECT[1])]);
    press(&mut app, &[PrevDivergent]);
    assert_eq!(app.compare.sel[0], ix(1, CALL[0]));
    press(&mut app, &[NextUnique]);
    let after_call = ix(1, CALL[0]) + 1;
    assert_eq!(app.compare.sel[0], after_call, "no counterpart in report 3");
}

#[test]
fn tab_switches_pane_and_s_swaps_sides_keeping_the_selection() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[Compare, NextLinked, SwitchPane]);
    assert_eq!(app.compare.focus, 1);
    press(&mut app, &[Swap]);
    assert_eq!(app.compare.docs, [1, 0]);
    assert_eq!(app.compare.focus, 0);
    assert_eq!(
        app.compare.sel,
        [ix(1, FIRST_SINCE[1]), ix(0, FIRST_SINCE[0])]
    );
}

#[test]
fn the_filter_limits_where_the_selection_goes() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[Reader, CycleFilter]);
    assert_eq!(app.filter, Filter::Shared);
    // Statement 0 is divergent (its link to report 3 differs); the next shared ones follow.
    assert_eq!(app.reader.sel, ix(0, FIRST_SINCE[0]));
    press(&mut app, &[NextStatement]);
    assert_eq!(app.reader.sel, ix(0, TARIFFS[0]));
    press(&mut app, &[NextStatement, NextStatement]);
    assert_eq!(
        app.reader.sel,
        ix(0, WHITE_HOUSE[0]),
        "stays on the last shared statement"
    );
    press(&mut app, &[CycleFilter, First]);
    assert_eq!((app.filter, app.reader.sel), (Filter::Divergent, 0));
    press(&mut app, &[CycleFilter, CycleFilter]);
    assert_eq!(app.filter, Filter::All);
}

#[test]
fn the_filter_narrows_the_claims_list() {
    let mut app = hand_app(120, 35);
    let all = app.visible_claims.len();
    press(&mut app, &[CycleFilter]);
    let shared = app.visible_claims.len();
    press(&mut app, &[CycleFilter]);
    let divergent = app.visible_claims.len();
    press(&mut app, &[CycleFilter]);
    let unique = app.visible_claims.len();
    assert!(shared > 0 && divergent > 0 && unique > 0);
    assert_eq!(shared + divergent + unique, all);
}

#[test]
fn search_finds_matches_and_n_walks_through_them_until_esc() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[Reader, Search]);
    assert!(app.search.editing);
    for c in "TARIFF".chars() {
        app.update(SearchInput(c));
    }
    press(&mut app, &[SearchConfirm]);
    assert!(!app.search.editing);
    // Every report's matches, in report order: the reader walks through all of them.
    let hits: Vec<(usize, usize)> = app
        .docs
        .iter()
        .enumerate()
        .flat_map(|(di, d)| {
            (0..d.statements.len())
                .filter(|&i| d.statement_text(i).to_lowercase().contains("tariff"))
                .map(move |i| (di, i))
        })
        .collect();
    assert!(hits.len() >= 3, "{hits:?}");
    assert!(hits.iter().any(|h| h.0 > 0), "matches in other reports");
    assert_eq!((app.reader.doc, app.reader.sel), hits[0]);
    assert_eq!(app.search.at, Some((1, hits.len())));
    press(&mut app, &[NextLinked]);
    assert_eq!((app.reader.doc, app.reader.sel), hits[1]);
    for k in 2..hits.len() {
        press(&mut app, &[NextLinked]);
        assert_eq!(
            (app.reader.doc, app.reader.sel),
            hits[k],
            "into other reports"
        );
        assert_eq!(app.search.at, Some((k + 1, hits.len())));
    }
    press(&mut app, &[NextLinked]);
    assert_eq!((app.reader.doc, app.reader.sel), hits[0], "wraps around");
    assert_eq!(app.message.as_deref(), Some("search wrapped"));
    let status = ui_support::screen_text(&app).pop().unwrap();
    assert!(status.contains(&format!("1 of {}", hits.len())), "{status}");
    press(&mut app, &[PrevLinked]);
    assert_eq!((app.reader.doc, app.reader.sel), *hits.last().unwrap());
    assert_eq!(app.message.as_deref(), Some("search wrapped"));
    press(&mut app, &[Reader]);
    app.reader.doc = 0;
    app.relayout();
    press(&mut app, &[Back]);
    assert!(app.search.query.is_empty());
    assert_eq!(
        app.view,
        View::Reader,
        "the first Esc only leaves the search"
    );
    press(&mut app, &[First, NextLinked]);
    assert_eq!(
        app.reader.sel,
        ix(0, FIRST_SINCE[0]),
        "n is next linked again"
    );
}

#[test]
fn a_search_without_match_says_so_and_keeps_the_selection() {
    let mut app = hand_app(120, 35);
    press(
        &mut app,
        &[
            Reader,
            NextStatement,
            Search,
            SearchInput('¤'),
            SearchInput('q'),
        ],
    );
    assert_eq!(app.reader.sel, 1);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("¤q")));
}

#[test]
fn enter_on_a_claim_opens_compare_at_it_and_on_a_report_the_reader() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[SwitchPane, Open]);
    assert_eq!(app.view, View::Compare);
    assert_eq!((app.compare.docs[0], app.compare.sel[0]), (0, 0));
    let right = app.compare.docs[1];
    assert!(right == 1 || right == 2);
    let expected = if right == 1 {
        ix(1, KREMLIN)
    } else {
        ix(2, ui_support::SET_TO_MEET)
    };
    assert_eq!(app.compare.sel[1], expected);
    press(
        &mut app,
        &[Back, SwitchPane, NextStatement, NextStatement, Open],
    );
    assert_eq!((app.view, app.reader.doc), (View::Reader, 2));
    press(&mut app, &[Open]);
    assert_eq!(app.view, View::Compare);
    assert_eq!(app.compare.docs[0], 2);
}

#[test]
fn brackets_choose_the_right_report_and_never_the_left_one() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[Compare]);
    let mut seen = vec![];
    for _ in 0..5 {
        press(&mut app, &[NextRight]);
        seen.push(app.compare.docs[1]);
    }
    assert_eq!(seen, [2, 3, 4, 1, 2]);
    press(&mut app, &[PrevRight, PrevRight]);
    assert_eq!(app.compare.docs[1], 4);
    press(&mut app, &[PrevLeft]);
    assert_eq!(app.compare.docs, [3, 4], "skips the report on the right");
}

#[test]
fn help_opens_and_closes() {
    let mut app = hand_app(80, 24);
    press(&mut app, &[Reader, Help]);
    assert_eq!(app.view, View::Help);
    press(&mut app, &[Last]);
    assert!(app.help_scroll > 0);
    press(&mut app, &[Help]);
    assert_eq!(app.view, View::Reader);
}

#[test]
fn resizing_keeps_the_selection_on_screen() {
    let mut app = hand_app(160, 45);
    press(&mut app, &[Reader, Last]);
    app.update(Resize {
        width: 40,
        height: 12,
    });
    let lay = &app.reader.layout;
    let first = lay.first_line[app.reader.sel];
    assert!(first >= app.reader.scroll);
    assert!(
        lay.end_line[app.reader.sel] <= app.reader.scroll + 40,
        "{first}"
    );
}

#[test]
fn a_click_selects_the_statement_under_it() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[Compare]);
    // Right pane starts at column 60; its first content row is screen row 2.
    let row = app.compare.layouts[1].first_line[2] as u16 + 2;
    app.update(Click { x: 70, y: row });
    assert_eq!(app.compare.focus, 1);
    assert_eq!(app.compare.sel[1], 2);
    let before = app.compare.scroll[1];
    app.update(Scroll {
        x: 70,
        y: 5,
        down: true,
    });
    assert_eq!(
        app.compare.scroll,
        [before + 3, before + 3],
        "aligned panes scroll together"
    );
}

#[test]
fn q_quits() {
    let mut app = hand_app(80, 24);
    press(&mut app, &[Quit]);
    assert!(app.quit);
}

#[test]
fn clicking_a_tab_in_the_top_bar_opens_its_view() {
    let mut app = hand_app(120, 35);
    app.update(Click { x: 35, y: 0 });
    assert_eq!(app.view, View::Compare);
    app.update(Click { x: 15, y: 0 });
    assert_eq!(app.view, View::Overview);
    let mut small = hand_app(40, 12);
    small.update(Click { x: 13, y: 0 });
    assert_eq!(small.view, View::Reader);
}

#[test]
fn the_alignment_can_arrive_after_the_first_frames() {
    use parallax::align::Alignment;
    use std::sync::Arc;
    let docs = parallax::model::embedded::seed_documents();
    let empty = Alignment::new(&docs, vec![]);
    let full = Alignment::new(&docs, ui_support::hand_links());
    let mut app = parallax::ui::App::new(
        Arc::new(docs),
        empty,
        parallax::ui::Keymap::default_keymap(),
        parallax::ui::Theme::dark(),
    );
    app.aligning = true;
    press(
        &mut app,
        &[
            Resize {
                width: 100,
                height: 30,
            },
            Compare,
            Tick,
            NextStatement,
        ],
    );
    assert_eq!(app.compare.sel, [1, 0], "nothing linked yet");
    let status = ui_support::screen_text(&app).pop().unwrap();
    assert!(status.contains("aligning 5 reports"), "{status}");
    app.finish_alignment(full);
    assert!(!app.aligning);
    press(&mut app, &[PrevStatement]);
    assert_eq!(
        app.compare.sel,
        [0, ix(1, KREMLIN)],
        "links followed once they exist"
    );
    let unique: usize = (0..5).map(|d| app.alignment.report_stats(d).unique).sum();
    assert_eq!(app.claims.len(), app.alignment.groups.len() + unique);
    assert!(
        app.alignment.groups.len() >= 6,
        "the hand links make claims"
    );
}

#[test]
fn page_down_reads_through_a_statement_taller_than_the_screen() {
    use parallax::model::load::{document_from_text, Format};
    use std::sync::Arc;
    let long = format!("{} end.\nShort next one.", "word ".repeat(2000));
    let docs = vec![document_from_text(
        "long".into(),
        "long.txt".into(),
        &long,
        Format::Text,
    )];
    let al = parallax::align::Alignment::new(&docs, vec![]);
    let mut app = parallax::ui::App::new(
        Arc::new(docs),
        al,
        parallax::ui::Keymap::default_keymap(),
        parallax::ui::Theme::dark(),
    );
    press(
        &mut app,
        &[
            Resize {
                width: 80,
                height: 24,
            },
            Reader,
            PageDown,
        ],
    );
    assert_eq!(app.reader.sel, 0, "still reading the first statement");
    assert!(app.reader.scroll > 0);
    let after_one = app.reader.scroll;
    press(&mut app, &[PageDown]);
    assert!(app.reader.scroll > after_one);
    press(&mut app, &[PageUp, PageUp]);
    assert_eq!((app.reader.sel, app.reader.scroll), (0, 0));
    press(&mut app, &[NextStatement]);
    assert_eq!(app.reader.sel, 1);
    let lay = &app.reader.layout;
    assert!(
        lay.first_line[1] >= app.reader.scroll,
        "the next statement is on screen"
    );
}

#[test]
fn tab_in_the_reader_lets_j_k_scroll_the_panel_of_other_reports() {
    // 40×12 leaves the panel a few rows, fewer than the two counterparts of statement 0 need.
    let mut app = hand_app(40, 12);
    press(&mut app, &[Reader]);
    let rows = ui_support::screen_text(&app);
    assert!(rows.iter().any(|r| r.contains("more rows")), "{rows:#?}");
    press(&mut app, &[SwitchPane, NextStatement, NextStatement]);
    assert!(app.reader.panel_focus);
    assert_eq!((app.reader.sel, app.reader.panel_scroll), (0, 2));
    press(&mut app, &[Last]);
    let at_end = app.reader.panel_scroll;
    press(&mut app, &[NextStatement]);
    assert_eq!(app.reader.panel_scroll, at_end, "clamped at the end");
    press(&mut app, &[SwitchPane, NextStatement]);
    assert_eq!(
        (app.reader.sel, app.reader.panel_scroll),
        (1, 0),
        "j moves again"
    );
}
