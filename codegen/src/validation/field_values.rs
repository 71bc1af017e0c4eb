//! Credential values: what an account gives for the fields its descriptor's `[credential]`
//! declares (`crate::credential`). This module owns reading them (each field's
//! `INTEGRATE_<FIELD>` variable, or `key=value` lines keyed by field name), filling defaults,
//! refusing what a field's kind does not accept (a missing file, a URL that is not http(s), a
//! choice not among its values, a bool other than `true`/`false`), naming every missing
//! required field and every unknown key at once (never a value), and mapping the fields' roles
//! onto the [`Credential`] validation signs with: `key_id` and `secret` are the two values,
//! `endpoint` the credential's endpoint, `project`, `domain` and `region` replace the
//! `[validation]` section's. A secret-kind value is a [`Secret`] from the moment it is read.

use crate::credential::{Field, FieldKind, FieldRole};
use crate::validation::{Credential, CredentialKind, Secret};

/// The value one field was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldValue {
    pub name: String,
    /// The key an import's request body carries it under.
    pub json: String,
    pub kind: FieldKind,
    pub role: Option<FieldRole>,
    /// Held as a secret whatever the kind, so that no `Debug` prints it by accident.
    pub value: Secret,
}

impl FieldValue {
    /// Whether the value is only ever shown as `****`.
    pub fn is_secret(&self) -> bool {
        self.kind == FieldKind::Secret
    }

    /// The value as shown: `****` for a secret, the key id's mask (`AKIA****`), else as given.
    pub fn shown(&self) -> String {
        match (self.kind, self.role) {
            (FieldKind::Secret, _) | (_, Some(FieldRole::KeyId)) => self.value.masked(),
            _ => self.value.expose().to_owned(),
        }
    }
}

/// What is wrong with the values given; messages name fields, variables and lines, never values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("missing credential field `{field}` ({env})")]
    Missing { field: String, env: String },
    #[error("unknown credential field `{key}` (line {line})")]
    Unknown { key: String, line: usize },
    #[error("credential field `{key}` given twice (line {line})")]
    Twice { key: String, line: usize },
    #[error("line {line} is not `field=value`")]
    NotKeyValue { line: usize },
    #[error("credential field `{field}`: {why}")]
    Refused { field: String, why: String },
}

/// Every problem found, reported together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
pub struct ValuesError(pub Vec<Problem>);

/// Reads each field's variable through `lookup`; an empty variable counts as unset.
pub fn from_lookup(fields: &[Field], mut lookup: impl FnMut(&str) -> Option<String>) -> Vec<(String, String)> {
    fields.iter().filter_map(|f| lookup(&f.env).filter(|v| !v.is_empty()).map(|v| (f.name.clone(), v))).collect()
}

/// Parses `field=value` lines (blank lines and `#` comments skipped; the value is everything
/// after the first `=`, without the line end). Unknown and repeated keys are refused.
pub fn parse_key_values(fields: &[Field], text: &str) -> Result<Vec<(String, String)>, ValuesError> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut problems = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let l = raw.strip_suffix('\r').unwrap_or(raw);
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = l.split_once('=') else {
            problems.push(Problem::NotKeyValue { line });
            continue;
        };
        let key = key.trim();
        if !fields.iter().any(|f| f.name == key) {
            problems.push(Problem::Unknown { key: key.to_owned(), line });
        } else if out.iter().any(|(k, _)| k == key) {
            problems.push(Problem::Twice { key: key.to_owned(), line });
        } else if !value.is_empty() {
            out.push((key.to_owned(), value.to_owned()));
        }
    }
    if problems.is_empty() { Ok(out) } else { Err(ValuesError(problems)) }
}

/// The required fields `given` lacks, in declaration order: what a prompt asks for. A field
/// with a default is never missing; `endpoint_elsewhere` says the endpoint comes from the
/// descriptor or `--endpoint`, so an endpoint-role field is not needed.
pub fn missing<'f>(fields: &'f [Field], given: &[(String, String)], endpoint_elsewhere: bool) -> Vec<&'f Field> {
    fields
        .iter()
        .filter(|f| f.required && f.default.is_none() && !(endpoint_elsewhere && f.role == Some(FieldRole::Endpoint)))
        .filter(|f| !given.iter().any(|(k, _)| *k == f.name))
        .collect()
}

/// Checks `given` against the fields (required, kind) and fills defaults.
pub fn complete(fields: &[Field], given: &[(String, String)], endpoint_elsewhere: bool) -> Result<Vec<FieldValue>, ValuesError> {
    let mut problems: Vec<Problem> = missing(fields, given, endpoint_elsewhere).into_iter().map(|f| Problem::Missing { field: f.name.clone(), env: f.env.clone() }).collect();
    let mut out = Vec::new();
    for f in fields {
        let Some(value) = given.iter().find(|(k, _)| *k == f.name).map(|(_, v)| v.clone()).or_else(|| f.default.clone()) else { continue };
        if let Some(why) = refusal(f, &value) {
            problems.push(Problem::Refused { field: f.name.clone(), why });
        }
        let value = if f.kind == FieldKind::Secret { Secret::new(value) } else { Secret::identifier(value) };
        out.push(FieldValue { name: f.name.clone(), json: f.json.clone(), kind: f.kind, role: f.role, value });
    }
    if problems.is_empty() { Ok(out) } else { Err(ValuesError(problems)) }
}

