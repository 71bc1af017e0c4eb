//! `integrate`: the command-line front end. It parses arguments, opens the workspace, calls the
//! codegen library and prints what it returns; it holds no splicing logic. Exit codes: 0 ok,
//! 1 findings (check) or a rejected credential, 2 usage or input error, 3 unreachable endpoint.
//! A closed standard output changes none of them (see `stdio`).

mod account;
mod commands;
mod demo;
mod man;
mod new_provider;
mod output;
mod progress;
mod prompt;
mod stdio;

use std::process::ExitCode;

use clap::Parser;

use crate::stdio::stderr;

fn main() -> ExitCode {
    let cli = commands::Cli::parse();
    match commands::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // A broken pipe that reaches here is not standard output's (`stdio` drops those): a
            // child that closed its input is a failure like any other.
            stderr!("error: {}", message(&err));
            let code = err.chain().find_map(|c| c.downcast_ref::<integrate_codegen::Error>()).map_or(2, |e| e.exit_code());
            ExitCode::from(code as u8)
        }
    }
}

/// The error and its causes, each said once: a library error already names its cause
/// (`path: Is a directory`), which anyhow's `{:#}` would repeat.
fn message(err: &anyhow::Error) -> String {
    let mut text = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cause_already_in_the_message_is_not_repeated() {
        let io = std::io::Error::from(std::io::ErrorKind::IsADirectory);
        let err = anyhow::Error::from(integrate_codegen::Error::io(std::path::Path::new("/tmp"), io));
        assert_eq!(super::message(&err), "/tmp: is a directory");
        let err = anyhow::Error::from(std::io::Error::from(std::io::ErrorKind::NotFound)).context("reading x");
        assert_eq!(super::message(&err), "reading x: entity not found");
    }
}
