//! The vendor sync of `integrate verify --sync-vendor` reproduces what `go mod vendor` does for
//! one module: packages listed in modules.txt are copied again (no tests, go.mod, go.sum or
//! dot/underscore files), files gone from the source are removed, packages newly imported by a
//! vendored package are added with their modules.txt lines in sorted order, and nothing else in
//! modules.txt moves. A second sync has nothing to do.

use std::path::{Path, PathBuf};

use integrate_codegen::verify::plan_vendor_sync;

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const MODULES_TXT: &str = "# example.com/other v1.0.0\n## explicit; go 1.20\nexample.com/other/x\n# yunion.io/x/cloudmux v0.0.0-1\n## explicit; go 1.24\nyunion.io/x/cloudmux/pkg/apis/compute\nyunion.io/x/cloudmux/pkg/multicloud/loader\n# yunion.io/x/log v1.0.0\n## explicit\nyunion.io/x/log\n";

#[test]
fn sync_copies_like_go_mod_vendor_and_follows_imports() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("cloudmux");
    let consumer = dir.path().join("cloudpods");
    write(&src.join("pkg/apis/compute/consts.go"), "package compute\n\nconst A = \"a\"\nconst NEW = \"new\"\n");
    write(&src.join("pkg/apis/compute/consts_test.go"), "package compute\n");
    write(&src.join("pkg/apis/compute/.hidden"), "x");
    write(&src.join("pkg/multicloud/loader/loader.go"), "package loader\n\nimport (\n\t_ \"yunion.io/x/cloudmux/pkg/multicloud/acme/provider\"\n)\n");
    write(&src.join("pkg/multicloud/acme/provider/provider.go"), "package provider\n\nimport (\n\t\"yunion.io/x/cloudmux/pkg/multicloud/acme\"\n)\n\nvar _ = acme.X\n");
    write(&src.join("pkg/multicloud/acme/acme.go"), "package acme\n\nconst X = 1\n");
    write(&src.join("pkg/multicloud/acme/acme_test.go"), "package acme\n");
    write(&consumer.join("vendor/modules.txt"), MODULES_TXT);
    write(&consumer.join("vendor/yunion.io/x/cloudmux/pkg/apis/compute/consts.go"), "package compute\n\nconst A = \"a\"\n");
    write(&consumer.join("vendor/yunion.io/x/cloudmux/pkg/apis/compute/gone.go"), "package compute\n");
    write(&consumer.join("vendor/yunion.io/x/cloudmux/pkg/multicloud/loader/loader.go"), "package loader\n");

    let display = |p: &Path| -> PathBuf { p.strip_prefix(dir.path()).unwrap_or(p).to_path_buf() };
    let plan = plan_vendor_sync(&display, &src, &consumer, "yunion.io/x/cloudmux", &[]).unwrap().expect("cloudmux is vendored");
    let mut changed: Vec<String> = plan.changes.iter().map(|c| format!("{}{}", if c.after.is_none() { "-" } else { "" }, c.display.display())).collect();
    changed.sort();
    assert_eq!(
        changed,
        [
            "-cloudpods/vendor/yunion.io/x/cloudmux/pkg/apis/compute/gone.go",
            "cloudpods/vendor/modules.txt",
            "cloudpods/vendor/yunion.io/x/cloudmux/pkg/apis/compute/consts.go",
            "cloudpods/vendor/yunion.io/x/cloudmux/pkg/multicloud/acme/acme.go",
            "cloudpods/vendor/yunion.io/x/cloudmux/pkg/multicloud/acme/provider/provider.go",
            "cloudpods/vendor/yunion.io/x/cloudmux/pkg/multicloud/loader/loader.go",
        ]
    );
    let modules = plan.changes.iter().find(|c| c.display.ends_with("modules.txt")).unwrap().after.clone().unwrap();
    assert_eq!(
        modules,
        "# example.com/other v1.0.0\n## explicit; go 1.20\nexample.com/other/x\n# yunion.io/x/cloudmux v0.0.0-1\n## explicit; go 1.24\nyunion.io/x/cloudmux/pkg/apis/compute\nyunion.io/x/cloudmux/pkg/multicloud/acme\nyunion.io/x/cloudmux/pkg/multicloud/acme/provider\nyunion.io/x/cloudmux/pkg/multicloud/loader\n# yunion.io/x/log v1.0.0\n## explicit\nyunion.io/x/log\n"
    );
    assert!(!changed.iter().any(|c| c.contains("_test.go") || c.contains(".hidden")), "{changed:?}");
    integrate_codegen::commit::write_all(dir.path(), &plan.changes).unwrap();
    let again = plan_vendor_sync(&display, &src, &consumer, "yunion.io/x/cloudmux", &[]).unwrap().unwrap();
    assert!(again.is_empty(), "a second sync has nothing to do: {:?}", again.changes.iter().map(|c| &c.display).collect::<Vec<_>>());
}

#[test]
fn a_consumer_that_does_not_vendor_the_module_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("cloudpods/go.mod"), "module yunion.io/x/onecloud\n");
    let display = |p: &Path| p.to_path_buf();
    assert!(plan_vendor_sync(&display, &dir.path().join("cloudmux"), &dir.path().join("cloudpods"), "yunion.io/x/cloudmux", &[]).unwrap().is_none());
}
