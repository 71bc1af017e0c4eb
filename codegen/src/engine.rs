//! The engine: for each descriptor and each point of the profile that applies to it, inspect
//! the target file, and build a [`Plan`] of whole-file changes (apply or remove) on staged
//! in-memory copies. Plans are validated (every edited Go file must still parse) before
//! anything is written, and [`Plan::commit`] writes all files or none.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::backend::{DriftKind, Inspection, Member, Removal, SourceFile};
use crate::descriptor::Descriptor;
use crate::error::{Error, Location, Result};
use crate::files::FileStore;
use crate::profile::{Point, Severity};
use crate::text::{LineEnding, normalize_line_endings, restore_line_endings};
use crate::workspace::Workspace;

/// The state of one point for one provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum PointState {
    Present,
    Missing,
    Drift { message: String },
    /// The descriptor says this point does not apply.
    NotApplicable,
    /// The point's root is not configured, so nothing is known.
    NotChecked { reason: String },
}

/// What kind of inconsistency a finding is; the rule id in JSON, GitHub and SARIF output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingClass {
    /// A registration the descriptor needs is absent.
    Missing,
    /// A registration is present with another value than the descriptor implies.
    Value,
    /// A value differs from the constant's only in case or spelling.
    Spelling,
    /// Only part of a multi-part registration is present.
    Partial,
    /// A registration is present although the descriptor says it does not apply: a
    /// classification mismatch (env lists) or a descriptor field the tree disagrees with.
    NotApplicable,
    /// An entry is listed more than once.
    Duplicate,
    /// A provider defined in the tree has no descriptor.
    NoDescriptor,
    /// A profile consistency rule (`[[checks]]`) is broken.
    Consistency,
    /// The provider exists on one side only: registered with no implementation, or implemented
    /// with no registration (the profile's `[orphans]`).
    Orphan,
}

impl FindingClass {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingClass::Missing => "missing",
            FindingClass::Value => "value",
            FindingClass::Spelling => "spelling",
            FindingClass::Partial => "partial",
            FindingClass::NotApplicable => "not_applicable",
            FindingClass::Duplicate => "duplicate",
            FindingClass::NoDescriptor => "no_descriptor",
            FindingClass::Consistency => "consistency",
            FindingClass::Orphan => "orphan",
        }
    }

    pub const ALL: &'static [FindingClass] = &[
        FindingClass::Missing,
        FindingClass::Value,
        FindingClass::Spelling,
        FindingClass::Partial,
        FindingClass::NotApplicable,
        FindingClass::Duplicate,
        FindingClass::NoDescriptor,
        FindingClass::Consistency,
        FindingClass::Orphan,
    ];

    /// One sentence on what the class means, for SARIF rule descriptions and docs.
    pub fn description(self) -> &'static str {
        match self {
            FindingClass::Missing => "A registration the provider's descriptor needs is absent.",
            FindingClass::Value => "A registration is present with another value than the descriptor implies.",
            FindingClass::Spelling => "A value differs from the constant's value only in case or spelling, so the platform rejects the real name.",
            FindingClass::Partial => "Only part of a multi-part registration is present.",
            FindingClass::NotApplicable => "A registration is present although the descriptor says it does not apply: a classification mismatch or a descriptor field the tree disagrees with.",
            FindingClass::Duplicate => "An entry is listed more than once.",
            FindingClass::NoDescriptor => "A provider defined in the tree has no descriptor.",
            FindingClass::Consistency => "A consistency rule of the platform profile is broken.",
            FindingClass::Orphan => "The provider exists on one side only: registered in the platform with no implementation, or implemented with no registration.",
        }
    }
}

/// One row of a provider's checklist.
#[derive(Debug, Clone, Serialize)]
pub struct PointReport {
    pub provider: String,
    pub point: String,
    pub group: Option<String>,
    pub severity: Severity,
    pub why: String,
    /// What the point registers, in one line.
    pub what: String,
    pub path: PathBuf,
    /// 1-based; for a missing registration, where it would go (0 when there is no line).
    pub line: usize,
    #[serde(flatten)]
    pub state: PointState,
    /// For findings: which kind of inconsistency.
    pub class: Option<FindingClass>,
    /// What `integrate apply` or `check --fix` would do, when the fix is mechanical.
    pub fix: Option<String>,
}

impl PointReport {
    pub fn is_finding(&self) -> bool {
        matches!(self.state, PointState::Missing | PointState::Drift { .. })
    }
}

/// A file staged in memory: its original bytes and the LF-normalised current text.
#[derive(Debug)]
struct Staged {
    original: Option<String>,
    ending: LineEnding,
    mode: Option<u32>,
    current: Option<String>,
    display: PathBuf,
    touched_by: Vec<String>,
}

