//! Names that belong to someone else. Before apply inserts anything for a descriptor, each
//! registration it would make is compared by name ([`PointKind::key`]: a constant's name, a
//! statement's identity, a list's entry, a file's path) with the same point of every other
//! provider the run knows: the descriptors applied with it, the workspace's others, and the
//! run's neighbours (providers without a descriptor, discovered in memory by the front end).
//! A name another provider has in the tree is that provider's: `[names] hypervisor_const =
//! "AWS"` is AWS's `HYPERVISOR_AWS`, `feature = "vmware"` is VMware's feature key, `climc =
//! "vmware"` VMware's command. A registration the tree already declares with another value,
//! that the descriptor's ledger did not record, belongs to something that is no provider
//! (`CLOUD_PROVIDER_DELETED` is a status). Apply would leave the new provider half-registered
//! on those names, so the descriptor is refused, naming its own line and the other place.
//!
//! [`PointKind::key`]: crate::backend::PointKind::key

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::resolve::{Resolved, resolve};
use crate::template::Renderer;
use crate::backend::{DriftKind, Inspection, PointKind, SourceFile};
use crate::descriptor::Descriptor;
use crate::error::{Error, Result};
use crate::files::FileStore;
use crate::ledger::{self, Ledger};
use crate::workspace::Workspace;

/// One registration of a descriptor: where it goes and the name it is known by.
pub(super) struct Registration<'w> {
    point: usize,
    kind: &'w dyn PointKind,
    path: PathBuf,
    display: PathBuf,
    key: String,
    what: String,
}

/// A registration's place and name: point, file, key.
type NameAt<'a> = (usize, &'a Path, &'a str);

/// A provider with its template context and registrations.
struct Provider<'a, 'w> {
    d: &'a Descriptor,
    ctx: minijinja::Value,
    regs: Vec<Registration<'w>>,
}

impl<'w> Registration<'w> {
    /// The registration of point number `point`, resolved as `res` (it applies and has a file at
    /// `path`); `r` renders the point's fields for its descriptor.
    pub(super) fn new(point: usize, res: &Resolved<'w>, path: PathBuf, r: &Renderer) -> Result<Self> {
        let key = res.kind.key(r)?.unwrap_or_else(|| res.what.clone());
        Ok(Registration { point, kind: res.kind, path, display: res.display.clone(), key, what: res.what.clone() })
    }
}

impl<'a, 'w> Provider<'a, 'w> {
    fn new(ws: &'w Workspace, d: &'a Descriptor) -> Result<Self> {
        let ctx = ws.context(d);
        let mut regs = Vec::new();
        for (i, point) in ws.profile.points.iter().enumerate() {
            let res = resolve(ws, point, &ctx)?;
            let Some(path) = res.path.clone() else {
                continue;
            };
            if !res.applies {
                continue;
            }
            let r = ws.profile.templates.renderer(&ctx, &point.id);
            regs.push(Registration::new(i, &res, path, &r)?);
        }
        Ok(Self { d, ctx, regs })
    }

    /// What the tree has of `reg` for this provider.
    fn inspect(&self, ws: &Workspace, files: &FileStore, reg: &Registration<'_>) -> Result<Inspection> {
        let point = &ws.profile.points[reg.point];
        let stored = files.source(&reg.path)?;
        let source = SourceFile { display: &reg.display, text: stored.normalized(), memo: Some(&stored.memo) };
        let r = ws.profile.templates.renderer(&self.ctx, &point.id).with_root(ws.roots.get(&point.root).map(|p| p.as_path())).with_files(Some(files));
        reg.kind.inspect(&source, &r)
    }
}

/// Refuses the descriptors (of `descriptors`) that apply would add registrations for while some
/// name they derive is another provider's or is taken in the tree. `neighbours` are the other
/// providers besides `descriptors`: the workspace's other descriptors and those discovered.
/// `contexts` and `applied` hold the template contexts and registrations of `descriptors` as
/// the plan resolved them, `seen` what it found of each, by point.
pub(super) fn refuse_taken_names<'w>(
    ws: &'w Workspace,
    files: &FileStore,
    descriptors: &[Descriptor],
    contexts: Vec<minijinja::Value>,
    applied: Vec<Vec<Registration<'w>>>,
    neighbours: &[Descriptor],
    seen: &[BTreeMap<usize, Seen>],
) -> Result<()> {
    let mut errors = Vec::new();
    let mut all: Vec<Provider<'_, 'w>> = descriptors.iter().zip(contexts).zip(applied).map(|((d, ctx), regs)| Provider { d, ctx, regs }).collect();
    for n in neighbours {
        all.push(Provider::new(ws, n)?);
    }
    // (point, file, key) -> (provider, registration) of everyone who makes that registration.
    let mut by_name: HashMap<NameAt<'_>, Vec<(usize, usize)>> = HashMap::new();
    for (p, provider) in all.iter().enumerate() {
        for (i, reg) in provider.regs.iter().enumerate() {
            by_name.entry((reg.point, reg.path.as_path(), reg.key.as_str())).or_default().push((p, i));
        }
    }
    for (me, provider) in all.iter().enumerate().take(descriptors.len()) {
        let d = provider.d;
        let (adds, taken) = judge_own(ws, files, provider, &seen[me])?;
        if !adds {
            continue;
        }
        errors.extend(taken);
        for reg in &provider.regs {
            let point = &ws.profile.points[reg.point];
            for &(p, i) in &by_name[&(reg.point, reg.path.as_path(), reg.key.as_str())] {
                let (other, t) = (&all[p], &all[p].regs[i]);
                if p == me || other.d.id == d.id {
                    continue;
                }
                // A discovered provider's name counts where the tree has it; two descriptors
                // claiming one name collide wherever they stand.
                let discovered = other.d.source.as_ref().is_none_or(|s| !s.path.is_file());
                let line = match other.inspect(ws, files, t)? {
                    Inspection::Present { line } | Inspection::Drift { line, .. } => line,
                    Inspection::Missing { .. } if discovered => continue,
                    Inspection::Missing { .. } => 0,
                };
                let whose = if discovered {
                    format!("provider `{}` (registered in the tree, found by discover)", other.d.id)
                } else {
                    format!(
                        "provider `{}` ({})",
                        other.d.id,
                        other.d.source.as_ref().map(|s| ws.display_path(&s.path).display().to_string()).unwrap_or_default()
                    )
                };
                let at = if line > 0 { format!(" at {}:{line}", t.display.display()) } else { format!(" in {}", t.display.display()) };
                errors.push(Error::input(
                    d.value_location(&format!("{} {}", reg.key, reg.display.display())),
                    format!("{}{at} is the registration of {whose}, not of `{}`", t.what, d.id),
                    format!("choose another value for this field: point `{}` needs a name of `{}`'s own", point.id, d.id),
                ));
                break;
            }
        }
    }
    Error::collect(errors)
}

