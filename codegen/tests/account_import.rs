//! `account::plan` and `account::import_via_api` against a test server implementing the
//! documented cloudpods API (Keystone v3 with a catalog, the region's `POST /cloudaccounts`;
//! see `servers/cloudpods.rs`), with the built-in cloudpods profile's `[account_import]`:
//! the body carries exactly the fields climc's generated option struct sends, every outcome
//! has its exit code and hint, and no secret appears in anything handed back.

mod servers;

use std::time::Duration;

use integrate_codegen::account::{self, ImportMethod, ImportOptions, ImportOutcome, PlatformLogin};
use integrate_codegen::validation::Credential;
use integrate_codegen::{Workspace, WorkspaceOptions};
use serde_json::json;
use servers::cloudpods::{ADMIN_PASSWORD, CloudpodsApi, KnownProvider, TOKEN};

const KEY_ID: &str = "LTAI5tExampleKeyId0001";
const SECRET: &str = "Se<cr>et&/\"value-4242";
const PASSWORD: &str = "pässw0rd/with\"quotes<>";

/// A cloudpods workspace with one descriptor; the roots hold only their go.mod (import reads
/// no tree).
fn workspace(descriptor: &str) -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("integrate.toml"), "profile = \"cloudpods\"\ndescriptors = \"descriptors\"\n[roots]\ncloudmux = \"cloudmux\"\ncloudpods = \"cloudpods\"\n").unwrap();
    std::fs::create_dir(dir.path().join("descriptors")).unwrap();
    for (root, module) in [("cloudmux", "yunion.io/x/cloudmux"), ("cloudpods", "yunion.io/x/onecloud")] {
        std::fs::create_dir(dir.path().join(root)).unwrap();
        std::fs::write(dir.path().join(root).join("go.mod"), format!("module {module}\n")).unwrap();
    }
    std::fs::write(dir.path().join("descriptors/acme.toml"), descriptor).unwrap();
    let ws = Workspace::open(dir.path(), &WorkspaceOptions::default()).unwrap();
    (dir, ws)
}

const ACCESS_KEY: &str = "schema = 1\nid = \"acme\"\nbrand = \"AcmeCloud\"\nenv = \"public\"\n";
const USER_PASSWORD_AUTH_URL: &str =
    "schema = 1\nid = \"acme\"\nbrand = \"AcmeCloud\"\nenv = \"private\"\n[credential]\nkind = \"user_password\"\nendpoint = \"auth_url\"\n";

fn api(providers: &[(&'static str, &'static str)]) -> CloudpodsApi {
    CloudpodsApi::start(providers.iter().map(|(kind, endpoint)| KnownProvider { brand: "AcmeCloud", kind, endpoint }).collect())
}

fn login(api: &CloudpodsApi, change: &[(&str, &str)]) -> PlatformLogin {
    let mut env: Vec<(String, String)> = api.os_env().into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    for (k, v) in change {
        env.retain(|(n, _)| n != k);
        env.push((k.to_string(), v.to_string()));
    }
    PlatformLogin::from_lookup(|n| env.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone())).unwrap().unwrap()
}

fn opts() -> ImportOptions {
    ImportOptions { insecure: false, timeout: Duration::from_secs(10) }
}

/// The test server for an access-key provider, and the call the profile plans for account `name`.
fn access_key_import(name: &str) -> (CloudpodsApi, Credential, account::ApiCall) {
    let api = api(&[("access_key", "none")]);
    let (_dir, ws) = workspace(ACCESS_KEY);
    let cred = Credential::access_key(KEY_ID, SECRET);
    let call = call(&ws, &cred, name, None);
    (api, cred, call)
}

fn call(ws: &Workspace, cred: &Credential, name: &str, endpoint: Option<&str>) -> account::ApiCall {
    let d = ws.load_descriptors(&["acme".to_owned()]).unwrap().remove(0);
    let plan = account::plan(ws, &d, name, cred, endpoint).unwrap().unwrap();
    match plan.method {
        ImportMethod::Api(call) => call,
        ImportMethod::Client(_) => panic!("the cloudpods profile imports through the API"),
    }
}

