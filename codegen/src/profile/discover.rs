//! What a profile declares in `[[discover]]`: the signals `integrate discover` infers each
//! descriptor field from ([`crate::discover`] runs them).

use serde::Deserialize;

/// One way to infer a descriptor field, declared in a profile's `[[discover]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signal {
    /// Dotted descriptor field: `id`, `env`, `names.go`, `features.vms`, `credential.kind`, ...
    pub field: String,
    /// The root the files live in; absent for a default that always applies.
    pub root: Option<String>,
    /// A minijinja expression over the fields found so far; the signal is tried only when it
    /// is true (a field it names that is not found yet makes it false).
    pub when: Option<String>,
    /// Glob patterns of files, relative to the root (templates).
    #[serde(default)]
    pub files: Vec<String>,
    /// A regular expression (a template) a candidate file must contain to be considered.
    pub file_contains: Option<String>,
    /// A regular expression (a template); absent for a default.
    pub pattern: Option<String>,
    /// `content` (default) matches the pattern against the file's text, `path` against its
    /// path relative to the root.
    #[serde(default)]
    pub on: MatchOn,
    /// The value when the pattern matches: a TOML value, or "$1" for the first capture. A
    /// string holding `{{` is a template over the fields found so far and `member` (the
    /// inventory entry: `name`, `value`, `stripped`), for a default worked out from the name.
    pub value: Option<toml::Value>,
    /// Maps the first capture to a value.
    #[serde(default)]
    pub map: toml::Table,
    /// Collect every match in the file into a list; `value` may use `$1` and `$2`.
    #[serde(default)]
    pub collect: bool,
    /// What the signal is, for the comment next to the field.
    pub note: String,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum MatchOn {
    #[default]
    Content,
    Path,
}
