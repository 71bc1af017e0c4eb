//! End-to-end runs of `new`, `apply`, `check`, `remove` and `demo` on copies of the sample
//! platform: the generated Go builds, gofmt-clean files stay clean, a second apply is empty,
//! remove restores every byte, and check finds exactly a registration that was taken out.

mod common;

use common::*;
use integrate_codegen::engine::{self, PointState};
use integrate_codegen::{Workspace, WorkspaceOptions};

#[test]
fn new_private_provider_builds_and_is_complete() {
    let dir = sample();
    go_build(&dir.path().join("cloudmux"));
    go_build(&dir.path().join("cloudpods"));
    let clean_before: Vec<String> = gofmt_dirty(dir.path());
    integrate(dir.path()).args(NEW_TESTCLOUD).assert().success();
    integrate(dir.path()).args(["check", "testcloud"]).assert().code(0);
    integrate(dir.path()).args(["apply", "--dry-run"]).assert().success().stdout("apply: nothing to do\n");
    builds_and_stays_gofmt_clean(dir.path(), &clean_before);
}

#[test]
fn new_public_provider_with_regional_network_and_auth_url_builds() {
    let dir = sample();
    integrate(dir.path()).args(NEW_ACME).assert().success();
    integrate(dir.path()).args(["check", "acme"]).assert().code(0);
    let diff = integrate(dir.path()).args(["apply", "--dry-run"]).assert().success().get_output().stdout.clone();
    assert_eq!(String::from_utf8_lossy(&diff), "apply: nothing to do\n");
    let consts = std::fs::read_to_string(dir.path().join("cloudpods/pkg/apis/compute/network_const.go")).unwrap();
    assert!(consts.contains("CLOUD_PROVIDER_ACME,"), "regional network list lacks the provider");
    go_build(&dir.path().join("cloudmux"));
    go_build(&dir.path().join("cloudpods"));
}

/// An OpenStack-like account: a user, a password, a project, a domain, a cloud environment to
/// choose and an auth URL, declared as fields. The climc option structs and the cloudmux
/// factory come from the fields, gofmt-aligned, and both trees build.
#[test]
fn a_provider_with_declared_credential_fields_builds_with_options_from_the_fields() {
    let dir = sample();
    std::fs::write(
        dir.path().join("descriptors/helix.toml"),
        r#"schema = 1
id = "helix"
brand = "Helix"
env = "private"

[[credential.fields]]
name = "username"
role = "key_id"
positional = true
help = "user name"

[[credential.fields]]
name = "password"
kind = "secret"
role = "secret"
positional = true
help = "password with a \"quote\""

[[credential.fields]]
name = "project_name"
role = "project"
help = "project"

[[credential.fields]]
name = "domain_name"
role = "domain"
required = false
default = "Default"

[[credential.fields]]
name = "environment"
kind = "choice"
values = ["global", "china"]
default = "global"

[[credential.fields]]
name = "auth_url"
kind = "url"
role = "endpoint"
go = "AuthUrl"
positional = true
"#,
    )
    .unwrap();
    let clean_before: Vec<String> = gofmt_dirty(dir.path());
    integrate(dir.path()).args(["apply", "helix"]).assert().success();
    integrate(dir.path()).args(["check", "helix"]).assert().code(0);
    let options = std::fs::read_to_string(dir.path().join("cloudpods/pkg/mcclient/options/compute/cloudaccounts.go")).unwrap();
    let create = options.split("type SHelixCloudAccountCreateOptions struct {\n").nth(1).unwrap().split("\n}\n").next().unwrap();
    assert_eq!(
        create,
        concat!(
            "\tSCloudAccountCreateBaseOptions\n",
            "\tUsername    string `help:\"Helix user name\" positional:\"true\" json:\"username\"`\n",
            "\tPassword    string `help:\"Helix password with a \\\"quote\\\"\" positional:\"true\" json:\"password\"`\n",
            "\tProjectName string `help:\"Helix project\" json:\"project_name\"`\n",
            "\tDomainName  string `help:\"Helix domain_name\" default:\"Default\" json:\"domain_name\"`\n",
            "\tEnvironment string `help:\"Helix environment\" default:\"global\" choices:\"global|china\" json:\"environment\"`\n",
            "\tAuthUrl     string `help:\"Helix auth_url\" positional:\"true\" json:\"auth_url\"`",
        )
    );
    let factory = std::fs::read_to_string(dir.path().join("cloudmux/pkg/multicloud/helix/provider/provider.go")).unwrap();
    assert!(factory.contains("if len(input.ProjectName) == 0 {\n\t\treturn output, errors.Wrap(cloudprovider.ErrMissingParameter, \"project_name\")"), "{factory}");
    assert!(!factory.contains("input.DomainName"), "an optional field is not required: {factory}");
    assert!(factory.contains("output.Account = input.Username\n\toutput.Secret = input.Password\n\toutput.AccessUrl = input.AuthUrl\n"), "{factory}");
    builds_and_stays_gofmt_clean(dir.path(), &clean_before);
}

