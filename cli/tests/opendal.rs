//! End-to-end runs of the `opendal` profile on copies of `examples/sample-opendal` (a stand-in
//! for apache/opendal with its paths and shapes): `new acmefs` adds a service whose crate builds
//! with the facade (`cargo check --offline`), every edited Rust file stays rustfmt-clean, check
//! is clean, a second apply is empty and remove restores every byte; check finds a registration
//! taken out and the platform's disagreements planted in the tree; discover writes back the
//! bundled descriptors.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

/// `cargo check --offline` of the sample's facade with `features`, in a target directory kept
/// between runs under the workspace's target/.
fn cargo_check(core: &Path, features: &str) {
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/sample-opendal");
    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["check", "--offline", "--quiet", "-p", "opendal", "--features", features])
        .current_dir(core)
        .env("CARGO_TARGET_DIR", target)
        .output()
        .expect("running cargo");
    assert!(out.status.success(), "cargo check --features {features} failed:\n{}", String::from_utf8_lossy(&out.stderr));
}

fn rustfmt_clean(file: &Path) -> bool {
    Command::new("rustfmt").args(["--edition", "2024", "--check"]).arg(file).output().expect("running rustfmt").status.success()
}

#[test]
fn new_service_builds_stays_rustfmt_clean_checks_clean_and_removes_exactly() {
    let dir = example("sample-opendal", None);
    let root = dir.path().join("opendal");
    let before = snapshot(dir.path());
    let rust_files = ["core/src/lib.rs", "bindings/java/src/utility.rs", "bindings/python/src/services.rs", "dev/src/generate/python.rs", "dev/src/generate/java.rs"];
    for f in rust_files {
        assert!(rustfmt_clean(&root.join(f)), "{f} is not rustfmt-clean in the sample");
    }

    integrate(dir.path()).args(["new", "acmefs", "--brand", "AcmeFS", "--env", "public"]).assert().success();
    integrate(dir.path()).args(["check", "acmefs"]).assert().code(0);
    integrate(dir.path()).args(["apply", "--dry-run"]).assert().success().stdout("apply: nothing to do\n");
    // cargo writes Cargo.lock, so the build runs in a copy and the tree keeps integrate's bytes.
    let build = tempfile::tempdir().unwrap();
    copy_tree(&root, build.path());
    cargo_check(&build.path().join("core"), "services-acmefs");
    for f in rust_files.iter().chain(&["core/services/acmefs/src/lib.rs", "core/services/acmefs/src/config.rs", "core/services/acmefs/src/backend.rs"]) {
        assert!(rustfmt_clean(&root.join(f)), "{f} is not rustfmt-clean after new");
    }
    let lib = std::fs::read_to_string(root.join("core/src/lib.rs")).unwrap();
    assert!(lib.contains("    #[cfg(feature = \"services-acmefs\")]\n    opendal_service_acmefs::register_acmefs_service(registry);\n\n    #[cfg(feature = \"services-fs\")]"), "{lib}");
    let python = std::fs::read_to_string(root.join("bindings/python/Cargo.toml")).unwrap();
    assert!(python.contains("  'services-acmefs',\n  'services-mini-moka',"), "{python}");

    integrate(dir.path()).args(["remove", "acmefs"]).assert().success();
    let after = snapshot(dir.path());
    assert_eq!(changed(&before, &after), Vec::<std::path::PathBuf>::new(), "remove did not restore every byte");
}

#[test]
fn check_reports_a_missing_registration_and_the_platforms_disagreements() {
    let dir = example("sample-opendal", None);
    let root = dir.path().join("opendal");
    integrate(dir.path()).arg("check").assert().code(0);

    let edit = |rel: &str, from: &str, to: &str| {
        let path = root.join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} lacks {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    edit("core/src/lib.rs", "    #[cfg(feature = \"services-s3\")]\n    pub use opendal_service_s3::*;\n", "");
    edit("bindings/dotnet/OpenDAL/ServiceConfig/MiniMokaServiceConfig.cs", "Scheme => \"mini-moka\"", "Scheme => \"mini_moka\"");
    edit("dev/src/generate/python.rs", "\"hdfs\" => false", "\"hdfs\" | \"mini-moka\" => false");
    edit("bindings/python/Cargo.toml", "[lib]", "[target.'cfg(not(windows))'.features]\nservices-all = [\"services-hdfs\"]\n\n[lib]");
    let out = integrate(dir.path()).arg("check").assert().code(1).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    for expected in [
        "opendal/core/src/lib.rs:", "s3: missing `pub use opendal_service_s3::*;` under feature services-s3 in mod services",
        "MiniMokaServiceConfig.cs:", "scheme \"mini_moka\" is not one the registry knows (the registry keys \"mini-moka\")",
        "deny-list entry \"mini-moka\" names no service directory (the directory is `mini_moka`)",
        "`[target.'cfg(not(windows))'.features]` is not a table cargo reads",
    ] {
        assert!(out.contains(expected), "check output lacks `{expected}`:\n{out}");
    }
}

#[test]
fn discover_writes_back_the_bundled_descriptors() {
    let dir = example("sample-opendal", None);
    let bundled = dir.path().join("descriptors");
    let kept: Vec<(String, String)> = std::fs::read_dir(&bundled)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (p.file_name().unwrap().to_string_lossy().to_string(), std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    assert_eq!(kept.len(), 4);
    std::fs::remove_dir_all(&bundled).unwrap();
    integrate(dir.path()).arg("discover").assert().success();
    for (name, text) in kept {
        assert_eq!(std::fs::read_to_string(bundled.join(&name)).unwrap(), text, "{name}");
    }
}

#[test]
fn demo_shows_the_opendal_platform() {
    let dir = tempfile::tempdir().unwrap();
    let out = integrate(dir.path()).args(["demo", "--platform", "opendal"]).assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("# integrate new acmefs --brand AcmeFS --env public"), "{out}");
    assert!(out.contains("+services-acmefs = [\"dep:opendal-service-acmefs\"]"), "{out}");
    assert!(out.contains("# check: every registration of acmefs is present"), "{out}");
    assert!(out.contains("# a second apply changes 0 file(s)"), "{out}");
}