/// Files staged in memory for a plan.
#[derive(Debug, Default)]
struct Stage {
    files: BTreeMap<PathBuf, Staged>,
}

impl Stage {
    fn get(&mut self, path: &Path, display: &Path) -> Result<&mut Staged> {
        if !self.files.contains_key(path) {
            let (original, mode) = match std::fs::read(path) {
                Ok(bytes) => {
                    let text = String::from_utf8(bytes).map_err(|_| {
                        Error::input(Location::new(display, 0, 0), "file is not UTF-8 text", "integrate edits text files only; check the point's file path")
                    })?;
                    (Some(text), file_mode(path))
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => (None, None),
                Err(e) => return Err(Error::io(path, e)),
            };
            let ending = original.as_deref().map_or(LineEnding::Lf, LineEnding::detect);
            let current = original.as_deref().map(|t| normalize_line_endings(t, ending));
            self.files.insert(
                path.to_path_buf(),
                Staged { original, ending, mode, current, display: display.to_path_buf(), touched_by: Vec::new() },
            );
        }
        Ok(self.files.get_mut(path).expect("inserted above"))
    }
}

#[cfg(unix)]
fn file_mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).ok().map(|m| m.permissions().mode())
}

#[cfg(not(unix))]
fn file_mode(_path: &Path) -> Option<u32> {
    None
}

/// A change to one file.
#[derive(Debug, Clone, Serialize)]
pub struct FileChange {
    pub path: PathBuf,
    pub display: PathBuf,
    pub before: Option<String>,
    /// `None` deletes the file.
    pub after: Option<String>,
    #[serde(skip)]
    pub mode: Option<u32>,
    /// The points whose edits make up this change.
    pub points: Vec<String>,
}

/// What apply or remove would do.
#[derive(Debug, Default, Serialize)]
pub struct Plan {
    pub changes: Vec<FileChange>,
    pub reports: Vec<PointReport>,
    /// Generated files remove keeps because they were edited, with the reason.
    pub kept: Vec<String>,
    /// Registrations apply could not add because their root is read only.
    pub read_only: Vec<String>,
}

/// A point resolved for one descriptor.
struct Resolved<'a> {
    point: &'a Point,
    path: Option<PathBuf>,
    display: PathBuf,
    applies: bool,
    what: String,
}

fn resolve<'a>(ws: &'a Workspace, point: &'a Point, ctx: &minijinja::Value) -> Result<Resolved<'a>> {
    let r = ws.profile.templates.renderer(ctx, &point.id);
    let applies = match &point.when {
        Some(cond) => r.condition(cond)?,
        None => true,
    };
    let rel = r.render("file", &point.file)?;
    let not_vendored = ws.vendored.contains(&point.root)
        && ws.profile.roots.iter().find(|d| d.name == point.root).is_some_and(|d| {
            d.not_vendored.iter().any(|g| globset::Glob::new(g).is_ok_and(|g| g.compile_matcher().is_match(&rel)))
        });
    let path = if not_vendored { None } else { ws.roots.get(&point.root).map(|root| root.join(&rel)) };
    let display = match &path {
        Some(p) => ws.display_path(p),
        None => PathBuf::from(format!("<{}>/{rel}", point.root)),
    };
    Ok(Resolved { point, path, display, applies, what: point.kind.describe(&r)? })
}

/// Why a point is not checked: its root is not configured, or the root is a vendored copy
/// without the point's file.
fn unchecked_reason(ws: &Workspace, point: &Point) -> String {
    if ws.roots.contains_key(&point.root) {
        format!("root `{}` is a vendored copy without this file", point.root)
    } else {
        format!("root `{}` is not configured", point.root)
    }
}

fn report(d: &Descriptor, res: &Resolved<'_>, line: usize, state: PointState) -> PointReport {
    let (class, fix) = match &state {
        PointState::Missing => (Some(FindingClass::Missing), Some(format!("integrate apply {} adds it", d.id))),
        _ => (None, None),
    };
    PointReport {
        class,
        fix,
        provider: d.id.clone(),
        point: res.point.id.clone(),
        group: res.point.group.clone(),
        severity: res.point.severity,
        why: res.point.why.clone(),
        what: res.what.clone(),
        path: res.display.clone(),
        line,
        state,
    }
}

/// Inspects every point for each descriptor without changing anything: the checklist.
pub fn inspect(ws: &Workspace, descriptors: &[Descriptor]) -> Result<Vec<PointReport>> {
    inspect_with(ws, descriptors, &FileStore::new())
}

