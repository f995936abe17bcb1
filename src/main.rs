//! The `mechkg` binary: parse the command line, run the command, map the outcome to an exit code
//! (0 found, 1 nothing found, 2 error). Errors print as `mechkg: {err:#}`; a closed stdout (a broken
//! pipe, as with `| head`) is not an error.

mod cli;
mod commands;
mod ingest;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(commands::Outcome::Found) => ExitCode::from(0),
        Ok(commands::Outcome::NothingFound) => ExitCode::from(1),
        Err(err) => {
            let broken_pipe = err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
                    || e.downcast_ref::<mechkg::Error>()
                        .is_some_and(|m| matches!(m, mechkg::Error::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
            });
            if broken_pipe {
                return ExitCode::from(0);
            }
            // One line, always: some parsers' messages span several.
            let msg = format!("{err:#}");
            eprintln!(
                "mechkg: {}",
                msg.split_whitespace().collect::<Vec<_>>().join(" ")
            );
            ExitCode::from(2)
        }
    }
}
