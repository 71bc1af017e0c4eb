//! `rust.match_arm`: a whole arm (`#[cfg(...)] Variant => "x",`) of a `match` inside a function,
//! or of a macro call whose body lists arms in braces (`impl_enum_to_str!(Scheme { A => "a", })`).
//! An arm is identified by its pattern; a present arm with another body or gate is drift. The
//! new arm goes at its sorted place by pattern when the arms are sorted, after the last one
//! otherwise; a wildcard arm takes no part in the order, so new arms stay before it.

use quote::ToTokens;
use serde::Deserialize;
use syn::spanned::Spanned;
use syn::visit::Visit;

use super::{SequenceKind, Wanted, bad_fragment, inspect_sequence, remove_sequence};
use crate::backend::sequence::{self, Sequence};
use crate::backend::rust::{Failure, container, sequence_in, syntax};
use crate::backend::{Inspection, PointKind, Removal, SourceFile};
use crate::error::{Location, Result};
use crate::template::Renderer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchArmSpec {
    /// The function holding the `match`, or the macro call (`["macro impl_enum_to_str"]`).
    container: Vec<String>,
    /// The scrutinee of the `match`, when the function has several (`value`).
    on: Option<String>,
    /// The arm with its attributes, at column 0 (a template).
    arm: String,
}

#[derive(Debug)]
pub struct MatchArm {
    path: Vec<syntax::Segment>,
    on: Option<String>,
    arm: String,
    memo_key: String,
}

struct MatchFinder {
    on: Option<String>,
    found: Option<Vec<syn::Arm>>,
}

impl<'ast> Visit<'ast> for MatchFinder {
    fn visit_expr_match(&mut self, m: &'ast syn::ExprMatch) {
        if self.found.is_none() && self.on.as_ref().is_none_or(|on| syntax::tokens(&m.expr) == *on) {
            self.found = Some(m.arms.clone());
            return;
        }
        syn::visit::visit_expr_match(self, m);
    }
}

/// Arms written in the first brace group of a macro call's tokens.
fn macro_arms(tokens: &proc_macro2::TokenStream) -> Option<Vec<syn::Arm>> {
    let group = tokens.clone().into_iter().find_map(|tt| match tt {
        proc_macro2::TokenTree::Group(g) if g.delimiter() == proc_macro2::Delimiter::Brace => Some(g),
        _ => None,
    })?;
    let parser = |input: syn::parse::ParseStream<'_>| {
        let mut arms = Vec::new();
        while !input.is_empty() {
            arms.push(input.parse::<syn::Arm>()?);
        }
        Ok(arms)
    };
    syn::parse::Parser::parse2(parser, group.stream()).ok()
}

/// An arm's identity, order and gate-plus-body, as the sequence compares them.
fn describe_arm(arm: &syn::Arm) -> (String, Option<String>, String) {
    let pat = syntax::tokens(&arm.pat);
    let attrs = syntax::attrs_text(&arm.attrs);
    let guard = arm.guard.as_ref().map(|(_, g)| format!(" if {}", syntax::tokens(g))).unwrap_or_default();
    let sort = if matches!(arm.pat, syn::Pat::Wild(_)) { None } else { Some(pat.clone()) };
    (pat, sort, format!("{attrs} => {}{guard}", syntax::tokens(&arm.body)))
}

impl MatchArm {
    pub fn new(spec: MatchArmSpec, at: &Location) -> Result<Self> {
        let path = syntax::parse_path(&spec.container, at)?;
        let on = spec.on.map(|o| syn::parse_str::<syn::Expr>(&o).map(|e| syntax::tokens(&e))).transpose().map_err(|e| {
            crate::error::Error::input(at.clone(), format!("`on` is not an expression: {e}"), "write the scrutinee as it appears in `match <on> {`")
        })?;
        let memo_key = format!("match_arm:{}:{}", spec.container.join(">"), on.as_deref().unwrap_or(""));
        Ok(Self { path, on, arm: spec.arm, memo_key })
    }

    fn extract(&self, parsed: &syn::File, offsets: &syntax::Offsets<'_>) -> std::result::Result<Sequence, Failure> {
        let found = container(parsed, &self.path)?;
        let text = offsets.text();
        let arms = match found {
            syntax::Found::Item(syn::Item::Macro(m)) => macro_arms(&m.mac.tokens),
            syntax::Found::Macro(m) => macro_arms(&m.tokens),
            syntax::Found::Item(item) => {
                let mut f = MatchFinder { on: self.on.clone(), found: None };
                f.visit_item(item);
                f.found
            }
            syntax::Found::ImplFn(func) => {
                let mut f = MatchFinder { on: self.on.clone(), found: None };
                f.visit_impl_item_fn(func);
                f.found
            }
        };
        let Some(arms) = arms else {
            return Err(Failure::anchor(
                crate::text::line_of(text, offsets.range(found.span()).start),
                "expected a `match` (or, in a macro call, arms in braces) in the container",
                "check the point's `container` and `on`",
            ));
        };
        let mut entries = Vec::new();
        for arm in &arms {
            let (key, sort, gate) = describe_arm(arm);
            let start = arm.attrs.first().map_or(arm.pat.span(), |a| a.pound_token.span);
            let range = offsets.offset(start.start())..offsets.range(arm.span()).end;
            entries.push(sequence::entry(text, range, key, sort, gate, "//").map_err(Failure::Anchor)?);
        }
        Ok(Sequence::new(text, entries))
    }
}

impl SequenceKind for MatchArm {
    fn sequence(&self, file: &SourceFile<'_>, text: &str, memo: bool) -> Result<std::sync::Arc<Sequence>> {
        sequence_in(file, text, memo.then_some(self.memo_key.as_str()), |p, o| self.extract(p, o))
    }

    fn wanted(&self, r: &Renderer) -> Result<Wanted> {
        let rendered = r.render("arm", &self.arm)?;
        let mut fragment = rendered.trim_end().to_string();
        let arm: syn::Arm = syn::parse_str(&fragment).map_err(|e| bad_fragment("rust.match_arm", "one match arm", &e.to_string()))?;
        if !fragment.ends_with(',') && !fragment.ends_with('}') {
            fragment.push(',');
        }
        let (key, sort, gate) = describe_arm(&arm);
        Ok(Wanted { gate_features: Vec::new(), what: format!("the arm `{} => {}`", key, arm.body.to_token_stream()), key, sort_key: sort, attrs: gate, fragment })
    }
}

impl PointKind for MatchArm {
    fn describe(&self, r: &Renderer) -> Result<String> {
        let w = self.wanted(r)?;
        Ok(format!("{} in {}", w.what, self.path.iter().map(|s| format!("{} {}", s.kind, s.name)).collect::<Vec<_>>().join(" > ")))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        inspect_sequence(self, file, r)
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        remove_sequence(self, file, r)
    }
}
