//! Progress of slow work on standard error. On a terminal, an indicatif spinner or bar with
//! the elapsed time, cleared when the work ends; otherwise (CI logs, pipes, tests) plain lines:
//! one when a task starts, one when it ends. The library reports progress through callbacks;
//! this module only renders it.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::stdio::stderr;

/// Where progress goes: a live spinner on a terminal, or plain lines.
pub struct Progress {
    live: bool,
    bar: Option<ProgressBar>,
}

impl Progress {
    /// Live on a terminal standard error, plain lines otherwise.
    pub fn on_stderr() -> Self {
        Self { live: std::io::stderr().is_terminal(), bar: None }
    }

    /// A task starts: a spinner with `what` and the elapsed time, or the line `what ...`.
    pub fn start(&mut self, what: &str) {
        self.clear();
        if self.live {
            let bar = ProgressBar::new_spinner();
            bar.set_style(ProgressStyle::with_template("{spinner} {msg} [{elapsed}]").unwrap_or_else(|_| ProgressStyle::default_spinner()));
            bar.set_message(what.to_string());
            bar.enable_steady_tick(Duration::from_millis(120));
            self.bar = Some(bar);
        } else {
            stderr!("{what} ...");
        }
    }

    /// A task of `total` items starts: a bar on a terminal, the line `what (N) ...` otherwise.
    pub fn start_counted(&mut self, what: &str, total: usize) {
        self.clear();
        if self.live {
            let bar = ProgressBar::new(total as u64);
            bar.set_style(ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} [{elapsed}]").unwrap_or_else(|_| ProgressStyle::default_bar()));
            bar.set_message(what.to_string());
            self.bar = Some(bar);
        } else {
            stderr!("{what} ({total}) ...");
        }
    }

    /// One item of a counted task is done (shown only on a terminal).
    pub fn item(&mut self, name: &str) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            bar.set_message(name.to_string());
        }
    }

    /// Ends the current task (the spinner disappears) and prints `line`.
    pub fn finish(&mut self, line: &str) {
        self.clear();
        stderr!("{line}");
    }

    fn clear(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}
