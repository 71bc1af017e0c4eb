//! The `keystone-v3-password`, `form-login`, `http-basic` and `bearer` schemes,
//! each against a test server on 127.0.0.1 that implements the documented protocol.
//!
//! The Keystone server follows the OpenStack Identity v3 API: `POST
//! /v3/auth/tokens` with `auth.identity.methods = ["password"]`,
//! `auth.identity.password.user {name, domain {name}, password}` and an
//! optional `auth.scope.project {name, domain {name}}`; success is `201
//! Created` with the token in `X-Subject-Token`, failure is `401` with
//! `{"error":{"code":401,"title":"Unauthorized",...}}`.

mod servers;

use std::sync::{Arc, Mutex};

use integrate_codegen::validation::{
    Credential, KeyFault, Outcome, ValidateOptions, ValidationError, ValidationSpec,
    probe_wrong_key, validate,
};
use serde_json::json;
use servers::http::{Request, Response, TestServer};

fn spec(toml_body: &str) -> ValidationSpec {
    ValidationSpec::from_descriptor_toml(&format!("[validation]\n{toml_body}"))
        .expect("valid section")
        .expect("has [validation]")
}

fn run(spec: &ValidationSpec, cred: &Credential) -> integrate_codegen::validation::Report {
    validate(spec, cred, &ValidateOptions::default(), &mut |_| {}).expect("a report")
}

/// Asserts that no rendering of `value` contains any of `secrets`.
fn assert_hidden<T: std::fmt::Debug + std::fmt::Display + serde::Serialize>(
    value: &T,
    secrets: &[&str],
) {
    let shown = format!(
        "{value}\n{value:?}\n{}",
        serde_json::to_string(value).expect("serialisable")
    );
    for s in secrets {
        assert!(!shown.contains(s), "{s:?} leaked into:\n{shown}");
    }
}

// --- Keystone v3 -----------------------------------------------------------

const KS_TOKEN: &str = "gAAAAABkeystone-issued-token-0123456789";

/// A test server implementing the documented Keystone v3 password
/// authentication: user `alice` in domain `Default` with password
/// `correct horse`, member of project `demo` in domain `Default`.
fn keystone_server() -> TestServer {
    TestServer::start(|r: &Request| {
        let unauthorized = || {
            Response::json(
                401,
                json!({"error": {"code": 401, "title": "Unauthorized",
                    "message": "The request you have made requires authentication."}}),
            )
            .header("WWW-Authenticate", "Keystone uri=\"http://127.0.0.1/v3\"")
        };
        if r.method != "POST" || r.path != "/v3/auth/tokens" {
            return Response::json(
                404,
                json!({"error": {"code": 404, "title": "Not Found", "message": "no such path"}}),
            );
        }
        if !r
            .header("content-type")
            .unwrap_or_default()
            .starts_with("application/json")
        {
            return Response::json(
                415,
                json!({"error": {"code": 415, "title": "Unsupported Media Type", "message": "json only"}}),
            );
        }
        let Some(body) = r.json() else {
            return Response::json(
                400,
                json!({"error": {"code": 400, "title": "Bad Request", "message": "malformed"}}),
            );
        };
        let identity = &body["auth"]["identity"];
        if identity["methods"] != json!(["password"]) {
            return unauthorized();
        }
        let user = &identity["password"]["user"];
        let user_ok = user["name"] == "alice"
            && user["domain"]["name"] == "Default"
            && user["password"] == "correct horse";
        if !user_ok {
            return unauthorized();
        }
        let scope = &body["auth"]["scope"];
        if !scope.is_null() {
            let project = &scope["project"];
            if project["name"] != "demo" || project["domain"]["name"] != "Default" {
                return unauthorized();
            }
        }
        Response::json(
            201,
            json!({"token": {"methods": ["password"], "user": {"name": "alice"},
                   "expires_at": "2030-01-01T00:00:00.000000Z"}}),
        )
        .header("X-Subject-Token", KS_TOKEN)
    })
}

fn keystone_spec(endpoint: &str, project: Option<&str>) -> ValidationSpec {
    let project = project
        .map(|p| format!("project = \"{p}\"\n"))
        .unwrap_or_default();
    spec(&format!(
        "endpoint = \"{endpoint}\"\nscheme = \"keystone-v3-password\"\ndomain = \"Default\"\n{project}invalid_key_codes = [\"Unauthorized\"]\n"
    ))
}