/// Everything a report can show, in every rendering.
fn shown(report: &account::ImportReport) -> String {
    format!("{report} {report:?} {} {:?}", serde_json::to_string(report).unwrap(), report.outcome.hint())
}

fn assert_no_secret(text: &str) {
    for secret in [SECRET, PASSWORD, ADMIN_PASSWORD, TOKEN, KEY_ID] {
        assert!(!text.contains(secret), "{secret:?} leaked:\n{text}");
    }
}

#[test]
fn cloudpods_api_test_server_creates_an_access_key_account_with_climcs_fields() {
    let (api, cred, call) = access_key_import("prod");
    let report = account::import_via_api(&call, &login(&api, &[]), &cred, &opts()).unwrap();
    assert_eq!(report.outcome, ImportOutcome::Created { id: Some("ca-1".into()), name: Some("prod".into()), status: Some("init".into()) }, "{report}");
    assert_eq!(report.exit_code(), 0);
    assert_eq!(report.service_url.as_deref(), Some(api.region.url().as_str()));
    assert_eq!(
        api.received.lock().unwrap().as_slice(),
        [json!({"cloudaccount": {"name": "prod", "provider": "AcmeCloud", "access_key_id": KEY_ID, "access_key_secret": SECRET}})]
    );
    let text = shown(&report);
    assert_no_secret(&text);
    assert!(report.request.contains("\"access_key_secret\":\"****\""), "{}", report.request);
}

#[test]
fn cloudpods_api_test_server_creates_a_user_password_account_with_its_auth_url() {
    let api = api(&[("user_password", "auth_url")]);
    let (_dir, ws) = workspace(USER_PASSWORD_AUTH_URL);
    let cred = Credential::user_password("integrator", PASSWORD);
    let call = call(&ws, &cred, "lab", Some("https://acme.example:5000/v3"));
    let report = account::import_via_api(&call, &login(&api, &[]), &cred, &opts()).unwrap();
    assert_eq!(report.exit_code(), 0, "{report}");
    assert_eq!(
        api.received.lock().unwrap().as_slice(),
        [json!({"cloudaccount": {"name": "lab", "provider": "AcmeCloud", "username": "integrator", "password": PASSWORD, "auth_url": "https://acme.example:5000/v3"}})]
    );
    assert_no_secret(&shown(&report));
}

#[test]
fn cloudpods_api_test_server_refuses_a_second_import_of_the_same_key_with_409() {
    let (api, cred, call) = access_key_import("prod");
    assert_eq!(account::import_via_api(&call, &login(&api, &[]), &cred, &opts()).unwrap().exit_code(), 0);
    let again = account::import_via_api(&call, &login(&api, &[]), &cred, &opts()).unwrap();
    assert_eq!(again.outcome, ImportOutcome::Refused { status: 409, class: Some("ConflictError".into()), details: Some("The account has been registered".into()) });
    assert_eq!(again.exit_code(), 1);
    assert!(again.outcome.hint().unwrap().contains("--name"));
}

#[test]
fn cloudpods_api_test_server_rejects_a_wrong_os_password_and_an_unknown_user() {
    let (api, cred, call) = access_key_import("prod");
    for (var, value, status) in [("OS_PASSWORD", "not-the-password", 401), ("OS_USERNAME", "nobody", 404)] {
        let report = account::import_via_api(&call, &login(&api, &[(var, value)]), &cred, &opts()).unwrap();
        assert!(matches!(report.outcome, ImportOutcome::LoginRejected { status: s, .. } if s == status), "{report}");
        assert_eq!(report.exit_code(), 1);
        assert!(report.outcome.hint().unwrap().contains("OS_PASSWORD"));
        assert!(!shown(&report).contains("not-the-password"));
    }
    assert!(api.received.lock().unwrap().is_empty(), "nothing reaches the region without a login");
}

