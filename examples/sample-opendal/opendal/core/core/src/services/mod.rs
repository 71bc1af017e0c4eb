//! Services built into the core.

pub mod memory;

pub use memory::*;
