//! `go.switch_case`: a `case` clause of a switch statement in a function, placed before the
//! `default` clause (and the comments that belong to it); its body is compared too. A constant
//! case listed twice in the switch does not compile: a duplicate.

use regex::Regex;
use serde::Deserialize;
use tree_sitter::{Node, Tree};

use crate::backend::go::parse::{Scope, method_word, parse_valid};
use crate::backend::go::syntax::{self, children, end_row, normalize, row, text};
use crate::backend::splice::{offset_of_line, preimage, splice};
use crate::backend::go::cases::switch_duplicates;
use crate::backend::{DriftKind, Duplicate, Inspection, PointKind, Removal, SourceFile, anchor_error, regex};
use crate::error::{Location, Result};
use crate::template::Renderer;
use crate::text::indentation_at;

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
    fn duplicates(&self, file: &SourceFile<'_>) -> Result<Vec<Duplicate>> {
        let (src, tree) = parse_valid(file, &self.expected(), Scope::Words(&[method_word(&self.func)]))?;
        let switch = find_switch(file, &tree, src, &self.func, self.switch.as_ref())?;
        Ok(switch_duplicates(switch, src))
    }

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
