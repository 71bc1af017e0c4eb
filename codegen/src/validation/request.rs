//! Building the authenticated request each scheme sends.
//!
//! This module owns the endpoint in force (descriptor, credential or
//! run-time override, in rising precedence), the join of endpoint and
//! request path, and one builder per [`Scheme`]: AWS Signature Version 4
//! through the `aws-sigv4` crate, the OpenStack Keystone v3 password body,
//! HTTP Basic, bearer tokens and form or JSON logins. Every value derived
//! from a secret (a Basic header, an encoded body) is registered with the
//! scrubber as it is made.

use std::time::SystemTime;

use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4;
use base64::Engine as _;
use serde_json::json;

use super::scrub::Scrubber;
use super::error::ValidationError;
use super::spec::{BodyFormat, Scheme, ValidationSpec};

/// A parsed `http` or `https` endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Endpoint {
    /// `http` or `https`.
    pub scheme: String,
    /// The host as written (IPv6 literals keep their brackets).
    pub host: String,
    /// The port written in the URL, if any.
    pub port: Option<u16>,
    /// The endpoint's own path without a trailing slash (`""` or `/v3`).
    pub base_path: String,
}

impl Endpoint {
    /// Parses an endpoint URL; rejects other schemes, user information, queries and fragments.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let raw = raw.trim();
        let fail = |reason: &str| {
            // Never echo user information, which may hold a password.
            let shown = match (raw.find("://"), raw.find('@')) {
                (Some(s), Some(at)) if at > s => format!("{}://…@{}", &raw[..s], &raw[at + 1..]),
                _ => raw.to_owned(),
            };
            Err(ValidationError::Endpoint {
                endpoint: shown,
                reason: reason.to_owned(),
            })
        };
        if raw.contains('#') {
            return fail("it has a fragment");
        }
        let uri: ureq::http::Uri = match raw.parse() {
            Ok(u) => u,
            Err(_) => return fail("it is not a URL"),
        };
        let scheme = match uri.scheme_str().map(str::to_ascii_lowercase) {
            Some(s) if s == "http" || s == "https" => s,
            Some(_) => return fail("only http and https endpoints are supported"),
            None => return fail("it has no scheme (expected https://host/...)"),
        };
        let Some(authority) = uri.authority() else {
            return fail("it has no host");
        };
        if authority.as_str().contains('@') {
            return fail("credentials in the endpoint URL are not allowed");
        }
        if uri.query().is_some() {
            return fail("it has a query; put queries in request.path");
        }
        let host = authority.host().to_owned();
        if host.is_empty() {
            return fail("it has no host");
        }
        let base_path = uri.path().trim_end_matches('/').to_owned();
        Ok(Endpoint {
            scheme,
            host,
            port: authority.port_u16(),
            base_path,
        })
    }

    /// Returns the `Host` header value: the host, plus the port unless it is the scheme's default.
    pub fn host_header(&self) -> String {
        let default = if self.scheme == "https" { 443 } else { 80 };
        match self.port {
            Some(p) if p != default => format!("{}:{p}", self.host),
            _ => self.host.clone(),
        }
    }

    /// Returns the URL of `path_and_query` under this endpoint.
    pub fn url(&self, path_and_query: &str) -> String {
        format!(
            "{}://{}{}{}",
            self.scheme,
            self.host_header(),
            self.base_path,
            path_and_query
        )
    }
}

/// Picks the endpoint in force: the run-time override, else the
/// credential's endpoint, else the descriptor's.
pub(crate) fn endpoint_in_force<'a>(
    spec: &'a ValidationSpec,
    cred_endpoint: Option<&'a str>,
    override_endpoint: Option<&'a str>,
) -> &'a str {
    override_endpoint
        .filter(|e| !e.trim().is_empty())
        .or(cred_endpoint.filter(|e| !e.trim().is_empty()))
        .unwrap_or(&spec.endpoint)
}

