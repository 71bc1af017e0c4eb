//! `integrate check` as a CI gate and `integrate discover`, on copies of the sample platform:
//! each class of inconsistency is planted and the exact finding asserted; the JSON, GitHub and
//! SARIF outputs are checked (SARIF against the official 2.1.0 schema); --severity, --fix and
//! a vendored read-only root behave as documented.

mod common;

use std::path::Path;

use common::*;

fn edit(dir: &Path, rel: &str, f: impl Fn(String) -> String) {
    let path = dir.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    let new = f(text.clone());
    assert_ne!(new, text, "the edit of {rel} changed nothing");
    std::fs::write(path, new).unwrap();
}

/// A sample with testcloud applied and complete.
fn applied() -> tempfile::TempDir {
    let dir = sample();
    integrate(dir.path()).args(NEW_TESTCLOUD).assert().success();
    integrate(dir.path()).args(["check", "testcloud"]).assert().code(0);
    dir
}

/// The JSON findings of `check <args>`.
fn json_findings(dir: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let out = integrate(dir).arg("check").args(args).args(["--format", "json"]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    assert_eq!(doc["schema"], "integrate-check/1");
    doc["findings"].as_array().unwrap().clone()
}

fn only(findings: &[serde_json::Value]) -> &serde_json::Value {
    assert_eq!(findings.len(), 1, "expected exactly one finding: {findings:#?}");
    &findings[0]
}

#[test]
fn discover_writes_one_descriptor_per_provider_constant() {
    let dir = sample();
    let out = integrate(dir.path()).arg("discover").assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    let consts = std::fs::read_to_string(dir.path().join("cloudmux/pkg/apis/compute/cloudaccount_const.go")).unwrap();
    let expected = consts.lines().filter(|l| l.trim_start().starts_with("CLOUD_PROVIDER_") && !l.contains("HEALTH")).count();
    let written = std::fs::read_dir(dir.path().join("descriptors")).unwrap().filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "toml")).count();
    assert_eq!(written, expected, "{out}");
    let qing = std::fs::read_to_string(dir.path().join("descriptors/qingcloud.toml")).unwrap();
    assert!(qing.contains("env = \"public\"  # the base the factory embeds in the provider's own cloudmux package"), "{qing}");
    assert!(qing.contains("vms = true  # cloudmux declares HYPERVISOR_<const>"), "{qing}");
    // A second discover keeps what exists.
    let again = integrate(dir.path()).arg("discover").assert().success().get_output().stdout.clone();
    assert!(String::from_utf8_lossy(&again).lines().filter(|l| !l.starts_with("discover:")).all(|l| l.starts_with("unchanged")), "{}", String::from_utf8_lossy(&again));
}

#[test]
fn discover_then_apply_is_empty_for_a_complete_provider() {
    let dir = applied();
    std::fs::remove_file(dir.path().join("descriptors/testcloud.toml")).unwrap();
    integrate(dir.path()).arg("discover").assert().success();
    let d = std::fs::read_to_string(dir.path().join("descriptors/testcloud.toml")).unwrap();
    assert!(d.contains("env = \"private\"") && d.contains("vms = true") && d.contains("metrics = true"), "{d}");
    integrate(dir.path()).args(["apply", "--dry-run", "testcloud"]).assert().success().stdout("apply: nothing to do\n");
    integrate(dir.path()).args(["check", "testcloud"]).assert().code(0);
}

#[test]
fn an_entry_listed_twice() {
    let dir = applied();
    edit(dir.path(), "cloudpods/pkg/apis/compute/cloudaccount_const.go", |t| t.replacen("\t\tCLOUD_PROVIDER_TESTCLOUD,\n\t}", "\t\tCLOUD_PROVIDER_TESTCLOUD,\n\t\tCLOUD_PROVIDER_TESTCLOUD,\n\t}", 1));
    let f = json_findings(dir.path(), &["testcloud"]);
    let f = only(&f);
    assert_eq!(f["class"], "duplicate");
    assert_eq!(f["path"], "cloudpods/pkg/apis/compute/cloudaccount_const.go");
    assert!(f["message"].as_str().unwrap().starts_with("`CLOUD_PROVIDER_TESTCLOUD` is listed 2 times (lines "), "{f}");
}

