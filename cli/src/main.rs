//! `integrate`: the command-line front end. It parses arguments, opens the workspace, calls the
//! codegen library and prints what it returns; it holds no splicing logic. Exit codes: 0 ok,
//! 1 findings (check) or a rejected credential, 2 usage or input error, 3 unreachable endpoint.

mod account;
mod commands;
mod demo;
mod output;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = commands::Cli::parse();
    match commands::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // A closed pipe (`integrate apply --dry-run | head`) is not an error.
            if err.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err:#}");
            let code = err.chain().find_map(|c| c.downcast_ref::<integrate_codegen::Error>()).map_or(2, |e| e.exit_code());
            ExitCode::from(code as u8)
        }
    }
}
