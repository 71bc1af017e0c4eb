//! The keys of every screen, checked against what they do, on a catalogue of states that
//! covers every screen, popup and account mode. Two rules a new user relies on in the first
//! hour: the help bar lists exactly the keys that do something (every key it shows changes the
//! state, and every key bound in a state is shown or on the explicit hidden list), and while
//! the account form holds typed input no single key quits, leaves or empties it without
//! asking first.

mod common;

use std::sync::Arc;

use common::{
    Cached, Fake, Gate, Sample, drain, loading_or_planning, render, send, settle, type_text,
};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use integrate_codegen::Workspace;
use integrate_tui::app::{App, Popup, Screen, update};
use integrate_tui::keymap::{self, KeyBinding};
use integrate_tui::loader::{EngineLoader, Loader};
use integrate_tui::{Action, keymap::Binding};

/// A sample with its workspace opened once and a loader that reads it once, so building a
/// state again is cheap and shows the same tree.
struct Tree {
    /// The copy on disk, removed with the tree.
    _sample: Sample,
    ws: Arc<Workspace>,
    loader: Arc<Cached>,
}

impl Tree {
    fn new(sample: Sample) -> Self {
        Tree {
            ws: Arc::new(sample.workspace()),
            _sample: sample,
            loader: Arc::new(Cached::default()),
        }
    }

    /// The app over this tree with a fake validator, once loaded.
    fn app(&self, fake: Fake) -> App {
        self.app_through(self.loader.clone(), fake)
    }

    /// The app over this tree, loading through another loader, once loaded.
    fn app_through(&self, loader: Arc<dyn Loader>, fake: Fake) -> App {
        let mut app = App::with_workers(self.ws.clone(), false, Arc::new(fake), loader);
        settle(&mut app);
        app
    }
}

/// The trees the states are built from.
struct Fixture {
    /// The sample platform with qingcloud and testcloud.
    main: Tree,
    /// A copy whose apply the confirm popup's `y` may write.
    scratch: Tree,
    /// testcloud already applied, so its apply has nothing to write.
    applied: Tree,
    /// Another run holds the workspace lock, so a commit fails.
    locked: Tree,
    /// The lock held on `locked` for as long as the fixture lives (an operating-system file
    /// lock: a lock file alone is what a dead run leaves, which the next run takes over).
    _held: integrate_codegen::commit::WorkspaceLock,
    /// A descriptor that does not load.
    broken: Tree,
    /// No descriptors at all.
    empty: Tree,
    /// Holds every load of `main`.
    hold_loads: Arc<Gate>,
    /// Holds the planning of applies of `main`.
    hold_plans: Arc<Gate>,
}

impl Fixture {
    fn new() -> Self {
        let applied = Tree::new(Sample::new());
        let mut setup = applied.app_through(Arc::new(EngineLoader), Fake::default());
        send(
            &mut setup,
            [
                Action::Down,
                Action::PlanApply,
                Action::AskConfirm,
                Action::ConfirmYes,
            ],
        );
        assert!(setup.message.as_deref().unwrap().contains("wrote"));
        let locked = Sample::new();
        let held = integrate_codegen::commit::WorkspaceLock::acquire(locked.path()).unwrap();
        let broken = Sample::new();
        std::fs::write(
            broken.path().join("descriptors/broken.toml"),
            "schema = 1\n",
        )
        .unwrap();
        let empty = Sample::new();
        for d in ["testcloud", "qingcloud"] {
            std::fs::remove_file(empty.path().join(format!("descriptors/{d}.toml"))).unwrap();
        }
        let main = Tree::new(Sample::new());
        Fixture {
            hold_loads: Arc::new(Gate::over(main.loader.clone())),
            hold_plans: Arc::new(Gate::plans_only(main.loader.clone())),
            main,
            scratch: Tree::new(Sample::new()),
            applied,
            locked: Tree::new(locked),
            _held: held,
            broken: Tree::new(broken),
            empty: Tree::new(empty),
        }
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        // Lets the threads held by the gates finish.
        self.hold_loads.release();
        self.hold_plans.release();
    }
}

fn main_app(f: &Fixture, fake: Fake) -> App {
    f.main.app(fake)
}

