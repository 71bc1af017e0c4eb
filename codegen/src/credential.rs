//! Credential fields: what a provider's account takes (a tenancy OCID, a service-account JSON
//! file, a tenant id, a project...). This module owns the field declaration of a descriptor's
//! `[[credential.fields]]`, its kinds, the names derived from a field (Go identifier, CLI
//! option, `INTEGRATE_<FIELD>` variable, JSON key), their validation, and the presets
//! `access_key` and `user_password` (plus the endpoint field) expand to, so that every
//! consumer (templates, `account validate`, `account import`, the TUI form) reads one list.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use std::fmt;

use crate::typed::{GO_KEYWORDS, Invalid, is_identifier};

/// The environment variable holding an access key id.
pub const ENV_ACCESS_KEY_ID: &str = "INTEGRATE_ACCESS_KEY_ID";
/// The environment variable holding an access key secret.
pub const ENV_ACCESS_KEY_SECRET: &str = "INTEGRATE_ACCESS_KEY_SECRET";
/// The environment variable holding a user name.
pub const ENV_USERNAME: &str = "INTEGRATE_USERNAME";
/// The environment variable holding a password.
pub const ENV_PASSWORD: &str = "INTEGRATE_PASSWORD";
/// The environment variable holding an endpoint that replaces the descriptor's one.
pub const ENV_ENDPOINT: &str = "INTEGRATE_ENDPOINT";

/// Which pair of values a credential holds; also the descriptor's `credential.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CredentialKind {
    /// An access key id and its secret (`access_key`).
    #[default]
    AccessKey,
    /// A user name and its password (`user_password`).
    UserPassword,
}

impl CredentialKind {
    /// Returns the environment variables `validation::Credential::from_env` reads for this kind,
    /// identifier first.
    pub fn env_vars(self) -> [&'static str; 2] {
        match self {
            CredentialKind::AccessKey => [ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET],
            CredentialKind::UserPassword => [ENV_USERNAME, ENV_PASSWORD],
        }
    }

    /// Returns the serialised name, `access_key` or `user_password`.
    pub fn as_str(self) -> &'static str {
        match self {
            CredentialKind::AccessKey => "access_key",
            CredentialKind::UserPassword => "user_password",
        }
    }
}

impl fmt::Display for CredentialKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which endpoint field a preset adds: none, an auth URL (Keystone) or an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum EndpointField {
    #[default]
    None,
    AuthUrl,
    Endpoint,
}

/// What a field's value is, and how a form asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// Text shown as typed.
    #[default]
    String,
    /// Text never shown, logged or passed on argv: a secret key, a password, a token.
    Secret,
    /// A path to a file (a private key, a service-account JSON); the file must exist.
    File,
    /// An http(s) URL.
    Url,
    /// One of `values`.
    Choice,
    /// `true` or `false`.
    Bool,
}

/// What a validation scheme or the platform uses a field as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldRole {
    /// The access key id or user name a request is signed or logged in with.
    KeyId,
    /// The secret key or password.
    Secret,
    /// The endpoint or auth URL.
    Endpoint,
    /// The project (tenant) a login is scoped to.
    Project,
    /// The domain of the user and project (Keystone).
    Domain,
    /// The region a client starts in.
    Region,
}

/// One field as a descriptor declares it; unset names are derived.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FieldDecl {
    pub name: Spanned<String>,
    #[serde(default)]
    pub kind: FieldKind,
    /// The values of a `choice`.
    #[serde(default)]
    pub values: Vec<String>,
    #[serde(default = "yes")]
    pub required: bool,
    pub default: Option<String>,
    #[serde(default)]
    pub help: String,
    pub role: Option<FieldRole>,
    /// Passed as a positional argument of the climc command instead of an option.
    #[serde(default)]
    pub positional: bool,
    /// Overrides of the derived names.
    pub option: Option<String>,
    pub env: Option<String>,
    pub go: Option<String>,
    pub json: Option<String>,
}

fn yes() -> bool {
    true
}

/// A field with every name derived: what templates, front ends and validation read.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub kind: FieldKind,
    pub values: Vec<String>,
    pub required: bool,
    pub default: Option<String>,
    pub help: String,
    pub role: Option<FieldRole>,
    pub positional: bool,
    /// CLI option name: `tenancy-ocid`.
    pub option: String,
    /// Environment variable `account validate` reads: `INTEGRATE_TENANCY_OCID`.
    pub env: String,
    /// Exported Go field name: `TenancyOcid`.
    pub go: String,
    /// JSON key of the create request: `tenancy_ocid`.
    pub json: String,
    /// The Go type of the option struct's field.
    pub go_type: String,
    /// The Go name and type padded as gofmt aligns the fields of one struct block.
    pub go_cell: String,
    pub go_type_cell: String,
}

impl Field {
    /// Whether the value is never shown.
    pub fn is_secret(&self) -> bool {
        self.kind == FieldKind::Secret
    }
}

/// `tenancy_ocid` -> `TenancyOcid`.
pub fn camel(name: &str) -> String {
    name.split('_').filter(|p| !p.is_empty()).map(|p| {
        let mut c = p.chars();
        c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
    }).collect()
}

