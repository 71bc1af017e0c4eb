//! The workspace: `integrate.toml` (found upward from the current directory, or given), the
//! profile it names, the roots (checkouts) it points at, `--root NAME=PATH` overrides, the
//! descriptors directory. The workspace directory also holds the lock and the journal of
//! [`crate::commit`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::descriptor::Descriptor;
use crate::error::{Error, Location, Result};
use crate::profile::Profile;

pub const CONFIG_FILE: &str = "integrate.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    profile: String,
    #[serde(default = "default_descriptors")]
    descriptors: String,
    #[serde(default)]
    roots: BTreeMap<String, RootSetting>,
}

/// A root in integrate.toml: a path, or `{ path = "...", vendored = true }` for a vendored
/// copy (e.g. cloudpods' vendor/yunion.io/x/cloudmux), which is read only and lacks the files
/// the profile lists as not vendored.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RootSetting {
    Path(String),
    Table {
        path: String,
        #[serde(default)]
        vendored: bool,
        #[serde(default)]
        read_only: bool,
    },
}

fn default_descriptors() -> String {
    "descriptors".into()
}

/// A loaded workspace.
#[derive(Debug)]
pub struct Workspace {
    /// Directory relative paths are resolved against (the config file's directory).
    pub base: PathBuf,
    pub config_file: Option<PathBuf>,
    pub profile: Profile,
    /// Configured roots, absolute. Roots of the profile that are absent here are unchecked.
    pub roots: BTreeMap<String, PathBuf>,
    /// Roots that apply and remove must not write to.
    pub read_only: std::collections::BTreeSet<String>,
    /// Roots that are vendored copies (files the profile marks as not vendored are unchecked).
    pub vendored: std::collections::BTreeSet<String>,
    pub descriptors_dir: PathBuf,
    /// The profile's version facts, answered on first use (once per workspace).
    facts: std::sync::OnceLock<crate::facts::Facts>,
}

/// Options that override or replace the config file.
#[derive(Debug, Default, Clone)]
pub struct WorkspaceOptions {
    pub config: Option<PathBuf>,
    pub profile: Option<String>,
    pub roots: Vec<(String, PathBuf)>,
}

impl Workspace {
    /// Finds `integrate.toml` upward from `start` (unless `opts.config` names one) and loads it.
    /// Without any config file, a workspace still loads from `--profile` and `--root` alone.
    pub fn open(start: &Path, opts: &WorkspaceOptions) -> Result<Self> {
        let config_file = match &opts.config {
            Some(c) => Some(start.join(c)),
            None => start.ancestors().map(|d| d.join(CONFIG_FILE)).find(|p| p.is_file()),
        };
        let (base, raw) = match &config_file {
            Some(path) => {
                let text = crate::error::read_to_string(path)?;
                let raw: RawConfig = toml::from_str(&text).map_err(|e| {
                    let (line, column) = crate::text::line_col(&text, e.span().map_or(0, |s| s.start));
                    Error::input(Location::new(path, line, column), e.message().trim(), "integrate.toml holds `profile`, `descriptors` and a [roots] table")
                })?;
                (path.parent().unwrap_or(Path::new(".")).to_path_buf(), Some(raw))
            }
            None => (start.to_path_buf(), None),
        };
        let profile_name = opts.profile.clone().or_else(|| raw.as_ref().map(|r| r.profile.clone())).ok_or_else(|| {
            Error::input(
                Location::new(start.join(CONFIG_FILE), 0, 0),
                "no integrate.toml found here or in any parent directory, and no --profile given",
                "create integrate.toml with `profile = \"cloudpods\"` and a [roots] table, or pass --profile and --root NAME=PATH",
            )
        })?;
        let profile = Profile::load(&profile_name, &base)?;
        let mut roots = BTreeMap::new();
        let mut read_only = std::collections::BTreeSet::new();
        let mut vendored = std::collections::BTreeSet::new();
        let config_loc = config_file.clone().unwrap_or_else(|| start.join(CONFIG_FILE));
        if let Some(raw) = &raw {
            for (name, setting) in &raw.roots {
                let path = match setting {
                    RootSetting::Path(p) => p,
                    RootSetting::Table { path, vendored: v, read_only: ro } => {
                        if *v || *ro {
                            read_only.insert(name.clone());
                        }
                        if *v {
                            vendored.insert(name.clone());
                        }
                        path
                    }
                };
                roots.insert(name.clone(), base.join(path));
            }
        }
        for (name, path) in &opts.roots {
            roots.insert(name.clone(), start.join(path));
        }
        let mut errors = Vec::new();
        for (name, path) in &roots {
            let Some(decl) = profile.roots.iter().find(|r| &r.name == name) else {
                errors.push(Error::input(
                    Location::new(&config_loc, 0, 0),
                    format!("root `{name}` is not a root of profile {}", profile.name),
                    format!("the profile's roots are: {}", profile.roots.iter().map(|r| r.name.as_str()).collect::<Vec<_>>().join(", ")),
                ));
                continue;
            };
            if !path.is_dir() {
                errors.push(Error::input(Location::new(&config_loc, 0, 0), format!("root `{name}` = {} is not a directory", path.display()), "point it at your checkout (paths are relative to integrate.toml)"));
                continue;
            }
            if let Some(module) = &decl.go_module {
                let go_mod = path.join("go.mod");
                let declared = std::fs::read_to_string(&go_mod).ok().and_then(|t| t.lines().find_map(|l| l.strip_prefix("module ").map(|m| m.trim().to_string())));
                // A vendored copy (e.g. vendor/yunion.io/x/cloudmux) has no go.mod; accept it by path.
                let vendored = path.ends_with(module.as_str());
                if declared.as_deref() != Some(module.as_str()) && !vendored {
                    errors.push(Error::input(
                        Location::new(&go_mod, 0, 0),
                        format!("root `{name}` should be a checkout of Go module {module}, found {}", declared.unwrap_or_else(|| "no go.mod".into())),
                        "point the root at the right checkout",
                    ));
                }
            }
        }
        Error::collect(errors)?;
        let descriptors_dir = base.join(raw.as_ref().map_or("descriptors", |r| r.descriptors.as_str()));
        // A root given as a path inside a vendor/ directory is a vendored copy.
        for (name, path) in &roots {
            if path.components().any(|c| c.as_os_str() == "vendor") {
                read_only.insert(name.clone());
                vendored.insert(name.clone());
            }
        }
        Ok(Workspace { base, config_file, profile, roots, read_only, vendored, descriptors_dir, facts: std::sync::OnceLock::new() })
    }

