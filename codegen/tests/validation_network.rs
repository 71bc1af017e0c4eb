//! Network failures, progress events and cancellation, against loopback listeners.
//!
//! A closed port gives `Unreachable`, a listener that never answers gives
//! `Timeout`, and a listener speaking plain HTTP behind an `https` URL gives
//! `Tls`. Progress events arrive in order, and raising the cancel flag makes
//! `validate` return `Cancelled` well before the timeout.

mod servers;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use integrate_codegen::validation::{
    Credential, Outcome, Scheme, Step, ValidateOptions, ValidationError, ValidationSpec, validate,
};
use servers::http::{RawResponder, Response, SilentListener, TestServer, closed_port};

fn bearer_spec(endpoint: String) -> ValidationSpec {
    ValidationSpec::from_descriptor_toml(&format!(
        "[validation]\nendpoint = \"{endpoint}\"\nscheme = \"bearer\"\nrequest = {{ path = \"/v1/me\" }}\n"
    ))
    .expect("valid section")
    .expect("has [validation]")
}

fn token() -> Credential {
    Credential::access_key("", "tok-network-test-0123456789")
}

#[test]
fn closed_port_is_unreachable() {
    let spec = bearer_spec(format!("http://127.0.0.1:{}", closed_port()));
    let report = validate(&spec, &token(), &ValidateOptions::default(), &mut |_| {}).unwrap();
    match &report.outcome {
        Outcome::Unreachable { detail } => assert!(!detail.is_empty()),
        other => panic!("expected unreachable, got {other}"),
    }
    assert_eq!(report.exit_code(), 3);
}

#[test]
fn listener_that_never_answers_times_out() {
    let silent = SilentListener::start();
    let spec = bearer_spec(format!("http://{}", silent.addr()));
    let opts = ValidateOptions {
        timeout: Duration::from_millis(800),
        ..ValidateOptions::default()
    };
    let started = Instant::now();
    let report = validate(&spec, &token(), &opts, &mut |_| {}).unwrap();
    assert!(
        matches!(report.outcome, Outcome::Timeout { .. }),
        "{report}"
    );
    assert_eq!(report.exit_code(), 3);
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn plain_http_behind_an_https_url_is_a_tls_failure() {
    let plain = RawResponder::start(
        b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    );
    let spec = bearer_spec(format!("https://{}", plain.addr()));
    let opts = ValidateOptions {
        timeout: Duration::from_secs(5),
        ..ValidateOptions::default()
    };
    let report = validate(&spec, &token(), &opts, &mut |_| {}).unwrap();
    assert!(matches!(report.outcome, Outcome::Tls { .. }), "{report}");
    assert_eq!(report.exit_code(), 3);
    // Turning verification off does not make plain HTTP into TLS.
    let insecure = ValidateOptions {
        insecure: true,
        ..opts
    };
    let report = validate(&spec, &token(), &insecure, &mut |_| {}).unwrap();
    assert!(matches!(report.outcome, Outcome::Tls { .. }), "{report}");
    assert!(report.insecure);
}

#[test]
fn progress_steps_arrive_in_order() {
    let server = TestServer::start(|_| Response::json(200, serde_json::json!({"id": 1})));
    let spec = bearer_spec(server.url());
    let mut steps = Vec::new();
    let report = validate(&spec, &token(), &ValidateOptions::default(), &mut |s| {
        steps.push(s)
    })
    .unwrap();
    assert_eq!(report.outcome, Outcome::Valid);
    let names: Vec<&str> = steps
        .iter()
        .map(|s| match s {
            Step::Resolving { .. } => "resolving",
            Step::Connecting { .. } => "connecting",
            Step::Sending => "sending",
            Step::Waiting => "waiting",
            Step::Classifying => "classifying",
        })
        .collect();
    assert_eq!(
        names,
        [
            "resolving",
            "connecting",
            "sending",
            "waiting",
            "classifying"
        ]
    );
    assert_eq!(
        steps[0],
        Step::Resolving {
            host: "127.0.0.1".into()
        }
    );
    assert!(matches!(&steps[1], Step::Connecting { address } if address.starts_with("127.0.0.1:")));
    assert_eq!(
        serde_json::to_string(&steps[3]).unwrap(),
        r#"{"step":"waiting"}"#
    );
}

#[test]
fn cancel_flag_stops_a_hanging_validation_promptly() {
    let silent = SilentListener::start();
    let spec = bearer_spec(format!("http://{}", silent.addr()));
    let cancel = Arc::new(AtomicBool::new(false));
    let opts = ValidateOptions {
        timeout: Duration::from_secs(30),
        cancel: Some(cancel.clone()),
        ..ValidateOptions::default()
    };
    let flag = cancel.clone();
    let raiser = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        flag.store(true, Ordering::SeqCst);
    });
    let started = Instant::now();
    let mut saw_waiting = false;
    let result = validate(&spec, &token(), &opts, &mut |s| {
        saw_waiting |= s == Step::Waiting;
    });
    raiser.join().unwrap();
    assert_eq!(result.unwrap_err(), ValidationError::Cancelled);
    assert!(saw_waiting, "the request was under way when cancelled");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn cancel_flag_already_set_sends_nothing() {
    let server = TestServer::start(|_| Response::new(200));
    let spec = bearer_spec(server.url());
    let opts = ValidateOptions {
        cancel: Some(Arc::new(AtomicBool::new(true))),
        ..ValidateOptions::default()
    };
    let result = validate(&spec, &token(), &opts, &mut |_| {});
    assert_eq!(result.unwrap_err(), ValidationError::Cancelled);
    assert_eq!(server.handled(), 0);
}

#[test]
fn endpoint_override_wins_over_credential_and_descriptor() {
    let server = TestServer::start(|r| {
        if r.path == "/v1/me" {
            Response::new(200)
        } else {
            Response::new(404)
        }
    });
    let spec = bearer_spec(format!("http://127.0.0.1:{}", closed_port()));
    assert_eq!(spec.scheme, Scheme::Bearer);
    let cred = token().with_endpoint(format!("http://127.0.0.1:{}", closed_port()));
    let opts = ValidateOptions {
        endpoint_override: Some(server.url()),
        ..ValidateOptions::default()
    };
    let report = validate(&spec, &cred, &opts, &mut |_| {}).unwrap();
    assert_eq!(report.outcome, Outcome::Valid, "{report}");
    assert_eq!(report.endpoint, format!("{}/", server.url()));

    let cred = token().with_endpoint(server.url());
    let report = validate(&spec, &cred, &ValidateOptions::default(), &mut |_| {}).unwrap();
    assert_eq!(report.outcome, Outcome::Valid, "{report}");
}

#[test]
fn endpoint_with_user_information_is_refused_without_echoing_it() {
    let spec = bearer_spec("https://admin:hunter2@example.invalid/".into());
    let err = validate(&spec, &token(), &ValidateOptions::default(), &mut |_| {}).unwrap_err();
    assert!(matches!(err, ValidationError::Endpoint { .. }), "{err}");
    assert!(!err.to_string().contains("hunter2"), "{err}");
}
