//! More Go point kinds, for registrations that live in control flow, struct types and
//! literals returned from functions: a `case` clause of a switch (`go.switch_case`), a struct
//! field that joins the last alignment section of its struct, realigned the way gofmt aligns
//! field lists (`go.aligned_field`), and an element of a composite literal found by its type or
//! variable inside a function, including the `}, {` style of table-driven tests
//! (`go.literal_entry`). Like the kinds in [`super::kinds`], each splices text and removes by
//! picking the pre-image from which apply gives back the file exactly.

use regex::Regex;
use serde::Deserialize;
use tree_sitter::{Node, Tree};

use super::layout::{self, BlockKind, Layout, Row};
use super::syntax::{self, children, field_children, normalize, text};
use crate::backend::{DriftKind, Inspection, PointKind, Removal, SourceFile, preimage, regex};
use crate::error::{Error, Location, Result};
use crate::template::Renderer;
use crate::text::{indent_continuation, indentation_at, line_start};
use super::kinds::{Scope, method_word, narrows_uniformly, parse_valid};


fn anchor_error(file: &SourceFile<'_>, line: usize, message: String, hint: &str) -> Error {
    Error::AnchorNotFound { at: Location::new(file.display, line, 0), message, hint: hint.to_string() }
}

fn row(node: Node<'_>) -> usize {
    node.start_position().row
}

fn end_row(node: Node<'_>) -> usize {
    node.end_position().row
}

/// Byte offset where 0-based `line` starts (the text length past the last line).
fn offset_of_line(src: &str, line: usize) -> usize {
    if line == 0 {
        return 0;
    }
    src.match_indices('\n').nth(line - 1).map_or(src.len(), |(i, _)| i + 1)
}

fn splice(src: &str, range: std::ops::Range<usize>, with: &str) -> String {
    let mut out = src.to_string();
    out.replace_range(range, with);
    out
}

/// The body of the function or method `name` (the first one declared).
fn find_func_body<'t>(tree: &'t Tree, src: &str, name: &str) -> Option<Node<'t>> {
    children(tree.root_node())
        .into_iter()
        .find(|n| matches!(n.kind(), "function_declaration" | "method_declaration") && n.child_by_field_name("name").is_some_and(|f| text(f, src) == name))
        .and_then(|n| n.child_by_field_name("body"))
}

