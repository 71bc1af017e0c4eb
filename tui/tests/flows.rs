//! Unit tests of `update` for the key flows, with assertions on state: the checklist filter,
//! confirm and cancel of an apply, starting and cancelling a validation, the form's focus and
//! masking, plus the keymap lookups, the insecure banner on every screen, the plain theme and
//! drawing at other sizes.

mod common;

use std::sync::atomic::Ordering;

use common::{Fake, Sample, drain, render, render_at, send, settle, type_text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use integrate_codegen::engine::PointState;
use integrate_codegen::validation::{Outcome, Secret};
use integrate_tui::app::{Popup, RunState, Screen, update};
use integrate_tui::worker::EngineValidator;
use integrate_tui::{Action, App, Theme, keymap};

/// Types a key id and a secret into the first two fields of the open account form, which
/// are required: an empty form is refused before anything is sent.
fn fill_key(app: &mut App) {
    type_text(app, "AKIAEXAMPLE");
    send(app, [Action::NextField]);
    type_text(app, "secret");
}

fn qingcloud_checklist(sample: &Sample) -> App {
    let mut app = sample.app(false, Fake::default());
    send(&mut app, [Action::OpenChecklist]);
    app
}

#[test]
fn filter_toggle_shows_only_findings_and_keeps_the_selected_point() {
    let sample = Sample::new();
    let mut app = qingcloud_checklist(&sample);
    let all = app.checklist_rows().len();
    let p = app.provider().unwrap();
    assert_eq!(all, p.reports.len());
    // Move onto the first missing point, then filter: the cursor stays on it.
    let first_missing = p
        .reports
        .iter()
        .position(|r| r.state == PointState::Missing)
        .unwrap();
    send(&mut app, (0..first_missing).map(|_| Action::Down));
    update(&mut app, Action::ToggleMissing);
    assert!(app.checklist.missing_only);
    let rows = app.checklist_rows();
    assert_eq!(
        rows.len(),
        app.provider().unwrap().missing() + app.provider().unwrap().drift()
    );
    assert!(
        rows.iter()
            .all(|&i| app.provider().unwrap().reports[i].is_finding())
    );
    assert_eq!(rows[app.checklist.cursor], first_missing);
    update(&mut app, Action::ToggleMissing);
    assert!(!app.checklist.missing_only);
    assert_eq!(app.checklist_rows().len(), all);
    assert_eq!(app.checklist.cursor, first_missing);
}

#[test]
fn cursor_stays_inside_the_list() {
    let sample = Sample::new();
    let mut app = qingcloud_checklist(&sample);
    send(&mut app, [Action::Up, Action::Up]);
    assert_eq!(app.checklist.cursor, 0);
    send(&mut app, (0..500).map(|_| Action::Down));
    assert_eq!(app.checklist.cursor, app.checklist_rows().len() - 1);
}

#[test]
fn confirm_cancel_writes_nothing_and_confirm_yes_writes_and_refreshes() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    send(
        &mut app,
        [Action::Down, Action::OpenChecklist, Action::PlanApply],
    );
    assert_eq!(app.screen, Screen::Diff);
    let files: Vec<_> = app
        .diff
        .as_ref()
        .and_then(|d| d.planned())
        .unwrap()
        .plan
        .changes
        .iter()
        .map(|c| c.path.clone())
        .collect();
    assert!(!files.is_empty());
    let before: Vec<_> = files.iter().map(|f| std::fs::read(f).ok()).collect();

    send(&mut app, [Action::AskConfirm]);
    assert_eq!(app.popup, Some(Popup::ConfirmApply));
    assert_eq!(app.keymap().as_ptr(), keymap::CONFIRM.as_ptr());
    send(&mut app, [Action::ConfirmNo]);
    assert_eq!(app.popup, None);
    assert_eq!(app.screen, Screen::Diff);
    let after: Vec<_> = files.iter().map(|f| std::fs::read(f).ok()).collect();
    assert_eq!(before, after, "cancelling the confirm must not write");

    send(&mut app, [Action::AskConfirm, Action::ConfirmYes]);
    assert_eq!(app.popup, None);
    assert_eq!(app.screen, Screen::Checklist);
    assert!(app.diff.is_none());
    let p = app.provider().unwrap();
    assert_eq!(p.descriptor.id, "testcloud");
    assert_eq!(
        p.missing(),
        0,
        "the checklist is refreshed after the commit"
    );
    assert!(app.message.as_deref().unwrap().contains("wrote"));

    // A second apply has nothing left to write, and asking to confirm opens no popup.
    send(&mut app, [Action::PlanApply, Action::AskConfirm]);
    assert!(app.diff.as_ref().unwrap().planned().unwrap().plan.is_empty());
    assert_eq!(app.popup, None);
    let screen = render(&app);
    assert!(screen.contains("Nothing to apply"));
    assert!(
        !screen.contains("write"),
        "the help bar offers no write when there is nothing to write:\n{screen}"
    );
}

