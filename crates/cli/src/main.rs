//! `pilotdesk`: the command line over the Pilotdesk core, for scripting, tests and
//! benchmarks. Parsing and printing only; the core decides.

/// `println!` for what a command prints: when the reader has gone (`pilotdesk … | head`),
/// the program ends quietly instead of panicking on the closed pipe.
macro_rules! outln {
    () => {
        $crate::output::write_line(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::output::write_line(format_args!($($arg)*))
    };
}

mod cli;
mod commands;
mod output;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    pilotdesk_core::packs::dates::set_style(
        pilotdesk_core::packs::dates::DateStyle::from_environment(),
    );
    match commands::run(cli) {
        // 0, or 3 when `audit verify` finds the decision log broken.
        Ok(code) => code,
        Err(error) => {
            let api = pilotdesk_core::ApiError::from(&error);
            eprintln!("pilotdesk: {api}");
            // 2: the user has something to fix; 1: the machine or the file failed.
            if error.is_user_error() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}
