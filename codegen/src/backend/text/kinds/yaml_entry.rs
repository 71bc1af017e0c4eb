//! `text.yaml_entry`: an entry (one or more keys with their nested lines) added to a mapping of
//! an indentation-structured text: a YAML file, a Helm template that is YAML with `{{ }}` in it,
//! or YAML embedded in a Go raw string. The mapping is found by its path of keys, line by line,
//! from indentation alone, so files that are not parseable YAML still work and no byte outside
//! the inserted lines changes. The entry is written at the indentation of the mapping's other
//! children; keys the entry gains later are added after them. Removal deletes exactly the
//! lines apply wrote.

use serde::Deserialize;

use crate::backend::{DriftKind, Inspection, PointKind, Removal, SourceFile, parse_spec};
use crate::error::{Error, Location, Result};
use crate::template::Renderer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct YamlEntrySpec {
    /// Keys from the top of the document down to the mapping the entry goes into.
    parent: Vec<String>,
    /// A key of that mapping the entry goes after (default: after its last child).
    after: Option<String>,
    /// The entry as YAML lines written from column 0 (a template).
    entry: Option<String>,
    /// Or a template file of the profile holding it.
    template: Option<String>,
}

#[derive(Debug)]
pub struct YamlEntry {
    parent: Vec<String>,
    after: Option<String>,
    entry: Source,
}

#[derive(Debug)]
enum Source {
    Inline(String),
    File(String),
}

pub fn build(spec: toml::Table, at: &Location) -> Result<Box<dyn PointKind>> {
    let spec: YamlEntrySpec = parse_spec("text.yaml_entry", spec, at)?;
    let entry = match (spec.entry, spec.template) {
        (Some(e), None) => Source::Inline(e),
        (None, Some(t)) => Source::File(t),
        _ => {
            return Err(Error::input(
                at.clone(),
                "point of kind `text.yaml_entry` needs exactly one of `entry` and `template`",
                "give the entry inline, or name a template file",
            ));
        }
    };
    if spec.parent.is_empty() {
        return Err(Error::input(
            at.clone(),
            "point of kind `text.yaml_entry` has an empty `parent`",
            "name the keys down to the mapping, e.g. parent = [\"runtime\"]",
        ));
    }
    Ok(Box::new(YamlEntry {
        parent: spec.parent,
        after: spec.after,
        entry,
    }))
}

/// The file as lines, remembering whether it ended with a newline.
struct Lines {
    lines: Vec<String>,
    trailing_newline: bool,
}

impl Lines {
    fn new(text: &str) -> Self {
        let trailing_newline = text.ends_with('\n');
        let body = text.strip_suffix('\n').unwrap_or(text);
        let lines = if text.is_empty() {
            Vec::new()
        } else {
            body.split('\n').map(str::to_string).collect()
        };
        Self {
            lines,
            trailing_newline,
        }
    }

    fn join(&self) -> String {
        let mut out = self.lines.join("\n");
        if self.trailing_newline && !self.lines.is_empty() {
            out.push('\n');
        }
        out
    }
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

/// The key of a `key:` line, unquoted, and what follows the colon.
fn key_of(line: &str) -> Option<(String, &str)> {
    let rest = line.trim_start_matches(' ');
    if rest.starts_with('#') || rest.starts_with("- ") || rest == "-" {
        return None;
    }
    let (key, after) = if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let end = rest[1..].find(q)? + 1;
        (rest[1..end].to_string(), rest[end + 1..].strip_prefix(':')?)
    } else {
        let mut at = None;
        for (i, _) in rest.match_indices(':') {
            let next = rest[i + 1..].chars().next();
            if next.is_none_or(|c| c == ' ' || c == '\t') {
                at = Some(i);
                break;
            }
        }
        let i = at?;
        (rest[..i].trim_end().to_string(), &rest[i + 1..])
    };
    if key.is_empty() || key.contains(" #") {
        return None;
    }
    Some((key, after))
}