fn named(node: Node<'_>) -> Vec<Node<'_>> {
    children(node).into_iter().filter(|c| c.is_named() && c.kind() != "comment").collect()
}

// ---------------------------------------------------------------------------------------------
// Switches: go.switch_case

/// Which switch statement a point edits: the first one in `func` whose value matches `switch`.
fn find_switch<'t>(file: &SourceFile<'_>, tree: &'t Tree, src: &str, func: &str, switch: Option<&Regex>) -> Result<Node<'t>> {
    let body = find_func_body(tree, src, func).ok_or_else(|| anchor_error(file, 0, format!("expected func {func}"), "check the function name, or update the profile"))?;
    let mut found = None;
    syntax::visit(body, &mut |n| {
        if found.is_some() {
            return false;
        }
        if n.kind() == "expression_switch_statement" {
            let value = n.child_by_field_name("value").map(|v| text(v, src)).unwrap_or_default();
            if switch.is_none_or(|re| re.is_match(value)) {
                found = Some(n);
                return false;
            }
        }
        true
    });
    found.ok_or_else(|| {
        let which = switch.map(|re| format!(" on a value matching `{}`", re.as_str())).unwrap_or_default();
        anchor_error(file, row(body) + 1, format!("expected a switch statement{which} in func {func}"), "check that the function still selects with a switch, or update the point's `switch` pattern")
    })
}

fn clauses(switch: Node<'_>) -> Vec<Node<'_>> {
    children(switch).into_iter().filter(|c| matches!(c.kind(), "expression_case" | "default_case")).collect()
}

fn case_values(clause: Node<'_>) -> Vec<Node<'_>> {
    clause.child_by_field_name("value").map(named).unwrap_or_default()
}

/// The statements of a clause, as written after its colon.
fn clause_body<'s>(clause: Node<'_>, src: &'s str) -> &'s str {
    let colon = children(clause).into_iter().find(|c| c.kind() == ":").map_or(clause.end_byte(), |c| c.end_byte());
    &src[colon..clause.end_byte()]
}

/// The first line of the own-line comments at `indent` that directly precede 0-based `line`:
/// they belong to the clause below them.
fn leading_comments_start(src: &str, line: usize, indent: &str) -> usize {
    let lines: Vec<&str> = src.split('\n').collect();
    let mut first = line;
    while first > 0 {
        let prev = lines[first - 1];
        if prev.trim_start().starts_with("//") && prev.strip_prefix(indent).is_some_and(|r| !r.starts_with([' ', '\t'])) {
            first -= 1;
        } else {
            break;
        }
    }
    first
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SwitchCaseSpec {
    func: String,
    /// Regex on the switch's value (`platformStatus\.Type`); the first switch when absent.
    switch: Option<String>,
    /// The case expression (a template).
    case: String,
    /// The clause's statements, one level deeper than `case` (a template; may span lines).
    body: String,
}

#[derive(Debug)]
pub struct SwitchCase {
    func: String,
    switch: Option<Regex>,
    case: String,
    body: String,
}

impl SwitchCase {
    pub fn new(spec: SwitchCaseSpec, at: &Location) -> Result<Self> {
        Ok(Self { switch: spec.switch.as_deref().map(|p| regex(p, at)).transpose()?, func: spec.func, case: spec.case, body: spec.body })
    }

    fn expected(&self) -> String {
        format!("a switch in func {}", self.func)
    }

    fn find<'t>(switch: Node<'t>, src: &str, case: &str) -> Option<Node<'t>> {
        let want = normalize(case);
        clauses(switch).into_iter().find(|c| case_values(*c).iter().any(|v| normalize(text(*v, src)) == want))
    }
}

impl PointKind for SwitchCase {
    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(format!("`case {}:` in func {}", r.render("case", &self.case)?, self.func))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let case = r.render("case", &self.case)?;
        let body = r.render("body", &self.body)?;
        let (src, tree) = parse_valid(file, &self.expected(), Scope::Words(&[method_word(&self.func)]))?;
        let switch = find_switch(file, &tree, src, &self.func, self.switch.as_ref())?;
        if let Some(found) = Self::find(switch, src, &case) {
            let have = clause_body(found, src);
            if normalize(have) != normalize(&body) {
                return Ok(Inspection::Drift {
                    line: row(found) + 1,
                    message: format!("`case {case}:` runs `{}`, expected `{}`", normalize(have), normalize(&body)),
                    kind: DriftKind::Value,
                });
            }
            return Ok(Inspection::Present { line: row(found) + 1 });
        }
        let all = clauses(switch);
        let first = all.first().ok_or_else(|| anchor_error(file, row(switch) + 1, format!("the switch in func {} has no case", self.func), "add the first case by hand"))?;
        let indent = indentation_at(src, first.start_byte()).to_string();
        let before_row = match all.iter().find(|c| c.kind() == "default_case") {
            Some(default) => leading_comments_start(src, row(*default), &indent),
            None => end_row(switch),
        };
        let mut lines = format!("{indent}case {case}:\n");
        for line in body.trim_end().split('\n') {
            if !line.trim().is_empty() {
                lines.push_str(&indent);
                lines.push('\t');
                lines.push_str(line);
            }
            lines.push('\n');
        }
        let at = offset_of_line(src, before_row);
        Ok(Inspection::Missing { line: before_row + 1, updated: splice(src, at..at, &lines) })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let case = r.render("case", &self.case)?;
        let (src, tree) = parse_valid(file, &self.expected(), Scope::Words(&[method_word(&self.func)]))?;
        let switch = find_switch(file, &tree, src, &self.func, self.switch.as_ref())?;
        let Some(found) = Self::find(switch, src, &case) else { return Ok(Removal::Absent) };
        let indent = indentation_at(src, found.start_byte()).to_string();
        let next = clauses(switch).into_iter().find(|c| c.start_byte() > found.start_byte());
        let until = match next {
            Some(n) => leading_comments_start(src, row(n), &indent),
            None => end_row(switch),
        };
        let plain = splice(src, offset_of_line(src, row(found))..offset_of_line(src, until), "");
        Ok(Removal::Rewrite(preimage(self, file, r, src, vec![plain])?))
    }
}

// ---------------------------------------------------------------------------------------------
// go.aligned_field

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlignedFieldSpec {
    /// The struct type's name.
    #[serde(rename = "type")]
    type_name: String,
    /// The field as written on one line: name, type and optional tag (a template).
    field: String,
}

#[derive(Debug)]
pub struct AlignedField {
    type_name: String,
    field: String,
}

/// The field list of struct type `name`, wherever it is declared.
fn struct_fields<'t>(tree: &'t Tree, src: &str, name: &str) -> Option<Node<'t>> {
    let mut found = None;
    syntax::visit(tree.root_node(), &mut |n| {
        if found.is_some() {
            return false;
        }
        if n.kind() == "type_spec" && n.child_by_field_name("name").is_some_and(|x| text(x, src) == name) {
            found = n.child_by_field_name("type").filter(|t| t.kind() == "struct_type").and_then(|t| children(t).into_iter().find(|c| c.kind() == "field_declaration_list"));
            return false;
        }
        true
    });
    found
}

