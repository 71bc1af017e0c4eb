//! `text.absent`, a check: every line under a root that still names something the profile
//! says must be gone (a renamed project's old name), except in excluded files.

use std::path::Path;

use serde::Deserialize;

use crate::backend::{CheckContext, CheckFinding, TreeCheck, parse_spec, regex};
use crate::error::{Error, Location, Result};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AbsentSpec {
    root: String,
    /// Regular expression; a line that matches is a finding.
    pattern: String,
    /// Globs (relative to the root) of files that may still match, e.g. licence texts.
    #[serde(default)]
    exclude: Vec<String>,
    /// What to do about a finding.
    fix: String,
}

/// Reports every line under a root that matches a pattern, except in excluded files. It judges
/// only a tree that has descriptors: before `integrate new` the old names are expected.
#[derive(Debug)]
pub struct Absent {
    root: String,
    pattern: regex::Regex,
    exclude: globset::GlobSet,
    fix: String,
}

pub fn build(spec: toml::Table, at: &Location) -> Result<Box<dyn TreeCheck>> {
    let spec: AbsentSpec = parse_spec("text.absent", spec, at)?;
    let mut set = globset::GlobSetBuilder::new();
    for pattern in &spec.exclude {
        let glob = globset::Glob::new(pattern).map_err(|e| {
            Error::input(
                at.clone(),
                format!("invalid glob `{pattern}`: {e}"),
                "fix the `exclude` list of the check",
            )
        })?;
        set.add(glob);
    }
    let exclude = set.build().map_err(|e| {
        Error::input(
            at.clone(),
            format!("invalid exclude globs: {e}"),
            "fix the `exclude` list of the check",
        )
    })?;
    Ok(Box::new(Absent {
        root: spec.root,
        pattern: regex(&spec.pattern, at)?,
        exclude,
        fix: spec.fix,
    }))
}

impl TreeCheck for Absent {
    fn run(&self, ctx: &CheckContext<'_>) -> Result<Vec<CheckFinding>> {
        let Some(root) = ctx.roots.get(&self.root) else {
            return Ok(Vec::new());
        };
        if ctx.descriptors.is_empty() {
            return Ok(Vec::new());
        }
        let provider = (ctx.descriptors.len() == 1).then(|| ctx.descriptors[0].id.clone());
        let excluded = |rel: &Path| self.exclude.is_match(rel);
        let mut out = Vec::new();
        let walker = walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                // A directory is skipped when everything inside it is excluded (`vendor/**`).
                !(e.file_type().is_dir() && (e.file_name() == ".git" || excluded(&rel.join("x"))))
            });
        for entry in walker {
            let entry = entry.map_err(|e| {
                let path = e.path().unwrap_or(root).to_path_buf();
                Error::io(&path, e.into())
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
            if excluded(rel) {
                continue;
            }
            let Some(text) = ctx.files.text(entry.path()) else {
                continue;
            };
            for (i, line) in text.lines().enumerate() {
                if let Some(m) = self.pattern.find(line) {
                    out.push(CheckFinding {
                        provider: provider.clone(),
                        path: (ctx.display)(entry.path()),
                        line: i + 1,
                        message: format!("still names `{}`", m.as_str()),
                        fix: Some(self.fix.clone()),
                    });
                }
            }
        }
        Ok(out)
    }
}
