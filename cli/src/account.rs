//! `integrate account validate` and `integrate account import`: read a credential (environment,
//! standard input or a masked prompt; never argv), ask the codegen validation engine whether the
//! platform would accept it, and print the outcome. Secrets are only ever printed masked.

use std::io::{BufRead, IsTerminal, Write};
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Subcommand, ValueEnum};
use integrate_codegen::descriptor::{Descriptor, EndpointField};
use integrate_codegen::engine;
use integrate_codegen::validation::{self, Credential, CredentialError, CredentialKind, ValidateOptions, ValidationSpec};
use integrate_codegen::Workspace;
use serde::Deserialize;

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Prove a credential against the provider's API; exit 0 valid, 1 rejected, 3 unreachable.
    Validate(ValidateArgs),
    /// Validate, then create the account with the platform's own client (for cloudpods,
    /// `climc cloud-account-create-<id>`), or print that command with secrets masked.
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
    /// Read the key id (or user name), the secret and optionally the endpoint from standard
    /// input, one per line, instead of the environment.
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
    /// Print the platform command (secrets masked) instead of running it.
    #[arg(long)]
    pub dry_run: bool,
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
    let cred = read_credential(d.credential.kind, common.stdin)?;
    let cred = match (&cred.endpoint, d.credential.endpoint) {
        (None, EndpointField::AuthUrl | EndpointField::Endpoint) if spec.endpoint.is_empty() => {
            bail!("this provider needs an endpoint: set INTEGRATE_ENDPOINT or pass --endpoint")
        }
        _ => cred,
    };
    let opts = ValidateOptions {
        endpoint_override: common.endpoint.clone(),
        insecure: common.insecure,
        timeout: Duration::from_secs(common.timeout),
        ..Default::default()
    };
    Ok((d, spec, cred, opts))
}

/// The credential, from standard input (`--stdin`), the environment, or a masked prompt.
fn read_credential(kind: CredentialKind, from_stdin: bool) -> Result<Credential> {
    let build = |id: String, secret: String, endpoint: Option<String>| {
        let c = match kind {
            CredentialKind::AccessKey => Credential::access_key(id, secret),
            CredentialKind::UserPassword => Credential::user_password(id, secret),
        };
        match endpoint.filter(|e| !e.is_empty()) {
            Some(e) => c.with_endpoint(e),
            None => c,
        }
    };
    if from_stdin {
        let mut lines = std::io::stdin().lock().lines();
        let mut next = || lines.next().transpose().map(|l| l.map(|s| s.trim_end().to_string()));
        let id = next()?.ok_or_else(|| anyhow!("--stdin: expected the key id or user name on the first line"))?;
        let secret = next()?.ok_or_else(|| anyhow!("--stdin: expected the secret or password on the second line"))?;
        let endpoint = next()?.or_else(|| std::env::var(validation::ENV_ENDPOINT).ok());
        return Ok(build(id, secret, endpoint));
    }
    match Credential::from_env(kind) {
        Ok(c) => Ok(c),
        Err(CredentialError::MissingEnv { missing, .. }) if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() => {
            let _ = missing;
            let [id_var, _] = kind.env_vars();
            eprint!("{id_var}: ");
            std::io::stderr().flush()?;
            let mut id = String::new();
            std::io::stdin().read_line(&mut id)?;
            let secret = rpassword::prompt_password("secret (not shown): ")?;
            Ok(build(id.trim().to_string(), secret, std::env::var(validation::ENV_ENDPOINT).ok()))
        }
        Err(e) => Err(anyhow!("{e}\n  hint: export the variables, pipe them with --stdin, or run on a terminal to be asked")),
    }
}

fn validate(ws: &Workspace, args: ValidateArgs, out: &mut dyn Write) -> Result<u8> {
    let (_d, spec, cred, opts) = load(ws, &args.common)?;
    let report = validation::validate(&spec, &cred, &opts, &mut |_| {})?;
    let probe = if args.probe { Some(validation::probe_wrong_key(&spec, &cred, &opts, &mut |_| {})?) } else { None };
    match args.format {
        Format::Json => {
            let value = serde_json::json!({ "schema": 1, "report": report, "probe": probe });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        }
        Format::Human => {
            say(out, opts.insecure, &report.to_string())?;
            if let Some(p) = &probe {
                say(out, opts.insecure, &p.to_string())?;
            }
        }
    }
    Ok(report.exit_code() as u8)
}

fn import(ws: &Workspace, args: ImportArgs, out: &mut dyn Write) -> Result<u8> {
    let (d, spec, cred, opts) = load(ws, &args.common)?;
    let report = validation::validate(&spec, &cred, &opts, &mut |_| {})?;
    say(out, opts.insecure, &report.to_string())?;
    if !report.outcome.is_valid() {
        say(out, opts.insecure, "not imported: the platform would reject this credential")?;
        return Ok(report.exit_code() as u8);
    }
    let Some((program, real, masked)) = engine::account_import_command(ws, &d, &args.name, &cred)? else {
        bail!("profile {} declares no [account_import]; create the account with the platform's own tools", ws.profile.name);
    };
    let shown = format!("{program} {}", masked.join(" "));
    let found = std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(&program).is_file()));
    if args.dry_run || !found {
        if !found {
            say(out, opts.insecure, &format!("{program} is not on PATH; run this yourself, with the real secret in place of ****:"))?;
        }
        say(out, opts.insecure, &shown)?;
        return Ok(0);
    }
    say(out, opts.insecure, &format!("running: {shown}"))?;
    let status = std::process::Command::new(&program).args(&real).status().with_context(|| format!("running {program}"))?;
    if !status.success() {
        bail!("{program} failed ({status})");
    }
    Ok(0)
}
