//! `toml.array_element`: an element of an array, one per line: a feature list
//! (`services-all = [...]`), the `features = [...]` of a dependency's inline table, or an array
//! under a dotted table such as `[target.'cfg(unix)'.dependencies.opendal]`. The element takes
//! the quotes its siblings use (`'services-x'` in a list written with single quotes). The
//! siblings that take part in the order are the elements the `family` pattern matches (all
//! without one); comment lines inside the array (commented-out entries) stay with the element
//! below them.

use serde::Deserialize;

use crate::backend::sequence::{self, Problem, Sequence, Wanted};
use crate::backend::toml::{Failure, Node, check_data, data_at, lookup, path_failure};
use crate::backend::{Inspection, PointKind, Removal, SourceFile};
use crate::backend::splice::preimage;
use crate::error::{Error, Location, Result};
use crate::template::Renderer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArrayElementSpec {
    /// Keys from the document root to the array, e.g. `["dependencies", "opendal", "features"]`.
    array: Vec<String>,
    /// The element as a TOML value (a template), e.g. `"services-x"`.
    element: String,
    /// A regular expression over string elements: the ones the new element is ordered among.
    family: Option<String>,
}

#[derive(Debug)]
pub struct ArrayElement {
    array: Vec<String>,
    element: String,
    family: Option<regex::Regex>,
    memo_key: String,
}

/// A value's identity: the string itself, or its TOML text.
fn identity(v: &toml_edit::Value) -> String {
    match v.as_str() {
        Some(s) => s.to_string(),
        None => v.to_string().trim().to_string(),
    }
}

impl ArrayElement {
    pub fn new(spec: ArrayElementSpec, at: &Location) -> Result<Self> {
        let family = spec.family.as_deref().map(|f| crate::backend::regex(f, at)).transpose()?;
        let memo_key = format!("array_element:{}:{}", spec.array.join("."), spec.family.as_deref().unwrap_or(""));
        Ok(Self { array: spec.array, element: spec.element, family, memo_key })
    }

    fn sort_of(&self, id: &str) -> Option<String> {
        match &self.family {
            Some(f) => f.is_match(id).then(|| id.to_string()),
            None => Some(id.to_string()),
        }
    }

    fn extract(&self, doc: &toml_edit::Document<String>) -> std::result::Result<(Sequence, bool, bool), Failure> {
        let text = doc.raw();
        let node = lookup(doc, &self.array).map_err(|(found, line)| path_failure(&self.array, found, line))?;
        let Node::Array(array) = node else {
            return Err(Failure::Anchor(Problem { line: 0, message: format!("{} is not an array", self.array.join(".")), hint: "point `array` at an array".into() }));
        };
        let mut entries = Vec::new();
        let mut single = 0;
        for v in array.iter() {
            let Some(span) = v.span() else { continue };
            if text[span.clone()].starts_with('\'') {
                single += 1;
            }
            let id = identity(v);
            entries.push(sequence::entry(text, span, id.clone(), self.sort_of(&id), String::new(), "#").map_err(Failure::Anchor)?);
        }
        let single_quoted = single * 2 > entries.len();
        Ok((Sequence::new(text, entries), single_quoted, array.trailing_comma() || array.is_empty()))
    }

    fn wanted(&self, r: &Renderer, single_quoted: bool) -> Result<(Wanted, ::toml::Value)> {
        let rendered = r.render("element", &self.element)?.trim().trim_end_matches(',').to_string();
        let data: ::toml::Table = format!("x = {rendered}").parse().map_err(|e: ::toml::de::Error| {
            Error::input(Location::new("<profile>", 0, 0), format!("the element of a toml.array_element point is not a TOML value: {}", e.message()), "fix the point's `element`")
        })?;
        let value = data.get("x").cloned().unwrap_or(::toml::Value::Boolean(false));
        let (id, fragment) = match &value {
            ::toml::Value::String(s) if single_quoted && !s.contains('\'') && !s.contains('\n') => (s.clone(), format!("'{s}',")),
            ::toml::Value::String(s) => (s.clone(), format!("{},", toml_edit::Value::from(s.as_str()).to_string().trim())),
            other => (other.to_string(), format!("{rendered},")),
        };
        Ok((Wanted { gate_features: Vec::new(), sort_key: self.sort_of(&id), what: format!("`{rendered}` in {}", self.array.join(".")), key: id, attrs: String::new(), fragment }, value))
    }

    /// The elements, whether they are single-quoted, and whether the array has a trailing
    /// comma; kept in the file's memo unless `text` is an edit.
    fn read(&self, file: &SourceFile<'_>, text: &str, memo: bool) -> Result<std::sync::Arc<(Sequence, bool, bool)>> {
        let compute = || crate::backend::toml::parse(text).and_then(|doc| self.extract(&doc)).map(std::sync::Arc::new);
        let got = if memo { (*file.memo(&format!("toml:{}", self.memo_key), compute)).clone() } else { compute() };
        got.map_err(|f| f.into_error(file, !memo))
    }
}

impl PointKind for ArrayElement {
    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(self.wanted(r, false)?.0.what)
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let text = file.require(&format!("the array {}", self.array.join(".")))?;
        let read = self.read(file, text, true)?;
        let (seq, single_quoted, trailing_comma) = (&read.0, read.1, read.2);
        let (wanted, value) = self.wanted(r, single_quoted)?;
        if seq.find(&wanted.key).is_none() && !trailing_comma && !r.is_presence_only() {
            return Err(Error::AnchorNotFound {
                at: Location::new(file.display, 0, 0),
                message: format!("the array {} has no comma after its last element", self.array.join(".")),
                hint: "add the trailing comma (taplo and cargo fmt write one in multi-line arrays), then run integrate again".into(),
            });
        }
        let inspected = sequence::inspect(file, text, seq, &wanted, r.is_presence_only(), |updated| self.read(&file.with_text(updated), updated, false).map(|r| std::sync::Arc::new(r.0.clone())))?;
        if let Inspection::Missing { updated, .. } = &inspected
            && !updated.is_empty()
        {
            let index = {
                let again = self.read(&file.with_text(updated), updated, false)?;
                again.0.entries.iter().position(|e| e.key == wanted.key).unwrap_or(0)
            };
            check_data(file, text, updated, &wanted.what, |d| {
                if let Some(::toml::Value::Array(a)) = data_at(d, &self.array) {
                    a.insert(index.min(a.len()), value.clone());
                }
            })?;
        }
        Ok(inspected)
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let Some(text) = file.text else { return Ok(Removal::Absent) };
        let read = self.read(file, text, true)?;
        let (seq, single_quoted) = (&read.0, read.1);
        let (wanted, _) = self.wanted(r, single_quoted)?;
        let Some(entry) = seq.find(&wanted.key) else { return Ok(Removal::Absent) };
        let candidates = seq.removals(text, entry);
        Ok(Removal::Rewrite(preimage(self, file, r, text, candidates)?))
    }
}
