//! `integrate discover`: a descriptor for every provider the tree defines. The providers come
//! from the profile's inventory point (for cloudpods: every `CLOUD_PROVIDER_*` of cloudmux);
//! every descriptor field comes from the signals the profile declares in `[[discover]]`, tried in
//! order, each a regular expression over files of a root. The first that matches sets the
//! field, and the descriptor says next to the field which signal (file and line) it came from.

use std::path::PathBuf;

use crate::change::FileChange;
use crate::descriptor::Descriptor;
use crate::engine::{Plan, Run};
use crate::error::{Error, Location, Result};
use crate::files::FileStore;
use crate::profile::discover::MatchOn;
use crate::workspace::Workspace;

/// What discover did for one provider.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Discovered {
    pub id: String,
    pub path: PathBuf,
    /// `written`, `updated`, `kept` (exists; no --update) or `unchanged`.
    pub action: &'static str,
    pub text: String,
}

struct Found {
    value: toml::Value,
    note: String,
}

/// Infers a descriptor for every provider of the inventory. Nothing is written here; the
/// caller commits the returned texts (all or nothing) for the ones not `kept`.
pub fn discover(ws: &Workspace, update: bool) -> Result<Vec<Discovered>> {
    discover_in(&Run::new(ws), update, &mut |_, _, _| {})
}

/// Descriptors, discovered in memory, for the providers of the inventory that none of
/// `described` describes: what `check --all` checks them with. Reads through `run`'s files.
pub fn undescribed(run: &Run, described: &[Descriptor], progress: &mut dyn FnMut(usize, usize, &str)) -> Result<Vec<Descriptor>> {
    let ws = run.workspace();
    // A profile without an inventory knows no providers but the described ones.
    if run.inventory()?.is_none() {
        return Ok(Vec::new());
    }
    let taken = crate::engine::inventory_names(ws, described);
    let mut out = Vec::new();
    for d in discover_members(run, false, &|name| taken.iter().any(|t| t == name), progress)? {
        let d = Descriptor::parse(&d.path, &d.text)?;
        let name = crate::engine::inventory_names(ws, std::slice::from_ref(&d));
        if described.iter().any(|x| x.id == d.id) || name.iter().any(|n| taken.contains(n)) {
            continue;
        }
        out.push(d);
    }
    Ok(out)
}

/// [`discover`] through `run`; `progress` sees (done, total, the inventory name) before each
/// provider is inferred.
pub fn discover_in(run: &Run, update: bool, progress: &mut dyn FnMut(usize, usize, &str)) -> Result<Vec<Discovered>> {
    discover_members(run, update, &|_| false, progress)
}

/// [`discover_in`] for the members of the inventory whose name `skip` does not take.
fn discover_members(run: &Run, update: bool, skip: &dyn Fn(&str) -> bool, progress: &mut dyn FnMut(usize, usize, &str)) -> Result<Vec<Discovered>> {
    let ws = run.workspace();
    let Some((_, members)) = run.inventory()? else {
        return Err(Error::input(
            Location::new(ws.config_file.clone().unwrap_or_default(), 0, 0),
            format!("profile {} has no inventory, or its root is not configured", ws.profile.name),
            "configure the root of the profile's inventory point in integrate.toml",
        ));
    };
    let prefix = ws.profile.discover_prefix.clone().unwrap_or_default();
    let cache = run.files();
    let mut out = Vec::new();
    let mut ids = std::collections::BTreeSet::new();
    let members: Vec<_> = members.into_iter().filter(|m| !skip(&m.name)).collect();
    let total = members.len();
    for (done, m) in members.into_iter().enumerate() {
        progress(done, total, &m.name);
        let const_ = m.name.strip_prefix(prefix.as_str()).unwrap_or(&m.name).to_string();
        let mut fields: Vec<(String, Found)> = vec![
            ("brand".into(), Found { value: toml::Value::String(m.value.clone()), note: format!("the value of {} in the inventory", m.name) }),
            ("names.const".into(), Found { value: toml::Value::String(const_.clone()), note: format!("{} without its prefix", m.name) }),
        ];
        let member = serde_json::json!({"name": m.name, "value": m.value, "stripped": const_});
        for field in ws.profile.discover.iter().map(|s| s.field.clone()).collect::<indexmap_like::Ordered>().0 {
            let ctx = context(&fields, &member);
            if let Some(found) = infer(ws, &field, &ctx, cache)? {
                // A profile's own signal for a field replaces the inventory's default for it.
                fields.retain(|(f, _)| *f != field);
                fields.push((field, found));
            }
        }
        let id = fields.iter().find(|(f, _)| f == "id").and_then(|(_, v)| v.value.as_str().map(str::to_string)).unwrap_or_else(|| const_.to_ascii_lowercase().replace('_', ""));
        if !ids.insert(id.clone()) {
            continue;
        }
        let text = render(&id, &fields);
        let path = ws.descriptor_path(&id);
        // The descriptor must be valid, or it is not worth writing.
        Descriptor::parse(&path, &text).map_err(|e| Error::input(Location::new(&path, 0, 0), format!("discover produced an invalid descriptor for {}: {e}", m.name), "report this; the profile's discover signals need fixing"))?;
        let existing = std::fs::read_to_string(&path).ok();
        let action = match &existing {
            None => "written",
            Some(t) if *t == text => "unchanged",
            Some(_) if update => "updated",
            Some(_) => "kept",
        };
        out.push(Discovered { id, path, action, text });
    }
    Ok(out)
}

