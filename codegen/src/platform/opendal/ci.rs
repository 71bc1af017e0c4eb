//! .github/scripts/test_behavior/plan.py turns every `.github/services/<service>/<setup>/`
//! folder into a behaviour-test job built with `services-<service with - for _>`; a folder
//! whose feature the facade does not define gives a job that cannot build.

use super::tree::Tree;
use crate::backend::CheckFinding;

pub fn run(tree: &Tree<'_>) -> Vec<CheckFinding> {
    let features = tree.core_features();
    let mut folders: Vec<String> = tree.glob(".github/services/*/*/action.yml").into_iter().filter_map(|rel| rel.split('/').nth(2).map(str::to_string)).collect();
    folders.dedup();
    folders
        .into_iter()
        .filter(|f| !features.contains_key(&format!("services-{}", f.replace('_', "-"))))
        .map(|f| {
            let rel = format!(".github/services/{f}");
            tree.finding(&rel, 0, format!("plan.py builds this folder's jobs with services-{}, which core/Cargo.toml does not define: the jobs cannot build", f.replace('_', "-")), Some("name the folder after the service's feature (with _ for -)".into()))
        })
        .collect()
}
