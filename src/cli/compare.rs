//! `parallax compare A B`: two reports side by side, in the interface or as plain text.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use super::args::CompareArgs;
use super::commands::{exit, load};
use super::EXIT_USAGE;

/// Columns of plain output when standard output is not a terminal and no width is given.
const DEFAULT_WIDTH: usize = 120;

/// Run `parallax compare`.
pub fn compare(args: &CompareArgs) -> anyhow::Result<ExitCode> {
    let mut docs = Vec::new();
    let mut refused = false;
    // Each side is loaded on its own so a folder on one side cannot shift the other.
    for path in [&args.left, &args.right] {
        let (loaded, r) = load(std::slice::from_ref(path));
        refused |= r;
        match loaded.and_then(|d| d.into_iter().next()) {
            Some(d) => docs.push(d),
            None => {
                eprintln!(
                    "parallax: compare needs two reports; nothing could be read from {}",
                    parallax::model::clean::escape_name(path)
                );
                return Ok(ExitCode::from(EXIT_USAGE));
            }
        }
    }
    let terminal = std::io::stdout().is_terminal();
    #[cfg(feature = "tui")]
    if !args.plain && terminal {
        let options = parallax::ui::Options {
            theme: args.ui.theme.clone(),
            keymap: args.ui.keymap.clone(),
            layout: args.ui.layout.clone(),
            start: parallax::ui::Start::Compare(0, 1),
        };
        parallax::ui::run(docs, &options)?;
        return Ok(exit(refused));
    }
    let width = args.width.map(usize::from).unwrap_or_else(|| {
        terminal_width()
            .filter(|_| terminal)
            .unwrap_or(DEFAULT_WIDTH)
    });
    let alignment = parallax::align::align(&docs);
    let text = plain(&docs, &alignment, width);
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(exit(refused))
}

#[cfg(feature = "tui")]
fn plain(
    docs: &[parallax::model::Document],
    alignment: &parallax::align::Alignment,
    width: usize,
) -> String {
    parallax::ui::plain::compare(docs, alignment, 0, 1, width)
}

#[cfg(not(feature = "tui"))]
fn plain(
    docs: &[parallax::model::Document],
    _alignment: &parallax::align::Alignment,
    _width: usize,
) -> String {
    docs.iter().map(|d| format!("{}\n\n", d.text)).collect()
}

#[cfg(feature = "tui")]
fn terminal_width() -> Option<usize> {
    parallax::ui::terminal_width()
}

#[cfg(not(feature = "tui"))]
fn terminal_width() -> Option<usize> {
    None
}
