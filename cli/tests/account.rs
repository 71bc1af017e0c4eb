//! `integrate account validate` and `account import` run as a user would: the credential in the
//! environment or on standard input, a local test server implementing HTTP Basic authentication
//! (RFC 7617) as the provider's API, a test server implementing the documented cloudpods API
//! (Keystone v3 and the region's `POST /cloudaccounts`, `codegen/tests/servers/cloudpods.rs`)
//! as the platform, fake platform clients that record their argv, environment and input, and
//! the documented exit codes (0 valid or imported, 1 rejected, 2 bad input or settings,
//! 3 unreachable). Secrets never appear in any output, argv or child environment.

mod common;
#[path = "../../codegen/tests/servers/mod.rs"]
mod servers;

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
        .write_stdin(format!("username={USER}\npassword=wrong-{PASSWORD}\n"))
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

// --- declared credential fields (issue 16) -----------------------------------------------------

/// A workspace whose provider declares one field of every kind; the key id and secret roles
/// are what HTTP Basic sends.
fn workspace_with_fields(endpoint: &str) -> tempfile::TempDir {
    let dir = sample();
    std::fs::write(
        dir.path().join("descriptors/acme.toml"),
        format!(
            r#"schema = 1
id = "acme"
brand = "AcmeCloud"
env = "private"

[[credential.fields]]
name = "tenant"
role = "key_id"
help = "tenant name"

[[credential.fields]]
name = "api_key"
kind = "secret"
role = "secret"

[[credential.fields]]
name = "auth_url"
kind = "url"
role = "endpoint"

[[credential.fields]]
name = "zone"
kind = "choice"
values = ["eu", "us"]
default = "eu"
role = "region"

[[credential.fields]]
name = "verify_tls"
kind = "bool"
required = false

[[credential.fields]]
name = "key_file"
kind = "file"
required = false

[validation]
endpoint = "{endpoint}"
scheme = "http-basic"
request = {{ method = "GET", path = "/v1/regions" }}
invalid_key_codes = ["Unauthorized"]
"#
        ),
    )
    .unwrap();
    std::fs::write(dir.path().join("key.pem"), "not a real key").unwrap();
    dir
}

#[test]
fn declared_fields_of_every_kind_are_read_from_stdin_lines() {
    let dir = workspace_with_fields(&basic_auth_server(1));
    let key_file = dir.path().join("key.pem");
    let out = integrate(dir.path())
        .args(["account", "validate", "acme", "--stdin"])
        .write_stdin(format!("tenant={USER}\napi_key={PASSWORD}\nzone=us\nverify_tls=true\nkey_file={}\n", key_file.display()))
        .assert()
        .code(0)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stdout).to_lowercase().contains("valid"), "{out:?}");
    assert_no_secret(&out);
}

#[test]
fn declared_fields_are_read_from_their_integrate_variables() {
    let dir = workspace_with_fields(&basic_auth_server(1));
    let out = integrate(dir.path()).args(["account", "validate", "acme"]).env("INTEGRATE_TENANT", USER).env("INTEGRATE_API_KEY", PASSWORD).env_remove("INTEGRATE_USERNAME").env_remove("INTEGRATE_PASSWORD").assert().code(0).get_output().clone();
    assert_no_secret(&out);
}

#[test]
fn stdin_lines_with_an_unknown_key_or_without_a_required_field_are_refused_by_name() {
    let dir = workspace_with_fields("http://127.0.0.1:9/");
    let out = integrate(dir.path()).args(["account", "validate", "acme", "--stdin"]).write_stdin(format!("tenant={USER}\npasword={PASSWORD}\n")).assert().code(2).get_output().clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown credential field `pasword` (line 2)") && err.contains("tenant, api_key, auth_url, zone, verify_tls, key_file"), "{err}");
    assert_no_secret(&out);
    let out = integrate(dir.path()).args(["account", "validate", "acme", "--stdin"]).write_stdin(format!("tenant={USER}\n")).assert().code(2).get_output().clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing credential field `api_key` (INTEGRATE_API_KEY)"), "{err}");
    assert!(!err.contains("`auth_url`"), "the descriptor's endpoint stands in for the endpoint field: {err}");
}

