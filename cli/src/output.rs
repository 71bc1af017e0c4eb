//! Formatting of reports for people: check findings as `path:line: severity: provider: what
//! (why)` and in CI's formats (JSON, GitHub, SARIF) with check's summary and exit code, the
//! provider list with completeness, and the summary lines of apply and remove.

use std::io::{IsTerminal, Write};

use integrate_codegen::Severity;
use integrate_codegen::engine::{PointReport, PointState, VersionReport};

/// Prints check's findings in `format` on `out`, then the points not checked and the summary
/// on standard error; returns check's exit code, 1 when a finding reaches `threshold`.
pub fn report_check(reports: &[PointReport], threshold: Severity, format: CheckFormat, versions: Option<&VersionReport>, out: &mut dyn Write) -> anyhow::Result<u8> {
    match format {
        CheckFormat::Human => {
            let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            write_human(out, reports, colour)?;
            if let Some(v) = versions {
                write_explain(out, v)?;
            }
        }
        CheckFormat::Json => write_json(out, reports, threshold, versions)?,
        CheckFormat::Github => write_github(out, reports)?,
        CheckFormat::Sarif => writeln!(out, "{}", serde_json::to_string_pretty(&sarif(reports))?)?,
    }
    print_unchecked(&mut crate::stdio::err(), reports)?;
    let findings: Vec<_> = reports.iter().filter(|r| r.is_finding()).collect();
    let failing = findings.iter().filter(|r| r.severity >= threshold).count();
    let present = reports.iter().filter(|r| r.state == PointState::Present).count();
    crate::stdio::stderr!("check: {} finding(s), {failing} at or above {threshold}; {present} registration(s) present", findings.len());
    Ok(if failing > 0 { 1 } else { 0 })
}

/// One finding line, the format editors and CI logs understand.
pub fn finding_line(r: &PointReport) -> String {
    use integrate_codegen::engine::FindingClass;
    let what = match (&r.state, r.class) {
        (PointState::Missing, _) => format!("missing {}", r.what),
        (PointState::Drift { message }, Some(FindingClass::Duplicate)) => format!("duplicate: {message}"),
        (PointState::Drift { message }, Some(FindingClass::NoDescriptor)) => format!("no descriptor: {message}"),
        (PointState::Drift { message }, Some(FindingClass::Spelling)) => format!("spelling: {message}"),
        (PointState::Drift { message }, Some(FindingClass::NotApplicable)) => format!("mismatch: {message}"),
        (PointState::Drift { message }, Some(FindingClass::Orphan)) => format!("orphan: {message}"),
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
    let applicable = mine.iter().filter(|r| !matches!(r.state, PointState::NotApplicable | PointState::NotChecked { .. } | PointState::NotInVersion { .. })).count();
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
    // Points this version of the tree does not have: once per point, with the deciding facts.
    let mut absent: Vec<(&str, &str)> = reports
        .iter()
        .filter_map(|r| match &r.state {
            PointState::NotInVersion { note } => Some((r.point.as_str(), note.as_str())),
            _ => None,
        })
        .collect();
    absent.sort();
    absent.dedup();
    for (point, note) in absent {
        writeln!(out, "not in this version: {point}: {note}")?;
    }
    Ok(())
}

/// Output formats of `integrate check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// One line per finding, grouped by provider; colour on a terminal unless NO_COLOR.
    Human,
    /// The versioned JSON document described in docs/check-json.md.
    Json,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
}

/// The schema identifier of the JSON output; bumped on any incompatible change.
pub const JSON_SCHEMA: &str = "integrate-check/1";

pub fn findings(reports: &[PointReport]) -> Vec<&PointReport> {
    let mut v: Vec<&PointReport> = reports.iter().filter(|r| r.is_finding()).collect();
    v.sort_by(|a, b| (a.provider.as_str(), &a.path, a.line).cmp(&(b.provider.as_str(), &b.path, b.line)));
    v
}

fn message(r: &PointReport) -> String {
    match &r.state {
        PointState::Missing => format!("missing {}", r.what),
        PointState::Drift { message } => message.clone(),
        _ => r.what.clone(),
    }
}

pub fn write_human(out: &mut dyn Write, reports: &[PointReport], colour: bool) -> std::io::Result<()> {
    let list = findings(reports);
    let mut provider: Option<&str> = None;
    for r in list {
        if colour && provider != Some(r.provider.as_str()) {
            writeln!(out, "\x1b[1m{}\x1b[0m", r.provider)?;
            provider = Some(r.provider.as_str());
        }
        if colour {
            let code = match r.severity {
                integrate_codegen::Severity::Error => "31",
                integrate_codegen::Severity::Warning => "33",
                integrate_codegen::Severity::Note => "36",
            };
            let line = finding_line(r);
            let sev = format!(": {}: ", r.severity);
            writeln!(out, "{}", line.replacen(&sev, &format!(": \x1b[{code}m{}\x1b[0m: ", r.severity), 1))?;
        } else {
            writeln!(out, "{}", finding_line(r))?;
        }
    }
    Ok(())
}

