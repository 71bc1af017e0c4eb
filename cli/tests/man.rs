//! `integrate man`: the manual pages come from the same clap definitions as `--help`, one for
//! integrate and one per subcommand, nested ones included.

mod common;

use common::*;

/// The subcommands `integrate --help` lists.
fn subcommands(dir: &std::path::Path) -> Vec<String> {
    let help = integrate(dir).arg("--help").assert().success().get_output().stdout.clone();
    let help = String::from_utf8(help).unwrap();
    let listed = help.split("Commands:\n").nth(1).unwrap().split("\n\n").next().unwrap();
    listed.lines().filter_map(|l| l.split_whitespace().next()).filter(|c| *c != "help").map(str::to_string).collect()
}

#[test]
fn the_page_of_integrate_lists_every_subcommand() {
    let dir = sample();
    let page = integrate(dir.path()).arg("man").assert().success().get_output().stdout.clone();
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains(".TH integrate 1"), "{page}");
    let subcommands = subcommands(dir.path());
    assert!(subcommands.len() >= 13, "{subcommands:?}");
    for sub in &subcommands {
        assert!(page.contains(&format!("integrate\\-{}(1)", sub.replace('-', "\\-"))), "integrate(1) does not refer to {sub}:\n{page}");
    }
}

#[test]
fn dir_writes_a_page_for_every_subcommand() {
    let dir = sample();
    let man = dir.path().join("man/man1");
    integrate(dir.path()).args(["man", "--dir"]).arg(&man).assert().success();
    let mut expected: Vec<String> = subcommands(dir.path()).iter().map(|s| format!("integrate-{s}.1")).collect();
    expected.extend(["integrate.1", "integrate-account-validate.1", "integrate-account-import.1"].map(String::from));
    expected.sort();
    let mut written: Vec<String> = std::fs::read_dir(&man).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    written.sort();
    assert_eq!(written, expected);
    let check = std::fs::read_to_string(man.join("integrate-check.1")).unwrap();
    assert!(check.contains("\\-\\-severity") && check.contains("Lowest severity that makes check fail"), "{check}");
    let new = std::fs::read_to_string(man.join("integrate-new.1")).unwrap();
    assert!(new.contains("scoped to the region"), "{new}");
}