#[test]
fn a_value_its_kind_does_not_accept_is_refused_naming_the_field() {
    let dir = workspace_with_fields("http://127.0.0.1:9/");
    for (line, field) in [("auth_url=ftp://files.example/", "auth_url"), ("zone=asia", "zone"), ("verify_tls=yes", "verify_tls"), ("key_file=/no/such/key.pem", "key_file")] {
        let out = integrate(dir.path()).args(["account", "validate", "acme", "--stdin"]).write_stdin(format!("tenant={USER}\napi_key={PASSWORD}\n{line}\n")).assert().code(2).get_output().clone();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("credential field `{field}`")), "{line}: {err}");
        assert_no_secret(&out);
    }
}

#[test]
fn a_declared_endpoint_field_replaces_the_descriptors_endpoint() {
    let dir = workspace_with_fields("http://127.0.0.1:9/");
    let out = integrate(dir.path())
        .args(["account", "validate", "acme", "--stdin"])
        .write_stdin(format!("tenant={USER}\napi_key={PASSWORD}\nauth_url={}\n", basic_auth_server(1)))
        .assert()
        .code(0)
        .get_output()
        .clone();
    assert_no_secret(&out);
}

// --- import (issues 13 and 16) ----------------------------------------------------------------

/// A fake platform client: a shell script that records its argv (one per line), its
/// environment, what it read on standard input and, when given `--secret-file PATH`, that
/// file's mode, its directory's mode and its content, into `record`.
fn fake_client(dir: &std::path::Path, name: &str, record: &std::path::Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("fake-bin");
    std::fs::create_dir_all(&bin).unwrap();
    let path = bin.join(name);
    std::fs::write(
        &path,
        format!(
            r#"#!/bin/sh
out='{record}'
{{ echo "== argv"; for a in "$@"; do echo "$a"; done; echo "== env"; env; }} > "$out"
prev=''
for a in "$@"; do
  if [ "$prev" = "--secret-file" ]; then
    {{ echo "== file"; stat -c '%a' "$a"; stat -c '%a' "$(dirname "$a")"; echo "$a"; cat "$a"; echo; }} >> "$out"
  fi
  prev="$a"
done
echo "== stdin" >> "$out"
if [ ! -t 0 ]; then cat >> "$out"; fi
echo "created account; the server said the password was {PASSWORD}"
"#,
            record = record.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

fn section<'a>(record: &'a str, name: &str) -> &'a str {
    let start = record.find(&format!("== {name}\n")).map_or(record.len(), |i| i + name.len() + 4);
    let end = record[start..].find("\n== ").map_or(record.len(), |i| start + i + 1);
    &record[start..end]
}

fn with_path(bin: &std::path::Path) -> String {
    format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default())
}

fn cloudpods_api() -> servers::cloudpods::CloudpodsApi {
    servers::cloudpods::CloudpodsApi::start(vec![servers::cloudpods::KnownProvider { brand: "AcmeCloud", kind: "user_password", endpoint: "none" }])
}

#[test]
fn import_through_the_cloudpods_api_test_server_runs_no_client_and_leaks_no_secret() {
    let dir = workspace_with_validation(&basic_auth_server(1));
    let api = cloudpods_api();
    // A climc on PATH records how it is called: the import must not call it at all (it used to,
    // with the password on its command line and in its inherited environment).
    let record = dir.path().join("climc-record");
    let bin = fake_client(dir.path(), "climc", &record);
    let mut cmd = integrate(dir.path());
    cmd.args(["account", "import", "acme", "--name", "prod"]).env("INTEGRATE_USERNAME", USER).env("INTEGRATE_PASSWORD", PASSWORD).env("PATH", with_path(&bin));
    for (k, v) in api.os_env() {
        cmd.env(k, v);
    }
    let out = cmd.assert().code(0).get_output().clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("created account prod (id ca-1, status init)"), "{stdout}");
    assert!(stdout.contains(r#"POST compute_v2 /cloudaccounts {"cloudaccount":{"name":"prod","provider":"AcmeCloud","username":"inte****","password":"****"}}"#), "{stdout}");
    assert!(!record.exists(), "climc was run:\n{}", std::fs::read_to_string(&record).unwrap_or_default());
    assert_eq!(
        api.received.lock().unwrap().as_slice(),
        [serde_json::json!({"cloudaccount": {"name": "prod", "provider": "AcmeCloud", "username": USER, "password": PASSWORD}})]
    );
    assert_no_secret(&out);
    assert!(!String::from_utf8_lossy(&out.stdout).contains(servers::cloudpods::ADMIN_PASSWORD));
}

#[test]
fn import_without_os_auth_url_prints_the_masked_command_and_exits_2() {
    let dir = workspace_with_validation(&basic_auth_server(1));
    let out = integrate(dir.path())
        .args(["account", "import", "acme", "--name", "prod"])
        .env("INTEGRATE_USERNAME", USER)
        .env("INTEGRATE_PASSWORD", PASSWORD)
        .env_remove("OS_AUTH_URL")
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("OS_AUTH_URL is not set"), "{stdout}");
    assert!(stdout.contains("climc cloud-account-create-acme prod inte**** ****"), "{stdout}");
    assert!(stdout.contains("hint: export OS_AUTH_URL, OS_USERNAME, OS_PASSWORD"), "{stdout}");
    assert_no_secret(&out);
}

