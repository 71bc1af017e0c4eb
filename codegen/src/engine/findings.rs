//! What check reports beyond each point's state: the profile's `[orphans]` rule folded into one
//! finding per orphan provider, findings about the tree as a whole (entries listed twice, an
//! error when the repeat does not compile; providers of the inventory without a descriptor),
//! and the profile's `[[checks]]`.

use std::path::Path;

use super::collisions::inventory;
use super::report::{FindingClass, PointReport, PointState};
use crate::backend::SourceFile;
use crate::descriptor::Descriptor;
use crate::error::Result;
use crate::files::FileStore;
use crate::workspace::Workspace;

/// Applies the profile's `[orphans]` rule. A provider is an orphan when one side has it (the
/// rule's point is present) and the other has none of it: every point in the group of the
/// other side's point is missing. Then the missing registrations of that side's root become
/// one `orphan` finding at the present point's line. A provider missing on both sides is new,
/// not an orphan, and one missing file of an otherwise present side stays a plain `missing`.
pub(super) fn fold_orphans(ws: &Workspace, reports: &mut Vec<PointReport>) {
    let Some(rule) = &ws.profile.orphans else { return };
    let point_of = |id: &str| ws.profile.point(id);
    let mut providers: Vec<String> = Vec::new();
    for r in reports.iter() {
        if !providers.contains(&r.provider) {
            providers.push(r.provider.clone());
        }
    }
    for provider in providers {
        let state_of = |id: &str| reports.iter().find(|r| r.provider == provider && r.point == id).map(|r| r.state.clone());
        let (present, absent, consequence) = match (state_of(&rule.registered), state_of(&rule.implemented)) {
            (Some(PointState::Present), Some(PointState::Missing)) => (&rule.registered, &rule.implemented, &rule.registered_only),
            (Some(PointState::Missing), Some(PointState::Present)) => (&rule.implemented, &rule.registered, &rule.implemented_only),
            _ => continue,
        };
        let (Some(present_point), Some(absent_point)) = (point_of(present), point_of(absent)) else { continue };
        let side_present = reports.iter().any(|r| {
            r.provider == provider
                && point_of(&r.point).is_some_and(|p| p.group == absent_point.group)
                && matches!(r.state, PointState::Present | PointState::Drift { .. })
        });
        if side_present {
            continue;
        }
        let absent_root = absent_point.root.clone();
        let is_folded = |r: &PointReport| r.provider == provider && r.state == PointState::Missing && point_of(&r.point).is_some_and(|p| p.root == absent_root);
        let folded: Vec<String> = reports.iter().filter(|r| is_folded(r)).map(|r| r.point.clone()).collect();
        let Some(anchor) = reports.iter().find(|r| r.provider == provider && &r.point == present).cloned() else { continue };
        reports.retain(|r| !is_folded(r));
        let message = format!(
            "{} has it ({present}) but {absent_root} has none of its {} registration(s) ({})",
            present_point.root,
            folded.len(),
            folded.join(", ")
        );
        reports.push(PointReport {
            point: absent.clone(),
            group: Some("orphans".into()),
            severity: rule.severity,
            why: consequence.clone(),
            what: message.clone(),
            state: PointState::Drift { message },
            class: Some(FindingClass::Orphan),
            fix: Some(format!(
                "a decision, so `check --fix` leaves it: add the {absent_root} side (`integrate apply {provider}` writes the {} missing registrations) or take the provider out (`integrate remove {provider}`)",
                folded.len()
            )),
            ..anchor
        });
    }
}

