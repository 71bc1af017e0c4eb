//! `yaml.json_entry`: a key of a JSON object that lives inside a YAML block scalar, such as the
//! `images.json` key of a ConfigMap's `data`. The block scalar's lines are read as JSON text (the
//! content indentation stripped, with a map back to file offsets), a small scanner finds each
//! entry's byte range, and the new entry is spliced after the last one in the style of its
//! neighbours: on its own line with the same indentation, or inline when the object is written
//! on one line. Both the YAML and the JSON are re-parsed after the edit.

use serde::Deserialize;

use crate::backend::yaml::json::scan_object;
use crate::backend::yaml::{Node, first_difference, line_starts, line_text, parse_file, parse_text};
use crate::backend::splice::preimage;
use crate::backend::{DriftKind, Duplicate, Inspection, PointKind, Removal, SourceFile};
use crate::error::{Error, Location, Result};
use crate::template::Renderer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonEntrySpec {
    /// Mapping keys from the document root to the string that holds the JSON object, e.g.
    /// `["data", "images.json"]`.
    path: Vec<String>,
    /// The JSON key (a template).
    key: String,
    /// The value, a string (a template); it is written JSON-encoded.
    value: String,
}

#[derive(Debug)]
pub struct JsonEntry {
    spec: JsonEntrySpec,
}

/// One `"key": value` of the object, as byte ranges of the file.
#[derive(Debug, Clone)]
struct Entry {
    key: String,
    key_start: usize,
    value_end: usize,
    value: serde_json::Value,
}

/// The JSON object inside the block scalar, located in the file.
struct Located {
    src: String,
    doc: Node,
    /// File offset just after `{`.
    open_end: usize,
    entries: Vec<Entry>,
    object: serde_json::Map<String, serde_json::Value>,
}

impl JsonEntry {
    pub fn new(spec: JsonEntrySpec) -> Self {
        Self { spec }
    }

    fn dotted(&self) -> String {
        self.spec.path.join(".")
    }

    fn error(&self, file: &SourceFile<'_>, line: usize, message: String, hint: &str) -> Error {
        Error::AnchorNotFound { at: Location::new(file.display, line, 0), message, hint: hint.to_string() }
    }

