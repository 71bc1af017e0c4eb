//! All-or-nothing writes across files, safe against a crash at any moment and against another
//! process editing a target meanwhile. A commit takes the workspace lock ([`lock`]), finishes
//! any commit a killed run left behind ([`journal`]), and checks that every target still holds
//! what the plan read. It then writes the journal and the backups of the old contents (synced),
//! stages every new content in a file beside its target (same filesystem, so the rename is
//! atomic; original permissions kept), marks the journal `committing`, and renames the staged
//! files over their targets one by one, checking right before each rename that the target is
//! unchanged since the plan read it. A failed rename or a changed target rolls every file back
//! from the backups. Links are followed and non-regular files refused ([`target`]).

pub mod journal;
pub mod lock;
pub mod target;

use std::path::{Path, PathBuf};

use crate::change::FileChange;
use crate::error::{Error, Location, Result};
use journal::{Entry, Journal, State};
pub use journal::{JOURNAL_DIR, Outcome, Recovery};
pub use lock::{LOCK_FILE, WorkspaceLock};

/// Writes every change or none, in the workspace whose directory (beside `integrate.toml`)
/// holds the lock and the journal.
pub fn write_all(workspace: &Path, changes: &[FileChange]) -> Result<()> {
    write_all_with(workspace, changes, &mut |_| Step::Go)
}

