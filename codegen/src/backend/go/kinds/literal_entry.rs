//! `go.literal_entry`: an element of a composite literal found by its variable or its type,
//! optionally inside a function, including the `}, {` style of table-driven tests; removal
//! picks the pre-image from which apply gives back the file exactly.

use serde::Deserialize;
use tree_sitter::{Node, Tree};

use crate::backend::go::layout::{self, BlockKind, Layout};
use crate::backend::go::parse::{Extent, Scope, method_word, parse_valid, tree_at};
use crate::backend::go::splice::narrows_uniformly;
use crate::backend::go::syntax::{self, children, end_row, normalize, row, text};
use crate::backend::splice::{offset_of_line, preimage, splice};
use crate::backend::{DriftKind, Inspection, PointKind, Removal, SourceFile, anchor_error};
use crate::error::{Error, Location, Result};
use crate::template::Renderer;
use crate::text::{indent_continuation, indentation_at};

/// The alignment layout of the literal whose closing brace is on 0-based line `close`. Asking
/// at the closing line selects the literal itself, not a nested literal on an element's line.
fn literal_layout(src: &str, close: usize, extent: Extent) -> Option<Layout> {
    let tree = tree_at(src, close, extent);
    layout::layout_at(BlockKind::Literal, &tree, src, close)
}

