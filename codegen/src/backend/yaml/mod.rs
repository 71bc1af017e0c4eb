//! The YAML back end: point kinds that edit YAML manifests by splicing text, never by
//! re-printing the document, so comments, quoting, key order and indentation outside the edit
//! stay byte for byte. A position-aware parser (saphyr) only locates anchors; every edit is
//! then re-parsed and must change the document's data by exactly the registration, or nothing
//! is written. This module holds the document model with positions and the line helpers the
//! kinds share; [`json`] scans a JSON object embedded in a YAML block scalar.
//!
//! Kinds, one file each under [`kinds`]: `yaml.sequence_item` (an item of a block sequence,
//! identified by one of its keys) and `yaml.json_entry` (a key of a JSON object inside a YAML
//! string).

pub mod json;
pub mod kinds;

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};

use super::{PointKind, SourceFile, parse_spec};
use crate::error::{Error, Location, Result};

// ---------------------------------------------------------------------------------------------
// A document with positions

/// A YAML node with the position where it starts (1-based line, 0-based character column).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub line: usize,
    pub col: usize,
    pub value: Value,
}

/// The data of a node; mapping keys keep their own positions.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar resolved the YAML 1.2 core way (`2` is a number, `"2"` a string).
    Scalar(serde_json::Value),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
    /// Aliases and values the parser could not resolve.
    Other,
}

impl Node {
    /// The value of `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, v)| v)
    }

    /// The key node and value of `key` in a mapping.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|(k, _)| k.as_str() == Some(key)).map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    /// Follows a path of mapping keys.
    pub fn path(&self, path: &[String]) -> Option<&Node> {
        path.iter().try_fold(self, |node, key| node.get(key))
    }

    /// The deepest node a path reaches, how many keys were found, and the line of the last key
    /// found (the node's own line when none was): for messages.
    pub fn reach(&self, path: &[String]) -> (&Node, usize, usize) {
        let (mut node, mut line) = (self, self.line);
        for (i, key) in path.iter().enumerate() {
            match node.entry(key) {
                Some((k, next)) => {
                    node = next;
                    line = k.line;
                }
                None => return (node, i, line),
            }
        }
        (node, path.len(), line)
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(serde_json::Value::String(s)) => Some(s),
            _ => None,
        }
    }

    /// A scalar as text, whatever its type (`2`, `true`, `name`); `None` for collections.
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::Scalar(serde_json::Value::String(s)) => Some(s.clone()),
            Value::Scalar(serde_json::Value::Null) => Some(String::new()),
            Value::Scalar(v) => Some(v.to_string()),
            _ => None,
        }
    }

    pub fn items(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(items) => Some(items),
            _ => None,
        }
    }

    pub fn entries(&self) -> Option<&[(Node, Node)]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// The data without positions, as JSON (mapping keys as text), for comparisons.
    pub fn to_json(&self) -> serde_json::Value {
        match &self.value {
            Value::Scalar(v) => v.clone(),
            Value::Seq(items) => serde_json::Value::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => serde_json::Value::Object(
                entries.iter().map(|(k, v)| (k.scalar_text().unwrap_or_else(|| k.to_json().to_string()), v.to_json())).collect(),
            ),
            Value::Other => serde_json::Value::Null,
        }
    }
}

fn scalar_json(s: &Scalar<'_>) -> serde_json::Value {
    match s {
        Scalar::Null => serde_json::Value::Null,
        Scalar::Boolean(b) => serde_json::Value::Bool(*b),
        Scalar::Integer(i) => serde_json::Value::from(*i),
        Scalar::FloatingPoint(f) => serde_json::Number::from_f64(f.into_inner()).map_or(serde_json::Value::Null, serde_json::Value::Number),
        Scalar::String(s) => serde_json::Value::String(s.to_string()),
    }
}

