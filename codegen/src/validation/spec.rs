//! The `[validation]` section of a provider descriptor.
//!
//! This module owns [`ValidationSpec`], which says how a credential is proved
//! against a live endpoint: where to send the request, how to authenticate
//! it ([`Scheme`]), what to send ([`RequestSpec`]) and which error codes mean
//! a bad credential or a forbidden action. It also owns the checks that
//! reject a section before anything is sent, and the per-scheme defaults.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::error::ValidationError;
use super::secret::CredentialKind;

/// How a request is authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scheme {
    /// AWS Signature Version 4 with an access key (`aws-sigv4`); needs `service` and `region`.
    AwsSigv4,
    /// OpenStack Identity v3 password authentication (`keystone-v3-password`):
    /// `POST /v3/auth/tokens`, success is `201 Created` (OpenStack) or `200 OK` (cloudpods)
    /// with an `X-Subject-Token` header.
    KeystoneV3Password,
    /// HTTP Basic authentication with the key id or user name and the secret (`http-basic`).
    HttpBasic,
    /// `Authorization: Bearer` with the secret as the token (`bearer`).
    Bearer,
    /// A login form or JSON login call (`form-login`) whose answer carries a
    /// token at `token_pointer` or in `token_header`.
    FormLogin,
}

impl Scheme {
    /// Returns the name used in descriptors, such as `aws-sigv4`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::AwsSigv4 => "aws-sigv4",
            Scheme::KeystoneV3Password => "keystone-v3-password",
            Scheme::HttpBasic => "http-basic",
            Scheme::Bearer => "bearer",
            Scheme::FormLogin => "form-login",
        }
    }

    /// Returns the kind of credential this scheme is normally used with, for
    /// front ends that must decide which values to ask for.
    pub fn expected_kind(self) -> CredentialKind {
        match self {
            Scheme::AwsSigv4 | Scheme::Bearer => CredentialKind::AccessKey,
            Scheme::KeystoneV3Password | Scheme::HttpBasic | Scheme::FormLogin => {
                CredentialKind::UserPassword
            }
        }
    }

    /// Tells whether the scheme sends the key id or user name; `bearer` sends only the secret.
    pub fn uses_identifier(self) -> bool {
        !matches!(self, Scheme::Bearer)
    }

    /// Returns the error codes that mean "valid credential, action not allowed"
    /// when the descriptor gives no `forbidden_codes`.
    pub fn default_forbidden_codes(self) -> &'static [&'static str] {
        match self {
            Scheme::AwsSigv4 => &[
                "AccessDenied",
                "AccessDeniedException",
                "UnauthorizedOperation",
                "UnauthorizedAccess",
                "Blocked",
                "OptInRequired",
            ],
            Scheme::KeystoneV3Password => &["Forbidden"],
            Scheme::HttpBasic | Scheme::Bearer | Scheme::FormLogin => &[],
        }
    }
}

impl std::fmt::Display for Scheme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a `form-login` request body is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyFormat {
    /// `application/x-www-form-urlencoded` (`form`), the default.
    #[default]
    Form,
    /// `application/json` with the fields as top-level string members (`json`).
    Json,
}

/// The request sent to prove a credential.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestSpec {
    /// The HTTP method, such as `GET` or `POST`; defaults per scheme
    /// (`POST` for `keystone-v3-password` and `form-login`, `GET` otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// The path (and optional `?query`) appended to the endpoint's own path;
    /// defaults to `/v3/auth/tokens` for `keystone-v3-password` and `/` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The literal request body; not allowed for `keystone-v3-password` and
    /// `form-login`, which build their own body from the credential.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The `Content-Type` of `body`; `aws-sigv4` defaults to
    /// `application/x-www-form-urlencoded; charset=utf-8` when a body is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Extra request headers; they must not carry secrets, and `Authorization`
    /// and `Host` are set by the engine.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
}

