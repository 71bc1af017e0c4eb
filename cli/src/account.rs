//! `integrate account validate` and `integrate account import`: read a credential (environment,
//! standard input or a masked prompt; never argv), ask the codegen validation engine whether the
//! provider accepts it, and for import have the codegen account module create the account on
//! the platform (its API with the `OS_*` login, or its client with the secret on stdin or in a
//! private file). Print the outcome and what to do next. Secrets are only ever printed masked.
//! Exit codes: 0 valid or imported, 1 rejected, 2 usage or settings, 3 unreachable.

use std::io::{IsTerminal, Read, Write};
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Subcommand, ValueEnum};
use integrate_codegen::credential::FieldRole;
use integrate_codegen::validation::field_values;
use integrate_codegen::descriptor::Descriptor;
use integrate_codegen::account::{self, ImportMethod, ImportOptions, PlatformLogin};
use integrate_codegen::validation::{self, Credential, ValidateOptions, ValidationSpec};
use integrate_codegen::Workspace;
use serde::Deserialize;

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Prove a credential against the provider's API; exit 0 valid, 1 rejected, 3 unreachable.
    Validate(ValidateArgs),
    /// Validate, then create the account on the platform as its profile declares: for
    /// cloudpods through the region API, logged in with the usual OS_* variables (OS_AUTH_URL,
    /// OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME, OS_DOMAIN_NAME, OS_REGION_NAME,
    /// OS_ENDPOINT_TYPE). Without a reachable API it prints the platform's own command, masked.
    /// Exit 0 imported, 1 rejected, 2 usage or settings, 3 unreachable.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub struct CommonArgs {
    /// The provider whose descriptor says how to validate (its descriptor id).
    pub id: String,
    /// Send the request here instead of the descriptor's endpoint.
    #[arg(long)]
    pub endpoint: Option<String>,
    /// Turn off TLS certificate verification (shown on every line of output).
    #[arg(long)]
    pub insecure: bool,
    /// Read the credential's fields from standard input as `field=value` lines (the field
    /// names of the descriptor's [credential]) instead of the INTEGRATE_<FIELD> variables.
    #[arg(long)]
    pub stdin: bool,
    /// Seconds to wait for the answer.
    #[arg(long, default_value_t = 15)]
    pub timeout: u64,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// How the outcome is printed.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Also send the request with a deliberately altered secret and show what the cloud
    /// answers, and whether the descriptor's invalid_key_codes map it.
    #[arg(long)]
    pub probe: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Name of the account to create in the platform.
    #[arg(long)]
    pub name: String,
    /// Validate, then show the request (credential masked) and the platform's own command
    /// instead of importing.
    #[arg(long)]
    pub dry_run: bool,
    /// How the outcome is printed.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// Lines for people.
    Human,
    /// One JSON document.
    Json,
}

pub fn run(ws: &Workspace, cmd: AccountCommand, out: &mut dyn Write) -> Result<u8> {
    match cmd {
        AccountCommand::Validate(args) => validate(ws, args, out),
        AccountCommand::Import(args) => import(ws, args, out),
    }
}

