//! `integrate check` against its floor. The floor is the time merely to read the files check
//! reads: the list comes from [`Run::files_read`] after [`Run::check`], the record of a real check run
//! (points' files, the files `present_if` globs search, the files of the profile's checks,
//! paths looked for that do not exist), never from a hand-written list. The bench times
//! reading those files (median of N runs, page cache warm), times a full check in process
//! (open the workspace, load the descriptors, check; median of N runs; like the binary, it does
//! not count freeing the parsed files, which the binary skips at exit), and prints both, the
//! ratio check / floor and the peak resident memory of this process. It also times apply's
//! plan for every descriptor in process (what `integrate apply --dry-run` computes) and prints
//! the ratio apply / check.
//!
//!   cargo bench -p integrate-codegen --bench check -- DIR    # DIR holds integrate.toml
//!   RUNS=9 cargo bench -p integrate-codegen --bench check -- DIR
//!
//! The workspace may also come from INTEGRATE_BENCH_WORKSPACE. scripts/bench.sh runs this after
//! timing the `integrate` binary. Nothing here is asserted: timings are only printed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use integrate_codegen::engine::Run;
use integrate_codegen::{Workspace, WorkspaceOptions};

fn main() -> ExitCode {
    // `cargo bench` adds `--bench`; the workspace is the first other argument.
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .or_else(|| std::env::var("INTEGRATE_BENCH_WORKSPACE").ok())
        .map(PathBuf::from);
    let Some(dir) = dir else {
        eprintln!("usage: cargo bench -p integrate-codegen --bench check -- DIR  (DIR holds integrate.toml; or set INTEGRATE_BENCH_WORKSPACE)");
        return ExitCode::from(2);
    };
    let runs: usize = std::env::var("RUNS").ok().and_then(|r| r.parse().ok()).filter(|r| *r > 0).unwrap_or(5);
    match bench(&dir, runs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn bench(dir: &Path, runs: usize) -> integrate_codegen::Result<()> {
    let dir = std::path::absolute(dir).map_err(|e| integrate_codegen::Error::io(dir, e))?;
    // Paths are shown relative to the current directory, as the binary run there shows them.
    std::env::set_current_dir(&dir).map_err(|e| integrate_codegen::Error::io(&dir, e))?;
    let (ws, descriptors) = open(&dir)?;
    // This first check also warms the page cache for both measurements.
    let run = Run::new(&ws);
    run.check(&descriptors)?;
    let files = run.files_read();
    drop(run);
    drop((ws, descriptors));

    let mut bytes = 0;
    let mut existing = 0;
    let floor = median(runs, || {
        bytes = 0;
        existing = 0;
        for path in &files {
            // A path check looks for and does not find costs it the failed open, too.
            if let Ok(b) = std::fs::read(path) {
                bytes += b.len();
                existing += 1;
            }
        }
        Ok(())
    })?;
    let mut findings = 0;
    let check = median(runs, || {
        let (ws, descriptors) = open(&dir)?;
        let run = Run::new(&ws);
        findings = run.check(&descriptors)?.iter().filter(|r| r.is_finding()).count();
        // Freed once the clock has stopped, as the binary leaves it to the end of the process.
        Ok(run.into_files())
    })?;

    let mut changes = 0;
    let apply = median(runs, || {
        let (ws, descriptors) = open(&dir)?;
        let run = Run::new(&ws);
        changes = run.plan_apply(&descriptors)?.changes.len();
        Ok(run.into_files())
    })?;

    let (_, descriptors) = open(&dir)?;
    println!("workspace: {} ({} descriptors, {findings} findings)", dir.display(), descriptors.len());
    println!("check (in process)  median {:8.2} ms over {runs} runs: open the workspace, load the descriptors, check", ms(check));
    println!("apply (in process)  median {:8.2} ms over {runs} runs: open the workspace, load the descriptors, plan apply ({changes} files would change)", ms(apply));
    println!("ratio apply / check: {:.2}", apply.as_secs_f64() / check.as_secs_f64().max(1e-9));
    println!(
        "floor               median {:8.2} ms over {runs} runs: read the {} paths check reads ({existing} files, {:.1} MiB)",
        ms(floor),
        files.len(),
        bytes as f64 / (1024.0 * 1024.0)
    );
    println!("ratio check / floor: {:.1}", check.as_secs_f64() / floor.as_secs_f64().max(1e-9));
    match peak_rss_kib() {
        Some(kib) => println!("peak RSS of this process: {:.1} MiB", kib as f64 / 1024.0),
        None => println!("peak RSS of this process: not available (needs /proc/self/status)"),
    }
    Ok(())
}

fn open(dir: &Path) -> integrate_codegen::Result<(Workspace, Vec<integrate_codegen::Descriptor>)> {
    let ws = Workspace::open(dir, &WorkspaceOptions::default())?;
    let descriptors = ws.load_descriptors(&[])?;
    Ok((ws, descriptors))
}

/// The median wall time of `runs` calls of `f`; what `f` returns is dropped after the clock.
fn median<T>(runs: usize, mut f: impl FnMut() -> integrate_codegen::Result<T>) -> integrate_codegen::Result<Duration> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let out = f()?;
        times.push(start.elapsed());
        drop(out);
    }
    times.sort();
    Ok(times[times.len() / 2])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The high-water mark of this process's resident memory (Linux `VmHWM`), in KiB.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?.trim().strip_suffix("kB")?.trim().parse().ok()
}