fn with(mut app: App, actions: impl IntoIterator<Item = Action>) -> App {
    send(&mut app, actions);
    app
}

/// testcloud's account form with a key id and a secret typed; the focus is on the secret.
fn filled(f: &Fixture, fake: Fake) -> App {
    let mut app = with(main_app(f, fake), [Action::Down, Action::OpenAccount]);
    type_text(&mut app, "AKIAEXAMPLE");
    send(&mut app, [Action::NextField]);
    type_text(&mut app, "s3cret");
    app
}

fn blocking() -> Fake {
    Fake {
        block: true,
        ..Fake::default()
    }
}

type Build = fn(&Fixture) -> App;

/// Every screen, popup and account mode, each built from scratch by its function.
const STATES: &[(&str, Build)] = &[
    ("loading", |f| {
        App::with_workers(
            f.main.ws.clone(),
            false,
            Arc::new(Fake::default()),
            f.hold_loads.clone(),
        )
    }),
    ("load error", |f| f.broken.app(Fake::default())),
    ("no descriptors", |f| f.empty.app(Fake::default())),
    ("providers, first row", |f| main_app(f, Fake::default())),
    ("providers, last row", |f| {
        with(main_app(f, Fake::default()), [Action::Down])
    }),
    ("checklist, first row", |f| {
        with(main_app(f, Fake::default()), [Action::OpenChecklist])
    }),
    ("checklist, a middle row", |f| {
        with(
            main_app(f, Fake::default()),
            [Action::OpenChecklist, Action::Down, Action::Down],
        )
    }),
    ("checklist, missing only", |f| {
        with(
            main_app(f, Fake::default()),
            [Action::OpenChecklist, Action::ToggleMissing],
        )
    }),
    ("apply, planning", |f| {
        let mut app = f.main.app_through(f.hold_plans.clone(), Fake::default());
        update(&mut app, Action::Down);
        update(&mut app, Action::PlanApply);
        assert!(loading_or_planning(&app));
        app
    }),
    ("apply, top of the diff", |f| {
        with(
            main_app(f, Fake::default()),
            [Action::Down, Action::PlanApply],
        )
    }),
    ("apply, diff scrolled", |f| {
        with(
            main_app(f, Fake::default()),
            [Action::Down, Action::PlanApply, Action::PageDown],
        )
    }),
    ("apply, end of the diff", |f| {
        let mut app = with(
            main_app(f, Fake::default()),
            [Action::Down, Action::PlanApply],
        );
        while app.accepts(&Action::PageDown) {
            update(&mut app, Action::PageDown);
        }
        app
    }),
    ("apply, nothing to write", |f| {
        with(
            f.applied.app(Fake::default()),
            [Action::Down, Action::PlanApply],
        )
    }),
    ("confirm apply", |f| {
        with(
            f.scratch.app(Fake::default()),
            [Action::Down, Action::PlanApply, Action::AskConfirm],
        )
    }),
    ("error popup", |f| {
        with(
            f.locked.app(Fake::default()),
            [
                Action::Down,
                Action::PlanApply,
                Action::AskConfirm,
                Action::ConfirmYes,
            ],
        )
    }),
    ("account, empty", |f| {
        with(
            main_app(f, Fake::default()),
            [Action::Down, Action::OpenAccount],
        )
    }),
    ("account, refused", |f| {
        with(
            main_app(f, Fake::default()),
            [Action::Down, Action::OpenAccount, Action::Validate],
        )
    }),
    ("account, filled", |f| filled(f, Fake::default())),
    ("account, filled, endpoint focused", |f| {
        let mut app = with(filled(f, Fake::default()), [Action::NextField]);
        type_text(&mut app, "https://10.0.0.5/");
        app
    }),
    ("account, validating", |f| {
        with(filled(f, blocking()), [Action::Validate])
    }),
    ("account, valid", |f| {
        let mut app = with(
            filled(f, Fake::answering(common::valid_report())),
            [Action::Validate],
        );
        drain(&mut app);
        app
    }),
    ("account, key rejected", |f| {
        let mut app = with(
            filled(f, Fake::answering(common::invalid_key_report())),
            [Action::Validate],
        );
        drain(&mut app);
        app
    }),
    ("account, probe result", |f| {
        let fake = Fake {
            probe: Some(common::probe_report()),
            ..Fake::default()
        };
        let mut app = with(filled(f, fake), [Action::Probe]);
        drain(&mut app);
        app
    }),
    ("account, no [validation] section", |f| {
        let mut app = with(main_app(f, Fake::default()), [Action::OpenAccount]);
        type_text(&mut app, "user");
        with(app, [Action::Validate])
    }),
    ("account, cancelled", |f| {
        with(filled(f, blocking()), [Action::Validate, Action::Cancel])
    }),
    ("discard popup, leaving", |f| {
        with(filled(f, Fake::default()), [Action::Back])
    }),
    ("discard popup, quitting", |f| {
        with(filled(f, Fake::default()), [Action::Quit])
    }),
];

