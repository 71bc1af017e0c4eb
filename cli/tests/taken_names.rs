//! Issue 13, collisions: a descriptor whose derived names are already in the tree (another
//! provider's registrations, a status constant, a Go type the package declares) was applied
//! and left half-registered on those names, and remove then took out what apply had not added.
//! Each is now refused before anything is written: exit 2, the descriptor's line of the value
//! the name comes from, the other place, a hint, and no byte changed. A provider whose names
//! are all its own is applied and removed back to the same bytes.

mod common;

use common::*;

/// A descriptor of id `id` in a fresh sample with `extra` appended: `apply` is refused with
/// exit 2, stderr holds every fragment, and nothing on disk changed.
fn refused(id: &str, extra: &str, expect: &[&str]) {
    let dir = sample();
    std::fs::write(dir.path().join(format!("descriptors/{id}.toml")), format!("schema = 1\nid = \"{id}\"\nbrand = \"Brand{id}\"\nenv = \"private\"\n{extra}"))
        .unwrap();
    let before = snapshot(dir.path());
    let out = integrate(dir.path()).args(["apply", id]).assert().code(2).get_output().stderr.clone();
    let err = String::from_utf8(out).unwrap();
    for fragment in expect {
        assert!(err.contains(fragment), "stderr lacks `{fragment}`:\n{err}");
    }
    assert!(err.contains("hint:"), "no hint in:\n{err}");
    assert_eq!(changed(&before, &snapshot(dir.path())), Vec::<std::path::PathBuf>::new(), "files changed despite the refusal");
}

#[test]
fn a_hypervisor_constant_of_another_provider_is_refused_at_its_line() {
    refused("hcx", "[names]\nhypervisor_const = \"AWS\"\n[features]\nvms = true\n", &["descriptors/hcx.toml:6:20", "HYPERVISOR_AWS", "guest_const.go:"]);
}

#[test]
fn an_id_whose_constant_is_a_status_is_refused() {
    // CLOUD_PROVIDER_DELETED is an account status in cloudpods, not a provider.
    refused("deleted", "", &["descriptors/deleted.toml:2:6", "CLOUD_PROVIDER_DELETED is taken", "cloudaccount_const.go:16"]);
}

#[test]
fn a_package_of_another_provider_is_refused() {
    refused("pkx", "[names]\npackage = \"aws\"\n", &["descriptors/pkx.toml:6:11", "multicloud/aws/provider", "registration of provider `aws`"]);
}

#[test]
fn a_go_name_of_another_provider_is_refused() {
    refused("gox", "[names]\ngo = \"Aliyun\"\n", &["descriptors/gox.toml:6:6", "SAliyunCloudAccountCreateOptions", "provider `aliyun`"]);
}

#[test]
fn a_feature_key_or_climc_keyword_of_another_provider_is_refused() {
    refused("ftx", "[cloudpods]\nfeature = \"aliyun\"\n", &["descriptors/ftx.toml:6:11", "\"aliyun\" in features", "provider `aliyun`"]);
    refused("clx", "[cloudpods]\nclimc = \"aws\"\n", &["descriptors/clx.toml:6:9", "create-aws", "provider `aws`"]);
}

/// No provider owns `SBaseRegionDriver`: the region driver package's base type. Generating
/// `regiondrivers/bsx.go` with it would not compile; the plan is refused naming both lines.
#[test]
fn a_go_type_the_package_declares_is_refused_naming_both_places() {
    refused(
        "bsx",
        "[names]\ngo = \"Base\"\n",
        &[
            "descriptors/bsx.toml:6:6",
            "`SBaseRegionDriver` would be declared at cloudpods/pkg/compute/regiondrivers/bsx.go:",
            "already declares it at cloudpods/pkg/compute/regiondrivers/base.go:17",
        ],
    );
}

#[test]
fn two_descriptors_sharing_a_package_are_refused_together() {
    let dir = sample();
    for (id, brand) in [("onea", "OneA"), ("twob", "TwoB")] {
        std::fs::write(
            dir.path().join(format!("descriptors/{id}.toml")),
            format!("schema = 1\nid = \"{id}\"\nbrand = \"{brand}\"\nenv = \"private\"\n[names]\npackage = \"shared\"\n"),
        )
        .unwrap();
    }
    let before = snapshot(dir.path());
    let err = String::from_utf8(integrate(dir.path()).args(["apply"]).assert().code(2).get_output().stderr.clone()).unwrap();
    assert!(err.contains("multicloud/shared") && err.contains("is the registration of provider `"), "{err}");
    assert_eq!(changed(&before, &snapshot(dir.path())), Vec::<std::path::PathBuf>::new());
}

/// The other side: names all of its own are applied, a second apply is empty, and remove
/// restores every byte; the discovered descriptors of the sample's providers apply without a
/// refusal (their registrations are their own, however incomplete).
#[test]
fn own_names_apply_and_discovered_providers_are_not_refused() {
    let dir = sample();
    let before = snapshot(dir.path());
    integrate(dir.path()).args(NEW_TESTCLOUD).assert().success();
    integrate(dir.path()).args(["apply", "--dry-run"]).assert().success().stdout("apply: nothing to do\n");
    integrate(dir.path()).args(["remove", "testcloud"]).assert().success();
    std::fs::remove_file(dir.path().join("descriptors/testcloud.toml")).unwrap();
    assert_eq!(changed(&before, &snapshot(dir.path())), Vec::<std::path::PathBuf>::new());
    integrate(dir.path()).args(["discover"]).assert().success();
    integrate(dir.path()).args(["apply", "--dry-run"]).assert().success();
}

/// `pkg/multicloud/loader` is the package that imports every provider, not a provider: a new
/// provider `loader` would generate its client over loader.go. Refused; a provider whose own
/// files name it (only its constant taken out) is re-registered instead (partial_parse.rs).
#[test]
fn a_package_directory_of_something_else_is_refused() {
    refused("loader", "", &["descriptors/loader.toml:2:6", "pkg/multicloud/loader/loader.go exists already", "not this provider's"]);
}

/// `names.package = "loader"` with an id of its own: the provider's files would land in
/// pkg/multicloud/loader as package `lx` beside package `loader` (found by the property run:
/// "found packages lx (lx.go) and loader (loader.go)"). Refused, naming both packages.
#[test]
fn a_package_directory_of_another_package_is_refused() {
    refused("lx", "[names]\npackage = \"loader\"\n", &["descriptors/lx.toml:6:11", "would be package lx", "holds package loader"]);
}

/// Ids that are packages or variables the generated Go selects from (`fmt.Errorf`,
/// `options.NewXClient`) were accepted and the provider's files did not build ("fmt redeclared
/// in this block"). Refused at the id's line.
#[test]
fn a_package_name_the_templates_select_from_is_refused() {
    for id in ["fmt", "errors", "options", "context"] {
        refused(id, "", &[&format!("descriptors/{id}.toml:2:6"), &format!("`{id}` cannot name the provider's Go package")]);
    }
}