#[test]
fn a_credential_field_name_that_is_no_identifier_is_refused_at_its_line() {
    let dir = sample();
    std::fs::write(dir.path().join("descriptors/helix.toml"), "schema = 1\nid = \"helix\"\nbrand = \"Helix\"\nenv = \"private\"\n\n[[credential.fields]]\nname = \"Tenancy-OCID\"\n").unwrap();
    let before = snapshot(dir.path());
    let out = integrate(dir.path()).args(["apply", "helix"]).assert().code(2).get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("helix.toml:7:") && stderr.contains("invalid credential field name `Tenancy-OCID`"), "{stderr}");
    assert!(changed(&before, &snapshot(dir.path())).is_empty(), "nothing is written");
}

/// Both sample trees build and vet, and no file that was gofmt-clean before is dirty now.
fn builds_and_stays_gofmt_clean(dir: &std::path::Path, clean_before: &[String]) {
    go_build(&dir.join("cloudmux"));
    go_build(&dir.join("cloudpods"));
    let dirty_after = gofmt_dirty(dir);
    let newly_dirty: Vec<&String> = dirty_after.iter().filter(|f| !clean_before.contains(f)).collect();
    assert!(newly_dirty.is_empty(), "files that were gofmt-clean are not any more: {newly_dirty:?}");
}

#[test]
fn remove_restores_every_byte_and_mode() {
    let dir = sample();
    let before = snapshot(dir.path());
    integrate(dir.path()).args(NEW_TESTCLOUD).assert().success();
    assert!(!changed(&before, &snapshot(dir.path())).is_empty());
    integrate(dir.path()).args(["remove", "testcloud"]).assert().success();
    assert_eq!(changed(&before, &snapshot(dir.path())), Vec::<std::path::PathBuf>::new());
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let dir = sample();
    let before = snapshot(dir.path());
    let out = integrate(dir.path()).args(NEW_TESTCLOUD).arg("--dry-run").assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("+++ b/cloudpods/pkg/compute/regiondrivers/testcloud.go"), "{out}");
    assert!(out.contains("+\tCLOUD_PROVIDER_TESTCLOUD"), "{out}");
    assert!(changed(&before, &snapshot(dir.path())).is_empty());
    assert!(!dir.path().join("descriptors/testcloud.toml").exists());
}

/// Removing any single registration makes check report exactly that one, at its line: for
/// every point of the profile, over three provider shapes that together apply all of them.
#[test]
fn check_reports_exactly_the_registration_that_was_taken_out() {
    let optional = "schema = 1\nid = \"opt\"\nbrand = \"OptCloud\"\nenv = \"private\"\n[features]\nvms = true\n[cloudpods]\nstorages = [\"NAS=nas\"]\nwebconsole = true\ninstance_snapshot = true\n";
    let mut covered = std::collections::BTreeSet::new();
    let mut all_points = Vec::new();
    for (id, setup) in [("testcloud", None), ("acme", None), ("opt", Some(optional))] {
        let applied = sample();
        match (id, setup) {
            ("testcloud", _) => {
                integrate(applied.path()).args(NEW_TESTCLOUD).assert().success();
            }
            ("acme", _) => {
                integrate(applied.path()).args(NEW_ACME).assert().success();
            }
            (_, Some(text)) => {
                std::fs::write(applied.path().join(format!("descriptors/{id}.toml")), text).unwrap();
                integrate(applied.path()).args(["new", id]).assert().success();
            }
            _ => unreachable!(),
        }
        let ws = Workspace::open(applied.path(), &WorkspaceOptions::default()).unwrap();
        // Points this version of the sample does not have are taken out and checked on the
        // 2023 shapes (cli/tests/versions.rs).
        all_points = ws.profile.points.iter().filter(|p| matches!(ws.facts().form(p), integrate_codegen::profile::Form::Present { .. })).map(|p| p.id.clone()).collect();
        let descriptors = ws.load_descriptors(&[id.to_string()]).unwrap();
        let reports = engine::Run::new(&ws).inspect(&descriptors).unwrap();
        for report in reports.iter().filter(|r| r.state == PointState::Present) {
            if !covered.insert(report.point.clone()) {
                continue;
            }
            let dir = tempfile::tempdir().unwrap();
            copy_tree(applied.path(), dir.path());
            let point = ws.profile.point(&report.point).unwrap();
            let rel = take_out(&ws, &descriptors[0], &point.id, dir.path());
            let out = integrate(dir.path()).args(["check", id]).assert().code(1).get_output().stdout.clone();
            let out = String::from_utf8(out).unwrap();
            let lines: Vec<&str> = out.lines().collect();
            assert_eq!(lines.len(), 1, "{}: expected exactly one finding, got:\n{out}", point.id);
            let expected_prefix = format!("{}/{}:", point.root, rel);
            assert!(lines[0].starts_with(&expected_prefix), "{}: finding names the wrong file: {}", point.id, lines[0]);
            assert!(lines[0].contains(&format!(": {}: {id}: missing ", point.severity)), "{}: {}", point.id, lines[0]);
            // The line is where apply puts the registration back.
            let line: usize = lines[0][expected_prefix.len()..].split(':').next().unwrap().parse().unwrap();
            let again = engine::Run::new(&Workspace::open(dir.path(), &WorkspaceOptions::default()).unwrap()).plan_apply(&descriptors).unwrap();
            let reinserted = again.reports.iter().find(|r| r.point == point.id).unwrap();
            assert_eq!(reinserted.line, line, "{}: check and apply disagree on the line", point.id);
        }
    }
    let uncovered: Vec<&String> = all_points.iter().filter(|p| !covered.contains(*p)).collect();
    assert!(uncovered.is_empty(), "points no shape exercises: {uncovered:?}");
}

