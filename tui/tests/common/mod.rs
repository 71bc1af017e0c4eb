//! Shared fixtures of the TUI tests: a copy of the bundled sample platform in a temporary
//! directory with two descriptors, a fake validator, a loader that blocks until released,
//! hand-made validation reports, and a renderer that draws the app on ratatui's `TestBackend`
//! at 80x24.

#![allow(
    dead_code,
    reason = "each test binary uses a different part of the fixtures"
)]

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use integrate_codegen::validation::{
    Alteration, Credential, KeyFault, Outcome, ProbeAttempt, ProbeReport, Report, Scheme, Step,
    ValidateOptions, ValidationError, ValidationSpec,
};
use integrate_codegen::{Descriptor, Plan, Workspace, WorkspaceOptions};
use integrate_tui::app::{App, DiffState, update};
use integrate_tui::job::{LoadStep, Loaded, PlanStep, Planned, PlannedApply};
use integrate_tui::loader::{EngineLoader, Loader};
use integrate_tui::provider::Provider;
use integrate_tui::worker::Validator;
use integrate_tui::{Action, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The descriptor the brief asks for, plus a credential with an endpoint field and a
/// `[validation]` section so the account screens have something to show.
pub const TESTCLOUD: &str = r#"schema = 1
id = "testcloud"
brand = "TestCloud"
env = "private"

[features]
vms = true
metrics = true

[credential]
kind = "access_key"
endpoint = "endpoint"

[validation]
endpoint = "https://api.testcloud.example/"
scheme = "aws-sigv4"
service = "ec2"
region = "test-1"
request = { method = "POST", path = "/", body = "Action=DescribeRegions&Version=2016-11-15" }
invalid_key_codes = ["AuthFailure"]
"#;

/// testcloud with a credential of declared fields, one of every kind (string, secret, file,
/// url, bool, choice), and the same `[validation]` section.
pub const TESTCLOUD_FIELDS: &str = r#"schema = 1
id = "testcloud"
brand = "TestCloud"
env = "private"

[features]
vms = true
metrics = true

[[credential.fields]]
name = "access_key_id"
role = "key_id"

[[credential.fields]]
name = "access_key_secret"
kind = "secret"
role = "secret"

[[credential.fields]]
name = "key_file"
kind = "file"
help = "the PEM private key the console gave you"

[[credential.fields]]
name = "endpoint"
kind = "url"
role = "endpoint"
required = false

[[credential.fields]]
name = "insecure"
kind = "bool"
required = false
help = "skip TLS verification of the endpoint"

[[credential.fields]]
name = "region"
kind = "choice"
values = ["us-1", "eu-1", "ap-1"]
default = "eu-1"
role = "region"

[validation]
endpoint = "https://api.testcloud.example/"
scheme = "aws-sigv4"
service = "ec2"
region = "test-1"
request = { method = "POST", path = "/", body = "Action=DescribeRegions&Version=2016-11-15" }
invalid_key_codes = ["AuthFailure"]
"#;

/// A provider the sample tree already has most registrations of.
pub const QINGCLOUD: &str = r#"schema = 1
id = "qingcloud"
brand = "QingCloud"
env = "public"

[features]
vms = true
"#;

/// A copy of the sample platform that lives as long as the value.
pub struct Sample {
    pub dir: tempfile::TempDir,
}

impl Sample {
    /// Copies `examples/sample-platform` and writes the two descriptors.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/sample-platform");
        copy_dir(&src, dir.path());
        let descriptors = dir.path().join("descriptors");
        std::fs::create_dir_all(&descriptors).unwrap();
        std::fs::write(descriptors.join("testcloud.toml"), TESTCLOUD).unwrap();
        std::fs::write(descriptors.join("qingcloud.toml"), QINGCLOUD).unwrap();
        Sample { dir }
    }

    /// The sample with testcloud's descriptor replaced by `testcloud`.
    pub fn with_testcloud(testcloud: &str) -> Self {
        let sample = Sample::new();
        std::fs::write(sample.path().join("descriptors/testcloud.toml"), testcloud).unwrap();
        sample
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn workspace(&self) -> Workspace {
        Workspace::open(self.path(), &WorkspaceOptions::default())
            .expect("the sample workspace opens")
    }

    /// The app over this sample with a fake validator, once its providers are loaded.
    pub fn app(&self, insecure: bool, fake: Fake) -> App {
        let mut app = App::with_validator(self.workspace(), insecure, Arc::new(fake));
        settle(&mut app);
        app
    }

    /// The app over this sample with a fake validator and a loader, as it starts: loading.
    pub fn app_with_loader(&self, fake: Fake, loader: Arc<dyn Loader>) -> App {
        App::with_workers(self.workspace(), false, Arc::new(fake), loader)
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Draws the app at 80x24 with the plain theme and returns the screen as text.
pub fn render(app: &App) -> String {
    render_at(app, 80, 24)
}

/// Draws the app at the given size with the plain theme and returns the screen as text.
pub fn render_at(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| integrate_tui::draw(app, &Theme::plain(), f))
        .unwrap();
    terminal.backend().to_string()
}

/// Sends actions in order; after each, waits for a load or a plan it started to finish, so
/// the next action finds the providers or the diff in place. Validation is left running.
pub fn send(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        update(app, a);
        settle(app);
    }
}

/// Tells whether a load or the planning of an apply is under way.
pub fn loading_or_planning(app: &App) -> bool {
    app.loading.is_some()
        || app
            .diff
            .as_ref()
            .is_some_and(|d| matches!(d.state, DiffState::Planning { .. }))
}

/// Feeds the workers' actions to `update` until no load or plan is under way.
pub fn settle(app: &mut App) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while loading_or_planning(app) {
        match app.background_action() {
            Some(a) => update(app, a),
            None => std::thread::sleep(Duration::from_millis(2)),
        }
        assert!(Instant::now() < deadline, "the loader did not finish");
    }
}

