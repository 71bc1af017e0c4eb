//! `integrate demo`: a bundled sample platform (embedded in the binary) is written to a
//! temporary directory, `new <id>` runs there, and the diff and check result are printed. The
//! default is cloudpods + cloudmux (`new testcloud`); `--platform opendal` shows Apache OpenDAL
//! (`new acmefs`: the facade's Cargo.toml and lib.rs, a service crate, the bindings).

use std::io::Write;

use anyhow::{Context, Result};
use include_dir::{Dir, include_dir};
use integrate_codegen::descriptor::Descriptor;
use integrate_codegen::engine::Run;
use integrate_codegen::{Severity, Workspace, WorkspaceOptions};

static SAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../examples/sample-platform");
static SAMPLE_OPENDAL: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../examples/sample-opendal");

/// A platform the demo can show: its sample tree, the provider it adds and how.
struct Demo {
    sample: &'static Dir<'static>,
    id: &'static str,
    command: &'static str,
    descriptor: &'static str,
}

const OPENDAL_DESCRIPTOR: &str = r#"schema = 1
id = "acmefs"
brand = "AcmeFS"
env = "public"
"#;

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

pub fn run(keep: bool, opendal: bool, out: &mut dyn Write) -> Result<u8> {
    let demo = if opendal {
        Demo { sample: &SAMPLE_OPENDAL, id: "acmefs", command: "integrate new acmefs --brand AcmeFS --env public", descriptor: OPENDAL_DESCRIPTOR }
    } else {
        Demo { sample: &SAMPLE, id: "testcloud", command: "integrate new testcloud --brand TestCloud --env private --vms --metrics", descriptor: DESCRIPTOR }
    };
    let tmp = tempfile::Builder::new().prefix("integrate-demo-").tempdir().context("creating a temporary directory")?;
    demo.sample.extract(tmp.path()).with_context(|| format!("writing the sample platform to {}", tmp.path().display()))?;
    let ws = Workspace::open(tmp.path(), &WorkspaceOptions::default())?;
    writeln!(out, "# sample platform written to {}", tmp.path().display())?;
    writeln!(out, "# {}", demo.command)?;
    let descriptor = Descriptor::parse(&ws.descriptor_path(demo.id), demo.descriptor)?;
    let plan = Run::new(&ws).plan_new(&descriptor)?;
    write!(out, "{}", plan.unified_diff())?;
    plan.commit(&ws)?;
    writeln!(out, "# {} file(s) changed", plan.changes.len())?;
    writeln!(out, "# integrate check {}", demo.id)?;
    let descriptors = ws.load_descriptors(&[])?;
    // A new run: the first one read the files before they were written.
    let run = Run::new(&ws);
    let mut reports = run.check(&descriptors)?;
    reports.retain(|r| r.provider == demo.id);
    let code = crate::output::report_check(&reports, Severity::Note, crate::output::CheckFormat::Human, None, out)?;
    if code == 0 {
        writeln!(out, "# check: every registration of {} is present", demo.id)?;
    }
    let again = run.plan_apply(&descriptors)?;
    writeln!(out, "# a second apply changes {} file(s)", again.changes.len())?;
    if keep {
        let path = tmp.keep();
        writeln!(out, "# kept {}", path.display())?;
    }
    Ok(code)
}
