//! Plans: the whole-file changes apply, `check --fix`, new and remove would make. Each point's
//! edit is made on a staged in-memory copy of its file, so later points see earlier edits;
//! [`finish`] then refuses the plan if an edited Go file would not parse, and turns the staged
//! files into [`FileChange`]s. [`Plan::commit`] writes all of them or none.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use super::collisions::check_collisions;
use super::ownership::{Registration, Seen};
use super::redeclared::{StagedGo, foreign_packages, redeclarations};
use super::report::{PointReport, PointState};
use super::resolve::{report, resolve, unchecked_reason};
use crate::backend::{Inspection, Removal, SourceFile};
use crate::change::FileChange;
use crate::descriptor::Descriptor;
use crate::error::{Error, Location, Result};
use crate::files::{FileStore, Memo, StoredFile, TextEdit};
use crate::ledger::{self, Entry, Ledger};
use crate::text::{LineEnding, normalize_line_endings, restore_line_endings};
use crate::workspace::Workspace;

/// A file staged in memory: its original bytes and the LF-normalised current text, with the
/// memo back ends keep about that text.
#[derive(Debug)]
struct Staged {
    /// The file as the run's store read it; its memo covers the unedited text.
    stored: Arc<StoredFile>,
    original: Option<String>,
    ending: LineEnding,
    mode: Option<u32>,
    current: Option<String>,
    /// What back ends keep about `current` once an edit made it differ from the stored text;
    /// `None` until then, when the store's memo covers it.
    edited: Option<Arc<Memo>>,
    display: PathBuf,
    touched_by: Vec<String>,
}

impl Staged {
    /// The current text as back ends see it, with the memo that covers it: later inspections of
    /// an edited file parse only the declarations they look at, as they do in the original.
    fn source<'a>(&'a self, display: &'a Path) -> SourceFile<'a> {
        SourceFile { display, text: self.current.as_deref(), memo: Some(self.edited.as_ref().unwrap_or(&self.stored.memo)) }
    }

    /// Replaces the current text by an edit of `point`, with a fresh memo for the new text that
    /// knows the memo of the old text and the edit, so a back end may update what it kept
    /// (the Go back end re-parses incrementally) instead of starting over.
    fn edit(&mut self, text: Option<String>, point: &str, whole_files: bool) {
        let previous = self.edited.clone().unwrap_or_else(|| self.stored.memo.clone());
        let memo = match (&self.current, &text) {
            (Some(old), Some(new)) if !whole_files => Memo::edited_from(previous, TextEdit::between(old, new)),
            _ => Memo::new(whole_files),
        };
        self.current = text;
        self.edited = Some(Arc::new(memo));
        self.touched_by.push(point.to_string());
    }
}

/// Files staged in memory for a plan, read through the run's store.
#[derive(Debug)]
struct Stage<'f> {
    store: &'f FileStore,
    files: BTreeMap<PathBuf, Staged>,
}

impl<'f> Stage<'f> {
    fn new(store: &'f FileStore) -> Self {
        Self { store, files: BTreeMap::new() }
    }

