//! Formatting of reports for people: check findings as `path:line: severity: provider: what
//! (why)`, the provider list with completeness, and the summary lines of apply and remove.

use std::io::Write;

use integrate_codegen::engine::{PointReport, PointState};

/// One finding line, the format editors and CI logs understand.
pub fn finding_line(r: &PointReport) -> String {
    use integrate_codegen::engine::FindingClass;
    let what = match (&r.state, r.class) {
        (PointState::Missing, _) => format!("missing {}", r.what),
        (PointState::Drift { message }, Some(FindingClass::Duplicate)) => format!("duplicate: {message}"),
        (PointState::Drift { message }, Some(FindingClass::NoDescriptor)) => format!("no descriptor: {message}"),
        (PointState::Drift { message }, Some(FindingClass::Spelling)) => format!("spelling: {message}"),
        (PointState::Drift { message }, Some(FindingClass::NotApplicable)) => format!("mismatch: {message}"),
        (PointState::Drift { message }, _) => format!("drift: {message}"),
        _ => r.what.clone(),
    };
    format!("{}:{}: {}: {}: {} ({})", r.path.display(), r.line, r.severity, r.provider, what, r.why)
}

/// Completeness of one provider: (present, applicable, not checked).
pub fn completeness(reports: &[PointReport], provider: &str) -> (usize, usize, usize) {
    let mine: Vec<&PointReport> = reports.iter().filter(|r| r.provider == provider).collect();
    let present = mine.iter().filter(|r| r.state == PointState::Present).count();
    let unchecked = mine.iter().filter(|r| matches!(r.state, PointState::NotChecked { .. })).count();
    let applicable = mine.iter().filter(|r| !matches!(r.state, PointState::NotApplicable | PointState::NotChecked { .. })).count();
    (present, applicable, unchecked)
}

pub fn print_unchecked(out: &mut dyn Write, reports: &[PointReport]) -> std::io::Result<()> {
    let mut reasons: Vec<String> = reports
        .iter()
        .filter_map(|r| match &r.state {
            PointState::NotChecked { reason } => Some(reason.clone()),
            _ => None,
        })
        .collect();
    reasons.sort();
    reasons.dedup();
    for reason in reasons {
        let n = reports.iter().filter(|r| matches!(&r.state, PointState::NotChecked { reason: x } if *x == reason)).count();
        writeln!(out, "not checked: {n} point(s): {reason}")?;
    }
    Ok(())
}
