//! The `cccmo` profile's consistency checks through the library: every workload policy is
//! declared once as a `[[checks]]` entry, and the image-list check reports each disagreement
//! at its file and line, leaving to the points the entries of providers that have a descriptor.

use std::path::Path;

use integrate_codegen::platform::cccmo::policies::POLICIES;
use integrate_codegen::engine;
use integrate_codegen::profile::Profile;
use integrate_codegen::{Workspace, WorkspaceOptions};

#[test]
fn every_policy_is_declared_once_as_a_check() {
    let profile = Profile::load("cccmo", Path::new(".")).unwrap();
    for policy in POLICIES {
        let id = format!("cccmo.policy.{policy}");
        let n = profile.checks.iter().filter(|c| c.id == id && c.kind_name == "cccmo.workload_policy").count();
        assert_eq!(n, 1, "policy {policy} is declared {n} times (as {id})");
    }
    let declared = profile.checks.iter().filter(|c| c.kind_name == "cccmo.workload_policy").count();
    assert_eq!(declared, POLICIES.len(), "a workload_policy check names no known policy");
}

const CONFIG: &str = "package config\n\ntype ImagesReference struct {\n\tCloudControllerManagerOperator string `json:\"cloudControllerManagerOperator\"`\n\tCloudControllerManagerAWS      string `json:\"cloudControllerManagerAWS\"`\n\tCloudControllerManagerAcme     string `json:\"cloudControllerManagerAcme\"`\n}\n";
const IMAGES: &str = "data:\n  images.json: |\n    {\n      \"cloudControllerManagerOperator\": \"quay.io/o/operator\",\n      \"cloudControllerManagerAWS\": \"quay.io/o/aws\",\n      \"cloudControllerManagerGCP\": \"quay.io/o/gcp\"\n    }\n";
const REFS: &str = "spec:\n  tags:\n  - name: operator\n    from:\n      kind: DockerImage\n      name: quay.io/o/operator\n  - name: aws-cloud-controller-manager\n    from:\n      kind: DockerImage\n      name: quay.io/o/aws-other\n";

/// A workspace over a tree with the three image lists; `acme` has a descriptor when asked.
fn tree(with_descriptor: bool) -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("cccmo");
    for (rel, text) in [
        ("go.mod", "module github.com/openshift/cluster-cloud-controller-manager-operator\n"),
        ("pkg/config/config.go", CONFIG),
        ("manifests/0000_26_cloud-controller-manager-operator_01_images.configmap.yaml", IMAGES),
        ("manifests/image-references", REFS),
    ] {
        std::fs::create_dir_all(root.join(rel).parent().unwrap()).unwrap();
        std::fs::write(root.join(rel), text).unwrap();
    }
    std::fs::write(dir.path().join("integrate.toml"), "profile = \"cccmo\"\n\n[roots]\ncccmo = \"cccmo\"\n").unwrap();
    std::fs::create_dir_all(dir.path().join("descriptors")).unwrap();
    if with_descriptor {
        std::fs::write(dir.path().join("descriptors/acme.toml"), "schema = 1\nid = \"acme\"\nbrand = \"Acme\"\nenv = \"public\"\n").unwrap();
    }
    let ws = Workspace::open(dir.path(), &WorkspaceOptions::default()).unwrap();
    (dir, ws)
}

/// The image-list findings as `file:line: message`.
fn findings(ws: &Workspace) -> Vec<String> {
    let descriptors = ws.load_descriptors(&[]).unwrap();
    engine::Run::new(ws).profile_checks(&descriptors)
        .unwrap()
        .into_iter()
        .filter(|r| r.point == "cccmo.images_agree")
        .map(|r| format!("{}:{}: {}", r.path.file_name().unwrap().to_string_lossy(), r.line, r.what))
        .collect()
}

#[test]
fn disagreeing_image_lists_are_reported_at_their_lines() {
    let (_dir, ws) = tree(false);
    let got = findings(&ws);
    let expected = [
        "config.go:6: ImagesReference.CloudControllerManagerAcme decodes images.json key \"cloudControllerManagerAcme\"",
        "0000_26_cloud-controller-manager-operator_01_images.configmap.yaml:5: images.json \"cloudControllerManagerAWS\" is quay.io/o/aws, which no tag of",
        "0000_26_cloud-controller-manager-operator_01_images.configmap.yaml:6: images.json key \"cloudControllerManagerGCP\" is no field of ImagesReference",
        "0000_26_cloud-controller-manager-operator_01_images.configmap.yaml:6: images.json \"cloudControllerManagerGCP\" is quay.io/o/gcp, which no tag of",
        "image-references:7: tag aws-cloud-controller-manager pulls quay.io/o/aws-other, which no images.json key of",
    ];
    for want in expected {
        assert!(got.iter().any(|g| g.starts_with(want)), "missing `{want}` in:\n{}", got.join("\n"));
    }
    assert_eq!(got.len(), expected.len(), "{}", got.join("\n"));
}

#[test]
fn entries_of_a_provider_with_a_descriptor_are_left_to_its_points() {
    let (_dir, ws) = tree(true);
    let got = findings(&ws);
    assert!(!got.iter().any(|g| g.contains("cloudControllerManagerAcme")), "{}", got.join("\n"));
    assert_eq!(got.len(), 4, "{}", got.join("\n"));
}
