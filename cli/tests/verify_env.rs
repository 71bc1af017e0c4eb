//! `integrate verify` starts programs (go build, go run, the provider's debug CLI) with the
//! user's credential in integrate's own environment: a step that records its environment finds
//! none of the credential variables and no secret in any other variable, while the step's own
//! variables (the deliberately wrong key) still arrive.

mod common;

use common::*;

const SECRET: &str = "wJalrXUtnFEMI-K7MDENG-bPxRfiCY";
const PASSWORD: &str = "s3cr3t-Passw0rd-value";

#[test]
fn a_verify_step_records_an_environment_without_any_credential() {
    use std::os::unix::fs::PermissionsExt;
    let dir = sample();
    std::fs::write(dir.path().join("descriptors/acme.toml"), "schema = 1\nid = \"acme\"\nbrand = \"AcmeCloud\"\nenv = \"private\"\n").unwrap();
    let record = dir.path().join("env-record");
    let recorder = dir.path().join("record-env");
    std::fs::write(&recorder, format!("#!/bin/sh\nenv > '{}'\n", record.display())).unwrap();
    std::fs::set_permissions(&recorder, std::fs::Permissions::from_mode(0o755)).unwrap();
    let profile = dir.path().join("verify-profile.toml");
    std::fs::write(
        &profile,
        format!(
            r#"name = "recorder"
description = "a platform whose verify step records its environment (test profile)"
points = []
roots = [{{ name = "cloudmux", description = "library" }}, {{ name = "cloudpods", description = "platform" }}]

[[verify]]
name = "record"
root = "cloudmux"
command = ["{}"]
env = {{ "ACME_ACCESS_KEY_ID" = "integrate-verify-wrong-key" }}
"#,
            recorder.display()
        ),
    )
    .unwrap();
    let out = integrate(dir.path())
        .args(["verify", "acme", "--profile"])
        .arg(&profile)
        .env("GO", "/bin/true")
        .env("INTEGRATE_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
        .env("INTEGRATE_ACCESS_KEY_SECRET", SECRET)
        .env("INTEGRATE_USERNAME", "integrator")
        .env("INTEGRATE_PASSWORD", PASSWORD)
        .env("INTEGRATE_TENANCY_OCID", "ocid1.tenancy.oc1..aaaa")
        // The secret under another name, as a user's shell might hold it.
        .env("AWS_SECRET_COPY", format!("key={SECRET}"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    let env = std::fs::read_to_string(&record).unwrap();
    assert!(env.contains("ACME_ACCESS_KEY_ID=integrate-verify-wrong-key"), "the step's own variables arrive:\n{env}");
    assert!(env.contains("GOFLAGS="), "the offline Go settings arrive:\n{env}");
    for leaked in ["INTEGRATE_", SECRET, PASSWORD, "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_COPY"] {
        assert!(!env.contains(leaked), "`{leaked}` reached the verify step's environment:\n{env}");
    }
}
