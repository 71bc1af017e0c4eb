//! What a child process of integrate must not inherit: this module owns the one rule every
//! place that starts a program (`verify`'s go build, go run and debug CLI, `account import`'s
//! platform client) applies to the child's environment.
//!
//! Removed are every `INTEGRATE_*` variable (the fixed credential variables, the
//! `INTEGRATE_<FIELD>` variables a descriptor's credential fields derive, and integrate's own
//! settings, which no child reads), the variables a caller names (a field whose variable was
//! renamed), and every variable whose value holds a secret in any spelling: the secrets the
//! caller knows and the values of this process's secret credential variables.

use std::ffi::OsString;
use std::process::Command;

use super::scrub::Scrubber;
use super::secret::{ENV_ACCESS_KEY_SECRET, ENV_PASSWORD};

/// The prefix of every variable integrate reads; none of them reaches a child.
pub const ENV_PREFIX: &str = "INTEGRATE_";

/// Whether the variable `name` holds a secret value: the fixed secret variables and the names
/// a secret, password, token or private key goes by.
fn names_a_secret(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    name == ENV_ACCESS_KEY_SECRET
        || name == ENV_PASSWORD
        || ["SECRET", "PASSWORD", "PASSWD", "TOKEN", "PRIVATE_KEY"].iter().any(|w| upper.contains(w))
}

/// The variables of `vars` a child must not inherit, given the names a caller adds
/// (`extra_names`) and the secrets it knows (`known`).
pub(crate) fn removals_from(vars: &[(OsString, OsString)], extra_names: &[String], known: &Scrubber) -> Vec<OsString> {
    let mut scrubber = known.clone();
    for (name, value) in vars {
        let name = name.to_string_lossy();
        let value = value.to_string_lossy();
        let credential = name.starts_with(ENV_PREFIX) || extra_names.iter().any(|n| *n == name);
        if credential && names_a_secret(&name) && !value.is_empty() {
            scrubber.add_secret(&value);
        }
    }
    vars.iter()
        .filter(|(name, value)| {
            let shown = name.to_string_lossy();
            shown.starts_with(ENV_PREFIX) || extra_names.iter().any(|n| *n == shown) || scrubber.holds_secret(&value.to_string_lossy())
        })
        .map(|(name, _)| name.clone())
        .collect()
}

/// Takes every credential variable of this process out of `command`'s environment (see the
/// module's rule). Variables set on `command` afterwards (a deliberately wrong key) stay.
pub(crate) fn strip_credential_env(command: &mut Command, extra_names: &[String], known: &Scrubber) {
    let vars: Vec<(OsString, OsString)> = std::env::vars_os().collect();
    for name in removals_from(&vars, extra_names, known) {
        command.env_remove(name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> Vec<(OsString, OsString)> {
        pairs.iter().map(|(n, v)| (OsString::from(n), OsString::from(v))).collect()
    }

    #[test]
    fn every_integrate_variable_and_every_copy_of_a_secret_is_removed() {
        let env = vars(&[
            ("INTEGRATE_ACCESS_KEY_ID", "AKIAEXAMPLE"),
            ("INTEGRATE_ACCESS_KEY_SECRET", "wJalrXUtnFEMI-secret"),
            ("INTEGRATE_TENANCY_OCID", "ocid1.tenancy"),
            ("OS_PASSWORD", "hunter2-long-pass"),
            ("COPY", "x=wJalrXUtnFEMI-secret"),
            ("PATH", "/usr/bin"),
            ("HOME", "/root"),
        ]);
        let removed = removals_from(&env, &["OS_PASSWORD".into()], &Scrubber::default());
        let removed: Vec<String> = removed.iter().map(|n| n.to_string_lossy().into_owned()).collect();
        assert_eq!(removed, ["INTEGRATE_ACCESS_KEY_ID", "INTEGRATE_ACCESS_KEY_SECRET", "INTEGRATE_TENANCY_OCID", "OS_PASSWORD", "COPY"]);
    }

    #[test]
    fn a_user_name_does_not_take_path_or_home_with_it() {
        let env = vars(&[("INTEGRATE_USERNAME", "root"), ("PATH", "/root/bin"), ("HOME", "/root")]);
        let removed = removals_from(&env, &[], &Scrubber::default());
        assert_eq!(removed, [OsString::from("INTEGRATE_USERNAME")]);
    }
}
