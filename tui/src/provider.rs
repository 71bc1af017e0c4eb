//! One provider as the UI shows it: its descriptor and the state of every registration point
//! of the profile, with the counts the lists and titles print. The loader builds these off the
//! UI thread; the app keeps them and the renderer reads them.

use integrate_codegen::Descriptor;
use integrate_codegen::engine::{PointReport, PointState};

/// One provider: its descriptor and the state of every registration point.
#[derive(Debug, Clone)]
pub struct Provider {
    /// The descriptor as loaded.
    pub descriptor: Descriptor,
    /// One row per point of the profile, in profile order.
    pub reports: Vec<PointReport>,
}

impl Provider {
    /// Counts the points that apply to this provider and are checked (neither n/a, unchecked nor
    /// absent from this version of the tree).
    pub fn applicable(&self) -> usize {
        self.reports
            .iter()
            .filter(|r| {
                !matches!(
                    r.state,
                    PointState::NotApplicable | PointState::NotChecked { .. } | PointState::NotInVersion { .. }
                )
            })
            .count()
    }

    /// Counts the points whose registration is present.
    pub fn present(&self) -> usize {
        self.count(|s| *s == PointState::Present)
    }

    /// Counts the points whose registration is missing.
    pub fn missing(&self) -> usize {
        self.count(|s| *s == PointState::Missing)
    }

    /// Counts the points whose registration differs from what the profile expects.
    pub fn drift(&self) -> usize {
        self.count(|s| matches!(s, PointState::Drift { .. }))
    }

    /// Counts the points that do not apply to this provider.
    pub fn not_applicable(&self) -> usize {
        self.count(|s| *s == PointState::NotApplicable)
    }

    /// Counts the points that were not checked (their root is not configured, for instance).
    pub fn not_checked(&self) -> usize {
        self.count(|s| matches!(s, PointState::NotChecked { .. }))
    }

    fn count(&self, pred: impl Fn(&PointState) -> bool) -> usize {
        self.reports.iter().filter(|r| pred(&r.state)).count()
    }
}
