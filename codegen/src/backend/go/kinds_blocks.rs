//! Go point kinds that add a block of lines rather than one entry. `go.struct_fields` adds
//! fields (each with its doc comment) at the end of a struct type, aligned as gofmt aligns
//! them; `go.lines` adds statements and comments to a function body, or declarations at the
//! top level, after the last (or before the first) node that matches a pattern. Both identify
//! their block by its own text, so removal takes out exactly the lines apply wrote.

use regex::Regex;
use serde::Deserialize;
use tree_sitter::{Node, Tree};

use super::syntax::{self, children, field_children, normalize, text};
use super::tabwriter;
use crate::backend::{DriftKind, Inspection, PointKind, Removal, SourceFile, regex};
use crate::error::{Error, Location, Result};
use crate::template::Renderer;
use crate::text::indentation_at;
use super::kinds::{Scope, method_word, parse_valid};


fn anchor_error(file: &SourceFile<'_>, message: String, hint: &str) -> Error {
    Error::AnchorNotFound {
        at: Location::new(file.display, 0, 0),
        message,
        hint: hint.to_string(),
    }
}

/// The text of a template field given inline or as a template file.
#[derive(Debug)]
enum Source {
    Inline(&'static str, String),
    File(String),
}

impl Source {
    fn new(
        kind: &str,
        field: &'static str,
        inline: Option<String>,
        file: Option<String>,
        at: &Location,
    ) -> Result<Self> {
        match (inline, file) {
            (Some(s), None) => Ok(Source::Inline(field, s)),
            (None, Some(t)) => Ok(Source::File(t)),
            _ => Err(Error::input(
                at.clone(),
                format!("point of kind `{kind}` needs exactly one of `{field}` and `template`"),
                format!("give `{field}` inline, or name a template file"),
            )),
        }
    }