/// Every key a user can plausibly press: printable characters, the named keys, and Control
/// and Alt with each letter.
fn universe() -> Vec<KeyEvent> {
    let mut keys: Vec<KeyEvent> = (' '..='~')
        .map(|c| {
            let shift = if c.is_ascii_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            KeyEvent::new(KeyCode::Char(c), shift)
        })
        .collect();
    for code in [
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Insert,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::F(1),
        KeyCode::F(10),
    ] {
        keys.push(KeyEvent::new(code, KeyModifiers::NONE));
    }
    keys.push(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    for c in 'a'..='z' {
        keys.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        keys.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT));
    }
    keys
}

/// What a user can see or rely on: the screen as drawn, and the state it does not draw.
fn fingerprint(app: &App) -> String {
    format!(
        "{}\nscreen {:?}, popup {:?}, quit {}, busy {}",
        render(app),
        app.screen,
        app.popup,
        app.should_quit,
        app.is_busy()
    )
}

/// The hidden rows that are not aliases of a shown row: ^C quits from everywhere, and
/// Backspace is the editing key every form has.
const HIDDEN: &[(KeyBinding, Action)] = &[
    (KeyBinding::ctrl('c'), Action::Quit),
    (KeyBinding::key(KeyCode::Backspace), Action::Backspace),
];

#[test]
fn every_hidden_row_is_an_alias_or_on_the_hidden_list() {
    for &map in keymap::ALL {
        for (key, action, help) in map.iter().filter(|(_, _, h)| h.is_empty()) {
            let alias = map.iter().any(|(_, a, h)| a == action && !h.is_empty());
            let listed = HIDDEN.iter().any(|(k, a)| k == key && a == action);
            assert!(
                alias || listed,
                "{key} ({action:?}) is hidden from the help bar{help} but is not an alias of a shown key nor on the hidden list"
            );
        }
    }
}

#[test]
fn the_help_bar_shows_exactly_the_keys_that_do_something() {
    let f = Fixture::new();
    let keys = universe();
    for (name, build) in STATES {
        let app = build(&f);
        let screen = render(&app);
        let footer = screen.lines().last().unwrap_or_default();
        let bindings: Vec<Binding> = app.bindings();
        for (keys, help) in keymap::help_entries(&bindings) {
            assert!(
                footer.contains(&format!("{keys} {help}")),
                "{name}: the help bar does not show `{keys} {help}` whole:\n{screen}"
            );
        }
        for (key, _, _) in &bindings {
            assert!(
                keys.iter().any(|e| key.matches(e)),
                "{name}: {key} is not among the keys tried"
            );
        }
        let mut tried: Vec<Action> = Vec::new();
        for event in &keys {
            let Some(action) = app.key_action(event) else {
                continue;
            };
            if let Action::Input(c) = action {
                assert!(
                    app.is_typing(),
                    "{name}: {event:?} types {c:?} outside a form"
                );
                continue;
            }
            assert!(
                bindings
                    .iter()
                    .any(|(k, a, _)| k.matches(event) && *a == action),
                "{name}: {event:?} gives {action:?}, which no binding in force holds"
            );
            if tried.contains(&action) {
                continue;
            }
            tried.push(action.clone());
            let mut fresh = build(&f);
            let before = fingerprint(&fresh);
            update(&mut fresh, action.clone());
            assert_ne!(
                before,
                fingerprint(&fresh),
                "{name}: {event:?} ({action:?}) is offered but changes nothing:\n{screen}"
            );
        }
        assert!(!tried.is_empty(), "{name}: no key does anything:\n{screen}");
    }
}

