//! The real binary: exit codes, stdin, the sentence protocol of score.py, and the export.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn parallax(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn sentences_json_reads_stdin_and_prints_an_array() {
    let out = parallax(
        &["sentences", "--json", "-"],
        "Mr. Smith met Gen. Jones. They spoke.",
    );
    assert!(out.status.success());
    let v: Vec<String> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v, ["Mr. Smith met Gen. Jones.", "They spoke."]);
}

#[test]
fn export_of_the_seeds_has_exact_slices_and_version_2() {
    let out = parallax(&["export"], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], 2);
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    for d in docs {
        let text = d["text"].as_str().unwrap();
        for s in d["statements"].as_array().unwrap() {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[a..b], s["text"].as_str().unwrap());
            assert!(["body", "heading", "boilerplate"].contains(&s["kind"].as_str().unwrap()));
        }
    }
    assert_eq!(docs[2]["source"], "Invezz");
    assert!(v["links"].is_array() && v["groups"].is_array());
}

#[test]
fn exit_code_is_1_when_some_input_is_refused_and_2_when_nothing_loads() {
    let dir = tempfile::tempdir().unwrap();
    let ok = dir.path().join("ok.txt");
    std::fs::write(&ok, "One sentence here.").unwrap();
    let bin = dir.path().join("bin.txt");
    std::fs::write(&bin, b"\x00\x01binary").unwrap();
    let partial = parallax(
        &["sentences", ok.to_str().unwrap(), bin.to_str().unwrap()],
        "",
    );
    assert_eq!(partial.status.code(), Some(1));
    let err = String::from_utf8_lossy(&partial.stderr);
    assert!(err.contains("bin.txt") && err.contains("binary"), "{err}");
    assert_eq!(
        String::from_utf8_lossy(&partial.stdout),
        "One sentence here.\n"
    );

    let none = parallax(&["export", bin.to_str().unwrap()], "");
    assert_eq!(none.status.code(), Some(2));
    assert!(none.stdout.is_empty());

    let usage = parallax(&["export", "--format", "pdf"], "");
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn export_to_a_file_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seeds.json");
    let first = parallax(&["export", "-o", out.to_str().unwrap()], "");
    assert!(first.status.success());
    let before = std::fs::read(&out).unwrap();
    std::fs::write(&out, b"keep me").unwrap();
    let second = parallax(&["export", "-o", out.to_str().unwrap()], "");
    assert_eq!(second.status.code(), Some(2));
    assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
    let forced = parallax(&["export", "--force", "-o", out.to_str().unwrap()], "");
    assert!(forced.status.success());
    assert_eq!(std::fs::read(&out).unwrap(), before);
    // Only the output file is left: no temporary files behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn hostile_text_never_reaches_stdout_as_control_sequences() {
    let out = parallax(
        &["sentences", "-"],
        "Title \u{1b}]0;owned\u{7} here. Clear \u{1b}[2J screen \u{202e}reversed\u{2069}. C1 \u{9b}31m end.",
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    assert!(!text.contains('\u{202e}') && !text.contains('\u{2069}'));
}

/// No byte that starts a terminal control sequence (ESC, BEL, C1 CSI/OSC) and no bidi override.
fn inert(bytes: &[u8]) -> bool {
    let s = String::from_utf8_lossy(bytes);
    !s.chars()
        .any(|c| matches!(c, '\u{1b}' | '\u{7}' | '\u{9b}' | '\u{9d}' | '\u{202e}'))
}

#[test]
fn hostile_file_names_are_printed_escaped_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    // OSC 52 (clipboard) and OSC 0 (window title) in the name of a readable report.
    let osc = dir
        .path()
        .join("a\u{1b}]52;c;SGVsbG8=\u{7}b\u{1b}]0;owned\u{7}.txt");
    std::fs::write(&osc, "Putin and Trump will meet in Geneva on Monday.").unwrap();
    // A newline in the name of a refused file must not forge a second stderr line.
    let forged = dir.path().join("x\nparallax: refused: forged.txt");
    std::fs::write(&forged, b"\x00\x01binary").unwrap();
    let out_md = dir.path().join("out.md");
    let md = parallax(
        &[
            "export",
            "--format",
            "md",
            osc.to_str().unwrap(),
            forged.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(md.status.code(), Some(1));
    assert!(inert(&md.stdout) && inert(&md.stderr));
    let stdout = String::from_utf8_lossy(&md.stdout);
    // The id shows the escapes, themselves escaped for Markdown.
    assert!(
        stdout.contains(r"a\\x1b\]52;c;SGVsbG8=\\x07b\\x1b\]0;owned\\x07"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&md.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(r"x\nparallax: refused: forged.txt"),
        "{stderr}"
    );

    let to_file = parallax(
        &[
            "export",
            "--format",
            "md",
            "-o",
            out_md.to_str().unwrap(),
            osc.to_str().unwrap(),
        ],
        "",
    );
    assert!(to_file.status.success());
    assert!(inert(&std::fs::read(&out_md).unwrap()));

    let cmp = parallax(
        &[
            "compare",
            "--plain",
            osc.to_str().unwrap(),
            forged.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(cmp.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&cmp.stderr);
    assert!(inert(&cmp.stderr), "{stderr:?}");
    assert!(stderr.contains(r"nothing could be read from ") && stderr.contains(r"x\nparallax"));
    assert_eq!(stderr.lines().count(), 3, "{stderr}");

    let json = parallax(&["export", osc.to_str().unwrap()], "");
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let doc = &v["documents"][0];
    for field in ["id", "path"] {
        let shown = doc[field].as_str().unwrap();
        assert!(
            shown.contains(r"\x1b]52;c;") && !shown.contains('\u{1b}'),
            "{field}: {shown:?}"
        );
    }

    let sentences = parallax(
        &[
            "sentences",
            "--json",
            osc.to_str().unwrap(),
            osc.to_str().unwrap(),
        ],
        "",
    );
    assert!(
        inert(&sentences.stdout),
        "{:?}",
        String::from_utf8_lossy(&sentences.stdout)
    );
}

#[test]
fn plain_width_out_of_bounds_is_a_usage_error() {
    for w in ["18446744073709551615", "10000000", "1001", "19", "0"] {
        let out = parallax(&["compare", "--plain", "--width", w, "-", "-"], "");
        assert_eq!(out.status.code(), Some(2), "--width {w}");
        assert!(out.stdout.is_empty(), "--width {w}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--width"));
    }
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, "Putin and Trump will meet in Geneva on Monday.").unwrap();
    std::fs::write(&b, "Trump and Putin will meet in Geneva on Tuesday.").unwrap();
    for w in ["20", "1000"] {
        let out = parallax(
            &[
                "compare",
                "--plain",
                "--width",
                w,
                a.to_str().unwrap(),
                b.to_str().unwrap(),
            ],
            "",
        );
        assert!(out.status.success(), "--width {w}");
        assert!(out.stdout.len() < 200_000, "--width {w}");
    }
}

#[test]
fn keymap_and_theme_must_be_small_regular_files() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.toml");
    std::fs::write(&big, vec![b'#'; 1024 * 1024 + 1]).unwrap();
    for flag in ["--keymap", "--theme"] {
        for file in [
            "/dev/zero",
            dir.path().to_str().unwrap(),
            big.to_str().unwrap(),
        ] {
            let out = parallax(&["--plain", flag, file], "");
            assert_eq!(out.status.code(), Some(2), "{flag} {file}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("not a regular file") || err.contains("too large"),
                "{flag} {file}: {err}"
            );
        }
    }
    let ok = parallax(&["--plain", "--theme", "light"], "");
    assert!(ok.status.success());
}

#[test]
fn a_hostile_argument_in_a_usage_error_is_printed_inertly() {
    let out = parallax(
        &[
            "compare",
            "--plain",
            "--width",
            "\u{1b}]0;owned\u{7}",
            "-",
            "-",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        inert(&out.stderr),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("--width"));
    let help = parallax(&["--help"], "");
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage"));
}
