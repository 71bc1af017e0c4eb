//! An import by running the platform's client, with the secret where other users cannot
//! read it.
//!
//! The arguments never hold the secret (`decl` refuses a declaration that would). The secret
//! goes to the program's standard input, or to a file of mode 0600 inside a directory of mode
//! 0700 that is removed when the program ends. The program's environment is this process's
//! without the `INTEGRATE_*` credential variables and without any variable whose value holds
//! the secret in any spelling. Its output is captured and scrubbed before it is handed back.

use std::io::Write;
use std::process::{Command, Stdio};

use super::error::ImportError;
use super::report::ClientReport;
use super::{ClientCall, SECRET_FILE_PLACEHOLDER, SecretChannel};
use crate::validation::scrub::Scrubber;
use crate::validation::Credential;
use crate::validation::child_env::strip_credential_env;

/// Runs the client `call` describes and waits for it.
pub fn run_client(call: &ClientCall, cred: &Credential) -> Result<ClientReport, ImportError> {
    let mut scrubber = Scrubber::for_credential(cred);
    scrubber.add_secret(call.secret.expose());

    // Kept until the program has ended; dropping it removes the directory and the file.
    let mut private_dir = None;
    let mut args = call.args.clone();
    if call.channel == SecretChannel::File {
        let (dir, path) = write_secret_file(call.secret.expose())?;
        let path = path.to_string_lossy().into_owned();
        for a in &mut args {
            *a = a.replace(SECRET_FILE_PLACEHOLDER, &path);
        }
        private_dir = Some(dir);
    }
    let mut command = Command::new(&call.program);
    command.args(&args).stdout(Stdio::piped()).stderr(Stdio::piped());
    command.stdin(if call.channel == SecretChannel::Stdin { Stdio::piped() } else { Stdio::null() });
    strip_credential_env(&mut command, &[], &scrubber);
    let mut child = command.spawn().map_err(|source| ImportError::Spawn { program: call.program.clone(), source })?;
    if let Some(mut stdin) = child.stdin.take() {
        // A program that exits without reading makes this a broken pipe; its status tells.
        let _ = stdin.write_all(format!("{}\n", call.secret.expose()).as_bytes());
    }
    let output = child.wait_with_output().map_err(|source| ImportError::Spawn { program: call.program.clone(), source })?;
    drop(private_dir);
    Ok(ClientReport {
        command: call.summary(),
        status: output.status.code(),
        stdout: scrubber.scrub(&String::from_utf8_lossy(&output.stdout)),
        stderr: scrubber.scrub(&String::from_utf8_lossy(&output.stderr)),
    })
}

/// Writes `secret` to a new file of mode 0600 in a new directory of mode 0700.
fn write_secret_file(secret: &str) -> Result<(tempfile::TempDir, std::path::PathBuf), ImportError> {
    let dir = tempfile::Builder::new().prefix("integrate-secret-").tempdir().map_err(|source| ImportError::Io { path: std::env::temp_dir(), source })?;
    let path = dir.path().join("secret");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).map_err(|source| ImportError::Io { path: dir.path().to_path_buf(), source })?;
    }
    let mut file = options.open(&path).map_err(|source| ImportError::Io { path: path.clone(), source })?;
    file.write_all(secret.as_bytes()).map_err(|source| ImportError::Io { path: path.clone(), source })?;
    Ok((dir, path))
}
