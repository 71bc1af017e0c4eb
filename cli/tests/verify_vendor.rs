//! `integrate verify` without `--sync-vendor` on a sample whose cloudpods vendors cloudmux: the
//! vendored copy is compared first, and when it is stale no other step runs (the cloudpods
//! steps would build against the stale copy and fail after minutes on the real trees, and the
//! whole run has to be repeated with the flag anyway); the output names the flag that fixes it.
//! A stand-in `go` records every command it is asked to run.

mod common;

use std::path::Path;

use common::*;

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_stale_vendor_stops_before_any_cloudpods_build_and_names_the_flag() {
    use std::os::unix::fs::PermissionsExt;
    let dir = sample();
    let root = dir.path();
    // cloudpods vendors the loader package of cloudmux, as it is before `new`.
    let loader = std::fs::read_to_string(root.join("cloudmux/pkg/multicloud/loader/loader.go")).unwrap();
    write(&root.join("cloudpods/vendor/modules.txt"), "# yunion.io/x/cloudmux v0.0.0\n## explicit; go 1.24\nyunion.io/x/cloudmux/pkg/multicloud/loader\n");
    write(&root.join("cloudpods/vendor/yunion.io/x/cloudmux/pkg/multicloud/loader/loader.go"), &loader);
    integrate(root).args(NEW_TESTCLOUD).assert().success();

    let record = root.join("go-record");
    let go = root.join("fake-go");
    std::fs::write(&go, format!("#!/bin/sh\necho \"$PWD $*\" >> '{}'\n", record.display())).unwrap();
    std::fs::set_permissions(&go, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = integrate(root).args(["verify", "testcloud"]).env("GO", &go).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stderr.contains("FAIL copy the edited cloudmux packages into cloudpods' vendor/") && stderr.contains("vendored file(s) differ from cloudmux; pass --sync-vendor"), "{stderr}");
    for step in ["build the cloudmux provider packages and the debug CLI", "build the touched cloudpods packages, climc and cloudmon", "the debug CLI reports a wrong key as InvalidAccessKey", "the factory and every driver are registered at run time"] {
        assert!(stderr.contains(&format!("skip {step} (0.0 s): not run: cloudpods/vendor is stale")), "{step}:\n{stderr}");
    }
    // The steps are reported in the profile's order, the comparison second.
    let order: Vec<&str> = stderr.lines().filter(|l| l.starts_with("ok ") || l.starts_with("FAIL ") || l.starts_with("skip ")).collect();
    assert_eq!(order.len(), 5, "{stderr}");
    assert!(order[1].starts_with("FAIL copy the edited cloudmux packages"), "{stderr}");
    assert!(stdout.contains("run `integrate verify testcloud --sync-vendor`"), "{stdout}");
    // go never ran, no verify program was written, and vendor/ is untouched.
    let ran = std::fs::read_to_string(&record).unwrap_or_default();
    assert!(ran.is_empty(), "go ran:\n{ran}");
    assert!(!root.join("cloudpods/cmd/zzintegrateverify").exists());
    assert_eq!(std::fs::read_to_string(root.join("cloudpods/vendor/yunion.io/x/cloudmux/pkg/multicloud/loader/loader.go")).unwrap(), loader);

    // Synced, the copy is in step: every step runs, the comparison is reported once.
    integrate(root).args(["verify", "testcloud", "--sync-vendor"]).env("GO", &go).output().unwrap();
    std::fs::remove_file(&record).unwrap();
    let out = integrate(root).args(["verify", "testcloud"]).env("GO", &go).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("ok   copy the edited cloudmux packages into cloudpods' vendor/").count(), 1, "{stderr}");
    assert!(!stderr.contains("not run:"), "{stderr}");
    let ran = std::fs::read_to_string(&record).unwrap();
    let cloudpods = root.join("cloudpods").canonicalize().unwrap();
    assert!(ran.lines().any(|l| l.starts_with(&format!("{} build ", cloudpods.display()))), "the cloudpods build ran:\n{ran}");
}
