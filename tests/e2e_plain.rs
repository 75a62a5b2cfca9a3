//! The plain-text side of the interface: `compare --plain`, and what `parallax` prints when
//! standard output is not a terminal.
#![allow(clippy::unwrap_used)] // Tests may unwrap: a failure is the report.

use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

const A: &str = "seeds/000_6e454b8b9b3284b6.txt";
const B: &str = "seeds/001_061dcc8a895102b8.txt";

#[test]
fn compare_plain_prints_both_reports_side_by_side_without_escape_codes() {
    let out = parallax(&["compare", A, B, "--plain", "--width", "100"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'));
    let mut lines = text.lines();
    let head = lines.next().unwrap();
    assert!(
        head.starts_with("[1] Moscow") && head.contains("│ [2] Kremlin"),
        "{head}"
    );
    let table: Vec<&str> = lines.take_while(|l| !l.is_empty()).collect();
    assert!(table.len() > 20);
    for l in &table {
        assert!(unicode_width::UnicodeWidthStr::width(*l) <= 100, "{l}");
        assert_eq!(
            l.chars().filter(|&c| c == '│' || c == '┼').count(),
            1,
            "{l}"
        );
    }
}

#[test]
fn compare_without_plain_on_a_pipe_prints_plain_text_too() {
    let out = parallax(&["compare", A, B]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().next().unwrap().contains('│'));
    assert!(text.lines().next().unwrap().chars().count() <= 120);
}

#[test]
fn hostile_text_stays_inert_in_plain_output() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("evil.txt");
    std::fs::write(
        &a,
        "Title \u{1b}]0;owned\u{7} here.\nClear \u{1b}[2J now and \u{9b}31m red \u{202e}flip\u{202c}.\n",
    )
    .unwrap();
    let out = parallax(&["compare", a.to_str().unwrap(), B, "--plain"]);
    let text = String::from_utf8(out.stdout).unwrap();
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{202c}'] {
        assert!(!text.contains(bad), "{bad:?} reached the output");
    }
    assert!(text.contains("Title"));
}

#[test]
fn open_on_a_pipe_prints_the_summary() {
    let out = parallax(&[]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 5, "{text}");
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn compare_needs_two_readable_reports() {
    let out = parallax(&["compare", A, "no/such/file.txt", "--plain"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no/such/file.txt"), "{err}");
}

#[test]
fn a_bad_theme_or_keymap_is_reported_by_name() {
    // The interface is not started on a pipe, so check the files through the library.
    let dir = tempfile::tempdir().unwrap();
    let k = dir.path().join("bad.toml");
    std::fs::write(&k, "[keys]\nj = \"jump\"\n").unwrap();
    let e = parallax::ui::Keymap::load(Some(&k))
        .unwrap_err()
        .to_string();
    assert!(e.contains("bad.toml") && e.contains("jump"), "{e}");
    let e = parallax::ui::Theme::load(Some("no-such-theme.toml"), false)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("no-such-theme.toml") && e.contains("dark, light"),
        "{e}"
    );
    assert_eq!(
        parallax::ui::Theme::load(Some("light"), false).unwrap(),
        parallax::ui::Theme::light()
    );
}
