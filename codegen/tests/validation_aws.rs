//! The `aws-sigv4` scheme against a real signature-verifying AWS API emulator.
//!
//! moto runs in server mode on 127.0.0.1 with `INITIAL_NO_AUTH_ACTION_COUNT=0`,
//! so it recomputes every request's SigV4 signature from the secret it
//! issued and checks the caller's IAM policies. If moto is not installed
//! these tests fail and say how to install it (`bash scripts/test-servers.sh`).

mod servers;

use std::time::Duration;

use integrate_codegen::validation::{
    Alteration, Credential, KeyFault, Outcome, ValidateOptions, ValidationSpec, probe_wrong_key,
    validate,
};
use servers::moto::{self, Moto};

/// The EC2 example from the issue, pointed at moto.
fn ec2_spec(endpoint: &str) -> ValidationSpec {
    let text = format!(
        r#"
[validation]
endpoint = "{endpoint}/"
scheme = "aws-sigv4"
service = "ec2"
region = "us-east-1"
request = {{ method = "POST", path = "/", body = "Action=DescribeRegions&Version=2016-11-15" }}
invalid_key_codes = ["AuthFailure", "InvalidClientTokenId", "SignatureDoesNotMatch"]
"#
    );
    ValidationSpec::from_descriptor_toml(&text)
        .expect("valid section")
        .expect("has [validation]")
}

/// STS `GetCallerIdentity`, whose errors tell an unknown key id from a wrong secret.
fn sts_spec(endpoint: &str, invalid_key_codes: &[&str]) -> ValidationSpec {
    let codes: Vec<String> = invalid_key_codes.iter().map(|c| format!("{c:?}")).collect();
    let text = format!(
        r#"
[validation]
endpoint = "{endpoint}"
scheme = "aws-sigv4"
service = "sts"
region = "us-east-1"
request = {{ method = "POST", path = "/", body = "Action=GetCallerIdentity&Version=2011-06-15" }}
invalid_key_codes = [{}]
"#,
        codes.join(", ")
    );
    ValidationSpec::from_descriptor_toml(&text)
        .expect("valid section")
        .expect("has [validation]")
}

fn opts() -> ValidateOptions {
    ValidateOptions {
        timeout: Duration::from_secs(10),
        ..ValidateOptions::default()
    }
}

fn run(spec: &ValidationSpec, cred: &Credential) -> integrate_codegen::validation::Report {
    validate(spec, cred, &opts(), &mut |_| {}).expect("a report")
}

fn unknown_key_id() -> String {
    "AKIAZZZZZZZZZZZZZZZZ".to_owned()
}

#[test]
fn moto_valid_key_with_describe_regions_policy_is_valid() {
    let moto = moto::shared();
    let k = &moto.keys.allowed;
    let report = run(
        &ec2_spec(&moto.endpoint),
        &Credential::access_key(&k.id, &k.secret),
    );
    assert_eq!(report.outcome, Outcome::Valid, "{report}");
    assert_eq!(report.status, Some(200));
    assert_eq!(report.exit_code(), 0);
    assert!(!report.insecure);
    let excerpt = report.excerpt.as_deref().unwrap_or_default();
    assert!(excerpt.contains("DescribeRegionsResponse"), "{excerpt}");
}

#[test]
fn moto_unknown_key_id_on_ec2_is_auth_failure() {
    let moto = moto::shared();
    let cred = Credential::access_key(unknown_key_id(), &moto.keys.allowed.secret);
    let report = run(&ec2_spec(&moto.endpoint), &cred);
    // EC2 answers AuthFailure for both an unknown key id and a wrong secret.
    assert_eq!(
        report.outcome,
        Outcome::InvalidAccessKey {
            which: KeyFault::Unspecified,
            code: Some("AuthFailure".into()),
            message: report.message.clone(),
        },
        "{report}"
    );
    assert_eq!(report.status, Some(401));
    assert_eq!(report.exit_code(), 1);
}

#[test]
fn moto_unknown_key_id_on_sts_is_invalid_client_token_id() {
    let moto = moto::shared();
    let cred = Credential::access_key(unknown_key_id(), &moto.keys.allowed.secret);
    let report = run(&sts_spec(&moto.endpoint, &["InvalidClientTokenId"]), &cred);
    match &report.outcome {
        Outcome::InvalidAccessKey { which, code, .. } => {
            assert_eq!(*which, KeyFault::UnknownKeyId, "{report}");
            assert_eq!(code.as_deref(), Some("InvalidClientTokenId"));
        }
        other => panic!("expected an invalid access key, got {other}"),
    }
    assert_eq!(report.status, Some(403));
}

#[test]
fn moto_wrong_secret_on_sts_is_signature_does_not_match() {
    let moto = moto::shared();
    let k = &moto.keys.allowed;
    let cred = Credential::access_key(&k.id, format!("{}x", &k.secret[..k.secret.len() - 1]));
    let report = run(&sts_spec(&moto.endpoint, &["SignatureDoesNotMatch"]), &cred);
    match &report.outcome {
        Outcome::InvalidAccessKey { which, code, .. } => {
            assert_eq!(*which, KeyFault::WrongSecret, "{report}");
            assert_eq!(code.as_deref(), Some("SignatureDoesNotMatch"));
        }
        other => panic!("expected an invalid access key, got {other}"),
    }
    // The key id is shown masked only, the secret not at all.
    let shown = format!(
        "{report} {report:?} {}",
        serde_json::to_string(&report).unwrap()
    );
    assert!(!shown.contains(&k.secret));
    assert!(!shown.contains(&k.id));
}

