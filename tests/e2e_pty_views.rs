//! End to end in a pseudo-terminal, the interface: the real binary, real keys and a vt100 screen
//! model, through its views, keys, pager, clipboard, settings and stories.
#![allow(clippy::unwrap_used)] // Tests and benches may unwrap: a failure is the report.

mod pty_support;

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;
use pty_support::*;

/// The monkey at the terminal: random keys, escape-sequence fragments, complete and broken
/// mouse reports, invalid UTF-8 and large pastes, written as raw bytes to the real binary.
/// Afterwards the interface must still quit on `q` and give the terminal back.
#[test]
fn pty_monkey_with_escape_fragments_and_pastes() {
    // xorshift64*, seeded, so a failure can be replayed.
    let mut state: u64 = std::env::var("PARALLAX_PTY_MONKEY_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    let mut next = move |n: u64| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    };
    // Everything but the keys that end or stop the session (q, Ctrl-C, Ctrl-Z).
    let safe: Vec<char> = "jkgGnNdDuU[]{}sa f?123/x\t\r\u{7f}\u{1}\u{2}\u{1c}"
        .chars()
        .collect();
    let keys = [
        "\u{1b}[A",
        "\u{1b}[B",
        "\u{1b}[5~",
        "\u{1b}[6~",
        "\u{1b}[Z",
        "\u{1b}OP",
        "\u{1b}\u{1b}",
        "\u{1b}[<0;10;5M",
        "\u{1b}[<0;10;5m",
        "\u{1b}[<64;3;3M",
        "\u{1b}[<65;40;12M",
    ];
    let mut s = Session::start(&[], 100, 30);
    s.wait_for("the overview", |t| t.contains("Claims by support"));
    let steps = 400;
    let mut last: Vec<u8> = Vec::new();
    for _ in 0..steps {
        let mut bytes: Vec<u8> = Vec::new();
        match next(10) {
            0..=3 => bytes.extend(safe[next(safe.len() as u64) as usize].to_string().bytes()),
            4 | 5 => bytes.extend(keys[next(keys.len() as u64) as usize].bytes()),
            6 => bytes.extend(FRAGMENTS[next(FRAGMENTS.len() as u64) as usize].bytes()),
            7 => bytes.extend([0x80 + next(0x80) as u8, 0xc3]),
            8 => {
                // A paste: mostly unbound characters (each bound one is an action to run).
                let len = 1 + next(8 * 1024) as usize;
                // (No ':' — it opens the command prompt, which a paste would then fill.)
                let unbound = b"xzZ.,;'@#$%^&*()=+-_<>|";
                bytes.extend((0..len).map(|i| {
                    if i % 512 == 0 {
                        safe[next(safe.len() as u64) as usize] as u8
                    } else {
                        unbound[next(unbound.len() as u64) as usize]
                    }
                }));
            }
            // (No 'o' in it: that opens the pager, another program on this terminal.)
            _ => bytes.extend(b"\x1b[200~pasted text, never ended"),
        }
        // A program that ended early would leave the writes blocked: fail with its screen.
        if let Some(status) = s.child.try_wait().unwrap() {
            panic!(
                "parallax ended mid-run ({status:?}) after {:?}; screen:\n{}",
                String::from_utf8_lossy(&last[last.len().saturating_sub(300)..]),
                s.screen()
            );
        }
        last.extend_from_slice(&bytes);
        last.push(b'|');
        s.writer.write_all(&bytes).unwrap();
        s.writer.flush().unwrap();
        if next(4) == 0 {
            std::thread::sleep(Duration::from_millis(next(80)));
        }
    }
    // Whatever state the monkey left (a search being typed, a half-read sequence, the help,
    // where q only closes the help): two Escs after the sequence timeout close it, and Ctrl-C
    // quits from anywhere.
    for k in ["\u{1b}", "\u{1b}", "\u{3}"] {
        std::thread::sleep(Duration::from_millis(200));
        s.send(k);
    }
    let (code, alt, spy) = s.finish();
    assert_eq!((code, alt), (0, false));
    assert_eq!(spy.clipboard, 0);
}

#[test]
fn hostile_file_names_never_reach_the_terminal_in_the_interface() {
    let dir = tempfile::tempdir().unwrap();
    // Reports without a stated outlet are shown by their id: the file stem.
    let a = dir
        .path()
        .join("a\u{1b}]0;owned\u{7}\u{1b}]52;c;b3duZWQ=\u{7}\u{1b}[2J.txt");
    std::fs::write(
        &a,
        "Putin and Trump will meet in Geneva on Monday, the Kremlin said.",
    )
    .unwrap();
    let b = dir.path().join("plain.txt");
    std::fs::write(
        &b,
        "Trump and Putin will meet in Geneva on Tuesday, officials said.",
    )
    .unwrap();
    let (a, b) = (
        a.to_string_lossy().into_owned(),
        b.to_string_lossy().into_owned(),
    );
    let mut s = Session::start(&[&a, &b], 120, 30);
    // The id is shown, escaped, in the overview's source column.
    s.wait_for("the escaped id", |t| {
        t.contains("Claims by support") && t.contains(r"a\x1b]0;owne")
    });
    s.send("2");
    s.wait_for("the reader", |t| t.contains("How other reports"));
    s.send("q");
    let (code, alt, spy) = s.finish();
    assert_eq!((code, alt), (0, false));
    assert!(
        spy.titles
            .iter()
            .all(|t| !t.windows(5).any(|w| w == b"owned")),
        "title changed"
    );
    assert_eq!(spy.clipboard, 0, "clipboard written");
}

/// Keys are read by parallax's own reader, so resizes arrive by SIGWINCH: the screen is laid
/// out again at the new size.
#[cfg(unix)]
#[test]
fn a_resized_terminal_is_redrawn_at_its_new_size() {
    let mut s = Session::start(&[], 80, 24);
    s.wait_for("the overview", |t| t.contains("Claims by support"));
    s.resize(140, 40);
    // The header's report count sits at the right edge: at 140 columns, past column 80.
    s.wait_for("the wider layout", |t| {
        t.lines()
            .next()
            .is_some_and(|l| l.find("5 reports").is_some_and(|at| at > 100))
    });
    s.resize(60, 20);
    s.wait_for("the narrower layout", |t| {
        t.lines()
            .next()
            .is_some_and(|l| l.find("5 reports").is_some_and(|at| at < 60))
    });
    s.send("q");
    let (code, alt, _) = s.finish();
    assert_eq!((code, alt), (0, false));
}

/// Output on a terminal but no terminal to read keys from (a new session, input redirected):
/// a clear message and exit 2 before the screen is taken, not a spinning interface.
#[cfg(target_os = "linux")]
#[test]
fn with_no_terminal_to_read_keys_from_it_says_so_and_exits() {
    let pty = open_pty(80, 24);
    let mut cmd = CommandBuilder::new("sh");
    cmd.args([
        "-c",
        "setsid -w \"$0\" < /dev/null; echo \"code=$?\"",
        env!("CARGO_BIN_EXE_parallax"),
    ]);
    cmd.env("TERM", "xterm-256color");
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
            if String::from_utf8_lossy(&seen).contains("code=") {
                break;
            }
        }
        let _ = tx.send(seen);
    });
    let seen = rx.recv_timeout(Duration::from_secs(20));
    let _ = child.kill();
    let text = String::from_utf8_lossy(&seen.expect("no exit within 20 s")).into_owned();
    assert!(text.contains("no terminal to read keys from"), "{text}");
    assert!(text.contains("code=2"), "{text}");
    assert!(
        !text.contains("\u{1b}[?1049h"),
        "the screen was taken: {text:?}"
    );
    drop(pty.master);
}