#[test]
fn a_choices_value_that_differs_only_in_case() {
    let dir = applied();
    edit(dir.path(), "cloudpods/pkg/mcclient/options/base.go", |t| t.replacen("|TestCloud", "|Testcloud", 1));
    let f = json_findings(dir.path(), &["testcloud"]);
    let f = only(&f);
    assert_eq!(f["class"], "spelling");
    assert_eq!(f["point"], "climc.list_provider_choice");
    assert!(f["message"].as_str().unwrap().contains("lists `Testcloud`, but the value is `TestCloud`"), "{f}");
}

#[test]
fn a_private_provider_in_the_public_list() {
    let dir = applied();
    edit(dir.path(), "cloudpods/pkg/apis/compute/cloudaccount_const.go", |t| t.replacen("PUBLIC_CLOUD_PROVIDERS = []string{\n", "PUBLIC_CLOUD_PROVIDERS = []string{\n\t\tCLOUD_PROVIDER_TESTCLOUD,\n", 1));
    let f = json_findings(dir.path(), &["testcloud"]);
    let f = only(&f);
    assert_eq!(f["class"], "not_applicable");
    assert_eq!(f["point"], "cloudpods.public_providers");
    assert!(f["message"].as_str().unwrap().contains("`env == \"public\"` is false"), "{f}");
}

#[test]
fn a_descriptor_field_the_tree_disagrees_with() {
    let dir = applied();
    edit(dir.path(), "cloudpods/pkg/apis/compute/network_const.go", |t| t.replacen("REGIONAL_NETWORK_PROVIDERS = []string{\n", "REGIONAL_NETWORK_PROVIDERS = []string{\n\t\tCLOUD_PROVIDER_TESTCLOUD,\n", 1));
    let f = json_findings(dir.path(), &["testcloud"]);
    let f = only(&f);
    assert_eq!(f["class"], "not_applicable");
    assert_eq!(f["point"], "cloudpods.regional_network");
}

#[test]
fn a_missing_factory_file_of_a_present_package_is_missing_not_an_orphan() {
    let dir = applied();
    std::fs::remove_file(dir.path().join("cloudmux/pkg/multicloud/testcloud/provider/provider.go")).unwrap();
    let f = json_findings(dir.path(), &["testcloud"]);
    let f = only(&f);
    assert_eq!(f["class"], "missing");
    assert_eq!(f["point"], "cloudmux.factory");
    assert_eq!(f["severity"], "error");
}