#[test]
fn moto_wrong_secret_on_ec2_is_rejected() {
    let moto = moto::shared();
    let k = &moto.keys.allowed;
    let cred = Credential::access_key(&k.id, "not-the-secret-at-all");
    let report = run(&ec2_spec(&moto.endpoint), &cred);
    assert!(
        matches!(&report.outcome, Outcome::InvalidAccessKey { code: Some(c), .. } if c == "AuthFailure"),
        "{report}"
    );
}

#[test]
fn moto_valid_key_without_policy_is_forbidden() {
    let moto = moto::shared();
    let k = &moto.keys.no_policy;
    let report = run(
        &ec2_spec(&moto.endpoint),
        &Credential::access_key(&k.id, &k.secret),
    );
    assert!(
        matches!(&report.outcome, Outcome::Forbidden { code: Some(c), .. } if c == "AccessDenied"),
        "{report}"
    );
    assert_eq!(report.status, Some(403));
    assert_eq!(report.exit_code(), 1);
}

#[test]
fn moto_valid_key_with_deny_policy_is_forbidden() {
    let moto = moto::shared();
    let k = &moto.keys.denied;
    let report = run(
        &ec2_spec(&moto.endpoint),
        &Credential::access_key(&k.id, &k.secret),
    );
    assert!(
        matches!(report.outcome, Outcome::Forbidden { .. }),
        "{report}"
    );
}

#[test]
fn moto_probe_reports_mapped_codes_for_ec2() {
    let moto = moto::shared();
    let k = &moto.keys.allowed;
    let cred = Credential::access_key(&k.id, &k.secret);
    let options = ValidateOptions {
        alter_key_id: true,
        ..opts()
    };
    let probe = probe_wrong_key(&ec2_spec(&moto.endpoint), &cred, &options, &mut |_| {})
        .expect("a probe report");
    assert_eq!(probe.attempts.len(), 2, "{probe}");
    assert_eq!(probe.attempts[0].altered, Alteration::Secret);
    assert_eq!(probe.attempts[1].altered, Alteration::KeyId);
    for a in &probe.attempts {
        assert_eq!(a.status, Some(401), "{probe}");
        assert_eq!(a.code.as_deref(), Some("AuthFailure"));
        assert!(a.mapped, "{probe}");
    }
    assert_eq!(probe.suggestion, None);
    let shown = format!(
        "{probe} {probe:?} {}",
        serde_json::to_string(&probe).unwrap()
    );
    assert!(!shown.contains(&k.secret));
    assert!(!shown.contains(&k.id));
}

#[test]
fn moto_probe_suggests_the_missing_code() {
    let moto = moto::shared();
    let k = &moto.keys.allowed;
    let cred = Credential::access_key(&k.id, &k.secret);
    let spec = sts_spec(&moto.endpoint, &["InvalidClientTokenId"]);
    let options = ValidateOptions {
        alter_key_id: true,
        ..opts()
    };
    let probe = probe_wrong_key(&spec, &cred, &options, &mut |_| {}).expect("a probe report");
    let secret_attempt = &probe.attempts[0];
    assert_eq!(
        secret_attempt.code.as_deref(),
        Some("SignatureDoesNotMatch")
    );
    assert!(!secret_attempt.mapped);
    // Still recognised as a bad secret, even though the list lacks the code.
    assert!(matches!(
        secret_attempt.outcome,
        Outcome::InvalidAccessKey {
            which: KeyFault::WrongSecret,
            ..
        }
    ));
    let key_attempt = &probe.attempts[1];
    assert_eq!(key_attempt.code.as_deref(), Some("InvalidClientTokenId"));
    assert!(key_attempt.mapped);
    assert_eq!(
        probe.suggestion.as_deref(),
        Some(r#"invalid_key_codes = ["InvalidClientTokenId", "SignatureDoesNotMatch"]"#),
        "{probe}"
    );
}

#[test]
fn aws_closed_port_is_unreachable() {
    let port = servers::http::closed_port();
    let spec = ec2_spec(&format!("http://127.0.0.1:{port}"));
    let report = run(&spec, &Credential::access_key("AKIAEXAMPLE0000", "secret"));
    assert!(
        matches!(report.outcome, Outcome::Unreachable { .. }),
        "{report}"
    );
    assert_eq!(report.exit_code(), 3);
    assert_eq!(report.status, None);
}

#[test]
fn moto_with_self_signed_certificate_fails_tls_unless_insecure() {
    let moto = Moto::start(true);
    let k = &moto.keys.allowed;
    let cred = Credential::access_key(&k.id, &k.secret);
    let spec = ec2_spec(&moto.endpoint);
    assert!(spec.endpoint.starts_with("https://"));

    let report = run(&spec, &cred);
    assert!(matches!(report.outcome, Outcome::Tls { .. }), "{report}");
    assert_eq!(report.exit_code(), 3);

    let insecure = ValidateOptions {
        insecure: true,
        ..opts()
    };
    let report = validate(&spec, &cred, &insecure, &mut |_| {}).expect("a report");
    assert_eq!(report.outcome, Outcome::Valid, "{report}");
    assert!(report.insecure);
    assert!(report.to_string().contains("TLS verification disabled"));
}
