//! The text point kinds, one file each (`text.<kind>` is `kinds/<kind>.rs`).

pub mod block;
pub mod replace;
pub mod yaml_entry;
