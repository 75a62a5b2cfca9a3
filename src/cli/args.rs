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
    #[arg(long, value_name = "THEME")]
    pub theme: Option<String>,
    /// The compare layout to start in. Overrides the settings file.
    #[arg(long, value_name = "LAYOUT", value_parser = ["aligned", "reading"])]
    pub layout: Option<String>,
    /// A keymap TOML file applied over the default keys (see `?` in the interface).
    #[arg(long, value_name = "FILE")]
    pub keymap: Option<PathBuf>,
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
    /// Width of the plain output in columns (default: the terminal's, else 120).
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,
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
    Pairs,
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
}