/// [`inspect`], reading files through `files`. Every (descriptor, point) pair is judged on its
/// own, so the pairs are spread over threads; the reports come back in descriptor order, then
/// point order, and the error returned is the first one in that order, as a sequential run
/// would return it.
pub fn inspect_with(ws: &Workspace, descriptors: &[Descriptor], files: &FileStore) -> Result<Vec<PointReport>> {
    let points = &ws.profile.points;
    if descriptors.is_empty() {
        return Ok(Vec::new());
    }
    let contexts: Vec<minijinja::Value> = descriptors.iter().map(|d| ws.context(d)).collect();
    let shared = shared_files(ws, &contexts[0], files);
    // The jobs: first prepare the shared files, largest first (the Go back end outlines them);
    // then the inspections, descriptor by descriptor, each going through the points on the
    // largest files first. Consecutive jobs are different points, so the two threads parse
    // different declarations during the first descriptor instead of one waiting for the
    // other's parse of the same one, and later descriptors find everything parsed.
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by_key(|&p| std::cmp::Reverse(shared.point_sizes[p]));
    let jobs: Vec<Job> = (0..shared.paths.len())
        .map(Job::Prepare)
        .chain((0..descriptors.len()).flat_map(|d| order.iter().map(move |&p| Job::Inspect(d, p))))
        .collect();
    let done = parallel_map(jobs.len(), |j| match jobs[j] {
        Job::Prepare(i) => {
            let path = &shared.paths[i];
            if let Ok(stored) = files.read(path) {
                crate::backend::prepare(path, &SourceFile { display: path, text: stored.normalized(), memo: Some(&stored.memo) });
            }
            None
        }
        Job::Inspect(d, p) => Some((d * points.len() + p, inspect_point(ws, &descriptors[d], &contexts[d], &points[p], files))),
    });
    // Back in descriptor, then point, order; the first error in that order is the one returned.
    let mut reports: Vec<Option<Result<PointReport>>> = (0..descriptors.len() * points.len()).map(|_| None).collect();
    for (i, report) in done.into_iter().flatten() {
        reports[i] = Some(report);
    }
    reports.into_iter().map(|r| r.expect("every pair is inspected once")).collect()
}

/// A unit of [`inspect_with`]'s work.
#[derive(Debug, Clone, Copy)]
enum Job {
    /// Let the back end prepare `SharedFiles::paths[i]`.
    Prepare(usize),
    /// Inspect point `.1` for descriptor `.0`.
    Inspect(usize, usize),
}

/// The files the points read for the first descriptor (most points name the same file for
/// every provider).
struct SharedFiles {
    /// Each file once, largest first.
    paths: Vec<PathBuf>,
    /// The size of each point's file, by point index; 0 when it has none or it does not exist.
    point_sizes: Vec<usize>,
}

/// Reads the files the first descriptor's points name; errors are left for the inspections to
/// report, in order. Their back ends then prepare them (work out what every inspection of
/// the file needs, such as the Go outline) largest first and on all threads, before the
/// inspections that would otherwise wait for each other's preparation of the same file.
fn shared_files(ws: &Workspace, ctx: &minijinja::Value, files: &FileStore) -> SharedFiles {
    let mut sized: Vec<(usize, PathBuf)> = Vec::new();
    let mut point_sizes = Vec::with_capacity(ws.profile.points.len());
    for point in &ws.profile.points {
        let Ok(Resolved { path: Some(path), .. }) = resolve(ws, point, ctx) else {
            point_sizes.push(0);
            continue;
        };
        let size = files.read(&path).ok().and_then(|f| f.raw().map(str::len)).unwrap_or(0);
        point_sizes.push(size);
        if !sized.iter().any(|(_, p)| *p == path) {
            sized.push((size, path));
        }
    }
    sized.sort_by_key(|(size, _)| std::cmp::Reverse(*size));
    SharedFiles { paths: sized.into_iter().map(|(_, p)| p).collect(), point_sizes }
}

/// `f(0)`, ..., `f(n - 1)` in order, computed on as many threads as the machine has cores.
/// Threads take the next index as they finish one, so an expensive item (the first look at a
/// large file) does not hold up the others.
fn parallel_map<T: Send>(n: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get()).min(n);
    if threads <= 1 {
        return (0..n).map(f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut slots: Vec<Option<T>> = (0..n).map(|_| None).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if i >= n {
                            return done;
                        }
                        done.push((i, f(i)));
                    }
                })
            })
            .collect();
        for worker in workers {
            let done = worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (i, value) in done {
                slots[i] = Some(value);
            }
        }
    });
    slots.into_iter().map(|v| v.expect("every index is computed once")).collect()
}