#[test]
fn keystone_v3_test_server_accepts_the_right_password_with_201_and_subject_token() {
    let server = keystone_server();
    let spec = keystone_spec(&server.url(), Some("demo"));
    let cred = Credential::user_password("alice", "correct horse");
    let report = run(&spec, &cred);
    assert_eq!(report.outcome, Outcome::Valid, "{report}");
    assert_eq!(report.status, Some(201));
    assert_hidden(&report, &["correct horse", KS_TOKEN]);
}

#[test]
fn keystone_v3_test_server_endpoint_ending_in_v3_is_joined_once() {
    let server = keystone_server();
    let spec = keystone_spec(&format!("{}/v3/", server.url()), None);
    let report = run(&spec, &Credential::user_password("alice", "correct horse"));
    assert_eq!(report.outcome, Outcome::Valid, "{report}");
}

#[test]
fn keystone_v3_test_server_rejects_a_wrong_password_with_unauthorized() {
    let server = keystone_server();
    let spec = keystone_spec(&server.url(), Some("demo"));
    let report = run(&spec, &Credential::user_password("alice", "wrong horse"));
    assert_eq!(
        report.outcome,
        Outcome::InvalidAccessKey {
            which: KeyFault::Unspecified,
            code: Some("Unauthorized".into()),
            message: Some("The request you have made requires authentication.".into()),
        },
        "{report}"
    );
    assert_eq!(report.status, Some(401));
    assert_eq!(report.exit_code(), 1);
    assert_hidden(&report, &["wrong horse"]);
}

#[test]
fn keystone_v3_test_server_rejects_an_unknown_project() {
    let server = keystone_server();
    let spec = keystone_spec(&server.url(), Some("other"));
    let report = run(&spec, &Credential::user_password("alice", "correct horse"));
    assert!(
        matches!(report.outcome, Outcome::InvalidAccessKey { .. }),
        "{report}"
    );
}

#[test]
fn keystone_v3_probe_maps_unauthorized() {
    let server = keystone_server();
    let spec = keystone_spec(&server.url(), Some("demo"));
    let cred = Credential::user_password("alice", "correct horse");
    let probe = probe_wrong_key(&spec, &cred, &ValidateOptions::default(), &mut |_| {}).unwrap();
    assert_eq!(
        probe.attempts.len(),
        1,
        "user/password credentials get no key-id probe"
    );
    assert_eq!(probe.attempts[0].code.as_deref(), Some("Unauthorized"));
    assert!(probe.attempts[0].mapped);
    assert!(probe.suggestion.is_none());
    assert_hidden(&probe, &["correct horse"]);
}

