//! Platform rules: the consistency checks a profile's `[[checks]]` name that belong to one
//! platform rather than to a language, one module per platform, named by the check kind's
//! prefix (`cccmo.images_one_to_one` is in [`cccmo`], `opendal.typed_configs` in [`opendal`]). This module is their registry,
//! [`build_check`], which also builds the language-neutral check kinds of the back ends
//! (`text.absent`). A check implements [`crate::backend::TreeCheck`], the trait beside
//! `PointKind` that every profile declaration is built into; a platform rule may read files
//! with the language back ends' parsers (`backend::yaml`, `backend::go::syntax`).
//!
//! A new platform's rules: a module `platform/<name>/` with its own `build_check` and
//! `CHECK_KINDS`, its kinds added to [`CHECK_KINDS`] and its prefix to [`build_check`].

pub mod cccmo;
pub mod opendal;

use crate::backend::TreeCheck;
use crate::error::{Error, Location, Result};

/// Every check kind this build provides, for documentation and validation messages.
pub const CHECK_KINDS: &[&str] = &[
    "text.absent",
    "cccmo.images_one_to_one",
    "cccmo.workload_policy",
    "opendal.features_registered",
    "opendal.binding_features",
    "opendal.java_utility",
    "opendal.generator_deny",
    "opendal.typed_configs",
    "opendal.ci_services",
];

/// Builds a profile check from its table.
pub fn build_check(kind: &str, spec: toml::Table, at: &Location) -> Result<Box<dyn TreeCheck>> {
    if let Some(cccmo_kind) = kind.strip_prefix("cccmo.") {
        return cccmo::build_check(cccmo_kind, spec, at);
    }
    if let Some(opendal_kind) = kind.strip_prefix("opendal.") {
        return opendal::build_check(opendal_kind, spec, at);
    }
    if kind == "text.absent" {
        return crate::backend::text::absent::build(spec, at);
    }
    Err(Error::input(
        at.clone(),
        format!("unknown check kind `{kind}`"),
        if CHECK_KINDS.is_empty() { "this build provides no check kinds yet".to_string() } else { format!("use one of: {}", CHECK_KINDS.join(", ")) },
    ))
}