/// One row of the checklist: `point` for descriptor `d` (whose template context is `ctx`).
fn inspect_point(ws: &Workspace, d: &Descriptor, ctx: &minijinja::Value, point: &Point, files: &FileStore) -> Result<PointReport> {
    let res = resolve(ws, point, ctx)?;
    let Some(path) = &res.path else {
        let state = if res.applies { PointState::NotChecked { reason: unchecked_reason(ws, point) } } else { PointState::NotApplicable };
        return Ok(report(d, &res, 0, state));
    };
    let stored = files.source(path)?;
    let r = ws.profile.templates.renderer(ctx, &point.id).presence_only().with_root(ws.roots.get(&point.root).map(PathBuf::as_path)).with_files(Some(files));
    let file = SourceFile { display: &res.display, text: stored.normalized(), memo: Some(&stored.memo) };
    if !res.applies {
        // A registration the descriptor says does not apply, yet is there: the tree
        // and the descriptor disagree (a provider in the wrong env list, a regional
        // network flag that is false, ...). Anchors that are absent do not matter here.
        let mut rep = report(d, &res, 0, PointState::NotApplicable);
        if point.present_anyway {
            return Ok(rep);
        }
        if let Ok(Inspection::Present { line }) = point.kind.inspect(&file, &r) {
            let when = point.when.as_deref().unwrap_or_default();
            rep.line = line;
            rep.state = PointState::Drift { message: format!("{} is registered, but the descriptor says it does not apply (`{when}` is false)", res.what) };
            rep.class = Some(FindingClass::NotApplicable);
            rep.fix = Some(format!("correct descriptors/{}.toml, or `integrate remove` then `apply` after correcting it", d.id));
        }
        return Ok(rep);
    }
    Ok(match point.kind.inspect(&file, &r)? {
        Inspection::Present { line } => report(d, &res, line, PointState::Present),
        Inspection::Drift { line, message, kind } => {
            let mut rep = report(d, &res, line, PointState::Drift { message });
            rep.class = Some(match kind {
                DriftKind::Value => FindingClass::Value,
                DriftKind::Spelling => FindingClass::Spelling,
                DriftKind::Partial => FindingClass::Partial,
            });
            rep
        }
        Inspection::Missing { line, .. } => report(d, &res, line, PointState::Missing),
    })
}

/// Everything `integrate check` reports: every point for every descriptor, findings about the
/// tree as a whole (repeated entries, providers without a descriptor), and the profile's
/// consistency rules.
pub fn check(ws: &Workspace, descriptors: &[Descriptor]) -> Result<Vec<PointReport>> {
    check_with(ws, descriptors, &FileStore::new())
}

/// [`check`], reading every file through `files`, so each is read (and parsed) once.
pub fn check_with(ws: &Workspace, descriptors: &[Descriptor], files: &FileStore) -> Result<Vec<PointReport>> {
    let mut out = inspect_with(ws, descriptors, files)?;
    fold_orphans(ws, &mut out);
    out.extend(tree_findings_with(ws, descriptors, files)?);
    out.extend(run_checks_with(ws, descriptors, files)?);
    Ok(out)
}

/// Every file [`check`] reads for these descriptors, in the order it first reads them: the
/// points' files, the files `present_if` globs search, the files of the profile's checks, and
/// paths it looks for that do not exist. It is the record of a real check run, so it cannot
/// drift from what check does; the benchmark times reading these files as check's floor.
pub fn files_read_by_check(ws: &Workspace, descriptors: &[Descriptor]) -> Result<Vec<PathBuf>> {
    let files = FileStore::new();
    check_with(ws, descriptors, &files)?;
    Ok(files.asked())
}

