//! Rebuilds the binary when the bundled sample platform changes: `include_dir!` embeds it but
//! does not tell cargo to watch it.

fn main() {
    println!("cargo:rerun-if-changed=../examples/sample-platform");
    println!("cargo:rerun-if-changed=../examples/sample-opendal");
}