/// The `[validation]` section: how to prove a credential against a live endpoint.
///
/// ```toml
/// [validation]
/// endpoint = "https://ec2.us-east-1.amazonaws.com/"
/// scheme = "aws-sigv4"
/// service = "ec2"
/// region = "us-east-1"
/// request = { method = "POST", path = "/", body = "Action=DescribeRegions&Version=2016-11-15" }
/// invalid_key_codes = ["AuthFailure", "InvalidClientTokenId", "SignatureDoesNotMatch"]
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValidationSpec {
    /// The base URL (`http` or `https`) the request goes to; a credential's
    /// endpoint or the run-time override replace it.
    pub endpoint: String,
    /// How the request is authenticated.
    pub scheme: Scheme,
    /// The AWS signing name, such as `ec2` or `sts`; required for `aws-sigv4`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The AWS signing region, such as `us-east-1`; required for `aws-sigv4`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The Keystone domain of the user; defaults to `Default`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// The Keystone project to scope the token to; without it the token is unscoped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    /// The Keystone domain of `project`; defaults to `domain`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_domain: Option<String>,
    /// The request to send; every field has a per-scheme default, but
    /// `aws-sigv4` needs at least the action in `body` or `path`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<RequestSpec>,
    /// The error codes that mean the key id or secret is wrong; an entry
    /// ending in `*` matches every code starting with the rest. The generated
    /// Go client maps the same list to `cloudprovider.ErrInvalidAccessKey`.
    #[serde(default)]
    pub invalid_key_codes: Vec<String>,
    /// The error codes that mean the credential is valid but not allowed to
    /// make the request; defaults per scheme (for `aws-sigv4`: `AccessDenied`,
    /// `UnauthorizedOperation` and kin). Entries ending in `*` match prefixes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forbidden_codes: Option<Vec<String>>,
    /// A JSON pointer (RFC 6901, such as `/error/reason`) to the error code in
    /// JSON answers, tried before the built-in places (`code`, `Code`,
    /// `error.code`, `Error.Code`, `__type`, `error.title`, `error`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_pointer: Option<String>,
    /// The `form-login` body field carrying the user name; defaults to `username`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username_field: Option<String>,
    /// The `form-login` body field carrying the password; defaults to `password`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_field: Option<String>,
    /// Extra constant `form-login` body fields, such as `grant_type = "password"`;
    /// they must not carry secrets.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra_fields: BTreeMap<String, String>,
    /// How the `form-login` body is encoded; defaults to `form`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_format: Option<BodyFormat>,
    /// A JSON pointer to the token in a successful `form-login` answer, such as `/access_token`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_pointer: Option<String>,
    /// A response header carrying the token in a successful `form-login` answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_header: Option<String>,
}

impl ValidationSpec {
    /// Reads the `[validation]` table of a whole descriptor; returns `None`
    /// when the descriptor has no such table.
    pub fn from_descriptor_toml(text: &str) -> Result<Option<Self>, ValidationError> {
        let table: toml::Table =
            toml::from_str(text).map_err(|e| ValidationError::Spec(e.to_string()))?;
        match table.get("validation") {
            None => Ok(None),
            Some(value) => {
                let spec: ValidationSpec = value
                    .clone()
                    .try_into()
                    .map_err(|e: toml::de::Error| ValidationError::Spec(e.to_string()))?;
                spec.check()?;
                Ok(Some(spec))
            }
        }
    }