#[test]
fn keystone_v3_probe_without_codes_suggests_unauthorized() {
    let server = keystone_server();
    let mut spec = keystone_spec(&server.url(), None);
    spec.invalid_key_codes.clear();
    let cred = Credential::user_password("alice", "correct horse");
    let probe = probe_wrong_key(&spec, &cred, &ValidateOptions::default(), &mut |_| {}).unwrap();
    assert!(!probe.attempts[0].mapped);
    assert_eq!(
        probe.suggestion.as_deref(),
        Some(r#"invalid_key_codes = ["Unauthorized"]"#)
    );
}

#[test]
fn keystone_v3_2xx_without_subject_token_is_unexpected() {
    let server = TestServer::start(|_| Response::json(201, json!({"token": {}})));
    let spec = keystone_spec(&server.url(), None);
    let report = run(&spec, &Credential::user_password("alice", "correct horse"));
    assert!(
        matches!(
            report.outcome,
            Outcome::Unexpected {
                status: Some(201),
                ..
            }
        ),
        "{report}"
    );
    assert!(report.message.unwrap().contains("X-Subject-Token"));
}

/// A test server implementing cloudpods' Keystone v3 password authentication
/// (`pkg/keystone/tokens/handlers.go`): 200 OK, not 201, with the token both in
/// `X-Subject-Token` and as `id` in the body; a wrong password is
/// `401 {"class":"WrongPassword",...}`.
fn cloudpods_keystone_server() -> TestServer {
    TestServer::start(|r| {
        let body = r.json().unwrap_or_default();
        let user = &body["auth"]["identity"]["password"]["user"];
        if user["password"] == "correct horse" {
            Response::json(200, json!({"id": KS_TOKEN, "token": {"methods": ["password"], "user": {"name": user["name"]}}}))
                .header("X-Subject-Token", KS_TOKEN)
        } else {
            Response::json(401, json!({"class": "WrongPassword", "code": 401, "details": "Authenticate: usrExt.VerifyPassword: WrongPassword"}))
        }
    })
}

#[test]
fn cloudpods_keystone_test_server_200_with_subject_token_is_valid_and_the_token_never_shown() {
    // Regression: cloudpods' Keystone answers 200, which was taken for an unexpected answer
    // whose excerpt showed the token it repeats in the body.
    let server = cloudpods_keystone_server();
    let spec = keystone_spec(&format!("{}/v3", server.url()), None);
    let report = run(&spec, &Credential::user_password("integrator", "correct horse"));
    assert_eq!(report.outcome, Outcome::Valid, "{report}");
    let probe = probe_wrong_key(&spec, &Credential::user_password("integrator", "correct horse"), &ValidateOptions::default(), &mut |_| {}).unwrap();
    assert!(matches!(probe.attempts[0].outcome, Outcome::InvalidAccessKey { .. }), "{probe}");
    let shown = format!("{report} {report:?} {} {probe} {}", serde_json::to_string(&report).unwrap(), serde_json::to_string(&probe).unwrap());
    assert!(!shown.contains(KS_TOKEN), "{shown}");
}

#[test]
fn a_token_in_an_answer_that_is_not_a_success_is_never_shown() {
    let server = TestServer::start(|_| Response::json(202, json!({"id": KS_TOKEN})).header("X-Subject-Token", KS_TOKEN));
    let spec = keystone_spec(&server.url(), None);
    let report = run(&spec, &Credential::user_password("alice", "correct horse"));
    assert!(matches!(report.outcome, Outcome::Unexpected { status: Some(202), .. }), "{report}");
    let shown = format!("{report} {report:?} {}", serde_json::to_string(&report).unwrap());
    assert!(shown.contains("****") && !shown.contains(KS_TOKEN), "{shown}");
}

// --- form-login ------------------------------------------------------------

const FORM_TOKEN: &str = "session-token-ABCDEF0123456789";

/// A test server implementing a form or JSON login at `POST /api/login` with
/// fields `user` and `pass` (plus `grant_type=password`); success is 200 with
/// `{"data":{"token":...}}` and an `X-Auth-Token` header, failure is 401 with
/// an OAuth-style `{"error":"invalid_grant"}`; a `boom` user gets a 500 that
/// echoes the request body back.
fn login_server(seen: Arc<Mutex<Vec<Request>>>) -> TestServer {
    TestServer::start(move |r: &Request| {
        seen.lock().unwrap().push(r.clone());
        if r.method != "POST" || r.path != "/api/login" {
            return Response::new(404);
        }
        let fields: Vec<(String, String)> = if r
            .header("content-type")
            .unwrap_or_default()
            .starts_with("application/json")
        {
            r.json()
                .and_then(|v| v.as_object().cloned())
                .unwrap_or_default()
                .into_iter()
                .map(|(k, v)| (k, v.as_str().unwrap_or_default().to_owned()))
                .collect()
        } else {
            r.form()
        };
        let get = |k: &str| {
            fields
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.as_str())
                .unwrap_or_default()
        };
        if get("user") == "boom" {
            return Response::new(500)
                .body(format!("internal error while handling {}", r.body_str()));
        }
        if get("grant_type") != "password" {
            return Response::json(400, json!({"error": "unsupported_grant_type"}));
        }
        if get("user") == "bob" && get("pass") == "s3cret&=!" {
            Response::json(200, json!({"data": {"token": FORM_TOKEN}}))
                .header("X-Auth-Token", FORM_TOKEN)
        } else {
            Response::json(
                401,
                json!({"error": "invalid_grant", "error_description": "bad user name or password"}),
            )
        }
    })
}

fn login_spec(endpoint: &str, format: &str, token: &str) -> ValidationSpec {
    spec(&format!(
        r#"endpoint = "{endpoint}"
scheme = "form-login"
request = {{ path = "/api/login" }}
username_field = "user"
password_field = "pass"
extra_fields = {{ grant_type = "password" }}
body_format = "{format}"
{token}
invalid_key_codes = ["invalid_grant"]
"#
    ))
}

