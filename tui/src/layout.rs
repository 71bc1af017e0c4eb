//! The frame every screen shares: a title bar, the `--insecure` banner when it is on, the
//! screen's body, a message line and the help bar. [`ui`](crate::ui) draws into these areas,
//! and [`app`](crate::app) asks how many diff lines fit on a page; neither needs the other.

use ratatui::layout::{Constraint, Layout, Rect};

/// The rows of the frame, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The title bar.
    pub title: Rect,
    /// The `--insecure` banner (no rows when it is off).
    pub banner: Rect,
    /// The screen's body.
    pub body: Rect,
    /// The message line.
    pub message: Rect,
    /// The help bar.
    pub help: Rect,
}

/// Cuts the terminal's area into the frame's rows.
pub fn areas(area: Rect, insecure: bool) -> Areas {
    let [title, banner, body, message, help] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(insecure)),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Areas {
        title,
        banner,
        body,
        message,
        help,
    }
}

/// The rows of the frame outside the body: the title bar, the message line and the help bar.
const CHROME: u16 = 3;

/// The number of lines a bordered panel filling the body shows, for a terminal `height` rows
/// tall; at least one. Plain arithmetic, as [`areas`] lays the rows out (a test holds the two
/// together), because the app asks on every key.
pub fn body_lines(height: u16, insecure: bool) -> usize {
    let body = height.saturating_sub(CHROME + u16::from(insecure));
    usize::from(body.saturating_sub(2)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_lines_agrees_with_the_layout() {
        for height in 0..80 {
            for insecure in [false, true] {
                let body = areas(Rect::new(0, 0, 80, height), insecure).body;
                assert_eq!(
                    body_lines(height, insecure),
                    usize::from(body.height.saturating_sub(2)).max(1),
                    "height {height}, insecure {insecure}"
                );
            }
        }
    }
}
