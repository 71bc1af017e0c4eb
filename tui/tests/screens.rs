//! Snapshots of every screen, drawn at 80x24 on ratatui's `TestBackend` with the plain theme,
//! from a copy of the bundled sample platform. Temporary paths are redacted as `[TMP]`. Screens
//! of jobs in progress use a loader that blocks until released, so the frame is drawn while
//! the job is still running.

mod common;

use std::sync::Arc;
use std::sync::atomic::Ordering;

use common::{Fake, Gate, Sample, drain, render, send, settle, type_text};
use integrate_codegen::validation::Step;
use integrate_tui::Action;
use integrate_tui::app::{App, DiffState, Popup, Screen, update};
use integrate_tui::job::LoadStep;

/// Renders the app and redacts the sample's temporary directory and the pid of a lock holder
/// (this test process), keeping the line's width.
fn screen(app: &App, sample: &Sample) -> String {
    let tmp = sample.path().display().to_string();
    let pid = format!("process {};", std::process::id());
    let placeholder = "process [PID];";
    let screen = render(app).replace(&tmp, "[TMP]");
    if !screen.contains(&pid) {
        return screen;
    }
    screen
        .lines()
        .map(|line| match line.find(&pid) {
            // The shorter or longer placeholder is evened out by the padding before the border.
            Some(at) => {
                let rest = &line[at + pid.len()..];
                let border = rest.find('│').unwrap_or(rest.len());
                let text = rest[..border].trim_end();
                let width = pid.len() + border;
                format!("{}{:<width$}{}", &line[..at], format!("{placeholder}{text}"), &rest[border..])
            }
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Opens testcloud's account form (the second provider) and fills it in.
fn filled_account(app: &mut App) {
    send(app, [Action::Down, Action::OpenAccount]);
    type_text(app, "AKIAEXAMPLE123");
    send(app, [Action::NextField]);
    type_text(app, "wJalrXUtnFEMI/K7MDENG");
    send(
        app,
        [
            Action::NextField,
            Action::Paste(integrate_codegen::validation::Secret::new(
                "https://10.0.0.5:8443/\n",
            )),
        ],
    );
}

#[test]
fn providers_list() {
    let sample = Sample::new();
    let app = sample.app(false, Fake::default());
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn insecure_banner() {
    let sample = Sample::new();
    let app = sample.app(true, Fake::default());
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn checklist() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    send(&mut app, [Action::OpenChecklist]);
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn checklist_missing_only() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    send(
        &mut app,
        [Action::OpenChecklist, Action::ToggleMissing, Action::Down],
    );
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn diff_preview() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    send(
        &mut app,
        [Action::Down, Action::OpenChecklist, Action::PlanApply],
    );
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn diff_preview_scrolled() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    send(
        &mut app,
        [
            Action::Down,
            Action::OpenChecklist,
            Action::PlanApply,
            Action::PageDown,
            Action::Down,
        ],
    );
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn confirm_popup() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    send(
        &mut app,
        [
            Action::Down,
            Action::OpenChecklist,
            Action::PlanApply,
            Action::AskConfirm,
        ],
    );
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn apply_done() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    send(
        &mut app,
        [
            Action::Down,
            Action::OpenChecklist,
            Action::PlanApply,
            Action::AskConfirm,
            Action::ConfirmYes,
        ],
    );
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn apply_error() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    // Another run holds the workspace lock, so the commit must refuse and write nothing.
    let _held = integrate_codegen::commit::WorkspaceLock::acquire(sample.path()).unwrap();
    send(
        &mut app,
        [
            Action::Down,
            Action::OpenChecklist,
            Action::PlanApply,
            Action::AskConfirm,
            Action::ConfirmYes,
        ],
    );
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn descriptor_load_error() {
    let sample = Sample::new();
    std::fs::write(
        sample.path().join("descriptors/broken.toml"),
        "schema = 1\nid = \"Broken\"\nbrand = \"Broken\"\nenv = \"moon\"\n",
    )
    .unwrap();
    let app = sample.app(false, Fake::default());
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn account_form_empty() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    send(&mut app, [Action::Down, Action::OpenAccount]);
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn account_form_filled_is_masked() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    filled_account(&mut app);
    let text = screen(&app, &sample);
    assert!(
        !text.contains("wJalrXUtnFEMI"),
        "the secret is drawn in clear"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn account_without_validation_section() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    send(&mut app, [Action::OpenAccount]);
    type_text(&mut app, "user");
    send(&mut app, [Action::NextField]);
    type_text(&mut app, "pass");
    send(&mut app, [Action::Validate]);
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn validation_in_progress() {
    let sample = Sample::new();
    let steps = vec![
        Step::Resolving {
            host: "10.0.0.5".into(),
        },
        Step::Connecting {
            address: "10.0.0.5:8443".into(),
        },
    ];
    let mut app = sample.app(
        false,
        Fake {
            steps,
            block: true,
            ..Fake::default()
        },
    );
    filled_account(&mut app);
    send(&mut app, [Action::Validate]);
    let mut seen = 0;
    while seen < 2 {
        match app.background_action() {
            Some(a) => {
                seen += 1;
                integrate_tui::update(&mut app, a);
            }
            None => std::thread::sleep(std::time::Duration::from_millis(2)),
        }
    }
    insta::assert_snapshot!(screen(&app, &sample));
    send(&mut app, [Action::Cancel]);
}

fn outcome(fake: Fake) -> (Sample, App) {
    let sample = Sample::new();
    let mut app = sample.app(false, fake);
    filled_account(&mut app);
    send(&mut app, [Action::Validate]);
    drain(&mut app);
    (sample, app)
}

#[test]
fn outcome_valid() {
    let (sample, app) = outcome(Fake::answering(common::valid_report()));
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn outcome_invalid_key() {
    let (sample, app) = outcome(Fake::answering(common::invalid_key_report()));
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn outcome_unreachable() {
    let (sample, app) = outcome(Fake::answering(common::unreachable_report()));
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn wrong_key_probe_result() {
    let (sample, mut app) = outcome(Fake {
        report: Some(common::invalid_key_report()),
        probe: Some(common::probe_report()),
        ..Fake::default()
    });
    send(&mut app, [Action::Probe]);
    drain(&mut app);
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn validation_cancelled() {
    let sample = Sample::new();
    let mut app = sample.app(
        false,
        Fake {
            block: true,
            ..Fake::default()
        },
    );
    filled_account(&mut app);
    send(&mut app, [Action::Validate, Action::Cancel]);
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn the_first_frame_is_drawn_before_the_trees_are_read() {
    let sample = Sample::new();
    let gate = Arc::new(Gate::default());
    let mut app = sample.app_with_loader(Fake::default(), gate.clone());
    let first = screen(&app, &sample);
    assert!(
        !gate.loaded.load(Ordering::SeqCst),
        "the first frame was drawn after the load finished"
    );
    insta::assert_snapshot!("loading_first_frame", first);
    gate.release();
    settle(&mut app);
    assert!(gate.loaded.load(Ordering::SeqCst));
    let loaded = screen(&app, &sample);
    assert!(loaded.contains("testcloud"), "{loaded}");
}

#[test]
fn loading_shows_how_many_providers_are_inspected() {
    let sample = Sample::new();
    let gate = Arc::new(Gate::default());
    let mut app = sample.app_with_loader(Fake::default(), gate.clone());
    update(
        &mut app,
        Action::LoadProgress(LoadStep::Inspecting {
            done: 1,
            total: 2,
            provider: "testcloud".into(),
        }),
    );
    insta::assert_snapshot!(screen(&app, &sample));
    gate.release();
    settle(&mut app);
}

#[test]
fn reload_keeps_the_list_and_shows_progress_below_it() {
    let sample = Sample::new();
    let gate = Arc::new(Gate::default());
    gate.release();
    let mut app = sample.app_with_loader(Fake::default(), gate.clone());
    settle(&mut app);
    gate.close();
    update(&mut app, Action::Refresh);
    update(&mut app, Action::LoadProgress(LoadStep::Descriptors));
    insta::assert_snapshot!(screen(&app, &sample));
    gate.release();
    settle(&mut app);
    assert_eq!(
        app.message.as_deref(),
        Some("reloaded the descriptors and inspected the tree again")
    );
}

#[test]
fn apply_preview_while_planning() {
    let sample = Sample::new();
    let gate = Arc::new(Gate::default());
    gate.release();
    let mut app = sample.app_with_loader(Fake::default(), gate.clone());
    settle(&mut app);
    gate.close();
    update(&mut app, Action::Down);
    update(&mut app, Action::PlanApply);
    assert_eq!(app.screen, Screen::Diff);
    // The planner is held at the gate: no plan yet, and nothing to write.
    assert!(matches!(
        app.diff.as_ref().unwrap().state,
        DiffState::Planning { .. }
    ));
    insta::assert_snapshot!(screen(&app, &sample));
    gate.release();
    settle(&mut app);
    assert!(screen(&app, &sample).contains("y write"));
}

#[test]
fn nothing_to_apply_offers_no_write() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    send(
        &mut app,
        [
            Action::Down,
            Action::PlanApply,
            Action::AskConfirm,
            Action::ConfirmYes,
            Action::PlanApply,
        ],
    );
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn leaving_a_filled_form_asks_first() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    filled_account(&mut app);
    send(&mut app, [Action::Back]);
    assert_eq!(
        app.popup,
        Some(Popup::Discard(integrate_tui::app::Leave::Back))
    );
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn quitting_with_a_filled_form_asks_first() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    filled_account(&mut app);
    send(&mut app, [Action::Quit]);
    assert!(!app.should_quit);
    insta::assert_snapshot!(screen(&app, &sample));
}

/// Opens the account form of testcloud declaring a field of every kind.
fn every_kind_form(sample: &Sample) -> App {
    let mut app = sample.app(false, Fake::default());
    send(&mut app, [Action::Down, Action::OpenAccount]);
    app
}

#[test]
fn account_form_of_every_kind_empty() {
    let sample = Sample::with_testcloud(common::TESTCLOUD_FIELDS);
    let app = every_kind_form(&sample);
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn account_form_of_every_kind_filled() {
    let sample = Sample::with_testcloud(common::TESTCLOUD_FIELDS);
    let mut app = every_kind_form(&sample);
    type_text(&mut app, "AKIAEXAMPLE123");
    send(&mut app, [Action::NextField]);
    type_text(&mut app, "wJalrXUtnFEMI/K7MDENG");
    send(&mut app, [Action::NextField]);
    // Relative to the test's directory (the crate's), so the screen does not show a temporary path.
    type_text(&mut app, "Cargo.toml");
    send(&mut app, [Action::NextField]);
    type_text(&mut app, "https://10.0.0.5:8443/");
    send(&mut app, [Action::NextField, Action::ToggleField, Action::NextField, Action::NextChoice]);
    // Back on the flag, whose declared help is shown under the fields.
    send(&mut app, [Action::PrevField]);
    let text = screen(&app, &sample);
    assert!(!text.contains("wJalrXUtnFEMI"), "the secret is drawn in clear");
    insta::assert_snapshot!(text);
}

#[test]
fn account_form_refuses_a_missing_file_and_an_empty_required_field() {
    let sample = Sample::with_testcloud(common::TESTCLOUD_FIELDS);
    let mut app = every_kind_form(&sample);
    type_text(&mut app, "AKIAEXAMPLE123");
    send(&mut app, [Action::NextField, Action::NextField]);
    type_text(&mut app, "keys/missing.pem");
    send(&mut app, [Action::NextField, Action::Validate]);
    insta::assert_snapshot!(screen(&app, &sample));
}

#[test]
fn provider_detail_names_declared_credential_fields() {
    let sample = Sample::with_testcloud(common::TESTCLOUD_FIELDS);
    let mut app = sample.app(false, Fake::default());
    send(&mut app, [Action::Down]);
    insta::assert_snapshot!(screen(&app, &sample));
}
