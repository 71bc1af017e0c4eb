//! Argument definitions (clap derive) and the dispatch of each subcommand onto the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use integrate_codegen::descriptor::{Credential, CredentialKind, Descriptor, EndpointField, Env, Features, Names};
use integrate_codegen::engine::{self, PointState};
use integrate_codegen::{Severity, Workspace, WorkspaceOptions};

use crate::output;

#[derive(Debug, Parser)]
#[command(name = "integrate", version, about = "Turn one provider descriptor into every registration a multi-cloud platform needs, and check that none is missing.")]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    /// Without a subcommand, `integrate` opens the terminal UI on a terminal.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The workspace file (default: integrate.toml here or in a parent directory).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Override or add a root: NAME=PATH (repeatable).
    #[arg(long = "root", global = true, value_name = "NAME=PATH", value_parser = parse_root)]
    pub roots: Vec<(String, PathBuf)>,
    /// Use this profile (a built-in name or a path) instead of the workspace's.
    #[arg(long, global = true)]
    pub profile: Option<String>,
}

fn parse_root(s: &str) -> std::result::Result<(String, PathBuf), String> {
    let (name, path) = s.split_once('=').ok_or_else(|| format!("expected NAME=PATH, got `{s}`"))?;
    if name.is_empty() || path.is_empty() {
        return Err(format!("expected NAME=PATH, got `{s}`"));
    }
    Ok((name.to_string(), PathBuf::from(path)))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write descriptors/<id>.toml (from flags, or prompts on a terminal) and apply it.
    New(NewArgs),
    /// Add every missing registration of the descriptors (all when none is named).
    Apply {
        ids: Vec<String>,
        /// Print the unified diff and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Report missing or drifted registrations; exit 1 when there are findings.
    Check {
        ids: Vec<String>,
        /// Lowest severity that makes check fail.
        #[arg(long, value_enum, default_value = "note")]
        severity: SeverityArg,
        #[arg(long, value_enum, default_value = "human")]
        format: crate::output::CheckFormat,
        /// Apply the mechanical fixes (what `integrate apply` would do), then check again.
        #[arg(long)]
        fix: bool,
    },
    /// Take out exactly what apply added for a provider.
    Remove {
        id: String,
        /// Also delete generated files that were edited since.
        #[arg(long)]
        force: bool,
        #[arg(long)]
        dry_run: bool,
        /// Afterwards, bring the consumer's vendor/ back in step (undoes `verify --sync-vendor`).
        #[arg(long)]
        sync_vendor: bool,
    },
    /// Providers and their completeness.
    List,
    /// Write a descriptor for every provider the trees define (existing ones are kept unless
    /// --update), each field inferred from the signal its comment names.
    Discover {
        /// Rewrite descriptors that exist and differ.
        #[arg(long)]
        update: bool,
        /// Print what would be written and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Prove an integration works: build the touched packages, run the debug CLI with a wrong
    /// key, and ask the registries at run time (steps from the profile). Exit 1 when a step fails.
    Verify {
        id: String,
        /// Copy the edited cloudmux packages into cloudpods' vendor/ as `go mod vendor` would.
        #[arg(long)]
        sync_vendor: bool,
        #[arg(long, value_enum, default_value = "human")]
        format: crate::account::Format,
    },
    /// Copy the bundled sample platform to a temporary directory, run `new testcloud` there,
    /// and print the diff and the check result.
    Demo {
        /// Keep the temporary directory and print its path.
        #[arg(long)]
        keep: bool,
        /// Show another platform: `opendal` (Apache OpenDAL) instead of cloudpods + cloudmux.
        #[arg(long, value_parser = ["cloudpods", "opendal"], default_value = "cloudpods")]
        platform: String,
    },
    /// Validate a live account, or import it into the platform.
    Account {
        #[command(subcommand)]
        command: crate::account::AccountCommand,
    },
    /// Print the reference page of a profile's registration points (Markdown).
    Docs,
    /// Print shell completions.
    Completions { shell: clap_complete::Shell },
    /// The terminal UI: providers, checklists, apply with diff preview, account validation.
    Tui {
        /// Turn off TLS certificate verification for validations (shown on every screen).
        #[arg(long)]
        insecure: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SeverityArg {
    Note,
    Warning,
    Error,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Self {
        match s {
            SeverityArg::Note => Severity::Note,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Error => Severity::Error,
        }
    }
}

#[derive(Debug, Args)]
pub struct NewArgs {
    pub id: String,
    /// The CLOUD_PROVIDER_* value, exact case.
    #[arg(long)]
    pub brand: Option<String>,
    #[arg(long, value_enum)]
    pub env: Option<EnvArg>,
    /// The provider runs virtual machines.
    #[arg(long)]
    pub vms: bool,
    #[arg(long)]
    pub regional_network: bool,
    #[arg(long)]
    pub metrics: bool,
    #[arg(long, value_enum, default_value = "access-key")]
    pub credential: CredentialArg,
    #[arg(long, value_enum, default_value = "none")]
    pub endpoint: EndpointArg,
    /// Print the diff and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EnvArg {
    Public,
    Private,
    Onpremise,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CredentialArg {
    AccessKey,
    UserPassword,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EndpointArg {
    None,
    AuthUrl,
    Endpoint,
}

pub fn open_workspace(global: &GlobalArgs) -> Result<Workspace> {
    let cwd = std::env::current_dir().context("reading the current directory")?;
    let opts = WorkspaceOptions { config: global.config.clone(), profile: global.profile.clone(), roots: global.roots.clone() };
    Ok(Workspace::open(&cwd, &opts)?)
}

pub fn run(cli: Cli) -> Result<u8> {
    let command = match cli.command {
        Some(c) => c,
        None if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() => Command::Tui { insecure: false },
        None => {
            Cli::command().print_help()?;
            return Ok(2);
        }
    };
    if let Command::Tui { insecure } = command {
        let ws = open_workspace(&cli.global)?;
        integrate_tui::run_with(ws, integrate_tui::Options { insecure })?;
        return Ok(0);
    }
    let mut out = std::io::stdout().lock();
    match command {
        Command::Tui { .. } => unreachable!("handled above"),
        Command::New(args) => cmd_new(&cli.global, args, &mut out),
        Command::Apply { ids, dry_run } => {
            let ws = open_workspace(&cli.global)?;
            let descriptors = ws.load_descriptors(&ids)?;
            if descriptors.is_empty() {
                bail!("no descriptors in {}; create one with `integrate new <id>`", ws.descriptors_dir.display());
            }
            let plan = engine::plan_apply(&ws, &descriptors)?;
            for note in &plan.read_only {
                eprintln!("not applied: {note}");
            }
            finish_plan(&ws, &plan, dry_run, "apply", &mut out)
        }
        Command::Check { ids, severity, format, fix } => {
            let ws = open_workspace(&cli.global)?;
            let descriptors = ws.load_descriptors(&ids)?;
            if fix {
                // Only what is mechanically fixable: missing registrations, not the ones an
                // orphan finding stands for (adding or dropping a side is a decision).
                let fixable: std::collections::BTreeSet<(String, String)> = engine::check(&ws, &descriptors)?
                    .into_iter()
                    .filter(|r| r.class == Some(engine::FindingClass::Missing))
                    .map(|r| (r.provider, r.point))
                    .collect();
                let plan = engine::plan_fix(&ws, &descriptors, &fixable)?;
                if !plan.is_empty() {
                    plan.commit(&ws)?;
                    for change in &plan.changes {
                        eprintln!("fixed {}", change.display.display());
                    }
                }
            }
            let files = integrate_codegen::files::FileStore::new();
            let mut reports = engine::check_with(&ws, &descriptors, &files)?;
            // Named providers: only their findings, not those of the tree as a whole.
            if !ids.is_empty() {
                reports.retain(|r| ids.contains(&r.provider));
            }
            let code = cmd_check_as(&reports, severity.into(), format, &mut out);
            // The process ends here; freeing every parsed tree node by node would only delay it
            // (about a tenth of check's time on cloudpods + cloudmux).
            std::mem::forget(files);
            code
        }
        Command::Remove { id, force, dry_run, sync_vendor } => {
            let ws = open_workspace(&cli.global)?;
            let descriptors = ws.load_descriptors(std::slice::from_ref(&id))?;
            let plan = engine::plan_remove(&ws, &descriptors, force)?;
            for reason in &plan.kept {
                eprintln!("kept: {reason}");
            }
            let code = finish_plan(&ws, &plan, dry_run, "remove", &mut out)?;
            if sync_vendor && !dry_run {
                for path in integrate_codegen::verify::sync_vendor(&ws, &descriptors[0])? {
                    writeln!(out, "synced {}", path.display())?;
                }
            }
            Ok(code)
        }
        Command::List => {
            let ws = open_workspace(&cli.global)?;
            let descriptors = ws.load_descriptors(&[])?;
            let reports = engine::inspect(&ws, &descriptors)?;
            for d in &descriptors {
                let (present, applicable, unchecked) = output::completeness(&reports, &d.id);
                let badge = if present == applicable { "complete" } else { "incomplete" };
                let extra = if unchecked > 0 { format!(", {unchecked} not checked") } else { String::new() };
                writeln!(out, "{:<16} {:<14} {present}/{applicable} registrations {badge}{extra}", d.id, d.brand)?;
            }
            Ok(0)
        }
        Command::Verify { id, sync_vendor, format } => {
            let ws = open_workspace(&cli.global)?;
            let d = ws.load_descriptors(std::slice::from_ref(&id))?.remove(0);
            let opts = integrate_codegen::verify::VerifyOptions { sync_vendor };
            let human = format == crate::account::Format::Human;
            let results = integrate_codegen::verify::verify(&ws, &d, &opts, &mut |r| {
                if human {
                    let (mark, detail) = match &r.status {
                        integrate_codegen::verify::StepStatus::Passed => ("ok  ", String::new()),
                        integrate_codegen::verify::StepStatus::Failed { reason } => ("FAIL", format!(": {reason}")),
                        integrate_codegen::verify::StepStatus::Skipped { reason } => ("skip", format!(": {reason}")),
                    };
                    eprintln!("{mark} {} ({:.1} s){detail}", r.name, r.elapsed_ms as f64 / 1000.0);
                    if !r.command.is_empty() {
                        eprintln!("     $ {}", r.command);
                    }
                    if matches!(r.status, integrate_codegen::verify::StepStatus::Failed { .. }) && !r.output.is_empty() {
                        for line in r.output.lines() {
                            eprintln!("     | {line}");
                        }
                    }
                }
            })?;
            if !human {
                writeln!(out, "{}", serde_json::to_string_pretty(&serde_json::json!({ "schema": 1, "provider": id, "steps": results }))?)?;
            }
            let failed = results.iter().filter(|r| matches!(r.status, integrate_codegen::verify::StepStatus::Failed { .. })).count();
            if human {
                writeln!(out, "verify {id}: {} step(s), {failed} failed", results.len())?;
            }
            Ok(if failed > 0 { 1 } else { 0 })
        }
        Command::Discover { update, dry_run } => {
            let ws = open_workspace(&cli.global)?;
            let found = integrate_codegen::discover::discover(&ws, update)?;
            let plan = engine::plan_descriptors(&ws, &found);
            for d in &found {
                writeln!(out, "{:<9} {}", d.action, ws.display_path(&d.path).display())?;
            }
            if dry_run {
                write!(out, "{}", plan.unified_diff())?;
                return Ok(0);
            }
            if !plan.is_empty() {
                plan.commit(&ws)?;
            }
            writeln!(out, "discover: {} provider(s), {} descriptor file(s) written", found.len(), plan.changes.len())?;
            Ok(0)
        }
        Command::Demo { keep, platform } => crate::demo::run(keep, platform == "opendal", &mut out),
        Command::Account { command } => {
            let ws = open_workspace(&cli.global)?;
            crate::account::run(&ws, command, &mut out)
        }
        Command::Docs => {
            let ws = open_workspace(&cli.global)?;
            write!(out, "{}", integrate_codegen::docs::profile_reference(&ws.profile))?;
            Ok(0)
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "integrate", &mut out);
            Ok(0)
        }
    }
}

/// Prints a plan's diff (dry run) or commits it.
pub fn finish_plan(ws: &Workspace, plan: &engine::Plan, dry_run: bool, verb: &str, out: &mut dyn Write) -> Result<u8> {
    if plan.is_empty() {
        writeln!(out, "{verb}: nothing to do")?;
        return Ok(0);
    }
    if dry_run {
        write!(out, "{}", plan.unified_diff())?;
        return Ok(0);
    }
    plan.commit(ws)?;
    for change in &plan.changes {
        let action = match (&change.before, &change.after) {
            (None, Some(_)) => "created",
            (Some(_), None) => "deleted",
            _ => "updated",
        };
        writeln!(out, "{action} {}", change.display.display())?;
    }
    writeln!(out, "{verb}: {} file(s) changed", plan.changes.len())?;
    Ok(0)
}

pub fn cmd_check(reports: &[engine::PointReport], threshold: Severity, out: &mut dyn Write) -> Result<u8> {
    cmd_check_as(reports, threshold, output::CheckFormat::Human, out)
}

pub fn cmd_check_as(reports: &[engine::PointReport], threshold: Severity, format: output::CheckFormat, out: &mut dyn Write) -> Result<u8> {
    let findings: Vec<_> = reports.iter().filter(|r| r.is_finding()).collect();
    match format {
        output::CheckFormat::Human => {
            let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            output::write_human(out, reports, colour)?;
        }
        output::CheckFormat::Json => output::write_json(out, reports, threshold)?,
        output::CheckFormat::Github => output::write_github(out, reports)?,
        output::CheckFormat::Sarif => writeln!(out, "{}", serde_json::to_string_pretty(&output::sarif(reports))?)?,
    }
    output::print_unchecked(&mut std::io::stderr(), reports)?;
    let failing = findings.iter().filter(|r| r.severity >= threshold).count();
    let present = reports.iter().filter(|r| r.state == PointState::Present).count();
    eprintln!("check: {} finding(s), {failing} at or above {threshold}; {present} registration(s) present", findings.len());
    Ok(if failing > 0 { 1 } else { 0 })
}

fn cmd_new(global: &GlobalArgs, args: NewArgs, out: &mut dyn Write) -> Result<u8> {
    let ws = open_workspace(global)?;
    let path = ws.descriptor_path(&args.id);
    let descriptor = if path.exists() {
        Descriptor::load(&path)?
    } else {
        let text = descriptor_from_flags_or_prompt(&args)?;
        Descriptor::parse(&path, &text)?
    };
    let plan = engine::plan_new(&ws, &descriptor)?;
    finish_plan(&ws, &plan, args.dry_run, "new", out)
}

/// Builds descriptor TOML from flags, asking on a terminal for what is missing.
fn descriptor_from_flags_or_prompt(args: &NewArgs) -> Result<String> {
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let brand = match &args.brand {
        Some(b) => b.clone(),
        None if interactive => prompt("Brand (the CLOUD_PROVIDER_* value, exact case)", None)?,
        None => bail!("--brand is required when not on a terminal (e.g. --brand {})", title_case(&args.id)),
    };
    let env = match args.env {
        Some(e) => e,
        None if interactive => match prompt("Environment (public, private, onpremise)", Some("private"))?.as_str() {
            "public" => EnvArg::Public,
            "onpremise" => EnvArg::Onpremise,
            "private" => EnvArg::Private,
            other => bail!("unknown environment `{other}`: use public, private or onpremise"),
        },
        None => bail!("--env is required when not on a terminal (public, private or onpremise)"),
    };
    let d = Descriptor {
        schema: integrate_codegen::descriptor::SCHEMA,
        id: args.id.clone(),
        brand: brand.clone(),
        env: match env {
            EnvArg::Public => Env::Public,
            EnvArg::Private => Env::Private,
            EnvArg::Onpremise => Env::Onpremise,
        },
        names: Names {
            const_: args.id.to_ascii_uppercase(),
            go: brand.chars().filter(|c| c.is_ascii_alphanumeric()).collect(),
            cli: format!("{}cli", args.id),
            hypervisor_const: args.id.to_ascii_uppercase(),
            package: args.id.clone(),
        },
        features: Features { vms: args.vms, regional_network: args.regional_network, metrics: args.metrics },
        credential: Credential {
            kind: match args.credential {
                CredentialArg::AccessKey => CredentialKind::AccessKey,
                CredentialArg::UserPassword => CredentialKind::UserPassword,
            },
            endpoint: match args.endpoint {
                EndpointArg::None => EndpointField::None,
                EndpointArg::AuthUrl => EndpointField::AuthUrl,
                EndpointArg::Endpoint => EndpointField::Endpoint,
            },
        },
        validation: None,
        sections: Default::default(),
        source: None,
    };
    Ok(d.to_toml())
}

fn title_case(id: &str) -> String {
    let mut c = id.chars();
    c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
}

fn prompt(question: &str, default: Option<&str>) -> Result<String> {
    let mut err = std::io::stderr();
    match default {
        Some(d) => write!(err, "{question} [{d}]: ")?,
        None => write!(err, "{question}: ")?,
    }
    err.flush()?;
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    let answer = line.trim();
    Ok(if answer.is_empty() { default.unwrap_or_default().to_string() } else { answer.to_string() })
}