#[test]
fn confirm_yes_without_the_popup_does_nothing() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    send(
        &mut app,
        [Action::Down, Action::PlanApply, Action::ConfirmYes],
    );
    assert_eq!(app.screen, Screen::Diff);
    assert_eq!(app.provider().unwrap().present(), 0);
}

#[test]
fn apply_error_is_shown_and_dismissed() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    let _held = integrate_codegen::commit::WorkspaceLock::acquire(sample.path()).unwrap();
    send(
        &mut app,
        [
            Action::Down,
            Action::PlanApply,
            Action::AskConfirm,
            Action::ConfirmYes,
        ],
    );
    let Some(Popup::Error(text)) = &app.popup else {
        panic!("expected an error popup, got {:?}", app.popup)
    };
    assert!(text.contains("another integrate run"));
    assert!(
        !text.contains(&sample.path().display().to_string()),
        "paths are shown relative to the workspace"
    );
    send(&mut app, [Action::DismissError]);
    assert_eq!(app.popup, None);
    assert_eq!(app.screen, Screen::Diff);
}

#[test]
fn diff_scroll_is_clamped() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    send(
        &mut app,
        [Action::Down, Action::PlanApply, Action::Resize(80, 24)],
    );
    send(&mut app, [Action::PageUp]);
    assert_eq!(app.diff.as_ref().unwrap().scroll, 0);
    send(&mut app, (0..1000).map(|_| Action::PageDown));
    let d = app.diff.as_ref().unwrap();
    assert_eq!(
        d.scroll,
        d.planned().unwrap().lines.len() - 19,
        "the last page stays full at 80x24"
    );
}

#[test]
fn cancel_validation_sets_the_flag_and_stops_listening() {
    let sample = Sample::new();
    let mut app = sample.app(
        false,
        Fake {
            block: true,
            ..Fake::default()
        },
    );
    send(&mut app, [Action::Down, Action::OpenAccount]);
    type_text(&mut app, "AKIAEXAMPLE");
    send(&mut app, [Action::NextField]);
    type_text(&mut app, "secret");
    send(&mut app, [Action::Validate]);
    let flag = match &app.account.as_ref().unwrap().run {
        RunState::Running(r) => r.cancel.clone(),
        other => panic!("expected a running validation, got {other:?}"),
    };
    assert!(app.is_busy());
    assert_eq!(app.keymap().as_ptr(), keymap::ACCOUNT_RUNNING.as_ptr());
    // Ticks move the spinner; typing while the job runs goes into the form (the worker has
    // its own copy of the credential).
    send(&mut app, [Action::Tick, Action::Tick, Action::Input('x')]);
    match &app.account.as_ref().unwrap().run {
        RunState::Running(r) => assert_eq!(r.progress.ticks, 2),
        other => panic!("expected a running validation, got {other:?}"),
    }
    send(&mut app, [Action::Cancel]);
    assert!(
        flag.load(Ordering::SeqCst),
        "Esc must raise the cancel flag"
    );
    assert!(!app.is_busy());
    let view = app.account.as_ref().unwrap();
    assert!(matches!(view.run, RunState::Cancelled(_)));
    assert_eq!(view.form.fields[1].len(), "secretx".len());
    assert!(app.is_typing());
}

