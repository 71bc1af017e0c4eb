//! Golden tests of the text point kinds (`text.replace`, `text.yaml_entry`), driven by data
//! folders under `tests/golden/text/<kind>/<case>/`: `point.toml`, `before.<ext>` and
//! `after.<ext>`, and optionally `context.json` (the descriptor context; a default one
//! otherwise). Each case must turn `before` into exactly `after`, find the registration present
//! in `after` and remove it to give back exactly `before`. A case with `error.txt` instead
//! expects inspecting `before` to fail with a message containing that text. Go files must stay
//! gofmt-clean when they were. `INTEGRATE_BLESS=1` rewrites `after.*` from the kind's output.

use std::path::{Path, PathBuf};

mod common;

use common::{golden_case_dirs, gofmt};
use integrate_codegen::backend::{CheckContext, Inspection, Removal, SourceFile, build_kind};
use integrate_codegen::error::Location;
use integrate_codegen::platform::build_check;
use integrate_codegen::template::{TemplateStore, Templates};

fn default_context() -> serde_json::Value {
    serde_json::json!({
        "id": "acme", "brand": "AcmeCloud", "env": "private",
        "names": {"const": "ACME", "go": "AcmeCloud", "cli": "acmecli"},
        "features": {"vms": true, "regional_network": false, "metrics": true},
        "credential": {"kind": "access_key", "endpoint": "none"},
    })
}

/// The case's file named `stem.*`.
fn file_named(case: &Path, stem: &str) -> Option<PathBuf> {
    std::fs::read_dir(case)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_stem().is_some_and(|s| s == stem))
}

#[test]
fn every_text_kind_has_golden_cases() {
    let kinds: std::collections::BTreeSet<String> = golden_case_dirs("text")
        .iter()
        .map(|c| {
            c.parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string()
        })
        .collect();
    for kind in integrate_codegen::backend::KINDS
        .iter()
        .filter_map(|k| k.strip_prefix("text."))
    {
        assert!(
            kinds.contains(kind),
            "no golden case for text.{kind} under tests/golden/text/{kind}/"
        );
    }
}

#[test]
fn golden_cases() {
    let bless = std::env::var_os("INTEGRATE_BLESS").is_some();
    let templates = Templates::new(&TemplateStore::default());
    let mut failures = Vec::new();
    for case in golden_case_dirs("text") {
        let name = case
            .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")))
            .unwrap()
            .display()
            .to_string();
        let mut table: toml::Table =
            toml::from_str(&std::fs::read_to_string(case.join("point.toml")).unwrap()).unwrap();
        let kind_name = table
            .remove("kind")
            .and_then(|k| k.as_str().map(str::to_string))
            .expect("point.toml has a kind");
        let kind = build_kind(
            &kind_name,
            table,
            &Location::new(case.join("point.toml"), 1, 1),
        )
        .unwrap();
        let ctx = match std::fs::read_to_string(case.join("context.json")) {
            Ok(text) => serde_json::from_str(&text).unwrap(),
            Err(_) => default_context(),
        };
        // A case's context stands for a descriptor whose values passed their checks.
        let ctx = integrate_codegen::typed::to_template_value(&ctx, "", &|_| true);
        let r = templates.renderer(&ctx, &name);
        let before_path = file_named(&case, "before").expect("a before.* file");
        let before = std::fs::read_to_string(&before_path).unwrap();
        let display = PathBuf::from(before_path.file_name().unwrap());
        let inspected = kind.inspect(
            &SourceFile::new(&display, Some(&before)),
            &r,
        );
        if let Ok(expected) = std::fs::read_to_string(case.join("error.txt")) {
            match inspected {
                Err(e) if e.to_string().contains(expected.trim()) => {}
                other => failures.push(format!(
                    "{name}: expected an error containing `{}`, got {other:?}",
                    expected.trim()
                )),
            }
            continue;
        }
        let updated = match inspected.unwrap() {
            Inspection::Missing { updated, .. } => updated,
            other => {
                failures.push(format!(
                    "{name}: expected Missing on {}, got {other:?}",
                    display.display()
                ));
                continue;
            }
        };
        let ext = before_path
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy()))
            .unwrap_or_default();
        let after_path = case.join(format!("after{ext}"));
        if bless {
            std::fs::write(&after_path, &updated).unwrap();
        }
        let after = std::fs::read_to_string(&after_path).unwrap_or_default();
        if updated != after {
            failures.push(format!(
                "{name}: output differs from after{ext}:\n{}",
                similar::TextDiff::from_lines(&after, &updated).unified_diff()
            ));
            continue;
        }
        match kind
            .inspect(
                &SourceFile::new(&display, Some(&after)),
                &r,
            )
            .unwrap()
        {
            Inspection::Present { .. } => {}
            other => failures.push(format!(
                "{name}: expected Present on after{ext}, got {other:?}"
            )),
        }
        match kind
            .remove(
                &SourceFile::new(&display, Some(&after)),
                &r,
                false,
            )
            .unwrap()
        {
            Removal::Rewrite(text) if text == before => {}
            Removal::Rewrite(text) => failures.push(format!(
                "{name}: remove did not restore before{ext}:\n{}",
                similar::TextDiff::from_lines(&before, &text).unified_diff()
            )),
            other => failures.push(format!(
                "{name}: expected Rewrite from remove, got {other:?}"
            )),
        }
        if ext == ".go" && gofmt(&before) == before && gofmt(&after) != after {
            failures.push(format!(
                "{name}: before.go is gofmt-clean but after.go is not"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden failure(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// `text.absent` reports every matching line outside excluded files, and nothing while the
/// tree has no descriptor.
#[test]
fn absent_check_reports_lines_that_still_name_the_old_project() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("vendor/x")).unwrap();
    std::fs::create_dir_all(dir.path().join("LICENSES")).unwrap();
    std::fs::write(dir.path().join("README.md"), "# acme\nsee SampleProvider\n").unwrap();
    std::fs::write(dir.path().join("vendor/x/a.go"), "// sampleprovider\n").unwrap();
    std::fs::write(dir.path().join("LICENSES/MIT.txt"), "sampleprovider\n").unwrap();
    let spec: toml::Table = toml::from_str("root = \"r\"\npattern = \"(?i)sampleprovider\"\nexclude = [\"vendor/**\", \"LICENSES/**\"]\nfix = \"rename it\"\n").unwrap();
    let check = build_check("text.absent", spec, &Location::new("p.toml", 1, 1)).unwrap();
    let roots = std::collections::BTreeMap::from([("r".to_string(), dir.path().to_path_buf())]);
    let templates = Templates::new(&TemplateStore::default());
    let display = |p: &Path| p.strip_prefix(dir.path()).unwrap().to_path_buf();
    let d = integrate_codegen::descriptor::Descriptor::parse(
        Path::new("acme.toml"),
        "schema = 1\nid = \"acme\"\nbrand = \"Acme\"\nenv = \"public\"\n",
    )
    .unwrap();
    let none = check
        .run(&CheckContext {
            roots: &roots,
            descriptors: &[],
            templates: &templates,
            display: &display,
            files: &integrate_codegen::files::FileStore::new(),
        })
        .unwrap();
    assert!(none.is_empty(), "{none:?}");
    let found = check
        .run(&CheckContext {
            roots: &roots,
            descriptors: std::slice::from_ref(&d),
            templates: &templates,
            display: &display,
            files: &integrate_codegen::files::FileStore::new(),
        })
        .unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].path.as_path(), found[0].line),
        (Path::new("README.md"), 2)
    );
    assert_eq!(found[0].provider.as_deref(), Some("acme"));
}
