//! One file per Rust point kind. The sequence kinds (`cfg_item`, `array_element`, `match_arm`,
//! `enum_variant`) cut their container into entries and leave placing, inspecting and removing
//! to [`super::sequence`]; `match_alternative` edits one arm's or-pattern; `file` writes a new
//! file that must parse.

pub mod array_element;
pub mod cfg_item;
pub mod enum_variant;
pub mod file;
pub mod match_alternative;
pub mod match_arm;

use crate::backend::sequence::{self, Sequence, Wanted};
use crate::backend::{Inspection, PointKind, Removal, SourceFile};
use crate::backend::splice::preimage;
use crate::error::Result;
use crate::template::Renderer;

/// What a sequence kind tells the shared inspect and remove.
pub trait SequenceKind: PointKind {
    /// The siblings in `text`; `memo` says whether the result may be kept for this file.
    fn sequence(&self, file: &SourceFile<'_>, text: &str, memo: bool) -> Result<std::sync::Arc<Sequence>>;
    /// The entry the descriptor wants.
    fn wanted(&self, r: &Renderer) -> Result<Wanted>;
}

/// `inspect` of every sequence kind.
pub fn inspect_sequence<K: SequenceKind>(kind: &K, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
    let wanted = kind.wanted(r)?;
    let text = file.require(&wanted.what)?;
    let seq = kind.sequence(file, text, true)?;
    sequence::inspect(file, text, &seq, &wanted, r.is_presence_only(), |updated| kind.sequence(&file.with_text(updated), updated, false))
}

/// `remove` of every sequence kind: the entry's lines out, choosing the separator that apply
/// would put back.
pub fn remove_sequence<K: SequenceKind>(kind: &K, file: &SourceFile<'_>, r: &Renderer) -> Result<Removal> {
    let Some(text) = file.text else { return Ok(Removal::Absent) };
    let wanted = kind.wanted(r)?;
    let seq = kind.sequence(file, text, true)?;
    let Some(entry) = seq.find(&wanted.key) else { return Ok(Removal::Absent) };
    let candidates = seq.removals(text, entry);
    Ok(Removal::Rewrite(preimage(kind, file, r, text, candidates)?))
}

/// Parses a fragment that is one statement or item (attributes included) and returns its
/// attributes and the rest, as [`super::split_attrs`] gives them for entries of the file.
pub fn fragment_statement(fragment: &str) -> std::result::Result<(String, String, Vec<String>), String> {
    let block: syn::Block = syn::parse_str(&format!("{{\n{fragment}\n}}")).map_err(|e| e.to_string())?;
    match block.stmts.as_slice() {
        [one] => {
            let tokens = quote::ToTokens::to_token_stream(one);
            let (attrs, rest) = super::split_attrs(tokens.clone());
            let mut features = Vec::new();
            super::syntax::collect_features(attr_tokens(tokens), &mut features);
            Ok((attrs, rest, features))
        }
        other => Err(format!("expected one statement or item, found {}", other.len())),
    }
}

pub use super::attr_tokens;

/// The input error for a fragment that is not what the kind expects.
pub fn bad_fragment(kind: &str, what: &str, message: &str) -> crate::error::Error {
    crate::error::Error::input(
        crate::error::Location::new("<profile>", 0, 0),
        format!("the fragment of a {kind} point is not {what}: {message}"),
        "fix the point's template in the profile",
    )
}
