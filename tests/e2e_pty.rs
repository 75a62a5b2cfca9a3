//! End to end in a pseudo-terminal, the terminal itself: the real binary restores it on every
//! exit (quit, signals, panics, hang-ups) and never lets report text or stray input bytes act on it.
#![allow(clippy::unwrap_used)] // Tests and benches may unwrap: a failure is the report.

mod pty_support;

use std::io::Read;
use std::sync::Arc;
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;
use pty_support::*;

#[test]
fn overview_then_compare_then_quit_restores_the_terminal() {
    let mut s = Session::start(&[], 120, 35);
    s.wait_for("the overview", |t| {
        t.contains("Claims by support") && t.contains("Reports (5)")
    });
    s.send("3");
    let (left, right) = (title_start(0), title_start(1));
    let screen = s.wait_for("both reports side by side", |t| {
        t.lines().any(|l| {
            l.find(&left)
                .zip(l.find(&right))
                .is_some_and(|(a, b)| a < b)
                && l.contains('│')
        })
    });
    assert!(screen.contains("Compare"), "{screen}");
    s.send("q");
    let (code, alt, _) = s.finish();
    assert_eq!(code, 0);
    assert!(!alt, "the alternate screen was left");
}

#[test]
fn hostile_report_text_never_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "Evil report \u{1b}]0;owned\u{7} starts here.\n\
        It clears \u{1b}[2J the screen and moves \u{1b}[10;10H the cursor.\n\
        It copies \u{1b}]52;c;b3duZWQ=\u{7} to the clipboard and flips \u{202e}text\u{202c} around.\n\
        A C1 control \u{9b}31m follows.\n";
    let a = dir.path().join("evil.txt");
    std::fs::write(&a, evil).unwrap();
    let b = dir.path().join("plain.txt");
    std::fs::write(&b, "A plain report. It clears nothing.\n").unwrap();
    let (a, b) = (
        a.to_string_lossy().into_owned(),
        b.to_string_lossy().into_owned(),
    );
    let mut s = Session::start(&["compare", &a, &b], 100, 30);
    s.wait_for("the compare view", |t| {
        t.contains("Evil report") && t.contains("plain report")
    });
    s.send("2");
    s.wait_for("the reader", |t| t.contains("Reader"));
    s.send("q");
    let (code, alt, spy) = s.finish();
    assert_eq!(code, 0);
    assert!(!alt);
    assert!(
        spy.titles
            .iter()
            .all(|t| !t.windows(5).any(|w| w == b"owned")),
        "title changed"
    );
    assert_eq!(spy.clipboard, 0, "clipboard written");
}

#[test]
fn ctrl_c_quits_cleanly() {
    let mut s = Session::start(&[], 80, 24);
    s.wait_for("the overview", |t| t.contains("Claims by support"));
    s.send("\u{3}");
    let (code, alt, _) = s.finish();
    assert_eq!((code, alt), (0, false));
}

#[cfg(unix)]
#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for sig in ["-TERM", "-HUP"] {
        let s = Session::start(&[], 80, 24);
        s.wait_for("the overview", |t| t.contains("Claims by support"));
        let pid = s.child.process_id().unwrap();
        let killed = std::process::Command::new("kill")
            .args([sig, &pid.to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let (code, alt, _) = s.finish();
        assert_eq!(code, 0, "{sig}");
        assert!(!alt, "{sig} left the alternate screen on");
    }
}

