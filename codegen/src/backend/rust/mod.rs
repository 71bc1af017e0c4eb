//! The Rust back end: point kinds that edit Rust source by splicing text, never by re-printing
//! the file, so a rustfmt-clean file stays byte-identical to what rustfmt prints after the edit
//! and every line outside the edit stays as it was. syn parses the file to find the anchor by
//! its container path (`mod services`, `fn init`, `enum Scheme`, a macro call), proc-macro2
//! spans give the byte ranges, and every edited text is parsed again with syn, and must hold
//! the new entry, before it is offered to the engine.
//!
//! Kinds (one file each under [`kinds`]): `rust.cfg_item` (an item or statement gated by
//! `#[cfg(feature = ...)]` among its siblings), `rust.array_element` (an element of an array,
//! `vec!` or `HashSet::from([...])` literal), `rust.match_arm` (a whole arm of a `match` or of a
//! macro body written as arms), `rust.match_alternative` (one more alternative of an
//! or-pattern arm, laid out the way rustfmt fills it), `rust.enum_variant`, and `rust.file` (a
//! new file from a template that must parse).

pub mod kinds;
pub mod layout;
pub mod syntax;

use std::sync::Arc;

use crate::backend::sequence::{Problem, Sequence};

use super::{PointKind, SourceFile};
use crate::error::{Error, Location, Result};

/// Builds a `rust.*` point from its profile table.
pub fn build(kind: &str, spec: toml::Table, at: &Location) -> Result<Box<dyn PointKind>> {
    let full = format!("rust.{kind}");
    Ok(match kind {
        "cfg_item" => Box::new(kinds::cfg_item::CfgItem::new(super::parse_spec(&full, spec, at)?, at)?),
        "array_element" => Box::new(kinds::array_element::ArrayElement::new(super::parse_spec(&full, spec, at)?, at)?),
        "match_arm" => Box::new(kinds::match_arm::MatchArm::new(super::parse_spec(&full, spec, at)?, at)?),
        "match_alternative" => Box::new(kinds::match_alternative::MatchAlternative::new(super::parse_spec(&full, spec, at)?, at)?),
        "enum_variant" => Box::new(kinds::enum_variant::EnumVariant::new(super::parse_spec(&full, spec, at)?, at)?),
        "file" => kinds::file::build(spec, at)?,
        other => {
            return Err(Error::input(
                at.clone(),
                format!("unknown Rust point kind `rust.{other}`"),
                format!("use one of: {}", super::KINDS.iter().filter(|k| k.starts_with("rust.")).copied().collect::<Vec<_>>().join(", ")),
            ));
        }
    })
}

/// Why a file's sequence could not be read, kept in the memo (errors themselves are not
/// `Clone`) and turned into an error for each inspection that asks.
#[derive(Debug, Clone)]
pub enum Failure {
    Syntax { line: usize, column: usize, message: String },
    Anchor(Problem),
}

impl Failure {
    pub fn anchor(line: usize, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Failure::Anchor(Problem { line, message: message.into(), hint: hint.into() })
    }

    pub fn into_error(self, file: &SourceFile<'_>) -> Error {
        match self {
            Failure::Syntax { line, column, message } => Error::Syntax {
                at: Location::new(file.display, line, column),
                message: format!("not valid Rust ({message}); integrate edits only files that parse"),
                hint: "fix the Rust first, then run integrate again".into(),
            },
            Failure::Anchor(p) => p.into_error(file),
        }
    }
}

/// Reads the siblings a point works on: the file is parsed and `extract` finds them. With a
/// `memo_key` the result is kept in the file's memo for the next inspection of the same text;
/// without one the text is an edit about to be offered, and a parse failure says so.
pub fn sequence_in(
    file: &SourceFile<'_>,
    text: &str,
    memo_key: Option<&str>,
    extract: impl FnOnce(&syn::File, &syntax::Offsets<'_>) -> std::result::Result<Sequence, Failure>,
) -> Result<Arc<Sequence>> {
    match memo_key {
        Some(key) => {
            let computed: Arc<std::result::Result<Arc<Sequence>, Failure>> = file.memo(&format!("rust:{key}"), || read_sequence(text, extract).map(Arc::new));
            (*computed).clone().map_err(|f| f.into_error(file))
        }
        None => read_sequence(text, extract).map(Arc::new).map_err(|f| match f {
            Failure::Syntax { line, column, message } => Error::Syntax {
                at: Location::new(file.display, line, column),
                message: format!("after the edit the file would not parse ({message})"),
                hint: "nothing was written; this is a bug in the profile or its templates, please report it".into(),
            },
            Failure::Anchor(p) => p.into_error(file),
        }),
    }
}

/// Parses `text` and lets `extract` read what a point needs from it.
pub fn read_sequence<T>(
    text: &str,
    extract: impl FnOnce(&syn::File, &syntax::Offsets<'_>) -> std::result::Result<T, Failure>,
) -> std::result::Result<T, Failure> {
    let parsed = syn::parse_file(text).map_err(|e| {
        let at = e.span().start();
        Failure::Syntax { line: at.line, column: at.column + 1, message: e.to_string() }
    })?;
    extract(&parsed, &syntax::Offsets::new(text))
}

/// The container a point names, or why it is not there.
pub fn container<'f>(parsed: &'f syn::File, path: &[syntax::Segment]) -> std::result::Result<syntax::Found<'f>, Failure> {
    syntax::find(parsed, path).map_err(|depth| {
        let shown: Vec<String> = path.iter().map(|s| format!("{} {}", s.kind, s.name)).collect();
        Failure::anchor(
            0,
            format!("expected `{}` (container path {})", shown.get(depth).cloned().unwrap_or_default(), shown.join(" > ")),
            "check that the file is the one the profile expects, or update the point's `container`",
        )
    })
}

/// The attributes (leading `#[...]` groups) and the rest of a node's tokens, each as normalised
/// text: the rest identifies an entry whatever its gate, the attributes are its gate.
pub fn split_attrs(tokens: proc_macro2::TokenStream) -> (String, String) {
    let tts: Vec<proc_macro2::TokenTree> = tokens.into_iter().collect();
    let n = leading_attrs(&tts);
    let attrs: proc_macro2::TokenStream = tts[..n].iter().cloned().collect();
    let rest: proc_macro2::TokenStream = tts[n..].iter().cloned().collect();
    (attrs.to_string(), rest.to_string())
}

/// The leading attribute tokens of a node.
pub fn attr_tokens(tokens: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    let tts: Vec<proc_macro2::TokenTree> = tokens.into_iter().collect();
    tts[..leading_attrs(&tts)].iter().cloned().collect()
}

/// How many tokens the leading `#[...]` attributes take.
fn leading_attrs(tts: &[proc_macro2::TokenTree]) -> usize {
    let mut i = 0;
    while i + 1 < tts.len() {
        match (&tts[i], &tts[i + 1]) {
            (proc_macro2::TokenTree::Punct(p), proc_macro2::TokenTree::Group(g)) if p.as_char() == '#' && g.delimiter() == proc_macro2::Delimiter::Bracket => i += 2,
            _ => break,
        }
    }
    i
}

/// The line of a byte offset, for messages.
pub fn line_at(text: &str, offset: usize) -> usize {
    crate::text::line_of(text, offset)
}
