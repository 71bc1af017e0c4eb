//! What a validation concluded, and the progress events on the way there.
//!
//! This module owns the verdict types every front end shows: [`Outcome`]
//! (with its process exit code), [`Report`] for [`validate`](super::validate),
//! [`ProbeReport`] for [`probe_wrong_key`](super::probe_wrong_key), and
//! [`Step`], the progress events a terminal UI can display. All of them
//! serialise to JSON with a stable shape for `--format json`, and none of
//! them ever holds a secret in clear: every text that came from the server
//! was scrubbed before it was stored here.

use std::fmt;
use std::time::Duration;

use serde::{Serialize, Serializer};

use super::spec::Scheme;

/// Which part of an access key the endpoint rejected, where its answer tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyFault {
    /// The key id (or user) is not known, for example AWS `InvalidClientTokenId`.
    UnknownKeyId,
    /// The key id is known but the secret is wrong, for example AWS `SignatureDoesNotMatch`.
    WrongSecret,
    /// The answer does not say which, for example AWS EC2 `AuthFailure` or a bare HTTP 401.
    Unspecified,
}

impl fmt::Display for KeyFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            KeyFault::UnknownKeyId => "unknown key id",
            KeyFault::WrongSecret => "wrong secret",
            KeyFault::Unspecified => "key id or secret not accepted",
        })
    }
}

/// The verdict on a credential.
///
/// Serialised with a `kind` tag: `{"kind":"invalid_access_key","which":"wrong_secret",...}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    /// The endpoint accepted the credential and answered the request.
    Valid,
    /// The endpoint rejected the key id, user, secret or password.
    InvalidAccessKey {
        /// Which part was rejected, where the answer tells.
        which: KeyFault,
        /// The error code the endpoint gave, if any.
        code: Option<String>,
        /// The error message the endpoint gave, if any (scrubbed of secrets).
        message: Option<String>,
    },
    /// The credential is valid but not allowed to make the request.
    Forbidden {
        /// The error code the endpoint gave, if any.
        code: Option<String>,
        /// The error message the endpoint gave, if any (scrubbed of secrets).
        message: Option<String>,
    },
    /// No connection could be made: connection refused, no route, unknown host.
    Unreachable {
        /// What failed, in words.
        detail: String,
    },
    /// The TLS handshake failed: untrusted or mismatched certificate, or not TLS at all.
    Tls {
        /// What failed, in words.
        detail: String,
    },
    /// The endpoint did not answer within the time allowed.
    Timeout {
        /// What was being waited for, in words.
        detail: String,
    },
    /// The endpoint answered in a way that says nothing about the credential.
    Unexpected {
        /// The HTTP status, or `None` when the answer was not valid HTTP.
        status: Option<u16>,
        /// At most 300 characters of the answer, scrubbed of secrets.
        excerpt: String,
    },
}

impl Outcome {
    /// Returns the process exit code for this outcome: 0 valid; 1 rejected
    /// (invalid key, forbidden, unexpected answer); 3 not reached
    /// (unreachable, TLS failure, timeout).
    pub fn exit_code(&self) -> i32 {
        match self {
            Outcome::Valid => 0,
            Outcome::InvalidAccessKey { .. }
            | Outcome::Forbidden { .. }
            | Outcome::Unexpected { .. } => 1,
            Outcome::Unreachable { .. } | Outcome::Tls { .. } | Outcome::Timeout { .. } => 3,
        }
    }

