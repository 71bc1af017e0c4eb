//! The bindings' manifests name only features that exist, in tables cargo reads: a feature of
//! the opendal dependency or a forwarded `opendal/x` the facade does not define makes cargo
//! refuse the manifest; a local feature list naming an undefined feature does too; and a
//! `[target.'cfg(...)'.features]` table is not a cargo table at all (cargo warns "unused
//! manifest key" and enables nothing from it).

use super::tree::Tree;
use crate::backend::CheckFinding;

pub const BINDINGS: &[&str] = &["python", "nodejs", "java", "dotnet"];

fn strings(v: Option<&toml::Value>) -> Vec<String> {
    v.and_then(|v| v.as_array()).map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

pub fn run(tree: &Tree<'_>) -> Vec<CheckFinding> {
    let core = tree.core_features();
    let mut out = Vec::new();
    for binding in BINDINGS {
        let rel = format!("bindings/{binding}/Cargo.toml");
        let Some(doc) = tree.toml(&rel) else { continue };
        let local = doc.get("features").and_then(|f| f.as_table()).cloned().unwrap_or_default();
        let mut dependency_features: Vec<String> = strings(doc.get("dependencies").and_then(|d| d.get("opendal")).and_then(|o| o.get("features")));
        if let Some(targets) = doc.get("target").and_then(|t| t.as_table()) {
            for (cfg, t) in targets {
                dependency_features.extend(strings(t.get("dependencies").and_then(|d| d.get("opendal")).and_then(|o| o.get("features"))));
                if let Some(features) = t.get("features").and_then(|f| f.as_table()) {
                    let header = format!("[target.'{cfg}'.features]");
                    for (name, list) in features {
                        let names = strings(Some(list)).join(", ");
                        out.push(tree.finding(
                            &rel,
                            tree.line_of(&rel, &header, None),
                            format!("`{header}` is not a table cargo reads (it warns \"unused manifest key\"), so `{name}` never enables {names} on any platform"),
                            Some(format!("enable {names} through a feature of its own, or list it in `{name}` for every platform")),
                        ));
                    }
                }
            }
        }
        for f in dependency_features.iter().filter(|f| !core.contains_key(*f)) {
            out.push(tree.finding(&rel, tree.line_of(&rel, &format!("\"{f}\""), None), format!("the opendal dependency enables `{f}`, which core/Cargo.toml does not define: cargo refuses the manifest"), None));
        }
        for (name, list) in &local {
            for x in strings(Some(list)) {
                let missing = match x.strip_prefix("opendal/") {
                    Some(core_feature) => (!core.contains_key(core_feature)).then(|| format!("forwards to opendal/{core_feature}, which core/Cargo.toml does not define")),
                    None if x.starts_with("dep:") || x.contains('/') => None,
                    None => (!local.contains_key(&x)).then(|| format!("names `{x}`, which this manifest does not define")),
                };
                if let Some(why) = missing {
                    out.push(tree.finding(&rel, tree.line_of(&rel, &format!("{x}\""), Some(&format!("\n{name} = "))), format!("feature `{name}` {why}: cargo refuses the manifest"), None));
                }
            }
        }
    }
    out
}