/// What the plan's inspection found of one registration, on the text as staged: enough for
/// the names-taken pass, which then needs no inspection of its own.
#[derive(Debug, Clone)]
pub(super) enum Seen {
    Missing,
    Present,
    /// Present with another value: the line and what differs.
    ValueDrift(usize, String),
    OtherDrift,
}

impl Seen {
    pub(super) fn of(inspection: &Inspection) -> Self {
        match inspection {
            Inspection::Missing { .. } => Seen::Missing,
            Inspection::Present { .. } => Seen::Present,
            Inspection::Drift { line, message, kind: DriftKind::Value } => Seen::ValueDrift(*line, message.clone()),
            Inspection::Drift { .. } => Seen::OtherDrift,
        }
    }
}

/// Whether apply would add anything for the provider (points of writable roots that are
/// missing), and the errors of its registrations the tree declares with another value that
/// its ledger did not record (the name is taken by something else), or files it would create
/// that exist and are not its own. `seen` is what the plan found, by point.
fn judge_own(ws: &Workspace, files: &FileStore, provider: &Provider<'_, '_>, seen: &BTreeMap<usize, Seen>) -> Result<(bool, Vec<Error>)> {
    let (d, mine) = (provider.d, &provider.regs);
    // Read only when a registration needs it: most descriptors have none to judge.
    let book = std::cell::OnceCell::new();
    let recorded = |point: &crate::profile::Point, reg: &Registration<'_>| -> Result<bool> {
        if book.get().is_none() {
            let _ = book.set(Ledger::load(&ledger::path(&ws.descriptors_dir, &d.id))?.map(|(b, _)| b));
        }
        let book = book.get().expect("set above");
        let rel = ws.roots.get(&point.root).and_then(|r| reg.path.strip_prefix(r).ok()).unwrap_or(&reg.path).to_string_lossy().replace('\\', "/");
        let current = files.source(&reg.path)?;
        Ok(book.as_ref().is_some_and(|b| b.entries.iter().any(|e| e.is(&point.id, &point.root, &rel) && e.still_there(current.normalized()))))
    };
    // A provider the tree does not define yet (its inventory registration is missing) has no
    // files of its own there: a file it would create that exists, and that names none of the
    // provider's names, is someone else's. (One that names them is the provider's own, written
    // by hand or left when its constant was taken out.)
    let own_names = [
        format!("CLOUD_PROVIDER_{}", d.names.const_),
        d.names.go.clone(),
        format!("_{}", d.names.const_),
        // An import of the provider's package (its debug CLI, its shell commands).
        format!("/{}\"", d.names.package),
        format!("/{}/", d.names.package),
    ];
    let names_it = |text: &str| own_names.iter().any(|n| text.contains(n.as_str()));
    let new_to_tree = match ws.profile.inventory.as_deref().and_then(|id| mine.iter().find(|r| ws.profile.points[r.point].id == id)) {
        Some(reg) => matches!(seen.get(&reg.point), Some(Seen::Missing)),
        None => false,
    };
    let mut adds = false;
    let mut taken = Vec::new();
    for reg in mine {
        let point = &ws.profile.points[reg.point];
        if ws.read_only.contains(&point.root) {
            continue;
        }
        let Some(state) = seen.get(&reg.point) else { continue };
        match state {
            Seen::Missing => adds = true,
            Seen::Present
                if new_to_tree
                    && point.kind_name.ends_with("file")
                    && files.source(&reg.path)?.normalized().is_some_and(|text| !names_it(text))
                    && !recorded(point, reg)? =>
            {
                taken.push(Error::input(
                    d.value_location(&reg.display.display().to_string()),
                    format!("{} exists already, and `{}` is new to the tree: the file is not this provider's", reg.display.display(), d.id),
                    format!("choose another value for this field: point `{}` would generate this file", point.id),
                ));
            }
            Seen::ValueDrift(line, message) => {
                if recorded(point, reg)? {
                    continue;
                }
                taken.push(Error::input(
                    d.value_location(&reg.key),
                    format!("{} is taken: {}:{line} has it already ({message})", reg.key, reg.display.display()),
                    format!("choose another value for this field: point `{}` needs a name that is not in use", point.id),
                ));
            }
            Seen::Present | Seen::OtherDrift => {}
        }
    }
    Ok((adds, taken))
}
