//! `go.decls`: top-level declarations appended at the end of a file; present when all of them
//! are declared by name (or the `identity` pattern matches), partial when only some are.

use regex::Regex;
use serde::Deserialize;
use tree_sitter::{Node, Tree};

use crate::backend::go::parse::{Scope, parse_valid};
use crate::backend::go::syntax::{self, children, row};
use crate::backend::{DriftKind, Inspection, PointKind, Removal, SourceFile};
use crate::error::{Error, Location, Result};
use crate::template::Renderer;
use crate::text::{line_end_inclusive, line_start};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclsSpec {
    /// Go source of one or more top-level declarations (a template), appended at the end of
    /// the file when none of them is there yet.
    source: String,
    /// A regex (a template) that finds the registration when it was written under other names
    /// (an options type spelt `SAWS...` for a provider whose Go name is `Aws`); consulted only
    /// when none of the declarations is there by name.
    identity: Option<String>,
}

#[derive(Debug)]
pub struct Decls {
    source: String,
    identity: Option<String>,
}

impl Decls {
    pub fn new(spec: DeclsSpec) -> Self {
        Self { source: spec.source, identity: spec.identity }
    }

    /// Names declared by the fragment, in order.
    fn fragment_names(fragment: &str) -> Vec<String> {
        let src = format!("package fragment\n\n{fragment}");
        let tree = syntax::parse(&src);
        children(tree.root_node()).into_iter().flat_map(|n| syntax::declaration_names(n, &src)).collect()
    }

    /// Top-level declarations of the target, with their names.
    fn target_decls<'t>(tree: &'t Tree, src: &str) -> Vec<(Node<'t>, Vec<String>)> {
        children(tree.root_node())
            .into_iter()
            .map(|n| (n, syntax::declaration_names(n, src)))
            .filter(|(_, names)| !names.is_empty())
            .collect()
    }
}

impl PointKind for Decls {
    fn describe(&self, r: &Renderer) -> Result<String> {
        let names = Self::fragment_names(&r.render("source", &self.source)?);
        Ok(format!("declarations {}", names.join(", ")))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let fragment = r.render("source", &self.source)?;
        let wanted = Self::fragment_names(&fragment);
        let (src, tree) = parse_valid(file, "Go declarations", Scope::Whole)?;
        // The file's declarations with their names, the same for every provider.
        let existing = file.memo("go.decls", || Self::target_decls(&tree, src).into_iter().map(|(n, names)| (row(n), names)).collect::<Vec<_>>());
        let found: Vec<(&String, usize)> = wanted
            .iter()
            .filter_map(|w| existing.iter().find(|(_, names)| names.contains(w)).map(|(n, _)| (w, n + 1)))
            .collect();
        if found.len() == wanted.len() {
            return Ok(Inspection::Present { line: found.first().map_or(1, |f| f.1) });
        }
        if let Some((_, line)) = found.first() {
            let missing: Vec<&String> = wanted.iter().filter(|w| !found.iter().any(|f| f.0 == *w)).collect();
            return Ok(Inspection::Drift { line: *line, message: format!("only some declarations are present; missing: {}", missing.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")), kind: DriftKind::Partial });
        }
        if let Some(identity) = self.identity.as_deref().map(|i| r.render("identity", i)).transpose()? {
            let re = Regex::new(&identity).map_err(|e| Error::input(Location::new(file.display, 0, 0), format!("identity `{identity}`: {e}"), "fix the profile"))?;
            if let Some(m) = re.find(src) {
                return Ok(Inspection::Present { line: crate::text::line_of(src, m.start()) });
            }
        }
        if r.is_presence_only() {
            // Where the declarations would start: after the file and one blank line.
            let line = src.matches('\n').count() + usize::from(!src.ends_with('\n')) + 2;
            return Ok(Inspection::Missing { line, updated: String::new() });
        }
        let mut updated = src.to_string();
        if !updated.ends_with('\n') {
            updated.push('\n');
        }
        let line = updated.matches('\n').count() + 2;
        updated.push('\n');
        updated.push_str(fragment.trim_matches('\n'));
        updated.push('\n');
        Ok(Inspection::Missing { line, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let wanted = Self::fragment_names(&r.render("source", &self.source)?);
        let (src, tree) = parse_valid(file, "Go declarations", Scope::Whole)?;
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for (node, names) in Self::target_decls(&tree, src) {
            if !names.iter().any(|n| wanted.contains(n)) {
                continue;
            }
            // The declaration's doc comment lines belong to it.
            let mut start = node;
            while let Some(prev) = start.prev_sibling() {
                if prev.kind() == "comment" && prev.end_position().row + 1 == start.start_position().row {
                    start = prev;
                } else {
                    break;
                }
            }
            let mut from = line_start(src, start.start_byte());
            // Take the blank line that separated it from what came before.
            if src[..from].ends_with("\n\n") {
                from -= 1;
            }
            ranges.push((from, line_end_inclusive(src, node.end_byte())));
        }
        if ranges.is_empty() {
            return Ok(Removal::Absent);
        }
        let mut updated = src.to_string();
        for (from, to) in ranges.into_iter().rev() {
            updated.replace_range(from..to, "");
        }
        Ok(Removal::Rewrite(updated))
    }
}