/// `check --explain`: the version facts answered on the trees and the form each versioned
/// point took because of them.
pub fn write_explain(out: &mut dyn Write, v: &VersionReport) -> std::io::Result<()> {
    writeln!(out, "version facts ({}):", v.facts.len())?;
    for f in &v.facts {
        let assumed = if f.assumed { " (assumed: root not configured)" } else { "" };
        writeln!(out, "  {} = {}{assumed}: {} ({})", f.id, f.value.describe(), f.question, f.about)?;
    }
    writeln!(out, "points that depend on them ({}):", v.points.len())?;
    for p in &v.points {
        let detail = match (&p.file, &p.note) {
            (_, Some(note)) => note.clone(),
            (Some(file), None) => file.clone(),
            (None, None) => String::new(),
        };
        writeln!(out, "  {}: {} [{}]: {detail}", p.point, p.form, p.facts.join(", "))?;
    }
    Ok(())
}

pub fn write_json(out: &mut dyn Write, reports: &[PointReport], threshold: integrate_codegen::Severity, versions: Option<&VersionReport>) -> std::io::Result<()> {
    let list = findings(reports);
    let mut value = serde_json::json!({
        "schema": JSON_SCHEMA,
        "tool": { "name": "integrate", "version": env!("CARGO_PKG_VERSION") },
        "threshold": threshold.to_string(),
        "summary": {
            "findings": list.len(),
            "failing": list.iter().filter(|r| r.severity >= threshold).count(),
            "present": reports.iter().filter(|r| r.state == PointState::Present).count(),
            "not_checked": reports.iter().filter(|r| matches!(r.state, PointState::NotChecked { .. })).count(),
            "not_in_version": reports.iter().filter(|r| matches!(r.state, PointState::NotInVersion { .. })).count(),
        },
        "findings": list.iter().map(|r| serde_json::json!({
            "provider": r.provider,
            "point": r.point,
            "class": r.class.map(|c| c.as_str()),
            "severity": r.severity.to_string(),
            "path": r.path.display().to_string(),
            "line": r.line,
            "message": message(r),
            "why": r.why,
            "fix": r.fix,
        })).collect::<Vec<_>>(),
    });
    if let Some(v) = versions {
        value["versions"] = serde_json::to_value(v).expect("version reports serialise");
    }
    writeln!(out, "{}", serde_json::to_string_pretty(&value).expect("JSON values serialise"))
}

fn escape_github(s: &str, property: bool) -> String {
    let s = s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    if property { s.replace(':', "%3A").replace(',', "%2C") } else { s }
}

pub fn write_github(out: &mut dyn Write, reports: &[PointReport]) -> std::io::Result<()> {
    for r in findings(reports) {
        let level = match r.severity {
            integrate_codegen::Severity::Error => "error",
            integrate_codegen::Severity::Warning => "warning",
            integrate_codegen::Severity::Note => "notice",
        };
        let class = r.class.map_or("finding", |c| c.as_str());
        writeln!(
            out,
            "::{level} file={},line={},title={}::{}",
            escape_github(&r.path.display().to_string(), true),
            r.line.max(1),
            escape_github(&format!("integrate {class}: {}", r.provider), true),
            escape_github(&format!("{} ({})", message(r), r.why), false)
        )?;
    }
    Ok(())
}

pub fn sarif(reports: &[PointReport]) -> serde_json::Value {
    use integrate_codegen::engine::FindingClass;
    let rules: Vec<serde_json::Value> = FindingClass::ALL
        .iter()
        .map(|c| serde_json::json!({ "id": c.as_str(), "name": c.as_str(), "shortDescription": { "text": c.description() } }))
        .collect();
    let results: Vec<serde_json::Value> = findings(reports)
        .iter()
        .map(|r| {
            let level = match r.severity {
                integrate_codegen::Severity::Error => "error",
                integrate_codegen::Severity::Warning => "warning",
                integrate_codegen::Severity::Note => "note",
            };
            let class = r.class.unwrap_or(FindingClass::Missing);
            let index = FindingClass::ALL.iter().position(|c| *c == class).unwrap_or(0);
            serde_json::json!({
                "ruleId": class.as_str(),
                "ruleIndex": index,
                "level": level,
                "message": { "text": format!("{}: {} ({})", r.provider, message(r), r.why) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": r.path.display().to_string().replace('\\', "/") },
                        "region": { "startLine": r.line.max(1) }
                    }
                }],
                "properties": { "provider": r.provider, "point": r.point }
            })
        })
        .collect();
    let mut driver = serde_json::json!({ "name": "integrate", "version": env!("CARGO_PKG_VERSION"), "rules": rules });
    // informationUri is optional; it is given only when the package names where it lives,
    // never as a made-up address a dashboard would link to.
    if let Some(uri) = information_uri() {
        driver["informationUri"] = uri.into();
    }
    serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "results": results
        }]
    })
}

/// Where people learn about the tool: the package's homepage or repository, when it has one.
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")].into_iter().find(|u| !u.is_empty())
}
