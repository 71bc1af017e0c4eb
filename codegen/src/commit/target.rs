//! What integrate accepts as a file to read or edit: a regular file, or a symbolic link that
//! leads to one. A link is followed and the file it leads to is edited; the link stays a link
//! (a link to a missing file is refused, since writing would replace the link). A FIFO, socket,
//! device or directory is refused, and reading never blocks on one: the file is opened
//! non-blocking and checked before a byte is read.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Location, Result};

/// The bytes of `path` (following links), `None` when nothing is there. A path that is not a
/// regular file is an [`std::io::ErrorKind::InvalidInput`] error saying what it is.
pub fn read_bytes(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    let mut file = match open_nonblocking(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("not a regular file but {}", describe(&meta.file_type()))));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes)?;
    Ok(Some(bytes))
}

/// [`read_bytes`] as text: `None` when the file does not exist; an error naming `display` when
/// it is not a regular file or not UTF-8.
pub fn read_text(path: &Path, display: &Path) -> Result<Option<String>> {
    let bytes = read_bytes(path).map_err(|e| refusal(path, display, e))?;
    bytes
        .map(|b| {
            String::from_utf8(b).map_err(|_| Error::input(Location::new(display, 0, 0), "file is not UTF-8 text", "integrate edits text files only; check the point's file path"))
        })
        .transpose()
}

/// The file a write to `path` goes to: `path` itself, or the regular file a symbolic link at
/// `path` leads to. Refused: a link to a missing file, and anything but a regular file.
pub fn resolve(path: &Path, display: &Path) -> Result<PathBuf> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(path.to_path_buf()),
        Err(e) => return Err(Error::io(path, e)),
    };
    if meta.file_type().is_symlink() {
        let real = std::fs::canonicalize(path).map_err(|_| {
            Error::input(
                Location::new(display, 0, 0),
                "is a symbolic link to a missing file",
                "integrate edits the file a link leads to and never replaces the link; point the link at an existing file or remove it",
            )
        })?;
        let real_meta = std::fs::metadata(&real).map_err(|e| Error::io(&real, e))?;
        if !real_meta.is_file() {
            return Err(not_regular(display, &real_meta.file_type()));
        }
        return Ok(real);
    }
    if !meta.is_file() {
        return Err(not_regular(display, &meta.file_type()));
    }
    Ok(path.to_path_buf())
}

/// A read error as the engine reports it: a non-regular file is the user's to fix (exit 2 with
/// a hint), anything else an I/O error on `path`.
pub fn refusal(path: &Path, display: &Path, e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::InvalidInput {
        Error::input(Location::new(display, 0, 0), format!("{e}"), "integrate reads and edits regular files only; check the point's file path")
    } else {
        Error::io(path, e)
    }
}

fn not_regular(display: &Path, kind: &std::fs::FileType) -> Error {
    Error::input(
        Location::new(display, 0, 0),
        format!("not a regular file but {}", describe(kind)),
        "integrate reads and edits regular files only; check the point's file path",
    )
}

fn describe(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() { "a directory" } else { "not a regular file" }
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Opening a FIFO for reading blocks until a writer comes, unless non-blocking.
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.go");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(status.success());
        let err = read_text(&fifo, Path::new("pipe.go")).unwrap_err().to_string();
        assert!(err.contains("pipe.go: not a regular file but a FIFO"), "{err}");
        let err = resolve(&fifo, Path::new("pipe.go")).unwrap_err().to_string();
        assert!(err.contains("a FIFO"), "{err}");
    }

    #[test]
    fn a_link_resolves_to_the_file_it_leads_to_and_a_dangling_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.go");
        std::fs::write(&real, "package x\n").unwrap();
        let link = dir.path().join("link.go");
        std::os::unix::fs::symlink("real.go", &link).unwrap();
        assert_eq!(resolve(&link, Path::new("link.go")).unwrap(), std::fs::canonicalize(&real).unwrap());
        assert_eq!(read_text(&link, Path::new("link.go")).unwrap().as_deref(), Some("package x\n"));
        let dangling = dir.path().join("dangling.go");
        std::os::unix::fs::symlink("missing.go", &dangling).unwrap();
        let err = resolve(&dangling, Path::new("dangling.go")).unwrap_err().to_string();
        assert!(err.contains("dangling.go: is a symbolic link to a missing file"), "{err}");
        assert_eq!(resolve(&dir.path().join("new.go"), Path::new("new.go")).unwrap(), dir.path().join("new.go"));
    }
}
