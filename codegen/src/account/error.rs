//! The errors that stop an import before it can reach a verdict: settings that do not make a
//! request (a bad `OS_AUTH_URL`, a service URL that is not one), a client that cannot be
//! started, a private file that cannot be written. A refused or unreachable platform is not an
//! error here: it is an [`ImportOutcome`](super::ImportOutcome) inside a report.

use std::path::PathBuf;

/// Why an import returned no report. Every variant means nothing was created.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// `OS_AUTH_URL` or the catalog's service URL is not a usable `http(s)` URL.
    #[error("{what}: {source}\n  hint: {hint}")]
    Url {
        what: &'static str,
        #[source]
        source: crate::validation::ValidationError,
        hint: &'static str,
    },
    /// The client program could not be started.
    #[error("cannot run {program}: {source}\n  hint: install the platform's client, or put it on PATH")]
    Spawn {
        program: String,
        #[source]
        source: std::io::Error,
    },
    /// The private directory or file for the secret could not be made or written.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The request thread failed in a way that is a bug.
    #[error("internal error: {0}")]
    Internal(String),
}