/// Why `value` does not fit `f`'s kind, in words that do not repeat a secret.
fn refusal(f: &Field, value: &str) -> Option<String> {
    match f.kind {
        FieldKind::String | FieldKind::Secret => None,
        FieldKind::File if !std::path::Path::new(value).is_file() => Some(format!("no file at {value}")),
        FieldKind::File => None,
        FieldKind::Url => {
            let rest = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://"));
            match rest {
                Some(r) if !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace) => None,
                _ => Some("not an http(s) URL".to_owned()),
            }
        }
        FieldKind::Choice if !f.values.iter().any(|v| v == value) => Some(format!("`{value}` is not one of {}", f.values.join(", "))),
        FieldKind::Choice => None,
        FieldKind::Bool if value != "true" && value != "false" => Some("neither true nor false".to_owned()),
        FieldKind::Bool => None,
    }
}

/// The credential validation and import use: the roles' values in their places, every value
/// kept in `fields`.
pub fn credential(kind: CredentialKind, values: Vec<FieldValue>) -> Credential {
    let role = |r: FieldRole| values.iter().find(|v| v.role == Some(r)).map(|v| v.value.expose().to_owned());
    let (id, secret) = (role(FieldRole::KeyId).unwrap_or_default(), role(FieldRole::Secret).unwrap_or_default());
    let mut cred = match kind {
        CredentialKind::AccessKey => Credential::access_key(id, secret),
        CredentialKind::UserPassword => Credential::user_password(id, secret),
    };
    cred.endpoint = role(FieldRole::Endpoint);
    cred.project = role(FieldRole::Project);
    cred.domain = role(FieldRole::Domain);
    cred.region = role(FieldRole::Region);
    cred.fields = values;
    cred
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credential::{FieldDecl, resolve};

    fn fields() -> Vec<Field> {
        #[derive(serde::Deserialize)]
        struct W {
            fields: Vec<FieldDecl>,
        }
        let text = r#"
[[fields]]
name = "tenancy"
role = "key_id"
[[fields]]
name = "api_key"
kind = "secret"
role = "secret"
[[fields]]
name = "auth_url"
kind = "url"
role = "endpoint"
[[fields]]
name = "zone"
kind = "choice"
values = ["eu", "us"]
default = "eu"
role = "region"
[[fields]]
name = "insecure"
kind = "bool"
required = false
[[fields]]
name = "key_file"
kind = "file"
required = false
"#;
        resolve(&toml::from_str::<W>(text).unwrap().fields).unwrap()
    }

    #[test]
    fn key_values_name_every_unknown_repeated_and_malformed_line_and_never_a_value() {
        let err = parse_key_values(&fields(), "tenancy=t1\nnope=hidden-1\ntenancy=t2\njust-text-hidden\n").unwrap_err();
        assert_eq!(err.0, [Problem::Unknown { key: "nope".into(), line: 2 }, Problem::Twice { key: "tenancy".into(), line: 3 }, Problem::NotKeyValue { line: 4 }]);
        assert!(!err.to_string().contains("hidden"), "{err}");
        assert_eq!(parse_key_values(&fields(), "# c\n\napi_key= a=b \r\n").unwrap(), [("api_key".to_owned(), " a=b ".to_owned())]);
    }

    #[test]
    fn complete_names_missing_fields_fills_defaults_and_checks_each_kind() {
        let f = fields();
        let err = complete(&f, &[], false).unwrap_err();
        assert_eq!(err.to_string(), "missing credential field `tenancy` (INTEGRATE_TENANCY); missing credential field `api_key` (INTEGRATE_API_KEY); missing credential field `auth_url` (INTEGRATE_AUTH_URL)");
        assert!(complete(&f, &[("tenancy".into(), "t".into()), ("api_key".into(), "k".into())], true).is_ok(), "the endpoint may come from elsewhere");
        for (field, bad) in [("auth_url", "ftp://x"), ("auth_url", "https://"), ("zone", "asia"), ("insecure", "yes"), ("key_file", "/no/such/file")] {
            let given = vec![("tenancy".into(), "t".into()), ("api_key".into(), "k".into()), (field.to_owned(), bad.to_owned())];
            let err = complete(&f, &given, true).unwrap_err();
            assert!(matches!(&err.0[..], [Problem::Refused { field: x, .. }] if x == field), "{field}={bad}: {err}");
        }
    }

    #[test]
    fn roles_land_in_the_credential_and_secrets_are_masked() {
        let f = fields();
        let file = tempfile::NamedTempFile::new().unwrap();
        let given = vec![
            ("tenancy".into(), "ocid1.tenancy".into()),
            ("api_key".into(), "k-secret".into()),
            ("auth_url".into(), "https://id.example/v3".into()),
            ("insecure".into(), "true".into()),
            ("key_file".into(), file.path().display().to_string()),
        ];
        let cred = credential(CredentialKind::AccessKey, complete(&f, &given, false).unwrap());
        assert_eq!((cred.key_id_or_user.expose(), cred.secret.expose()), ("ocid1.tenancy", "k-secret"));
        assert_eq!((cred.endpoint.as_deref(), cred.region.as_deref(), cred.project.as_deref()), (Some("https://id.example/v3"), Some("eu"), None));
        let shown: Vec<String> = cred.fields.iter().map(|v| format!("{}={}", v.json, v.shown())).collect();
        assert_eq!(shown[..4], ["tenancy=ocid****", "api_key=****", "auth_url=https://id.example/v3", "zone=eu"]);
        assert_eq!(cred.secret_values().collect::<Vec<_>>(), ["k-secret", "k-secret"]);
        assert!(!format!("{cred:?}").contains("k-secret"));
    }
}
