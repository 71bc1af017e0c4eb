//! `integrate-codegen`: everything `integrate` knows. A provider [`descriptor`] and a platform
//! [`profile`] (its registration points, each declared once) go through the [`engine`], which
//! asks a language [`backend`] to inspect and splice each target file, and yields a plan that is
//! diffed, checked or committed all-or-nothing. [`validation`] proves a live credential and [`account`]
//! creates its account on the platform. This
//! crate does no terminal I/O; the `integrate` binary and the TUI are front ends over it.

pub mod account;
pub mod backend;
pub mod change;
pub mod commit;
pub mod credential;
pub mod descriptor;
pub mod diff;
pub mod discover;
pub mod docs;
pub mod engine;
pub mod error;
pub mod facts;
pub mod files;
pub mod ledger;
pub mod platform;
pub mod profile;
pub mod template;
pub mod text;
pub mod typed;
pub mod validation;
pub mod verify;
pub mod workspace;

pub use descriptor::Descriptor;
pub use engine::{Plan, PointReport, PointState};
pub use error::{Error, Result};
pub use profile::{Profile, Severity};
pub use workspace::{Workspace, WorkspaceOptions};
