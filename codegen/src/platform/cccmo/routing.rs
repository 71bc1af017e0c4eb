//! `cccmo.platform_routed`: a descriptor's platform type is already selected by a `case` of
//! the operator's platform switches under another spelling (`configv1.PowerVSPlatformType`
//! routed to `ibm`, or an existing provider's `configv1.NutanixPlatformType`). Adding
//! `case <id>.PlatformType:` next to it is a duplicate case value, which Go refuses to compile,
//! so check reports it as an error and apply refuses it (the check is declared `blocks_apply`).
//!
//! Case labels are resolved to their string value: `configv1.<Name>` from the vendored
//! openshift/api constants, `<pkg>.PlatformType` from the provider package's own constant, and
//! string literals as written.

use std::path::Path;

use regex::Regex;
use serde::Deserialize;

use crate::backend::go::syntax::{self, children, row, text};
use crate::backend::{CheckContext, CheckFinding, TreeCheck, parse_spec};
use crate::error::{Location, Result};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoutedSpec {
    root: String,
    /// The Go file holding the switches.
    file: String,
    /// The functions whose `switch` statements select by platform type.
    #[serde(default)]
    functions: Vec<String>,
    /// Functions whose map literals are keyed by platform type (`string(<label>): ...`), such
    /// as the test platforms map: a second key of the same value does not compile either.
    #[serde(default)]
    map_functions: Vec<String>,
    /// The Go file declaring `configv1.<Name> PlatformType = "<value>"` constants.
    platform_types: String,
    /// The directory of the provider packages (`<dir>/<pkg>/*.go` declare `PlatformType`).
    packages: String,
    /// Per descriptor: its platform type value and its own case label (templates over the
    /// descriptor as written: section defaults are not filled in, so test with `is defined`).
    platform_type: String,
    own_case: String,
    /// A condition over the descriptor: only descriptors it holds for are judged.
    #[serde(default)]
    when: Option<String>,
}

#[derive(Debug)]
pub struct PlatformRouted {
    spec: RoutedSpec,
}

pub fn build(spec: toml::Table, at: &Location) -> Result<Box<dyn TreeCheck>> {
    Ok(Box::new(PlatformRouted { spec: parse_spec("cccmo.platform_routed", spec, at)? }))
}

/// One case label of a platform switch: where, as written, its value, and what it routes to.
struct Label {
    function: String,
    line: usize,
    written: String,
    value: Option<String>,
    routes_to: Option<String>,
}

impl PlatformRouted {
    fn labels(&self, ctx: &CheckContext<'_>, root: &Path, src: &str) -> Result<Vec<Label>> {
        let tree = syntax::parse(src);
        let types = ctx.files.source(&root.join(&self.spec.platform_types))?.raw().map(str::to_string).unwrap_or_default();
        let route = Regex::new(r"\b(\w+)\.NewProviderAssets\b").expect("a valid pattern");
        let mut out = Vec::new();
        for function in &self.spec.functions {
            let Some(body) = children(tree.root_node())
                .into_iter()
                .find(|n| matches!(n.kind(), "function_declaration" | "method_declaration") && n.child_by_field_name("name").is_some_and(|f| text(f, src) == function))
                .and_then(|n| n.child_by_field_name("body"))
            else {
                continue;
            };
            syntax::visit(body, &mut |n| {
                if n.kind() != "expression_case" {
                    return true;
                }
                let routes_to = route.captures(text(n, src)).map(|c| c[1].to_string());
                for v in n.child_by_field_name("value").map(children).unwrap_or_default().into_iter().filter(|c| c.is_named() && c.kind() != "comment") {
                    let written = text(v, src).to_string();
                    let value = self.resolve(ctx, root, &types, &written);
                    out.push(Label { function: function.clone(), line: row(v) + 1, written, value, routes_to: routes_to.clone() });
                }
                true
            });
        }
        let key = Regex::new(r"^string\((.+)\)$").expect("a valid pattern");
        for function in &self.spec.map_functions {
            let Some(body) = children(tree.root_node())
                .into_iter()
                .find(|n| matches!(n.kind(), "function_declaration" | "method_declaration") && n.child_by_field_name("name").is_some_and(|f| text(f, src) == function))
            else {
                continue;
            };
            syntax::visit(body, &mut |n| {
                if n.kind() != "keyed_element" {
                    return true;
                }
                let Some(k) = children(n).into_iter().find(|c| c.is_named()) else { return false };
                let k_text = text(k, src).trim().to_string();
                if let Some(c) = key.captures(&k_text) {
                    let value = self.resolve(ctx, root, &types, &c[1]);
                    let written = k_text.clone();
                    out.push(Label { function: function.clone(), line: row(n) + 1, written, value, routes_to: None });
                }
                false
            });
        }
        Ok(out)
    }

