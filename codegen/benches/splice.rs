//! Splicing time against file size: a `go.const_spec` point inserts one constant into a
//! generated `const ( ... )` block of growing size (the same shape as cloudpods' largest
//! provider const blocks, up to 50 MB), and the bench prints, per size, the time of the whole
//! inspect-and-splice and the time per megabyte. Linear splicing keeps the per-megabyte time
//! flat as the file grows; the last line prints the ratio of the largest size's per-megabyte
//! time to the smallest's. Nothing is asserted: timings are only printed.
//!
//!   cargo bench -p integrate-codegen --bench splice            # 1, 3, 10, 50 MB
//!   SIZES_MB=1,2.8 cargo bench -p integrate-codegen --bench splice

use std::path::PathBuf;
use std::time::Instant;

use integrate_codegen::backend::{Inspection, SourceFile, build_kind};
use integrate_codegen::error::Location;
use integrate_codegen::template::{TemplateStore, Templates};

/// A gofmt-clean Go file with one aligned `const ( ... )` block of about `bytes` bytes.
fn const_block(bytes: usize) -> String {
    let mut out = String::from("package compute\n\nconst (\n");
    let mut i = 0usize;
    while out.len() < bytes {
        out.push_str(&format!("\tCLOUD_PROVIDER_P{i:07} = \"P{i:07}\"\n"));
        i += 1;
    }
    out.push_str(")\n");
    out
}

fn main() {
    let sizes: Vec<f64> = std::env::var("SIZES_MB")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1.0, 3.0, 10.0, 50.0]);
    let spec: toml::Table = toml::from_str(
        "family = \"^CLOUD_PROVIDER_\"\nname = \"CLOUD_PROVIDER_{{ names.const }}\"\nvalue = '\"{{ brand }}\"'\n",
    )
    .expect("the point parses");
    let kind = build_kind("go.const_spec", spec, &Location::new("bench.toml", 1, 1)).expect("a const_spec point");
    let templates = Templates::new(&TemplateStore::default());
    let ctx = minijinja::Value::from_serialize(serde_json::json!({"id": "acme", "brand": "AcmeCloud", "names": {"const": "ACME"}}));
    let r = templates.renderer(&ctx, "bench");
    let display = PathBuf::from("compute.go");
    let mut per_mb = Vec::new();
    for mb in sizes {
        let text = const_block((mb * 1_000_000.0) as usize);
        let started = Instant::now();
        let inspection = kind.inspect(&SourceFile::new(&display, Some(&text)), &r).expect("inspect");
        let elapsed = started.elapsed().as_secs_f64();
        let grew = match inspection {
            Inspection::Missing { updated, .. } => updated.len() - text.len(),
            other => panic!("expected Missing, got {other:?}"),
        };
        let size_mb = text.len() as f64 / 1e6;
        println!("{size_mb:8.1} MB  {elapsed:8.3} s  {:7.3} s/MB  (+{grew} bytes)", elapsed / size_mb);
        per_mb.push(elapsed / size_mb);
    }
    if let (Some(first), Some(last)) = (per_mb.first(), per_mb.last()) {
        println!("per-MB time, largest / smallest: {:.2} (about 1 when splicing is linear)", last / first);
    }
}
