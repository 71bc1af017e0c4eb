//! Golden tests of the Go point kinds, driven by data folders under `tests/golden/go/<kind>/<case>/`:
//! `point.toml` (the point's kind and fields), `before.go` and `after.go`. For each case the
//! kind must turn `before` into exactly `after`, find its registration present in `after`, and
//! remove it to give back exactly `before`. When `before` is gofmt-clean, `after` must be too,
//! checked against the real gofmt. `INTEGRATE_BLESS=1` rewrites `after.go` from the kind's output.

use std::path::{Path, PathBuf};

mod common;

use common::{golden_case_dirs, gofmt};
use integrate_codegen::backend::{Inspection, Removal, SourceFile, build_kind};
use integrate_codegen::error::Location;
use integrate_codegen::template::{TemplateStore, Templates};

fn context() -> minijinja::Value {
    // The context of a descriptor whose values passed their checks.
    integrate_codegen::typed::to_template_value(&serde_json::json!({
        "id": "acme", "brand": "AcmeCloud", "env": "private",
        "names": {"const": "ACME", "go": "AcmeCloud", "cli": "acmecli"},
        "features": {"vms": true, "regional_network": false, "metrics": true},
        "credential": {"kind": "access_key", "endpoint": "none"},
    }), "", &|_| true)
}

#[test]
fn every_go_kind_has_golden_cases() {
    let kinds: std::collections::BTreeSet<String> = golden_case_dirs("go")
        .iter()
        .map(|c| c.parent().unwrap().file_name().unwrap().to_string_lossy().to_string())
        .collect();
    for kind in integrate_codegen::backend::KINDS.iter().filter_map(|k| k.strip_prefix("go.")) {
        assert!(kinds.contains(kind), "no golden case for go.{kind} under tests/golden/go/{kind}/");
    }
}

#[test]
fn golden_cases() {
    let bless = std::env::var_os("INTEGRATE_BLESS").is_some();
    let templates = Templates::new(&TemplateStore::default());
    let ctx = context();
    let mut failures = Vec::new();
    for case in golden_case_dirs("go") {
        let name = case.strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap().display().to_string();
        let mut table: toml::Table = toml::from_str(&std::fs::read_to_string(case.join("point.toml")).unwrap()).unwrap();
        let kind_name = table.remove("kind").and_then(|k| k.as_str().map(str::to_string)).expect("point.toml has a kind");
        let kind = build_kind(&kind_name, table, &Location::new(case.join("point.toml"), 1, 1)).unwrap();
        let r = templates.renderer(&ctx, &name);
        let before = std::fs::read_to_string(case.join("before.go")).unwrap();
        let display = PathBuf::from("before.go");
        let updated = match kind.inspect(&SourceFile::new(&display, Some(&before)), &r).unwrap() {
            Inspection::Missing { updated, .. } => updated,
            other => {
                failures.push(format!("{name}: expected Missing on before.go, got {other:?}"));
                continue;
            }
        };
        let after_path = case.join("after.go");
        if bless {
            std::fs::write(&after_path, &updated).unwrap();
        }
        let after = std::fs::read_to_string(&after_path).unwrap_or_default();
        if updated != after {
            failures.push(format!("{name}: output differs from after.go:\n{}", similar::TextDiff::from_lines(&after, &updated).unified_diff()));
            continue;
        }
        match kind.inspect(&SourceFile::new(&display, Some(&after)), &r).unwrap() {
            Inspection::Present { .. } => {}
            other => failures.push(format!("{name}: expected Present on after.go, got {other:?}")),
        }
        match kind.remove(&SourceFile::new(&display, Some(&after)), &r, false).unwrap() {
            Removal::Rewrite(text) if text == before => {}
            Removal::Rewrite(text) => failures.push(format!("{name}: remove did not restore before.go:\n{}", similar::TextDiff::from_lines(&before, &text).unified_diff())),
            other => failures.push(format!("{name}: expected Rewrite from remove, got {other:?}")),
        }
        let before_clean = gofmt(&before) == before;
        let gofmt_after = gofmt(&after);
        if before_clean && gofmt_after != after {
            failures.push(format!("{name}: before.go is gofmt-clean but after.go is not:\n{}", similar::TextDiff::from_lines(&after, &gofmt_after).unified_diff()));
        }
        if !before_clean {
            // Outside the edit, not a byte changes: the diff touches only the inserted lines.
            let diff = similar::TextDiff::from_lines(&before, &after);
            let removed = diff.iter_all_changes().filter(|c| c.tag() == similar::ChangeTag::Delete).count();
            if removed > 0 && !case.join("allow-neighbour-changes").exists() {
                failures.push(format!("{name}: before.go is not gofmt-clean, yet the edit rewrote {removed} existing line(s)"));
            }
        }
    }
    assert!(failures.is_empty(), "{} golden failure(s):\n\n{}", failures.len(), failures.join("\n\n"));
}
