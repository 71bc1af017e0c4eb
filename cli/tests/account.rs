//! `integrate account validate` and `account import` run as a user would: the credential in the
//! environment or on standard input, a local test server implementing HTTP Basic authentication
//! (RFC 7617) as the provider's API, and the documented exit codes (0 valid, 1 rejected,
//! 2 bad input, 3 unreachable). Secrets never appear in any output.

mod common;

use std::net::TcpListener;

use common::*;

const USER: &str = "integrator";
const PASSWORD: &str = "s3cr3t-Passw0rd-value";

fn basic_auth_server(n: usize) -> String {
    common::basic_auth_server(USER, PASSWORD, n)
}

fn workspace_with_validation(endpoint: &str) -> tempfile::TempDir {
    let dir = sample();
    std::fs::write(
        dir.path().join("descriptors/acme.toml"),
        format!(
            "schema = 1\nid = \"acme\"\nbrand = \"AcmeCloud\"\nenv = \"private\"\n[credential]\nkind = \"user_password\"\n\n[validation]\nendpoint = \"{endpoint}\"\nscheme = \"http-basic\"\nrequest = {{ method = \"GET\", path = \"/v1/regions\" }}\ninvalid_key_codes = [\"Unauthorized\"]\n"
        ),
    )
    .unwrap();
    dir
}

fn assert_no_secret(output: &std::process::Output) {
    let all = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(!all.contains(PASSWORD), "the secret leaked into the output:\n{all}");
}

#[test]
fn a_valid_credential_from_the_environment_exits_0() {
    let dir = workspace_with_validation(&basic_auth_server(1));
    let out = integrate(dir.path()).args(["account", "validate", "acme"]).env("INTEGRATE_USERNAME", USER).env("INTEGRATE_PASSWORD", PASSWORD).assert().code(0).get_output().clone();
    assert!(String::from_utf8_lossy(&out.stdout).to_lowercase().contains("valid"), "{out:?}");
    assert_no_secret(&out);
}

#[test]
fn a_wrong_password_from_stdin_exits_1_and_json_is_stable() {
    let dir = workspace_with_validation(&basic_auth_server(1));
    let out = integrate(dir.path())
        .args(["account", "validate", "acme", "--stdin", "--format", "json"])
        .write_stdin(format!("{USER}\nwrong-{PASSWORD}\n"))
        .assert()
        .code(1)
        .get_output()
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema"], 1);
    assert_eq!(json["report"]["outcome"]["kind"], "invalid_access_key", "{json}");
    assert_no_secret(&out);
    assert!(!String::from_utf8_lossy(&out.stdout).contains(&format!("wrong-{PASSWORD}")));
}

#[test]
fn a_closed_port_exits_3() {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let dir = workspace_with_validation(&format!("http://127.0.0.1:{port}/"));
    let out = integrate(dir.path()).args(["account", "validate", "acme"]).env("INTEGRATE_USERNAME", USER).env("INTEGRATE_PASSWORD", PASSWORD).assert().code(3).get_output().clone();
    assert_no_secret(&out);
}

#[test]
fn missing_credentials_are_bad_input() {
    let dir = workspace_with_validation("http://127.0.0.1:9/");
    let out = integrate(dir.path()).args(["account", "validate", "acme"]).env_remove("INTEGRATE_USERNAME").env_remove("INTEGRATE_PASSWORD").assert().code(2).get_output().clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("INTEGRATE_USERNAME") && err.contains("INTEGRATE_PASSWORD"), "{err}");
}

#[test]
fn insecure_is_shown_on_every_line() {
    let dir = workspace_with_validation(&basic_auth_server(1));
    let out = integrate(dir.path())
        .args(["account", "validate", "acme", "--insecure"])
        .env("INTEGRATE_USERNAME", USER)
        .env("INTEGRATE_PASSWORD", PASSWORD)
        .assert()
        .code(0)
        .get_output()
        .clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.is_empty());
    assert!(stdout.lines().all(|l| l.starts_with("INSECURE (TLS verification off): ")), "{stdout}");
}

#[test]
fn import_without_the_platform_client_prints_the_command_masked() {
    let dir = workspace_with_validation(&basic_auth_server(1));
    let out = integrate(dir.path())
        .args(["account", "import", "acme", "--name", "prod"])
        .env("INTEGRATE_USERNAME", USER)
        .env("INTEGRATE_PASSWORD", PASSWORD)
        .env("PATH", "/nonexistent")
        .assert()
        .code(0)
        .get_output()
        .clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("climc cloud-account-create-acme prod in****") || stdout.contains("climc cloud-account-create-acme prod"), "{stdout}");
    assert!(stdout.contains("****"), "{stdout}");
    assert_no_secret(&out);
}
