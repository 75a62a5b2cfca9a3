//! End to end in a pseudo-terminal: the real binary, real keys, a vt100 screen model.
#![allow(clippy::unwrap_used)] // Tests and benches may unwrap: a failure is the report.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, CommandBuilder, PtySize};

/// Records what the program asked the terminal to do besides drawing.
#[derive(Default)]
struct Spy {
    titles: Vec<Vec<u8>>,
    clipboard: usize,
    /// What OSC 52 set the clipboard to, as `(selection, base64 data)`.
    copied: Vec<(Vec<u8>, Vec<u8>)>,
}

impl vt100::Callbacks for Spy {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, ty: &[u8], data: &[u8]) {
        self.clipboard += 1;
        self.copied.push((ty.to_vec(), data.to_vec()));
    }
}

/// A pseudo-terminal of `cols` × `rows`.
fn open_pty(cols: u16, rows: u16) -> portable_pty::PtyPair {
    native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap()
}

struct Session {
    parser: Arc<Mutex<vt100::Parser<Spy>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// The terminal's device, to read its modes with `stty` after the program ends.
    tty: Option<std::path::PathBuf>,
    /// The terminal's master side, kept open for the session's life (dropping it hangs up the
    /// child) and used to resize the terminal.
    master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Self {
        Self::start_with(args, cols, rows, &[])
    }

    fn start_with(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Self {
        let pty = open_pty(cols, rows);
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        // A user keymap in the developer's config folder must not change the keys.
        cmd.env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("parallax-e2e-no-config"),
        );
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
            0,
            Spy::default(),
        )));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let p = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        let tty = pty.master.tty_name();
        Self {
            parser,
            writer,
            child,
            tty,
            master: pty.master,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let end = Instant::now() + Duration::from_secs(20);
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            assert!(
                Instant::now() < end,
                "timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Resize the terminal (the program gets SIGWINCH) and the screen model with it.
    fn resize(&self, cols: u16, rows: u16) {
        self.parser.lock().unwrap().set_size(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
        );
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    fn finish(mut self) -> (u32, bool, Spy) {
        let end = Instant::now() + Duration::from_secs(20);
        let status = loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                break s;
            }
            assert!(
                Instant::now() < end,
                "did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        std::thread::sleep(Duration::from_millis(100));
        let (alt, spy) = {
            let mut p = self.parser.lock().unwrap();
            (
                p.screen().alternate_screen(),
                std::mem::take(p.callbacks_mut()),
            )
        };
        // The terminal stays open so its modes can still be read (`stty`) after the program.
        std::mem::forget(self.master);
        (status.exit_code(), alt, spy)
    }
}

fn title_start(doc: usize) -> String {
    let docs = parallax::model::embedded::seed_documents();
    docs[doc].title.chars().take(12).collect()
}

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

/// Whether the terminal is back in cooked mode (line editing and echo), per `stty`.
fn cooked(tty: &std::path::Path) -> bool {
    let out = std::process::Command::new("stty")
        .arg("-F")
        .arg(tty)
        .arg("-a")
        .output()
        .unwrap();
    let modes = String::from_utf8_lossy(&out.stdout);
    let on = |m: &str| modes.split_whitespace().any(|w| w == m);
    on("icanon") && on("echo")
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

/// Escape-sequence fragments that used to swallow every key after them.
const FRAGMENTS: [&str; 5] = [
    "\u{1b}[200~",
    "\u{1b}[<0;5",
    "\u{1b}[<0;5;",
    "\u{1b}[1;",
    "\u{1b}O",
];

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

/// Decode standard base64 (the test's own decoder, so it checks the program's encoder).
fn unbase64(data: &[u8]) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let mut out = Vec::new();
    for chunk in data.chunks(4) {
        let digits: Vec<u8> = chunk
            .iter()
            .copied()
            .filter(|&c| c != b'=')
            .map(val)
            .collect();
        let mut n = 0u32;
        for (i, d) in digits.iter().enumerate() {
            n |= u32::from(*d) << (18 - 6 * i);
        }
        for i in 0..digits.len().saturating_sub(1) {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}

/// The first statement of seed `doc`, its whitespace made single spaces.
fn seed_statement(doc: usize, i: usize) -> String {
    let docs = parallax::model::embedded::seed_documents();
    docs[doc]
        .statement_text(i)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
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

/// A settings folder holding `config.toml` with `text`.
fn settings(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("parallax")).unwrap();
    std::fs::write(dir.path().join("parallax/config.toml"), text).unwrap();
    dir
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