/// Applies the profile's `[orphans]` rule. A provider is an orphan when one side has it (the
/// rule's point is present) and the other has none of it: every point in the group of the
/// other side's point is missing. Then the missing registrations of that side's root become
/// one `orphan` finding at the present point's line. A provider missing on both sides is new,
/// not an orphan, and one missing file of an otherwise present side stays a plain `missing`.
pub fn fold_orphans(ws: &Workspace, reports: &mut Vec<PointReport>) {
    let Some(rule) = &ws.profile.orphans else { return };
    let point_of = |id: &str| ws.profile.point(id);
    let mut providers: Vec<String> = Vec::new();
    for r in reports.iter() {
        if !providers.contains(&r.provider) {
            providers.push(r.provider.clone());
        }
    }
    for provider in providers {
        let state_of = |id: &str| reports.iter().find(|r| r.provider == provider && r.point == id).map(|r| r.state.clone());
        let (present, absent, consequence) = match (state_of(&rule.registered), state_of(&rule.implemented)) {
            (Some(PointState::Present), Some(PointState::Missing)) => (&rule.registered, &rule.implemented, &rule.registered_only),
            (Some(PointState::Missing), Some(PointState::Present)) => (&rule.implemented, &rule.registered, &rule.implemented_only),
            _ => continue,
        };
        let (Some(present_point), Some(absent_point)) = (point_of(present), point_of(absent)) else { continue };
        let side_present = reports.iter().any(|r| {
            r.provider == provider
                && point_of(&r.point).is_some_and(|p| p.group == absent_point.group)
                && matches!(r.state, PointState::Present | PointState::Drift { .. })
        });
        if side_present {
            continue;
        }
        let absent_root = absent_point.root.clone();
        let is_folded = |r: &PointReport| r.provider == provider && r.state == PointState::Missing && point_of(&r.point).is_some_and(|p| p.root == absent_root);
        let folded: Vec<String> = reports.iter().filter(|r| is_folded(r)).map(|r| r.point.clone()).collect();
        let Some(anchor) = reports.iter().find(|r| r.provider == provider && &r.point == present).cloned() else { continue };
        reports.retain(|r| !is_folded(r));
        let message = format!(
            "{} has it ({present}) but {absent_root} has none of its {} registration(s) ({})",
            present_point.root,
            folded.len(),
            folded.join(", ")
        );
        reports.push(PointReport {
            point: absent.clone(),
            group: Some("orphans".into()),
            severity: rule.severity,
            why: consequence.clone(),
            what: message.clone(),
            state: PointState::Drift { message },
            class: Some(FindingClass::Orphan),
            fix: Some(format!(
                "a decision, so `check --fix` leaves it: add the {absent_root} side (`integrate apply {provider}` writes the {} missing registrations) or take the provider out (`integrate remove {provider}`)",
                folded.len()
            )),
            ..anchor
        });
    }
}

/// Findings that belong to no single descriptor: entries listed twice in the files the
/// profile's points anchor to, and providers of the inventory that no descriptor describes.
/// Files are read through `files`.
pub fn tree_findings_with(ws: &Workspace, descriptors: &[Descriptor], files: &FileStore) -> Result<Vec<PointReport>> {
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for point in &ws.profile.points {
        // Points whose file depends on the descriptor (new files) hold no shared list.
        if point.file.contains("{{") || point.file.contains("{%") {
            continue;
        }
        let Some(root) = ws.roots.get(&point.root) else { continue };
        let path = root.join(&point.file);
        let display = ws.display_path(&path);
        let stored = files.source(&path)?;
        let file = SourceFile { display: &display, text: stored.normalized(), memo: Some(&stored.memo) };
        // A missing anchor is reported per descriptor; here it only means nothing to count.
        let Ok(dups) = point.kind.duplicates(&file) else { continue };
        for dup in dups {
            if !seen.insert((path.clone(), dup.entry.clone(), dup.lines.clone())) {
                continue;
            }
            let provider = descriptors
                .iter()
                .find(|d| dup.entry.contains(&d.names.const_) || dup.entry.eq_ignore_ascii_case(&d.brand) || dup.entry.trim_matches('"') == d.id)
                .map_or_else(|| "*".to_string(), |d| d.id.clone());
            let lines: Vec<String> = dup.lines.iter().map(usize::to_string).collect();
            let message = format!("`{}` is listed {} times (lines {})", dup.entry, dup.lines.len(), lines.join(", "));
            out.push(PointReport {
                provider,
                point: point.id.clone(),
                group: point.group.clone(),
                severity: crate::profile::Severity::Warning,
                why: "a repeated entry hides which one is meant and survives every later edit".into(),
                what: message.clone(),
                path: display.clone(),
                line: dup.lines[1],
                state: PointState::Drift { message },
                class: Some(FindingClass::Duplicate),
                fix: Some(format!("delete the repeat at line {}", dup.lines[1])),
            });
        }
    }
    if let Some((display, members)) = inventory_with(ws, files)? {
        let id = ws.profile.inventory.as_deref().expect("inventory exists");
        let point = ws.profile.point(id).expect("validated");
        let names: Vec<String> = descriptors
            .iter()
            .filter_map(|d| {
                let ctx = ws.context(d);
                let r = ws.profile.templates.renderer(&ctx, id);
                point.spec.get("name").and_then(|v| v.as_str()).and_then(|n| r.render("name", n).ok())
            })
            .collect();
        for m in members.iter().filter(|m| !names.contains(&m.name)) {
            let message = format!("{} = \"{}\" has no descriptor, so nothing checks its registrations", m.name, m.value);
            out.push(PointReport {
                provider: m.value.to_ascii_lowercase(),
                point: id.to_string(),
                group: Some("inventory".into()),
                severity: crate::profile::Severity::Note,
                why: "check can only judge providers it has a descriptor for".into(),
                what: message.clone(),
                path: display.clone(),
                line: m.line,
                state: PointState::Drift { message },
                class: Some(FindingClass::NoDescriptor),
                fix: Some("integrate discover writes one".into()),
            });
        }
    }
    Ok(out)
}

