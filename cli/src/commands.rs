//! Argument definitions (clap derive) and the dispatch of each subcommand onto the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use integrate_codegen::descriptor::Descriptor;
use integrate_codegen::engine::{self, Run};
use integrate_codegen::verify::{StepStatus, VerifyEvent};
use integrate_codegen::{Severity, Workspace, WorkspaceOptions};

use crate::output;
use crate::stdio::stderr;

#[derive(Debug, Parser)]
#[command(name = "integrate", version, propagate_version = true, about = "Turn one provider descriptor into every registration a multi-cloud platform needs, and check that none is missing.")]
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
    /// Use this profile instead of the workspace's: a built-in name (cloudpods, cccmo,
    /// gardener-mcm, openpitrix), a profile .toml file, or a directory holding profile.toml.
    #[arg(long, global = true, value_name = "NAME|FILE")]
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
    /// Write descriptors/<id>.toml from the flags (on a terminal, asking for what they leave
    /// out) and apply it.
    New(crate::new_provider::NewArgs),
    /// Add every missing registration of the descriptors (all when none is named).
    Apply {
        /// Providers to apply (descriptor ids); all descriptors when none is named.
        #[arg(value_name = "ID")]
        ids: Vec<String>,
        /// Print the unified diff and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Report missing or drifted registrations; exit 1 when there are findings. Gates the
    /// providers the workspace's descriptors describe; --all gates the whole tree.
    Check {
        /// Report only these providers' findings (descriptor ids); every descriptor's when none is named.
        #[arg(value_name = "ID", conflicts_with = "all")]
        ids: Vec<String>,
        /// Gate the whole tree: every provider of the inventory (those without a descriptor are
        /// checked with one discovered in memory, as `integrate discover` would write it) and the
        /// findings about the tree as a whole.
        #[arg(long)]
        all: bool,
        /// Lowest severity that makes check fail.
        #[arg(long, value_enum, default_value = "note")]
        severity: SeverityArg,
        /// How findings are printed (the summary goes to standard error in every format).
        #[arg(long, value_enum, default_value = "human")]
        format: crate::output::CheckFormat,
        /// Apply the mechanical fixes (what `integrate apply` would do), then check again.
        #[arg(long)]
        fix: bool,
        /// Also print the version facts detected on the trees and which points they switched
        /// to another form or off (the JSON output always carries them).
        #[arg(long)]
        explain: bool,
    },
    /// Take out exactly what apply added for a provider.
    Remove {
        /// The provider to take out (its descriptor id).
        id: String,
        /// Also delete generated files and registrations that were edited since.
        #[arg(long)]
        force: bool,
        /// Remove a provider integrate did not add (no ledger): every registration the profile
        /// declares for it, as if integrate had added them.
        #[arg(long)]
        adopt: bool,
        /// Print the unified diff of what would be taken out and write nothing.
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
        /// Print the descriptors that would be written, as a diff, and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Prove an integration works: build the touched packages, run the debug CLI with a wrong
    /// key, and ask the registries at run time (steps from the profile). Exit 1 when a step fails.
    Verify {
        /// The provider to verify (its descriptor id).
        id: String,
        /// Copy the edited cloudmux packages into cloudpods' vendor/ as `go mod vendor` would.
        /// Without it, verify compares first and stops before building when a copy differs.
        #[arg(long)]
        sync_vendor: bool,
        /// How the steps are reported: lines as they run, or one JSON document at the end.
        #[arg(long, value_enum, default_value = "human")]
        format: crate::account::Format,
    },
    /// Copy the bundled sample platform to a temporary directory, run `new testcloud` there,
    /// and print the diff and the check result.
    Demo {
        /// Keep the temporary directory and print its path.
        #[arg(long)]
        keep: bool,
        /// Which bundled sample platform to show.
        #[arg(long, value_enum, default_value = "cloudpods")]
        platform: DemoPlatform,
    },
    /// Validate a live account, or import it into the platform.
    Account {
        #[command(subcommand)]
        command: crate::account::AccountCommand,
    },
    /// Print the reference page of a profile's registration points (Markdown).
    Docs,
    /// Print shell completions.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page of integrate (roff), or write one page per subcommand.
    Man {
        /// Write integrate.1 and a page for every subcommand (integrate-check.1, ...) into DIR.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// The terminal UI: providers, checklists, apply with diff preview, account validation.
    Tui {
        /// Turn off TLS certificate verification for validations (shown on every screen).
        #[arg(long)]
        insecure: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DemoPlatform {
    /// cloudpods + cloudmux (Go): `new testcloud`.
    Cloudpods,
    /// Apache OpenDAL (Rust): `new acmefs`.
    Opendal,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SeverityArg {
    /// Every finding fails.
    Note,
    /// Warnings and errors fail; notes are reported only.
    Warning,
    /// Only errors fail.
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

/// Opens the workspace and, before anything reads its trees, finishes a commit that a killed
/// run left there (one line on stderr says what was done).
pub fn open_workspace(global: &GlobalArgs) -> Result<Workspace> {
    let cwd = std::env::current_dir().context("reading the current directory")?;
    let opts = WorkspaceOptions { config: global.config.clone(), profile: global.profile.clone(), roots: global.roots.clone() };
    let ws = Workspace::open(&cwd, &opts)?;
    if let Some(recovery) = integrate_codegen::commit::recover(&ws.base)? {
        eprintln!("integrate: {recovery}");
    }
    Ok(ws)
}

pub fn run(cli: Cli) -> Result<u8> {
    let command = match cli.command {
        Some(c) => c,
        None if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() => Command::Tui { insecure: false },
        None => {
            write!(crate::stdio::out(), "{}", Cli::command().render_help())?;
            return Ok(2);
        }
    };
    if let Command::Tui { insecure } = command {
        let ws = open_workspace(&cli.global)?;
        integrate_tui::run_with(ws, integrate_tui::Options { insecure })?;
        return Ok(0);
    }
    let mut out = crate::stdio::out();
    let code = dispatch(&cli.global, command, &mut out)?;
    out.flush()?;
    Ok(code)
}

fn dispatch(global: &GlobalArgs, command: Command, out: &mut dyn Write) -> Result<u8> {
    match command {
        Command::Tui { .. } => unreachable!("handled above"),
        Command::New(args) => cmd_new(global, args, out),
        Command::Apply { ids, dry_run } => {
            let ws = open_workspace(global)?;
            let descriptors = ws.load_descriptors(&ids)?;
            if descriptors.is_empty() {
                bail!("no descriptors in {}; create one with `integrate new <id>`", ws.descriptors_dir.display());
            }
            let plan = run_with_neighbours(&ws)?.plan_apply(&descriptors)?;
            for note in &plan.read_only {
                stderr!("not applied: {note}");
            }
            finish_plan(&ws, &plan, dry_run, "apply", out)
        }
        Command::Check { ids, all, severity, format, fix, explain } => {
            let ws = open_workspace(global)?;
            let mut descriptors = ws.load_descriptors(&ids)?;
            if descriptors.is_empty() && !all {
                bail!(
                    "no descriptors in {}: nothing to gate; `integrate new <id>` writes one, `integrate check --all` checks every provider of the tree",
                    ws.descriptors_dir.display()
                );
            }
            if fix {
                // Only what is mechanically fixable: missing registrations, not the ones an
                // orphan finding stands for (adding or dropping a side is a decision).
                let run = run_with_neighbours(&ws)?;
                let fixable: std::collections::BTreeSet<(String, String)> = run
                    .check(&descriptors)?
                    .into_iter()
                    .filter(|r| r.class == Some(engine::FindingClass::Missing))
                    .map(|r| (r.provider, r.point))
                    .collect();
                let plan = run.plan_fix(&descriptors, &fixable)?;
                if !plan.is_empty() {
                    plan.commit(&ws)?;
                    for change in &plan.changes {
                        stderr!("fixed {}", change.display.display());
                    }
                }
            }
            // A new run: --fix may have written files the first one read.
            let run = Run::new(&ws);
            let owned: Vec<String> = descriptors.iter().map(|d| d.id.clone()).collect();
            if all {
                let (found, mut progress) = undescribed_with_progress(&run, &descriptors, "discovering the providers without a descriptor")?;
                if found.is_empty() {
                    // Every provider is described (or the profile has no inventory): nothing to say.
                    drop(progress);
                } else {
                    progress.finish(&format!("check --all: {} provider(s) without a descriptor, checked with the discovered one", found.len()));
                }
                descriptors.extend(found);
            }
            let mut reports = run.check(&descriptors)?;
            if !ids.is_empty() {
                // Named providers: only their findings, not those of the tree as a whole.
                reports.retain(|r| ids.contains(&r.provider));
            } else if !all {
                // The workspace's providers: findings about others, or about the tree as a whole,
                // are counted on standard error, not gated.
                let outside: Vec<&engine::PointReport> = reports.iter().filter(|r| r.is_finding() && !owned.contains(&r.provider)).collect();
                if !outside.is_empty() {
                    let undescribed = outside.iter().filter(|r| r.class == Some(engine::FindingClass::NoDescriptor)).count();
                    stderr!(
                        "not gated: {} finding(s) outside the {} provider(s) of descriptors/ ({undescribed} provider(s) of the tree have no descriptor); `integrate check --all` gates the whole tree",
                        outside.len(),
                        owned.len()
                    );
                }
                reports.retain(|r| owned.contains(&r.provider));
            }
            let versions = run.versions();
            let shown = (explain || format == output::CheckFormat::Json).then_some(&versions);
            let code = output::report_check(&reports, severity.into(), format, shown, out);
            // The process ends here; freeing every parsed tree node by node would only delay it
            // (about a tenth of check's time on cloudpods + cloudmux).
            std::mem::forget(run);
            code
        }
        Command::Remove { id, force, adopt, dry_run, sync_vendor } => {
            let ws = open_workspace(global)?;
            let descriptors = ws.load_descriptors(std::slice::from_ref(&id))?;
            let plan = Run::new(&ws).plan_remove(&descriptors, force, adopt)?;
            for reason in &plan.kept {
                stderr!("kept: {reason}");
            }
            let code = finish_plan(&ws, &plan, dry_run, "remove", out)?;
            if sync_vendor && !dry_run {
                for path in integrate_codegen::verify::sync_vendor(&ws, &descriptors[0])? {
                    writeln!(out, "synced {}", path.display())?;
                }
            }
            Ok(code)
        }
        Command::List => {
            let ws = open_workspace(global)?;
            let descriptors = ws.load_descriptors(&[])?;
            let reports = Run::new(&ws).inspect(&descriptors)?;
            for d in &descriptors {
                let (present, applicable, unchecked) = output::completeness(&reports, &d.id);
                let badge = if present == applicable { "complete" } else { "incomplete" };
                let extra = if unchecked > 0 { format!(", {unchecked} not checked") } else { String::new() };
                writeln!(out, "{:<16} {:<14} {present}/{applicable} registrations {badge}{extra}", d.id, d.brand)?;
            }
            Ok(0)
        }
        Command::Verify { id, sync_vendor, format } => {
            let ws = open_workspace(global)?;
            let d = ws.load_descriptors(std::slice::from_ref(&id))?.remove(0);
            let opts = integrate_codegen::verify::VerifyOptions { sync_vendor };
            let human = format == crate::account::Format::Human;
            let mut progress = crate::progress::Progress::on_stderr();
            let results = integrate_codegen::verify::verify(&ws, &d, &opts, &mut |event| match event {
                VerifyEvent::Started { name, command } => progress.start(&format!("{name}: $ {command}")),
                VerifyEvent::Finished(r) => {
                    let (mark, detail) = match &r.status {
                        StepStatus::Passed => ("ok  ", String::new()),
                        StepStatus::Failed { reason } => ("FAIL", format!(": {reason}")),
                        StepStatus::Skipped { reason } => ("skip", format!(": {reason}")),
                    };
                    progress.finish(&format!("{mark} {} ({:.1} s){detail}", r.name, r.elapsed_ms as f64 / 1000.0));
                    if matches!(r.status, StepStatus::Failed { .. }) && !r.output.is_empty() {
                        for line in r.output.lines() {
                            stderr!("     | {line}");
                        }
                    }
                }
            })?;
            drop(progress);
            if !human {
                writeln!(out, "{}", serde_json::to_string_pretty(&serde_json::json!({ "schema": 1, "provider": id, "steps": results }))?)?;
            }
            let failed = results.iter().filter(|r| matches!(r.status, integrate_codegen::verify::StepStatus::Failed { .. })).count();
            if human {
                let skipped = results.iter().filter(|r| matches!(r.status, StepStatus::Skipped { .. })).count();
                writeln!(out, "verify {id}: {} step(s), {failed} failed, {skipped} skipped", results.len())?;
                if !sync_vendor && results.iter().any(|r| matches!(&r.status, StepStatus::Failed { reason } | StepStatus::Skipped { reason } if reason.contains("--sync-vendor"))) {
                    writeln!(out, "verify {id}: the consumer's vendor/ is stale; run `integrate verify {id} --sync-vendor` to copy the edited packages into it")?;
                }
            }
            Ok(if failed > 0 { 1 } else { 0 })
        }
        Command::Discover { update, dry_run } => {
            let ws = open_workspace(global)?;
            let run = Run::new(&ws);
            let mut progress = crate::progress::Progress::on_stderr();
            let found = integrate_codegen::discover::discover_in(&run, update, &mut |done, total, name| {
                if done == 0 {
                    progress.start_counted("discover: inferring descriptors", total);
                }
                progress.item(name);
            })?;
            progress.finish(&format!("discover: {} provider(s) inferred", found.len()));
            drop(progress);
            let plan = integrate_codegen::discover::plan_descriptors(&ws, &found);
            for d in &found {
                // A dry run says what it would do: it writes nothing.
                let action = match (dry_run, d.action) {
                    (true, "written") => "would write",
                    (true, "updated") => "would update",
                    (_, action) => action,
                };
                writeln!(out, "{action:<12} {}", ws.display_path(&d.path).display())?;
            }
            if dry_run {
                write!(out, "{}", plan.unified_diff())?;
                writeln!(out, "discover: {} provider(s), {} descriptor file(s) would be written (dry run)", found.len(), plan.changes.len())?;
                return Ok(0);
            }
            if !plan.is_empty() {
                plan.commit(&ws)?;
            }
            writeln!(out, "discover: {} provider(s), {} descriptor file(s) written", found.len(), plan.changes.len())?;
            Ok(0)
        }
        Command::Demo { keep, platform } => crate::demo::run(keep, platform == DemoPlatform::Opendal, out),
        Command::Account { command } => {
            let ws = open_workspace(global)?;
            crate::account::run(&ws, command, out)
        }
        Command::Docs => {
            let ws = open_workspace(global)?;
            write!(out, "{}", integrate_codegen::docs::profile_reference(&ws.profile))?;
            Ok(0)
        }
        Command::Completions { shell } => {
            // Generated in memory: clap_complete panics when its writer fails (a closed pipe).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "integrate", &mut script);
            out.write_all(&script)?;
            Ok(0)
        }
        Command::Man { dir: None } => {
            out.write_all(&crate::man::page(Cli::command())?)?;
            Ok(0)
        }
        Command::Man { dir: Some(dir) } => {
            for path in crate::man::write_pages(Cli::command(), &dir)? {
                writeln!(out, "wrote {}", path.display())?;
            }
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

fn cmd_new(global: &GlobalArgs, args: crate::new_provider::NewArgs, out: &mut dyn Write) -> Result<u8> {
    let ws = open_workspace(global)?;
    let path = ws.descriptor_path(&args.id);
    let descriptor = if path.exists() {
        Descriptor::load(&path)?
    } else {
        let text = crate::new_provider::descriptor_text(&args)?;
        Descriptor::parse(&path, &text)?
    };
    let plan = run_with_neighbours(&ws)?.plan_new(&descriptor)?;
    finish_plan(&ws, &plan, args.dry_run, "new", out)
}

/// A run that knows the tree's providers without a descriptor (discovered in memory, with
/// progress on standard error), so apply, `check --fix` and new refuse a descriptor whose
/// derived names are another provider's registrations.
fn run_with_neighbours(ws: &Workspace) -> Result<Run<'_>> {
    let mut run = Run::new(ws);
    // A descriptor that does not load is reported when it is the one applied.
    let described = ws.load_descriptors(&[]).unwrap_or_default();
    let (found, mut progress) = undescribed_with_progress(&run, &described, "reading the tree's other providers (their names are not to be taken)")?;
    if !found.is_empty() {
        progress.finish(&format!("compared with {} provider(s) of the tree without a descriptor", found.len()));
    }
    run.set_neighbours(found);
    Ok(run)
}

/// The tree's providers without a descriptor, discovered in memory under a progress line
/// saying `what` on standard error; the progress is the caller's to finish.
fn undescribed_with_progress(run: &Run, described: &[Descriptor], what: &str) -> Result<(Vec<Descriptor>, crate::progress::Progress)> {
    let mut progress = crate::progress::Progress::on_stderr();
    let found = integrate_codegen::discover::undescribed(run, described, &mut |done, total, name| {
        if done == 0 {
            progress.start_counted(what, total);
        }
        progress.item(name);
    })?;
    Ok((found, progress))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    /// Every subcommand, argument, flag and choice of a value says what it is for in `--help`
    /// (and so in the man pages and completions generated from the same definitions).
    #[test]
    fn every_subcommand_argument_and_choice_has_help() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                let name = format!("{path} {}", arg.get_long().map_or_else(|| format!("<{}>", arg.get_id()), |l| format!("--{l}")));
                if arg.is_hide_set() {
                    continue;
                }
                if arg.get_help().is_none() {
                    missing.push(name.clone());
                }
                // A shell's name says what it is.
                if arg.get_id() != "shell" {
                    for value in arg.get_possible_values().iter().filter(|v| !v.is_hide_set() && v.get_help().is_none()) {
                        missing.push(format!("{name}={}", value.get_name()));
                    }
                }
            }
            for sub in cmd.get_subcommands() {
                let sub_path = format!("{path} {}", sub.get_name());
                if sub.get_about().is_none() {
                    missing.push(sub_path.clone());
                }
                walk(sub, &sub_path, missing);
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        walk(&cmd, "integrate", &mut missing);
        assert!(missing.is_empty(), "without help text:\n{}", missing.join("\n"));
        assert!(cmd.get_subcommands().count() >= 13, "the walk saw the whole tree");
    }
}