    /// The string value of a case label, when it can be told.
    fn resolve(&self, ctx: &CheckContext<'_>, root: &Path, types: &str, label: &str) -> Option<String> {
        if let Some(s) = label.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
            return Some(s.to_string());
        }
        let (pkg, name) = label.split_once('.')?;
        if pkg == "configv1" {
            let re = Regex::new(&format!(r#"\b{}\s+PlatformType\s*=\s*"([^"]*)""#, regex::escape(name))).ok()?;
            return re.captures(types).map(|c| c[1].to_string());
        }
        if name != "PlatformType" {
            return None;
        }
        let dir = root.join(&self.spec.packages).join(pkg);
        let files = ctx.files.glob(&dir, &["*.go".to_string()]).ok()?;
        let decl = Regex::new(r#"(?m)^\s*(?:const\s+)?PlatformType\b[^=\n]*=\s*(?:configv1\.(\w+)|[\w.]*\(?"([^"]*)"\)?)"#).expect("a valid pattern");
        for f in files.iter().filter(|f| !f.to_string_lossy().ends_with("_test.go")) {
            let Ok(stored) = ctx.files.source(f) else { continue };
            let Some(text) = stored.raw() else { continue };
            if let Some(c) = decl.captures(text) {
                return match (c.get(1), c.get(2)) {
                    (Some(name), _) => self.resolve(ctx, root, types, &format!("configv1.{}", name.as_str())),
                    (_, Some(v)) => Some(v.as_str().to_string()),
                    _ => None,
                };
            }
        }
        None
    }
}

impl TreeCheck for PlatformRouted {
    fn run(&self, ctx: &CheckContext<'_>) -> Result<Vec<CheckFinding>> {
        let Some(root) = ctx.roots.get(&self.spec.root) else { return Ok(Vec::new()) };
        let path = root.join(&self.spec.file);
        let stored = ctx.files.source(&path)?;
        let Some(src) = stored.raw() else { return Ok(Vec::new()) };
        let labels = self.labels(ctx, root, src)?;
        let mut out = Vec::new();
        for d in ctx.descriptors {
            let value = d.template_context();
            let r = ctx.templates.renderer(&value, "cccmo.platform_routed");
            if let Some(cond) = &self.spec.when
                && !r.condition(cond)?
            {
                continue;
            }
            let platform = r.render("platform_type", &self.spec.platform_type)?;
            let own = r.render("own_case", &self.spec.own_case)?;
            for l in labels.iter().filter(|l| l.value.as_deref() == Some(platform.as_str()) && syntax::normalize(&l.written) != syntax::normalize(&own)) {
                let routed = match &l.routes_to {
                    Some(pkg) if pkg == &d.id => format!("already routed to `{pkg}` under another spelling"),
                    Some(pkg) => format!("already routed to package `{pkg}`"),
                    None => "already listed".to_string(),
                };
                out.push(CheckFinding {
                    provider: Some(d.id.clone()),
                    path: (ctx.display)(&path),
                    line: l.line,
                    message: format!(
                        "platform type `{platform}` is {routed} in func {} (as `{}`); `{own}` beside it would be a duplicate case value or map key, which does not compile",
                        l.function, l.written
                    ),
                    fix: Some(format!("re-route that case to `{}` by hand (as the real PowerVS provider did), or leave the platform type to the provider that has it", d.id)),
                });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configv1_and_package_labels_resolve_to_their_values() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("api")).unwrap();
        std::fs::write(root.join("api/types.go"), "package v1\n\nconst (\n\tPowerVSPlatformType PlatformType = \"PowerVS\"\n)\n").unwrap();
        std::fs::create_dir_all(root.join("cloud/ibm")).unwrap();
        std::fs::write(root.join("cloud/ibm/ibm.go"), "package ibm\n\nconst PlatformType = configv1.IBMCloudPlatformType\n").unwrap();
        std::fs::create_dir_all(root.join("cloud/acme")).unwrap();
        std::fs::write(root.join("cloud/acme/acme.go"), "package acme\n\nconst PlatformType configv1.PlatformType = \"Acme\"\n").unwrap();
        let check = PlatformRouted {
            spec: RoutedSpec {
                root: "r".into(),
                file: "cloud.go".into(),
                functions: vec![],
                map_functions: vec![],
                platform_types: "api/types.go".into(),
                packages: "cloud".into(),
                platform_type: String::new(),
                own_case: String::new(),
                when: None,
            },
        };
        let roots = std::collections::BTreeMap::from([("r".to_string(), root.to_path_buf())]);
        let files = crate::files::FileStore::new();
        let templates = crate::template::Templates::new(&Default::default());
        let display = |p: &Path| p.to_path_buf();
        let ctx = CheckContext { roots: &roots, descriptors: &[], templates: &templates, display: &display, files: &files };
        let types = std::fs::read_to_string(root.join("api/types.go")).unwrap();
        assert_eq!(check.resolve(&ctx, root, &types, "configv1.PowerVSPlatformType").as_deref(), Some("PowerVS"));
        assert_eq!(check.resolve(&ctx, root, &types, "acme.PlatformType").as_deref(), Some("Acme"));
        assert_eq!(check.resolve(&ctx, root, &types, "\"Lit\"").as_deref(), Some("Lit"));
        assert_eq!(check.resolve(&ctx, root, &types, "ibm.PlatformType"), None, "IBMCloudPlatformType is not declared in the types file");
        assert_eq!(check.resolve(&ctx, root, &types, "gone.PlatformType"), None);
    }
}
