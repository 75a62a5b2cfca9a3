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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap quotes the offending argument as given: a file name or value holding escape
            // sequences must not reach the terminal through the usage message either.
            let text = parallax::model::clean::visible(&e.render().to_string());
            if e.use_stderr() {
                eprint!("{text}");
            } else {
                print!("{text}");
            }
            return Ok(ExitCode::from(
                u8::try_from(e.exit_code()).unwrap_or(EXIT_USAGE),
            ));
        }
    };
    if let Some(problem) = parallax::align::params::override_problem() {
        // The path came from the environment: shown escaped like any other outside text.
        eprintln!(
            "parallax: warning: {}; using the built-in parameters",
            parallax::model::clean::escape_name(&problem)
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
