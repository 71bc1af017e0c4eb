//! Live credential validation: proving a key against the provider's own API.
//!
//! This module owns the engine behind the `[validation]` section of a
//! provider descriptor. [`validate`] sends the request the section
//! describes, authenticated with a caller-supplied [`Credential`], and
//! classifies the answer into an [`Outcome`]; [`probe_wrong_key`] sends the
//! same request with a deliberately altered secret (and optionally key id)
//! and reports what the endpoint answers and whether the descriptor's
//! `invalid_key_codes` already maps it. The engine does no terminal I/O,
//! writes nothing to disk and never logs; every text it hands back was
//! scrubbed of the credential's values first. Submodules: `spec` (the
//! section), `secret` (secrets and credentials), `request` (per-scheme
//! request building and signing), `transport` (HTTP, progress, cancel),
//! `codes` (error codes, verdicts), `child_env` (what a child process must not inherit), `scrub` (secrets in every spelling), `outcome` (reports) and
//! `error` (why no report came).

pub mod child_env;
pub mod field_values;
pub(crate) mod codes;
mod error;
mod outcome;
pub(crate) mod request;
pub(crate) mod scrub;
mod secret;
mod spec;
pub(crate) mod transport;

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

pub use codes::{EXCERPT_MAX_CHARS, ErrorInfo, code_matches, extract_error, key_fault_for};
pub use error::ValidationError;
pub use outcome::{Alteration, KeyFault, Outcome, ProbeAttempt, ProbeReport, Report, Step};
pub use secret::{
    Credential, CredentialError, CredentialKind, ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET,
    ENV_ENDPOINT, ENV_PASSWORD, ENV_USERNAME, Secret,
};
pub use spec::{BodyFormat, RequestSpec, Scheme, ValidationSpec};

use codes::{Answer, Success};
use scrub::Scrubber;
use request::Endpoint;
use transport::{Failure, Settings};

/// The timeout used when the caller sets none: 15 seconds for connecting and reading together.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);

/// How a validation runs.
#[derive(Debug, Clone)]
pub struct ValidateOptions {
    /// An endpoint that replaces both the descriptor's and the credential's.
    pub endpoint_override: Option<String>,
    /// Turns off TLS certificate verification; reports say so in `insecure`.
    pub insecure: bool,
    /// The time allowed for one request, connecting and reading together.
    pub timeout: Duration,
    /// A flag that, once set, makes the call return [`ValidationError::Cancelled`] promptly.
    pub cancel: Option<Arc<AtomicBool>>,
    /// Makes [`probe_wrong_key`] also send the request with an altered key id
    /// (access keys only); [`validate`] ignores it.
    pub alter_key_id: bool,
}

impl Default for ValidateOptions {
    fn default() -> Self {
        ValidateOptions {
            endpoint_override: None,
            insecure: false,
            timeout: DEFAULT_TIMEOUT,
            cancel: None,
            alter_key_id: false,
        }
    }
}

/// What one request gave, before it is shaped into a report.
struct Attempt {
    outcome: Outcome,
    status: Option<u16>,
    code: Option<String>,
    message: Option<String>,
    excerpt: Option<String>,
    elapsed: Duration,
}

/// Proves `cred` against the endpoint `spec` describes.
///
/// Progress events go to `progress` as they happen. A rejected credential,
/// an unreachable host, a TLS failure or a timeout is an [`Outcome`] in the
/// returned [`Report`]; an error means no verdict could be reached.
pub fn validate(
    spec: &ValidationSpec,
    cred: &Credential,
    opts: &ValidateOptions,
    progress: &mut dyn FnMut(Step),
) -> Result<Report, ValidationError> {
    let spec = &with_roles(spec, cred);
    let (endpoint, display) = prepare_run(spec, cred, opts)?;
    let mut scrubber = Scrubber::for_credential(cred);
    let attempt = attempt(
        spec,
        &endpoint,
        cred.key_id_or_user.expose(),
        cred.secret.expose(),
        &mut scrubber,
        opts,
        progress,
    )?;
    Ok(Report {
        outcome: attempt.outcome,
        scheme: spec.scheme,
        endpoint: display,
        status: attempt.status,
        code: attempt.code,
        message: attempt.message,
        excerpt: attempt.excerpt,
        elapsed: attempt.elapsed,
        insecure: opts.insecure,
    })
}

