//! `go.struct_fields`: fields (each with its doc comment) added at the end of a struct type,
//! aligned as gofmt aligns them; the block is identified by its own text, so removal takes out
//! exactly the lines apply wrote.

use serde::Deserialize;
use tree_sitter::{Node, Tree};

use crate::backend::fragment::Fragment;
use crate::backend::go::parse::{Scope, parse_valid};
use crate::backend::go::syntax::{self, children, field_children, normalize, text};
use crate::backend::go::tabwriter;
use crate::backend::splice::{delete_lines, insert_lines};
use crate::backend::{DriftKind, Inspection, PointKind, Removal, SourceFile, anchor_error};
use crate::error::{Error, Location, Result};
use crate::template::Renderer;
use crate::text::indentation_at;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StructFieldsSpec {
    /// The struct type the fields go into.
    #[serde(rename = "type")]
    type_name: String,
    /// Field declarations, each optionally preceded by comment lines (a template).
    fields: Option<String>,
    template: Option<String>,
    /// Require every field to be exported (for structs decoded from JSON or YAML).
    #[serde(default)]
    exported: bool,
    /// Shown when the rendered fields are not valid: where they come from.
    hint: Option<String>,
}

#[derive(Debug)]
pub struct StructFields {
    type_name: String,
    fields: Fragment,
    exported: bool,
    hint: String,
}

/// One rendered field: its doc comment lines and its declaration line, and the names it
/// declares.
#[derive(Debug, Clone)]
struct Field {
    comments: Vec<String>,
    decl: String,
    names: Vec<String>,
    /// Cells for alignment: names, type, tag, trailing comment.
    cells: Vec<String>,
}

impl StructFields {
    pub fn new(spec: StructFieldsSpec, at: &Location) -> Result<Self> {
        let hint = spec
            .hint
            .clone()
            .unwrap_or_else(|| "fix the point's `fields` template in the profile".into());
        Ok(Self {
            type_name: spec.type_name,
            fields: Fragment::new("go.struct_fields", "fields", spec.fields, spec.template, at)?,
            exported: spec.exported,
            hint,
        })
    }

