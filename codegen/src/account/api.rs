//! An import through the platform's API: log in to Keystone with the `OS_*` settings, find
//! the service in the token's catalog, send the declared request with `X-Auth-Token`.
//!
//! This is what cloudpods' climc does for `cloud-account-create-<id>`, without a process in
//! between: the credential travels only in the request body, over TLS verified unless the
//! caller turned it off. Every text kept from an answer is scrubbed of the credential, the
//! platform password and the token.

use serde_json::Value;

use super::error::ImportError;
use super::keystone;
use super::login::PlatformLogin;
use super::report::{ImportOutcome, ImportReport, Stage};
use super::{ApiAuth, ApiCall, ImportOptions};
use crate::validation::codes::{Answer, truncate_chars};
use crate::validation::request::{Endpoint, Prepared};
use crate::validation::scrub::Scrubber;
use crate::validation::transport::{self, Failure, Settings};
use crate::validation::{Credential, EXCERPT_MAX_CHARS, ValidationError};

/// Creates the account `call` describes, logged in as `login`.
///
/// A rejected login, a missing endpoint, a refusal and an unreachable platform are outcomes
/// in the returned report; an error means no request could be made.
pub fn import_via_api(call: &ApiCall, login: &PlatformLogin, cred: &Credential, opts: &ImportOptions) -> Result<ImportReport, ImportError> {
    let ApiAuth::KeystoneV3 = call.auth;
    let mut scrubber = Scrubber::for_credential(cred);
    scrubber.add_secret(login.password.expose());
    scrubber.add_identifier(login.username.expose(), &login.username.masked());
    let settings = Settings { insecure: opts.insecure, timeout: opts.timeout, cancel: None };
    let mut report = ImportReport { outcome: ImportOutcome::Created { id: None, name: None, status: None }, auth_url: login.auth_url.clone(), service_url: None, request: call.summary(), insecure: opts.insecure };

    let tokens_url = keystone::tokens_url(&login.auth_url).map_err(|source| ImportError::Url { what: "OS_AUTH_URL", source, hint: "set it to the platform's Keystone URL, such as https://cloudpods.example:30500/v3" })?;
    let login_request = Prepared {
        method: "POST".into(),
        url: tokens_url,
        headers: json_headers(),
        body: serde_json::to_vec(&keystone::token_body(login)).map_err(|e| ImportError::Internal(e.to_string()))?,
    };
    let answer = match send(login_request, &settings)? {
        Ok(a) => a,
        Err(failure) => {
            report.outcome = failed(Stage::Login, failure, &scrubber);
            return Ok(report);
        }
    };
    let token = answer.header("x-subject-token").map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
    if let Some(t) = &token {
        scrubber.add_secret(t);
    }
    let token = match (answer.status, token) {
        (200..=299, Some(t)) => t,
        // cloudpods' Keystone answers a wrong password 401 WrongPassword, an unknown user 404
        // UserNotFound, a locked one 4xx too.
        (400..=499, _) => {
            let (class, details) = error_details(&answer.body, &scrubber);
            let message = match (class, details) {
                (Some(c), Some(d)) if c != d => Some(format!("{c}: {d}")),
                (c, d) => d.or(c),
            };
            report.outcome = ImportOutcome::LoginRejected { status: answer.status, message };
            return Ok(report);
        }
        (status, _) => {
            report.outcome = unexpected(Stage::Login, Some(status), &answer.body, &scrubber);
            return Ok(report);
        }
    };
    let body: Value = serde_json::from_str(&answer.body).unwrap_or(Value::Null);
    let service_url = match keystone::pick(&keystone::catalog(&body), &call.service, &login.interface, login.region.as_deref()) {
        Ok(url) => url,
        Err(available) => {
            report.outcome = ImportOutcome::NoEndpoint { service: call.service.clone(), interface: login.interface.clone(), region: login.region.clone(), available };
            return Ok(report);
        }
    };
    report.service_url = Some(service_url.clone());
    let endpoint = Endpoint::parse(&service_url).map_err(|source| ImportError::Url { what: "the catalog's service URL", source, hint: "the platform's Keystone lists a URL that is not http(s); fix the endpoint there" })?;
    let mut headers = json_headers();
    headers.push(("x-auth-token".into(), token));
    let create = Prepared {
        method: call.method.clone(),
        url: endpoint.url(&call.path),
        headers,
        body: serde_json::to_vec(&call.body()).map_err(|e| ImportError::Internal(e.to_string()))?,
    };
    let answer = match send(create, &settings)? {
        Ok(a) => a,
        Err(failure) => {
            report.outcome = failed(Stage::Create, failure, &scrubber);
            return Ok(report);
        }
    };
    report.outcome = match answer.status {
        200..=299 => {
            let body: Value = serde_json::from_str(&answer.body).unwrap_or(Value::Null);
            let created = call.wrap.as_ref().and_then(|k| body.get(k)).unwrap_or(&body);
            let text = |key: &str| created.get(key).and_then(Value::as_str).map(|s| scrubber.scrub(s));
            ImportOutcome::Created { id: text("id"), name: text("name"), status: text("status") }
        }
        400..=499 => {
            let (class, details) = error_details(&answer.body, &scrubber);
            ImportOutcome::Refused { status: answer.status, class, details }
        }
        status => unexpected(Stage::Create, Some(status), &answer.body, &scrubber),
    };
    Ok(report)
}

fn json_headers() -> Vec<(String, String)> {
    vec![("content-type".into(), "application/json".into()), ("accept".into(), "application/json".into())]
}

fn send(request: Prepared, settings: &Settings) -> Result<Result<Answer, Failure>, ImportError> {
    transport::exchange(request, settings, &mut |_| {}).map_err(|e| match e {
        ValidationError::Cancelled => ImportError::Internal("cancelled".into()),
        other => ImportError::Internal(other.to_string()),
    })
}

fn failed(stage: Stage, failure: Failure, scrubber: &Scrubber) -> ImportOutcome {
    match failure {
        Failure::Unreachable(d) => ImportOutcome::Unreachable { stage, detail: scrubber.scrub(&d) },
        Failure::Tls(d) => ImportOutcome::Tls { stage, detail: scrubber.scrub(&d) },
        Failure::Timeout(d) => ImportOutcome::Timeout { stage, detail: scrubber.scrub(&d) },
        Failure::Protocol(d) => ImportOutcome::Unexpected { stage, status: None, excerpt: truncate_chars(&scrubber.scrub(&d), EXCERPT_MAX_CHARS) },
    }
}

fn unexpected(stage: Stage, status: Option<u16>, body: &str, scrubber: &Scrubber) -> ImportOutcome {
    ImportOutcome::Unexpected { stage, status, excerpt: scrubber.excerpt(body).unwrap_or_default() }
}

/// The error class and details of a cloudpods error answer (`{"code":409,"class":"ConflictError",
/// "details":"..."}`), or of a Keystone one (`{"error":{"title":...,"message":...}}`), scrubbed.
fn error_details(body: &str, scrubber: &Scrubber) -> (Option<String>, Option<String>) {
    let json: Value = serde_json::from_str(body.trim()).unwrap_or(Value::Null);
    let text = |pointers: &[&str]| pointers.iter().find_map(|p| json.pointer(p).and_then(Value::as_str)).map(|s| truncate_chars(&scrubber.scrub(s), EXCERPT_MAX_CHARS));
    let class = text(&["/class", "/error/title"]);
    let details = text(&["/details", "/error/message", "/message"]).or_else(|| scrubber.excerpt(body));
    (class, details)
}