/// Prefixes every line with the insecure warning when TLS verification is off.
fn say(out: &mut dyn Write, insecure: bool, text: &str) -> Result<()> {
    for line in text.lines() {
        if insecure {
            writeln!(out, "INSECURE (TLS verification off): {line}")?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

fn load(ws: &Workspace, common: &CommonArgs) -> Result<(Descriptor, ValidationSpec, Credential, ValidateOptions)> {
    let d = ws.load_descriptors(std::slice::from_ref(&common.id))?.remove(0);
    let table = d.validation.clone().ok_or_else(|| {
        anyhow!(
            "{}: no [validation] section\n  hint: add one (see docs/descriptor.md) saying which request proves a credential",
            d.source.as_ref().map_or_else(|| common.id.clone(), |s| s.path.display().to_string())
        )
    })?;
    let spec = ValidationSpec::deserialize(toml::Value::Table(table)).context("reading [validation]")?;
    let endpoint_elsewhere = !spec.endpoint.is_empty() || common.endpoint.is_some();
    let cred = read_credential(&d, endpoint_elsewhere, common.stdin)?;
    let opts = ValidateOptions {
        endpoint_override: common.endpoint.clone(),
        insecure: common.insecure,
        timeout: Duration::from_secs(common.timeout),
        ..Default::default()
    };
    Ok((d, spec, cred, opts))
}

/// The credential, from the descriptor's fields: `field=value` lines on standard input
/// (`--stdin`), else each field's `INTEGRATE_<FIELD>` variable, with a prompt on a terminal for
/// the required fields still missing (a secret read without echo).
fn read_credential(d: &Descriptor, endpoint_elsewhere: bool, from_stdin: bool) -> Result<Credential> {
    let fields = d.credential.resolved_fields();
    let hint = |e: field_values::ValuesError, how: &str| anyhow!("{e}\n  hint: {how}");
    let mut given = if from_stdin {
        let mut text = String::new();
        std::io::stdin().lock().read_to_string(&mut text).context("reading standard input")?;
        let keys = fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(", ");
        field_values::parse_key_values(&fields, &text).map_err(|e| hint(e, &format!("--stdin takes one field=value line per field; the fields are {keys}")))?
    } else {
        let mut not_unicode = None;
        let given = field_values::from_lookup(&fields, |name| match std::env::var(name) {
            Ok(v) => Some(v),
            Err(std::env::VarError::NotPresent) => None,
            Err(std::env::VarError::NotUnicode(_)) => {
                not_unicode.get_or_insert(name.to_owned());
                None
            }
        });
        if let Some(variable) = not_unicode {
            bail!("environment variable {variable} is not valid UTF-8");
        }
        given
    };
    let to_ask = field_values::missing(&fields, &given, endpoint_elsewhere);
    if !from_stdin && !to_ask.is_empty() && std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        for f in to_ask {
            let label = if f.help.is_empty() { f.name.clone() } else { format!("{} ({})", f.name, f.help) };
            let value = if f.is_secret() {
                rpassword::prompt_password(format!("{label}, not shown: "))?
            } else {
                eprint!("{label}: ");
                std::io::stderr().flush()?;
                let mut line = String::new();
                std::io::stdin().read_line(&mut line)?;
                line.trim().to_owned()
            };
            if !value.is_empty() {
                given.push((f.name.clone(), value));
            }
        }
    }
    let values = field_values::complete(&fields, &given, endpoint_elsewhere).map_err(|e| {
        let how = if from_stdin { "give every required field as a field=value line" } else { "export the variables, pipe field=value lines with --stdin, or run on a terminal to be asked" };
        let endpoint_missing = e.0.iter().any(|p| matches!(p, field_values::Problem::Missing { field, .. } if fields.iter().any(|f| f.name == *field && f.role == Some(FieldRole::Endpoint))));
        hint(e, &if endpoint_missing { format!("{how}; the endpoint may also be given with --endpoint") } else { how.to_owned() })
    })?;
    Ok(field_values::credential(d.credential.kind, values))
}

fn validate(ws: &Workspace, args: ValidateArgs, out: &mut dyn Write) -> Result<u8> {
    let (_d, spec, cred, opts) = load(ws, &args.common)?;
    let report = validation::validate(&spec, &cred, &opts, &mut |_| {})?;
    let probe = if args.probe { Some(validation::probe_wrong_key(&spec, &cred, &opts, &mut |_| {})?) } else { None };
    match args.format {
        Format::Json => {
            let value = serde_json::json!({ "schema": 1, "report": report, "probe": probe, "hint": report.outcome.hint() });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        }
        Format::Human => {
            say(out, opts.insecure, &report.to_string())?;
            if let Some(p) = &probe {
                say(out, opts.insecure, &p.to_string())?;
            }
            if let Some(hint) = report.outcome.hint() {
                say(out, opts.insecure, &format!("hint: {hint}"))?;
            }
        }
    }
    Ok(report.exit_code() as u8)
}

/// What `account import` prints: the validation, then the import's plan, verdict and hint.
struct ImportOutput<'a> {
    out: &'a mut dyn Write,
    format: Format,
    insecure: bool,
    json: serde_json::Map<String, serde_json::Value>,
}

impl ImportOutput<'_> {
    fn line(&mut self, text: &str) -> Result<()> {
        if self.format == Format::Human {
            say(self.out, self.insecure, text)?;
        }
        Ok(())
    }

    fn set(&mut self, key: &str, value: impl serde::Serialize) {
        self.json.insert(key.to_owned(), serde_json::to_value(value).unwrap_or_default());
    }

    /// Prints what is left to print and returns `code`.
    fn finish(mut self, code: i32, hint: Option<String>) -> Result<u8> {
        match self.format {
            Format::Json => {
                self.set("hint", &hint);
                self.set("exit_code", code);
                writeln!(self.out, "{}", serde_json::to_string_pretty(&serde_json::Value::Object(self.json))?)?;
            }
            Format::Human => {
                if let Some(h) = hint {
                    say(self.out, self.insecure, &format!("hint: {h}"))?;
                }
            }
        }
        Ok(code as u8)
    }
}

