//! Validation off the UI thread. [`Validator`] is the seam between the app and the validation
//! engine ([`EngineValidator`] is the real one; tests pass a fake), and [`spawn`] runs one job
//! on a `std::thread`, sending its progress and its verdict back as [`Action`]s over an `mpsc`
//! channel that the event loop drains. The credential moves into the thread and is dropped
//! (and wiped) there; nothing the worker sends carries a secret.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{self, Receiver};
use std::thread;

use integrate_codegen::validation::{
    self, Credential, ProbeReport, Report, Step, ValidateOptions, ValidationError, ValidationSpec,
};

use crate::action::Action;

/// Runs a validation or a wrong-key probe; called on the worker thread.
pub trait Validator: Send + Sync {
    /// Proves the credential, reporting progress through `progress`.
    fn validate(
        &self,
        spec: &ValidationSpec,
        cred: &Credential,
        opts: &ValidateOptions,
        progress: &mut dyn FnMut(Step),
    ) -> Result<Report, ValidationError>;

    /// Sends the request with a deliberately wrong key and reports the raw answers.
    fn probe_wrong_key(
        &self,
        spec: &ValidationSpec,
        cred: &Credential,
        opts: &ValidateOptions,
        progress: &mut dyn FnMut(Step),
    ) -> Result<ProbeReport, ValidationError>;
}

/// The validator that talks to the live endpoint through `integrate_codegen::validation`.
#[derive(Debug, Clone, Copy, Default)]
pub struct EngineValidator;

impl Validator for EngineValidator {
    fn validate(
        &self,
        spec: &ValidationSpec,
        cred: &Credential,
        opts: &ValidateOptions,
        progress: &mut dyn FnMut(Step),
    ) -> Result<Report, ValidationError> {
        validation::validate(spec, cred, opts, progress)
    }

    fn probe_wrong_key(
        &self,
        spec: &ValidationSpec,
        cred: &Credential,
        opts: &ValidateOptions,
        progress: &mut dyn FnMut(Step),
    ) -> Result<ProbeReport, ValidationError> {
        validation::probe_wrong_key(spec, cred, opts, progress)
    }
}

/// Which job a worker runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// A validation of the credential as typed.
    Validate,
    /// The wrong-key probe.
    Probe,
}

/// Starts `job` on a new thread and returns the channel its actions arrive on. The thread
/// ends after sending [`Action::ValidationDone`], [`Action::ProbeDone`] or
/// [`Action::ValidationFailed`]; if the receiver is gone (the job was cancelled) its sends are
/// simply dropped.
pub fn spawn(
    validator: Arc<dyn Validator>,
    job: Job,
    spec: ValidationSpec,
    cred: Credential,
    insecure: bool,
    cancel: Arc<AtomicBool>,
) -> Receiver<Action> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let opts = ValidateOptions {
            insecure,
            cancel: Some(cancel),
            ..ValidateOptions::default()
        };
        let progress_tx = tx.clone();
        let mut progress = |step: Step| {
            let _ = progress_tx.send(Action::ValidationProgress(step));
        };
        let last = match job {
            Job::Validate => match validator.validate(&spec, &cred, &opts, &mut progress) {
                Ok(report) => Action::ValidationDone(report),
                Err(e) => Action::ValidationFailed(e.to_string()),
            },
            Job::Probe => match validator.probe_wrong_key(&spec, &cred, &opts, &mut progress) {
                Ok(report) => Action::ProbeDone(report),
                Err(e) => Action::ValidationFailed(e.to_string()),
            },
        };
        drop(cred);
        let _ = tx.send(last);
    });
    rx
}