fn convert(node: &MarkedYaml<'_>) -> Node {
    let (line, col) = (node.span.start.line(), node.span.start.col());
    let value = match &node.data {
        YamlData::Value(s) => Value::Scalar(scalar_json(s)),
        YamlData::Representation(text, ..) => Value::Scalar(serde_json::Value::String(text.to_string())),
        YamlData::Sequence(items) => Value::Seq(items.iter().map(convert).collect()),
        YamlData::Mapping(map) => Value::Map(map.iter().map(|(k, v)| (convert(k), convert(v))).collect()),
        YamlData::Tagged(_, inner) => return convert(inner),
        YamlData::Alias(_) | YamlData::BadValue => Value::Other,
    };
    Node { line, col, value }
}

/// A parse error: 1-based line, 1-based column, message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses every document of a YAML stream, with positions. Duplicate keys are errors.
pub fn parse_documents(text: &str) -> std::result::Result<Vec<Node>, ParseError> {
    MarkedYaml::load_from_str(text)
        .map(|docs| docs.iter().map(convert).collect())
        .map_err(|e| ParseError { line: e.marker().line(), column: e.marker().col() + 1, message: e.info().to_string() })
}

/// Parses a target file's single document, refusing a file that is not valid YAML.
pub fn parse_file(file: &SourceFile<'_>, expected: &str) -> Result<(String, Node)> {
    let src = file.require(expected)?.to_string();
    let doc = parse_text(file.display, &src)?;
    Ok((src, doc))
}

/// Parses YAML text whose first document is the one edited; the error names `display`.
pub fn parse_text(display: &std::path::Path, src: &str) -> Result<Node> {
    let docs = parse_documents(src).map_err(|e| Error::Syntax {
        at: Location::new(display, e.line, e.column),
        message: format!("not valid YAML ({}); integrate edits only files that parse", e.message),
        hint: "fix the YAML first, then run integrate again".into(),
    })?;
    docs.into_iter().next().ok_or_else(|| Error::AnchorNotFound {
        at: Location::new(display, 0, 0),
        message: "the file holds no YAML document".into(),
        hint: "check that the point's file is the manifest the profile expects".into(),
    })
}

// ---------------------------------------------------------------------------------------------
// Lines and offsets

/// Byte offsets where each line starts (0-based lines).
pub fn line_starts(src: &str) -> Vec<usize> {
    std::iter::once(0).chain(src.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

/// Byte offset of a parser position (1-based line, 0-based character column).
pub fn offset_of(src: &str, starts: &[usize], line: usize, col: usize) -> usize {
    let start = starts.get(line.saturating_sub(1)).copied().unwrap_or(src.len());
    let rest = &src[start..];
    start + rest.char_indices().nth(col).map_or(rest.len(), |(i, _)| i)
}

/// The text of 0-based `line` without its line break.
pub fn line_text<'s>(src: &'s str, starts: &[usize], line: usize) -> &'s str {
    let start = starts.get(line).copied().unwrap_or(src.len());
    let end = src[start..].find('\n').map_or(src.len(), |i| start + i);
    &src[start..end]
}

pub fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Whether a line holds nothing but whitespace or a comment.
pub fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// The 0-based line range of a block that starts at 0-based `first` and holds every following
/// line indented deeper than `indent`; trailing blank and comment lines are left out.
pub fn block_lines(src: &str, starts: &[usize], first: usize, indent: usize) -> std::ops::RangeInclusive<usize> {
    let count = if src.ends_with('\n') { starts.len() - 1 } else { starts.len() };
    let mut last = first;
    for line in first + 1..count {
        let text = line_text(src, starts, line);
        if is_blank_or_comment(text) {
            continue;
        }
        if indent_of(text) <= indent {
            break;
        }
        last = line;
    }
    first..=last
}

/// Re-indents a fragment written at column 0: the first line is placed after `first_prefix`,
/// the others get `indent` spaces; blank lines stay empty.
pub fn indent_fragment(fragment: &str, first_prefix: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    for (i, line) in fragment.trim_end_matches('\n').split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.trim().is_empty() {
                out.push_str(&pad);
            }
        } else {
            out.push_str(first_prefix);
        }
        if i == 0 || !line.trim().is_empty() {
            out.push_str(line);
        }
    }
    out
}

