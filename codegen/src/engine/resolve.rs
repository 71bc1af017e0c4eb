//! A point resolved for one descriptor: its form in this version of the tree (declared, an
//! alternative, or not in this version), whether it applies, its file (rendered, under its root,
//! or none when the root is not configured or is a vendored copy without the file), what it
//! registers in one line; and the report row built from it.

use std::path::PathBuf;

use super::report::{FindingClass, PointReport, PointState};
use crate::descriptor::Descriptor;
use crate::error::Result;
use crate::backend::PointKind;
use crate::profile::{Form, Point};
use crate::workspace::Workspace;

/// A point resolved for one descriptor.
pub(super) struct Resolved<'a> {
    pub(super) point: &'a Point,
    /// The point's form in this version of the tree (its declared one or an alternative).
    pub(super) kind: &'a dyn PointKind,
    /// Set when the point does not exist in this version of the tree: the facts that say so.
    pub(super) not_in_version: Option<String>,
    pub(super) path: Option<PathBuf>,
    pub(super) display: PathBuf,
    pub(super) applies: bool,
    pub(super) what: String,
}

pub(super) fn resolve<'a>(ws: &'a Workspace, point: &'a Point, ctx: &minijinja::Value) -> Result<Resolved<'a>> {
    let r = ws.profile.templates.renderer(ctx, &point.id);
    let applies = match &point.when {
        Some(cond) => r.condition(cond)?,
        None => true,
    };
    let (file, kind, not_in_version) = match ws.facts().form(point) {
        Form::Present { file, kind, .. } => (file, kind, None),
        Form::NotInVersion(note) => (point.file.as_str(), point.kind.as_ref(), Some(note)),
    };
    let applies = applies && not_in_version.is_none();
    let rel = r.render("file", file)?;
    let not_vendored = ws.vendored.contains(&point.root)
        && ws.profile.roots.iter().find(|d| d.name == point.root).is_some_and(|d| {
            d.not_vendored.iter().any(|g| globset::Glob::new(g).is_ok_and(|g| g.compile_matcher().is_match(&rel)))
        });
    let path = if not_vendored { None } else { ws.roots.get(&point.root).map(|root| root.join(&rel)) };
    let display = match &path {
        Some(p) => ws.display_path(p),
        None => PathBuf::from(format!("<{}>/{rel}", point.root)),
    };
    Ok(Resolved { point, kind, not_in_version, path, display, applies, what: kind.describe(&r)? })
}

/// Why a point is not checked: its root is not configured, or the root is a vendored copy
/// without the point's file.
pub(super) fn unchecked_reason(ws: &Workspace, point: &Point) -> String {
    if ws.roots.contains_key(&point.root) {
        format!("root `{}` is a vendored copy without this file", point.root)
    } else {
        format!("root `{}` is not configured", point.root)
    }
}

pub(super) fn report(d: &Descriptor, res: &Resolved<'_>, line: usize, state: PointState) -> PointReport {
    let (class, fix) = match &state {
        PointState::Missing => (Some(FindingClass::Missing), Some(format!("integrate apply {} adds it", d.id))),
        _ => (None, None),
    };
    PointReport {
        class,
        fix,
        provider: d.id.clone(),
        point: res.point.id.clone(),
        group: res.point.group.clone(),
        severity: res.point.severity,
        why: res.point.why.clone(),
        what: res.what.clone(),
        path: res.display.clone(),
        line,
        state,
    }
}
