//! `toml.dependency`: a dependency written as an inline table in a dependency table
//! (`[dependencies]`, `[target.'cfg(unix)'.dependencies]`), such as
//! `opendal-service-x = { path = "services/x", version = "0.58.2", optional = true }`. Fields
//! named in `inherit` take their value from the document (`version` from
//! `workspace.package.version`), so a release bump does not make every descriptor stale; a
//! present dependency whose `path` (or another `compare` field) differs is drift.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::table_key::{TableKey, TableKeySpec};
use crate::error::{Location, Result};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DependencySpec {
    /// Keys from the root to the dependency table, e.g. `["dependencies"]`.
    table: Vec<String>,
    /// The crate's name (a template).
    name: String,
    /// The inline table (a template).
    value: String,
    /// Fields of the inline table set from the document: field -> dotted path.
    #[serde(default)]
    inherit: BTreeMap<String, String>,
    /// Fields a present dependency must agree on; `path` by default.
    compare: Option<Vec<String>>,
    /// A regular expression over `name = value`: the dependencies the new one is ordered among.
    family: Option<String>,
}

pub fn build(spec: DependencySpec, at: &Location) -> Result<TableKey> {
    let inherit = spec.inherit.into_iter().map(|(k, v)| (k, v.split('.').map(str::to_string).collect())).collect();
    let compare = spec.compare.unwrap_or_else(|| vec!["path".into()]);
    TableKey::with(TableKeySpec { table: spec.table, key: spec.name, value: spec.value, family: spec.family, exact: false }, inherit, compare, "toml.dependency", at)
}