/// Tiny insertion-ordered de-duplication of field names.
mod indexmap_like {
    pub struct Ordered(pub Vec<String>);
    impl FromIterator<String> for Ordered {
        fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
            let mut v: Vec<String> = Vec::new();
            for s in iter {
                if !v.contains(&s) {
                    v.push(s);
                }
            }
            Ordered(v)
        }
    }
}

/// The template context for signals: fields found so far, as a nested object, and the
/// inventory entry as `member`.
fn context(fields: &[(String, Found)], member: &serde_json::Value) -> minijinja::Value {
    let mut root = serde_json::Map::new();
    root.insert("member".into(), member.clone());
    for (name, found) in fields {
        let value = serde_json::to_value(&found.value).unwrap_or_default();
        match name.split_once('.') {
            Some((table, key)) => {
                let entry = root.entry(table.to_string()).or_insert_with(|| serde_json::json!({}));
                if let Some(obj) = entry.as_object_mut() {
                    obj.insert(key.to_string(), value);
                }
            }
            None => {
                root.insert(name.clone(), value);
            }
        }
    }
    // Values read from the tree, rendered into search patterns over the same tree: nothing
    // rendered here is written to a file, so they are written as they are.
    crate::typed::to_template_value(&serde_json::Value::Object(root), "", &|_| true)
}

