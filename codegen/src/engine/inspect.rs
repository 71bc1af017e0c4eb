//! The checklist: every point inspected for every descriptor, read through the run's file
//! store, on all cores. Shared files are prepared first (the Go back end outlines them), then
//! the (descriptor, point) pairs are inspected; the order of the reports and of errors is that
//! of a sequential run.

use std::path::PathBuf;

use super::report::{FindingClass, PointReport, PointState};
use super::resolve::{Resolved, report, resolve, unchecked_reason};
use crate::backend::{DriftKind, Inspection, SourceFile};
use crate::descriptor::Descriptor;
use crate::error::Result;
use crate::files::FileStore;
use crate::profile::Point;
use crate::workspace::Workspace;

/// Every point for each descriptor, read through `files`: the checklist. Every (descriptor,
/// point) pair is judged on its own, so the pairs are spread over threads; the reports come
/// back in descriptor order, then point order, and the error returned is the first one in that
/// order, as a sequential run would return it.
pub(super) fn inspect(ws: &Workspace, files: &FileStore, descriptors: &[Descriptor]) -> Result<Vec<PointReport>> {
    let points = &ws.profile.points;
    if descriptors.is_empty() {
        return Ok(Vec::new());
    }
    let contexts: Vec<minijinja::Value> = descriptors.iter().map(|d| ws.context(d)).collect();
    let shared = shared_files(ws, &contexts[0], files);
    // The jobs: first prepare the shared files, largest first (the Go back end outlines them);
    // then the inspections, descriptor by descriptor, each going through the points on the
    // largest files first. Consecutive jobs are different points, so the two threads parse
    // different declarations during the first descriptor instead of one waiting for the
    // other's parse of the same one, and later descriptors find everything parsed.
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by_key(|&p| std::cmp::Reverse(shared.point_sizes[p]));
    let jobs: Vec<Job> = (0..shared.paths.len())
        .map(Job::Prepare)
        .chain((0..descriptors.len()).flat_map(|d| order.iter().map(move |&p| Job::Inspect(d, p))))
        .collect();
    let done = parallel_map(jobs.len(), |j| match jobs[j] {
        Job::Prepare(i) => {
            let path = &shared.paths[i];
            if let Ok(stored) = files.read(path) {
                crate::backend::prepare(path, &SourceFile { display: path, text: stored.normalized(), memo: Some(&stored.memo) });
            }
            None
        }
        Job::Inspect(d, p) => Some((d * points.len() + p, inspect_point(ws, &descriptors[d], &contexts[d], &points[p], files))),
    });
    // Back in descriptor, then point, order; the first error in that order is the one returned.
    let mut reports: Vec<Option<Result<PointReport>>> = (0..descriptors.len() * points.len()).map(|_| None).collect();
    for (i, report) in done.into_iter().flatten() {
        reports[i] = Some(report);
    }
    reports.into_iter().map(|r| r.expect("every pair is inspected once")).collect()
}

/// A unit of [`inspect`]'s work.
#[derive(Debug, Clone, Copy)]
enum Job {
    /// Let the back end prepare `SharedFiles::paths[i]`.
    Prepare(usize),
    /// Inspect point `.1` for descriptor `.0`.
    Inspect(usize, usize),
}

/// The files the points read for the first descriptor (most points name the same file for
/// every provider).
struct SharedFiles {
    /// Each file once, largest first.
    paths: Vec<PathBuf>,
    /// The size of each point's file, by point index; 0 when it has none or it does not exist.
    point_sizes: Vec<usize>,
}

/// Reads the files the first descriptor's points name; errors are left for the inspections to
/// report, in order. Their back ends then prepare them (work out what every inspection of
/// the file needs, such as the Go outline) largest first and on all threads, before the
/// inspections that would otherwise wait for each other's preparation of the same file.
fn shared_files(ws: &Workspace, ctx: &minijinja::Value, files: &FileStore) -> SharedFiles {
    let mut sized: Vec<(usize, PathBuf)> = Vec::new();
    let mut point_sizes = Vec::with_capacity(ws.profile.points.len());
    for point in &ws.profile.points {
        let Ok(Resolved { path: Some(path), not_in_version: None, .. }) = resolve(ws, point, ctx) else {
            point_sizes.push(0);
            continue;
        };
        let size = files.read(&path).ok().and_then(|f| f.raw().map(str::len)).unwrap_or(0);
        point_sizes.push(size);
        if !sized.iter().any(|(_, p)| *p == path) {
            sized.push((size, path));
        }
    }
    sized.sort_by_key(|(size, _)| std::cmp::Reverse(*size));
    SharedFiles { paths: sized.into_iter().map(|(_, p)| p).collect(), point_sizes }
}

