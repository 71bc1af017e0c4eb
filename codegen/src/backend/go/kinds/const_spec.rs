//! `go.const_spec`: a constant that joins a family of const specs (`CLOUD_PROVIDER_ACME =
//! "Acme"` after the other `CLOUD_PROVIDER_*`), placed after the family's last member or the
//! last member of its longest run; the family's members are the providers the tree defines.
//! A constant the file declares twice does not compile: it is reported as a duplicate.

use regex::Regex;
use serde::Deserialize;
use tree_sitter::Tree;

use crate::backend::go::layout::BlockKind;
use crate::backend::go::parse::{Extent, Scope, parse_valid};
use crate::backend::go::splice::{delete_aligned, insert_aligned};
use crate::backend::go::syntax::{self, field_children, normalize, row, text};
use crate::backend::splice::preimage;
use crate::backend::{DriftKind, Duplicate, Inspection, Member, PointKind, Removal, SourceFile, anchor_error, regex};
use crate::error::{Location, Result};
use crate::template::Renderer;
use crate::text::indentation_at;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConstSpecSpec {
    /// Regex on the spec's name selecting the family the new spec joins.
    family: String,
    /// Regex on names to leave out of the family.
    exclude: Option<String>,
    /// Regex on the value text that family members must also match.
    value_family: Option<String>,
    /// `last` (after the family's last member) or `largest_group` (after the last member of
    /// the longest run of consecutive members).
    #[serde(default)]
    placement: Placement,
    name: String,
    value: String,
}

#[derive(Debug, Default, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum Placement {
    #[default]
    Last,
    LargestGroup,
}

#[derive(Debug)]
pub struct ConstSpec {
    family: Regex,
    exclude: Option<Regex>,
    value_family: Option<Regex>,
    placement: Placement,
    name: String,
    value: String,
}

/// A const spec of the file: where it is, the names it declares and its value's text.
pub(super) struct SpecInfo {
    /// 0-based first and last line, and the byte offset it starts at.
    pub(super) row: usize,
    pub(super) end_row: usize,
    start_byte: usize,
    pub(super) names: Vec<String>,
    value: String,
    /// Declared in the package block (not inside a function).
    top_level: bool,
}

impl ConstSpec {
    pub fn new(spec: ConstSpecSpec, at: &Location) -> Result<Self> {
        Ok(Self {
            family: regex(&spec.family, at)?,
            exclude: spec.exclude.as_deref().map(|p| regex(p, at)).transpose()?,
            value_family: spec.value_family.as_deref().map(|p| regex(p, at)).transpose()?,
            placement: spec.placement,
            name: spec.name,
            value: spec.value,
        })
    }

    /// Every const spec of the file, in order (those inside functions too); kept in the file's
    /// memo, since every provider looks for its constant among the same specs.
    pub(super) fn specs(file: &SourceFile<'_>, tree: &Tree, src: &str) -> std::sync::Arc<Vec<SpecInfo>> {
        file.memo("go.const_specs", || {
            let mut out = Vec::new();
            syntax::visit(tree.root_node(), &mut |n| {
                if n.kind() == "const_spec" {
                    let names = field_children(n, "name").iter().map(|x| text(*x, src).to_string()).collect();
                    let value = n.child_by_field_name("value").map(|v| text(v, src).to_string()).unwrap_or_default();
                    let top_level = n.parent().and_then(|d| d.parent()).is_some_and(|p| p.kind() == "source_file");
                    out.push(SpecInfo { row: row(n), end_row: n.end_position().row, start_byte: n.start_byte(), names, value, top_level });
                    return false;
                }
                true
            });
            out
        })
    }

    /// Constants the file declares more than once in the package block: `A redeclared in this
    /// block`, a compile error (the blank identifier may repeat).
    pub(super) fn redeclared(file: &SourceFile<'_>) -> Result<Vec<Duplicate>> {
        let (src, tree) = parse_valid(file, "a const declaration", Scope::Words(&["const"]))?;
        let specs = Self::specs(file, &tree, src);
        let names = specs.iter().filter(|s| s.top_level).flat_map(|s| s.names.iter().filter(|n| *n != "_").map(|n| (n.clone(), s.row + 1)));
        Ok(Duplicate::among(names, |name| Some(format!("{name} redeclared in this block"))))
    }