/// Sends the validation request with a deliberately wrong secret (and, when
/// `opts.alter_key_id` is set and the credential is an access key, once more
/// with a wrong key id) and reports the raw answers.
///
/// Each attempt says whether the descriptor's `invalid_key_codes` maps the
/// code the endpoint gave; when some code is not mapped, the report carries
/// the TOML line that would map it.
pub fn probe_wrong_key(
    spec: &ValidationSpec,
    cred: &Credential,
    opts: &ValidateOptions,
    progress: &mut dyn FnMut(Step),
) -> Result<ProbeReport, ValidationError> {
    let spec = &with_roles(spec, cred);
    let (endpoint, display) = prepare_run(spec, cred, opts)?;
    let real_id = cred.key_id_or_user.expose();
    let real_secret = cred.secret.expose();
    let wrong_secret = alter(real_secret);
    let wrong_id = alter(real_id);
    let mut scrubber = Scrubber::for_credential(cred);
    scrubber.add_secret(&wrong_secret);
    scrubber.add_identifier(&wrong_id, &Secret::identifier(wrong_id.clone()).masked());

    let mut plans = vec![(Alteration::Secret, real_id, wrong_secret.as_str())];
    if opts.alter_key_id && cred.kind == CredentialKind::AccessKey && spec.scheme.uses_identifier()
    {
        plans.push((Alteration::KeyId, wrong_id.as_str(), real_secret));
    }
    let mut attempts = Vec::new();
    for (altered, id, secret) in plans {
        let a = attempt(spec, &endpoint, id, secret, &mut scrubber, opts, progress)?;
        let mapped = a
            .code
            .as_deref()
            .is_some_and(|c| code_matches(c, &spec.invalid_key_codes));
        let note = probe_note(&a, mapped);
        attempts.push(ProbeAttempt {
            altered,
            outcome: a.outcome,
            status: a.status,
            code: a.code,
            message: a.message,
            excerpt: a.excerpt,
            elapsed: a.elapsed,
            mapped,
            note,
        });
    }
    let mut missing: Vec<String> = Vec::new();
    for a in &attempts {
        let rejected = a.status.is_some_and(|s| !(200..300).contains(&s));
        match &a.code {
            Some(code) if !a.mapped && rejected && !missing.contains(code) => {
                missing.push(code.clone());
            }
            _ => {}
        }
    }
    let suggestion = if missing.is_empty() {
        None
    } else {
        let mut list = spec.invalid_key_codes.clone();
        list.extend(missing);
        let array = toml::Value::Array(list.into_iter().map(toml::Value::String).collect());
        Some(format!("invalid_key_codes = {array}"))
    };
    Ok(ProbeReport {
        scheme: spec.scheme,
        endpoint: display,
        insecure: opts.insecure,
        invalid_key_codes: spec.invalid_key_codes.clone(),
        attempts,
        suggestion,
    })
}

/// Returns the endpoint a validation with these options sends to, as written: the run-time
/// override, else the credential's, else the descriptor's. An imported account is created with
/// the endpoint its credential was proved against.
pub fn endpoint_in_force(spec: &ValidationSpec, cred: &Credential, opts: &ValidateOptions) -> String {
    request::endpoint_in_force(spec, cred.endpoint.as_deref(), opts.endpoint_override.as_deref())
        .trim()
        .to_owned()
}

