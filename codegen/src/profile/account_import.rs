//! The `[account_import]` declaration of a profile: how a platform creates an account for a
//! credential that validation has proved.
//!
//! A profile says one of two things, both without a secret on any command line: "send this
//! request to the platform's API" (`[account_import.api]`: how to log in, which service of the
//! catalog, the request, and which body field comes from which credential part), or "run this
//! client" (`[account_import.client]`: a program whose arguments never see the secret, which
//! reaches it on standard input or in a private file). `manual` is the platform's own command
//! for the same import, only ever rendered with the credential masked, shown when the import
//! cannot run. [`ImportDecl::check`] refuses a declaration that could put a secret on argv.

use serde::{Deserialize, Serialize};

/// The parts of a credential an `[account_import.api]` field may name; `account::parts` turns
/// each name into its value.
pub const CREDENTIAL_PARTS: &[&str] = &["key_id", "secret", "endpoint"];

/// How `integrate account import` creates an account on the platform.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ImportDecl {
    /// What the import does, in words (shown by `--dry-run` and in the docs).
    pub description: String,
    /// A condition over the descriptor; when false, the provider has no accounts to import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// The platform's own command for the same import, as templates over the descriptor and
    /// `account.name`, `account.key_id`, `account.secret`, `account.endpoint`, which are
    /// always masked here: it is shown to the user, never run.
    #[serde(default)]
    pub manual: Vec<String>,
    /// Import through the platform's API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api: Option<ApiDecl>,
    /// Import by running the platform's client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<ClientDecl>,
}

/// How the import logs in to the platform's API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApiAuth {
    /// OpenStack Identity v3 password authentication with the usual `OS_*` settings
    /// (`OS_AUTH_URL`, `OS_USERNAME`, `OS_PASSWORD`, `OS_DOMAIN_NAME`, `OS_PROJECT_NAME`,
    /// `OS_PROJECT_DOMAIN`, `OS_REGION_NAME`, `OS_ENDPOINT_TYPE`); the service is found in the
    /// token's catalog and called with `X-Auth-Token`.
    KeystoneV3,
}

/// `[account_import.api]`: the request that creates the account.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ApiDecl {
    pub auth: ApiAuth,
    /// The service type to look up in the catalog (cloudpods' region service is `compute_v2`).
    pub service: String,
    /// The HTTP method, such as `POST`.
    pub method: String,
    /// The path under the service's URL, such as `/cloudaccounts`.
    pub path: String,
    /// The key the fields are wrapped in (`{"cloudaccount": {...}}`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wrap: Option<String>,
    /// The JSON body's fields, in order.
    pub fields: Vec<FieldDecl>,
}

/// One field of the request body: a template, or a part of the credential.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FieldDecl {
    /// The JSON key.
    pub name: String,
    /// A template over the descriptor and `account.name` (credential values are masked in
    /// this context: a credential value goes in with `credential`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The part of the credential this field carries (see [`CREDENTIAL_PARTS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential: Option<String>,
    /// A condition over the descriptor; the field is left out when it is false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
}

/// How a client program receives the secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SecretChannel {
    /// Written to the program's standard input, followed by a newline.
    Stdin,
    /// Written to a file of mode 0600 in a private directory of mode 0700, whose path the
    /// arguments name as `account.secret_file`; both are removed when the program ends.
    File,
}

/// `[account_import.client]`: a program to run.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ClientDecl {
    pub program: String,
    /// Templates over the descriptor and `account.name`, `account.key_id`,
    /// `account.endpoint` and (with `secret = "file"`) `account.secret_file`. The secret is
    /// not in their context. An argument that renders empty is dropped.
    pub args: Vec<String>,
    pub secret: SecretChannel,
}

