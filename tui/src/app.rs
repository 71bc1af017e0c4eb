//! The app state and [`update`], the only function that changes it. State is plain data the
//! renderer reads: the providers with their checklists, the screen and popup shown, the
//! planned apply, and the account form with its validation run. Everything that happens, a key
//! or a worker's message, arrives as an [`Action`]; the library calls (load, inspect, plan,
//! commit) are made from here, and validation is handed to a worker thread.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use integrate_codegen::engine::{Plan, PointReport, PointState, Run};
use integrate_codegen::validation::{ProbeReport, Report, Secret, Step, ValidationSpec};
use integrate_codegen::{Descriptor, Workspace};

use crate::action::Action;
use crate::form::AccountForm;
use crate::keymap::{self, Keymap};
use crate::worker::{self, EngineValidator, Job, Validator};

/// One provider: its descriptor and the state of every registration point.
#[derive(Debug)]
pub struct Provider {
    /// The descriptor as loaded.
    pub descriptor: Descriptor,
    /// One row per point of the profile, in profile order.
    pub reports: Vec<PointReport>,
}

impl Provider {
    /// Counts the points that apply to this provider and are checked (neither n/a nor unchecked).
    pub fn applicable(&self) -> usize {
        self.reports
            .iter()
            .filter(|r| {
                !matches!(
                    r.state,
                    PointState::NotApplicable | PointState::NotChecked { .. }
                )
            })
            .count()
    }

    /// Counts the points whose registration is present.
    pub fn present(&self) -> usize {
        self.reports
            .iter()
            .filter(|r| r.state == PointState::Present)
            .count()
    }

    /// Counts the points whose registration is missing.
    pub fn missing(&self) -> usize {
        self.reports
            .iter()
            .filter(|r| r.state == PointState::Missing)
            .count()
    }

    /// Counts the points whose registration differs from what the profile expects.
    pub fn drift(&self) -> usize {
        self.reports
            .iter()
            .filter(|r| matches!(r.state, PointState::Drift { .. }))
            .count()
    }
}

/// The screen in the main area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Every provider with its completeness.
    Providers,
    /// One provider's registration points.
    Checklist,
    /// The diff an apply would write.
    Diff,
    /// The credential form and the validation outcome.
    Account,
}

/// A popup drawn over the screen; while one is open, only its keymap applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    /// Asks before the plan is written.
    Confirm,
    /// Shows an error until it is dismissed.
    Error(String),
}

/// The planned apply of one provider.
#[derive(Debug)]
pub struct DiffView {
    /// The index of the provider in [`App::providers`].
    pub provider: usize,
    /// The plan to commit once confirmed.
    pub plan: Plan,
    /// The unified diff, one entry per line.
    pub lines: Vec<String>,
    /// The first line shown.
    pub scroll: usize,
}

/// The checklist's cursor and filter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChecklistView {
    /// The selected row among the rows shown.
    pub cursor: usize,
    /// Shows only missing and drifted points.
    pub missing_only: bool,
}

/// A validation or probe in progress.
#[derive(Debug)]
pub struct Running {
    /// What the worker runs.
    pub job: Job,
    /// When it started.
    pub started: Instant,
    /// How long it has run, as of the last tick.
    pub elapsed: Duration,
    /// The last step the worker reported.
    pub step: Option<Step>,
    /// The number of ticks so far, which picks the spinner frame.
    pub ticks: usize,
    /// Set to make the worker stop.
    pub cancel: Arc<AtomicBool>,
}

/// Where the account screen's validation stands.
#[derive(Debug)]
pub enum RunState {
    /// Nothing was run yet.
    Idle,
    /// A job is running.
    Running(Running),
    /// A validation reached a verdict.
    Done(Report),
    /// A wrong-key probe finished.
    Probed(ProbeReport),
    /// A job could not reach a verdict.
    Failed {
        /// The job that failed.
        job: Job,
        /// Why, with no secret in it.
        message: String,
    },
    /// The user cancelled the job.
    Cancelled(Job),
}

