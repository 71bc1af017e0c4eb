//! A change to one file, as a plan holds it and [`crate::commit`] writes it: the path, the
//! bytes before and after (`None` for a file that does not exist, or is deleted), the mode to
//! keep, and the points whose edits make it up. Apply, remove, discover and verify's vendor
//! sync all produce them; nothing here reads or writes the disk.

use std::path::PathBuf;

use serde::Serialize;

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
