//! What a profile declares in `[[verify]]`: the steps `integrate verify` runs to prove an
//! integration works ([`crate::verify`] runs them).

use std::collections::BTreeMap;

use serde::Deserialize;

/// One step of a profile's `[[verify]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyStep {
    pub name: String,
    /// The root the command runs in.
    pub root: String,
    /// The command and its arguments (templates). An argument `@touched` expands to the
    /// package directories (`./pkg/...`) of the files the profile's points edit in this root.
    #[serde(default)]
    pub command: Vec<String>,
    /// Environment for the command (names and values are templates).
    #[serde(default)]
    pub env: BTreeMap<String, String>,
    /// `true` when the step passes only if the command fails (a wrong key must be refused).
    #[serde(default)]
    pub expect_failure: bool,
    /// A regular expression the command's combined output must match.
    pub expect_output: Option<String>,
    /// A throw-away program written before the command and always removed after it.
    pub program: Option<ProgramSpec>,
    /// Copies packages of this step's root into another root's vendor/ as `go mod vendor` would.
    pub vendor_sync: Option<VendorSync>,
    /// A condition over the descriptor, like a point's `when`.
    pub when: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramSpec {
    /// Directory of the program inside the root (a template); must not exist beforehand.
    pub dir: String,
    /// Template of its main.go.
    pub template: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VendorSync {
    /// The root whose vendor/ receives the packages.
    pub into: String,
    /// The Go module path of this step's root, as modules.txt names it.
    pub module: String,
    /// Packages (paths inside the module, templates) to add when they are not vendored yet.
    #[serde(default)]
    pub new_packages: Vec<String>,
}