#[test]
fn form_login_test_server_form_body_and_json_pointer_token() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let server = login_server(seen.clone());
    let spec = login_spec(&server.url(), "form", "token_pointer = \"/data/token\"");
    let report = run(&spec, &Credential::user_password("bob", "s3cret&=!"));
    assert_eq!(report.outcome, Outcome::Valid, "{report}");
    assert_hidden(&report, &["s3cret", FORM_TOKEN]);
    let req = seen.lock().unwrap()[0].clone();
    assert_eq!(
        req.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert!(
        req.body_str().contains("pass=s3cret%26%3D%21"),
        "{}",
        req.body_str()
    );
}

#[test]
fn form_login_test_server_json_body_and_header_token() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let server = login_server(seen.clone());
    let spec = login_spec(&server.url(), "json", "token_header = \"X-Auth-Token\"");
    let report = run(&spec, &Credential::user_password("bob", "s3cret&=!"));
    assert_eq!(report.outcome, Outcome::Valid, "{report}");
    let req = seen.lock().unwrap()[0].clone();
    assert_eq!(
        req.json().unwrap(),
        json!({"user": "bob", "pass": "s3cret&=!", "grant_type": "password"})
    );
}

#[test]
fn form_login_test_server_rejects_a_wrong_password() {
    let server = login_server(Arc::default());
    let spec = login_spec(&server.url(), "form", "token_pointer = \"/data/token\"");
    let report = run(&spec, &Credential::user_password("bob", "nope"));
    assert_eq!(
        report.outcome,
        Outcome::InvalidAccessKey {
            which: KeyFault::Unspecified,
            code: Some("invalid_grant".into()),
            message: Some("bad user name or password".into()),
        },
        "{report}"
    );
}

#[test]
fn form_login_success_without_token_is_unexpected() {
    let server = login_server(Arc::default());
    let spec = login_spec(&server.url(), "form", "token_pointer = \"/data/missing\"");
    let report = run(&spec, &Credential::user_password("bob", "s3cret&=!"));
    assert!(
        matches!(
            report.outcome,
            Outcome::Unexpected {
                status: Some(200),
                ..
            }
        ),
        "{report}"
    );
    // The token the server issued is scrubbed from the excerpt even though
    // it was not where the descriptor said.
    assert_hidden(&report, &["s3cret"]);
}

#[test]
fn form_login_error_that_echoes_the_password_is_scrubbed() {
    let server = login_server(Arc::default());
    let spec = login_spec(&server.url(), "form", "token_pointer = \"/data/token\"");
    let cred = Credential::user_password("boom", "hunter2-Secret&=!");
    let report = run(&spec, &cred);
    match &report.outcome {
        Outcome::Unexpected { status, excerpt } => {
            assert_eq!(*status, Some(500));
            assert!(excerpt.contains("pass=****"), "{excerpt}");
            assert!(excerpt.chars().count() <= 300);
        }
        other => panic!("expected unexpected, got {other}"),
    }
    assert_hidden(&report, &["hunter2", "hunter2-Secret%26%3D%21"]);
}

// --- http-basic --------------------------------------------------------------

/// A test server implementing HTTP Basic authentication (RFC 7617) at
/// `GET /api/whoami`: `carol:pa55` may read, `dave:pa55` is authenticated
/// but not allowed (403 with a JSON code), anything else gets 401.
fn basic_server() -> TestServer {
    use base64::Engine as _;
    TestServer::start(|r: &Request| {
        let creds = r
            .header("authorization")
            .and_then(|h| h.strip_prefix("Basic "))
            .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
            .map(|b| String::from_utf8_lossy(&b).into_owned());
        match creds.as_deref() {
            Some("carol:pa55") => Response::json(200, json!({"user": "carol"})),
            Some("dave:pa55") => Response::json(
                403,
                json!({"code": "NoPermission", "message": "dave may not read whoami"}),
            ),
            _ => Response::new(401).header("WWW-Authenticate", "Basic realm=\"test\""),
        }
    })
}

fn basic_spec(endpoint: &str) -> ValidationSpec {
    spec(&format!(
        "endpoint = \"{endpoint}\"\nscheme = \"http-basic\"\nrequest = {{ method = \"GET\", path = \"/api/whoami\" }}\n"
    ))
}

