//! The commit journal: `.integrate.journal/` in the workspace directory (beside
//! `integrate.toml` and the lock, never inside a source tree). Before the first file is touched
//! it holds `journal.json` (every target's old and new SHA-256, its mode, where its new content
//! is staged beside it, and where its backup is) and the backups of the old contents, all
//! fsynced. The journal's state says how far the commit got:
//!
//! - `prepared`: backups written, new contents being staged; no target touched yet.
//! - `committing`: every new content is staged and synced; targets are being renamed.
//! - `rolling_back`: a rename failed or a target changed; targets are being restored.
//!
//! A run that finds a journal (the one that wrote it is gone: it held the lock) finishes what
//! it says: a `committing` journal is completed when every target still holds its old or new
//! content and every missing new content is staged, otherwise, like `prepared` and
//! `rolling_back`, it is rolled back from the backups. Either way every staged file, created
//! directory and the journal itself are removed, so the targets are all old or all new.
//! Every step is idempotent, so a recovery that is itself killed is completed by the next run.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The journal directory's name, in the workspace directory.
pub const JOURNAL_DIR: &str = ".integrate.journal";
const JOURNAL_FILE: &str = "journal.json";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum State {
    Prepared,
    Committing,
    RollingBack,
}

/// One target of a commit.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Entry {
    /// The file written (a link already followed).
    pub target: PathBuf,
    /// How messages name it.
    pub display: PathBuf,
    /// SHA-256 of the content before, `None` when the commit creates the file.
    pub old: Option<String>,
    /// SHA-256 of the content after, `None` when the commit deletes the file.
    pub new: Option<String>,
    /// Permissions the written file gets.
    pub mode: Option<u32>,
    /// Beside the target: where the new content is staged, and where old content is put back
    /// from before its rename in a rollback.
    pub staged: PathBuf,
    /// File name of the old content's copy in the journal directory.
    pub backup: Option<String>,
}

/// What is on disk for a commit in progress.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Journal {
    pub version: u32,
    pub pid: u32,
    pub state: State,
    pub files: Vec<Entry>,
    /// Directories the commit creates, outermost first.
    pub dirs: Vec<PathBuf>,
    #[serde(skip)]
    pub dir: PathBuf,
}

/// What a run did about a commit it found interrupted; its `Display` is the one line the
/// front ends print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    pub outcome: Outcome,
    /// How many files the interrupted commit was writing.
    pub files: usize,
    /// Targets that hold neither their old nor their new content (edited after the
    /// interruption): left as they are.
    pub conflicts: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every file now holds its new content.
    Completed,
    /// Every file holds its old content again.
    RolledBack,
    /// Only a journal directory without a journal was left (the commit had not started, or
    /// had finished): it was removed.
    Cleaned,
}

impl std::fmt::Display for Recovery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.outcome {
            Outcome::Completed => write!(f, "completed an interrupted commit: {} file(s) written", self.files)?,
            Outcome::RolledBack => write!(f, "rolled back an interrupted commit: {} file(s) as they were before it", self.files - self.conflicts.len())?,
            Outcome::Cleaned => write!(f, "removed the leftovers of an interrupted commit; no file was changed")?,
        }
        for c in &self.conflicts {
            write!(f, "; {} changed after the interruption and was left as it is", c.display())?;
        }
        Ok(())
    }
}

