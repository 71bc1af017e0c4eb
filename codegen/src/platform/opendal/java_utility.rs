//! bindings/java/src/utility.rs lists, in a `HashSet::from([...])`, the schemes the Java
//! library reports as enabled. Each `X_SCHEME` must come from a service the Java library is
//! built with (otherwise the binding does not compile), under `#[cfg(unix)]` when the service
//! is enabled for unix only. (A service the library is built with but the set leaves out is
//! the `java.utility` point of that service's descriptor.)

use super::tree::{Tree, feature_of};
use crate::backend::CheckFinding;

const UTILITY: &str = "bindings/java/src/utility.rs";

pub fn run(tree: &Tree<'_>) -> Vec<CheckFinding> {
    let Some(text) = tree.text(UTILITY) else { return Vec::new() };
    let enabled = tree.enabled("java");
    let services = tree.services();
    let feature_of_const = |c: &str| services.iter().find(|s| s.consts.iter().any(|(n, _)| n == c)).map(|s| feature_of(&s.dir));
    let element = regex::Regex::new(r"(?m)^(\s*#\[cfg\(unix\)\]\s*\n)?\s*opendal::services::([A-Z0-9_]+_SCHEME),").expect("valid");
    let mut out = Vec::new();
    for c in element.captures_iter(&text) {
        let name = c[2].to_string();
        let line = crate::text::line_of(&text, c.get(2).map_or(0, |m| m.start()));
        let unix_gate = c.get(1).is_some();
        match feature_of_const(&name) {
            None => out.push(tree.finding(UTILITY, line, format!("{name} is exported by no service crate: the Java binding does not compile"), None)),
            Some(f) if !enabled.all.contains(&f) && !enabled.unix.contains(&f) => out.push(tree.finding(
                UTILITY,
                line,
                format!("{name} belongs to {f}, which bindings/java/Cargo.toml does not enable: the Java binding does not compile"),
                Some(format!("enable {f} for the Java binding or drop the entry")),
            )),
            Some(f) if enabled.unix.contains(&f) && !enabled.all.contains(&f) && !unix_gate => {
                out.push(tree.finding(UTILITY, line, format!("{name} is listed on every platform but {f} is enabled for unix only: the Java binding does not compile on Windows"), Some("put #[cfg(unix)] on the entry".into())));
            }
            Some(_) => {}
        }
    }
    out
}
