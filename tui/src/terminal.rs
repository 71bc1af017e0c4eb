//! The terminal and the event loop: raw mode, the alternate screen and bracketed paste are
//! turned on by [`TerminalGuard`] and turned off when it drops or when the program panics.
//! The loop draws first, then reads keys, pastes and resizes, maps them to actions through the
//! bindings in force, drains the workers' channels, and redraws; it changes no state itself.

use std::io::{self, Stdout};
use std::time::Duration;

use anyhow::Context;
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::action::Action;
use crate::app::{App, update};
use crate::theme::Theme;

/// How long the loop waits for input before it ticks the spinners and polls the workers.
const TICK: Duration = Duration::from_millis(100);

/// Owns the terminal while the app runs and restores it when dropped.
#[derive(Debug)]
pub struct TerminalGuard {
    _private: (),
}

impl TerminalGuard {
    /// Enters raw mode, the alternate screen and bracketed paste, and installs a panic hook
    /// that restores the terminal before the panic message is printed.
    pub fn enter() -> anyhow::Result<Self> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        enable_raw_mode().context("could not put the terminal in raw mode")?;
        let guard = TerminalGuard { _private: () };
        execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)
            .context("could not switch to the alternate screen")?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves the alternate screen, bracketed paste and raw mode; safe to call more than once.
fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Runs the event loop until the app asks to quit.
pub fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    theme: &Theme,
) -> anyhow::Result<()> {
    let size = terminal
        .size()
        .context("could not read the terminal size")?;
    update(app, Action::Resize(size.width, size.height));
    while !app.should_quit {
        terminal
            .draw(|frame| crate::ui::draw(app, theme, frame))
            .context("could not draw")?;
        if event::poll(TICK).context("could not read terminal events")? {
            let action = match event::read().context("could not read terminal events")? {
                Event::Key(key) => app.key_action(&key),
                Event::Paste(text) => app.paste_action(text),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            };
            if let Some(action) = action {
                update(app, action);
            }
        }
        while let Some(action) = app.background_action() {
            update(app, action);
        }
        if app.is_busy() {
            update(app, Action::Tick);
        }
    }
    Ok(())
}
