//! The YAML point kinds, one file each (`yaml.<kind>` is `kinds/<kind>.rs`).

pub mod json_entry;
pub mod sequence_item;