/// Finishes a commit that a killed run left in `workspace`: completes it or rolls it back, and
/// removes its leftovers, the lock file of a dead run included. `None` when there was no
/// commit to finish, or when a live run holds the lock (it is committing right now, and will
/// finish itself).
pub fn recover(workspace: &Path) -> Result<Option<Recovery>> {
    if !Journal::dir_of(workspace).exists() && !workspace.join(LOCK_FILE).exists() {
        return Ok(None);
    }
    match WorkspaceLock::acquire(workspace) {
        Ok(_lock) => journal::recover_locked(workspace),
        Err(Error::Locked { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The points of a commit where a test may stop it as a crash would ([`write_all_with`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// The journal and backups are written and synced; nothing is staged yet.
    Prepared,
    /// The k-th (0-based) new content is staged.
    Staged(usize),
    /// Every new content is staged and the journal says `committing`.
    Committing,
    /// Right before the k-th target is checked and renamed.
    BeforeRename(usize),
    /// The k-th target is renamed (or deleted).
    Renamed(usize),
    /// A rollback has put back the k-th target, counting from the last.
    Restored(usize),
}

/// What a failpoint hook tells the commit to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Go,
    /// Stop here as if the process were killed: nothing more is written or cleaned up.
    Crash,
}

/// The error a commit stopped by [`Step::Crash`] returns.
fn crashed() -> Error {
    Error::io(Path::new("<failpoint>"), std::io::Error::other("stopped as if killed"))
}

/// [`write_all`] with a failpoint hook called at every [`Point`]: tests stop the commit there as
/// a kill would ([`Step::Crash`]), or edit a target right before its rename, and check what
/// the next run's [`recover`] makes of it.
pub fn write_all_with(workspace: &Path, changes: &[FileChange], hook: &mut dyn FnMut(Point) -> Step) -> Result<()> {
    let lock = WorkspaceLock::acquire(workspace)?;
    journal::recover_locked(workspace)?;
    let result = commit_locked(workspace, changes, hook);
    if matches!(&result, Err(e) if is_crash(e)) {
        lock.abandon();
    }
    result
}

fn is_crash(e: &Error) -> bool {
    matches!(e, Error::Io { path, .. } if path == Path::new("<failpoint>"))
}

fn commit_locked(workspace: &Path, changes: &[FileChange], hook: &mut dyn FnMut(Point) -> Step) -> Result<()> {
    // Every target as it is now: a link followed, anything but a regular file refused, and
    // its content still what the plan read.
    let mut files = Vec::with_capacity(changes.len());
    for (i, change) in changes.iter().enumerate() {
        let target = target::resolve(&change.path, &change.display)?;
        let now = target::read_bytes(&target).map_err(|e| target::refusal(&target, &change.display, e))?;
        if now.as_deref() != change.before.as_deref().map(str::as_bytes) {
            return Err(changed_on_disk(&change.display, "after the plan was made"));
        }
        let name = target.file_name().map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
        let staged = target.with_file_name(format!(".integrate-{}-{i}-{name}", std::process::id()));
        files.push(Entry {
            display: change.display.clone(),
            old: change.before.as_deref().map(|b| journal::hash(b.as_bytes())),
            new: change.after.as_deref().map(|a| journal::hash(a.as_bytes())),
            mode: Some(change.mode.unwrap_or(0o644)),
            staged,
            backup: change.before.is_some().then(|| format!("{i}.old")),
            target,
        });
    }
    let dirs = missing_dirs(files.iter().zip(changes).filter(|(_, c)| c.after.is_some()).map(|(e, _)| e.target.as_path()));
    let old: Vec<Option<&[u8]>> = changes.iter().map(|c| c.before.as_deref().map(str::as_bytes)).collect();
    let mut journal = Journal::create(workspace, files, dirs, &old)?;
    stop_at(hook, Point::Prepared)?;

    let staged = (|| -> Result<()> {
        for dir in &journal.dirs {
            std::fs::create_dir(dir).map_err(|e| Error::io(dir, e))?;
        }
        for (k, (entry, change)) in journal.files.iter().zip(changes).enumerate() {
            if let Some(after) = &change.after {
                journal::write_synced(&entry.staged, after.as_bytes(), entry.mode)?;
            }
            stop_at(hook, Point::Staged(k))?;
        }
        Ok(())
    })();
    if let Err(e) = staged {
        return abort(&mut journal, e, None, hook);
    }
    journal.set_state(State::Committing)?;
    stop_at(hook, Point::Committing)?;

    for k in 0..journal.files.len() {
        stop_at(hook, Point::BeforeRename(k))?;
        if let Err(e) = swap_in(&journal.files[k]) {
            let display = journal.files[k].display.clone();
            return abort(&mut journal, e, Some(&display), hook);
        }
        stop_at(hook, Point::Renamed(k))?;
    }
    for entry in journal.files.iter().filter(|e| e.new.is_none()) {
        if let Some(parent) = entry.target.parent() {
            journal::remove_empty_parents(parent);
        }
    }
    journal.sync_target_dirs();
    journal.remove()
}

/// Puts one staged file in place of its target (or deletes the target), after checking that the
/// target still holds what the plan read: a compare and swap as close to the rename as a
/// portable program can make it.
fn swap_in(entry: &Entry) -> Result<()> {
    let now = target::read_bytes(&entry.target).map_err(|e| Error::io(&entry.target, e))?;
    if now.map(|b| journal::hash(&b)) != entry.old {
        return Err(changed_on_disk(&entry.display, "while integrate was writing"));
    }
    match &entry.new {
        Some(_) => std::fs::rename(&entry.staged, &entry.target),
        None => std::fs::remove_file(&entry.target),
    }
    .map_err(|e| Error::io(&entry.target, e))
}

/// Rolls everything back after `error`, which is returned, with a note on any other target
/// than `failed` (the one the error is about) that someone changed meanwhile and that was
/// left as it is.
fn abort(journal: &mut Journal, error: Error, failed: Option<&Path>, hook: &mut dyn FnMut(Point) -> Step) -> Result<()> {
    if is_crash(&error) {
        return Err(error);
    }
    let mut conflicts = journal.roll_back_with(hook)?;
    conflicts.retain(|c| Some(c.as_path()) != failed);
    if conflicts.is_empty() {
        return Err(error);
    }
    let mut errors = vec![error];
    for c in conflicts {
        errors.push(changed_on_disk(&c, "during the rollback, so it was left as it is"));
    }
    Err(Error::Many(errors))
}

pub(super) fn stop_at(hook: &mut dyn FnMut(Point) -> Step, point: Point) -> Result<()> {
    match hook(point) {
        Step::Go => Ok(()),
        Step::Crash => Err(crashed()),
    }
}

fn changed_on_disk(display: &Path, when: &str) -> Error {
    Error::input(
        Location::new(display, 0, 0),
        format!("the file changed on disk {when}; nothing was written"),
        "another program saved it since integrate read it; run the command again to plan from what is there now",
    )
}

/// The directories that do not exist yet above `targets`, outermost first, each once.
fn missing_dirs<'a>(targets: impl Iterator<Item = &'a Path>) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = Vec::new();
    for target in targets {
        let mut missing = Vec::new();
        let mut cur = target.parent();
        while let Some(d) = cur {
            if d.as_os_str().is_empty() || d.exists() || out.iter().any(|o| o == d) {
                break;
            }
            missing.push(d.to_path_buf());
            cur = d.parent();
        }
        out.extend(missing.into_iter().rev());
    }
    out
}

#[cfg(test)]
mod tests;