#[test]
fn cloudpods_api_test_server_catalog_without_the_asked_endpoint_is_a_settings_error() {
    let (api, cred, call) = access_key_import("prod");
    let report = account::import_via_api(&call, &login(&api, &[("OS_REGION_NAME", "region9")]), &cred, &opts()).unwrap();
    assert_eq!(
        report.outcome,
        ImportOutcome::NoEndpoint { service: "compute_v2".into(), interface: "public".into(), region: Some("region9".into()), available: vec!["internal region0".into(), "public region0".into()] }
    );
    assert_eq!(report.exit_code(), 2);
    assert!(report.outcome.hint().unwrap().contains("OS_REGION_NAME"));
}

#[test]
fn cloudpods_api_test_server_internal_endpoint_that_does_not_resolve_is_unreachable() {
    let (api, cred, call) = access_key_import("prod");
    // climc's default interface is internalURL, which the test catalog points at a host that
    // does not resolve (.invalid), as a cluster-internal name does outside the cluster.
    let report = account::import_via_api(&call, &login(&api, &[("OS_ENDPOINT_TYPE", "internalURL")]), &cred, &opts()).unwrap();
    assert!(matches!(report.outcome, ImportOutcome::Unreachable { stage: account::Stage::Create, .. }), "{report}");
    assert_eq!(report.exit_code(), 3);
    assert!(report.outcome.not_reached());
    assert!(report.outcome.hint().unwrap().contains("publicURL"));
}

#[test]
fn a_closed_keystone_port_is_unreachable() {
    let (_api, cred, call) = access_key_import("prod");
    let port = servers::http::closed_port();
    let login = PlatformLogin::from_lookup(|n| match n {
        "OS_AUTH_URL" => Some(format!("http://127.0.0.1:{port}/v3")),
        "OS_USERNAME" => Some("sysadmin".into()),
        "OS_PASSWORD" => Some(ADMIN_PASSWORD.into()),
        _ => None,
    })
    .unwrap()
    .unwrap();
    let report = account::import_via_api(&call, &login, &cred, &opts()).unwrap();
    assert!(matches!(report.outcome, ImportOutcome::Unreachable { stage: account::Stage::Login, .. }), "{report}");
    assert_eq!(report.exit_code(), 3);
}

#[test]
fn cloudpods_api_test_server_echoing_the_body_go_escaped_is_masked() {
    let (api, cred, call) = access_key_import("echo");
    let report = account::import_via_api(&call, &login(&api, &[]), &cred, &opts()).unwrap();
    assert!(matches!(report.outcome, ImportOutcome::Refused { status: 400, .. }), "{report}");
    let text = shown(&report);
    assert!(text.contains("****"), "{text}");
    assert_no_secret(&text);
    // The region wrote `<`, `>` and `&` as Go does; those spellings are masked too.
    assert!(!text.contains(r"Se\u003ccr\u003eet"), "{text}");
}

#[test]
fn the_plan_masks_the_credential_and_shows_climcs_command() {
    let (_dir, ws) = workspace(ACCESS_KEY);
    let cred = Credential::access_key(KEY_ID, SECRET);
    let d = ws.load_descriptors(&["acme".to_owned()]).unwrap().remove(0);
    let plan = account::plan(&ws, &d, "prod", &cred, None).unwrap().unwrap();
    assert_eq!(plan.manual, "climc cloud-account-create-acme prod LTAI**** ****");
    let ImportMethod::Api(call) = &plan.method else { panic!("api") };
    assert_eq!(call.masked_body(), json!({"cloudaccount": {"name": "prod", "provider": "AcmeCloud", "access_key_id": "LTAI****", "access_key_secret": "****"}}));
    assert_eq!(call.summary(), format!("POST compute_v2 /cloudaccounts {}", call.masked_body()));
    assert_no_secret(&format!("{plan:?}"));
}

#[test]
fn a_builtin_provider_has_no_account_to_import() {
    let (_dir, ws) = workspace(&format!("{ACCESS_KEY}[cloudpods]\nbuiltin = true\n"));
    let d = ws.load_descriptors(&["acme".to_owned()]).unwrap().remove(0);
    let err = account::plan(&ws, &d, "prod", &Credential::access_key(KEY_ID, SECRET), None).unwrap_err();
    assert!(err.to_string().contains("imports no account for acme"), "{err}");
}
