//! The parts of a credential an import may send, by the name a profile gives them.
//!
//! This module owns the one place that turns a part name into a value: today `key_id` (the
//! access key id or user name), `secret` (the secret or password) and `endpoint` (the URL the
//! credential was proved against). When `[credential]` declares fields, each field's name
//! becomes a part here and nothing else changes: a profile's body mapping names parts, and a
//! part that is secret stays a [`Secret`] until the request is built.

use serde_json::Value;

use crate::validation::{Credential, Secret};

pub use crate::profile::account_import::CREDENTIAL_PARTS;

/// A value an import sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartValue {
    /// A value that may be shown as it is.
    Text(String),
    /// A value that is only ever shown masked (`AKIA****` for an identifier, `****` for a secret).
    Secret(Secret),
}

impl PartValue {
    /// The value as sent.
    pub(crate) fn expose(&self) -> &str {
        match self {
            PartValue::Text(t) => t,
            PartValue::Secret(s) => s.expose(),
        }
    }

    /// The value as shown.
    pub fn shown(&self) -> String {
        match self {
            PartValue::Text(t) => t.clone(),
            PartValue::Secret(s) => s.masked(),
        }
    }

    /// Tells whether the value is empty.
    pub fn is_empty(&self) -> bool {
        self.expose().is_empty()
    }
}

/// Returns the part `name` of `cred`, with `endpoint` the URL the credential was proved
/// against; `None` for a name that is not a part.
pub fn part(cred: &Credential, endpoint: Option<&str>, name: &str) -> Option<PartValue> {
    match name {
        "key_id" => Some(PartValue::Secret(cred.key_id_or_user.clone())),
        "secret" => Some(PartValue::Secret(cred.secret.clone())),
        "endpoint" => Some(PartValue::Text(endpoint.or(cred.endpoint.as_deref()).unwrap_or_default().to_owned())),
        _ => None,
    }
}

/// The `account` object of the template context, every credential value masked: templates
/// that are shown (the manual command) or that must not carry a secret (body `value`s) see
/// only this.
pub fn masked_account(cred: &Credential, endpoint: Option<&str>, name: &str) -> Value {
    serde_json::json!({
        "name": name,
        "key_id": cred.key_id_or_user.masked(),
        "secret": cred.secret.masked(),
        "endpoint": endpoint.or(cred.endpoint.as_deref()).unwrap_or_default(),
    })
}