/// Lines `start..end` (0-based, end exclusive) are the body of a block whose children sit at
/// `child_indent`.
#[derive(Debug, Clone, Copy)]
struct Block {
    start: usize,
    end: usize,
    child_indent: usize,
}

/// The body of the key at line `k`: the lines after it that are more indented (blank lines and
/// comments inside included), up to its last content line.
fn body_end(lines: &[String], k: usize, limit: usize) -> usize {
    let indent = indent_of(&lines[k]);
    let mut end = k + 1;
    let mut i = k + 1;
    while i < limit {
        let line = &lines[i];
        if is_blank(line) || (is_comment(line) && indent_of(line) <= indent) {
            i += 1;
            continue;
        }
        if indent_of(line) <= indent {
            break;
        }
        i += 1;
        end = i;
    }
    end
}

fn first_content(lines: &[String], range: std::ops::Range<usize>) -> Option<usize> {
    range
        .into_iter()
        .find(|i| !is_blank(&lines[*i]) && !is_comment(&lines[*i]))
}

/// Child key lines of a block: (line, key).
fn children(lines: &[String], block: Block) -> Vec<(usize, String)> {
    (block.start..block.end)
        .filter(|i| {
            !is_blank(&lines[*i])
                && !is_comment(&lines[*i])
                && indent_of(&lines[*i]) == block.child_indent
        })
        .filter_map(|i| key_of(&lines[i]).map(|(k, _)| (i, k)))
        .collect()
}

impl YamlEntry {
    fn path(&self) -> String {
        self.parent.join(".")
    }

    fn render(&self, r: &Renderer) -> Result<Vec<String>> {
        let text = match &self.entry {
            Source::Inline(s) => r.render("entry", s)?,
            Source::File(t) => r.render_file(t)?,
        };
        Ok(text
            .trim_end_matches('\n')
            .split('\n')
            .map(|l| l.trim_end().to_string())
            .collect())
    }

    /// Finds the mapping named by `parent`.
    fn locate(&self, file: &SourceFile<'_>, lines: &[String]) -> Result<Block> {
        let mut block = Block {
            start: 0,
            end: lines.len(),
            child_indent: first_content(lines, 0..lines.len()).map_or(0, |i| indent_of(&lines[i])),
        };
        for (depth, key) in self.parent.iter().enumerate() {
            let found: Vec<usize> = children(lines, block)
                .into_iter()
                .filter(|(_, k)| k == key)
                .map(|(i, _)| i)
                .collect();
            let path = self.parent[..=depth].join(".");
            let k = match found.as_slice() {
                [k] => *k,
                [] => {
                    return Err(Error::AnchorNotFound {
                        at: Location::new(file.display, 0, 0),
                        message: format!("expected a mapping `{path}:`"),
                        hint: "check that the file is the one the profile expects, or update the point's `parent` keys".into(),
                    });
                }
                [first, second, ..] => {
                    return Err(Error::AnchorNotFound {
                        at: Location::new(file.display, second + 1, 1),
                        message: format!("`{path}:` appears more than once (lines {} and {})", first + 1, second + 1),
                        hint: "the mapping must be unique; fix the file or make the point's `parent` more specific".into(),
                    });
                }
            };
            let (_, rest) = key_of(&lines[k]).expect("found as a key");
            let value = rest.split(" #").next().unwrap_or_default().trim();
            if !value.is_empty()
                && !value.starts_with('|')
                && !value.starts_with('>')
                && !value.starts_with('&')
            {
                return Err(Error::AnchorNotFound {
                    at: Location::new(file.display, k + 1, 1),
                    message: format!(
                        "`{path}` holds `{value}` on its own line; expected a block mapping below it"
                    ),
                    hint: "write the mapping as a block (one key per line), or update the profile"
                        .into(),
                });
            }
            let end = body_end(lines, k, block.end);
            let child_indent = first_content(lines, k + 1..end)
                .map_or(indent_of(&lines[k]) + 2, |i| indent_of(&lines[i]));
            block = Block {
                start: k + 1,
                end,
                child_indent,
            };
        }
        Ok(block)
    }