fn import(ws: &Workspace, args: ImportArgs, out: &mut dyn Write) -> Result<u8> {
    let (d, spec, cred, opts) = load(ws, &args.common)?;
    let report = validation::validate(&spec, &cred, &opts, &mut |_| {})?;
    let mut o = ImportOutput { out, format: args.format, insecure: opts.insecure, json: serde_json::Map::new() };
    o.set("schema", 1);
    o.set("report", &report);
    o.line(&report.to_string())?;
    if !report.outcome.is_valid() {
        o.line("not imported: the provider rejects this credential")?;
        let hint = report.outcome.hint().map(str::to_owned);
        return o.finish(report.exit_code(), hint);
    }
    let endpoint = validation::endpoint_in_force(&spec, &cred, &opts);
    let endpoint = (!endpoint.is_empty()).then_some(endpoint);
    let Some(plan) = account::plan(ws, &d, &args.name, &cred, endpoint.as_deref())? else {
        bail!("profile {} declares no [account_import]; create the account with the platform's own tools", ws.profile.name);
    };
    o.set("manual", &plan.manual);
    let manual = |o: &mut ImportOutput<'_>, why: &str| -> Result<()> {
        if !plan.manual.is_empty() {
            o.line(&format!("{why}; or run the platform's own command, with the real values in place of the masked ones:"))?;
            o.line(&format!("  {}", plan.manual))?;
        }
        Ok(())
    };
    let iopts = ImportOptions { insecure: opts.insecure, timeout: opts.timeout };
    match &plan.method {
        ImportMethod::Api(call) => {
            o.set("request", call.summary());
            if args.dry_run {
                o.line(&format!("would import ({}): {}", plan.description, call.summary()))?;
                manual(&mut o, "dry run, nothing sent to the platform")?;
                return o.finish(0, None);
            }
            let login = match PlatformLogin::from_env() {
                Ok(Some(login)) => login,
                Ok(None) => {
                    o.line("not imported: no platform API configured (OS_AUTH_URL is not set)")?;
                    manual(&mut o, "set the OS_* variables of the platform login and run this again")?;
                    return o.finish(2, Some(format!("export {} (and OS_PROJECT_NAME, OS_REGION_NAME, OS_ENDPOINT_TYPE as climc takes them)", account::OS_VARIABLES[..3].join(", "))));
                }
                Err(e) => {
                    o.line(&format!("not imported: {e}"))?;
                    manual(&mut o, "complete the OS_* variables and run this again")?;
                    return o.finish(2, Some("export the missing variables of the platform login".to_owned()));
                }
            };
            o.line(&format!("importing: {}", call.summary()))?;
            let r = account::import_via_api(call, &login, &cred, &iopts)?;
            o.set("import", &r);
            o.line(&r.to_string())?;
            if r.outcome.not_reached() {
                manual(&mut o, "the platform's API could not be reached")?;
            }
            o.finish(r.exit_code(), r.outcome.hint())
        }
        ImportMethod::Client(call) => {
            o.set("command", call.summary());
            if args.dry_run {
                o.line(&format!("would run ({}): {}", plan.description, call.summary()))?;
                return o.finish(0, None);
            }
            o.line(&format!("running: {}", call.summary()))?;
            let r = account::run_client(call, &cred)?;
            o.set("import", &r);
            for text in [&r.stdout, &r.stderr] {
                for l in text.lines() {
                    o.line(&format!("  {l}"))?;
                }
            }
            let status = r.status.map_or_else(|| "ended by a signal".to_owned(), |c| format!("exit {c}"));
            o.line(&if r.exit_code() == 0 { format!("imported ({status})") } else { format!("not imported: the client failed ({status})") })?;
            o.finish(r.exit_code(), r.hint())
        }
    }
}
