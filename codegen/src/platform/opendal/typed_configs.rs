//! The bindings' typed configs name the scheme the registry opens them by: .NET's
//! `public string Scheme => "x";` (kept by hand), Java's `ServiceConfig.java` and Python's
//! `services.rs` (generated). The registry keys schemes exactly as the service registers them
//! (`mini-moka`, never `mini_moka`), so a config whose scheme it does not know fails at run
//! time with "scheme is not registered". (A .NET config for a service the .NET library is not
//! built with is the `dotnet.config` point of that service's descriptor.)

use super::tree::Tree;
use crate::backend::CheckFinding;

const JAVA: &str = "bindings/java/src/main/java/org/apache/opendal/ServiceConfig.java";
const PYTHON: &str = "bindings/python/src/services.rs";

pub fn run(tree: &Tree<'_>) -> Vec<CheckFinding> {
    let registered = tree.registered_schemes();
    let mut out = Vec::new();
    let unknown = |scheme: &str| {
        let near = registered.keys().find(|k| k.replace(['-', '_'], "") == scheme.replace(['-', '_'], "")).map(|k| format!(" (the registry keys \"{k}\")")).unwrap_or_default();
        format!("scheme \"{scheme}\" is not one the registry knows{near}")
    };
    let dotnet_scheme = regex::Regex::new(r#"public string Scheme => "([^"]+)";"#).expect("valid");
    for rel in tree.glob("bindings/dotnet/OpenDAL/ServiceConfig/*.cs") {
        let Some(text) = tree.text(&rel) else { continue };
        let Some(c) = dotnet_scheme.captures(&text) else { continue };
        let scheme = &c[1];
        let line = crate::text::line_of(&text, c.get(0).map_or(0, |m| m.start()));
        let class = rel.rsplit('/').next().unwrap_or_default().trim_end_matches(".cs");
        if !registered.contains_key(scheme) {
            out.push(tree.finding(&rel, line, format!("{}: new Operator(new {class}()) fails with \"scheme is not registered\"", unknown(scheme)), None));
        }
    }
    let java_scheme = regex::Regex::new(r#"public String scheme\(\) \{\s*return "([^"]+)";"#).expect("valid");
    if let Some(text) = tree.text(JAVA) {
        for c in java_scheme.captures_iter(&text) {
            if !registered.contains_key(&c[1]) {
                let line = crate::text::line_of(&text, c.get(1).map_or(0, |m| m.start()));
                out.push(tree.finding(JAVA, line, format!("{}: Operator.of(config) with this ServiceConfig fails with \"scheme is not registered\" (dev/src/generate/java.j2 writes the directory name)", unknown(&c[1])), None));
            }
        }
    }
    let python_scheme = regex::Regex::new(r#"(?m)^\s*[A-Z][A-Za-z0-9]* => "([^"]+)",$"#).expect("valid");
    if let Some(text) = tree.text(PYTHON) {
        for c in python_scheme.captures_iter(&text) {
            if !registered.contains_key(&c[1]) {
                let line = crate::text::line_of(&text, c.get(1).map_or(0, |m| m.start()));
                out.push(tree.finding(PYTHON, line, format!("{}: opening this Scheme from Python fails with \"scheme is not registered\"", unknown(&c[1])), None));
            }
        }
    }
    out
}
