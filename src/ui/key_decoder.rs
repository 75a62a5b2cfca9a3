//! From the terminal's bytes to key, mouse and resize events, as crossterm would report them,
//! but robust to what crossterm's parser is not (see [`super::input`]): a half-read sequence
//! is dropped on [`Decoder::flush`] (called after [`super::input::SEQUENCE_TIMEOUT`] without a
//! byte), a byte that cannot continue a sequence ends it, no sequence is longer than
//! [`MAX_SEQUENCE`] bytes, and every chunk is decoded in one linear pass.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// Longest escape sequence accepted; a longer one is garbage and is dropped.
pub const MAX_SEQUENCE: usize = 64;

/// Turns bytes into events, keeping an incomplete tail for the next chunk.
#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
}

/// The outcome of decoding at one position.
enum Step {
    /// An event (or nothing, for an ignored sequence) and the bytes it used.
    Done(Option<Event>, usize),
    /// The bytes so far may be the start of a sequence: wait for more.
    Incomplete,
}

impl Decoder {
    /// Whether a half-read sequence is waiting for more bytes.
    #[must_use]
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Decode `bytes` (after anything pending) into `out`.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Event>) {
        let mut buf = std::mem::take(&mut self.pending);
        buf.extend_from_slice(bytes);
        let mut i = 0;
        while i < buf.len() {
            match step(&buf[i..]) {
                Step::Done(ev, used) => {
                    out.extend(ev);
                    i += used.max(1);
                }
                Step::Incomplete => break,
            }
        }
        self.pending = buf.split_off(i);
    }

    /// No byte came within [`super::input::SEQUENCE_TIMEOUT`]: a lone ESC is the Esc key, anything else
    /// pending is a broken sequence and is dropped.
    pub fn flush(&mut self, out: &mut Vec<Event>) {
        if self.pending == [0x1b] {
            out.push(key(KeyCode::Esc, KeyModifiers::NONE));
        }
        self.pending.clear();
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// Decode the event at the start of `b` (never empty).
fn step(b: &[u8]) -> Step {
    match b[0] {
        0x1b => escape(b),
        c @ (0x00..=0x1f | 0x7f) => Step::Done(Some(control(c)), 1),
        _ => match utf8_char(b) {
            Some(Ok((c, n))) => Step::Done(Some(char_key(c, KeyModifiers::NONE)), n),
            Some(Err(n)) => Step::Done(None, n),
            None => Step::Incomplete,
        },
    }
}

fn char_key(c: char, mods: KeyModifiers) -> Event {
    let mods = if c.is_uppercase() {
        mods | KeyModifiers::SHIFT
    } else {
        mods
    };
    key(KeyCode::Char(c), mods)
}

/// A C0 control byte or DEL, as crossterm reports them.
fn control(c: u8) -> Event {
    match c {
        b'\r' | b'\n' => key(KeyCode::Enter, KeyModifiers::NONE),
        b'\t' => key(KeyCode::Tab, KeyModifiers::NONE),
        0x7f | 0x08 => key(KeyCode::Backspace, KeyModifiers::NONE),
        0x00 => key(KeyCode::Char(' '), KeyModifiers::CONTROL),
        0x01..=0x1a => key(
            KeyCode::Char(char::from(c - 1 + b'a')),
            KeyModifiers::CONTROL,
        ),
        _ => key(
            KeyCode::Char(char::from(c - 0x1c + b'4')),
            KeyModifiers::CONTROL,
        ),
    }
}

/// One UTF-8 character: `(char, length)`, `Err(bytes to skip)` if malformed, `None` if cut.
fn utf8_char(b: &[u8]) -> Option<Result<(char, usize), usize>> {
    let n = match b[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Some(Err(1)),
    };
    if b.len() < n {
        // Still possibly valid: every byte so far must be a continuation byte.
        let continuing = b[1..].iter().all(|&x| x & 0xc0 == 0x80);
        return if continuing { None } else { Some(Err(1)) };
    }
    Some(
        std::str::from_utf8(&b[..n])
            .ok()
            .and_then(|s| s.chars().next())
            .map(|c| (c, n))
            .ok_or(1),
    )
}

/// ESC and what follows it: a CSI or SS3 sequence, Alt+key, or the Esc key.
fn escape(b: &[u8]) -> Step {
    match b.get(1) {
        None => Step::Incomplete,
        Some(b'[') => csi(b),
        Some(b'O') => match b.get(2) {
            None => Step::Incomplete,
            Some(&f) => Step::Done(ss3(f), 3),
        },
        // ESC ESC: the first is the Esc key. ESC Ctrl-C too: an Esc read late (a busy app, a
        // slow link) must never turn the quit key into an unbound Alt+Ctrl-C.
        Some(0x1b | 0x03) => Step::Done(Some(key(KeyCode::Esc, KeyModifiers::NONE)), 1),
        Some(&c) if c < 0x20 || c == 0x7f => match control(c) {
            Event::Key(k) => Step::Done(Some(key(k.code, k.modifiers | KeyModifiers::ALT)), 2),
            other => Step::Done(Some(other), 2),
        },
        Some(_) => match utf8_char(&b[1..]) {
            Some(Ok((c, n))) => Step::Done(Some(char_key(c, KeyModifiers::ALT)), 1 + n),
            Some(Err(_)) => Step::Done(None, 2),
            None => Step::Incomplete,
        },
    }
}

fn ss3(f: u8) -> Option<Event> {
    let code = match f {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(f - b'P' + 1),
        _ => return None,
    };
    Some(key(code, KeyModifiers::NONE))
}

/// `ESC [ params final`. A byte that cannot be part of the sequence (a control such as
/// Ctrl-C, or ESC) ends it there: the sequence is dropped and that byte is decoded afresh.
fn csi(b: &[u8]) -> Step {
    // X10 mouse: ESC [ M and three raw bytes.
    if b.get(2) == Some(&b'M') {
        return match b.get(3..6) {
            Some(&[cb, cx, cy]) => Step::Done(
                mouse(
                    u16::from(cb.saturating_sub(32)),
                    u16::from(cx.saturating_sub(32)),
                    u16::from(cy.saturating_sub(32)),
                    true,
                ),
                6,
            ),
            _ => Step::Incomplete,
        };
    }
    for (i, &c) in b.iter().enumerate().skip(2) {
        match c {
            0x20..=0x3f => {}
            0x40..=0x7e => return Step::Done(csi_event(&b[2..i], c), i + 1),
            _ => return Step::Done(None, i),
        }
        if i >= MAX_SEQUENCE {
            return Step::Done(None, i + 1);
        }
    }
    Step::Incomplete
}

/// Numbers of a parameter string (`1;5`), missing ones as 0.
fn numbers(params: &[u8]) -> Vec<u16> {
    params
        .split(|&c| c == b';')
        .map(|p| {
            p.iter().filter(|d| d.is_ascii_digit()).fold(0u16, |n, &d| {
                n.saturating_mul(10).saturating_add(u16::from(d - b'0'))
            })
        })
        .collect()
}

/// xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4).
fn modifiers(m: Option<&u16>) -> KeyModifiers {
    let bits = m.map_or(0, |m| m.saturating_sub(1));
    let mut mods = KeyModifiers::NONE;
    if bits & 1 != 0 {
        mods |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        mods |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        mods |= KeyModifiers::CONTROL;
    }
    mods
}

fn csi_event(params: &[u8], fin: u8) -> Option<Event> {
    if let Some(sgr) = params.strip_prefix(b"<") {
        let n = numbers(sgr);
        return match (fin, n.as_slice()) {
            (b'M' | b'm', &[cb, x, y]) => mouse(cb, x, y, fin == b'M'),
            _ => None,
        };
    }
    if params
        .first()
        .is_some_and(|c| !c.is_ascii_digit() && *c != b';')
    {
        return None; // private sequences (`?`, `>`, `=`) are terminal replies, not keys
    }
    let n = numbers(params);
    let mods = modifiers(n.get(1));
    let code = match fin {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'Z' => return Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        b'P'..=b'S' => KeyCode::F(fin - b'P' + 1),
        b'~' => match n.first().copied().unwrap_or(0) {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            k @ 11..=15 => KeyCode::F((k - 10) as u8),
            k @ 17..=21 => KeyCode::F((k - 11) as u8),
            k @ 23..=24 => KeyCode::F((k - 12) as u8),
            // 200/201 (paste markers, never enabled here) and anything unknown.
            _ => return None,
        },
        _ => return None,
    };
    Some(key(code, mods))
}

/// A mouse report: button code and 1-based cell.
fn mouse(cb: u16, x: u16, y: u16, press: bool) -> Option<Event> {
    let kind = match (cb & !0b1_1100, press) {
        (64, _) => MouseEventKind::ScrollUp,
        (65, _) => MouseEventKind::ScrollDown,
        (0, true) => MouseEventKind::Down(MouseButton::Left),
        (1, true) => MouseEventKind::Down(MouseButton::Middle),
        (2, true) => MouseEventKind::Down(MouseButton::Right),
        (b, _) if b & 32 != 0 => MouseEventKind::Moved,
        _ => MouseEventKind::Up(MouseButton::Left),
    };
    Some(Event::Mouse(MouseEvent {
        kind,
        column: x.saturating_sub(1),
        row: y.saturating_sub(1),
        modifiers: KeyModifiers::NONE,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(chunks: &[&[u8]]) -> Vec<Event> {
        let mut d = Decoder::default();
        let mut out = Vec::new();
        for c in chunks {
            d.feed(c, &mut out);
        }
        d.flush(&mut out);
        out
    }

    fn k(c: char) -> Event {
        char_key(c, KeyModifiers::NONE)
    }

    #[test]
    fn esc_read_together_with_ctrl_c_is_esc_then_ctrl_c() {
        assert_eq!(
            decode(&[b"\x1b\x03"]),
            [
                key(KeyCode::Esc, KeyModifiers::NONE),
                key(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ]
        );
    }

    #[test]
    fn keys_arrows_and_controls_decode_like_crossterm() {
        let evs = decode(&[
            b"qG\x03\r\x1b[A\x1b[1;5B\x1bOP\x1b[5~\x1b[Z\x1bx\x7f",
            "é東".as_bytes(),
        ]);
        assert_eq!(
            evs,
            [
                k('q'),
                key(KeyCode::Char('G'), KeyModifiers::SHIFT),
                key(KeyCode::Char('c'), KeyModifiers::CONTROL),
                key(KeyCode::Enter, KeyModifiers::NONE),
                key(KeyCode::Up, KeyModifiers::NONE),
                key(KeyCode::Down, KeyModifiers::CONTROL),
                key(KeyCode::F(1), KeyModifiers::NONE),
                key(KeyCode::PageUp, KeyModifiers::NONE),
                key(KeyCode::BackTab, KeyModifiers::SHIFT),
                key(KeyCode::Char('x'), KeyModifiers::ALT),
                key(KeyCode::Backspace, KeyModifiers::NONE),
                k('é'),
                k('東'),
            ]
        );
    }

    #[test]
    fn sequences_and_characters_split_across_reads_are_joined() {
        let evs = decode(&[b"\x1b[", b"<0;5;", b"7M", &[0xe6, 0x9d], &[0xb1]]);
        assert_eq!(
            evs,
            [
                Event::Mouse(MouseEvent {
                    kind: MouseEventKind::Down(MouseButton::Left),
                    column: 4,
                    row: 6,
                    modifiers: KeyModifiers::NONE
                }),
                k('東')
            ]
        );
    }

    #[test]
    fn a_half_read_sequence_is_dropped_on_timeout_and_keys_work_after_it() {
        for fragment in [&b"\x1b[<0;5"[..], b"\x1b[200~", b"\x1b[", b"\x1bO"] {
            let mut d = Decoder::default();
            let mut out = Vec::new();
            d.feed(fragment, &mut out);
            d.flush(&mut out);
            assert!(!d.has_pending());
            d.feed(b"q\x03", &mut out);
            d.feed(b"\x1b", &mut out);
            assert!(d.has_pending());
            d.flush(&mut out);
            assert_eq!(
                out,
                [
                    k('q'),
                    key(KeyCode::Char('c'), KeyModifiers::CONTROL),
                    key(KeyCode::Esc, KeyModifiers::NONE)
                ],
                "{fragment:?}"
            );
        }
    }

    #[test]
    fn a_control_byte_inside_a_sequence_ends_it() {
        assert_eq!(
            decode(&[b"\x1b[<0;5\x03"]),
            [key(KeyCode::Char('c'), KeyModifiers::CONTROL)]
        );
        let long: Vec<u8> = b"\x1b["
            .iter()
            .chain(&[b'1'; 200])
            .chain(b"q")
            .copied()
            .collect();
        let evs = decode(&[&long]);
        assert!(evs.len() < 200, "{}", evs.len());
        assert_eq!(evs.last(), Some(&k('q')));
    }

    #[test]
    fn a_large_paste_decodes_in_one_pass() {
        let paste = "x".repeat(1 << 20);
        let mut d = Decoder::default();
        let mut out = Vec::new();
        d.feed(paste.as_bytes(), &mut out);
        assert_eq!(out.len(), 1 << 20);
        assert!(!d.has_pending());
    }
}
