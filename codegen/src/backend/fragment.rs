//! A point's text given inline in the profile or as a template file of the profile.

use crate::error::{Error, Location, Result};
use crate::template::Renderer;

/// The text of a template field given inline or as a template file.
#[derive(Debug)]
pub(crate) enum Fragment {
    Inline(&'static str, String),
    File(String),
}

impl Fragment {
    pub(crate) fn new(
        kind: &str,
        field: &'static str,
        inline: Option<String>,
        file: Option<String>,
        at: &Location,
    ) -> Result<Self> {
        match (inline, file) {
            (Some(s), None) => Ok(Fragment::Inline(field, s)),
            (None, Some(t)) => Ok(Fragment::File(t)),
            _ => Err(Error::input(
                at.clone(),
                format!("point of kind `{kind}` needs exactly one of `{field}` and `template`"),
                format!("give `{field}` inline, or name a template file"),
            )),
        }
    }

    pub(crate) fn render(&self, r: &Renderer) -> Result<String> {
        match self {
            Fragment::Inline(field, s) => r.render(field, s),
            Fragment::File(t) => r.render_file(t),
        }
    }
}
