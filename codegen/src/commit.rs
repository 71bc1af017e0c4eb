//! All-or-nothing writes across files: stage every new content in a temporary file next to its
//! target (so the rename stays on one filesystem), keep the original permissions, rename all
//! into place, and roll back everything already done if any step fails.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::change::FileChange;
use crate::error::{Error, Result};

enum Done {
    Replaced { path: PathBuf, original: String, mode: Option<u32> },
    Created { path: PathBuf },
    Deleted { path: PathBuf, original: String, mode: Option<u32> },
}

pub fn write_all(changes: &[FileChange]) -> Result<()> {
    write_all_with(changes, &mut |tmp, path| tmp.persist(path).map(|_| ()).map_err(|e| e.error))
}

/// [`write_all`] with the final rename step supplied by the caller, so tests can make it fail
/// part-way and check the rollback.
fn write_all_with(changes: &[FileChange], persist: &mut dyn FnMut(tempfile::NamedTempFile, &Path) -> std::io::Result<()>) -> Result<()> {
    let mut created_dirs: Vec<PathBuf> = Vec::new();
    let mut staged: Vec<(tempfile::NamedTempFile, &FileChange)> = Vec::new();
    // Verify nothing changed on disk since the plan was made, then stage temp files.
    let result = (|| -> Result<()> {
        for change in changes {
            let now = match std::fs::read_to_string(&change.path) {
                Ok(t) => Some(t),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => return Err(Error::io(&change.path, e)),
            };
            if now != change.before {
                return Err(Error::input(
                    crate::error::Location::new(&change.display, 0, 0),
                    "the file changed on disk after the plan was made",
                    "run the command again",
                ));
            }
            let Some(after) = &change.after else { continue };
            let dir = change.path.parent().unwrap_or(Path::new("."));
            create_dirs(dir, &mut created_dirs)?;
            let mut tmp = tempfile::Builder::new().prefix(".integrate-").tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
            tmp.write_all(after.as_bytes()).map_err(|e| Error::io(tmp.path(), e))?;
            tmp.as_file().sync_all().map_err(|e| Error::io(tmp.path(), e))?;
            set_mode(tmp.path(), change.mode.unwrap_or(0o644))?;
            staged.push((tmp, change));
        }
        Ok(())
    })();
    if let Err(e) = result {
        drop(staged);
        remove_dirs(&created_dirs);
        return Err(e);
    }
    let mut done: Vec<Done> = Vec::new();
    let mut failure = None;
    for (tmp, change) in staged {
        match persist(tmp, &change.path) {
            Ok(()) => done.push(match &change.before {
                Some(original) => Done::Replaced { path: change.path.clone(), original: original.clone(), mode: change.mode },
                None => Done::Created { path: change.path.clone() },
            }),
            Err(e) => {
                failure = Some(Error::io(&change.path, e));
                break;
            }
        }
    }
    if failure.is_none() {
        for change in changes.iter().filter(|c| c.after.is_none()) {
            match std::fs::remove_file(&change.path) {
                Ok(()) => {
                    done.push(Done::Deleted { path: change.path.clone(), original: change.before.clone().unwrap_or_default(), mode: change.mode });
                    if let Some(dir) = change.path.parent() {
                        remove_empty_parents(dir);
                    }
                }
                Err(e) => {
                    failure = Some(Error::io(&change.path, e));
                    break;
                }
            }
        }
    }
    if let Some(e) = failure {
        for step in done.into_iter().rev() {
            match step {
                Done::Replaced { path, original, mode } | Done::Deleted { path, original, mode } => {
                    if let Some(dir) = path.parent() {
                        let _ = std::fs::create_dir_all(dir);
                    }
                    let _ = std::fs::write(&path, original);
                    if let Some(m) = mode {
                        let _ = set_mode(&path, m);
                    }
                }
                Done::Created { path } => {
                    let _ = std::fs::remove_file(path);
                }
            }
        }
        remove_dirs(&created_dirs);
        return Err(e);
    }
    Ok(())
}

fn create_dirs(dir: &Path, created: &mut Vec<PathBuf>) -> Result<()> {
    let mut missing = Vec::new();
    let mut cur = Some(dir);
    while let Some(d) = cur {
        if d.as_os_str().is_empty() || d.exists() {
            break;
        }
        missing.push(d.to_path_buf());
        cur = d.parent();
    }
    for d in missing.into_iter().rev() {
        std::fs::create_dir(&d).map_err(|e| Error::io(&d, e))?;
        created.push(d);
    }
    Ok(())
}

fn remove_dirs(dirs: &[PathBuf]) {
    for d in dirs.iter().rev() {
        let _ = std::fs::remove_dir(d);
    }
}

/// Removes directories left empty by deleting a generated file (`pkg/multicloud/<id>/...`).
fn remove_empty_parents(dir: &Path) {
    let mut cur = Some(dir);
    while let Some(d) = cur {
        if std::fs::remove_dir(d).is_err() {
            break;
        }
        cur = d.parent();
    }
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).map_err(|e| Error::io(path, e))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(path: PathBuf, before: Option<&str>, after: Option<&str>) -> FileChange {
        FileChange { display: path.clone(), path, before: before.map(str::to_string), after: after.map(str::to_string), mode: None, points: vec![] }
    }

    #[test]
    fn a_failure_part_way_restores_every_file_and_removes_new_ones() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.go");
        std::fs::write(&a, "old a").unwrap();
        let b = dir.path().join("new/dir/b.go");
        let c = dir.path().join("c.go");
        std::fs::write(&c, "old c").unwrap();
        let changes = vec![change(a.clone(), Some("old a"), Some("new a")), change(b.clone(), None, Some("new b")), change(c.clone(), Some("old c"), Some("new c"))];
        let mut calls = 0;
        let result = write_all_with(&changes, &mut |tmp, path| {
            calls += 1;
            if calls == 3 {
                return Err(std::io::Error::other("disk full"));
            }
            tmp.persist(path).map(|_| ()).map_err(|e| e.error)
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "old a");
        assert_eq!(std::fs::read_to_string(&c).unwrap(), "old c");
        assert!(!b.exists());
        assert!(!dir.path().join("new").exists(), "created directories are removed");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(leftovers.len(), 2, "no temporary files are left: {leftovers:?}");
    }

    #[test]
    fn a_file_changed_since_the_plan_stops_everything() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.go");
        std::fs::write(&a, "edited meanwhile").unwrap();
        let b = dir.path().join("b.go");
        let err = write_all(&[change(b.clone(), None, Some("new b")), change(a.clone(), Some("old a"), Some("new a"))]).unwrap_err();
        assert!(err.to_string().contains("changed on disk"));
        assert!(!b.exists());
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "edited meanwhile");
    }
}
