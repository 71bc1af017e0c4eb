//! Failpoint tests of the commit: stopped as a kill would stop it at every point (after the
//! k-th staged file, after the k-th rename, in the middle of a rollback), the next run's
//! recovery must leave every file all old or all new, with nothing else left behind, and the
//! commit must then go through.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;

use super::*;

/// A workspace directory and, beside it (never inside), a tree with the files a commit edits.
struct Fixture {
    _dir: tempfile::TempDir,
    ws: PathBuf,
    tree: PathBuf,
    changes: Vec<FileChange>,
}

const OLD_A: &str = "package a // old\n";
const OLD_C: &str = "package c // old\n";
const OLD_D: &str = "package gen // generated, removed by the commit\n";
const OLD_E: &str = "package e // old, reached through a link\n";

fn change(path: PathBuf, before: Option<&str>, after: Option<&str>, mode: Option<u32>) -> FileChange {
    FileChange { display: path.file_name().map(PathBuf::from).unwrap_or_default(), path, before: before.map(str::to_string), after: after.map(str::to_string), mode, points: vec![] }
}

/// Five changes of every sort: a replaced executable file, a created file in new directories,
/// a replaced file, a deleted file whose directory goes with it, and a file edited through a
/// symbolic link.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let tree = dir.path().join("tree");
    std::fs::create_dir_all(&ws).unwrap();
    std::fs::create_dir_all(tree.join("gen")).unwrap();
    std::fs::write(tree.join("a.go"), OLD_A).unwrap();
    std::fs::set_permissions(tree.join("a.go"), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(tree.join("c.go"), OLD_C).unwrap();
    std::fs::write(tree.join("gen/d.go"), OLD_D).unwrap();
    std::fs::write(tree.join("real_e.go"), OLD_E).unwrap();
    std::os::unix::fs::symlink("real_e.go", tree.join("e.go")).unwrap();
    let changes = vec![
        change(tree.join("a.go"), Some(OLD_A), Some("package a // new\n"), Some(0o100755)),
        change(tree.join("new/dir/b.go"), None, Some("package b // new\n"), None),
        change(tree.join("c.go"), Some(OLD_C), Some("package c // new\n"), Some(0o100644)),
        change(tree.join("gen/d.go"), Some(OLD_D), None, Some(0o100644)),
        change(tree.join("e.go"), Some(OLD_E), Some("package e // new\n"), Some(0o100644)),
    ];
    Fixture { _dir: dir, ws, tree, changes }
}

/// Every entry below `dir`: files with their content, links with where they point, directories
/// (as "<dir>"), and the mode of a.go.
fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(dir).unwrap().display().to_string();
        let kind = entry.path_is_symlink();
        let value = if kind {
            format!("-> {}", std::fs::read_link(entry.path()).unwrap().display())
        } else if entry.file_type().is_dir() {
            "<dir>".into()
        } else if !entry.file_type().is_file() {
            "<special>".into()
        } else {
            let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
            format!("{:o} {}", mode, std::fs::read_to_string(entry.path()).unwrap())
        };
        out.insert(rel, value);
    }
    out
}

/// What the tree holds after the commit went through.
fn all_new() -> BTreeMap<String, String> {
    let f = fixture();
    write_all(&f.ws, &f.changes).unwrap();
    let snap = snapshot(&f.tree);
    assert_eq!(snap["a.go"], "755 package a // new\n", "the mode is kept");
    assert_eq!(snap["e.go"], "-> real_e.go", "the link stays a link");
    assert_eq!(snap["real_e.go"], "644 package e // new\n", "the file it leads to is edited");
    assert!(!snap.contains_key("gen"), "the emptied directory goes: {snap:?}");
    assert_eq!(snapshot(&f.ws), BTreeMap::new(), "no lock, no journal left");
    snap
}

