//! Account import: creating, on the platform, the account of a credential that validation
//! has proved, the way the profile's `[account_import]` declares.
//!
//! This module owns the import from declaration to verdict, and the rule that no secret ever
//! reaches a command line, a child's environment, a file other users can read, or any text
//! that is shown: [`plan`] renders the declaration for one descriptor and credential into an
//! [`ImportPlan`] (nothing sent, nothing run: what `--dry-run` shows); [`import_via_api`] logs
//! in with the platform's own settings (`OS_*`), finds the service in the catalog and sends the
//! request; [`run_client`] runs a platform client that gets the secret on standard input or in
//! a private file. Submodules: `decl` (the profile section), `parts` (credential parts by
//! name), `login` (the `OS_*` login), `keystone` (token request and catalog), `api` and
//! `client` (the two ways to import), `report` (verdicts, exit codes, hints), `error` (why
//! no verdict came).

mod api;
mod client;
mod error;
mod keystone;
mod login;
mod parts;
mod report;

pub use api::import_via_api;
pub use client::run_client;
pub use error::ImportError;
pub use crate::profile::account_import::{ApiAuth, ApiDecl, ClientDecl, FieldDecl, ImportDecl, SecretChannel};
pub use login::{LoginError, OS_VARIABLES, PlatformLogin};
pub use parts::{CREDENTIAL_PARTS, PartValue};
pub use report::{ClientReport, ImportOutcome, ImportReport, Stage};

use std::time::Duration;

use serde_json::Value;

use crate::descriptor::Descriptor;
use crate::error::{Error, Result};
use crate::validation::{Credential, Secret};
use crate::workspace::Workspace;

/// Stands for the secret file's path in rendered client arguments until the file exists.
const SECRET_FILE_PLACEHOLDER: &str = "\u{0}secret-file\u{0}";

/// How an import runs.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Turns off TLS certificate verification; reports say so.
    pub insecure: bool,
    /// The time allowed for each request.
    pub timeout: Duration,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions { insecure: false, timeout: crate::validation::DEFAULT_TIMEOUT }
    }
}

/// One field of an API request body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyField {
    pub name: String,
    pub value: PartValue,
}

/// An API request, ready to send once logged in.
#[derive(Debug, Clone)]
pub struct ApiCall {
    pub auth: ApiAuth,
    pub service: String,
    pub method: String,
    pub path: String,
    pub wrap: Option<String>,
    pub fields: Vec<BodyField>,
}

impl ApiCall {
    fn body_with(&self, value: impl Fn(&PartValue) -> String) -> Value {
        let object: serde_json::Map<String, Value> = self.fields.iter().map(|f| (f.name.clone(), Value::String(value(&f.value)))).collect();
        match &self.wrap {
            Some(key) => serde_json::json!({ key.as_str(): object }),
            None => Value::Object(object),
        }
    }

    /// The body as sent. Crate-private: it holds the secret in clear.
    pub(crate) fn body(&self) -> Value {
        self.body_with(|v| v.expose().to_owned())
    }

    /// The body as shown, credential values masked.
    pub fn masked_body(&self) -> Value {
        self.body_with(PartValue::shown)
    }

    /// `POST <service> /cloudaccounts {...}`, credential values masked.
    pub fn summary(&self) -> String {
        format!("{} {} {} {}", self.method, self.service, self.path, self.masked_body())
    }
}

/// A client run, ready to start.
#[derive(Debug, Clone)]
pub struct ClientCall {
    pub program: String,
    /// The arguments, rendered; [`SECRET_FILE_PLACEHOLDER`] stands for the secret file's path.
    args: Vec<String>,
    /// The arguments as shown: the key id masked too.
    shown: Vec<String>,
    pub channel: SecretChannel,
    secret: Secret,
}

impl ClientCall {
    /// The command line as shown (the secret file's path as `<secret file>`).
    pub fn summary(&self) -> String {
        let args: Vec<String> = self.shown.iter().map(|a| a.replace(SECRET_FILE_PLACEHOLDER, "<secret file>")).collect();
        let channel = match self.channel {
            SecretChannel::Stdin => "the secret on standard input",
            SecretChannel::File => "the secret in a private file",
        };
        format!("{} {} ({channel})", self.program, args.join(" "))
    }
}

/// How a plan imports.
#[derive(Debug, Clone)]
pub enum ImportMethod {
    Api(ApiCall),
    Client(ClientCall),
}

