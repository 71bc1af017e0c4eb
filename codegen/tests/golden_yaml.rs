//! Golden tests of the YAML point kinds, driven by data folders under
//! `tests/golden/yaml/<kind>/<case>/`: `point.toml` (the point's kind and fields) and
//! `before.yaml`, plus one of:
//!
//! - `after.yaml`: the kind must turn `before` into exactly `after`, find its registration
//!   present there, remove it to give back exactly `before`, leave every line it does not own
//!   untouched, and produce YAML that still parses;
//! - `drift.txt`: inspecting `before` reports drift whose message contains the file's text;
//! - `error.txt`: inspecting `before` fails; every line of the file is a substring of the error.
//!
//! `INTEGRATE_BLESS=1` writes `after.yaml` from the kind's output.

use std::path::{Path, PathBuf};

mod common;

use common::golden_case_dirs;
use integrate_codegen::backend::{Inspection, Removal, SourceFile, build_kind};
use integrate_codegen::error::Location;
use integrate_codegen::template::{TemplateStore, Templates};

fn context() -> minijinja::Value {
    // The context of a descriptor whose values passed their checks.
    integrate_codegen::typed::to_template_value(&serde_json::json!({
        "id": "acme", "brand": "Acme Cloud", "env": "public",
        "names": {"const": "ACME", "go": "AcmeCloud", "cli": "acmecli"},
        "cccmo": {"platform_type": "", "ccm_image": "", "node_manager_image": "", "credentials": false, "cloud_conf": false},
    }), "", &|_| true)
}

#[test]
fn every_yaml_kind_has_golden_cases() {
    let kinds: std::collections::BTreeSet<String> = golden_case_dirs("yaml").iter().map(|c| c.parent().unwrap().file_name().unwrap().to_string_lossy().to_string()).collect();
    for kind in integrate_codegen::backend::KINDS.iter().filter_map(|k| k.strip_prefix("yaml.")) {
        assert!(kinds.contains(kind), "no golden case for yaml.{kind} under tests/golden/yaml/{kind}/");
    }
}

/// How many lines of `before` the edit may rewrite: a JSON entry puts a comma after its
/// predecessor; a sequence item only adds lines.
fn rewritten_lines_allowed(kind: &str) -> usize {
    if kind == "yaml.json_entry" { 1 } else { 0 }
}

