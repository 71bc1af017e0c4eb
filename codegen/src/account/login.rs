//! The platform login an API import authenticates with: the usual `OS_*` settings, read the
//! way the platform's own client (cloudpods' climc) reads them.
//!
//! This module owns [`PlatformLogin`] and its reading from the environment or any lookup.
//! The password is a [`Secret`] from the moment it is read; nothing here prints or passes it on.

use crate::validation::Secret;

/// The Keystone URL, such as `https://cloudpods.example:30500/v3`.
pub const OS_AUTH_URL: &str = "OS_AUTH_URL";
/// The platform user that creates the account.
pub const OS_USERNAME: &str = "OS_USERNAME";
/// That user's password.
pub const OS_PASSWORD: &str = "OS_PASSWORD";
/// The user's domain (Keystone's `Default` when unset).
pub const OS_DOMAIN_NAME: &str = "OS_DOMAIN_NAME";
/// The project the token is scoped to.
pub const OS_PROJECT_NAME: &str = "OS_PROJECT_NAME";
/// The project's domain.
pub const OS_PROJECT_DOMAIN: &str = "OS_PROJECT_DOMAIN";
/// The region whose service endpoint is used (the first one in the catalog when unset).
pub const OS_REGION_NAME: &str = "OS_REGION_NAME";
/// Which endpoint interface to use: `publicURL`, `internalURL` (climc's default) or `adminURL`.
pub const OS_ENDPOINT_TYPE: &str = "OS_ENDPOINT_TYPE";

/// Every variable [`PlatformLogin::from_lookup`] reads, required ones first.
pub const OS_VARIABLES: &[&str] = &[
    OS_AUTH_URL,
    OS_USERNAME,
    OS_PASSWORD,
    OS_DOMAIN_NAME,
    OS_PROJECT_NAME,
    OS_PROJECT_DOMAIN,
    OS_REGION_NAME,
    OS_ENDPOINT_TYPE,
];

/// Where and as whom an API import logs in to the platform.
#[derive(Debug, Clone)]
pub struct PlatformLogin {
    pub auth_url: String,
    /// Masked as `admi****` in every rendering.
    pub username: Secret,
    /// Masked as `****` in every rendering.
    pub password: Secret,
    pub user_domain: Option<String>,
    pub project: Option<String>,
    pub project_domain: Option<String>,
    pub region: Option<String>,
    /// The catalog interface: `public`, `internal` or `admin`.
    pub interface: String,
}

/// Why the `OS_*` settings do not make a login.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoginError {
    /// `OS_AUTH_URL` is set but some required variables are not.
    #[error("{} set, but not {}", OS_AUTH_URL, missing.join(", "))]
    Missing { missing: Vec<String> },
    /// `OS_ENDPOINT_TYPE` is not one of the three interfaces.
    #[error("{OS_ENDPOINT_TYPE}={0} is not publicURL, internalURL or adminURL")]
    EndpointType(String),
}

impl PlatformLogin {
    /// Reads the login from the process environment; `Ok(None)` when `OS_AUTH_URL` is not set
    /// (no platform API is configured).
    pub fn from_env() -> Result<Option<Self>, LoginError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the login through `lookup`; an empty value counts as unset.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Option<Self>, LoginError> {
        let get = |name: &str| lookup(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let Some(auth_url) = get(OS_AUTH_URL) else { return Ok(None) };
        let (username, password) = (get(OS_USERNAME), lookup(OS_PASSWORD).filter(|v| !v.is_empty()));
        let missing: Vec<String> = [(OS_USERNAME, username.is_none()), (OS_PASSWORD, password.is_none())]
            .into_iter()
            .filter(|(_, absent)| *absent)
            .map(|(n, _)| n.to_owned())
            .collect();
        if !missing.is_empty() {
            return Err(LoginError::Missing { missing });
        }
        let interface = match get(OS_ENDPOINT_TYPE) {
            None => "internal".to_owned(),
            Some(t) => {
                let name = t.strip_suffix("URL").unwrap_or(&t).to_ascii_lowercase();
                if !["public", "internal", "admin"].contains(&name.as_str()) {
                    return Err(LoginError::EndpointType(t));
                }
                name
            }
        };
        Ok(Some(PlatformLogin {
            auth_url,
            username: Secret::identifier(username.unwrap_or_default()),
            password: Secret::new(password.unwrap_or_default()),
            user_domain: get(OS_DOMAIN_NAME),
            project: get(OS_PROJECT_NAME),
            project_domain: get(OS_PROJECT_DOMAIN),
            region: get(OS_REGION_NAME),
            interface,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(pairs: &[(&str, &str)]) -> Result<Option<PlatformLogin>, LoginError> {
        let map: std::collections::BTreeMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        PlatformLogin::from_lookup(|n| map.get(n).cloned())
    }

    #[test]
    fn no_auth_url_means_no_api() {
        assert!(from(&[(OS_USERNAME, "admin")]).unwrap().is_none());
    }

    #[test]
    fn a_partial_login_names_what_is_missing() {
        let err = from(&[(OS_AUTH_URL, "https://k/v3"), (OS_USERNAME, "admin")]).unwrap_err();
        assert_eq!(err.to_string(), "OS_AUTH_URL set, but not OS_PASSWORD");
    }

    #[test]
    fn endpoint_types_are_read_as_climc_writes_them() {
        let base = [(OS_AUTH_URL, "https://k/v3"), (OS_USERNAME, "admin"), (OS_PASSWORD, "pw")];
        assert_eq!(from(&base).unwrap().unwrap().interface, "internal");
        let with = |t: &'static str| from(&[base[0], base[1], base[2], (OS_ENDPOINT_TYPE, t)]);
        assert_eq!(with("publicURL").unwrap().unwrap().interface, "public");
        assert_eq!(with("admin").unwrap().unwrap().interface, "admin");
        assert!(with("everyURL").is_err());
        assert!(!format!("{:?}", from(&base).unwrap().unwrap()).contains("pw\""));
    }
}
