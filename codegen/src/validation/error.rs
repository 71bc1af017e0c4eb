//! The errors that stop a validation before it can reach a verdict.
//!
//! This module owns [`ValidationError`]. A rejected credential, an unreachable
//! host or a TLS failure is not an error here: those are
//! [`Outcome`](super::Outcome)s inside a report. An error means the engine
//! could not ask the question at all (a bad `[validation]` section, an
//! incomplete credential, a bad endpoint) or was told to stop.

use super::secret::CredentialError;

/// Why [`validate`](super::validate) or [`probe_wrong_key`](super::probe_wrong_key)
/// returned no report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    /// The `[validation]` section is malformed or inconsistent with its scheme.
    #[error("invalid [validation] section: {0}")]
    Spec(String),
    /// The credential lacks a value the scheme needs.
    #[error("incomplete credential: {0}")]
    Credential(String),
    /// The credential could not be read from the environment.
    #[error(transparent)]
    Env(#[from] CredentialError),
    /// The endpoint is not an `http` or `https` URL the engine can use.
    #[error("invalid endpoint {endpoint:?}: {reason}")]
    Endpoint {
        /// The endpoint as given, with any user information removed.
        endpoint: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Signing the request failed (for example a region or service name the signer rejects).
    #[error("could not sign the request: {0}")]
    Signing(String),
    /// The cancel flag in the options was raised.
    #[error("validation cancelled")]
    Cancelled,
    /// The engine failed in a way that is a bug, not a property of the endpoint.
    #[error("internal error: {0}")]
    Internal(String),
}