/// Ctrl-Z (and `kill -TSTP`) give the terminal back and stop the process; SIGCONT (what `fg`
/// sends) takes the terminal again and redraws.
#[cfg(unix)]
#[test]
fn ctrl_z_suspends_and_resumes_the_interface() {
    let mut s = Session::start(&[], 80, 24);
    s.wait_for("the overview", |t| t.contains("Claims by support"));
    let pid = s.child.process_id().unwrap().to_string();
    for how in ["key", "signal"] {
        s.send("2");
        s.wait_for("the reader", |t| t.contains("How other reports"));
        if how == "key" {
            s.send("\u{1a}");
        } else {
            let sent = std::process::Command::new("kill")
                .args(["-TSTP", &pid])
                .status()
                .unwrap();
            assert!(sent.success());
        }
        let end = Instant::now() + Duration::from_secs(10);
        while s.parser.lock().unwrap().screen().alternate_screen() {
            assert!(Instant::now() < end, "{how}: still on the alternate screen");
            std::thread::sleep(Duration::from_millis(20));
        }
        if cfg!(target_os = "linux") {
            // The stat file's third field is the state; T is stopped.
            let stopped = || {
                let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
                stat.rsplit(')')
                    .next()
                    .and_then(|r| r.split_whitespace().next())
                    == Some("T")
            };
            while !stopped() {
                assert!(Instant::now() < end, "{how}: the process did not stop");
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        let cont = std::process::Command::new("kill")
            .args(["-CONT", &pid])
            .status()
            .unwrap();
        assert!(cont.success());
        s.wait_for("the interface again", |t| t.contains("How other reports"));
        s.send("1");
        s.wait_for("the overview again", |t| t.contains("Claims by support"));
    }
    s.send("q");
    let (code, alt, _) = s.finish();
    assert_eq!((code, alt), (0, false));
}

#[test]
fn a_panic_restores_the_terminal_and_says_where_to_report() {
    let mut s = Session::start_with(&[], 80, 24, &[("PARALLAX_TEST_PANIC_KEY", "1")]);
    s.wait_for("the overview", |t| t.contains("Claims by support"));
    s.send("!");
    let parser = Arc::clone(&s.parser);
    let (code, alt, _) = s.finish();
    assert_ne!(code, 0);
    assert!(!alt, "the panic left the alternate screen on");
    let screen = parser.lock().unwrap().screen().contents();
    assert!(screen.contains("parallax crashed"), "{screen}");
    assert!(screen.contains("issue tracker"), "{screen}");
}

#[test]
fn sentences_on_a_terminal_print_hostile_text_inertly() {
    let dir = tempfile::tempdir().unwrap();
    let evil = dir.path().join("evil.txt");
    std::fs::write(
        &evil,
        "First \u{1b}]0;owned\u{7} sentence. Second \u{1b}[2J sentence \u{202e}here\u{202c}.\n",
    )
    .unwrap();
    let s = Session::start(&["sentences", &evil.to_string_lossy()], 80, 10);
    let screen = s.wait_for("both sentences", |t| t.contains("Second"));
    let (code, _, spy) = s.finish();
    assert_eq!(code, 0);
    assert!(screen.contains("First ]0;owned sentence."), "{screen}");
    assert!(spy.titles.is_empty(), "title changed: {:?}", spy.titles);
    // `ESC[2J` would have cleared the first line away.
    assert!(screen.lines().next().unwrap_or("").starts_with("First"));
}

#[test]
fn a_terminal_that_hangs_up_ends_the_process_instead_of_spinning() {
    let pty = open_pty(80, 24);
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.env("TERM", "xterm-256color");
    cmd.env(
        "XDG_CONFIG_HOME",
        std::env::temp_dir().join("parallax-e2e-no-config"),
    );
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    // Wait until the interface has drawn something, then hang up like a closed window.
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("Overview") {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "no output before the hang-up");
        seen.extend_from_slice(&buf[..n]);
    }
    // Let it settle into waiting for keys (nothing left to draw), which is where a hang-up
    // used to leave it spinning; what it still writes fits in the terminal's buffer.
    std::thread::sleep(Duration::from_millis(1500));
    drop(reader);
    drop(pty.master);
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > end {
            let _ = child.kill();
            panic!("parallax kept running after its terminal hung up");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[cfg(unix)]
#[test]
fn sigquit_sigusr1_and_other_fatal_signals_restore_the_terminal() {
    for sig in ["-QUIT", "-USR1", "-USR2", "-ALRM"] {
        let s = Session::start(&[], 80, 24);
        s.wait_for("the overview", |t| t.contains("Claims by support"));
        // A frame's text reaches the terminal before the cursor is hidden at its end: wait for
        // the whole interface state, not only the text.
        let end = Instant::now() + Duration::from_secs(10);
        loop {
            let ready = {
                let p = s.parser.lock().unwrap();
                p.screen().hide_cursor()
                    && p.screen().alternate_screen()
                    && p.screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None
            };
            if ready {
                break;
            }
            assert!(
                Instant::now() < end,
                "{sig}: the interface never hid the cursor, took the screen and the mouse"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let pid = s.child.process_id().unwrap();
        let killed = std::process::Command::new("kill")
            .args([sig, &pid.to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let parser = Arc::clone(&s.parser);
        let tty = s.tty.clone().unwrap();
        let (code, alt, _) = s.finish();
        assert_eq!(code, 0, "{sig}");
        assert!(!alt, "{sig} left the alternate screen on");
        let p = parser.lock().unwrap();
        assert!(!p.screen().hide_cursor(), "{sig} left the cursor hidden");
        assert_eq!(
            p.screen().mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "{sig} left mouse capture on"
        );
        assert!(cooked(&tty), "{sig} left the terminal raw");
    }
}

#[test]
fn keys_still_work_after_an_unterminated_paste_or_a_partial_mouse_report() {
    for (quit, how) in [("q", "q"), ("\u{3}", "Ctrl-C")] {
        for fragment in FRAGMENTS {
            let mut s = Session::start(&[], 80, 24);
            s.wait_for("the overview", |t| t.contains("Claims by support"));
            s.send(fragment);
            std::thread::sleep(Duration::from_millis(200));
            // Esc still goes back: open the reader, then Esc returns to the overview.
            s.send("2");
            s.wait_for("the reader", |t| t.contains("How other reports"));
            s.send(fragment);
            std::thread::sleep(Duration::from_millis(200));
            s.send("\u{1b}");
            s.wait_for("the overview after Esc", |t| {
                t.contains("Claims by support")
            });
            s.send(fragment);
            std::thread::sleep(Duration::from_millis(200));
            s.send(quit);
            let (code, alt, _) = s.finish();
            assert_eq!((code, alt), (0, false), "{how} after {fragment:?}");
        }
    }
}

#[test]
fn a_large_paste_is_drained_and_the_next_key_acts_at_once() {
    let mut s = Session::start(&[], 80, 24);
    s.wait_for("the overview", |t| t.contains("Claims by support"));
    // 8 KB of an unbound key, as a terminal delivers a paste: one write.
    s.send(&"x".repeat(8 * 1024));
    std::thread::sleep(Duration::from_millis(500));
    s.send("2");
    let end = Instant::now() + Duration::from_secs(3);
    while !s.screen().contains("How other reports") {
        assert!(Instant::now() < end, "the key after the paste did not act");
        std::thread::sleep(Duration::from_millis(20));
    }
    s.send("q");
    let (code, alt, _) = s.finish();
    assert_eq!((code, alt), (0, false));
}

/// Started in a new session (`setsid`), the program has no controlling terminal: no SIGHUP
/// arrives when the terminal closes, and reads fail instead. It must end, not spin.
#[cfg(target_os = "linux")]
#[test]
fn without_a_controlling_terminal_a_closed_terminal_ends_the_process() {
    let pty = open_pty(80, 24);
    let dir = tempfile::tempdir().unwrap();
    let pid_file = dir.path().join("pid");
    // In a shell without job control a background job is no group leader, so `setsid` calls
    // setsid(2) and execs parallax itself: `$!` is parallax's pid. (Such a job's stdin would be
    // /dev/null; it is given the terminal explicitly.)
    let mut cmd = CommandBuilder::new("sh");
    cmd.args([
        "-c",
        &format!(
            "exec 3<&0; setsid \"$0\" <&3 3<&- & echo $! > '{}'; wait",
            pid_file.display()
        ),
        env!("CARGO_BIN_EXE_parallax"),
    ]);
    cmd.env("TERM", "xterm-256color");
    cmd.env(
        "XDG_CONFIG_HOME",
        std::env::temp_dir().join("parallax-e2e-no-config"),
    );
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    let _shell = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("Overview") {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "no output before the close");
        seen.extend_from_slice(&buf[..n]);
    }
    let pid: u32 = std::fs::read_to_string(&pid_file)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    // The process runs in its own session: it has no controlling terminal.
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(fields[3], pid.to_string(), "not a session leader: {stat}");
    std::thread::sleep(Duration::from_millis(1000));
    drop(reader);
    drop(pty.master);
    // Gone, or a zombie waiting to be reaped: either way it stopped running.
    let running = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
            s.rsplit(')')
                .next()
                .and_then(|r| r.split_whitespace().next())
                != Some("Z")
        })
    };
    let end = Instant::now() + Duration::from_secs(10);
    while running() {
        if Instant::now() > end {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            panic!("parallax kept running after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