/// Checks the section and the credential and picks the endpoint; returns it
/// parsed and as shown in reports.
fn prepare_run(
    spec: &ValidationSpec,
    cred: &Credential,
    opts: &ValidateOptions,
) -> Result<(Endpoint, String), ValidationError> {
    spec.check()?;
    if cred.secret.is_empty() && !cred.fields.is_empty() && !cred.fields.iter().any(|f| f.role == Some(crate::credential::FieldRole::Secret)) {
        return Err(ValidationError::Credential("no credential field has role `secret`, which validation sends".to_owned()));
    }
    if cred.secret.is_empty() {
        return Err(ValidationError::Credential(match cred.kind {
            CredentialKind::AccessKey => "the access key secret is empty".to_owned(),
            CredentialKind::UserPassword => "the password is empty".to_owned(),
        }));
    }
    if spec.scheme.uses_identifier() && cred.key_id_or_user.is_empty() {
        return Err(ValidationError::Credential(match cred.kind {
            CredentialKind::AccessKey => "the access key id is empty".to_owned(),
            CredentialKind::UserPassword => "the user name is empty".to_owned(),
        }));
    }
    if opts.timeout.is_zero() {
        return Err(ValidationError::Spec("the timeout is zero".to_owned()));
    }
    let raw = request::endpoint_in_force(
        spec,
        cred.endpoint.as_deref(),
        opts.endpoint_override.as_deref(),
    );
    let endpoint = Endpoint::parse(raw)?;
    let display = endpoint.url(if endpoint.base_path.is_empty() {
        "/"
    } else {
        ""
    });
    Ok((endpoint, display))
}

/// The section as the credential's fields complete it: a field with role `project`, `domain`
/// or `region` replaces the section's value (Keystone's scope and user domain, the AWS
/// signing region) for the scheme that uses it; the other schemes use only the key id, the
/// secret and the endpoint.
fn with_roles(spec: &ValidationSpec, cred: &Credential) -> ValidationSpec {
    let mut spec = spec.clone();
    let scheme = spec.scheme;
    let roles = [(&cred.project, &mut spec.project, Scheme::KeystoneV3Password), (&cred.domain, &mut spec.domain, Scheme::KeystoneV3Password), (&cred.region, &mut spec.region, Scheme::AwsSigv4)];
    for (value, slot, user) in roles {
        if let Some(v) = value.as_ref().filter(|v| !v.is_empty() && scheme == user) {
            *slot = Some(v.clone());
        }
    }
    spec
}

/// Sends one request and classifies the answer.
fn attempt(
    spec: &ValidationSpec,
    endpoint: &Endpoint,
    identifier: &str,
    secret: &str,
    scrubber: &mut Scrubber,
    opts: &ValidateOptions,
    progress: &mut dyn FnMut(Step),
) -> Result<Attempt, ValidationError> {
    let started = Instant::now();
    let prepared = request::prepare(spec, endpoint, identifier, secret, scrubber)?;
    let settings = Settings {
        insecure: opts.insecure,
        timeout: opts.timeout,
        cancel: opts.cancel.clone(),
    };
    let result = transport::exchange(prepared, &settings, progress)?;
    if settings
        .cancel
        .as_ref()
        .is_some_and(|c| c.load(std::sync::atomic::Ordering::SeqCst))
    {
        return Err(ValidationError::Cancelled);
    }
    progress(Step::Classifying);
    let answer: Answer = match result {
        Ok(answer) => answer,
        Err(failure) => {
            let outcome = match failure {
                Failure::Unreachable(d) => Outcome::Unreachable {
                    detail: scrubber.scrub(&d),
                },
                Failure::Tls(d) => Outcome::Tls {
                    detail: scrubber.scrub(&d),
                },
                Failure::Timeout(d) => Outcome::Timeout {
                    detail: scrubber.scrub(&d),
                },
                Failure::Protocol(d) => Outcome::Unexpected {
                    status: None,
                    excerpt: codes::truncate_chars(&scrubber.scrub(&d), EXCERPT_MAX_CHARS),
                },
            };
            return Ok(Attempt {
                outcome,
                status: None,
                code: None,
                message: None,
                excerpt: None,
                elapsed: started.elapsed(),
            });
        }
    };
    for token in codes::issued_tokens(spec, &answer) {
        scrubber.add_secret(&token);
    }
    let success = codes::check_success(spec, &answer);
    let mut info = extract_error(&answer.body, spec.code_pointer.as_deref());
    if info.code.is_none() {
        // The AWS JSON protocols also name the error in a header, as `Code:detail`.
        info.code = answer
            .header("x-amzn-errortype")
            .and_then(|v| v.split(':').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned);
    }
    let info = ErrorInfo {
        code: info.code.map(|c| scrubber.scrub(&c)),
        message: info
            .message
            .map(|m| codes::truncate_chars(&scrubber.scrub(&m), EXCERPT_MAX_CHARS)),
    };
    let excerpt = scrubber.excerpt(&answer.body);
    let outcome = codes::decide(spec, answer.status, &success, &info, excerpt.as_deref());
    let message = match &success {
        Success::Incomplete(why) => Some(why.clone()),
        _ => info.message.clone(),
    };
    Ok(Attempt {
        outcome,
        status: Some(answer.status),
        code: info.code,
        message,
        excerpt,
        elapsed: started.elapsed(),
    })
}