    /// Renders and parses the fields.
    fn fields(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Vec<Field>> {
        let rendered = self.fields.render(r)?;
        let body: Vec<&str> = rendered
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let src = format!("package p\n\ntype T struct {{\n{}\n}}\n", body.join("\n"));
        let invalid = |what: String| {
            Error::input(
                Location::new(file.display, 0, 0),
                format!("the fields rendered for struct {}: {what}", self.type_name),
                self.hint.clone(),
            )
        };
        let tree = syntax::parse(&src);
        if let Some((offset, _)) = syntax::first_error(&tree) {
            let line = crate::text::line_of(&src, offset);
            return Err(invalid(format!(
                "`{}` is not a valid Go field declaration",
                src.lines().nth(line - 1).unwrap_or_default().trim()
            )));
        }
        let mut fields = Vec::new();
        let mut comments = Vec::new();
        let mut list = None;
        let mut last_decl_row = None;
        syntax::visit(tree.root_node(), &mut |n| {
            if n.kind() == "field_declaration_list" {
                list = Some(n);
            }
            list.is_none()
        });
        let Some(list) = list else {
            return Ok(Vec::new());
        };
        for child in children(list) {
            match child.kind() {
                // A trailing comment is part of the declaration before it.
                "comment" if last_decl_row == Some(child.start_position().row) => {}
                "comment" => comments.push(text(child, &src).to_string()),
                "field_declaration" => {
                    let names: Vec<String> = field_children(child, "name")
                        .iter()
                        .map(|n| text(*n, &src).to_string())
                        .collect();
                    if names.is_empty() {
                        return Err(invalid(format!(
                            "`{}` embeds a type; only named fields are supported",
                            text(child, &src)
                        )));
                    }
                    if self.exported
                        && let Some(bad) = names
                            .iter()
                            .find(|n| !n.starts_with(|c: char| c.is_ascii_uppercase()))
                    {
                        return Err(invalid(format!(
                            "field `{bad}` is not exported (it must start with an upper-case letter)"
                        )));
                    }
                    let mut cells = vec![names.join(", ")];
                    cells.push(
                        child
                            .child_by_field_name("type")
                            .map(|t| text(t, &src).to_string())
                            .unwrap_or_default(),
                    );
                    if let Some(tag) = child.child_by_field_name("tag") {
                        cells.push(text(tag, &src).to_string());
                    }
                    let mut decl = text(child, &src).to_string();
                    if let Some(comment) = syntax::trailing_comment(child) {
                        while cells.len() < 3 {
                            cells.push(String::new());
                        }
                        cells.push(text(comment, &src).to_string());
                        decl = format!("{decl} {}", text(comment, &src));
                    }
                    last_decl_row = Some(child.end_position().row);
                    fields.push(Field {
                        comments: std::mem::take(&mut comments),
                        decl,
                        names,
                        cells,
                    });
                }
                _ => {}
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for f in &fields {
            for n in &f.names {
                if !seen.insert(n.clone()) {
                    return Err(invalid(format!("field `{n}` is declared twice")));
                }
            }
        }
        if fields.is_empty() {
            return Err(invalid("no field declarations".into()));
        }
        Ok(fields)
    }

    fn field_list<'t>(&self, file: &SourceFile<'_>, tree: &'t Tree, src: &str) -> Result<Node<'t>> {
        let mut found = None;
        syntax::visit(tree.root_node(), &mut |n| {
            if found.is_some() {
                return false;
            }
            if n.kind() == "type_spec"
                && n.child_by_field_name("name")
                    .is_some_and(|name| text(name, src) == self.type_name)
            {
                if let Some(ty) = n
                    .child_by_field_name("type")
                    .filter(|t| t.kind() == "struct_type")
                {
                    found = children(ty)
                        .into_iter()
                        .find(|c| c.kind() == "field_declaration_list");
                }
                return false;
            }
            true
        });
        found.ok_or_else(|| {
            anchor_error(file, 0,
                format!("expected a struct type `{}`", self.type_name),
                "check the type name, or update the profile",
            )
        })
    }

    /// The declarations already in the struct: name -> (node, its text with trailing comment).
    fn existing<'t>(list: Node<'t>, src: &str) -> Vec<(String, Node<'t>, String)> {
        let mut out = Vec::new();
        for decl in children(list)
            .into_iter()
            .filter(|c| c.kind() == "field_declaration")
        {
            let mut t = text(decl, src).to_string();
            if let Some(c) = syntax::trailing_comment(decl) {
                t = format!("{t} {}", text(c, src));
            }
            for n in field_children(decl, "name") {
                out.push((text(n, src).to_string(), decl, t.clone()));
            }
        }
        out
    }

    /// The lines apply writes for `fields`, at `indent`, aligned as gofmt aligns them: runs of
    /// declarations without comment lines between them form one alignment section.
    fn lines(fields: &[&Field], indent: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < fields.len() {
            for c in &fields[i].comments {
                out.push(format!("{indent}{c}"));
            }
            let mut j = i + 1;
            while j < fields.len() && fields[j].comments.is_empty() {
                j += 1;
            }
            let rows: Vec<Vec<String>> = fields[i..j].iter().map(|f| f.cells.clone()).collect();
            for line in tabwriter::render(&rows) {
                out.push(format!("{indent}{line}"));
            }
            i = j;
        }
        out
    }

    fn is_field_line(list: Node<'_>, row: usize) -> bool {
        children(list)
            .into_iter()
            .any(|c| c.kind() == "field_declaration" && c.end_position().row == row)
    }
}

impl PointKind for StructFields {
    fn describe(&self, r: &Renderer) -> Result<String> {
        let rendered = self.fields.render(r)?;
        let names: Vec<String> = rendered
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("//"))
            .filter_map(|l| l.split_whitespace().next().map(str::to_string))
            .collect();
        Ok(format!(
            "fields {} of struct {}",
            names.join(", "),
            self.type_name
        ))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let (src, tree) = parse_valid(file, &format!("struct type `{}`", self.type_name), Scope::Words(&[&self.type_name]))?;
        let fields = self.fields(file, r)?;
        let list = self.field_list(file, &tree, src)?;
        let existing = Self::existing(list, src);
        let mut missing = Vec::new();
        let mut first_line = None;
        for f in &fields {
            match existing.iter().find(|(n, _, _)| f.names.contains(n)) {
                Some((name, node, have)) => {
                    let line = node.start_position().row + 1;
                    first_line.get_or_insert(line);
                    if normalize(have) != normalize(&f.decl) {
                        return Ok(Inspection::Drift {
                            line,
                            message: format!(
                                "{}.{name} is `{have}`, the descriptor gives `{}`",
                                self.type_name, f.decl
                            ),
                            kind: DriftKind::Value,
                        });
                    }
                }
                None => missing.push(f),
            }
        }
        if missing.is_empty() {
            return Ok(Inspection::Present {
                line: first_line.unwrap_or(1),
            });
        }
        let close = list.end_position().row;
        if close == list.start_position().row {
            return Err(anchor_error(file, 0,
                format!("struct `{}` is written on one line", self.type_name),
                "write the struct with its braces on separate lines, then run integrate again",
            ));
        }
        let indent = format!("{}\t", indentation_at(src, list.end_byte() - 1));
        let mut lines = Self::lines(&missing, &indent);
        // A field right above would join the alignment section of the new ones; a blank line
        // keeps the sections, and the bytes of the existing fields, apart.
        if Self::is_field_line(list, close - 1) && missing[0].comments.is_empty() {
            lines.insert(0, String::new());
        }
        Ok(Inspection::Missing {
            line: close + 1 + usize::from(lines[0].is_empty()),
            updated: insert_lines(src, close, &lines),
        })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let (src, tree) = parse_valid(file, &format!("struct type `{}`", self.type_name), Scope::Words(&[&self.type_name]))?;
        let fields = self.fields(file, r)?;
        let list = self.field_list(file, &tree, src)?;
        let existing = Self::existing(list, src);
        let lines: Vec<&str> = src.split('\n').collect();
        let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
        for f in &fields {
            let Some((_, node, _)) = existing.iter().find(|(n, _, _)| f.names.contains(n)) else {
                continue;
            };
            let mut start = node.start_position().row;
            // Its doc comment lines, when they are the ones apply wrote.
            for c in f.comments.iter().rev() {
                if start > 0 && lines[start - 1].trim() == c {
                    start -= 1;
                } else {
                    break;
                }
            }
            ranges.push(start..node.end_position().row + 1);
        }
        if ranges.is_empty() {
            return Ok(Removal::Absent);
        }
        ranges.sort_by_key(|r| std::cmp::Reverse(r.start));
        let mut out = src.to_string();
        for range in &ranges {
            out = delete_lines(&out, range.clone());
        }
        // The blank line apply puts between existing fields and the new ones goes too, when
        // putting it back is what apply would do.
        let first = ranges.last().expect("non-empty").start;
        if first > 0 && lines[first - 1].trim().is_empty() {
            let without = delete_lines(&out, first - 1..first);
            if let Inspection::Missing { updated, .. } = self.inspect(
                &file.with_text(&without),
                r,
            )? && updated == src
            {
                return Ok(Removal::Rewrite(without));
            }
        }
        Ok(Removal::Rewrite(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::go::kinds::inspect_for_test as inspect;

    fn fields(spec: &str) -> StructFields {
        StructFields::new(
            toml::from_str(spec).unwrap(),
            &Location::new("p.toml", 1, 1),
        )
        .unwrap()
    }

    #[test]
    fn a_field_with_another_type_is_drift() {
        let kind = fields("type = \"S\"\nfields = \"Region string `json:\\\"region\\\"`\"\n");
        let src = "package p\n\ntype S struct {\n\tRegion int `json:\"region\"`\n}\n";
        assert!(matches!(
            inspect(&kind, src).unwrap(),
            Inspection::Drift {
                line: 4,
                kind: DriftKind::Value,
                ..
            }
        ));
    }

    #[test]
    fn a_struct_on_one_line_is_refused_with_a_hint() {
        let kind = fields("type = \"S\"\nfields = \"Region string\"\n");
        let err = inspect(&kind, "package p\n\ntype S struct{}\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("struct `S` is written on one line") && err.contains("hint:"),
            "{err}"
        );
    }
}
