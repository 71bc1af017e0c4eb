//! `text.block`: a block of lines in any text file (a `.env.example` section, a README table
//! row). It is present when the `present` pattern matches anywhere in the file, so entries
//! written by hand in another shape still count; a missing block goes before the first match
//! of `before`, after the line of the last match of `after`, or at the end of the file.
//! Removal takes out exactly the lines apply added; a block edited since is left alone.

use serde::Deserialize;

use crate::backend::{Inspection, PointKind, Removal, SourceFile, parse_spec};
use crate::error::{Error, Location, Result};
use crate::template::Renderer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BlockSpec {
    /// The lines (a template).
    block: String,
    /// A regular expression (a template) whose match means the block is there.
    present: String,
    /// A regular expression (a template): the block goes at the start of the line where its
    /// first match starts.
    before: Option<String>,
    /// A regular expression (a template): the block goes after the line where its last match ends.
    after: Option<String>,
}

#[derive(Debug)]
pub struct Block {
    spec: BlockSpec,
}

pub fn build(spec: toml::Table, at: &Location) -> Result<Box<dyn PointKind>> {
    let spec: BlockSpec = parse_spec("text.block", spec, at)?;
    if spec.before.is_some() && spec.after.is_some() {
        return Err(Error::input(at.clone(), "a text.block point has both `before` and `after`", "keep one of them"));
    }
    Ok(Box::new(Block { spec }))
}

/// The rendered pattern, compiled once per run when the run has a file store.
fn regex(r: &Renderer, field: &str, source: &str) -> Result<regex::Regex> {
    let pattern = r.render(field, source)?;
    let compiled = match r.files() {
        Some(files) => files.regex(&pattern),
        None => regex::Regex::new(&pattern),
    };
    compiled.map_err(|e| Error::input(Location::new("<profile>", 0, 0), format!("text.block `{field}` is not a regular expression: {e}"), "fix the point in the profile"))
}

impl Block {
    fn lines(&self, r: &Renderer) -> Result<String> {
        let mut block = r.render("block", &self.spec.block)?;
        if !block.ends_with('\n') {
            block.push('\n');
        }
        Ok(block)
    }

    /// Where the block goes: a byte offset at a line start.
    fn place(&self, text: &str, r: &Renderer) -> Result<Option<usize>> {
        if let Some(before) = &self.spec.before {
            return Ok(regex(r, "before", before)?.find(text).map(|m| crate::text::line_start(text, m.start())));
        }
        if let Some(after) = &self.spec.after {
            return Ok(regex(r, "after", after)?.find_iter(text).last().map(|m| crate::text::line_end_inclusive(text, m.end().saturating_sub(1).max(m.start()))));
        }
        Ok(Some(text.len()))
    }
}

impl PointKind for Block {
    fn describe(&self, r: &Renderer) -> Result<String> {
        let block = self.lines(r)?;
        Ok(format!("the lines starting `{}`", block.lines().next().unwrap_or_default()))
    }

    /// The block is known by what finds it: its `present` pattern, rendered.
    fn key(&self, r: &Renderer) -> Result<Option<String>> {
        Ok(Some(format!("lines matching `{}`", r.render("present", &self.spec.present)?)))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let text = file.require("the block's neighbours")?;
        if let Some(m) = regex(r, "present", &self.spec.present)?.find(text) {
            return Ok(Inspection::Present { line: crate::text::line_of(text, m.start()) });
        }
        let Some(at) = self.place(text, r)? else {
            return Err(Error::AnchorNotFound {
                at: Location::new(file.display, 0, 0),
                message: "the place for the block (`before`/`after` pattern) is not in the file".into(),
                hint: "check that the file is the one the profile expects, or update the point's pattern".into(),
            });
        };
        let block = self.lines(r)?;
        let needs_newline = at == text.len() && !text.is_empty() && !text.ends_with('\n');
        let updated = format!("{}{}{block}{}", &text[..at], if needs_newline { "\n" } else { "" }, &text[at..]);
        Ok(Inspection::Missing { line: crate::text::line_of(text, at) + usize::from(needs_newline), updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let Some(text) = file.text else { return Ok(Removal::Absent) };
        let block = self.lines(r)?;
        let mut candidates = Vec::new();
        for (at, _) in text.match_indices(block.as_str()).filter(|(at, _)| *at == 0 || text.as_bytes()[at - 1] == b'\n') {
            candidates.push(format!("{}{}", &text[..at], &text[at + block.len()..]));
        }
        if text.ends_with(block.trim_end_matches('\n')) && !text.ends_with('\n') {
            let at = text.len() - block.trim_end_matches('\n').len();
            if at > 0 && text.as_bytes()[at - 1] == b'\n' {
                candidates.push(text[..at - 1].to_string());
            }
        }
        if candidates.is_empty() {
            return Ok(Removal::Absent);
        }
        Ok(Removal::Rewrite(crate::backend::splice::preimage(self, file, r, text, candidates)?))
    }
}
