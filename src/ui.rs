//! The terminal interface: an overview of all reports, a reader for one, and two reports side
//! by side. The only module that touches ratatui, crossterm or textwrap.
//!
//! The shape is "the Elm architecture", synchronous: [`App`] holds the state, [`App::update`]
//! applies one [`Action`], and drawing (`impl Widget for &App`, in [`view`]) only reads. The
//! keymap (`assets/keymap.toml`) turns keys into actions and also writes the help pane.

pub mod action;
pub mod app;
pub mod claims;
mod commands;
pub mod config;
mod diff;
pub mod effects;
#[cfg(test)]
mod fixtures;
pub mod geometry;
pub mod input;
pub mod key_decoder;
pub mod keymap;
mod nav;
mod nav_compare;
mod nav_overview;
mod nav_quotes;
mod pairing;
pub mod plain;
pub mod quote_data;
pub mod quote_layout;
pub mod rows;
mod search;
pub mod state;
pub mod stories;
mod term;
pub mod theme;
pub mod titles;
mod update;
pub mod view;

use std::path::PathBuf;
use std::sync::{mpsc, Arc};
use std::time::Duration;

pub use action::Action;
pub use app::{App, CompareMode, Filter, View};
pub use keymap::Keymap;
pub use term::REPORT_HINT;
pub use theme::Theme;

use crate::align::Alignment;
use crate::model::Document;

/// What can go wrong starting the interface.
#[derive(Debug, thiserror::Error)]
pub enum UiError {
    /// A keymap or theme file is unreadable or invalid.
    #[error("{}: {message}", crate::model::clean::escape_name(&path.to_string_lossy()))]
    Config {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// The terminal could not be used.
    #[error("terminal: {0}")]
    Io(#[from] std::io::Error),
    /// Standard input is not a terminal and there is no controlling terminal to read keys from
    /// (started with `setsid` and input redirected, for instance).
    #[error("no terminal to read keys from: standard input is not a terminal and /dev/tty cannot be opened ({reason}); use --plain")]
    NoTerminal {
        /// Why `/dev/tty` could not be opened.
        reason: String,
    },
    /// The terminal's input ended: it was closed or hung up.
    #[error("the terminal closed; nothing more can be read from it")]
    TerminalClosed,
    /// The alignment engine stopped without a result (a bug; its panic message is above).
    #[error("the alignment engine stopped without a result; please report this bug")]
    Engine,
}

/// Where the interface opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Start {
    /// The overview.
    #[default]
    Overview,
    /// Two reports side by side.
    Compare(usize, usize),
}

/// Choices from the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `dark`, `light` or a theme file.
    pub theme: Option<String>,
    /// A keymap file to apply over the defaults.
    pub keymap: Option<PathBuf>,
    /// `aligned` or `reading`: the compare layout to start in.
    pub layout: Option<String>,
    /// The first view.
    pub start: Start,
}

/// How long to wait for the engine before showing the interface with a progress line: long
/// enough for a handful of reports (the seeds align in about 12 ms) to open with their marks.
const ENGINE_GRACE: Duration = Duration::from_millis(20);

/// Statements above which the engine cannot finish within [`ENGINE_GRACE`] (the seeds have
/// about 100, ECB+ about 16,000): the interface opens at once on the reports and their text,
/// and the claims and marks follow when the engine is done.
const GRACE_STATEMENTS: usize = 1_000;