/// The alignment rows of a struct's field list, split as go/printer splits a field: names,
/// type, then an empty cell and the tag. Fields with a trailing comment or spanning lines take no
/// part in alignment.
fn struct_layout(list: Node<'_>, src: &str) -> Layout {
    let fields: Vec<Node> = children(list).into_iter().filter(|c| c.kind() == "field_declaration").collect();
    let first = row(list) + 1;
    let mut rows = Vec::new();
    let mut offset = offset_of_line(src, first);
    for line in first..end_row(list) {
        let end = src[offset..].find('\n').map_or(src.len(), |i| offset + i);
        let content = &src[offset..end];
        let indent_len = content.len() - content.trim_start_matches([' ', '\t']).len();
        rows.push(Row { line, start: offset, end, indent: content[..indent_len].to_string(), cells: None, break_before: false });
        offset = (end + 1).min(src.len());
    }
    let vtab = fields.len() > 1;
    for f in &fields {
        let starts_line = src[line_start(src, f.start_byte())..f.start_byte()].trim().is_empty();
        if row(*f) != end_row(*f) || !starts_line || syntax::trailing_comment(*f).is_some() {
            continue;
        }
        let names: Vec<&str> = field_children(*f, "name").iter().map(|n| text(*n, src)).collect();
        let ty = f.child_by_field_name("type").map(|t| text(t, src)).unwrap_or_default();
        let tag = f.child_by_field_name("tag").map(|t| text(t, src));
        let cells = if !vtab {
            // A lone field is not aligned: its parts are separated by one blank.
            let mut parts = vec![names.join(", "), ty.to_string()];
            parts.extend(tag.map(str::to_string));
            vec![parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")]
        } else {
            let mut cells = Vec::new();
            if !names.is_empty() {
                cells.push(names.join(", "));
            }
            cells.push(ty.to_string());
            if let Some(tag) = tag {
                if !names.is_empty() {
                    cells.push(String::new());
                }
                cells.push(tag.to_string());
            }
            cells
        };
        if let Some(r) = rows.iter_mut().find(|r| r.line == row(*f)) {
            r.cells = Some(cells);
        }
    }
    Layout { rows }
}

fn realign_struct(src: &str, type_name: &str, lines: &[usize], whole: bool) -> String {
    let tree = syntax::parse(src);
    match struct_fields(&tree, src, type_name) {
        Some(list) => struct_layout(list, src).realign(src, lines, whole),
        None => src.to_string(),
    }
}

/// The alignment layout of the literal whose closing brace is on 0-based line `close`. Asking
/// at the closing line selects the literal itself, not a nested literal on an element's line.
fn literal_layout(src: &str, close: usize) -> Option<Layout> {
    let tree = syntax::parse(src);
    layout::layout_at(BlockKind::Literal, &tree, src, close)
}

fn realign_literal(src: &str, close: usize, lines: &[usize], whole: bool) -> String {
    match literal_layout(src, close) {
        Some(layout) => layout.realign(src, lines, whole),
        None => src.to_string(),
    }
}

impl AlignedField {
    pub fn new(spec: AlignedFieldSpec) -> Self {
        Self { type_name: spec.type_name, field: spec.field }
    }

    fn name(field: &str) -> String {
        field.split_whitespace().next().unwrap_or_default().to_string()
    }

    fn list<'t>(&self, file: &SourceFile<'_>, tree: &'t Tree, src: &str) -> Result<Node<'t>> {
        struct_fields(tree, src, &self.type_name).ok_or_else(|| anchor_error(file, 0, format!("expected struct type {}", self.type_name), "check the type name, or update the profile"))
    }

    fn find<'t>(list: Node<'t>, src: &str, name: &str) -> Option<Node<'t>> {
        children(list).into_iter().find(|f| f.kind() == "field_declaration" && field_children(*f, "name").iter().any(|n| text(*n, src) == name))
    }
}

