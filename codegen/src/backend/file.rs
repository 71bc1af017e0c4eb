//! The `file` kind: a whole new file rendered from a template. It never overwrites an existing
//! file; removal deletes the file only when it still holds exactly what the template renders
//! (or with `--force`), so an integrator's edits are never lost silently.

use serde::Deserialize;

use super::{Inspection, PointKind, Removal, SourceFile, parse_spec};
use crate::error::{Location, Result};
use crate::template::Renderer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    /// Template name inside the profile's template directory.
    template: String,
}

#[derive(Debug)]
pub struct NewFile {
    template: String,
}

pub fn build(spec: toml::Table, at: &Location) -> Result<Box<dyn PointKind>> {
    let spec: FileSpec = parse_spec("file", spec, at)?;
    Ok(Box::new(NewFile { template: spec.template }))
}

impl NewFile {
    pub fn template(&self) -> &str {
        &self.template
    }
}

impl PointKind for NewFile {
    fn describe(&self, _r: &Renderer) -> Result<String> {
        Ok(format!("new file from template {}", self.template))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        match file.text {
            Some(_) => Ok(Inspection::Present { line: 1 }),
            None => Ok(Inspection::Missing { line: 1, updated: r.render_file(&self.template)? }),
        }
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, force: bool) -> Result<Removal> {
        let Some(text) = file.text else { return Ok(Removal::Absent) };
        if force || text == r.render_file(&self.template)? {
            Ok(Removal::DeleteFile)
        } else {
            Ok(Removal::KeepEdited(format!(
                "{} was edited since integrate generated it; kept (use --force to delete it anyway)",
                file.display.display()
            )))
        }
    }
}
