//! Profiles across platform versions, on the sample platform as it is and as the 2023 release
//! branches shape it: points that moved take their
//! alternative form, points a version lacks are "not in this version" (never exit 2), points only
//! old versions have are registered there, templates follow the tree's API (the result builds),
//! and `check --explain` and the JSON output name the facts and what they switched. The 2023
//! shapes are made from the sample by `sample_2023`.

mod common;

use std::path::Path;

use common::*;

/// The lists guest_const.go had until mid-2024, for the sample's hypervisors.
const OLD_GUEST_LISTS: &str = "
var PUBLIC_CLOUD_HYPERVISORS = []string{
\tHYPERVISOR_ALIYUN,
\tHYPERVISOR_AWS,
\tHYPERVISOR_QINGCLOUD,
}

var PRIVATE_CLOUD_HYPERVISORS = []string{
\tHYPERVISOR_ZSTACK,
\tHYPERVISOR_OPENSTACK,
\tHYPERVISOR_CNWARE,
}

var HYPERVISOR_HOSTTYPE = map[string]string{
\tHYPERVISOR_KVM:       HOST_TYPE_HYPERVISOR,
\tHYPERVISOR_BAREMETAL: HOST_TYPE_BAREMETAL,
\tHYPERVISOR_POD:       HOST_TYPE_CONTAINER,
\tHYPERVISOR_ALIYUN:    HOST_TYPE_ALIYUN,
\tHYPERVISOR_AWS:       HOST_TYPE_AWS,
\tHYPERVISOR_OPENSTACK: HOST_TYPE_OPENSTACK,
\tHYPERVISOR_ZSTACK:    HOST_TYPE_ZSTACK,
\tHYPERVISOR_QINGCLOUD: HOST_TYPE_QINGCLOUD,
\tHYPERVISOR_CNWARE:    HOST_TYPE_CNWARE,
}

var HOSTTYPE_HYPERVISOR = map[string]string{
\tHOST_TYPE_HYPERVISOR: HYPERVISOR_KVM,
\tHOST_TYPE_BAREMETAL:  HYPERVISOR_BAREMETAL,
\tHOST_TYPE_CONTAINER:  HYPERVISOR_POD,
\tHOST_TYPE_ALIYUN:     HYPERVISOR_ALIYUN,
\tHOST_TYPE_AWS:        HYPERVISOR_AWS,
\tHOST_TYPE_OPENSTACK:  HYPERVISOR_OPENSTACK,
\tHOST_TYPE_ZSTACK:     HYPERVISOR_ZSTACK,
\tHOST_TYPE_QINGCLOUD:  HYPERVISOR_QINGCLOUD,
\tHOST_TYPE_CNWARE:     HYPERVISOR_CNWARE,
}
";

/// The region methods a region stubs itself where cloudmux has no SNo*Region mixins.
const REGION_STUBS: &[(&str, &str)] = &[
    ("GetIEips()", "[]cloudprovider.ICloudEIP"),
    ("GetIEipById(eipId string)", "cloudprovider.ICloudEIP"),
    ("CreateEIP(opts *cloudprovider.SEip)", "cloudprovider.ICloudEIP"),
    ("CreateISecurityGroup(conf *cloudprovider.SecurityGroupCreateInput)", "cloudprovider.ICloudSecurityGroup"),
    ("GetISecurityGroupById(secgroupId string)", "cloudprovider.ICloudSecurityGroup"),
    ("CreateIVpc(opts *cloudprovider.VpcCreateOptions)", "cloudprovider.ICloudVpc"),
    ("GetIVpcs()", "[]cloudprovider.ICloudVpc"),
    ("GetIVpcById(id string)", "cloudprovider.ICloudVpc"),
];

/// Rewrites `rel` under `root` with `edit`, which must change it.
fn edit(root: &Path, rel: &str, edit: impl FnOnce(String) -> String) {
    let path = root.join(rel);
    let before = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let after = edit(before.clone());
    assert_ne!(before, after, "the 2023 shape changes nothing in {rel}: the sample moved on, update sample_2023()");
    std::fs::write(path, after).unwrap();
}

/// Moves `from` to `to` under `root`, rewriting it on the way.
fn moved(root: &Path, from: &str, to: &str, rewrite: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(root.join(from)).unwrap();
    std::fs::remove_file(root.join(from)).unwrap();
    std::fs::write(root.join(to), rewrite(text)).unwrap();
}