/// Every point of a commit of the fixture, in order.
/// `recover` as the next run sees it once the killed commit's lock is free. Other tests of this
/// process spawn children; between fork and exec a child holds a copy of every open descriptor,
/// the lock's included, so for that instant the lock still looks held and `recover` rightly
/// leaves the workspace alone. A new run would find it free a moment later; so does this.
fn recover_when_free(ws: &std::path::Path) -> Option<Recovery> {
    for _ in 0..100 {
        if let Some(r) = recover(ws).unwrap() {
            return Some(r);
        }
        if !ws.join(JOURNAL_DIR).exists() && !ws.join(LOCK_FILE).exists() {
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    None
}

fn points(n: usize) -> Vec<Point> {
    let mut v = vec![Point::Prepared];
    v.extend((0..n).map(Point::Staged));
    v.push(Point::Committing);
    for k in 0..n {
        v.push(Point::BeforeRename(k));
        v.push(Point::Renamed(k));
    }
    v
}

#[test]
fn a_commit_killed_at_any_point_is_completed_or_rolled_back_by_the_next_run() {
    let new = all_new();
    let old = snapshot(&fixture().tree);
    let n = fixture().changes.len();
    for (i, stop) in points(n).into_iter().enumerate() {
        let f = fixture();
        let err = write_all_with(&f.ws, &f.changes, &mut |p| if p == stop { Step::Crash } else { Step::Go }).unwrap_err();
        assert!(is_crash(&err), "{stop:?}: {err}");
        assert!(f.ws.join(JOURNAL_DIR).exists(), "{stop:?}: a killed commit leaves its journal");
        assert!(f.ws.join(LOCK_FILE).exists(), "{stop:?}: and its lock file");
        let recovery = recover_when_free(&f.ws).unwrap_or_else(|| panic!("{stop:?}: nothing recovered"));
        let committed = i > points(n).iter().position(|p| *p == Point::Committing).unwrap() - 1;
        let (want, outcome) = if committed { (&new, Outcome::Completed) } else { (&old, Outcome::RolledBack) };
        assert_eq!(recovery.outcome, outcome, "{stop:?}: {recovery}");
        assert!(recovery.conflicts.is_empty(), "{stop:?}: {recovery}");
        assert_eq!(&snapshot(&f.tree), want, "{stop:?}: every file all old or all new, no staged file left");
        assert_eq!(snapshot(&f.ws), BTreeMap::new(), "{stop:?}: no journal, no lock left");
        assert_eq!(recover(&f.ws).unwrap(), None, "{stop:?}: recovered once");
        // The next run works: from where recovery left the tree, the same commit (or, when it
        // was completed, the one that would undo it) goes through.
        if !committed {
            write_all(&f.ws, &f.changes).unwrap();
            assert_eq!(snapshot(&f.tree), new, "{stop:?}");
        }
    }
}

#[test]
fn a_journal_update_killed_before_its_rename_is_recovered() {
    // Killed between writing journal.json.tmp (the `committing` state) and renaming it: the
    // journal still says `prepared`, and the recovery's own update must not trip on the
    // temporary file.
    let old = snapshot(&fixture().tree);
    let f = fixture();
    let journal = f.ws.join(JOURNAL_DIR);
    let _ = write_all_with(&f.ws, &f.changes, &mut |p| {
        if p == Point::Staged(4) {
            std::fs::write(journal.join("journal.json.tmp"), "{\"half\": ").unwrap();
            return Step::Crash;
        }
        Step::Go
    });
    assert_eq!(recover_when_free(&f.ws).unwrap().outcome, Outcome::RolledBack);
    assert_eq!(snapshot(&f.tree), old);
    assert_eq!(snapshot(&f.ws), BTreeMap::new());
}

#[test]
fn the_recovery_message_says_what_was_done() {
    let f = fixture();
    let _ = write_all_with(&f.ws, &f.changes, &mut |p| if p == Point::Renamed(2) { Step::Crash } else { Step::Go });
    assert_eq!(recover_when_free(&f.ws).unwrap().to_string(), "completed an interrupted commit: 5 file(s) written");
    let f = fixture();
    let _ = write_all_with(&f.ws, &f.changes, &mut |p| if p == Point::Staged(2) { Step::Crash } else { Step::Go });
    assert_eq!(recover_when_free(&f.ws).unwrap().to_string(), "rolled back an interrupted commit: 5 file(s) as they were before it");
}

#[test]
fn a_target_saved_by_another_program_before_its_rename_aborts_and_rolls_back() {
    // Issue 13: a file saved between plan and rename was silently overwritten.
    let old = snapshot(&fixture().tree);
    for (k, name) in [(0, "a.go"), (2, "c.go"), (3, "gen/d.go"), (4, "real_e.go")] {
        let f = fixture();
        let edited = f.tree.join(name);
        let err = write_all_with(&f.ws, &f.changes, &mut |p| {
            if p == Point::BeforeRename(k) {
                std::fs::write(&edited, "// saved by an editor\n").unwrap();
            }
            Step::Go
        })
        .unwrap_err()
        .to_string();
        assert!(err.contains("the file changed on disk while integrate was writing; nothing was written"), "{name}: {err}");
        let mut want = old.clone();
        want.insert(name.into(), format!("{} // saved by an editor\n", &want[name][..3]));
        assert_eq!(snapshot(&f.tree), want, "{name}: the other program's save is kept, every other file is old");
        assert_eq!(snapshot(&f.ws), BTreeMap::new(), "{name}");
    }
}

#[test]
fn a_file_changed_since_the_plan_stops_everything_before_anything_is_written() {
    let f = fixture();
    std::fs::write(f.tree.join("c.go"), "edited meanwhile").unwrap();
    let before = snapshot(&f.tree);
    let err = write_all(&f.ws, &f.changes).unwrap_err().to_string();
    assert!(err.contains("c.go: the file changed on disk after the plan was made"), "{err}");
    assert_eq!(snapshot(&f.tree), before);
    assert_eq!(snapshot(&f.ws), BTreeMap::new());
}

#[test]
fn a_failed_rename_restores_every_file_and_removes_new_ones() {
    let old = snapshot(&fixture().tree);
    let f = fixture();
    let tree = f.tree.clone();
    let err = write_all_with(&f.ws, &f.changes, &mut |p| {
        if p == Point::BeforeRename(2) {
            // The staged c.go disappears: its rename fails.
            for e in std::fs::read_dir(&tree).unwrap() {
                let e = e.unwrap();
                if e.file_name().to_string_lossy().ends_with("-c.go") {
                    std::fs::remove_file(e.path()).unwrap();
                }
            }
        }
        Step::Go
    })
    .unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err}");
    assert_eq!(snapshot(&f.tree), old, "a.go and b.go, already renamed, are undone; new/dir is gone");
    assert_eq!(snapshot(&f.ws), BTreeMap::new());
}

#[test]
fn a_rollback_killed_part_way_is_finished_by_the_next_run() {
    let old = snapshot(&fixture().tree);
    for k in 0..5 {
        let f = fixture();
        let _ = write_all_with(&f.ws, &f.changes, &mut |p| match p {
            Point::BeforeRename(3) => {
                // d.go changes, so the commit rolls back the three files renamed so far ...
                std::fs::write(f.tree.join("gen/d.go"), OLD_D.replace("generated", "edited")).unwrap();
                Step::Go
            }
            // ... and is killed in the middle of that.
            Point::Restored(r) if r == k => Step::Crash,
            _ => Step::Go,
        });
        let recovery = recover_when_free(&f.ws).unwrap();
        assert_eq!(recovery.outcome, Outcome::RolledBack, "{k}: {recovery}");
        assert_eq!(recovery.conflicts, vec![PathBuf::from("d.go")], "{k}: the edited file is named and left alone");
        let mut want = old.clone();
        want.insert("gen/d.go".into(), format!("644 {}", OLD_D.replace("generated", "edited")));
        assert_eq!(snapshot(&f.tree), want, "{k}");
        assert_eq!(snapshot(&f.ws), BTreeMap::new(), "{k}");
    }
}

#[test]
fn a_fifo_or_a_dangling_link_as_a_target_is_refused_before_anything_is_written() {
    let f = fixture();
    let fifo = f.tree.join("fifo.go");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    std::os::unix::fs::symlink("missing.go", f.tree.join("dangling.go")).unwrap();
    let before = snapshot(&f.tree);
    for (name, refusal) in [("fifo.go", "not a regular file but a FIFO"), ("dangling.go", "is a symbolic link to a missing file")] {
        let mut changes = f.changes.clone();
        changes.push(change(f.tree.join(name), None, Some("package x\n"), None));
        let err = write_all(&f.ws, &changes).unwrap_err().to_string();
        assert!(err.contains(&format!("{name}: {refusal}")), "{err}");
        assert_eq!(snapshot(&f.tree), before, "{name}");
    }
}