/// The sample's CNware is registered in cloudpods with no cloudmux package (as in the real
/// trees): one orphan finding at the alias stands for the seven missing cloudmux registrations,
/// and `check --fix` does not write a skeleton for it.
#[test]
fn registered_in_cloudpods_with_no_factory_in_cloudmux() {
    let dir = sample();
    integrate(dir.path()).arg("discover").assert().success();
    // Discovered, it is described as it is: implemented outside this cloudmux, so no orphan
    // and no cloudmux registration is asked for.
    let path = dir.path().join("descriptors/cnware.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("external = true"), "{text}");
    let f = json_findings(dir.path(), &["cnware"]);
    assert!(!f.iter().any(|f| f["class"] == "orphan" || f["point"].as_str().unwrap().starts_with("cloudmux.")), "{f:#?}");
    // Described as implemented in this cloudmux, it is an orphan.
    std::fs::write(&path, text.replace("external = true", "external = false")).unwrap();
    let f = json_findings(dir.path(), &["cnware"]);
    let orphans: Vec<_> = f.iter().filter(|f| f["class"] == "orphan").collect();
    assert_eq!(orphans.len(), 1, "{f:#?}");
    let o = orphans[0];
    assert_eq!(o["point"], "cloudmux.factory");
    assert_eq!(o["severity"], "warning");
    assert_eq!(o["path"], "cloudpods/pkg/apis/compute/cloudaccount_const.go");
    let consts = std::fs::read_to_string(dir.path().join("cloudpods/pkg/apis/compute/cloudaccount_const.go")).unwrap();
    let alias_line = consts.lines().position(|l| l.contains("CLOUD_PROVIDER_CNWARE    = compute.CLOUD_PROVIDER_CNWARE")).unwrap() + 1;
    assert_eq!(o["line"], alias_line);
    assert!(o["message"].as_str().unwrap().contains("cloudmux has none of its 7 registration(s)"), "{o:#?}");
    assert!(!f.iter().any(|f| f["class"] == "missing" && f["point"].as_str().unwrap().starts_with("cloudmux.")), "folded into the orphan: {f:#?}");
    integrate(dir.path()).args(["check", "cnware", "--fix"]).assert().code(1);
    assert!(!dir.path().join("cloudmux/pkg/multicloud/cnware").exists(), "--fix wrote a skeleton for an orphan");
}

#[test]
fn a_factory_with_no_cloudpods_registration() {
    let dir = applied();
    // Put cloudpods back as it was before testcloud: only cloudmux has it now.
    std::fs::remove_dir_all(dir.path().join("cloudpods")).unwrap();
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/sample-platform/cloudpods"), &dir.path().join("cloudpods"));
    let f = json_findings(dir.path(), &["testcloud"]);
    let f = only(&f);
    assert_eq!(f["class"], "orphan");
    assert_eq!(f["point"], "cloudpods.provider_alias");
    assert_eq!(f["path"], "cloudmux/pkg/multicloud/testcloud/provider/provider.go");
    assert!(f["message"].as_str().unwrap().starts_with("cloudmux has it (cloudmux.factory) but cloudpods has none of its"), "{f:#?}");
}

#[test]
fn a_provider_missing_from_one_list_its_peers_are_in() {
    let dir = applied();
    edit(dir.path(), "cloudpods/pkg/apis/compute/cloudaccount_const.go", |t| t.replacen("\t\tCLOUD_PROVIDER_TESTCLOUD,\n\t}\n\n\tCLOUD_PROVIDER_HOST_TYPE_MAP", "\t}\n\n\tCLOUD_PROVIDER_HOST_TYPE_MAP", 1));
    let f = json_findings(dir.path(), &["testcloud"]);
    let f = only(&f);
    assert_eq!(f["point"], "cloudpods.cloud_providers");
    assert_eq!(f["severity"], "error");
}

/// Storage-only providers (S3 and the Ceph package nested in it, CephFS) own no regions, the
/// local platform (OneCloud) has no cloudmux package, and climc names S3 `s3`: discover infers
/// all of it, so check reports none of those registrations as missing.
#[test]
fn storage_only_nested_and_builtin_providers_after_discover() {
    let dir = sample();
    integrate(dir.path()).arg("discover").assert().success();
    let read = |id: &str| std::fs::read_to_string(dir.path().join(format!("descriptors/{id}.toml"))).unwrap();
    let ceph = read("ceph");
    assert!(ceph.contains("package = \"objectstore/ceph\""), "{ceph}");
    assert!(ceph.contains("env = \"onpremise\"  # the base of the factory of the package it is nested in"), "{ceph}");
    assert!(ceph.contains("owns_regions = false"), "{ceph}");
    let s3 = read("objectstore");
    assert!(s3.contains("climc = \"s3\"") && s3.contains("feature = \"s3\""), "{s3}");
    assert!(read("onecloud").contains("builtin = true"), "{}", read("onecloud"));
    assert!(read("aws").contains("owns_regions = true"));
    let f = json_findings(dir.path(), &["ceph", "objectstore", "cephfs", "onecloud"]);
    let points = |id: &str| -> Vec<String> { f.iter().filter(|f| f["provider"] == id).map(|f| format!("{}:{}", f["class"].as_str().unwrap(), f["point"].as_str().unwrap())).collect() };
    for id in ["ceph", "objectstore", "cephfs"] {
        let p = points(id);
        for gone in ["cloudpods.cloud_providers", "cloudpods.region_driver", "cloudmux.factory", "cloudmux.client", "cloudmux.region", "cloudmux.loader_import", "climc.create_command", "climc.feature"] {
            assert!(!p.iter().any(|x| x.ends_with(gone)), "{id}: {gone} reported: {p:?}");
        }
    }
    assert_eq!(points("onecloud"), vec!["missing:climc.city_list_provider_choice".to_string()]);
    // A registration a nested package lacks goes into the nested package.
    let out = integrate(dir.path()).args(["apply", "--dry-run", "ceph"]).assert().success().get_output().stdout.clone();
    assert!(String::from_utf8_lossy(&out).contains("+++ b/cloudmux/pkg/multicloud/objectstore/ceph/shell/region.go"), "{}", String::from_utf8_lossy(&out));
}

#[test]
fn providers_without_descriptors_and_descriptors_without_providers() {
    let dir = applied();
    std::fs::write(dir.path().join("descriptors/ghost.toml"), "schema = 1\nid = \"ghost\"\nbrand = \"Ghost\"\nenv = \"public\"\n").unwrap();
    // The default gate: only the described providers; the others are counted, not gated.
    let all = json_findings(dir.path(), &[]);
    assert!(all.iter().all(|f| f["provider"] == "testcloud" || f["provider"] == "ghost"), "{all:#?}");
    let out = integrate(dir.path()).arg("check").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("have no descriptor") && err.contains("`integrate check --all` gates the whole tree"), "{err}");
    // The whole tree: the undescribed providers are checked with discovered descriptors.
    let out = integrate(dir.path()).args(["check", "--all", "--format", "json"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("provider(s) without a descriptor, checked with the discovered one"), "{err}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!doc["findings"].as_array().unwrap().iter().any(|f| f["class"] == "no_descriptor"), "{doc:#?}");
    let ghost = all.iter().find(|f| f["provider"] == "ghost" && f["point"] == "cloudmux.provider_const").expect("the absent provider is reported");
    assert_eq!(ghost["class"], "missing");
}

#[test]
fn the_sample_drift_in_cloudregions_is_found_after_discover() {
    let dir = sample();
    integrate(dir.path()).arg("discover").assert().success();
    let f = json_findings(dir.path(), &["openstack"]);
    let spelling: Vec<_> = f.iter().filter(|f| f["class"] == "spelling").collect();
    assert_eq!(spelling.len(), 1, "{f:#?}");
    assert_eq!(spelling[0]["path"], "cloudpods/cmd/climc/shell/compute/cloudregions.go");
}

/// The sample spells ZStack's webconsole API constant `Z_STACK` (as upstream spells Volcengine's
/// `VOLC_ENGINE`), while the session package and the console switches say `ZSTACK`. discover
/// reads the console switches, so ZStack has a console, and names the API constant, so check
/// --all reports no webconsole finding for it.
#[test]
fn a_webconsole_constant_spelled_apart_from_the_provider_constant() {
    let dir = sample();
    let consts = std::fs::read_to_string(dir.path().join("cloudpods/pkg/apis/webconsole/consts.go")).unwrap();
    assert!(consts.contains("\tZ_STACK   = \"zstack\""), "the sample lost its differently spelled constant: {consts}");
    let f = json_findings(dir.path(), &["--all"]);
    let console: Vec<_> = f.iter().filter(|f| f["point"].as_str().unwrap().starts_with("webconsole.")).collect();
    assert!(console.is_empty(), "{console:#?}");
    integrate(dir.path()).arg("discover").assert().success();
    let zstack = std::fs::read_to_string(dir.path().join("descriptors/zstack.toml")).unwrap();
    assert!(zstack.contains("webconsole = true  # a case of the console switches"), "{zstack}");
    assert!(zstack.contains("webconsole_const = \"Z_STACK\""), "{zstack}");
    assert!(std::fs::read_to_string(dir.path().join("descriptors/aws.toml")).unwrap().contains("webconsole = false"));
    let plan = integrate(dir.path()).args(["apply", "--dry-run", "zstack"]).assert().success().get_output().stdout.clone();
    assert!(!String::from_utf8_lossy(&plan).contains("webconsole"), "{}", String::from_utf8_lossy(&plan));
    let f = json_findings(dir.path(), &["zstack"]);
    assert!(!f.iter().any(|f| f["point"].as_str().unwrap().starts_with("webconsole.")), "{f:#?}");
}

/// Upstream cloudpods aliases only the storage kinds its drivers name, and some under other
/// names (Volcengine's STORAGE_VOLC_CLOUD_*): discover records the aliases as they are, so
/// check --all reports no drift for them, while an alias the descriptor lists and the tree lacks
/// is still found.
#[test]
fn storage_aliases_of_some_kinds_under_other_names() {
    let dir = sample();
    edit(dir.path(), "cloudpods/pkg/apis/compute/storage_const.go", |t| {
        t.replacen("\tSTORAGE_ZSTACK_SHARED_BLOCK  = compute.STORAGE_ZSTACK_SHARED_BLOCK\n", "", 1)
            .replacen("\tSTORAGE_ZSTACK_CEPH          = compute.STORAGE_ZSTACK_CEPH\n", "\tSTORAGE_ZS_CEPH              = compute.STORAGE_ZSTACK_CEPH\n", 1)
    });
    let f = json_findings(dir.path(), &["--all"]);
    let aliases: Vec<_> = f.iter().filter(|f| f["point"] == "cloudpods.storage_aliases" || f["point"] == "cloudmux.storage_consts").collect();
    assert!(aliases.is_empty(), "{aliases:#?}");
    integrate(dir.path()).arg("discover").assert().success();
    let path = dir.path().join("descriptors/zstack.toml");
    let zstack = std::fs::read_to_string(&path).unwrap();
    assert!(zstack.contains("storages = [\"LOCAL_STORAGE=localstorage\", \"CEPH=ceph\", \"SHARED_BLOCK=sharedblock\"]"), "{zstack}");
    assert!(zstack.contains("storage_aliases = [\"LOCAL_STORAGE=ZSTACK_LOCAL_STORAGE\", \"CEPH=ZS_CEPH\"]"), "{zstack}");
    integrate(dir.path()).args(["check", "zstack"]).assert().code(1); // the sample's duplicate entry, nothing about storages
    assert!(!json_findings(dir.path(), &["zstack"]).iter().any(|f| f["point"] == "cloudpods.storage_aliases"));
    // Described with an alias the tree does not declare, the alias is reported.
    std::fs::write(&path, zstack.replace("\"CEPH=ZS_CEPH\"]", "\"CEPH=ZS_CEPH\", \"SHARED_BLOCK=ZSTACK_SHARED_BLOCK\"]")).unwrap();
    let f = json_findings(dir.path(), &["zstack"]);
    let alias: Vec<_> = f.iter().filter(|f| f["point"] == "cloudpods.storage_aliases").collect();
    assert_eq!(alias.len(), 1, "{f:#?}");
    assert!(alias[0]["message"].as_str().unwrap().contains("2 of 3"), "{:#?}", alias[0]);
}

#[test]
fn severity_threshold_and_fix() {
    let dir = applied();
    edit(dir.path(), "cloudpods/pkg/apis/compute/host_const.go", |t| t.replacen("\tHOST_TYPE_TESTCLOUD,\n", "", 1));
    integrate(dir.path()).args(["check", "testcloud", "--severity", "warning"]).assert().code(0);
    integrate(dir.path()).args(["check", "testcloud"]).assert().code(1);
    integrate(dir.path()).args(["check", "testcloud", "--fix"]).assert().code(0);
    assert!(std::fs::read_to_string(dir.path().join("cloudpods/pkg/apis/compute/host_const.go")).unwrap().contains("\tHOST_TYPE_TESTCLOUD,\n"));
}

#[test]
fn github_annotations() {
    let dir = applied();
    edit(dir.path(), "cloudpods/pkg/apis/compute/host_const.go", |t| t.replacen("\tHOST_TYPE_TESTCLOUD,\n", "", 1));
    let out = integrate(dir.path()).args(["check", "testcloud", "--format", "github"]).assert().code(1).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("::notice file=cloudpods/pkg/apis/compute/host_const.go,line="), "{out}");
    assert!(out.contains("title=integrate missing%3A testcloud::missing HOST_TYPE_TESTCLOUD in HOST_TYPES"), "{out}");
}

#[test]
fn sarif_output_validates_against_the_sarif_2_1_0_schema() {
    let dir = sample();
    integrate(dir.path()).arg("discover").assert().success();
    let out = integrate(dir.path()).args(["check", "--format", "sarif"]).assert().code(1).get_output().stdout.clone();
    let sarif: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let schema_path = std::env::var("INTEGRATE_SARIF_SCHEMA")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.venv-test/sarif/sarif-2.1.0-rtm.5.json"));
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&schema_path).unwrap_or_else(|_| {
        panic!("{} is missing: run the README's test command, which fetches the SARIF schema", schema_path.display())
    }))
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&sarif).map(|e| format!("{} at {}", e, e.instance_path)).collect();
    assert!(errors.is_empty(), "SARIF output is not valid:\n{}", errors.join("\n"));
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "duplicate"), "the sample's duplicate ZStack entry is a result");
    assert!(results.iter().any(|r| r["ruleId"] == "spelling"));
    // Regression: informationUri was a made-up address; it is the package's own, or absent.
    let package_uri = [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")].into_iter().find(|u| !u.is_empty());
    assert_eq!(sarif["runs"][0]["tool"]["driver"].get("informationUri").and_then(|u| u.as_str()), package_uri);
}