/// The sample platform as the 2023 release branches (3.10, 3.11) shape it; see
/// examples/sample-platform/README.md, "Older shapes".
fn sample_2023() -> tempfile::TempDir {
    use regex::Regex;
    let dir = sample();
    let root = dir.path();
    // cloudpods: no public provider list; the four guest_const.go lists; options and webconsole
    // handlers in their old packages; no storage features list; one-argument driver look-ups.
    edit(root, "cloudpods/pkg/apis/compute/cloudaccount_const.go", |s| Regex::new(r"\tPUBLIC_CLOUD_PROVIDERS = \[\]string\{\n(?:\t\t.*\n)*\t\}\n\n").unwrap().replace(&s, "").into_owned());
    edit(root, "cloudpods/pkg/apis/compute/guest_const.go", |s| s.replacen("\tHYPERVISOR_CNWARE,\n}\n", &format!("\tHYPERVISOR_CNWARE,\n}}\n{OLD_GUEST_LISTS}"), 1));
    moved(root, "cloudpods/pkg/mcclient/options/compute/cloudaccounts.go", "cloudpods/pkg/mcclient/options/cloudaccounts.go", |s| {
        s.replacen("package compute", "package options", 1).replace("\n\tbaseoptions \"yunion.io/x/onecloud/pkg/mcclient/options\"\n", "").replace("\"yunion.io/x/jsonutils\"\n\n)", "\"yunion.io/x/jsonutils\"\n)").replace("baseoptions.", "")
    });
    edit(root, "cloudpods/cmd/climc/shell/compute/cloudaccounts.go", |s| s.replace("options \"yunion.io/x/onecloud/pkg/mcclient/options/compute\"", "\"yunion.io/x/onecloud/pkg/mcclient/options\""));
    moved(root, "cloudpods/pkg/webconsole/service/handlers.go", "cloudpods/pkg/webconsole/handlers.go", |s| s.replacen("package service", "package webconsole", 1));
    edit(root, "cloudpods/cmd/climc/shell/misc/feature.go", |s| {
        s.replace("\tvar storageFeatures = []string{\n\t\t\"s3\", \"xsky\", \"ceph\",\n\t}\n", "")
            .replace("\n\tfeatures = append(features, storageFeatures...)\n", "")
            .replace("utils.IsInStringArray(name, storageFeatures)", "utils.IsInStringArray(name, []string{\"s3\", \"xsky\", \"ceph\"})")
    });
    edit(root, "cloudpods/pkg/compute/models/guestdrivers.go", |s| {
        let s = s.replace("\tkey := fmt.Sprintf(\"%s-%s\", driver.GetHypervisor(), driver.GetProvider())\n\tguestDrivers[key] = driver", "\tguestDrivers[driver.GetHypervisor()] = driver").replace("\t\"yunion.io/x/pkg/errors\"\n", "");
        Regex::new(r"func GetDriver\(hypervisor, provider string\) \(IGuestDriver, error\) \{\n(?:.*\n)*?\}\n").unwrap().replace(&s, "func GetDriver(hypervisor string) IGuestDriver {\n\tdriver, ok := guestDrivers[hypervisor]\n\tif ok {\n\t\treturn driver\n\t}\n\tpanic(fmt.Sprintf(\"Unsupported hypervisor %q\", hypervisor))\n}\n").into_owned()
    });
    edit(root, "cloudpods/pkg/compute/models/hostdrivers.go", |s| {
        let s = s.replace("\tkey := fmt.Sprintf(\"%s-%s\", driver.GetHostType(), driver.GetProvider())\n\thostDrivers[key] = driver", "\thostDrivers[driver.GetHostType()] = driver").replace("import (\n\t\"fmt\"\n\n\t\"yunion.io/x/pkg/errors\"\n)", "import (\n\t\"yunion.io/x/log\"\n)");
        Regex::new(r"func GetHostDriver\(hostType, provider string\) \(IHostDriver, error\) \{\n(?:.*\n)*?\}\n").unwrap().replace(&s, "func GetHostDriver(hostType string) IHostDriver {\n\tdriver, ok := hostDrivers[hostType]\n\tif ok {\n\t\treturn driver\n\t}\n\tlog.Fatalf(\"Unsupported hostType %s\", hostType)\n\treturn nil\n}\n").into_owned()
    });
    edit(root, "cloudpods/cmd/region/main.go", |s| {
        s.replace("\t\t\t_, err := models.GetHostDriver(hostType, provider)\n\t\t\tfmt.Printf(\"%s/%s: host driver found=%v\\n\", provider, hostType, err == nil)", "\t\t\tfmt.Printf(\"%s/%s: host driver %T\\n\", provider, hostType, models.GetHostDriver(hostType))")
    });
    // cloudmux: no SNo{Eip,SecurityGroup,Vpc}Region (regions stub those methods), no
    // SSubAccount.Id, GetBalance() (float64, string, error) without SBalanceInfo.
    edit(root, "cloudmux/pkg/multicloud/region_base.go", |s| {
        let start = s.find("type SNoEipRegion struct{}").unwrap();
        let last = s.find("func (region *SNoVpcRegion) GetIVpcById").unwrap();
        let end = last + s[last..].find("}\n").unwrap() + 2;
        format!("{}\n{}", s[..start].trim_end_matches('\n'), &s[end..])
    });
    edit(root, "cloudmux/pkg/cloudprovider/subaccount.go", |s| s.replace("\tId               string\n", ""));
    edit(root, "cloudmux/pkg/cloudprovider/cloudprovider.go", |s| {
        Regex::new(r"type SBalanceInfo struct \{\n(?:.*\n)*?\}\n\n").unwrap().replace(&s, "").replace("GetBalance() (*SBalanceInfo, error)", "GetBalance() (float64, string, error)")
    });
    let mixins = Regex::new(r"type (\w+) struct \{\n(?:.*\n)*?\tmulticloud\.SNoEipRegion\n").unwrap();
    let balance = Regex::new(r#"GetBalance\(\) \(\*cloudprovider\.SBalanceInfo, error\) \{\n\treturn &cloudprovider\.SBalanceInfo\{Currency: "CNY", Status: (api\.\w+)\}, (\S+)\n"#).unwrap();
    let account_id = Regex::new(r"\t\tId: +\w+\.GetAccountId\(\),\n").unwrap();
    for provider in std::fs::read_dir(root.join("cloudmux/pkg/multicloud")).unwrap() {
        let provider = provider.unwrap().path();
        for file in [provider.join("provider/provider.go")].into_iter().chain(std::fs::read_dir(&provider).into_iter().flatten().map(|e| e.unwrap().path())) {
            let Ok(text) = std::fs::read_to_string(&file) else { continue };
            let mut out = account_id.replace_all(&text, "").into_owned();
            out = balance.replace_all(&out, "GetBalance() (float64, string, error) {\n\treturn 0.0, $1, $2\n").into_owned();
            if let Some(region) = mixins.captures(&out).map(|c| c[1].to_string()) {
                out = out.replace("\tmulticloud.SNoEipRegion\n\tmulticloud.SNoSecurityGroupRegion\n\tmulticloud.SNoVpcRegion\n", "");
                for (method, result) in REGION_STUBS {
                    out.push_str(&format!("\nfunc (region *{region}) {method} ({result}, error) {{\n\treturn nil, cloudprovider.ErrNotImplemented\n}}\n"));
                }
            }
            assert!(!out.contains("SBalanceInfo") && !out.contains("SNoEipRegion"), "{}", file.display());
            if out != text {
                std::fs::write(&file, out).unwrap();
            }
        }
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
    let explain = stdout(integrate(root).args(["check", "--all", "--explain"]), 1);
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
    // Each old-only or moved point, taken out, is exactly one finding at its old place.
    let ws = integrate_codegen::Workspace::open(root, &integrate_codegen::WorkspaceOptions::default()).unwrap();
    let d = ws.load_descriptors(&["testcloud".to_string()]).unwrap();
    for point in ["cloudpods.hypervisor_hosttype", "cloudpods.hosttype_hypervisor", "cloudpods.private_cloud_hypervisors", "climc.create_options", "webconsole.handler"] {
        let copy = tempfile::tempdir().unwrap();
        copy_tree(root, copy.path());
        let rel = take_out(&ws, &d[0], point, copy.path());
        let out = stdout(integrate(copy.path()).args(["check", "testcloud"]), 1);
        let findings: Vec<&str> = out.lines().filter(|l| l.contains(": testcloud: ")).collect();
        assert_eq!(findings.len(), 1, "{point}: {out}");
        assert!(findings[0].contains(&rel) && findings[0].contains(": testcloud: missing "), "{point}: {}", findings[0]);
    }
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
    let json = integrate(root).args(["check", "--all", "--format", "json"]).assert().code(1).get_output().stdout.clone();
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
