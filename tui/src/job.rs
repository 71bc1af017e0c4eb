//! What the jobs off the UI thread report: the steps of a load (descriptors, then one
//! provider's inspection after another) and of the planning of an apply, and their results.
//! The loader sends them, actions carry them, the app keeps them and the renderer prints them.

use integrate_codegen::engine::Plan;

use crate::provider::Provider;

/// How far a load has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadStep {
    /// Reading and validating the descriptor files.
    Descriptors,
    /// Inspecting the tree for the next providers; `done` providers are inspected already.
    Inspecting {
        /// The providers inspected so far.
        done: usize,
        /// Every provider to inspect.
        total: usize,
        /// The id of the first provider being inspected.
        provider: String,
    },
}

impl std::fmt::Display for LoadStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadStep::Descriptors => f.write_str("reading the descriptors"),
            LoadStep::Inspecting {
                done,
                total,
                provider,
            } => write!(
                f,
                "inspecting the tree: {done}/{total} providers done (next: {provider})"
            ),
        }
    }
}

/// How far the planning of an apply has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanStep {
    /// Reading and parsing the files the points edit, and staging the edits.
    Planning {
        /// The number of points of the profile.
        points: usize,
    },
    /// Writing the unified diff of the staged files.
    Diffing {
        /// The number of files that change.
        files: usize,
    },
}

impl std::fmt::Display for PlanStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlanStep::Planning { points } => {
                write!(f, "reading and editing the files of {points} points")
            }
            PlanStep::Diffing { files } => write!(
                f,
                "writing the diff of {files} file{}",
                if *files == 1 { "" } else { "s" }
            ),
        }
    }
}

/// A planned apply with its unified diff, one entry per line.
#[derive(Debug)]
pub struct PlannedApply {
    /// The plan to commit once confirmed.
    pub plan: Plan,
    /// The unified diff, one entry per line.
    pub lines: Vec<String>,
}

impl PlannedApply {
    /// The number of files the plan writes.
    pub fn files(&self) -> usize {
        self.plan.changes.len()
    }

    /// The number of files the plan creates.
    pub fn new_files(&self) -> usize {
        self.plan
            .changes
            .iter()
            .filter(|c| c.before.is_none())
            .count()
    }
}

/// The result of a load: every provider sorted by id, or why the descriptors or the tree could
/// not be read (with absolute paths; the app makes them relative).
pub type Loaded = Result<Vec<Provider>, String>;

/// The result of planning an apply.
pub type Planned = Result<PlannedApply, String>;
