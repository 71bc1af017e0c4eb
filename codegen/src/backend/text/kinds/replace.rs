//! `text.replace`: renames. Literal `from` -> `to` pairs are applied simultaneously (at each
//! position the longest `from` wins), so one point turns every mention of a project's old name
//! in one file into the new one, in a README, a Makefile, a Dockerfile, go.mod or Go source
//! alike. Removal maps each `to` back to its `from`; because that is only the exact inverse when
//! no `to` text was in the file before, apply refuses a rename it could not undo. In Go files,
//! import groups that the rename leaves out of order are re-sorted the way gofmt sorts them (and
//! sorted back on removal).

use std::path::Path;

use serde::Deserialize;

use crate::backend::{Inspection, PointKind, Removal, SourceFile, parse_spec};
use crate::error::{Error, Location, Result};
use crate::template::Renderer;
use crate::text::line_of;


#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// The text to replace (a template; literal once rendered).
    from: String,
    /// What replaces it (a template).
    to: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReplaceSpec {
    rules: Vec<Rule>,
}

#[derive(Debug)]
pub struct Replace {
    rules: Vec<Rule>,
}

pub fn build(spec: toml::Table, at: &Location) -> Result<Box<dyn PointKind>> {
    let spec: ReplaceSpec = parse_spec("text.replace", spec, at)?;
    if spec.rules.is_empty() {
        return Err(Error::input(
            at.clone(),
            "point of kind `text.replace` has no rules",
            "add `rules = [{ from = \"old\", to = \"new\" }]`",
        ));
    }
    for rule in &spec.rules {
        if rule.from.is_empty() || rule.from.contains('\n') || rule.to.contains('\n') {
            return Err(Error::input(
                at.clone(),
                format!(
                    "text.replace rule `{}` -> `{}`: `from` must be non-empty and neither side may span lines",
                    rule.from, rule.to
                ),
                "a rule renames text within a line; use one rule per line-level token",
            ));
        }
    }
    Ok(Box::new(Replace { rules: spec.rules }))
}


/// The rules rendered for one descriptor, without those that change nothing.
fn rendered(rules: &[Rule], r: &Renderer) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for rule in rules {
        let from = r.render("rules.from", &rule.from)?;
        let to = r.render("rules.to", &rule.to)?;
        if from != to {
            out.push((from, to));
        }
    }
    Ok(out)
}

/// Replaces, in one left-to-right pass, every occurrence of a pattern by its replacement; where
/// several patterns start at the same position the longest wins. Returns the new text and the
/// number of replacements per pattern.
pub fn replace_all(text: &str, pairs: &[(&str, &str)]) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut counts = vec![0; pairs.len()];
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        let best = pairs
            .iter()
            .enumerate()
            .filter(|(_, (from, _))| !from.is_empty() && bytes[i..].starts_with(from.as_bytes()))
            .max_by_key(|(_, (from, _))| from.len());
        match best {
            Some((k, (from, to))) => {
                out.push_str(to);
                counts[k] += 1;
                i += from.len();
            }
            None => {
                let ch = text[i..].chars().next().expect("i is a char boundary");
                out.push(ch);
                i += ch.len_utf8();
            }
        }
    }
    (out, counts)
}

/// Byte offset of the first match of any pattern, scanning as [`replace_all`] does.
fn first_match(text: &str, patterns: &[&str]) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    (0..text.len())
        .filter(|i| text.is_char_boundary(*i))
        .find_map(|i| {
            patterns
                .iter()
                .enumerate()
                .filter(|(_, p)| bytes[i..].starts_with(p.as_bytes()))
                .max_by_key(|(_, p)| p.len())
                .map(|(k, _)| (i, k))
        })
}

fn is_go(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "go")
}

impl Replace {
    /// `src` renamed forward (`from` -> `to`) or back, with Go imports re-sorted.
    fn apply(
        &self,
        display: &Path,
        src: &str,
        pairs: &[(String, String)],
        forward: bool,
    ) -> (String, Vec<usize>) {
        let refs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(f, t)| {
                if forward {
                    (f.as_str(), t.as_str())
                } else {
                    (t.as_str(), f.as_str())
                }
            })
            .collect();
        let (out, counts) = replace_all(src, &refs);
        let out = if is_go(display) {
            resort_imports(src, &out)
        } else {
            out
        };
        (out, counts)
    }
}

