//! The names a profile's Go templates use as selector bases: packages they import and call
//! (`fmt.Errorf`, `errors.Wrap`, `api.CLOUD_PROVIDER_X`, `context.Context`) and variables they
//! select from (`options.NewXClient`). A provider package (`names.package`, whose last element
//! is the generated files' import name) or debug CLI (`names.cli`) of such a name would be
//! declared twice or shadowed in the generated files, which then do not build, so the
//! descriptor is refused at the line the name comes from.

use std::collections::BTreeSet;

use crate::descriptor::Descriptor;
use crate::error::{Error, Result};
use crate::template::TemplateStore;

/// Selector bases in every `*.go.j2` template of `store`, template syntax left out.
pub fn selector_bases(store: &TemplateStore) -> BTreeSet<String> {
    let tags = regex::Regex::new(r"(?s)\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}").expect("a valid pattern");
    let selector = regex::Regex::new(r"(?:^|[^A-Za-z0-9_.])([a-z][A-Za-z0-9_]*)\.[A-Za-z_]").expect("a valid pattern");
    let comment = regex::Regex::new(r"(?m)//.*$").expect("a valid pattern");
    let strings = regex::Regex::new(r#""(?:[^"\\\n]|\\.)*"|`[^`]*`"#).expect("a valid pattern");
    let mut out = BTreeSet::new();
    for (name, text) in &store.files {
        if !name.ends_with(".go.j2") {
            continue;
        }
        let code = comment.replace_all(&tags.replace_all(text, " "), "").into_owned();
        // Inside string literals a dot is text, not a selector.
        let code = strings.replace_all(&code, "\"\"");
        out.extend(selector.captures_iter(&code).map(|c| c[1].to_string()));
    }
    out
}

/// Refuses `d` when the import name of its package or CLI is one of `bases`.
pub fn check(d: &Descriptor, bases: &BTreeSet<String>) -> Result<()> {
    let mut errors = Vec::new();
    let package = d.names.package.rsplit('/').next().unwrap_or_default();
    for (field, name) in [("package", package), ("cli", d.names.cli.as_str())] {
        if bases.contains(name) {
            errors.push(Error::input(
                d.value_location(name),
                format!(
                    "`{name}` cannot name the provider's Go {}: the profile's generated Go code already uses `{name}.` for something else",
                    if field == "cli" { "CLI package" } else { "package" }
                ),
                format!("choose another id, or set [names] {field} to another name"),
            ));
        }
    }
    Error::collect(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_selector_bases_outside_strings_comments_and_template_syntax() {
        let mut store = TemplateStore::default();
        store.files.insert(
            "a.go.j2".into(),
            "import \"fmt\"\n// see docs.Example\nfunc f() { fmt.Println(\"x.Y\", {{ names.go }}, options.Value) ; {{ id }}.Z }\n".into(),
        );
        store.files.insert("b.yaml.j2".into(), "k: yaml.Value\n".into());
        let bases: Vec<String> = selector_bases(&store).into_iter().collect();
        assert_eq!(bases, ["fmt", "options"]);
    }
}