    /// The entry's top-level keys, with the range of entry lines each one spans.
    fn entry_keys(
        &self,
        file: &SourceFile<'_>,
        entry: &[String],
    ) -> Result<Vec<(String, std::ops::Range<usize>)>> {
        let mut keys: Vec<(String, std::ops::Range<usize>)> = Vec::new();
        for (i, line) in entry.iter().enumerate() {
            if is_blank(line) || is_comment(line) || indent_of(line) > 0 {
                continue;
            }
            let Some((key, _)) = key_of(line) else {
                return Err(Error::input(
                    Location::new(file.display, 0, 0),
                    format!(
                        "the entry for `{}` has a top-level line that is not `key:`: `{line}`",
                        self.path()
                    ),
                    "fix the point's entry template in the profile",
                ));
            };
            let end = body_end(entry, i, entry.len());
            keys.push((key, i..end));
        }
        if keys.is_empty() {
            return Err(Error::input(
                Location::new(file.display, 0, 0),
                format!("the entry for `{}` is empty", self.path()),
                "the entry must hold at least one `key:` line",
            ));
        }
        Ok(keys)
    }
}

fn indented(lines: &[String], indent: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    lines
        .iter()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{pad}{l}")
            }
        })
        .collect()
}

impl PointKind for YamlEntry {
    fn describe(&self, r: &Renderer) -> Result<String> {
        let entry = self.render(r)?;
        let keys: Vec<String> = entry
            .iter()
            .filter(|l| !is_blank(l) && !is_comment(l) && indent_of(l) == 0)
            .filter_map(|l| key_of(l).map(|(k, _)| k))
            .collect();
        Ok(format!(
            "{} under `{}`",
            keys.iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", "),
            self.path()
        ))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let src = file.require(&format!("a mapping `{}:`", self.path()))?;
        let mut doc = Lines::new(src);
        let block = self.locate(file, &doc.lines)?;
        let entry = self.render(r)?;
        let keys = self.entry_keys(file, &entry)?;
        let existing = children(&doc.lines, block);
        let mut found = Vec::new();
        for (key, range) in &keys {
            if let Some((line, _)) = existing.iter().find(|(_, k)| k == key) {
                let end = body_end(&doc.lines, *line, block.end);
                let have: Vec<String> = doc.lines[*line..end]
                    .iter()
                    .map(|l| {
                        l.get(block.child_indent.min(indent_of(l))..)
                            .unwrap_or_default()
                            .trim_end()
                            .to_string()
                    })
                    .collect();
                let want: Vec<String> = entry[range.clone()].to_vec();
                found.push((key, *line, have == want));
            }
        }
        if let Some((key, at, _)) = found.iter().find(|(_, _, same)| !same) {
            return Ok(Inspection::Drift {
                line: at + 1,
                message: format!(
                    "`{}.{key}` differs from what the descriptor gives",
                    self.path()
                ),
                kind: DriftKind::Value,
            });
        }
        if let Some((_, line, _)) = found.first() {
            if found.len() == keys.len() {
                return Ok(Inspection::Present { line: line + 1 });
            }
            // Keys the descriptor gained since: they go after the mapping's last child.
            let missing: Vec<String> = keys
                .iter()
                .filter(|(k, _)| !found.iter().any(|(f, _, _)| *f == k))
                .flat_map(|(_, range)| entry[range.clone()].to_vec())
                .collect();
            let at = block.end;
            doc.lines
                .splice(at..at, indented(&missing, block.child_indent));
            return Ok(Inspection::Missing {
                line: at + 1,
                updated: doc.join(),
            });
        }
        let at = match &self.after {
            Some(after) => {
                let (line, _) = existing.iter().find(|(_, k)| k == after).ok_or_else(|| {
                    Error::AnchorNotFound {
                        at: Location::new(file.display, block.start, 1),
                        message: format!("expected a key `{after}` under `{}`", self.path()),
                        hint: "check the file, or update the point's `after` key".into(),
                    }
                })?;
                body_end(&doc.lines, *line, block.end)
            }
            // After the mapping's last content line (or right below its key when it is empty).
            None => block.end,
        };
        doc.lines
            .splice(at..at, indented(&entry, block.child_indent));
        Ok(Inspection::Missing {
            line: at + 1,
            updated: doc.join(),
        })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let Some(src) = file.text else {
            return Ok(Removal::Absent);
        };
        let mut doc = Lines::new(src);
        let Ok(block) = self.locate(file, &doc.lines) else {
            return Ok(Removal::Absent);
        };
        let entry = self.render(r)?;
        let keys = self.entry_keys(file, &entry)?;
        let want = indented(&entry, block.child_indent);
        // The entry exactly as apply writes it: take those lines out.
        if let Some(at) = (block.start..block.end).find(|i| {
            doc.lines
                .get(*i..*i + want.len())
                .is_some_and(|s| s == want.as_slice())
        }) {
            doc.lines.drain(at..at + want.len());
            return Ok(Removal::Rewrite(doc.join()));
        }
        // Edited since: take out each of the entry's keys with its body.
        let mut ranges: Vec<std::ops::Range<usize>> = children(&doc.lines, block)
            .into_iter()
            .filter(|(_, k)| keys.iter().any(|(key, _)| key == k))
            .map(|(line, _)| line..body_end(&doc.lines, line, block.end))
            .collect();
        if ranges.is_empty() {
            return Ok(Removal::Absent);
        }
        ranges.sort_by_key(|r| std::cmp::Reverse(r.start));
        for range in ranges {
            doc.lines.drain(range);
        }
        Ok(Removal::Rewrite(doc.join()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_from_plain_and_quoted_lines() {
        assert_eq!(key_of("  runtime:").map(|k| k.0), Some("runtime".into()));
        assert_eq!(
            key_of("  global_config.yaml: |-").map(|k| k.0),
            Some("global_config.yaml".into())
        );
        assert_eq!(key_of("  \"a: b\": 1").map(|k| k.0), Some("a: b".into()));
        assert_eq!(
            key_of("    image: eu.gcr.io/x:v1").map(|k| k.0),
            Some("image".into())
        );
        assert_eq!(key_of("  - name: x"), None);
        assert_eq!(key_of("  # runtime:"), None);
    }

    fn inspect(parent: &str, src: &str) -> Result<Inspection> {
        let spec: toml::Table =
            toml::from_str(&format!("parent = [{parent}]\nentry = \"x: 1\"\n")).unwrap();
        let kind = build(spec, &Location::new("p.toml", 1, 1)).unwrap();
        let templates = crate::template::Templates::new(&crate::template::TemplateStore::default());
        let ctx = minijinja::Value::from_serialize(serde_json::json!({}));
        kind.inspect(
            &SourceFile::new(std::path::Path::new("c.yaml"), Some(src)),
            &templates.renderer(&ctx, "p"),
        )
    }

    #[test]
    fn a_parent_with_an_inline_value_or_twice_over_is_an_error() {
        let err = inspect("\"data\"", "data: {}\n").unwrap_err().to_string();
        assert!(
            err.contains("c.yaml:1:1: anchor not found: `data` holds `{}` on its own line"),
            "{err}"
        );
        let err = inspect("\"data\"", "data:\n  a: 1\ndata:\n  b: 2\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(
                "c.yaml:3:1: anchor not found: `data:` appears more than once (lines 1 and 3)"
            ),
            "{err}"
        );
        let err = inspect("\"spec\", \"data\"", "spec:\n  other: 1\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("expected a mapping `spec.data:`"), "{err}");
    }

    #[test]
    fn an_empty_mapping_gets_its_children_two_spaces_in() {
        match inspect("\"data\"", "data:\nkind: Secret\n").unwrap() {
            Inspection::Missing { updated, line } => {
                assert_eq!(updated, "data:\n  x: 1\nkind: Secret\n");
                assert_eq!(line, 2);
            }
            other => panic!("{other:?}"),
        }
    }
}