/// The import of one account, rendered from the profile: what `--dry-run` shows.
#[derive(Debug, Clone)]
pub struct ImportPlan {
    pub description: String,
    /// The platform's own command for the same import, every credential value masked; empty
    /// when the profile declares none.
    pub manual: String,
    pub method: ImportMethod,
}

/// Renders the profile's `[account_import]` for descriptor `d`, account `name` and the proved
/// credential `cred`, whose endpoint part is `endpoint` (the URL it was proved against).
/// `Ok(None)` when the profile declares no import.
pub fn plan(ws: &Workspace, d: &Descriptor, name: &str, cred: &Credential, endpoint: Option<&str>) -> Result<Option<ImportPlan>> {
    let Some(decl) = &ws.profile.account_import else { return Ok(None) };
    let origin = ws.profile.templates.origin().to_owned();
    let at = || crate::error::Location::new(&origin, 0, 0);
    if let Err((message, hint)) = decl.check() {
        return Err(Error::input(at(), message, hint));
    }
    let context = |account: Value| {
        let mut ctx = serde_json::to_value(ws.context(d)).unwrap_or_default();
        if let Some(obj) = ctx.as_object_mut() {
            obj.insert("account".into(), account);
        }
        // What these templates render is one argv element or one JSON body value each (the
        // request is serialised by serde, the client run without a shell), never code: every
        // value is written as it is.
        crate::typed::to_template_value(&ctx, "", &|_| true)
    };
    let masked = context(parts::masked_account(cred, endpoint, name));
    let r = ws.profile.templates.renderer(&masked, "account_import");
    if let Some(when) = &decl.when
        && !r.condition(when)?
    {
        let at = d.source.as_ref().map_or_else(at, |s| crate::error::Location::new(s.path.display().to_string(), 1, 1));
        return Err(Error::input(at, format!("profile {} imports no account for {}", ws.profile.name, d.id), format!("its [account_import] applies when {when}")));
    }
    let render_all = |r: &crate::template::Renderer<'_>, field: &str, list: &[String]| -> Result<Vec<String>> {
        let mut out = Vec::new();
        for item in list {
            let v = r.render(field, item)?;
            if !v.is_empty() {
                out.push(v);
            }
        }
        Ok(out)
    };
    let manual = render_all(&r, "manual", &decl.manual)?.join(" ");
    let method = if let Some(api) = &decl.api {
        let mut fields = Vec::new();
        for f in &api.fields {
            if let Some(when) = &f.when
                && !r.condition(when)?
            {
                continue;
            }
            let value = match (&f.value, &f.credential) {
                (Some(template), _) => PartValue::Text(r.render(&format!("fields.{}", f.name), template)?),
                (None, Some(part)) => {
                    let v = parts::part(cred, endpoint, part).expect("checked by ImportDecl::check");
                    if v.is_empty() {
                        return Err(Error::input(at(), format!("the credential has no {part}, which body field `{}` carries", f.name), "give it with the credential (INTEGRATE_ENDPOINT or --endpoint for the endpoint)"));
                    }
                    v
                }
                (None, None) => unreachable!("checked by ImportDecl::check"),
            };
            fields.push(BodyField { name: f.name.clone(), value });
        }
        ImportMethod::Api(ApiCall { auth: api.auth, service: api.service.clone(), method: api.method.clone(), path: api.path.clone(), wrap: api.wrap.clone(), fields })
    } else if let Some(client) = &decl.client {
        let render_args = |key_id: String| -> Result<Vec<String>> {
            let mut account = serde_json::json!({
                "name": name,
                "key_id": key_id,
                "endpoint": endpoint.or(cred.endpoint.as_deref()).unwrap_or_default(),
            });
            if client.secret == SecretChannel::File {
                account["secret_file"] = Value::String(SECRET_FILE_PLACEHOLDER.to_owned());
            }
            let ctx = context(account);
            render_all(&ws.profile.templates.renderer(&ctx, "account_import"), "args", &client.args)
        };
        let args = render_args(cred.key_id_or_user.expose().to_owned())?;
        let shown = render_args(cred.key_id_or_user.masked())?;
        ImportMethod::Client(ClientCall { program: client.program.clone(), args, shown, channel: client.secret, secret: cred.secret.clone() })
    } else {
        unreachable!("checked by ImportDecl::check")
    };
    Ok(Some(ImportPlan { description: decl.description.clone(), manual, method }))
}