    /// What to do next, or `None` for a valid credential.
    pub fn hint(&self) -> Option<&'static str> {
        Some(match self {
            Outcome::Valid => return None,
            Outcome::InvalidAccessKey { .. } => {
                "check the key id (or user) and the secret you gave; `account validate --probe` shows how the endpoint answers a wrong key"
            }
            Outcome::Forbidden { .. } => {
                "the credential is valid but may not make the [validation] request: grant it that permission, or validate with a request it may make"
            }
            Outcome::Unreachable { .. } => {
                "check the endpoint (--endpoint, INTEGRATE_ENDPOINT or the descriptor's [validation] endpoint) and that this machine reaches it (proxies come from HTTPS_PROXY and NO_PROXY)"
            }
            Outcome::Tls { .. } => "install the endpoint's CA certificate, or pass --insecure to turn verification off",
            Outcome::Timeout { .. } => "raise --timeout, or check the endpoint's health",
            Outcome::Unexpected { .. } => {
                "the answer says nothing about the credential: check the [validation] endpoint and request path"
            }
        })
    }

    /// Tells whether the credential was accepted.
    pub fn is_valid(&self) -> bool {
        matches!(self, Outcome::Valid)
    }

    /// Returns the `kind` tag used in JSON, such as `invalid_access_key`.
    pub fn kind(&self) -> &'static str {
        match self {
            Outcome::Valid => "valid",
            Outcome::InvalidAccessKey { .. } => "invalid_access_key",
            Outcome::Forbidden { .. } => "forbidden",
            Outcome::Unreachable { .. } => "unreachable",
            Outcome::Tls { .. } => "tls",
            Outcome::Timeout { .. } => "timeout",
            Outcome::Unexpected { .. } => "unexpected",
        }
    }
}

fn code_and_message(code: &Option<String>, message: &Option<String>) -> String {
    match (code, message) {
        (Some(c), Some(m)) => format!(" ({c}: {m})"),
        (Some(c), None) => format!(" ({c})"),
        (None, Some(m)) => format!(" ({m})"),
        (None, None) => String::new(),
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Valid => f.write_str("valid"),
            Outcome::InvalidAccessKey {
                which,
                code,
                message,
            } => write!(
                f,
                "invalid access key: {which}{}",
                code_and_message(code, message)
            ),
            Outcome::Forbidden { code, message } => write!(
                f,
                "valid credential, but not allowed to make the request{}",
                code_and_message(code, message)
            ),
            Outcome::Unreachable { detail } => write!(f, "unreachable: {detail}"),
            Outcome::Tls { detail } => write!(f, "TLS failure: {detail}"),
            Outcome::Timeout { detail } => write!(f, "timed out: {detail}"),
            Outcome::Unexpected {
                status: Some(s),
                excerpt,
            } => write!(f, "unexpected answer (HTTP {s}): {excerpt}"),
            Outcome::Unexpected {
                status: None,
                excerpt,
            } => write!(f, "unexpected answer: {excerpt}"),
        }
    }
}

fn millis<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// The result of [`validate`](super::validate).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The verdict.
    pub outcome: Outcome,
    /// The scheme that authenticated the request.
    pub scheme: Scheme,
    /// The URL the request went to.
    pub endpoint: String,
    /// The HTTP status of the answer, if one came.
    pub status: Option<u16>,
    /// The error code found in the answer, if any.
    pub code: Option<String>,
    /// The error message found in the answer, if any (scrubbed of secrets).
    pub message: Option<String>,
    /// At most 300 characters of the answer body, scrubbed of secrets.
    pub excerpt: Option<String>,
    /// How long the attempt took; serialised as `elapsed_ms`.
    #[serde(rename = "elapsed_ms", serialize_with = "millis")]
    pub elapsed: Duration,
    /// Whether TLS certificate verification was turned off for this attempt.
    pub insecure: bool,
}

impl Report {
    /// Returns the process exit code of the outcome.
    pub fn exit_code(&self) -> i32 {
        self.outcome.exit_code()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{} {}", self.outcome, self.scheme, self.endpoint)?;
        if let Some(s) = self.status {
            write!(f, ", HTTP {s}")?;
        }
        write!(f, ", {} ms]", self.elapsed.as_millis())?;
        if self.insecure {
            f.write_str(" (TLS verification disabled)")?;
        }
        Ok(())
    }
}

