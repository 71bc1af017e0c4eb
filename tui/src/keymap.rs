//! The key bindings of every screen, declared once as tables of
//! `(KeyBinding, Action, help text)`. The app narrows the table of the screen in force to the
//! rows whose action it accepts in its current state ([`App::bindings`](crate::app::App::bindings));
//! keys are looked up in that list and the help bar is generated from it, so the bar shows
//! exactly the keys that do something. Rows with an empty help text are aliases (such as `j`
//! for down) or ^C, which the help bar leaves out: the explicit hidden list.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::Action;

/// A key with its modifiers, as written in a keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyBinding {
    /// The key.
    pub code: KeyCode,
    /// The modifiers that must be held (Shift is ignored for characters and Shift-Tab).
    pub modifiers: KeyModifiers,
}

impl KeyBinding {
    /// Returns a binding for a key pressed alone.
    pub const fn key(code: KeyCode) -> Self {
        KeyBinding {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// Returns a binding for a character key pressed alone.
    pub const fn char(c: char) -> Self {
        KeyBinding::key(KeyCode::Char(c))
    }

    /// Returns a binding for a character key pressed with Control.
    pub const fn ctrl(c: char) -> Self {
        KeyBinding {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// Tells whether a key event is this binding. Shift is part of the character itself (`A`
    /// versus `a`) and of Shift-Tab, so it is ignored there.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let mut mods = event.modifiers;
        if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        event.code == self.code && mods == self.modifiers
    }
}

impl fmt::Display for KeyBinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("^")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("S-tab"),
            KeyCode::Backspace => f.write_str("bksp"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("pgup"),
            KeyCode::PageDown => f.write_str("pgdn"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The bindings of one screen or popup: key, action, help text.
pub type Keymap = &'static [Binding];

use KeyBinding as K;

/// The providers list.
pub static PROVIDERS: Keymap = &[
    (K::key(KeyCode::Up), Action::Up, "move"),
    (K::key(KeyCode::Down), Action::Down, "move"),
    (K::char('k'), Action::Up, ""),
    (K::char('j'), Action::Down, ""),
    (K::key(KeyCode::Enter), Action::OpenChecklist, "checklist"),
    (K::char('a'), Action::PlanApply, "apply"),
    (K::char('v'), Action::OpenAccount, "account"),
    (K::char('r'), Action::Refresh, "reload"),
    (K::char('q'), Action::Quit, "quit"),
    (K::ctrl('c'), Action::Quit, ""),
];

/// A provider's checklist.
pub static CHECKLIST: Keymap = &[
    (K::key(KeyCode::Up), Action::Up, "move"),
    (K::key(KeyCode::Down), Action::Down, "move"),
    (K::char('k'), Action::Up, ""),
    (K::char('j'), Action::Down, ""),
    (K::char('m'), Action::ToggleMissing, "missing only"),
    (K::char('a'), Action::PlanApply, "apply"),
    (K::char('v'), Action::OpenAccount, "account"),
    (K::char('r'), Action::Refresh, "reload"),
    (K::key(KeyCode::Esc), Action::Back, "back"),
    (K::char('q'), Action::Quit, "quit"),
    (K::ctrl('c'), Action::Quit, ""),
];

/// The diff preview of an apply.
pub static DIFF: Keymap = &[
    (K::key(KeyCode::Up), Action::Up, "scroll"),
    (K::key(KeyCode::Down), Action::Down, "scroll"),
    (K::char('k'), Action::Up, ""),
    (K::char('j'), Action::Down, ""),
    (K::key(KeyCode::PageUp), Action::PageUp, "page"),
    (K::key(KeyCode::PageDown), Action::PageDown, "page"),
    (K::char(' '), Action::PageDown, ""),
    (K::char('y'), Action::AskConfirm, "write"),
    (K::key(KeyCode::Enter), Action::AskConfirm, ""),
    (K::key(KeyCode::Esc), Action::Back, "back"),
    (K::char('q'), Action::Quit, "quit"),
    (K::ctrl('c'), Action::Quit, ""),
];

/// The popup that asks before writing files.
pub static CONFIRM: Keymap = &[
    (K::char('y'), Action::ConfirmYes, "yes, write"),
    (K::key(KeyCode::Enter), Action::ConfirmYes, ""),
    (K::char('n'), Action::ConfirmNo, "no"),
    (K::key(KeyCode::Esc), Action::ConfirmNo, ""),
    (K::ctrl('c'), Action::Quit, ""),
];

/// The popup that asks before the account form's values are thrown away. Only `y` agrees:
/// Enter, which validates in the form, must not discard what was typed when pressed once too
/// often. A second ^C quits without asking again.
pub static DISCARD: Keymap = &[
    (K::char('y'), Action::ConfirmYes, "yes, discard"),
    (K::char('n'), Action::ConfirmNo, "no, keep editing"),
    (K::key(KeyCode::Esc), Action::ConfirmNo, ""),
    (K::ctrl('c'), Action::Quit, ""),
];

/// The popup that shows an error.
pub static ERROR: Keymap = &[
    (K::key(KeyCode::Enter), Action::DismissError, "close"),
    (K::key(KeyCode::Esc), Action::DismissError, ""),
    (K::char('q'), Action::Quit, "quit"),
    (K::ctrl('c'), Action::Quit, ""),
];

/// The account form. Printable characters that no accepted row binds are typed into the focused
/// field, so no letter does anything else here: the form never leaves edit mode, and the keys
/// that leave or quit ask first when something was typed. Space toggles a yes/no field and ←/→
/// pick a choice; on a text field those rows are not accepted, so space is typed.
pub static ACCOUNT: Keymap = &[
    (K::key(KeyCode::Tab), Action::NextField, "next"),
    (K::key(KeyCode::BackTab), Action::PrevField, "prev"),
    (K::key(KeyCode::Down), Action::NextField, ""),
    (K::key(KeyCode::Up), Action::PrevField, ""),
    (K::key(KeyCode::Enter), Action::Validate, "validate"),
    (K::ctrl('w'), Action::Probe, "wrong-key probe"),
    (K::char(' '), Action::ToggleField, "toggle"),
    (K::key(KeyCode::Left), Action::PrevChoice, "choice"),
    (K::key(KeyCode::Right), Action::NextChoice, "choice"),
    (K::key(KeyCode::Backspace), Action::Backspace, ""),
    (K::ctrl('u'), Action::ClearField, "clear"),
    (K::key(KeyCode::Esc), Action::Back, "back"),
    (K::ctrl('c'), Action::Quit, ""),
];

/// The account form while a validation or probe runs: the fields stay editable (the worker has
/// its own copy of the credential) and Esc cancels the job.
pub static ACCOUNT_RUNNING: Keymap = &[
    (K::key(KeyCode::Tab), Action::NextField, "next"),
    (K::key(KeyCode::BackTab), Action::PrevField, "prev"),
    (K::key(KeyCode::Down), Action::NextField, ""),
    (K::key(KeyCode::Up), Action::PrevField, ""),
    (K::char(' '), Action::ToggleField, "toggle"),
    (K::key(KeyCode::Left), Action::PrevChoice, "choice"),
    (K::key(KeyCode::Right), Action::NextChoice, "choice"),
    (K::key(KeyCode::Backspace), Action::Backspace, ""),
    (K::ctrl('u'), Action::ClearField, "clear"),
    (K::key(KeyCode::Esc), Action::Cancel, "cancel"),
    (K::ctrl('c'), Action::Quit, ""),
];

/// Every table, for tests that walk them all.
pub static ALL: &[Keymap] = &[
    PROVIDERS,
    CHECKLIST,
    DIFF,
    CONFIRM,
    DISCARD,
    ERROR,
    ACCOUNT,
    ACCOUNT_RUNNING,
];

/// One row of a keymap: key, action, help text (empty for a hidden row).
pub type Binding = (KeyBinding, Action, &'static str);

/// Looks a key event up in a list of bindings. Only presses count; releases and repeats of
/// keyboards that report them are ignored.
pub fn lookup(bindings: &[Binding], event: &KeyEvent) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    bindings
        .iter()
        .find(|(k, _, _)| k.matches(event))
        .map(|(_, a, _)| a.clone())
}

/// The help bar entries of a list of bindings: rows with the same help text are merged
/// (`↑/↓ move`) and rows without help text are left out.
pub fn help_entries(keymap: &[Binding]) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for (key, _, help) in keymap {
        if help.is_empty() {
            continue;
        }
        match out.iter_mut().find(|(_, h)| h == help) {
            Some((keys, _)) => {
                keys.push('/');
                keys.push_str(&key.to_string());
            }
            None => out.push((key.to_string(), help)),
        }
    }
    out
}
