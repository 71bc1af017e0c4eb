//! The colours and text attributes of every element the UI draws. A [`Theme`] is chosen once
//! when the app starts (plain when `NO_COLOR` is set, coloured otherwise) and handed to
//! [`draw`](crate::ui::draw); no other module picks a colour.

use ratatui::style::{Color, Modifier, Style};

/// The styles the renderer uses, one per kind of element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The title bar at the top of every screen.
    pub title: Style,
    /// The `--insecure` banner.
    pub insecure: Style,
    /// The highlighted row of a list or the focused form field.
    pub selected: Style,
    /// A registration that is present, or a credential that was accepted.
    pub good: Style,
    /// A missing registration, a rejected credential or an error.
    pub bad: Style,
    /// A registration that exists but differs from what the profile expects.
    pub warn: Style,
    /// Text that matters less: n/a rows, hints, labels.
    pub muted: Style,
    /// An added line of a diff.
    pub diff_add: Style,
    /// A removed line of a diff.
    pub diff_del: Style,
    /// A hunk or file header of a diff.
    pub diff_header: Style,
    /// A key name in the help bar.
    pub key: Style,
    /// Section headings inside a panel.
    pub heading: Style,
}

impl Theme {
    /// Picks the theme from the environment: [`Theme::plain`] when `NO_COLOR` is set to a
    /// non-empty value (see no-color.org), [`Theme::colored`] otherwise.
    pub fn from_env() -> Self {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::plain(),
            _ => Theme::colored(),
        }
    }

    /// Returns a theme that uses colours.
    pub fn colored() -> Self {
        Theme {
            title: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            insecure: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            good: Style::new().fg(Color::Green),
            bad: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            warn: Style::new().fg(Color::Yellow),
            muted: Style::new().fg(Color::DarkGray),
            diff_add: Style::new().fg(Color::Green),
            diff_del: Style::new().fg(Color::Red),
            diff_header: Style::new().fg(Color::Cyan),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD),
        }
    }

    /// Returns a theme without any colour, only bold, reversed and dim text.
    pub fn plain() -> Self {
        let none = Style::new();
        Theme {
            title: none.add_modifier(Modifier::BOLD | Modifier::REVERSED),
            insecure: none.add_modifier(Modifier::BOLD | Modifier::REVERSED),
            selected: none.add_modifier(Modifier::REVERSED),
            good: none,
            bad: none.add_modifier(Modifier::BOLD),
            warn: none.add_modifier(Modifier::BOLD),
            muted: none.add_modifier(Modifier::DIM),
            diff_add: none,
            diff_del: none,
            diff_header: none.add_modifier(Modifier::BOLD),
            key: none.add_modifier(Modifier::BOLD),
            heading: none.add_modifier(Modifier::BOLD),
        }
    }

    /// Tells whether any style of the theme sets a colour; the plain theme never does.
    pub fn uses_color(&self) -> bool {
        [
            self.title,
            self.insecure,
            self.selected,
            self.good,
            self.bad,
            self.warn,
            self.muted,
            self.diff_add,
            self.diff_del,
            self.diff_header,
            self.key,
            self.heading,
        ]
        .iter()
        .any(|s| s.fg.is_some() || s.bg.is_some())
    }
}