/// SHA-256 of `bytes`, in hex.
pub(super) fn hash(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash of what is at `path` now, `None` when nothing is.
fn hash_on_disk(path: &Path) -> Result<Option<String>> {
    Ok(super::target::read_bytes(path).map_err(|e| Error::io(path, e))?.map(|b| hash(&b)))
}

impl Journal {
    pub fn dir_of(workspace: &Path) -> PathBuf {
        workspace.join(JOURNAL_DIR)
    }

    /// Creates the journal directory (which must not exist), writes the backups of the old
    /// contents into it and then the journal, all synced, in state `prepared`. On failure
    /// nothing of it is left.
    pub fn create(workspace: &Path, files: Vec<Entry>, dirs: Vec<PathBuf>, old: &[Option<&[u8]>]) -> Result<Self> {
        let dir = Self::dir_of(workspace);
        std::fs::create_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        let journal = Self { version: 1, pid: std::process::id(), state: State::Prepared, files, dirs, dir };
        let written = (|| {
            for (entry, old) in journal.files.iter().zip(old) {
                if let (Some(name), Some(bytes)) = (&entry.backup, old) {
                    write_synced(&journal.dir.join(name), bytes, None)?;
                }
            }
            journal.save()?;
            sync_dir(workspace);
            Ok(())
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_dir_all(&journal.dir);
            return Err(e);
        }
        Ok(journal)
    }

    /// Writes `journal.json` atomically (a synced temporary file renamed over it).
    pub fn save(&self) -> Result<()> {
        let text = serde_json::to_string_pretty(self).expect("a journal serializes");
        let tmp = self.dir.join(format!("{JOURNAL_FILE}.tmp"));
        // A run killed between writing and renaming it leaves the temporary file behind.
        remove_if_there(&tmp)?;
        write_synced(&tmp, text.as_bytes(), None)?;
        let path = self.dir.join(JOURNAL_FILE);
        std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))?;
        sync_dir(&self.dir);
        Ok(())
    }

    pub fn set_state(&mut self, state: State) -> Result<()> {
        self.state = state;
        self.save()
    }

    /// Removes the journal: backups first, then `journal.json` (from then on a crash leaves
    /// nothing to do), then the directory.
    pub fn remove(&self) -> Result<()> {
        for name in self.files.iter().filter_map(|e| e.backup.as_ref()) {
            remove_if_there(&self.dir.join(name))?;
        }
        remove_if_there(&self.dir.join(JOURNAL_FILE))?;
        remove_dir_all_if_there(&self.dir)?;
        if let Some(parent) = self.dir.parent() {
            sync_dir(parent);
        }
        Ok(())
    }

    /// Puts every target back to its old content (backups), removes staged files and created
    /// directories, and removes the journal. Targets edited by someone else since are left
    /// alone and returned.
    /// `hook` is called after each target, as in [`super::write_all_with`].
    pub fn roll_back_with(&mut self, hook: &mut dyn FnMut(super::Point) -> super::Step) -> Result<Vec<PathBuf>> {
        self.set_state(State::RollingBack)?;
        let mut conflicts = Vec::new();
        for (k, entry) in self.files.iter().rev().enumerate() {
            let now = hash_on_disk(&entry.target)?;
            if now == entry.old {
                // Untouched.
            } else if now == entry.new {
                match &entry.backup {
                    None => remove_if_there(&entry.target)?,
                    Some(name) => {
                        let bytes = std::fs::read(self.dir.join(name)).map_err(|e| Error::io(&self.dir.join(name), e))?;
                        if let Some(parent) = entry.target.parent() {
                            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                        }
                        remove_if_there(&entry.staged)?;
                        write_synced(&entry.staged, &bytes, entry.mode)?;
                        std::fs::rename(&entry.staged, &entry.target).map_err(|e| Error::io(&entry.target, e))?;
                    }
                }
            } else {
                conflicts.push(entry.display.clone());
            }
            remove_if_there(&entry.staged)?;
            super::stop_at(hook, super::Point::Restored(k))?;
        }
        for dir in self.dirs.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
        self.sync_target_dirs();
        self.remove()?;
        Ok(conflicts)
    }

    /// Completes the renames when every target holds its old or new content and every new
    /// content still to be put in place is staged intact; returns false, having changed
    /// nothing, otherwise.
    pub fn roll_forward(&mut self) -> Result<bool> {
        let mut todo = Vec::new();
        for (i, entry) in self.files.iter().enumerate() {
            let now = hash_on_disk(&entry.target)?;
            if now == entry.new {
                continue;
            }
            if now != entry.old {
                return Ok(false);
            }
            if entry.new.is_some() && hash_on_disk(&entry.staged)? != entry.new {
                return Ok(false);
            }
            todo.push(i);
        }
        for i in todo {
            let entry = &self.files[i];
            if entry.new.is_some() {
                std::fs::rename(&entry.staged, &entry.target).map_err(|e| Error::io(&entry.target, e))?;
            } else {
                remove_if_there(&entry.target)?;
            }
        }
        for entry in &self.files {
            remove_if_there(&entry.staged)?;
            if entry.new.is_none()
                && let Some(parent) = entry.target.parent()
            {
                remove_empty_parents(parent);
            }
        }
        self.sync_target_dirs();
        self.remove()?;
        Ok(true)
    }

    /// Makes the renames durable before the journal that can undo them goes.
    pub fn sync_target_dirs(&self) {
        let mut dirs: Vec<&Path> = self.files.iter().filter_map(|e| e.target.parent()).collect();
        dirs.sort();
        dirs.dedup();
        for d in dirs {
            sync_dir(d);
        }
    }
}

