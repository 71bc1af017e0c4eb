//! Every class of bad input is refused with exit code 2, an error that names the file, the
//! line and a fix, and no byte written anywhere.

mod common;

use common::*;

/// Runs `args` in a fresh sample after `setup`, asserts exit 2, no change on disk, and that
/// stderr contains every expected fragment.
fn refused(setup: impl Fn(&std::path::Path), args: &[&str], expect: &[&str]) {
    let dir = sample();
    setup(dir.path());
    let before = snapshot(dir.path());
    let descriptors_before: Vec<_> = std::fs::read_dir(dir.path().join("descriptors")).map(|d| d.count()).into_iter().collect();
    let out = integrate(dir.path()).args(args).assert().code(2).get_output().stderr.clone();
    let err = String::from_utf8(out).unwrap();
    for fragment in expect {
        assert!(err.contains(fragment), "stderr lacks `{fragment}`:\n{err}");
    }
    assert!(err.contains("hint:"), "no hint in:\n{err}");
    assert_eq!(changed(&before, &snapshot(dir.path())), Vec::<std::path::PathBuf>::new(), "files changed despite the error");
    let descriptors_after: Vec<_> = std::fs::read_dir(dir.path().join("descriptors")).map(|d| d.count()).into_iter().collect();
    assert_eq!(descriptors_before, descriptors_after, "a descriptor was written despite the error");
    assert!(!dir.path().join(".integrate.lock").exists() || args.is_empty());
}

fn descriptor(text: &'static str) -> impl Fn(&std::path::Path) {
    move |dir| std::fs::write(dir.join("descriptors/bad.toml"), text).unwrap()
}

const GOOD: &str = "schema = 1\nid = \"bad\"\nbrand = \"Bad\"\nenv = \"private\"\n";

#[test]
fn malformed_toml() {
    refused(descriptor("schema = 1\nid = \"bad\nbrand = \"Bad\"\n"), &["apply", "bad"], &["descriptors/bad.toml:2:"]);
}

#[test]
fn unknown_field() {
    refused(descriptor("schema = 1\nid = \"bad\"\nbrand = \"Bad\"\nenv = \"private\"\ncolour = \"red\"\n"), &["apply", "bad"], &["descriptors/bad.toml:5:1", "unknown field `colour`"]);
}

#[test]
fn wrong_type() {
    refused(descriptor("schema = 1\nid = \"bad\"\nbrand = \"Bad\"\nenv = \"private\"\n[features]\nvms = \"yes\"\n"), &["apply", "bad"], &["descriptors/bad.toml:6:"]);
}

#[test]
fn bad_id() {
    refused(descriptor("schema = 1\nid = \"Bad-Id\"\nbrand = \"Bad\"\nenv = \"private\"\n"), &["apply", "bad"], &["descriptors/bad.toml:2:6", "invalid id"]);
}

#[test]
fn go_keyword_as_id() {
    refused(descriptor("schema = 1\nid = \"func\"\nbrand = \"Func\"\nenv = \"private\"\n"), &["apply", "bad"], &["descriptors/bad.toml:2:6", "Go keyword"]);
    refused(|_| {}, &["new", "func", "--brand", "Func", "--env", "private"], &["invalid value 'func' for '<ID>'", "Go keyword"]);
}

#[test]
fn brand_collides_with_a_provider_in_the_tree() {
    refused(|_| {}, &["new", "zs", "--brand", "Zstack", "--env", "private"], &["descriptors/zs.toml:3:", "collides with CLOUD_PROVIDER_ZSTACK", "cloudaccount_const.go:"]);
}

#[test]
fn new_for_a_provider_that_already_exists() {
    refused(|_| {}, &["new", "zstack", "--brand", "ZStack", "--env", "private"], &["already exists", "integrate discover"]);
}

#[test]
fn target_file_is_not_valid_go() {
    refused(
        |dir| {
            let p = dir.join("cloudpods/pkg/apis/compute/host_const.go");
            let mut t = std::fs::read_to_string(&p).unwrap();
            t.push_str("\nfunc broken( {\n");
            std::fs::write(p, t).unwrap();
        },
        NEW_TESTCLOUD,
        &["cloudpods/pkg/apis/compute/host_const.go:", "not valid Go"],
    );
}

#[test]
fn anchor_not_found() {
    refused(
        |dir| {
            let p = dir.join("cloudpods/pkg/apis/compute/guest_const.go");
            let t = std::fs::read_to_string(&p).unwrap().replace("HYPERVISORS = []string{", "HYPERVISOR_LIST = []string{");
            std::fs::write(p, t).unwrap();
        },
        NEW_TESTCLOUD,
        &["cloudpods/pkg/apis/compute/guest_const.go", "anchor not found", "HYPERVISORS"],
    );
}

#[test]
fn unknown_root_override() {
    refused(|_| {}, &["check", "--root", "nosuch=."], &["root `nosuch` is not a root of profile cloudpods"]);
}

