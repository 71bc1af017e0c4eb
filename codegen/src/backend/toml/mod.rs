//! The TOML back end: point kinds that edit manifests such as `Cargo.toml` by splicing whole
//! lines into the text, so comments, key order, quoting and spacing outside the edit stay byte
//! for byte. toml_edit's format-preserving parser gives every key and value its span; after an
//! edit the text is parsed again and its data must equal the data before plus exactly the
//! registration, or nothing is written.
//!
//! Kinds (one file each under [`kinds`]): `toml.table_key` (a key of a table, `[features]`),
//! `toml.array_element` (an element of an array, also inside a dependency's inline table or
//! under `[target.'cfg(unix)'.dependencies.x]`), `toml.dependency` (an inline-table dependency
//! whose version can follow the document's own).

pub mod kinds;

use crate::backend::sequence::{Problem, Sequence};
use crate::backend::{PointKind, SourceFile};
use crate::error::{Error, Location, Result};

/// Builds a `toml.*` point from its profile table.
pub fn build(kind: &str, spec: ::toml::Table, at: &Location) -> Result<Box<dyn PointKind>> {
    let full = format!("toml.{kind}");
    Ok(match kind {
        "table_key" => Box::new(kinds::table_key::TableKey::new(crate::backend::parse_spec(&full, spec, at)?, at)?),
        "array_element" => Box::new(kinds::array_element::ArrayElement::new(crate::backend::parse_spec(&full, spec, at)?, at)?),
        "dependency" => Box::new(kinds::dependency::build(crate::backend::parse_spec(&full, spec, at)?, at)?),
        other => {
            return Err(Error::input(
                at.clone(),
                format!("unknown TOML point kind `toml.{other}`"),
                format!("use one of: {}", crate::backend::KINDS.iter().filter(|k| k.starts_with("toml.")).copied().collect::<Vec<_>>().join(", ")),
            ));
        }
    })
}

/// Why a document's entries could not be read, kept in the memo.
#[derive(Debug, Clone)]
pub enum Failure {
    Syntax { line: usize, column: usize, message: String },
    Anchor(Problem),
}

impl Failure {
    pub fn into_error(self, file: &SourceFile<'_>, edited: bool) -> Error {
        match self {
            Failure::Syntax { line, column, message } if edited => Error::Syntax {
                at: Location::new(file.display, line, column),
                message: format!("after the edit the file would not parse as TOML ({message})"),
                hint: "nothing was written; check the point's value in the profile".into(),
            },
            Failure::Syntax { line, column, message } => Error::Syntax {
                at: Location::new(file.display, line, column),
                message: format!("not valid TOML ({message}); integrate edits only files that parse"),
                hint: "fix the TOML first, then run integrate again".into(),
            },
            Failure::Anchor(p) => p.into_error(file),
        }
    }
}

/// A node on a key path: a table (`[x]` or implicit), an inline table, an array or a value.
#[derive(Debug, Clone, Copy)]
pub enum Node<'d> {
    Table(&'d toml_edit::Table),
    Inline(&'d toml_edit::InlineTable),
    Array(&'d toml_edit::Array),
    Value(&'d toml_edit::Value),
}

fn node_of(item: &toml_edit::Item) -> Option<Node<'_>> {
    match item {
        toml_edit::Item::Table(t) => Some(Node::Table(t)),
        toml_edit::Item::Value(v) => Some(value_node(v)),
        _ => None,
    }
}

fn value_node(v: &toml_edit::Value) -> Node<'_> {
    match v {
        toml_edit::Value::InlineTable(t) => Node::Inline(t),
        toml_edit::Value::Array(a) => Node::Array(a),
        other => Node::Value(other),
    }
}

/// Follows `path` from the document root; on failure, how many keys were found and the line
/// of the last one.
pub fn lookup<'d>(doc: &'d toml_edit::Document<String>, path: &[String]) -> std::result::Result<Node<'d>, (usize, usize)> {
    let text = doc.raw();
    let mut node = Node::Table(doc.as_table());
    let mut line = 0;
    for (i, key) in path.iter().enumerate() {
        let next = match node {
            Node::Table(t) => t.get_key_value(key).and_then(|(k, item)| Some((k.span(), node_of(item)?))),
            Node::Inline(t) => t.get_key_value(key).and_then(|(k, item)| Some((k.span(), node_of(item)?))),
            _ => None,
        };
        let Some((span, next)) = next else { return Err((i, line)) };
        if let Some(span) = span {
            line = crate::text::line_of(text, span.start);
        }
        node = next;
    }
    Ok(node)
}

/// Parses a document with spans.
pub fn parse(text: &str) -> std::result::Result<toml_edit::Document<String>, Failure> {
    toml_edit::Document::parse(text.to_string()).map_err(|e| {
        let (line, column) = e.span().map_or((0, 0), |s| crate::text::line_col(text, s.start));
        Failure::Syntax { line, column, message: e.message().trim().to_string() }
    })
}

/// The entries a point works on, kept in the file's memo under `key` when one is given.
pub fn sequence_in(
    file: &SourceFile<'_>,
    text: &str,
    memo_key: Option<&str>,
    extract: impl FnOnce(&toml_edit::Document<String>) -> std::result::Result<Sequence, Failure>,
) -> Result<std::sync::Arc<Sequence>> {
    let read = || parse(text).and_then(|doc| extract(&doc)).map(std::sync::Arc::new);
    match memo_key {
        Some(key) => (*file.memo(&format!("toml:{key}"), read)).clone().map_err(|f| f.into_error(file, false)),
        None => read().map_err(|f| f.into_error(file, true)),
    }
}

/// The error for a key path that leads nowhere.
pub fn path_failure(path: &[String], found: usize, line: usize) -> Failure {
    Failure::Anchor(Problem {
        line,
        message: format!("expected the key `{}` (path {})", path.get(found).cloned().unwrap_or_default(), path.join(".")),
        hint: "check that the file is the manifest the profile expects, or update the point's path".into(),
    })
}

/// A value's text with its whitespace collapsed, for family patterns (`["dep:x"]`).
pub fn compact(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Refuses an edit whose data is not the data before plus exactly the registration:
/// `expected` is the document before with the registration applied to its data.
pub fn check_data(file: &SourceFile<'_>, before: &str, after: &str, what: &str, expected: impl FnOnce(&mut ::toml::Table)) -> Result<()> {
    let parse = |t: &str| t.parse::<::toml::Table>();
    let (Ok(mut want), Ok(have)) = (parse(before), parse(after)) else {
        return Err(Error::Syntax {
            at: Location::new(file.display, 0, 0),
            message: format!("after adding {what} the file would not parse as TOML"),
            hint: "nothing was written; check the point's value in the profile".into(),
        });
    };
    expected(&mut want);
    if want != have {
        return Err(Error::Syntax {
            at: Location::new(file.display, 0, 0),
            message: format!("adding {what} would change more than the registration"),
            hint: "nothing was written; check the point's path and value, or report it".into(),
        });
    }
    Ok(())
}

/// The table at `path` in TOML data, created as needed, for [`check_data`]'s expectations.
pub fn data_at<'t>(root: &'t mut ::toml::Table, path: &[String]) -> Option<&'t mut ::toml::Value> {
    let (first, rest) = path.split_first()?;
    let mut value = root.get_mut(first)?;
    for key in rest {
        value = value.as_table_mut()?.get_mut(key)?;
    }
    Some(value)
}
