//! The app state and [`update`], the only function that changes it. State is plain data the
//! renderer reads: the providers with their checklists, the screen and popup shown, the
//! planned apply, the account form with its validation run, and the progress of every job.
//! Everything that happens, a key or a worker's message, arrives as an [`Action`];
//! [`App::accepts`] says which actions do something in the current state, [`update`] ignores
//! the others, and the keys and help bar come from the accepted rows of the keymap in force
//! ([`App::bindings`]). The slow reads (loading, inspecting, planning) go to the loader's
//! thread and validation to the validation worker's; only the commit of a confirmed plan runs
//! here. Keys that quit or leave the account form ask first when something was typed.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use integrate_codegen::validation::{ProbeReport, Report, Secret, Step, ValidationSpec};
use integrate_codegen::{Descriptor, Workspace};

use crate::action::{Action, Delivery};
use crate::form::{AccountForm, FieldKind};
use crate::job::{self, LoadStep, PlanStep, PlannedApply};
use crate::keymap::{self, Binding, Keymap};
use crate::layout;
use crate::loader::{self, EngineLoader, Loader};
use crate::provider::Provider;
use crate::worker::{self, EngineValidator, Job, Validator};

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
    ConfirmApply,
    /// Asks before the account form, with something typed in it, is thrown away.
    Discard(Leave),
    /// Shows an error until it is dismissed.
    Error(String),
}

/// What throws the account form away, once the user agrees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// Going back to the screen the form was opened from.
    Back,
    /// Quitting the app.
    Quit,
}

/// How long a job has run, for its spinner and its elapsed time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// When the job started.
    pub started: Instant,
    /// How long it has run, as of the last tick.
    pub elapsed: Duration,
    /// The number of ticks so far, which picks the spinner frame.
    pub ticks: usize,
}

impl Progress {
    fn start() -> Self {
        Progress {
            started: Instant::now(),
            elapsed: Duration::ZERO,
            ticks: 0,
        }
    }

    fn tick(&mut self) {
        self.elapsed = self.started.elapsed();
        self.ticks = self.ticks.wrapping_add(1);
    }
}

/// A load of the descriptors and the tree in progress.
#[derive(Debug)]
pub struct Loading {
    /// How long it has run.
    pub progress: Progress,
    /// The last step the loader reported.
    pub step: Option<LoadStep>,
    /// The message shown once the load succeeds.
    pub done_message: Option<String>,
}

/// Where the planned apply stands.
#[derive(Debug)]
pub enum DiffState {
    /// The loader is planning it.
    Planning {
        /// How long it has run.
        progress: Progress,
        /// The last step the loader reported.
        step: Option<PlanStep>,
    },
    /// The plan and its diff.
    Ready(PlannedApply),
}

/// The planned apply of one provider.
#[derive(Debug)]
pub struct DiffView {
    /// The index of the provider in [`App::providers`].
    pub provider: usize,
    /// The screen Esc goes back to.
    pub back_to: Screen,
    /// The plan, or how far its planning has come.
    pub state: DiffState,
    /// The first diff line shown.
    pub scroll: usize,
}

impl DiffView {
    /// Returns the plan and its diff, once planned.
    pub fn planned(&self) -> Option<&PlannedApply> {
        match &self.state {
            DiffState::Ready(p) => Some(p),
            DiffState::Planning { .. } => None,
        }
    }
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
    /// How long it has run.
    pub progress: Progress,
    /// The last step the worker reported.
    pub step: Option<Step>,
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
    /// The form's values were refused before anything was sent: a required field empty, a
    /// file that cannot be read, a value its kind does not take.
    Refused {
        /// The job that was asked for.
        job: Job,
        /// One line per field at fault, naming it, with no secret in it.
        reasons: Vec<String>,
        /// The form's revision the reasons hold for; the same job is not offered again until
        /// a value or a file check changes.
        revision: u64,
    },
}