impl PointKind for AlignedField {
    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(format!("field {} of struct {}", Self::name(&r.render("field", &self.field)?), self.type_name))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let field = r.render("field", &self.field)?;
        let name = Self::name(&field);
        let (src, tree) = parse_valid(file, &format!("struct type {}", self.type_name), Scope::Words(&[&self.type_name]))?;
        let list = self.list(file, &tree, src)?;
        if let Some(found) = Self::find(list, src, &name) {
            if normalize(text(found, src)) != normalize(&field) {
                return Ok(Inspection::Drift { line: row(found) + 1, message: format!("{}.{name} is `{}`, expected `{}`", self.type_name, normalize(text(found, src)), normalize(&field)), kind: DriftKind::Value });
            }
            return Ok(Inspection::Present { line: row(found) + 1 });
        }
        let last = children(list).into_iter().rfind(|c| c.kind() == "field_declaration").ok_or_else(|| {
            anchor_error(file, row(list) + 1, format!("struct {} has no field to align with", self.type_name), "add the first field by hand")
        })?;
        let after = end_row(last);
        let clean = struct_layout(list, src).is_clean_at(src, after);
        let indent = indentation_at(src, last.start_byte()).to_string();
        let at = offset_of_line(src, after + 1);
        let inserted = splice(src, at..at, &format!("{indent}{}\n", field.trim()));
        Ok(Inspection::Missing { line: after + 2, updated: realign_struct(&inserted, &self.type_name, &[after + 1], clean) })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let name = Self::name(&r.render("field", &self.field)?);
        let (src, tree) = parse_valid(file, &format!("struct type {}", self.type_name), Scope::Words(&[&self.type_name]))?;
        let list = self.list(file, &tree, src)?;
        let Some(found) = Self::find(list, src, &name) else { return Ok(Removal::Absent) };
        let plain = splice(src, offset_of_line(src, row(found))..offset_of_line(src, end_row(found) + 1), "");
        let neighbours: Vec<usize> = [row(found).checked_sub(1), Some(row(found))].into_iter().flatten().collect();
        let realigned = realign_struct(&plain, &self.type_name, &neighbours, true);
        let candidates = if realigned != plain { vec![realigned, plain] } else { vec![plain] };
        Ok(Removal::Rewrite(preimage(self, file, r, src, candidates)?))
    }
}

// ---------------------------------------------------------------------------------------------
// go.literal_entry

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
        let clean = literal_layout(src, close).is_none_or(|l| l.is_clean_at(src, after));
        let new_lines: Vec<usize> = (after + 1..after + 1 + count).collect();
        let updated = realign_literal(&inserted, close + count, &new_lines, clean);
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
        let clean = literal_layout(src, end_row(body)).is_none_or(|l| (first..=last).all(|line| l.is_clean_at(src, line)));
        let neighbours: Vec<usize> = [first.checked_sub(1), Some(first)].into_iter().flatten().collect();
        let realigned = if clean { realign_literal(&plain, end_row(body) - (last - first + 1), &neighbours, true) } else { plain.clone() };
        let candidates = if realigned != plain && narrows_uniformly(&plain, &realigned) { vec![realigned, plain] } else { vec![plain] };
        Ok(Removal::Rewrite(preimage(self, file, r, src, candidates)?))
    }
}
