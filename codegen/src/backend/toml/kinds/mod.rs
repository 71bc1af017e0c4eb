//! One file per TOML point kind. All three cut their table or array into whole-line entries
//! and leave placing, inspecting and removing to [`crate::backend::sequence`].

pub mod array_element;
pub mod dependency;
pub mod table_key;
