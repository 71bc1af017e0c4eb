//! The providers the tree already defines (the profile's inventory point) and the collisions
//! a new or applied descriptor would make with them: the same constant, brand or id.

use std::path::PathBuf;

use crate::backend::{Member, SourceFile};
use crate::descriptor::Descriptor;
use crate::error::{Error, Result};
use crate::files::FileStore;
use crate::workspace::Workspace;

/// The providers the tree already defines, read from the profile's inventory point through
/// `files`.
pub(super) fn inventory(ws: &Workspace, files: &FileStore) -> Result<Option<(PathBuf, Vec<Member>)>> {
    let Some(id) = &ws.profile.inventory else { return Ok(None) };
    let point = ws.profile.point(id).expect("validated when the profile loaded");
    let Some(root) = ws.roots.get(&point.root) else { return Ok(None) };
    let crate::profile::Form::Present { file, kind, .. } = ws.facts().form(point) else { return Ok(None) };
    // The inventory file must not depend on a descriptor.
    let ctx = minijinja::Value::from_serialize(serde_json::json!({}));
    let rel = ws.profile.templates.renderer(&ctx, id).render("file", file)?;
    let path = root.join(rel);
    let display = ws.display_path(&path);
    let stored = files.source(&path)?;
    let members = kind.members(&SourceFile { display: &display, text: stored.normalized(), memo: Some(&stored.memo) })?;
    Ok(Some((display, members)))
}

/// Refuses a descriptor whose constant or brand is already used by another provider in the
/// tree. With `is_new`, an exact match (the provider already exists) is refused too. The
/// inventory is read through `files`.
pub(super) fn check_collisions(ws: &Workspace, files: &FileStore, d: &Descriptor, is_new: bool) -> Result<()> {
    collides(ws, d, is_new, inventory(ws, files)?.as_ref())
}

/// [`check_collisions`] against an inventory read once for many descriptors.
pub(super) fn collides(ws: &Workspace, d: &Descriptor, is_new: bool, inventory: Option<&(PathBuf, Vec<Member>)>) -> Result<()> {
    let Some((display, members)) = inventory else { return Ok(()) };
    let id = ws.profile.inventory.as_deref().expect("inventory exists");
    let point = ws.profile.point(id).expect("validated");
    let ctx = ws.context(d);
    let r = ws.profile.templates.renderer(&ctx, id);
    let Some(name) = point.spec.get("name").and_then(|v| v.as_str()).map(|n| r.render("name", n)).transpose()? else { return Ok(()) };
    let mut errors = Vec::new();
    for m in members {
        let same_name = m.name == name;
        let same_brand = m.value.eq_ignore_ascii_case(&d.brand);
        let same_id = m.value.eq_ignore_ascii_case(&d.id) || m.name.to_ascii_lowercase().ends_with(&format!("_{}", d.id));
        // The same entry with the brand in another case is the same provider: check reports the
        // spelling (a `spelling` finding) where it matters, at the registrations that differ.
        if same_name && same_brand {
            if is_new {
                errors.push(Error::input(
                    d.field_location("id"),
                    format!("provider {name} = \"{}\" already exists at {}:{}", m.value, display.display(), m.line),
                    "choose another id and brand, or run `integrate discover` to write a descriptor for the existing provider",
                ));
            }
            continue;
        }
        if same_name {
            errors.push(Error::input(
                d.field_location("const"),
                format!("{name} already exists at {}:{} with value \"{}\", not \"{}\"", display.display(), m.line, m.value, d.brand),
                "choose another id (or [names] const), or set brand to the existing value",
            ));
        } else if same_brand {
            errors.push(Error::input(
                d.field_location("brand"),
                format!("brand \"{}\" collides with {} = \"{}\" at {}:{}", d.brand, m.name, m.value, display.display(), m.line),
                "brands are compared case-insensitively; choose another brand",
            ));
        } else if same_id {
            errors.push(Error::input(
                d.field_location("id"),
                format!("id `{}` collides with {} = \"{}\" at {}:{}", d.id, m.name, m.value, display.display(), m.line),
                "choose another id",
            ));
        }
    }
    Error::collect(errors)
}
