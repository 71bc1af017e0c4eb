//! `integrate new` on a real terminal (tmux, 80x24): every descriptor choice the flags offer and
//! the command line left out is asked, an answer with a typo is refused with the reason and
//! asked again, and the descriptor written holds every answer.

mod common;

use common::*;

#[test]
fn new_asks_every_choice_and_asks_again_after_a_typo() {
    let dir = sample();
    let term = Tmux::start(dir.path(), "new mycloud");
    term.wait_for("Brand, the CLOUD_PROVIDER_* value in its exact case (e.g. Mycloud):");
    let answers: &[(&str, &str)] = &[
        ("9Cloud", "invalid brand `9Cloud`"),
        ("MyCloud", "Environment (public, private, onpremise) [private]:"),
        ("privat", "`privat` is not one of: public (A public cloud), private"),
        ("public", "Does it run virtual machines"),
        ("y", "Are its subnets scoped to the region"),
        ("", "Collect its metrics with a cloudmon collector? [y/N]:"),
        ("yes", "Credential an account holds (access-key, user-password) [access-key]:"),
        ("", "Extra account field (none, auth-url, endpoint) [none]:"),
        ("auth-url", "exit=0"),
    ];
    for (answer, next) in answers {
        term.literal(answer);
        term.keys(&["Enter"]);
        term.wait_for(next);
    }
    let d = std::fs::read_to_string(dir.path().join("descriptors/mycloud.toml")).unwrap();
    for line in ["brand = \"MyCloud\"", "env = \"public\"", "vms = true", "regional_network = false", "metrics = true", "kind = \"access_key\"", "endpoint = \"auth_url\""] {
        assert!(d.lines().any(|l| l.split(" #").next().unwrap().trim() == line), "descriptors/mycloud.toml lacks `{line}`:\n{d}");
    }
    integrate(dir.path()).args(["check", "mycloud"]).assert().code(0);
}
