//! A test server implementing the documented cloudpods API that an account import uses. It is
//! not cloudpods: it implements, from cloudpods' own source, only what `account import` calls.
//!
//! - Keystone v3 (`POST /v3/auth/tokens`, `pkg/keystone/tokens/handlers.go`): password
//!   authentication as mcclient sends it; 200 with `X-Subject-Token` and
//!   `{"token": {"catalog": [...]}}`, the region service listed as type `compute_v2` with an
//!   `internal` and a `public` endpoint in region `region0`; a wrong password is
//!   `401 {"code":401,"class":"WrongPassword","details":...}`, an unknown user `404 UserNotFound`.
//! - The region service (`POST /cloudaccounts`, `pkg/compute/models/cloudaccounts.go`):
//!   `X-Auth-Token` must be the issued token (else 401); the body is `{"cloudaccount": {...}}`;
//!   an unknown `provider` is `400 InputParameterError "Unsupported provider"`; the credential
//!   fields the generated `ValidateCreateCloudaccountData` reads (`access_key_id` +
//!   `access_key_secret` or `username` + `password`, plus `auth_url` or `endpoint` when the
//!   provider needs it) are required (`400 MissingParameter`); an account already registered
//!   for the same provider and account is `409 ConflictError "The account has been
//!   registered"`; success is `200 {"cloudaccount": {"id", "name", "status": "init", ...}}`
//!   without the secret. An account named `echo` is refused with details quoting the request
//!   body as Go's encoding/json writes it, to test masking.

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use super::http::{Request, Response, TestServer};

pub const ADMIN_USER: &str = "sysadmin";
pub const ADMIN_PASSWORD: &str = "Adm1n-Passw0rd!";
pub const TOKEN: &str = "gAAAAABcloudpods-test-token-4242424242";

/// A provider the test region knows and what its accounts need.
#[derive(Debug, Clone)]
pub struct KnownProvider {
    pub brand: &'static str,
    /// `access_key` or `user_password`.
    pub kind: &'static str,
    /// `none`, `auth_url` or `endpoint`.
    pub endpoint: &'static str,
}

/// A running Keystone and region pair.
pub struct CloudpodsApi {
    pub keystone: TestServer,
    pub region: TestServer,
    /// Every create body the region received, as parsed JSON.
    pub received: Arc<Mutex<Vec<Value>>>,
}

impl CloudpodsApi {
    /// Starts the pair; the catalog lists `region`'s URL for `compute_v2`.
    pub fn start(providers: Vec<KnownProvider>) -> Self {
        let received = Arc::new(Mutex::new(Vec::new()));
        let accounts: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
        let seen = received.clone();
        let region = TestServer::start(move |r| region(r, &providers, &accounts, &seen));
        let region_url = region.url();
        let keystone = TestServer::start(move |r| keystone(r, &region_url));
        CloudpodsApi { keystone, region, received }
    }

    /// `OS_AUTH_URL`: the Keystone URL with `/v3`, as cloudpods' rc files write it.
    pub fn auth_url(&self) -> String {
        format!("{}/v3", self.keystone.url())
    }

    /// The `OS_*` variables of the administrator login.
    pub fn os_env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("OS_AUTH_URL", self.auth_url()),
            ("OS_USERNAME", ADMIN_USER.to_owned()),
            ("OS_PASSWORD", ADMIN_PASSWORD.to_owned()),
            ("OS_DOMAIN_NAME", "Default".to_owned()),
            ("OS_PROJECT_NAME", "system".to_owned()),
            ("OS_PROJECT_DOMAIN", "Default".to_owned()),
            ("OS_REGION_NAME", "region0".to_owned()),
            ("OS_ENDPOINT_TYPE", "publicURL".to_owned()),
        ]
    }
}

fn error(status: u16, class: &str, details: &str) -> Response {
    Response::json(status, json!({"code": status, "class": class, "details": details, "time": "2024-01-01T00:00:00Z"}))
}

