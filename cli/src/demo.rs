//! `integrate demo`: the bundled sample platform (embedded in the binary) is written to a
//! temporary directory, `new testcloud` runs there, and the diff and check result are printed.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use include_dir::{Dir, include_dir};
use integrate_codegen::descriptor::Descriptor;
use integrate_codegen::engine::Run;
use integrate_codegen::{Severity, Workspace, WorkspaceOptions};

static SAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../examples/sample-platform");

const DESCRIPTOR: &str = r#"schema = 1
id = "testcloud"
brand = "TestCloud"
env = "private"

[features]
vms = true
metrics = true

[credential]
kind = "access_key"
"#;

/// Writes the embedded sample platform under `dir`.
pub fn extract_sample(dir: &Path) -> Result<()> {
    SAMPLE.extract(dir).with_context(|| format!("writing the sample platform to {}", dir.display()))
}

pub fn run(keep: bool, out: &mut dyn Write) -> Result<u8> {
    let tmp = tempfile::Builder::new().prefix("integrate-demo-").tempdir().context("creating a temporary directory")?;
    extract_sample(tmp.path())?;
    let ws = Workspace::open(tmp.path(), &WorkspaceOptions::default())?;
    writeln!(out, "# sample platform written to {}", tmp.path().display())?;
    writeln!(out, "# integrate new testcloud --brand TestCloud --env private --vms --metrics")?;
    let descriptor = Descriptor::parse(&ws.descriptor_path("testcloud"), DESCRIPTOR)?;
    let plan = Run::new(&ws).plan_new(&descriptor)?;
    write!(out, "{}", plan.unified_diff())?;
    plan.commit(&ws)?;
    writeln!(out, "# {} file(s) changed", plan.changes.len())?;
    writeln!(out, "# integrate check testcloud")?;
    let descriptors = ws.load_descriptors(&[])?;
    // A new run: the first one read the files before they were written.
    let run = Run::new(&ws);
    let mut reports = run.check(&descriptors)?;
    reports.retain(|r| r.provider == "testcloud");
    let code = crate::output::report_check(&reports, Severity::Note, crate::output::CheckFormat::Human, None, out)?;
    if code == 0 {
        writeln!(out, "# check: every registration of testcloud is present")?;
    }
    let again = run.plan_apply(&descriptors)?;
    writeln!(out, "# a second apply changes {} file(s)", again.changes.len())?;
    if keep {
        let path = tmp.keep();
        writeln!(out, "# kept {}", path.display())?;
    }
    Ok(code)
}
