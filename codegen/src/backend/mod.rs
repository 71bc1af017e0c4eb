//! Language back ends. A back end turns the kind-specific part of a registration point (its
//! anchor and fragment, as a TOML table in the profile) into a [`PointKind`] that can inspect a
//! file, produce the file with the registration added, and produce it with the registration
//! removed. The engine only sees this trait, so a YAML, JSON or Rust back end is added by
//! registering its kinds in [`build_kind`] without changing the engine.

pub mod file;
pub mod fragment;
pub mod go;
pub mod rust;
pub mod sequence;
pub mod splice;
pub mod text;
pub mod toml;
pub mod yaml;

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
    /// Where a back end may keep what it works out from `text` (a parsed tree, an anchor) for
    /// the next inspection of the same text: check inspects each file once per provider.
    /// `None` when the caller keeps nothing; results must not depend on it.
    pub memo: Option<&'a crate::files::Memo>,
}

impl<'a> SourceFile<'a> {
    /// A file with no memo.
    pub fn new(display: &'a std::path::Path, text: Option<&'a str>) -> Self {
        Self { display, text, memo: None }
    }

    /// The same file seen with another text (a candidate edit), which the memo does not cover.
    pub fn with_text(&self, text: &'a str) -> Self {
        Self { display: self.display, text: Some(text), memo: None }
    }

    /// `compute()`, or what it returned for an earlier call with the same `key` on the same
    /// text when the file has a memo.
    pub fn memo<T: std::any::Any + Send + Sync>(&self, key: &str, compute: impl FnOnce() -> T) -> std::sync::Arc<T> {
        match self.memo {
            Some(m) => m.get_or_insert_with(key, compute),
            None => std::sync::Arc::new(compute()),
        }
    }

    /// The file's text, or an anchor error when the file does not exist.
    pub fn require(&self, expected: &str) -> Result<&'a str> {
        self.text.ok_or_else(|| Error::AnchorNotFound {
            at: Location::new(self.display, 0, 0),
            message: format!("the file does not exist; expected it to contain {expected}"),
            hint: "check the root path in integrate.toml (or --root NAME=PATH) points at the right checkout".into(),
        })
    }
}

/// Lets the back end of `path` do what it can before any point inspects the file, such as
/// parsing it into the file's memo, so a run can do it for many files at once. Inspections
/// give the same results with or without it.
pub fn prepare(path: &std::path::Path, file: &SourceFile<'_>) {
    if path.extension().is_some_and(|e| e == "go") {
        go::prepare(file);
    }
}

/// What a point finds in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inspection {
    /// The registration is there, at this 1-based line.
    Present { line: usize },
    /// The registration is there but differs from what the descriptor says.
    Drift { line: usize, message: String, kind: DriftKind },
    /// The registration is absent; `line` is where it would go and `updated` is the whole file
    /// with it added (a new file's content for file kinds).
    Missing { line: usize, updated: String },
}

/// How a present registration differs from the descriptor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DriftKind {
    /// A different value (a constant's value, a map's value).
    Value,
    /// The same value but for case or spelling (`CNWare` for `CNware`): the CLI rejects it.
    Spelling,
    /// Only part of a multi-part registration is there.
    Partial,
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
    /// The name this registration is known by in its file, which no two providers may share
    /// there, when it is not the one-line description (which names the entry, key or case of
    /// most kinds): a constant's name (not its value), a statement's identity.
    fn key(&self, _r: &Renderer) -> Result<Option<String>> {
        Ok(None)
    }
    /// `force` removes a generated file even when it was edited since.
    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, force: bool) -> Result<Removal>;
    /// For kinds that anchor to a family of entries (e.g. provider constants): every member as
    /// (name, value, 1-based line), so the engine can discover providers and detect collisions.
    fn members(&self, _file: &SourceFile<'_>) -> Result<Vec<Member>> {
        Ok(Vec::new())
    }

    /// Entries of the anchored list, map, tag, const block, switch or function that appear
    /// more than once, with their lines and whether the repeat breaks the build; empty for kinds
    /// where a repeat cannot happen.
    fn duplicates(&self, _file: &SourceFile<'_>) -> Result<Vec<Duplicate>> {
        Ok(Vec::new())
    }
}

/// An entry listed more than once.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Duplicate {
    pub entry: String,
    /// 1-based lines of every occurrence, first one first.
    pub lines: Vec<usize>,
    /// When the repeat is a compile error (a constant declared twice, a constant map key or
    /// switch case repeated): what the compiler says, so check reports it as an error.
    pub breaks_build: Option<String>,
}