fn keystone(r: &Request, region_url: &str) -> Response {
    if r.method != "POST" || r.path != "/v3/auth/tokens" {
        return error(404, "NotFoundError", &format!("no handler for {} {}", r.method, r.path));
    }
    let Some(body) = r.json() else { return error(400, "InputParameterError", "fail to decode request body") };
    let user = &body["auth"]["identity"]["password"]["user"];
    if body["auth"]["identity"]["methods"] != json!(["password"]) {
        return error(401, "UnauthorizedError", "unauthorized: unsupported method");
    }
    if user["name"] != ADMIN_USER {
        return error(404, "UserNotFound", &format!("user {} not found", user["name"]));
    }
    if user["password"] != ADMIN_PASSWORD {
        return error(401, "WrongPassword", "WrongPassword");
    }
    let project = body["auth"]["scope"]["project"]["name"].as_str().unwrap_or("system");
    Response::json(
        200,
        json!({"token": {
            "methods": ["password"],
            "expires_at": "2099-01-01T00:00:00.000000Z",
            "project": {"id": "p1", "name": project, "domain": {"id": "default", "name": "Default"}},
            "user": {"id": "u1", "name": ADMIN_USER, "domain": {"id": "default", "name": "Default"}},
            "roles": [{"id": "r1", "name": "admin"}],
            "catalog": [
                {"id": "s1", "name": "keystone", "type": "identity", "endpoints": [
                    {"id": "e1", "interface": "public", "region": "region0", "region_id": "region0", "url": "http://127.0.0.1:1/v3"}]},
                {"id": "s2", "name": "region2", "type": "compute_v2", "endpoints": [
                    {"id": "e2", "interface": "internal", "region": "region0", "region_id": "region0", "url": "http://region.internal.invalid:30888"},
                    {"id": "e3", "interface": "public", "region": "region0", "region_id": "region0", "url": region_url}]}
            ]
        }}),
    )
    .header("X-Subject-Token", TOKEN)
}

fn region(r: &Request, providers: &[KnownProvider], accounts: &Mutex<Vec<(String, String)>>, received: &Mutex<Vec<Value>>) -> Response {
    if r.method != "POST" || r.path != "/cloudaccounts" {
        return error(404, "NotFoundError", &format!("no handler for {} {}", r.method, r.path));
    }
    if r.header("x-auth-token") != Some(TOKEN) {
        return error(401, "UnauthorizedError", "invalid token");
    }
    let Some(body) = r.json() else { return error(400, "InputParameterError", "fail to decode request body") };
    received.lock().unwrap().push(body.clone());
    let input = &body["cloudaccount"];
    let text = |k: &str| input[k].as_str().unwrap_or_default().to_owned();
    if text("name") == "echo" {
        let go_json = serde_json::to_string(&input.to_string()).unwrap().replace('<', r"\u003c").replace('>', r"\u003e").replace('&', r"\u0026");
        return error(400, "InputParameterError", &format!("invalid input {go_json}"));
    }
    let Some(provider) = providers.iter().find(|p| p.brand == text("provider")) else {
        return error(400, "InputParameterError", &format!("Unsupported provider {}", text("provider")));
    };
    let (id_key, secret_key) = if provider.kind == "access_key" { ("access_key_id", "access_key_secret") } else { ("username", "password") };
    for key in [id_key, secret_key] {
        if text(key).is_empty() {
            return error(400, "MissingParameterError", &format!("Missing parameter {key}"));
        }
    }
    if provider.endpoint != "none" && text(provider.endpoint).is_empty() {
        return error(400, "MissingParameterError", &format!("Missing parameter {}", provider.endpoint));
    }
    let key = (provider.brand.to_owned(), text(id_key));
    let mut accounts = accounts.lock().unwrap();
    if accounts.contains(&key) {
        return error(409, "ConflictError", "The account has been registered");
    }
    accounts.push(key);
    Response::json(
        200,
        json!({"cloudaccount": {
            "id": format!("ca-{}", accounts.len()),
            "name": text("name"),
            "provider": provider.brand,
            "account": text(id_key),
            "status": "init",
            "enabled": true,
        }}),
    )
}
