//! What the interface asks of the world outside its screen: the clipboard (OSC 52) and a pager.
//!
//! [`App::update`](super::App::update) only records an [`Effect`]; the event loop carries it
//! out between frames (`perform`), so `update` stays a pure state change and tests can check
//! what would be written without a terminal.

use std::io::Write;
use std::path::{Path, PathBuf};

use ratatui::DefaultTerminal;

use super::UiError;

/// Something for the event loop to do outside the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (the terminal's, through OSC 52).
    Copy(String),
    /// Show a report in the pager at a line.
    Page {
        /// The report's file, if it has one. It is shown only if it holds exactly the text
        /// on screen; otherwise (an embedded sample, standard input, HTML, a file changed
        /// since) `text` is written to a temporary file and that is shown.
        path: Option<PathBuf>,
        /// The text to show when there is no such file.
        text: String,
        /// The 1-based line of the selected statement.
        line: usize,
    },
}

/// The OSC 52 sequence that sets the clipboard to `text`.
#[must_use]
pub fn osc52(text: &str) -> String {
    format!("\u{1b}]52;c;{}\u{7}", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648), as OSC 52 wants it.
#[must_use]
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ABC[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The pager command: `$PAGER`, else `$EDITOR`, else `less` (both understand `+LINE FILE`).
#[must_use]
pub fn pager() -> String {
    ["PAGER", "EDITOR"]
        .into_iter()
        .filter_map(std::env::var_os)
        .map(|v| v.to_string_lossy().trim().to_owned())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "less".to_owned())
}

/// The 1-based line of byte `at` in `text`.
#[must_use]
pub fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Whether the file at `path` holds exactly `text`, so its line numbers are the statement's.
#[must_use]
pub fn file_holds(path: &Path, text: &str) -> bool {
    std::fs::read_to_string(path).is_ok_and(|t| t == text)
}

/// Carry out the effects `update` recorded, putting what they report in the status line.
///
/// # Errors
/// See [`perform`].
pub(crate) fn run_pending(
    terminal: &mut DefaultTerminal,
    app: &mut super::App,
) -> Result<(), UiError> {
    for e in std::mem::take(&mut app.effects) {
        let m = perform(terminal, e)?;
        if !m.is_empty() {
            app.message = Some(m);
        }
    }
    Ok(())
}

/// Carry out one effect; returns a message for the status line.
///
/// # Errors
/// The terminal could not be written to or set up again after the pager.
pub(crate) fn perform(terminal: &mut DefaultTerminal, effect: Effect) -> Result<String, UiError> {
    match effect {
        Effect::Copy(text) => {
            let mut out = std::io::stdout();
            out.write_all(osc52(&text).as_bytes())?;
            out.flush()?;
            // `update` already said what was copied.
            Ok(String::new())
        }
        Effect::Page { path, text, line } => {
            // Keep the temporary file alive until the pager has exited.
            let path = path.filter(|p| file_holds(p, &text));
            let temp = match &path {
                Some(_) => None,
                None => {
                    let mut f = tempfile::Builder::new()
                        .prefix("parallax-")
                        .suffix(".txt")
                        .tempfile()?;
                    f.write_all(text.as_bytes())?;
                    f.flush()?;
                    Some(f)
                }
            };
            let file = match (&path, &temp) {
                (Some(p), _) => p.clone(),
                (None, Some(t)) => t.path().to_owned(),
                (None, None) => return Ok(String::new()),
            };
            let cmd = pager();
            super::term::leave();
            // Through the shell, so `PAGER="less -R"` works as it does for git and man.
            let status = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("{cmd} \"$@\""))
                .arg("sh")
                .arg(format!("+{line}"))
                .arg(&file)
                .status();
            *terminal = super::term::enter()?;
            // Not `Terminal::clear`, which asks the terminal for the cursor and can wait on a
            // silent one; the fresh terminal redraws every cell anyway.
            ratatui::crossterm::execute!(
                std::io::stdout(),
                ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All)
            )?;
            drop(temp);
            Ok(match status {
                Ok(s) if s.success() => String::new(),
                Ok(s) => format!("{} ended with {s}", crate::model::clean::visible(&cmd)),
                Err(e) => format!("could not run {}: {e}", crate::model::clean::visible(&cmd)),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(osc52("hi"), "\u{1b}]52;c;aGk=\u{7}");
    }

    #[test]
    fn lines_count_from_one() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 4), 3);
        assert_eq!(line_of("a", 99), 1);
    }
}
