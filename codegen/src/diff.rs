//! Unified diffs of planned changes, in the format `git apply` and reviewers expect.

use std::path::Path;

use similar::TextDiff;

/// A unified diff of one file; `None` on either side means the file is absent.
pub fn unified(display: &Path, before: Option<&str>, after: Option<&str>) -> String {
    let name = display.display().to_string().replace('\\', "/");
    let old_header = if before.is_some() { format!("a/{name}") } else { "/dev/null".to_string() };
    let new_header = if after.is_some() { format!("b/{name}") } else { "/dev/null".to_string() };
    let diff = TextDiff::from_lines(before.unwrap_or(""), after.unwrap_or(""));
    let mut out = format!("diff --integrate a/{name} b/{name}\n");
    out.push_str(&diff.unified_diff().context_radius(3).header(&old_header, &new_header).to_string());
    out
}