/// Runs the profile's `[[checks]]` over the tree; each finding becomes a report in drift state.
pub fn run_checks(ws: &Workspace, descriptors: &[Descriptor]) -> Result<Vec<PointReport>> {
    run_checks_with(ws, descriptors, &FileStore::new())
}

/// [`run_checks`], the checks reading files through `files`.
pub fn run_checks_with(ws: &Workspace, descriptors: &[Descriptor], files: &FileStore) -> Result<Vec<PointReport>> {
    let display = |p: &Path| ws.display_path(p);
    let ctx = crate::backend::CheckContext { roots: &ws.roots, descriptors, templates: &ws.profile.templates, display: &display, files };
    let mut out = Vec::new();
    for check in &ws.profile.checks {
        for f in check.check.run(&ctx)? {
            let message = match &f.fix {
                Some(fix) => format!("{}; fix: {fix}", f.message),
                None => f.message.clone(),
            };
            out.push(PointReport {
                class: Some(FindingClass::Consistency),
                fix: f.fix.clone(),
                provider: f.provider.clone().unwrap_or_else(|| "*".into()),
                point: check.id.clone(),
                group: Some("consistency".into()),
                severity: check.severity,
                why: check.why.clone(),
                what: f.message,
                path: f.path,
                line: f.line,
                state: PointState::Drift { message },
            });
        }
    }
    Ok(out)
}

/// The providers the tree already defines, read from the profile's inventory point.
pub fn inventory(ws: &Workspace) -> Result<Option<(PathBuf, Vec<Member>)>> {
    inventory_with(ws, &FileStore::new())
}

/// [`inventory`], reading the file through `files`.
pub fn inventory_with(ws: &Workspace, files: &FileStore) -> Result<Option<(PathBuf, Vec<Member>)>> {
    let Some(id) = &ws.profile.inventory else { return Ok(None) };
    let point = ws.profile.point(id).expect("validated when the profile loaded");
    let Some(root) = ws.roots.get(&point.root) else { return Ok(None) };
    // The inventory file must not depend on a descriptor.
    let ctx = minijinja::Value::from_serialize(serde_json::json!({}));
    let rel = ws.profile.templates.renderer(&ctx, id).render("file", &point.file)?;
    let path = root.join(rel);
    let display = ws.display_path(&path);
    let stored = files.source(&path)?;
    let members = point.kind.members(&SourceFile { display: &display, text: stored.normalized(), memo: Some(&stored.memo) })?;
    Ok(Some((display, members)))
}

/// Refuses a descriptor whose constant or brand is already used by another provider in the
/// tree. With `is_new`, an exact match (the provider already exists) is refused too.
pub fn check_collisions(ws: &Workspace, d: &Descriptor, is_new: bool) -> Result<()> {
    check_collisions_with(ws, d, is_new, &FileStore::new())
}

/// [`check_collisions`], reading the inventory through `files`.
fn check_collisions_with(ws: &Workspace, d: &Descriptor, is_new: bool, files: &FileStore) -> Result<()> {
    let Some((display, members)) = inventory_with(ws, files)? else { return Ok(()) };
    let id = ws.profile.inventory.as_deref().expect("inventory exists");
    let point = ws.profile.point(id).expect("validated");
    let ctx = ws.context(d);
    let r = ws.profile.templates.renderer(&ctx, id);
    let Some(name) = point.spec.get("name").and_then(|v| v.as_str()).map(|n| r.render("name", n)).transpose()? else { return Ok(()) };
    let mut errors = Vec::new();
    for m in &members {
        let same_name = m.name == name;
        let same_brand = m.value.eq_ignore_ascii_case(&d.brand);
        let same_id = m.value.eq_ignore_ascii_case(&d.id) || m.name.to_ascii_lowercase().ends_with(&format!("_{}", d.id));
        // The same entry with the brand in another case is the same provider: check reports the
        // spelling (a `spelling` finding) where it matters, at the registrations that differ.
        if same_name && same_brand {
            if is_new {
                errors.push(Error::input(
                    d.field_location("id"),
                    format!("provider {name} = \"{}\" already exists at {}:{}", m.value, display.display(), m.line),
                    "choose another id and brand, or run `integrate discover` to write a descriptor for the existing provider",
                ));
            }
            continue;
        }
        if same_name {
            errors.push(Error::input(
                d.field_location("const"),
                format!("{name} already exists at {}:{} with value \"{}\", not \"{}\"", display.display(), m.line, m.value, d.brand),
                "choose another id (or [names] const), or set brand to the existing value",
            ));
        } else if same_brand {
            errors.push(Error::input(
                d.field_location("brand"),
                format!("brand \"{}\" collides with {} = \"{}\" at {}:{}", d.brand, m.name, m.value, display.display(), m.line),
                "brands are compared case-insensitively; choose another brand",
            ));
        } else if same_id {
            errors.push(Error::input(
                d.field_location("id"),
                format!("id `{}` collides with {} = \"{}\" at {}:{}", d.id, m.name, m.value, display.display(), m.line),
                "choose another id",
            ));
        }
    }
    Error::collect(errors)
}

