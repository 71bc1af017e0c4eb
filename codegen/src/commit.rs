//! All-or-nothing writes across files: stage every new content in a temporary file next to its
//! target (so the rename stays on one filesystem), keep the original permissions, rename all
//! into place, and roll back everything already done if any step fails.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::engine::FileChange;
use crate::error::{Error, Result};

enum Done {
    Replaced { path: PathBuf, original: String, mode: Option<u32> },
    Created { path: PathBuf },
    Deleted { path: PathBuf, original: String, mode: Option<u32> },
}

pub fn write_all(changes: &[FileChange]) -> Result<()> {
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
        match tmp.persist(&change.path) {
            Ok(_) => done.push(match &change.before {
                Some(original) => Done::Replaced { path: change.path.clone(), original: original.clone(), mode: change.mode },
                None => Done::Created { path: change.path.clone() },
            }),
            Err(e) => {
                failure = Some(Error::io(&change.path, e.error));
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
