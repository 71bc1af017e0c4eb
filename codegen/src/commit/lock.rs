//! The workspace lock that keeps two runs from writing at once: `.integrate.lock` beside
//! `integrate.toml`, held as an operating-system file lock (`flock` on Unix) for as long as the
//! run that took it is alive. The kernel drops the lock when that process ends however it ends
//! (kill -9 included), so a lock left by a dead run is never in the way; the file itself
//! records the holder's pid and the time it took the lock, for the message another run shows,
//! and is deleted when the holder lets go.

use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The lock file's name, in the workspace directory.
pub const LOCK_FILE: &str = ".integrate.lock";

/// The held lock; dropping it deletes the file and releases the lock.
#[derive(Debug)]
pub struct WorkspaceLock {
    path: PathBuf,
    file: Option<File>,
}

impl WorkspaceLock {
    /// Takes the lock of the workspace in `dir`, or fails at once with [`Error::Locked`]
    /// naming the pid of the live run that holds it.
    pub fn acquire(dir: &Path) -> Result<Self> {
        let path = dir.join(LOCK_FILE);
        loop {
            let mut file = std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(false).open(&path).map_err(|e| Error::io(&path, e))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => {
                    let mut holder = String::new();
                    let _ = file.read_to_string(&mut holder);
                    return Err(Error::Locked { path, pid: holder_pid(&holder) });
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
            }
            // The holder before us deletes the file before it lets go: a lock on a file that is
            // no longer at `path` excludes nobody, so start again with the file now there.
            if !same_file(&file, &path) {
                continue;
            }
            let record = format!("pid {}\nsince {}\n", std::process::id(), unix_seconds());
            file.set_len(0).and_then(|()| file.rewind()).and_then(|()| file.write_all(record.as_bytes())).map_err(|e| Error::io(&path, e))?;
            return Ok(Self { path, file: Some(file) });
        }
    }

    /// Lets go of the lock the way a killed process does: the operating-system lock is
    /// released and the file stays. Tests use it to leave a workspace as a crash leaves it.
    pub fn abandon(mut self) {
        self.file.take();
    }
}

impl Drop for WorkspaceLock {
    fn drop(&mut self) {
        if self.file.is_some() {
            // Delete while still holding the lock, so nobody locks the file being deleted.
            let _ = std::fs::remove_file(&self.path);
            self.file.take();
        }
    }
}

/// The pid a lock file records (`pid N` on its first line; older versions wrote only `N`).
fn holder_pid(record: &str) -> Option<u32> {
    let first = record.lines().next()?.trim();
    first.strip_prefix("pid ").unwrap_or(first).trim().parse().ok()
}

fn unix_seconds() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_is_refused_with_the_holders_pid() {
        let dir = tempfile::tempdir().unwrap();
        let held = WorkspaceLock::acquire(dir.path()).unwrap();
        match WorkspaceLock::acquire(dir.path()) {
            Err(Error::Locked { pid, .. }) => assert_eq!(pid, Some(std::process::id())),
            other => panic!("expected Locked, got {other:?}"),
        }
        drop(held);
        assert!(!dir.path().join(LOCK_FILE).exists(), "the holder deletes the file when it lets go");
        drop(WorkspaceLock::acquire(dir.path()).unwrap());
    }

    #[test]
    fn a_lock_file_left_by_a_dead_run_does_not_block() {
        // A run killed with -9 leaves the file; its kernel lock went with the process.
        let dir = tempfile::tempdir().unwrap();
        WorkspaceLock::acquire(dir.path()).unwrap().abandon();
        assert!(dir.path().join(LOCK_FILE).exists());
        // So does an older integrate, which wrote a bare pid and never locked the file.
        std::fs::write(dir.path().join(LOCK_FILE), "4194303\n").unwrap();
        let lock = WorkspaceLock::acquire(dir.path()).unwrap();
        let record = std::fs::read_to_string(dir.path().join(LOCK_FILE)).unwrap();
        assert_eq!(holder_pid(&record), Some(std::process::id()), "the record is rewritten: {record}");
        assert!(record.contains("since "), "{record}");
        drop(lock);
    }
}
