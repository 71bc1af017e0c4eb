//! Language back ends. A back end turns the kind-specific part of a registration point (its
//! anchor and fragment, as a TOML table in the profile) into a [`PointKind`] that can inspect a
//! file, produce the file with the registration added, and produce it with the registration
//! removed. The engine only sees this trait, so a YAML, JSON or Rust back end is added by
//! registering its kinds in [`build_kind`] without changing the engine.

pub mod file;
pub mod go;

use std::fmt::Debug;

use crate::error::{Error, Location, Result};
use crate::template::Renderer;

/// A target file as the engine stages it: `text` is `None` when the file does not exist.
/// Text is always LF-normalised; the engine restores the file's line endings on write.
#[derive(Debug, Clone)]
pub struct SourceFile<'a> {
    /// The path shown in messages (relative to the workspace where possible).
    pub display: &'a std::path::Path,
    pub text: Option<&'a str>,
}

impl SourceFile<'_> {
    /// The file's text, or an anchor error when the file does not exist.
    pub fn require(&self, expected: &str) -> Result<&str> {
        self.text.ok_or_else(|| Error::AnchorNotFound {
            at: Location::new(self.display, 0, 0),
            message: format!("the file does not exist; expected it to contain {expected}"),
            hint: "check the root path in integrate.toml (or --root NAME=PATH) points at the right checkout".into(),
        })
    }
}

/// What a point finds in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inspection {
    /// The registration is there, at this 1-based line.
    Present { line: usize },
    /// The registration is there but differs from what the descriptor says.
    Drift { line: usize, message: String },
    /// The registration is absent; `line` is where it would go and `updated` is the whole file
    /// with it added (a new file's content for file kinds).
    Missing { line: usize, updated: String },
}

/// What removing a point would do to a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removal {
    /// Nothing to remove.
    Absent,
    /// The file with the registration taken out.
    Rewrite(String),
    /// The whole file is the registration; delete it.
    DeleteFile,
    /// The file was generated but has been edited since; keep it and say why.
    KeepEdited(String),
}

/// The kind-specific behaviour of one registration point.
pub trait PointKind: Send + Sync + Debug {
    /// One line naming what this point registers, e.g. `CLOUD_PROVIDER_ACME in CLOUD_PROVIDERS`.
    fn describe(&self, r: &Renderer) -> Result<String>;
    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection>;
    /// `force` removes a generated file even when it was edited since.
    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, force: bool) -> Result<Removal>;
    /// For kinds that anchor to a family of entries (e.g. provider constants): every member as
    /// (name, value, 1-based line), so the engine can discover providers and detect collisions.
    fn members(&self, _file: &SourceFile<'_>) -> Result<Vec<Member>> {
        Ok(Vec::new())
    }
}

/// An existing entry of a family that a point anchors to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Member {
    pub name: String,
    pub value: String,
    pub line: usize,
}

/// Every kind the built-in back ends provide, for documentation and validation messages.
pub const KINDS: &[&str] = &[
    "go.const_spec",
    "go.list_element",
    "go.map_entry",
    "go.tag_choice",
    "go.statement",
    "go.import",
    "go.decls",
    "file",
];

/// Builds the kind-specific half of a point from its profile table. `at` locates the point in
/// the profile for error messages.
pub fn build_kind(kind: &str, spec: toml::Table, at: &Location) -> Result<Box<dyn PointKind>> {
    if let Some(go_kind) = kind.strip_prefix("go.") {
        return go::build(go_kind, spec, at);
    }
    match kind {
        "file" => file::build(spec, at),
        other => Err(Error::input(
            at.clone(),
            format!("unknown point kind `{other}`"),
            format!("use one of: {}", KINDS.join(", ")),
        )),
    }
}

/// Deserialises a kind's table, turning serde's message into an input error at the point.
pub(crate) fn parse_spec<T: serde::de::DeserializeOwned>(kind: &str, spec: toml::Table, at: &Location) -> Result<T> {
    T::deserialize(toml::Value::Table(spec)).map_err(|e| {
        Error::input(at.clone(), format!("point of kind `{kind}`: {}", e.message()), "see docs/profiles.md for the fields of each kind")
    })
}

/// Compiles a regular expression from a profile, naming the point on failure.
pub(crate) fn regex(pattern: &str, at: &Location) -> Result<regex::Regex> {
    regex::Regex::new(pattern).map_err(|e| Error::input(at.clone(), format!("invalid regular expression `{pattern}`: {e}"), "fix the pattern in the profile"))
}