/// The account screen of one provider.
#[derive(Debug)]
pub struct AccountView {
    /// The index of the provider in [`App::providers`].
    pub provider: usize,
    /// The fields and their values.
    pub form: AccountForm,
    /// Keys go to the form (true) or to the outcome panel (false).
    pub editing: bool,
    /// The last or current validation.
    pub run: RunState,
    /// The screen Esc goes back to.
    pub back_to: Screen,
}

impl AccountView {
    /// Raises the cancel flag of a running job and returns to editing.
    fn cancel(&mut self) {
        if let RunState::Running(r) = &self.run {
            r.cancel.store(true, Ordering::SeqCst);
            let job = r.job;
            self.run = RunState::Cancelled(job);
            self.editing = true;
        }
    }
}

/// Everything the UI knows.
pub struct App {
    /// The workspace the providers live in.
    pub ws: Workspace,
    /// TLS verification is off for validation; shown on every screen.
    pub insecure: bool,
    /// The providers, sorted by id.
    pub providers: Vec<Provider>,
    /// Why the descriptors or the checklist could not be loaded.
    pub load_error: Option<String>,
    /// The screen shown.
    pub screen: Screen,
    /// The index of the selected provider.
    pub selected: usize,
    /// The checklist's cursor and filter.
    pub checklist: ChecklistView,
    /// The planned apply, while the diff screen is open.
    pub diff: Option<DiffView>,
    /// The popup shown over the screen.
    pub popup: Option<Popup>,
    /// A one-line message about the last thing done.
    pub message: Option<String>,
    /// The account screen, while it is open.
    pub account: Option<AccountView>,
    /// The terminal size, as of the last resize.
    pub size: (u16, u16),
    /// Set when the app should exit.
    pub should_quit: bool,
    validator: Arc<dyn Validator>,
    worker: Option<Receiver<Action>>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("screen", &self.screen)
            .field("selected", &self.selected)
            .field("popup", &self.popup)
            .finish_non_exhaustive()
    }
}

impl App {
    /// Builds the app over a workspace and loads its providers; a load failure is kept in
    /// [`App::load_error`] and shown, not returned. Validation goes to the live endpoint.
    pub fn new(ws: Workspace, insecure: bool) -> Self {
        Self::with_validator(ws, insecure, Arc::new(EngineValidator))
    }

    /// Builds the app with another validator, such as a fake in tests.
    pub fn with_validator(ws: Workspace, insecure: bool, validator: Arc<dyn Validator>) -> Self {
        let mut app = App {
            ws,
            insecure,
            providers: Vec::new(),
            load_error: None,
            screen: Screen::Providers,
            selected: 0,
            checklist: ChecklistView::default(),
            diff: None,
            popup: None,
            message: None,
            account: None,
            size: (80, 24),
            should_quit: false,
            validator,
            worker: None,
        };
        app.reload();
        app
    }

    /// Returns the keymap in force: the popup's, or the screen's (the account screen has one
    /// per mode).
    pub fn keymap(&self) -> Keymap {
        match &self.popup {
            Some(Popup::Confirm) => return keymap::CONFIRM,
            Some(Popup::Error(_)) => return keymap::ERROR,
            None => {}
        }
        match self.screen {
            Screen::Providers => keymap::PROVIDERS,
            Screen::Checklist => keymap::CHECKLIST,
            Screen::Diff => keymap::DIFF,
            Screen::Account => match &self.account {
                Some(a) if matches!(a.run, RunState::Running(_)) => keymap::ACCOUNT_RUNNING,
                Some(a) if a.editing => keymap::ACCOUNT_EDIT,
                _ => keymap::ACCOUNT_RESULT,
            },
        }
    }

    /// Tells whether keys are typed into a form field.
    pub fn is_typing(&self) -> bool {
        self.popup.is_none()
            && self.screen == Screen::Account
            && self
                .account
                .as_ref()
                .is_some_and(|a| a.editing && !matches!(a.run, RunState::Running(_)))
    }

    /// Turns a key into an action through the keymap in force; while a field is edited, a
    /// printable character no row binds is typed into it.
    pub fn key_action(&self, key: &KeyEvent) -> Option<Action> {
        if let Some(action) = keymap::lookup(self.keymap(), key) {
            return Some(action);
        }
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match key.code {
            KeyCode::Char(c) if self.is_typing() && plain && key.kind == KeyEventKind::Press => {
                Some(Action::Input(c))
            }
            _ => None,
        }
    }

