//! Apache OpenDAL's own consistency rules (the `opendal` profile's `[[checks]]`): the lists that
//! should name a service agree with each other, with names normalised the way the code really
//! keys them (a directory `mini_moka`, a feature `services-mini-moka`, a scheme `mini-moka`, a
//! CI folder `hdfs_native`). [`tree`] reads what the rules share; each rule is a file:
//! [`features`] (every facade feature registers and re-exports its crate), [`bindings`] (the
//! bindings' manifests name features that exist and that cargo reads), [`java_utility`]
//! (utility.rs lists what the Java library is built with), [`deny_lists`] (the generators'
//! deny lists match directories and agree with the bindings), [`typed_configs`] (the bindings'
//! typed configs name schemes the registry knows, for services the binding builds) and
//! [`ci`] (every CI service folder maps to a feature).

pub mod bindings;
pub mod ci;
pub mod deny_lists;
pub mod features;
pub mod java_utility;
pub mod tree;
pub mod typed_configs;

use serde::Deserialize;

use crate::backend::{CheckContext, CheckFinding, TreeCheck};
use crate::error::{Error, Location, Result};

/// Check kinds of this module, without the `opendal.` prefix.
pub const CHECK_KINDS: &[&str] = &["features_registered", "binding_features", "java_utility", "generator_deny", "typed_configs", "ci_services"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Spec {
    /// The root holding the OpenDAL checkout.
    root: String,
}

/// One of the rules over one root.
#[derive(Debug)]
pub struct Rule {
    kind: &'static str,
    root: String,
    run: fn(&tree::Tree<'_>) -> Vec<CheckFinding>,
}

pub fn build_check(kind: &str, spec: toml::Table, at: &Location) -> Result<Box<dyn TreeCheck>> {
    let spec: Spec = crate::backend::parse_spec(&format!("opendal.{kind}"), spec, at)?;
    let (kind, run): (&'static str, fn(&tree::Tree<'_>) -> Vec<CheckFinding>) = match kind {
        "features_registered" => ("features_registered", features::run),
        "binding_features" => ("binding_features", bindings::run),
        "java_utility" => ("java_utility", java_utility::run),
        "generator_deny" => ("generator_deny", deny_lists::run),
        "typed_configs" => ("typed_configs", typed_configs::run),
        "ci_services" => ("ci_services", ci::run),
        other => {
            return Err(Error::input(
                at.clone(),
                format!("unknown check kind `opendal.{other}`"),
                format!("use one of: {}", CHECK_KINDS.iter().map(|k| format!("opendal.{k}")).collect::<Vec<_>>().join(", ")),
            ));
        }
    };
    Ok(Box::new(Rule { kind, root: spec.root, run }))
}

impl TreeCheck for Rule {
    fn run(&self, ctx: &CheckContext<'_>) -> Result<Vec<CheckFinding>> {
        let Some(root) = ctx.roots.get(&self.root) else { return Ok(Vec::new()) };
        let tree = tree::Tree::new(root, ctx);
        let _ = self.kind;
        Ok((self.run)(&tree))
    }
}
