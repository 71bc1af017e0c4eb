//! `go.const_group`: a group of const specs (a comment and several specs) added after a blank
//! line at the end of a const block: a provider's storage kinds, for example. A constant the
//! file declares twice does not compile: it is reported as a duplicate.

use regex::Regex;
use serde::Deserialize;
use tree_sitter::{Node, Tree};

use crate::backend::go::layout::BlockKind;
use crate::backend::go::parse::{Extent, Scope, memo_found, parse_valid};
use crate::backend::go::splice::insert_aligned;
use crate::backend::go::syntax::{self, field_children, text};
use crate::backend::splice::offset_of_line;
use crate::backend::{DriftKind, Duplicate, Inspection, PointKind, Removal, SourceFile, anchor_error, regex};
use crate::error::{Location, Result};
use crate::template::Renderer;

use super::const_spec::{ConstSpec, SpecInfo};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConstGroupSpec {
    /// Regex on a spec name of the const block the group joins.
    block: String,
    /// The group: an optional `//` comment line, then `NAME = value` lines (a template).
    specs: String,
}

/// A group of const specs (a comment and several specs) added at the end of a const block,
/// after a blank line: a provider's storage kinds, for example.
#[derive(Debug)]
pub struct ConstGroup {
    block: Regex,
    group: String,
}

impl ConstGroup {
    pub fn new(spec: ConstGroupSpec, at: &Location) -> Result<Self> {
        Ok(Self { block: regex(&spec.block, at)?, group: spec.specs })
    }

    /// Names the group declares.
    fn names(group: &str) -> Vec<String> {
        group
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("//"))
            .filter_map(|l| l.split(['=', ' ']).next().map(str::to_string))
            .collect()
    }

    fn block<'t>(&self, file: &SourceFile<'_>, tree: &'t Tree, src: &str) -> Result<Node<'t>> {
        let mut found = None;
        syntax::visit(tree.root_node(), &mut |n| {
            if found.is_none() && n.kind() == "const_declaration" {
                let mut hit = false;
                syntax::visit(n, &mut |m| {
                    if m.kind() == "const_spec" && field_children(m, "name").iter().any(|x| self.block.is_match(text(*x, src))) {
                        hit = true;
                    }
                    !hit
                });
                if hit {
                    found = Some(n);
                }
            }
            found.is_none()
        });
        found.ok_or_else(|| anchor_error(file, 0, format!("expected a const block with a spec matching `{}`", self.block.as_str()), "update the point's `block` pattern"))
    }
}

impl PointKind for ConstGroup {
    fn duplicates(&self, file: &SourceFile<'_>) -> Result<Vec<Duplicate>> {
        ConstSpec::redeclared(file)
    }

    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(format!("const group {}", Self::names(&r.render("specs", &self.group)?).join(", ")))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let group = r.render("specs", &self.group)?;
        let names = Self::names(&group);
        let (src, tree) = parse_valid(file, "a const block", Scope::Words(&["const"]))?;
        let specs = ConstSpec::specs(file, &tree, src);
        let found: Vec<&SpecInfo> = specs.iter().filter(|s| s.names.iter().any(|n| names.contains(n))).collect();
        if let Some(first) = found.first() {
            let line = first.row + 1;
            if found.len() == names.len() {
                return Ok(Inspection::Present { line });
            }
            return Ok(Inspection::Drift { line, message: format!("{} of {} constants of the group are declared", found.len(), names.len()), kind: DriftKind::Partial });
        }
        // The block's last line, the same for every provider: kept in the file's memo.
        let close = *memo_found(file, &format!("go.const_block\0{}", self.block.as_str()), || Ok(self.block(file, &tree, src)?.end_position().row))?;
        if r.is_presence_only() {
            return Ok(Inspection::Missing { line: close + 2, updated: String::new() });
        }
        let indent = "\t";
        let body: Vec<String> = group.trim_matches('\n').lines().map(|l| format!("{indent}{}", l.trim())).collect();
        let lines = format!("\n{}", body.join("\n"));
        let updated = insert_aligned(BlockKind::Specs, src, close - 1, &lines, Extent::of(file));
        Ok(Inspection::Missing { line: close + 2, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let group = r.render("specs", &self.group)?;
        let names = Self::names(&group);
        let (src, tree) = parse_valid(file, "a const block", Scope::Words(&["const"]))?;
        let specs = ConstSpec::specs(file, &tree, src);
        let found: Vec<&SpecInfo> = specs.iter().filter(|s| s.names.iter().any(|n| names.contains(n))).collect();
        let (Some(first), Some(last)) = (found.first(), found.last()) else { return Ok(Removal::Absent) };
        let mut start = first.row;
        // The group's comment and the blank line before it go too.
        let lines: Vec<&str> = src.split('\n').collect();
        if start > 0 && lines[start - 1].trim_start().starts_with("//") {
            start -= 1;
        }
        if start > 0 && lines[start - 1].trim().is_empty() {
            start -= 1;
        }
        let from = offset_of_line(src, start);
        let to = offset_of_line(src, last.end_row + 1);
        let mut updated = src.to_string();
        updated.replace_range(from..to, "");
        Ok(Removal::Rewrite(updated))
    }
}