    /// Turns a bracketed paste into an action, when a field is being edited.
    pub fn paste_action(&self, text: String) -> Option<Action> {
        self.is_typing().then(|| Action::Paste(Secret::new(text)))
    }

    /// Returns the next message of the validation worker, if one is waiting. A worker that
    /// went away without a verdict is reported as a failure.
    pub fn background_action(&self) -> Option<Action> {
        let rx = self.worker.as_ref()?;
        match rx.try_recv() {
            Ok(action) => Some(action),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Action::ValidationFailed(
                "the validation worker stopped without an answer".into(),
            )),
        }
    }

    /// Tells whether a worker is running, so the event loop keeps ticking.
    pub fn is_busy(&self) -> bool {
        self.worker.is_some()
    }

    /// Returns the selected provider, if any.
    pub fn provider(&self) -> Option<&Provider> {
        self.providers.get(self.selected)
    }

    /// Returns the indices (into the selected provider's reports) of the checklist rows shown.
    pub fn checklist_rows(&self) -> Vec<usize> {
        let Some(p) = self.provider() else {
            return Vec::new();
        };
        p.reports
            .iter()
            .enumerate()
            .filter(|(_, r)| !self.checklist.missing_only || r.is_finding())
            .map(|(i, _)| i)
            .collect()
    }

    /// Rewrites a message so paths inside the workspace are relative to it, as everywhere else
    /// in the UI.
    pub fn relative(&self, message: &str) -> String {
        relative_to(&self.ws.base, message)
    }

    /// Loads the descriptors and inspects the tree, keeping the selected provider when it still
    /// exists.
    fn reload(&mut self) {
        let keep = self.provider().map(|p| p.descriptor.id.clone());
        let loaded = self.ws.load_descriptors(&[]).and_then(|descriptors| {
            let reports = Run::new(&self.ws).inspect(&descriptors)?;
            Ok(descriptors
                .into_iter()
                .map(|d| {
                    let reports = reports
                        .iter()
                        .filter(|r| r.provider == d.id)
                        .cloned()
                        .collect();
                    Provider {
                        descriptor: d,
                        reports,
                    }
                })
                .collect::<Vec<_>>())
        });
        match loaded {
            Ok(providers) => {
                self.providers = providers;
                self.load_error = None;
            }
            Err(e) => {
                self.providers.clear();
                self.load_error = Some(self.relative(&e.to_string()));
            }
        }
        self.selected = keep
            .and_then(|id| self.providers.iter().position(|p| p.descriptor.id == id))
            .unwrap_or(0);
        let rows = self.checklist_rows().len();
        self.checklist.cursor = self.checklist.cursor.min(rows.saturating_sub(1));
    }

    /// The number of diff lines that fit on the screen.
    fn diff_page(&self) -> usize {
        usize::from(self.size.1)
            .saturating_sub(crate::ui::CHROME_ROWS + u16::from(self.insecure) as usize)
            .max(1)
    }

    fn stop_worker(&mut self) {
        if let Some(view) = &mut self.account {
            view.cancel();
        }
        // Dropping the receiver makes any late message of the worker go nowhere.
        self.worker = None;
    }

    fn start(&mut self, job: Job) {
        let Some(view) = &mut self.account else {
            return;
        };
        if matches!(view.run, RunState::Running(_)) {
            return;
        }
        let provider = &self.providers[view.provider];
        let spec = match validation_spec(&provider.descriptor) {
            Ok(spec) => spec,
            Err(message) => {
                view.run = RunState::Failed {
                    job,
                    message: relative_to(&self.ws.base, &message),
                };
                view.editing = true;
                return;
            }
        };
        let cancel = Arc::new(AtomicBool::new(false));
        let rx = worker::spawn(
            self.validator.clone(),
            job,
            spec,
            view.form.credential(),
            self.insecure,
            cancel.clone(),
        );
        view.run = RunState::Running(Running {
            job,
            started: Instant::now(),
            elapsed: Duration::ZERO,
            step: None,
            ticks: 0,
            cancel,
        });
        self.worker = Some(rx);
    }

    fn finish(&mut self, run: RunState) {
        self.worker = None;
        if let Some(view) = self
            .account
            .as_mut()
            .filter(|v| matches!(v.run, RunState::Running(_)))
        {
            view.editing = matches!(run, RunState::Failed { .. });
            view.run = run;
        }
    }
}