/// Findings that belong to no single descriptor: entries listed twice in the files the
/// profile's points anchor to, and providers of the inventory that no descriptor describes.
/// Files are read through `files`.
pub(super) fn tree_findings(ws: &Workspace, files: &FileStore, descriptors: &[Descriptor]) -> Result<Vec<PointReport>> {
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for point in &ws.profile.points {
        let crate::profile::Form::Present { file: rel, kind, .. } = ws.facts().form(point) else { continue };
        // Points whose file depends on the descriptor (new files) hold no shared list.
        if rel.contains("{{") || rel.contains("{%") {
            continue;
        }
        let Some(root) = ws.roots.get(&point.root) else { continue };
        let path = root.join(rel);
        let display = ws.display_path(&path);
        let stored = files.source(&path)?;
        let file = SourceFile { display: &display, text: stored.normalized(), memo: Some(&stored.memo) };
        // A missing anchor is reported per descriptor; here it only means nothing to count.
        let Ok(dups) = kind.duplicates(&file) else { continue };
        for dup in dups {
            if !seen.insert((path.clone(), dup.entry.clone(), dup.lines.clone())) {
                continue;
            }
            let provider = descriptors
                .iter()
                .find(|d| dup.entry.contains(&d.names.const_) || dup.entry.eq_ignore_ascii_case(&d.brand) || dup.entry.trim_matches('"') == d.id)
                .map_or_else(|| "*".to_string(), |d| d.id.clone());
            let lines: Vec<String> = dup.lines.iter().map(usize::to_string).collect();
            let (message, severity, why) = match &dup.breaks_build {
                Some(compiler) => (
                    format!("`{}` appears {} times (lines {}); Go rejects it: {compiler}", dup.entry, dup.lines.len(), lines.join(", ")),
                    crate::profile::Severity::Error,
                    "Go rejects the repeat, so the package does not build".to_string(),
                ),
                None => (
                    format!("`{}` is listed {} times (lines {})", dup.entry, dup.lines.len(), lines.join(", ")),
                    crate::profile::Severity::Warning,
                    "a repeated entry hides which one is meant, registers it twice and survives every later edit".into(),
                ),
            };
            out.push(PointReport {
                provider,
                point: point.id.clone(),
                group: point.group.clone(),
                severity,
                why,
                what: message.clone(),
                path: display.clone(),
                line: dup.lines[1],
                state: PointState::Drift { message },
                class: Some(FindingClass::Duplicate),
                fix: Some(format!("delete the repeat at line {}", dup.lines[1])),
            });
        }
    }
    if let Some((display, members)) = inventory(ws, files)? {
        let id = ws.profile.inventory.as_deref().expect("inventory exists");
        let names = inventory_names(ws, descriptors);
        for m in members.iter().filter(|m| !names.contains(&m.name)) {
            let message = format!("{} = \"{}\" has no descriptor, so nothing checks its registrations", m.name, m.value);
            out.push(PointReport {
                provider: m.value.to_ascii_lowercase(),
                point: id.to_string(),
                group: Some("inventory".into()),
                severity: crate::profile::Severity::Note,
                why: "check can only judge providers it has a descriptor for".into(),
                what: message.clone(),
                path: display.clone(),
                line: m.line,
                state: PointState::Drift { message },
                class: Some(FindingClass::NoDescriptor),
                fix: Some("integrate discover writes one".into()),
            });
        }
    }
    Ok(out)
}

/// The names the descriptors give their providers in the profile's inventory point (for
/// cloudpods, `CLOUD_PROVIDER_<const>`): how a member of the inventory is known to be described.
pub fn inventory_names(ws: &Workspace, descriptors: &[Descriptor]) -> Vec<String> {
    let Some(id) = ws.profile.inventory.as_deref() else { return Vec::new() };
    let Some(point) = ws.profile.point(id) else { return Vec::new() };
    descriptors
        .iter()
        .filter_map(|d| {
            let ctx = ws.context(d);
            let r = ws.profile.templates.renderer(&ctx, id);
            point.spec.get("name").and_then(|v| v.as_str()).and_then(|n| r.render("name", n).ok())
        })
        .collect()
}

/// Runs the profile's `[[checks]]` over the tree, reading files through `files`; each finding
/// becomes a report in drift state.
pub(super) fn profile_checks(ws: &Workspace, files: &FileStore, descriptors: &[Descriptor]) -> Result<Vec<PointReport>> {
    let display = |p: &Path| ws.display_path(p);
    let ctx = crate::backend::CheckContext { roots: &ws.roots, descriptors, templates: &ws.profile.templates, display: &display, files };
    let mut out = Vec::new();
    for check in &ws.profile.checks {
        for f in check.check.run(&ctx)? {
            let message = match &f.fix {
                Some(fix) => format!("{}; fix: {fix}", f.message),
                None => f.message.clone(),
            };
            out.push(PointReport {
                class: Some(FindingClass::Consistency),
                fix: f.fix.clone(),
                provider: f.provider.clone().unwrap_or_else(|| "*".into()),
                point: check.id.clone(),
                group: Some("consistency".into()),
                severity: check.severity,
                why: check.why.clone(),
                what: f.message,
                path: f.path,
                line: f.line,
                state: PointState::Drift { message },
            });
        }
    }
    Ok(out)
}

/// What the profile's `blocks_apply` checks find about `descriptors`, as errors: apply refuses
/// to add what would not build (a platform type already routed by another case).
pub(super) fn blocking_findings(ws: &Workspace, files: &FileStore, descriptors: &[Descriptor]) -> Result<Vec<crate::error::Error>> {
    let display = |p: &Path| ws.display_path(p);
    let ctx = crate::backend::CheckContext { roots: &ws.roots, descriptors, templates: &ws.profile.templates, display: &display, files };
    let mut out = Vec::new();
    for check in ws.profile.checks.iter().filter(|c| c.blocks_apply) {
        for f in check.check.run(&ctx)? {
            if f.provider.as_ref().is_some_and(|p| descriptors.iter().any(|d| &d.id == p)) {
                let hint = f.fix.clone().unwrap_or_else(|| check.why.clone());
                out.push(crate::error::Error::input(crate::error::Location::new(&f.path, f.line, 0), format!("{}: {}", f.provider.unwrap_or_default(), f.message), hint));
            }
        }
    }
    Ok(out)
}
