//! Reading the terminal's input ourselves: a thread doing plain blocking reads, whose bytes
//! [`Decoder`] (in `key_decoder`) turns into key, mouse and resize events.
//!
//! crossterm's own reader fails on hostile or unlucky input in ways no caller can repair: after
//! the bytes of an unterminated bracketed paste (`ESC[200~`) or a partial mouse report
//! (`ESC[<0;5`) it waits for the rest forever and swallows every key meanwhile (`q`, Ctrl-C,
//! Esc); after a large paste it leaves bytes unread until the next key arrives (an
//! edge-triggered poll); and on a closed terminal its read loop spins without returning. Here:
//!
//! - a half-read sequence is dropped when no byte follows within [`SEQUENCE_TIMEOUT`] (and a
//!   lone ESC becomes the Esc key), and a control byte inside a sequence ends it;
//! - every chunk read is decoded at once, in time linear in its length;
//! - end of input or a read error is reported as [`Input::Closed`], and the interface ends.
//!
//! Bracketed paste is not enabled, so its markers carry nothing and are ignored.

use std::io::{IsTerminal, Read};
use std::sync::mpsc;
use std::time::Duration;

pub use super::key_decoder::Decoder;

/// How long a half-read escape sequence waits for its next byte before it is dropped. Real
/// terminals send a sequence in one write; 50 ms also covers a slow SSH link's split packets.
pub const SEQUENCE_TIMEOUT: Duration = Duration::from_millis(50);

/// What the reader thread sends.
#[derive(Debug)]
pub enum Input {
    /// Bytes read from the terminal.
    Bytes(Vec<u8>),
    /// The terminal's input ended (closed, hung up) or cannot be read any more.
    Closed,
}

/// Start reading the terminal: standard input when it is one, else `/dev/tty`.
///
/// # Errors
/// There is no terminal to read keys from (started without a controlling terminal and with
/// standard input redirected).
pub fn spawn_reader(tx: mpsc::Sender<Input>) -> Result<(), super::UiError> {
    let mut source: Box<dyn Read + Send> = if std::io::stdin().is_terminal() {
        Box::new(std::io::stdin())
    } else {
        let tty = std::fs::File::open("/dev/tty").map_err(|e| super::UiError::NoTerminal {
            reason: e.to_string(),
        })?;
        Box::new(tty)
    };
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            match source.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    if tx.send(Input::Bytes(buf[..n].to_vec())).is_err() {
                        return;
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                // Someone made the descriptor non-blocking: wait a little instead of spinning.
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(_) => break,
            }
        }
        let _ = tx.send(Input::Closed);
    });
    Ok(())
}