/// Types text into the focused field, one key at a time.
pub fn type_text(app: &mut App, text: &str) {
    send(app, text.chars().map(Action::Input));
}

/// Feeds the worker's actions to `update` until the worker is done.
pub fn drain(app: &mut App) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while app.is_busy() {
        match app.background_action() {
            Some(a) => update(app, a),
            None => std::thread::sleep(Duration::from_millis(2)),
        }
        assert!(Instant::now() < deadline, "the worker did not finish");
    }
}

/// A loader that waits until [`Gate::release`] before it loads or plans through another
/// loader (the engine's by default), and records when a load has finished.
pub struct Gate {
    open: Mutex<bool>,
    opened: Condvar,
    inner: Arc<dyn Loader>,
    /// Lets loads through and holds only the planning of applies.
    plans_only: bool,
    /// Set once a load has returned its result.
    pub loaded: AtomicBool,
}

impl Default for Gate {
    fn default() -> Self {
        Gate::over(Arc::new(EngineLoader))
    }
}

impl Gate {
    /// A closed gate in front of `inner`.
    pub fn over(inner: Arc<dyn Loader>) -> Self {
        Gate {
            open: Mutex::new(false),
            opened: Condvar::new(),
            inner,
            plans_only: false,
            loaded: AtomicBool::new(false),
        }
    }

    /// A closed gate in front of `inner` that holds only the planning of applies.
    pub fn plans_only(inner: Arc<dyn Loader>) -> Self {
        Gate {
            plans_only: true,
            ..Gate::over(inner)
        }
    }

    /// Lets every waiting and later job through.
    pub fn release(&self) {
        *self.open.lock().unwrap() = true;
        self.opened.notify_all();
    }

    /// Makes later jobs wait again.
    pub fn close(&self) {
        *self.open.lock().unwrap() = false;
    }

    fn wait(&self) {
        let mut open = self.open.lock().unwrap();
        while !*open {
            open = self.opened.wait(open).unwrap();
        }
    }
}

impl Loader for Gate {
    fn load(&self, ws: &Workspace, progress: &mut dyn FnMut(LoadStep)) -> Loaded {
        if !self.plans_only {
            self.wait();
        }
        let loaded = self.inner.load(ws, progress);
        self.loaded.store(true, Ordering::SeqCst);
        loaded
    }

    fn plan_apply(
        &self,
        ws: &Workspace,
        descriptor: &Descriptor,
        progress: &mut dyn FnMut(PlanStep),
    ) -> Planned {
        self.wait();
        self.inner.plan_apply(ws, descriptor, progress)
    }
}

/// A loader that reads through the engine once and hands out copies after, so a test that
/// builds the same state many times stays fast. Every copy shows the tree as first read.
#[derive(Default)]
pub struct Cached {
    loaded: Mutex<Option<Vec<Provider>>>,
    planned: Mutex<std::collections::HashMap<String, PlannedApply>>,
}

fn copy_plan(p: &PlannedApply) -> PlannedApply {
    PlannedApply {
        plan: Plan {
            changes: p.plan.changes.clone(),
            reports: p.plan.reports.clone(),
            kept: p.plan.kept.clone(),
            read_only: p.plan.read_only.clone(),
        },
        lines: p.lines.clone(),
    }
}

impl Loader for Cached {
    fn load(&self, ws: &Workspace, progress: &mut dyn FnMut(LoadStep)) -> Loaded {
        let mut loaded = self.loaded.lock().unwrap();
        if loaded.is_none() {
            *loaded = Some(EngineLoader.load(ws, progress)?);
        }
        Ok(loaded.clone().unwrap_or_default())
    }

    fn plan_apply(
        &self,
        ws: &Workspace,
        descriptor: &Descriptor,
        progress: &mut dyn FnMut(PlanStep),
    ) -> Planned {
        let mut planned = self.planned.lock().unwrap();
        if !planned.contains_key(&descriptor.id) {
            let p = EngineLoader.plan_apply(ws, descriptor, progress)?;
            planned.insert(descriptor.id.clone(), p);
        }
        Ok(copy_plan(&planned[&descriptor.id]))
    }
}

