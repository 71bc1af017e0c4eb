//! Whole-registry tests of the built-in profiles: every profile loads, every point renders for
//! every descriptor shape (so every template exists and uses only defined variables), and the
//! generated reference pages under docs/profiles/ are up to date (`INTEGRATE_BLESS=1` rewrites
//! them).

use std::path::Path;

use integrate_codegen::descriptor::Descriptor;
use integrate_codegen::profile::Profile;

const SHAPES: &[&str] = &[
    "schema = 1\nid = \"acme\"\nbrand = \"Acme\"\nenv = \"private\"\n[features]\nvms = true\nmetrics = true\n",
    "schema = 1\nid = \"acme\"\nbrand = \"Acme\"\nenv = \"public\"\n[features]\nvms = true\nregional_network = true\n[credential]\nkind = \"user_password\"\nendpoint = \"auth_url\"\n",
    "schema = 1\nid = \"acme\"\nbrand = \"Acme\"\nenv = \"private\"\n[features]\nvms = true\n[cloudpods]\nstorages = [\"NAS=nas\", \"FC_SAN=fc-san\"]\nwebconsole = true\ninstance_snapshot = true\n",
    "schema = 1\nid = \"acme\"\nbrand = \"Acme\"\nenv = \"onpremise\"\n[credential]\nkind = \"access_key\"\nendpoint = \"endpoint\"\n[validation]\nendpoint = \"https://example.invalid/\"\nscheme = \"http-basic\"\ninvalid_key_codes = [\"AuthFailure\", \"Invalid*\"]\n",
];

#[test]
fn every_point_of_every_builtin_profile_renders_for_every_descriptor_shape() {
    for name in Profile::builtin_names() {
        let profile = Profile::load(name, Path::new(".")).unwrap();
        assert!(!profile.points.is_empty(), "{name} has no points");
        for shape in SHAPES {
            let d = Descriptor::parse(Path::new("shape.toml"), shape).unwrap();
            let ctx = d.template_context_with(&profile.section_defaults_for(&d));
            for point in &profile.points {
                let r = profile.templates.renderer(&ctx, &point.id);
                if let Some(cond) = &point.when {
                    r.condition(cond).unwrap_or_else(|e| panic!("{name}/{}: {e}", point.id));
                }
                r.render("file", &point.file).unwrap_or_else(|e| panic!("{name}/{}: {e}", point.id));
                point.kind.describe(&r).unwrap_or_else(|e| panic!("{name}/{}: {e}", point.id));
                if let Some(template) = point.spec.get("template").and_then(|t| t.as_str()) {
                    let text = r.render_file(template).unwrap_or_else(|e| panic!("{name}/{}: {e}", point.id));
                    if template.ends_with(".go.j2") {
                        let tree = integrate_codegen::backend::go::syntax::parse(&text);
                        assert!(integrate_codegen::backend::go::syntax::first_error(&tree).is_none(), "{name}/{}: template renders invalid Go:\n{text}", point.id);
                    }
                    if template.ends_with(".rs.j2") {
                        assert!(syn::parse_file(&text).is_ok(), "{name}/{}: template renders invalid Rust:\n{text}", point.id);
                    }
                }
            }
        }
    }
}

#[test]
fn reference_pages_are_up_to_date() {
    for name in Profile::builtin_names() {
        let profile = Profile::load(name, Path::new(".")).unwrap();
        let page = integrate_codegen::docs::profile_reference(&profile);
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../docs/profiles/{name}.md"));
        if std::env::var_os("INTEGRATE_BLESS").is_some() {
            std::fs::write(&path, &page).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(committed == page, "{} is stale: run `INTEGRATE_BLESS=1 cargo test -p integrate-codegen --test profiles`", path.display());
    }
}