#[test]
fn import_with_an_unreachable_keystone_exits_3_and_prints_the_masked_command() {
    let dir = workspace_with_validation(&basic_auth_server(1));
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let out = integrate(dir.path())
        .args(["account", "import", "acme", "--name", "prod", "--format", "json"])
        .env("INTEGRATE_USERNAME", USER)
        .env("INTEGRATE_PASSWORD", PASSWORD)
        .env("OS_AUTH_URL", format!("http://127.0.0.1:{port}/v3"))
        .env("OS_USERNAME", "sysadmin")
        .env("OS_PASSWORD", "Adm1n-Passw0rd!")
        .assert()
        .code(3)
        .get_output()
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["import"]["outcome"]["kind"], "unreachable", "{json}");
    assert_eq!(json["import"]["outcome"]["stage"], "login", "{json}");
    assert_eq!(json["manual"], "climc cloud-account-create-acme prod inte**** ****", "{json}");
    assert_eq!(json["exit_code"], 3);
    assert!(json["hint"].as_str().unwrap().contains("OS_AUTH_URL"), "{json}");
    assert_no_secret(&out);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Adm1n-Passw0rd!"));
}

#[test]
fn import_dry_run_sends_nothing_to_the_platform_and_shows_the_request_masked_and_insecure_on_every_line() {
    let dir = workspace_with_validation(&basic_auth_server(1));
    let api = cloudpods_api();
    let mut cmd = integrate(dir.path());
    cmd.args(["account", "import", "acme", "--name", "prod", "--dry-run", "--insecure"]).env("INTEGRATE_USERNAME", USER).env("INTEGRATE_PASSWORD", PASSWORD);
    for (k, v) in api.os_env() {
        cmd.env(k, v);
    }
    let out = cmd.assert().code(0).get_output().clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("would import"), "{stdout}");
    assert!(stdout.lines().all(|l| l.starts_with("INSECURE (TLS verification off): ")), "{stdout}");
    assert!(stdout.contains("climc cloud-account-create-acme prod inte**** ****"), "{stdout}");
    assert_eq!(api.keystone.handled() + api.region.handled(), 0);
    assert_no_secret(&out);
}