#[test]
fn golden_cases() {
    let bless = std::env::var_os("INTEGRATE_BLESS").is_some();
    let templates = Templates::new(&TemplateStore::default());
    let ctx = context();
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in golden_case_dirs("yaml") {
        let name = case.strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap().display().to_string();
        let mut table: toml::Table = toml::from_str(&std::fs::read_to_string(case.join("point.toml")).unwrap()).unwrap();
        let kind_name = table.remove("kind").and_then(|k| k.as_str().map(str::to_string)).expect("point.toml has a kind");
        let kind = build_kind(&kind_name, table, &Location::new(case.join("point.toml"), 1, 1)).unwrap();
        let r = templates.renderer(&ctx, &name);
        let before = std::fs::read_to_string(case.join("before.yaml")).unwrap();
        let display = PathBuf::from("before.yaml");
        let file = SourceFile::new(&display, Some(&before));
        ran += 1;
        if let Ok(expected) = std::fs::read_to_string(case.join("error.txt")) {
            match kind.inspect(&file, &r) {
                Err(e) => {
                    let message = e.to_string();
                    for want in expected.lines().filter(|l| !l.is_empty()) {
                        if !message.contains(want) {
                            failures.push(format!("{name}: the error does not contain `{want}`:\n{message}"));
                        }
                    }
                }
                Ok(other) => failures.push(format!("{name}: expected an error, got {other:?}")),
            }
            continue;
        }
        if let Ok(expected) = std::fs::read_to_string(case.join("drift.txt")) {
            match kind.inspect(&file, &r) {
                Ok(Inspection::Drift { message, .. }) if message.contains(expected.trim()) => {}
                other => failures.push(format!("{name}: expected drift containing `{}`, got {other:?}", expected.trim())),
            }
            continue;
        }
        let updated = match kind.inspect(&file, &r) {
            Ok(Inspection::Missing { updated, .. }) => updated,
            other => {
                failures.push(format!("{name}: expected Missing on before.yaml, got {other:?}"));
                continue;
            }
        };
        let after_path = case.join("after.yaml");
        if bless {
            std::fs::write(&after_path, &updated).unwrap();
        }
        let after = std::fs::read_to_string(&after_path).unwrap_or_default();
        if updated != after {
            failures.push(format!("{name}: output differs from after.yaml:\n{}", similar::TextDiff::from_lines(&after, &updated).unified_diff()));
            continue;
        }
        if let Err(e) = integrate_codegen::backend::yaml::parse_documents(&after) {
            failures.push(format!("{name}: after.yaml does not parse: {e:?}"));
        }
        let rewritten = similar::TextDiff::from_lines(&before, &after).iter_all_changes().filter(|c| c.tag() == similar::ChangeTag::Delete).count();
        if rewritten > rewritten_lines_allowed(&kind_name) {
            failures.push(format!("{name}: the edit rewrote {rewritten} existing line(s)"));
        }
        let after_file = SourceFile::new(&display, Some(&after));
        match kind.inspect(&after_file, &r) {
            Ok(Inspection::Present { .. }) => {}
            other => failures.push(format!("{name}: expected Present on after.yaml, got {other:?}")),
        }
        match kind.remove(&after_file, &r, false) {
            Ok(Removal::Rewrite(text)) if text == before => {}
            Ok(Removal::Rewrite(text)) => failures.push(format!("{name}: remove did not restore before.yaml:\n{}", similar::TextDiff::from_lines(&before, &text).unified_diff())),
            other => failures.push(format!("{name}: expected Rewrite from remove, got {other:?}")),
        }
        match kind.remove(&file, &r, false) {
            Ok(Removal::Absent) => {}
            other => failures.push(format!("{name}: expected Absent from removing what is not there, got {other:?}")),
        }
    }
    assert!(ran >= 10, "only {ran} golden YAML cases ran");
    assert!(failures.is_empty(), "{} golden failure(s):\n\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn repeated_entries_are_reported_with_their_lines() {
    let display = PathBuf::from("x.yaml");
    let mut t = toml::Table::new();
    t.insert("path".into(), toml::Value::Array(vec!["data".into(), "images.json".into()]));
    t.insert("key".into(), "k".into());
    t.insert("value".into(), "v".into());
    let json = build_kind("yaml.json_entry", t, &Location::new("p.toml", 1, 1)).unwrap();
    let text = "data:\n  images.json: |\n    {\n      \"a\": \"x\",\n      \"b\": \"y\",\n      \"a\": \"z\"\n    }\n";
    let dups = json.duplicates(&SourceFile::new(&display, Some(text))).unwrap();
    assert_eq!(dups.len(), 1);
    assert_eq!((dups[0].entry.as_str(), dups[0].lines.clone()), ("a", vec![4, 6]));

    let mut t = toml::Table::new();
    t.insert("path".into(), toml::Value::Array(vec!["tags".into()]));
    t.insert("key".into(), "name".into());
    t.insert("item".into(), "name: n".into());
    let seq = build_kind("yaml.sequence_item", t, &Location::new("p.toml", 1, 1)).unwrap();
    let text = "tags:\n- name: a\n- name: b\n- name: a\n  extra: 1\n";
    let dups = seq.duplicates(&SourceFile::new(&display, Some(text))).unwrap();
    assert_eq!(dups.len(), 1);
    assert_eq!((dups[0].entry.as_str(), dups[0].lines.clone()), ("name: a", vec![2, 4]));
}