impl ImportDecl {
    /// Checks what serde cannot: exactly one way to import, each field with one source, known
    /// credential parts, and no template that could carry the secret to a command line.
    /// Returns the problem and a hint.
    pub fn check(&self) -> Result<(), (String, String)> {
        let fail = |m: String, h: &str| Err((m, h.to_owned()));
        match (&self.api, &self.client) {
            (Some(_), Some(_)) => return fail("[account_import] declares both api and client".into(), "keep the one the platform should use"),
            (None, None) => return fail("[account_import] declares neither api nor client".into(), "add [account_import.api] or [account_import.client]"),
            _ => {}
        }
        if let Some(api) = &self.api {
            let mut seen = std::collections::BTreeSet::new();
            for f in &api.fields {
                if !seen.insert((f.name.as_str(), f.when.as_deref())) {
                    return fail(format!("[account_import.api] field `{}` is declared twice under the same condition", f.name), "give each body field once");
                }
                match (&f.value, &f.credential) {
                    (Some(_), Some(_)) | (None, None) => {
                        return fail(format!("[account_import.api] field `{}` needs exactly one of value and credential", f.name), "a template in value, or a credential part in credential");
                    }
                    (Some(v), None) if mentions_secret(v) => {
                        return fail(format!("[account_import.api] field `{}` templates the secret", f.name), "carry it with credential = \"secret\", which keeps it out of every log");
                    }
                    (None, Some(part)) if !CREDENTIAL_PARTS.contains(&part.as_str()) => {
                        return fail(format!("[account_import.api] field `{}` names unknown credential part `{part}`", f.name), &format!("one of: {}", CREDENTIAL_PARTS.join(", ")));
                    }
                    _ => {}
                }
            }
            if !api.path.starts_with('/') {
                return fail(format!("[account_import.api] path `{}` does not start with /", api.path), "a path under the service's URL, such as /cloudaccounts");
            }
        }
        if let Some(client) = &self.client {
            if let Some(a) = client.args.iter().find(|a| mentions_secret(a)) {
                return fail(
                    format!("[account_import.client] argument `{a}` would put the secret on the command line, where every local user can read it"),
                    "declare secret = \"stdin\", or secret = \"file\" and pass {{ account.secret_file }}",
                );
            }
            if client.secret == SecretChannel::Stdin && client.args.iter().any(|a| a.contains("account.secret_file")) {
                return fail("[account_import.client] names account.secret_file but the secret goes to stdin".into(), "declare secret = \"file\", or drop the argument");
            }
        }
        Ok(())
    }
}

/// Tells whether a template refers to `account.secret` (but not `account.secret_file`).
fn mentions_secret(template: &str) -> bool {
    template.match_indices("account.secret").any(|(i, m)| {
        let next = template[i + m.len()..].chars().next();
        !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
    }) || template.contains("account[\"secret\"]")
        || template.contains("account['secret']")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decl(text: &str) -> ImportDecl {
        toml::from_str(text).unwrap()
    }

    #[test]
    fn a_client_argument_with_the_secret_is_refused() {
        let d = decl("description = \"x\"\n[client]\nprogram = \"p\"\nargs = [\"{{ account.secret }}\"]\nsecret = \"stdin\"\n");
        assert!(d.check().unwrap_err().0.contains("command line"));
        let d = decl("description = \"x\"\n[client]\nprogram = \"p\"\nargs = [\"{{ account['secret'] }}\"]\nsecret = \"stdin\"\n");
        assert!(d.check().is_err());
        let d = decl("description = \"x\"\n[client]\nprogram = \"p\"\nargs = [\"--from={{ account.secret_file }}\"]\nsecret = \"file\"\n");
        assert_eq!(d.check(), Ok(()));
    }

    #[test]
    fn api_fields_need_one_known_source() {
        let base = "description = \"x\"\n[api]\nauth = \"keystone-v3\"\nservice = \"s\"\nmethod = \"POST\"\npath = \"/a\"\n";
        assert!(decl(&format!("{base}fields = [{{ name = \"k\", credential = \"pin\" }}]\n")).check().unwrap_err().0.contains("unknown credential part"));
        assert!(decl(&format!("{base}fields = [{{ name = \"k\" }}]\n")).check().unwrap_err().0.contains("exactly one"));
        assert!(decl(&format!("{base}fields = [{{ name = \"k\", value = \"{{{{ account.secret }}}}\" }}]\n")).check().unwrap_err().0.contains("templates the secret"));
        assert_eq!(decl(&format!("{base}fields = [{{ name = \"k\", credential = \"secret\" }}]\n")).check(), Ok(()));
        assert!(decl("description = \"x\"\n").check().unwrap_err().0.contains("neither"));
    }
}