/// Reads the `[validation]` section of a descriptor.
pub fn validation_spec(d: &Descriptor) -> Result<ValidationSpec, String> {
    if d.validation.is_none() {
        return Err(format!(
            "{} has no [validation] section, so there is no endpoint to prove a key against; add one to the descriptor (see docs/descriptor.md)",
            d.brand
        ));
    }
    let text = d
        .source
        .as_ref()
        .map_or_else(|| d.to_toml(), |s| s.text.clone());
    match ValidationSpec::from_descriptor_toml(&text) {
        Ok(Some(spec)) => Ok(spec),
        Ok(None) => Err(format!("{} has no [validation] section", d.brand)),
        Err(e) => Err(match &d.source {
            Some(s) => format!("{}: {e}", s.path.display()),
            None => e.to_string(),
        }),
    }
}

fn relative_to(base: &Path, message: &str) -> String {
    let base = base.display().to_string();
    if base.is_empty() {
        return message.to_owned();
    }
    message.replace(&format!("{base}/"), "").replace(&base, ".")
}

/// Applies one action to the state. This is the only function that changes the app.
pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Quit => {
            app.stop_worker();
            app.should_quit = true;
        }
        Action::Resize(w, h) => {
            app.size = (w, h);
            if let Some(d) = &mut app.diff {
                d.scroll = d.scroll.min(d.lines.len().saturating_sub(1));
            }
        }
        Action::Tick => {
            if let Some(AccountView {
                run: RunState::Running(r),
                ..
            }) = &mut app.account
            {
                r.elapsed = r.started.elapsed();
                r.ticks = r.ticks.wrapping_add(1);
            }
        }
        Action::DismissError => {
            if matches!(app.popup, Some(Popup::Error(_))) {
                app.popup = None;
            }
        }
        Action::Back => match app.screen {
            Screen::Providers => {}
            Screen::Checklist => app.screen = Screen::Providers,
            Screen::Diff => {
                app.diff = None;
                app.screen = Screen::Checklist;
            }
            Screen::Account => {
                app.stop_worker();
                let back = app.account.take().map_or(Screen::Providers, |a| a.back_to);
                app.screen = back;
            }
        },
        Action::Up | Action::Down | Action::PageUp | Action::PageDown => move_cursor(app, &action),
        Action::OpenChecklist => {
            if app.provider().is_some() {
                app.screen = Screen::Checklist;
                app.checklist.cursor = 0;
                app.message = None;
            }
        }
        Action::ToggleMissing => {
            let current = app.checklist_rows().get(app.checklist.cursor).copied();
            app.checklist.missing_only = !app.checklist.missing_only;
            let rows = app.checklist_rows();
            app.checklist.cursor = current
                .and_then(|c| rows.iter().position(|&r| r == c))
                .unwrap_or(0);
        }
        Action::Refresh => {
            app.reload();
            app.message = Some(match &app.load_error {
                Some(_) => "reload failed".into(),
                None => "reloaded the descriptors and inspected the tree again".into(),
            });
        }
        Action::PlanApply => {
            let Some(p) = app.provider() else {
                app.message = Some("no provider to apply".into());
                return;
            };
            match Run::new(&app.ws).plan_apply(std::slice::from_ref(&p.descriptor)) {
                Ok(plan) => {
                    let lines = plan.unified_diff().lines().map(str::to_owned).collect();
                    app.diff = Some(DiffView {
                        provider: app.selected,
                        plan,
                        lines,
                        scroll: 0,
                    });
                    app.screen = Screen::Diff;
                    app.message = None;
                }
                Err(e) => {
                    app.popup = Some(Popup::Error(
                        app.relative(&format!("apply could not be planned:\n{e}")),
                    ))
                }
            }
        }
        Action::AskConfirm => match &app.diff {
            Some(d) if d.plan.is_empty() => {
                app.message = Some("nothing to write: every registration is already present".into())
            }
            Some(_) => app.popup = Some(Popup::Confirm),
            None => {}
        },
        Action::ConfirmNo => {
            if app.popup == Some(Popup::Confirm) {
                app.popup = None;
            }
        }
        Action::ConfirmYes => {
            if app.popup != Some(Popup::Confirm) {
                return;
            }
            app.popup = None;
            let Some(diff) = &app.diff else { return };
            let result = diff.plan.commit(&app.ws);
            match result {
                Ok(()) => {
                    let files = diff.plan.changes.len();
                    let brand = app
                        .providers
                        .get(diff.provider)
                        .map(|p| p.descriptor.brand.clone())
                        .unwrap_or_default();
                    app.diff = None;
                    app.reload();
                    app.screen = Screen::Checklist;
                    app.message = Some(format!(
                        "applied {brand}: wrote {files} file{}; checklist refreshed",
                        if files == 1 { "" } else { "s" }
                    ));
                }
                Err(e) => {
                    app.popup = Some(Popup::Error(
                        app.relative(&format!("nothing was written:\n{e}")),
                    ))
                }
            }
        }
        Action::OpenAccount => {
            let Some(p) = app.provider() else { return };
            let form = AccountForm::for_descriptor(&p.descriptor);
            app.account = Some(AccountView {
                provider: app.selected,
                form,
                editing: true,
                run: RunState::Idle,
                back_to: app.screen,
            });
            app.screen = Screen::Account;
            app.message = None;
        }
        Action::NextField
        | Action::PrevField
        | Action::Input(_)
        | Action::Paste(_)
        | Action::Backspace
        | Action::ClearField => {
            let Some(view) = &mut app.account else { return };
            if !view.editing || matches!(view.run, RunState::Running(_)) {
                return;
            }
            match action {
                Action::NextField => view.form.next(),
                Action::PrevField => view.form.prev(),
                Action::Input(c) => view.form.insert(c.encode_utf8(&mut [0; 4])),
                Action::Paste(text) => view.form.insert(text.expose()),
                Action::Backspace => view.form.backspace(),
                _ => view.form.clear_focused(),
            }
        }
        Action::EditForm => {
            if let Some(view) = app
                .account
                .as_mut()
                .filter(|v| !matches!(v.run, RunState::Running(_)))
            {
                view.editing = true;
            }
        }
        Action::Validate => app.start(Job::Validate),
        Action::Probe => app.start(Job::Probe),
        Action::Cancel => app.stop_worker(),
        Action::ValidationProgress(step) => {
            if let Some(AccountView {
                run: RunState::Running(r),
                ..
            }) = &mut app.account
            {
                r.step = Some(step);
            }
        }
        Action::ValidationDone(report) => app.finish(RunState::Done(report)),
        Action::ProbeDone(report) => app.finish(RunState::Probed(report)),
        Action::ValidationFailed(message) => {
            let job = match &app.account {
                Some(AccountView {
                    run: RunState::Running(r),
                    ..
                }) => r.job,
                _ => Job::Validate,
            };
            let message = app.relative(&message);
            app.finish(RunState::Failed { job, message });
        }
    }
}

fn move_cursor(app: &mut App, action: &Action) {
    let page = app.diff_page();
    let step = |pos: usize, len: usize| -> usize {
        let last = len.saturating_sub(1);
        match action {
            Action::Up => pos.saturating_sub(1),
            Action::Down => (pos + 1).min(last),
            Action::PageUp => pos.saturating_sub(page),
            _ => (pos + page).min(last),
        }
    };
    match app.screen {
        Screen::Providers => app.selected = step(app.selected, app.providers.len()),
        Screen::Checklist => {
            app.checklist.cursor = step(app.checklist.cursor, app.checklist_rows().len())
        }
        Screen::Diff => {
            if let Some(d) = &mut app.diff {
                // The last page stays full: scrolling stops when the last line is at the bottom.
                let max = d.lines.len().saturating_sub(page);
                d.scroll = step(d.scroll, max + 1);
            }
        }
        Screen::Account => {}
    }
}