    fn locate(&self, file: &SourceFile<'_>) -> Result<Located> {
        let (src, doc) = parse_file(file, &format!("a JSON object at {}", self.dotted()))?;
        let (parent_path, last) = self.spec.path.split_at(self.spec.path.len().saturating_sub(1));
        let (reached, found, line) = doc.reach(parent_path);
        let entry = (found == parent_path.len()).then(|| last.first().and_then(|k| reached.entry(k))).flatten();
        let Some((key_node, value_node)) = entry else {
            let missing = self.spec.path.get(found).map_or_else(String::new, String::clone);
            return Err(self.error(file, line, format!("expected the key `{missing}` (path {})", self.dotted()), "check that the file is the manifest the profile expects, or update the point's `path`"));
        };
        let Some(text) = value_node.as_str() else {
            return Err(self.error(file, key_node.line, format!("{} is not a string holding JSON", self.dotted()), "the value must be a block scalar (`|` or `>`) holding a JSON object"));
        };
        let starts = line_starts(&src);
        let key_line = key_node.line - 1;
        let header = line_text(&src, &starts, key_line);
        let after_colon = header.rsplit_once(':').map_or("", |(_, rest)| rest).split(" #").next().unwrap_or_default().trim();
        if value_node.line == key_node.line || !(after_colon.starts_with('|') || after_colon.starts_with('>')) {
            return Err(self.error(file, key_node.line, format!("{} is not a block scalar", self.dotted()), "write the JSON as a block scalar (`key: |` or `key: >` with the JSON on the following lines) so it can be edited line by line"));
        }
        let object = match serde_json::from_str::<serde_json::Value>(text) {
            Ok(serde_json::Value::Object(o)) => o,
            Ok(_) => return Err(self.error(file, key_node.line, format!("{} holds JSON that is not an object", self.dotted()), "the JSON must be an object of keys and values")),
            Err(e) => {
                return Err(Error::Syntax {
                    at: Location::new(file.display, key_node.line + e.line(), e.column()),
                    message: format!("{} is not valid JSON ({e})", self.dotted()),
                    hint: "fix the JSON first, then run integrate again".into(),
                });
            }
        };
        // The JSON text as the block's lines with the content indentation stripped, and where
        // each of its bytes is in the file.
        let key_indent = key_node.col;
        let content_first = value_node.line - 1;
        let content_indent = crate::backend::yaml::indent_of(line_text(&src, &starts, content_first));
        let mut json = String::new();
        let mut origin: Vec<usize> = Vec::new();
        let count = if src.ends_with('\n') { starts.len() - 1 } else { starts.len() };
        for line in content_first..count {
            let text = line_text(&src, &starts, line);
            if !text.trim().is_empty() && crate::backend::yaml::indent_of(text) <= key_indent {
                break;
            }
            let strip = crate::backend::yaml::indent_of(text).min(content_indent);
            let base = starts[line] + strip;
            origin.extend((0..text.len() - strip).map(|j| base + j));
            json.push_str(&text[strip..]);
            // The line break: where it is in the file.
            origin.push(base + text.len() - strip);
            json.push('\n');
        }
        origin.push(src.len());
        let at = |i: usize| origin.get(i).copied().unwrap_or(src.len());
        let scanned = scan_object(&json).ok_or_else(|| {
            self.error(file, key_node.line, format!("could not read the JSON object at {} line by line", self.dotted()), "keep the JSON in the block scalar as one object; integrate reads it as written")
        })?;
        let entries = scanned
            .entries
            .into_iter()
            .map(|e| Entry { key: e.key, key_start: at(e.key_start), value_end: at(e.value_end), value: e.value })
            .collect();
        Ok(Located { open_end: at(scanned.open_end), entries, object, src, doc })
    }

    /// Re-parses an edited file: the YAML must parse, the rest of the document stay the same and
    /// the JSON object become exactly `object`.
    fn verify(&self, file: &SourceFile<'_>, updated: &str, before: &Node, object: &serde_json::Map<String, serde_json::Value>) -> Result<()> {
        let fail = |message: String| Error::Syntax {
            at: Location::new(file.display, 0, 0),
            message,
            hint: "nothing was written; check the block scalar's indentation, or report it".into(),
        };
        let doc = parse_text(file.display, updated).map_err(|e| fail(format!("after the edit the file would not parse: {e}")))?;
        let json = doc.path(&self.spec.path).and_then(Node::as_str).ok_or_else(|| fail(format!("after the edit {} is no longer a string", self.dotted())))?;
        let got: serde_json::Value = serde_json::from_str(json).map_err(|e| fail(format!("after the edit {} would not be valid JSON ({e})", self.dotted())))?;
        let want = serde_json::Value::Object(object.clone());
        if got != want {
            return Err(fail(format!("the edit would change the JSON at {} by more than the entry ({})", self.dotted(), first_difference(&got, &want, "").unwrap_or_default())));
        }
        let mut rest = doc.to_json();
        let mut before_rest = before.to_json();
        for v in [&mut rest, &mut before_rest] {
            if let Some(slot) = self.spec.path.iter().try_fold(v, |v, k| v.get_mut(k)) {
                *slot = serde_json::Value::Null;
            }
        }
        if rest != before_rest {
            return Err(fail(format!("the edit would change the YAML outside {} ({})", self.dotted(), first_difference(&rest, &before_rest, "").unwrap_or_default())));
        }
        Ok(())
    }
}

