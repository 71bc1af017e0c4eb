//! The documents a newcomer reads first say what the code does: the README's descriptor is one
//! integrate accepts and links the reference, and docs/descriptor.md names every field of the
//! `[validation]` section that codegen defines.

use std::path::Path;

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel)).unwrap()
}

#[test]
fn the_readme_descriptor_is_accepted_and_links_the_reference() {
    let readme = read("README.md");
    let section = readme.split("### The descriptor").nth(1).unwrap();
    assert!(section.contains("[docs/descriptor.md](docs/descriptor.md)"), "the descriptor section links its reference");
    let example = section.split("```toml\n").nth(1).unwrap().split("```").next().unwrap();
    assert!(example.contains("[validation]"), "the example shows a validation section");
    let d = integrate_codegen::Descriptor::parse(Path::new("README.md"), example).unwrap_or_else(|e| panic!("the README's descriptor is refused: {e}"));
    assert_eq!(d.invalid_key_codes(), ["AuthFailure"]);
}

#[test]
fn the_reference_names_every_validation_field() {
    let spec = read("codegen/src/validation/spec.rs");
    let reference = read("docs/descriptor.md");
    let mut fields = Vec::new();
    for (ty, prefix) in [("pub struct ValidationSpec {", ""), ("pub struct RequestSpec {", "request.")] {
        let body = spec.split(ty).nth(1).unwrap().split("\n}").next().unwrap();
        // `request` is a table; its fields are listed one by one.
        fields.extend(body.lines().filter(|l| !l.contains("RequestSpec")).filter_map(|l| l.trim().strip_prefix("pub ")?.split(':').next()).map(|f| format!("`{prefix}{f}`")));
    }
    assert!(fields.len() >= 20, "{fields:?}");
    let missing: Vec<&String> = fields.iter().filter(|f| !reference.contains(f.as_str())).collect();
    assert!(missing.is_empty(), "docs/descriptor.md lacks {missing:?}");
}