fn probe_note(a: &Attempt, mapped: bool) -> Option<String> {
    match (&a.outcome, &a.code, mapped) {
        (Outcome::Valid, _, _) => Some(
            "the endpoint accepted an altered value, so this request does not prove the credential"
                .to_owned(),
        ),
        (Outcome::Unreachable { .. } | Outcome::Tls { .. } | Outcome::Timeout { .. }, _, _) => {
            Some("no answer came, so nothing could be learnt about error codes".to_owned())
        }
        (_, None, _) => Some(
            "the answer carries no error code; only its HTTP status tells the rejection apart"
                .to_owned(),
        ),
        (Outcome::Forbidden { .. }, Some(_), false) => Some(
            "this code is also how the endpoint may answer a valid but unauthorised key; \
             check before adding it to invalid_key_codes"
                .to_owned(),
        ),
        _ => None,
    }
}

/// Returns `value` with up to its last four characters changed to other
/// characters of the same class, so that the result has the same shape but
/// is certainly different.
fn alter(value: &str) -> String {
    let mut chars: Vec<char> = value.chars().collect();
    if chars.is_empty() {
        return "x".to_owned();
    }
    let n = chars.len();
    let from = n.saturating_sub(4);
    for c in &mut chars[from..] {
        *c = match *c {
            '0'..='8' | 'a'..='y' | 'A'..='Y' => char::from(*c as u8 + 1),
            '9' => '0',
            'z' => 'a',
            'Z' => 'A',
            _ => 'x',
        };
    }
    chars.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::{Credential, Scheme, ValidationSpec, alter, with_roles};

    #[test]
    fn roles_replace_the_sections_values_only_for_the_scheme_that_uses_them() {
        let mut cred = Credential::user_password("u", "p");
        (cred.project, cred.domain, cred.region) = (Some("ops".into()), Some("corp".into()), Some("eu-west-1".into()));
        let keystone: ValidationSpec = toml::from_str("endpoint = \"https://id.example/v3\"\nscheme = \"keystone-v3-password\"\nproject = \"demo\"\n").unwrap();
        let k = with_roles(&keystone, &cred);
        assert_eq!((k.project.as_deref(), k.domain.as_deref(), k.region.as_deref()), (Some("ops"), Some("corp"), None));
        let aws: ValidationSpec = toml::from_str("endpoint = \"https://sts.example/\"\nscheme = \"aws-sigv4\"\nservice = \"sts\"\nregion = \"us-east-1\"\n").unwrap();
        let a = with_roles(&aws, &cred);
        assert_eq!((a.project.as_deref(), a.region.as_deref(), a.scheme), (None, Some("eu-west-1"), Scheme::AwsSigv4));
    }

    #[test]
    fn alter_changes_the_tail_and_keeps_the_shape() {
        assert_eq!(alter("AKIAABCD1239"), "AKIAABCD2340");
        assert_eq!(alter("ab"), "bc");
        assert_eq!(alter("xyz+/"), "xzaxx");
        assert_ne!(alter("a+b/"), "a+b/");
    }
}