#[test]
fn a_late_verdict_after_cancel_is_ignored() {
    let sample = Sample::new();
    let mut app = sample.app(
        false,
        Fake {
            block: true,
            ..Fake::default()
        },
    );
    send(&mut app, [Action::Down, Action::OpenAccount]);
    fill_key(&mut app);
    send(&mut app, [Action::Validate, Action::Cancel]);
    send(&mut app, [Action::ValidationDone(common::valid_report())]);
    assert!(matches!(
        app.account.as_ref().unwrap().run,
        RunState::Cancelled(_)
    ));
}

#[test]
fn validation_passes_the_form_and_insecure_to_the_worker() {
    let sample = Sample::new();
    let fake = std::sync::Arc::new(Fake::answering(common::valid_report()));
    let mut app = App::with_validator(sample.workspace(), true, fake.clone());
    settle(&mut app);
    send(&mut app, [Action::Down, Action::OpenAccount]);
    send(&mut app, [Action::Paste(Secret::new("AKIAPASTED\n"))]);
    send(&mut app, [Action::NextField]);
    type_text(&mut app, "s3cret");
    send(
        &mut app,
        [Action::Backspace, Action::PrevField, Action::PrevField],
    );
    assert_eq!(
        app.account.as_ref().unwrap().form.focus,
        2,
        "shift-tab wraps around"
    );
    type_text(&mut app, "https://10.0.0.5/");
    send(&mut app, [Action::Validate]);
    drain(&mut app);
    let view = app.account.as_ref().unwrap();
    assert!(matches!(&view.run, RunState::Done(r) if r.outcome == Outcome::Valid));
    // The form keeps the keys after the verdict: letters are typed, not commands.
    assert_eq!(app.keymap().as_ptr(), keymap::ACCOUNT.as_ptr());
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(app.key_action(&key('q')), Some(Action::Input('q')));
    assert_eq!(app.key_action(&key('v')), Some(Action::Input('v')));
    let seen = fake.seen.lock().unwrap();
    assert_eq!(
        *seen,
        [(
            "AKIAPASTED".to_owned(),
            "s3cre".to_owned(),
            Some("https://10.0.0.5/".to_owned()),
            true
        )]
    );
}

#[test]
fn the_form_follows_the_credential_kind() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    send(&mut app, [Action::OpenAccount]);
    let labels: Vec<_> = app
        .account
        .as_ref()
        .unwrap()
        .form
        .fields
        .iter()
        .map(|f| f.label.as_str())
        .collect();
    assert_eq!(labels, ["Access key id", "Access key secret"]);
    send(&mut app, [Action::Back, Action::Down, Action::OpenAccount]);
    let labels: Vec<_> = app
        .account
        .as_ref()
        .unwrap()
        .form
        .fields
        .iter()
        .map(|f| f.label.as_str())
        .collect();
    assert_eq!(labels, ["Access key id", "Access key secret", "Endpoint"]);
    send(&mut app, [Action::Back]);
    assert_eq!(app.screen, Screen::Providers);
    assert!(app.account.is_none(), "leaving the form drops its values");
}

#[test]
fn secrets_are_masked_in_debug_and_on_screen() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    send(
        &mut app,
        [Action::Down, Action::OpenAccount, Action::NextField],
    );
    type_text(&mut app, "topsecretvalue");
    let debug = format!("{:?}", app.account.as_ref().unwrap().form);
    assert!(!debug.contains("topsecretvalue"), "{debug}");
    assert!(!render(&app).contains("topsecretvalue"));
    let paste = Action::Paste(Secret::new("topsecretvalue"));
    assert!(!format!("{paste:?}").contains("topsecretvalue"));
}

