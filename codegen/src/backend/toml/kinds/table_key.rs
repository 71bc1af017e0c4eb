//! `toml.table_key`: a key with its value in a table (`services-x = ["dep:x"]` in `[features]`).
//! The siblings that take part in the order are the keys whose `key = value` line matches the
//! `family` pattern (all keys without one); the new key goes at its sorted place when they are
//! sorted, after the last of them otherwise. A present key is the registration; with `exact`,
//! a present key with another value is drift. `toml.dependency` is this kind with a version
//! taken from the document and its `path` compared.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::backend::sequence::{self, Problem, Sequence, Wanted};
use crate::backend::toml::{Failure, Node, check_data, compact, data_at, lookup, path_failure, sequence_in};
use crate::backend::{DriftKind, Inspection, Member, PointKind, Removal, SourceFile};
use crate::backend::splice::preimage;
use crate::error::{Error, Location, Result};
use crate::template::Renderer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableKeySpec {
    /// Keys from the document root to the table, e.g. `["features"]`.
    pub table: Vec<String>,
    /// The key (a template).
    pub key: String,
    /// The value as TOML (a template), e.g. `["dep:opendal-service-x"]`.
    pub value: String,
    /// A regular expression over `key = value` (whitespace collapsed): the siblings it matches
    /// are the ones the new key is ordered among.
    pub family: Option<String>,
    /// Whether a present key must also hold exactly this value.
    #[serde(default)]
    pub exact: bool,
}

#[derive(Debug)]
pub struct TableKey {
    pub(crate) table: Vec<String>,
    pub(crate) key: String,
    pub(crate) value: String,
    pub(crate) family: Option<regex::Regex>,
    pub(crate) exact: bool,
    /// Keys of an inline-table value set from the document (`version` from
    /// `workspace.package.version`).
    pub(crate) inherit: BTreeMap<String, Vec<String>>,
    /// Keys of an inline-table value a present entry must agree on (`path`).
    pub(crate) compare: Vec<String>,
    pub(crate) kind_name: &'static str,
    memo_key: String,
}

impl TableKey {
    pub fn new(spec: TableKeySpec, at: &Location) -> Result<Self> {
        Self::with(spec, BTreeMap::new(), Vec::new(), "toml.table_key", at)
    }

    pub(crate) fn with(spec: TableKeySpec, inherit: BTreeMap<String, Vec<String>>, compare: Vec<String>, kind_name: &'static str, at: &Location) -> Result<Self> {
        let family = spec.family.as_deref().map(|f| crate::backend::regex(f, at)).transpose()?;
        let memo_key = format!("table_key:{}:{}", spec.table.join("."), spec.family.as_deref().unwrap_or(""));
        Ok(Self { table: spec.table, key: spec.key, value: spec.value, family, exact: spec.exact, inherit, compare, kind_name, memo_key })
    }

    fn extract(&self, doc: &toml_edit::Document<String>) -> std::result::Result<Sequence, Failure> {
        let text = doc.raw();
        let node = lookup(doc, &self.table).map_err(|(found, line)| path_failure(&self.table, found, line))?;
        let pairs: Vec<(&toml_edit::Key, &toml_edit::Item)> = match node {
            Node::Table(t) => t.iter().filter_map(|(k, _)| t.get_key_value(k)).collect(),
            Node::Inline(t) => t.iter().filter_map(|(k, _)| t.get_key_value(k)).collect(),
            _ => return Err(Failure::Anchor(Problem { line: 0, message: format!("{} is not a table", self.table.join(".")), hint: "point `table` at a table".into() })),
        };
        let mut entries = Vec::new();
        for (key, item) in pairs {
            let toml_edit::Item::Value(value) = item else { continue };
            let (Some(k), Some(v)) = (key.span(), value.span()) else { continue };
            let line = format!("{} = {}", key.get(), compact(&text[v.clone()]));
            let sort = match &self.family {
                Some(f) => f.is_match(&line).then(|| key.get().to_string()),
                None => Some(key.get().to_string()),
            };
            entries.push(sequence::entry(text, k.start..v.end, key.get().to_string(), sort, String::new(), "#").map_err(Failure::Anchor)?);
        }
        Ok(Sequence::new(text, entries))
    }

    fn sequence(&self, file: &SourceFile<'_>, text: &str, memo: bool) -> Result<std::sync::Arc<Sequence>> {
        sequence_in(file, text, memo.then_some(self.memo_key.as_str()), |doc| self.extract(doc))
    }

    /// The key and its value, rendered, with inherited keys filled in from `text`.
    fn rendered(&self, r: &Renderer, data: Option<&::toml::Table>) -> Result<(String, String, ::toml::Value)> {
        let key = r.render("key", &self.key)?;
        let mut value = r.render("value", &self.value)?.trim().to_string();
        if !self.inherit.is_empty() {
            let mut doc: toml_edit::DocumentMut = format!("x = {value}").parse().map_err(|e: toml_edit::TomlError| bad_value(self.kind_name, &e.to_string()))?;
            if let Some(table) = doc.get_mut("x").and_then(|x| x.as_inline_table_mut()) {
                for (field, path) in &self.inherit {
                    let found = data.and_then(|d| {
                        let (first, rest) = path.split_first()?;
                        rest.iter().try_fold(d.get(first)?, |v, k| v.get(k))
                    });
                    if let (Some(::toml::Value::String(s)), Some(slot)) = (found, table.get_mut(field)) {
                        let decor = slot.decor().clone();
                        *slot = toml_edit::Value::from(s.as_str());
                        *slot.decor_mut() = decor;
                    }
                }
            }
            value = doc.get("x").and_then(|x| x.as_value()).map(|v| v.to_string().trim().to_string()).unwrap_or(value);
        }
        let data: ::toml::Table = format!("x = {value}").parse().map_err(|e: ::toml::de::Error| bad_value(self.kind_name, e.message()))?;
        Ok((key, value, data.get("x").cloned().unwrap_or(::toml::Value::Boolean(false))))
    }

