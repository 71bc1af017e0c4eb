//! `go.lines`: statements and comments added to a function body, or declarations at the top
//! level, after the last (or before the first) node that matches a pattern; removal takes out
//! exactly the lines apply wrote.

use regex::Regex;
use serde::Deserialize;
use tree_sitter::{Node, Tree};

use crate::backend::fragment::Fragment;
use crate::backend::go::parse::{Scope, method_word, parse_valid};
use crate::backend::go::syntax::{self, children, text};
use crate::backend::splice::{delete_lines, insert_lines};
use crate::backend::{DriftKind, Inspection, PointKind, Removal, SourceFile, anchor_error, regex};
use crate::error::{Error, Location, Result};
use crate::template::Renderer;
use crate::text::indentation_at;

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
    lines: Fragment,
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
            lines: Fragment::new("go.lines", "lines", spec.lines, spec.template, at)?,
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
                anchor_error(file, 0,
                    format!("expected func {func}"),
                    "check the function name (`Type.Method` for methods), or update the profile",
                )
            })?;
        let body = decl.child_by_field_name("body").ok_or_else(|| {
            anchor_error(file, 0,
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
    /// Every line, not the first one the description shows: two blocks that start alike are
    /// not one registration.
    fn key(&self, r: &Renderer) -> Result<Option<String>> {
        Ok(Some(self.rendered(r)?.iter().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>().join("\n")))
    }

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
            anchor_error(file, 0,
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
    use crate::backend::go::kinds::inspect_for_test as inspect;

    fn lines(spec: &str) -> Lines {
        Lines::new(
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
}
