//! Secret masking, credentials from the environment, the `[validation]`
//! section's parsing rules, error-code extraction and the JSON shapes.

mod servers;

use std::time::Duration;

use integrate_codegen::validation::{
    Credential, CredentialError, CredentialKind, KeyFault, Outcome, Report, Scheme, Secret,
    ValidateOptions, ValidationError, ValidationSpec, code_matches, extract_error, validate,
};
use serde_json::json;
use servers::http::{Response, TestServer};

const KEY_ID: &str = "AKIAIOSFODNN7EXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

#[test]
fn secret_debug_and_display_print_only_the_mask() {
    let id = Secret::identifier(KEY_ID);
    let secret = Secret::new(SECRET);
    assert_eq!(id.to_string(), "AKIA****");
    assert_eq!(format!("{id:?}"), "Secret(AKIA****)");
    assert_eq!(secret.to_string(), "****");
    assert_eq!(format!("{secret:?}"), "Secret(****)");
    assert_eq!(serde_json::to_string(&secret).unwrap(), r#""****""#);
    assert_eq!(secret.expose(), SECRET);
    // Short identifiers never show more than half of themselves.
    assert_eq!(Secret::identifier("bob").to_string(), "b****");
    assert_eq!(Secret::identifier("ab").to_string(), "a****");
    assert_eq!(Secret::identifier("").to_string(), "****");
}

#[test]
fn credential_renderings_never_contain_the_secret() {
    let cred = Credential::access_key(KEY_ID, SECRET).with_endpoint("https://example.test");
    let shown = format!(
        "{cred:?} {cred:#?} {}",
        serde_json::to_string(&cred).unwrap()
    );
    assert!(!shown.contains(SECRET), "{shown}");
    assert!(!shown.contains(KEY_ID), "{shown}");
    assert!(shown.contains("AKIA****"), "{shown}");
    let json = serde_json::to_value(&cred).unwrap();
    assert_eq!(
        json,
        json!({"kind": "access_key", "key_id_or_user": "AKIA****", "secret": "****",
               "endpoint": "https://example.test"})
    );

    let cred = Credential::user_password("administrator", "P@ssw0rd!");
    let shown = format!("{cred:?}");
    assert!(
        !shown.contains("P@ssw0rd!") && !shown.contains("administrator"),
        "{shown}"
    );
}

#[test]
fn report_renderings_never_contain_the_secret_even_when_the_server_echoes_it() {
    let server = TestServer::start(|r| {
        Response::new(500).body(format!(
            "upstream said no to {} {}",
            r.header("authorization").unwrap_or_default(),
            r.path
        ))
    });
    let spec = ValidationSpec::from_descriptor_toml(&format!(
        "[validation]\nendpoint = \"{}\"\nscheme = \"http-basic\"\n",
        server.url()
    ))
    .unwrap()
    .unwrap();
    let cred = Credential::access_key(KEY_ID, SECRET);
    let report = validate(&spec, &cred, &ValidateOptions::default(), &mut |_| {}).unwrap();
    let shown = format!(
        "{report} {report:?} {}",
        serde_json::to_string(&report).unwrap()
    );
    assert!(!shown.contains(SECRET), "{shown}");
    assert!(!shown.contains(KEY_ID), "{shown}");
    // The Basic header is derived from the secret and is scrubbed too.
    assert!(shown.contains("upstream said no to Basic ****"), "{shown}");
}

#[test]
fn credential_from_lookup_names_every_missing_variable() {
    let err = Credential::from_lookup(CredentialKind::AccessKey, |_| None).unwrap_err();
    assert_eq!(
        err,
        CredentialError::MissingEnv {
            kind: CredentialKind::AccessKey,
            missing: vec![
                "INTEGRATE_ACCESS_KEY_ID".into(),
                "INTEGRATE_ACCESS_KEY_SECRET".into()
            ],
        }
    );
    assert_eq!(
        err.to_string(),
        "missing environment variables for the access_key credential: \
         INTEGRATE_ACCESS_KEY_ID, INTEGRATE_ACCESS_KEY_SECRET"
    );

    let err = Credential::from_lookup(CredentialKind::UserPassword, |name| {
        (name == "INTEGRATE_USERNAME").then(|| "alice".to_owned())
    })
    .unwrap_err();
    assert!(err.to_string().ends_with(": INTEGRATE_PASSWORD"), "{err}");
    assert!(!err.to_string().contains("alice"));

    let cred = Credential::from_lookup(CredentialKind::UserPassword, |name| match name {
        "INTEGRATE_USERNAME" => Some("alice".into()),
        "INTEGRATE_PASSWORD" => Some("pw".into()),
        "INTEGRATE_ENDPOINT" => Some("https://keystone.test:5000".into()),
        _ => None,
    })
    .unwrap();
    assert_eq!(cred.kind, CredentialKind::UserPassword);
    assert_eq!(cred.key_id_or_user.expose(), "alice");
    assert_eq!(cred.secret.expose(), "pw");
    assert_eq!(cred.endpoint.as_deref(), Some("https://keystone.test:5000"));
}

#[test]
fn credential_from_env_reads_the_process_environment() {
    // The test process is not given these variables; when it is, the check is skipped
    // rather than reporting the caller's own credential.
    let [id, secret] = CredentialKind::AccessKey.env_vars();
    if std::env::var_os(id).is_none() && std::env::var_os(secret).is_none() {
        let err = Credential::from_env(CredentialKind::AccessKey).unwrap_err();
        assert!(
            matches!(err, CredentialError::MissingEnv { ref missing, .. } if missing.len() == 2)
        );
    }
}

#[test]
fn credential_kind_serialises_in_snake_case() {
    assert_eq!(
        serde_json::to_string(&CredentialKind::UserPassword).unwrap(),
        r#""user_password""#
    );
    let kind: CredentialKind = serde_json::from_str(r#""access_key""#).unwrap();
    assert_eq!(kind, CredentialKind::AccessKey);
}

fn parse(body: &str) -> Result<Option<ValidationSpec>, ValidationError> {
    ValidationSpec::from_descriptor_toml(&format!("[validation]\n{body}"))
}

#[test]
fn spec_parses_the_issue_example() {
    let spec = parse(
        r#"endpoint = "https://ec2.us-east-1.amazonaws.com/"
scheme = "aws-sigv4"
service = "ec2"
region = "us-east-1"
request = { method = "POST", path = "/", body = "Action=DescribeRegions&Version=2016-11-15" }
invalid_key_codes = ["AuthFailure", "InvalidClientTokenId", "SignatureDoesNotMatch"]
"#,
    )
    .unwrap()
    .unwrap();
    assert_eq!(spec.scheme, Scheme::AwsSigv4);
    assert_eq!(spec.service.as_deref(), Some("ec2"));
    assert_eq!(spec.invalid_key_codes.len(), 3);
    assert!(
        spec.effective_forbidden_codes()
            .contains(&"UnauthorizedOperation".to_owned())
    );
    assert_eq!(
        ValidationSpec::from_descriptor_toml("[provider]\nname = \"x\"\n").unwrap(),
        None
    );
}

#[test]
fn spec_rejects_unknown_fields_and_inconsistent_schemes() {
    let cases = [
        (
            "endpoint = \"https://x\"\nscheme = \"bearer\"\nendpiont = \"typo\"\n",
            "endpiont",
        ),
        (
            "endpoint = \"https://x\"\nscheme = \"aws-sigv4\"\nregion = \"us-east-1\"\n",
            "service",
        ),
        (
            "endpoint = \"https://x\"\nscheme = \"bearer\"\nproject = \"p\"\n",
            "keystone",
        ),
        (
            "endpoint = \"https://x\"\nscheme = \"form-login\"\n",
            "token_pointer",
        ),
        ("endpoint = \"https://x\"\nscheme = \"oauth\"\n", "oauth"),
        (
            "endpoint = \"https://x\"\nscheme = \"bearer\"\nrequest = { headers = { Authorization = \"x\" } }\n",
            "Authorization",
        ),
        (
            "endpoint = \"https://x\"\nscheme = \"keystone-v3-password\"\nrequest = { body = \"{}\" }\n",
            "request.body",
        ),
        (
            "endpoint = \"https://x\"\nscheme = \"bearer\"\ninvalid_key_codes = [\"*\"]\n",
            "bare",
        ),
    ];
    for (body, needle) in cases {
        let err = parse(body).unwrap_err();
        assert!(err.to_string().contains(needle), "{body}: {err}");
    }
}

#[test]
fn spec_serialises_back_to_the_same_section() {
    let spec = parse(
        "endpoint = \"https://keystone.test:5000\"\nscheme = \"keystone-v3-password\"\nproject = \"demo\"\ninvalid_key_codes = [\"Unauthorized\"]\n",
    )
    .unwrap()
    .unwrap();
    let json = serde_json::to_value(&spec).unwrap();
    assert_eq!(
        json,
        json!({"endpoint": "https://keystone.test:5000", "scheme": "keystone-v3-password",
               "project": "demo", "invalid_key_codes": ["Unauthorized"]})
    );
}

#[test]
fn error_codes_come_from_xml_and_json() {
    let xml = "<?xml version=\"1.0\"?><Response><Errors><Error><Code>AuthFailure</Code>\
               <Message>AWS was not able to validate &amp; so on</Message></Error></Errors></Response>";
    let info = extract_error(xml, None);
    assert_eq!(info.code.as_deref(), Some("AuthFailure"));
    assert_eq!(
        info.message.as_deref(),
        Some("AWS was not able to validate & so on")
    );

    let cases = [
        (json!({"code": "A"}), "A"),
        (json!({"Code": "B"}), "B"),
        (json!({"error": {"code": "C"}}), "C"),
        (json!({"Error": {"Code": "D"}}), "D"),
        (
            json!({"__type": "com.amazon.coral.service#UnrecognizedClientException"}),
            "UnrecognizedClientException",
        ),
        (
            json!({"error": {"code": 401, "title": "Unauthorized"}}),
            "Unauthorized",
        ),
        (json!({"error": "invalid_grant"}), "invalid_grant"),
        (
            json!({"code": 401, "class": "WrongPassword", "details": "Authenticate: WrongPassword"}),
            "WrongPassword",
        ),
    ];
    for (body, code) in cases {
        assert_eq!(
            extract_error(&body.to_string(), None).code.as_deref(),
            Some(code),
            "{body}"
        );
    }
    let custom = json!({"status": {"reason": "KeyExpired"}, "code": "Other"}).to_string();
    assert_eq!(
        extract_error(&custom, Some("/status/reason"))
            .code
            .as_deref(),
        Some("KeyExpired")
    );
    assert_eq!(extract_error("plain text", None).code, None);
}

#[test]
fn code_lists_match_exactly_or_by_trailing_star() {
    let list = vec!["AuthFailure".to_owned(), "InvalidClient*".to_owned()];
    assert!(code_matches("AuthFailure", &list));
    assert!(!code_matches("AuthFailures", &list));
    assert!(!code_matches("authfailure", &list));
    assert!(code_matches("InvalidClientTokenId", &list));
    assert!(!code_matches("SignatureDoesNotMatch", &list));
}

#[test]
fn outcomes_have_exit_codes_and_a_stable_json_shape() {
    let invalid = Outcome::InvalidAccessKey {
        which: KeyFault::WrongSecret,
        code: Some("SignatureDoesNotMatch".into()),
        message: None,
    };
    assert_eq!(Outcome::Valid.exit_code(), 0);
    assert_eq!(invalid.exit_code(), 1);
    assert_eq!(
        Outcome::Forbidden {
            code: None,
            message: None
        }
        .exit_code(),
        1
    );
    assert_eq!(
        Outcome::Unexpected {
            status: Some(500),
            excerpt: String::new()
        }
        .exit_code(),
        1
    );
    assert_eq!(
        Outcome::Unreachable {
            detail: String::new()
        }
        .exit_code(),
        3
    );
    assert_eq!(
        Outcome::Tls {
            detail: String::new()
        }
        .exit_code(),
        3
    );
    assert_eq!(
        Outcome::Timeout {
            detail: String::new()
        }
        .exit_code(),
        3
    );

    let report = Report {
        outcome: invalid,
        scheme: Scheme::AwsSigv4,
        endpoint: "https://sts.amazonaws.com/".into(),
        status: Some(403),
        code: Some("SignatureDoesNotMatch".into()),
        message: None,
        excerpt: None,
        elapsed: Duration::from_millis(42),
        insecure: false,
    };
    assert_eq!(
        serde_json::to_value(&report).unwrap(),
        json!({
            "outcome": {"kind": "invalid_access_key", "which": "wrong_secret",
                        "code": "SignatureDoesNotMatch", "message": null},
            "scheme": "aws-sigv4",
            "endpoint": "https://sts.amazonaws.com/",
            "status": 403,
            "code": "SignatureDoesNotMatch",
            "message": null,
            "excerpt": null,
            "elapsed_ms": 42,
            "insecure": false
        })
    );
}

// --- Issue 13: a server that echoes the secret in another spelling --------------------------

/// A secret with the characters servers escape: `<`, `>`, `&` (Go's encoding/json), `/` (PHP),
/// `"`, a space and a non-ASCII letter (Python's ensure_ascii).
const ODD_SECRET: &str = "Pa<ss>&wo/rd \"kéy\" 42xyz";

/// Go's `encoding/json` spelling of a string: `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`.
fn go_json(s: &str) -> String {
    serde_json::to_string(s)
        .unwrap()
        .replace('<', r"\u003c")
        .replace('>', r"\u003e")
        .replace('&', r"\u0026")
}

/// Python's `json.dumps` spelling: every non-ASCII character as `\uXXXX`.
fn python_json(s: &str) -> String {
    let mut out = String::new();
    for c in serde_json::to_string(s).unwrap().chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        }
    }
    out
}

