//! A reader that goes away (`integrate check | head -1`) changes no exit code: a gate keeps its
//! findings' code, because CI reads the exit status and not the text; a listing exits as it
//! would have; nothing panics (clap_complete did, exit 101). The reader here is closed before
//! the binary writes a byte, so every write meets a broken pipe, whatever the timing.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::*;

/// The write end of a pipe whose read end is already closed.
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer.into()
}

/// Runs `integrate <args>` in `dir` with standard output on a closed pipe (and standard error
/// too when `stderr_closed`); standard error is captured otherwise.
fn run(dir: &Path, args: &[&str], stderr_closed: bool) -> Output {
    Command::new(assert_cmd::cargo::cargo_bin("integrate"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(closed_pipe())
        .stderr(if stderr_closed { closed_pipe() } else { Stdio::piped() })
        .output()
        .unwrap()
}

/// Asserts `args` exits with `code` with its standard output closed, and again with both
/// outputs closed; returns what it said on standard error the first time.
fn exits(dir: &Path, args: &[&str], code: i32) -> String {
    let out = run(dir, args, false);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "integrate {} with a closed stdout:\n{err}", args.join(" "));
    assert!(!err.contains("panicked") && !err.contains("error:"), "integrate {}:\n{err}", args.join(" "));
    let both = run(dir, args, true);
    assert_eq!(both.status.code(), Some(code), "integrate {} with closed stdout and stderr", args.join(" "));
    err
}

#[test]
fn check_keeps_its_findings_exit_code_when_the_reader_closes_early() {
    let dir = sample();
    for format in ["human", "json", "github", "sarif"] {
        let err = exits(dir.path(), &["check", "--all", "--format", format], 1);
        assert!(err.contains("check: 52 finding(s), 52 at or above note"), "{format}: the summary still goes to stderr:\n{err}");
    }
    // Below the threshold, it passes just the same.
    exits(dir.path(), &["check", "--all", "--severity", "error"], 0);
}

#[test]
fn a_complete_provider_passes_and_what_writes_files_finishes() {
    let dir = sample();
    // new writes every file, then reports them on the closed pipes (once: a second new is refused).
    assert_eq!(run(dir.path(), NEW_TESTCLOUD, true).status.code(), Some(0));
    integrate(dir.path()).args(["check", "testcloud"]).assert().code(0);
    exits(dir.path(), &["check", "testcloud"], 0);
    exits(dir.path(), &["list"], 0);
    exits(dir.path(), &["apply", "--dry-run"], 0);
    exits(dir.path(), &["remove", "testcloud", "--dry-run"], 0);
}

#[test]
fn listings_exit_quietly_and_completions_never_panic() {
    let dir = sample();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        exits(dir.path(), &["completions", shell], 0);
    }
    exits(dir.path(), &["man"], 0);
    exits(dir.path(), &["docs"], 0);
    exits(dir.path(), &["--help"], 0);
    // demo writes its own sample and checks it: the check's code, 0, whoever reads.
    assert_eq!(run(dir.path(), &["demo"], true).status.code(), Some(0));
    let err = exits(dir.path(), &["discover", "--dry-run"], 0);
    assert!(err.lines().all(|l| l.starts_with("discover: ")), "only progress lines: {err}");
    assert!(!dir.path().join("descriptors/aws.toml").exists(), "a dry run writes nothing");
    // Without a subcommand off a terminal: the help, and the usage error's code.
    exits(dir.path(), &[], 2);
}

#[test]
fn a_closed_stderr_alone_changes_nothing() {
    let dir = sample();
    let out = Command::new(assert_cmd::cargo::cargo_bin("integrate"))
        .args(["check", "--all"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(closed_pipe())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 52, "every finding is printed");
}
