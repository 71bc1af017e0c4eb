//! The `file` kind: a whole new file rendered from a template. It never overwrites an existing
//! file; removal deletes the file only when it still holds exactly what the template renders
//! (or with `--force`), so an integrator's edits are never lost silently. A Go file that no
//! build compiles (`//go:build ignore`) registers nothing, whether it is the file itself or one
//! that `present_if` matches.

use serde::Deserialize;

use super::{Inspection, PointKind, Removal, SourceFile, parse_spec};
use crate::error::{Location, Result};
use crate::template::Renderer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    /// Template name inside the profile's template directory.
    template: String,
    /// Another way an existing provider may already have this file: any file matching `files`
    /// (a glob relative to the root, a template) whose text matches `contains` (a regex, a
    /// template). Providers written before the profile name their files in their own ways.
    present_if: Option<PresentIf>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct PresentIf {
    files: String,
    contains: Option<String>,
}

#[derive(Debug)]
pub struct NewFile {
    template: String,
    present_if: Option<PresentIf>,
}

pub fn build(spec: toml::Table, at: &Location) -> Result<Box<dyn PointKind>> {
    let spec: FileSpec = parse_spec("file", spec, at)?;
    Ok(Box::new(NewFile { template: spec.template, present_if: spec.present_if }))
}

impl NewFile {
    /// A file matching `present_if`, with the 1-based line of the match.
    fn present_elsewhere(&self, r: &Renderer) -> Result<Option<usize>> {
        let (Some(p), Some(root)) = (&self.present_if, r.root()) else { return Ok(None) };
        let glob = r.render("present_if.files", &p.files)?;
        let contains = p.contains.as_deref().map(|c| r.render("present_if.contains", c)).transpose()?;
        // Check passes its run's store; apply and remove, which read each file once, a fresh one.
        let scratch;
        let files = match r.files() {
            Some(files) => files,
            None => {
                scratch = crate::files::FileStore::new();
                &scratch
            }
        };
        let re = contains.as_deref().map(|c| files.regex(c)).transpose().map_err(|e| {
            crate::error::Error::input(Location::new("profile", 0, 0), format!("present_if.contains: {e}"), "fix the profile")
        })?;
        for path in files.glob(root, std::slice::from_ref(&glob))?.iter() {
            let Some(text) = files.text(path) else { continue };
            // A Go file no build compiles (`//go:build ignore`) registers nothing.
            if path.extension().is_some_and(|e| e == "go") && super::go::constraint::exclusion(&text).is_some() {
                continue;
            }
            match &re {
                None => return Ok(Some(1)),
                Some(re) => {
                    if let Some(m) = re.find(&text) {
                        return Ok(Some(crate::text::line_of(&text, m.start())));
                    }
                }
            }
        }
        Ok(None)
    }
}

impl PointKind for NewFile {
    fn describe(&self, _r: &Renderer) -> Result<String> {
        Ok(format!("new file from template {}", self.template))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        if let Some(text) = file.text {
            // A Go file no build compiles is there but registers nothing; it is not replaced.
            if let Some(excluded) = file.display.extension().is_some_and(|e| e == "go").then(|| super::go::constraint::exclusion(text)).flatten() {
                return Err(crate::error::Error::BuildExcluded {
                    at: Location::new(file.display, excluded.line, 1),
                    message: format!("`{}` leaves this file out of every build: it registers nothing, and integrate does not overwrite it", excluded.constraint),
                    constraint: excluded.constraint,
                    hint: "take the constraint out if the file should build, or delete the file and run apply again".into(),
                });
            }
            return Ok(Inspection::Present { line: 1 });
        }
        if let Some(line) = self.present_elsewhere(r)? {
            return Ok(Inspection::Present { line });
        }
        let updated = if r.is_presence_only() { String::new() } else { r.render_file(&self.template)? };
        Ok(Inspection::Missing { line: 1, updated })
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
