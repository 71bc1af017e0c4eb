//! Profiles across platform versions, on the sample platform as it is and as the 2023 release
//! branches shape it (`examples/sample-platform-2023`, an overlay): points that moved take their
//! alternative form, points a version lacks are "not in this version" (never exit 2), points only
//! old versions have are registered there, templates follow the tree's API (the result builds),
//! and `check --explain` and the JSON output name the facts and what they switched.

mod common;

use std::path::Path;

use common::*;

/// The sample platform with the 2023 overlay applied.
fn sample_2023() -> tempfile::TempDir {
    let dir = sample();
    let overlay = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/sample-platform-2023");
    for line in std::fs::read_to_string(overlay.join("REMOVED")).unwrap().lines().filter(|l| !l.is_empty()) {
        std::fs::remove_file(dir.path().join(line)).unwrap();
    }
    for root in ["cloudpods", "cloudmux"] {
        copy_tree(&overlay.join(root), &dir.path().join(root));
    }
    dir
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn stdout(cmd: &mut assert_cmd::Command, code: i32) -> String {
    let out = cmd.assert().code(code).get_output().clone();
    String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
}

#[test]
fn on_a_2023_tree_points_take_their_old_forms_and_the_new_provider_builds() {
    let dir = sample_2023();
    let root = dir.path();
    go_build(&root.join("cloudmux"));
    go_build(&root.join("cloudpods"));
    let before = snapshot(root);

    // check: the facts, and the points they switched, never exit 2.
    let explain = stdout(integrate(root).args(["check", "--explain"]), 1);
    for want in [
        "public_providers_list = no",
        "get_driver_params = 1",
        "cmx_region_mixins = no",
        "cloudpods.public_providers: not in this version",
        "climc.create_options: alternative 1",
        "pkg/mcclient/options/cloudaccounts.go",
        "webconsole.handler: alternative 1",
        "cloudpods.hosttype_hypervisor: declared",
    ] {
        assert!(explain.contains(want), "`{want}` not in:\n{explain}");
    }

    // A private provider with VMs and the optional registrations whose points moved.
    std::fs::create_dir_all(root.join("descriptors")).unwrap();
    std::fs::write(
        root.join("descriptors/testcloud.toml"),
        "schema = 1\nid = \"testcloud\"\nbrand = \"TestCloud\"\nenv = \"private\"\n[features]\nvms = true\nmetrics = true\n[cloudpods]\nwebconsole = true\n",
    )
    .unwrap();
    let applied = stdout(integrate(root).args(["apply", "testcloud"]), 0);
    assert!(applied.contains("updated cloudpods/pkg/mcclient/options/cloudaccounts.go"), "{applied}");
    assert!(applied.contains("updated cloudpods/pkg/webconsole/handlers.go"), "{applied}");
    let guest = read(root, "cloudpods/pkg/apis/compute/guest_const.go");
    for want in ["HYPERVISOR_TESTCLOUD: HOST_TYPE_TESTCLOUD,", "HOST_TYPE_TESTCLOUD:  HYPERVISOR_TESTCLOUD,"] {
        assert!(guest.contains(want), "`{want}` not in guest_const.go:\n{guest}");
    }
    let private_list = guest.split("var PRIVATE_CLOUD_HYPERVISORS").nth(1).and_then(|s| s.split('}').next()).unwrap();
    assert!(private_list.contains("HYPERVISOR_TESTCLOUD,"), "{private_list}");
    let public_list = guest.split("var PUBLIC_CLOUD_HYPERVISORS").nth(1).and_then(|s| s.split('}').next()).unwrap();
    assert!(!public_list.contains("TESTCLOUD"), "{public_list}");
    // Templates follow the tree: no mixins it lacks, the old GetBalance, no SSubAccount.Id.
    let region = read(root, "cloudmux/pkg/multicloud/testcloud/region.go");
    assert!(!region.contains("multicloud.SNoEipRegion") && region.contains("func (region *SRegion) GetIEips()"), "{region}");
    assert!(read(root, "cloudmux/pkg/multicloud/testcloud/provider/provider.go").contains("GetBalance() (float64, string, error)"));
    assert!(!read(root, "cloudmux/pkg/multicloud/testcloud/testcloud.go").contains("\t\tId: "));
    assert!(!root.join("cloudpods/pkg/mcclient/options/compute/cloudaccounts.go").exists());
    integrate(root).args(["check", "testcloud"]).assert().code(0);
    go_build(&root.join("cloudmux"));
    go_build(&root.join("cloudpods"));

    // The registry program follows the one-argument GetDriver of this version.
    let verified = stdout(integrate(root).args(["verify", "testcloud"]), 0);
    assert!(verified.contains("5 step(s), 0 failed") && verified.contains("ok   the factory and every driver are registered at run time"), "{verified}");

    // Taking it out restores every byte, old forms included.
    integrate(root).args(["remove", "testcloud"]).assert().success();
    std::fs::remove_file(root.join("descriptors/testcloud.toml")).unwrap();
    assert_eq!(changed(&before, &snapshot(root)), Vec::<String>::new());
}

#[test]
fn on_the_newest_tree_the_old_lists_are_not_in_this_version_and_json_names_the_facts() {
    let dir = sample();
    let root = dir.path();
    integrate(root).args(NEW_ACME).assert().success();
    let out = stdout(integrate(root).args(["check", "acme"]), 0);
    assert!(out.contains("not in this version: cloudpods.public_cloud_hypervisors: cloudpods:pkg/apis/compute/guest_const.go declares `PUBLIC_CLOUD_HYPERVISORS`: no"), "{out}");
    assert!(read(root, "cloudpods/pkg/apis/compute/cloudaccount_const.go").contains("CLOUD_PROVIDER_ACME,"));
    let json = integrate(root).args(["check", "--format", "json"]).assert().code(1).get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let facts = v["versions"]["facts"].as_array().unwrap();
    assert!(facts.iter().any(|f| f["id"] == "public_providers_list" && f["value"] == true), "{facts:?}");
    assert!(facts.iter().any(|f| f["id"] == "get_driver_params" && f["value"] == 2), "{facts:?}");
    let points = v["versions"]["points"].as_array().unwrap();
    let form = |id: &str| points.iter().find(|p| p["point"] == id).map(|p| p["form"].as_str().unwrap().to_string());
    assert_eq!(form("cloudpods.hypervisor_hosttype").as_deref(), Some("not in this version"));
    assert_eq!(form("climc.create_options").as_deref(), Some("declared"));
    assert!(v["summary"]["not_in_version"].as_u64().unwrap() > 0);
}

#[test]
fn a_public_provider_on_a_2023_tree_is_listed_with_the_public_hypervisors_and_no_public_providers_list() {
    let dir = sample_2023();
    let root = dir.path();
    integrate(root).args(NEW_ACME).assert().success();
    let guest = read(root, "cloudpods/pkg/apis/compute/guest_const.go");
    let public_list = guest.split("var PUBLIC_CLOUD_HYPERVISORS").nth(1).and_then(|s| s.split('}').next()).unwrap();
    assert!(public_list.contains("HYPERVISOR_ACME,"), "{public_list}");
    assert!(!read(root, "cloudpods/pkg/apis/compute/cloudaccount_const.go").contains("PUBLIC_CLOUD_PROVIDERS"));
    integrate(root).args(["check", "acme"]).assert().code(0);
}
