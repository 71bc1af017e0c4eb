//! What OpenDAL's rules read from a checkout, each file once through the run's store: the
//! service directories with their scheme constants and registrations, the facade's features,
//! the bindings' enabled features, and line numbers for findings.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::backend::{CheckContext, CheckFinding};

/// A service crate (or the always-built memory service in core/core).
#[derive(Debug, Clone)]
pub struct Service {
    pub dir: String,
    /// `X_SCHEME` constants and their values.
    pub consts: Vec<(String, String)>,
    /// Values of the constants its register function registers.
    pub registered: Vec<String>,
}

/// The features a binding builds opendal with.
#[derive(Debug, Default)]
pub struct Enabled {
    /// On every platform.
    pub all: BTreeSet<String>,
    /// Under `[target.'cfg(unix)'...]`.
    pub unix: BTreeSet<String>,
}

pub struct Tree<'a> {
    pub root: &'a Path,
    ctx: &'a CheckContext<'a>,
}

impl<'a> Tree<'a> {
    pub fn new(root: &'a Path, ctx: &'a CheckContext<'a>) -> Self {
        Self { root, ctx }
    }

    pub fn text(&self, rel: &str) -> Option<Arc<str>> {
        self.ctx.files.text(&self.root.join(rel))
    }

    pub fn shown(&self, rel: &str) -> PathBuf {
        (self.ctx.display)(&self.root.join(rel))
    }

    pub fn finding(&self, rel: &str, line: usize, message: String, fix: Option<String>) -> CheckFinding {
        CheckFinding { provider: None, path: self.shown(rel), line, message, fix }
    }

    /// Files matching a glob under the root, relative to it.
    pub fn glob(&self, pattern: &str) -> Vec<String> {
        self.ctx
            .files
            .glob(self.root, &[pattern.to_string()])
            .map(|paths| paths.iter().filter_map(|p| p.strip_prefix(self.root).ok()).map(|p| p.to_string_lossy().replace('\\', "/")).collect())
            .unwrap_or_default()
    }

    /// Every service directory whose `src/lib.rs` exports a scheme, and the memory service.
    pub fn services(&self) -> Vec<Service> {
        let consts = regex::Regex::new(r#"pub const ([A-Z0-9_]+_SCHEME): &str = "([^"]+)";"#).expect("valid");
        let registers = regex::Regex::new(r"register::<[^>]+>\(([A-Z0-9_]+_SCHEME)\)").expect("valid");
        let mut out = Vec::new();
        let mut sources: Vec<(String, String)> = self.glob("core/services/*/src/lib.rs").into_iter().map(|rel| (rel.split('/').nth(2).unwrap_or_default().to_string(), rel)).collect();
        sources.push(("memory".into(), "core/core/src/services/memory/mod.rs".into()));
        for (dir, rel) in sources {
            let Some(text) = self.text(&rel) else { continue };
            let consts: Vec<(String, String)> = consts.captures_iter(&text).map(|c| (c[1].to_string(), c[2].to_string())).collect();
            if consts.is_empty() {
                continue;
            }
            let registered = registers.captures_iter(&text).filter_map(|c| consts.iter().find(|(n, _)| *n == c[1]).map(|(_, v)| v.clone())).collect();
            out.push(Service { dir, consts, registered });
        }
        out
    }

    /// Every scheme the registry is given, with the directory registering it.
    pub fn registered_schemes(&self) -> BTreeMap<String, String> {
        self.services().into_iter().flat_map(|s| s.registered.iter().map(|r| (r.clone(), s.dir.clone())).collect::<Vec<_>>()).collect()
    }

    pub fn toml(&self, rel: &str) -> Option<toml::Table> {
        self.text(rel)?.parse().ok()
    }

    /// The facade's features and what each enables.
    pub fn core_features(&self) -> BTreeMap<String, Vec<String>> {
        let Some(doc) = self.toml("core/Cargo.toml") else { return BTreeMap::new() };
        doc.get("features")
            .and_then(|f| f.as_table())
            .map(|t| t.iter().map(|(k, v)| (k.clone(), v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default())).collect())
            .unwrap_or_default()
    }

    /// What a binding builds opendal with: the opendal dependency's features (and those under
    /// `[target.'cfg(unix)'.dependencies.opendal]`), plus, for bindings that forward features
    /// (python, nodejs), the forwarded features their `default` and `services-all` enable.
    pub fn enabled(&self, binding: &str) -> Enabled {
        let rel = format!("bindings/{binding}/Cargo.toml");
        let mut out = Enabled::default();
        let Some(doc) = self.toml(&rel) else { return out };
        let strings = |v: Option<&toml::Value>| -> Vec<String> { v.and_then(|v| v.as_array()).map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default() };
        out.all.extend(strings(doc.get("dependencies").and_then(|d| d.get("opendal")).and_then(|o| o.get("features"))));
        if let Some(targets) = doc.get("target").and_then(|t| t.as_table()) {
            for (cfg, t) in targets {
                let features = strings(t.get("dependencies").and_then(|d| d.get("opendal")).and_then(|o| o.get("features")));
                if cfg == "cfg(unix)" || cfg == "cfg(not(windows))" {
                    out.unix.extend(features);
                } else {
                    out.all.extend(features);
                }
            }
        }
        if let Some(features) = doc.get("features").and_then(|f| f.as_table()) {
            let mut stack: Vec<String> = ["default", "services-all"].iter().map(|s| s.to_string()).collect();
            let mut seen = BTreeSet::new();
            while let Some(f) = stack.pop() {
                if !seen.insert(f.clone()) {
                    continue;
                }
                for x in strings(features.get(&f)) {
                    match x.strip_prefix("opendal/") {
                        Some(core) => {
                            out.all.insert(core.to_string());
                        }
                        None => stack.push(x),
                    }
                }
            }
        }
        out
    }

    /// The 1-based line of the first occurrence of `needle` in a file (after `after` when it
    /// is found), 0 when it is not there.
    pub fn line_of(&self, rel: &str, needle: &str, after: Option<&str>) -> usize {
        let Some(text) = self.text(rel) else { return 0 };
        let start = after.and_then(|a| text.find(a)).unwrap_or(0);
        text[start..].find(needle).map_or(0, |i| crate::text::line_of(&text, start + i))
    }
}

/// A feature's name for a directory: `services-` and the directory with `-` for `_`.
pub fn feature_of(dir: &str) -> String {
    format!("services-{}", dir.replace('_', "-"))
}