impl PointKind for Replace {
    fn describe(&self, r: &Renderer) -> Result<String> {
        let pairs = rendered(&self.rules, r)?;
        if pairs.is_empty() {
            return Ok("nothing to rename (every rule renames a name to itself)".into());
        }
        Ok(pairs
            .iter()
            .map(|(f, t)| format!("`{f}` renamed to `{t}`"))
            .collect::<Vec<_>>()
            .join(", "))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let pairs = rendered(&self.rules, r)?;
        let src = file.require(&format!(
            "the names {}",
            self.rules
                .iter()
                .map(|x| format!("`{}`", x.from))
                .collect::<Vec<_>>()
                .join(", ")
        ))?;
        if pairs.is_empty() {
            return Ok(Inspection::Present { line: 1 });
        }
        let (_, from_hits) = replace_all(
            src,
            &pairs
                .iter()
                .map(|(f, t)| (f.as_str(), t.as_str()))
                .collect::<Vec<_>>(),
        );
        if from_hits.iter().all(|n| *n == 0) {
            let (_, to_hits) = replace_all(
                src,
                &pairs
                    .iter()
                    .map(|(f, t)| (t.as_str(), f.as_str()))
                    .collect::<Vec<_>>(),
            );
            if let Some(k) = to_hits.iter().position(|n| *n == 0) {
                let (from, to) = &pairs[k];
                return Err(Error::AnchorNotFound {
                    at: Location::new(file.display, 0, 0),
                    message: format!("expected `{from}` (to rename) or `{to}` (renamed); the file holds neither"),
                    hint: "check that the root points at the right checkout, or update the point's rules in the profile".into(),
                });
            }
            let tos: Vec<&str> = pairs.iter().map(|(_, t)| t.as_str()).collect();
            let line = first_match(src, &tos).map_or(1, |(at, _)| line_of(src, at));
            return Ok(Inspection::Present { line });
        }
        let froms: Vec<&str> = pairs.iter().map(|(f, _)| f.as_str()).collect();
        let line = first_match(src, &froms).map_or(1, |(at, _)| line_of(src, at));
        let (updated, _) = self.apply(file.display, src, &pairs, true);
        let (back, _) = self.apply(file.display, &updated, &pairs, false);
        if back != src {
            let tos: Vec<&str> = pairs.iter().map(|(_, t)| t.as_str()).collect();
            let (message, at_line) = match first_match(src, &tos) {
                Some((at, k)) => (
                    format!(
                        "the file already holds `{}` (line {}) next to `{}`, so `integrate remove` could not tell the renamed text from it",
                        tos[k],
                        line_of(src, at),
                        pairs[k].0
                    ),
                    line_of(src, at),
                ),
                None => (
                    "renaming here could not be undone exactly".to_string(),
                    line,
                ),
            };
            return Err(Error::input(
                Location::new(file.display, at_line, 1),
                message,
                "choose another id or name, or, if the file is half renamed already, restore it (git checkout) and apply again",
            ));
        }
        Ok(Inspection::Missing { line, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let pairs = rendered(&self.rules, r)?;
        let Some(src) = file.text else {
            return Ok(Removal::Absent);
        };
        if pairs.is_empty() {
            return Ok(Removal::Absent);
        }
        let (back, counts) = self.apply(file.display, src, &pairs, false);
        if counts.iter().all(|n| *n == 0) {
            return Ok(Removal::Absent);
        }
        Ok(Removal::Rewrite(back))
    }
}

/// After a rename turned `before` into `after` (same lines, some changed), sorts each run of
/// single-line import specs that holds a changed line, when that run was sorted before: gofmt
/// orders a group by path, and a new module path may belong elsewhere in it.
fn resort_imports(before: &str, after: &str) -> String {
    let runs_before = import_runs(before);
    let before_lines: Vec<&str> = before.split('\n').collect();
    let mut lines: Vec<String> = after.split('\n').map(str::to_string).collect();
    if before_lines.len() != lines.len() {
        return after.to_string();
    }
    let keys: std::collections::BTreeMap<usize, (String, String)> =
        import_runs(after).into_iter().flatten().collect();
    for run in runs_before {
        let changed = run.iter().any(|(l, _)| before_lines[*l] != lines[*l]);
        let sorted = run.windows(2).all(|w| w[0].1 <= w[1].1);
        if !changed || !sorted {
            continue;
        }
        let mut entries: Vec<((String, String), String)> = Vec::new();
        for (l, _) in &run {
            let Some(key) = keys.get(l) else {
                return after.to_string();
            };
            entries.push((key.clone(), lines[*l].clone()));
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for ((l, _), (_, text)) in run.iter().zip(entries) {
            lines[*l] = text;
        }
    }
    lines.join("\n")
}

/// Runs of import specs on consecutive lines, each spec alone on its line: (0-based line,
/// (path, name)) in file order.
fn import_runs(src: &str) -> Vec<Vec<(usize, (String, String))>> {
    let tree = crate::backend::go::syntax::parse(src);
    import_runs_tree(&tree, src)
}

fn import_runs_tree(tree: &tree_sitter::Tree, src: &str) -> Vec<Vec<(usize, (String, String))>> {
    use crate::backend::go::syntax::{children, text, visit};
    let mut lists = Vec::new();
    visit(tree.root_node(), &mut |n| {
        if n.kind() == "import_spec_list" {
            lists.push(n);
            return false;
        }
        n.kind() == "source_file" || n.kind() == "import_declaration"
    });
    let mut runs = Vec::new();
    for list in lists {
        let mut run: Vec<(usize, (String, String))> = Vec::new();
        for child in children(list) {
            let row = child.start_position().row;
            match child.kind() {
                // A trailing comment travels with its spec; an own-line comment ends the run.
                "comment" if run.last().is_some_and(|(r, _)| *r == row) => {}
                "import_spec"
                    if row == child.end_position().row
                        && src[crate::text::line_start(src, child.start_byte())
                            ..child.start_byte()]
                            .trim()
                            .is_empty() =>
                {
                    if run.last().is_some_and(|(r, _)| r + 1 != row) {
                        runs.push(std::mem::take(&mut run));
                    }
                    let path = child
                        .child_by_field_name("path")
                        .map(|p| text(p, src).trim_matches('"').to_string())
                        .unwrap_or_default();
                    let name = child
                        .child_by_field_name("name")
                        .map(|p| text(p, src).to_string())
                        .unwrap_or_default();
                    run.push((row, (path, name)));
                }
                "(" | ")" => {}
                _ => runs.push(std::mem::take(&mut run)),
            }
        }
        runs.push(run);
    }
    runs.retain(|r| r.len() > 1);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_pattern_wins_at_a_position() {
        let pairs = [("sample", "acme"), ("org/x-sample", "corp/x-acme")];
        let (out, counts) = replace_all("org/x-sample and sample", &pairs);
        assert_eq!(out, "corp/x-acme and acme");
        assert_eq!(counts, vec![1, 1]);
    }

    #[test]
    fn renamed_imports_are_sorted_as_gofmt_sorts_them() {
        let before = "package x\n\nimport (\n\t\"github.com/a/b-old/pkg\"\n\t\"github.com/m/n\"\n\t\"k8s.io/x\"\n)\n";
        let after = before.replace("github.com/a/b-old", "github.com/z/b-new");
        let sorted = resort_imports(before, &after);
        assert_eq!(
            sorted,
            "package x\n\nimport (\n\t\"github.com/m/n\"\n\t\"github.com/z/b-new/pkg\"\n\t\"k8s.io/x\"\n)\n"
        );
        // And back.
        assert_eq!(
            resort_imports(
                &sorted,
                &sorted.replace("github.com/z/b-new", "github.com/a/b-old")
            ),
            before
        );
    }
}
