//! Keystone v3 as an API import uses it: the password-authentication request a platform
//! client sends (`POST <OS_AUTH_URL>/auth/tokens`, as cloudpods' mcclient builds it), and the
//! choice of a service endpoint in the token's catalog (type, interface, region).
//!
//! Pure functions over values: sending is `api`'s job.

use serde::Deserialize;
use serde_json::{Value, json};

use super::login::PlatformLogin;
use crate::validation::ValidationError;
use crate::validation::request::Endpoint;

/// The URL of the token request for `auth_url`: `<auth_url>/auth/tokens` when it ends in
/// `/v3` (as `OS_AUTH_URL` does), else `<auth_url>/v3/auth/tokens`.
pub(crate) fn tokens_url(auth_url: &str) -> Result<String, ValidationError> {
    let endpoint = Endpoint::parse(auth_url)?;
    Ok(if endpoint.base_path.ends_with("/v3") { endpoint.url("/auth/tokens") } else { endpoint.url("/v3/auth/tokens") })
}

/// The password-authentication body, scoped to the project when one is set.
pub(crate) fn token_body(login: &PlatformLogin) -> Value {
    let mut user = json!({ "name": login.username.expose(), "password": login.password.expose() });
    if let Some(d) = &login.user_domain {
        user["domain"] = json!({ "name": d });
    }
    let mut auth = json!({ "auth": { "identity": { "methods": ["password"], "password": { "user": user } } } });
    if let Some(p) = &login.project {
        let mut project = json!({ "name": p });
        if let Some(d) = &login.project_domain {
            project["domain"] = json!({ "name": d });
        }
        auth["auth"]["scope"] = json!({ "project": project });
    }
    auth
}

/// A service of the catalog (`token.catalog[]`).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct CatalogService {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub endpoints: Vec<CatalogEndpoint>,
}

/// One endpoint of a service.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct CatalogEndpoint {
    #[serde(default)]
    pub interface: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub region_id: String,
    pub url: String,
}

impl CatalogEndpoint {
    fn region(&self) -> &str {
        if self.region_id.is_empty() { &self.region } else { &self.region_id }
    }
}

/// Reads the catalog of a token answer (`{"token": {"catalog": [...]}}`).
pub(crate) fn catalog(answer: &Value) -> Vec<CatalogService> {
    answer
        .pointer("/token/catalog")
        .and_then(|c| serde_json::from_value::<Vec<Value>>(c.clone()).ok())
        .map(|list| list.into_iter().filter_map(|s| serde_json::from_value(s).ok()).collect())
        .unwrap_or_default()
}

/// Picks the URL of `service` for `interface` in `region` (or the first region when none is
/// asked, as climc does); a region matches its id, its name, or a zone of it (`region-zone`).
/// On failure returns what the catalog offers for that service (`interface region`), or the
/// service types it has when none matches.
pub(crate) fn pick(catalog: &[CatalogService], service: &str, interface: &str, region: Option<&str>) -> Result<String, Vec<String>> {
    let of_type: Vec<&CatalogEndpoint> = catalog.iter().filter(|s| s.kind == service).flat_map(|s| &s.endpoints).collect();
    if of_type.is_empty() {
        let mut types: Vec<String> = catalog.iter().map(|s| format!("service {}", s.kind)).collect();
        types.dedup();
        return Err(types);
    }
    let in_region = |e: &&&CatalogEndpoint| match region {
        None => true,
        Some(r) => e.region() == r || e.region == r || e.region().strip_prefix(r).is_some_and(|rest| rest.starts_with('-')),
    };
    of_type
        .iter()
        .filter(|e| e.interface == interface)
        .find(in_region)
        .map(|e| e.url.clone())
        .ok_or_else(|| of_type.iter().map(|e| format!("{} {}", e.interface, e.region())).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::Secret;

    fn login(project: Option<&str>) -> PlatformLogin {
        PlatformLogin {
            auth_url: "https://k:30500/v3".into(),
            username: Secret::identifier("admin"),
            password: Secret::new("pw"),
            user_domain: Some("Default".into()),
            project: project.map(Into::into),
            project_domain: Some("Default".into()),
            region: None,
            interface: "public".into(),
        }
    }

    #[test]
    fn the_token_url_joins_v3_once() {
        assert_eq!(tokens_url("https://k:30500/v3").unwrap(), "https://k:30500/v3/auth/tokens");
        assert_eq!(tokens_url("https://k:30500/v3/").unwrap(), "https://k:30500/v3/auth/tokens");
        assert_eq!(tokens_url("http://k:5000").unwrap(), "http://k:5000/v3/auth/tokens");
    }

    #[test]
    fn the_body_is_mcclients_password_authentication() {
        assert_eq!(
            token_body(&login(Some("system"))),
            json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin", "password": "pw", "domain": {"name": "Default"}}}},
                   "scope": {"project": {"name": "system", "domain": {"name": "Default"}}}}})
        );
        assert!(token_body(&login(None))["auth"].get("scope").is_none());
    }

    #[test]
    fn endpoints_are_picked_by_type_interface_and_region() {
        let answer = json!({"token": {"catalog": [
            {"type": "identity", "endpoints": [{"interface": "public", "region_id": "region0", "url": "https://k:30500/v3"}]},
            {"type": "compute_v2", "name": "region2", "endpoints": [
                {"interface": "internal", "region_id": "region0", "url": "https://internal:30888"},
                {"interface": "public", "region_id": "region0", "url": "https://public0:30888"},
                {"interface": "public", "region_id": "region1-zone1", "url": "https://public1:30888"}]}]}});
        let cat = catalog(&answer);
        assert_eq!(pick(&cat, "compute_v2", "public", None).unwrap(), "https://public0:30888");
        assert_eq!(pick(&cat, "compute_v2", "internal", Some("region0")).unwrap(), "https://internal:30888");
        assert_eq!(pick(&cat, "compute_v2", "public", Some("region1")).unwrap(), "https://public1:30888");
        assert_eq!(pick(&cat, "compute_v2", "admin", None).unwrap_err(), vec!["internal region0", "public region0", "public region1-zone1"]);
        assert_eq!(pick(&cat, "image", "public", None).unwrap_err(), vec!["service identity", "service compute_v2"]);
    }
}