#[test]
fn demo_runs_new_and_check_on_the_bundled_sample() {
    let dir = tempfile::tempdir().unwrap();
    let out = integrate(dir.path()).arg("demo").assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("+++ b/cloudmux/pkg/apis/compute/cloudaccount_const.go"), "{out}");
    assert!(out.contains("# check: every registration of testcloud is present"), "{out}");
    assert!(out.contains("# a second apply changes 0 file(s)"), "{out}");
}

/// A storage-only provider nested in another package (as cloudmux's Ceph is in objectstore),
/// with an access key and an endpoint: its package goes under the nested path, it is not put
/// in CLOUD_PROVIDERS, everything builds and is gofmt-clean, and remove restores every byte.
#[test]
fn new_nested_storage_provider_builds_and_removes_cleanly() {
    let dir = sample();
    let before = snapshot(dir.path());
    let clean_before: Vec<String> = gofmt_dirty(dir.path());
    std::fs::write(
        dir.path().join("descriptors/minio.toml"),
        "schema = 1\nid = \"minio\"\nbrand = \"MinIO\"\nenv = \"onpremise\"\n[names]\npackage = \"objectstore/minio\"\n[credential]\nendpoint = \"endpoint\"\n[cloudpods]\nowns_regions = false\n",
    )
    .unwrap();
    integrate(dir.path()).args(["new", "minio"]).assert().success();
    integrate(dir.path()).args(["check", "minio"]).assert().code(0);
    for file in ["minio.go", "region.go", "provider/provider.go", "shell/region.go", "miniocli/main.go"] {
        assert!(dir.path().join("cloudmux/pkg/multicloud/objectstore/minio").join(file).is_file(), "{file}");
    }
    let loader = std::fs::read_to_string(dir.path().join("cloudmux/pkg/multicloud/loader/loader.go")).unwrap();
    assert!(loader.contains("_ \"yunion.io/x/cloudmux/pkg/multicloud/objectstore/minio/provider\""), "{loader}");
    let consts = std::fs::read_to_string(dir.path().join("cloudpods/pkg/apis/compute/cloudaccount_const.go")).unwrap();
    let cloud_providers = consts.split("CLOUD_PROVIDERS = []string{").nth(1).unwrap().split('}').next().unwrap();
    assert!(!cloud_providers.contains("MINIO"), "a storage-only provider owns no regions: {cloud_providers}");
    assert!(!dir.path().join("cloudpods/pkg/compute/regiondrivers/minio.go").exists());
    go_build(&dir.path().join("cloudmux"));
    go_build(&dir.path().join("cloudpods"));
    let newly_dirty: Vec<String> = gofmt_dirty(dir.path()).into_iter().filter(|f| !clean_before.contains(f)).collect();
    assert!(newly_dirty.is_empty(), "{newly_dirty:?}");
    integrate(dir.path()).args(["remove", "minio"]).assert().success();
    std::fs::remove_file(dir.path().join("descriptors/minio.toml")).unwrap();
    assert_eq!(changed(&before, &snapshot(dir.path())), Vec::<std::path::PathBuf>::new());
}

