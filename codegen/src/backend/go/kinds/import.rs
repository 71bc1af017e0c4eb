//! `go.import`: an import spec, added to the import group with the most paths matching the
//! point's pattern, in the place gofmt's sort gives it.

use regex::Regex;
use serde::Deserialize;
use tree_sitter::{Node, Tree};

use crate::backend::go::layout::BlockKind;
use crate::backend::go::parse::{Extent, Scope, parse_valid};
use crate::backend::go::splice::{delete_aligned, insert_aligned};
use crate::backend::go::syntax::{self, row, text};
use crate::backend::splice::preimage;
use crate::backend::{Inspection, PointKind, Removal, SourceFile, anchor_error, regex};
use crate::error::{Location, Result};
use crate::template::Renderer;
use crate::text::indentation_at;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportSpec {
    /// Regex on import paths; the new import joins the group with the most matching paths.
    group_pattern: String,
    path: String,
    /// `_` for a blank import, an alias, or absent.
    name: Option<String>,
}

#[derive(Debug)]
pub struct Import {
    group: Regex,
    path: String,
    name: Option<String>,
}

impl Import {
    pub fn new(spec: ImportSpec, at: &Location) -> Result<Self> {
        Ok(Self { group: regex(&spec.group_pattern, at)?, path: spec.path, name: spec.name })
    }

    fn specs<'t>(tree: &'t Tree) -> Vec<Node<'t>> {
        let mut out = Vec::new();
        syntax::visit(tree.root_node(), &mut |n| {
            if n.kind() == "import_spec" {
                out.push(n);
                return false;
            }
            n.kind() == "source_file" || n.kind().starts_with("import")
        });
        out
    }

    fn path_of<'s>(spec: Node<'_>, src: &'s str) -> &'s str {
        spec.child_by_field_name("path").map(|p| text(p, src).trim_matches('"')).unwrap_or_default()
    }
}

impl PointKind for Import {
    fn describe(&self, r: &Renderer) -> Result<String> {
        let name = self.name.as_deref().map(|n| r.render("name", n)).transpose()?.map(|n| format!("{n} ")).unwrap_or_default();
        Ok(format!("import {name}\"{}\"", r.render("path", &self.path)?))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let path = r.render("path", &self.path)?;
        let name = self.name.as_deref().map(|n| r.render("name", n)).transpose()?;
        let (src, tree) = parse_valid(file, "an import block", Scope::Words(&["import"]))?;
        let specs = Self::specs(&tree);
        if let Some(found) = specs.iter().find(|s| Self::path_of(**s, src) == path) {
            return Ok(Inspection::Present { line: row(*found) + 1 });
        }
        // Groups: runs of specs on consecutive lines.
        let mut groups: Vec<Vec<Node>> = Vec::new();
        for spec in specs {
            match groups.last_mut() {
                Some(g) if g.last().is_some_and(|l| l.end_position().row + 1 == row(spec)) => g.push(spec),
                _ => groups.push(vec![spec]),
            }
        }
        let group = groups
            .iter()
            .map(|g| (g.iter().filter(|s| self.group.is_match(Self::path_of(**s, src))).count(), g))
            .filter(|(n, _)| *n > 0)
            .max_by_key(|(n, _)| *n)
            .map(|(_, g)| g)
            .ok_or_else(|| anchor_error(file, 0, format!("expected an import group with paths matching `{}`", self.group.as_str()), "check the file's imports, or update the point's `group` pattern"))?;
        let spec_text = match &name {
            Some(n) => format!("{n} \"{path}\""),
            None => format!("\"{path}\""),
        };
        // gofmt sorts a group by path: insert before the first larger path.
        let before = group.iter().find(|s| Self::path_of(**s, src) > path.as_str());
        let (after_row, reference) = match before {
            Some(b) => (row(*b) - 1, *b),
            None => (group.last().expect("groups are non-empty").end_position().row, *group.last().expect("non-empty")),
        };
        if r.is_presence_only() {
            return Ok(Inspection::Missing { line: after_row + 2, updated: String::new() });
        }
        let indent = indentation_at(src, reference.start_byte()).to_string();
        let updated = insert_aligned(BlockKind::Imports, src, after_row, &format!("{indent}{spec_text}"), Extent::of(file));
        Ok(Inspection::Missing { line: after_row + 2, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let path = r.render("path", &self.path)?;
        let (src, tree) = parse_valid(file, "an import block", Scope::Words(&["import"]))?;
        match Self::specs(&tree).into_iter().find(|s| Self::path_of(*s, src) == path) {
            Some(found) => {
                let candidates = delete_aligned(BlockKind::Imports, src, row(found), found.end_position().row, Extent::of(file));
                Ok(Removal::Rewrite(preimage(self, file, r, src, candidates)?))
            }
            None => Ok(Removal::Absent),
        }
    }
}