#[test]
fn y_copies_the_selected_statement_through_osc_52() {
    let mut s = Session::start(&[], 120, 35);
    s.wait_for("the overview", |t| t.contains("Claims by support"));
    s.send("2");
    s.wait_for("the reader", |t| t.contains("How other reports"));
    s.send("y");
    s.wait_for("the copy message", |t| t.contains("copied the statement"));
    s.send("q");
    let (code, alt, spy) = s.finish();
    assert_eq!((code, alt), (0, false));
    assert_eq!(spy.copied.len(), 1, "one OSC 52 write");
    let (ty, data) = &spy.copied[0];
    assert_eq!(ty, b"c");
    let text = String::from_utf8(unbase64(data)).unwrap();
    assert_eq!(text, seed_statement(0, 0));
}

#[cfg(unix)]
#[test]
fn o_opens_the_pager_at_the_statements_line_and_comes_back() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("args.txt");
    let copy = dir.path().join("shown.txt");
    let script = dir.path().join("pager.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\ncp \"$2\" '{}'\n",
            out.display(),
            copy.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let pager = script.to_string_lossy().into_owned();
    let mut s = Session::start_with(&[], 120, 35, &[("PAGER", &pager)]);
    s.wait_for("the overview", |t| t.contains("Claims by support"));
    s.send("2");
    s.wait_for("the reader", |t| t.contains("How other reports"));
    s.send("G");
    let n = parallax::model::embedded::seed_documents()[0]
        .statements
        .len();
    s.wait_for("the last statement", |t| {
        t.contains(&format!("statement {n}/{n}"))
    });
    s.send("o");
    let end = Instant::now() + Duration::from_secs(20);
    while !copy.exists() {
        assert!(
            Instant::now() < end,
            "the pager never ran; screen:\n{}",
            s.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // Back in the interface after the pager exits.
    s.wait_for("the reader again", |t| t.contains("How other reports"));
    s.send("q");
    let (code, alt, _) = s.finish();
    assert_eq!((code, alt), (0, false));
    let args = std::fs::read_to_string(&out).unwrap();
    let args: Vec<&str> = args.lines().collect();
    assert_eq!(args.len(), 2, "{args:?}");
    let line: usize = args[0].strip_prefix('+').unwrap().parse().unwrap();
    let shown = std::fs::read_to_string(&copy).unwrap();
    let docs = parallax::model::embedded::seed_documents();
    let last = docs[0].statements.len() - 1;
    let start: String = docs[0].statement_text(last).chars().take(20).collect();
    let at = shown.lines().nth(line - 1).unwrap_or_default();
    assert!(
        at.contains(&start),
        "line {line} is {at:?}, not the statement {start:?}"
    );
}

#[test]
fn colon_jumps_to_a_statement() {
    let mut s = Session::start(&[], 120, 35);
    s.wait_for("the overview", |t| t.contains("Claims by support"));
    s.send("2");
    s.wait_for("the reader", |t| t.contains("statement 1/"));
    s.send(":12");
    s.wait_for("the prompt", |t| t.contains(":12"));
    s.send("\r");
    s.wait_for("statement 12", |t| t.contains("statement 12/"));
    s.send("q");
    let (code, _, _) = s.finish();
    assert_eq!(code, 0);
}

#[test]
fn search_in_the_reader_goes_on_into_other_reports() {
    let docs = parallax::model::embedded::seed_documents();
    // A word the first report lacks and a later one has.
    let word = docs[1..]
        .iter()
        .flat_map(|d| d.text.split(|c: char| !c.is_ascii_alphabetic()))
        .find(|w| w.len() > 6 && !docs[0].text.to_lowercase().contains(&w.to_lowercase()))
        .unwrap()
        .to_lowercase();
    let mut s = Session::start(&[], 120, 35);
    s.wait_for("the overview", |t| t.contains("Claims by support"));
    s.send("2");
    s.wait_for("the reader", |t| t.contains("Reader [1]"));
    s.send(&format!("/{word}\r"));
    let screen = s.wait_for("a match in another report", |t| {
        t.contains(&format!("/{word} 1 of")) && !t.contains("Reader [1]")
    });
    assert!(screen.contains("Reader ["), "{screen}");
    s.send("q");
    let (code, _, _) = s.finish();
    assert_eq!(code, 0);
}

#[test]
fn q_in_help_closes_the_help() {
    let mut s = Session::start(&[], 100, 32);
    s.wait_for("the overview", |t| t.contains("Claims by support"));
    s.send("?");
    s.wait_for("the help", |t| t.contains("Keys (from the keymap"));
    s.send("q");
    s.wait_for("the overview again", |t| {
        t.contains("Claims by support") && !t.contains("Keys (from the keymap")
    });
    s.send("q");
    let (code, alt, _) = s.finish();
    assert_eq!((code, alt), (0, false));
}

#[test]
fn the_settings_file_sets_the_layout_and_flags_override_it() {
    let dir = settings("layout = \"reading\"\ntheme = \"light\"\n");
    let home = dir.path().to_string_lossy().into_owned();
    let env = [("XDG_CONFIG_HOME", home.as_str())];
    let mut s = Session::start_with(&[], 120, 35, &env);
    s.wait_for("the overview", |t| t.contains("Claims by support"));
    s.send("3");
    s.wait_for("compare in reading order", |t| {
        t.contains("· reading order")
    });
    s.send("q");
    assert_eq!(s.finish().0, 0);
    let mut s = Session::start_with(&["--layout", "aligned"], 120, 35, &env);
    s.wait_for("the overview", |t| t.contains("Claims by support"));
    s.send("3");
    s.wait_for("compare, aligned", |t| {
        t.contains("◀ {1/5}") && t.contains("· aligned")
    });
    s.send("q");
    assert_eq!(s.finish().0, 0);
}

#[test]
fn a_bad_settings_file_warns_and_the_program_runs() {
    let dir = settings("layout = \"sideways\"\n");
    let home = dir.path().to_string_lossy().into_owned();
    let mut s = Session::start_with(&[], 120, 35, &[("XDG_CONFIG_HOME", home.as_str())]);
    let screen = s.wait_for("the warning in the status line", |t| {
        t.contains("Claims by support") && t.contains("settings file")
    });
    assert!(
        screen.contains("config.toml") && screen.contains("ignored"),
        "{screen}"
    );
    assert!(screen.contains("Claims by support"), "{screen}");
    s.send("q");
    let (code, alt, _) = s.finish();
    assert_eq!((code, alt), (0, false));
    let dir = settings("theme = \"no-such-theme\"\n");
    let home = dir.path().to_string_lossy().into_owned();
    let mut s = Session::start_with(&[], 120, 35, &[("XDG_CONFIG_HOME", home.as_str())]);
    s.wait_for("the theme warning", |t| {
        t.contains("Claims by support") && t.contains("settings file: no-such-theme")
    });
    s.send("q");
    assert_eq!(s.finish().0, 0);
}

#[test]
fn four_shows_the_quotes_and_enter_reads_the_quotes_statement() {
    let docs = parallax::model::embedded::seed_documents();
    let data = parallax::ui::quote_data::QuoteData::compute(&docs, &parallax::align::align(&docs));
    let first = &data.quotes[0].rows[0];
    let words: String = first.text.chars().take(20).collect();
    let mut s = Session::start(&[], 120, 35);
    s.wait_for("the overview", |t| t.contains("Claims by support"));
    s.send("4");
    let screen = s.wait_for("the quotes", |t| {
        t.contains("Quotes by speaker") && t.contains("quote 1/")
    });
    assert!(
        screen.contains(&words),
        "{words:?} not on screen:\n{screen}"
    );
    assert!(screen.contains("Sources"), "{screen}");
    s.send("\r");
    let want = format!("[{}] statement {}/", first.doc + 1, first.statement + 1);
    let screen = s.wait_for("the reader at the quote's statement", |t| t.contains(&want));
    // The statement the quote lies in is on screen, its words with it.
    assert!(
        screen.contains(&words),
        "{words:?} not in the reader:\n{screen}"
    );
    s.send("q");
    let (code, _, _) = s.finish();
    assert_eq!(code, 0);
}

#[test]
fn a_story_opens_from_the_story_list_and_brackets_step_through_its_reports() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ecbplus");
    let (a, b) = (format!("{dir}/1"), format!("{dir}/37"));
    // The stories the engine finds, to know which reports `]` must visit.
    let docs = parallax::model::load_inputs(&[a.clone(), b.clone()]).documents;
    let stories = parallax::align::align(&docs).stories;
    assert!(stories.len() > 1);
    let story = &stories[1].reports;
    let mut s = Session::start(&[&a, &b], 120, 35);
    s.wait_for("the story list", |t| {
        t.contains(&format!("Stories ({})", stories.len())) && t.contains("story 1/")
    });
    s.send("j\r");
    s.wait_for("the second story's overview", |t| {
        t.contains(" Story 2/") && t.contains("Claims by support")
    });
    s.send("\r");
    s.wait_for("the story's first report", |t| {
        t.contains(&format!("[{}] statement 1/", story[0] + 1))
    });
    for &d in story.iter().skip(1).chain(story.first()) {
        s.send("]");
        s.wait_for("the story's next report", |t| {
            t.contains(&format!("[{}] statement 1/", d + 1))
        });
    }
    s.send("[");
    s.wait_for("back to the story's last report", |t| {
        t.contains(&format!("[{}] statement 1/", story[story.len() - 1] + 1))
    });
    s.send("\x1b");
    s.wait_for("the story's overview again", |t| t.contains(" Story 2/"));
    s.send("\x1b");
    s.wait_for("the story list again", |t| {
        t.contains("Stories (") && t.contains("story 2/")
    });
    s.send("q");
    let (code, _, _) = s.finish();
    assert_eq!(code, 0);
}
