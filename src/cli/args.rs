//! Argument definitions (clap derive). The help text is the first documentation a user reads.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Compare several news reports of one event: what they agree on, what only one says, and
/// where their numbers, names, dates and quotes disagree.
///
/// With no PATH, parallax opens its five embedded sample reports. PATH may be a .txt, .md or
/// .html file, a folder (read recursively, in sorted order) or - for standard input.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without a command, the reports are opened for reading.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of the default command.
    #[command(flatten)]
    pub open: OpenArgs,
}

/// Options for opening reports.
#[derive(Debug, Args)]
pub struct OpenArgs {
    /// Reports to open: files, folders, or - for stdin (default: the embedded samples).
    pub paths: Vec<String>,
    /// Print a summary of the reports instead of opening the interface (also the behaviour
    /// when standard output is not a terminal).
    #[arg(long)]
    pub plain: bool,
    /// Interface options.
    #[command(flatten)]
    pub ui: UiArgs,
}

/// Options of the terminal interface.
#[derive(Debug, Args)]
pub struct UiArgs {
    /// Colour theme: auto (the terminal's background; the default), dark, light, or a theme
    /// TOML file (NO_COLOR=1 turns colour off). Overrides the settings file.
    #[arg(long, value_name = "THEME", value_parser = theme_choice)]
    pub theme: Option<String>,
    /// The compare layout to start in. Overrides the settings file.
    #[arg(long, value_name = "LAYOUT", value_parser = ["aligned", "reading"])]
    pub layout: Option<String>,
    /// A keymap TOML file applied over the default keys (see `?` in the interface).
    #[arg(long, value_name = "FILE", value_parser = config_file)]
    pub keymap: Option<PathBuf>,
}

/// Narrowest `compare --plain --width`: two columns of a few words each.
pub const MIN_WIDTH: i64 = 20;
/// Widest `compare --plain --width`: beyond it the output only grows, never reads better.
pub const MAX_WIDTH: i64 = 1000;

/// Largest keymap or theme file read (1 MiB; real ones are a few hundred bytes).
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// A keymap or theme file named on the command line: refused unless it is a regular file of
/// at most [`MAX_CONFIG_BYTES`], so `/dev/zero` or a FIFO cannot be read until memory runs out
/// or block forever. A missing file passes here and is reported when it is read.
fn config_file(s: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(s);
    match std::fs::metadata(&path) {
        Ok(m) if !m.is_file() => Err("not a regular file".into()),
        Ok(m) if m.len() > MAX_CONFIG_BYTES => Err(format!(
            "too large ({} bytes; the limit is {MAX_CONFIG_BYTES})",
            m.len()
        )),
        _ => Ok(path),
    }
}

/// `--theme`: a built-in name, or a file checked like any configuration file.
fn theme_choice(s: &str) -> Result<String, String> {
    if matches!(s, "auto" | "dark" | "light") {
        return Ok(s.to_owned());
    }
    config_file(s).map(|_| s.to_owned())
}

/// Options of `parallax compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The left-hand report (a file, or - for stdin).
    pub left: String,
    /// The right-hand report.
    pub right: String,
    /// Print the aligned side-by-side text to standard output instead of opening the
    /// interface (also the behaviour when standard output is not a terminal).
    #[arg(long)]
    pub plain: bool,
    /// Width of the plain output in columns, 20 to 1000 (default: the terminal's, else 120).
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(MIN_WIDTH..=MAX_WIDTH))]
    pub width: Option<u16>,
    /// Interface options.
    #[command(flatten)]
    pub ui: UiArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the statements (sentences, headings, boilerplate) of the reports, one per line.
    Sentences(SentencesArgs),
    /// Write the document model and the alignment as JSON or Markdown.
    Export(ExportArgs),
    /// Score sentence pairs from stdin (`sentence1<TAB>sentence2` per line): prints
    /// `score<TAB>relation` per line, relation being shared, divergent or unrelated.
    Pairs(PairsArgs),
    /// Open two reports side by side (or print them aligned with --plain).
    Compare(CompareArgs),
}

/// Options of `parallax sentences`.
#[derive(Debug, Args)]
pub struct SentencesArgs {
    /// Reports to split: files, folders, or - for stdin (default: the embedded samples).
    pub paths: Vec<String>,
    /// Print JSON: an array of strings for one input, else an array of {"id","sentences"}.
    #[arg(long)]
    pub json: bool,
}

/// Options of `parallax pairs`.
#[derive(Debug, Args)]
pub struct PairsArgs {
    /// Also print the judge's evidence for each pair (tab-separated, in the order of a header
    /// line): what `tests/tools/fit_judge.py` fits the judge on.
    #[arg(long)]
    pub features: bool,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The versioned JSON document model with links and groups.
    Json,
    /// A Markdown report a journalist can paste into a note.
    Md,
}

/// Options of `parallax export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Reports to export: files, folders, or - for stdin (default: the embedded samples).
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
    /// Also write every candidate pair with its evidence and probability to FILE (JSON lines),
    /// for fitting the judge (`tests/tools/fit_judge.py`).
    #[arg(long, value_name = "FILE", hide = true)]
    pub evidence: Option<PathBuf>,
}
