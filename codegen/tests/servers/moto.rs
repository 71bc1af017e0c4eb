//! The moto AWS emulator in server mode, with signature checks enforced.
//!
//! moto's `moto_server` is found through `MOTO_SERVER` (the binary),
//! `INTEGRATE_TEST_VENV` (a venv holding it) or `.venv-test/` at the
//! workspace root, which `scripts/test-servers.sh` creates. It is started on
//! a free loopback port with `INITIAL_NO_AUTH_ACTION_COUNT=0`, which turns
//! on moto's SigV4 signature verification and IAM policy checks for every
//! request (moto/core/authorization.py, `ActionAuthenticatorMixin`). Users
//! and keys are then created by `moto_bootstrap.py`, which opens moto's
//! documented unauthenticated window through `/moto-api/reset-auth` and
//! closes it again. The process is killed when the last handle is dropped.

use std::fs::File;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

/// An access key created in moto.
#[derive(Debug, Clone)]
pub struct Key {
    pub id: String,
    pub secret: String,
}

/// The users `moto_bootstrap.py` creates.
#[derive(Debug, Clone)]
pub struct Keys {
    /// May call `ec2:DescribeRegions`.
    pub allowed: Key,
    /// Has no policy at all.
    pub no_policy: Key,
    /// Has an explicit `Deny` on `ec2:*`.
    pub denied: Key,
}

/// A running moto server; killed on drop.
pub struct Moto {
    child: Child,
    pub endpoint: String,
    pub keys: Keys,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

static SHARED: Mutex<Weak<Moto>> = Mutex::new(Weak::new());

/// Returns the plain-HTTP moto server shared by the tests that run at the
/// same time; it stops when the last of them drops its handle.
pub fn shared() -> Arc<Moto> {
    let mut guard = SHARED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(m) = guard.upgrade() {
        return m;
    }
    let m = Arc::new(Moto::start(false));
    *guard = Arc::downgrade(&m);
    m
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen has a parent directory")
        .to_path_buf()
}

const INSTALL_HINT: &str = "install it with `bash scripts/test-servers.sh` at the workspace root \
     (creates .venv-test/ with `python3 -m venv .venv-test && .venv-test/bin/pip install 'moto[server]'`), \
     or set INTEGRATE_TEST_VENV to a venv that has moto[server], or MOTO_SERVER to the moto_server binary";

/// Finds `moto_server` and the Python interpreter beside it, or fails the test with install instructions.
pub fn moto_binaries() -> (PathBuf, PathBuf) {
    let server = if let Some(p) = std::env::var_os("MOTO_SERVER") {
        PathBuf::from(p)
    } else {
        let venv = std::env::var_os("INTEGRATE_TEST_VENV")
            .map(PathBuf::from)
            .unwrap_or_else(|| workspace_root().join(".venv-test"));
        venv.join("bin").join("moto_server")
    };
    assert!(
        server.is_file(),
        "the moto AWS emulator is not installed: {} does not exist; {INSTALL_HINT}",
        server.display()
    );
    let python = server
        .parent()
        .map(|d| d.join("python"))
        .filter(|p| p.exists())
        .unwrap_or_else(|| {
            panic!(
                "no python beside {} to run moto_bootstrap.py; {INSTALL_HINT}",
                server.display()
            )
        });
    (server, python)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

impl Moto {
    /// Starts moto on a free loopback port (with its self-signed certificate
    /// when `tls`), waits for it and creates the test users.
    pub fn start(tls: bool) -> Moto {
        let (server, python) = moto_binaries();
        let dir = tempfile::tempdir().expect("a temporary directory");
        let log = dir.path().join("moto.log");
        let port = free_port();
        let mut cmd = Command::new(&server);
        cmd.args(["-H", "127.0.0.1", "-p", &port.to_string()]);
        if tls {
            cmd.arg("--ssl");
        }
        let log_file = File::create(&log).expect("create the moto log");
        let child = cmd
            .env("INITIAL_NO_AUTH_ACTION_COUNT", "0")
            .stdin(Stdio::null())
            .stdout(Stdio::from(
                log_file.try_clone().expect("clone the log handle"),
            ))
            .stderr(Stdio::from(log_file))
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}; {INSTALL_HINT}", server.display()));
        let scheme = if tls { "https" } else { "http" };
        let mut moto = Moto {
            child,
            endpoint: format!("{scheme}://127.0.0.1:{port}"),
            keys: Keys {
                allowed: Key {
                    id: String::new(),
                    secret: String::new(),
                },
                no_policy: Key {
                    id: String::new(),
                    secret: String::new(),
                },
                denied: Key {
                    id: String::new(),
                    secret: String::new(),
                },
            },
            log,
            _dir: dir,
        };
        moto.wait_until_listening(SocketAddr::from(([127, 0, 0, 1], port)));
        moto.keys = moto.bootstrap(&python);
        moto
    }

    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }

    fn wait_until_listening(&mut self, addr: SocketAddr) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "moto_server exited with {status} before listening:\n{}",
                    self.log_tail()
                );
            }
            if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "moto_server did not listen on {addr} within 30 s:\n{}",
                self.log_tail()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn bootstrap(&self, python: &Path) -> Keys {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/servers/moto_bootstrap.py");
        let out = Command::new(python)
            .arg(&script)
            .arg(&self.endpoint)
            .stdin(Stdio::null())
            .output()
            .expect("run moto_bootstrap.py");
        assert!(
            out.status.success(),
            "moto_bootstrap.py failed: {}\n{}\nmoto log:\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr),
            self.log_tail()
        );
        let json: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("moto_bootstrap.py prints JSON");
        let key = |user: &str| Key {
            id: json[user]["access_key_id"]
                .as_str()
                .expect("key id")
                .to_owned(),
            secret: json[user]["secret_access_key"]
                .as_str()
                .expect("secret")
                .to_owned(),
        };
        Keys {
            allowed: key("allowed"),
            no_policy: key("no-policy"),
            denied: key("denied"),
        }
    }
}