#[test]
fn a_vendored_cloudmux_is_read_only_and_lacks_commands() {
    let dir = applied();
    // Vendor the cloudmux tree the way `go mod vendor` would: no cmd/, shells, CLIs or tests.
    let vendored = dir.path().join("cloudpods/vendor/yunion.io/x/cloudmux");
    copy_tree(&dir.path().join("cloudmux/pkg"), &vendored.join("pkg"));
    for sub in ["pkg/multicloud/testcloud/shell", "pkg/multicloud/testcloud/testcloudcli", "pkg/multicloud/qingcloud/shell", "pkg/multicloud/qingcloud/qingcli"] {
        let _ = std::fs::remove_dir_all(vendored.join(sub));
    }
    std::fs::write(dir.path().join("integrate.toml"), "profile = \"cloudpods\"\n[roots]\ncloudpods = \"cloudpods\"\ncloudmux = \"cloudpods/vendor/yunion.io/x/cloudmux\"\n").unwrap();
    let out = integrate(dir.path()).args(["check", "testcloud"]).assert().code(0).get_output().stderr.clone();
    assert!(String::from_utf8_lossy(&out).contains("not checked: 3 point(s): root `cloudmux` is a vendored copy without this file"), "{}", String::from_utf8_lossy(&out));
    // apply never writes into the vendored copy.
    edit(dir.path(), "cloudpods/vendor/yunion.io/x/cloudmux/pkg/apis/compute/host_const.go", |t| t.replace("\tHOST_TYPE_TESTCLOUD = \"testcloud\"\n", ""));
    let before = std::fs::read(vendored.join("pkg/apis/compute/host_const.go")).unwrap();
    let out = integrate(dir.path()).args(["apply", "testcloud"]).assert().success().get_output().stderr.clone();
    assert!(String::from_utf8_lossy(&out).contains("root `cloudmux` is read only"), "{}", String::from_utf8_lossy(&out));
    assert_eq!(std::fs::read(vendored.join("pkg/apis/compute/host_const.go")).unwrap(), before);
}

/// Off a terminal, slow work reports progress as plain lines on standard error, one when it
/// starts and one when it ends, never a spinner's control sequences.
#[test]
fn discover_and_check_all_report_progress_as_plain_lines_off_a_terminal() {
    let dir = sample();
    let out = integrate(dir.path()).arg("discover").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines.iter().any(|l| l.starts_with("discover: inferring descriptors (") && l.ends_with(") ...")), "{err}");
    assert!(lines.iter().any(|l| l.starts_with("discover: ") && l.ends_with(" provider(s) inferred")), "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\r'), "{err:?}");
    std::fs::remove_dir_all(dir.path().join("descriptors")).unwrap();
    let out = integrate(dir.path()).args(["check", "--all"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.lines().any(|l| l.starts_with("discovering the providers without a descriptor (")), "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\r'), "{err:?}");
}
