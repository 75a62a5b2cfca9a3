//! The `parallax` binary: parse the command line, run it, map the outcome to an exit code
//! (0 success, 1 some input refused but others loaded, 2 usage error or nothing loadable).
// In-module tests unwrap what they set up themselves; input is never unwrapped.
#![cfg_attr(test, allow(clippy::unwrap_used))]

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "parallax: {}",
                parallax::model::clean::visible(&format!("{e:#}"))
            );
            ExitCode::from(2)
        }
    }
}

/// A reader closing the pipe early (`parallax sentences | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