    fn render(&self, r: &Renderer) -> Result<String> {
        match self {
            Source::Inline(field, s) => r.render(field, s),
            Source::File(t) => r.render_file(t),
        }
    }
}

/// Lines of `src` (without their newlines) and the byte offset each starts at.
fn line_offsets(src: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(src.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// `src` with `lines` (each without a newline) inserted before 0-based line `at`.
fn insert_lines(src: &str, at: usize, lines: &[String]) -> String {
    let offsets = line_offsets(src);
    let offset = offsets.get(at).copied().unwrap_or(src.len());
    let mut out =
        String::with_capacity(src.len() + lines.iter().map(|l| l.len() + 1).sum::<usize>());
    out.push_str(&src[..offset]);
    if offset > 0 && !out.ends_with('\n') {
        out.push('\n');
    }
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&src[offset..]);
    out
}

/// `src` without 0-based lines `range`.
fn delete_lines(src: &str, range: std::ops::Range<usize>) -> String {
    let offsets = line_offsets(src);
    let start = offsets.get(range.start).copied().unwrap_or(src.len());
    let end = offsets.get(range.end).copied().unwrap_or(src.len());
    format!("{}{}", &src[..start], &src[end..])
}

// ---------------------------------------------------------------------------------------------
// go.struct_fields

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
    fields: Source,
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
            fields: Source::new("go.struct_fields", "fields", spec.fields, spec.template, at)?,
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
            anchor_error(
                file,
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
            return Err(anchor_error(
                file,
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

// ---------------------------------------------------------------------------------------------
// go.lines

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinesSpec {
    /// The function (`Name`) or method (`Type.Name`) whose body gets the lines; absent for
    /// top-level declarations.
    func: Option<String>,
    /// Regex on a statement's (or top-level declaration's) text: the lines go after the last match.
    after: Option<String>,
    /// Or before the first match.
    before: Option<String>,
    /// The lines, as they read at the anchor's indentation from column 0 (a template).
    lines: Option<String>,
    template: Option<String>,
}

#[derive(Debug)]
pub struct Lines {
    func: Option<String>,
    anchor: Anchor,
    lines: Source,
}

#[derive(Debug)]
enum Anchor {
    After(Regex),
    Before(Regex),
}

impl Lines {
    pub fn new(spec: LinesSpec, at: &Location) -> Result<Self> {
        let anchor = match (&spec.after, &spec.before) {
            (Some(a), None) => Anchor::After(regex(a, at)?),
            (None, Some(b)) => Anchor::Before(regex(b, at)?),
            _ => {
                return Err(Error::input(
                    at.clone(),
                    "point of kind `go.lines` needs exactly one of `after` and `before`",
                    "name the statement or declaration the lines go after (or before) with a regex",
                ));
            }
        };
        Ok(Self {
            func: spec.func,
            anchor,
            lines: Source::new("go.lines", "lines", spec.lines, spec.template, at)?,
        })
    }

    /// The file parsed as far as the lines' place needs: the function, or every declaration.
    fn parse<'a>(&self, file: &SourceFile<'a>) -> Result<(&'a str, tree_sitter::Tree)> {
        match self.func.as_deref() {
            Some(f) => parse_valid(file, &self.scope(), Scope::Words(&[method_word(f)])),
            None => parse_valid(file, &self.scope(), Scope::Whole),
        }
    }

    fn scope(&self) -> String {
        match &self.func {
            Some(f) => format!("func {f}"),
            None => "the top level".into(),
        }
    }

    /// The nodes lines may be anchored to, and the range of 0-based rows the block may sit in.
    fn nodes<'t>(
        &self,
        file: &SourceFile<'_>,
        tree: &'t Tree,
        src: &str,
    ) -> Result<(Vec<Node<'t>>, std::ops::Range<usize>)> {
        let Some(func) = &self.func else {
            let decls: Vec<Node> = children(tree.root_node())
                .into_iter()
                .filter(|n| n.is_named() && n.kind() != "comment")
                .collect();
            return Ok((decls, 0..tree.root_node().end_position().row + 1));
        };
        let decl = children(tree.root_node())
            .into_iter()
            .find(|n| {
                matches!(n.kind(), "function_declaration" | "method_declaration")
                    && syntax::declaration_names(*n, src)
                        .iter()
                        .any(|name| name == func)
            })
            .ok_or_else(|| {
                anchor_error(
                    file,
                    format!("expected func {func}"),
                    "check the function name (`Type.Method` for methods), or update the profile",
                )
            })?;
        let body = decl.child_by_field_name("body").ok_or_else(|| {
            anchor_error(
                file,
                format!("func {func} has no body"),
                "update the profile",
            )
        })?;
        Ok((
            syntax::block_statements(body),
            body.start_position().row + 1..body.end_position().row,
        ))
    }

    fn rendered(&self, r: &Renderer) -> Result<Vec<String>> {
        let text = self.lines.render(r)?;
        Ok(text
            .trim_end_matches('\n')
            .split('\n')
            .map(|l| l.trim_end().to_string())
            .collect())
    }

    /// Where the block sits now: the 0-based row of its first line.
    fn find(lines: &[&str], rows: std::ops::Range<usize>, want: &[String]) -> Option<usize> {
        rows.into_iter().find(|r| {
            want.iter()
                .enumerate()
                .all(|(i, w)| lines.get(r + i).is_some_and(|l| l.trim() == w.trim()))
        })
    }
}

impl PointKind for Lines {
    fn describe(&self, r: &Renderer) -> Result<String> {
        let lines = self.rendered(r)?;
        let first = lines
            .iter()
            .map(|l| l.trim())
            .find(|l| !l.is_empty() && !l.starts_with("//"))
            .unwrap_or_default()
            .to_string();
        let more = lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .count()
            .saturating_sub(1);
        Ok(format!(
            "`{first}`{} in {}",
            if more > 0 {
                format!(" and {more} more line(s)")
            } else {
                String::new()
            },
            self.scope()
        ))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let (src, tree) = self.parse(file)?;
        let want = self.rendered(r)?;
        let (nodes, rows) = self.nodes(file, &tree, src)?;
        let lines: Vec<&str> = src.split('\n').collect();
        if let Some(row) = Self::find(&lines, rows.clone(), &want) {
            let first = want.iter().position(|l| !l.trim().is_empty()).unwrap_or(0);
            return Ok(Inspection::Present {
                line: row + first + 1,
            });
        }
        // The block's first line of code is there, the rest is not: it was edited.
        if let Some(key) = want
            .iter()
            .map(|l| l.trim())
            .find(|l| !l.is_empty() && !l.starts_with("//"))
            && let Some(row) = rows
                .clone()
                .find(|r| lines.get(*r).is_some_and(|l| l.trim() == key))
        {
            return Ok(Inspection::Drift {
                line: row + 1,
                message: format!(
                    "`{key}` is in {}, but the lines around it differ from what integrate writes",
                    self.scope()
                ),
                kind: DriftKind::Partial,
            });
        }
        let (pattern, anchor) = match &self.anchor {
            Anchor::After(p) => (p, nodes.iter().rev().find(|n| p.is_match(text(**n, src)))),
            Anchor::Before(p) => (p, nodes.iter().find(|n| p.is_match(text(**n, src)))),
        };
        let anchor = anchor.ok_or_else(|| {
            anchor_error(
                file,
                format!(
                    "expected a statement or declaration matching `{}` in {}",
                    pattern.as_str(),
                    self.scope()
                ),
                "check the code still has that shape, or update the point's pattern",
            )
        })?;
        let indent = indentation_at(src, anchor.start_byte()).to_string();
        let at = match self.anchor {
            Anchor::After(_) => anchor.end_position().row + 1,
            Anchor::Before(_) => anchor.start_position().row,
        };
        let block: Vec<String> = want
            .iter()
            .map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    format!("{indent}{l}")
                }
            })
            .collect();
        let first = want.iter().position(|l| !l.trim().is_empty()).unwrap_or(0);
        Ok(Inspection::Missing {
            line: at + first + 1,
            updated: insert_lines(src, at, &block),
        })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let (src, tree) = self.parse(file)?;
        let want = self.rendered(r)?;
        let Ok((_, rows)) = self.nodes(file, &tree, src) else {
            return Ok(Removal::Absent);
        };
        let lines: Vec<&str> = src.split('\n').collect();
        match Self::find(&lines, rows, &want) {
            Some(row) => Ok(Removal::Rewrite(delete_lines(src, row..row + want.len()))),
            None => Ok(Removal::Absent),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{TemplateStore, Templates};

    fn inspect(kind: &dyn PointKind, src: &str) -> Result<Inspection> {
        let templates = Templates::new(&TemplateStore::default());
        let ctx = minijinja::Value::from_serialize(serde_json::json!({"id": "acme"}));
        let r = templates.renderer(&ctx, "p");
        kind.inspect(
            &SourceFile::new(std::path::Path::new("x.go"), Some(src)),
            &r,
        )
    }

    fn lines(spec: &str) -> Lines {
        Lines::new(
            toml::from_str(spec).unwrap(),
            &Location::new("p.toml", 1, 1),
        )
        .unwrap()
    }

    fn fields(spec: &str) -> StructFields {
        StructFields::new(
            toml::from_str(spec).unwrap(),
            &Location::new("p.toml", 1, 1),
        )
        .unwrap()
    }

    #[test]
    fn an_edited_block_is_drift_not_a_second_copy() {
        let kind = lines("func = \"f\"\nafter = '^x :='\nlines = \"if x > 0 {\\n\\tx--\\n}\"\n");
        let src = "package p\n\nfunc f() {\n\tx := 1\n\tif x > 0 {\n\t\tx -= 2\n\t}\n}\n";
        assert!(matches!(
            inspect(&kind, src).unwrap(),
            Inspection::Drift {
                line: 5,
                kind: DriftKind::Partial,
                ..
            }
        ));
    }

    #[test]
    fn a_missing_anchor_is_an_error_that_names_the_pattern() {
        let kind = lines("func = \"f\"\nbefore = '^return nil$'\nlines = \"x()\"\n");
        let err = inspect(&kind, "package p\n\nfunc f() {}\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("x.go: anchor not found: expected a statement or declaration matching `^return nil$` in func f"), "{err}");
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
