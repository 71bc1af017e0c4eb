//! Line endings, a missing final newline and file modes survive apply and remove.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::*;

#[test]
fn crlf_files_and_modes_are_kept() {
    let dir = sample();
    let host = dir.path().join("cloudpods/pkg/apis/compute/host_const.go");
    let crlf = std::fs::read_to_string(&host).unwrap().replace('\n', "\r\n");
    std::fs::write(&host, crlf).unwrap();
    let guest = dir.path().join("cloudpods/pkg/apis/compute/guest_const.go");
    std::fs::set_permissions(&guest, std::fs::Permissions::from_mode(0o755)).unwrap();
    let before = snapshot(dir.path());

    integrate(dir.path()).args(NEW_TESTCLOUD).assert().success();
    let text = std::fs::read_to_string(&host).unwrap();
    assert!(text.contains("HOST_TYPE_TESTCLOUD"));
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count(), "a bare LF was written into a CRLF file");
    assert_eq!(std::fs::metadata(&guest).unwrap().permissions().mode() & 0o777, 0o755);

    integrate(dir.path()).args(["apply", "--dry-run"]).assert().success().stdout("apply: nothing to do\n");
    integrate(dir.path()).args(["remove", "testcloud"]).assert().success();
    assert!(changed(&before, &snapshot(dir.path())).is_empty());
}

#[test]
fn a_missing_final_newline_stays_missing() {
    let dir = sample();
    let path = dir.path().join("cloudmux/pkg/apis/compute/host_const.go");
    let trimmed = std::fs::read_to_string(&path).unwrap().trim_end_matches('\n').to_string();
    std::fs::write(&path, &trimmed).unwrap();
    integrate(dir.path()).args(NEW_TESTCLOUD).assert().success();
    assert!(!std::fs::read_to_string(&path).unwrap().ends_with('\n'));
    integrate(dir.path()).args(["remove", "testcloud"]).assert().success();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), trimmed);
}
