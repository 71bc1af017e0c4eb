//! Names a plan would declare twice in one Go package. Go refuses a package-level name declared
//! twice across a package's files, so before apply writes anything, every name an edited or new
//! Go file gains is looked for in the rest of its package: the same file, the package's other
//! staged files, and its files on disk (those with the same package clause, `_test.go` files
//! included, files that a build constraint leaves out of every build not). A name found
//! there makes the plan refused, naming both places: the descriptor was accepted but its
//! registration would not build. Likewise a new file whose package clause differs from the
//! Go files already in its directory (Go builds one package per directory).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::backend::go::constraint;
use crate::backend::go::declarations::{self, Declared};
use crate::backend::go::syntax;
use crate::files::FileStore;

/// A staged Go file as the check sees it.
pub(super) struct StagedGo<'a> {
    pub(super) path: &'a Path,
    pub(super) display: &'a Path,
    pub(super) before: Option<&'a str>,
    pub(super) after: &'a str,
}

/// A name a staged file adds that its package already declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Redeclaration {
    /// The staged file that adds it, as shown, and the line of the added name.
    pub(super) path: PathBuf,
    pub(super) display: PathBuf,
    pub(super) line: usize,
    pub(super) name: String,
    /// Where the package already declares it, as shown, 1-based line.
    pub(super) other: PathBuf,
    pub(super) other_line: usize,
}

/// Every name the staged files add that their package declares elsewhere. `staged` holds every
/// staged file of the plan (Go files only); other files of a package are read through `files`.
pub(super) fn redeclarations(staged: &[StagedGo<'_>], files: &FileStore, display: &dyn Fn(&Path) -> PathBuf) -> Vec<Redeclaration> {
    let by_path: BTreeMap<&Path, &StagedGo<'_>> = staged.iter().map(|s| (s.path, s)).collect();
    let mut out = Vec::new();
    for file in staged {
        if constraint::exclusion(file.after).is_some() {
            continue;
        }
        let tree = syntax::parse(file.after);
        if syntax::first_error(&tree).is_some() {
            // The plan is refused for the syntax error; names of a broken file mean nothing.
            continue;
        }
        let all = declarations::declared(&tree, file.after);
        let added = declarations::added(file.before, file.after, &all);
        if added.is_empty() {
            continue;
        }
        let package = declarations::package_name(file.after);
        for name in &added {
            if let Some(first) = all.iter().find(|d| d.name == name.name && d.line != name.line) {
                out.push(found(file, name, file.display.to_path_buf(), first));
            }
        }
        let Some(dir) = file.path.parent() else {
            continue;
        };
        for other in package_files(dir, file.path, &by_path) {
            let Some(text) = current_text(&other, &by_path, files) else { continue };
            if !added.iter().any(|n| text.contains(n.name.as_str()))
                || constraint::exclusion(&text).is_some()
                || declarations::package_name(&text) != package
            {
                continue;
            }
            let tree = syntax::parse(&text);
            let theirs = declarations::declared(&tree, &text);
            for name in &added {
                if let Some(d) = theirs.iter().find(|d| d.name == name.name) {
                    out.push(found(file, name, display(&other), d));
                }
            }
        }
    }
    out
}

fn found(file: &StagedGo<'_>, name: &Declared, other: PathBuf, at: &Declared) -> Redeclaration {
    Redeclaration { path: file.path.to_path_buf(), display: file.display.to_path_buf(), line: name.line, name: name.name.clone(), other, other_line: at.line }
}

/// The text of `path` as the plan would leave it: staged, or as the run's store read it.
fn current_text(path: &Path, staged: &BTreeMap<&Path, &StagedGo<'_>>, files: &FileStore) -> Option<String> {
    match staged.get(path) {
        Some(s) => Some(s.after.to_string()),
        None => files.source(path).ok().and_then(|s| s.normalized().map(str::to_string)),
    }
}

/// The `.go` files of `dir` other than `own`, on disk and staged, sorted.
fn package_files(dir: &Path, own: &Path, staged: &BTreeMap<&Path, &StagedGo<'_>>) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "go") && p.is_file()).collect())
        .unwrap_or_default();
    out.extend(staged.keys().filter(|p| p.parent() == Some(dir)).map(|p| p.to_path_buf()));
    out.sort();
    out.dedup();
    out.retain(|p| p != own);
    out
}

/// A new Go file whose package clause is not the one of the Go files already in its directory:
/// Go builds one package per directory ("found packages a and b").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ForeignPackage {
    pub(super) path: PathBuf,
    pub(super) display: PathBuf,
    pub(super) package: String,
    /// A file of the directory and the package it declares, as shown.
    pub(super) other: PathBuf,
    pub(super) other_package: String,
}

/// Every new staged file (no `before`) whose directory holds Go files of another package;
/// `_test` packages and files no build compiles are left out on both sides.
pub(super) fn foreign_packages(staged: &[StagedGo<'_>], files: &FileStore, display: &dyn Fn(&Path) -> PathBuf) -> Vec<ForeignPackage> {
    let by_path: BTreeMap<&Path, &StagedGo<'_>> = staged.iter().map(|s| (s.path, s)).collect();
    let mut out = Vec::new();
    for file in staged.iter().filter(|s| s.before.is_none()) {
        let Some(package) = declarations::package_name(file.after).filter(|p| !p.ends_with("_test")) else { continue };
        if constraint::exclusion(file.after).is_some() {
            continue;
        }
        let Some(dir) = file.path.parent() else { continue };
        for other in package_files(dir, file.path, &by_path) {
            let Some(text) = current_text(&other, &by_path, files) else { continue };
            let Some(theirs) = declarations::package_name(&text) else { continue };
            if theirs != package && !theirs.ends_with("_test") && constraint::exclusion(&text).is_none() {
                out.push(ForeignPackage {
                    path: file.path.to_path_buf(),
                    display: file.display.to_path_buf(),
                    package: package.to_string(),
                    other: display(&other),
                    other_package: theirs.to_string(),
                });
                break;
            }
        }
    }
    out
}