impl PointKind for JsonEntry {
    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(format!("\"{}\" in the JSON at {}", r.render("key", &self.spec.key)?, self.dotted()))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let key = r.render("key", &self.spec.key)?;
        let value = serde_json::Value::String(r.render("value", &self.spec.value)?);
        let loc = self.locate(file)?;
        let line_of = |offset: usize| crate::text::line_of(&loc.src, offset);
        if let Some(found) = loc.entries.iter().find(|e| e.key == key) {
            if found.value != value {
                return Ok(Inspection::Drift { line: line_of(found.key_start), message: format!("\"{key}\" is {}, expected {value}", found.value), kind: DriftKind::Value });
            }
            return Ok(Inspection::Present { line: line_of(found.key_start) });
        }
        let fragment = format!("{}: {value}", serde_json::Value::String(key.clone()));
        let src = &loc.src;
        let mut updated = src.clone();
        let line = match loc.entries.last() {
            None => {
                updated.insert_str(loc.open_end, &fragment);
                line_of(loc.open_end)
            }
            Some(last) => {
                let line_start = crate::text::line_start(src, last.key_start);
                let line_end = src[last.value_end..].find('\n').map_or(src.len(), |i| last.value_end + i);
                let own_line = src[line_start..last.key_start].trim().is_empty() && src[last.value_end..line_end].trim().is_empty();
                if own_line {
                    let indent = &src[line_start..last.key_start];
                    updated.insert_str(line_end, &format!("\n{indent}{fragment}"));
                    updated.insert(last.value_end, ',');
                    line_of(last.key_start) + 1
                } else {
                    updated.insert_str(last.value_end, &format!(", {fragment}"));
                    line_of(last.key_start)
                }
            }
        };
        let mut object = loc.object.clone();
        object.insert(key, value);
        self.verify(file, &updated, &loc.doc, &object)?;
        Ok(Inspection::Missing { line, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let key = r.render("key", &self.spec.key)?;
        let loc = self.locate(file)?;
        let Some(i) = loc.entries.iter().position(|e| e.key == key) else { return Ok(Removal::Absent) };
        let entries = &loc.entries;
        let range = match (i.checked_sub(1), entries.get(i + 1)) {
            // Not the last: the entry, its comma and the space up to the next key.
            (_, Some(next)) => entries[i].key_start..next.key_start,
            // The last: from the end of the previous value, taking the comma that joined them.
            (Some(prev), None) => entries[prev].value_end..entries[i].value_end,
            (None, None) => entries[i].key_start..entries[i].value_end,
        };
        let src = &loc.src;
        let mut candidates = Vec::new();
        // The last entry on its own line: its line, and the comma apply put after the value
        // before it, so whatever followed that comma on its line stays.
        if let (Some(prev), None) = (i.checked_sub(1), entries.get(i + 1)) {
            let start = crate::text::line_start(src, entries[i].key_start);
            let end = src[entries[i].value_end..].find('\n').map_or(src.len(), |n| entries[i].value_end + n);
            let prev_end = entries[prev].value_end;
            if start > prev_end && src[start..entries[i].key_start].trim().is_empty() && src[prev_end..].starts_with(',') {
                let mut own_line = src.clone();
                own_line.replace_range(start - 1..end, "");
                own_line.replace_range(prev_end..prev_end + 1, "");
                candidates.push(own_line);
            }
        }
        let mut plain = src.clone();
        plain.replace_range(range, "");
        candidates.push(plain);
        let mut object = loc.object.clone();
        object.remove(&key);
        for c in &candidates {
            self.verify(file, c, &loc.doc, &object)?;
        }
        Ok(Removal::Rewrite(preimage(self, file, r, src, candidates)?))
    }

    fn duplicates(&self, file: &SourceFile<'_>) -> Result<Vec<Duplicate>> {
        // serde_json keeps the last of repeated keys, so a repeat hides the first silently.
        let loc = self.locate(file)?;
        let mut out: Vec<Duplicate> = Vec::new();
        for e in &loc.entries {
            let line = crate::text::line_of(&loc.src, e.key_start);
            match out.iter_mut().find(|d| d.entry == e.key) {
                Some(d) => d.lines.push(line),
                None => out.push(Duplicate { entry: e.key.clone(), lines: vec![line], breaks_build: None }),
            }
        }
        out.retain(|d| d.lines.len() > 1);
        Ok(out)
    }
}
