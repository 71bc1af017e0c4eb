//! `go.map_entry`: a key and its value in a map literal assigned to a variable; a list value
//! that holds every wanted item (and more) is not drift.

use serde::Deserialize;
use tree_sitter::Node;

use crate::backend::go::literal::{find_literal, insert_element, insertion_line, literal_duplicates, literal_elements, remove_element};
use crate::backend::go::parse::{Extent, Scope, parse_valid};
use crate::backend::go::syntax::{normalize, row, text};
use crate::backend::splice::preimage;
use crate::backend::{DriftKind, Duplicate, Inspection, PointKind, Removal, SourceFile};
use crate::error::Result;
use crate::template::Renderer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapEntrySpec {
    var: String,
    func: Option<String>,
    key: String,
    /// The value; may span several lines (a nested literal), indented relative to the key.
    value: String,
}

#[derive(Debug)]
pub struct MapEntry {
    spec: MapEntrySpec,
}

impl MapEntry {
    pub fn new(spec: MapEntrySpec) -> Self {
        Self { spec }
    }

    fn find<'t>(body: Node<'t>, src: &str, key: &str) -> Option<Node<'t>> {
        let want = normalize(key);
        literal_elements(body).into_iter().find(|e| {
            e.kind() == "keyed_element" && e.child_by_field_name("key").is_some_and(|k| normalize(text(k, src)) == want)
        })
    }
}

/// For list-literal values (`{A, B}`): whether every item the registration wants is in the
/// list the tree has, so a provider with more (AWS's dedicated hosts) is not drift.
fn list_contains_all(have: &str, want: &str) -> bool {
    let items = |s: &str| -> Option<Vec<String>> {
        let inner = normalize(s);
        let inner = inner.strip_prefix('{')?.strip_suffix('}')?.to_string();
        Some(inner.split(',').map(str::trim).filter(|x| !x.is_empty()).map(str::to_string).collect())
    };
    match (items(have), items(want)) {
        (Some(h), Some(w)) => !w.is_empty() && w.iter().all(|x| h.contains(x)),
        _ => false,
    }
}

impl PointKind for MapEntry {
    fn duplicates(&self, file: &SourceFile<'_>) -> Result<Vec<Duplicate>> {
        let (src, tree) = parse_valid(file, &format!("the map literal `{}`", self.spec.var), Scope::Words(&[self.spec.func.as_deref().unwrap_or(&self.spec.var)]))?;
        let body = find_literal(file, &tree, src, &self.spec.var, self.spec.func.as_deref())?;
        Ok(literal_duplicates(src, body, true))
    }

    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(format!("{} in map {}", r.render("key", &self.spec.key)?, self.spec.var))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let key = r.render("key", &self.spec.key)?;
        let value = r.render("value", &self.spec.value)?;
        let (src, tree) = parse_valid(file, &format!("the map literal `{}`", self.spec.var), Scope::Words(&[self.spec.func.as_deref().unwrap_or(&self.spec.var)]))?;
        let body = find_literal(file, &tree, src, &self.spec.var, self.spec.func.as_deref())?;
        if let Some(found) = Self::find(body, src, &key) {
            let line = row(found) + 1;
            let have = found.child_by_field_name("value").map(|v| text(v, src)).unwrap_or_default();
            if normalize(have) != normalize(&value) && !list_contains_all(have, &value) {
                return Ok(Inspection::Drift { line, message: format!("{key} maps to `{}`, expected `{}`", normalize(have), normalize(&value)), kind: DriftKind::Value });
            }
            return Ok(Inspection::Present { line });
        }
        let entry = format!("{key}: {value}");
        if r.is_presence_only() {
            return Ok(Inspection::Missing { line: insertion_line(src, body, &entry), updated: String::new() });
        }
        let (line, updated) = insert_element(src, body, &entry, Extent::of(file));
        Ok(Inspection::Missing { line, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let key = r.render("key", &self.spec.key)?;
        let (src, tree) = parse_valid(file, &format!("the map literal `{}`", self.spec.var), Scope::Words(&[self.spec.func.as_deref().unwrap_or(&self.spec.var)]))?;
        let body = find_literal(file, &tree, src, &self.spec.var, self.spec.func.as_deref())?;
        match Self::find(body, src, &key) {
            Some(found) => Ok(Removal::Rewrite(preimage(self, file, r, src, remove_element(src, body, found, Extent::of(file)))?)),
            None => Ok(Removal::Absent),
        }
    }
}
