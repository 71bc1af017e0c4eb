//! Everything that can happen to the app, as one enum. Keys become an [`Action`] through a
//! keymap, and the steps and results of the workers (loading, planning, validation) arrive as
//! an [`Action`] over a channel; both go through [`update`](crate::app::update), the only
//! function that changes state. Actions are never logged: a pasted value travels as a
//! [`Secret`] so even a debug print stays masked.

use std::sync::{Arc, Mutex, PoisonError};

use integrate_codegen::validation::{ProbeReport, Report, Secret, Step};

use crate::job::{LoadStep, Loaded, PlanStep, Planned};

/// One thing the user asked for, or one thing a background job reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leaves the app; a running validation is cancelled first.
    Quit,
    /// Goes back to the previous screen.
    Back,
    /// Moves the selection or the scroll position up by one.
    Up,
    /// Moves the selection or the scroll position down by one.
    Down,
    /// Scrolls up by a page.
    PageUp,
    /// Scrolls down by a page.
    PageDown,
    /// Opens the checklist of the selected provider.
    OpenChecklist,
    /// Shows only missing and drifted points, or every point again.
    ToggleMissing,
    /// Reloads the descriptors and inspects the tree again.
    Refresh,
    /// Plans the apply of the selected provider and shows its diff.
    PlanApply,
    /// Asks to write the planned changes (opens the confirm popup).
    AskConfirm,
    /// Answers yes in a confirm popup: the plan is committed, or the form is left.
    ConfirmYes,
    /// Answers no in a confirm popup.
    ConfirmNo,
    /// Closes the error popup.
    DismissError,
    /// Opens the account form of the selected provider.
    OpenAccount,
    /// Moves the focus to the next form field.
    NextField,
    /// Moves the focus to the previous form field.
    PrevField,
    /// Types one character into the focused field.
    Input(char),
    /// Pastes text into the focused field (a bracketed paste).
    Paste(Secret),
    /// Deletes the last character of the focused field.
    Backspace,
    /// Empties the focused field.
    ClearField,
    /// Turns the focused yes/no field on or off.
    ToggleField,
    /// Picks the next value of the focused choice.
    NextChoice,
    /// Picks the previous value of the focused choice.
    PrevChoice,
    /// Starts validating the credential on a worker thread.
    Validate,
    /// Starts the wrong-key probe on a worker thread.
    Probe,
    /// Cancels the running validation or probe.
    Cancel,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Advances the spinners and the elapsed times of running jobs.
    Tick,
    /// The loader reached a new step.
    LoadProgress(LoadStep),
    /// The loader finished: the providers, or why they could not be read.
    Loaded(Delivery<Loaded>),
    /// The planner reached a new step.
    PlanProgress(PlanStep),
    /// The planner finished: the plan and its diff, or why it could not be made.
    Planned(Delivery<Planned>),
    /// The worker reached a new step.
    ValidationProgress(Step),
    /// The worker finished a validation with a verdict.
    ValidationDone(Report),
    /// The worker finished a wrong-key probe.
    ProbeDone(ProbeReport),
    /// The worker could not reach a verdict; the text says why (and holds no secret).
    ValidationFailed(String),
}

/// A worker's result carried by an [`Action`]. Actions are cloned and compared (a keymap hands
/// out copies, tests compare them) but results such as a plan are neither, so the result sits
/// in a shared slot that the first [`Delivery::take`] empties; two deliveries are equal when
/// they share the slot.
pub struct Delivery<T>(Arc<Mutex<Option<T>>>);

impl<T> Delivery<T> {
    /// Wraps a result for sending.
    pub fn new(value: T) -> Self {
        Delivery(Arc::new(Mutex::new(Some(value))))
    }

    /// Takes the result out; `None` when it was taken already.
    pub fn take(&self) -> Option<T> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take()
    }
}

impl<T> Clone for Delivery<T> {
    fn clone(&self) -> Self {
        Delivery(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Delivery<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Eq for Delivery<T> {}

impl<T> std::fmt::Debug for Delivery<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Delivery(..)")
    }
}
