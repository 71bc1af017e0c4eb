//! The `openpitrix` profile through the engine, on copies of `examples/sample-openpitrix`: two
//! providers added one after the other each get their constant, import, registration,
//! assertion and runtime entries, and removing the first gives back exactly the tree with only
//! the second; a provider named by image instead of image ID gets `image_name` in its entry.

use std::path::Path;

mod common;

use common::{copy_tree, example};
use integrate_codegen::descriptor::Descriptor;
use integrate_codegen::engine;
use integrate_codegen::{Workspace, WorkspaceOptions};

fn sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &example("sample-openpitrix"),
        dir.path(),
    );
    std::fs::create_dir_all(dir.path().join("descriptors")).unwrap();
    dir
}

fn new(dir: &Path, id: &str, descriptor: &str) {
    std::fs::write(dir.join(format!("descriptors/{id}.toml")), descriptor).unwrap();
    let ws = Workspace::open(dir, &WorkspaceOptions::default()).unwrap();
    let d = Descriptor::load(&ws.descriptor_path(id)).unwrap();
    engine::Run::new(&ws).plan_new(&d).unwrap().commit(&ws).unwrap();
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join("openpitrix").join(rel)).unwrap()
}

const STORMCLOUD: &str = "schema = 1\nid = \"stormcloud\"\nbrand = \"StormCloud\"\nenv = \"private\"\n\n[openpitrix]\napi_server = \".*.storm.example\"\nimage_name = \"ubuntu-16.04\"\n";

#[test]
fn a_second_provider_joins_the_first_and_removing_one_keeps_the_other() {
    let dir = sample();
    let example = std::fs::read_to_string(dir.path().join("examplecloud.toml")).unwrap();
    new(dir.path(), "stormcloud", STORMCLOUD);
    let files = [
        "pkg/constants/common.go",
        "pkg/plugins/plugin.go",
        "deploy/config/global_config.init.yaml",
        "pkg/config/init_global_config.go",
        "deploy/kubernetes/helm/openpitrix/templates/etcd/global-config.yaml",
    ];
    let only_storm: Vec<String> = files.iter().map(|f| read(dir.path(), f)).collect();

    new(dir.path(), "examplecloud", &example);
    let ws = Workspace::open(dir.path(), &WorkspaceOptions::default()).unwrap();
    let descriptors = ws.load_descriptors(&[]).unwrap();
    let findings: Vec<_> = engine::Run::new(&ws).check(&descriptors)
        .unwrap()
        .into_iter()
        .filter(|r| r.is_finding())
        .collect();
    assert!(findings.is_empty(), "{findings:#?}");
    let consts = read(dir.path(), "pkg/constants/common.go");
    assert!(consts.contains("\tProviderStormCloud   = \"stormcloud\"\n\tProviderExampleCloud = \"examplecloud\"\n\tTargetPilot          = \"pilot\"\n"), "{consts}");
    let plugin = read(dir.path(), "pkg/plugins/plugin.go");
    assert!(plugin.contains("RegisterProvider(constants.ProviderStormCloud, stormcloud.NewProvider())\n\tRegisterProvider(constants.ProviderExampleCloud, examplecloud.NewProvider())\n}"), "{plugin}");

    let example_only = ws.load_descriptors(&["examplecloud".into()]).unwrap();
    engine::Run::new(&ws).plan_remove(&example_only, false, false)
        .unwrap()
        .commit(&ws)
        .unwrap();
    for (file, want) in files.iter().zip(&only_storm) {
        assert_eq!(
            &read(dir.path(), file),
            want,
            "{file} differs from the tree with only stormcloud"
        );
    }
    assert!(
        !dir.path()
            .join("openpitrix/pkg/plugins/examplecloud")
            .exists()
    );
}

#[test]
fn a_provider_named_by_image_gets_image_name_in_its_runtime_entry() {
    let dir = sample();
    new(dir.path(), "stormcloud", STORMCLOUD);
    let entry = "  stormcloud_provider:\n    api_server: \".*.storm.example\"\n    zone: \".*\"\n    image_name: \"ubuntu-16.04\"\n";
    let yaml = read(dir.path(), "deploy/config/global_config.init.yaml");
    assert!(yaml.ends_with(entry), "{yaml}");
    let go = read(dir.path(), "pkg/config/init_global_config.go");
    assert!(go.ends_with(&format!("{entry}`\n")), "{go}");
}