/// A request ready to send.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// Builds the request for `spec` with the given identifier and secret,
/// registering derived secret values with `scrubber`.
pub(crate) fn prepare(
    spec: &ValidationSpec,
    endpoint: &Endpoint,
    identifier: &str,
    secret: &str,
    scrubber: &mut Scrubber,
) -> Result<Prepared, ValidationError> {
    let req = spec.request.clone().unwrap_or_default();
    let method = spec.method();
    let path = match (&req.path, spec.scheme) {
        (Some(p), _) => p.clone(),
        (None, Scheme::KeystoneV3Password) if endpoint.base_path.ends_with("/v3") => {
            "/auth/tokens".to_owned()
        }
        (None, Scheme::KeystoneV3Password) => "/v3/auth/tokens".to_owned(),
        (None, _) => "/".to_owned(),
    };
    let url = endpoint.url(&path);
    let mut headers: Vec<(String, String)> = req
        .headers
        .iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), v.clone()))
        .collect();
    let mut body = req.body.clone().unwrap_or_default().into_bytes();
    if let Some(ct) = &req.content_type {
        set(&mut headers, "content-type", ct.clone());
    }

    match spec.scheme {
        Scheme::AwsSigv4 => {
            if !body.is_empty() && req.content_type.is_none() {
                set(
                    &mut headers,
                    "content-type",
                    "application/x-www-form-urlencoded; charset=utf-8".to_owned(),
                );
            }
            set(&mut headers, "host", endpoint.host_header());
            let signed = sign_sigv4(spec, &method, &url, &headers, &body, identifier, secret)?;
            for (name, value) in signed {
                set(&mut headers, &name, value);
            }
        }
        Scheme::KeystoneV3Password => {
            let domain = spec.domain.clone().unwrap_or_else(|| "Default".to_owned());
            let mut auth = json!({
                "auth": {
                    "identity": {
                        "methods": ["password"],
                        "password": {
                            "user": {
                                "name": identifier,
                                "domain": { "name": domain },
                                "password": secret,
                            }
                        }
                    }
                }
            });
            if let Some(project) = &spec.project {
                let project_domain = spec.project_domain.clone().unwrap_or(domain);
                auth["auth"]["scope"] = json!({
                    "project": { "name": project, "domain": { "name": project_domain } }
                });
            }
            body =
                serde_json::to_vec(&auth).map_err(|e| ValidationError::Internal(e.to_string()))?;
            set(&mut headers, "content-type", "application/json".to_owned());
            set(&mut headers, "accept", "application/json".to_owned());
        }
        Scheme::HttpBasic => {
            let token =
                base64::engine::general_purpose::STANDARD.encode(format!("{identifier}:{secret}"));
            scrubber.add_secret(&token);
            set(&mut headers, "authorization", format!("Basic {token}"));
        }
        Scheme::Bearer => {
            set(&mut headers, "authorization", format!("Bearer {secret}"));
        }
        Scheme::FormLogin => {
            let user_field = spec.username_field.as_deref().unwrap_or("username");
            let pass_field = spec.password_field.as_deref().unwrap_or("password");
            match spec.body_format.unwrap_or_default() {
                BodyFormat::Form => {
                    let mut form = form_urlencoded::Serializer::new(String::new());
                    for (k, v) in &spec.extra_fields {
                        form.append_pair(k, v);
                    }
                    form.append_pair(user_field, identifier);
                    form.append_pair(pass_field, secret);
                    body = form.finish().into_bytes();
                    if req.content_type.is_none() {
                        set(
                            &mut headers,
                            "content-type",
                            "application/x-www-form-urlencoded".to_owned(),
                        );
                    }
                }
                BodyFormat::Json => {
                    let mut map = serde_json::Map::new();
                    for (k, v) in &spec.extra_fields {
                        map.insert(k.clone(), v.clone().into());
                    }
                    map.insert(user_field.to_owned(), identifier.into());
                    map.insert(pass_field.to_owned(), secret.into());
                    body = serde_json::to_vec(&map)
                        .map_err(|e| ValidationError::Internal(e.to_string()))?;
                    if req.content_type.is_none() {
                        set(&mut headers, "content-type", "application/json".to_owned());
                    }
                }
            }
            if !headers.iter().any(|(n, _)| n == "accept") {
                set(&mut headers, "accept", "application/json".to_owned());
            }
        }
    }
    Ok(Prepared {
        method,
        url,
        headers,
        body,
    })
}

/// Sets a header, replacing any earlier value of the same (lower-case) name.
fn set(headers: &mut Vec<(String, String)>, name: &str, value: String) {
    headers.retain(|(n, _)| n != name);
    headers.push((name.to_owned(), value));
}

/// Signs a request with AWS Signature Version 4 and returns the headers to add.
fn sign_sigv4(
    spec: &ValidationSpec,
    method: &str,
    url: &str,
    headers: &[(String, String)],
    body: &[u8],
    key_id: &str,
    secret: &str,
) -> Result<Vec<(String, String)>, ValidationError> {
    let region = spec.region.as_deref().unwrap_or_default();
    let service = spec.service.as_deref().unwrap_or_default();
    let identity =
        aws_credential_types::Credentials::new(key_id, secret, None, None, "integrate-validation")
            .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name(service)
        .time(SystemTime::now())
        .settings(SigningSettings::default())
        .build()
        .map_err(|e| ValidationError::Signing(e.to_string()))?
        .into();
    let signable = SignableRequest::new(
        method,
        url,
        headers.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        SignableBody::Bytes(body),
    )
    .map_err(|e| ValidationError::Signing(e.to_string()))?;
    let (instructions, _signature) = sign(signable, &params)
        .map_err(|e| ValidationError::Signing(e.to_string()))?
        .into_parts();
    Ok(instructions
        .headers()
        .map(|(k, v)| (k.to_ascii_lowercase(), v.to_owned()))
        .collect())
}