/// A profile of a platform whose client takes the secret on `channel` (test profile).
fn client_profile(dir: &std::path::Path, channel: &str) -> std::path::PathBuf {
    let args = if channel == "file" { r#""--secret-file", "{{ account.secret_file }}""# } else { r#""--password-stdin""# };
    let path = dir.join("client-profile.toml");
    std::fs::write(
        &path,
        format!(
            r#"name = "clientplat"
description = "a platform whose client creates accounts (test profile)"
points = []
roots = [{{ name = "cloudmux", description = "library" }}, {{ name = "cloudpods", description = "platform" }}]

[account_import]
description = "acmectl account create"
manual = ["acmectl", "account", "create", "{{{{ account.name }}}}", "{{{{ account.key_id }}}}"]

[account_import.client]
program = "acmectl"
args = ["account", "create", "{{{{ account.name }}}}", "--user", "{{{{ account.key_id }}}}", {args}]
secret = "{channel}"
"#
        ),
    )
    .unwrap();
    path
}

/// Imports through the fake `acmectl` of [`client_profile`] with the secret on `channel`, the
/// secret also held by another variable of the caller's environment; returns the output and
/// what the client recorded.
fn import_with_fake_client(channel: &str) -> (std::process::Output, String) {
    let dir = workspace_with_validation(&basic_auth_server(1));
    let record = dir.path().join("acmectl-record");
    let bin = fake_client(dir.path(), "acmectl", &record);
    let profile = client_profile(dir.path(), channel);
    let out = integrate(dir.path())
        .args(["account", "import", "acme", "--name", "prod", "--profile"])
        .arg(&profile)
        .env("INTEGRATE_USERNAME", USER)
        .env("INTEGRATE_PASSWORD", PASSWORD)
        // The same secret under another name, as a user's shell might hold it.
        .env("ACME_PASSWORD_COPY", format!("pw={PASSWORD}"))
        .env("PATH", with_path(&bin))
        .assert()
        .code(0)
        .get_output()
        .clone();
    let record = std::fs::read_to_string(&record).unwrap();
    let env = section(&record, "env");
    assert!(!env.contains(PASSWORD), "the secret reached the client's environment:\n{env}");
    assert!(!env.contains("INTEGRATE_PASSWORD") && !env.contains("ACME_PASSWORD_COPY"), "{env}");
    assert!(!section(&record, "argv").contains(PASSWORD), "{record}");
    assert_no_secret(&out);
    (out, record)
}

#[test]
fn import_with_a_fake_platform_client_passes_the_secret_on_stdin_never_on_argv_or_env() {
    let (out, record) = import_with_fake_client("stdin");
    assert_eq!(section(&record, "argv"), format!("account\ncreate\nprod\n--user\n{USER}\n--password-stdin\n"));
    assert_eq!(section(&record, "stdin"), format!("{PASSWORD}\n"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("the server said the password was ****"), "the client's output is scrubbed: {stdout}");
}

#[test]
fn import_with_a_fake_platform_client_passes_the_secret_in_a_private_file_removed_after_use() {
    let (_out, record) = import_with_fake_client("file");
    let file: Vec<&str> = section(&record, "file").lines().collect();
    assert_eq!(&file[..2], ["600", "700"], "{record}");
    assert_eq!(file[3], PASSWORD);
    assert!(!std::path::Path::new(file[2]).exists(), "the secret file is still there: {}", file[2]);
    assert!(!std::path::Path::new(file[2]).parent().unwrap().exists());
}

#[test]
fn a_profile_that_puts_the_secret_on_a_client_command_line_is_refused() {
    let dir = workspace_with_validation("http://127.0.0.1:9/");
    let profile = client_profile(dir.path(), "stdin");
    let text = std::fs::read_to_string(&profile).unwrap().replace("--password-stdin", "{{ account.secret }}");
    std::fs::write(&profile, text).unwrap();
    let out = integrate(dir.path())
        .args(["account", "import", "acme", "--name", "prod", "--profile"])
        .arg(&profile)
        .env("INTEGRATE_USERNAME", USER)
        .env("INTEGRATE_PASSWORD", PASSWORD)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("would put the secret on the command line"), "{err}");
}

// --- masking in --format json (issue 13) ------------------------------------------------------

/// A test server implementing HTTP Basic authentication whose 401 quotes the password it
/// received as Go's encoding/json writes it (`<`, `>`, `&` as `\u003c`...), upper-cased.
fn echoing_server() -> String {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        use base64::Engine;
        for stream in listener.incoming().take(1) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let (mut password, mut length) = (String::new(), 0usize);
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                let lower = line.to_ascii_lowercase();
                if let Some(v) = lower.strip_prefix("authorization: basic ") {
                    let raw = &line[line.len() - v.len()..];
                    let decoded = base64::engine::general_purpose::STANDARD.decode(raw.trim()).unwrap_or_default();
                    password = String::from_utf8_lossy(&decoded).split_once(':').map(|(_, p)| p.to_owned()).unwrap_or_default();
                }
                if let Some(v) = lower.strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
            }
            let _ = reader.read_exact(&mut vec![0; length]);
            let go = serde_json::to_string(&password.to_uppercase()).unwrap().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026");
            let body = format!("{{\"code\":\"Unauthorized\",\"message\":\"bad password {}\"}}", go.trim_matches('"'));
            let _ = write!(stream, "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
        }
    });
    format!("http://{addr}/")
}

#[test]
fn issue_13_json_output_masks_a_password_the_server_echoes_go_escaped_and_upper_cased() {
    const ODD: &str = "pa<ss>&word-x9";
    let dir = workspace_with_validation(&echoing_server());
    let out = integrate(dir.path())
        .args(["account", "validate", "acme", "--format", "json"])
        .env("INTEGRATE_USERNAME", USER)
        .env("INTEGRATE_PASSWORD", ODD)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["report"]["outcome"]["message"], "bad password ****", "{stdout}");
    assert!(json["hint"].as_str().unwrap().contains("secret"), "{stdout}");
    let upper = ODD.to_uppercase();
    for leak in [upper.as_str(), "PA\\u003cSS\\u003e\\u0026WORD-X9", "PA\\\\u003cSS"] {
        assert!(!stdout.contains(leak), "leaked as {leak}: {stdout}");
    }
}
