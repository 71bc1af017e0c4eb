//! `rust.file`: a new Rust file from a template, like the `file` kind (same fields, never
//! overwrites, removal only when unedited), except that the rendered file must parse with syn
//! before it is offered, so a template mistake is caught at apply, not at the next build.

use crate::backend::{Inspection, PointKind, Removal, SourceFile};
use crate::error::{Location, Result};
use crate::template::Renderer;

#[derive(Debug)]
pub struct RustFile {
    inner: Box<dyn PointKind>,
}

pub fn build(spec: toml::Table, at: &Location) -> Result<Box<dyn PointKind>> {
    Ok(Box::new(RustFile { inner: crate::backend::file::build(spec, at)? }))
}

impl PointKind for RustFile {
    fn describe(&self, r: &Renderer) -> Result<String> {
        self.inner.describe(r).map(|d| format!("{d} (Rust)"))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let inspection = self.inner.inspect(file, r)?;
        if let Inspection::Missing { updated, .. } = &inspection
            && !updated.is_empty()
        {
            crate::backend::rust::syntax::check_edit(file.display, updated, "a rust.file point")?;
        }
        Ok(inspection)
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, force: bool) -> Result<Removal> {
        self.inner.remove(file, r, force)
    }
}
