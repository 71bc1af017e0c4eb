//! The `gardener-mcm` profile through the engine, on copies of `examples/sample-mcm`: the
//! manifests parse as YAML after `new` (the sample's deployment.yaml does not before, like
//! upstream's), a project name that sorts after `gardener` keeps the Go imports gofmt-sorted, a
//! rename that could not be undone is refused before anything is written, and a spec field
//! that is not an exported Go name is reported against the descriptor field it comes from.

use std::path::{Path, PathBuf};

mod common;

use common::{copy_tree, example};
use integrate_codegen::descriptor::Descriptor;
use integrate_codegen::engine;
use integrate_codegen::{Workspace, WorkspaceOptions};
use saphyr::LoadableYamlNode;

const REPO: &str = "machine-controller-manager-provider-sampleprovider";

/// A copy of the sample with `descriptor` as descriptors/<id>.toml.
fn sample(id: &str, descriptor: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &example("sample-mcm"),
        dir.path(),
    );
    std::fs::create_dir_all(dir.path().join("descriptors")).unwrap();
    std::fs::write(
        dir.path().join(format!("descriptors/{id}.toml")),
        descriptor,
    )
    .unwrap();
    dir
}

fn acme() -> String {
    std::fs::read_to_string(
        example("sample-mcm").join("acme.toml"),
    )
    .unwrap()
}

/// Runs `integrate new` for the descriptor through the engine.
fn new(dir: &Path, id: &str) -> integrate_codegen::error::Result<engine::Plan> {
    let ws = Workspace::open(dir, &WorkspaceOptions::default())?;
    let d = Descriptor::load(&ws.descriptor_path(id))?;
    let plan = engine::Run::new(&ws).plan_new(&d)?;
    plan.commit(&ws)?;
    Ok(plan)
}