/// The account screen of one provider. The form always takes the keys, whatever the run
/// shows below it, so what is typed after a verdict goes into the form.
#[derive(Debug)]
pub struct AccountView {
    /// The index of the provider in [`App::providers`].
    pub provider: usize,
    /// The fields and their values.
    pub form: AccountForm,
    /// The descriptor's `[validation]` section, or why there is none usable; without one,
    /// there is nothing to validate against.
    pub spec: Result<ValidationSpec, String>,
    /// The last or current validation.
    pub run: RunState,
    /// The screen Esc goes back to.
    pub back_to: Screen,
}

impl AccountView {
    /// Tells whether a validation or probe is running.
    pub fn is_running(&self) -> bool {
        matches!(self.run, RunState::Running(_))
    }

    /// Raises the cancel flag of a running job.
    fn cancel(&mut self) {
        if let RunState::Running(r) = &self.run {
            r.cancel.store(true, Ordering::SeqCst);
            let job = r.job;
            self.run = RunState::Cancelled(job);
        }
    }
}

/// The channels of the jobs running off the UI thread; dropping one makes the job's late
/// messages go nowhere.
#[derive(Debug, Default)]
struct Jobs {
    load: Option<Receiver<Action>>,
    plan: Option<Receiver<Action>>,
    validation: Option<Receiver<Action>>,
}

/// Everything the UI knows.
pub struct App {
    /// The workspace the providers live in, shared with the loader's thread.
    pub ws: Arc<Workspace>,
    /// TLS verification is off for validation; shown on every screen.
    pub insecure: bool,
    /// The providers, sorted by id.
    pub providers: Vec<Provider>,
    /// Why the descriptors or the checklist could not be loaded.
    pub load_error: Option<String>,
    /// The load in progress, if any; the app starts with one.
    pub loading: Option<Loading>,
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
    loader: Arc<dyn Loader>,
    jobs: Jobs,
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

impl Drop for App {
    /// Raises the cancel flag of a running validation, so its thread stops with the app.
    fn drop(&mut self) {
        self.stop_validation();
    }
}

impl App {
    /// Builds the app over a workspace and starts loading its providers on the loader's
    /// thread; it returns at once, so the first frame shows the load's progress. A load
    /// failure is kept in [`App::load_error`] and shown, not returned. Validation goes to the
    /// live endpoint.
    pub fn new(ws: Workspace, insecure: bool) -> Self {
        Self::with_validator(ws, insecure, Arc::new(EngineValidator))
    }

    /// Builds the app with another validator, such as a fake in tests.
    pub fn with_validator(ws: Workspace, insecure: bool, validator: Arc<dyn Validator>) -> Self {
        Self::with_workers(ws, insecure, validator, Arc::new(EngineLoader))
    }

    /// Builds the app with another validator and another loader, such as fakes in tests.
    pub fn with_workers(
        ws: impl Into<Arc<Workspace>>,
        insecure: bool,
        validator: Arc<dyn Validator>,
        loader: Arc<dyn Loader>,
    ) -> Self {
        let mut app = App {
            ws: ws.into(),
            insecure,
            providers: Vec::new(),
            load_error: None,
            loading: None,
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
            loader,
            jobs: Jobs::default(),
        };
        app.start_load(None);
        app
    }

    /// Returns the keymap of the popup or screen in force (the account screen has one while a
    /// job runs), before it is narrowed to the accepted rows.
    pub fn keymap(&self) -> Keymap {
        match &self.popup {
            Some(Popup::ConfirmApply) => return keymap::CONFIRM,
            Some(Popup::Discard(_)) => return keymap::DISCARD,
            Some(Popup::Error(_)) => return keymap::ERROR,
            None => {}
        }
        match self.screen {
            Screen::Providers => keymap::PROVIDERS,
            Screen::Checklist => keymap::CHECKLIST,
            Screen::Diff => keymap::DIFF,
            Screen::Account => match &self.account {
                Some(a) if a.is_running() => keymap::ACCOUNT_RUNNING,
                _ => keymap::ACCOUNT,
            },
        }
    }

    /// Returns the rows of the keymap in force whose action does something now: keys are
    /// looked up here and the help bar is generated from it.
    pub fn bindings(&self) -> Vec<Binding> {
        self.keymap()
            .iter()
            .filter(|(_, action, _)| self.accepts(action))
            .cloned()
            .collect()
    }