fn infer(ws: &Workspace, field: &str, ctx: &minijinja::Value, cache: &FileStore) -> Result<Option<Found>> {
    let r = ws.profile.templates.renderer(ctx, "discover");
    for signal in ws.profile.discover.iter().filter(|s| s.field == field) {
        if let Some(cond) = &signal.when
            && !r.condition(cond).unwrap_or(false) {
                continue;
            }
        let Some(pattern) = &signal.pattern else {
            let value = match signal.value.clone().unwrap_or(toml::Value::Boolean(false)) {
                toml::Value::String(t) if t.contains("{{") => match r.render("value", &t) {
                    Ok(v) => toml::Value::String(v),
                    Err(_) => continue,
                },
                other => other,
            };
            return Ok(Some(Found { value, note: signal.note.clone() }));
        };
        let Some(root) = signal.root.as_ref().and_then(|r| ws.roots.get(r)) else { continue };
        // A signal that needs a field not found yet (strict undefined) cannot apply.
        let Ok(pattern) = r.render("pattern", pattern) else { continue };
        let re = cache.regex(&pattern).map_err(|e| Error::input(Location::new("profile", 0, 0), format!("discover pattern `{pattern}`: {e}"), "fix the profile"))?;
        let contains = match &signal.file_contains {
            Some(c) => match r.render("file_contains", c) {
                Ok(c) => Some(cache.regex(&c).map_err(|e| Error::input(Location::new("profile", 0, 0), format!("discover pattern `{c}`: {e}"), "fix the profile"))?),
                Err(_) => continue,
            },
            None => None,
        };
        let mut globs = Vec::new();
        for g in &signal.files {
            let Ok(g) = r.render("files", g) else { continue };
            globs.push(g);
        }
        for path in cache.glob(root, &globs)?.iter() {
            let Some(text) = cache.text(path) else { continue };
            if contains.as_ref().is_some_and(|c| !c.is_match(&text)) {
                continue;
            }
            let rel = path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/");
            let haystack = if signal.on == MatchOn::Path { rel.as_str() } else { &*text };
            if signal.collect {
                let template = signal.value.as_ref().and_then(|v| v.as_str()).unwrap_or("$1");
                let items: Vec<toml::Value> = re
                    .captures_iter(haystack)
                    .map(|c| {
                        let one = c.get(1).map_or("", |m| m.as_str());
                        let two = c.get(2).map_or("", |m| m.as_str());
                        toml::Value::String(template.replace("$1", one).replace("$2", two))
                    })
                    .collect();
                if items.is_empty() {
                    continue;
                }
                let shown = ws.display_path(path);
                return Ok(Some(Found { value: toml::Value::Array(items), note: format!("{} ({})", signal.note, shown.display()) }));
            }
            let Some(caps) = re.captures(haystack) else { continue };
            let capture = caps.get(1).map(|c| c.as_str().to_string()).unwrap_or_default();
            let value = if !signal.map.is_empty() {
                match signal.map.get(&capture) {
                    Some(v) => v.clone(),
                    None => continue,
                }
            } else {
                match &signal.value {
                    Some(toml::Value::String(s)) if s == "$1" => toml::Value::String(capture.clone()),
                    Some(v) => v.clone(),
                    None => toml::Value::String(capture.clone()),
                }
            };
            let line = if signal.on == MatchOn::Path { 1 } else { crate::text::line_of(&text, caps.get(0).map_or(0, |m| m.start())) };
            let shown = ws.display_path(path);
            return Ok(Some(Found { value, note: format!("{} ({}:{line})", signal.note, shown.display()) }));
        }
    }
    Ok(None)
}

/// Descriptor TOML with the signal of every field as a comment.
fn render(id: &str, fields: &[(String, Found)]) -> String {
    let get = |name: &str| fields.iter().find(|(f, _)| f == name).map(|(_, v)| v);
    let line = |key: &str, name: &str| -> String {
        match get(name) {
            Some(f) => format!("{key} = {}  # {}\n", f.value, f.note),
            None => String::new(),
        }
    };
    let mut out = String::from("# Written by `integrate discover`; each comment names the signal the value came from.\nschema = 1\n");
    out.push_str(&format!("id = \"{id}\"  # {}\n", get("id").map_or("the constant name, lower-cased".to_string(), |f| f.note.clone())));
    out.push_str(&line("brand", "brand"));
    out.push_str(&line("env", "env"));
    let mut tables: Vec<String> = vec!["names".into(), "features".into(), "credential".into()];
    for (f, _) in fields {
        if let Some((t, _)) = f.split_once('.')
            && !tables.iter().any(|x| x == t) {
                tables.push(t.to_string());
            }
    }
    for table in &tables {
        let keys: Vec<&(String, Found)> = fields.iter().filter(|(f, _)| f.starts_with(&format!("{table}."))).collect();
        if keys.is_empty() {
            continue;
        }
        out.push_str(&format!("\n[{table}]\n"));
        for (f, _) in keys {
            let key = f.split_once('.').map_or(f.as_str(), |(_, k)| k);
            out.push_str(&line(key, f));
        }
    }
    out
}

/// Plans writing the descriptors discover produced (new ones, and changed ones with --update).
pub fn plan_descriptors(ws: &Workspace, found: &[Discovered]) -> Plan {
    let mut plan = Plan::default();
    for d in found.iter().filter(|d| matches!(d.action, "written" | "updated")) {
        plan.changes.push(FileChange {
            display: ws.display_path(&d.path),
            path: d.path.clone(),
            before: std::fs::read_to_string(&d.path).ok(),
            after: Some(d.text.clone()),
            mode: None,
            points: vec!["discover".into()],
        });
    }
    plan
}
