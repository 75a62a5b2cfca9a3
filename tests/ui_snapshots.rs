//! Whole-screen snapshots of every view after realistic key sequences on the seeds, at three
//! sizes, styles included (the buffer's debug form lists the style runs of every row).
//!
//! Review changes with `cargo insta review`; each `.snap` file is a screen a user would see.
#![allow(clippy::unwrap_used)] // Tests and benches may unwrap: a failure is the report.

mod ui_support;

use parallax::ui::{Action, Theme};
use ratatui::style::Color;
use ui_support::{draw, press, screen_text, seed_app};

use Action::*;

const SIZES: [(u16, u16); 3] = [(80, 24), (160, 45), (40, 12)];

fn typed(s: &str) -> Vec<Action> {
    let mut v = vec![Search];
    v.extend(s.chars().map(SearchInput));
    v.push(SearchConfirm);
    v
}

fn snap(name: &str, keys: &[Action]) {
    for (w, h) in SIZES {
        let mut app = seed_app(w, h);
        press(&mut app, keys);
        let t = draw(&app);
        insta::assert_debug_snapshot!(format!("{name}_{w}x{h}"), t.backend().buffer());
    }
}

#[test]
fn overview_start_screen() {
    snap("overview", &[]);
}

#[test]
fn overview_claims_filtered_to_divergent() {
    snap(
        "overview_claims",
        &[SwitchPane, CycleFilter, CycleFilter, NextStatement],
    );
}

#[test]
fn reader_on_the_first_divergent_statement() {
    snap(
        "reader",
        &[NextStatement, NextStatement, Reader, NextDivergent],
    );
}

#[test]
fn reader_sources_panel_on_a_statement_citing_the_new_york_times() {
    snap(
        "reader_sources",
        &[
            NextStatement,
            NextStatement,
            Reader,
            NextDivergent,
            NextDivergent,
            ToggleSources,
        ],
    );
}

#[test]
fn reader_searching() {
    let mut keys = vec![NextStatement, Reader];
    keys.extend(typed("putin"));
    keys.push(NextLinked);
    snap("reader_search", &keys);
}

#[test]
fn compare_aligned_on_a_linked_statement() {
    snap(
        "compare_aligned",
        &[Compare, NextLeft, NextRight, NextDivergent],
    );
}

#[test]
fn compare_reading_order_on_a_divergent_statement() {
    snap(
        "compare_reading",
        &[
            Compare,
            NextLeft,
            NextRight,
            ToggleLayout,
            NextDivergent,
            NextDivergent,
        ],
    );
}

#[test]
fn help_screen() {
    snap("help", &[Compare, Help]);
}

#[test]
fn compare_shows_both_reports_side_by_side_at_80_columns() {
    let mut app = seed_app(80, 24);
    press(&mut app, &[Compare]);
    let rows = screen_text(&app);
    let t0 = &app.docs[0].title;
    let t1 = &app.docs[1].title;
    let title_row = &rows[1];
    let (left, right) = title_row.split_at(title_row.find('│').unwrap());
    assert!(left.contains(&t0[..10]), "{title_row}");
    assert!(right.contains(&t1[..10]), "{title_row}");
}

#[test]
fn no_color_theme_draws_no_colour_anywhere() {
    for keys in [
        vec![],
        vec![Reader, NextDivergent],
        vec![Compare, NextLinked],
        vec![Help],
    ] {
        let mut app = seed_app(100, 30);
        app.theme = Theme::dark().without_color();
        press(&mut app, &keys);
        let t = draw(&app);
        for cell in t.backend().buffer().content() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{keys:?}");
        }
    }
}

#[test]
fn every_status_mark_is_a_symbol_on_screen() {
    // Colour is never the only signal: the compare view shows its marks as characters.
    let mut app = ui_support::hand_app(160, 45);
    press(&mut app, &[Compare]);
    let text = screen_text(&app).join("\n");
    assert!(text.contains('▶'), "selection mark");
    assert!(text.contains('◆') || text.contains('○'), "unpaired marks");
    assert!(text.contains('=') || text.contains('≠'), "linked marks");
}

#[test]
fn help_and_status_hints_come_from_the_live_keymap() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("keys.toml");
    std::fs::write(
        &file,
        "[keys]\nx = \"quit\"\nq = \"none\"\nctrl-f = \"search\"\n",
    )
    .unwrap();
    let mut app = seed_app(160, 60);
    app.keymap = parallax::ui::Keymap::with_user_file(&file).unwrap();
    let status = screen_text(&app).pop().unwrap();
    assert!(status.contains("x quit"), "{status}");
    assert!(!status.contains("q quit"), "{status}");
    press(&mut app, &[Help]);
    let help = screen_text(&app).join("\n");
    for a in Action::BINDABLE {
        assert!(help.contains(a.description()), "{a:?} missing from help");
    }
    assert!(help.contains("Ctrl-F"), "user binding shown");
}

#[test]
fn wide_characters_keep_the_columns_aligned() {
    use parallax::model::load::{document_from_text, Format};
    let cjk =
        "東京で首脳会談が来週行われる予定です。両首脳は😀握手した。Café e\u{301}crit: ünïcödé.\n\
               第二段落。ここにも長い文章があり、折り返しが必要になるはずです。"
            .repeat(3);
    let docs = vec![
        document_from_text("cjk".into(), "cjk.txt".into(), &cjk, Format::Text),
        parallax::model::embedded::seed_documents().remove(0),
    ];
    let al = parallax::align::Alignment::new(&docs, vec![]);
    let mut app = parallax::ui::App::new(
        std::sync::Arc::new(docs),
        al,
        parallax::ui::Keymap::default_keymap(),
        Theme::dark(),
    );
    for (w, h) in [(81, 24), (120, 30), (80, 12)] {
        press(
            &mut app,
            &[
                Resize {
                    width: w,
                    height: h,
                },
                Compare,
                ToggleLayout,
            ],
        );
        let t = draw(&app);
        let buf = t.backend().buffer();
        // The separator sits at the same column on every pane row.
        let sep = (w - 1) / 2;
        for y in 1..h - 2 {
            assert_eq!(buf[(sep, y)].symbol(), "│", "{w}x{h} row {y}");
        }
    }
}

#[test]
fn quotes_by_speaker_with_the_second_quotes_second_outlet_chosen() {
    snap("quotes", &[Quotes, NextStatement, NextRight]);
}

#[test]
fn quotes_show_each_outlets_words_and_the_sources_per_report() {
    let mut app = seed_app(160, 45);
    press(&mut app, &[Quotes]);
    let text = screen_text(&app).join("\n");
    assert!(text.contains("Quotes by speaker"), "{text}");
    assert!(text.contains("Sources"), "{text}");
    // The Ushakov verdict, in the words of the outlet that adds "quite".
    assert!(text.contains("quite useful and constructive"), "{text}");
    assert!(text.contains("Associate Press"), "{text}");
    assert!(text.contains("/5 reports"), "{text}");
    // Drift is underlined as well as coloured: colour is never the only signal.
    let t = draw(&app);
    let buf = t.backend().buffer();
    let underlined = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
        .count();
    assert!(underlined > 0, "no drift word is underlined");
    app.theme = Theme::dark().without_color();
    let t = draw(&app);
    assert!(t
        .backend()
        .buffer()
        .content()
        .iter()
        .any(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED)));
}