fn gofmt(src: &str) -> String {
    let gofmt = std::env::var("GOFMT").unwrap_or_else(|_| "gofmt".into());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.go");
    std::fs::write(&file, src).unwrap();
    let out = std::process::Command::new(gofmt)
        .arg(&file)
        .output()
        .expect("running gofmt (set GOFMT or put it on PATH)");
    assert!(
        out.status.success(),
        "gofmt failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(all_files(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

#[test]
fn every_sample_manifest_parses_after_new() {
    let dir = sample("acme", &acme());
    let kube = dir.path().join(REPO).join("kubernetes");
    let broken = std::fs::read_to_string(kube.join("deployment.yaml")).unwrap();
    assert!(
        saphyr::Yaml::load_from_str(&broken).is_err(),
        "the sample's deployment.yaml should be broken like upstream's"
    );
    new(dir.path(), "acme").unwrap();
    for path in all_files(&kube) {
        let text = std::fs::read_to_string(&path).unwrap();
        let docs = saphyr::Yaml::load_from_str(&text)
            .unwrap_or_else(|e| panic!("{} does not parse: {e}\n{text}", path.display()));
        assert_eq!(docs.len(), 1, "{}", path.display());
    }
    let class = std::fs::read_to_string(kube.join("machine-class.yaml")).unwrap();
    for key in ["region", "machineType", "imageID", "tags", "diskSizeGB"] {
        assert!(
            class.contains(&format!("\n  {key}: ")),
            "machine-class.yaml lacks providerSpec.{key}:\n{class}"
        );
    }
    let secret = std::fs::read_to_string(kube.join("secret.yaml")).unwrap();
    for key in ["userData", "accessKeyID", "secretAccessKey"] {
        assert!(
            secret.contains(&format!("\n  {key}: ")),
            "secret.yaml lacks data.{key}:\n{secret}"
        );
    }
}

/// `github.com/zeta/...` sorts after `github.com/gardener/...`: the renamed imports move to
/// where gofmt puts them, and back on remove.
#[test]
fn a_project_that_sorts_later_keeps_imports_in_gofmt_order() {
    let descriptor = acme().replace("[mcm]\n", "[mcm]\nproject = \"zeta\"\n");
    let dir = sample("acme", &descriptor);
    let repo = dir.path().join(REPO);
    let go_files: Vec<PathBuf> = all_files(&repo)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    let before: Vec<String> = go_files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    for (path, text) in go_files.iter().zip(&before) {
        assert_eq!(
            &gofmt(text),
            text,
            "{} should be gofmt-clean in the sample",
            path.display()
        );
    }
    new(dir.path(), "acme").unwrap();
    for path in all_files(&repo)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
    {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            gofmt(&text),
            text,
            "{} is not gofmt-clean after new",
            path.display()
        );
    }
    let main = std::fs::read_to_string(repo.join("cmd/machine-controller/main.go")).unwrap();
    assert!(main.contains("\t\"github.com/spf13/pflag\"\n\tcp \"github.com/zeta/machine-controller-manager-provider-acme/pkg/provider\"\n"), "{main}");
    let ws = Workspace::open(dir.path(), &WorkspaceOptions::default()).unwrap();
    let descriptors = ws.load_descriptors(&[]).unwrap();
    engine::Run::new(&ws).plan_remove(&descriptors, false, false)
        .unwrap()
        .commit(&ws)
        .unwrap();
    for (path, text) in go_files.iter().zip(&before) {
        assert_eq!(
            &std::fs::read_to_string(path).unwrap(),
            text,
            "{} not restored",
            path.display()
        );
    }
}

/// A README that already says `AcmeCloud` could not be renamed back exactly: apply refuses,
/// naming the file and line, and writes nothing.
#[test]
fn a_rename_that_could_not_be_undone_is_refused() {
    let dir = sample("acme", &acme());
    let readme = dir.path().join(REPO).join("README.md");
    let text = std::fs::read_to_string(&readme).unwrap()
        + "\nAcmeCloud is the provider this will become.\n";
    std::fs::write(&readme, &text).unwrap();
    let go_mod = std::fs::read_to_string(dir.path().join(REPO).join("go.mod")).unwrap();
    let err = new(dir.path(), "acme").unwrap_err().to_string();
    assert!(err.contains(&format!("{REPO}/README.md:7:")), "{err}");
    assert!(err.contains("already holds `AcmeCloud`"), "{err}");
    assert!(err.contains("hint:"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join(REPO).join("go.mod")).unwrap(),
        go_mod,
        "something was written"
    );
}

/// A spec field must become an exported Go field; the error says where it comes from.
#[test]
fn a_spec_field_that_is_not_an_exported_go_name_is_refused() {
    let descriptor = acme().replace("\"Region:string:region:required\"", "\"region:string\"");
    let dir = sample("acme", &descriptor);
    let err = new(dir.path(), "acme").unwrap_err().to_string();
    // Refused at the descriptor's line, by the type its profile field declares.
    assert!(err.contains("descriptors/acme.toml:") && err.contains("[mcm] spec_fields: `region:string` is not a field `GoName:type"), "{err}");
}

/// A field added to the descriptor later goes into ProviderSpec and the sample MachineClass on
/// the next apply (the generated validation file is not rewritten: it is the integrator's now).
#[test]
fn a_field_added_to_the_descriptor_later_is_added_by_apply() {
    let dir = sample("acme", &acme());
    new(dir.path(), "acme").unwrap();
    let path = dir.path().join("descriptors/acme.toml");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "\"DiskSizeGB:int32:diskSizeGB:required\"",
        "\"DiskSizeGB:int32:diskSizeGB:required\", \"Zones:[]string:zones\"",
    );
    std::fs::write(&path, text).unwrap();
    let ws = Workspace::open(dir.path(), &WorkspaceOptions::default()).unwrap();
    let descriptors = ws.load_descriptors(&[]).unwrap();
    let plan = engine::Run::new(&ws).plan_apply(&descriptors).unwrap();
    let files: Vec<String> = plan
        .changes
        .iter()
        .map(|c| c.display.display().to_string())
        .collect();
    assert!(
        files.iter().any(|f| f.ends_with("provider_spec.go")),
        "{files:?}"
    );
    plan.commit(&ws).unwrap();
    let spec = std::fs::read_to_string(
        dir.path()
            .join(REPO)
            .join("pkg/provider/apis/provider_spec.go"),
    )
    .unwrap();
    assert!(
        spec.contains("\tZones []string `json:\"zones,omitempty\"`\n}"),
        "{spec}"
    );
    let class =
        std::fs::read_to_string(dir.path().join(REPO).join("kubernetes/machine-class.yaml"))
            .unwrap();
    assert!(
        class.contains("\n  diskSizeGB: 0 # required\n  zones: []\nsecretRef:"),
        "{class}"
    );
}