    pub fn descriptor_path(&self, id: &str) -> PathBuf {
        self.descriptors_dir.join(format!("{id}.toml"))
    }

    /// Loads the named descriptors, or every `*.toml` in the descriptors directory. All
    /// errors are reported together, and descriptors that collide with each other are refused.
    pub fn load_descriptors(&self, ids: &[String]) -> Result<Vec<Descriptor>> {
        let paths: Vec<PathBuf> = if ids.is_empty() {
            let mut v: Vec<PathBuf> = match std::fs::read_dir(&self.descriptors_dir) {
                Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect(),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
                Err(e) => return Err(Error::io(&self.descriptors_dir, e)),
            };
            v.sort();
            v
        } else {
            ids.iter().map(|id| self.descriptor_path(id)).collect()
        };
        let mut out = Vec::new();
        let mut errors = Vec::new();
        for path in paths {
            if !path.is_file() {
                errors.push(Error::input(Location::new(&path, 0, 0), "no such descriptor", "create it with `integrate new <id>` or check the id"));
                continue;
            }
            match Descriptor::load(&path).and_then(|d| self.profile.check_section(&d).map(|()| d)) {
                Ok(d) => {
                    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
                    if stem != d.id {
                        errors.push(Error::input(d.field_location("id"), format!("descriptor file is named {stem}.toml but its id is `{}`", d.id), "rename the file or fix the id"));
                    }
                    out.push(d);
                }
                Err(e) => errors.push(e),
            }
        }
        for (i, a) in out.iter().enumerate() {
            for b in &out[..i] {
                for (field, x, y) in [("const", &a.names.const_, &b.names.const_), ("brand", &a.brand, &b.brand)] {
                    if x.eq_ignore_ascii_case(y) {
                        errors.push(Error::input(a.field_location(field), format!("{field} `{x}` is also used by descriptor `{}`", b.id), "each provider needs its own id, brand and constant name"));
                    }
                }
            }
        }
        Error::collect(errors)?;
        Ok(out)
    }

    /// The template context of a descriptor under this workspace's profile (section defaults
    /// filled in).
    pub fn context(&self, d: &Descriptor) -> minijinja::Value {
        let checked = self.profile.checked_fields();
        // The first table of a name wins: the answers on this tree before the assumed ones.
        let mut extra = vec![("facts".to_string(), self.facts().as_table())];
        extra.extend(self.profile.section_defaults_for(d));
        d.template_context_with(&extra, &|path| checked.contains(path))
    }

    /// The profile's version facts answered on this workspace's roots, evaluated once: which
    /// form each point takes, and what templates see as `facts.<id>`.
    pub fn facts(&self) -> &crate::facts::Facts {
        self.facts.get_or_init(|| crate::facts::Facts::evaluate(&self.profile.facts, &self.roots))
    }

    /// Path shown in messages: relative to the workspace base when inside it.
    pub fn display_path(&self, path: &Path) -> PathBuf {
        let cwd = std::env::current_dir().unwrap_or_else(|_| self.base.clone());
        path.strip_prefix(&cwd).or_else(|_| path.strip_prefix(&self.base)).map(Path::to_path_buf).unwrap_or_else(|_| path.to_path_buf())
    }
}
