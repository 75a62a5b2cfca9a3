//! What the pseudo-terminal tests share: a PTY of a given size, the real binary running in it
//! behind a vt100 screen model, and a spy on what it asks the terminal besides drawing.
// Each test binary uses its own part of this module.
#![allow(dead_code, clippy::unwrap_used)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, CommandBuilder, PtySize};

/// Records what the program asked the terminal to do besides drawing.
#[derive(Default)]
pub struct Spy {
    pub titles: Vec<Vec<u8>>,
    pub clipboard: usize,
    /// What OSC 52 set the clipboard to, as `(selection, base64 data)`.
    pub copied: Vec<(Vec<u8>, Vec<u8>)>,
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
pub fn open_pty(cols: u16, rows: u16) -> portable_pty::PtyPair {
    native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap()
}

pub struct Session {
    pub parser: Arc<Mutex<vt100::Parser<Spy>>>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    /// The terminal's device, to read its modes with `stty` after the program ends.
    pub tty: Option<std::path::PathBuf>,
    /// The terminal's master side, kept open for the session's life (dropping it hangs up the
    /// child) and used to resize the terminal.
    pub master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Self {
        Self::start_with(args, cols, rows, &[])
    }

    pub fn start_with(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Self {
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

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
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

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Resize the terminal (the program gets SIGWINCH) and the screen model with it.
    pub fn resize(&self, cols: u16, rows: u16) {
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

    pub fn finish(mut self) -> (u32, bool, Spy) {
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

pub fn title_start(doc: usize) -> String {
    let docs = parallax::model::embedded::seed_documents();
    docs[doc].title.chars().take(12).collect()
}

/// Whether the terminal is back in cooked mode (line editing and echo), per `stty`.
pub fn cooked(tty: &std::path::Path) -> bool {
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

/// Escape-sequence fragments that used to swallow every key after them.
pub const FRAGMENTS: [&str; 5] = [
    "\u{1b}[200~",
    "\u{1b}[<0;5",
    "\u{1b}[<0;5;",
    "\u{1b}[1;",
    "\u{1b}O",
];

/// Decode standard base64 (the test's own decoder, so it checks the program's encoder).
pub fn unbase64(data: &[u8]) -> Vec<u8> {
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
pub fn seed_statement(doc: usize, i: usize) -> String {
    let docs = parallax::model::embedded::seed_documents();
    docs[doc]
        .statement_text(i)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A settings folder holding `config.toml` with `text`.
pub fn settings(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("parallax")).unwrap();
    std::fs::write(dir.path().join("parallax/config.toml"), text).unwrap();
    dir
}