    /// Tells whether keys are typed into a form field: on the account screen with no popup,
    /// also while a validation runs.
    pub fn is_typing(&self) -> bool {
        self.popup.is_none() && self.screen == Screen::Account && self.account.is_some()
    }

    /// Tells whether the account form holds anything typed or pasted.
    pub fn form_has_content(&self) -> bool {
        self.account.as_ref().is_some_and(|a| a.form.has_content())
    }

    /// Turns a key into an action through the bindings in force; while a text field is edited,
    /// a printable character no accepted row binds is typed into it.
    pub fn key_action(&self, key: &KeyEvent) -> Option<Action> {
        if let Some(action) = keymap::lookup(&self.bindings(), key) {
            return Some(action);
        }
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match key.code {
            KeyCode::Char(c) if self.is_typing() && plain && key.kind == KeyEventKind::Press => {
                Some(Action::Input(c)).filter(|a| self.accepts(a))
            }
            _ => None,
        }
    }

    /// Turns a bracketed paste into an action, when a text field is being edited.
    pub fn paste_action(&self, text: String) -> Option<Action> {
        Some(Action::Paste(Secret::new(text))).filter(|a| self.is_typing() && self.accepts(a))
    }

    /// Returns the next message of a worker, if one is waiting. A worker that went away
    /// without a result is reported as a failure of its job.
    pub fn background_action(&self) -> Option<Action> {
        poll(&self.jobs.validation, || {
            Action::ValidationFailed("the validation worker stopped without an answer".into())
        })
        .or_else(|| {
            poll(&self.jobs.load, || {
                Action::Loaded(Delivery::new(Err(
                    "the loader stopped without an answer".into()
                )))
            })
        })
        .or_else(|| {
            poll(&self.jobs.plan, || {
                Action::Planned(Delivery::new(Err(
                    "the planner stopped without an answer".into()
                )))
            })
        })
    }