/// `f(0)`, ..., `f(n - 1)` in order, computed on as many threads as the machine has cores.
/// Threads take the next index as they finish one, so an expensive item (the first look at a
/// large file) does not hold up the others.
fn parallel_map<T: Send>(n: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get()).min(n);
    if threads <= 1 {
        return (0..n).map(f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut slots: Vec<Option<T>> = (0..n).map(|_| None).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if i >= n {
                            return done;
                        }
                        done.push((i, f(i)));
                    }
                })
            })
            .collect();
        for worker in workers {
            let done = worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (i, value) in done {
                slots[i] = Some(value);
            }
        }
    });
    slots.into_iter().map(|v| v.expect("every index is computed once")).collect()
}

/// One row of the checklist: `point` for descriptor `d` (whose template context is `ctx`).
fn inspect_point(ws: &Workspace, d: &Descriptor, ctx: &minijinja::Value, point: &Point, files: &FileStore) -> Result<PointReport> {
    let res = resolve(ws, point, ctx)?;
    if let Some(note) = &res.not_in_version {
        return Ok(report(d, &res, 0, PointState::NotInVersion { note: note.clone() }));
    }
    let Some(path) = &res.path else {
        let state = if res.applies { PointState::NotChecked { reason: unchecked_reason(ws, point) } } else { PointState::NotApplicable };
        return Ok(report(d, &res, 0, state));
    };
    let stored = files.source(path)?;
    let r = ws.profile.templates.renderer(ctx, &point.id).presence_only().with_root(ws.roots.get(&point.root).map(PathBuf::as_path)).with_files(Some(files));
    let file = SourceFile { display: &res.display, text: stored.normalized(), memo: Some(&stored.memo) };
    if !res.applies {
        // A registration the descriptor says does not apply, yet is there: the tree
        // and the descriptor disagree (a provider in the wrong env list, a regional
        // network flag that is false, ...). Anchors that are absent do not matter here.
        let mut rep = report(d, &res, 0, PointState::NotApplicable);
        if point.present_anyway {
            return Ok(rep);
        }
        if let Ok(Inspection::Present { line }) = res.kind.inspect(&file, &r) {
            let when = point.when.as_deref().unwrap_or_default();
            rep.line = line;
            rep.state = PointState::Drift { message: format!("{} is registered, but the descriptor says it does not apply (`{when}` is false)", res.what) };
            rep.class = Some(FindingClass::NotApplicable);
            rep.fix = Some(format!("correct descriptors/{}.toml, or `integrate remove` then `apply` after correcting it", d.id));
        }
        return Ok(rep);
    }
    let inspection = match res.kind.inspect(&file, &r) {
        // What a file no build compiles holds does not register: missing, and the fix says
        // why apply will not add it there.
        Err(crate::error::Error::BuildExcluded { at, constraint, .. }) => {
            let mut rep = report(d, &res, at.line, PointState::Missing);
            rep.why = format!("`{constraint}` leaves the file out of every build, so what it holds registers nothing and apply refuses to add to it; {}", rep.why);
            rep.fix = Some(format!("`{constraint}` leaves {} out of every build, so apply refuses to add it there: register it in a file that builds", res.display.display()));
            return Ok(rep);
        }
        other => other?,
    };
    Ok(match inspection {
        Inspection::Present { line } => report(d, &res, line, PointState::Present),
        Inspection::Drift { line, message, kind } => {
            let mut rep = report(d, &res, line, PointState::Drift { message });
            rep.class = Some(match kind {
                DriftKind::Value => FindingClass::Value,
                DriftKind::Spelling => FindingClass::Spelling,
                DriftKind::Partial => FindingClass::Partial,
            });
            rep
        }
        Inspection::Missing { line, .. } => report(d, &res, line, PointState::Missing),
    })
}