#[test]
fn keys_map_to_actions_through_the_keymap() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(app.key_action(&key('q')), Some(Action::Quit));
    assert_eq!(
        app.key_action(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
        Some(Action::OpenChecklist)
    );
    assert_eq!(app.key_action(&key('x')), None);
    assert_eq!(
        app.paste_action("x".into()),
        None,
        "pastes go nowhere outside the form"
    );
    send(&mut app, [Action::Down, Action::OpenAccount]);
    // In the form, letters are typed, even those bound elsewhere, and ^W runs the probe.
    assert_eq!(app.key_action(&key('q')), Some(Action::Input('q')));
    assert_eq!(
        app.key_action(&KeyEvent::new(KeyCode::Char('W'), KeyModifiers::SHIFT)),
        Some(Action::Input('W'))
    );
    assert_eq!(
        app.key_action(&KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL)),
        Some(Action::Probe)
    );
    assert_eq!(
        app.key_action(&KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        Some(Action::PrevField)
    );
    assert!(matches!(
        app.paste_action("abc".into()),
        Some(Action::Paste(_))
    ));
}

#[test]
fn every_help_entry_comes_from_the_keymap() {
    for &map in keymap::ALL {
        let entries = keymap::help_entries(map);
        assert!(!entries.is_empty());
        for (_, help) in &entries {
            assert!(map.iter().any(|(_, _, h)| h == help));
        }
        // No key is bound twice in one table.
        for (i, (k, _, _)) in map.iter().enumerate() {
            assert!(
                !map[..i].iter().any(|(other, _, _)| other == k),
                "{k} is bound twice"
            );
        }
    }
}

#[test]
fn insecure_is_shown_on_every_screen() {
    let sample = Sample::new();
    let mut app = sample.app(true, Fake::answering(common::valid_report()));
    let banner = "--insecure";
    assert!(render(&app).contains(banner));
    send(&mut app, [Action::Down, Action::OpenChecklist]);
    assert!(render(&app).contains(banner));
    send(&mut app, [Action::PlanApply]);
    assert!(render(&app).contains(banner));
    send(&mut app, [Action::AskConfirm]);
    assert!(render(&app).contains(banner));
    send(
        &mut app,
        [Action::ConfirmNo, Action::Back, Action::OpenAccount],
    );
    assert!(render(&app).contains(banner));
    send(&mut app, [Action::Validate]);
    drain(&mut app);
    assert!(render(&app).contains(banner));
}

#[test]
fn the_plain_theme_has_no_colour() {
    assert!(!Theme::plain().uses_color());
    assert!(Theme::colored().uses_color());
    let sample = Sample::new();
    let mut app = sample.app(true, Fake::default());
    send(&mut app, [Action::Down, Action::PlanApply]);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| integrate_tui::draw(&app, &Theme::plain(), f))
        .unwrap();
    let buffer = terminal.backend().buffer();
    for cell in &buffer.content {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
}

#[test]
fn draws_at_any_size_without_panicking() {
    let sample = Sample::new();
    let mut app = sample.app(true, Fake::answering(common::invalid_key_report()));
    let sizes = [(80, 24), (40, 12), (20, 6), (10, 3), (1, 1), (200, 60)];
    let check = |app: &mut App| {
        for (w, h) in sizes {
            update(app, Action::Resize(w, h));
            render_at(app, w, h);
        }
        update(app, Action::Resize(80, 24));
    };
    check(&mut app);
    send(&mut app, [Action::OpenChecklist]);
    check(&mut app);
    send(&mut app, [Action::Back, Action::Down, Action::PlanApply]);
    check(&mut app);
    send(&mut app, [Action::AskConfirm]);
    check(&mut app);
    send(
        &mut app,
        [Action::ConfirmNo, Action::Back, Action::OpenAccount],
    );
    check(&mut app);
    type_text(&mut app, "AKIA");
    send(&mut app, [Action::NextField]);
    type_text(&mut app, "secret");
    send(&mut app, [Action::Validate]);
    drain(&mut app);
    check(&mut app);
}

#[test]
fn the_real_engine_reports_an_unreachable_endpoint() {
    // Port 1 on the loopback address is closed, so the engine answers at once.
    let sample = Sample::new();
    let mut app = App::with_validator(
        sample.workspace(),
        false,
        std::sync::Arc::new(EngineValidator),
    );
    settle(&mut app);
    send(&mut app, [Action::Down, Action::OpenAccount]);
    type_text(&mut app, "AKIAEXAMPLE");
    send(&mut app, [Action::NextField]);
    type_text(&mut app, "secretvalue");
    send(&mut app, [Action::NextField]);
    type_text(&mut app, "http://127.0.0.1:1/");
    send(&mut app, [Action::Validate]);
    drain(&mut app);
    match &app.account.as_ref().unwrap().run {
        RunState::Done(r) => assert!(
            matches!(r.outcome, Outcome::Unreachable { .. }),
            "{:?}",
            r.outcome
        ),
        other => panic!("expected a verdict, got {other:?}"),
    }
    assert!(!render(&app).contains("secretvalue"));
}