/// One call the fake saw: key id, secret, endpoint, insecure.
pub type Call = (String, String, Option<String>, bool);

/// A validator that answers with canned reports, or blocks until cancelled.
#[derive(Default)]
pub struct Fake {
    pub report: Option<Report>,
    pub probe: Option<ProbeReport>,
    pub steps: Vec<Step>,
    pub block: bool,
    /// What the fake was called with: key id, secret, endpoint and whether TLS checks were off.
    pub seen: Mutex<Vec<Call>>,
}

impl Fake {
    pub fn answering(report: Report) -> Self {
        Fake {
            report: Some(report),
            ..Fake::default()
        }
    }

    fn run(
        &self,
        cred: &Credential,
        opts: &ValidateOptions,
        progress: &mut dyn FnMut(Step),
    ) -> Result<(), ValidationError> {
        self.seen.lock().unwrap().push((
            cred.key_id_or_user.expose().to_owned(),
            cred.secret.expose().to_owned(),
            cred.endpoint.clone(),
            opts.insecure,
        ));
        for s in &self.steps {
            progress(s.clone());
        }
        if self.block {
            let cancel = opts
                .cancel
                .clone()
                .expect("the app always passes a cancel flag");
            while !cancel.load(std::sync::atomic::Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(2));
            }
            return Err(ValidationError::Cancelled);
        }
        Ok(())
    }
}

impl Validator for Fake {
    fn validate(
        &self,
        _spec: &ValidationSpec,
        cred: &Credential,
        opts: &ValidateOptions,
        progress: &mut dyn FnMut(Step),
    ) -> Result<Report, ValidationError> {
        self.run(cred, opts, progress)?;
        self.report
            .clone()
            .ok_or_else(|| ValidationError::Internal("the fake has no report".into()))
    }

    fn probe_wrong_key(
        &self,
        _spec: &ValidationSpec,
        cred: &Credential,
        opts: &ValidateOptions,
        progress: &mut dyn FnMut(Step),
    ) -> Result<ProbeReport, ValidationError> {
        self.run(cred, opts, progress)?;
        self.probe
            .clone()
            .ok_or_else(|| ValidationError::Internal("the fake has no probe report".into()))
    }
}

const ENDPOINT: &str = "https://10.0.0.5:8443/";

fn report(
    outcome: Outcome,
    status: Option<u16>,
    code: Option<&str>,
    message: Option<&str>,
    excerpt: Option<&str>,
) -> Report {
    Report {
        outcome,
        scheme: Scheme::AwsSigv4,
        endpoint: ENDPOINT.into(),
        status,
        code: code.map(Into::into),
        message: message.map(Into::into),
        excerpt: excerpt.map(Into::into),
        elapsed: Duration::from_millis(412),
        insecure: false,
    }
}

pub fn valid_report() -> Report {
    report(
        Outcome::Valid,
        Some(200),
        None,
        None,
        Some(
            "<DescribeRegionsResponse><regionInfo><item><regionName>test-1</regionName></item></regionInfo></DescribeRegionsResponse>",
        ),
    )
}

pub fn invalid_key_report() -> Report {
    let message = "The request signature we calculated does not match the signature you provided.";
    report(
        Outcome::InvalidAccessKey {
            which: KeyFault::WrongSecret,
            code: Some("SignatureDoesNotMatch".into()),
            message: Some(message.into()),
        },
        Some(403),
        Some("SignatureDoesNotMatch"),
        Some(message),
        Some(
            "<Response><Errors><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message></Error></Errors></Response>",
        ),
    )
}

pub fn unreachable_report() -> Report {
    report(
        Outcome::Unreachable {
            detail: "connection refused by 10.0.0.5:8443".into(),
        },
        None,
        None,
        None,
        None,
    )
}

pub fn probe_report() -> ProbeReport {
    ProbeReport {
        scheme: Scheme::AwsSigv4,
        endpoint: ENDPOINT.into(),
        insecure: false,
        invalid_key_codes: vec!["AuthFailure".into()],
        attempts: vec![ProbeAttempt {
            altered: Alteration::Secret,
            outcome: Outcome::Unexpected { status: Some(403), excerpt: "<Code>SignatureDoesNotMatch</Code>".into() },
            status: Some(403),
            code: Some("SignatureDoesNotMatch".into()),
            message: Some("The request signature we calculated does not match the signature you provided.".into()),
            excerpt: Some("<Response><Errors><Error><Code>SignatureDoesNotMatch</Code></Error></Errors></Response>".into()),
            elapsed: Duration::from_millis(388),
            mapped: false,
            note: None,
        }],
        suggestion: Some(r#"invalid_key_codes = ["AuthFailure", "SignatureDoesNotMatch"]"#.into()),
    }
}
