//! The command line: argument definitions and the dispatch to each subcommand.

mod args;
mod commands;
mod compare;
mod pairs;

use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command};

/// Exit code when some inputs were refused but others loaded.
pub const EXIT_PARTIAL: u8 = 1;
/// Exit code for usage errors and when nothing could be loaded.
pub const EXIT_USAGE: u8 = 2;

/// Parse the arguments and run the command.
pub fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    if let Some(problem) = parallax::align::params::override_problem() {
        // The path came from the environment: shown escaped like any other outside text.
        eprintln!(
            "parallax: warning: {}; using the built-in parameters",
            parallax::model::clean::visible(&problem)
        );
    }
    match cli.command {
        None => commands::open(&cli.open),
        Some(Command::Sentences(a)) => commands::sentences(&a),
        Some(Command::Export(a)) => commands::export(&a),
        Some(Command::Pairs(a)) => pairs::run(&a),
        Some(Command::Compare(a)) => compare::compare(&a),
    }
}
