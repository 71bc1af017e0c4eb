//! `rust.cfg_item`: an item or statement gated by `#[cfg(feature = "...")]` (also inside
//! `any(...)`/`all(...)`) among its siblings in a module or a function body, such as OpenDAL's
//! `pub use opendal_service_x::*;` in `pub mod services` or the registration call in
//! `init_default_registry_inner`. The siblings that take part in the order are the entries
//! gated by a single `feature = "..."` the `family` pattern matches; the new entry goes at its sorted place when
//! they are sorted, after the last of them otherwise, separated by a blank line when they are.
//! `use` items are ordered by path, all of them, as rustfmt orders them. An entry is identified
//! by its code without attributes, so the same call under another gate
//! is reported as drift, not as missing.

use quote::ToTokens;
use serde::Deserialize;
use syn::spanned::Spanned;

use super::{SequenceKind, Wanted, bad_fragment, fragment_statement, inspect_sequence, remove_sequence};
use crate::backend::sequence::{self, Sequence};
use crate::backend::rust::{Failure, container, sequence_in, split_attrs, syntax};
use crate::backend::{Inspection, PointKind, Removal, SourceFile};
use crate::error::{Location, Result};
use crate::template::Renderer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CfgItemSpec {
    /// The module or function holding the siblings, e.g. `["mod services"]`.
    container: Vec<String>,
    /// A regular expression over feature names: entries gated by a matching feature are the
    /// siblings the new one is ordered among, by that feature.
    family: String,
    /// The item or statement with its attributes, written at column 0 (a template).
    item: String,
}

#[derive(Debug)]
pub struct CfgItem {
    path: Vec<syntax::Segment>,
    family: regex::Regex,
    item: String,
    memo_key: String,
}

impl CfgItem {
    pub fn new(spec: CfgItemSpec, at: &Location) -> Result<Self> {
        let path = syntax::parse_path(&spec.container, at)?;
        let family = crate::backend::regex(&spec.family, at)?;
        let memo_key = format!("cfg_item:{}:{}", spec.container.join(">"), spec.family);
        Ok(Self { path, family, item: spec.item, memo_key })
    }

    /// An entry's place in the order. `use` items are ordered by their path, every one of them,
    /// because rustfmt sorts them so (`reorder_imports`); other entries by their feature, when
    /// it is one `feature = "..."` of the family.
    fn order_of(&self, attrs: &str, rest: &str, features: &[String]) -> Option<String> {
        if let Some(path) = use_path(rest) {
            return Some(path.to_string());
        }
        if is_simple_gate(attrs, features) { features.iter().find(|f| self.family.is_match(f)).cloned() } else { None }
    }

    fn extract(&self, parsed: &syn::File, offsets: &syntax::Offsets<'_>) -> std::result::Result<Sequence, Failure> {
        let found = container(parsed, &self.path)?;
        let text = offsets.text();
        let children: Vec<(proc_macro2::TokenStream, proc_macro2::Span)> = match found {
            syntax::Found::Item(syn::Item::Mod(m)) => m.content.as_ref().map(|(_, items)| items.iter().map(|i| (i.to_token_stream(), i.span())).collect()).unwrap_or_default(),
            syntax::Found::Item(syn::Item::Fn(f)) => f.block.stmts.iter().map(|s| (s.to_token_stream(), s.span())).collect(),
            syntax::Found::ImplFn(f) => f.block.stmts.iter().map(|s| (s.to_token_stream(), s.span())).collect(),
            other => {
                return Err(Failure::anchor(
                    crate::text::line_of(text, offsets.range(other.span()).start),
                    "the container of a rust.cfg_item point must be a module with a body or a function",
                    "point `container` at `mod <name>` or `fn <name>`",
                ));
            }
        };
        let mut entries = Vec::new();
        for (tokens, span) in children {
            let mut features = Vec::new();
            syntax::collect_features(super::attr_tokens(tokens.clone()), &mut features);
            let (attrs, rest) = split_attrs(tokens);
            let sort_key = self.order_of(&attrs, &rest, &features);
            entries.push(sequence::entry(text, offsets.range(span), rest, sort_key, attrs, "//").map_err(Failure::Anchor)?);
        }
        Ok(Sequence::new(text, entries))
    }
}

/// The path of a `use` item's tokens (`pub use a :: b ;` gives `a :: b`).
fn use_path(rest: &str) -> Option<&str> {
    let after_vis = rest.strip_prefix("pub (crate) ").or_else(|| rest.strip_prefix("pub ")).unwrap_or(rest);
    after_vis.strip_prefix("use ").map(|p| p.trim_end_matches(';').trim_end())
}

/// Whether the gate is one `#[cfg(feature = "...")]`: entries under `any(...)` or `all(...)`
/// (another target, several features) stand where the maintainers put them, apart from the order.
fn is_simple_gate(attrs: &str, features: &[String]) -> bool {
    features.len() == 1 && attrs.starts_with("# [cfg (feature =") && attrs.matches("# [").count() == 1
}

impl SequenceKind for CfgItem {
    fn sequence(&self, file: &SourceFile<'_>, text: &str, memo: bool) -> Result<std::sync::Arc<Sequence>> {
        sequence_in(file, text, memo.then_some(self.memo_key.as_str()), |p, o| self.extract(p, o))
    }

    fn wanted(&self, r: &Renderer) -> Result<Wanted> {
        let fragment = r.render("item", &self.item)?;
        let (attrs, rest, features) = fragment_statement(&fragment).map_err(|e| bad_fragment("rust.cfg_item", "one item or statement", &e))?;
        let sort_key = self.order_of(&attrs, &rest, &features);
        let what = fragment.lines().find(|l| !l.trim_start().starts_with('#')).unwrap_or(&fragment).trim().to_string();
        Ok(Wanted { key: rest, sort_key, attrs, fragment, what: format!("`{what}`"), gate_features: features })
    }
}

impl PointKind for CfgItem {
    fn describe(&self, r: &Renderer) -> Result<String> {
        let w = self.wanted(r)?;
        let gate = if w.gate_features.is_empty() { String::new() } else { format!(" under feature {}", w.gate_features.join(", ")) };
        Ok(format!("{}{gate} in {}", w.what, self.path.iter().map(|s| format!("{} {}", s.kind, s.name)).collect::<Vec<_>>().join(" > ")))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        inspect_sequence(self, file, r)
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        remove_sequence(self, file, r)
    }
}
