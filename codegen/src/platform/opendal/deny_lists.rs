//! The generators in dev/src/generate/{python,java}.rs skip services through a deny list keyed
//! by directory name (`"etcd" | "foyer" => false`). An entry that names no directory never
//! matches (`cloudflare_kv` for the directory `cloudflare-kv`). (A denied service the binding
//! builds, and a service it does not build that the list does not deny, are the
//! `*.generator_deny` points of those services' descriptors.)

use syn::visit::Visit;

use super::tree::Tree;
use crate::backend::CheckFinding;

struct Arms(Vec<(String, usize)>);

impl<'ast> Visit<'ast> for Arms {
    fn visit_arm(&mut self, arm: &'ast syn::Arm) {
        if matches!(&*arm.body, syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Bool(b), .. }) if !b.value) {
            let cases: Vec<&syn::Pat> = match &arm.pat {
                syn::Pat::Or(or) => or.cases.iter().collect(),
                p => vec![p],
            };
            for c in cases {
                if let syn::Pat::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) = c {
                    self.0.push((s.value(), s.span().start().line));
                }
            }
        }
        syn::visit::visit_arm(self, arm);
    }
}

pub fn run(tree: &Tree<'_>) -> Vec<CheckFinding> {
    let services = tree.services();
    let mut out = Vec::new();
    for (generator, output) in [("python", "bindings/python/python/opendal/config.py and src/services.rs"), ("java", "ServiceConfig.java")] {
        let rel = format!("dev/src/generate/{generator}.rs");
        let Some(text) = tree.text(&rel) else { continue };
        let Ok(file) = syn::parse_file(&text) else { continue };
        let Some(func) = file.items.iter().find_map(|i| match i {
            syn::Item::Fn(f) if f.sig.ident == "enabled_service" => Some(f),
            _ => None,
        }) else {
            continue;
        };
        let mut arms = Arms(Vec::new());
        arms.visit_item_fn(func);
        for (entry, line) in &arms.0 {
            if !services.iter().any(|s| s.dir == *entry) {
                let near = services.iter().find(|s| s.dir.replace(['-', '_'], "") == entry.replace(['-', '_'], "")).map(|s| format!(" (the directory is `{}`)", s.dir)).unwrap_or_default();
                out.push(tree.finding(&rel, *line, format!("deny-list entry \"{entry}\" names no service directory{near}, so it never matches and the generator still writes {output} for it"), Some("spell it as the directory under core/services/".into())));
            }
        }
    }
    out
}