    /// Checks the fields that depend on the scheme; [`validate`](super::validate)
    /// calls it before anything is sent.
    pub fn check(&self) -> Result<(), ValidationError> {
        let fail = |msg: String| Err(ValidationError::Spec(msg));
        let scheme = self.scheme;
        let has = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
        if self.endpoint.trim().is_empty() {
            return fail("`endpoint` is empty".into());
        }
        if scheme == Scheme::AwsSigv4 {
            if !has(&self.service) {
                return fail("scheme `aws-sigv4` needs `service`".into());
            }
            if !has(&self.region) {
                return fail("scheme `aws-sigv4` needs `region`".into());
            }
        } else {
            for (name, value) in [("service", &self.service), ("region", &self.region)] {
                if value.is_some() {
                    return fail(format!("`{name}` is only used by scheme `aws-sigv4`"));
                }
            }
        }
        if scheme != Scheme::KeystoneV3Password {
            for (name, value) in [
                ("domain", &self.domain),
                ("project", &self.project),
                ("project_domain", &self.project_domain),
            ] {
                if value.is_some() {
                    return fail(format!(
                        "`{name}` is only used by scheme `keystone-v3-password`"
                    ));
                }
            }
        }
        if scheme == Scheme::FormLogin {
            if !has(&self.token_pointer) && !has(&self.token_header) {
                return fail("scheme `form-login` needs `token_pointer` or `token_header`".into());
            }
            if let Some(p) = self
                .token_pointer
                .as_deref()
                .filter(|p| !p.starts_with('/'))
            {
                return fail(format!(
                    "`token_pointer` {p:?} is not a JSON pointer (it must start with `/`)"
                ));
            }
        } else {
            for (name, present) in [
                ("username_field", self.username_field.is_some()),
                ("password_field", self.password_field.is_some()),
                ("extra_fields", !self.extra_fields.is_empty()),
                ("body_format", self.body_format.is_some()),
                ("token_pointer", self.token_pointer.is_some()),
                ("token_header", self.token_header.is_some()),
            ] {
                if present {
                    return fail(format!("`{name}` is only used by scheme `form-login`"));
                }
            }
        }
        if let Some(p) = self.code_pointer.as_deref().filter(|p| !p.starts_with('/')) {
            return fail(format!(
                "`code_pointer` {p:?} is not a JSON pointer (it must start with `/`)"
            ));
        }
        for (name, list) in [
            ("invalid_key_codes", Some(&self.invalid_key_codes)),
            ("forbidden_codes", self.forbidden_codes.as_ref()),
        ] {
            if list.is_some_and(|l| l.iter().any(|c| c.trim().is_empty() || c == "*")) {
                return fail(format!("`{name}` has an empty entry or a bare `*`"));
            }
        }
        if let Some(req) = &self.request {
            let bad_method = req
                .method
                .as_deref()
                .filter(|m| ureq::http::Method::from_bytes(m.as_bytes()).is_err());
            if let Some(m) = bad_method {
                return fail(format!("`request.method` {m:?} is not an HTTP method"));
            }
            if let Some(p) = req.path.as_deref().filter(|p| !p.starts_with('/')) {
                return fail(format!("`request.path` {p:?} must start with `/`"));
            }
            if req.body.is_some()
                && matches!(scheme, Scheme::KeystoneV3Password | Scheme::FormLogin)
            {
                return fail(format!(
                    "`request.body` is built by scheme `{scheme}` and cannot be given"
                ));
            }
            for name in req.headers.keys() {
                let lower = name.to_ascii_lowercase();
                if ureq::http::HeaderName::from_bytes(name.as_bytes()).is_err() {
                    return fail(format!("`request.headers` has an invalid name {name:?}"));
                }
                if lower == "authorization" || lower == "host" || lower.starts_with("x-amz-") {
                    return fail(format!(
                        "`request.headers` cannot set {name:?}; the engine sets it"
                    ));
                }
            }
        }
        Ok(())
    }

    /// Returns the forbidden codes in force: the descriptor's list, or the scheme's defaults.
    pub fn effective_forbidden_codes(&self) -> Vec<String> {
        match &self.forbidden_codes {
            Some(list) => list.clone(),
            None => self
                .scheme
                .default_forbidden_codes()
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        }
    }

    /// Returns the HTTP method in force.
    pub(crate) fn method(&self) -> String {
        self.request
            .as_ref()
            .and_then(|r| r.method.clone())
            .map(|m| m.to_ascii_uppercase())
            .unwrap_or_else(|| match self.scheme {
                Scheme::KeystoneV3Password | Scheme::FormLogin => "POST".to_owned(),
                _ => "GET".to_owned(),
            })
    }
}
