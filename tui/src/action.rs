//! Everything that can happen to the app, as one enum. Keys become an [`Action`] through a
//! keymap, and results of the validation worker arrive as an [`Action`] over a channel; both go
//! through [`update`](crate::app::update), the only function that changes state. Actions are
//! never logged: a pasted value travels as a [`Secret`] so even a debug print stays masked.

use integrate_codegen::validation::{ProbeReport, Report, Secret, Step};

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
    /// Answers yes in the confirm popup: the plan is committed.
    ConfirmYes,
    /// Answers no in the confirm popup.
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
    /// Goes from the outcome panel back to editing the form.
    EditForm,
    /// Starts validating the credential on a worker thread.
    Validate,
    /// Starts the wrong-key probe on a worker thread.
    Probe,
    /// Cancels the running validation or probe.
    Cancel,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Advances the spinner and the elapsed time of a running job.
    Tick,
    /// The worker reached a new step.
    ValidationProgress(Step),
    /// The worker finished a validation with a verdict.
    ValidationDone(Report),
    /// The worker finished a wrong-key probe.
    ProbeDone(ProbeReport),
    /// The worker could not reach a verdict; the text says why (and holds no secret).
    ValidationFailed(String),
}
