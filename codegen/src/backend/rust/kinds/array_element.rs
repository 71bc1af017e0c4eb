//! `rust.array_element`: an element of an array literal, of `vec![...]`, or of the array passed
//! to a call such as `HashSet::from([...])`, inside a function, constant or static. Elements may
//! carry attributes (`#[cfg(unix)]`); an element is identified by its expression without them.
//! The new element goes at its sorted place when the list is sorted, at its end otherwise, one
//! element per line with a trailing comma as rustfmt writes vertical lists.

use quote::ToTokens;
use serde::Deserialize;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::Visit;

use super::{SequenceKind, Wanted, bad_fragment, inspect_sequence, remove_sequence};
use crate::backend::sequence::{self, Sequence};
use crate::backend::rust::{Failure, container, sequence_in, split_attrs, syntax};
use crate::backend::{Inspection, PointKind, Removal, SourceFile};
use crate::error::{Location, Result};
use crate::template::Renderer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArrayElementSpec {
    /// The function, constant or static holding the literal, e.g. `["fn load_services"]`.
    container: Vec<String>,
    /// Which literal: `HashSet::from` (the array passed to a call whose path ends so), `vec!`,
    /// or absent for the first array literal.
    literal: Option<String>,
    /// The element with its attributes, at column 0, without the trailing comma (a template).
    element: String,
}

#[derive(Debug)]
pub struct ArrayElement {
    path: Vec<syntax::Segment>,
    literal: Option<String>,
    element: String,
    memo_key: String,
}

/// Finds the elements of the literal a point names.
struct Finder<'a> {
    literal: Option<&'a str>,
    found: Option<Vec<syn::Expr>>,
}

impl Finder<'_> {
    fn call_matches(&self, func: &syn::Expr, want: &str) -> bool {
        let syn::Expr::Path(p) = func else { return false };
        let path: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
        let want: Vec<&str> = want.split("::").collect();
        path.len() >= want.len() && path[path.len() - want.len()..].iter().zip(&want).all(|(a, b)| a == b)
    }
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_expr(&mut self, e: &'ast syn::Expr) {
        if self.found.is_some() {
            return;
        }
        match (self.literal, e) {
            (None, syn::Expr::Array(a)) => {
                self.found = Some(a.elems.iter().cloned().collect());
                return;
            }
            (Some("vec!"), syn::Expr::Macro(m)) if m.mac.path.is_ident("vec") => {
                if let Ok(elems) = m.mac.parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated) {
                    self.found = Some(elems.into_iter().collect());
                    return;
                }
            }
            (Some(call), syn::Expr::Call(c)) if call != "vec!" && self.call_matches(&c.func, call) => {
                if let Some(syn::Expr::Array(a)) = c.args.first() {
                    self.found = Some(a.elems.iter().cloned().collect());
                    return;
                }
            }
            _ => {}
        }
        syn::visit::visit_expr(self, e);
    }

    fn visit_stmt_macro(&mut self, m: &'ast syn::StmtMacro) {
        if self.found.is_none()
            && self.literal == Some("vec!")
            && m.mac.path.is_ident("vec")
            && let Ok(elems) = m.mac.parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
        {
            self.found = Some(elems.into_iter().collect());
        }
    }
}

impl ArrayElement {
    pub fn new(spec: ArrayElementSpec, at: &Location) -> Result<Self> {
        let path = syntax::parse_path(&spec.container, at)?;
        let memo_key = format!("array_element:{}:{}", spec.container.join(">"), spec.literal.as_deref().unwrap_or("[]"));
        Ok(Self { path, literal: spec.literal, element: spec.element, memo_key })
    }

    fn literal_name(&self) -> String {
        match self.literal.as_deref() {
            Some("vec!") => "the vec! literal".into(),
            Some(call) => format!("the array passed to {call}"),
            None => "the array literal".into(),
        }
    }

    fn extract(&self, parsed: &syn::File, offsets: &syntax::Offsets<'_>) -> std::result::Result<Sequence, Failure> {
        let found = container(parsed, &self.path)?;
        let text = offsets.text();
        let mut finder = Finder { literal: self.literal.as_deref(), found: None };
        match found {
            syntax::Found::Item(item) => finder.visit_item(item),
            syntax::Found::ImplFn(f) => finder.visit_impl_item_fn(f),
            syntax::Found::Macro(m) => finder.visit_macro(m),
        }
        let Some(elems) = finder.found else {
            return Err(Failure::anchor(
                crate::text::line_of(text, offsets.range(found.span()).start),
                format!("expected {} in the container", self.literal_name()),
                "check the point's `container` and `literal`",
            ));
        };
        let mut entries = Vec::new();
        for e in elems {
            let (attrs, rest) = split_attrs(e.to_token_stream());
            entries.push(sequence::entry(text, offsets.range(e.span()), rest.clone(), Some(rest), attrs, "//").map_err(Failure::Anchor)?);
        }
        Ok(Sequence::new(text, entries))
    }
}

impl SequenceKind for ArrayElement {
    fn sequence(&self, file: &SourceFile<'_>, text: &str, memo: bool) -> Result<std::sync::Arc<Sequence>> {
        sequence_in(file, text, memo.then_some(self.memo_key.as_str()), |p, o| self.extract(p, o))
    }

    fn wanted(&self, r: &Renderer) -> Result<Wanted> {
        let rendered = r.render("element", &self.element)?;
        let trimmed = rendered.trim_end().trim_end_matches(',').to_string();
        let expr: syn::Expr = syn::parse_str(&trimmed).map_err(|e| bad_fragment("rust.array_element", "one expression", &e.to_string()))?;
        let (attrs, rest) = split_attrs(expr.to_token_stream());
        let what = trimmed.lines().find(|l| !l.trim_start().starts_with('#')).unwrap_or(&trimmed).trim().to_string();
        Ok(Wanted { gate_features: Vec::new(), key: rest.clone(), sort_key: Some(rest), attrs, fragment: format!("{trimmed},"), what: format!("`{what}`") })
    }
}

impl PointKind for ArrayElement {
    fn describe(&self, r: &Renderer) -> Result<String> {
        let w = self.wanted(r)?;
        Ok(format!("{} in {} of {}", w.what, self.literal_name(), self.path.iter().map(|s| format!("{} {}", s.kind, s.name)).collect::<Vec<_>>().join(" > ")))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        inspect_sequence(self, file, r)
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        remove_sequence(self, file, r)
    }
}
