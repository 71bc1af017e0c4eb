//! Provenance: what apply inserted for a descriptor, so remove takes out only that. One TOML
//! file per descriptor, `<descriptors>/ledger/<id>.toml`, beside the descriptors and committed
//! with them: an entry per inserted registration (point, root, file, the inserted text or the
//! created file's hash) and the hash of the descriptor apply read. A registration the tree held
//! before (a name that collides with another provider's, a provider registered by hand) has no
//! entry, so remove reports it as present and keeps it.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::change::FileChange;
use crate::error::{Error, Location, Result};

/// The ledger of one descriptor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    /// The descriptor file, relative to the ledger's directory's parent.
    pub descriptor: String,
    /// SHA-256 of the descriptor text apply last read.
    pub descriptor_sha256: String,
    #[serde(default, rename = "inserted")]
    pub entries: Vec<Entry>,
}

/// One registration apply inserted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub point: String,
    pub root: String,
    /// The file, relative to the root.
    pub file: String,
    /// For an edit: the text apply put in (LF line endings), compared whitespace-insensitively
    /// so a later realignment of its column does not count as an edit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// For a file apply created: the SHA-256 of its content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_sha256: Option<String>,
}

impl Entry {
    /// Whether what this entry inserted is still in `current` (the file's LF text).
    pub fn still_there(&self, current: Option<&str>) -> bool {
        match (current, &self.text, &self.created_sha256) {
            (Some(now), Some(text), _) => squash(now).contains(&squash(text)),
            (Some(now), None, Some(hash)) => sha256(now) == *hash,
            _ => false,
        }
    }

    pub fn is(&self, point: &str, root: &str, file: &str) -> bool {
        self.point == point && self.root == root && self.file == file
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The text an edit from `before` to `after` puts in: `after` without the lines both share at
/// the start and at the end.
pub fn inserted(before: &str, after: &str) -> String {
    let b: Vec<&str> = before.split_inclusive('\n').collect();
    let a: Vec<&str> = after.split_inclusive('\n').collect();
    let prefix = b.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let suffix = b[prefix..].iter().rev().zip(a[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    a[prefix..a.len() - suffix].concat()
}

/// Where the ledger of descriptor `id` lives.
pub fn path(descriptors_dir: &Path, id: &str) -> PathBuf {
    descriptors_dir.join("ledger").join(format!("{id}.toml"))
}

const HEADER: &str = "# Written by `integrate apply`: the registrations it inserted for this descriptor.\n# `integrate remove` takes out only these. Commit this file with the descriptor.\n";

impl Ledger {
    /// The ledger at `path` with its text, or `None` when there is none.
    pub fn load(path: &Path) -> Result<Option<(Self, String)>> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(path, e)),
        };
        let ledger = toml::from_str(&text).map_err(|e| {
            let (line, column) = crate::text::line_col(&text, e.span().map_or(0, |s| s.start));
            Error::input(Location::new(path, line, column), format!("unreadable ledger: {}", e.message()), "the ledger is written by integrate apply; restore it from version control")
        })?;
        Ok(Some((ledger, text)))
    }

    pub fn to_toml(&self) -> String {
        format!("{HEADER}{}", toml::to_string(self).expect("a ledger serialises to TOML"))
    }

    /// The change that writes this ledger (or deletes it when it holds nothing) over `before`.
    pub fn change(&self, path: PathBuf, display: PathBuf, before: Option<String>) -> Option<FileChange> {
        let after = if self.entries.is_empty() { None } else { Some(self.to_toml()) };
        (after != before).then(|| FileChange { path, display, before, after, mode: None, points: vec!["ledger".into()] })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserted_is_what_the_edit_added() {
        assert_eq!(inserted("a\nb\nc\n", "a\nb\nx\ny\nc\n"), "x\ny\n");
        assert_eq!(inserted("", "new\n"), "new\n");
        let e = Entry { point: "p".into(), root: "r".into(), file: "f".into(), text: Some("\tA   = \"a\"\n".into()), created_sha256: None };
        assert!(e.still_there(Some("x\n\tA = \"a\"\n")));
        assert!(!e.still_there(Some("x\n\tA = \"b\"\n")));
    }

    #[test]
    fn round_trips_through_toml() {
        let l = Ledger {
            descriptor: "acme.toml".into(),
            descriptor_sha256: sha256("x"),
            entries: vec![Entry { point: "p".into(), root: "r".into(), file: "f.go".into(), text: Some("\tA = \"a\"\n".into()), created_sha256: None }],
        };
        assert_eq!(toml::from_str::<Ledger>(&l.to_toml()).unwrap(), l);
    }
}