/// The values of the account form's fields, in form order (secrets in clear, for comparing).
fn values(app: &App) -> Option<Vec<String>> {
    let form = &app.account.as_ref()?.form;
    Some(form.fields.iter().map(|f| f.value().to_owned()).collect())
}

#[test]
fn no_single_key_quits_leaves_or_empties_a_filled_form_without_asking() {
    let f = Fixture::new();
    let mut filled_states = Vec::new();
    for (name, build) in STATES {
        let app = build(&f);
        if !app.form_has_content() {
            continue;
        }
        assert_eq!(
            app.screen,
            Screen::Account,
            "{name}: a form outside the account screen"
        );
        if matches!(app.popup, Some(Popup::Discard(_))) {
            // This popup is the asking: its `y` is the confirmation.
            continue;
        }
        filled_states.push(*name);
        let before = values(&app).unwrap();
        let focus = app.account.as_ref().unwrap().form.focus;
        let mut tried: Vec<Action> = Vec::new();
        for event in universe() {
            let Some(action) = app.key_action(&event) else {
                continue;
            };
            // Every printable character types; a few of them are commands on other screens.
            if let Action::Input(c) = action {
                assert!(
                    matches!(event.code, KeyCode::Char(e) if e == c),
                    "{name}: {event:?} types {c:?}"
                );
                if !"qvyenwj ".contains(c) {
                    continue;
                }
            }
            if tried.contains(&action) {
                continue;
            }
            tried.push(action.clone());
            let mut fresh = build(&f);
            update(&mut fresh, action.clone());
            assert!(
                !fresh.should_quit,
                "{name}: {event:?} quits with a filled form"
            );
            assert_eq!(
                fresh.screen,
                Screen::Account,
                "{name}: {event:?} leaves a filled form"
            );
            let after =
                values(&fresh).unwrap_or_else(|| panic!("{name}: {event:?} throws the form away"));
            for (i, (was, is)) in before.iter().zip(&after).enumerate() {
                if was == is {
                    continue;
                }
                assert_eq!(
                    i, focus,
                    "{name}: {event:?} changes a field that is not focused"
                );
                // Typing adds to the focused field; Backspace and ^U clear are the edits of
                // the field at the cursor, the help bar names the second.
                let typed = matches!(action, Action::Input(_)) && is.starts_with(was.as_str());
                let edited = matches!(action, Action::Backspace | Action::ClearField);
                assert!(
                    typed || edited,
                    "{name}: {event:?} ({action:?}) changes the focused field from {} to {} characters",
                    was.len(),
                    is.len()
                );
            }
        }
    }
    assert_eq!(
        filled_states,
        [
            "account, filled",
            "account, filled, endpoint focused",
            "account, validating",
            "account, valid",
            "account, key rejected",
            "account, probe result",
            "account, no [validation] section",
            "account, cancelled",
        ]
    );
}

#[test]
fn a_second_key_is_needed_to_throw_a_filled_form_away() {
    let f = Fixture::new();
    let mut app = filled(&f, Fake::default());
    send(&mut app, [Action::Back]);
    assert_eq!(
        app.popup,
        Some(Popup::Discard(integrate_tui::app::Leave::Back))
    );
    send(&mut app, [Action::ConfirmNo]);
    assert_eq!(
        values(&app).unwrap()[1],
        "s3cret",
        "no keeps what was typed"
    );
    send(&mut app, [Action::Back, Action::ConfirmYes]);
    assert_eq!(app.screen, Screen::Providers);
    assert!(app.account.is_none());

    let mut app = filled(&f, Fake::default());
    send(&mut app, [Action::Quit]);
    assert!(!app.should_quit);
    send(&mut app, [Action::Quit]);
    assert!(app.should_quit, "a second ^C quits without asking again");

    // With nothing typed, leaving and quitting do not ask.
    let mut app = with(
        main_app(&f, Fake::default()),
        [Action::Down, Action::OpenAccount],
    );
    send(&mut app, [Action::Back]);
    assert_eq!((app.screen, app.popup.clone()), (Screen::Providers, None));
    send(&mut app, [Action::OpenAccount, Action::Quit]);
    assert!(app.should_quit);
}