/// Every spelling of `secret` a server in these tests echoes, each of which must be absent
/// from whatever the engine hands back.
fn echoes(secret: &str) -> Vec<String> {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    let strip = |s: String| s.trim_matches('"').to_owned();
    vec![
        strip(go_json(secret)),
        strip(python_json(secret)),
        secret.replace('/', r"\/"),
        secret.to_uppercase(),
        secret.to_lowercase(),
        form_urlencoded::byte_serialize(secret.as_bytes())
            .collect::<String>()
            .to_lowercase(),
        b64.encode(secret),
        b64.encode(format!("x:{secret}")),
    ]
}

/// A test server implementing HTTP Basic authentication that rejects every credential with a
/// JSON error whose message quotes the password it received in the spelling `spell` gives it.
fn echoing_basic_server(spell: fn(&str) -> String) -> TestServer {
    TestServer::start(move |r| {
        use base64::Engine as _;
        let header = r.header("authorization").unwrap_or_default();
        let decoded = header
            .strip_prefix("Basic ")
            .and_then(|t| base64::engine::general_purpose::STANDARD.decode(t).ok())
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        let password = decoded.split_once(':').map(|(_, p)| p).unwrap_or_default();
        Response::new(401)
            .header("Content-Type", "application/json")
            .body(format!(
                "{{\"code\":\"Unauthorized\",\"message\":\"bad password {}\"}}",
                spell(password)
            ))
    })
}