fn preset(name: &str, kind: FieldKind, role: FieldRole, env: &str, go: &str, help: &str) -> FieldDecl {
    FieldDecl {
        name: Spanned::new(0..0, name.to_string()),
        kind,
        values: Vec::new(),
        required: true,
        default: None,
        help: help.to_string(),
        role: Some(role),
        positional: false,
        option: None,
        env: Some(env.to_string()),
        go: Some(go.to_string()),
        json: None,
    }
}

/// The fields a preset expands to: the two values of `kind`, then the endpoint field.
pub fn preset_fields(kind: CredentialKind, endpoint: EndpointField) -> Vec<FieldDecl> {
    let mut out = match kind {
        CredentialKind::AccessKey => vec![
            preset("access_key_id", FieldKind::String, FieldRole::KeyId, ENV_ACCESS_KEY_ID, "AccessKeyId", "access key id"),
            preset("access_key_secret", FieldKind::Secret, FieldRole::Secret, ENV_ACCESS_KEY_SECRET, "AccessKeySecret", "access key secret"),
        ],
        CredentialKind::UserPassword => vec![
            preset("username", FieldKind::String, FieldRole::KeyId, ENV_USERNAME, "Username", "user name"),
            preset("password", FieldKind::Secret, FieldRole::Secret, ENV_PASSWORD, "Password", "password"),
        ],
    };
    match endpoint {
        EndpointField::None => {}
        EndpointField::AuthUrl => out.push(preset("auth_url", FieldKind::Url, FieldRole::Endpoint, ENV_ENDPOINT, "AuthUrl", "auth URL")),
        EndpointField::Endpoint => out.push(preset("endpoint", FieldKind::Url, FieldRole::Endpoint, ENV_ENDPOINT, "Endpoint", "endpoint")),
    }
    out
}

