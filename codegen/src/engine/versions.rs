//! Which version of the platform a run sees: the profile's facts answered on the trees, and
//! the points whose form they switched (an alternative, or not in this version). What
//! `check --explain` prints and the JSON output carries.

use serde::Serialize;

use crate::facts::Fact;
use crate::profile::Form;
use crate::workspace::Workspace;

/// The version facts of a run and what they decided.
#[derive(Debug, Clone, Serialize)]
pub struct VersionReport {
    pub facts: Vec<Fact>,
    /// Every point that depends on the version, with the form it takes on these trees.
    pub points: Vec<PointForm>,
}

/// The form one versioned point takes.
#[derive(Debug, Clone, Serialize)]
pub struct PointForm {
    pub point: String,
    /// `declared`, `alternative N` (1-based) or `not in this version`.
    pub form: String,
    /// The file the form reads (a template for descriptor-dependent files).
    pub file: Option<String>,
    /// The facts the choice depended on, as `fact` / `!fact` / `fact=N`.
    pub facts: Vec<String>,
    /// For "not in this version": the facts that decided it, in words.
    pub note: Option<String>,
}

pub(super) fn versions(ws: &Workspace) -> VersionReport {
    let facts = ws.facts();
    let mut points = Vec::new();
    for p in ws.profile.points.iter().filter(|p| p.is_versioned()) {
        let mut named: Vec<String> = p.requires.iter().map(|r| r.describe()).collect();
        for alt in &p.alternatives {
            named.extend(alt.requires.iter().map(|r| r.describe()));
        }
        named.dedup();
        let (form, file, note) = match facts.form(p) {
            Form::Present { file, alternative: None, .. } => ("declared".to_string(), Some(file.to_string()), None),
            Form::Present { file, alternative: Some(i), .. } => (format!("alternative {}", i + 1), Some(file.to_string()), None),
            Form::NotInVersion(note) => ("not in this version".to_string(), None, Some(note)),
        };
        points.push(PointForm { point: p.id.clone(), form, file, facts: named, note });
    }
    VersionReport { facts: facts.facts.clone(), points }
}
