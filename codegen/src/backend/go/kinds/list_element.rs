//! `go.list_element`: an element of a composite literal assigned to a variable (`[]string{...}`),
//! inserted in the literal's own layout (see [`crate::backend::go::literal`]); elements of
//! other literals named in `also_in` count as the registration too.

use serde::Deserialize;

use crate::backend::go::literal::{find_literal, insert_element, insertion_line, literal_duplicates, literal_elements, remove_element};
use crate::backend::go::parse::{Extent, Scope, parse_valid};
use crate::backend::go::syntax::{normalize, row, text};
use crate::backend::splice::preimage;
use crate::backend::{DriftKind, Duplicate, Inspection, PointKind, Removal, SourceFile};
use crate::error::Result;
use crate::template::Renderer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListElementSpec {
    /// The variable the composite literal is assigned to.
    var: String,
    /// Only look inside this function (for `x := []string{...}` in `init`).
    func: Option<String>,
    element: String,
    /// Other literals in the same scope whose elements count as the registration too (climc
    /// appends `storageFeatures` to `features`); apply only ever adds to `var`.
    #[serde(default)]
    also_in: Vec<String>,
}

#[derive(Debug)]
pub struct ListElement {
    spec: ListElementSpec,
}

impl ListElement {
    pub fn new(spec: ListElementSpec) -> Self {
        Self { spec }
    }

    /// The names the literals are found by: the function holding them, or the variables.
    fn words(&self) -> Vec<&str> {
        match &self.spec.func {
            Some(f) => vec![f.as_str()],
            None => std::iter::once(&self.spec.var).chain(&self.spec.also_in).map(String::as_str).collect(),
        }
    }
}

impl PointKind for ListElement {
    fn duplicates(&self, file: &SourceFile<'_>) -> Result<Vec<Duplicate>> {
        let (src, tree) = parse_valid(file, &format!("the literal `{}`", self.spec.var), Scope::Words(&self.words()))?;
        let body = find_literal(file, &tree, src, &self.spec.var, self.spec.func.as_deref())?;
        Ok(literal_duplicates(src, body, false))
    }

    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(format!("{} in {}", r.render("element", &self.spec.element)?, self.spec.var))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let element = r.render("element", &self.spec.element)?;
        let (src, tree) = parse_valid(file, &format!("the literal `{}`", self.spec.var), Scope::Words(&self.words()))?;
        let body = find_literal(file, &tree, src, &self.spec.var, self.spec.func.as_deref())?;
        let want = normalize(&element);
        if let Some(found) = literal_elements(body).iter().find(|e| normalize(text(**e, src)) == want) {
            return Ok(Inspection::Present { line: row(*found) + 1 });
        }
        for other in &self.spec.also_in {
            let body = find_literal(file, &tree, src, other, self.spec.func.as_deref())?;
            if let Some(found) = literal_elements(body).iter().find(|e| normalize(text(**e, src)) == want) {
                return Ok(Inspection::Present { line: row(*found) + 1 });
            }
        }
        if let Some(near) = literal_elements(body).iter().find(|e| normalize(text(**e, src)).eq_ignore_ascii_case(&want)) {
            return Ok(Inspection::Drift {
                line: row(*near) + 1,
                message: format!("{} lists `{}`, but the value is `{element}`", self.spec.var, text(*near, src)),
                kind: DriftKind::Spelling,
            });
        }
        if r.is_presence_only() {
            return Ok(Inspection::Missing { line: insertion_line(src, body, &element), updated: String::new() });
        }
        let (line, updated) = insert_element(src, body, &element, Extent::of(file));
        Ok(Inspection::Missing { line, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let element = r.render("element", &self.spec.element)?;
        let (src, tree) = parse_valid(file, &format!("the literal `{}`", self.spec.var), Scope::Words(&self.words()))?;
        let body = find_literal(file, &tree, src, &self.spec.var, self.spec.func.as_deref())?;
        let want = normalize(&element);
        match literal_elements(body).into_iter().find(|e| normalize(text(*e, src)) == want) {
            Some(found) => Ok(Removal::Rewrite(preimage(self, file, r, src, remove_element(src, body, found, Extent::of(file)))?)),
            None => Ok(Removal::Absent),
        }
    }
}