/// Plans adding every missing registration of the descriptors.
pub fn plan_apply(ws: &Workspace, descriptors: &[Descriptor]) -> Result<Plan> {
    plan_apply_where(ws, descriptors, None)
}

/// The plan of `check --fix`: only the registrations named as (provider, point) pairs, the
/// findings whose fix is mechanical.
pub fn plan_fix(ws: &Workspace, descriptors: &[Descriptor], only: &std::collections::BTreeSet<(String, String)>) -> Result<Plan> {
    plan_apply_where(ws, descriptors, Some(only))
}

fn plan_apply_where(ws: &Workspace, descriptors: &[Descriptor], only: Option<&std::collections::BTreeSet<(String, String)>>) -> Result<Plan> {
    let mut errors = Vec::new();
    // The inventory is read and parsed once for all descriptors.
    let files = FileStore::new();
    for d in descriptors {
        if let Err(e) = check_collisions_with(ws, d, false, &files) {
            errors.push(e);
        }
    }
    Error::collect(errors)?;
    let mut stage = Stage::default();
    let mut plan = Plan::default();
    for d in descriptors {
        let ctx = ws.context(d);
        for point in &ws.profile.points {
            if only.is_some_and(|only| !only.contains(&(d.id.clone(), point.id.clone()))) {
                continue;
            }
            let res = resolve(ws, point, &ctx)?;
            if !res.applies {
                plan.reports.push(report(d, &res, 0, PointState::NotApplicable));
                continue;
            }
            let Some(path) = res.path.clone() else {
                plan.reports.push(report(d, &res, 0, PointState::NotChecked { reason: unchecked_reason(ws, point) }));
                continue;
            };
            let staged = stage.get(&path, &res.display)?;
            let read_only = ws.read_only.contains(&point.root);
            let r = ws.profile.templates.renderer(&ctx, &point.id).with_root(ws.roots.get(&point.root).map(PathBuf::as_path));
            let file = SourceFile::new(&res.display, staged.current.as_deref());
            let inspection = point.kind.inspect(&file, &r)?;
            let (line, state) = match inspection {
                Inspection::Present { line } => (line, PointState::Present),
                Inspection::Drift { line, message, .. } => (line, PointState::Drift { message }),
                Inspection::Missing { line, .. } if read_only => {
                    plan.read_only.push(format!("{}:{line}: {} is missing, but root `{}` is read only; add it in its own checkout", res.display.display(), res.what, point.root));
                    (line, PointState::Missing)
                }
                Inspection::Missing { line, updated } => {
                    staged.current = Some(updated);
                    staged.touched_by.push(point.id.clone());
                    (line, PointState::Missing)
                }
            };
            plan.reports.push(report(d, &res, line, state));
        }
    }
    finish(stage, plan)
}

/// Plans taking out exactly what apply added for the descriptors. Generated files that were
/// edited since are kept (and listed in [`Plan::kept`]) unless `force`.
pub fn plan_remove(ws: &Workspace, descriptors: &[Descriptor], force: bool) -> Result<Plan> {
    let mut stage = Stage::default();
    let mut plan = Plan::default();
    for d in descriptors {
        let ctx = ws.context(d);
        for point in ws.profile.points.iter().rev() {
            let res = resolve(ws, point, &ctx)?;
            if !res.applies {
                continue;
            }
            let Some(path) = res.path.clone() else { continue };
            if ws.read_only.contains(&point.root) {
                continue;
            }
            let staged = stage.get(&path, &res.display)?;
            let r = ws.profile.templates.renderer(&ctx, &point.id);
            let file = SourceFile::new(&res.display, staged.current.as_deref());
            match point.kind.remove(&file, &r, force)? {
                Removal::Absent => {}
                Removal::Rewrite(text) => {
                    staged.current = Some(text);
                    staged.touched_by.push(point.id.clone());
                }
                Removal::DeleteFile => {
                    staged.current = None;
                    staged.touched_by.push(point.id.clone());
                }
                Removal::KeepEdited(reason) => plan.kept.push(reason),
            }
        }
    }
    finish(stage, plan)
}