    fn wanted(&self, r: &Renderer, doc: Option<&::toml::Table>) -> Result<(Wanted, ::toml::Value)> {
        let (key, value, data) = self.rendered(r, doc)?;
        let shown_key = toml_edit::Key::new(key.clone()).display_repr().to_string();
        let line = format!("{shown_key} = {value}");
        let sort = match &self.family {
            Some(f) => f.is_match(&compact(&line)).then(|| key.clone()),
            None => Some(key.clone()),
        };
        Ok((Wanted { gate_features: Vec::new(), key: key.clone(), sort_key: sort, attrs: String::new(), fragment: line, what: format!("`{shown_key}` in [{}]", self.table.join(".")) }, data))
    }

    fn present_value(&self, data: &::toml::Table, key: &str) -> Option<::toml::Value> {
        let mut v = data.get(self.table.first()?)?;
        for k in &self.table[1..] {
            v = v.get(k)?;
        }
        v.get(key).cloned()
    }
}

/// The document's data, parsed once per file text when the file has a memo.
fn document_data(file: &SourceFile<'_>, text: &str) -> std::sync::Arc<Option<::toml::Table>> {
    file.memo("toml:data", || text.parse::<::toml::Table>().ok())
}

fn bad_value(kind: &str, message: &str) -> Error {
    Error::input(Location::new("<profile>", 0, 0), format!("the value of a {kind} point is not a TOML value: {message}"), "fix the point's `value` in the profile")
}

impl PointKind for TableKey {
    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(self.wanted(r, None)?.0.what)
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let text = file.require(&format!("the table [{}]", self.table.join(".")))?;
        let doc = document_data(file, text);
        let (wanted, data) = self.wanted(r, doc.as_ref().as_ref())?;
        let seq = self.sequence(file, text, true)?;
        if let Some(e) = seq.find(&wanted.key) {
            let line = crate::text::line_of(text, e.code_start);
            let have = doc.as_ref().as_ref().and_then(|d| self.present_value(d, &wanted.key));
            let differs = |field: &str| have.as_ref().and_then(|h| h.get(field)) != data.get(field);
            if self.exact && have.as_ref() != Some(&data) {
                return Ok(Inspection::Drift { line, message: format!("{} is there with another value, expected {}", wanted.what, wanted.fragment), kind: DriftKind::Value });
            }
            if let Some(field) = self.compare.iter().find(|f| differs(f)) {
                return Ok(Inspection::Drift { line, message: format!("{} is there with another `{field}`, expected {}", wanted.what, wanted.fragment), kind: DriftKind::Value });
            }
            return Ok(Inspection::Present { line });
        }
        let inspected = sequence::inspect(file, text, &seq, &wanted, r.is_presence_only(), |updated| self.sequence(&file.with_text(updated), updated, false))?;
        if let Inspection::Missing { updated, .. } = &inspected
            && !updated.is_empty()
        {
            check_data(file, text, updated, &wanted.what, |d| {
                if let Some(::toml::Value::Table(t)) = data_at(d, &self.table) {
                    t.insert(wanted.key.clone(), data.clone());
                }
            })?;
        }
        Ok(inspected)
    }

    /// The keys of the family, each with its value: the last segment of an inline table's
    /// `path` (a dependency's directory), or the value's text.
    fn members(&self, file: &SourceFile<'_>) -> Result<Vec<Member>> {
        let Some(text) = file.text else { return Ok(Vec::new()) };
        let seq = self.sequence(file, text, true)?;
        let doc = document_data(file, text);
        Ok(seq
            .entries
            .iter()
            .filter(|e| e.sort_key.is_some())
            .map(|e| {
                let value = match doc.as_ref().as_ref().and_then(|d| self.present_value(d, &e.key)) {
                    Some(::toml::Value::Table(t)) => t.get("path").and_then(|p| p.as_str()).map_or_else(String::new, |p| p.rsplit('/').next().unwrap_or(p).to_string()),
                    Some(other) => other.to_string(),
                    None => String::new(),
                };
                Member { name: e.key.clone(), value, line: crate::text::line_of(text, e.code_start) }
            })
            .collect())
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let Some(text) = file.text else { return Ok(Removal::Absent) };
        let doc = document_data(file, text);
        let (wanted, _) = self.wanted(r, doc.as_ref().as_ref())?;
        let seq = self.sequence(file, text, true)?;
        let Some(entry) = seq.find(&wanted.key) else { return Ok(Removal::Absent) };
        let candidates = seq.removals(text, entry);
        Ok(Removal::Rewrite(preimage(self, file, r, text, candidates)?))
    }
}
