//! The engine: for each descriptor and each point of the profile that applies to it, inspect
//! the target file; check the tree; and build a [`Plan`] of whole-file changes (apply or
//! remove) on staged in-memory copies. Plans are validated (every edited Go file must still
//! parse) before anything is written, and [`Plan::commit`] writes all files or none.
//!
//! One entry point: a [`Run`] is one workspace with the [`FileStore`] its operations read
//! through, so each file is read (and parsed) once per run whatever asks for it. The work is
//! split by concern: [`report`] (what a run reports), [`resolve`] (a point for one descriptor),
//! [`inspect`] (the checklist, on all cores), [`findings`] (orphans, tree findings, the
//! profile's checks), [`collisions`] (the inventory and what would collide with it),
//! [`ownership`] (names already another provider's or taken in the tree), [`redeclared`] (Go
//! names a plan would declare twice),
//! [`plan`] (staging edits and turning them into changes) and [`versions`] (the version facts
//! and the point forms they chose).

pub mod collisions;
pub mod findings;
pub mod inspect;
pub mod ownership;
pub mod plan;
pub mod redeclared;
pub mod report;
pub mod resolve;
pub mod versions;

use std::collections::BTreeSet;
use std::path::PathBuf;

pub use findings::inventory_names;
pub use plan::Plan;
pub use report::{FindingClass, PointReport, PointState};
pub use versions::{PointForm, VersionReport};

use crate::backend::Member;
use crate::descriptor::Descriptor;
use crate::error::Result;
use crate::files::FileStore;
use crate::workspace::Workspace;

/// One run over a workspace: every operation reads files through the run's store, which keeps
/// each text and what the back ends worked out from it (parsed trees, anchors) for the run's
/// whole life. Files are assumed not to change during a run, so a front end starts a new run
/// for each command, or after it wrote files.
#[derive(Debug)]
pub struct Run<'w> {
    ws: &'w Workspace,
    files: FileStore,
    /// The providers without a descriptor, as a front end discovered them: apply refuses a
    /// descriptor whose registrations are theirs ([`ownership`]).
    neighbours: Vec<Descriptor>,
}

impl<'w> Run<'w> {
    /// A run whose back ends parse only the parts of a file the points look at.
    pub fn new(ws: &'w Workspace) -> Self {
        Self { ws, files: FileStore::new(), neighbours: Vec::new() }
    }

    /// A run whose back ends parse every file whole: slower, and the reference the partial
    /// parsing is tested against.
    pub fn parsing_whole_files(ws: &'w Workspace) -> Self {
        Self { ws, files: FileStore::parsing_whole_files(), neighbours: Vec::new() }
    }

    /// Tells the run about the tree's providers that have no descriptor (discovered in memory,
    /// `discover::undescribed`), so apply, fix and new refuse a descriptor whose registrations
    /// are theirs. Without it only the workspace's descriptors are compared.
    pub fn set_neighbours(&mut self, neighbours: Vec<Descriptor>) {
        self.neighbours = neighbours;
    }

    pub fn workspace(&self) -> &'w Workspace {
        self.ws
    }

    /// The store the run reads through.
    pub fn files(&self) -> &FileStore {
        &self.files
    }

    /// The store, once the run is over: a caller that times a run can free what it kept after
    /// the clock has stopped.
    pub fn into_files(self) -> FileStore {
        self.files
    }

    /// Every file this run has read so far, in the order it first read them, including paths it
    /// looked for that do not exist. After [`Run::check`] it is the record of what check reads:
    /// the benchmark times reading these files as check's floor.
    pub fn files_read(&self) -> Vec<PathBuf> {
        self.files.asked()
    }

    /// Inspects every point for each descriptor without changing anything: the checklist.
    pub fn inspect(&self, descriptors: &[Descriptor]) -> Result<Vec<PointReport>> {
        inspect::inspect(self.ws, &self.files, descriptors)
    }

    /// Everything `integrate check` reports: every point for every descriptor, findings about
    /// the tree as a whole (repeated entries, providers without a descriptor), and the
    /// profile's consistency rules.
    pub fn check(&self, descriptors: &[Descriptor]) -> Result<Vec<PointReport>> {
        let mut out = self.inspect(descriptors)?;
        findings::fold_orphans(self.ws, &mut out);
        out.extend(findings::tree_findings(self.ws, &self.files, descriptors)?);
        out.extend(self.profile_checks(descriptors)?);
        Ok(out)
    }

    /// The profile's `[[checks]]` over the tree; each finding becomes a report in drift state.
    pub fn profile_checks(&self, descriptors: &[Descriptor]) -> Result<Vec<PointReport>> {
        findings::profile_checks(self.ws, &self.files, descriptors)
    }

    /// The providers the tree already defines, read from the profile's inventory point: where
    /// it is (as shown) and its members.
    pub fn inventory(&self) -> Result<Option<(PathBuf, Vec<Member>)>> {
        collisions::inventory(self.ws, &self.files)
    }

    /// The version facts answered on the trees and the form each versioned point takes.
    pub fn versions(&self) -> VersionReport {
        versions::versions(self.ws)
    }

    /// Plans adding every missing registration of the descriptors.
    pub fn plan_apply(&self, descriptors: &[Descriptor]) -> Result<Plan> {
        plan::plan_apply(self.ws, &self.files, descriptors, None, &self.neighbours)
    }

    /// The plan of `check --fix`: only the registrations named as (provider, point) pairs, the
    /// findings whose fix is mechanical.
    pub fn plan_fix(&self, descriptors: &[Descriptor], only: &BTreeSet<(String, String)>) -> Result<Plan> {
        plan::plan_apply(self.ws, &self.files, descriptors, Some(only), &self.neighbours)
    }

    /// Plans taking out exactly what apply added for the descriptors, as their ledgers say
    /// (see [`crate::ledger`]); what was there before is kept and listed in [`Plan::kept`].
    /// Generated files and registrations that were edited since are kept unless `force`. A
    /// descriptor without a ledger (a provider registered by hand) is refused unless `adopt`.
    pub fn plan_remove(&self, descriptors: &[Descriptor], force: bool, adopt: bool) -> Result<Plan> {
        plan::plan_remove(self.ws, &self.files, descriptors, force, adopt)
    }

    /// Plans `integrate new`: the descriptor file itself plus everything apply adds for it, so
    /// the descriptor is written only together with its registrations. A provider that already
    /// exists in the tree is refused.
    pub fn plan_new(&self, d: &Descriptor) -> Result<Plan> {
        plan::plan_new(self.ws, &self.files, d, &self.neighbours)
    }
}