/// Which value a wrong-key probe altered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Alteration {
    /// The secret (or password) was altered; the key id was kept.
    Secret,
    /// The key id was altered; the secret was kept.
    KeyId,
}

impl fmt::Display for Alteration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Alteration::Secret => "altered secret",
            Alteration::KeyId => "altered key id",
        })
    }
}

/// One request of a wrong-key probe and what the endpoint answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProbeAttempt {
    /// Which value was altered.
    pub altered: Alteration,
    /// How the engine classifies the answer.
    pub outcome: Outcome,
    /// The raw HTTP status, if an answer came.
    pub status: Option<u16>,
    /// The raw error code, if the answer had one.
    pub code: Option<String>,
    /// The raw error message, if the answer had one (scrubbed of secrets).
    pub message: Option<String>,
    /// At most 300 characters of the answer body, scrubbed of secrets.
    pub excerpt: Option<String>,
    /// How long the attempt took; serialised as `elapsed_ms`.
    #[serde(rename = "elapsed_ms", serialize_with = "millis")]
    pub elapsed: Duration,
    /// Whether the descriptor's `invalid_key_codes` list matches `code`, that
    /// is whether the generated client maps this answer to `ErrInvalidAccessKey`.
    pub mapped: bool,
    /// A remark for the descriptor's author, when the answer needs one.
    pub note: Option<String>,
}

/// The result of [`probe_wrong_key`](super::probe_wrong_key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProbeReport {
    /// The scheme that authenticated the requests.
    pub scheme: Scheme,
    /// The URL the requests went to.
    pub endpoint: String,
    /// Whether TLS certificate verification was turned off.
    pub insecure: bool,
    /// The descriptor's `invalid_key_codes` at the time of the probe.
    pub invalid_key_codes: Vec<String>,
    /// One entry per altered request, the altered secret first.
    pub attempts: Vec<ProbeAttempt>,
    /// The TOML line to put in the descriptor when some code the endpoint gave
    /// is not mapped, such as `invalid_key_codes = ["AuthFailure", "NewCode"]`.
    pub suggestion: Option<String>,
}

impl ProbeReport {
    /// Tells whether every attempt that carried a code is mapped by the descriptor.
    pub fn all_mapped(&self) -> bool {
        self.suggestion.is_none()
    }
}

impl fmt::Display for ProbeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "wrong-key probe [{} {}]", self.scheme, self.endpoint)?;
        if self.insecure {
            f.write_str(" (TLS verification disabled)")?;
        }
        for a in &self.attempts {
            write!(f, "\n  {}: ", a.altered)?;
            match a.status {
                Some(s) => write!(f, "HTTP {s}")?,
                None => f.write_str("no HTTP answer")?,
            }
            if let Some(c) = &a.code {
                write!(f, ", code {c}")?;
            }
            write!(
                f,
                ", {} -> {}",
                if a.mapped { "mapped" } else { "not mapped" },
                a.outcome
            )?;
            if let Some(n) = &a.note {
                write!(f, "\n    note: {n}")?;
            }
        }
        if let Some(s) = &self.suggestion {
            write!(f, "\n  add to the descriptor: {s}")?;
        }
        Ok(())
    }
}

/// A progress event, sent in this order (some may be skipped when a step fails
/// or a connection is reused).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// The endpoint's host name is being resolved.
    Resolving {
        /// The host name.
        host: String,
    },
    /// A TCP connection (and TLS handshake, for `https`) is being made.
    Connecting {
        /// The address connected to, such as `127.0.0.1:443`.
        address: String,
    },
    /// The request is being sent.
    Sending,
    /// The request was sent and the answer is awaited.
    Waiting,
    /// The answer is being classified.
    Classifying,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::Resolving { host } => write!(f, "resolving {host}"),
            Step::Connecting { address } => write!(f, "connecting to {address}"),
            Step::Sending => f.write_str("sending the request"),
            Step::Waiting => f.write_str("waiting for the answer"),
            Step::Classifying => f.write_str("classifying the answer"),
        }
    }
}