fn basic_spec_for(server: &TestServer) -> ValidationSpec {
    ValidationSpec::from_descriptor_toml(&format!(
        "[validation]\nendpoint = \"{}\"\nscheme = \"http-basic\"\ninvalid_key_codes = [\"Unauthorized\"]\n",
        server.url()
    ))
    .unwrap()
    .unwrap()
}

fn assert_no_spelling_of(secret: &str, shown: &str) {
    for echo in echoes(secret) {
        assert!(
            !shown.contains(&echo),
            "the secret leaked as {echo:?}:\n{shown}"
        );
    }
}

#[test]
fn issue_13_secret_echoed_json_escaped_or_case_changed_is_masked_in_reports() {
    type Spell = fn(&str) -> String;
    let spellings: [(&str, Spell); 6] = [
        ("go json", |s| go_json(s).trim_matches('"').to_owned()),
        ("python json", |s| python_json(s).trim_matches('"').to_owned()),
        ("php json", |s| s.replace('/', r"\/").replace('"', "\\\"")),
        ("upper case", |s| s.to_uppercase()),
        ("lower-case percent-encoding", |s| {
            form_urlencoded::byte_serialize(s.as_bytes())
                .collect::<String>()
                .to_lowercase()
        }),
        ("base64", |s| {
            use base64::Engine as _;
            base64::engine::general_purpose::STANDARD.encode(s)
        }),
    ];
    for (name, spell) in spellings {
        let server = echoing_basic_server(spell);
        let spec = basic_spec_for(&server);
        let cred = Credential::user_password("integrator", ODD_SECRET);
        let report = validate(&spec, &cred, &ValidateOptions::default(), &mut |_| {}).unwrap();
        assert!(
            matches!(report.outcome, Outcome::InvalidAccessKey { .. }),
            "{name}: {report}"
        );
        let shown = format!(
            "{report} {report:?} {}",
            serde_json::to_string(&report).unwrap()
        );
        assert!(shown.contains("bad password ****"), "{name}: {shown}");
        assert_no_spelling_of(ODD_SECRET, &shown);
    }
}

#[test]
fn issue_13_the_probes_altered_secret_is_masked_in_every_spelling() {
    let server = echoing_basic_server(|s| s.to_uppercase());
    let spec = basic_spec_for(&server);
    let cred = Credential::user_password("integrator", ODD_SECRET);
    let probe = integrate_codegen::validation::probe_wrong_key(
        &spec,
        &cred,
        &ValidateOptions::default(),
        &mut |_| {},
    )
    .unwrap();
    let shown = format!(
        "{probe} {probe:?} {}",
        serde_json::to_string(&probe).unwrap()
    );
    assert!(shown.contains("bad password ****"), "{shown}");
    // The probe sends the secret with its last characters changed: neither it nor the real
    // one may be readable in any spelling.
    let altered = format!("{}3yza", &ODD_SECRET[..ODD_SECRET.len() - 4]);
    assert_no_spelling_of(ODD_SECRET, &shown);
    assert_no_spelling_of(&altered, &shown);
    assert!(!shown.contains(&altered[..altered.len() - 4].to_uppercase()), "{shown}");
}