fn realign_literal(src: &str, close: usize, lines: &[usize], whole: bool, extent: Extent) -> String {
    match literal_layout(src, close, extent) {
        Some(layout) => layout.realign(src, lines, whole),
        None => src.to_string(),
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiteralEntrySpec {
    /// Only look inside this function or method.
    func: Option<String>,
    /// The variable the literal is assigned to (`tc := []struct{...}{...}`).
    var: Option<String>,
    /// Or the literal's type as written (`config.ImagesReference`), e.g. in a return statement.
    #[serde(rename = "type")]
    type_name: Option<String>,
    /// The element (a template; may span lines, written at the indentation of its first line).
    entry: String,
    /// Text that identifies the element when present with another content (a template);
    /// defaults to the key of a keyed element.
    identity: Option<String>,
}

#[derive(Debug)]
pub struct LiteralEntry {
    spec: LiteralEntrySpec,
}

impl LiteralEntry {
    pub fn new(spec: LiteralEntrySpec, at: &Location) -> Result<Self> {
        if spec.var.is_none() && spec.type_name.is_none() {
            return Err(Error::input(at.clone(), "a go.literal_entry point needs `var` or `type`", "name the variable the literal is assigned to, or the literal's type"));
        }
        Ok(Self { spec })
    }

    /// The name the literal is found by: the function holding it, the variable, or the last
    /// identifier of the literal's type.
    fn word(&self) -> &str {
        if let Some(f) = &self.spec.func {
            return method_word(f);
        }
        match (&self.spec.var, &self.spec.type_name) {
            (Some(var), _) => var,
            (None, Some(ty)) => ty.rsplit(|c: char| !(c.is_alphanumeric() || c == '_')).find(|w| !w.is_empty()).unwrap_or(ty),
            (None, None) => "",
        }
    }

    fn where_(&self) -> String {
        let what = match (&self.spec.var, &self.spec.type_name) {
            (Some(v), _) => format!("the literal assigned to `{v}`"),
            (None, Some(t)) => format!("a `{t}` literal"),
            (None, None) => "a literal".into(),
        };
        match &self.spec.func {
            Some(f) => format!("{what} in func {f}"),
            None => what,
        }
    }

    fn body<'t>(&self, file: &SourceFile<'_>, tree: &'t Tree, src: &str) -> Result<Node<'t>> {
        let func = self.spec.func.as_deref();
        let literal = match (&self.spec.var, &self.spec.type_name) {
            (Some(var), _) => syntax::find_var_literal(tree, src, var, func),
            (None, Some(ty)) => {
                let want = normalize(ty);
                let mut found = None;
                syntax::visit(tree.root_node(), &mut |n| {
                    if found.is_some() {
                        return false;
                    }
                    if n.kind() == "composite_literal"
                        && n.child_by_field_name("type").is_some_and(|t| normalize(text(t, src)) == want)
                        && func.is_none_or(|f| syntax::enclosing_function(n, src) == Some(f))
                    {
                        found = Some(n);
                        return false;
                    }
                    true
                });
                found
            }
            (None, None) => None,
        };
        literal
            .and_then(|l| l.child_by_field_name("body"))
            .ok_or_else(|| anchor_error(file, 0, format!("expected {}", self.where_()), "check the function and the literal still exist under these names, or update the profile"))
    }

    fn elements(body: Node<'_>) -> Vec<Node<'_>> {
        children(body).into_iter().filter(|c| matches!(c.kind(), "literal_element" | "keyed_element")).collect()
    }

    /// What identifies the entry: the `identity` field, else the key of a keyed entry.
    fn identity(&self, r: &Renderer, entry: &str) -> Result<Option<String>> {
        if let Some(id) = &self.spec.identity {
            return Ok(Some(normalize(&r.render("identity", id)?)));
        }
        let probe = format!("package p\n\nvar _ = T{{\n{entry},\n}}\n");
        let tree = syntax::parse(&probe);
        let mut key = None;
        syntax::visit(tree.root_node(), &mut |n| {
            if key.is_none() && n.kind() == "keyed_element" {
                key = n.child_by_field_name("key").map(|k| normalize(text(k, &probe)));
            }
            key.is_none()
        });
        Ok(key)
    }

    fn matches_identity(e: Node<'_>, src: &str, identity: &str) -> bool {
        let key = (e.kind() == "keyed_element").then(|| e.child_by_field_name("key")).flatten();
        key.is_some_and(|k| normalize(text(k, src)) == identity) || normalize(text(e, src)).contains(identity)
    }
}

impl PointKind for LiteralEntry {
    fn describe(&self, r: &Renderer) -> Result<String> {
        let entry = r.render("entry", &self.spec.entry)?;
        let first = entry.lines().find(|l| !l.trim().is_empty() && l.trim() != "{").unwrap_or_default().trim().trim_end_matches(',');
        Ok(format!("`{first}` in {}", self.where_()))
    }

    /// The whole entry, not its first line: entries of a list of structs start alike.
    fn key(&self, r: &Renderer) -> Result<Option<String>> {
        Ok(Some(r.render("entry", &self.spec.entry)?.split_whitespace().collect::<Vec<_>>().join(" ")))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let entry = r.render("entry", &self.spec.entry)?;
        let entry = entry.trim_end().trim_end_matches(',');
        let (src, tree) = parse_valid(file, &self.where_(), Scope::Words(&[self.word()]))?;
        let body = self.body(file, &tree, src)?;
        let elements = Self::elements(body);
        let want = normalize(entry);
        if let Some(found) = elements.iter().find(|e| normalize(text(**e, src)) == want) {
            return Ok(Inspection::Present { line: row(*found) + 1 });
        }
        if let Some(identity) = self.identity(r, entry)?
            && let Some(near) = elements.iter().find(|e| Self::matches_identity(**e, src, &identity))
        {
            return Ok(Inspection::Drift {
                line: row(*near) + 1,
                message: format!("`{}` differs from `{want}`", normalize(text(*near, src))),
                kind: DriftKind::Value,
            });
        }
        let (open, close) = (row(body), end_row(body));
        let Some(last) = elements.last().copied() else {
            if open == close {
                let at = body.start_byte() + 1;
                return Ok(Inspection::Missing { line: open + 1, updated: splice(src, at..at, entry) });
            }
            let indent = format!("{}\t", indentation_at(src, body.start_byte()));
            let at = offset_of_line(src, open + 1);
            return Ok(Inspection::Missing { line: open + 2, updated: splice(src, at..at, &format!("{indent}{},\n", indent_continuation(entry, &indent))) });
        };
        if open == close {
            if entry.contains('\n') {
                return Err(anchor_error(file, open + 1, format!("{} is written on one line; the entry spans several", self.where_()), "break the literal over several lines by hand first"));
            }
            return Ok(Inspection::Missing { line: open + 1, updated: splice(src, last.end_byte()..last.end_byte(), &format!(", {entry}")) });
        }
        if end_row(last) == close {
            // `}, {` style: the next element follows the last one on its closing line.
            let indent = indentation_at(src, last.end_byte()).to_string();
            let insertion = format!(", {}", indent_continuation(entry, &indent));
            return Ok(Inspection::Missing { line: end_row(last) + 1, updated: splice(src, last.end_byte()..last.end_byte(), &insertion) });
        }
        let after = end_row(last);
        let indent = indentation_at(src, last.start_byte()).to_string();
        let lines = format!("{indent}{},", indent_continuation(entry, &indent));
        let at = offset_of_line(src, after + 1);
        let inserted = splice(src, at..at, &format!("{lines}\n"));
        let count = lines.split('\n').count();
        // The neighbours are realigned with the new entry only when gofmt had aligned them.
        let clean = literal_layout(src, close, Extent::of(file)).is_none_or(|l| l.is_clean_at(src, after));
        let new_lines: Vec<usize> = (after + 1..after + 1 + count).collect();
        let updated = realign_literal(&inserted, close + count, &new_lines, clean, Extent::of(file));
        Ok(Inspection::Missing { line: after + 2, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let entry = r.render("entry", &self.spec.entry)?;
        let want = normalize(entry.trim_end().trim_end_matches(','));
        let (src, tree) = parse_valid(file, &self.where_(), Scope::Words(&[self.word()]))?;
        let body = self.body(file, &tree, src)?;
        let elements = Self::elements(body);
        let Some(i) = elements.iter().position(|e| normalize(text(*e, src)) == want) else { return Ok(Removal::Absent) };
        let e = elements[i];
        let prev = i.checked_sub(1).map(|p| elements[p]);
        let next = elements.get(i + 1).copied();
        let shares_start = prev.is_some_and(|p| end_row(p) == row(e)) || row(body) == row(e);
        let shares_end = next.map_or(end_row(body), row) == end_row(e);
        if shares_start || shares_end {
            let range = match (prev, next) {
                (_, Some(n)) => e.start_byte()..n.start_byte(),
                (Some(p), None) => p.end_byte()..e.end_byte(),
                (None, None) => e.start_byte()..e.end_byte(),
            };
            return Ok(Removal::Rewrite(preimage(self, file, r, src, vec![splice(src, range, "")])?));
        }
        let (first, last) = (row(e), end_row(e));
        let plain = splice(src, offset_of_line(src, first)..offset_of_line(src, last + 1), "");
        let clean = literal_layout(src, end_row(body), Extent::of(file)).is_none_or(|l| (first..=last).all(|line| l.is_clean_at(src, line)));
        let neighbours: Vec<usize> = [first.checked_sub(1), Some(first)].into_iter().flatten().collect();
        let realigned = if clean { realign_literal(&plain, end_row(body) - (last - first + 1), &neighbours, true, Extent::of(file)) } else { plain.clone() };
        let candidates = if realigned != plain && narrows_uniformly(&plain, &realigned) { vec![realigned, plain] } else { vec![plain] };
        Ok(Removal::Rewrite(preimage(self, file, r, src, candidates)?))
    }
}
