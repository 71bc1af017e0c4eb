//! Secret values and the credential a caller hands to the validation engine.
//!
//! This module owns [`Secret`], the newtype that keeps key ids, user names,
//! secrets and passwords out of every `Debug`, `Display` and JSON rendering,
//! and [`Credential`], the typed bundle a front end builds from environment
//! variables, standard input or a prompt. Reading the terminal is not done
//! here; [`Credential::from_env`] only reads the documented environment
//! variables and names the missing ones in a typed error.

use std::fmt;

use serde::{Serialize, Serializer};

pub use crate::credential::{CredentialKind, ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_ENDPOINT, ENV_PASSWORD, ENV_USERNAME};

/// How much of a secret value its mask keeps visible.
#[derive(Clone, Copy, PartialEq, Eq)]
enum MaskStyle {
    /// Shows at most the first four characters (and never more than half of
    /// the value), then `****`: for key ids and user names.
    Prefix,
    /// Shows only `****`: for secrets, passwords and tokens.
    Full,
}

/// A string that must never be printed, logged or serialised in clear.
///
/// `Debug`, `Display` and `Serialize` all render the mask: `AKIA****` for a
/// value built with [`Secret::identifier`] and `****` for one built with
/// [`Secret::new`]. The clear value is only reachable through
/// [`Secret::expose`], and the buffer is overwritten with zeros when the
/// value is dropped (a best effort: copies made by callers are theirs).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret {
    value: String,
    style: MaskStyle,
}

impl Secret {
    /// Wraps a secret, password or token, which is masked completely.
    pub fn new(value: impl Into<String>) -> Self {
        Secret {
            value: value.into(),
            style: MaskStyle::Full,
        }
    }

    /// Wraps a key id or user name, whose mask keeps at most its first four characters.
    pub fn identifier(value: impl Into<String>) -> Self {
        Secret {
            value: value.into(),
            style: MaskStyle::Prefix,
        }
    }

    /// Returns the clear value, for building a request and nothing else.
    pub fn expose(&self) -> &str {
        &self.value
    }

    /// Tells whether the value is empty.
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// Returns the mask that stands for this value in every rendering.
    pub fn masked(&self) -> String {
        match self.style {
            MaskStyle::Full => "****".to_owned(),
            MaskStyle::Prefix => {
                let count = self.value.chars().count();
                let keep = (count / 2).min(4);
                let prefix: String = self.value.chars().take(keep).collect();
                format!("{prefix}****")
            }
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.masked())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.masked())
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        let mut bytes = std::mem::take(&mut self.value).into_bytes();
        bytes.fill(0);
        std::hint::black_box(&bytes);
    }
}

/// A credential to prove, built by the caller.
///
/// For [`CredentialKind::AccessKey`] `key_id_or_user` is the access key id and
/// `secret` the secret key; for [`CredentialKind::UserPassword`] they are the
/// user name and the password. A bearer token goes in `secret`.
#[derive(Debug, Clone, Serialize)]
pub struct Credential {
    /// Which pair of values this credential holds.
    pub kind: CredentialKind,
    /// The access key id or user name, masked as `abcd****`.
    pub key_id_or_user: Secret,
    /// The secret key, password or token, masked as `****`.
    pub secret: Secret,
    /// An endpoint given with the credential (for example `INTEGRATE_ENDPOINT`),
    /// used instead of the descriptor's endpoint unless the options override it.
    pub endpoint: Option<String>,
    /// The project, domain and region the fields with those roles give; they replace the
    /// `[validation]` section's `project`, `domain` and `region`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Every declared field's value in declaration order (`super::field_values`); empty
    /// for a credential built from the two values alone.
    #[serde(skip)]
    pub fields: Vec<super::field_values::FieldValue>,
}

impl Credential {
    /// Builds an access key credential.
    pub fn access_key(key_id: impl Into<String>, secret: impl Into<String>) -> Self {
        Credential {
            kind: CredentialKind::AccessKey,
            key_id_or_user: Secret::identifier(key_id),
            secret: Secret::new(secret),
            endpoint: None,
            project: None,
            domain: None,
            region: None,
            fields: Vec::new(),
        }
    }

    /// Builds a user name and password credential.
    pub fn user_password(user: impl Into<String>, password: impl Into<String>) -> Self {
        Credential {
            kind: CredentialKind::UserPassword,
            key_id_or_user: Secret::identifier(user),
            secret: Secret::new(password),
            endpoint: None,
            project: None,
            domain: None,
            region: None,
            fields: Vec::new(),
        }
    }

    /// Returns the same credential with an endpoint attached.
    pub fn with_endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.endpoint = Some(endpoint.into());
        self
    }

    /// Every value that is masked as `****`: the secret and each secret-kind field.
    pub fn secret_values(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.secret.expose()).chain(self.fields.iter().filter(|f| f.is_secret()).map(|f| f.value.expose()))
    }

    /// Reads a credential of the given kind from `INTEGRATE_ACCESS_KEY_ID` and
    /// `INTEGRATE_ACCESS_KEY_SECRET`, or `INTEGRATE_USERNAME` and
    /// `INTEGRATE_PASSWORD`, plus the optional `INTEGRATE_ENDPOINT`.
    ///
    /// An empty variable counts as missing. The error names every missing
    /// variable, never a value.
    pub fn from_env(kind: CredentialKind) -> Result<Self, CredentialError> {
        let mut not_unicode = None;
        let cred = Self::from_lookup(kind, |name| match std::env::var(name) {
            Ok(value) => Some(value),
            Err(std::env::VarError::NotPresent) => None,
            Err(std::env::VarError::NotUnicode(_)) => {
                not_unicode.get_or_insert(name.to_owned());
                None
            }
        });
        match (cred, not_unicode) {
            (_, Some(variable)) => Err(CredentialError::NotUnicode { variable }),
            (result, None) => result,
        }
    }

    /// Builds a credential like [`Credential::from_env`] but reads the
    /// variables through `lookup`, so that callers and tests can supply them
    /// without touching the process environment.
    pub fn from_lookup(
        kind: CredentialKind,
        mut lookup: impl FnMut(&str) -> Option<String>,
    ) -> Result<Self, CredentialError> {
        let [id_var, secret_var] = kind.env_vars();
        let id = lookup(id_var).filter(|v| !v.is_empty());
        let secret = lookup(secret_var).filter(|v| !v.is_empty());
        let endpoint = lookup(ENV_ENDPOINT).filter(|v| !v.is_empty());
        match (id, secret) {
            (Some(id), Some(secret)) => Ok(Credential {
                kind,
                key_id_or_user: Secret::identifier(id),
                secret: Secret::new(secret),
                endpoint,
                project: None,
                domain: None,
                region: None,
                fields: Vec::new(),
            }),
            (id, secret) => {
                let mut missing = Vec::new();
                if id.is_none() {
                    missing.push(id_var.to_owned());
                }
                if secret.is_none() {
                    missing.push(secret_var.to_owned());
                }
                Err(CredentialError::MissingEnv { kind, missing })
            }
        }
    }
}

/// Why a credential could not be built from the environment.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CredentialError {
    /// Some of the variables the kind needs are unset or empty.
    #[error("missing environment variables for the {kind} credential: {}", missing.join(", "))]
    MissingEnv {
        /// The kind of credential that was asked for.
        kind: CredentialKind,
        /// The names of the variables that are unset or empty.
        missing: Vec<String>,
    },
    /// A variable holds bytes that are not UTF-8.
    #[error("environment variable {variable} is not valid UTF-8")]
    NotUnicode {
        /// The name of the variable.
        variable: String,
    },
}
