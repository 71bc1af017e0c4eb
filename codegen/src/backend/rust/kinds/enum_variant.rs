//! `rust.enum_variant`: a variant of an enum, with its attributes (`#[cfg(feature = "...")]`).
//! A variant is identified by its name; the same name with another gate, fields or
//! discriminant is drift. New variants go at their sorted place by name when the variants are
//! sorted, after the last one otherwise.

use serde::Deserialize;
use syn::spanned::Spanned;

use super::{SequenceKind, Wanted, bad_fragment, inspect_sequence, remove_sequence};
use crate::backend::sequence::{self, Sequence};
use crate::backend::rust::{Failure, container, sequence_in, syntax};
use crate::backend::{Inspection, PointKind, Removal, SourceFile};
use crate::error::{Location, Result};
use crate::template::Renderer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnumVariantSpec {
    /// The enum, e.g. `["enum Scheme"]`.
    container: Vec<String>,
    /// The variant with its attributes, at column 0, without the trailing comma (a template).
    variant: String,
}

#[derive(Debug)]
pub struct EnumVariant {
    path: Vec<syntax::Segment>,
    variant: String,
    memo_key: String,
}

fn describe_variant(v: &syn::Variant) -> (String, String) {
    let shape = match &v.fields {
        syn::Fields::Unit => String::new(),
        fields => format!(" {}", syntax::tokens(fields)),
    };
    let discriminant = v.discriminant.as_ref().map(|(_, e)| format!(" = {}", syntax::tokens(e))).unwrap_or_default();
    (v.ident.to_string(), format!("{}{shape}{discriminant}", syntax::attrs_text(&v.attrs)))
}

impl EnumVariant {
    pub fn new(spec: EnumVariantSpec, at: &Location) -> Result<Self> {
        let path = syntax::parse_path(&spec.container, at)?;
        if path.last().is_none_or(|s| s.kind != "enum") {
            return Err(crate::error::Error::input(at.clone(), "the container of a rust.enum_variant point must end in `enum <Name>`", "e.g. container = [\"enum Scheme\"]"));
        }
        let memo_key = format!("enum_variant:{}", spec.container.join(">"));
        Ok(Self { path, variant: spec.variant, memo_key })
    }

    fn extract(&self, parsed: &syn::File, offsets: &syntax::Offsets<'_>) -> std::result::Result<Sequence, Failure> {
        let found = container(parsed, &self.path)?;
        let text = offsets.text();
        let syntax::Found::Item(syn::Item::Enum(e)) = found else {
            return Err(Failure::anchor(0, "the container is not an enum", "point `container` at `enum <Name>`"));
        };
        let mut entries = Vec::new();
        for v in &e.variants {
            let (name, gate) = describe_variant(v);
            entries.push(sequence::entry(text, offsets.range(v.span()), name.clone(), Some(name), gate, "//").map_err(Failure::Anchor)?);
        }
        Ok(Sequence::new(text, entries))
    }
}

impl SequenceKind for EnumVariant {
    fn sequence(&self, file: &SourceFile<'_>, text: &str, memo: bool) -> Result<std::sync::Arc<Sequence>> {
        sequence_in(file, text, memo.then_some(self.memo_key.as_str()), |p, o| self.extract(p, o))
    }

    fn wanted(&self, r: &Renderer) -> Result<Wanted> {
        let rendered = r.render("variant", &self.variant)?;
        let trimmed = rendered.trim_end().trim_end_matches(',').to_string();
        let v: syn::Variant = syn::parse_str(&trimmed).map_err(|e| bad_fragment("rust.enum_variant", "one enum variant", &e.to_string()))?;
        let (name, gate) = describe_variant(&v);
        let path = self.path.last().map(|s| s.name.split('|').next().unwrap_or_default().to_string()).unwrap_or_default();
        Ok(Wanted { gate_features: Vec::new(), what: format!("variant {path}::{name}"), key: name.clone(), sort_key: Some(name), attrs: gate, fragment: format!("{trimmed},") })
    }
}

impl PointKind for EnumVariant {
    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(self.wanted(r)?.what)
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        inspect_sequence(self, file, r)
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        remove_sequence(self, file, r)
    }
}