#[test]
fn optional_registrations_from_the_cloudpods_section_build_and_remove_cleanly() {
    let dir = sample();
    let before = snapshot(dir.path());
    std::fs::write(
        dir.path().join("descriptors/acme.toml"),
        "schema = 1\nid = \"acme\"\nbrand = \"AcmeCloud\"\nenv = \"private\"\n[features]\nvms = true\nmetrics = true\n[credential]\nkind = \"user_password\"\nendpoint = \"auth_url\"\n[cloudpods]\nstorages = [\"FC_SAN=fc-san\", \"NAS=nas\", \"LOCAL=local\"]\nwebconsole = true\ninstance_snapshot = true\n",
    )
    .unwrap();
    integrate(dir.path()).args(["new", "acme"]).assert().success();
    integrate(dir.path()).args(["check", "acme"]).assert().code(0);
    let storage = std::fs::read_to_string(dir.path().join("cloudmux/pkg/apis/compute/storage_const.go")).unwrap();
    assert!(storage.contains("\t// acme storage type\n\tSTORAGE_ACME_FC_SAN = \"fc-san\"\n\tSTORAGE_ACME_NAS    = \"nas\"\n"), "{storage}");
    let console = std::fs::read_to_string(dir.path().join("cloudpods/pkg/webconsole/session/remote_console.go")).unwrap();
    assert!(console.contains("case OPENSTACK, ZSTACK, CNWARE, ACME:"), "{console}");
    go_build(&dir.path().join("cloudmux"));
    go_build(&dir.path().join("cloudpods"));
    let newly_dirty: Vec<String> = gofmt_dirty(dir.path()).into_iter().filter(|f| !f.contains("cloudaccount_const.go") && !f.contains("loader.go")).collect();
    assert!(newly_dirty.is_empty(), "{newly_dirty:?}");
    integrate(dir.path()).args(["apply", "--dry-run"]).assert().success().stdout("apply: nothing to do\n");
    integrate(dir.path()).args(["remove", "acme"]).assert().success();
    assert_eq!(changed(&before, &snapshot(dir.path())), Vec::<std::path::PathBuf>::new());
}

/// Issue 13: remove took out registrations apply had not added. A registration of the
/// provider that was in the tree before apply (here its hypervisor constant, written by hand)
/// is not in the ledger, so remove keeps it and says so. (A name that is another provider's is
/// refused before apply: `tests/taken_names.rs`.)
#[test]
fn remove_keeps_what_was_there_before_apply() {
    let dir = sample();
    let guest_const = dir.path().join("cloudmux/pkg/apis/compute/guest_const.go");
    let text = std::fs::read_to_string(&guest_const).unwrap();
    let at = text.find("\tHYPERVISOR_AWS").expect("the sample declares HYPERVISOR_AWS");
    std::fs::write(&guest_const, format!("{}\tHYPERVISOR_EVIL = \"evil\"\n{}", &text[..at], &text[at..])).unwrap();
    let before = snapshot(dir.path());
    std::fs::write(dir.path().join("descriptors/evil.toml"), "schema = 1\nid = \"evil\"\nbrand = \"Evil\"\nenv = \"private\"\n[features]\nvms = true\n").unwrap();
    integrate(dir.path()).args(["apply", "evil"]).assert().success();
    let ledger = std::fs::read_to_string(dir.path().join("descriptors/ledger/evil.toml")).unwrap();
    assert!(ledger.contains("CLOUD_PROVIDER_EVIL") && !ledger.contains("point = \"cloudmux.hypervisor_const\""), "{ledger}");
    let out = integrate(dir.path()).args(["remove", "evil"]).assert().success().get_output().stderr.clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("HYPERVISOR_EVIL") && err.contains("present, not added by integrate; kept"), "{err}");
    std::fs::remove_file(dir.path().join("descriptors/evil.toml")).unwrap();
    assert_eq!(changed(&before, &snapshot(dir.path())), Vec::<std::path::PathBuf>::new(), "remove did not restore every byte");
    assert!(std::fs::read_to_string(&guest_const).unwrap().contains("HYPERVISOR_EVIL = \"evil\""));
}

/// A provider registered by hand (here: found by discover) has no ledger: remove refuses to
/// guess which registrations are integrate's, and `--adopt` takes them all out.
#[test]
fn remove_of_a_provider_integrate_did_not_add_needs_adopt() {
    let dir = sample();
    integrate(dir.path()).args(["discover"]).assert().success();
    let before = snapshot(dir.path());
    let out = integrate(dir.path()).args(["remove", "aws"]).assert().code(2).get_output().stderr.clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("descriptors/aws.toml:1:1") && err.contains("no ledger for aws") && err.contains("--adopt"), "{err}");
    assert_eq!(changed(&before, &snapshot(dir.path())), Vec::<std::path::PathBuf>::new());
    integrate(dir.path()).args(["remove", "--adopt", "aws"]).assert().success();
    let provider = std::fs::read_to_string(dir.path().join("cloudmux/pkg/apis/compute/cloudaccount_const.go")).unwrap();
    assert!(!provider.contains("\tCLOUD_PROVIDER_AWS "), "{provider}");
}
