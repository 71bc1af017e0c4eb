//! Write safety of the real binary on copies of the sample platform: `apply` killed with
//! SIGKILL at moments spread over its run leaves, once the next command has run, every file
//! all old or all new, no staged file, journal or lock file, and a workspace the next apply
//! works in; a symbolic link to a target stays a link; a FIFO in a target's place is refused
//! instead of hanging apply.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;

/// A copy of the sample with the testcloud descriptor in place, and the tree as a complete
/// apply of it leaves it.
fn sample_with_descriptor() -> (tempfile::TempDir, Snapshot) {
    let done = sample();
    integrate(done.path()).args(NEW_TESTCLOUD).assert().success();
    let template = sample();
    std::fs::copy(done.path().join("descriptors/testcloud.toml"), template.path().join("descriptors/testcloud.toml")).unwrap();
    (template, snapshot(done.path()))
}

type Snapshot = std::collections::BTreeMap<std::path::PathBuf, (Vec<u8>, u32)>;

fn apply_binary(dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_integrate"));
    cmd.arg("apply").current_dir(dir).stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null());
    cmd
}

#[test]
fn apply_killed_at_any_moment_leaves_every_file_all_old_or_all_new() {
    let (template, new) = sample_with_descriptor();
    let old = snapshot(template.path());
    // How long an apply takes here, so that the kills spread over the whole run.
    let timing = tempfile::tempdir().unwrap();
    copy_tree(template.path(), timing.path());
    let started = Instant::now();
    assert!(apply_binary(timing.path()).status().unwrap().success());
    let run = started.elapsed();
    assert_eq!(snapshot(timing.path()), new, "an apply that is not killed writes everything");

    const KILLS: u32 = 20;
    let (mut found_old, mut found_new, mut recovered) = (0, 0, 0);
    for i in 0..KILLS {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(template.path(), dir.path());
        // Kill moments from the start of the run to a little past its usual end, denser near
        // the end, where the commit is.
        let at = run.mul_f64((f64::from(i) / f64::from(KILLS)).sqrt() * 1.1);
        let mut child = apply_binary(dir.path()).spawn().unwrap();
        std::thread::sleep(at);
        let _ = child.kill();
        child.wait().unwrap();
        // The next command, whatever it is (here the quickest, docs), first finishes what the
        // killed one left.
        let next = integrate(dir.path()).arg("docs").assert().success().get_output().stderr.clone();
        let next = String::from_utf8_lossy(&next);
        let recovering = next.contains("interrupted commit");
        recovered += usize::from(recovering);
        let now = snapshot(dir.path());
        if now == old {
            found_old += 1;
        } else if now == new {
            found_new += 1;
        } else {
            panic!("kill {i} after {at:?}: neither all old nor all new; differs from old in {:?} and from new in {:?}", changed(&old, &now), changed(&new, &now));
        }
        // And the workspace works: apply completes the tree (checked after every recovered
        // commit and every third kill, to keep the test short).
        if recovering || i % 3 == 0 {
            integrate(dir.path()).arg("apply").assert().success();
            assert_eq!(snapshot(dir.path()), new, "kill {i}: the apply after it");
        }
    }
    eprintln!("{KILLS} kills over a {run:?} apply: {found_old} all old, {found_new} all new, {recovered} interrupted commit(s) recovered");
}

#[test]
fn a_symlinked_target_stays_a_link_to_the_edited_file() {
    let dir = sample();
    let rel = "cloudpods/pkg/apis/compute/cloudaccount_const.go";
    let moved = "cloudpods/pkg/apis/compute/real_cloudaccount_const.go";
    std::fs::rename(dir.path().join(rel), dir.path().join(moved)).unwrap();
    std::os::unix::fs::symlink("real_cloudaccount_const.go", dir.path().join(rel)).unwrap();
    integrate(dir.path()).args(NEW_TESTCLOUD).assert().success();
    let link = std::fs::symlink_metadata(dir.path().join(rel)).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still a link");
    assert_eq!(std::fs::read_link(dir.path().join(rel)).unwrap(), Path::new("real_cloudaccount_const.go"));
    let edited = std::fs::read_to_string(dir.path().join(moved)).unwrap();
    assert!(edited.contains("CLOUD_PROVIDER_TESTCLOUD"), "the file it leads to holds the registration");
    integrate(dir.path()).args(["check", "testcloud"]).assert().code(0);
    integrate(dir.path()).args(["remove", "testcloud"]).assert().success();
    assert!(std::fs::symlink_metadata(dir.path().join(rel)).unwrap().file_type().is_symlink());
}

#[test]
fn a_fifo_in_place_of_a_target_is_refused_without_hanging() {
    let dir = sample();
    let rel = "cloudpods/pkg/apis/compute/cloudaccount_const.go";
    std::fs::remove_file(dir.path().join(rel)).unwrap();
    let status = std::process::Command::new("mkfifo").arg(dir.path().join(rel)).status().unwrap();
    assert!(status.success());
    let before = snapshot_without(dir.path(), rel);
    for args in [NEW_TESTCLOUD, &["check", "--all"][..]] {
        let out = integrate(dir.path()).args(args).timeout(Duration::from_secs(60)).assert().code(2).get_output().stderr.clone();
        let err = String::from_utf8_lossy(&out);
        assert!(err.contains(&format!("{rel}: not a regular file but a FIFO")), "{args:?}: {err}");
        assert_eq!(changed(&before, &snapshot_without(dir.path(), rel)), Vec::<std::path::PathBuf>::new(), "{args:?}");
    }
}

/// [`snapshot`] of `dir` without the FIFO at `rel`, which it cannot read: the FIFO is moved
/// out of the tree meanwhile.
fn snapshot_without(dir: &Path, rel: &str) -> Snapshot {
    let fifo = dir.join(rel);
    let parking = tempfile::tempdir().unwrap();
    let parked = parking.path().join("fifo");
    std::fs::rename(&fifo, &parked).unwrap();
    let snap = snapshot(dir);
    std::fs::rename(&parked, &fifo).unwrap();
    snap
}
