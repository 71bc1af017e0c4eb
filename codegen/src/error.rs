//! Typed errors of the library. Every variant that comes from a file carries the file's path
//! and, where one exists, the line and column, plus a hint that says how to fix the input; the
//! binaries map [`Error::exit_code`] onto their documented exit codes.

use std::fmt;
use std::path::{Path, PathBuf};

/// A place in a file, 1-based, for messages that a person or an editor can jump to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl Location {
    pub fn new(path: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Self { path: path.into(), line, column }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.path.display())
        } else if self.column == 0 {
            write!(f, "{}:{}", self.path.display(), self.line)
        } else {
            write!(f, "{}:{}:{}", self.path.display(), self.line, self.column)
        }
    }
}

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad user input: a descriptor, workspace file or profile that does not parse or breaks a rule.
    #[error("{at}: {message}\n  hint: {hint}")]
    Input { at: Location, message: String, hint: String },

    /// The place a registration point is anchored to does not exist in the target file.
    #[error("{at}: anchor not found: {message}\n  hint: {hint}")]
    AnchorNotFound { at: Location, message: String, hint: String },

    /// A target file is not valid source in its language (before or after an edit).
    #[error("{at}: {message}\n  hint: {hint}")]
    Syntax { at: Location, message: String, hint: String },

    /// A target file that no build compiles (`//go:build ignore`): what it registers does not
    /// count, and integrate adds nothing to it.
    #[error("{at}: {message}\n  hint: {hint}")]
    BuildExcluded { at: Location, constraint: String, message: String, hint: String },

    /// A template failed to render (an undefined variable, a syntax error).
    #[error("{at}: template error: {message}")]
    Template { at: Location, message: String },

    /// A filesystem operation failed.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// Another run, alive, holds the workspace lock (a dead run's lock is released with it).
    #[error("{}: another integrate run holds this workspace\n  hint: {}wait for it to finish", path.display(), pid.map_or(String::new(), |p| format!("it is process {p}; ")))]
    Locked { path: PathBuf, pid: Option<u32> },

    /// Several independent errors, reported at once.
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Many(Vec<Error>),
}

impl Error {
    pub fn input(at: Location, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Input { at, message: message.into(), hint: hint.into() }
    }

    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io { path: path.to_path_buf(), source }
    }

    /// The exit code a binary should use: 2 for anything the user can fix in the input, and
    /// for I/O and lock failures, which also mean "nothing was done".
    pub fn exit_code(&self) -> i32 {
        2
    }

    /// Collapses a list of errors into one, or `Ok` when it is empty.
    pub fn collect(errors: Vec<Error>) -> Result<()> {
        match errors.len() {
            0 => Ok(()),
            1 => Err(errors.into_iter().next().expect("one element")),
            _ => Err(Error::Many(errors)),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Reads a file to a string, naming the path on failure.
pub fn read_to_string(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::io(path, e))
}
