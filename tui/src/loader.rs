//! The slow reads off the UI thread: loading the descriptors and inspecting the trees (the
//! providers list and every checklist), and planning an apply (its diff). [`Loader`] is the
//! seam between the app and the engine ([`EngineLoader`] is the real one; tests pass one that
//! blocks until released), and [`spawn_load`] and [`spawn_plan`] run one job on a
//! `std::thread`, sending its steps and its result back as [`Action`]s over an `mpsc` channel
//! that the event loop drains, so the first frame is drawn before any tree is read.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::thread;

use integrate_codegen::engine::Run;
use integrate_codegen::{Descriptor, Workspace};

use crate::action::{Action, Delivery};
use crate::job::{LoadStep, Loaded, PlanStep, Planned, PlannedApply};
use crate::provider::Provider;

/// About how many steps the inspection of the providers is reported in.
const LOAD_STEPS: usize = 10;

/// Reads the workspace; called on a worker thread.
pub trait Loader: Send + Sync {
    /// Loads the descriptors and inspects the tree for each, reporting each step.
    fn load(&self, ws: &Workspace, progress: &mut dyn FnMut(LoadStep)) -> Loaded;

    /// Plans adding every missing registration of one provider, with its diff.
    fn plan_apply(
        &self,
        ws: &Workspace,
        descriptor: &Descriptor,
        progress: &mut dyn FnMut(PlanStep),
    ) -> Planned;
}

/// The loader that reads the workspace through `integrate_codegen::engine`.
#[derive(Debug, Clone, Copy, Default)]
pub struct EngineLoader;

impl Loader for EngineLoader {
    fn load(&self, ws: &Workspace, progress: &mut dyn FnMut(LoadStep)) -> Loaded {
        progress(LoadStep::Descriptors);
        let descriptors = ws.load_descriptors(&[]).map_err(|e| e.to_string())?;
        // In about ten batches, so the progress can count providers; the run (and its file
        // store) is shared, so every file is still read and prepared once. One call per
        // provider would cost a third more time on the real trees, one call for all would show
        // no count.
        let run = Run::new(ws);
        let total = descriptors.len();
        let mut providers = Vec::with_capacity(total);
        for batch in descriptors.chunks(total.div_ceil(LOAD_STEPS).max(1)) {
            progress(LoadStep::Inspecting {
                done: providers.len(),
                total,
                provider: batch[0].id.clone(),
            });
            let reports = run.inspect(batch).map_err(|e| e.to_string())?;
            for descriptor in batch {
                let reports = reports
                    .iter()
                    .filter(|r| r.provider == descriptor.id)
                    .cloned()
                    .collect();
                providers.push(Provider {
                    descriptor: descriptor.clone(),
                    reports,
                });
            }
        }
        Ok(providers)
    }

    fn plan_apply(
        &self,
        ws: &Workspace,
        descriptor: &Descriptor,
        progress: &mut dyn FnMut(PlanStep),
    ) -> Planned {
        progress(PlanStep::Planning {
            points: ws.profile.points.len(),
        });
        let plan = Run::new(ws)
            .plan_apply(std::slice::from_ref(descriptor))
            .map_err(|e| e.to_string())?;
        progress(PlanStep::Diffing {
            files: plan.changes.len(),
        });
        let lines = plan.unified_diff().lines().map(str::to_owned).collect();
        Ok(PlannedApply { plan, lines })
    }
}

/// Starts a load on a new thread and returns the channel its [`Action::LoadProgress`] steps
/// and its one [`Action::Loaded`] arrive on. If the receiver is gone, the sends are dropped.
pub fn spawn_load(loader: Arc<dyn Loader>, ws: Arc<Workspace>) -> Receiver<Action> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let progress_tx = tx.clone();
        let mut progress = |step| {
            let _ = progress_tx.send(Action::LoadProgress(step));
        };
        let loaded = loader.load(&ws, &mut progress);
        let _ = tx.send(Action::Loaded(Delivery::new(loaded)));
    });
    rx
}

/// Starts planning the apply of one provider on a new thread and returns the channel its
/// [`Action::PlanProgress`] steps and its one [`Action::Planned`] arrive on.
pub fn spawn_plan(
    loader: Arc<dyn Loader>,
    ws: Arc<Workspace>,
    descriptor: Descriptor,
) -> Receiver<Action> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let progress_tx = tx.clone();
        let mut progress = |step| {
            let _ = progress_tx.send(Action::PlanProgress(step));
        };
        let planned = loader.plan_apply(&ws, &descriptor, &mut progress);
        let _ = tx.send(Action::Planned(Delivery::new(planned)));
    });
    rx
}
