//! Every facade feature that enables a service crate (`services-x = ["dep:opendal-service-x"]`)
//! must compile a registration call of that crate and its `pub use` in core/src/lib.rs: the
//! gates are evaluated with only that feature on (other predicates, such as a target, taken
//! as true). A gate naming a feature the facade does not define is never compiled.

use std::collections::BTreeMap;

use syn::spanned::Spanned;

use super::tree::Tree;
use crate::backend::CheckFinding;

const LIB: &str = "core/src/lib.rs";
const MANIFEST: &str = "core/Cargo.toml";

/// A gated statement or item of lib.rs: the crate it names, its cfg and its line.
struct Gated {
    krate: String,
    cfg: Option<syn::Meta>,
    line: usize,
}

fn gated(tokens: &[(Vec<syn::Attribute>, String, proc_macro2::Span)]) -> Vec<Gated> {
    tokens
        .iter()
        .filter(|(_, text, _)| text.starts_with("opendal_service_") || text.contains("use opendal_service_"))
        .map(|(attrs, text, span)| {
            let krate = text.split(|c: char| !(c.is_alphanumeric() || c == '_')).find(|w| w.starts_with("opendal_service_")).unwrap_or_default().to_string();
            let cfg = attrs.iter().find(|a| a.path().is_ident("cfg")).and_then(|a| a.parse_args::<syn::Meta>().ok());
            Gated { krate, cfg, line: span.start().line }
        })
        .collect()
}

/// Whether a cfg predicate holds with exactly `feature` on.
fn holds(meta: &syn::Meta, feature: &str) -> bool {
    match meta {
        syn::Meta::NameValue(nv) if nv.path.is_ident("feature") => matches!(&nv.value, syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) if s.value() == feature),
        syn::Meta::List(list) => {
            let inner: Vec<syn::Meta> = list.parse_args_with(syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated).map(|p| p.into_iter().collect()).unwrap_or_default();
            if list.path.is_ident("any") {
                inner.iter().any(|m| holds(m, feature))
            } else if list.path.is_ident("all") {
                inner.iter().all(|m| holds(m, feature))
            } else if list.path.is_ident("not") {
                !inner.iter().all(|m| holds(m, feature))
            } else {
                true
            }
        }
        _ => true,
    }
}

fn features_named(meta: &syn::Meta, out: &mut Vec<String>) {
    let mut found = Vec::new();
    crate::backend::rust::syntax::collect_features(quote::ToTokens::to_token_stream(meta), &mut found);
    out.extend(found);
}

pub fn run(tree: &Tree<'_>) -> Vec<CheckFinding> {
    let (Some(text), features) = (tree.text(LIB), tree.core_features()) else { return Vec::new() };
    let Ok(file) = syn::parse_file(&text) else { return Vec::new() };
    let mut calls = Vec::new();
    let mut uses = Vec::new();
    for item in &file.items {
        match item {
            syn::Item::Fn(f) if f.sig.ident == "init_default_registry_inner" => {
                for stmt in &f.block.stmts {
                    if let syn::Stmt::Expr(syn::Expr::Call(c), _) = stmt {
                        calls.push((c.attrs.clone(), crate::backend::rust::syntax::tokens(&c.func).replace(' ', ""), stmt.span()));
                    }
                }
            }
            syn::Item::Mod(m) if m.ident == "services" => {
                for i in m.content.iter().flat_map(|(_, items)| items) {
                    if let syn::Item::Use(u) = i {
                        uses.push((u.attrs.clone(), format!("use {}", crate::backend::rust::syntax::tokens(&u.tree).replace(' ', "")), u.span()));
                    }
                }
            }
            _ => {}
        }
    }
    let (calls, uses) = (gated(&calls), gated(&uses));
    let mut out = Vec::new();
    let manifest_line = |f: &str| tree.line_of(MANIFEST, &format!("\n{f} = "), Some("[features]")) + 1;
    let crate_of = |dep: &str| dep.strip_prefix("dep:").map(|d| d.replace('-', "_"));
    for (feature, enables) in &features {
        for krate in enables.iter().filter_map(|d| crate_of(d)).filter(|k| k.starts_with("opendal_service_")) {
            let on = |g: &&Gated| g.krate == krate && g.cfg.as_ref().is_some_and(|c| holds(c, feature));
            if !calls.iter().any(|g| on(&g)) {
                out.push(tree.finding(MANIFEST, manifest_line(feature), format!("{feature} enables {krate} but no registration call of it is compiled with this feature alone, so Operator::from_uri does not know its scheme"), Some(format!("gate {krate}'s register call in init_default_registry_inner on {feature} too (any(...))"))));
            }
            if !uses.iter().any(|g| on(&g)) {
                let shown = uses.iter().find(|g| g.krate == krate).map(|g| format!(" (the one at {}:{} is gated otherwise)", tree.shown(LIB).display(), g.line)).unwrap_or_default();
                out.push(tree.finding(MANIFEST, manifest_line(feature), format!("{feature} enables {krate} but no `pub use {krate}::*` is compiled with this feature alone{shown}, so its builder is not in opendal::services"), Some(format!("gate the pub use on any(...) with {feature}"))));
            }
        }
    }
    let defined: BTreeMap<&str, ()> = features.keys().map(|k| (k.as_str(), ())).collect();
    for g in calls.iter().chain(&uses) {
        let mut named = Vec::new();
        if let Some(c) = &g.cfg {
            features_named(c, &mut named);
        }
        for f in named.iter().filter(|f| !defined.contains_key(f.as_str())) {
            out.push(tree.finding(LIB, g.line, format!("the gate names feature {f}, which core/Cargo.toml does not define, so this line is never compiled through it"), None));
        }
    }
    out
}