#[test]
fn quit_cancels_a_running_job() {
    let sample = Sample::new();
    let mut app = sample.app(
        false,
        Fake {
            block: true,
            ..Fake::default()
        },
    );
    send(&mut app, [Action::Down, Action::OpenAccount]);
    fill_key(&mut app);
    send(&mut app, [Action::Validate]);
    let flag = match &app.account.as_ref().unwrap().run {
        RunState::Running(r) => r.cancel.clone(),
        _ => panic!("not running"),
    };
    // The form holds typed input, so quitting asks first.
    send(&mut app, [Action::Quit, Action::ConfirmYes]);
    assert!(app.should_quit);
    assert!(flag.load(Ordering::SeqCst));
}

#[test]
fn reload_reports_a_broken_descriptor_and_recovers() {
    let sample = Sample::new();
    let mut app = sample.app(false, Fake::default());
    let broken = sample.path().join("descriptors/broken.toml");
    std::fs::write(&broken, "schema = 1\n").unwrap();
    send(&mut app, [Action::Refresh]);
    assert!(
        app.load_error
            .as_deref()
            .unwrap()
            .contains("descriptors/broken.toml")
    );
    assert!(app.providers.is_empty());
    std::fs::remove_file(&broken).unwrap();
    send(&mut app, [Action::Refresh]);
    assert!(app.load_error.is_none());
    assert_eq!(app.providers.len(), 2);
}

#[test]
fn the_engine_loader_reports_each_step() {
    use integrate_tui::job::{LoadStep, PlanStep};
    use integrate_tui::loader::{EngineLoader, Loader};
    let sample = Sample::new();
    let ws = sample.workspace();
    let mut steps = Vec::new();
    let providers = EngineLoader
        .load(&ws, &mut |s| steps.push(s))
        .expect("the sample loads");
    let ids: Vec<_> = providers.iter().map(|p| p.descriptor.id.as_str()).collect();
    assert_eq!(ids, ["qingcloud", "testcloud"]);
    let inspecting = |done, provider: &str| LoadStep::Inspecting {
        done,
        total: 2,
        provider: provider.into(),
    };
    assert_eq!(
        steps,
        [
            LoadStep::Descriptors,
            inspecting(0, "qingcloud"),
            inspecting(1, "testcloud")
        ]
    );
    let points = ws.profile.points.len();
    assert!(providers.iter().all(|p| p.reports.len() == points));

    let mut steps = Vec::new();
    let planned = EngineLoader
        .plan_apply(&ws, &providers[1].descriptor, &mut |s| steps.push(s))
        .expect("testcloud plans");
    let files = planned.plan.changes.len();
    assert!(files > 0);
    assert_eq!(
        steps,
        [PlanStep::Planning { points }, PlanStep::Diffing { files }]
    );
    assert_eq!(
        planned.lines.concat(),
        planned.plan.unified_diff().lines().collect::<Vec<_>>().concat()
    );
}