/// Derives every name of `decls` and checks them all; errors carry the byte offset of the
/// field's name in the descriptor.
pub fn resolve(decls: &[FieldDecl]) -> Result<Vec<Field>, Vec<(usize, Invalid)>> {
    let mut errors = Vec::new();
    let mut out: Vec<Field> = Vec::new();
    for d in decls {
        let at = d.name.span().start;
        let name = d.name.get_ref().clone();
        let mut refuse = |message: String, hint: &str| errors.push((at, Invalid { message, hint: hint.to_string() }));
        if !is_identifier(&name, |c| c.is_ascii_lowercase(), |c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') || GO_KEYWORDS.contains(&name.as_str()) {
            refuse(format!("invalid credential field name `{name}`"), "a field name is snake case (^[a-z][a-z0-9_]*$), not a Go keyword; it derives the Go field, the CLI option and the INTEGRATE_<FIELD> variable");
            continue;
        }
        let go = d.go.clone().unwrap_or_else(|| camel(&name));
        let option = d.option.clone().unwrap_or_else(|| name.replace('_', "-"));
        let env = d.env.clone().unwrap_or_else(|| format!("INTEGRATE_{}", name.to_ascii_uppercase()));
        let json = d.json.clone().unwrap_or_else(|| name.clone());
        if !is_identifier(&go, |c| c.is_ascii_uppercase(), |c| c.is_ascii_alphanumeric() || c == '_') {
            refuse(format!("invalid Go field name `{go}` of credential field `{name}`"), "go is an exported Go identifier: ^[A-Z][A-Za-z0-9_]*$");
        }
        if !is_identifier(&option, |c| c.is_ascii_lowercase(), |c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            refuse(format!("invalid option name `{option}` of credential field `{name}`"), "option is a CLI option name: ^[a-z][a-z0-9-]*$");
        }
        if !is_identifier(&env, |c| c.is_ascii_uppercase(), |c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_') {
            refuse(format!("invalid environment variable `{env}` of credential field `{name}`"), "env is an upper-case variable name: ^[A-Z][A-Z0-9_]*$");
        }
        if !is_identifier(&json, |c| c.is_ascii_lowercase(), |c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            refuse(format!("invalid JSON key `{json}` of credential field `{name}`"), "json is snake case: ^[a-z][a-z0-9_]*$");
        }
        // Help, values and defaults land in Go struct tags: a backquote or a control character
        // would end the tag, `|` would split the choices.
        for (what, text) in std::iter::once(("help", d.help.as_str())).chain(d.default.iter().map(|s| ("default", s.as_str()))).chain(d.values.iter().map(|s| ("value", s.as_str()))) {
            if text.contains('`') || text.chars().any(char::is_control) || (what == "value" && (text.contains('|') || text.is_empty())) {
                refuse(format!("the {what} of credential field `{name}` holds a backquote, a control character or `|`"), "it becomes part of a Go struct tag; write it without them");
            }
        }
        match d.kind {
            FieldKind::Choice if d.values.is_empty() => refuse(format!("choice field `{name}` has no values"), "add values = [\"...\", ...]"),
            FieldKind::Choice if d.default.as_ref().is_some_and(|v| !d.values.contains(v)) => refuse(format!("the default of choice field `{name}` is not one of its values"), "use one of the values"),
            FieldKind::Bool if d.default.as_deref().is_some_and(|v| v != "true" && v != "false") => refuse(format!("the default of bool field `{name}` is neither true nor false"), "write default = \"true\" or \"false\""),
            k if k != FieldKind::Choice && !d.values.is_empty() => refuse(format!("field `{name}` has values but is not a choice"), "set kind = \"choice\" or remove values"),
            _ => {}
        }
        if d.kind == FieldKind::Secret && d.default.is_some() {
            refuse(format!("secret field `{name}` has a default"), "a secret has no default; remove it");
        }
        if let Some(prev) = out.iter().find(|f| f.name == name || f.go == go || f.option == option || f.env == env || f.json == json) {
            refuse(format!("credential field `{name}` has a name of field `{}` (Go field, option, variable or JSON key)", prev.name), "every field needs names of its own");
        }
        if let Some(role) = d.role
            && let Some(prev) = out.iter().find(|f| f.role == Some(role)) {
                refuse(format!("credential fields `{}` and `{name}` have the same role", prev.name), "a role (key_id, secret, endpoint, project, domain, region) belongs to one field");
            }
        let go_type = if d.kind == FieldKind::Bool { "bool" } else { "string" }.to_string();
        out.push(Field { name, kind: d.kind, values: d.values.clone(), required: d.required, default: d.default.clone(), help: d.help.clone(), role: d.role, positional: d.positional, option, env, go, json, go_type, go_cell: String::new(), go_type_cell: String::new() });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let go_width = out.iter().map(|f| f.go.len()).max().unwrap_or(0);
    let type_width = out.iter().map(|f| f.go_type.len()).max().unwrap_or(0);
    for f in &mut out {
        f.go_cell = format!("{:<w$}", f.go, w = go_width);
        f.go_type_cell = format!("{:<w$}", f.go_type, w = type_width);
    }
    Ok(out)
}

/// The field playing `role`, if any.
pub fn with_role(fields: &[Field], role: FieldRole) -> Option<&Field> {
    fields.iter().find(|f| f.role == Some(role))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decl(toml_text: &str) -> Vec<FieldDecl> {
        #[derive(Deserialize)]
        struct W {
            fields: Vec<FieldDecl>,
        }
        toml::from_str::<W>(toml_text).unwrap().fields
    }

    #[test]
    fn names_are_derived_and_aligned_as_gofmt_does() {
        let fields = resolve(&decl("[[fields]]\nname = \"tenancy_ocid\"\n[[fields]]\nname = \"private_key_file\"\nkind = \"file\"\n[[fields]]\nname = \"insecure\"\nkind = \"bool\"\nrequired = false\n")).unwrap();
        let f = &fields[0];
        assert_eq!((f.go.as_str(), f.option.as_str(), f.env.as_str(), f.json.as_str()), ("TenancyOcid", "tenancy-ocid", "INTEGRATE_TENANCY_OCID", "tenancy_ocid"));
        assert_eq!(fields.iter().map(|f| format!("{} {}|", f.go_cell, f.go_type_cell)).collect::<String>(), "TenancyOcid    string|PrivateKeyFile string|Insecure       bool  |");
    }

    #[test]
    fn bad_names_kinds_and_tag_breaking_text_are_refused() {
        for bad in [
            "name = \"Tenancy\"",
            "name = \"type\"",
            "name = \"a\"\ngo = \"lower\"",
            "name = \"a\"\noption = \"A_B\"",
            "name = \"a\"\nenv = \"lower\"",
            "name = \"a\"\nhelp = \"has ` backquote\"",
            "name = \"a\"\nkind = \"choice\"",
            "name = \"a\"\nkind = \"choice\"\nvalues = [\"x\"]\ndefault = \"y\"",
            "name = \"a\"\nvalues = [\"x\"]",
            "name = \"a\"\nkind = \"bool\"\ndefault = \"yes\"",
            "name = \"a\"\nkind = \"secret\"\ndefault = \"x\"",
        ] {
            assert!(resolve(&decl(&format!("[[fields]]\n{bad}\n"))).is_err(), "accepted: {bad}");
        }
        assert!(resolve(&decl("[[fields]]\nname = \"a\"\n[[fields]]\nname = \"b\"\nenv = \"INTEGRATE_A\"\n")).is_err(), "a shared variable is refused");
        assert!(resolve(&decl("[[fields]]\nname = \"a\"\nrole = \"secret\"\n[[fields]]\nname = \"b\"\nrole = \"secret\"\n")).is_err(), "a shared role is refused");
    }

    #[test]
    fn presets_keep_the_variables_of_the_two_kinds() {
        let f = resolve(&preset_fields(CredentialKind::UserPassword, EndpointField::AuthUrl)).unwrap();
        assert_eq!(f.iter().map(|f| f.env.as_str()).collect::<Vec<_>>(), [ENV_USERNAME, ENV_PASSWORD, ENV_ENDPOINT]);
        assert_eq!(with_role(&f, FieldRole::Secret).map(|f| f.kind), Some(FieldKind::Secret));
    }
}
