//! The language-neutral text back end: kinds that edit any text file line by line, without a
//! parser, one file each under [`kinds`] (`text.replace` renames, `text.yaml_entry` adds an
//! entry to an indentation-structured mapping, `text.block` adds a block of lines after a
//! pattern), and the check kind `text.absent` ([`absent`]),
//! which reports every line under a root that still names something the profile says must be
//! gone.

pub mod absent;
pub mod kinds;

use super::PointKind;
use crate::error::{Error, Location, Result};

pub fn build(kind: &str, spec: toml::Table, at: &Location) -> Result<Box<dyn PointKind>> {
    match kind {
        "replace" => kinds::replace::build(spec, at),
        "yaml_entry" => kinds::yaml_entry::build(spec, at),
        "block" => kinds::block::build(spec, at),
        other => Err(Error::input(
            at.clone(),
            format!("unknown text point kind `text.{other}`"),
            format!(
                "use one of: {}",
                super::KINDS
                    .iter()
                    .filter(|k| k.starts_with("text."))
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}
