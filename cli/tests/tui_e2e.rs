//! The terminal UI end to end: the real binary runs in tmux at 80x24 on a copy of the sample
//! platform with one registration missing; the test views the checklist, reads the diff,
//! applies it, then validates an account against a local test server implementing HTTP Basic
//! authentication (RFC 7617), types into the form after the verdict, and quits through the
//! discard confirmation, asserting on the captured screens at each step.

mod common;

use common::*;

const KEY_ID: &str = "AKIDTUIEXAMPLE";
const SECRET: &str = "tui-secret-value-0042";

fn basic_auth_server(n: usize) -> String {
    common::basic_auth_server(KEY_ID, SECRET, n)
}

#[test]
fn apply_a_missing_registration_after_reading_the_diff_then_validate_an_account() {
    let dir = sample();
    integrate(dir.path()).args(NEW_TESTCLOUD).assert().success();
    let host_const = dir.path().join("cloudpods/pkg/apis/compute/host_const.go");
    let text = std::fs::read_to_string(&host_const).unwrap();
    std::fs::write(&host_const, text.replace("\tHOST_TYPE_TESTCLOUD,\n", "")).unwrap();
    let endpoint = basic_auth_server(4);
    let descriptor = dir.path().join("descriptors/testcloud.toml");
    let mut d = std::fs::read_to_string(&descriptor).unwrap();
    d.push_str(&format!("\n[validation]\nendpoint = \"{endpoint}\"\nscheme = \"http-basic\"\ninvalid_key_codes = [\"Unauthorized\"]\n"));
    std::fs::write(&descriptor, d).unwrap();

    let tui = Tmux::start(dir.path(), "tui");
    let providers = tui.wait_for("1 missing");
    assert!(providers.contains("testcloud") && providers.contains("TestCloud"), "{providers}");
    assert!(providers.contains("enter checklist"), "the help bar is shown:\n{providers}");

    tui.keys(&["Enter"]);
    tui.wait_for("TestCloud checklist");
    tui.keys(&["m"]);
    let missing = tui.wait_for("1 missing · missing only");
    assert!(missing.contains("cloudpods.host_types"), "{missing}");

    tui.keys(&["a"]);
    // The plan is made behind a progress line; the diff comes with the key that writes it.
    let diff = tui.wait_for("y write");
    assert!(diff.contains("+    HOST_TYPE_TESTCLOUD,") || diff.contains("+\tHOST_TYPE_TESTCLOUD,"), "{diff}");
    assert!(!std::fs::read_to_string(&host_const).unwrap().contains("HOST_TYPE_TESTCLOUD,\n}"), "viewing the diff wrote nothing");

    tui.keys(&["y"]);
    tui.wait_for("Confirm");
    tui.keys(&["y"]);
    let done = tui.wait_for("complete");
    assert!(done.contains("37/37") || done.contains("Nothing is missing"), "{done}");
    assert!(std::fs::read_to_string(&host_const).unwrap().contains("\tHOST_TYPE_TESTCLOUD,\n"), "apply wrote the registration");

    tui.keys(&["v"]);
    tui.wait_for("Access key id");
    tui.literal(KEY_ID);
    tui.keys(&["Tab"]);
    tui.literal(&format!("wrong-{SECRET}"));
    let form = tui.screen();
    assert!(!form.contains(SECRET), "the secret is masked:\n{form}");
    tui.keys(&["Enter"]);
    let rejected = tui.wait_for("✘ INVALID ACCESS KEY");
    assert!(rejected.contains("HTTP 401"), "{rejected}");

    // The form keeps the keys after the verdict: the secret is typed again right away.
    tui.keys(&["C-u"]);
    tui.literal(SECRET);
    tui.keys(&["Enter"]);
    let valid = tui.wait_for("✔");
    assert!(valid.contains("HTTP 200") && !valid.contains("INVALID"), "{valid}");
    assert!(!valid.contains(SECRET), "the secret never shows:\n{valid}");

    // Letters that are commands elsewhere are typed here, and nothing quits or leaves
    // without asking while the form holds what was typed.
    let masked = |n: usize| format!("Access key secret  {}", "•".repeat(n));
    tui.literal("qv");
    tui.wait_for(&masked(SECRET.len() + 2));
    tui.keys(&["Escape"]);
    let asked = tui.wait_for("Leave the account form?");
    assert!(asked.contains("y yes, discard"), "{asked}");
    tui.keys(&["n"]);
    tui.wait_for(&masked(SECRET.len() + 2));
    tui.keys(&["C-c"]);
    tui.wait_for("Quit integrate?");
    tui.keys(&["y"]);
    let quit = tui.wait_for("exit=");
    assert!(quit.contains("exit=0"), "{quit}");
}
