//! `go.aligned_field`: a struct field that joins the last alignment section of its struct,
//! realigned the way gofmt aligns field lists, and only when gofmt had aligned it before.

use serde::Deserialize;
use tree_sitter::{Node, Tree};

use crate::backend::go::layout::{Layout, Row};
use crate::backend::go::parse::{Extent, Scope, parse_valid, tree_at};
use crate::backend::go::syntax::{self, children, end_row, field_children, normalize, row, text};
use crate::backend::splice::{offset_of_line, preimage, splice};
use crate::backend::{DriftKind, Inspection, PointKind, Removal, SourceFile, anchor_error};
use crate::error::Result;
use crate::template::Renderer;
use crate::text::{indentation_at, line_start};

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

fn realign_struct(src: &str, type_name: &str, lines: &[usize], whole: bool, extent: Extent) -> String {
    let tree = lines.first().map_or_else(|| syntax::parse(src), |&line| tree_at(src, line, extent));
    match struct_fields(&tree, src, type_name) {
        Some(list) => struct_layout(list, src).realign(src, lines, whole),
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
        Ok(Inspection::Missing { line: after + 2, updated: realign_struct(&inserted, &self.type_name, &[after + 1], clean, Extent::of(file)) })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let name = Self::name(&r.render("field", &self.field)?);
        let (src, tree) = parse_valid(file, &format!("struct type {}", self.type_name), Scope::Words(&[&self.type_name]))?;
        let list = self.list(file, &tree, src)?;
        let Some(found) = Self::find(list, src, &name) else { return Ok(Removal::Absent) };
        let plain = splice(src, offset_of_line(src, row(found))..offset_of_line(src, end_row(found) + 1), "");
        let neighbours: Vec<usize> = [row(found).checked_sub(1), Some(row(found))].into_iter().flatten().collect();
        let realigned = realign_struct(&plain, &self.type_name, &neighbours, true, Extent::of(file));
        let candidates = if realigned != plain { vec![realigned, plain] } else { vec![plain] };
        Ok(Removal::Rewrite(preimage(self, file, r, src, candidates)?))
    }
}
