//! `go.statement`: a statement in a function's body, after the last statement of the same
//! shape; a statement written another way is found by its `identity`. One written twice
//! registers twice: a duplicate.

use regex::Regex;
use serde::Deserialize;
use tree_sitter::{Node, Tree};

use crate::backend::go::parse::{Scope, memo_found, method_word, parse_valid};
use crate::backend::go::syntax::{self, normalize, row, text};
use crate::backend::splice::insert_plain_lines_after;
use crate::backend::{Duplicate, Inspection, PointKind, Removal, SourceFile, anchor_error, regex};
use crate::error::{Location, Result};
use crate::template::Renderer;
use crate::text::{indent_continuation, indentation_at, line_end_inclusive, line_start};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementSpec {
    func: String,
    /// Regex on a statement's text; the new statement goes after the last one that matches.
    shape: String,
    statement: String,
    /// A literal (a template) that identifies the registration in a statement written some
    /// other way, e.g. the command keyword `"create-aws"` next to an options type named
    /// `SAWSCloudAccountCreateOptions`; without it the whole statement must match.
    identity: Option<String>,
}

#[derive(Debug)]
pub struct Statement {
    func: String,
    shape: Regex,
    statement: String,
    identity: Option<String>,
}

impl Statement {
    pub fn new(spec: StatementSpec, at: &Location) -> Result<Self> {
        Ok(Self { shape: regex(&spec.shape, at)?, func: spec.func, statement: spec.statement, identity: spec.identity })
    }

    fn statements<'t>(&self, file: &SourceFile<'_>, tree: &'t Tree, src: &str) -> Result<Vec<Node<'t>>> {
        let body = syntax::find_function_body(tree, src, &self.func)
            .ok_or_else(|| anchor_error(file, 0, format!("expected func {}", self.func), "check the function name, or update the profile"))?;
        Ok(syntax::block_statements(body))
    }

    /// The function's statements with their normalised text, kept in the file's memo: every
    /// provider compares its statement with all of them.
    fn statement_infos(&self, file: &SourceFile<'_>, tree: &Tree, src: &str) -> Result<std::sync::Arc<Vec<StatementInfo>>> {
        memo_found(file, &format!("go.statements\0{}", self.func), || {
            Ok(self
                .statements(file, tree, src)?
                .into_iter()
                .map(|s| StatementInfo { range: s.byte_range(), row: row(s), end_row: s.end_position().row, normalized: normalize(text(s, src)) })
                .collect())
        })
    }
}

/// A statement of the function a `go.statement` point registers in.
struct StatementInfo {
    range: std::ops::Range<usize>,
    /// 0-based first and last line.
    row: usize,
    end_row: usize,
    normalized: String,
}

impl PointKind for Statement {
    /// Statements of the registration's shape written twice: Go builds them, and they register
    /// twice (a climc command listed twice, a factory registered again).
    fn duplicates(&self, file: &SourceFile<'_>) -> Result<Vec<Duplicate>> {
        let (src, tree) = parse_valid(file, &format!("func {}", self.func), Scope::Words(&[method_word(&self.func)]))?;
        let statements = self.statement_infos(file, &tree, src)?;
        let entries = statements.iter().filter(|s| self.shape.is_match(&src[s.range.clone()])).map(|s| (s.normalized.clone(), s.row + 1));
        Ok(Duplicate::among(entries, |_| None))
    }

    fn describe(&self, r: &Renderer) -> Result<String> {
        let statement = r.render("statement", &self.statement)?;
        Ok(format!("`{}` in func {}", statement.split_whitespace().collect::<Vec<_>>().join(" "), self.func))
    }

    fn key(&self, r: &Renderer) -> Result<Option<String>> {
        match &self.identity {
            Some(identity) => Ok(Some(format!("`{}` in func {}", r.render("identity", identity)?, self.func))),
            None => Ok(None),
        }
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let statement = r.render("statement", &self.statement)?;
        let (src, tree) = parse_valid(file, &format!("func {}", self.func), Scope::Words(&[method_word(&self.func)]))?;
        let statements = self.statement_infos(file, &tree, src)?;
        let want = normalize(&statement);
        if let Some(found) = statements.iter().find(|s| s.normalized == want) {
            return Ok(Inspection::Present { line: found.row + 1 });
        }
        let text_of = |s: &StatementInfo| &src[s.range.clone()];
        if let Some(identity) = self.identity.as_deref().map(|i| r.render("identity", i)).transpose()?
            && let Some(found) = statements.iter().find(|s| self.shape.is_match(text_of(s)) && text_of(s).contains(&identity)) {
                return Ok(Inspection::Present { line: found.row + 1 });
            }
        let anchor = statements.iter().rev().find(|s| self.shape.is_match(text_of(s))).ok_or_else(|| {
            anchor_error(file, 0, format!("expected a statement matching `{}` in func {}", self.shape.as_str(), self.func), "check the function still registers its entries this way, or update the point's `shape`")
        })?;
        let end_row = anchor.end_row;
        if r.is_presence_only() {
            return Ok(Inspection::Missing { line: end_row + 2, updated: String::new() });
        }
        let indent = indentation_at(src, anchor.range.start).to_string();
        let lines = format!("{indent}{}", indent_continuation(statement.trim_end(), &indent));
        let updated = insert_plain_lines_after(src, end_row, &lines);
        Ok(Inspection::Missing { line: end_row + 2, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let statement = r.render("statement", &self.statement)?;
        let (src, tree) = parse_valid(file, &format!("func {}", self.func), Scope::Words(&[method_word(&self.func)]))?;
        let want = normalize(&statement);
        let Some(found) = self.statements(file, &tree, src)?.into_iter().find(|s| normalize(text(*s, src)) == want) else {
            return Ok(Removal::Absent);
        };
        let start = line_start(src, found.start_byte());
        let end = line_end_inclusive(src, found.end_byte());
        let mut updated = src.to_string();
        updated.replace_range(start..end, "");
        Ok(Removal::Rewrite(updated))
    }
}
