//! `integrate-tui`: the terminal front end of `integrate`. It shows each provider's
//! completeness, its checklist of registration points, the diff an apply would write (and
//! writes it after a confirm), and an account form that proves a credential live. It holds no
//! splicing or validation logic: every answer comes from `integrate-codegen`.
//!
//! The shape is key -> [`Action`] (looked up in a [`keymap`]) -> [`update`] -> [`draw`]:
//! [`update`] is the only place state changes, [`draw`] only reads, and the help bar is
//! generated from the same bindings that handle keys, narrowed to the actions the current state
//! accepts. Loading the trees, planning an apply and validating run on worker threads whose
//! progress and results arrive as actions over channels, so the first frame is drawn at once.
//! The account form never loses what was typed: no key types anything but text into it, and
//! leaving or quitting asks first.

#![forbid(unsafe_code)]

pub mod action;
pub mod app;
pub mod form;
pub mod job;
pub mod keymap;
pub mod layout;
pub mod loader;
pub mod provider;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod worker;

pub use action::Action;
pub use app::{App, update};
pub use theme::Theme;
pub use ui::draw;

use integrate_codegen::Workspace;

/// What the caller decides before the app starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Turns off TLS certificate verification for validation; the UI says so on every screen.
    pub insecure: bool,
}

/// Runs the terminal app over a workspace with default options, until the user quits.
pub fn run(ws: Workspace) -> anyhow::Result<()> {
    run_with(ws, Options::default())
}

/// Runs the terminal app over a workspace, until the user quits. The providers load behind
/// the first frame. The terminal is restored on return and on panic; the theme is plain when
/// `NO_COLOR` is set.
pub fn run_with(ws: Workspace, options: Options) -> anyhow::Result<()> {
    let theme = Theme::from_env();
    let mut app = App::new(ws, options.insecure);
    let _guard = terminal::TerminalGuard::enter()?;
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))?;
    terminal::event_loop(&mut terminal, &mut app, &theme)
}