/// The first difference between two JSON values, as `path: have, expected want`.
pub fn first_difference(have: &serde_json::Value, want: &serde_json::Value, path: &str) -> Option<String> {
    use serde_json::Value as J;
    let here = |p: &str| if p.is_empty() { "the value".to_string() } else { p.to_string() };
    match (have, want) {
        (J::Object(a), J::Object(b)) => {
            for (k, bv) in b {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                match a.get(k) {
                    Some(av) => {
                        if let Some(d) = first_difference(av, bv, &p) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{p} is missing, expected {bv}")),
                }
            }
            a.keys().find(|k| !b.contains_key(*k)).map(|k| format!("{} has `{k}`, which is not expected", here(path)))
        }
        (J::Array(a), J::Array(b)) if a.len() == b.len() => {
            a.iter().zip(b).enumerate().find_map(|(i, (x, y))| first_difference(x, y, &format!("{path}[{i}]")))
        }
        _ if have == want => None,
        _ => Some(format!("{} is {have}, expected {want}", here(path))),
    }
}

/// Refuses an edit whose result would not parse or would change more than the registration.
pub fn verify_edit(file: &SourceFile<'_>, updated: &str, expected: &serde_json::Value, point: &str) -> Result<()> {
    let doc = parse_text(file.display, updated).map_err(|e| Error::Syntax {
        at: Location::new(file.display, 0, 0),
        message: format!("after the edit of {point} the file would not parse: {e}"),
        hint: "nothing was written; this is a bug in the profile or the YAML back end, please report it".into(),
    })?;
    if &doc.to_json() != expected {
        let diff = first_difference(&doc.to_json(), expected, "").unwrap_or_default();
        return Err(Error::Syntax {
            at: Location::new(file.display, 0, 0),
            message: format!("the edit of {point} would change more than the registration ({diff})"),
            hint: "nothing was written; check the file's indentation around the anchor, or report it".into(),
        });
    }
    Ok(())
}

/// Every kind of this back end, without the `yaml.` prefix.
pub const KINDS: &[&str] = &["sequence_item", "json_entry"];

pub fn build(kind: &str, spec: toml::Table, at: &Location) -> Result<Box<dyn PointKind>> {
    let full = format!("yaml.{kind}");
    Ok(match kind {
        "sequence_item" => Box::new(kinds::sequence_item::SequenceItem::new(parse_spec(&full, spec, at)?)),
        "json_entry" => Box::new(kinds::json_entry::JsonEntry::new(parse_spec(&full, spec, at)?)),
        other => {
            return Err(Error::input(
                at.clone(),
                format!("unknown YAML point kind `yaml.{other}`"),
                format!("use one of: {}", KINDS.iter().map(|k| format!("yaml.{k}")).collect::<Vec<_>>().join(", ")),
            ));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_lines_and_character_columns() {
        let doc = parse_documents("a:\n  b: [1, \"x\"]\n  c: é\n").unwrap().remove(0);
        let b = doc.get("a").unwrap().get("b").unwrap();
        assert_eq!((b.line, b.col), (2, 5));
        assert_eq!(b.to_json(), serde_json::json!([1, "x"]));
        assert_eq!(doc.path(&["a".into(), "c".into()]).unwrap().as_str(), Some("é"));
    }

    #[test]
    fn duplicate_keys_are_parse_errors() {
        let e = parse_documents("a: 1\na: 2\n").unwrap_err();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn block_lines_stop_at_the_next_item_and_leave_trailing_comments_out() {
        let src = "- a: 1\n  b:\n    c: 2\n\n# note\n- a: 3\n";
        let starts = line_starts(src);
        assert_eq!(block_lines(src, &starts, 0, 0), 0..=2);
        assert_eq!(block_lines(src, &starts, 5, 0), 5..=5);
    }

    #[test]
    fn fragments_are_indented_below_their_dash() {
        assert_eq!(indent_fragment("name: x\nfrom:\n  kind: D\n", "  - ", 4), "  - name: x\n    from:\n      kind: D");
    }

    #[test]
    fn differences_name_the_first_path_that_differs() {
        let have = serde_json::json!({"name": "x", "from": {"name": "a"}});
        let want = serde_json::json!({"name": "x", "from": {"name": "b"}});
        assert_eq!(first_difference(&have, &want, "").unwrap(), "from.name is \"a\", expected \"b\"");
    }
}