    fn get(&mut self, path: &Path, display: &Path) -> Result<&mut Staged> {
        if !self.files.contains_key(path) {
            let stored = match self.store.read(path) {
                Ok(stored) => stored,
                Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                    return Err(Error::input(Location::new(display, 0, 0), "file is not UTF-8 text", "integrate edits text files only; check the point's file path"));
                }
                Err(e) => return Err(crate::commit::target::refusal(path, display, e)),
            };
            let original = stored.raw().map(str::to_string);
            let mode = original.as_ref().and_then(|_| file_mode(path));
            let ending = original.as_deref().map_or(LineEnding::Lf, LineEnding::detect);
            let current = stored.normalized().map(str::to_string);
            self.files.insert(
                path.to_path_buf(),
                Staged { stored, original, ending, mode, current, edited: None, display: display.to_path_buf(), touched_by: Vec::new() },
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

/// Plans adding every missing registration of the descriptors, or with `only` (the plan of
/// `check --fix`) just the registrations named as (provider, point) pairs. The inventory is
/// read through `files`, once for all descriptors.
pub(super) fn plan_apply(
    ws: &Workspace,
    files: &FileStore,
    descriptors: &[Descriptor],
    only: Option<&BTreeSet<(String, String)>>,
    neighbours: &[Descriptor],
) -> Result<Plan> {
    let mut errors = Vec::new();
    let inventory = super::collisions::inventory(ws, files)?;
    for d in descriptors {
        if let Err(e) = super::collisions::collides(ws, d, false, inventory.as_ref()) {
            errors.push(e);
        }
    }
    // The other providers: the workspace's other descriptors (one that does not load is
    // reported when it is applied itself) and those the front end discovered.
    let mut others: Vec<Descriptor> = ws.load_descriptors(&[]).unwrap_or_default();
    others.retain(|n| !descriptors.iter().any(|d| d.id == n.id));
    others.extend(neighbours.iter().filter(|n| !descriptors.iter().any(|d| d.id == n.id)).cloned());
    errors.extend(super::findings::blocking_findings(ws, files, descriptors)?);
    Error::collect(errors)?;
    let mut editors: BTreeMap<PathBuf, Vec<&Descriptor>> = BTreeMap::new();
    let mut stage = Stage::new(files);
    let mut plan = Plan::default();
    let mut inserted: Vec<(&Descriptor, Entry)> = Vec::new();
    // What each (descriptor, point) found, for the names-taken pass after the loop.
    let mut seen: Vec<BTreeMap<usize, Seen>> = vec![BTreeMap::new(); descriptors.len()];
    let mut registrations: Vec<Vec<Registration<'_>>> = descriptors.iter().map(|_| Vec::new()).collect();
    let mut contexts = Vec::with_capacity(descriptors.len());
    for (di, d) in descriptors.iter().enumerate() {
        let ctx = ws.context(d);
        contexts.push(ctx.clone());
        for (pi, point) in ws.profile.points.iter().enumerate() {
            if only.is_some_and(|only| !only.contains(&(d.id.clone(), point.id.clone()))) {
                continue;
            }
            let res = resolve(ws, point, &ctx)?;
            if let Some(note) = &res.not_in_version {
                plan.reports.push(report(d, &res, 0, PointState::NotInVersion { note: note.clone() }));
                continue;
            }
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
            let r = ws.profile.templates.renderer(&ctx, &point.id).with_root(ws.roots.get(&point.root).map(PathBuf::as_path)).with_files(Some(files));
            let inspection = res.kind.inspect(&staged.source(&res.display), &r)?;
            seen[di].insert(pi, Seen::of(&inspection));
            registrations[di].push(Registration::new(pi, &res, path.clone(), &r)?);
            let (line, state) = match inspection {
                Inspection::Present { line } => (line, PointState::Present),
                Inspection::Drift { line, message, .. } => (line, PointState::Drift { message }),
                Inspection::Missing { line, .. } if read_only => {
                    plan.read_only.push(format!("{}:{line}: {} is missing, but root `{}` is read only; add it in its own checkout", res.display.display(), res.what, point.root));
                    (line, PointState::Missing)
                }
                Inspection::Missing { line, updated } => {
                    let entry = ledger_entry(ws, &point.root, &path, &point.id, staged.current.as_deref(), &updated);
                    inserted.push((d, entry));
                    staged.edit(Some(updated), &point.id, files.whole_files());
                    editors.entry(path.clone()).or_default().push(d);
                    (line, PointState::Missing)
                }
            };
            plan.reports.push(report(d, &res, line, state));
        }
    }
    super::ownership::refuse_taken_names(ws, files, descriptors, contexts, registrations, &others, &seen)?;
    refuse_redeclarations(ws, &stage, files, &editors)?;
    let mut plan = finish(stage, plan)?;
    for d in descriptors {
        let mine: Vec<Entry> = inserted.iter().filter(|(o, _)| std::ptr::eq(*o, d)).map(|(_, e)| e.clone()).collect();
        if mine.is_empty() {
            continue;
        }
        let path = ledger::path(&ws.descriptors_dir, &d.id);
        let (mut book, before) = match Ledger::load(&path)? {
            Some((book, text)) => (book, Some(text)),
            None => (Ledger::default(), None),
        };
        if let Some(src) = &d.source {
            book.descriptor = src.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            book.descriptor_sha256 = ledger::sha256(&src.text);
        }
        for e in mine {
            book.entries.retain(|old| !old.is(&e.point, &e.root, &e.file));
            book.entries.push(e);
        }
        plan.changes.extend(book.change(path.clone(), ws.display_path(&path), before));
    }
    Ok(plan)
}

/// Refuses the plan when an edit declares a Go name its package already declares; the error
/// is at the line of the descriptor the name derives from (of those that edited the file).
fn refuse_redeclarations(ws: &Workspace, stage: &Stage, files: &FileStore, editors: &BTreeMap<PathBuf, Vec<&Descriptor>>) -> Result<()> {
    let go: Vec<StagedGo<'_>> = stage
        .files
        .iter()
        .filter(|(path, s)| path.extension().is_some_and(|e| e == "go") && editors.contains_key(*path) && s.current.is_some())
        .map(|(path, s)| StagedGo { path, display: &s.display, before: s.stored.normalized(), after: s.current.as_deref().unwrap_or_default() })
        .collect();
    let mut seen = BTreeSet::new();
    let mut errors = Vec::new();
    for r in redeclarations(&go, files, &|p| ws.display_path(p)) {
        if !seen.insert((r.name.clone(), r.path.clone())) {
            continue;
        }
        let by = &editors[&r.path];
        let d = by.iter().find(|d| d.value_location(&r.name) != d.field_location("id")).unwrap_or(&by[0]);
        errors.push(Error::input(
            d.value_location(&r.name),
            format!("`{}` would be declared at {}:{}, but its package already declares it at {}:{}", r.name, r.display.display(), r.line, r.other.display(), r.other_line),
            "Go refuses a name declared twice in a package; choose another value for this field (or set the name in [names])",
        ));
    }
    for f in foreign_packages(&go, files, &|p| ws.display_path(p)) {
        let by = &editors[&f.path];
        // The directory is what collides: the value its path comes from.
        let dir = f.display.parent().map(|p| p.display().to_string()).unwrap_or_default();
        let d = by.iter().find(|d| d.value_location(&dir) != d.field_location("id")).unwrap_or(&by[0]);
        errors.push(Error::input(
            d.value_location(&dir),
            format!("{} would be package {}, but its directory holds package {} ({})", f.display.display(), f.package, f.other_package, f.other.display()),
            "Go builds one package per directory; choose another value for this field (names.package names the provider's directory)",
        ));
    }
    Error::collect(errors)
}

/// The ledger entry of an edit of `point` from `before` (`None`: the file is new) to `after`.
fn ledger_entry(ws: &Workspace, root: &str, path: &Path, point: &str, before: Option<&str>, after: &str) -> Entry {
    let file = ws.roots.get(root).and_then(|r| path.strip_prefix(r).ok()).unwrap_or(path).to_string_lossy().replace('\\', "/");
    let (text, created_sha256) = match before {
        Some(before) => (Some(ledger::inserted(before, after)), None),
        None => (None, Some(ledger::sha256(after))),
    };
    Entry { point: point.to_string(), root: root.to_string(), file, text, created_sha256 }
}

/// Plans taking out exactly what apply added for the descriptors, as their ledgers record it:
/// a registration with no ledger entry was in the tree before (or was added by hand) and is
/// kept, listed in [`Plan::kept`] as present, not added by integrate; one whose inserted text
/// changed since is kept unless `force`. A descriptor without a ledger is refused unless
/// `adopt`, which removes every registration of it as if integrate had added them. Generated
/// files that were edited since are kept unless `force`.
pub(super) fn plan_remove(ws: &Workspace, files: &FileStore, descriptors: &[Descriptor], force: bool, adopt: bool) -> Result<Plan> {
    let mut stage = Stage::new(files);
    let mut plan = Plan::default();
    let mut books = Vec::new();
    for d in descriptors {
        let path = ledger::path(&ws.descriptors_dir, &d.id);
        let loaded = Ledger::load(&path)?;
        if loaded.is_none() && !adopt {
            return Err(Error::input(
                d.source.as_ref().map_or_else(|| Location::new(ws.descriptor_path(&d.id), 1, 1), |s| Location::new(&s.path, 1, 1)),
                format!("no ledger for {} ({}): integrate did not add its registrations, so remove does not know which are its own", d.id, ws.display_path(&path).display()),
                format!("a provider registered by hand (or found by discover) is removed with `integrate remove --adopt {}`, which takes out every registration the profile declares for it", d.id),
            ));
        }
        let (mut book, before) = match loaded {
            Some((book, text)) => (book, Some(text)),
            None => (Ledger::default(), None),
        };
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
            let removal = res.kind.remove(&staged.source(&res.display), &r, force)?;
            if matches!(removal, Removal::Absent) {
                continue;
            }
            let file = ws.roots.get(&point.root).and_then(|root| path.strip_prefix(root).ok()).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            let entry = book.entries.iter().position(|e| e.is(&point.id, &point.root, &file));
            if !adopt {
                let Some(i) = entry else {
                    plan.kept.push(format!("{}: {} is present, not added by integrate; kept", res.display.display(), res.what));
                    continue;
                };
                if !force && !book.entries[i].still_there(staged.current.as_deref()) {
                    plan.kept.push(format!("{}: {} changed since integrate added it; kept (--force takes it out)", res.display.display(), res.what));
                    continue;
                }
            }
            match removal {
                Removal::Absent => {}
                Removal::Rewrite(text) => staged.edit(Some(text), &point.id, files.whole_files()),
                Removal::DeleteFile => staged.edit(None, &point.id, files.whole_files()),
                Removal::KeepEdited(reason) => {
                    plan.kept.push(reason);
                    continue;
                }
            }
            if let Some(i) = entry {
                book.entries.remove(i);
            }
        }
        books.push((d, book, before));
    }
    let mut plan = finish(stage, plan)?;
    for (d, book, before) in books {
        let path = ledger::path(&ws.descriptors_dir, &d.id);
        plan.changes.extend(book.change(path.clone(), ws.display_path(&path), before));
    }
    Ok(plan)
}

/// Validates staged files and turns them into changes.
fn finish(stage: Stage, mut plan: Plan) -> Result<Plan> {
    let mut errors = Vec::new();
    for (path, staged) in stage.files {
        let before_normalized = staged.original.as_deref().map(|t| normalize_line_endings(t, staged.ending));
        if staged.current == before_normalized {
            continue;
        }
        if let Some(text) = &staged.current
            && path.extension().is_some_and(|e| e == "go") {
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

    /// Writes every change or none, under the workspace lock, through a journal that lets the
    /// next run finish or undo a commit that was killed ([`crate::commit`]).
    pub fn commit(&self, ws: &Workspace) -> Result<()> {
        crate::commit::write_all(&ws.base, &self.changes)
    }
}

/// Plans `integrate new`: the descriptor file itself plus everything apply adds for it, so the
/// descriptor is written only together with its registrations. A provider that already exists
/// in the tree is refused.
pub(super) fn plan_new(ws: &Workspace, files: &FileStore, d: &Descriptor, neighbours: &[Descriptor]) -> Result<Plan> {
    ws.profile.check_section(d)?;
    check_collisions(ws, files, d, true)?;
    let mut plan = plan_apply(ws, files, std::slice::from_ref(d), None, neighbours)?;
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
