//! What an import concluded: [`ImportReport`] for an API import, [`ClientReport`] for a
//! client run, each with its process exit code and a hint saying what to do next.
//!
//! Every text in them that came from a server or a program was scrubbed of the credential,
//! the platform password and the token before it was stored; both serialise to JSON with a
//! stable shape for `--format json`.

use std::fmt;

use serde::Serialize;

/// Which request of an API import an outcome belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Logging in to the platform (Keystone).
    Login,
    /// Creating the account (the platform's service).
    Create,
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Stage::Login => "the platform login",
            Stage::Create => "the platform's service",
        })
    }
}

/// The verdict of an API import. Serialised with a `kind` tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportOutcome {
    /// The platform created the account.
    Created { id: Option<String>, name: Option<String>, status: Option<String> },
    /// The platform did not accept the `OS_*` login.
    LoginRejected { status: u16, message: Option<String> },
    /// The token's catalog has no endpoint of the service for the interface and region asked.
    NoEndpoint { service: String, interface: String, region: Option<String>, available: Vec<String> },
    /// The platform refused to create the account (a duplicate, a field it rejects, no right).
    Refused { status: u16, class: Option<String>, details: Option<String> },
    /// No connection could be made.
    Unreachable { stage: Stage, detail: String },
    /// The TLS handshake failed.
    Tls { stage: Stage, detail: String },
    /// No answer came in time.
    Timeout { stage: Stage, detail: String },
    /// An answer that says neither yes nor no.
    Unexpected { stage: Stage, status: Option<u16>, excerpt: String },
}

impl ImportOutcome {
    /// 0 created; 1 refused (login, account, or an answer that is not a yes); 2 the `OS_*`
    /// settings name no endpoint; 3 not reached (unreachable, TLS failure, timeout).
    pub fn exit_code(&self) -> i32 {
        match self {
            ImportOutcome::Created { .. } => 0,
            ImportOutcome::LoginRejected { .. } | ImportOutcome::Refused { .. } | ImportOutcome::Unexpected { .. } => 1,
            ImportOutcome::NoEndpoint { .. } => 2,
            ImportOutcome::Unreachable { .. } | ImportOutcome::Tls { .. } | ImportOutcome::Timeout { .. } => 3,
        }
    }

    /// Tells whether the platform could not be reached at all, so that the platform's own
    /// command is worth showing instead.
    pub fn not_reached(&self) -> bool {
        self.exit_code() == 3
    }

    /// What to do next, or `None` when the account was created.
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            ImportOutcome::Created { .. } => return None,
            ImportOutcome::LoginRejected { .. } => {
                "check OS_USERNAME, OS_PASSWORD, OS_DOMAIN_NAME and OS_PROJECT_NAME: they are the platform login, not the provider's credential".to_owned()
            }
            ImportOutcome::NoEndpoint { available, .. } if available.is_empty() => {
                "the login's project sees no such service: check OS_PROJECT_NAME, or that the service is registered in Keystone".to_owned()
            }
            ImportOutcome::NoEndpoint { .. } => "set OS_REGION_NAME and OS_ENDPOINT_TYPE (publicURL, internalURL, adminURL) to one of the endpoints listed".to_owned(),
            ImportOutcome::Refused { status: 409, .. } => {
                "the platform already has this account: choose another --name, or update the existing account".to_owned()
            }
            ImportOutcome::Refused { status: 401 | 403, .. } => {
                "the OS_USERNAME user may not create accounts: log in as a domain or system administrator".to_owned()
            }
            ImportOutcome::Refused { .. } => "the platform refused the account's fields: read its details above; the profile's [account_import] says which field carries what".to_owned(),
            ImportOutcome::Unreachable { stage: Stage::Login, .. } => "check OS_AUTH_URL and that this machine reaches it (proxies come from HTTPS_PROXY and NO_PROXY)".to_owned(),
            ImportOutcome::Unreachable { stage: Stage::Create, .. } => {
                "the service URL the catalog gave is not reachable from here: check that the service runs there; a cluster-internal URL needs OS_ENDPOINT_TYPE=publicURL".to_owned()
            }
            ImportOutcome::Tls { .. } => "the certificate was not trusted: install the platform's CA, or pass --insecure to turn verification off".to_owned(),
            ImportOutcome::Timeout { .. } => "the platform did not answer in time: raise --timeout, or check its health".to_owned(),
            ImportOutcome::Unexpected { .. } => "the platform answered something this tool does not understand: read the excerpt above".to_owned(),
        })
    }
}

impl fmt::Display for ImportOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "?".to_owned());
        match self {
            ImportOutcome::Created { id, name, status } => {
                write!(f, "created account {} (id {}, status {})", opt(name), opt(id), opt(status))
            }
            ImportOutcome::LoginRejected { status, message } => {
                write!(f, "not imported: the platform login was rejected (HTTP {status}{})", message.as_ref().map(|m| format!(": {m}")).unwrap_or_default())
            }
            ImportOutcome::NoEndpoint { service, interface, region, available } => {
                write!(f, "not imported: the catalog has no {interface} endpoint of service {service}")?;
                if let Some(r) = region {
                    write!(f, " in region {r}")?;
                }
                if available.is_empty() {
                    Ok(())
                } else {
                    write!(f, "; it has: {}", available.join(", "))
                }
            }
            ImportOutcome::Refused { status, class, details } => {
                write!(f, "not imported: the platform refused the account (HTTP {status}")?;
                if let Some(c) = class {
                    write!(f, " {c}")?;
                }
                if let Some(d) = details {
                    write!(f, ": {d}")?;
                }
                f.write_str(")")
            }
            ImportOutcome::Unreachable { stage, detail } => write!(f, "not imported: {stage} is unreachable: {detail}"),
            ImportOutcome::Tls { stage, detail } => write!(f, "not imported: TLS failure with {stage}: {detail}"),
            ImportOutcome::Timeout { stage, detail } => write!(f, "not imported: {stage} timed out: {detail}"),
            ImportOutcome::Unexpected { stage, status, excerpt } => match status {
                Some(s) => write!(f, "not imported: unexpected answer from {stage} (HTTP {s}): {excerpt}"),
                None => write!(f, "not imported: unexpected answer from {stage}: {excerpt}"),
            },
        }
    }
}

/// The result of an API import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub outcome: ImportOutcome,
    /// The Keystone URL logged in to.
    pub auth_url: String,
    /// The service URL the catalog gave, once known.
    pub service_url: Option<String>,
    /// The request as sent, credential values masked (`POST /cloudaccounts {...}`).
    pub request: String,
    /// Whether TLS certificate verification was off.
    pub insecure: bool,
}

impl ImportReport {
    pub fn exit_code(&self) -> i32 {
        self.outcome.exit_code()
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [login {}", self.outcome, self.auth_url)?;
        if let Some(url) = &self.service_url {
            write!(f, ", service {url}")?;
        }
        f.write_str("]")
    }
}

/// The result of running the platform's client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientReport {
    /// The command line as run (it holds no secret by construction).
    pub command: String,
    /// The program's exit code, or `None` when a signal ended it.
    pub status: Option<i32>,
    /// Its standard output, scrubbed.
    pub stdout: String,
    /// Its standard error, scrubbed.
    pub stderr: String,
}

impl ClientReport {
    /// 0 when the program succeeded, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        if self.status == Some(0) { 0 } else { 1 }
    }

    pub fn hint(&self) -> Option<String> {
        (self.exit_code() != 0).then(|| "the platform's client failed: its output above says why".to_owned())
    }
}