#[test]
fn http_basic_test_server_valid_invalid_and_forbidden() {
    let server = basic_server();
    let spec = basic_spec(&server.url());

    let report = run(&spec, &Credential::user_password("carol", "pa55"));
    assert_eq!(report.outcome, Outcome::Valid, "{report}");

    let report = run(&spec, &Credential::user_password("carol", "wrong"));
    assert_eq!(
        report.outcome,
        Outcome::InvalidAccessKey {
            which: KeyFault::Unspecified,
            code: None,
            message: None
        },
        "{report}"
    );
    assert_eq!(report.status, Some(401));

    let report = run(&spec, &Credential::user_password("dave", "pa55"));
    assert_eq!(
        report.outcome,
        Outcome::Forbidden {
            code: Some("NoPermission".into()),
            // User names are masked like key ids wherever the server echoes them.
            message: Some("da**** may not read whoami".into()),
        },
        "{report}"
    );
}

#[test]
fn http_basic_probe_notes_a_bare_401() {
    let server = basic_server();
    let spec = basic_spec(&server.url());
    let cred = Credential::user_password("carol", "pa55");
    let probe = probe_wrong_key(&spec, &cred, &ValidateOptions::default(), &mut |_| {}).unwrap();
    let a = &probe.attempts[0];
    assert_eq!(a.status, Some(401));
    assert_eq!(a.code, None);
    assert!(!a.mapped);
    assert!(a.note.as_deref().unwrap().contains("no error code"));
    assert!(probe.suggestion.is_none());
}

// --- bearer ----------------------------------------------------------------

const GOOD_TOKEN: &str = "glpat-0123456789abcdefghij";

/// A test server implementing bearer tokens (RFC 6750) at `GET /v1/me`: a
/// bad token gets 401 with `{"code":"invalid_token"}` and the RFC's
/// `WWW-Authenticate` header.
fn bearer_server() -> TestServer {
    TestServer::start(|r: &Request| {
        match r
            .header("authorization")
            .and_then(|h| h.strip_prefix("Bearer "))
        {
            Some(GOOD_TOKEN) => Response::json(200, json!({"id": 7})),
            _ => Response::json(
                401,
                json!({"code": "invalid_token", "message": "The access token is invalid"}),
            )
            .header("WWW-Authenticate", "Bearer error=\"invalid_token\""),
        }
    })
}

fn bearer_spec(endpoint: &str) -> ValidationSpec {
    spec(&format!(
        "endpoint = \"{endpoint}\"\nscheme = \"bearer\"\nrequest = {{ path = \"/v1/me\" }}\ninvalid_key_codes = [\"invalid_*\"]\n"
    ))
}

#[test]
fn bearer_test_server_valid_and_invalid_token() {
    let server = bearer_server();
    let spec = bearer_spec(&server.url());
    let report = run(&spec, &Credential::access_key("", GOOD_TOKEN));
    assert_eq!(report.outcome, Outcome::Valid, "{report}");
    assert_hidden(&report, &[GOOD_TOKEN]);

    let report = run(&spec, &Credential::access_key("", "glpat-wrong"));
    assert!(
        matches!(&report.outcome, Outcome::InvalidAccessKey { code: Some(c), .. } if c == "invalid_token"),
        "{report}"
    );
}

#[test]
fn bearer_probe_matches_a_prefix_entry() {
    let server = bearer_server();
    let spec = bearer_spec(&server.url());
    let cred = Credential::access_key("", GOOD_TOKEN);
    let probe = probe_wrong_key(
        &spec,
        &cred,
        &ValidateOptions {
            alter_key_id: true,
            ..ValidateOptions::default()
        },
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(probe.attempts.len(), 1, "bearer sends no key id to alter");
    assert!(probe.attempts[0].mapped, "{probe}");
    assert_hidden(&probe, &[GOOD_TOKEN, "glpat-0123456789abcdef"]);
}

#[test]
fn missing_secret_is_an_error_not_a_request() {
    let server = bearer_server();
    let spec = bearer_spec(&server.url());
    let err = validate(
        &spec,
        &Credential::access_key("", ""),
        &ValidateOptions::default(),
        &mut |_| {},
    )
    .unwrap_err();
    assert!(matches!(err, ValidationError::Credential(_)), "{err}");
    assert_eq!(server.handled(), 0);
}