#[test]
fn lock_held_by_another_run() {
    let dir = sample();
    let _held = integrate_codegen::commit::WorkspaceLock::acquire(dir.path()).unwrap();
    let before = snapshot(dir.path());
    let out = integrate(dir.path()).args(NEW_TESTCLOUD).assert().code(2).get_output().stderr.clone();
    let out = String::from_utf8_lossy(&out);
    assert!(out.contains("another integrate run holds this workspace"), "{out}");
    assert!(out.contains(&format!("it is process {}; wait for it to finish", std::process::id())), "{out}");
    assert!(changed(&before, &snapshot(dir.path())).is_empty());
}

#[test]
fn check_refuses_a_bracket_never_closed_outside_the_declarations_it_parses() {
    // check parses only the declarations its points look at; the lexical scan still sees a
    // function nobody looks at left open, and names its line.
    let rel = "cloudmux/pkg/apis/compute/cloudaccount_const.go";
    let original = std::fs::read_to_string(sample().path().join(rel)).unwrap();
    let line = original.lines().count() + 2;
    let at = format!("{rel}:{line}:");
    refused(
        |dir| {
            descriptor(GOOD)(dir);
            std::fs::write(dir.join(rel), format!("{original}\nfunc unrelated() {{\n")).unwrap();
        },
        &["check"],
        &[at.as_str(), "not valid Go", "`{` is never closed"],
    );
}

/// Exactly one error, with one hint: no cascade, no cause said twice.
fn one_error(args: &[&str], setup: impl Fn(&std::path::Path)) -> String {
    let dir = sample();
    setup(dir.path());
    let out = integrate(dir.path()).args(args).assert().code(2).get_output().stderr.clone();
    let err = String::from_utf8(out).unwrap();
    assert_eq!(err.matches("error:").count(), 1, "{err}");
    assert_eq!(err.matches("hint:").count(), 1, "{err}");
    err
}

#[test]
fn a_bad_id_is_one_error_with_the_id_that_would_do() {
    // Regression: `My-Cloud` was reported five times, once per name derived from it.
    refused(descriptor("schema = 1\nid = \"My-Cloud\"\nbrand = \"MyCloud\"\nenv = \"private\"\n"), &["apply", "bad"], &["descriptors/bad.toml:2:6: invalid id `My-Cloud`", "hint: use `mycloud`"]);
    one_error(&["apply", "bad"], descriptor("schema = 1\nid = \"My-Cloud\"\nbrand = \"MyCloud\"\nenv = \"private\"\n"));
    // On the command line it is refused before a file is named after it.
    let err = one_error(&["new", "My-Cloud", "--brand", "MyCloud", "--env", "private"], |_| {});
    assert!(err.contains("invalid value 'My-Cloud' for '<ID>': invalid id `My-Cloud`") && err.contains("hint: use `mycloud`"), "{err}");
}

#[test]
fn a_profile_directory_without_profile_toml_is_one_error_with_a_hint() {
    // Regression: the OS error was printed twice (`Is a directory (os error 21)`), with no hint.
    refused(|_| {}, &["check", "--profile", "stubs"], &["stubs: is a directory without a profile.toml", "hint: name a profile file", "cloudpods"]);
    let err = one_error(&["check", "--profile", "stubs/"], |_| {});
    assert!(!err.contains("os error"), "{err}");
}

#[test]
fn a_profile_directory_holding_profile_toml_stands_for_it() {
    let dir = sample();
    let profile = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../codegen/profiles/cloudpods");
    let by_dir = integrate(dir.path()).args(["check", "--format", "json", "--profile"]).arg(&profile).assert().code(1).get_output().stdout.clone();
    let by_name = integrate(dir.path()).args(["check", "--format", "json"]).assert().code(1).get_output().stdout.clone();
    assert_eq!(String::from_utf8(by_dir).unwrap(), String::from_utf8(by_name).unwrap());
}

#[test]
fn new_off_a_terminal_needs_brand_and_env() {
    let err = one_error(&["new", "mycloud", "--env", "private"], |_| {});
    assert!(err.contains("--brand is required when not on a terminal") && err.contains("e.g. --brand Mycloud"), "{err}");
    let err = one_error(&["new", "mycloud", "--brand", "MyCloud"], |_| {});
    assert!(err.contains("--env is required when not on a terminal") && err.contains("--env public, private or onpremise"), "{err}");
}

#[test]
fn discover_dry_run_says_what_it_would_write_and_writes_nothing() {
    // Regression: it printed `written` for files it did not write.
    let dir = sample();
    let out = integrate(dir.path()).args(["discover", "--dry-run"]).assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("would write  descriptors/aws.toml") && !out.contains("written  "), "{out}");
    assert!(out.contains("descriptor file(s) would be written (dry run)"), "{out}");
    assert!(!dir.path().join("descriptors/aws.toml").exists());
}