    /// Tells whether a job is running, so the event loop keeps ticking.
    pub fn is_busy(&self) -> bool {
        self.jobs.load.is_some() || self.jobs.plan.is_some() || self.jobs.validation.is_some()
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

    /// Tells whether [`update`] would do something with `action` in the current state. The
    /// workers' messages, resizes and ticks are always applied; a key's action only when it
    /// changes something, so the help bar, built from the accepted rows, never offers a key
    /// that does nothing.
    pub fn accepts(&self, action: &Action) -> bool {
        let idle = self.loading.is_none();
        let account = self
            .account
            .as_ref()
            .filter(|_| self.screen == Screen::Account);
        let running = account.is_some_and(AccountView::is_running);
        let focused = account.and_then(|a| a.form.focused());
        let focused_kind = |pred: fn(&FieldKind) -> bool| focused.is_some_and(|f| pred(&f.kind));
        let scroll = self.diff.as_ref().map_or(0, |d| d.scroll);
        let can_scroll_down = || {
            self.diff
                .as_ref()
                .and_then(DiffView::planned)
                .is_some_and(|p| scroll < p.lines.len().saturating_sub(self.diff_page()))
        };
        let list = matches!(self.screen, Screen::Providers | Screen::Checklist);
        match action {
            Action::Resize(..)
            | Action::Tick
            | Action::LoadProgress(_)
            | Action::Loaded(_)
            | Action::PlanProgress(_)
            | Action::Planned(_)
            | Action::ValidationProgress(_)
            | Action::ValidationDone(_)
            | Action::ProbeDone(_)
            | Action::ValidationFailed(_)
            | Action::Quit => true,
            Action::ConfirmYes | Action::ConfirmNo => {
                matches!(self.popup, Some(Popup::ConfirmApply | Popup::Discard(_)))
            }
            Action::DismissError => matches!(self.popup, Some(Popup::Error(_))),
            _ if self.popup.is_some() => false,
            Action::Back => self.screen != Screen::Providers,
            Action::Up => match self.screen {
                Screen::Providers => self.selected > 0,
                Screen::Checklist => self.checklist.cursor > 0,
                Screen::Diff => scroll > 0,
                Screen::Account => false,
            },
            Action::Down => match self.screen {
                Screen::Providers => self.selected + 1 < self.providers.len(),
                Screen::Checklist => self.checklist.cursor + 1 < self.checklist_rows().len(),
                Screen::Diff => can_scroll_down(),
                Screen::Account => false,
            },
            Action::PageUp => self.screen == Screen::Diff && scroll > 0,
            Action::PageDown => self.screen == Screen::Diff && can_scroll_down(),
            Action::OpenChecklist => self.screen == Screen::Providers && self.provider().is_some(),
            Action::ToggleMissing => self.screen == Screen::Checklist && self.provider().is_some(),
            Action::Refresh => list && idle,
            Action::PlanApply | Action::OpenAccount => list && idle && self.provider().is_some(),
            Action::AskConfirm => self
                .diff
                .as_ref()
                .and_then(DiffView::planned)
                .is_some_and(|p| !p.plan.is_empty()),
            Action::NextField | Action::PrevField => {
                account.is_some_and(|a| a.form.fields.len() > 1)
            }
            Action::Input(_) | Action::Paste(_) => focused_kind(FieldKind::is_text),
            Action::Backspace | Action::ClearField => focused.is_some_and(|f| f.can_erase()),
            Action::ToggleField => focused_kind(|k| *k == FieldKind::Bool),
            Action::NextChoice | Action::PrevChoice => {
                focused_kind(|k| matches!(k, FieldKind::Choice(o) if o.len() > 1))
            }
            Action::Validate | Action::Probe => {
                let job = if *action == Action::Probe { Job::Probe } else { Job::Validate };
                let refused = |a: &AccountView| matches!(&a.run, RunState::Refused { job: j, revision, .. } if *j == job && *revision == a.form.revision());
                account.is_some_and(|a| a.spec.is_ok() && !refused(a)) && !running
            }
            Action::Cancel => running,
        }
    }

    /// Starts loading the descriptors and inspecting the tree on the loader's thread; the
    /// providers shown stay until the result arrives. `done_message` is shown on success.
    fn start_load(&mut self, done_message: Option<String>) {
        self.jobs.load = Some(loader::spawn_load(self.loader.clone(), self.ws.clone()));
        self.loading = Some(Loading {
            progress: Progress::start(),
            step: None,
            done_message,
        });
    }

    /// Takes a load's result: the providers, keeping the selected one when it still exists,
    /// or the error, shown on the providers screen.
    fn finish_load(&mut self, loaded: job::Loaded) {
        self.jobs.load = None;
        let done_message = self.loading.take().and_then(|l| l.done_message);
        let keep = self.provider().map(|p| p.descriptor.id.clone());
        match loaded {
            Ok(providers) => {
                self.providers = providers;
                self.load_error = None;
                self.message = done_message;
            }
            Err(e) => {
                self.providers.clear();
                self.load_error = Some(self.relative(&e));
                // The first load's failure speaks for itself on the providers screen.
                self.message = done_message.map(|_| "reload failed".into());
                if matches!(self.screen, Screen::Checklist) {
                    self.screen = Screen::Providers;
                }
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
        layout::body_lines(self.size.1, self.insecure)
    }

    /// Cancels the validation job, if one runs, and stops listening to it.
    fn stop_validation(&mut self) {
        if let Some(view) = &mut self.account {
            view.cancel();
        }
        self.jobs.validation = None;
    }

    /// Closes the account screen, dropping (and wiping) what was typed.
    fn leave_account(&mut self) {
        self.stop_validation();
        let back = self.account.take().map_or(Screen::Providers, |a| a.back_to);
        self.screen = back;
    }

    fn quit(&mut self) {
        self.stop_validation();
        // Late messages of the loader and the planner go nowhere.
        self.jobs = Jobs::default();
        self.should_quit = true;
    }

    fn start_validation(&mut self, job: Job) {
        let Some(view) = &mut self.account else {
            return;
        };
        let Ok(spec) = view.spec.clone() else {
            return;
        };
        // As `account validate`: the endpoint field may stay empty when [validation] has one.
        let credential = match view.form.credential(!spec.endpoint.is_empty()) {
            Ok(credential) => credential,
            Err(refusal) => {
                view.run = RunState::Refused { job, reasons: refusal.0, revision: view.form.revision() };
                return;
            }
        };
        let cancel = Arc::new(AtomicBool::new(false));
        let rx = worker::spawn(self.validator.clone(), job, spec, credential, self.insecure, cancel.clone());
        view.run = RunState::Running(Running {
            job,
            progress: Progress::start(),
            step: None,
            cancel,
        });
        self.jobs.validation = Some(rx);
    }

    fn finish_validation(&mut self, run: RunState) {
        self.jobs.validation = None;
        if let Some(view) = self.account.as_mut().filter(|v| v.is_running()) {
            view.run = run;
        }
    }

    fn commit(&mut self) {
        let Some(diff) = &self.diff else { return };
        let Some(planned) = diff.planned() else {
            return;
        };
        match planned.plan.commit(&self.ws) {
            Ok(()) => {
                let files = planned.plan.changes.len();
                let brand = self
                    .providers
                    .get(diff.provider)
                    .map(|p| p.descriptor.brand.clone())
                    .unwrap_or_default();
                let wrote = format!(
                    "applied {brand}: wrote {files} file{}",
                    if files == 1 { "" } else { "s" }
                );
                self.diff = None;
                // The provider's checklist shows what the apply changed once reloaded.
                self.screen = Screen::Checklist;
                self.message = Some(format!("{wrote}; inspecting the tree again"));
                self.start_load(Some(format!("{wrote}; checklist refreshed")));
            }
            Err(e) => {
                self.popup = Some(Popup::Error(
                    self.relative(&format!("nothing was written:\n{e}")),
                ))
            }
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

/// The next message on a job's channel; `gone()` when the job ended without its result.
fn poll(rx: &Option<Receiver<Action>>, gone: impl FnOnce() -> Action) -> Option<Action> {
    match rx.as_ref()?.try_recv() {
        Ok(action) => Some(action),
        Err(TryRecvError::Empty) => None,
        Err(TryRecvError::Disconnected) => Some(gone()),
    }
}

fn relative_to(base: &Path, message: &str) -> String {
    let base = base.display().to_string();
    if base.is_empty() {
        return message.to_owned();
    }
    message.replace(&format!("{base}/"), "").replace(&base, ".")
}

/// Applies one action to the state. This is the only function that changes the app; an
/// action [`App::accepts`] refuses changes nothing.
pub fn update(app: &mut App, action: Action) {
    if !app.accepts(&action) {
        return;
    }
    match action {
        Action::Quit => {
            let asked = matches!(app.popup, Some(Popup::Discard(_)));
            if app.form_has_content() && !asked {
                app.popup = Some(Popup::Discard(Leave::Quit));
            } else {
                app.quit();
            }
        }
        Action::Resize(w, h) => {
            app.size = (w, h);
            let page = app.diff_page();
            if let Some(d) = &mut app.diff {
                let lines = d.planned().map_or(0, |p| p.lines.len());
                d.scroll = d.scroll.min(lines.saturating_sub(page));
            }
        }
        Action::Tick => {
            if let Some(l) = &mut app.loading {
                l.progress.tick();
            }
            if let Some(DiffView {
                state: DiffState::Planning { progress, .. },
                ..
            }) = &mut app.diff
            {
                progress.tick();
            }
            if let Some(AccountView {
                run: RunState::Running(r),
                ..
            }) = &mut app.account
            {
                r.progress.tick();
            }
        }
        Action::LoadProgress(step) => {
            if let Some(l) = &mut app.loading {
                l.step = Some(step);
            }
        }
        Action::Loaded(delivery) => {
            if app.loading.is_none() {
                return;
            }
            if let Some(loaded) = delivery.take() {
                app.finish_load(loaded);
            }
        }
        Action::PlanProgress(step) => {
            if let Some(DiffView {
                state: DiffState::Planning { step: s, .. },
                ..
            }) = &mut app.diff
            {
                *s = Some(step);
            }
        }
        Action::Planned(delivery) => {
            app.jobs.plan = None;
            let Some(diff) = app
                .diff
                .as_mut()
                .filter(|d| matches!(d.state, DiffState::Planning { .. }))
            else {
                return;
            };
            match delivery.take() {
                Some(Ok(planned)) => {
                    diff.state = DiffState::Ready(planned);
                    diff.scroll = 0;
                }
                Some(Err(e)) => {
                    app.screen = diff.back_to;
                    app.diff = None;
                    app.popup = Some(Popup::Error(
                        app.relative(&format!("apply could not be planned:\n{e}")),
                    ));
                }
                None => {}
            }
        }
        Action::DismissError => app.popup = None,
        Action::Back => match app.screen {
            Screen::Providers => {}
            Screen::Checklist => app.screen = Screen::Providers,
            Screen::Diff => {
                app.jobs.plan = None;
                app.screen = app.diff.take().map_or(Screen::Checklist, |d| d.back_to);
            }
            Screen::Account => {
                if app.form_has_content() {
                    app.popup = Some(Popup::Discard(Leave::Back));
                } else {
                    app.leave_account();
                }
            }
        },
        Action::Up | Action::Down | Action::PageUp | Action::PageDown => move_cursor(app, &action),
        Action::OpenChecklist => {
            app.screen = Screen::Checklist;
            app.checklist.cursor = 0;
            app.message = None;
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
            app.message = None;
            app.start_load(Some(
                "reloaded the descriptors and inspected the tree again".into(),
            ));
        }
        Action::PlanApply => {
            let Some(p) = app.provider() else { return };
            let descriptor = p.descriptor.clone();
            app.jobs.plan = Some(loader::spawn_plan(
                app.loader.clone(),
                app.ws.clone(),
                descriptor,
            ));
            app.diff = Some(DiffView {
                provider: app.selected,
                back_to: app.screen,
                state: DiffState::Planning {
                    progress: Progress::start(),
                    step: None,
                },
                scroll: 0,
            });
            app.screen = Screen::Diff;
            app.message = None;
        }
        Action::AskConfirm => app.popup = Some(Popup::ConfirmApply),
        Action::ConfirmNo => app.popup = None,
        Action::ConfirmYes => match app.popup.take() {
            Some(Popup::ConfirmApply) => app.commit(),
            Some(Popup::Discard(Leave::Back)) => app.leave_account(),
            Some(Popup::Discard(Leave::Quit)) => app.quit(),
            other => app.popup = other,
        },
        Action::OpenAccount => {
            let Some(p) = app.provider() else { return };
            let form = AccountForm::for_descriptor(&p.descriptor);
            let spec = validation_spec(&p.descriptor).map_err(|e| app.relative(&e));
            app.account = Some(AccountView {
                provider: app.selected,
                form,
                spec,
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
        | Action::ClearField
        | Action::ToggleField
        | Action::NextChoice
        | Action::PrevChoice => {
            let Some(view) = &mut app.account else { return };
            match action {
                Action::NextField => view.form.next(),
                Action::PrevField => view.form.prev(),
                Action::Input(c) => view.form.insert(c.encode_utf8(&mut [0; 4])),
                Action::Paste(text) => view.form.insert(text.expose()),
                Action::Backspace => view.form.backspace(),
                Action::ClearField => view.form.clear_focused(),
                Action::ToggleField => view.form.toggle_focused(),
                Action::NextChoice => view.form.cycle_focused(true),
                _ => view.form.cycle_focused(false),
            }
        }
        Action::Validate => app.start_validation(Job::Validate),
        Action::Probe => app.start_validation(Job::Probe),
        Action::Cancel => app.stop_validation(),
        Action::ValidationProgress(step) => {
            if let Some(AccountView {
                run: RunState::Running(r),
                ..
            }) = &mut app.account
            {
                r.step = Some(step);
            }
        }
        Action::ValidationDone(report) => app.finish_validation(RunState::Done(report)),
        Action::ProbeDone(report) => app.finish_validation(RunState::Probed(report)),
        Action::ValidationFailed(message) => {
            let job = match &app.account {
                Some(AccountView {
                    run: RunState::Running(r),
                    ..
                }) => r.job,
                _ => Job::Validate,
            };
            let message = app.relative(&message);
            app.finish_validation(RunState::Failed { job, message });
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
                let lines = d.planned().map_or(0, |p| p.lines.len());
                let max = lines.saturating_sub(page);
                d.scroll = step(d.scroll, max + 1);
            }
        }
        Screen::Account => {}
    }
}
