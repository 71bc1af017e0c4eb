//! Snapshots of every screen, drawn at 80x24 on ratatui's `TestBackend` with the plain theme,
//! from a copy of the bundled sample platform. Temporary paths are redacted as `[TMP]`.

mod common;

use common::{Fake, Sample, drain, render, send, type_text};
use integrate_codegen::validation::Step;
use integrate_tui::Action;
use integrate_tui::app::App;

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