/// Finishes a commit that a run left unfinished in `workspace`, if there is one. The caller
/// holds the workspace lock, so the run that wrote the journal is gone.
pub(super) fn recover_locked(workspace: &Path) -> Result<Option<Recovery>> {
    let dir = Journal::dir_of(workspace);
    if !dir.exists() {
        return Ok(None);
    }
    let path = dir.join(JOURNAL_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            remove_dir_all_if_there(&dir)?;
            return Ok(Some(Recovery { outcome: Outcome::Cleaned, files: 0, conflicts: Vec::new() }));
        }
        Err(e) => return Err(Error::io(&path, e)),
    };
    let mut journal: Journal = serde_json::from_str(&text).map_err(|e| {
        Error::input(
            crate::error::Location::new(&path, e.line(), e.column()),
            format!("the journal of an interrupted commit cannot be read: {e}"),
            format!("restore the files it lists by hand, then delete {}", dir.display()),
        )
    })?;
    journal.dir = dir;
    let files = journal.files.len();
    if journal.state == State::Committing && journal.roll_forward()? {
        return Ok(Some(Recovery { outcome: Outcome::Completed, files, conflicts: Vec::new() }));
    }
    let conflicts = journal.roll_back_with(&mut |_| super::Step::Go)?;
    Ok(Some(Recovery { outcome: Outcome::RolledBack, files, conflicts }))
}

/// Writes `bytes` to a new file at `path` (which must not exist), with `mode`, and syncs it.
pub(super) fn write_synced(path: &Path, bytes: &[u8], mode: Option<u32>) -> Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| Error::io(path, e))?;
    file.write_all(bytes).map_err(|e| Error::io(path, e))?;
    if let Some(mode) = mode {
        set_mode(path, mode)?;
    }
    file.sync_all().map_err(|e| Error::io(path, e))
}

fn remove_if_there(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, e)),
        _ => Ok(()),
    }
}

fn remove_dir_all_if_there(path: &Path) -> Result<()> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, e)),
        _ => Ok(()),
    }
}

/// Removes directories left empty by deleting a generated file (`pkg/multicloud/<id>/...`).
pub(super) fn remove_empty_parents(dir: &Path) {
    let mut cur = Some(dir);
    while let Some(d) = cur {
        if std::fs::remove_dir(d).is_err() {
            break;
        }
        cur = d.parent();
    }
}

/// Syncs a directory, so the renames and creations in it survive a power cut. Best effort:
/// not every platform lets a directory be opened.
pub(super) fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(unix)]
pub(super) fn set_mode(path: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).map_err(|e| Error::io(path, e))
}

#[cfg(not(unix))]
pub(super) fn set_mode(_path: &Path, _mode: u32) -> Result<()> {
    Ok(())
}