#[test]
fn space_toggles_a_flag_and_arrows_pick_a_choice_but_a_text_field_takes_both() {
    // The form of a descriptor that declares a field of every kind.
    let sample = Sample::with_testcloud(common::TESTCLOUD_FIELDS);
    let mut app = sample.app(false, Fake::default());
    send(&mut app, [Action::Down, Action::OpenAccount]);
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let footer = |app: &App| render(app).lines().last().unwrap().to_owned();
    assert_eq!(app.key_action(&key(KeyCode::Char(' '))), Some(Action::Input(' ')));
    assert_eq!(app.key_action(&key(KeyCode::Right)), None);
    assert!(!footer(&app).contains("toggle") && !footer(&app).contains("choice"));

    send(&mut app, [Action::NextField, Action::NextField, Action::NextField, Action::NextField]);
    assert_eq!(app.key_action(&key(KeyCode::Char(' '))), Some(Action::ToggleField));
    assert_eq!(app.key_action(&key(KeyCode::Char('x'))), None, "a flag takes no text");
    assert!(footer(&app).contains("space toggle"), "{}", footer(&app));
    assert!(!app.form_has_content());
    send(&mut app, [Action::ToggleField]);
    assert!(render(&app).contains("[x] yes"));
    assert!(app.form_has_content(), "a flag turned on is input to keep");

    send(&mut app, [Action::NextField]);
    assert!(render(&app).contains("‹ eu-1 ›"), "a choice starts on its default");
    assert!(footer(&app).contains("←/→ choice"), "{}", footer(&app));
    assert_eq!(app.key_action(&key(KeyCode::Right)), Some(Action::NextChoice));
    send(&mut app, [Action::NextChoice]);
    assert!(render(&app).contains("‹ ap-1 ›"));
    send(&mut app, [Action::NextChoice]);
    assert!(render(&app).contains("‹ us-1 ›"), "the declared values, wrapping around");
}

#[test]
fn a_missing_required_field_and_a_missing_file_are_refused_and_nothing_is_sent() {
    let sample = Sample::with_testcloud(common::TESTCLOUD_FIELDS);
    let fake = std::sync::Arc::new(Fake::answering(common::valid_report()));
    let mut app = App::with_validator(sample.workspace(), false, fake.clone());
    settle(&mut app);
    send(&mut app, [Action::Down, Action::OpenAccount]);
    type_text(&mut app, "AKIAEXAMPLE");
    send(&mut app, [Action::NextField, Action::NextField]);
    let missing = sample.path().join("no-such-key.pem").display().to_string();
    send(&mut app, [Action::Paste(Secret::new(missing.as_str()))]);
    send(&mut app, [Action::Validate]);
    let view = app.account.as_ref().unwrap();
    match &view.run {
        RunState::Refused { reasons, .. } => assert_eq!(
            *reasons,
            [
                "Access key secret (`access_key_secret`) is required".to_owned(),
                format!("Key file (`key_file`): no file at {missing}"),
            ]
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert!(!app.is_busy(), "no worker was started");
    assert!(fake.seen.lock().unwrap().is_empty(), "nothing was sent");
    let screen = render(&app);
    assert!(screen.contains("NOT SENT") && screen.contains("(`access_key_secret`) is required"), "{screen}");
    assert!(screen.contains("✘ no such file"), "the check is shown at the field:\n{screen}");
    assert!(!app.accepts(&Action::Validate), "the same refusal is not offered again");
    assert!(app.accepts(&Action::Probe), "a probe is asked for on its own");

    // A directory is not a file either; a real file and the secret make it go through.
    send(&mut app, [Action::ClearField]);
    send(&mut app, [Action::Paste(Secret::new(sample.path().display().to_string()))]);
    assert!(app.accepts(&Action::Validate), "an edit offers validation again");
    send(&mut app, [Action::PrevField]);
    assert!(render(&app).contains("✘ not a regular file"), "leaving the field checks it");
    type_text(&mut app, "s3cret");
    send(&mut app, [Action::Validate]);
    match &app.account.as_ref().unwrap().run {
        RunState::Refused { reasons, .. } => assert_eq!(*reasons, [format!("Key file (`key_file`): {} is not a regular file", sample.path().display())]),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let key = sample.path().join("key.pem");
    std::fs::write(&key, "-----BEGIN PRIVATE KEY-----\n").unwrap();
    send(&mut app, [Action::NextField, Action::ClearField, Action::Paste(Secret::new(key.display().to_string()))]);
    send(&mut app, [Action::Validate]);
    drain(&mut app);
    assert!(matches!(&app.account.as_ref().unwrap().run, RunState::Done(r) if r.outcome == Outcome::Valid));
    assert_eq!(*fake.seen.lock().unwrap(), [("AKIAEXAMPLE".to_owned(), "s3cret".to_owned(), None, false)]);
}