/// Validates staged files and turns them into changes.
fn finish(stage: Stage, mut plan: Plan) -> Result<Plan> {
    let mut errors = Vec::new();
    for (path, staged) in stage.files {
        let before_normalized = staged.original.as_deref().map(|t| normalize_line_endings(t, staged.ending));
        if staged.current == before_normalized {
            continue;
        }
        if let Some(text) = &staged.current {
            if path.extension().is_some_and(|e| e == "go") {
                let tree = crate::backend::go::syntax::parse(text);
                if let Some((offset, what)) = crate::backend::go::syntax::first_error(&tree) {
                    let (line, column) = crate::text::line_col(text, offset);
                    errors.push(Error::Syntax {
                        at: Location::new(&staged.display, line, column),
                        message: format!("after the edits of {} the file would not parse ({what})", staged.touched_by.join(", ")),
                        hint: "nothing was written; this is a bug in the profile or its templates, please report it".into(),
                    });
                    continue;
                }
            }
        }
        let after = staged.current.as_deref().map(|t| restore_line_endings(t, staged.ending));
        plan.changes.push(FileChange { path, display: staged.display, before: staged.original, after, mode: staged.mode, points: staged.touched_by });
    }
    Error::collect(errors)?;
    Ok(plan)
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// A unified diff of every change, `a/` and `b/` prefixed like git's.
    pub fn unified_diff(&self) -> String {
        let mut out = String::new();
        for change in &self.changes {
            out.push_str(&crate::diff::unified(&change.display, change.before.as_deref(), change.after.as_deref()));
        }
        out
    }

    /// Writes every change or none: each new content goes to a temporary file beside its
    /// target first, then all are renamed into place; if any step fails, files already replaced
    /// are restored from their original bytes and new files and directories are removed.
    pub fn commit(&self, ws: &Workspace) -> Result<()> {
        let _lock = ws.lock()?;
        crate::commit::write_all(&self.changes)
    }
}

/// Plans `integrate new`: the descriptor file itself plus everything apply adds for it, so the
/// descriptor is written only together with its registrations. A provider that already exists
/// in the tree is refused.
pub fn plan_new(ws: &Workspace, d: &Descriptor) -> Result<Plan> {
    ws.profile.check_section(d)?;
    check_collisions(ws, d, true)?;
    let mut plan = plan_apply(ws, std::slice::from_ref(d))?;
    let path = ws.descriptor_path(&d.id);
    if !path.exists() {
        plan.changes.insert(
            0,
            FileChange {
                display: ws.display_path(&path),
                path,
                before: None,
                after: Some(d.to_toml()),
                mode: None,
                points: vec!["descriptor".into()],
            },
        );
    }
    Ok(plan)
}

/// The command line of the profile's account import for `d`: the program and its arguments,
/// rendered once with the real values (to run) and once with secrets masked (to show).
pub fn account_import_command(
    ws: &Workspace,
    d: &Descriptor,
    name: &str,
    cred: &crate::validation::Credential,
) -> Result<Option<(String, Vec<String>, Vec<String>)>> {
    let Some(import) = &ws.profile.account_import else { return Ok(None) };
    let render = |masked: bool| -> Result<Vec<String>> {
        let mut ctx = serde_json::to_value(ws.context(d)).unwrap_or_default();
        let key_id = if masked { cred.key_id_or_user.masked() } else { cred.key_id_or_user.expose().to_string() };
        let secret = if masked { cred.secret.masked() } else { cred.secret.expose().to_string() };
        if let Some(obj) = ctx.as_object_mut() {
            obj.insert(
                "account".into(),
                serde_json::json!({"name": name, "key_id": key_id, "secret": secret, "endpoint": cred.endpoint.clone().unwrap_or_default()}),
            );
        }
        let ctx = minijinja::Value::from_serialize(ctx);
        let r = ws.profile.templates.renderer(&ctx, "account_import");
        let mut args = Vec::new();
        for arg in &import.args {
            let a = r.render("args", arg)?;
            if !a.is_empty() {
                args.push(a);
            }
        }
        Ok(args)
    };
    Ok(Some((import.program.clone(), render(false)?, render(true)?)))
}

/// Plans writing the descriptors discover produced (new ones, and changed ones with --update).
pub fn plan_descriptors(ws: &Workspace, found: &[crate::discover::Discovered]) -> Plan {
    let mut plan = Plan::default();
    for d in found.iter().filter(|d| matches!(d.action, "written" | "updated")) {
        plan.changes.push(FileChange {
            display: ws.display_path(&d.path),
            path: d.path.clone(),
            before: std::fs::read_to_string(&d.path).ok(),
            after: Some(d.text.clone()),
            mode: None,
            points: vec!["discover".into()],
        });
    }
    plan
}
