//! Rebuilds the crate when a built-in profile or template changes: `include_dir!` embeds
//! `profiles/` but does not tell cargo to watch it.

fn main() {
    println!("cargo:rerun-if-changed=profiles");
}