impl Duplicate {
    /// Groups `entries` (text, 1-based line) by text, in order of first occurrence, and keeps
    /// those that occur more than once; `breaks_build` says what the compiler says about one.
    pub fn among(entries: impl IntoIterator<Item = (String, usize)>, breaks_build: impl Fn(&str) -> Option<String>) -> Vec<Duplicate> {
        let mut seen: Vec<Duplicate> = Vec::new();
        for (entry, line) in entries {
            match seen.iter_mut().find(|d| d.entry == entry) {
                Some(d) => d.lines.push(line),
                None => seen.push(Duplicate { breaks_build: None, entry, lines: vec![line] }),
            }
        }
        seen.retain(|d| d.lines.len() > 1);
        for d in &mut seen {
            d.breaks_build = breaks_build(&d.entry);
        }
        seen
    }
}

/// An existing entry of a family that a point anchors to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Member {
    pub name: String,
    pub value: String,
    pub line: usize,
}

/// A consistency rule over whole files, beyond the presence of one registration: that lists
/// kept in several files agree one to one, that a manifest follows the platform's policies,
/// that an entry is not listed twice. Declared in a profile's `[[checks]]`; check and the TUI
/// run them next to the points.
pub trait TreeCheck: Send + Sync + Debug {
    fn run(&self, ctx: &CheckContext<'_>) -> Result<Vec<CheckFinding>>;
}

/// What a check may look at.
pub struct CheckContext<'a> {
    /// Configured roots (absolute); a check whose root is missing reports nothing.
    pub roots: &'a std::collections::BTreeMap<String, std::path::PathBuf>,
    pub descriptors: &'a [crate::descriptor::Descriptor],
    pub templates: &'a crate::template::Templates,
    /// Turns an absolute path into the one shown in messages.
    pub display: &'a dyn Fn(&std::path::Path) -> std::path::PathBuf,
    /// Where checks read files, so a run reads each once and knows what it read.
    pub files: &'a crate::files::FileStore,
}

impl Debug for CheckContext<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckContext").field("roots", &self.roots).finish()
    }
}

/// One inconsistency found by a [`TreeCheck`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CheckFinding {
    /// The provider it concerns, when it concerns one.
    pub provider: Option<String>,
    pub path: std::path::PathBuf,
    pub line: usize,
    pub message: String,
    /// What `integrate apply` (or `check --fix`) would do about it, when the fix is mechanical.
    pub fix: Option<String>,
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
    "go.struct_fields",
    "go.lines",
    "go.case_value",
    "go.const_group",
    "go.switch_case",
    "go.aligned_field",
    "go.literal_entry",
    "file",
    "yaml.sequence_item",
    "yaml.json_entry",
    "text.replace",
    "text.yaml_entry",
    "text.block",
    "rust.cfg_item",
    "rust.array_element",
    "rust.match_arm",
    "rust.match_alternative",
    "rust.enum_variant",
    "rust.file",
    "toml.table_key",
    "toml.array_element",
    "toml.dependency",
];

/// Builds the kind-specific half of a point from its profile table. `at` locates the point in
/// the profile for error messages.
pub fn build_kind(kind: &str, spec: ::toml::Table, at: &Location) -> Result<Box<dyn PointKind>> {
    if let Some(yaml_kind) = kind.strip_prefix("yaml.") {
        return yaml::build(yaml_kind, spec, at);
    }
    if let Some(go_kind) = kind.strip_prefix("go.") {
        return go::build(go_kind, spec, at);
    }
    if let Some(text_kind) = kind.strip_prefix("text.") {
        return text::build(text_kind, spec, at);
    }
    if let Some(rust_kind) = kind.strip_prefix("rust.") {
        return rust::build(rust_kind, spec, at);
    }
    if let Some(toml_kind) = kind.strip_prefix("toml.") {
        return toml::build(toml_kind, spec, at);
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
pub(crate) fn parse_spec<T: serde::de::DeserializeOwned>(kind: &str, spec: ::toml::Table, at: &Location) -> Result<T> {
    T::deserialize(::toml::Value::Table(spec)).map_err(|e| {
        Error::input(at.clone(), format!("point of kind `{kind}`: {}", e.message()), "see docs/profiles.md for the fields of each kind")
    })
}

/// The error of an anchor a point looks for and does not find in `file`, at 1-based `line` (0
/// when there is no line to name).
pub(crate) fn anchor_error(file: &SourceFile<'_>, line: usize, message: String, hint: &str) -> Error {
    Error::AnchorNotFound { at: Location::new(file.display, line, 0), message, hint: hint.to_string() }
}

/// Compiles a regular expression from a profile, naming the point on failure.
pub(crate) fn regex(pattern: &str, at: &Location) -> Result<regex::Regex> {
    regex::Regex::new(pattern).map_err(|e| Error::input(at.clone(), format!("invalid regular expression `{pattern}`: {e}"), "fix the pattern in the profile"))
}
