//! `yaml.sequence_item`: an item of a block sequence (`spec.tags`), identified by one of its
//! keys, written after the last item at the dash's column; the edited document must differ
//! from the old one by exactly the new item.

use serde::Deserialize;

use crate::backend::splice::preimage;
use crate::backend::yaml::{Node, block_lines, first_difference, indent_fragment, line_starts, line_text, parse_file, parse_text, verify_edit};
use crate::backend::{DriftKind, Duplicate, Inspection, PointKind, Removal, SourceFile, anchor_error};
use crate::error::{Error, Location, Result};
use crate::template::Renderer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SequenceItemSpec {
    /// Mapping keys from the document root to the block sequence, e.g. `["spec", "tags"]`.
    path: Vec<String>,
    /// The key whose value identifies an item, e.g. `name`.
    key: String,
    /// The item as YAML written at column 0 without the dash (a template).
    item: String,
}

#[derive(Debug)]
pub struct SequenceItem {
    spec: SequenceItemSpec,
}

impl SequenceItem {
    pub fn new(spec: SequenceItemSpec) -> Self {
        Self { spec }
    }

    fn dotted(&self) -> String {
        self.spec.path.join(".")
    }

    /// The rendered item: its text, its data and the value of its identifying key.
    fn fragment(&self, r: &Renderer) -> Result<(String, serde_json::Value, String)> {
        let text = r.render("item", &self.spec.item)?;
        let node = parse_text(std::path::Path::new("<item of the profile point>"), &text)?;
        let id = node.get(&self.spec.key).and_then(Node::scalar_text).ok_or_else(|| {
            Error::input(Location::new("<profile>", 0, 0), format!("the item of a yaml.sequence_item point has no `{}` key", self.spec.key), "the item must be a mapping that holds the point's `key`")
        })?;
        Ok((text, node.to_json(), id))
    }

    fn sequence<'d>(&self, file: &SourceFile<'_>, doc: &'d Node) -> Result<&'d [Node]> {
        let (reached, found, line) = doc.reach(&self.spec.path);
        if found < self.spec.path.len() {
            return Err(anchor_error(
                file,
                line,
                format!("expected the key `{}` (path {})", self.spec.path[found], self.dotted()),
                "check that the file is the manifest the profile expects, or update the point's `path`",
            ));
        }
        match reached.items() {
            Some(items) if !items.is_empty() => Ok(items),
            _ => Err(anchor_error(
                file,
                line,
                format!("expected a non-empty block sequence at {}", self.dotted()),
                "add the first item by hand (`- name: ...` on its own line), then run integrate again",
            )),
        }
    }

    fn identity(&self, item: &Node) -> Option<String> {
        item.get(&self.spec.key).and_then(Node::scalar_text)
    }

    /// The column of the dash that opens `item`, when the item is written in block style.
    fn dash_column(file: &SourceFile<'_>, src: &str, starts: &[usize], item: &Node) -> Result<usize> {
        let line = line_text(src, starts, item.line - 1);
        let before: String = line.chars().take(item.col).collect();
        let trimmed = before.trim_end();
        if trimmed.ends_with('-') && trimmed[..trimmed.len() - 1].trim().is_empty() {
            Ok(trimmed.len() - 1)
        } else {
            Err(anchor_error(file, item.line, "expected a block sequence item (`- key: value` starting its line)".into(), "integrate edits block sequences only; rewrite the sequence in block style"))
        }
    }
}

impl PointKind for SequenceItem {
    fn describe(&self, r: &Renderer) -> Result<String> {
        let (_, _, id) = self.fragment(r)?;
        Ok(format!("`{}: {id}` in {}", self.spec.key, self.dotted()))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let (text, data, id) = self.fragment(r)?;
        let (src, doc) = parse_file(file, &format!("a sequence at {}", self.dotted()))?;
        let items = self.sequence(file, &doc)?;
        if let Some(found) = items.iter().find(|i| self.identity(i).as_deref() == Some(id.as_str())) {
            let have = found.to_json();
            if have != data {
                let diff = first_difference(&have, &data, "").unwrap_or_default();
                return Ok(Inspection::Drift { line: found.line, message: format!("the item `{}: {id}` differs: {diff}", self.spec.key), kind: DriftKind::Value });
            }
            return Ok(Inspection::Present { line: found.line });
        }
        let starts = line_starts(&src);
        let last = items.last().expect("non-empty");
        let dash = Self::dash_column(file, &src, &starts, last)?;
        let lines = block_lines(&src, &starts, last.line - 1, dash);
        let end_line = *lines.end();
        let mut insertion = indent_fragment(&text, &format!("{}- ", " ".repeat(dash)), dash + 2);
        let at = match starts.get(end_line + 1) {
            Some(&offset) if offset <= src.len() && src[..offset].ends_with('\n') => {
                insertion.push('\n');
                offset
            }
            _ => {
                insertion.insert(0, '\n');
                src.len()
            }
        };
        let mut updated = src.clone();
        updated.insert_str(at, &insertion);
        let mut expected = doc.to_json();
        if let Some(serde_json::Value::Array(a)) = self.spec.path.iter().try_fold(&mut expected, |v, k| v.get_mut(k)) {
            a.push(data);
        }
        verify_edit(file, &updated, &expected, &format!("`{}: {id}` in {}", self.spec.key, self.dotted()))?;
        Ok(Inspection::Missing { line: end_line + 2, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let (_, _, id) = self.fragment(r)?;
        let (src, doc) = parse_file(file, &format!("a sequence at {}", self.dotted()))?;
        let items = self.sequence(file, &doc)?;
        let Some(found) = items.iter().find(|i| self.identity(i).as_deref() == Some(id.as_str())) else { return Ok(Removal::Absent) };
        let starts = line_starts(&src);
        let dash = Self::dash_column(file, &src, &starts, found)?;
        let lines = block_lines(&src, &starts, found.line - 1, dash);
        let from = starts[*lines.start()];
        let to = starts.get(lines.end() + 1).copied().unwrap_or(src.len());
        let mut plain = src.clone();
        plain.replace_range(from..to, "");
        let mut candidates = Vec::new();
        if to == src.len() && !src.ends_with('\n') && from > 0 {
            // The item was the unterminated last line: its line break goes with it.
            let mut joined = src.clone();
            joined.replace_range(from - 1..to, "");
            candidates.push(joined);
        }
        candidates.push(plain);
        Ok(Removal::Rewrite(preimage(self, file, r, &src, candidates)?))
    }

    fn duplicates(&self, file: &SourceFile<'_>) -> Result<Vec<Duplicate>> {
        let (_, doc) = parse_file(file, &format!("a sequence at {}", self.dotted()))?;
        let mut out: Vec<Duplicate> = Vec::new();
        for item in self.sequence(file, &doc)? {
            let Some(id) = self.identity(item) else { continue };
            let entry = format!("{}: {id}", self.spec.key);
            match out.iter_mut().find(|d| d.entry == entry) {
                Some(d) => d.lines.push(item.line),
                None => out.push(Duplicate { entry, lines: vec![item.line], breaks_build: None }),
            }
        }
        out.retain(|d| d.lines.len() > 1);
        Ok(out)
    }
}