/// Open the interface on `docs`, aligning them on a background thread, and run it until the
/// user quits. The terminal is restored however it ends.
///
/// # Errors
/// A keymap or theme file is invalid, or the terminal cannot be used.
pub fn run(docs: Vec<Document>, options: &Options) -> Result<(), UiError> {
    // The settings file, then the flags over it.
    let (settings, mut warning) = config::load();
    // A flag's file that fails is an error; the settings file's only a warning.
    let keymap = match (&options.keymap, &settings.keymap) {
        (Some(k), _) => Keymap::load(Some(k))?,
        (None, Some(k)) => Keymap::load(Some(k)).unwrap_or_else(|e| {
            warning = Some(format!("settings file: {e}; default keys used"));
            Keymap::default_keymap()
        }),
        (None, None) => Keymap::load(None)?,
    };
    let no_color = theme::no_color_requested();
    let resolve = |c: &str| if c == "auto" { config::auto_theme() } else { c }.to_owned();
    let theme = match (&options.theme, &settings.theme) {
        (Some(t), _) => Theme::load(Some(&resolve(t)), no_color)?,
        (None, Some(t)) => Theme::load(Some(&resolve(t)), no_color).unwrap_or_else(|e| {
            warning = Some(format!("settings file: {e}; theme auto used"));
            Theme::load(Some(config::auto_theme()), no_color).unwrap_or_else(|_| Theme::dark())
        }),
        (None, None) => Theme::load(Some(config::auto_theme()), no_color)?,
    };
    let warning = warning.map(|w| crate::model::clean::visible(&w));
    if let Some(w) = &warning {
        eprintln!("parallax: {w}");
    }
    let layout = options
        .layout
        .as_deref()
        .and_then(config::Layout::parse)
        .or(settings.layout);
    let docs = Arc::new(docs);
    let (tx, rx) = mpsc::channel();
    let statements: usize = docs.iter().map(|d| d.statements.len()).sum();
    let small = statements <= GRACE_STATEMENTS;
    // Taken by the engine's thread, so that its end (a panic there) disconnects the channel.
    let mut tx = Some(tx);
    let ready = if small {
        if let Some(tx) = tx.take() {
            spawn_engine(Arc::clone(&docs), tx);
        }
        // Progress reports come first; within the grace only the result matters.
        let until = std::time::Instant::now() + ENGINE_GRACE;
        loop {
            let left = until.saturating_duration_since(std::time::Instant::now());
            match rx.recv_timeout(left) {
                Ok(Engine::Done(a)) => break Some(a),
                Ok(Engine::Progress(_)) => {}
                Err(_) => break None,
            }
        }
    } else {
        None
    };
    let aligning = ready.is_none();
    // While the engine works, the first frame shows the reports; the alignment and the quote
    // analysis are installed together when it is done.
    let mut app = match ready {
        Some(alignment) => App::new(docs, alignment, keymap, theme),
        None => App::waiting(docs, keymap, theme),
    };
    if let Some(tx) = tx.take() {
        // A large corpus: started once the app is built, so that work has the processor to
        // itself; the first frame follows at once.
        spawn_engine(Arc::clone(&app.docs), tx);
    }
    app.aligning = aligning;
    app.message = warning;
    if let Some(l) = layout {
        app.compare.mode = l.mode();
    }
    if let Start::Compare(l, r) = options.start {
        app.overview.report = l;
        app.compare.docs = [l, r];
        app.update(Action::Compare);
    }
    term::run(app, aligning.then_some(rx))
}

/// What the engine's thread sends: how far it has got, then its result.
#[derive(Debug)]
pub enum Engine {
    /// A stage of the alignment ended.
    Progress(crate::align::Progress),
    /// The alignment is done.
    Done(Alignment),
}

/// Align `docs` on a thread of its own, sending its progress and then the result.
fn spawn_engine(docs: Arc<Vec<Document>>, tx: mpsc::Sender<Engine>) {
    std::thread::spawn(move || {
        // The receiver may be gone if the user quit first; nothing to do then.
        let params = crate::align::params::defaults();
        let alignment = crate::align::align_observed(&docs, params, |p| {
            let _ = tx.send(Engine::Progress(p));
        });
        let _ = tx.send(Engine::Done(alignment));
    });
}

/// The terminal's width in columns, if standard output is one.
#[must_use]
pub fn terminal_width() -> Option<usize> {
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
}
