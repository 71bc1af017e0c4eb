//! What a run reports: the state of each point for each provider ([`PointState`]), the kind of
//! inconsistency a finding is ([`FindingClass`], the rule id in JSON, GitHub and SARIF output),
//! and one row of a provider's checklist ([`PointReport`]).

use std::path::PathBuf;

use serde::Serialize;

use crate::profile::Severity;

/// The state of one point for one provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum PointState {
    Present,
    Missing,
    Drift { message: String },
    /// The descriptor says this point does not apply.
    NotApplicable,
    /// The point's root is not configured, so nothing is known.
    NotChecked { reason: String },
    /// The point does not exist in this version of the tree; the note names the facts that
    /// decided it (`PUBLIC_CLOUD_PROVIDERS` is not declared, the file moved, ...).
    NotInVersion { note: String },
}

/// What kind of inconsistency a finding is; the rule id in JSON, GitHub and SARIF output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingClass {
    /// A registration the descriptor needs is absent.
    Missing,
    /// A registration is present with another value than the descriptor implies.
    Value,
    /// A value differs from the constant's only in case or spelling.
    Spelling,
    /// Only part of a multi-part registration is present.
    Partial,
    /// A registration is present although the descriptor says it does not apply: a
    /// classification mismatch (env lists) or a descriptor field the tree disagrees with.
    NotApplicable,
    /// An entry is listed more than once.
    Duplicate,
    /// A provider defined in the tree has no descriptor.
    NoDescriptor,
    /// A profile consistency rule (`[[checks]]`) is broken.
    Consistency,
    /// The provider exists on one side only: registered with no implementation, or implemented
    /// with no registration (the profile's `[orphans]`).
    Orphan,
}

impl FindingClass {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingClass::Missing => "missing",
            FindingClass::Value => "value",
            FindingClass::Spelling => "spelling",
            FindingClass::Partial => "partial",
            FindingClass::NotApplicable => "not_applicable",
            FindingClass::Duplicate => "duplicate",
            FindingClass::NoDescriptor => "no_descriptor",
            FindingClass::Consistency => "consistency",
            FindingClass::Orphan => "orphan",
        }
    }

    pub const ALL: &'static [FindingClass] = &[
        FindingClass::Missing,
        FindingClass::Value,
        FindingClass::Spelling,
        FindingClass::Partial,
        FindingClass::NotApplicable,
        FindingClass::Duplicate,
        FindingClass::NoDescriptor,
        FindingClass::Consistency,
        FindingClass::Orphan,
    ];

    /// One sentence on what the class means, for SARIF rule descriptions and docs.
    pub fn description(self) -> &'static str {
        match self {
            FindingClass::Missing => "A registration the provider's descriptor needs is absent.",
            FindingClass::Value => "A registration is present with another value than the descriptor implies.",
            FindingClass::Spelling => "A value differs from the constant's value only in case or spelling, so the platform rejects the real name.",
            FindingClass::Partial => "Only part of a multi-part registration is present.",
            FindingClass::NotApplicable => "A registration is present although the descriptor says it does not apply: a classification mismatch or a descriptor field the tree disagrees with.",
            FindingClass::Duplicate => "An entry is listed more than once.",
            FindingClass::NoDescriptor => "A provider defined in the tree has no descriptor.",
            FindingClass::Consistency => "A consistency rule of the platform profile is broken.",
            FindingClass::Orphan => "The provider exists on one side only: registered in the platform with no implementation, or implemented with no registration.",
        }
    }
}

/// One row of a provider's checklist.
#[derive(Debug, Clone, Serialize)]
pub struct PointReport {
    pub provider: String,
    pub point: String,
    pub group: Option<String>,
    pub severity: Severity,
    pub why: String,
    /// What the point registers, in one line.
    pub what: String,
    pub path: PathBuf,
    /// 1-based; for a missing registration, where it would go (0 when there is no line).
    pub line: usize,
    #[serde(flatten)]
    pub state: PointState,
    /// For findings: which kind of inconsistency.
    pub class: Option<FindingClass>,
    /// What `integrate apply` or `check --fix` would do, when the fix is mechanical.
    pub fix: Option<String>,
}

impl PointReport {
    pub fn is_finding(&self) -> bool {
        matches!(self.state, PointState::Missing | PointState::Drift { .. })
    }
}
