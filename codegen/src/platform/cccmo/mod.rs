//! Consistency checks for the OpenShift cluster-cloud-controller-manager-operator (the `cccmo`
//! profile's `[[checks]]`): that the image lists agree one to one ([`images`]) and that every
//! workload asset of a provider keeps the policies the repository's tests enforce
//! ([`policies`], reading Go templates through [`gotemplate`]), and that a new provider's platform
//! type is not already routed by another case ([`routing`]).

pub mod gotemplate;
pub mod images;
pub mod policies;
pub mod routing;

use crate::backend::{CheckContext, TreeCheck};
use crate::error::{Error, Location, Result};

/// Check kinds of this module, without the `cccmo.` prefix.
pub const CHECK_KINDS: &[&str] = &["images_one_to_one", "workload_policy", "platform_routed"];

pub fn build_check(kind: &str, spec: toml::Table, at: &Location) -> Result<Box<dyn TreeCheck>> {
    match kind {
        "images_one_to_one" => images::build(spec, at),
        "workload_policy" => policies::build(spec, at),
        "platform_routed" => routing::build(spec, at),
        other => Err(Error::input(
            at.clone(),
            format!("unknown check kind `cccmo.{other}`"),
            format!("use one of: {}", CHECK_KINDS.iter().map(|k| format!("cccmo.{k}")).collect::<Vec<_>>().join(", ")),
        )),
    }
}

/// Each template rendered for each descriptor, as (descriptor id, value); empty values dropped.
fn render_each(ctx: &CheckContext<'_>, templates: &[String]) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for d in ctx.descriptors {
        let value = d.template_context();
        let r = ctx.templates.renderer(&value, "check");
        for t in templates {
            let v = r.render("provider_keys", t)?;
            if !v.is_empty() {
                out.push((d.id.clone(), v));
            }
        }
    }
    Ok(out)
}

/// The fields of Go struct `type_name` as (field, JSON key, 1-based line): the `json` tag's
/// name, or the field name when the tag has none. `None` when the type is not in the source.
fn field_tags(src: &str, type_name: &str) -> Option<Vec<(String, String, usize)>> {
    use crate::backend::go::syntax::{self, children, field_children, text};
    let tree = syntax::parse(src);
    let mut list = None;
    syntax::visit(tree.root_node(), &mut |n| {
        if list.is_none() && n.kind() == "type_spec" && n.child_by_field_name("name").is_some_and(|x| text(x, src) == type_name) {
            list = n.child_by_field_name("type").and_then(|t| children(t).into_iter().find(|c| c.kind() == "field_declaration_list"));
        }
        list.is_none()
    });
    let tag_re = regex::Regex::new(r#"json:"([^",]*)"#).expect("a valid pattern");
    let mut out = Vec::new();
    for f in children(list?).into_iter().filter(|c| c.kind() == "field_declaration") {
        let tag = f.child_by_field_name("tag").map(|t| text(t, src)).unwrap_or_default();
        for name in field_children(f, "name") {
            let name = text(name, src).to_string();
            let key = tag_re.captures(tag).map(|c| c[1].to_string()).filter(|k| !k.is_empty()).unwrap_or_else(|| name.clone());
            if key != "-" {
                out.push((name, key, f.start_position().row + 1));
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keys_come_from_tags_or_names() {
        let src = "package config\n\ntype ImagesReference struct {\n\tA string `json:\"a\"`\n\tB string\n\tC string `json:\"-\"`\n\tD string `json:\",omitempty\"`\n}\n";
        let got = field_tags(src, "ImagesReference").unwrap();
        let keys: Vec<(&str, &str, usize)> = got.iter().map(|(f, k, l)| (f.as_str(), k.as_str(), *l)).collect();
        assert_eq!(keys, [("A", "a", 4), ("B", "B", 5), ("D", "D", 7)]);
        assert!(field_tags(src, "Other").is_none());
    }
}
