//! Check parses only the top-level Go declarations that mention what a point looks for (the
//! Go back end's outline); parsing every file whole is the reference. These tests hold the
//! partial parse to the reference's reports, byte for byte as JSON, on the bundled sample
//! platform with a descriptor for every provider discover finds, and on a copy where the
//! registrations of one provider are taken out line by line, so the missing and drift paths
//! (insertion lines, anchors found again) are compared too. apply and remove plan through the
//! same partial parse, also of the texts their own edits produce, so their plans (every report
//! and every changed file, byte for byte) are held to the reference as well. They also pin down
//! what the partial parse still refuses.

use std::path::{Path, PathBuf};

mod common;

use common::{copy_tree, example};
use integrate_codegen::engine::Run;
use integrate_codegen::{Descriptor, Workspace, WorkspaceOptions, discover};

/// Every file below `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
    }
    out
}

/// The workspace with one descriptor per provider discover finds in it.
fn workspace_with_discovered(dir: &Path) -> (Workspace, Vec<Descriptor>) {
    let ws = Workspace::open(dir, &WorkspaceOptions::default()).unwrap();
    let descriptors: Vec<Descriptor> = discover::discover(&ws, false).unwrap().iter().map(|d| Descriptor::parse(&d.path, &d.text).unwrap()).collect();
    assert!(descriptors.len() >= 10, "discover found {} providers", descriptors.len());
    (ws, descriptors)
}

/// A check run's reports as JSON, or its error as text.
fn check(run: &Run, descriptors: &[Descriptor]) -> String {
    match run.check(descriptors) {
        Ok(reports) => serde_json::to_string_pretty(&reports).unwrap(),
        Err(e) => format!("error: {e}"),
    }
}

fn assert_same_as_whole_files(dir: &Path) -> String {
    let (ws, descriptors) = workspace_with_discovered(dir);
    let partial = check(&Run::new(&ws), &descriptors);
    let whole = check(&Run::parsing_whole_files(&ws), &descriptors);
    assert!(!whole.starts_with("error"), "{whole}");
    if partial != whole {
        let diff = similar::TextDiff::from_lines(&whole, &partial).unified_diff().header("whole files", "partial").to_string();
        panic!("partial parsing changed the reports:\n{diff}");
    }
    partial
}

#[test]
fn reports_match_whole_file_parsing_on_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&example("sample-platform"), dir.path());
    let reports = assert_same_as_whole_files(dir.path());
    assert!(reports.contains("\"state\": \"present\""), "nothing present: the comparison would prove little");
}

#[test]
fn reports_match_whole_file_parsing_with_a_provider_taken_out() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&example("sample-platform"), dir.path());
    // Every bracket-free line naming AWS in cloudpods goes: list elements, map entries, const
    // specs, case values, struct fields with choices tags. The files stay valid Go.
    let mut removed = 0;
    for path in walk(&dir.path().join("cloudpods")).into_iter().filter(|p| p.extension().is_some_and(|e| e == "go")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let kept: Vec<&str> = text
            .split_inclusive('\n')
            .filter(|l| {
                let drop = l.contains("AWS") && !l.contains(['{', '}', '(', ')']) && !l.trim_start().starts_with("//");
                removed += usize::from(drop);
                !drop
            })
            .collect();
        std::fs::write(&path, kept.concat()).unwrap();
    }
    assert!(removed >= 5, "only {removed} lines removed");
    let reports = assert_same_as_whole_files(dir.path());
    assert!(reports.contains("\"state\": \"missing\""), "nothing missing after taking AWS out");
}

/// A plan as JSON (reports, changes with their texts, kept and read-only notes), or the error.
fn plan(result: integrate_codegen::Result<integrate_codegen::Plan>) -> String {
    match result {
        Ok(plan) => serde_json::to_string_pretty(&plan).unwrap(),
        Err(e) => format!("error: {e}"),
    }
}

fn assert_same_plan(what: &str, partial: String, whole: String) {
    assert!(!whole.starts_with("error"), "{what}: {whole}");
    if partial != whole {
        let diff = similar::TextDiff::from_lines(&whole, &partial).unified_diff().header("whole files", "partial").to_string();
        panic!("partial parsing changed the {what} plan:\n{diff}");
    }
}

#[test]
fn apply_and_remove_plan_what_whole_file_parsing_plans() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&example("sample-platform"), dir.path());
    let (ws, descriptors) = workspace_with_discovered(dir.path());
    // Remove every provider (discovered, so adopted): the later ones are taken out of texts the earlier removals edited.
    let partial = plan(Run::new(&ws).plan_remove(&descriptors, false, true));
    let whole = plan(Run::parsing_whole_files(&ws).plan_remove(&descriptors, false, true));
    assert_same_plan("remove", partial.clone(), whole);
    assert!(partial.matches("\"before\"").count() >= 5, "remove changed too few files to prove much");

    // Take every other provider out for real (those left keep the anchors: each family of
    // constants, each literal keeps a member), then apply them all back: every insertion after
    // the first into a file looks at a text an earlier insertion made.
    let every_other: Vec<Descriptor> = descriptors.iter().skip(1).step_by(2).cloned().collect();
    Run::new(&ws).plan_remove(&every_other, false, true).unwrap().commit(&ws).unwrap();
    let partial = plan(Run::new(&ws).plan_apply(&descriptors));
    let whole = plan(Run::parsing_whole_files(&ws).plan_apply(&descriptors));
    assert_same_plan("apply", partial.clone(), whole);
    assert!(partial.matches("\"state\": \"missing\"").count() >= 20, "apply added too little to prove much");
}

#[test]
fn still_refuses_an_unclosed_bracket_anywhere_and_a_broken_declaration_it_reads() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&example("sample-platform"), dir.path());
    let (ws, descriptors) = workspace_with_discovered(dir.path());
    let file = dir.path().join("cloudpods/pkg/compute/models/guest_actions.go");
    let original = std::fs::read_to_string(&file).unwrap();

    // A function no point reads, left open: the outline finds the bracket that never closes.
    std::fs::write(&file, format!("{original}\nfunc unrelated() {{\n")).unwrap();
    let error = check(&Run::new(&ws), &descriptors);
    assert!(error.contains("guest_actions.go:") && error.contains("not valid Go") && error.contains("never closed"), "{error}");

    // A syntax error inside the declaration a point reads.
    let broken = original.replacen("supportInstanceSnapshotHypervisors = []string{", "supportInstanceSnapshotHypervisors = []string{ 1 +,", 1);
    assert_ne!(broken, original, "the sample declares supportInstanceSnapshotHypervisors");
    std::fs::write(&file, broken).unwrap();
    let error = check(&Run::new(&ws), &descriptors);
    assert!(error.contains("guest_actions.go:") && error.contains("not valid Go"), "{error}");
}