    fn is_member(&self, spec: &SpecInfo) -> bool {
        spec.names.iter().any(|n| self.family.is_match(n) && !self.exclude.as_ref().is_some_and(|e| e.is_match(n)))
            && self.value_family.as_ref().is_none_or(|v| v.is_match(&spec.value))
    }

    fn family_description(&self) -> String {
        format!("a const spec whose name matches `{}`", self.family.as_str())
    }
}

impl PointKind for ConstSpec {
    fn duplicates(&self, file: &SourceFile<'_>) -> Result<Vec<Duplicate>> {
        Self::redeclared(file)
    }

    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(format!("const {} = {}", r.render("name", &self.name)?, r.render("value", &self.value)?))
    }

    fn key(&self, r: &Renderer) -> Result<Option<String>> {
        Ok(Some(format!("const {}", r.render("name", &self.name)?)))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let name = r.render("name", &self.name)?;
        let value = r.render("value", &self.value)?;
        let (src, tree) = parse_valid(file, &self.family_description(), Scope::Words(&["const"]))?;
        let specs = Self::specs(file, &tree, src);
        if let Some(found) = specs.iter().find(|s| s.names.contains(&name)) {
            let line = found.row + 1;
            if normalize(&found.value) != normalize(&value) {
                let kind = if normalize(&found.value).eq_ignore_ascii_case(&normalize(&value)) { DriftKind::Spelling } else { DriftKind::Value };
                return Ok(Inspection::Drift { line, message: format!("{name} is `{}`, expected `{value}`", found.value), kind });
            }
            return Ok(Inspection::Present { line });
        }
        let members: Vec<&SpecInfo> = specs.iter().filter(|s| self.is_member(s)).collect();
        let Some(last) = members.last() else {
            return Err(anchor_error(file, 0, format!("expected {}", self.family_description()), "check that the file is the one the profile expects, or adjust the point's `family` pattern"));
        };
        let anchor = match self.placement {
            Placement::Last => *last,
            Placement::LargestGroup => {
                let mut best: (usize, &SpecInfo) = (0, *last);
                let mut run = 0;
                for (i, m) in members.iter().enumerate() {
                    let contiguous = i > 0 && m.row == members[i - 1].end_row + 1;
                    run = if contiguous { run + 1 } else { 1 };
                    if run >= best.0 {
                        best = (run, *m);
                    }
                }
                best.1
            }
        };
        let end_row = anchor.end_row;
        if r.is_presence_only() {
            return Ok(Inspection::Missing { line: end_row + 2, updated: String::new() });
        }
        let indent = indentation_at(src, anchor.start_byte);
        let updated = insert_aligned(BlockKind::Specs, src, end_row, &format!("{indent}{name} = {value}"), Extent::of(file));
        Ok(Inspection::Missing { line: end_row + 2, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let name = r.render("name", &self.name)?;
        let (src, tree) = parse_valid(file, &self.family_description(), Scope::Words(&["const"]))?;
        let specs = Self::specs(file, &tree, src);
        let Some(found) = specs.iter().find(|s| s.names == [name.clone()]) else { return Ok(Removal::Absent) };
        let candidates = delete_aligned(BlockKind::Specs, src, found.row, found.end_row, Extent::of(file));
        Ok(Removal::Rewrite(preimage(self, file, r, src, candidates)?))
    }

    fn members(&self, file: &SourceFile<'_>) -> Result<Vec<Member>> {
        let (src, tree) = parse_valid(file, &self.family_description(), Scope::Words(&["const"]))?;
        Ok(Self::specs(file, &tree, src)
            .iter()
            .filter(|s| self.is_member(s))
            .flat_map(|s| {
                s.names.iter().map(|n| Member {
                    name: n.clone(),
                    value: s.value.trim_matches('"').to_string(),
                    line: s.row + 1,
                })
            })
            .collect())
    }
}
